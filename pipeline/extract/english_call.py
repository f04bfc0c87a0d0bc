"""The typed input of the English extractors: the call's turns, lower-cased, with the dates and
codes read once.

Kiwi's morphemes carry the Korean extractors; an English ASR transcript has no punctuation and
no case, so the English rules work on words and short phrases. Everything a later stage reads
more than once (dates, spelled codes) is read here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from models.note import EvidenceRef
from models.transcript import Role, Transcript
from pipeline.hangul import has_hangul
from pipeline.normalize.dates_en import DateSpan, find_dates, settle_with_call
from pipeline.normalize.english import Span, code_spans, restore_apostrophes


@dataclass(frozen=True)
class EnTurn:
    index: int
    id: str
    role: Role
    text: str  # lower case, as said
    start: float | None
    end: float | None
    dates: tuple[DateSpan, ...]
    codes: tuple[Span, ...]
    currency: str = "$"  # the call's currency, for prices said without it ("fourteen ninety nine")

    def evidence(self) -> EvidenceRef:
        return EvidenceRef(utterance_id=self.id, start=self.start, end=self.end)


@dataclass(frozen=True)
class EnglishCall:
    turns: tuple[EnTurn, ...]
    call_date: dt.date
    call_date_known: bool

    def by(self, role: Role) -> tuple[EnTurn, ...]:
        return tuple(t for t in self.turns if t.role is role)

    def previous(self, turn: EnTurn) -> EnTurn | None:
        return self.turns[turn.index - 1] if turn.index else None

    def following(self, turn: EnTurn) -> EnTurn | None:
        return self.turns[turn.index + 1] if turn.index + 1 < len(self.turns) else None


def _currency(text: str) -> str:
    counts = {"£": len(re.findall(r"\bpounds?\b|£", text)), "€": len(re.findall(r"\beuros?\b|€", text)),
              "$": len(re.findall(r"\bdollars?\b|\bbucks\b|\$", text))}
    best = max(counts, key=counts.get)  # type: ignore[arg-type]
    return best if counts[best] else "$"


def is_english(transcript: Transcript) -> bool:
    """English when the transcript says so, or when no turn has a Hangul syllable."""
    if transcript.language == "en":
        return True
    if transcript.language not in (None, "en"):
        return False
    texts = [u.text for u in transcript.utterances if u.text.strip()]
    return bool(texts) and not any(has_hangul(t) for t in texts)


def build_call(transcript: Transcript, call_started_at: dt.datetime | None) -> EnglishCall:
    date = call_started_at.date() if call_started_at else dt.date.today()
    utterances = [u for u in transcript.utterances if u.text.strip()]
    texts = [restore_apostrophes(u.text.lower()) for u in utterances]
    currency = _currency(" ".join(texts))
    dates = settle_with_call([tuple(find_dates(text, date)) for text in texts])
    turns = tuple(
        EnTurn(
            index=i,
            id=u.id,
            role=u.role,
            text=text,
            start=u.start,
            end=u.end,
            dates=said,
            codes=tuple(code_spans(text)),
            currency=currency,
        )
        for i, (u, text, said) in enumerate(zip(utterances, texts, dates))
    )
    return EnglishCall(turns, date, call_started_at is not None)


@cache
def cue_table(name: str) -> tuple[tuple[str, float, re.Pattern[str]], ...]:
    """``data/<name>.txt`` lines 'LABEL WEIGHT PATTERN' (or 'WEIGHT PATTERN', label '')."""
    from pipeline.nlp import word_list

    rows = []
    for line in word_list(name):
        parts = line.split(" ", 2)
        if parts[0].replace(".", "").isdigit():
            label, weight, pattern = "", parts[0], " ".join(parts[1:])
        else:
            label, weight, pattern = parts[0], parts[1], parts[2]
        rows.append((label, float(weight), re.compile(rf"\b(?:{pattern})\b")))
    return tuple(rows)


@cache
def kind_table() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from pipeline.nlp import word_list

    return tuple(
        (kind, re.compile(rf"\b(?:{pattern})s?\b"))
        for kind, pattern in (line.split(" ", 1) for line in word_list("identifier_kinds_en"))
    )


@cache
def not_names() -> frozenset[str]:
    from pipeline.nlp import word_list

    return frozenset(w for line in word_list("not_names_en") for w in line.split())


@cache
def action_verbs() -> dict[str, str]:
    from pipeline.nlp import word_list

    return dict(line.split() for line in word_list("action_verbs_en"))  # type: ignore[misc]
