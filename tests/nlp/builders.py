"""Builders the nlp tests share: a transcript from its `상담원: …` / `고객: …` lines, the moment a
call started, and what the pipeline makes of it (the extraction context, the follow-up steps,
the note). One place so that every test builds its calls the way the text input reads them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest
from _pytest.mark.structures import ParameterSet

from models.note import ConsultationNote, Owner
from pipeline.extract import followups
from pipeline.extract.context import CallContext, build_context
from pipeline.normalize.address import find_address, find_road_address
from pipeline.process import process_text
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
# The English test calls all start on Wednesday 2026-06-10 at 11:00 UTC.
ENGLISH_CALL_AT = dt.datetime(2026, 6, 10, 11, 0, tzinfo=dt.timezone.utc)

AGENT = "상담원"
CUSTOMER = "고객"
# The bare greeting most invented calls open with before the turns a test is about.
GREETING = f"{AGENT}: 네 고객센터입니다"

Step = tuple[Owner, dt.date | None]


def kst(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """When a Korean call started: the dev calls are all on Korean time."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=KST)


def transcript(*lines: str) -> str:
    """A text transcript, one `speaker: words` line per turn, as callnotes reads a .txt call."""
    return "\n".join(lines)


def call(*turns: str, opening: Iterable[str] = (GREETING,)) -> str:
    """A call: the opening lines, then the turns (each already `상담원: …` or `고객: …`)."""
    return transcript(*opening, *turns)


def alternating(*said: str, opening: Iterable[str]) -> str:
    """A call whose turns after the opening alternate agent, customer, agent, … starting with the agent."""
    speakers = (AGENT, CUSTOMER)
    return call(*(f"{speakers[index % 2]}: {words}" for index, words in enumerate(said)), opening=opening)


def context(text: str, started: dt.datetime) -> CallContext:
    """The extraction context of a text transcript, dated by the call's start."""
    return build_context(parse_text_transcript(text), started)


def follow_up_steps(text: str, started: dt.datetime, resolution: str, subject: str) -> list[Step]:
    """Who is to do the call's next steps and by when, in a stable order for comparing."""
    found = followups.follow_ups(context(text, started), resolution, subject)
    return sorted(((f.owner, f.due) for f in found.value), key=str)


def note(text: str, started: dt.datetime | None) -> ConsultationNote:
    """The consultation note the whole pipeline drafts from a text transcript."""
    return process_text(text, call_started_at=started).note


def cases(rule: str, *values: tuple[object, ...]) -> list[ParameterSet]:
    """The cases of one rule for a shared parametrized test, with ids `rule-1`, `rule-2`, … so
    that a failing case names the rule it checks."""
    return [pytest.param(*value, id=f"{rule}-{index}") for index, value in enumerate(values, 1)]


def english_note(text: str) -> ConsultationNote:
    """The note of an English test call, all of which start at ENGLISH_CALL_AT."""
    return note(text, ENGLISH_CALL_AT)


def spoken_address(said: str) -> str | None:
    """The address a turn gives, whole (city to flat) or from its road on."""
    found = find_address(said) or find_road_address(said)
    return found.value if found is not None else None
