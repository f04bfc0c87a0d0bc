"""Shared reading of the call's clauses for the note's sentences: cue lexicons
(pipeline/nlp/data/narrative_cues.txt), questions and conditions, content nouns, identity answers,
and the note-style rewrite of a clause (``pipeline.extract.style``)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Morph, Turn, clauses
from pipeline.extract.style import Word, close_clause, words_of
from pipeline.nlp import word_list

OPENING_TURNS = 4
ISSUE_TURNS = 3
MAX_ISSUE_CLAUSES = 3
MAX_WANTS = 2
MAX_PURPOSE_WORDS = 3
MAX_ACTIONS = 7
MAX_NOUNS = 6
_QUESTION_ENDINGS = ("까요", "나요", "세요", "가요", "ᆯ까", "니까", "죠", "는지", "ᆫ가요", "습니까", "ᆸ니까")
_CONDITION_ENDINGS = ("면", "으면", "시면", "려면", "으려면", "더라도", "도")


@cache
def cues() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for line in word_list("narrative_cues"):
        group, lemma = line.split()
        groups[group].add(lemma)
    return {group: frozenset(lemmas) for group, lemmas in groups.items()}


def has_cue(clause: Clause, group: str) -> bool:
    wanted = cues()[group]
    return any(m.lemma in wanted or m.form in wanted for m in clause.morphs)


def is_question(clause: Clause) -> bool:
    last = [m for m in clause.morphs if m.tag.startswith(("EF", "EC"))]
    return bool(last) and last[-1].form.endswith(_QUESTION_ENDINGS) or clause.text.endswith("?")


def is_condition(clause: Clause) -> bool:
    endings = [m for m in clause.morphs if m.tag.startswith("EC")]
    return bool(endings) and endings[-1].form in _CONDITION_ENDINGS


def note_text(clause: Clause, *, wish: bool = False) -> str | None:
    words = words_of(clause.turn.plain[clause.start : clause.end], _shift(clause))
    return close_clause(words, wish=wish)


def clause_words(clause: Clause) -> list[Word]:
    """The clause's words with their morphemes, offsets into the clause."""
    return words_of(clause.turn.plain[clause.start : clause.end], _shift(clause))


def _shift(clause: Clause) -> tuple[Morph, ...]:
    return tuple(
        Morph(m.form, m.tag, m.lemma, m.start - clause.start, m.end - clause.start)
        for m in clause.morphs
    )


def nouns(clause: Clause, *, limit: int = MAX_NOUNS) -> list[str]:
    """The clause's content nouns and numbers in order, compounds kept together."""
    stop = cues()["stop"]
    words: list[str] = []
    run: list[Morph] = []

    def flush(following: Morph | None) -> None:
        if run:
            word = clause.turn.plain[run[0].start : run[-1].end]
            bare_number = all(m.tag.startswith(("SN", "SL")) for m in run) and not _WRITTEN.match(word)
            # "김철수 고객님", "선우진 님": a name, not content.
            named = following is not None and following.form in _ADDRESS_WORDS
            if word not in stop and word not in words and not bare_number and not named:
                words.append(word)

    morphs = clause.morphs
    for morph in morphs:
        # "공유+기", "세탁+기": a noun suffix belongs to the noun before it, whatever it
        # would mean alone (기 is a stop word as a noun).
        if morph.tag.startswith("XSN") and run and run[-1].end == morph.start:
            run.append(morph)
            continue
        content = morph.tag.startswith(("NNG", "NNP", "SL", "SN", "XSN")) or (
            morph.tag.startswith("NNB") and run and run[-1].tag.startswith("SN")
        )
        if content and morph.form not in stop and morph.form not in _ADDRESS_WORDS:
            if run and run[-1].end == morph.start:
                run.append(morph)
            else:
                flush(morph)
                run = [morph]
        else:
            flush(morph)
            run = []
    flush(None)
    return words[:limit]


_IDENTITY_QUESTION = re.compile(
    r"성함|이름|성명|생년월일|연락처|전화\s?번호|휴대폰\s?번호|번호\s?(?:말씀|확인|알려)|주소|아이디|비밀번호"
)
MAX_IDENTITY_ANSWER = 45


def is_identity_answer(context: CallContext, turn: Turn) -> bool:
    """A short customer answer to "성함이 어떻게 되세요?" / "연락처 말씀해 주시겠어요?"."""
    if turn.role is not Role.CUSTOMER or len(turn.text) > MAX_IDENTITY_ANSWER:
        return False
    asked = context.previous(turn, Role.AGENT)
    return asked is not None and bool(_IDENTITY_QUESTION.search(asked.text))


DATE_WORD = re.compile(r"^\d+(?:월|일|년)$")
_ADDRESS_WORDS = frozenset(["님", "고객님", "고객", "씨"])
_WRITTEN = re.compile(r"^(?:[A-Z]{2,}[A-Za-z0-9-]*|\d+[A-Za-z]+|[A-Za-z]+\d+[A-Za-z0-9-]*)$")


def customer_clauses(context: CallContext, limit: int = OPENING_TURNS) -> list[Clause]:
    turns = [t for t in context.customer_turns if not is_identity_answer(context, t)]
    return [c for t in turns[:limit] for c in clauses(t)]


def sentences(turn: Turn) -> list[Clause]:
    """The turn split after final endings and sentence marks only (connectives stay inside)."""
    pieces: list[Clause] = []
    current: list[Morph] = []
    for morph in turn.morphs:
        current.append(morph)
        if morph.tag.startswith(("EF", "SF")):
            pieces.append(Clause(turn, current[0].start, morph.end, tuple(current)))
            current = []
    if current:
        pieces.append(Clause(turn, current[0].start, current[-1].end, tuple(current)))
    return [p for p in pieces if any(m.is_noun or m.is_predicate for m in p.morphs)]


def is_want(clause: Clause) -> bool:
    """A wish or request; wanting to ask ("물어보려고요") is a question, not a wish."""
    wished = has_cue(clause, "want") or is_request(clause) or _asks_if_possible(clause)
    return wished and not has_cue(clause, "ask")


def _asks_if_possible(clause: Clause) -> bool:
    """The customer asking "…할 수 있나요/있는 거죠": a wish put as a question."""
    forms = [m.form for m in clause.morphs]
    return clause.turn.role is Role.CUSTOMER and "수" in forms and is_question(clause) and any(
        m.lemma in ("있다", "있") for m in clause.morphs
    )


def is_request(clause: Clause) -> bool:
    """"…해 주세요": 주다 as an auxiliary with an imperative or polite ending."""
    morphs = clause.morphs
    return any(
        m.lemma == "주다" and m.tag.startswith("VX") and i + 1 < len(morphs)
        and morphs[i + 1].tag.startswith("EF")
        for i, m in enumerate(morphs)
    )


def agent_clauses(context: CallContext) -> list[Clause]:
    return [c for t in context.agent_turns for c in clauses(t)]


def has_date(clause: Clause) -> bool:
    return bool(DATE_IN_TEXT.search(clause.text))


DATE_IN_TEXT = re.compile(r"\d+월 \d+일")


DATE_IN_TEXT = re.compile(r"\d+월 \d+일")


_IF_ENDINGS = frozenset(["면", "으면", "시면", "려면", "으려면"])


def split_condition(clause: Clause) -> tuple[Clause | None, Clause]:
    """"단순 변심이면 왕복 배송비가 차감됩니다" → the condition ("단순 변심이면") and what holds
    under it; (None, clause) when the clause states no condition. What follows may be empty
    when the clause is all condition."""
    cut = max(
        (i for i, m in enumerate(clause.morphs) if m.tag.startswith("EC") and m.form in _IF_ENDINGS),
        default=None,
    )
    if cut is None:
        return None, clause
    head, tail = clause.morphs[: cut + 1], clause.morphs[cut + 1 :]
    condition = Clause(clause.turn, clause.start, head[-1].end, head)
    rest = Clause(clause.turn, tail[0].start if tail else clause.end, clause.end, tail)
    return condition, rest
