"""What the call was about: purpose, the issue in the customer's words, when it happened,
what the customer wants, and the decision an undecided customer put off."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Turn, clauses
from pipeline.extract.text import (
    ISSUE_TURNS,
    MAX_ISSUE_CLAUSES,
    MAX_PURPOSE_WORDS,
    MAX_WANTS,
    OPENING_TURNS,
    cues,
    customer_clauses,
    is_identity_answer,
    is_question,
    is_want,
    note_text,
    nouns,
    sentences,
)
from pipeline.normalize.numbers import spoken_digits_to_text


def purpose(context: CallContext, category_phrase: str) -> Found[str | None]:
    """"{what} {topic} 문의/요청" from the customer's opening turns, the product the call is
    about and the call's category."""
    opening = [c for c in customer_clauses(context, 2) if nouns(c)]
    # The clauses that give the reason for calling (a problem or a request) name its subject.
    reasons = [c for c in opening if is_want(c) or _problem_score(c) > len(nouns(c))] or opening
    words = [w for c in reasons for w in nouns(c, limit=6) if _names_a_subject(context, w)]
    words = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words)]
    words = words[:MAX_PURPOSE_WORDS]
    item = product(context)
    if item and item not in words:
        words.insert(0, item)
    words += [w for w in category_phrase.split() if w not in words and w != "기타"]
    if not words:
        return Found(None, (), 0.2)
    tail = "요청" if any(is_want(c) for c in opening) else "문의"
    return Found(f"{' '.join(words)} {tail}", tuple(c.turn for c in opening[:2]), 0.5)


def _names_a_subject(context: CallContext, word: str) -> bool:
    """One-syllable nouns (화, 목, 쯤, 달), times and names name no subject."""
    vague = cues()["vague_subject"] | cues()["stop"]
    return len(word) >= 2 and word not in vague and not word[0].isdigit() and word not in context.names


def product(context: CallContext) -> str | None:
    """What was bought: the noun said right before 주문/구매/사다 ("노트북을 하나 주문했는데",
    "운동화 260 사이즈 주문하신 거"), in the first half of the call."""
    purchase = cues()["purchase"]
    for turn in context.turns[: len(context.turns) // 2 + 1]:
        morphs = turn.morphs
        for index, morph in enumerate(morphs):
            if morph.lemma not in purchase or index == 0:
                continue
            following = morphs[index + 1] if index + 1 < len(morphs) else None
            as_verb = morph.tag.startswith("VV") or (following is not None and following.tag.startswith("XSV"))
            if not as_verb:  # "주문번호" names a number, not a purchase
                continue
            for previous in reversed(morphs[max(0, index - 6) : index]):
                word = previous.form
                if previous.tag.startswith("NNG") and word not in purchase and _names_a_subject(context, word):
                    return word
    return None


def topic(context: CallContext, category_phrase: str) -> str:
    """The decision an undecided customer put off, in their word (해지, 해약, 전환, 수리…): the
    one said last by either party, as the talk narrows down to it."""
    for turn in reversed(context.turns):
        said = [m.form for m in turn.morphs if m.form in _DECISIONS]
        if said:
            return said[-1]
    return category_phrase.split()[0] if category_phrase else ""


_DECISIONS = frozenset(
    ["해약", "해지", "취소", "전환", "교환", "반품", "환불", "수리", "구매", "가입", "변경"]
)


def _problem_score(clause: Clause) -> int:
    problems = sum(1 for m in clause.morphs if m.lemma in cues()["problem"] or m.form in cues()["problem"])
    return len(nouns(clause)) + 2 * problems


def _says_something(clause: Clause) -> bool:
    problems = any(m.lemma in cues()["problem"] or m.form in cues()["problem"] for m in clause.morphs)
    return len(nouns(clause)) >= 2 or (problems and len(nouns(clause)) >= 1)


def issue_summary(context: CallContext) -> Found[str | None]:
    """What the customer said was wrong: their most contentful turns near the start, as notes."""
    candidates = [
        t for t in context.customer_turns[: OPENING_TURNS + 2] if not is_identity_answer(context, t)
    ]
    scored = sorted(
        candidates,
        key=lambda t: -sum(_problem_score(c) for c in sentences(t) if not is_question(c)),
    )[:ISSUE_TURNS]
    ordered = sorted(scored, key=lambda t: t.index)
    # Whole sentences first; when every one is a request ("사이즈가 작아서 교환하려고요"),
    # the clauses that give its reasons.
    for split in (sentences, clauses):
        picked = [
            (c, text)
            for t in ordered
            for c in split(t)
            if not is_question(c) and not is_want(c) and _says_something(c)
            and (text := note_text(c))
        ][:MAX_ISSUE_CLAUSES]
        if picked:
            facts = _agent_facts(context)
            texts = [t for _, t in picked] + [f for f, _ in facts]
            turns = tuple(c.turn for c, _ in picked) + tuple(t for _, t in facts)
            return Found(", ".join(texts), turns, 0.6)
    return Found(None, (), 0.3)


_CONFIRMATION = re.compile(r"\s*(?:이|가)?\s*(?:맞으시죠|맞으세요|맞으신가요|맞죠|맞습니까)[?.]?$")
MAX_AGENT_FACTS = 1


def _agent_facts(context: CallContext) -> list[tuple[str, Turn]]:
    """What the agent read back from the records ("11월 2일에 주문하신 노트북 15 인치 모델
    맞으시죠"): the order, product and dates the customer's own words leave out."""
    facts: list[tuple[str, Turn]] = []
    for turn in context.agent_turns[: len(context.agent_turns) // 2 + 1]:
        for clause in sentences(turn):
            text = clause.text
            if not _CONFIRMATION.search(text) or len(nouns(clause)) < 2:
                continue
            words = [w for w in text.split() if w not in ("네", "그", "저", "혹시")]
            phrase = _CONFIRMATION.sub("", " ".join(words)).strip()
            phrase = phrase.replace("주문하신", "주문한").replace("구매하신", "구매한")
            spoken_code = spoken_digits_to_text(phrase) != phrase  # "엘에이칠삼일일팔이공"
            if phrase and not spoken_code and not any(n in phrase for n in context.names):
                facts.append((phrase, turn))
            if len(facts) >= MAX_AGENT_FACTS:
                return facts
    return facts


def occurred_on(context: CallContext) -> Found[dt.date | None]:
    """The latest past date said about the problem (the customer's words first); a purchase
    date ("어제 주문한") does not count; today counts when the customer says the problem
    happened today and nothing earlier was said."""
    if not context.call_date_known:
        return Found(None, (), 0.3)
    for turns, own_words in ((context.customer_turns, True), (context.agent_turns, False)):
        found = list(_event_dates(context, turns))
        past = [(date, turn) for date, turn, _ in found if date < context.call_date]
        if past:
            date, turn = max(past, key=lambda f: f[0])
            return Found(date, (turn,), 0.7)
        today = [turn for date, turn, problem in found if problem]
        if today and own_words:
            return Found(context.call_date, (today[0],), 0.5)
    return Found(None, (), 0.5)


def _event_dates(
    context: CallContext, turns: tuple[Turn, ...]
) -> Iterator[tuple[dt.date, Turn, bool]]:
    """(date, turn, the clause states a problem) for every date up to the call's in ``turns``."""
    from pipeline.normalize.dates import resolve_dates

    for turn in turns:
        for clause in clauses(turn):
            text = clause.turn.plain[clause.start : clause.end]
            problem = any(m.lemma in cues()["problem"] or m.form in cues()["problem"] for m in clause.morphs)
            for mention in resolve_dates(text, context.call_date):
                if mention.date > context.call_date:
                    continue
                if _about_purchase(clause, clause.start + mention.end):
                    continue
                if mention.kind == "deadline" and (turn.role is Role.AGENT or mention.date == context.call_date):
                    continue  # "쿠폰 기간이 10월 25일까지" is a term, not an event
                yield mention.date, turn, problem and mention.kind == "point"


def _predicate_lemma(clause: Clause, morph_index: int) -> str:
    """A verb's lemma, or for a noun + 하다 verb (주문했는데) the noun."""
    morph = clause.morphs[morph_index]
    if morph.tag.startswith("XSV") and morph_index:
        return clause.morphs[morph_index - 1].lemma
    return morph.lemma


def _about_purchase(clause: Clause, after: int) -> bool:
    """The date is a purchase date: the first predicate after it, or the clause's last one,
    is buying (주문하다, 사다, 구매하다, 가입하다)."""
    purchase = cues()["purchase"]
    after_date = [m for m in clause.morphs if m.start >= after][:3]
    if any(m.tag.startswith("NNG") and m.lemma in purchase for m in after_date):
        return True  # "작년 11월 30일 구매로 등록"
    verbs = [i for i, m in enumerate(clause.morphs) if m.tag.startswith(("VV", "XSV"))]
    if not verbs:
        return False
    following = next((i for i in verbs if clause.morphs[i].start >= after), verbs[-1])
    return _predicate_lemma(clause, following) in purchase or _predicate_lemma(clause, verbs[-1]) in purchase


def desired_outcome(context: CallContext) -> Found[str | None]:
    """What the customer asked for, in their words: "…싶어요", "…해 주세요", "…하려고요"."""
    wants = [
        c
        for t in context.customer_turns
        if not is_identity_answer(context, t)
        for c in sentences(t)
        if is_want(c) and nouns(c)
    ]
    # An explicit wish ("환불받고 싶어요") says more than an opening intent ("반품하려고요").
    explicit = [c for c in wants if any(m.form in ("싶", "주") for m in c.morphs)]
    picked = (explicit or wants)[:MAX_WANTS]
    texts = [t for c in picked if (t := note_text(c, wish=True))]
    if not texts:
        return Found(None, (), 0.3)
    return Found(", ".join(dict.fromkeys(texts)), tuple(c.turn for c in picked), 0.55)
