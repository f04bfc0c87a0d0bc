"""The free-text fields of the draft read like a careful agent's note: no repeated dates,
no spoken endings in the middle of a sentence, actions as "X 조회/접수/요청", wishes as
"…를 원함", and a short summary."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import ConsultationNote
from pipeline.extract.style import written_numbers
from pipeline.hangul import object_particle
from pipeline.flagging import flag_text
from pipeline.process import process_text

CALL_STARTED = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))
CALL_DAY = CALL_STARTED.date()


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=CALL_STARTED).note


def _drafted(note: ConsultationNote) -> list[str]:
    texts = [note.purpose, note.issue.summary, note.issue.status, note.desired_outcome, note.summary]
    return [t for t in texts + note.actions_taken if t]


REFUND_CALL = """상담원: 네 누리쇼핑 고객센터 상담원 박서연입니다 무엇을 도와드릴까요
고객: 지난주에 받은 블렌더가 전원이 안 켜져요
상담원: 불편 드려 죄송합니다 주문번호 알려 주시겠어요
고객: 에이비 칠칠팔이요
상담원: 네 조회됐습니다 블렌더 한 대 주문하신 거 맞으시죠
고객: 네 맞아요 교환 말고 그냥 환불받고 싶어요
상담원: 네 반품 접수해 드렸습니다 회수 기사님이 모레 방문합니다
고객: 네 알겠어요
상담원: 환불은 회수 후 삼 일 안에 카드 취소로 처리됩니다 감사합니다
"""

ADDRESS_CALL = """상담원: 네 한결생명 고객센터 상담원 이도윤입니다
고객: 이사를 해서 주소를 바꾸려고요
상담원: 네 새 주소 말씀해 주시겠어요
고객: 부산시 해운대구 해운대로 오백칠십이요
상담원: 네 주소 변경 완료됐습니다 변경 완료 안내 문자 보내 드렸습니다
고객: 감사합니다
"""

OFFER_CALL = """상담원: 네 모아소프트 고객센터입니다 무엇을 도와드릴까요
고객: 구독 결제가 두 번 됐어요
상담원: 확인해 보니 오늘 같은 금액이 두 번 결제됐네요 중복 결제 한 건 취소해 드릴까요
고객: 네 해 주세요
상담원: 네 중복 결제 한 건 취소 완료됐습니다
고객: 감사합니다
"""

FAULT_CALL = """상담원: 네 누리텔레콤 고객센터입니다 무엇을 도와드릴까요
고객: 어제부터 인터넷이 안 돼요
상담원: 불편 드려 죄송합니다 모뎀 불빛이 어떻게 되어 있나요
고객: 빨간불이에요
상담원: 원격으로 점검해 보니 회선 문제라서 기사 방문 접수해 드렸습니다
고객: 네 그걸로 해 주세요
"""


# --- written forms ------------------------------------------------------------------------


def test_today_said_twice_is_written_once() -> None:
    """"오늘이 벌써 이십 일인데" must not read "11월 20일이 11월 20일인데"."""
    written = written_numbers("근데 오늘이 벌써 이십 일인데 아무 연락도 없고", CALL_DAY)
    assert written.count("11월 20일") == 1
    assert "11월 20일인데" in written


def test_particle_follows_the_written_date() -> None:
    assert written_numbers("어제는 괜찮았는데", CALL_DAY).startswith("11월 19일은 ")
    assert written_numbers("그저께가 제일 심했어요", CALL_DAY).startswith("11월 18일이 ")
    assert written_numbers("내일까지는 돼요", CALL_DAY).startswith("11월 21일까지는")


def test_object_particle() -> None:
    assert object_particle("취소") == "를"
    assert object_particle("반품 접수") == "를"
    assert object_particle("환불") == "을"


# --- the fields ---------------------------------------------------------------------------


def test_wish_joined_by_go_is_one_request() -> None:
    """"환불받고 싶어요" is one wish, not a clause "환불받고" and a clause "싶어요"."""
    note = _note(REFUND_CALL)
    assert note.desired_outcome is not None
    assert "환불" in note.desired_outcome and "교환" not in note.desired_outcome


def test_state_word_never_opens_an_action() -> None:
    note = _note(ADDRESS_CALL)
    assert not any(a.startswith("완료") for a in note.actions_taken)
    assert note.issue.status is None or not note.issue.status.startswith("완료")
    assert "변경 완료 안내 문자 발송" in note.actions_taken or any(
        "문자 발송" in a for a in note.actions_taken
    )


def test_agreeing_to_an_offer_wants_the_offer() -> None:
    """"네 해 주세요" after "중복 결제 한 건 취소해 드릴까요" wants that cancellation."""
    note = _note(OFFER_CALL)
    assert note.desired_outcome is not None
    assert "취소" in note.desired_outcome and "결제" in note.desired_outcome


def test_a_fault_report_wants_it_working_and_slot_picks_are_not_wishes() -> None:
    note = _note(FAULT_CALL)
    assert "그걸로" not in (note.desired_outcome or "")
    assert note.desired_outcome is not None
    assert "인터넷" in note.desired_outcome and note.desired_outcome.endswith("복구")


def test_request_to_a_team_keeps_its_destination() -> None:
    note = _note(
        """상담원: 네 행복쇼핑 고객센터입니다
고객: 주문한 노트북이 아직 안 와요
상담원: 네 물류센터에 출고 요청을 넣어 드리고요 내일까지 연락드리겠습니다
"""
    )
    assert "물류센터에 출고 요청" in note.actions_taken


def test_told_what_can_be_done_is_information_not_an_action() -> None:
    note = _note(
        """상담원: 네 행복쇼핑 고객센터입니다
고객: 공기청정기 주문한 거 취소할까 해서요
상담원: 아직 출고 전이라 주문 취소 가능합니다
고객: 조금 더 생각해 볼게요
"""
    )
    assert not any(a.endswith(" 취소") for a in note.actions_taken)
    assert any(a.endswith("안내") for a in note.actions_taken)


def test_no_spoken_endings_inside_the_issue() -> None:
    note = _note(
        """상담원: 네 누리텔레콤 고객센터입니다
고객: 앱 로그인이 안 돼서요 비밀번호를 몇 번 틀렸더니 잠겼다고 나와요
상담원: 네 확인해 보겠습니다
"""
    )
    assert note.issue.summary is not None
    assert "돼서요" not in note.issue.summary


def test_summary_is_short_prose_without_identity_checks() -> None:
    note = _note(REFUND_CALL)
    sentences = [s for s in note.summary.split(". ") if s]
    assert 1 <= len(sentences) <= 3
    assert "본인 확인" not in note.summary
    assert note.summary.startswith("고객")


def test_every_drafted_text_passes_the_flagger() -> None:
    for call in (REFUND_CALL, ADDRESS_CALL, OFFER_CALL, FAULT_CALL):
        for text in _drafted(_note(call)):
            assert flag_text(text) == [], text


def test_wish_is_written_as_a_noun() -> None:
    """"계좌를 바꾸고 싶어요" is logged "보험료 계좌 변경"; "해지해 주세요" as "카드 해지"."""
    note = _note(
        """상담원: 네 한결생명 고객센터입니다 무엇을 도와드릴까요
고객: 보험료 빠져나가는 계좌를 바꾸고 싶어요
상담원: 네 새 계좌 말씀해 주시겠어요
"""
    )
    assert note.desired_outcome == "보험료 계좌 변경"
    note = _note(
        """상담원: 네 별빛카드 고객센터입니다
고객: 안 쓰는 카드가 있어서 카드 해지해 주세요
상담원: 네 확인해 보겠습니다
"""
    )
    assert note.desired_outcome == "카드 해지"


def test_a_negated_wish_keeps_its_verb() -> None:
    """"다시는 안 사고 싶어요" must not become "안 구매를 원함"."""
    note = _note(
        """상담원: 네 고객센터입니다
고객: 이 회사 제품은 다시는 안 사고 싶어요
상담원: 네 말씀 잘 알겠습니다
"""
    )
    assert "안 구매" not in (note.desired_outcome or "")


def test_spoken_geo_is_written_out() -> None:
    """"택시에 놓고 내린 거 같아요" reads "…내린 것 같음", never "내린 건 같음"."""
    note = _note(
        """상담원: 네 누리텔레콤 고객센터입니다 무엇을 도와드릴까요
고객: 휴대폰을 잃어버렸어요 어제 택시에 놓고 내린 거 같아요
상담원: 네 분실 정지 도와드리겠습니다
"""
    )
    assert "건 같" not in (note.issue.summary or "")


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # 네 is "yes" before a noun that only starts like a unit; the note keeps the words.
        ("네 번호 불러 드릴게요", "네 번호 불러 드릴게요"),
        ("네 회원번호 확인됐습니다", "네 회원번호 확인됐습니다"),
        ("네 대리점에서 해지했어요", "네 대리점에서 해지했어요"),
        ("네 번 전화했어요", "4번 전화했어요"),
        ("두 대 주문할게요", "2대 주문할게요"),
        # A day word inside a company name is part of the name.
        ("오늘장보기 고객센터입니다", "오늘장보기 고객센터입니다"),
    ],
)
def test_counts_and_days_are_written_only_as_whole_words(said: str, written: str) -> None:
    assert written_numbers(said, CALL_DAY) == written
