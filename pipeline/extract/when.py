"""When the problem happened (issue.occurred_on): the day the customer says it began, else the
latest past date said about it; purchase dates and agents' schedules do not count."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Turn, clauses
from pipeline.extract.text import cues, has_cue, is_condition, is_question

_RECURRING = re.compile(r"매달|매월|매년|매주|마다")
# "11월 23일부터요", "삼 주 전쯤부터", "토요일에 업데이트하고 나서부터": when it began.
_BEGAN = re.compile(r"\s*(?:쯤|경|정도)?\s*부터|[^.?!]{0,20}?(?:고\s?나서|[한된난]\s?뒤|이후)\s?부터")
_SINCE = re.compile(r"\s*이후")
# "지난달 이십칠 일에요": a date said as a whole answer.
_BARE_ANSWER = re.compile(r"\s*(?:에|이)?요")
# "지난주 월요일 말고 이번 주 월요일이요": a date said again, corrected.
_CORRECTION = re.compile(r"말고|아니고|아니라")
# A date this far back is a birth date or an account's start, not the problem's day.
_OLDEST_YEARS = 2
# The customer's purchase itself was the mistake ("라이선스를 잘못 사서요"): its date counts.
_MISTAKE = "잘못"


@dataclass(frozen=True)
class EventDate:
    date: dt.date
    turn: Turn
    fault: bool  # the rest of the turn says something went wrong


def occurred_on(context: CallContext) -> Found[dt.date | None]:
    """The day the customer says it began ("…부터"), else the latest past date said about the
    problem (the customer's words first; the agent's only when the customer reported a
    problem); a purchase date ("어제 주문한") does not count unless the purchase was the
    mistake; today counts when the customer says something happened today and nothing earlier
    was said."""
    if not context.call_date_known:
        return Found(None, (), 0.3)
    began = list(_began_dates(context))
    if began:
        event = max(began, key=lambda e: e.date)
        return Found(event.date, (event.turn,), 0.75)
    own = list(_event_dates(context, context.customer_turns))
    sources = [own]
    if _customer_reports_problem(context):
        sources.append(list(_event_dates(context, context.agent_turns)))
    for found in sources:
        past = [e for e in found if e.date < context.call_date]
        if past:
            event = max(past, key=lambda e: e.date)
            if event.turn.role is Role.AGENT:
                # "10월 23일에 1건 … 10월 26일에 1건": the records the agent reads out
                # together began with the first.
                event = min((e for e in past if e.turn is event.turn), key=lambda e: e.date)
            return Found(event.date, (event.turn,), 0.7)
        today = [e for e in found if e.fault and e.turn.role is Role.CUSTOMER]
        if today:
            return Found(context.call_date, (today[0].turn,), 0.5)
    return Found(None, (), 0.5)


def _began_dates(context: CallContext) -> Iterator[EventDate]:
    """"11월 23일부터요", "삼 주 전쯤부터": the customer says when it began (read on the whole
    turn: a bare "…부터요" is no clause of its own)."""
    from pipeline.normalize.dates import resolve_dates

    for turn in context.customer_turns:
        for mention in resolve_dates(turn.plain, context.call_date):
            if mention.date <= context.call_date and _BEGAN.match(turn.plain, mention.end):
                yield EventDate(mention.date, turn, True)


def _customer_reports_problem(context: CallContext) -> bool:
    """The customer says something went wrong: a fault word or a negation ("안 왔어요") in a
    statement of theirs; "필요가 없어져서요" or "해지하려고요" report none."""
    return any(
        has_cue(clause, "fault") and not is_question(clause)
        for turn in context.customer_turns
        for clause in clauses(turn)
    )


def _event_dates(context: CallContext, turns: tuple[Turn, ...]) -> Iterator[EventDate]:
    """Every date up to the call's said in ``turns``, with what its clause says."""
    from pipeline.normalize.dates import resolve_dates

    oldest = context.call_date - dt.timedelta(days=365 * _OLDEST_YEARS)
    mistaken_purchase = _purchase_was_mistake(context)
    for turn in turns:
        spoken = _whole_turn(turn)
        for index, clause in enumerate(spoken):
            if turn.role is Role.AGENT and is_condition(clause):
                continue  # "이사 2주 전에 연락 주시면": counted from an event still to come
            text = clause.turn.plain[clause.start : clause.end]
            for mention in resolve_dates(text, context.call_date):
                date = mention.date
                if date > context.call_date or date < oldest:
                    continue
                # "월요일에 시켰는데 | 지난주 월요일 말고 이번 주 월요일이요": a verbless
                # fragment goes with the clause before it.
                if not mistaken_purchase and any(
                    _about_purchase(context, c, clause.start + mention.end)
                    for c in (clause, *_antecedents(spoken, index))
                ):
                    continue
                if mention.kind == "deadline" and (turn.role is Role.AGENT or date == context.call_date):
                    continue  # "쿠폰 기간이 10월 25일까지" is a term, not an event
                if turn.role is Role.AGENT and _RECURRING.search(turn.plain):
                    continue  # "매달 25일에 출금되고 있습니다" is a schedule
                if _SINCE.match(text, mention.end):
                    continue  # "어젯밤 이후 결제된 건은 없습니다": a point to look from
                # "택시 타고 | 오다가 놓고 내린 거 같아요": the rest of the turn says what happened.
                happened = any(has_cue(c, "fault") for c in spoken[index:])
                yield EventDate(date, turn, happened and mention.kind == "point")


def _whole_turn(turn: Turn) -> list[Clause]:
    """The turn's clauses with the stretches between them kept as fragments: "10월 23일에
    1건 21,000원이요" has no verb nor content noun, yet says when it happened."""
    pieces: list[Clause] = []
    said_up_to = 0
    for clause in (*clauses(turn), None):
        until = clause.start if clause is not None else len(turn.plain) + 1
        gap = tuple(m for m in turn.morphs if m.start >= said_up_to and m.end <= until)
        if gap:
            pieces.append(Clause(turn, gap[0].start, gap[-1].end, gap))
        if clause is not None:
            pieces.append(clause)
            said_up_to = clause.end
    return pieces


def _antecedents(spoken: list[Clause], index: int) -> list[Clause]:
    """What a verbless fragment goes with: the clause before it, and for a correction
    ("지난주 월요일 말고 이번 주 월요일이요") the turn's first clause that said a date."""
    clause = spoken[index]
    if not index or _has_verb(clause):
        return []
    found = [spoken[index - 1]]
    if _CORRECTION.search(clause.text):
        from pipeline.normalize.dates import resolve_dates

        anchor = dt.date(2000, 1, 3)
        found += [c for c in spoken[:index] if resolve_dates(c.text, anchor)][:1]
    return found


def _has_verb(clause: Clause) -> bool:
    return any(m.tag.startswith(("VV", "XSV")) for m in clause.morphs)


def _purchase_was_mistake(context: CallContext) -> bool:
    purchase = cues()["purchase"]
    return any(
        _MISTAKE in clause.text
        and any(_predicate_lemma(clause, i) in purchase for i in range(len(clause.morphs)))
        for turn in context.customer_turns
        for clause in clauses(turn)
    )


def _predicate_lemma(clause: Clause, morph_index: int) -> str:
    """A verb's lemma, or for a noun + 하다 verb (주문했는데) the noun."""
    morph = clause.morphs[morph_index]
    if morph.tag.startswith("XSV") and morph_index:
        return clause.morphs[morph_index - 1].lemma
    return morph.lemma


def _about_purchase(context: CallContext, clause: Clause, after: int) -> bool:
    """The date is a purchase date: the first predicate after it, or the clause's last one,
    is buying (주문하다, 사다, 구매하다, 가입하다), or the clause is a bare answer
    ("지난달 이십칠 일에요") to the agent's question about buying ("언제 가입하셨을까요")."""
    purchase = cues()["purchase"]
    after_date = [m for m in clause.morphs if m.start >= after][:3]
    if any(m.tag.startswith("NNG") and m.lemma in purchase for m in after_date):
        return True  # "작년 11월 30일 구매로 등록"
    verbs = [i for i, m in enumerate(clause.morphs) if m.tag.startswith(("VV", "XSV"))]
    bare_answer = not verbs or _BARE_ANSWER.match(clause.turn.plain, after)
    if bare_answer and _answers_purchase_question(context, clause):
        return True
    if not verbs:
        return False
    following = next((i for i in verbs if clause.morphs[i].start >= after), verbs[-1])
    return _predicate_lemma(clause, following) in purchase or _predicate_lemma(clause, verbs[-1]) in purchase


def _answers_purchase_question(context: CallContext, clause: Clause) -> bool:
    if clause.turn.role is not Role.CUSTOMER:
        return False
    asked = context.previous(clause.turn, Role.AGENT)
    if asked is None:
        return False
    questions = [c for c in clauses(asked) if is_question(c)]
    purchase = cues()["purchase"]
    return bool(questions) and any(
        _predicate_lemma(questions[-1], i) in purchase for i in range(len(questions[-1].morphs))
    )
