"""Follow-ups with a deadline: the customer's decision due back by a day, a card posting by a
named day, a transfer the agent asks for, and a record's state that is no step."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.extract import followups
from pipeline.extract.context import build_context
from pipeline.normalize.dates import resolve_dates
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
SATURDAY = dt.datetime(2026, 5, 9, 11, 0, tzinfo=KST)
NEXT_MONDAY = dt.date(2026, 5, 11)
NEXT_FRIDAY = dt.date(2026, 5, 15)

Step = tuple[Owner, dt.date | None]


def _steps(resolution: str, *turns: str) -> list[Step]:
    text = "\n".join(("상담원: 네 고객센터입니다", "고객: 네 안녕하세요", *turns))
    context = build_context(parse_text_transcript(text), SATURDAY)
    found = followups.follow_ups(context, resolution, "등록")
    return sorted(((f.owner, f.due) for f in found.value), key=str)


def test_the_deadline_the_agent_gives_after_the_customer_s_call_back_is_its_due() -> None:
    assert _steps(
        "unresolved",
        "상담원: 해지하시면 위약금 삼만 원이고 옮기시면 이전비 이만 원입니다",
        "고객: 알겠어요 딸한테 물어보고 다시 전화할게요",
        "상담원: 기사님 일정 때문에 다음 주 금요일 십오 일까지는 연락 주셔야 됩니다",
        "고객: 네 알겠습니다",
    ) == [(Owner.CUSTOMER, NEXT_FRIDAY)]


def test_a_discount_deadline_said_before_the_call_back_is_its_due() -> None:
    assert _steps(
        "unresolved",
        "상담원: 이번 할인은 다음 주 금요일 십오 일까지 등록하시는 분께 적용됩니다",
        "고객: 네 알겠어요",
        "상담원: 문의하실 점 더 있으세요",
        "고객: 아니요 남편이랑 얘기해 보고 연락드릴게요",
        "상담원: 네 토요일은 오후 세 시까지 상담합니다",
    ) == [(Owner.CUSTOMER, NEXT_FRIDAY)]


def test_the_day_the_customer_names_for_calling_back_is_its_due() -> None:
    assert _steps(
        "unresolved",
        "상담원: 진료 보시고 정하셔도 괜찮아요",
        "고객: 그럼 월요일에 병원 갔다 와서 저녁에 전화드릴게요",
        "상담원: 네 감사합니다",
    ) == [(Owner.CUSTOMER, NEXT_MONDAY)]


def test_a_call_back_promised_in_chungcheong_speech_is_a_promise() -> None:
    assert _steps(
        "unresolved",
        "상담원: 자리는 월요일까지 잡아 둘 수 있어요",
        "고객: 그러면 되겠네유 월요일 저녁에 전화드릴게유",
        "상담원: 네 감사합니다",
    ) == [(Owner.CUSTOMER, NEXT_MONDAY)]


def test_a_company_date_near_the_call_back_is_no_deadline_for_it() -> None:
    assert _steps(
        "unresolved",
        "상담원: 신청하시면 보통 다음 주 금요일 십오 일까지 방문 일정 잡혀요",
        "고객: 그럼 집주인하고 얘기해 보고 다시 전화드릴게요",
        "상담원: 네 감사합니다",
    ) == [(Owner.CUSTOMER, None)]


def test_a_card_posting_by_a_named_day_is_left_after_a_resolved_call() -> None:
    assert _steps(
        "resolved",
        "상담원: 부분 취소 넣었고요 카드사 반영까지 삼에서 오 영업일 걸려서 늦어도 다음 주 금요일 십오 일까지는 취소 내역 보이실 거예요",
        "고객: 네 감사합니다",
    ) == [(Owner.COMPANY, NEXT_FRIDAY)]


def test_a_card_posting_counted_without_a_day_leaves_no_step() -> None:
    assert _steps(
        "resolved",
        "상담원: 부분 취소 넣었고요 카드사에서 반영되는 건 삼에서 오 영업일 걸립니다",
        "고객: 네 감사합니다",
    ) == []


def test_a_transfer_the_agent_asks_for_by_a_day_is_the_customer_s_step() -> None:
    assert _steps(
        "pending",
        "상담원: 변경 요청 넣어 드리고요 좌석 확정되면 차액은 다음 주 금요일 십오 일까지 입금해 주시면 되고요",
        "고객: 네 알겠습니다",
    ) == [(Owner.CUSTOMER, NEXT_FRIDAY)]


def test_what_the_record_shows_as_done_is_no_step() -> None:
    assert _steps(
        "pending",
        "상담원: 월요일 저녁에 보관함 도착으로 처리돼 있네요",
        "고객: 근데 인증번호가 안 왔어요",
        "상담원: 오늘 저녁 일곱 시 전까지 지점 확인해서 제가 전화로 알려 드리겠습니다",
        "고객: 네",
    ) == [(Owner.AGENT, SATURDAY.date())]


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("월요일에 병원 갔다 와서 전화드릴게요", NEXT_MONDAY),
        ("월요일에 병원 갔다 왔어요", dt.date(2026, 5, 4)),
        ("일요일이지 장에 나갔다가 잃어버렸어요", dt.date(2026, 5, 3)),
    ],
)
def test_going_and_coming_back_takes_the_tense_of_the_last_verb(said: str, day: dt.date) -> None:
    assert [m.date for m in resolve_dates(said, SATURDAY.date())] == [day]
