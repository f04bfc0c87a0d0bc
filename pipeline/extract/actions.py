"""What the agent did in the call, and where the case stands as the agent last put it."""

from __future__ import annotations

import re

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Turn
from pipeline.extract.text import (
    DATE_WORD,
    MAX_ACTIONS,
    MAX_NOUNS,
    agent_clauses,
    cues,
    has_cue,
    has_date,
    is_condition,
    is_identity_answer,
    is_question,
    nouns,
)


def _action_word(clause: Clause) -> str | None:
    wanted = cues()["action"]
    found = [m for m in clause.morphs if m.lemma in wanted or m.form in wanted]
    if not found:
        return None
    word = found[-1]
    return {"보내다": "발송", "바꾸다": "변경", "남기다": "등록", "올리다": "접수", "넣다": "요청"}.get(
        word.lemma, word.form
    )


_LOOKED_UP = re.compile(r"조회\s?(?:되|됐|됩|했|해)|확인\s?(?:되|됐|됩)")
# What the agent looks up when the customer gives a number of this kind.
KIND_NOUNS = {
    "order": "주문",
    "contract": "계약",
    "policy": "계약",
    "ticket": "접수 내역",
    "model": "제품",
    "tracking": "배송",
    "account_id": "계정",
}


def actions_taken(context: CallContext, lookup: str | None = None) -> Found[list[str]]:
    """What the agent did: each clause with an action word, as its nouns and the action.
    ``lookup`` names what the agent looked up when the call gave an identifier ("주문")."""
    actions: list[str] = []
    sources: list[Turn] = []
    looked_up = next((c for c in agent_clauses(context) if _LOOKED_UP.search(c.text)), None)
    if lookup and looked_up is not None:
        actions.append(f"{lookup} 조회")
        sources.append(looked_up.turn)
    for clause in agent_clauses(context)[1:]:
        phrase = _action_phrase(context, clause)
        if phrase and phrase not in actions:
            actions.append(phrase)
            sources.append(clause.turn)
        if len(actions) >= MAX_ACTIONS:
            break
    return Found(actions, tuple(sources), 0.5 if actions else 0.3)


def _action_phrase(context: CallContext, clause: Clause) -> str | None:
    # "교환 접수해 드리겠습니다" is done as it is said; a promise with a date is a follow-up.
    if is_question(clause) or is_condition(clause) or (has_cue(clause, "future") and has_date(clause)):
        return None
    if _customer_does_it(clause):
        return None
    words = [
        w for w in nouns(clause, limit=MAX_NOUNS + 2) if _meaningful(w) and w not in context.names
    ]
    action = _action_word(clause)
    if action == "확인" and _after_identity(context, clause.turn):
        return "본인 확인"
    if action == "조회":
        return None  # the lookup is listed once, first
    subject = [w for w in words if w != action and not DATE_WORD.match(w)]
    if action and subject:
        return " ".join([w for w in words if w != action][:6] + [action])
    if has_cue(clause, "info") and len(subject) >= 2:
        return " ".join(words[:5]) + " 안내"
    return None


def _customer_does_it(clause: Clause) -> bool:
    """"번호 말씀해 주시겠어요", "앱에서 취소해 주셔야 됩니다": 주다 with the honorific 시 asks
    the customer to do it."""
    morphs = clause.morphs
    return any(
        morph.lemma == "주다"
        and morph.tag.startswith("VX")
        and morphs[index + 1].tag.startswith("EP")
        and morphs[index + 1].form in ("시", "으시", "셔", "세")
        for index, morph in enumerate(morphs[:-1])
    )


def _meaningful(word: str) -> bool:
    """Not a stray syllable ("일") or a code read out letter by letter ("오엔")."""
    from pipeline.normalize.alnum import spelled_letters

    if any("가" <= c <= "힣" for c in word) and spelled_letters(word) is not None:
        return False
    return len(word) >= 2 or not ("가" <= word <= "힣")


def _after_identity(context: CallContext, turn: Turn) -> bool:
    previous = context.previous(turn, Role.CUSTOMER)
    return previous is not None and is_identity_answer(context, previous)


_MARKERS = ("완료", "예정", "대기", "접수", "진행 중", "보류")


def status(context: CallContext) -> Found[str | None]:
    """What the agent last said about where the case stands."""
    states = [
        c for c in agent_clauses(context) if has_cue(c, "state") and not is_question(c) and nouns(c)
    ]
    if not states:
        return Found(None, (), 0.3)
    clause = states[-1]
    words = [w for w in nouns(clause, limit=5)]
    marker = next((w for w in _MARKERS if w in clause.text), None)
    if marker is None and any(m.form in _PAST_MARKS for m in clause.morphs):
        marker = "완료"
    text = " ".join(words + ([marker] if marker and marker not in words else []))
    return Found(text, (clause.turn,), 0.5)


_PAST_MARKS = frozenset(["었", "았", "였"])
