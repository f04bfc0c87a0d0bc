"""What the customer brought, read once for purpose, issue summary and desired outcome: the
object the call is about (compound nouns both parties keep naming), the problem as a noun,
the remedy the customer asks for and the kind of request.

The object is found by salience rather than position: the words of the customer's opening
reason, and the words the agent echoes back when confirming ("확인해 보니 … 건"), name the
product or service; words said once in passing do not."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Turn, clauses
from pipeline.extract.text import (
    DATE_WORD,
    cues,
    is_condition,
    is_identity_answer,
    is_question,
    is_request,
    is_want,
    nouns,
)
from pipeline.nlp import word_list

MAX_OBJECT_WORDS = 4
OPENING_CUSTOMER_TURNS = 3
# A word in the customer's opening reason counts more than one the agent echoes: the opening
# says why they called; the agent's turns also carry procedure (본인 확인, 접수번호).
OPENING_WEIGHT = 2.0
ECHO_WEIGHT = 1.5
MENTION_WEIGHT = 0.5
MAX_COUNTED_MENTIONS = 4


@dataclass(frozen=True)
class Mention:
    """A noun said in a turn; ``opening`` when the turn is one of the customer's first."""

    word: str
    turn: Turn
    opening: bool


@dataclass(frozen=True)
class IssueFacts:
    objects: tuple[str, ...]
    problems: tuple[str, ...]
    remedies: tuple[str, ...]  # asked for in a wish clause
    raised: tuple[str, ...]  # remedies named in the opening, asked for or asked about
    raised_pending: tuple[str, ...]  # of those, the ones not already done before the call
    wants: bool
    evidence: tuple[Turn, ...]


def read_facts(context: CallContext) -> IssueFacts:
    """The object (salient compound nouns), the problem nouns (issue_problems.txt), the remedies
    asked for (issue_remedies.txt) and whether the opening asks for something done."""
    mentions = _mentions(context)
    objects = _salient(context, mentions)
    opening = _opening_turns(context)
    opening_clauses = [c for t in opening for c in clauses(t)]
    problems = _problems(_told_clauses(context) + _confirmations(context))
    wishes = [c for t in context.customer_turns for c in clauses(t) if is_want(c)]
    remedies = _remedies(wishes)
    raised = _remedies([c for c in opening_clauses if not is_want(c)])
    # "공유기를 바꿨는데 …": a remedy already done is background to the call, not what is wanted.
    pending = _remedies([c for c in opening_clauses if not is_want(c) and not _done_before(c)])
    said = {w for phrase in problems + tuple(_remedy_lexicon().values()) for w in phrase.split()}
    objects = tuple(w for w in objects if w not in said)
    # "해지해 주세요" ends like a question (-세요) but asks for something.
    wants = any(is_want(c) and (is_request(c) or not is_question(c)) for c in opening_clauses)
    cited = sorted({m.turn.index for m in mentions if m.word in objects and m.opening})
    evidence = tuple(context.turns[i] for i in cited)
    return IssueFacts(
        objects, problems, remedies, raised, pending, wants, evidence or tuple(opening[:1])
    )


_PAST = frozenset(["었", "았", "였", "ᆻ"])


def _done_before(clause: Clause) -> bool:
    """Past tense, or a verb's past adnominal ("바꾼 뒤로", "산 지"): something already done."""
    morphs = clause.morphs
    return any(
        (m.tag == "EP" and m.form in _PAST)
        or (m.tag == "ETM" and m.form in ("ᆫ", "은") and i and morphs[i - 1].tag.startswith(("VV", "XSV")))
        for i, m in enumerate(morphs)
    )


def _told_clauses(context: CallContext) -> list[Clause]:
    """The customer's account of the problem: their turns in the first half of the call."""
    half = context.turns[len(context.turns) // 2].index if context.turns else 0
    told = [
        t for t in context.customer_turns if t.index <= half and not is_identity_answer(context, t)
    ]
    return [c for t in told for c in clauses(t)]


def _opening_turns(context: CallContext) -> list[Turn]:
    turns = [t for t in context.customer_turns if not is_identity_answer(context, t)]
    return turns[:OPENING_CUSTOMER_TURNS]


def _confirmations(context: CallContext) -> list[Clause]:
    """The agent's turns in the first half, after the greeting: where they read back the
    product, order and problem from the records."""
    half = context.agent_turns[1 : len(context.agent_turns) // 2 + 1]
    return [c for t in half for c in clauses(t)]


def _mentions(context: CallContext) -> list[Mention]:
    opening = {t.index for t in _opening_turns(context)}
    greeting = {t.index for t in context.agent_turns[:1]}
    found: list[Mention] = []
    # The object is named while the problem is told and looked up; the close of the call is
    # procedure (follow-ups, farewells).
    for turn in context.turns[: len(context.turns) * 2 // 3 + 1]:
        if turn.index in greeting or (
            turn.role is Role.CUSTOMER and is_identity_answer(context, turn)
        ):
            continue
        for clause in clauses(turn):
            for word in nouns(clause, limit=12):
                if _names_an_object(context, word) and not _code_prefix(turn, word):
                    found.append(Mention(word, turn, turn.index in opening))
    return found


def _salient(context: CallContext, mentions: list[Mention]) -> tuple[str, ...]:
    greeting = {w for t in context.agent_turns[:1] for c in clauses(t) for w in nouns(c, limit=12)}
    counts = Counter(m.word for m in mentions)
    in_opening = {m.word for m in mentions if m.opening}
    by_agent = {m.word for m in mentions if m.turn.role is Role.AGENT}
    first: dict[str, int] = {}
    for position, m in enumerate(mentions):
        first.setdefault(m.word, position)

    def score(word: str) -> float:
        return (
            OPENING_WEIGHT * (word in in_opening)
            + ECHO_WEIGHT * (word in by_agent and word in in_opening)
            + MENTION_WEIGHT * min(counts[word], MAX_COUNTED_MENTIONS)
        )

    ranked = sorted(
        (w for w in counts if w not in greeting and w in in_opening | by_agent),
        key=lambda w: (-score(w), first[w]),
    )
    kept: list[str] = []
    for word in ranked:
        if any(word in k or k in word for k in kept):
            continue
        kept.append(word)
        if len(kept) >= MAX_OBJECT_WORDS:
            break
    return tuple(sorted(kept, key=lambda w: first[w]))


def _names_an_object(context: CallContext, word: str) -> bool:
    return (
        len(word) >= 2
        and word not in _no_objects()
        and not word[0].isdigit()
        and not DATE_WORD.match(word)
        and not any(name in word for name in context.names)
        and not _spelled(word)
        and not word.endswith(_MISREAD_ENDINGS)
    )


# A question ending Kiwi sometimes leaves inside a noun ("아시나요"): a verb, not a word.
_MISREAD_ENDINGS = ("나요", "세요", "까요", "는지")


def _code_prefix(turn: Turn, word: str) -> bool:
    """ "ON-58213", "AS 1022": letters that open an order or ticket number."""
    if not word.isascii():
        return False
    return any(
        turn.plain[i + len(word) : i + len(word) + 1] in _CODE_CONTINUATION
        for i in _occurrences(turn.plain, word)
    )


_CODE_CONTINUATION = frozenset("-0123456789")


def _occurrences(text: str, word: str) -> list[int]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + 1)
    return found


# Letter names as ASR writes a spelled code ("에이치엠", "에스 하이픈"): part of an identifier,
# not a product. Names that are also common syllables (이, 오, 유, 아이) count only inside a
# longer spelling, so "이유" or "아이" stay words.
_LETTER_NAMES = sorted(
    [
        "더블유",
        "에이치",
        "에이",
        "비",
        "씨",
        "디",
        "이",
        "에프",
        "쥐",
        "지",
        "아이",
        "제이",
        "케이",
        "엘",
        "엠",
        "엔",
        "오",
        "피",
        "큐",
        "알",
        "에스",
        "티",
        "유",
        "브이",
        "엑스",
        "와이",
        "제트",
        "하이픈",
    ],
    key=len,
    reverse=True,
)
_LETTER_STARTS = frozenset(n[0] for n in _LETTER_NAMES)
_DISTINCT_LETTERS = frozenset(
    [
        "더블유",
        "에이치",
        "에이",
        "에프",
        "제이",
        "케이",
        "엘",
        "엠",
        "엔",
        "큐",
        "에스",
        "브이",
        "엑스",
        "와이",
        "제트",
        "하이픈",
    ]
)


def _spelled(word: str) -> bool:
    if word[:1] not in _LETTER_STARTS:
        return False
    rest, letters = word, []
    while rest:
        letter = next((n for n in _LETTER_NAMES if rest.startswith(n)), None)
        if letter is None:
            return False
        letters.append(letter)
        rest = rest[len(letter) :]
    return len(word) >= 3 or bool(_DISTINCT_LETTERS & set(letters))


@cache
def _no_objects() -> frozenset[str]:
    return cues()["vague_subject"] | cues()["stop"] | _time_words() | _not_objects()


@cache
def _time_words() -> frozenset[str]:
    return frozenset(word_list("time_words"))


@cache
def _not_objects() -> frozenset[str]:
    """Call-procedure words (본인, 성함, 번호…) that are said often but name no product."""
    return frozenset(word_list("issue_not_objects"))


@cache
def _problem_lexicon() -> tuple[tuple[tuple[str, ...], str], ...]:
    """LEMMA…<TAB>NOUN lines of issue_problems.txt: the lemmas in order within a clause."""
    entries = []
    for line in word_list("issue_problems"):
        pattern, noun = line.split("\t")
        entries.append((tuple(pattern.split()), noun.strip()))
    return tuple(entries)


def _problems(said: list[Clause]) -> tuple[str, ...]:
    """The most specific problems named (the lexicon's order): "중복 결제" over "오류". A
    worry ("많이 나올까 봐") or a condition ("안 되면") states no problem; a generic match
    ("안 오") that a more specific one already covers ("기사 안 오" → 미방문) adds nothing."""
    lexicon = _problem_lexicon()
    found: set[int] = set()
    for clause in said:
        if is_question(clause) or is_condition(clause):
            continue
        words = {m.lemma for m in clause.morphs} | {m.form for m in clause.morphs}
        index = next(
            (
                i
                for i, (pattern, _) in enumerate(lexicon)
                if words.issuperset(pattern) and _in_order(pattern, clause)
            ),
            None,
        )
        if index is not None:
            found.add(index)
    named: list[str] = []
    for index in sorted(found):
        pattern, noun = lexicon[index]
        covered = any(set(pattern) < set(lexicon[other][0]) for other in found)
        repeated = any(noun in other or other in noun for other in named)
        if not covered and not repeated:
            named.append(noun)
    return tuple(named[:MAX_PROBLEMS])


MAX_PROBLEMS = 2


def _in_order(pattern: tuple[str, ...], clause: Clause) -> bool:
    position = 0
    for morph in clause.morphs:
        if position < len(pattern) and pattern[position] in (morph.lemma, morph.form):
            position += 1
    return position == len(pattern)


@cache
def _remedy_lexicon() -> dict[str, str]:
    return dict(tuple(line.split()) for line in word_list("issue_remedies"))  # type: ignore[misc]


def _remedies(wishes: list[Clause]) -> tuple[str, ...]:
    found: list[str] = []
    lexicon = _remedy_lexicon()
    for clause in wishes:
        for morph in clause.morphs:
            noun = lexicon.get(morph.lemma) or lexicon.get(morph.form)
            if noun and noun not in found:
                found.append(noun)
    return tuple(found[:2])


@cache
def implied_remedies() -> dict[str, str]:
    """issue_problem_remedies.txt: what a reported problem asks for when nothing else is said."""
    pairs = (line.split("\t") for line in word_list("issue_problem_remedies"))
    return {problem: remedy for problem, remedy in pairs}
