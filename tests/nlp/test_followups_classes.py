"""Follow-ups by class of expression: what makes a clause a step after the call, whose, and by
when. Every example is invented (none is a dev call); each asserts the follow-ups a user sees."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from tests.nlp.builders import Step, alternating, follow_up_steps, kst

WEDNESDAY = kst(2026, 10, 14, 13)
THURSDAY = dt.date(2026, 10, 15)
FRIDAY = dt.date(2026, 10, 16)


def _steps(text: str, resolution: str = "pending") -> list[Step]:
    return follow_up_steps(text, WEDNESDAY, resolution, "교환")


def _call(*agent_and_customer: str) -> str:
    return alternating(*agent_and_customer, opening=("상담원: 네 고객센터입니다", "고객: 문의가 있어서요"))


# --- a fallback: only if the awaited contact does not come ---------------------------------


@pytest.mark.parametrize(
    "fallback",
    [
        "금요일까지 연락 없으면 제가 다시 전화할게요",
        "금요일까지 문자 없으면 다시 전화드릴게요",
        "금요일까지 답변 못 받으면 다시 연락할게요",
    ],
)
def test_calling_again_if_the_promised_contact_does_not_come_is_no_customer_step(fallback: str) -> None:
    text = _call("검토 결과는 금요일까지 심사팀에서 문자로 안내드립니다", fallback, "네 감사합니다")
    assert _steps(text, "escalated") == [(Owner.COMPANY, FRIDAY)]


# --- what is done in the call --------------------------------------------------------------


@pytest.mark.parametrize(
    "in_call",
    [
        "잠시만 결제 이력 좀 볼게요",
        "제가 한번 새로고침 눌러 볼게요",
        "배송지 주소 먼저 여쭤볼게요",
    ],
)
def test_looking_or_trying_while_on_the_phone_is_no_step(in_call: str) -> None:
    assert _steps(_call(in_call, "네", "확인됐습니다 감사합니다")) == []


@pytest.mark.parametrize(
    "asked",
    ["영수증은 어디에 보관해 두셨어요", "사진은 벌써 올려 주셨어요", "서류는 어제 보내 두셨어요"],
)
def test_a_question_in_the_past_about_what_the_customer_did_asks_for_nothing(asked: str) -> None:
    assert _steps(_call(asked, "네 서랍에 있어요", "네 알겠습니다")) == []


@pytest.mark.parametrize(
    "record",
    [
        "안내 문자는 어제 밤에 발송된 걸로 나오는데요",
        "환불은 지난주에 처리된 것으로 확인됩니다",
        "교환 상품은 그저께 출고된 걸로 나와요",
    ],
)
def test_what_the_record_shows_was_done_is_no_step(record: str) -> None:
    assert _steps(_call(record, "아 그래요", "네 감사합니다")) == []


@pytest.mark.parametrize(
    "assessment",
    [
        "이건 기사님이 직접 배관을 보셔야 될 것 같습니다",
        "판매자가 제품을 직접 확인해야 할 것 같아요",
        "설치팀에서 한 번 보셔야 될 것 같아요",
    ],
)
def test_what_the_agent_judges_another_party_must_do_is_no_step(assessment: str) -> None:
    assert _steps(_call(assessment, "네 그렇군요", "네 감사합니다")) == []


# --- whose step ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "promise",
    [
        "제가 물류센터에 다시 확인해서 내일 오전에 문자로 알려 드리고요",
        "제가 판매자한테 물어봐서 내일 전화로 안내드리고요",
        "제가 담당 부서에 요청해서 내일 중으로 메일로 보내 드리고요",
    ],
)
def test_the_agent_named_in_the_joined_clause_owns_the_contact(promise: str) -> None:
    assert _steps(_call(promise, "네 그렇게 해 주세요", "네 감사합니다")) == [(Owner.AGENT, THURSDAY)]


@pytest.mark.parametrize(
    ("ask", "reply"),
    [
        ("정기결제 걸어 두신 건 새 카드로 바꿔 주셔야 돼요", "아 그건 제가 바꿀게요"),
        ("앱에서 배송지를 직접 변경해 주셔야 돼요", "네 그건 제가 변경할게요"),
        ("받으신 영수증은 꼭 챙겨 주세요", "네 챙길게요"),
    ],
)
def test_the_customer_promising_the_act_just_asked_of_them_is_their_step(ask: str, reply: str) -> None:
    assert _steps(_call(ask, reply, "네 감사합니다")) == [(Owner.CUSTOMER, None)]


@pytest.mark.parametrize(
    "reply",
    ["네 그럼 연락 기다릴게요", "금요일까지는 연락 줘야 되는 거 아니에요", "네 결과 기다리고 있을게요"],
)
def test_waiting_or_demanding_is_no_customer_step(reply: str) -> None:
    text = _call("결과는 금요일까지 심사팀에서 문자로 안내드립니다", reply, "네 감사합니다")
    assert _steps(text, "escalated") == [(Owner.COMPANY, FRIDAY)]


@pytest.mark.parametrize(
    "pays",
    [
        "그럼 밀린 요금은 내일까지 카드로 낼게요",
        "네 내일까지 납부할게요",
        "네 내일 오전에 송금할게요",
    ],
)
def test_the_customer_promising_to_pay_is_their_dated_step(pays: str) -> None:
    text = _call("미납 요금은 먼저 내 주셔야 돼요", pays, "네 감사합니다")
    assert _steps(text) == [(Owner.CUSTOMER, THURSDAY)]


def test_a_payment_asked_for_today_is_the_customer_s_step_today() -> None:
    text = _call("배송비 링크 문자로 보내 드렸어요 오늘 중으로 결제해 주시면 돼요", "네 알겠어요")
    assert _steps(text) == [(Owner.CUSTOMER, WEDNESDAY.date())]


def test_a_card_named_by_its_payment_asks_for_no_payment() -> None:
    text = _call("네 결제하신 카드로 취소하시면 바로 반영돼요", "아 네 알겠습니다")
    assert _steps(text) == []


# --- when ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "after_event",
    [
        "출고되면 운송장 번호 문자로 보내 드릴게요",
        "예약이 확정되면 일정표를 메일로 보내 드릴게요",
        "서류 확인되면 접수증 보내 드릴게요",
    ],
)
def test_a_message_sent_after_an_event_is_not_due_today(after_event: str) -> None:
    steps = _steps(_call(after_event, "네 감사합니다"))
    assert (Owner.AGENT, WEDNESDAY.date()) not in steps


@pytest.mark.parametrize(
    "noted",
    [
        "배송 메모에 도착 전 연락 부탁으로 남겨 두겠습니다",
        "요청 사항에 경비실 보관으로 남겨 드릴게요",
        "상담 이력에 통화 내용 남겨 놓겠습니다",
    ],
)
def test_a_note_left_in_the_system_during_the_call_is_no_step(noted: str) -> None:
    assert _steps(_call(noted, "네 감사합니다")) == []


@pytest.mark.parametrize(
    "on_the_spot",
    [
        "요금은 그때 기사님께 카드나 현금으로 내시면 됩니다",
        "출장비는 현장에서 기사님께 결제하시면 돼요",
        "수거비는 그날 기사님께 내시면 됩니다",
    ],
)
def test_paying_the_technician_on_the_visit_is_part_of_the_visit(on_the_spot: str) -> None:
    text = _call(
        "네 내일 오전 중으로 기사님 방문하는 걸로 잡아 드릴게요", "네 집에 있어요", on_the_spot, "네"
    )
    assert _steps(text) == [(Owner.COMPANY, THURSDAY)]


# --- a month and day said in December for January ------------------------------------------

DECEMBER = kst(2026, 12, 29, 11)


def _december_steps(text: str, resolution: str = "pending") -> list[Step]:
    return follow_up_steps(text, DECEMBER, resolution, "환불")


@pytest.mark.parametrize(
    ("said", "due"),
    [
        ("일월 팔 일까지 결과를 문자로 안내드립니다", dt.date(2027, 1, 8)),
        ("결과는 일월 오 일까지 심사팀에서 문자로 안내드립니다", dt.date(2027, 1, 5)),
        ("1월 12일까지 결과 문자로 보내 드립니다", dt.date(2027, 1, 12)),
        ("이월 삼 일까지 심사팀에서 연락드릴 거예요", dt.date(2027, 2, 3)),
    ],
)
def test_a_january_day_said_in_december_is_next_year(said: str, due: dt.date) -> None:
    text = _call(said, "네 알겠습니다")
    assert _december_steps(text, "escalated") == [(Owner.COMPANY, due)]


# --- the customer's own step, its object said earlier in the sentence ------------------------


@pytest.mark.parametrize(
    "promise",
    [
        "네 내일 오후에 병원 다시 가서 떼서 올릴게요",
        "그럼 내일 병원 가서 받아서 올릴게요",
        "내일 주민센터 가서 떼 올게요",
        "내일 은행 가서 떼서 보낼게요",
    ],
)
def test_a_bare_promise_takes_its_object_from_the_sentence(promise: str) -> None:
    text = _call("진단서는 어떻게 되나요 확인서 한 장이면 됩니다", promise, "네 확인되면 연락드릴게요")
    steps = _steps(text)
    assert (Owner.CUSTOMER, THURSDAY) in steps


@pytest.mark.parametrize(
    "guess",
    [
        "아무래도 못 갈 것 같아요",
        "그날은 못 갈 거예요",
        "저는 안 보낼 거예요",
        "아마 늦을 것 같아요",
    ],
)
def test_what_the_customer_expects_or_will_not_do_is_no_step(guess: str) -> None:
    text = _call("예약 변경은 어려우세요", guess, "네 알겠습니다")
    assert _steps(text) == []


# --- the result of a review said in the same turn -----------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "심사는 금요일부터 들어가고요 늦어도 다음 주 화요일까지는 결과를 문자로 드리겠습니다",
        "심사는 내일부터 진행되고요 다음 주 화요일까지 결과를 문자로 안내드리겠습니다",
        "검토는 금요일에 진행되고요 다음 주 화요일까지 검토 결과를 연락드리겠습니다",
    ],
)
def test_the_result_of_the_review_ends_the_review_step(said: str) -> None:
    text = _call(said, "네 알겠습니다")
    assert _steps(text, "escalated") == [(Owner.COMPANY, dt.date(2026, 10, 20))]


# --- the customer's coming back, by the day the agent asked --------------------------------


@pytest.mark.parametrize(
    "asked",
    [
        "네 늦어도 금요일까지는 연락을 주셔야 적용이 가능합니다",
        "네 그럼 금요일까지 전화 주시면 됩니다",
        "네 금요일까지 연락 주세요",
        "네 금요일이에요 그 안에 고객센터로 전화 주시고 주문번호 말씀해 주세요",
    ],
)
def test_coming_back_is_due_by_the_day_asked(asked: str) -> None:
    text = _call(
        "교환이나 적립금 두 가지 방법이 있습니다",
        "남편이랑 얘기해 보고 다시 전화드려도 되죠",
        asked,
        "네 생각해 보고 전화드릴게요",
        "네 감사합니다",
    )
    assert _steps(text, "unresolved") == [(Owner.CUSTOMER, FRIDAY)]
