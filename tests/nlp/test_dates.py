"""Dates said in calls, resolved against the call date (Tuesday 2026-11-24)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.dates import add_business_days, resolve_dates

ANCHOR = dt.date(2026, 11, 24)  # a Tuesday


def _one(text: str, anchor: dt.date = ANCHOR) -> tuple[str, dt.date, str]:
    [mention] = resolve_dates(text, anchor)
    assert text[mention.start : mention.end] == mention.text
    return mention.text, mention.date, mention.kind


@pytest.mark.parametrize(
    ("text", "said", "date", "kind"),
    [
        ("어제 주문했어요", "어제", dt.date(2026, 11, 23), "point"),
        ("그저께 받았는데요", "그저께", dt.date(2026, 11, 22), "point"),
        ("그제 연락드렸는데", "그제", dt.date(2026, 11, 22), "point"),
        ("오늘 안에 처리", "오늘", dt.date(2026, 11, 24), "deadline"),
        ("내일까지 보내 드릴게요", "내일", dt.date(2026, 11, 25), "deadline"),
        ("모레 방문 예정", "모레", dt.date(2026, 11, 26), "point"),
        ("글피에 도착", "글피", dt.date(2026, 11, 27), "point"),
        ("지난주 월요일에 주문했어요", "지난주 월요일", dt.date(2026, 11, 16), "point"),
        ("이번 주 금요일까지 회신", "이번 주 금요일", dt.date(2026, 11, 27), "deadline"),
        ("다음 주 화요일에 기사님 방문", "다음 주 화요일", dt.date(2026, 12, 1), "point"),
        ("이번 주 안에 처리해 드릴게요", "이번 주 안에", dt.date(2026, 11, 27), "deadline"),
        ("이번 주 중으로 연락드릴게요", "이번 주 중", dt.date(2026, 11, 27), "deadline"),
        ("다음 주 안에 보내 주세요", "다음 주 안에", dt.date(2026, 12, 4), "deadline"),
        ("이틀 안에 연락", "이틀 안에", dt.date(2026, 11, 26), "deadline"),
        ("삼 일 안에 처리", "삼 일 안에", dt.date(2026, 11, 27), "deadline"),
        ("3일 이내 환불", "3일 이내", dt.date(2026, 11, 27), "deadline"),
        ("사흘 후에 도착", "사흘 후에", dt.date(2026, 11, 27), "point"),
        ("3영업일 이내 입금", "3영업일 이내", dt.date(2026, 11, 27), "deadline"),
        ("오 영업일 안에", "오 영업일 안에", dt.date(2026, 12, 1), "deadline"),
        ("일주일 안에 교환", "일주일 안에", dt.date(2026, 12, 1), "deadline"),
        ("지난달 27일에 결제", "지난달 27일", dt.date(2026, 10, 27), "point"),
        ("다음 달 5일에 청구", "다음 달 5일", dt.date(2026, 12, 5), "point"),
        ("다음 달부터 적용", "다음 달", dt.date(2026, 12, 1), "deadline"),
        ("다음 달 안에 처리", "다음 달 안에", dt.date(2026, 12, 31), "deadline"),
        ("다음 달 말 만료", "다음 달 말", dt.date(2026, 12, 31), "point"),
        ("11월 19일 목요일에 주문", "11월 19일 목요일", dt.date(2026, 11, 19), "point"),
        ("십일월 십구일에 샀어요", "십일월 십구일", dt.date(2026, 11, 19), "point"),
        ("2026년 11월 2일 가입", "2026년 11월 2일", dt.date(2026, 11, 2), "point"),
        ("이천이십오년 유월 십일에", "이천이십오년 유월 십일", dt.date(2025, 6, 10), "point"),
        ("시월 삼일", "시월 삼일", dt.date(2026, 10, 3), "point"),
        ("작년 12월 3일에 샀어요", "작년 12월 3일", dt.date(2025, 12, 3), "point"),
        ("11/19 주문 건", "11/19", dt.date(2026, 11, 19), "point"),
        ("2026-11-30까지", "2026-11-30", dt.date(2026, 11, 30), "deadline"),
        ("11월 25일까지 환불 처리 예정", "11월 25일", dt.date(2026, 11, 25), "deadline"),
        ("금요일까지 보내 주세요", "금요일까지", dt.date(2026, 11, 27), "deadline"),
    ],
)
def test_resolve_dates(text: str, said: str, date: dt.date, kind: str) -> None:
    assert _one(text) == (said, date, kind)


def test_month_day_without_year_takes_the_anchor_year() -> None:
    assert _one("12월 30일", dt.date(2026, 1, 2))[1] == dt.date(2026, 12, 30)


def test_business_days_skip_the_weekend() -> None:
    friday = dt.date(2026, 11, 27)
    assert _one("2영업일 이내", friday)[1] == dt.date(2026, 12, 1)
    assert add_business_days(friday, 1) == dt.date(2026, 11, 30)


def test_several_dates_in_order() -> None:
    text = "지난주 월요일에 주문했는데 어제 받았고 내일까지 반품하려고요"
    assert [m.date.day for m in resolve_dates(text, ANCHOR)] == [16, 23, 25]


@pytest.mark.parametrize(
    "text",
    [
        "오전 10시에 전화 주세요",
        "오후 세 시쯤",
        "2월 30일",
        "13월 5일",
        "그제서야 알았어요",
        # A day word inside a company name is no date: the note must keep the name.
        "네 오늘장보기 고객센터입니다",
        "오늘마켓 앱에서 주문했어요",
        "안내일정 확인",
        "일단 확인해 볼게요",
        "",
        "11/45",
    ],
)
def test_no_date_where_none_is_said(text: str) -> None:
    assert resolve_dates(text, ANCHOR) == []


@given(
    st.text(max_size=60), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
)
def test_never_crashes_and_offsets_match(text: str, anchor: dt.date) -> None:
    for mention in resolve_dates(text, anchor):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "said", "date"),
    [
        ("이번 달 말까지 서류 올릴게요", "이번 달 말", dt.date(2026, 11, 30)),
        ("월말까지 처리됩니다", "월말", dt.date(2026, 11, 30)),
        ("이번 달 안에 보내 드릴게요", "이번 달 안에", dt.date(2026, 11, 30)),
        ("보름 전부터 소리가 나요", "보름 전", dt.date(2026, 11, 9)),
        ("삼 주 전쯤부터 물이 안 빠져요", "삼 주 전쯤", dt.date(2026, 11, 3)),
        ("한 달 전에 설치했어요", "한 달 전에", dt.date(2026, 10, 24)),
        ("일주일 뒤에 다시 연락드릴게요", "일주일 뒤에", dt.date(2026, 12, 1)),
        ("엊그저께 받았어요", "엊그저께", dt.date(2026, 11, 22)),
        ("내일모레 방문드릴게요", "내일모레", dt.date(2026, 11, 26)),
        ("시월 이십 며칠이더라 이십이일 계단에서 넘어졌어요", "시월 이십 며칠이더라 이십이일", dt.date(2026, 10, 22)),
        ("24시간 안에 연락드리겠습니다", "24시간 안에", dt.date(2026, 11, 25)),
        ("지지난주 금요일에 주문했어요", "지지난주 금요일", dt.date(2026, 11, 13)),
        ("영업일 기준 칠 일 안에 결과 드립니다", "영업일 기준 칠 일 안에", dt.date(2026, 12, 3)),
        ("접수일로부터 칠 일 정도 걸리고요", "칠 일 정도", dt.date(2026, 12, 1)),
        # After midnight "last night" is the call's own day.
        ("어젯밤에 새벽 한 시쯤 알림이 왔어요", "어젯밤에 새벽", dt.date(2026, 11, 24)),
        ("오십팔 년 삼월 칠일이요", "오십팔 년 삼월 칠일", dt.date(1958, 3, 7)),
    ],
)
def test_relative_forms_of_other_speakers(text: str, said: str, date: dt.date) -> None:
    mention = resolve_dates(text, ANCHOR)[0]
    assert (mention.text, mention.date) == (said, date)


def test_a_span_counted_from_an_event_is_not_a_date() -> None:
    assert resolve_dates("삭제 일주일 전에 메일 드릴게요", ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # Said on Tuesday the 24th: a bare day or weekday said of the past is the last one.
        ("저 이십육 일에 신청했어요", dt.date(2026, 10, 26)),
        ("토요일에 업데이트하고 나서부터 꺼져요", dt.date(2026, 11, 21)),
        ("토요일에 방문 가능하세요", dt.date(2026, 11, 28)),
        ("금요일 오전 방문 접수 완료됐습니다", dt.date(2026, 11, 27)),
        ("금요일 오전에 접수됐는지 확인해서 문자 드릴게요", dt.date(2026, 11, 27)),
    ],
)
def test_a_bare_day_reads_past_or_future_by_the_verb(text: str, date: dt.date) -> None:
    assert resolve_dates(text, ANCHOR)[0].date == date


def test_a_bare_day_closing_a_range_takes_its_month() -> None:
    dates = [m.date for m in resolve_dates("구월 십사 일부터 십팔 일까지 쓰셨어요", ANCHOR)]
    assert dates == [dt.date(2026, 9, 14), dt.date(2026, 9, 18)]


def test_digits_after_a_spoken_hyphen_are_no_day() -> None:
    assert resolve_dates("접수번호는 디 에스 하이픈 11 일이 하이픈 영삼칠칠이고요", ANCHOR) == []


@pytest.mark.parametrize(
    "text",
    ["만기 사흘 전에 문자로 알려 드려요", "출국 이틀 전까지 신청해 주셔야 돼요", "결제일 5일 전에 알림톡 나가요"],
)
def test_days_counted_back_from_a_named_event_are_not_counted_from_today(text: str) -> None:
    assert resolve_dates(text, ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("아마 사흘 전에 샀어요", dt.date(2026, 11, 21)),
        ("그게 이틀 전부터 그래요", dt.date(2026, 11, 22)),
        ("그럼 닷새 전이네예", dt.date(2026, 11, 19)),
    ],
)
def test_days_ago_after_a_filler_still_count_from_today(text: str, date: dt.date) -> None:
    assert [m.date for m in resolve_dates(text, ANCHOR)] == [date]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # Said on Tuesday 2026-11-24.
        ("지난주 월요일에 빌려서 수요일에 반납했어요", [dt.date(2026, 11, 16), dt.date(2026, 11, 18)]),
        ("지난주 화요일에 접수하고 금요일에 연락 왔어요", [dt.date(2026, 11, 17), dt.date(2026, 11, 20)]),
        ("다음 주 월요일에 가서 목요일에 와요", [dt.date(2026, 11, 30), dt.date(2026, 12, 3)]),
    ],
)
def test_a_later_weekday_after_one_named_with_its_week_is_in_that_week(
    text: str, dates: list[dt.date]
) -> None:
    assert [m.date for m in resolve_dates(text, ANCHOR)] == dates


@pytest.mark.parametrize(
    ("text", "said", "date"),
    [
        ("그저께 일요일 아침에 보니까 안 시원해요", "그저께 일요일", dt.date(2026, 11, 22)),
        ("어제 월요일에 받았어요", "어제 월요일", dt.date(2026, 11, 23)),
        ("십일월 이십 일 금요일에 왔어요", "십일월 이십 일 금요일", dt.date(2026, 11, 20)),
    ],
)
def test_a_weekday_naming_the_day_just_said_is_one_mention(
    text: str, said: str, date: dt.date
) -> None:
    assert _one(text)[:2] == (said, date)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # On Tuesday 2026-11-24: the 3rd is a Thursday in December (and September), the 6th
        # a Sunday in December, the 30th a Friday in October.
        ("삼 일 목요일 아침 편으로요", dt.date(2026, 12, 3)),
        ("오는 건 육 일 일요일 저녁", dt.date(2026, 12, 6)),
        ("삼십 일 금요일에 받았어요", dt.date(2026, 10, 30)),
    ],
)
def test_a_bare_day_with_its_weekday_is_in_the_nearest_month_that_fits(
    text: str, date: dt.date
) -> None:
    assert resolve_dates(text, ANCHOR)[0].date == date


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("이십이 일하고 이십삼 일 이틀 치가 나왔어요", [dt.date(2026, 11, 22), dt.date(2026, 11, 23)]),
        ("십오 일이랑 십칠 일에 두 번 빠졌어요", [dt.date(2026, 11, 15), dt.date(2026, 11, 17)]),
        ("십이 월 삼 일 출발이고 십이 월 육 일에 와요", [dt.date(2026, 12, 3), dt.date(2026, 12, 6)]),
        ("시 월 십 일 토요일로 잡혀 있어요", [dt.date(2026, 10, 10)]),
    ],
)
def test_days_joined_by_and_and_months_said_with_a_space(text: str, dates: list[dt.date]) -> None:
    assert [m.date for m in resolve_dates(text, ANCHOR)] == dates


@pytest.mark.parametrize(
    ("text", "anchor", "date"),
    [
        ("추석 연휴 끝나고 바로 월요일에 받았어요", dt.date(2026, 10, 7), dt.date(2026, 9, 28)),
        ("추석 끝나고 화요일에 보내 드릴게요", dt.date(2026, 9, 10), dt.date(2026, 9, 29)),
        ("설 연휴 지나고 다음 날 주문했어요", dt.date(2026, 10, 7), dt.date(2026, 2, 19)),
    ],
)
def test_a_day_counted_from_a_lunar_holiday(text: str, anchor: dt.date, date: dt.date) -> None:
    assert [m.date for m in resolve_dates(text, anchor)] == [date]


@pytest.mark.parametrize(
    ("text", "anchor", "date"),
    [
        # A rough count ("쯤", "정도", "가량") is still counted back from the call's day.
        ("열흘쯤 전부터 그런 것 같아요", dt.date(2026, 4, 22), dt.date(2026, 4, 12)),
        ("사흘 정도 전에 받았어요", dt.date(2026, 4, 22), dt.date(2026, 4, 19)),
        ("일주일쯤 전부터 소리가 나요", dt.date(2026, 4, 22), dt.date(2026, 4, 15)),
        ("보름 가량 전에 주문했거든요", dt.date(2026, 4, 22), dt.date(2026, 4, 7)),
        # "지난 주말에 토요일": the Saturday of the weekend just gone, not the coming one.
        ("지난 주말에 토요일 밤에 틀렸어요", dt.date(2026, 3, 9), dt.date(2026, 3, 7)),
        ("지난 주말 일요일에 설치했는데요", dt.date(2026, 3, 11), dt.date(2026, 3, 8)),
    ],
)
def test_rough_counts_and_last_weekend_days(text: str, anchor: dt.date, date: dt.date) -> None:
    assert [m.date for m in resolve_dates(text, anchor)] == [date]


def test_a_rough_count_of_days_it_takes_is_still_no_past_day() -> None:
    [mention] = resolve_dates("처리까지 사흘 정도 걸려요", dt.date(2026, 4, 22))
    assert mention.kind == "deadline" and mention.date == dt.date(2026, 4, 25)


# --- months counted with 석 / 넉, and the holidays on a fixed day of the year ----------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("석 달 전에 수술 받았어요", dt.date(2026, 8, 24)),
        ("석 달 전쯤부터 그래요", dt.date(2026, 8, 24)),
        ("넉 달 전에 가입했는데", dt.date(2026, 7, 24)),
        ("넉 달 정도 전에", dt.date(2026, 7, 24)),
        ("석 달 뒤에 다시", dt.date(2027, 2, 24)),
    ],
)
def test_months_counted_with_seok_and_neok(text: str, date: dt.date) -> None:
    assert _one(text)[1] == date


@pytest.mark.parametrize(
    ("text", "anchor", "said", "date"),
    [
        ("시월 초 한글날 연휴쯤부터 물 새는 소리가 났어요", ANCHOR, "한글날 연휴", dt.date(2026, 10, 9)),
        ("어린이날 당일 오후에요", dt.date(2026, 5, 6), "어린이날 당일", dt.date(2026, 5, 5)),
        ("어린이날에 주문했는데", ANCHOR, "어린이날", dt.date(2026, 5, 5)),
        ("광복절 다음 날에 받았어요", ANCHOR, "광복절 다음 날", dt.date(2026, 8, 16)),
        ("개천절 연휴 때 여행 갔다가", ANCHOR, "개천절 연휴", dt.date(2026, 10, 3)),
        ("크리스마스 이브에 배송돼야 해요", ANCHOR, "크리스마스 이브", dt.date(2026, 12, 24)),
        ("크리스마스에 받은 선물인데", dt.date(2027, 1, 5), "크리스마스", dt.date(2026, 12, 25)),
        ("성탄절 전날 밤에 고장 났어요", dt.date(2027, 1, 5), "성탄절 전날", dt.date(2026, 12, 24)),
        ("삼일절 전날에 주문했는데", ANCHOR, "삼일절 전날", dt.date(2026, 2, 28)),
        ("현충일쯤부터 그랬어요", ANCHOR, "현충일", dt.date(2026, 6, 6)),
    ],
)
def test_a_holiday_on_a_fixed_day(text: str, anchor: dt.date, said: str, date: dt.date) -> None:
    mention = resolve_dates(text, anchor)[0]
    assert (mention.text, mention.date) == (said, date)


@pytest.mark.parametrize(
    "text",
    ["어린이날 선물로 킥보드를 샀어요", "크리스마스 트리 주문이요", "한글날 행사 안내 문자", "광복절 특가로 샀어요"],
)
def test_a_holiday_naming_a_thing_is_no_date(text: str) -> None:
    assert resolve_dates(text, ANCHOR) == []


THURSDAY = dt.date(2026, 2, 19)
FRIDAY_NOV = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "anchor", "said", "date"),
    [
        ("근데 아직도 안 왔어요 오늘이 벌써 목요일인데", THURSDAY, "오늘이 벌써 목요일", THURSDAY),
        ("오늘이 목요일이잖아요", THURSDAY, "오늘이 목요일", THURSDAY),
        ("오늘 금요일이라 택배가 안 와요", FRIDAY_NOV, "오늘 금요일", FRIDAY_NOV),
        ("오늘은 금요일이니까요", FRIDAY_NOV, "오늘은 금요일", FRIDAY_NOV),
        ("오늘이 이제 화요일인데 연락이 없어요", ANCHOR, "오늘이 이제 화요일", ANCHOR),
        ("그저께가 일요일이었는데요", ANCHOR, "그저께가 일요일", dt.date(2026, 11, 22)),
        ("어제가 마침 월요일이라서요", ANCHOR, "어제가 마침 월요일", dt.date(2026, 11, 23)),
    ],
)
def test_a_weekday_said_of_today_is_the_call_date(
    text: str, anchor: dt.date, said: str, date: dt.date
) -> None:
    assert _one(text, anchor)[:2] == (said, date)


@pytest.mark.parametrize(
    ("text", "anchor", "date"),
    [
        # A weekday that is not today's stays a weekday of its own.
        ("오늘이 목요일인데 금요일까지 와요", THURSDAY, [THURSDAY, dt.date(2026, 2, 20)]),
        # Future or plan: the next one after the call, a week on for the call's own weekday.
        ("목요일에 방문드릴게요", THURSDAY, [dt.date(2026, 2, 26)]),
        ("토요일에 받아야 돼요", THURSDAY, [dt.date(2026, 2, 21)]),
        ("월요일에 연락드릴게요", dt.date(2026, 12, 30), [dt.date(2027, 1, 4)]),
        # Past: the last one before the call, across a month end.
        ("월요일에 주문했어요", dt.date(2026, 12, 2), [dt.date(2026, 11, 30)]),
        ("금요일에 받았는데요", dt.date(2027, 1, 1), [dt.date(2026, 12, 25)]),
        ("목요일에 주문했는데 아직이에요", THURSDAY, [dt.date(2026, 2, 12)]),
    ],
)
def test_a_bare_weekday_reads_by_tense(text: str, anchor: dt.date, date: list[dt.date]) -> None:
    assert [m.date for m in resolve_dates(text, anchor)] == date


@pytest.mark.parametrize(
    ("text", "anchor", "dates"),
    [
        (
            "이사가 사월 이십오 일 토요일이었으니까 네 다음 날 맞아요 일요일에 기사님이 오셨어요",
            dt.date(2026, 7, 9),
            [dt.date(2026, 4, 25), dt.date(2026, 4, 26), dt.date(2026, 4, 26)],
        ),
        # A weekday after a date, past: the first such day after that date.
        ("시월 삼 일 토요일에 주문했는데 화요일에 왔어요", ANCHOR, [dt.date(2026, 10, 3), dt.date(2026, 10, 6)]),
        ("구월 삼십 일에 신청했는데 금요일에 취소됐어요", ANCHOR, [dt.date(2026, 9, 30), dt.date(2026, 10, 2)]),
        ("11/27에 보냈는데 월요일에 도착했대요", dt.date(2026, 12, 10), [dt.date(2026, 11, 27), dt.date(2026, 11, 30)]),
        ("이십칠 일 금요일에 샀는데 일요일에 고장 났어요", dt.date(2026, 12, 3), [dt.date(2026, 11, 27), dt.date(2026, 11, 29)]),
        # With 까지: the day it was promised by.
        ("시월 삼 일에 주문했는데 금요일까지 온다고 했었거든요", ANCHOR, [dt.date(2026, 10, 3), dt.date(2026, 10, 9)]),
        # 그 다음 날 / 그 전날 / 이튿날 across month ends.
        ("시월 삼십일 일에 이사했고 그 다음 날 설치했어요", ANCHOR, [dt.date(2026, 10, 31), dt.date(2026, 11, 1)]),
        ("십일월 일 일에 받았는데 그 전날 주문했어요", ANCHOR, [dt.date(2026, 11, 1), dt.date(2026, 10, 31)]),
        ("작년 십이월 삼십일 일에 출발해서 이튿날 도착했어요", dt.date(2027, 1, 5), [dt.date(2026, 12, 31), dt.date(2027, 1, 1)]),
        ("이월 이십팔 일에 샀고 그다음 날 고장 났어요", dt.date(2026, 3, 10), [dt.date(2026, 2, 28), dt.date(2026, 3, 1)]),
        # Days counted on from the date.
        ("시월 삼 일에 주문했는데 이틀 뒤에 왔어요", ANCHOR, [dt.date(2026, 10, 3), dt.date(2026, 10, 5)]),
        ("시월 삼십 일에 접수했는데 사흘 후에 연락 왔어요", ANCHOR, [dt.date(2026, 10, 30), dt.date(2026, 11, 2)]),
        # Future: a weekday after a coming date.
        ("다음 주 월요일에 가서 목요일에 와요", ANCHOR, [dt.date(2026, 11, 30), dt.date(2026, 12, 3)]),
        ("십이월 칠 일에 설치하고 그 다음 날 점검 가실 거예요", ANCHOR, [dt.date(2026, 12, 7), dt.date(2026, 12, 8)]),
        ("십이월 삼십 일 수요일에 출발하시고 월요일에 오시는 거죠", ANCHOR, [dt.date(2026, 12, 30), dt.date(2027, 1, 4)]),
        # Earlier weekday after a week-named day: the next one after it.
        ("지난주 금요일에 주문했는데 월요일에 왔어요", ANCHOR, [dt.date(2026, 11, 20), dt.date(2026, 11, 23)]),
    ],
)
def test_a_day_after_a_date_told_counts_from_that_date(
    text: str, anchor: dt.date, dates: list[dt.date]
) -> None:
    assert [m.date for m in resolve_dates(text, anchor)] == dates


@pytest.mark.parametrize(
    ("text", "anchor", "dates"),
    [
        # A plan after a past date still counts from the call.
        ("십일월 삼 일에 가입하셨고요 월요일에 기사님 방문 예정입니다", ANCHOR, [dt.date(2026, 11, 3), dt.date(2026, 11, 30)]),
        ("시월 삼 일에 주문하셨고 금요일까지 처리해 드릴게요", ANCHOR, [dt.date(2026, 10, 3), dt.date(2026, 11, 27)]),
        ("시월 삼 일에 주문하셨는데 이틀 뒤에 다시 연락드릴게요", ANCHOR, [dt.date(2026, 10, 3), dt.date(2026, 11, 26)]),
        # Near-call words (어제, a weekday alone) give no date to count from.
        ("어제 주문했는데 금요일에 온대요", ANCHOR, [dt.date(2026, 11, 23), dt.date(2026, 11, 27)]),
    ],
)
def test_a_promise_after_a_past_date_counts_from_the_call(
    text: str, anchor: dt.date, dates: list[dt.date]
) -> None:
    assert [m.date for m in resolve_dates(text, anchor)] == dates


@pytest.mark.parametrize(
    "text",
    [
        "방문 전날 문자 드릴게요",
        "이사한 다음 날부터 가스를 열었거든요",
        "그 다음 날 다시 전화했어요",  # nothing told before it to count from
        "다음 날 배송이에요",
        "그날 바로 입원했어요",
    ],
)
def test_a_day_after_an_event_or_nothing_is_no_date(text: str) -> None:
    assert resolve_dates(text, ANCHOR) == []


@pytest.mark.parametrize(
    ("text", "before", "anchor", "dates"),
    [
        ("그때 분명히 금요일까지 도착이라고 써 있었거든요", "이월 십일 일 수요일에 주문하신 건이네요", THURSDAY, [dt.date(2026, 2, 13)]),
        ("일요일에 기사님이 오셨어요", "이사가 사월 이십오 일 토요일이었거든요", dt.date(2026, 7, 9), [dt.date(2026, 4, 26)]),
        ("이틀 뒤에 받았어요", "시월 삼 일에 보냈는데", ANCHOR, [dt.date(2026, 10, 5)]),
        # "그 다음 날" counts from this text's own dates only.
        ("다음 날 다른 항공사로 왔어요", "십이월 사일 금요일 편 맞으시죠", dt.date(2026, 12, 10), []),
        # A date of this text's own comes first.
        ("어제 받았어요", "시월 삼 일에 보냈는데", ANCHOR, [dt.date(2026, 11, 23)]),
        # A plan told after it is still the call's.
        ("금요일에 다시 연락드릴게요", "시월 삼 일에 주문하셨네요", ANCHOR, [dt.date(2026, 11, 27)]),
    ],
)
def test_the_words_said_before_give_the_date_to_count_from(
    text: str, before: str, anchor: dt.date, dates: list[dt.date]
) -> None:
    assert [m.date for m in resolve_dates(text, anchor, before)] == dates


@pytest.mark.parametrize(
    ("text", "before", "anchor", "dates"),
    [
        # Answering the days offered in the turn before: the call's weekdays.
        ("목요일 저녁은 회식이 있을 것 같기도 하고", "이십일 일 월요일 아침 일곱 시 반 있습니다", dt.date(2026, 12, 8), [dt.date(2026, 12, 10)]),
        ("토요일이나 저녁에 안 돼요", "다음 주 월요일 십이 일 오전으로 잡혀 있으세요", dt.date(2026, 10, 8), [dt.date(2026, 10, 10)]),
    ],
)
def test_a_plan_at_the_start_of_a_turn_counts_from_the_call(
    text: str, before: str, anchor: dt.date, dates: list[dt.date]
) -> None:
    assert [m.date for m in resolve_dates(text, anchor, before)] == dates
