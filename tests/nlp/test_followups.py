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


BRANCH_VISIT_MOVED = """상담원: 네 한마음은행입니다
고객: 휴면 계좌 해제하려고 하는데요
상담원: 금액이 커서 신분증 가지고 영업점에 직접 오셔야 해요
고객: 그럼 내일 갈께요
상담원: 고객님 내일은 영업점 휴무예요 금요일부터 업무 보세요
고객: 아 그럼 금요일에 들를게요
상담원: 네 알겠습니다"""


def test_the_customer_going_to_a_branch_is_their_step_on_the_day_finally_said() -> None:
    # 2026-10-14 is a Wednesday: "내일" (Thursday) was dropped for Friday.
    assert _steps(BRANCH_VISIT_MOVED) == [(Owner.CUSTOMER, dt.date(2026, 10, 16))]


def test_a_refund_that_takes_days_is_the_company_s_dated_step() -> None:
    text = """상담원: 네 온누리쇼핑입니다
고객: 반품한 거 환불 언제 돼요
상담원: 네 반품 확인돼서 환불 요청 넣었습니다 카드 환불까지 삼 일 정도 걸리세요
고객: 네"""
    assert _steps(text) == [(Owner.COMPANY, dt.date(2026, 10, 17))]


@pytest.mark.parametrize(
    ("reminder", "due"),
    [
        ("네 종료 일주일 전에 한 번 더 문자 드릴게요", dt.date(2026, 10, 24)),
        ("종료 사흘 전에 알림 메일 보내 드릴께요", dt.date(2026, 10, 28)),
    ],
)
def test_a_reminder_counted_back_from_an_event_gets_that_day(reminder: str, due: dt.date) -> None:
    text = f"""상담원: 네 하루클라우드입니다
고객: 무료 체험 끝나면 바로 돈 나가요
상담원: 체험은 이번 달 말일에 종료되고 그다음 날 첫 결제가 돼요
고객: 아 그럼 미리 알려 주세요
상담원: {reminder}
고객: 네 고마워요"""
    assert _steps(text) == [(Owner.COMPANY, due)]


def _undecided(ending: str, agent_answer: str) -> list[Step]:
    text = f"""상담원: 네 세진가구 고객센터입니다
고객: 소파 천갈이 견적 받은 거 때문에요 생각보다 비싸서요
상담원: 네 견적 금액은 이십팔만 원으로 나와 있습니다
고객: 음 남편이랑 얘기해 보고 {ending}
상담원: {agent_answer}
고객: 네 알겠어요"""
    return _steps(text, "unresolved")


@pytest.mark.parametrize("ending", ["결정할게요", "정할께요", "결정하겠습니다"])
def test_a_decision_asked_back_by_a_named_day_is_the_customer_s_step(ending: str) -> None:
    answer = "네 견적은 이번 달 이십 일까지 유효하니까 그 안에 정하셔서 연락 주시면 바로 진행해 드릴게요"
    assert _undecided(ending, answer) == [(Owner.CUSTOMER, dt.date(2026, 10, 20))]


def test_an_open_offer_to_call_again_leaves_an_undecided_call_with_no_step() -> None:
    answer = "네 천천히 보시고 필요하시면 언제든 다시 전화 주셔도 됩니다"
    assert _undecided("결정할게요", answer) == []


def test_what_the_agent_s_own_act_speeds_up_is_no_company_step() -> None:
    text = """상담원: 네 한마음은행입니다
고객: 통장 비밀번호를 잊어버려서요
상담원: 비밀번호 재설정은 신분증 가지고 영업점에 오셔야 돼요
고객: 그럼 토요일에 갈게요
상담원: 토요일은 영업을 안 해서요 제가 재설정 신청 미리 등록해 두면 창구에서 더 빨리 처리돼요
고객: 아 그럼 월요일에 들를게예"""
    assert _steps(text) == [(Owner.CUSTOMER, dt.date(2026, 10, 19))]


@pytest.mark.parametrize(
    ("ask", "reply"),
    [
        ("영수증 사진을 문자로 보내 주시면 제가 바로 보상팀에 넘기겠습니다", "네 오늘 저녁에 보낼게요"),
        ("진단서는 메일로 보내주시면 담당 부서에 전달해 드릴게요", "오늘 저녁에 보낼께요"),
    ],
)
def test_the_agent_s_step_after_what_the_customer_sends_is_due_when_they_send_it(
    ask: str, reply: str
) -> None:
    text = f"""상담원: 네 든든손해보험입니다
고객: 지난번 사고 건 보상이 어떻게 되는지 궁금해서요
상담원: 네 확인해 보니 서류가 아직 안 들어왔네요 {ask}
고객: {reply}
상담원: 네 감사합니다"""
    assert _steps(text) == [(Owner.AGENT, WEDNESDAY.date()), (Owner.CUSTOMER, WEDNESDAY.date())]
