"""Next steps promised in a call (follow_ups) and the day the problem happened (occurred_on)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.extract import followups, when
from pipeline.extract.context import CallContext, build_context
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
WEDNESDAY = dt.datetime(2026, 10, 14, 13, 0, tzinfo=KST)
MONDAY = dt.datetime(2026, 11, 23, 11, 0, tzinfo=KST)


def _context(text: str, started: dt.datetime = WEDNESDAY) -> CallContext:
    return build_context(parse_text_transcript(text), started)


Step = tuple[Owner, dt.date | None]


def _steps(text: str, resolution: str = "pending", started: dt.datetime = WEDNESDAY) -> list[Step]:
    found = followups.follow_ups(_context(text, started), resolution, "수리")
    return sorted(((f.owner, f.due) for f in found.value), key=str)


BOOKED_VISIT = """상담원: 네 미래전자 서비스센터입니다
고객: 에어컨이 찬바람이 안 나와요
상담원: 네 기사님 방문 가능한 날은 다음 주 수요일이에요
고객: 그날 좋아요 오후로 해 주세요
상담원: 네 다음 주 수요일 오후 세 시로 접수됐고 방문 전날 기사님이 전화 드릴 거예요
고객: 네 감사합니다"""


def test_a_booked_visit_and_the_call_the_day_before_are_two_company_steps() -> None:
    assert _steps(BOOKED_VISIT) == sorted(
        [(Owner.COMPANY, dt.date(2026, 10, 21)), (Owner.COMPANY, dt.date(2026, 10, 20))], key=str
    )


def test_the_customers_dated_sentence_dates_their_promise() -> None:
    text = """상담원: 네 든든생명입니다
고객: 통원 치료비 청구하려고요
상담원: 진료비 영수증이랑 세부 내역서가 필요하세요
고객: 그럼 이번 달 말까지 병원 가서 서류 떼서 앱으로 올릴게요
상담원: 네 감사합니다"""
    assert _steps(text) == [(Owner.CUSTOMER, dt.date(2026, 10, 31))]


def test_a_fallback_asked_of_the_customer_is_not_a_step() -> None:
    text = """상담원: 네 든든생명입니다
고객: 앱에 서류가 안 올라가요
상담원: 사진으로 찍어서 올려 보시고요 제가 금요일 오전에 접수됐는지 확인해서 문자 드릴게요
고객: 만약에 또 안 되면요
상담원: 또 안 되시면 팩스 번호를 문자로 보내 드릴 테니 증권번호 적어서 보내 주시면 돼요
고객: 네 알겠습니다"""
    owners = [owner for owner, _ in _steps(text)]
    assert Owner.CUSTOMER not in owners
    assert (Owner.AGENT, dt.date(2026, 10, 16)) in _steps(text)


def test_a_reason_for_not_promising_is_not_a_step() -> None:
    text = """상담원: 네 포스원 고객센터입니다
고객: 업데이트하고 나서 앱이 자꾸 꺼져요 언제 고쳐져요
상담원: 수정 일정은 개발팀에서 판단해야 돼서 제가 지금 말씀드리긴 어렵고요 금요일까지 개발팀 답변을 이메일로 드릴게요
고객: 네"""
    assert _steps(text, "escalated") == [(Owner.AGENT, dt.date(2026, 10, 16))]


UNDECIDED = """상담원: 네 미래전자입니다
고객: 수리비가 얼마나 나와요
상담원: 패널 교체라서 삼십이만 원입니다
고객: 아 비싸네요 {closing}
상담원: 네 감사합니다"""


@pytest.mark.parametrize(
    ("closing", "steps"),
    [
        ("좀 생각해 볼게요", 0),
        ("판매점에 물어보고 안 되면 다시 전화할게요", 0),
        ("가족이랑 얘기해 보고 다시 전화드릴게요", 1),
        ("가족이랑 얘기해서 결정되면 연락드릴게요", 1),
    ],
)
def test_an_undecided_call_has_a_step_only_when_the_customer_says_they_will_come_back(
    closing: str, steps: int
) -> None:
    found = _steps(UNDECIDED.format(closing=closing), "unresolved")
    assert len(found) == steps
    assert all(owner is Owner.CUSTOMER for owner, _ in found)


@pytest.mark.parametrize(
    ("customer_says", "started", "day"),
    [
        ("식기세척기가 삼 주 전쯤부터 물이 안 빠져요", WEDNESDAY, dt.date(2026, 9, 23)),
        ("토요일에 업데이트하고 나서부터 영수증 출력하면 앱이 꺼져요", MONDAY, dt.date(2026, 11, 21)),
        ("보름 전부터 인터넷이 자꾸 끊겨요", MONDAY, dt.date(2026, 11, 8)),
        ("그저께부터 냉장실이 안 시원해요", MONDAY, dt.date(2026, 11, 21)),
    ],
)
def test_the_day_the_customer_says_it_began(
    customer_says: str, started: dt.datetime, day: dt.date
) -> None:
    text = f"상담원: 네 고객센터입니다\n고객: {customer_says}\n상담원: 네 확인해 보겠습니다"
    assert when.occurred_on(_context(text, started)).value == day


def test_a_purchase_date_given_as_an_answer_is_not_when_it_happened() -> None:
    text = """상담원: 네 한빛손해보험입니다
고객: 보험 증권이 아직 안 왔어요
상담원: 언제 가입하셨을까요
고객: 지난달 이십 일에요
상담원: 보니까 증권이 이번 달 이 일에 등기로 발송됐는데 반송이 됐네요"""
    assert when.occurred_on(_context(text, MONDAY)).value == dt.date(2026, 11, 2)


def test_a_plain_cancellation_has_no_day_of_a_problem() -> None:
    text = """상담원: 네 클라우드온 고객센터입니다
고객: 연간 결제한 거 해지하고 남은 거 환불받으려고요
상담원: 네 유월 이 일 결제 건이시네요 해지 접수했습니다"""
    assert when.occurred_on(_context(text, MONDAY)).value is None


def test_records_the_agent_reads_out_together_began_with_the_first() -> None:
    text = """상담원: 네 누리모바일입니다
고객: 이번 달 요금에 제가 결제 안 한 게 두 건이나 나왔어요
상담원: 소액결제로 두 건이 청구가 됐네요 시월 이십삼 일에 한 건 만 원 시월 이십육 일에 한 건 만 원이요"""
    assert when.occurred_on(_context(text, MONDAY)).value == dt.date(2026, 10, 23)


def test_a_day_recalled_after_a_pause() -> None:
    text = """상담원: 네 든든생명입니다
고객: 제가 지난달에 아 그러니까 시월 이십 며칠이더라 이십이일 계단에서 넘어져서 다쳤어요"""
    assert when.occurred_on(_context(text, MONDAY)).value == dt.date(2026, 10, 22)
