"""``callnotes flag``: check consultation-log text for subjective and vague phrasing."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.text import Text

from callnotes.commands.options import TextOrJson, parse_call_date
from models.note import FlagKind, PhrasingFlag

if TYPE_CHECKING:
    from pipeline.flagging import CallFacts

_KIND_STYLES = {FlagKind.SUBJECTIVE: "bold magenta", FlagKind.VAGUE: "bold yellow"}
_KIND_LABELS = {FlagKind.SUBJECTIVE: "주관적 표현", FlagKind.VAGUE: "모호한 표현"}
_SENTENCE_ENDS = (".", "!", "?", "\n")


def _facts_from_text(text: str, call_date: dt.date) -> CallFacts:
    """With a call date, dates the text itself names ("내일", "11월 21일") feed the suggestions."""
    from pipeline.flagging import CallFacts
    from pipeline.normalize.dates import resolve_dates

    dates = tuple(m.date for m in resolve_dates(text, call_date))
    return CallFacts(call_date=call_date, dates=dates)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in _SENTENCE_ENDS) + 1
    rights = [i for mark in _SENTENCE_ENDS if (i := text.find(mark, end)) >= 0]
    return left, (min(rights) + 1 if rights else len(text))


def _highlighted(text: str, flag: PhrasingFlag) -> Text:
    """The sentence that holds the flag, the flagged words underlined."""
    left, right = _sentence_bounds(text, flag.start, flag.end)
    line = Text(text[left:right].strip())
    offset = left + (len(text[left:right]) - len(text[left:right].lstrip()))
    line.stylize(f"{_KIND_STYLES[flag.kind]} underline", flag.start - offset, flag.end - offset)
    return line


def _print_flags(text: str, flags: list[PhrasingFlag]) -> None:
    console = Console(highlight=False)
    if not flags:
        console.print("표시할 표현이 없습니다. (no flags)")
        return
    console.print(f"{len(flags)}개 표현을 확인하세요:\n")
    for number, flag in enumerate(flags, start=1):
        label = Text(f"{number}. [{_KIND_LABELS[flag.kind]}] ", style=_KIND_STYLES[flag.kind])
        console.print(label + Text(f"“{flag.text}” ({flag.start}–{flag.end})"))
        console.print(Text("   ") + _highlighted(text, flag))
        console.print(f"   이유: {flag.reason}")
        if flag.suggestion:
            console.print(f"   제안: {flag.suggestion}")
        console.print()


def register(app: typer.Typer) -> None:
    @app.command("flag")
    def flag(
        text: str = typer.Argument(..., help="Consultation-log text to check; '-' reads stdin."),
        output: TextOrJson = typer.Option(TextOrJson.TEXT, "--format", help="text or json."),
        call_date: str | None = typer.Option(
            None, "--call-date", help="Date of the call (ISO date or date-time), used in suggestions."
        ),
    ) -> None:
        """Flag subjective judgments and vague placeholders, with objective rewrites."""
        from pipeline.flagging import flag_text

        if text == "-":
            text = sys.stdin.read()
        started = parse_call_date(call_date)
        date = started.date() if started else None
        flags = flag_text(text, facts=_facts_from_text(text, date) if date else None)
        if output is TextOrJson.JSON:
            payload = [f.model_dump(mode="json", exclude_none=True) for f in flags]
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            _print_flags(text, flags)
