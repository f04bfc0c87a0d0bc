"""Follow-ups of the kinds the 305-328 batch showed: a card posting by a named day, the
customer's own task by the agent's deadline, a decision due by a deadline, and fragments that
are no steps (a full booking sheet, a visit not made that day, a hold put on while on the phone)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.extract import followups
from pipeline.extract.context import build_context
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
TUESDAY = dt.datetime(2026, 7, 21, 13, 0, tzinfo=KST)

Step = tuple[Owner, dt.date | None]


def _steps(resolution: str, *turns: str, topic: str = "주문") -> list[Step]:
    text = "\n".join(("상담원: 네 고객센터입니다", "고객: 네 안녕하세요", *turns, "상담원: 네 감사합니다"))
    context = build_context(parse_text_transcript(text), TUESDAY)
    found = followups.follow_ups(context, resolution, topic)
    return sorted(((f.owner, f.due) for f in found.value), key=str)


def test_a_card_posting_by_a_named_day_after_the_wait_said_in_the_turn_before() -> None:
    steps = _steps(
        "resolved",
        "상담원: 결제하신 카드로 취소해 드리면 카드사 사정에 따라 삼에서 오 영업일 정도 걸리시고요",
        "고객: 음 그냥 카드로 해 주세요",
        "상담원: 네 부분 취소 진행했습니다 늦어도 다음 주 화요일 이십팔 일까지는 카드사에서 취소 반영될 거예요",
    )
    assert steps == [(Owner.COMPANY, dt.date(2026, 7, 28))]


def test_money_named_earlier_in_the_turn_makes_the_posting() -> None:
    steps = _steps(
        "resolved",
        "고객: 환불은 언제 들어와요",
        "상담원: 지금 결제 부분 취소 넣었고요 카드사에서 삼에서 오 영업일 걸려서 늦어도 다음 주 월요일 이십칠 일까지는 들어옵니다",
    )
    assert steps == [(Owner.COMPANY, dt.date(2026, 7, 27))]


def test_a_wait_counted_in_business_days_still_counts_once_written_as_a_day() -> None:
    steps = _steps(
        "resolved",
        "상담원: 오늘 접수하면 삼 영업일 안에 들어가고요 늦어도 다음 주 월요일 이십칠 일까지는 입금됩니다",
    )
    assert steps == [(Owner.COMPANY, dt.date(2026, 7, 27))]


def test_the_customer_taking_on_what_the_agent_says_is_theirs_by_a_deadline() -> None:
    steps = _steps(
        "resolved",
        "상담원: 해지하면 다음 달부터 승인이 안 되니까 다음 결제일인 팔월 십오 일까지 통신사에 결제 수단을 바꿔 주셔야 해요",
        "고객: 아 그거 깜빡했네요 제가 바꿀게요",
    )
    assert steps == [(Owner.CUSTOMER, dt.date(2026, 8, 15))]


def test_the_customer_taking_on_what_is_theirs_without_a_day_has_no_due() -> None:
    steps = _steps(
        "resolved",
        "상담원: 카드번호가 바뀌어서요 정기결제는 새 카드 받으시면 고객님이 직접 해당 업체에 변경해 주셔야 돼요",
        "고객: 네 알겠어요 그건 제가 바꿀게요",
    )
    assert steps == [(Owner.CUSTOMER, None)]


def test_the_agent_asking_the_customer_to_send_by_a_later_day_in_a_done_call() -> None:
    steps = _steps(
        "resolved",
        "고객: 네 이번 주 금요일까지 올리면 되는 거죠",
        "상담원: 네 이십사 일 금요일까지요 사진은 계량기 숫자 다섯 자리가 다 보이게 찍어 주세요",
    )
    assert steps == [(Owner.CUSTOMER, dt.date(2026, 7, 24))]


def test_a_decision_the_agent_asks_for_by_a_day_is_the_customer_s_step() -> None:
    steps = _steps(
        "unresolved",
        "고객: 음 그럼 애 아빠랑 얘기해 보고 그만둘지 반을 옮길지 정할게요",
        "상담원: 네 환불하시게 되면 칠월 삼십 일까지 말씀 주셔야 사십만 원 기준으로 해 드릴 수 있어요",
        topic="환불",
    )
    assert steps == [(Owner.CUSTOMER, dt.date(2026, 7, 30))]


def test_a_decision_due_by_today_s_deadline_for_the_customer_s_act() -> None:
    steps = _steps(
        "unresolved",
        "고객: 그럼 취소하고 다시 하면 되겠네요",
        "상담원: 네 취소하시려면 출고 전인 오늘 오후 두 시 전까지 앱에서 주문 취소 누르시거나 저희 쪽으로 전화 주시면 되고요",
        "고객: 네 알겠어요 애한테 물어보고 결정할게요",
        "상담원: 네 재고 충분히 있으세요",
        "고객: 네 고마워요",
    )
    assert steps == [(Owner.CUSTOMER, TUESDAY.date())]


def test_a_full_booking_sheet_and_a_day_without_visits_are_no_steps() -> None:
    steps = _steps(
        "pending",
        "고객: 이번 주 토요일에 가스 개통 방문 되나요",
        "상담원: 이번 주 토요일은 오전 오후 예약이 다 찼어요 일요일은 방문을 안 하고 다음 주 월요일 이십칠 일 오후 한 시에서 세 시 가능하세요",
        "고객: 네 그걸로 해 주세요",
        "상담원: 네 다음 주 월요일 이십칠 일 오후 한 시에서 세 시로 방문 접수됐습니다",
    )
    assert steps == [(Owner.COMPANY, dt.date(2026, 7, 27))]


@pytest.mark.parametrize(
    "said",
    [
        "상담원: 이의신청하신 금액은 심사 끝날 때까지 자동이체에서 납부 유예 걸어 두겠습니다",
        "상담원: 네 그럼 지금 바로 분실 정지 걸어 드릴게요",
    ],
)
def test_a_hold_put_on_while_on_the_phone_is_no_step(said: str) -> None:
    assert _steps("pending", said) == []
