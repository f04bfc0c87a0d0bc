"""Structured fields of the 상담일지 draft as an agent would check them: follow-ups (who, by
when), resolution, category, identifiers, when the problem happened. Calls written for these
tests; 2026-11-20 is a Friday."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import ConsultationNote, Owner
from pipeline.normalize.dates import resolve_dates
from pipeline.process import process_text

FRIDAY = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))
CALL_DAY = FRIDAY.date()


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=FRIDAY).note


def _follow(note: ConsultationNote) -> list[tuple[Owner, dt.date | None]]:
    return sorted(((f.owner, f.due) for f in note.follow_ups), key=lambda p: (p[0].value, str(p[1])))


VISIT_CALL = """상담원: 네 하늘전자 서비스센터 상담원 오세진입니다
고객: 에어컨에서 물이 떨어져서요 어제 저녁부터 그래요
상담원: 네 불편 드려 죄송합니다 성함 말씀해 주시겠어요
고객: 문가영이요
상담원: 네 문가영 고객님 확인됐습니다 배수 쪽 점검이 필요해서 기사님 방문으로 접수해 드리겠습니다
고객: 네 빨리 와 주세요
상담원: 네 기사님이 모레 오전에 방문하실 거고요 방문 전에 기사님이 먼저 전화드릴 거예요
고객: 네 알겠습니다
상담원: 감사합니다 오세진이었습니다
"""


def test_technician_visit_is_the_company_s_step_due_on_the_day_said() -> None:
    note = _note(VISIT_CALL)
    assert note.resolution == "pending"
    assert _follow(note) == [(Owner.COMPANY, CALL_DAY + dt.timedelta(days=2))]
    assert note.issue.occurred_on == CALL_DAY - dt.timedelta(days=1)


CALLBACK_CALL = """상담원: 네 마켓온 고객센터 상담원 강다은입니다
고객: 주문한 책상이 아직 안 와서요 지난 월요일에 주문했거든요
상담원: 네 확인해 보겠습니다 판매자 쪽 출고가 늦어지고 있네요 제가 판매자에게 확인해서 월요일까지 다시 연락드리겠습니다
고객: 네 꼭 연락 주세요
상담원: 네 감사합니다
"""


def test_agent_callback_is_the_agent_s_with_the_weekday_said() -> None:
    note = _note(CALLBACK_CALL)
    assert note.category == "delivery"
    assert note.resolution == "pending"
    assert _follow(note) == [(Owner.AGENT, dt.date(2026, 11, 23))]


DOCUMENTS_CALL = """상담원: 네 한결손해보험 상담원 백지호입니다
고객: 보험금 청구하려고 하는데요 서류가 뭐가 필요해요
상담원: 네 진단서하고 진료비 영수증이 필요합니다 서류는 앱에서 사진으로 올려 주시면 됩니다
고객: 네 다음 주 화요일까지 올릴게요
상담원: 네 서류 접수되면 삼 영업일 안에 심사해서 지급되고요 결과는 문자로 안내드립니다
고객: 네 감사합니다
"""


def test_customer_step_and_the_company_step_after_it() -> None:
    note = _note(DOCUMENTS_CALL)
    assert note.resolution == "pending"
    # The payment counts three business days from documents not yet sent: no date.
    assert _follow(note) == [(Owner.COMPANY, None), (Owner.CUSTOMER, dt.date(2026, 11, 24))]


DONE_CALL = """상담원: 네 누리모바일 상담원 윤하람입니다
고객: 요금제를 좀 바꾸고 싶어서요
상담원: 네 성함 말씀해 주시겠어요
고객: 권도윤이요
상담원: 네 권도윤 고객님 지금 쓰시는 요금제에서 데이터 무제한 요금제로 변경했습니다 다음 달 청구서부터 적용됩니다
고객: 네 감사합니다
"""


def test_a_change_made_in_the_call_is_resolved_with_no_follow_ups() -> None:
    note = _note(DONE_CALL)
    assert note.resolution == "resolved"
    assert note.follow_ups == []


IF_NEEDED_CALL = """상담원: 네 클라우드박스 상담원 정이안입니다
고객: 앱이 로그인이 안 돼요
상담원: 네 계정 잠금 해제했습니다 지금 다시 로그인해 보시겠어요
고객: 아 네 이제 되네요
상담원: 네 혹시 또 안 되시면 저희가 다시 연락드리겠습니다
고객: 네 감사합니다
"""


def test_a_promise_only_if_something_goes_wrong_leaves_the_call_resolved() -> None:
    note = _note(IF_NEEDED_CALL)
    assert note.resolution == "resolved"
    assert note.follow_ups == []


UNDECIDED_CALL = """상담원: 네 별빛카드 상담원 최서윤입니다
고객: 카드 해지하면 연회비 돌려받을 수 있나 해서요
상담원: 네 남은 기간만큼 연회비가 환급됩니다 지금 해지 도와드릴까요
고객: 음 좀 생각해 보고 다시 전화드릴게요
상담원: 네 알겠습니다
"""


def test_undecided_customer_owns_the_one_next_step() -> None:
    note = _note(UNDECIDED_CALL)
    assert note.resolution == "unresolved"
    assert [f.owner for f in note.follow_ups] == [Owner.CUSTOMER]


TEAM_CALL = """상담원: 네 스타일몰 상담원 한유진입니다
고객: 판매자가 반품을 안 받아 준대요 제가 보낼 때는 멀쩡했는데요
상담원: 네 이 건은 분쟁조정팀으로 넘겨 드리겠습니다 분쟁조정팀에서 다음 주 수요일까지 결과를 문자로 안내드릴 거예요
고객: 네
"""


def test_handed_to_a_team_for_a_decision_is_escalated_and_the_team_answers() -> None:
    note = _note(TEAM_CALL)
    assert note.resolution == "escalated"
    assert _follow(note) == [(Owner.COMPANY, dt.date(2026, 11, 25))]


def test_a_link_sent_during_the_call_is_no_follow_up() -> None:
    note = _note(
        "상담원: 네 포토랩 상담원 이서준입니다\n"
        "고객: 환불받고 싶어요\n"
        "상담원: 네 환불 접수해 드릴게요 지금 문자로 신청 링크 보내 드릴게요\n"
        "상담원: 링크 발송했습니다 환불은 삼 영업일 안에 결제하신 카드로 취소 처리됩니다\n"
        "고객: 네\n"
    )
    assert _follow(note) == [(Owner.COMPANY, dt.date(2026, 11, 25))]


def test_the_problem_date_is_when_it_began() -> None:
    note = _note(
        "상담원: 네 한빛텔레콤입니다\n"
        "고객: 인터넷이 지난주 화요일부터 계속 끊겨요 어제도 그랬고요\n"
        "상담원: 네 확인해 보겠습니다\n"
    )
    assert note.issue.occurred_on == dt.date(2026, 11, 10)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("금요일 오전에 방문", dt.date(2026, 11, 27)),  # said on a Friday: the next one
        ("월요일까지 연락", dt.date(2026, 11, 23)),
        ("지난 토요일에 받았어요", dt.date(2026, 11, 14)),
        ("다음 주 화요일", dt.date(2026, 11, 24)),
    ],
)
def test_a_weekday_said_alone(said: str, expected: dt.date) -> None:
    assert [m.date for m in resolve_dates(said, CALL_DAY)] == [expected]


@pytest.mark.parametrize(
    ("call", "values"),
    [
        # The birth date asked for with the order is verification, not an order number.
        ("상담원: 주문하신 분 생년월일 말씀해 주시겠어요\n고객: 팔오공삼일이요\n", set()),
        ("고객: 주문번호가 에이치 제이 구구팔 칠칠이요\n상담원: 네\n", {"HJ99877"}),
        ("상담원: 시리얼 넘버 불러 주시겠어요\n고객: 에스 엔 일이삼사오육칠팔이요\n", {"SN12345678"}),
    ],
)
def test_identifiers_as_said(call: str, values: set[str]) -> None:
    note = _note("상담원: 네 고객센터입니다\n" + call)
    assert {i.value.replace("-", "") for i in note.identifiers} == values


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        ("구독 결제가 두 번 됐어요 하나는 취소해 주세요", "refund_return"),
        ("팀 플랜 쓰고 있는데 사용자를 다섯 명 추가하려고요", "order"),
        ("다음 주에 일본 가는데 카드가 해외에서 안 된다고 해서요", "other"),
    ],
)
def test_category_from_the_opening_request(opening: str, category: str) -> None:
    note = _note(f"상담원: 네 고객센터입니다 무엇을 도와드릴까요\n고객: {opening}\n상담원: 네 확인해 보겠습니다\n")
    assert note.category == category
