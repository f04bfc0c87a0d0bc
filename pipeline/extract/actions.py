"""What the agent did in the call, and where the case stands as the agent last put it."""

from __future__ import annotations

import re

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Morph, Turn
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


def action_noun(clause: Clause) -> str | None:
    """The clause's last action as the noun a note uses ("보내 드릴까요" → "발송")."""
    return _action_word(clause)


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
        if phrase and not any(_covers(a, phrase) for a in actions):
            # "잠금 해제" after "로그인 잠금 해제" says nothing new; the fuller one replaces it.
            narrower = [i for i, a in enumerate(actions) if _covers(phrase, a)]
            for i in reversed(narrower):
                del actions[i], sources[i]
            actions.append(phrase)
            sources.append(clause.turn)
        if len(actions) >= MAX_ACTIONS:
            break
    return Found(actions, tuple(sources), 0.5 if actions else 0.3)


def _covers(wider: str, narrower: str) -> bool:
    return set(narrower.replace("에 ", " ").split()) <= set(wider.replace("에 ", " ").split())


def _action_phrase(context: CallContext, clause: Clause) -> str | None:
    # "교환 접수해 드리겠습니다" is done as it is said; a promise with a date is a follow-up.
    if is_question(clause) or is_condition(clause) or (has_cue(clause, "future") and has_date(clause)):
        return None
    if _customer_does_it(clause):
        return None
    found = _action_morph(clause)
    action = _action_word(clause)
    if action == "확인" and _after_identity(context, clause.turn):
        return "본인 확인"
    if action == "조회":
        return None  # the lookup is listed once, first
    if found is not None and action and _done(clause, found):
        # Words of state ("완료", "상태") say how far it got, not what was acted on.
        before = _noun_words(context, clause, end=found.start)
        after = [w for w in _noun_words(context, clause, end=clause.end) if w not in before]
        # "변경 완료됐습니다": 완료 after the action is its state, not a second object.
        every = [w for w in before + [w for w in after if w not in _MARKERS] if w != action]
        if any(not DATE_WORD.match(w) for w in every):
            words = every[:MAX_OBJECT_WORDS]
            if action in _HANDOFF_ACTIONS:
                words = [_with_destination(clause, w, found.start) for w in words]
            return " ".join([*words, action])
    # "출고 전이라 취소 가능합니다": the agent told the customer what can be done.
    words = _noun_words(context, clause, end=clause.end, keep=_TOLD_MARKS)
    if has_cue(clause, "info") and len([w for w in words if not DATE_WORD.match(w)]) >= 2:
        return " ".join(words[:MAX_INFO_WORDS]) + " 안내"
    return None


MAX_OBJECT_WORDS = 6
MAX_INFO_WORDS = 5
_HANDOFF_ACTIONS = frozenset(["요청", "접수", "전달", "이관", "신청"])
# Words that say how far a step got, never what it was about ("완료 변경").
_STATE_WORDS = frozenset(["상태", "가능", "바로", "지금", "정식", "자리"])
_TOLD_MARKS = frozenset(["수", "가능", "불가", "불가능"])


def _action_morph(clause: Clause) -> Morph | None:
    wanted = cues()["action"]
    found = [m for m in clause.morphs if m.lemma in wanted or m.form in wanted]
    return found[-1] if found else None


def _done(clause: Clause, action: Morph) -> bool:
    """The agent did it, does it as they say it, or will do it ("올려야 됩니다"); "취소
    가능합니다", "변경할 수 있어요" only tell the customer what could be done. Read within the
    clause: "확인해 드리고, 가품이면 보상받으실 수 있습니다" did the check."""
    after = [m for m in clause.morphs if m.start >= action.end]
    return not any(m.form in _TOLD_MARKS for m in after)


def _noun_words(
    context: CallContext, clause: Clause, *, end: int, keep: frozenset[str] = frozenset()
) -> list[str]:
    part = Clause(clause.turn, clause.start, end, tuple(m for m in clause.morphs if m.end <= end))
    return [
        w for w in nouns(part, limit=MAX_NOUNS + 2)
        if _meaningful(w) and w not in context.names and (w in keep or w not in _STATE_WORDS)
    ]


def _with_destination(clause: Clause, word: str, before: int) -> str:
    """"물류센터에 출고 요청": the team a request went to keeps its 에."""
    plain = clause.turn.plain
    at = plain.find(word, clause.start, before)
    tail = plain[at + len(word) : at + len(word) + 3] if at >= 0 else ""
    return word + "에" if tail.startswith(("에 ", "에게", "께 ")) or tail == "에" else word


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
    # "배송지 변경 완료됐습니다": the state word closes the phrase, never opens it.
    words = [w for w in nouns(clause, limit=5) if w not in _MARKERS and w not in _STATE_WORDS]
    marker = next((w for w in _MARKERS if w in clause.text), None)
    if marker is None and any(m.form in _PAST_MARKS for m in clause.morphs):
        marker = "완료"
    text = " ".join(words + ([marker] if marker and marker not in words else []))
    return Found(text, (clause.turn,), 0.5)


_PAST_MARKS = frozenset(["었", "았", "였"])
