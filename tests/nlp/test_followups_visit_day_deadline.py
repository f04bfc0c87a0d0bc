"""Follow-ups a user would see for two classes: the technician's call on the way, which is due
the day of the visit it announces, and the customer's own day for a step the agent set a
deadline for, which is one step due by that deadline. Every example is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from tests.nlp.builders import Step, alternating, follow_up_steps, kst

TUESDAY = kst(2026, 10, 13, 11)
TODAY = dt.date(2026, 10, 13)
THURSDAY = dt.date(2026, 10, 15)
FRIDAY = dt.date(2026, 10, 16)
NEXT_MONDAY = dt.date(2026, 10, 19)


def _steps(text: str, resolution: str = "pending") -> list[Step]:
    return follow_up_steps(text, TUESDAY, resolution, "수리")


def _call(*agent_and_customer: str) -> str:
    return alternating(*agent_and_customer, opening=("상담원: 네 서비스센터입니다", "고객: 건조기가 안 돌아가서요"))


# --- the technician's call on the way is part of the visit's day ----------------------------


@pytest.mark.parametrize(
    "on_the_way",
    [
        "기사님이 출발하시기 30분 전에 전화드릴 거예요",
        "기사님이 방문 20분 전에 연락드릴 겁니다",
        "기사님이 출발하실 때 이 번호로 전화드릴 거예요",
    ],
)
def test_a_call_on_the_way_is_due_the_day_of_the_visit(on_the_way: str) -> None:
    text = _call(
        "제일 빠른 날이 이번 주 목요일 오후 두 시에서 네 시 사이인데 괜찮으세요",
        "네 목요일 괜찮아요",
        f"네 그럼 그 시간으로 해 두겠습니다 {on_the_way}",
        "네 알겠습니다",
    )
    assert _steps(text) == [(Owner.COMPANY, THURSDAY)]


def test_the_slot_offered_wins_over_a_day_only_mentioned_after_it() -> None:
    text = _call(
        "가장 빠른 게 다음 주 월요일 오후 한 시에서 세 시 사이세요",
        "금요일도 괜찮은데요",
        "금요일은 자리가 없어서요 접수번호는 문자로 보내 드렸습니다",
        "네",
        "방문 당일 기사님이 출발하실 때 연락드릴 거예요",
        "네 감사합니다",
    )
    assert _steps(text) == [(Owner.COMPANY, NEXT_MONDAY)]


# --- the customer's own day for a step the agent set a deadline for -----------------------


def test_the_customers_day_before_the_deadline_is_the_same_step_due_by_the_deadline() -> None:
    text = _call(
        "고장 난 부분 사진을 이번 주 금요일까지 앱에 올려 주시면 됩니다",
        "네 오늘 저녁에 올릴게요",
        "네 감사합니다",
    )
    assert _steps(text) == [(Owner.CUSTOMER, FRIDAY)]


def test_a_day_after_the_deadline_is_still_the_customers_own() -> None:
    # Past the deadline the customer's day is no way of meeting it: it stays as said.
    text = _call(
        "고장 난 부분 사진을 이번 주 목요일까지 앱에 올려 주시면 됩니다",
        "제가 출장이라 다음 주 월요일에 올릴게요",
        "네 알겠습니다",
    )
    assert (Owner.CUSTOMER, NEXT_MONDAY) in _steps(text)
