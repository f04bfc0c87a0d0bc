"""Dates said in a call, resolved against the call's date.

Conventions (the extractors rely on them):
- A month/day without a year takes the anchor's year (no guessing from tense).
- "point" is a day something happened or will happen; "deadline" is the last day it may happen:
  "이번 주 안에/중" → that week's Friday; "이틀 안에", "3일 이내", "칠 일 정도 걸리고요" → anchor + n days;
  "N 영업일" → anchor + n business days (Sat/Sun skipped, public holidays not known);
  "일주일 안에" → anchor + 7 days; "다음 달 안에/중/까지" → the last day of next month.
- A bare "다음 달"/"다음 달 초" is a deadline on the 1st of next month: the earliest date the
  promise can be checked against; "다음 달 말" is a point on its last day.
- "이번 달 말/안에", "월말" → the last day of this month (a point for 말, else a deadline).
- "보름 전", "삼 주 전쯤", "일주일 뒤", "한 달 전": counted from the anchor; "영업일 기준 칠 일
  안에" counts business days.
- "이십오 일 전까지 넣어 두세요", "이십 일 전에 보내 주세요": a day of the month (1–31) before
  전까지 not said of the past, or before 전에 with a request or promise, is a deadline on that
  day (this month's, else next month's); "이틀 전에 샀는데", "삼 일 전부터", "오 일 전까지만 해도
  됐는데" count back from the anchor. "사흘째" is no date: the logs keep it as said.
- "이틀 뒤부터 그러니까 금요일부터요": a weekday restating a count names the day for both when
  it is within three days of the counted one (the speaker correcting the count).
- A weekday alone is the next one after the anchor ("지난 토요일": the last one before it;
  "오늘이 벌써 목요일인데": the anchor). After a date told with its day, a bare weekday is the
  first such day from that date ("지난주 월요일에 빌려서 수요일에 반납": last week's
  Wednesday; "사월 이십오 일 토요일이었으니까 … 일요일에": 04-26), and "그 다음 날", "그
  전날", "이틀 뒤" count from it, when the tense agrees (a plan stays after the call). A bare day with its weekday ("삼 일 목요일") is in the
  nearest month (two either side) where that day is that weekday.
- "이십이 일하고 이십삼 일": a bare day joined by 하고 / 랑 / 과 is a day; "십이 월 삼 일" may
  leave a space before 월.
- "어젯밤 새벽 한 시" is after midnight: the anchor's own day; "내일모레" is anchor + 2;
  "24시간 안에" the day the hours run out; "시월 이십 며칠이더라 이십이일" the recalled day.
- A bare day or weekday later than the anchor but said in the past tense ("십사 일에
  신청했어요") is the last such day before it; a bare day closing a range ("구월 십사 일부터
  십팔 일까지") takes the range's month. Nothing after a spoken hyphen is a day.
- Times of day (오전 10시) are not dates; they are skipped.
- "추석 연휴 끝나고 바로 월요일", "설 연휴 지나고 다음 날": counted from the last day of the
  holiday period nearest the anchor (the lunar holidays move every year; the table holds them).
- "설치하고 이틀 뒤", "받고 나서 사흘 뒤에", "주문한 지 이틀 만에", "등록한 다음 주 화요일",
  "점검 받은 그 다음 날": counted from the day told for that event (the latest date said with
  the same verb or noun: 설치했는데, 등록했어요, 받았는데, 설치 건), in the same text or the
  turns before it; the same words read with that day as their anchor. With no such day told,
  a count goes on as before (from the date just told, or from the call), and "이사한 다음 날"
  names no day.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pipeline.hangul import syllable_parts, syllables_with_final, without_final
from pipeline.normalize.numbers import parse_korean_number

DateKind = Literal["point", "deadline"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    kind: DateKind
    # Counted from an event told before ("설치하고 이틀 뒤"): the words say how, the date when.
    from_event: bool = False


_NUM = r"(?:\d{1,4}|[일이삼사오육칠팔구십]+)"
_WEEKDAYS = "월화수목금토일"
_DEADLINE_SUFFIX = re.compile(r"\s*(?:까지|안에|안으로|이내|내에|내로|전까지|중에|중으로)")
_NOT_AFTER_WORD = r"(?<![가-힣])"

_ABSOLUTE = re.compile(
    _NOT_AFTER_WORD + r"(?:(?P<year>\d{2,4}|[이천일백십이삼사오육칠팔구]+)\s?년\s*"
    r"|(?P<rel_year>올해|금년|작년|지난해|내년|재작년)\s*)?"
    r"(?P<month>\d{1,2}|유|시|[일이삼사오육칠팔구십]{1,3})\s?월\s*"
    r"(?P<day>\d{1,2}일|[일이삼사오육칠팔구십]{1,4}\s?일)"
    r"(?:\s*\(?[월화수목금토일]요일\)?|\s*\([월화수목금토일]\))?"
)
# "시월 이십 며칠이더라 이십이일": the month, a pause to recall, then the day.
_RECALLED_DAY = re.compile(
    _NOT_AFTER_WORD + r"(?P<month>\d{1,2}|유|시|[일이삼사오육칠팔구십]{1,3})\s?월[^.?!]{0,12}?(?:며칠|몇\s?일)[가-힣]*"
    r"\s+(?P<day>\d{1,2}\s?일|[일이삼사오육칠팔구십]{1,4}\s?일)"
)
_NUMERIC = re.compile(
    r"(?<![\d./-])(?:(?P<year>\d{4})[./-](?P<month>\d{1,2})[./-](?P<day>\d{1,2})"
    r"|(?P<short_month>\d{1,2})/(?P<short_day>\d{1,2}))(?![\d./-])"
)
# What may follow a day word inside its own word: a particle or a time of that day. Anything
# else makes it part of another word, a name such as 오늘마켓 or 오늘장보기.
_DAY_WORD_END = (
    r"(?=(?![가-힣])|(?:은|는|이|가|도|만|부터|부로|까지|에|의|로|요|인데|이나|이면|이라|엔|하고"
    r"|이랑|처럼|보다|쯤|중|안|내|밤|아침|새벽|오전|오후|저녁|낮|날짜|날|자|일))"
)
_RELATIVE_DAY = re.compile(
    _NOT_AFTER_WORD + r"(?:내일모레|그끄저께|그끄제|엊그저께|그저께|그제(?!서야)|엊그제|어젯밤(?:에)?\s?새벽|어젯밤|어제|오늘|금일|내일|명일|모레|글피)"
    + _DAY_WORD_END
)
_WEEK = r"(?P<week>지지난\s?주|지난\s?주|저번\s?주|이번\s?주|금주|다음\s?주|차주|담주|다다음\s?주)"
_WEEK_DAY = re.compile(_NOT_AFTER_WORD + _WEEK + r"\s*(?P<weekday>[월화수목금토일])요일")
_WEEK_DEADLINE = re.compile(
    _NOT_AFTER_WORD + _WEEK + r"\s*(?:안에|안으로|중에?|중으로|내에?|내로|까지)"
)
_NATIVE_DAYS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "열흘": 10,
}
_DAY_COUNT = re.compile(
    _NOT_AFTER_WORD + r"(?P<count>하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|" + _NUM + r"\s*일)"
    # "열흘쯤 전부터": a count said as a rough one is still counted from the anchor.
    r"(?:(?:\s*(?:쯤|정도|가량))?\s*(?P<relation>안에|안으로|이내에?|이내로|내에?|내로|후에?|뒤에?|전에?|만에)"
    r"|(?P<takes>(?:\s*(?:정도|쯤))?)(?=\s*(?:걸리|걸려|소요)))"
)
# "이십오 일 전까지 넣어 두세요", "십 일 전에 보내 주세요": before that day of the month, not that
# many days ago. Said of the past ("삼 일 전까지만 해도 됐는데") it stays a count back.
_DAY_OF_MONTH_COUNT = re.compile(r"(?:\d{1,2}|[일이삼사오육칠팔구십]{1,4})\s*일")
_BEFORE_UNTIL = re.compile(r"\s*까지")
_REQUEST_OR_PROMISE = re.compile(
    r"(?:주|두|하|보내|넣|내|올리|해)\s?(?:세요|십시오|주세요|두세요)|드릴게요|드리겠|할게요|하겠"
)
_BUSINESS_DAYS = re.compile(
    _NOT_AFTER_WORD + r"(?P<count>" + _NUM + r")\s*영업\s?일"
    r"(?:\s*(?P<relation>이내|안에|내에?|내로|까지|후|뒤))?"
)
_WEEK_COUNT = re.compile(
    _NOT_AFTER_WORD + r"(?P<count>\d+|[일이삼사오한두세])\s*주일?\s*(?:이내|안에|안으로|내에?|내로)"
)
_MONTH_DAY = re.compile(
    _NOT_AFTER_WORD + r"(?P<month_rel>지난\s?달|저번\s?달|이번\s?달|이달|다음\s?달|담달|내달)\s*"
    r"(?P<day>\d{1,2}일|[일이삼사오육칠팔구십]{1,4}\s?일)"
)
# A day of the month said alone: "십팔 일까지", "오늘이 이십 일인데", "십오 일 목요일에". One
# spoken syllable ("이 일") is a day only with its weekday: "이 일은" is "this matter".
_BARE_DAY = re.compile(
    r"(?<![가-힣\d])(?<!하이픈\s)(?<!대시\s)(?:(?P<day>\d{1,2}\s?일|[이삼]?십[일이삼사오육칠팔구]?\s?일)"
    r"(?=\s*(?:까지|에|이|인데|날|자|요|로|부터|하고|랑|과|와|오전|오후|아침|저녁|밤|[월화수목금토일]요일))"
    r"|(?P<short_day>[일이삼사오육칠팔구])\s?일(?=\s*[월화수목금토일]요일))"
    r"(?!\s*(?:이내|안|후|뒤|동안|정도|간|만에|이상))"
    r"(?:\s*(?P<weekday>[월화수목금토일])요일)?"
)
_THIS_MONTH = re.compile(
    _NOT_AFTER_WORD + r"(?:(?:이번\s?달|이달)\s*(?P<part>말|안에|안으로|중에?|내에?|내로)|월말)"
)
# "보름 전", "삼 주 전쯤", "일주일 뒤", "한 달 전": a span counted back or on from the anchor.
_SPAN = re.compile(
    _NOT_AFTER_WORD + r"(?:(?P<fortnight>보름)|(?P<weeks>\d+|[일이삼사오육칠팔구한두세네]|열)\s*주일?"
    r"|(?P<months>\d+|[일이삼사오육한두세네석넉]|여섯)\s*(?:달|개월))"
    r"(?:\s*(?:쯤|정도|가량))?\s*(?P<relation>전|뒤|후)(?:쯤|경|에)?"
)
# "24시간 안에 연락드리겠습니다": the day the hours run out.
_HOURS = re.compile(
    _NOT_AFTER_WORD + r"(?P<count>\d{1,3}|[이삼사오육칠팔구십]+|한|두|세|네)\s*시간\s*(?:이내에?|이내로|안에|안으로|내에?|내로)"
)
# "석 달 전", "넉 달 전": 석 and 넉 count months as 세 and 네 do.
_NATIVE_COUNTS = {"한": 1, "두": 2, "세": 3, "네": 4, "석": 3, "넉": 4, "여섯": 6, "열": 10}
# "영업일 기준 칠 일 안에": the days counted are business days.
_BUSINESS_BASIS = re.compile(
    _NOT_AFTER_WORD + r"영업\s?일\s*기준\s*(?:으로\s*)?(?P<count>" + _NUM + r")\s*일"
    r"(?:\s*(?P<relation>이내|안에|내에?|내로|까지|후|뒤))?"
)
_NEXT_MONTH = re.compile(
    _NOT_AFTER_WORD
    + r"(?:다음\s?달|담달|내달)(?:\s*(?P<part>초|말|안에|안으로|중에?|내에?|내로|까지))?"
)
_WEEKDAY_DEADLINE = re.compile(_NOT_AFTER_WORD + r"(?P<weekday>[월화수목금토일])요일\s*까지")
# "그 다음 날", "이튿날", "그 전날": a day counted from the date just told ("사월 이십오 일
# 토요일이었으니까 네 다음 날 맞아요"); read from the call here and re-read in context. "그날"
# is not one: it names an event told before as often as a date.
_FROM_SAID = re.compile(
    _NOT_AFTER_WORD + r"(?P<that>그\s?)?(?P<shift>다음\s?날|담날|이튿날|전\s?날)" + _DAY_WORD_END
)
_FROM_SAID_SHIFTS = {"다음날": 1, "담날": 1, "이튿날": 1, "전날": -1}
# A weekday said alone ("금요일 오전 방문", "지난 토요일에", "지난 주말에 토요일 밤에"): the
# nearest one after the call, or before it when said with 지난/저번. Longer phrases (다음 주
# 화요일, 십오 일 목요일) win.
_BARE_WEEKDAY = re.compile(
    _NOT_AFTER_WORD
    + r"(?:(?P<past>지난|저번)\s?(?:주말\s?(?:에는|에)?\s?)?)?(?P<weekday>[월화수목금토일])요일"
)

_WEEK_OFFSETS = {
    "지지난": -2,
    "지난": -1,
    "저번": -1,
    "이번": 0,
    "금주": 0,
    "다음": 1,
    "차주": 1,
    "담주": 1,
    "다다음": 2,
}
_MONTH_OFFSETS = {"지난": -1, "저번": -1, "이번": 0, "이달": 0, "다음": 1, "담달": 1, "내달": 1}
_YEAR_OFFSETS = {"올해": 0, "금년": 0, "작년": -1, "지난해": -1, "내년": 1, "재작년": -2}
_RELATIVE_DAYS = {
    # "그끄저께 문자로 청구서가 왔는데": the day before 그저께, three days back.
    "그끄저께": -3,
    "그끄제": -3,
    "그저께": -2,
    "그제": -2,
    "엊그제": -2,
    "엊그저께": -2,
    "내일모레": 2,
    "어젯밤": -1,
    "어제": -1,
    "오늘": 0,
    "금일": 0,
    "내일": 1,
    "명일": 1,
    "모레": 2,
    "글피": 3,
}
_SPOKEN_MONTHS = {"유": 6, "시": 10}
# The lunar public holidays (설날, 추석 with the days either side, and the substitute day when
# one fell on a Sunday or another holiday): first and last day.
_LUNAR_HOLIDAYS: dict[str, tuple[tuple[dt.date, dt.date], ...]] = {
    "설": (
        (dt.date(2024, 2, 9), dt.date(2024, 2, 12)),
        (dt.date(2025, 1, 28), dt.date(2025, 1, 30)),
        (dt.date(2026, 2, 16), dt.date(2026, 2, 18)),
        (dt.date(2027, 2, 6), dt.date(2027, 2, 9)),
        (dt.date(2028, 1, 26), dt.date(2028, 1, 28)),
    ),
    "추석": (
        (dt.date(2024, 9, 16), dt.date(2024, 9, 18)),
        (dt.date(2025, 10, 5), dt.date(2025, 10, 8)),
        (dt.date(2026, 9, 24), dt.date(2026, 9, 26)),
        (dt.date(2027, 9, 14), dt.date(2027, 9, 16)),
        (dt.date(2028, 10, 2), dt.date(2028, 10, 5)),
    ),
}
# "추석 연휴 끝나고 바로 월요일", "설 연휴 지나고 첫 출근날", "추석 끝나고 다음 날": the first
# such day after the holiday period.
_AFTER_HOLIDAY = re.compile(
    _NOT_AFTER_WORD + r"(?P<holiday>추석|설날|설|구정)\s?(?:명절\s?)?(?:연휴\s?)?(?:가\s?|이\s?)?"
    r"(?:끝나고|끝나서|끝난\s?(?:뒤|후|다음)에?|지나고|지나서|지난\s?(?:뒤|후|다음)에?|이후에?)\s*"
    r"(?:바로\s*)?(?:그\s?)?(?:첫\s?|다음\s?)?"
    r"(?:(?P<weekday>[월화수목금토일])요일|(?P<next_day>날|다음\s?날|담날))"
)
# The holidays on a fixed day of the year: "한글날 연휴쯤부터", "어린이날 당일 오후에요",
# "크리스마스 전날에". Said only with a word of time after it; "어린이날 선물로" names a gift.
_FIXED_HOLIDAYS = {
    "신정": (1, 1),
    "삼일절": (3, 1),
    "어린이날": (5, 5),
    "어버이날": (5, 8),
    "현충일": (6, 6),
    "광복절": (8, 15),
    "개천절": (10, 3),
    "한글날": (10, 9),
    "크리스마스": (12, 25),
    "성탄절": (12, 25),
}
_HOLIDAY_SHIFTS = {"전날": -1, "이브": -1, "다음날": 1, "담날": 1, "당일": 0}
_FIXED_HOLIDAY = re.compile(
    _NOT_AFTER_WORD + r"(?P<holiday>" + "|".join(_FIXED_HOLIDAYS) + r")"
    r"(?:\s?(?P<shift>전날|이브|다음\s?날|담날|당일))?(?:\s?연휴)?"
    r"(?=\s*(?:에|엔|때|쯤|경|무렵|즈음|부터|까지|이었|였|이던|직전|직후|전후|오전|오후|아침|점심|저녁|밤|새벽))"
)
# The months a bare day with its weekday may fall in, around the anchor's.
_NAMED_WEEKDAY_MONTHS = (0, -1, 1, -2, 2)
FRIDAY = 4

Resolved = tuple[dt.date, DateKind]
Resolver = Callable[[re.Match[str], dt.date, str], Resolved | None]


def written_date(date: dt.date) -> str:
    """How a note writes a date: "11월 21일"."""
    return f"{date.month}월 {date.day}일"


def _number(text: str) -> int | None:
    text = text.strip()
    return _SPOKEN_MONTHS.get(text) or parse_korean_number(text)


def _day_number(text: str) -> int | None:
    """Day groups keep their 일 so that "삼십일 일" reads 31 and "십일" 10."""
    return _number(text.strip()[:-1])


def _safe_date(year: int, month: int | None, day: int | None) -> dt.date | None:
    if month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _kind_after(text: str, end: int) -> DateKind:
    return "deadline" if _DEADLINE_SUFFIX.match(text, end) else "point"


def _offset_key(phrase: str, offsets: dict[str, int]) -> int:
    compact = phrase.replace(" ", "")
    return next(
        v for k, v in sorted(offsets.items(), key=lambda kv: -len(kv[0])) if compact.startswith(k)
    )


def _week_monday(anchor: dt.date, phrase: str) -> dt.date:
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return monday + dt.timedelta(weeks=_offset_key(phrase, _WEEK_OFFSETS))


def _add_months(anchor: dt.date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def _resolve_absolute(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    year = anchor.year
    if match["year"]:
        parsed = parse_korean_number(match["year"])
        if parsed is not None and parsed < 100:  # "오십팔 년": a birth year of the last century
            parsed += 2000 if parsed + 2000 <= anchor.year + 1 else 1900
        year = parsed or year
    elif match["rel_year"]:
        year += _YEAR_OFFSETS[match["rel_year"]]
    date = _safe_date(year, _number(match["month"]), _day_number(match["day"]))
    return (date, _kind_after(text, match.end())) if date else None


def _resolve_recalled_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    date = _safe_date(anchor.year, _number(match["month"]), _day_number(match["day"]))
    return (date, _kind_after(text, match.end())) if date else None


def _resolve_numeric(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    if match["year"]:
        date = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    else:
        date = _safe_date(anchor.year, int(match["short_month"]), int(match["short_day"]))
    return (date, _kind_after(text, match.end())) if date else None


def _resolve_relative_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved:
    said = match.group().replace(" ", "")
    after_midnight = said.endswith("새벽") and said.startswith("어젯밤")
    date = anchor if after_midnight else anchor + dt.timedelta(days=_RELATIVE_DAYS[said])
    return date, _kind_after(text, match.end())


def _resolve_week_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved:
    weekday = _WEEKDAYS.index(match["weekday"])
    date = _week_monday(anchor, match["week"]) + dt.timedelta(days=weekday)
    return date, _kind_after(text, match.end())


def _resolve_week_deadline(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved:
    return _week_monday(anchor, match["week"]) + dt.timedelta(days=FRIDAY), "deadline"


def _day_of_month_deadline(match: re.Match[str], anchor: dt.date, text: str) -> dt.date | None:
    """"이십오 일 전까지 잔액만 넣어 두세요" said on the 12th: the 25th of this month (of the next
    when the day has gone by); None unless told as a deadline: 전까지 not said of the past, or
    전에 with a request or a promise in the rest of the sentence."""
    if not _DAY_OF_MONTH_COUNT.fullmatch(match["count"]):
        return None
    until = match["relation"] == "전" and _BEFORE_UNTIL.match(text, match.end())
    stop = _SENTENCE_END.search(text, match.end())
    rest = text[match.end() : stop.end() if stop else match.end() + 30]
    if not (until and not said_as_past(text, match.end())) and not _REQUEST_OR_PROMISE.search(rest):
        return None
    day = _number(match["count"].rstrip("일").strip())
    if day is None or not 1 <= day <= 31:
        return None
    date = _safe_date(anchor.year, anchor.month, day)
    if date is None or date < anchor:
        date = _safe_date(*_add_months(anchor, 1), day)
    return date


def _resolve_day_count(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    if (match["relation"] or "").startswith("전"):
        if _counts_from_event(text, match.start()):
            return None  # "만기 사흘 전에 문자 드려요" counts back from the due date, not from today
        if deadline := _day_of_month_deadline(match, anchor, text):
            return deadline, "deadline"
    count_text = match["count"]
    count = _NATIVE_DAYS.get(count_text) or _number(count_text.rstrip("일").strip())
    if count is None:
        return None
    relation = match["relation"] or "안에"  # "칠 일 정도 걸리고요": done within that time
    if relation.startswith("전"):
        return anchor - dt.timedelta(days=count), "point"
    kind: DateKind = "point" if relation[0] in "후뒤만" else "deadline"
    return anchor + dt.timedelta(days=count), kind


def add_business_days(anchor: dt.date, count: int) -> dt.date:
    date = anchor
    while count > 0:
        date += dt.timedelta(days=1)
        if date.weekday() < 5:
            count -= 1
    return date


def _resolve_business_days(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved | None:
    count = _number(match["count"])
    if count is None:
        return None
    kind: DateKind = "point" if match["relation"] in ("후", "뒤") else "deadline"
    return add_business_days(anchor, count), kind


def _resolve_week_count(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved | None:
    native = {"한": 1, "두": 2, "세": 3}
    count = native.get(match["count"]) or _number(match["count"])
    return (anchor + dt.timedelta(weeks=count), "deadline") if count else None


def _resolve_month_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    year, month = _add_months(anchor, _offset_key(match["month_rel"], _MONTH_OFFSETS))
    date = _safe_date(year, month, _day_number(match["day"]))
    return (date, _kind_after(text, match.end())) if date else None


def _resolve_next_month(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved:
    year, month = _add_months(anchor, 1)
    last_day = dt.date(year, month, calendar.monthrange(year, month)[1])
    part = match["part"]
    if part is None or part == "초":
        return dt.date(year, month, 1), "deadline"
    return last_day, "point" if part == "말" else "deadline"


def _resolve_hours(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved | None:
    count = _NATIVE_COUNTS.get(match["count"]) or _number(match["count"])
    return (anchor + dt.timedelta(days=count // 24), "deadline") if count else None


def _resolve_this_month(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved:
    last_day = dt.date(anchor.year, anchor.month, calendar.monthrange(anchor.year, anchor.month)[1])
    return last_day, "point" if match["part"] in (None, "말") else "deadline"


def _resolve_span(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    sign = -1 if match["relation"] == "전" else 1
    if _counts_from_event(text, match.start()):
        return None
    if match["fortnight"]:
        return anchor + dt.timedelta(days=15 * sign), "point"
    said = match["weeks"] or match["months"]
    count = _NATIVE_COUNTS.get(said) or _number(said)
    if not count:
        return None
    if match["weeks"]:
        return anchor + dt.timedelta(weeks=count * sign), "point"
    year, month = _add_months(anchor, count * sign)
    day = min(anchor.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), "point"


# "삭제 일주일 전에", "방문 이틀 전": a bare noun before the span names the event it counts from.
_WORD_BEFORE = re.compile(r"([가-힣]+)\s*$")
_SPAN_LEAD_INS = frozenset(
    ["한", "약", "대략", "거의", "벌써", "이미", "좀", "그", "한참", "지금", "아마", "아마도", "그럼",
     "그러면", "그냥", "근데", "그런데", "정확히", "딱", "바로", "한번", "이제", "있잖아요"]
)
# A word closing its sentence ("나갑니다 이십오 일 전까지") names no event either.
_ENDINGS_BEFORE = ("요", "다", "고", "서", "데", "는", "은", "가", "이", "을", "를", "에", "도", "면", "니까", "게")


def _counts_from_event(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text[:start])
    if before is None:
        return False
    word = before.group(1)
    # One syllable is a filler or a lead-in ("어", "한"); event nouns are longer.
    return len(word) > 1 and word not in _SPAN_LEAD_INS and not word.endswith(_ENDINGS_BEFORE)


def _resolve_bare_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    day = _day_number(match["day"] or match["short_day"] + "일")
    if day is None:
        return None
    if not match["weekday"]:
        date = _safe_date(anchor.year, anchor.month, day)
        return (date, _kind_after(text, match.end())) if date else None
    # "삼 일 목요일" names the month whose 3rd is a Thursday: the nearest such to the anchor.
    weekday = _WEEKDAYS.index(match["weekday"])
    candidates = []
    for offset in _NAMED_WEEKDAY_MONTHS:
        year, month = _add_months(anchor, offset)
        date = _safe_date(year, month, day)
        if date and date.weekday() == weekday:
            candidates.append(date)
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - anchor).days)), _kind_after(text, match.end())


def _resolve_weekday_deadline(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved:
    days_ahead = (_WEEKDAYS.index(match["weekday"]) - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=days_ahead), "deadline"


def _resolve_bare_weekday(match: re.Match[str], anchor: dt.date, text: str) -> Resolved:
    weekday = _WEEKDAYS.index(match["weekday"])
    if match["past"]:
        days_back = (anchor.weekday() - weekday) % 7 or 7
        return anchor - dt.timedelta(days=days_back), "point"
    days_ahead = (weekday - anchor.weekday()) % 7 or 7
    return anchor + dt.timedelta(days=days_ahead), _kind_after(text, match.end())


def _resolve_from_said(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    before = text[: match.start()]
    if not match["that"] and _counts_from_event(text, match.start()) and _event_before(before) is None:
        return None  # "방문 전날": counted from an event named by a noun, whose day is not told
    shift = _FROM_SAID_SHIFTS[match["shift"].replace(" ", "")]
    return anchor + dt.timedelta(days=shift), _kind_after(text, match.end())


def _resolve_after_holiday(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    """"추석 연휴 끝나고 바로 월요일": the first such weekday after the nearest holiday period
    ends (the last one gone by when told as past); "…끝나고 다음 날": the day after it."""
    name = "추석" if match["holiday"] == "추석" else "설"
    periods = _LUNAR_HOLIDAYS[name]
    if not periods[0][0] - dt.timedelta(days=200) <= anchor <= periods[-1][1] + dt.timedelta(days=200):
        return None  # outside the years the table knows
    gone = [p for p in periods if p[1] < anchor]
    if gone and said_as_past(text, match.end()):
        last = gone[-1][1]  # "설 연휴 지나고 다음 날 주문했어요": the last one gone by
    else:
        last = min(periods, key=lambda p: min(abs((p[0] - anchor).days), abs((p[1] - anchor).days)))[1]
    if match["weekday"] is None:
        return last + dt.timedelta(days=1), _kind_after(text, match.end())
    days_ahead = (_WEEKDAYS.index(match["weekday"]) - last.weekday()) % 7 or 7
    return last + dt.timedelta(days=days_ahead), _kind_after(text, match.end())


def _resolve_fixed_holiday(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    """"한글날 연휴쯤부터" said in November: the holiday's day in the year that puts it nearest the
    call (last year's Christmas said in January), or the last one gone by when told as past
    ("삼일절 전날에 주문했는데" said in November)."""
    month, day = _FIXED_HOLIDAYS[match["holiday"]]
    shift = dt.timedelta(days=_HOLIDAY_SHIFTS[(match["shift"] or "당일").replace(" ", "")])
    days = [dt.date(year, month, day) + shift for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    nearest = min(days, key=lambda d: abs((d - anchor).days))
    if nearest > anchor and said_as_past(text, match.end()):
        nearest = max(d for d in days if d <= anchor)
    return nearest, _kind_after(text, match.end())


# Earlier entries win when two matches cover the same text with the same length.
_RESOLVERS: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (_AFTER_HOLIDAY, _resolve_after_holiday),
    (_FIXED_HOLIDAY, _resolve_fixed_holiday),
    (_ABSOLUTE, _resolve_absolute),
    (_RECALLED_DAY, _resolve_recalled_day),
    (_NUMERIC, _resolve_numeric),
    (_MONTH_DAY, _resolve_month_day),
    (_WEEK_DAY, _resolve_week_day),
    (_WEEK_DEADLINE, _resolve_week_deadline),
    (_BUSINESS_BASIS, _resolve_business_days),
    (_BUSINESS_DAYS, _resolve_business_days),
    (_THIS_MONTH, _resolve_this_month),
    (_SPAN, _resolve_span),
    (_HOURS, _resolve_hours),
    (_DAY_COUNT, _resolve_day_count),
    (_WEEK_COUNT, _resolve_week_count),
    (_NEXT_MONTH, _resolve_next_month),
    (_WEEKDAY_DEADLINE, _resolve_weekday_deadline),
    (_RELATIVE_DAY, _resolve_relative_day),
    (_BARE_DAY, _resolve_bare_day),
    (_BARE_WEEKDAY, _resolve_bare_weekday),
    (_FROM_SAID, _resolve_from_said),
)


_BARE_WEEKDAY_SAID = re.compile(r"[월화수목금토일]요일")
_BARE_DAY_SAID = re.compile(r"(?:\d{1,2}|[일이삼사오육칠팔구십]{1,4})\s?일")


# What follows a bare day up to the end of its sentence says it is past: a syllable closed by
# ㅆ (했, 었, 왔, 됐) other than 있 / 겠, "…고 나서부터" (since something was done), or a past
# adnominal ("판정서 작성된 게 조회되네요", "월요일 새벽에 받은 거요", "금요일에 산 거").
# "월요일에 병원 갔다 와서 전화드릴게요": -었다 오다 (going and coming back) strings two acts
# together, and the tense is the last verb's, not the ㅆ of the first ("장에 나갔다가" stays past).
_AND_BACK = r"(?:와서|와\s?가지고|오면|오고)"
_SENTENCE_END = re.compile(r"(?:요|다(?!\s?" + _AND_BACK + r")|죠|는데|니까)(?=\s|$)")
_THERE_AND_BACK = re.compile(r"다\s?" + _AND_BACK)
# One-syllable verb stems closed by a consonant (받은, 넣은), and the past adnominals of open
# ones with their stems (산 ← 사다, 온 ← 오다).
_CLOSED_STEMS = "받먹찍읽잃놓넣씻맡끊"
_OPEN_PAST_ADNOMINALS = {
    "간": "가", "온": "오", "산": "사", "본": "보", "쓴": "쓰", "탄": "타", "낸": "내", "판": "팔"
}
_SINCE = re.compile(
    r"고\s?나서|ᆫ\s?뒤로|이후로"
    r"|(?:된|한|던|[" + _CLOSED_STEMS + r"]은|[" + "".join(_OPEN_PAST_ADNOMINALS) + r"])\s?(?:게|거|것)"
)
_SSANG_SIEUT_FINAL = 20
_BOOKED = re.compile(r"접수|예약|잡혔|잡았|확정|배정|변경")
_FUTURE = re.compile(r"[을를할릴갈올볼줄될]\s?(?:게요|거예요|거고|겁니다|예정|테니)|겠")


def said_as_past(text: str, end: int) -> bool:
    """The words after ``end`` up to the end of their sentence tell of the past."""
    stop = _SENTENCE_END.search(text, end)
    rest = text[end : stop.end() if stop else end + 30]
    if _FUTURE.search(rest) or _BOOKED.search(rest):
        return False  # "월요일 오전에 접수됐는지 확인해서 문자 드릴게요", "금요일 방문 접수됐습니다"
    past_syllables = syllables_with_final(_SSANG_SIEUT_FINAL)
    closed_by_ss = any(
        ch in past_syllables and ch not in "있겠"
        and not rest.startswith("는지", i + 1) and not _THERE_AND_BACK.match(rest, i + 1)
        for i, ch in enumerate(rest)
    )
    return closed_by_ss or bool(_SINCE.search(rest))


def _read_in_context(
    mentions: list[DateMention],
    text: str,
    anchor: dt.date,
    told_before: DateMention | None = None,
    earlier: tuple[str, ...] = (),
) -> list[DateMention]:
    """A bare day or weekday said of the past is the last one ("십사 일에 신청했어요" on the
    6th: last month's 14th); a bare day closing a range takes the range's month ("구월 십사
    일부터 십팔 일까지"); a weekday right after a day that falls on it names that day ("그저께
    일요일", "오늘이 벌써 목요일인데"); a bare weekday, "그 다음 날" or "이틀 뒤" after a date
    told with its day counts from that date (``told_before``: the last one said before
    ``text``); a count from an event ("설치하고 이틀 뒤") counts from the day told for that
    event in ``text`` or in ``earlier``, the words said before it."""
    read: list[DateMention] = []
    for mention in mentions:
        date: dt.date | None = mention.date
        previous = read[-1] if read else None
        told = previous or told_before
        event = _counted_event(mention, text)
        day = _event_day(event, text, read, mention.start, anchor, earlier) if event else None
        if day:
            # "지난달 이십팔 일에 설치했는데 설치하고 이틀 뒤부터": counted from the 28th.
            date = _count_from(mention, day, anchor)
        elif event and _FROM_SAID.fullmatch(mention.text) and _counts_from_event(text, mention.start):
            # "이사한 다음 날" with no day told for the move: no day to count from ("입원하고
            # 다음 날" goes on from the day just told, below).
            continue
        elif (
            previous and _BARE_DAY_SAID.fullmatch(mention.text)
            and "부터" in text[previous.end : mention.start] and mention.date.month != previous.date.month
        ):
            date = _safe_date(previous.date.year, previous.date.month, mention.date.day)
            date = date if date and date >= previous.date else mention.date
        elif previous and (restated := _restated_count(previous, mention, text, anchor)):
            # "이틀 뒤부터 그러니까 금요일부터요": the weekday corrects the count; one day.
            read[-1] = dataclasses.replace(previous, date=restated)
            date = restated
        elif previous and _names_its_weekday(previous, mention, text):
            # "그저께 일요일 아침에": the weekday names the day just said; one mention.
            said = text[previous.start : mention.end]
            read[-1] = dataclasses.replace(previous, end=mention.end, text=said, kind=mention.kind)
            continue
        elif told and (counted := _counted_from(told, mention, text, anchor, told is told_before)):
            date = counted
        elif previous and _counted_from_previous(previous, mention, text, anchor):
            # "계약은 지난주 금요일이었고 입금하고 사흘 뒤에": counted from that Friday.
            date = _count_from(mention, previous.date, anchor)
        elif _FROM_SAID.fullmatch(mention.text):
            continue  # "그 다음 날" with no date told before it: no day to count from
        elif mention.date > anchor and mention.kind == "point" and said_as_past(text, mention.end):
            date = past_reading(mention, anchor)
        counted = dataclasses.replace(mention, date=date or mention.date, from_event=day is not None)
        read.append(counted)
    return read


# "이틀 뒤부터 그러니까 금요일부터요", "사흘 전에 아 월요일에": a weekday restating a count.
_RESTATING_GAP = re.compile(r"\s*(?:부터|까지|에|에는|쯤|요)?\s*(?:그러니까|그니까|즉|아|어)\s*(?:그\s)?\s*")
# How far a restated weekday may stray from the counted day and still be the speaker's correction.
_RESTATED_SPREAD = 3


def _restated_count(
    previous: DateMention, mention: DateMention, text: str, anchor: dt.date
) -> dt.date | None:
    """The weekday's day when ``mention`` is a weekday restating the count ``previous`` ("이틀
    뒤부터 그러니까 금요일부터요") and falls within three days of it; None otherwise (a
    weekday a week off names another day)."""
    if not (_DAY_COUNT.fullmatch(previous.text) and _BARE_WEEKDAY_SAID.fullmatch(mention.text)):
        return None
    if not _RESTATING_GAP.fullmatch(text, previous.end, mention.start):
        return None
    weekday = mention.date
    if weekday > anchor and said_as_past(text, mention.end):
        weekday = past_reading(mention, anchor) or weekday
    return weekday if abs((weekday - previous.date).days) <= _RESTATED_SPREAD else None


# "오늘이 벌써 목요일인데", "그저께가 일요일이었는데": a particle and an adverb may come between.
_NAMING_GAP = re.compile(r"\s*(?:이|가|은|는)?\s*(?:벌써|이제|마침|딱|바로|이미)?\s*")

# "…이고 설치하고 사흘 뒤", "받고 나서 이틀 후에": a count on from an event told right after
# its day, linked by 고 (나서).
_COUNT_ON = re.compile(
    r"(?:하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|" + _NUM + r"\s*일|일주일|한\s?주)"
    r"\s*(?:쯤|정도)?\s*(?:뒤|후)에?"
)
_LINKED_BY_GO = re.compile(r"[^.?!]{0,20}[가-힣]고\s?(?:나서\s?)?(?:한\s?)?$")


def _counted_from_previous(
    previous: DateMention, mention: DateMention, text: str, anchor: dt.date
) -> bool:
    return (
        previous.date <= anchor
        and mention.date > anchor
        and _COUNT_ON.fullmatch(mention.text) is not None
        and _LINKED_BY_GO.fullmatch(text[previous.end : mention.start]) is not None
    )


def _names_its_weekday(previous: DateMention, mention: DateMention, text: str) -> bool:
    return (
        _BARE_WEEKDAY_SAID.fullmatch(mention.text) is not None
        and _NAMING_GAP.fullmatch(text, previous.end, mention.start) is not None
        and previous.date.weekday() == _WEEKDAYS.index(mention.text[0])
    )


# The dates told with their day, which a weekday or a count of days after them may count from:
# "사월 이십오 일 토요일", "지난주 월요일", "11/19", "십오 일", "그 다음 날" (itself counted
# from one). "어제" or "토요일" alone are near the call: what follows counts from the call.
_ANCHORING = (
    _ABSOLUTE,
    _NUMERIC,
    _RECALLED_DAY,
    _MONTH_DAY,
    _WEEK_DAY,
    re.compile(_BARE_DAY_SAID.pattern + r"(?:\s*[월화수목금토일]요일)?"),
    _FROM_SAID,
)
_COUNTED_ON = ("후", "뒤", "만")


def _counted_from(
    told: DateMention, mention: DateMention, text: str, anchor: dt.date, told_before: bool
) -> dt.date | None:
    """The day ``mention`` names counted from the date ``told`` rather than from the call: the
    day after or before it ("그 다음 날"), the first such weekday after it ("지난주 월요일에
    빌려서 수요일에 반납", "이월 십일 일 수요일에 주문 … 금요일까지 도착이라고"; the same
    weekday: that day), a count of days on from it ("시월 삼 일에 주문했는데 이틀 뒤에
    왔어요"). None when the words do not count
    from that date or the day would contradict their tense: a weekday or count is before the
    call only when told as past, after it only when not. A weekday or count at the start of a
    turn counts from the turn before only when told as past ("…금요일까지 도착이라고 써
    있었거든요"): a plan ("목요일 저녁은 회식이 있을 것 같고") answers the days offered, not
    the one after them. "그 다음 날" counts from this text's dates only: after the agent's
    "십이월 사일 … 편 맞으시죠", "그날 결항돼서 다음 날 다른 항공사로 왔어요" would give the
    customer a later day than the one that went wrong, and the occurrence day would take it."""
    if _FROM_SAID.fullmatch(mention.text):
        if told_before:
            return None  # only this text's own dates (see the docstring)
        date = _count_from(mention, told.date, anchor)
        return None if date < anchor and _FUTURE.search(text, mention.end, mention.end + 30) else date
    past = said_as_past(text, mention.end)
    if not any(pattern.fullmatch(told.text) for pattern in _ANCHORING) or (told_before and not past):
        return None
    days = _DAY_COUNT.fullmatch(mention.text)
    if _BARE_WEEKDAY_SAID.fullmatch(mention.text) or _WEEKDAY_DEADLINE.fullmatch(mention.text):
        # "다음 날 맞아요 일요일에 기사님이 오셨어요": the same weekday names that day again.
        days_on = (mention.date.weekday() - told.date.weekday()) % 7
        date = told.date + dt.timedelta(days=days_on)
    elif days and (days["relation"] or "").startswith(_COUNTED_ON):
        date = _count_from(mention, told.date, anchor)
    else:
        return None
    return date if (date < anchor) == past or date == anchor else None


# Counting from an event: "설치하고 이틀 뒤", "받고 나서 사흘 뒤에", "주문한 지 이틀 만에",
# "등록한 다음 주 화요일", "점검 받은 그 다음 날". The verb before the count names the event; the
# day counted from is the one told for that event before ("지난달 이십팔 일에 설치했는데").
_LEAD_INS_BEFORE_COUNT = frozenset(
    ["한", "약", "대략", "딱", "그", "거의", "정확히", "그러니까", "바로", "한번", "이제", "음", "어", "아", "그게"]
)
_ELAPSED_LINKS = frozenset(["지", "지가", "지는", "지도"])
_THEN = "나서"
# "그러고 나서 이틀 뒤", "그리고 사흘 뒤": a link to what was just said, not a named event; a
# bare 하다 or 되다 names none either, nor "그거 보고" (after seeing it) or 주다.
_NOT_EVENTS = frozenset(["그러", "그리", "이러", "저러", "그렇", "어떻", "하", "되", "해", "보", "주"])
# "점검 받은 그 다음 날", "택배를 받고": the noun before a light verb names the event better.
_LIGHT_VERBS = frozenset(["받", "하", "되", "당하", "시키", "해"])
_OBJECT_OR_TOPIC = ("을", "를", "이", "가", "은", "는", "도")
# The words a date's event is told in: up to this far after it ("이십팔 일에 설치했는데"), or
# the two words just before it ("설치한 게 지난주 금요일", "이사가 사월 이십오 일").
_AFTER_SPAN = 25
_BEFORE_SPAN = 12
# "…설치했는데 오늘 또": a clause ending before a date tells of the date before it.
_CLAUSE_ENDINGS = ("데", "서", "고", "요", "면", "니까", "지만", "죠")
# "칠월 이십일 일에 등록했나 아 이십일 일 아니고 이십이 일 수요일이요": the day corrected.
_CORRECTED = re.compile(r"아니고|아니라|말고|아니다|아니\s")
_CORRECTION_GAP = 24
# "이십 일에 (또) 수리받고": the verb leading to the count said right after its day.
_ATTACHED = re.compile(r"\s*(?:에|에는|엔|쯤|경|쯤에)?\s*(?:또|다시|바로|처음|새로)?\s*")
_WORD = re.compile(r"[가-힣]+|[^\s가-힣]+")
_HANGUL_WORD = re.compile(r"[가-힣]+")
# How a stem's last open syllable fuses with the past 았/었: 사 → 샀, 오 → 왔, 키 → 켰, 되 → 됐.
_FUSED_PAST_VOWELS = {0: 0, 1: 1, 4: 4, 5: 5, 8: 9, 11: 10, 13: 14, 18: 4, 20: 6}


def _counts_on(said: str) -> bool:
    """"이틀 뒤", "일주일 후에", "사흘 만에", "삼 영업일 후", "다음 주 화요일", "다음 날": words
    that count on from a day."""
    if days := _DAY_COUNT.fullmatch(said):
        return (days["relation"] or "").startswith(_COUNTED_ON)
    if span := _SPAN.fullmatch(said):
        return span["relation"] != "전"
    if business := _BUSINESS_DAYS.fullmatch(said):
        return business["relation"] in ("후", "뒤")
    if week := _WEEK_DAY.fullmatch(said):
        return _offset_key(week["week"], _WEEK_OFFSETS) == 1
    if shift := _FROM_SAID.fullmatch(said):
        return _FROM_SAID_SHIFTS[shift["shift"].replace(" ", "")] == 1
    return False


def _stem(word: str, elapsed: bool) -> str | None:
    """The verb stem of "설치하고" (설치), "받고" (받), "등록한" (등록), "받은" (받), "산" (사),
    "시킨" (시키); None for a word that only looks like one: a topic ("결과는", "답변은"), a
    condition ("어려우시면"), a copula ("금요일이고"), a noun ending in 고 ("출고")."""
    if word.endswith("고") and len(word) > 1 and not elapsed and not word.endswith("이고"):
        stem = word[:-1]
        stem = stem[:-1] if len(stem) > 1 and stem[-1] in "하되했됐" else stem
        known = len(stem) > 1 or stem in _CLOSED_STEMS or stem in _OPEN_PAST_ADNOMINALS.values()
        return stem if known else None
    if len(word) > 1 and (word[-1] in "한된" or (word[-1] == "은" and word[-2] in _CLOSED_STEMS)):
        return word[:-1]
    if len(word) > 1 and word[-1] in "킨긴친":
        return word[:-1] + without_final(word[-1])
    opened = _OPEN_PAST_ADNOMINALS.get(word[-1])
    return word[:-1] + opened if opened else None


def _names_an_event(stem: str | None) -> bool:
    return bool(stem) and stem not in _NOT_EVENTS


@dataclass(frozen=True)
class _Event:
    """The event a count counts from: the verb said before the count ("설치하고") and the
    words that name the event, the most telling first ("점검 받은" → 점검, 받)."""

    verb: str
    keys: tuple[str, ...]


def _event_before(before: str) -> _Event | None:
    """The event a count right after ``before`` counts from, or None when no verb leads to it."""
    words = _WORD.findall(before[-60:])
    while words and words[-1] in _LEAD_INS_BEFORE_COUNT:
        words.pop()
    elapsed = bool(words) and words[-1] in _ELAPSED_LINKS
    if elapsed or (words and words[-1] == _THEN):
        words.pop()
    if not words or not _HANGUL_WORD.fullmatch(words[-1]):
        return None
    verb = words[-1].removesuffix(_THEN) if words[-1].endswith("고" + _THEN) else words[-1]
    stem = _stem(verb, elapsed)
    keys = [stem] if _names_an_event(stem) else []
    if stem in _LIGHT_VERBS and len(words) > 1 and _HANGUL_WORD.fullmatch(words[-2]):
        noun = words[-2]
        noun = noun[:-1] if len(noun) > 2 and noun.endswith(_OBJECT_OR_TOPIC) else noun
        if len(noun) > 1 and noun not in _LEAD_INS_BEFORE_COUNT:
            keys.insert(0, noun)
    return _Event(words[-1], tuple(keys)) if keys else None


def _counted_event(mention: DateMention, text: str) -> _Event | None:
    """The event ``mention`` counts on from, named by the words before it, or None."""
    return _event_before(text[: mention.start]) if _counts_on(mention.text) else None


def _said_of(word: str, key: str) -> bool:
    """"설치했는데" of 설치, "받았어요" of 받, "샀는데" of 사, "시켰는데" of 시키. A stem of one
    open syllable (사, 오) begins too many words: only its past (샀, 왔) tells of it."""
    last = syllable_parts(key[-1])
    if word.startswith(key) and (len(key) > 1 or (last is not None and last.final != 0)):
        return True
    head = key[:-1]
    if len(word) <= len(head) or not word.startswith(head) or last is None or last.final != 0:
        return False
    fused = syllable_parts(word[len(head)])
    return (
        fused is not None and fused.initial == last.initial and fused.final == _SSANG_SIEUT_FINAL
        and _FUSED_PAST_VOWELS.get(last.vowel) == fused.vowel
    )


def _tells_event(
    keys: tuple[str, ...], text: str, mentions: list[DateMention], index: int, until: int
) -> bool:
    """The words around ``mentions[index]`` tell of the event: after it up to the next date
    ("이십팔 일에 설치했는데"), or just before it ("설치한 게 지난주 금요일")."""
    mention = mentions[index]
    later = [m.start for m in mentions[index + 1 :]]
    after = text[mention.end : min([*later, until, mention.end + _AFTER_SPAN])]
    start = max(mentions[index - 1].end if index else 0, mention.start - _BEFORE_SPAN)
    words_before = _HANGUL_WORD.findall(text[start : mention.start])[-2:]
    before = [w for w in words_before if not w.endswith(_CLAUSE_ENDINGS)]
    return any(_said_of(word, key) for word in (*_HANGUL_WORD.findall(after), *before) for key in keys)


def _corrected(text: str, mentions: list[DateMention], index: int, until: int) -> DateMention:
    """"이십일 일 아니고 이십이 일": the date said instead of the one told."""
    while index + 1 < len(mentions) and mentions[index + 1].start < until:
        gap = text[mentions[index].end : mentions[index + 1].start]
        if len(gap) > _CORRECTION_GAP or not _CORRECTED.search(gap + " "):
            break
        index += 1
    return mentions[index]


def _day_told_for(
    keys: tuple[str, ...], text: str, mentions: list[DateMention], until: int
) -> dt.date | None:
    """The latest date in ``text`` before ``until`` told with the event."""
    for index in reversed(range(len(mentions))):
        if mentions[index].start < until and _tells_event(keys, text, mentions, index, until):
            return _corrected(text, mentions, index, until).date
    return None


def _event_day(
    event: _Event,
    text: str,
    read: list[DateMention],
    count_start: int,
    anchor: dt.date,
    earlier: tuple[str, ...],
) -> dt.date | None:
    """The day told for the event: the day the verb leading to the count was said with, else
    the latest told with the event in this text before that verb, else in the texts said
    before it, the latest first."""
    lead = text.rfind(event.verb, 0, count_start)
    if read and lead >= 0 and _ATTACHED.fullmatch(text, read[-1].end, lead):
        return read[-1].date  # "지난달 이십 일에 수리받고 일주일 뒤부터": the verb's own day
    day = _day_told_for(event.keys, text, read, lead if lead >= 0 else count_start)
    for said in reversed(earlier):
        if day is not None:
            break
        day = _day_told_for(event.keys, said, list(_resolved(said, anchor, "")), len(said))
    return day


def _count_from(mention: DateMention, day: dt.date, anchor: dt.date) -> dt.date:
    """The day ``mention``'s words name counted from ``day`` instead of the call: the same words
    read with ``day`` as their anchor ("다음 주 화요일": the Tuesday of the week after ``day``;
    "삼 영업일 후": business days on from it)."""
    alone = _kept(mention.text, day)
    return alone[0].date if len(alone) == 1 else day + (mention.date - anchor)


def past_reading(mention: DateMention, anchor: dt.date) -> dt.date | None:
    """The same words read as the last such day before the anchor: "토요일에 업데이트하고
    나서부터" said on a Monday is the Saturday just gone, "십사 일에 신청했어요" said on the
    6th is last month's 14th. None when the words name their week or month."""
    if mention.date <= anchor:
        return mention.date
    if _BARE_WEEKDAY_SAID.fullmatch(mention.text):
        days_back = (anchor.weekday() - mention.date.weekday()) % 7 or 7
        return anchor - dt.timedelta(days=days_back)
    if _BARE_DAY_SAID.fullmatch(mention.text):
        year, month = _add_months(anchor, -1)
        return _safe_date(year, month, mention.date.day)
    return None


def resolve_dates(
    text: str, anchor: dt.date, said_before: str = "", earlier: tuple[str, ...] = ()
) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``anchor`` (the call's date);
    ``said_before`` (the words just before, e.g. the previous clause or turn) may give the date
    a bare weekday or "그 다음 날" at its start counts from; ``earlier`` (what was said before
    ``text``, oldest first: the call's earlier turns) may give the day of the event a count
    counts from ("설치하고 이틀 뒤")."""
    return list(_resolved(text, anchor, said_before, earlier))


# Cached: the stages read the same turns and clauses (and each turn again as the one before the
# next), and the resolvers' patterns are the cost.
@lru_cache(maxsize=4096)
def _resolved(
    text: str, anchor: dt.date, said_before: str, earlier: tuple[str, ...] = ()
) -> tuple[DateMention, ...]:
    previous = _resolved(said_before, anchor, "") if said_before else ()
    told_before = previous[-1] if previous else None
    kept = list(_kept(text, anchor))
    return tuple(_read_in_context(kept, text, anchor, told_before, earlier))


@lru_cache(maxsize=4096)
def _kept(text: str, anchor: dt.date) -> tuple[DateMention, ...]:
    """The date expressions of ``text`` each resolved alone, the longest where two overlap."""
    candidates: list[tuple[int, int, int, DateMention]] = []
    for priority, (pattern, resolve) in enumerate(_RESOLVERS):
        for match in pattern.finditer(text):
            resolved = resolve(match, anchor, text)
            if resolved is None:
                continue
            start, end = match.span()
            mention = DateMention(start, end, text[start:end], *resolved)
            candidates.append((start, -(end - start), priority, mention))
    kept: list[DateMention] = []
    for *_, mention in sorted(candidates, key=lambda c: (c[1], c[0], c[2])):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return tuple(sorted(kept, key=lambda m: m.start))
