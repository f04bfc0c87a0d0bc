"""Dates said in a call, resolved against the call's date.

Conventions (the extractors rely on them):
- A month/day without a year takes the anchor's year (no guessing from tense).
- "point" is a day something happened or will happen; "deadline" is the last day it may happen:
  "이번 주 안에/중" → that week's Friday; "이틀 안에", "3일 이내" → anchor + n days;
  "N 영업일" → anchor + n business days (Sat/Sun skipped, public holidays not known);
  "일주일 안에" → anchor + 7 days; "다음 달 안에/중/까지" → the last day of next month.
- A bare "다음 달"/"다음 달 초" is a deadline on the 1st of next month: the earliest date the
  promise can be checked against; "다음 달 말" is a point on its last day.
- A weekday alone is the next one after the anchor ("지난 토요일": the last one before it).
- Times of day (오전 10시) are not dates; they are skipped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pipeline.normalize.numbers import parse_korean_number

DateKind = Literal["point", "deadline"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    kind: DateKind


_NUM = r"(?:\d{1,4}|[일이삼사오육칠팔구십]+)"
_WEEKDAYS = "월화수목금토일"
_DEADLINE_SUFFIX = re.compile(r"\s*(?:까지|안에|안으로|이내|내에|내로|전까지|중에|중으로)")
_NOT_AFTER_WORD = r"(?<![가-힣])"

_ABSOLUTE = re.compile(
    _NOT_AFTER_WORD + r"(?:(?P<year>\d{4}|[이천일백십이삼사오육칠팔구]+)년\s*"
    r"|(?P<rel_year>올해|금년|작년|지난해|내년|재작년)\s*)?"
    r"(?P<month>\d{1,2}|유|시|[일이삼사오육칠팔구십]{1,3})월\s*"
    r"(?P<day>\d{1,2}일|[일이삼사오육칠팔구십]{1,4}\s?일)"
    r"(?:\s*\(?[월화수목금토일]요일\)?|\s*\([월화수목금토일]\))?"
)
_NUMERIC = re.compile(
    r"(?<![\d./-])(?:(?P<year>\d{4})[./-](?P<month>\d{1,2})[./-](?P<day>\d{1,2})"
    r"|(?P<short_month>\d{1,2})/(?P<short_day>\d{1,2}))(?![\d./-])"
)
_RELATIVE_DAY = re.compile(
    _NOT_AFTER_WORD + r"(?:그저께|그제(?!서야)|엊그제|어젯밤|어제|오늘|금일|내일|명일|모레|글피)"
)
_WEEK = r"(?P<week>지난\s?주|저번\s?주|이번\s?주|금주|다음\s?주|차주|담주|다다음\s?주)"
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
    r"\s*(?P<relation>안에|안으로|이내에?|이내로|내에?|내로|후에?|뒤에?|전에?|만에)"
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
    r"(?<![가-힣\d])(?:(?P<day>\d{1,2}\s?일|[이삼]?십[일이삼사오육칠팔구]?\s?일)"
    r"(?=\s*(?:까지|에|이|인데|날|자|요|로|부터|오전|오후|아침|저녁|밤|[월화수목금토일]요일))"
    r"|(?P<short_day>[일이삼사오육칠팔구])\s?일(?=\s*[월화수목금토일]요일))"
    r"(?!\s*(?:이내|안|후|뒤|동안|정도|간|만에|이상))"
    r"(?:\s*(?P<weekday>[월화수목금토일])요일)?"
)
_NEXT_MONTH = re.compile(
    _NOT_AFTER_WORD
    + r"(?:다음\s?달|담달|내달)(?:\s*(?P<part>초|말|안에|안으로|중에?|내에?|내로|까지))?"
)
_WEEKDAY_DEADLINE = re.compile(_NOT_AFTER_WORD + r"(?P<weekday>[월화수목금토일])요일\s*까지")
# A weekday said alone ("금요일 오전 방문", "지난 토요일에"): the nearest one after the call,
# or before it when said with 지난/저번. Longer phrases (다음 주 화요일, 십오 일 목요일) win.
_BARE_WEEKDAY = re.compile(
    _NOT_AFTER_WORD + r"(?:(?P<past>지난|저번)\s?)?(?P<weekday>[월화수목금토일])요일"
)

_WEEK_OFFSETS = {
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
    "그저께": -2,
    "그제": -2,
    "엊그제": -2,
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
        year = parsed + 2000 if parsed is not None and parsed < 100 else parsed or year
    elif match["rel_year"]:
        year += _YEAR_OFFSETS[match["rel_year"]]
    date = _safe_date(year, _number(match["month"]), _day_number(match["day"]))
    return (date, _kind_after(text, match.end())) if date else None


def _resolve_numeric(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    if match["year"]:
        date = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    else:
        date = _safe_date(anchor.year, int(match["short_month"]), int(match["short_day"]))
    return (date, _kind_after(text, match.end())) if date else None


def _resolve_relative_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved:
    date = anchor + dt.timedelta(days=_RELATIVE_DAYS[match.group()])
    return date, _kind_after(text, match.end())


def _resolve_week_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved:
    weekday = _WEEKDAYS.index(match["weekday"])
    date = _week_monday(anchor, match["week"]) + dt.timedelta(days=weekday)
    return date, _kind_after(text, match.end())


def _resolve_week_deadline(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved:
    return _week_monday(anchor, match["week"]) + dt.timedelta(days=FRIDAY), "deadline"


def _resolve_day_count(match: re.Match[str], anchor: dt.date, _text: str) -> Resolved | None:
    count_text = match["count"]
    count = _NATIVE_DAYS.get(count_text) or _number(count_text.rstrip("일").strip())
    if count is None:
        return None
    relation = match["relation"]
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


def _resolve_bare_day(match: re.Match[str], anchor: dt.date, text: str) -> Resolved | None:
    day = _day_number(match["day"] or match["short_day"] + "일")
    if day is None:
        return None
    months = (0, -1, 1) if match["weekday"] else (0,)
    for offset in months:
        year, month = _add_months(anchor, offset)
        date = _safe_date(year, month, day)
        if date and (not match["weekday"] or date.weekday() == _WEEKDAYS.index(match["weekday"])):
            return date, _kind_after(text, match.end())
    return None


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


# Earlier entries win when two matches cover the same text with the same length.
_RESOLVERS: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (_ABSOLUTE, _resolve_absolute),
    (_NUMERIC, _resolve_numeric),
    (_MONTH_DAY, _resolve_month_day),
    (_WEEK_DAY, _resolve_week_day),
    (_WEEK_DEADLINE, _resolve_week_deadline),
    (_BUSINESS_DAYS, _resolve_business_days),
    (_DAY_COUNT, _resolve_day_count),
    (_WEEK_COUNT, _resolve_week_count),
    (_NEXT_MONTH, _resolve_next_month),
    (_WEEKDAY_DEADLINE, _resolve_weekday_deadline),
    (_RELATIVE_DAY, _resolve_relative_day),
    (_BARE_DAY, _resolve_bare_day),
    (_BARE_WEEKDAY, _resolve_bare_weekday),
)


def resolve_dates(text: str, anchor: dt.date) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``anchor`` (the call's date)."""
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
    return sorted(kept, key=lambda m: m.start)
