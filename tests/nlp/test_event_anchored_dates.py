"""Days counted from an event rather than from the call: "설치하고 이틀 뒤", "등록한 다음 주
화요일", "받고 나서 사흘 뒤에", "주문한 지 이틀 만에", "점검 받은 그 다음 날". The day is
counted from the date told for that event earlier in the call; a count with no such date, or
with no event before it, keeps counting from the call. Lines written for these tests, none from
the dev set. The call is on Wednesday 2026-11-18."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.dates import resolve_dates
from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
WEDNESDAY = dt.datetime(2026, 11, 18, 15, 0, tzinfo=KST)
DAY = WEDNESDAY.date()


def _last_day(text: str, *earlier: str, anchor: dt.date = DAY) -> str | None:
    """The day the last date words of ``text`` name, the turns in ``earlier`` said before it."""
    mentions = resolve_dates(text, anchor, earlier=earlier)
    return mentions[-1].date.isoformat() if mentions else None


def _call(*turns: str) -> str:
    return "\n".join(("상담원: 네 고객센터입니다 무엇을 도와드릴까요", *turns))


def _note(text: str, started: dt.datetime = WEDNESDAY):  # noqa: ANN202 - the pipeline's note
    return process_text(text, call_started_at=started).note


def test_the_weekdays_these_tests_rely_on() -> None:
    assert DAY.weekday() == 2  # Wednesday
    assert dt.date(2026, 10, 29).weekday() == 3  # Thursday
    assert dt.date(2026, 11, 3).weekday() == 1  # Tuesday
    assert dt.date(2026, 11, 13).weekday() == 4  # last week's Friday


# --- the event's day said in the same turn ------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("지난달 이십팔 일에 설치했는데 어 설치하고 이틀 뒤부터 물이 새요", "2026-10-30"),
        ("설치한 게 지난주 금요일이고 설치하고 사흘 뒤부터 물이 새더라고요", "2026-11-16"),
        ("시월 삼십 일에 설치했는데요 음 설치하고 사흘 뒤부터 소리가 나요", "2026-11-02"),
        ("택배는 십일월 십 일에 받았는데 받고 나서 사흘 뒤에 보니까 깨져 있더라고요", "2026-11-13"),
        ("십일월 삼 일에 주문했는데 주문한 지 이틀 만에 왔어요", "2026-11-05"),
    ],
)
def test_a_count_from_an_event_told_in_the_same_turn(said: str, day: str) -> None:
    assert _last_day(said) == day


# --- the event's day said in an earlier turn ----------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "said", "day"),
    [
        ("지난달 이십팔 일에 설치했거든요", "근데 그 설치하고 이틀 뒤부터 물이 새더라고요", "2026-10-30"),
        ("택배는 십일월 십 일에 받았는데요", "받고 나서 사흘 뒤에 열어 보니까 깨져 있었어요", "2026-11-13"),
        ("십일월 삼 일에 주문했거든요", "아 주문한 지 이틀 만에 왔어요", "2026-11-05"),
        ("지난주 화요일에 점검을 받았는데요", "점검 받은 그 다음 날부터 또 안 돼요", "2026-11-11"),
        ("계약은 시월 이십 일에 했고요", "계약하고 일주일 뒤에 연락이 왔어요", "2026-10-27"),
        ("배송은 십일월 십사 일에 받았어요", "배송 받은 다음 날 보니까 고장이 나 있더라고요", "2026-11-15"),
        ("지난주 목요일에 받았는데요", "받고 이틀 뒤부터 안 켜져요", "2026-11-14"),
        ("음 그러니까 시월 삼십일 일에 샀는데요", "산 지 사흘 만에 고장 났어요", "2026-11-03"),
        ("그저께 시켰는데요", "시킨 다음 날 왔는데 하나가 빠져 있었어요", "2026-11-17"),
        ("지난주 금요일에 접수했는데요", "접수하고 삼 영업일 후에 연락 준다고 했거든요", "2026-11-18"),
    ],
)
def test_a_count_from_an_event_told_in_an_earlier_turn(earlier: str, said: str, day: str) -> None:
    assert _last_day(said, "네 말씀하세요", earlier, "네 그러셨군요") == day


def test_the_agents_record_of_the_event_gives_its_day() -> None:
    said = _last_day("네 설치하고 이틀 뒤부터 그래요", "네 십일월 이 일 설치로 확인되세요 어떤 증상이세요")
    assert said == "2026-11-04"


def test_the_latest_day_told_for_the_event_counts() -> None:
    earlier = ("처음에는 구월 이십 일에 설치했는데요", "그거 뜯고 시월 오 일에 다시 설치했어요")
    assert _last_day("다시 설치하고 이틀 뒤부터 또 새요", *earlier) == "2026-10-07"


def test_a_day_corrected_after_the_event_is_the_one_counted_from() -> None:
    earlier = "십일월 구 일에 등록했나 아 아니고 십 일이요"
    assert _last_day("등록한 다음 날부터 나갔어요", earlier) == "2026-11-11"


def test_the_day_the_leading_verb_was_said_with_wins_over_an_earlier_turn() -> None:
    earlier = "작년에 한 번 구월 삼 일에 수리받았거든요"
    said = _last_day("근데 지난달 이십 일에 또 수리받고 일주일 뒤부터 또 안 돼요", earlier)
    assert said == "2026-10-27"


def test_a_later_date_of_another_event_is_not_counted_from() -> None:
    earlier = ("지난달 이십팔 일에 설치했거든요", "어제 전화했는데 아무도 안 받더라고요")
    assert _last_day("설치하고 이틀 뒤부터 물이 새요", *earlier) == "2026-10-30"


# --- weekdays and month boundaries ----------------------------------------------------------------


def test_next_weeks_weekday_after_an_event_is_in_the_week_after_it() -> None:
    # Thursday 29 October: the week after it runs from Monday 2 November.
    said = _last_day("등록한 다음 주 화요일에 회사에서 허리를 삐끗했거든요", "시월 이십구 일 목요일에 등록했어요")
    assert said == "2026-11-03"


def test_a_count_crossing_the_year_end() -> None:
    said = _last_day(
        "설치하고 사흘 뒤부터 물이 새요", "작년 십이월 삼십 일에 설치했는데요", anchor=dt.date(2027, 1, 8)
    )
    assert said == "2027-01-02"


def test_a_count_from_a_future_event_stays_after_it() -> None:
    earlier = "다음 주 월요일에 설치해 드리고요"
    assert _last_day("설치하고 일주일 뒤에 점검 전화 드리겠습니다", earlier) == "2026-11-30"


# --- no event day told: counted from the call, as before -----------------------------------------


def test_a_plain_count_still_counts_from_the_call() -> None:
    assert _last_day("이틀 뒤에 다시 전화드릴게요", "지난달 이십팔 일에 설치했거든요") == "2026-11-20"
    assert _last_day("사흘 후에 기사님이 방문하십니다") == "2026-11-21"


def test_a_count_from_an_event_with_no_day_told_counts_from_the_call() -> None:
    assert _last_day("설치하고 이틀 뒤에 기사님이 전화 주신대요", "네 맞아요") == "2026-11-20"


def test_a_count_from_an_event_whose_day_was_not_told_is_not_counted_from_another_event() -> None:
    # The order's day is no installation's day.
    said = _last_day("설치하고 이틀 뒤에 기사님이 전화 주신대요", "지난달 이십 일에 주문했거든요")
    assert said == "2026-11-20"


def test_the_day_after_an_event_with_no_day_told_is_no_date() -> None:
    assert _last_day("제가 이사한 다음 날부터 가스를 열었거든요", "네 확인서 발급해 드릴게요") is None


def test_the_day_after_an_event_with_no_day_of_its_own_follows_the_day_just_told() -> None:
    said = _last_day("지난달 이십칠 일에 계단에서 미끄러져서 그날 바로 입원하고 다음 날 수술했어요")
    assert said == "2026-10-28"


def test_then_is_no_event_of_its_own() -> None:
    said = _last_day("지난주 금요일에 주문했어요 그러고 나서 이틀 뒤에 문자가 왔어요")
    assert said == "2026-11-15"


# --- in the note: when it happened -------------------------------------------------------------------


def test_the_problem_began_a_count_after_the_installation_told_before() -> None:
    text = _call(
        "고객: 아 네 세탁기 때문에요 지난달 이십팔 일에 설치했거든요",
        "상담원: 네 고객님 설치 건 확인됩니다 어떤 문제가 있으실까요",
        "고객: 어 그 설치하고 이틀 뒤부터 밑에서 물이 새요",
        "상담원: 네 불편 드려 죄송합니다 기사님 방문 접수해 드리겠습니다",
    )
    assert _note(text).issue.occurred_on == dt.date(2026, 10, 30)


def test_an_injury_the_week_after_signing_up() -> None:
    text = _call(
        "고객: 필라테스 개인 레슨 때문에 전화했는데요 시월 이십구 일 목요일에 등록했어요",
        "상담원: 네 회원님 등록 내역 확인됩니다",
        "고객: 근데 등록한 다음 주 화요일에 회사에서 박스 옮기다가 허리를 다쳤거든요 그래서 홀딩하고 싶어요",
        "상담원: 네 진단서 있으시면 홀딩 가능하세요",
    )
    assert _note(text).issue.occurred_on == dt.date(2026, 11, 3)


def test_the_turns_read_by_every_field_write_the_counted_day() -> None:
    from pipeline.extract.context import build_context
    from pipeline.textinput import parse_text_transcript

    text = _call(
        "고객: 정수기 설치 날짜 잡으려고요",
        "상담원: 네 고객님 다음 주 월요일 오전에 설치 기사님 방문으로 접수됐습니다",
        "고객: 네 알겠습니다",
        "상담원: 그리고 설치하고 사흘 뒤에 저희가 불편 없으신지 해피콜 드리겠습니다",
    )
    context = build_context(parse_text_transcript(text), WEDNESDAY)
    assert "설치하고 사흘 뒤인 11월 26일에 저희가" in context.turns[-1].plain


@pytest.mark.parametrize(
    ("earlier", "said", "written"),
    [
        ("지난달 이십팔 일에 설치했거든요", "설치하고 이틀 뒤부터 물이 새요", "설치하고 이틀 뒤인 10월 30일부터 물이 새요"),
        ("십일월 삼 일에 주문했거든요", "주문한 지 이틀 만에 왔어요", "주문한 지 이틀 만인 11월 5일에 왔어요"),
        ("시월 이십구 일에 등록했어요", "등록한 다음 주 화요일에 다쳤어요", "등록한 다음 주 화요일인 11월 3일에 다쳤어요"),
        ("지난주 화요일에 점검을 받았는데요", "점검 받은 그 다음 날부터 안 돼요", "점검 받은 그 다음 날인 11월 11일부터 안 돼요"),
    ],
)
def test_a_day_counted_from_an_event_is_written_with_its_count(earlier: str, said: str, written: str) -> None:
    from pipeline.extract.style import written_numbers

    assert written_numbers(said, DAY, earlier, (earlier,)) == written


def test_a_day_counted_from_the_call_is_written_as_the_date_alone() -> None:
    from pipeline.extract.style import written_numbers

    assert written_numbers("이틀 뒤에 다시 전화드릴게요", DAY, "", ("네 알겠습니다",)) == "11월 20일 다시 전화드릴게요"
