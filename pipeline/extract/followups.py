"""Next steps promised in the call: who does what, by when."""

from __future__ import annotations

import datetime as dt

from models.note import FollowUp, Owner
from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Turn, clauses
from pipeline.extract.text import (
    DATE_WORD,
    has_cue,
    has_date,
    is_condition,
    is_question,
    nouns,
)


_CUSTOMER_STEPS = frozenset(["제출", "방문", "신청", "준비", "업로드", "올리다", "보내다", "내다"])
_SELF = frozenset(["저", "제", "제가", "상담원"])
_AFTER_CALL = frozenset(["다시", "재연락", "재통화", "콜백", "대로", "되면", "확인"])
_FOR_THE_COMPANY = frozenset(["결과", "심사", "심의", "검토", "팀", "부서", "담당자", "본사", "기사"])


def _owner(clause: Clause) -> Owner | None:
    """Who does the next step a clause promises, or None when it promises nothing."""
    if is_question(clause):
        return None
    if clause.turn.role is Role.CUSTOMER:
        # "다시 전화드릴게요", "서류 보낼게요"; "카드로 결제할게요" happens during the call.
        future = any(m.form in ("ᆯ게요", "ᆯ게", "겠") for m in clause.morphs)
        acts = has_cue(clause, "contact") or bool(clause.lemmas & _CUSTOMER_STEPS)
        return Owner.CUSTOMER if future and acts else None
    if _asks_the_customer(clause):
        return Owner.CUSTOMER
    if not has_cue(clause, "future") or is_condition(clause):
        return None
    lemmas = clause.lemmas
    if has_cue(clause, "contact"):
        if lemmas & _FOR_THE_COMPANY and not lemmas & _SELF:
            return Owner.COMPANY  # "심사 결과는 문자로 안내드리겠습니다"
        # "링크 보내 드릴게요" happens during the call; a call back comes later.
        return Owner.AGENT if lemmas & (_AFTER_CALL | _SELF) or has_date(clause) else None
    if has_cue(clause, "process"):
        return Owner.COMPANY
    return None


def _asks_the_customer(clause: Clause) -> bool:
    """"사진 보내 주시면", "취소해 주셔야 됩니다": the customer's step."""
    polite_request = any(m.lemma == "주다" and m.tag.startswith("VX") for m in clause.morphs) and any(
        m.form in ("시", "셔야", "으셔야") or m.form.startswith("셔") for m in clause.morphs
    )
    return polite_request and (is_condition(clause) or any(m.form == "야" for m in clause.morphs))


def _due(context: CallContext, clause: Clause) -> dt.date | None:
    from pipeline.normalize.dates import resolve_dates

    if not context.call_date_known:
        return None
    for text in (clause.turn.plain[clause.start : clause.end], clause.turn.plain):
        upcoming = [m.date for m in resolve_dates(text, context.call_date) if m.date >= context.call_date]
        if upcoming:
            return upcoming[0]
    return None


def follow_ups(context: CallContext, resolution: str = "", topic: str = "") -> Found[list[FollowUp]]:
    """Next steps promised in the call, each with its owner and the date it is due."""
    promises: list[FollowUp] = []
    sources: list[Turn] = []
    for turn in context.turns[1:]:
        for clause in clauses(turn):
            owner = _owner(clause)
            if owner is None or (resolution in ("resolved", "unresolved") and owner is not Owner.CUSTOMER):
                continue
            due = _due(context, clause)
            words = [w for w in nouns(clause, limit=5) if not DATE_WORD.match(w)]
            if not words or any(p.owner == owner and p.due == due for p in promises):
                continue
            promises.append(FollowUp(action=" ".join(words), owner=owner, due=due))
            sources.append(turn)
    if resolution == "unresolved" and not promises and topic:
        # The customer will decide and come back: the one next step of an undecided call.
        last = context.turns[-4:]
        due = next((d for t in last for c in clauses(t) if (d := _due(context, c))), None)
        promises.append(FollowUp(action=f"{topic} 여부 결정 후 연락", owner=Owner.CUSTOMER, due=due))
        sources.extend(context.customer_turns[-1:])
    return Found(promises, tuple(sources), 0.5)
