"""A day of the month before 일 전까지 / 일 전에 said as a deadline ("이십오 일 전까지 넣어
두세요": by the 25th), a count of days running up to today kept as said ("사흘째 답이 없어요"),
and a weekday restating a count ("이틀 뒤부터 그러니까 금요일부터요"). The
guarded readings stay: "이틀 전에 샀는데" is two days ago. Lines written for these tests; the
call is on Thursday 2026-11-12."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.style import written_numbers
from pipeline.normalize.dates import resolve_dates
from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
THURSDAY = dt.datetime(2026, 11, 12, 16, 20, tzinfo=KST)
DAY = THURSDAY.date()


def _days(text: str) -> list[tuple[str, str]]:
    return [(m.date.isoformat(), m.kind) for m in resolve_dates(text, DAY)]


def test_the_weekdays_these_tests_rely_on() -> None:
    assert DAY.weekday() == 3  # Thursday
    assert dt.date(2026, 11, 13).weekday() == 4  # Friday
    assert dt.date(2026, 11, 9).weekday() == 0  # Monday


# --- a day of the month before 전까지 / 전에, told as a deadline ---------------------------------


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("출금 계좌가 바뀌었으니까 이십오 일 전까지 잔액만 넣어 두세요", "2026-11-25"),
        ("변경 완료됐습니다 이번 달부터 새 계좌에서 나갑니다 이십오 일 전까지 잔액만 넣어 두세요", "2026-11-25"),
        ("이십 일 전에 서류 보내 주세요", "2026-11-20"),
        ("십팔 일 전에 결과 알려 드릴게요", "2026-11-18"),
        # the 5th has gone by: next month's
        ("오 일 전까지 서류 보내 주시면 됩니다", "2026-12-05"),
    ],
)
def test_a_day_of_the_month_before_a_request_is_a_deadline(said: str, day: str) -> None:
    assert _days(said)[-1] == (day, "deadline")


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("이틀 전에 샀는데 전원이 안 켜져요", "2026-11-10"),
        ("삼 일 전부터 인터넷이 계속 끊겨요", "2026-11-09"),
        ("십 일 전에 주문했어요", "2026-11-02"),
        ("십 일 전에 주문했는데 아직 안 왔어요", "2026-11-02"),
        ("오 일 전까지만 해도 잘 됐거든요", "2026-11-07"),
    ],
)
def test_days_ago_said_of_the_past_stay_a_count_back(said: str, day: str) -> None:
    assert _days(said)[0] == (day, "point")


def test_days_before_an_event_still_count_from_the_event() -> None:
    assert _days("출발 십오 일 전까지 마이페이지에 올려 주시면 됩니다") == []


def test_an_obligation_by_the_terms_is_no_day_of_the_month() -> None:
    assert _days("삼십 일 전에 해지 신청하셔야 돼요") == [("2026-10-13", "point")]


def test_the_deadline_is_written_as_the_date() -> None:
    written = written_numbers("이십오 일 전까지 잔액만 넣어 두세요", DAY)
    assert written == "11월 25일까지 잔액만 넣어 두세요"


def test_the_customers_deposit_is_due_by_the_day_named() -> None:
    text = "\n".join(
        [
            "상담원: 네 한울은행 여신 상담센터입니다",
            "고객: 대출 출금 계좌를 월급 통장으로 바꾸고 싶어서요",
            "상담원: 변경 완료됐습니다 이번 달 이십오 일 원리금부터 새 계좌에서 나갑니다 "
            "이십오 일 전까지 잔액만 넣어 두세요",
            "고객: 네 알겠습니다 감사합니다",
        ]
    )
    note = process_text(text, call_started_at=THURSDAY).note
    assert "2026-11-25" in [f.due.isoformat() for f in note.follow_ups if f.due]


# --- a count of days running up to today ------------------------------------------------------
# The logs keep "사흘째" as said ("사흘째 답변이 없음") and date the problem by its own day, so the
# count is no date: written as a date it would displace the day the problem happened.


@pytest.mark.parametrize(
    "said", ["문의를 남겼는데 사흘째 답이 없어요", "택배가 오 일째 안 와요", "애가 이틀째 수학을 못 하고 있어서요"]
)
def test_a_running_count_stays_as_said(said: str) -> None:
    assert _days(said) == []
    assert written_numbers(said, DAY) == said


def test_a_running_count_does_not_move_the_day_the_problem_happened() -> None:
    text = "\n".join(
        [
            "상담원: 네 고객센터입니다 무엇을 도와드릴까요",
            "고객: 지난 금요일에 구독료가 두 번 빠져나갔어요 앱에 문의를 남겼는데 사흘째 답이 없어요",
            "상담원: 네 불편 드려 죄송합니다 확인해 보겠습니다",
        ]
    )
    assert process_text(text, call_started_at=THURSDAY).note.issue.occurred_on == dt.date(2026, 11, 6)


# --- a weekday restating a count ---------------------------------------------------------------


def test_a_weekday_restating_a_count_names_the_day() -> None:
    assert _days("이틀 뒤부터 그러니까 금요일부터요") == [("2026-11-13", "point")] * 2


def test_a_weekday_restating_a_past_count_names_the_day() -> None:
    assert _days("이틀 전에 그러니까 월요일에 주문했는데") == [("2026-11-09", "point")] * 2


def test_a_weekday_far_from_the_count_does_not_move_it() -> None:
    assert _days("열흘 뒤에 그러니까 금요일에 와 주세요")[0] == ("2026-11-22", "point")
