"""The typed input every extraction stage reads: the call's turns, analysed once by Kiwi."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, NamedTuple, TypeVar

from models.note import EvidenceRef
from models.transcript import Role, Transcript

T = TypeVar("T")


class Morph(NamedTuple):
    """One Kiwi morpheme, offsets into its turn's text. A named tuple, not a frozen dataclass:
    a call makes hundreds of thousands of these, and a frozen dataclass takes three times as
    long to build."""

    form: str
    tag: str
    lemma: str
    start: int
    end: int

    @property
    def is_noun(self) -> bool:
        return self.tag.startswith(("NNG", "NNP", "SL", "XR"))

    @property
    def is_predicate(self) -> bool:
        return self.tag.startswith(("VV", "VA"))


@dataclass(frozen=True)
class Turn:
    index: int
    id: str
    role: Role
    text: str
    start: float | None
    end: float | None
    # The text with dates, amounts and counted numbers written out ("11월 2일", "6,000원"); the
    # morphemes are of this text, which the note's sentences are built from.
    plain: str = ""
    morphs: tuple[Morph, ...] = ()

    @cached_property
    def lemmas(self) -> frozenset[str]:
        return frozenset(m.lemma for m in self.morphs)

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(_split_clauses(self))

    def evidence(self) -> EvidenceRef:
        return EvidenceRef(utterance_id=self.id, start=self.start, end=self.end)


@dataclass(frozen=True)
class CallContext:
    turns: tuple[Turn, ...]
    call_date: dt.date
    call_date_known: bool
    # The parties' names, once found: never content words of the note's sentences.
    names: frozenset[str] = frozenset()

    @property
    def customer_turns(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.role is Role.CUSTOMER)

    @property
    def agent_turns(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.role is Role.AGENT)

    def previous(self, turn: Turn, role: Role | None = None) -> Turn | None:
        for other in reversed(self.turns[: turn.index]):
            if role is None or other.role is role:
                return other
        return None

    def following(self, turn: Turn, role: Role | None = None) -> Turn | None:
        for other in self.turns[turn.index + 1 :]:
            if role is None or other.role is role:
                return other
        return None


@dataclass(frozen=True)
class Found(Generic[T]):
    """A field value with the turns it came from and how sure the rule is."""

    value: T
    turns: tuple[Turn, ...] = ()
    confidence: float = 0.0

    @property
    def evidence(self) -> list[EvidenceRef]:
        seen: dict[str, EvidenceRef] = {}
        for turn in self.turns:
            seen.setdefault(turn.id, turn.evidence())
        return list(seen.values())


@dataclass(frozen=True)
class Clause:
    """A stretch of one turn between clause boundaries, with its morphemes."""

    turn: Turn
    start: int
    end: int
    morphs: tuple[Morph, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.turn.plain[self.start : self.end].strip()

    @cached_property
    def lemmas(self) -> frozenset[str]:
        """Lemmas and surface forms of the clause's morphemes."""
        return frozenset(m.lemma for m in self.morphs) | frozenset(m.form for m in self.morphs)


def _morphs(tokens: list[object]) -> tuple[Morph, ...]:
    return tuple(
        Morph(t.form, t.tag, t.lemma or t.form, t.start, t.start + t.len)  # type: ignore[attr-defined]
        for t in tokens
    )


def build_context(transcript: Transcript, call_started_at: dt.datetime | None) -> CallContext:
    from pipeline.extract.style import written_numbers
    from pipeline.nlp.korean import get_kiwi
    from pipeline.normalize.dialect import standard_endings

    kiwi = get_kiwi()
    known = call_started_at is not None
    date = call_started_at.date() if call_started_at else dt.date.today()
    utterances = [u for u in transcript.utterances if u.text.strip()]
    spoken = [standard_endings(u.text) for u in utterances]
    plains = [
        written_numbers(text, date if known else None, spoken[i - 1] if i else "", tuple(spoken[:i]))
        for i, text in enumerate(spoken)
    ]
    # One string at a time: given a list, Kiwi hands the texts to a thread pool, which on the
    # one core a worker gets costs half as much again as the analysis itself.
    analyses = [kiwi.tokenize(plain) for plain in plains]
    turns = tuple(
        Turn(
            index=i,
            id=u.id,
            role=u.role,
            text=u.text,
            start=u.start,
            end=u.end,
            plain=plain,
            morphs=_morphs(list(tokens)),
        )
        for i, (u, plain, tokens) in enumerate(zip(utterances, plains, analyses, strict=True))
    )
    return CallContext(turns=turns, call_date=date, call_date_known=known)


_CLAUSE_ENDING_TAGS = ("EF", "SF")
_CLAUSE_CONNECTIVES = frozenset(
    ["는데", "ᆫ데", "은데", "는데요", "고", "고요", "어서", "아서", "서", "니까", "으니까", "며",
     "으며", "지만", "면서", "는데도", "어도", "아도", "거든요", "구요"]
)


def clauses(turn: Turn) -> tuple[Clause, ...]:
    """The turn split after final endings, sentence marks and clause-joining connectives."""
    return turn.clauses


def _split_clauses(turn: Turn) -> list[Clause]:
    pieces: list[Clause] = []
    current: list[Morph] = []
    for index, morph in enumerate(turn.morphs):
        current.append(morph)
        following = turn.morphs[index + 1] if index + 1 < len(turn.morphs) else None
        # "환불받고 싶어요", "기다리고 있어요": 고 before an auxiliary joins one predicate.
        auxiliary = following is not None and following.tag.startswith("VX")
        boundary = (
            morph.tag in _CLAUSE_ENDING_TAGS
            or morph.tag == "SP"
            or (morph.tag == "EC" and morph.form in _CLAUSE_CONNECTIVES and not auxiliary)
            or (morph.tag == "JX" and morph.form == "요")  # "그저께부터요" ends a spoken sentence
        )
        if boundary:
            pieces.append(Clause(turn, current[0].start, morph.end, tuple(current)))
            current = []
    if current:
        pieces.append(Clause(turn, current[0].start, current[-1].end, tuple(current)))
    return [p for p in pieces if any(m.is_noun or m.is_predicate for m in p.morphs)]


def joined_evidence(evidence: dict[str, list[EvidenceRef]], *fields: str) -> list[EvidenceRef]:
    """The utterances behind several fields, once each, in call order: the evidence of a field
    composed from them."""
    refs: dict[str, EvidenceRef] = {}
    for name in fields:
        for ref in evidence.get(name, []):
            refs.setdefault(ref.utterance_id, ref)
    return sorted(refs.values(), key=lambda r: r.utterance_id)
