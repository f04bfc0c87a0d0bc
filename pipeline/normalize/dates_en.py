"""English date phrases resolved against the call's date.

    yesterday, last night, the day before yesterday, today, tomorrow
    last friday, next tuesday, this friday, (by) friday, wednesday night
    september twenty eighth, november sixth, the second, friday the twentieth
    within forty eight hours, within ten days, five business days, in about a week,
    a couple (of) weeks ago, three days ago, the end of the month

A bare weekday or day of the month is read as past or future from the words around it: "it
started wednesday", "it was received on the eighth" look back, "by friday", "i'll call on the
ninth" look ahead. Each resolved phrase keeps its span and whether it is a deadline ("by",
"within", "before") or a point in time, so follow-ups can take a due date and the issue a
date of occurrence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from pipeline.normalize.dates import add_business_days
from pipeline.normalize.english import ORDINALS, TENS, parse_cardinal

Direction = Literal["past", "future"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_TENS_WORDS = "twenty|thirty"
# "twenty eighth", "thirty first", "eighth", "28th", "28"
_DAY = rf"(?:(?:{_TENS_WORDS})[ -](?:{_ORDINAL_WORDS})|{_ORDINAL_WORDS}|\d{{1,2}}(?:st|nd|rd|th)?)"
_MONTH = "|".join(MONTHS)
_WEEKDAY = "|".join(WEEKDAYS)
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _UNITS
_COUNT = (
    r"(?:a couple of|a couple|a few|an?|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[ -](?:{_UNITS}))?|{_SMALL})"
)

_FUTURE_CUES = re.compile(
    r"\b(?:by|until|till|before|will|'ll|going to|gonna|next|this coming|on or before|"
    r"should arrive|due|expect|arrive|scheduled|booked for|book|earliest|appointment|"
    # What can or cannot be done on a day is a plan: "she can't take me on the monday", "is
    # there a show on the sunday".
    r"can't|cannot|could|would|is there|won't|"
    # A plan said in the present: "i'm having knee surgery on the twenty eighth", "my direct
    # debit comes out on the twelfth", "your cover ends at midnight on the twenty seventh".
    r"(?:'m|am|'re|are|is) (?:having|getting|flying|travelling|traveling|moving|starting|leaving)|"
    r"(?:comes|goes|come|go) out|renews|expires|ends|starts|restarts|kicks in)\b"
)
_PAST_CUES = re.compile(
    # "got it so i gotta decide before the thirty first": an acknowledgement, not a past event.
    r"\b(?:ago|last|since|was|were|did|got(?! it so| it okay| it thanks| to)|had|happened|started|ordered|received|posted|"
    r"placed|bought|sent back|left|scanned|charged|applied|changed|called|noticed|went)\b"
)
# "by friday", "within ten days"; a time may come between ("until five pm tomorrow").
_DEADLINE = re.compile(
    r"\b(?:by|within|before|until|till|no later than|up to)\s+"
    r"(?:(?:[a-z]+ ){1,2}(?:am|pm|o'clock)\s+|(?:noon|midday)\s+)?(?:the\s+)?$"
)


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    date: dt.date
    deadline: bool  # "by friday", "within ten days": the latest day, not the day itself
    # A bare weekday or day of the month read as past or future without a word pointing either
    # way keeps its other reading, for the call to settle (see ``settle_with_call``).
    alternative: dt.date | None = None
    exact: bool = False  # said with its day ("tuesday the twenty seventh", "tomorrow")


def _day_number(text: str) -> int | None:
    text = text.replace("-", " ").strip()
    digits = re.match(r"(\d{1,2})", text)
    if digits:
        return int(digits.group(1))
    parts = text.split()
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return ORDINALS.get(text)


def _count(text: str) -> int | None:
    text = text.strip()
    if text in ("a", "an"):
        return 1
    if text.startswith("a couple"):
        return 2
    if text == "a few":
        return 3
    if text.isdigit():
        return int(text)
    return parse_cardinal(text)


def _cued(text: str, start: int, end: int) -> bool:
    """Whether a word of the clause points the phrase to the past or the future."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 25]
    return bool(
        _FUTURE_CUES.search(before) or _PAST_CUES.search(before) or re.match(r"\s*(?:at the latest)", after)
        or re.search(r"\bago\b", after)
    )


def _direction(text: str, start: int, end: int) -> Direction:
    """Past or future from the words of the clause around the phrase."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 25]
    future = bool(_FUTURE_CUES.search(before)) or bool(re.match(r"\s*(?:at the latest)", after))
    past = bool(_PAST_CUES.search(before)) or bool(re.search(r"\bago\b", after))
    if future and not past:
        return "future"
    if past:
        return "past"
    return "future" if _FUTURE_CUES.search(before + after) else "past"


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The date nearest the call: 'september twenty eighth' said in October is this year's."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe(y, month, day))]
    return min(options, key=lambda d: abs((d - anchor).days), default=None)


def _day_of_month(anchor: dt.date, day: int, direction: Direction, weekday: int | None) -> dt.date | None:
    """'the second' is this month's or a neighbour's, on the side the clause points to; a
    weekday said with it ("friday the second") picks the month where they agree."""
    candidates = []
    for shift in (-1, 0, 1):
        month = (anchor.month - 1 + shift) % 12 + 1
        year = anchor.year + (anchor.month - 1 + shift) // 12
        if (date := _safe(year, month, day)) is not None:
            candidates.append(date)
    if weekday is not None:
        agreeing = [d for d in candidates if d.weekday() == weekday]
        if agreeing:
            return min(agreeing, key=lambda d: abs((d - anchor).days))
    side = [d for d in candidates if (d <= anchor if direction == "past" else d >= anchor)]
    return min(side or candidates, key=lambda d: abs((d - anchor).days), default=None)


def _weekday(anchor: dt.date, weekday: int, qualifier: str, direction: Direction) -> dt.date:
    if qualifier == "last":
        back = (anchor.weekday() - weekday) % 7 or 7
        return anchor - dt.timedelta(days=back)
    if qualifier == "next":
        # "next tuesday": the tuesday of the coming calendar week.
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7)
        return monday + dt.timedelta(days=weekday)
    if direction == "past" and qualifier != "this":
        back = (anchor.weekday() - weekday) % 7 or 7
        return anchor - dt.timedelta(days=back)
    ahead = (weekday - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=ahead or (0 if qualifier == "this" else 7))


_RELATIVE_DAYS = {
    "the day before yesterday": -2, "day before yesterday": -2, "the day after tomorrow": 2,
    "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1, "right now": 0,
    "right after this call": 0, "after this call": 0, "after the call": 0, "by the end of the day": 0,
    "end of today": 0,
}
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "saturday june twentieth", "wednesday the twenty eighth of january": one date, the weekday
    # only confirms it.
    (
        "month_day",
        re.compile(rf"\b(?:{_WEEKDAY})\s+(?P<month>{_MONTH})\s+(?:the\s+)?(?P<day>{_DAY})\b"),
    ),
    (
        "day_of_month_named",
        re.compile(rf"\b(?:{_WEEKDAY})\s+the\s+(?P<day>{_DAY})\s+of\s+(?P<month>{_MONTH})\b"),
    ),
    ("month_day", re.compile(rf"\b(?P<month>{_MONTH})\s+(?:the\s+)?(?P<day>{_DAY})\b")),
    # "since um the third of this month", "the twenty eighth of last month".
    ("day_of_relative_month", re.compile(rf"\bthe\s+(?P<day>{_DAY})\s+of\s+(?P<rel>this|last|next)\s+month\b")),
    # "a week ago monday": that weekday in the week before this one.
    ("weekday_weeks_ago", re.compile(rf"\b(?P<count>a|one|two|three)\s+weeks?\s+ago\s+(?:last\s+|on\s+)?(?P<weekday>{_WEEKDAY})\b")),
    ("day_of_month_named", re.compile(rf"\bthe\s+(?P<day>{_DAY})\s+of\s+(?P<month>{_MONTH})\b")),
    (
        "weekday_day",
        re.compile(
            rf"\b(?:(?P<q>last|next|this)\s+)?(?P<weekday>{_WEEKDAY})\s+the\s+(?P<day>{_DAY})\b"
        ),
    ),
    ("relative", re.compile(r"\b(?:" + "|".join(_RELATIVE_DAYS) + r")\b")),
    (
        "business",
        re.compile(rf"\b(?P<count>{_COUNT})\s+(?:to\s+(?P<upper>{_COUNT})\s+)?(?:business|working)\s+days?\b"),
    ),
    ("hours", re.compile(rf"\b(?:within|in|up to)\s+(?:about\s+)?(?P<count>{_COUNT})\s+hours?\b")),
    ("ago", re.compile(rf"\b(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?|fortnights?|months?)\s+ago\b")),
    (
        "within",
        re.compile(
            rf"\b(?P<rel>within|in)\s+(?:about\s+|the\s+next\s+)?(?P<count>{_COUNT})\s+"
            r"(?:(?:to\s+\S+\s+)?)(?P<unit>days?|weeks?|fortnights?)\b"
        ),
    ),
    ("end_month", re.compile(r"\b(?:the\s+)?end of the month\b")),
    ("end_week", re.compile(r"\b(?:the\s+)?end of the week\b")),
    ("weekday", re.compile(rf"\b(?:(?P<q>last|next|this)\s+)?(?P<weekday>{_WEEKDAY})s?\b")),
    # "on the eighth", "by the tenth and …": a day of the month is said after a preposition or
    # ends its phrase; "the second charge", "the first thing" are ordinals.
    (
        "day_of_month",
        re.compile(
            rf"(?:(?<=\bon )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\bfrom )|(?<=\bbefore )|"
            rf"(?<=\bafter )|(?<=\bthrough )|(?<=\btill ))the\s+(?P<day>{_DAY})\b"
            rf"|\bthe\s+(?P<day2>{_DAY})\b(?=\s*$|\s+(?:and|so|or|but|at|in|which|then|now|is|was|"
            rf"through|to|between|right|yes|okay|first appointment))"
        ),
    ),
]


def _resolve(kind: str, match: re.Match[str], anchor: dt.date, text: str) -> dt.date | None:
    direction = _direction(text, match.start(), match.end())
    groups = match.groupdict()
    if kind in ("month_day", "day_of_month_named"):
        day = _day_number(groups["day"])
        return _month_day(anchor, MONTHS[groups["month"]], day) if day else None
    if kind == "day_of_relative_month":
        shift = {"this": 0, "last": -1, "next": 1}[groups["rel"]]
        month = (anchor.month - 1 + shift) % 12 + 1
        day = _day_number(groups["day"])
        return _safe(anchor.year + (anchor.month - 1 + shift) // 12, month, day) if day else None
    if kind == "weekday_weeks_ago":
        back = (anchor.weekday() - WEEKDAYS[groups["weekday"]]) % 7
        weeks = _count(groups["count"]) or 1
        return anchor - dt.timedelta(days=back + 7 * weeks)
    if kind == "weekday_day":
        day = _day_number(groups["day"])
        if groups.get("q") == "last":
            direction = "past"
        elif groups.get("q") in ("next", "this"):
            direction = "future"
        return _day_of_month(anchor, day, direction, WEEKDAYS[groups["weekday"]]) if day else None
    if kind == "day_of_month":
        day = _day_number(groups["day"] or groups["day2"])
        return _day_of_month(anchor, day, direction, None) if day and day <= 31 else None
    if kind == "relative":
        return anchor + dt.timedelta(days=_RELATIVE_DAYS[match.group()])
    if kind == "weekday":
        return _weekday(anchor, WEEKDAYS[groups["weekday"]], groups.get("q") or "", direction)
    count = _count(groups.get("upper") or groups.get("count") or "")
    if kind == "business":
        return add_business_days(anchor, count) if count else None
    if kind == "hours":
        return anchor + dt.timedelta(days=-(-count // 24)) if count else None
    unit = groups.get("unit") or "day"
    per_unit = {"week": 7, "fortnight": 14, "month": 30}
    days = (count or 0) * next((n for u, n in per_unit.items() if unit.startswith(u)), 1)
    if kind == "ago":
        return anchor - dt.timedelta(days=days) if count else None
    if kind == "within":
        return anchor + dt.timedelta(days=days) if count else None
    if kind == "end_month":
        return dt.date(anchor.year, anchor.month, calendar.monthrange(anchor.year, anchor.month)[1])
    if kind == "end_week":
        return anchor + dt.timedelta(days=(4 - anchor.weekday()) % 7)
    return None


def find_dates(text: str, anchor: dt.date) -> list[DateSpan]:
    """Every date phrase of ``text`` (lower-cased), longest readings first, resolved."""
    text = text.lower()
    spans: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            date = _resolve(kind, match, anchor, text)
            if date is None:
                continue
            deadline = kind in ("within", "hours", "business", "end_month", "end_week") or bool(
                _DEADLINE.search(text[max(0, match.start() - 20) : match.start()])
            )
            taken.append((match.start(), match.end()))
            alternative = None
            if kind in ("weekday", "day_of_month") and not match.groupdict().get("q") and not _cued(
                text, match.start(), match.end()
            ):
                alternative = _other_reading(kind, match, anchor, text, date)
            exact = kind in ("month_day", "day_of_month_named", "day_of_relative_month", "weekday_day", "weekday_weeks_ago", "relative")
            spans.append(DateSpan(match.start(), match.end(), date, deadline, alternative, exact))
    return _appositions(sorted(spans, key=lambda s: s.start), text)


def _appositions(spans: list[DateSpan], text: str) -> list[DateSpan]:
    """'yesterday the third', 'tomorrow the fifth': the day of the month said after a day
    named relative to the call is that day, not one a month away."""
    out: list[DateSpan] = []
    for span in spans:
        before = out[-1] if out else None
        if before is not None and before.exact and not text[before.end : span.start].strip() \
                and span.date != before.date and span.date.day == before.date.day:
            span = replace(span, date=before.date, alternative=None)
        out.append(span)
    return out


def _other_reading(kind: str, match: re.Match[str], anchor: dt.date, text: str, date: dt.date) -> dt.date | None:
    """The date the phrase names when read in the other direction."""
    direction: Direction = "future" if date <= anchor else "past"
    groups = match.groupdict()
    if kind == "weekday":
        other = _weekday(anchor, WEEKDAYS[groups["weekday"]], "", direction)
    else:
        day = _day_number(groups["day"] or groups["day2"])
        other = _day_of_month(anchor, day, direction, None) if day else None
    return other if other != date else None


def settle_with_call(turn_dates: list[tuple[DateSpan, ...]]) -> list[tuple[DateSpan, ...]]:
    """'i have it on tuesday' … 'i can see it here tuesday the twenty seventh': a bare weekday
    or day of the month with no word pointing to past or future takes the reading that is a
    day the call names in full; 'the tuesday' is the tuesday the call is about."""
    named = {d.date for dates in turn_dates for d in dates if d.exact}
    return [
        tuple(
            replace(d, date=d.alternative, alternative=d.date)
            if d.alternative is not None and d.alternative in named and d.date not in named
            else d
            for d in dates
        )
        for dates in turn_dates
    ]


# Stretches of time a caller names instead of a day: "the week before last", "end of last
# month", "a couple of days ago". No note can record them as a date, but the day the agent
# reads from the system ("it came in on wednesday the sixteenth") falls inside one.
_PERIODS = re.compile(
    r"\b(?:the week before last|last week|earlier this week|(?:the )?end of last month|"
    r"(?:the )?start of (?:this|the) month|earlier this month|last month|"
    r"a (?:couple|few) (?:of )?days ago|a (?:couple|few) (?:of )?weeks ago)\b"
)


# "it was supposed to come last week": when something was due, not when it happened.
_EXPECTED = re.compile(r"\b(?:supposed to|meant to|due to|should have|expected to|was going to)\b[a-z' ]{0,30}$")


def period_spans(text: str, anchor: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The first and last day of each period phrase in ``text`` that something happened in,
    in the order said."""
    monday = anchor - dt.timedelta(days=anchor.weekday())
    month_start = anchor.replace(day=1)
    last_month_end = month_start - dt.timedelta(days=1)
    periods: list[tuple[dt.date, dt.date]] = []
    for match in _PERIODS.finditer(text.lower()):
        said = match.group()
        if _EXPECTED.search(text.lower()[: match.start()]):
            continue
        if said == "the week before last":
            first = monday - dt.timedelta(days=14)
            periods.append((first, first + dt.timedelta(days=6)))
        elif said == "last week":
            periods.append((monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)))
        elif said == "earlier this week":
            periods.append((monday, anchor))
        elif said.endswith("end of last month"):
            periods.append((last_month_end - dt.timedelta(days=9), last_month_end))
        elif said == "last month":
            periods.append((last_month_end.replace(day=1), last_month_end))
        elif "month" in said:
            periods.append((month_start, anchor))
        elif said.endswith("days ago"):
            periods.append((anchor - dt.timedelta(days=5 if "few" in said else 3), anchor - dt.timedelta(days=1)))
        else:
            periods.append((anchor - dt.timedelta(days=35 if "few" in said else 21), anchor - dt.timedelta(days=7)))
    return periods
