"""What the customer brought: purpose, issue summary and desired outcome read as object,
problem, remedy and request kind."""

from __future__ import annotations

import datetime as dt

from models.note import ConsultationNote
from pipeline.process import process_text

CALL_STARTED = dt.datetime(2026, 11, 20, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=CALL_STARTED).note


DOUBLE_CHARGE = """상담원: 네 하루페이 고객센터 상담원 정유나입니다
고객: 네 제가 어제 영상 구독을 결제했는데 결제가 두 번 됐어요
상담원: 네 확인해 보겠습니다 성함 말씀해 주시겠어요
고객: 오민석이요
상담원: 네 오민석 고객님 어제 저녁 영상 구독 결제가 두 건 조회됩니다
고객: 네 하나는 취소해 주세요
상담원: 네 한 건 취소 접수해 드렸습니다
"""

WASHER_FAULT = """상담원: 네 하늘전자 서비스센터입니다
고객: 세탁기가 어제부터 물이 안 빠져요 필터 청소도 해 봤는데 똑같아요
상담원: 불편 드려 죄송합니다 세탁기 모델명 아시나요
고객: 잘 모르겠어요
상담원: 네 세탁기 배수 문제로 기사 방문 접수해 드릴게요
"""

PLAN_QUESTION = """상담원: 네 바다모바일 고객센터입니다
고객: 아버지 휴대폰 요금제를 좀 바꿔 볼까 해서요 어떤 요금제가 있나 궁금해서요
상담원: 네 지금 쓰시는 요금제 기준으로 시니어 요금제를 안내해 드릴게요
고객: 음 생각해 보고 다시 전화할게요
"""

SPELLED_ORDER = """상담원: 네 솔빛몰 고객센터입니다
고객: 주문한 전기장판이 아직 안 왔어요 주문번호는 에이치엠 하이픈 삼삼일이에요
상담원: 네 전기장판 주문 건 확인해 보니 출고가 늦어지고 있습니다
"""


def test_a_double_charge_is_named_and_its_cancellation_wanted() -> None:
    note = _note(DOUBLE_CHARGE)
    assert note.purpose is not None and "중복 결제" in note.purpose and "구독" in note.purpose
    assert note.desired_outcome is not None and note.desired_outcome.endswith("취소")
    assert "구독" in note.desired_outcome


def test_a_fault_is_named_as_a_problem_noun_and_the_remedy_is_implied() -> None:
    note = _note(WASHER_FAULT)
    assert note.purpose is not None and note.purpose.startswith("세탁기")
    assert "배수 불량" in note.purpose
    assert note.issue.summary is not None and "배수 불량" in note.issue.summary
    assert "필터 청소" in note.issue.summary  # what the customer already tried
    assert note.desired_outcome is not None and note.desired_outcome.startswith("세탁기")
    assert note.desired_outcome.endswith("배수 불량 방문 수리받기를 원함")  # a repair is received


def test_an_undecided_product_question_is_an_inquiry() -> None:
    note = _note(PLAN_QUESTION)
    assert note.purpose is not None and note.purpose.endswith("문의")
    assert "요금제" in note.purpose
    assert "아버지" not in note.purpose  # who uses it, not what it is about


def test_spelled_codes_and_procedure_words_are_not_objects() -> None:
    note = _note(SPELLED_ORDER)
    assert note.purpose is not None and "전기장판" in note.purpose
    for word in ("에이치엠", "하이픈", "주문번호"):
        assert word not in note.purpose
    assert "미도착" in note.purpose or "지연" in note.purpose


def test_the_summary_adds_what_the_agent_found_and_leaves_numbers_out() -> None:
    note = _note(SPELLED_ORDER)
    assert note.issue.summary is not None
    assert "출고" in note.issue.summary  # the agent's finding: 출고가 늦어지고 있음
    assert "에이치엠" not in note.issue.summary and "하이픈" not in note.issue.summary


# Problems said as everyday predicates, each named as the noun a log writes, with the remedy a
# customer who reports it and asks for nothing else wants.
_PROBLEM_CALLS = [
    ("고객: 공유기를 바꿨는데 저녁마다 인터넷이 자꾸 끊겨요", "끊김", "방문 점검"),
    ("고객: 정수기 아래로 물이 새요 바닥이 다 젖었어요", "누수", "방문 수리"),
    ("고객: 어제 계좌이체를 하다가 돈을 잘못 보냈어요", "오송금", "반환"),
    ("고객: 휴대폰을 바꾼 뒤로 인증번호 문자가 안 와요", "문자 미수신", "정상 수신"),
    ("고객: 주문한 건 검정색인데 색상이 달라요", "상품 상이", "교환"),
    ("고객: 무선 청소기가 충전이 안 돼요 불이 안 들어와요", "충전 불량", "방문 수리"),
]


def test_everyday_problem_predicates_are_named_in_the_purpose_with_their_implied_remedy() -> None:
    for line, problem, remedy in _PROBLEM_CALLS:
        note = _note(f"상담원: 네 고객센터 상담원 이하나입니다 무엇을 도와드릴까요\n{line}\n")
        assert note.purpose is not None and problem in note.purpose, (line, note.purpose)
        assert note.desired_outcome is not None and remedy in note.desired_outcome, (
            line,
            note.desired_outcome,
        )
