"""When the problem happened (issue.occurred_on): the day the customer says it began, else the
latest past date said about it; purchase dates and agents' schedules do not count."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Turn, clauses
from pipeline.extract.text import cues

_RECURRING = re.compile(r"매달|매월|매년|매주|마다")


def occurred_on(context: CallContext) -> Found[dt.date | None]:
    """The day the customer says it began ("…부터"), else the latest past date said about the
    problem (the customer's words first); a purchase date ("어제 주문한") does not count; today
    counts when the customer says the problem happened today and nothing earlier was said."""
    from pipeline.normalize.dates import resolve_dates

    if not context.call_date_known:
        return Found(None, (), 0.3)
    # "11월 23일부터요", "시월 십 일부터 지난 토요일까지": the customer says when it began.
    began = [
        (mention.date, turn)
        for turn in context.customer_turns
        for mention in resolve_dates(turn.plain, context.call_date)
        if mention.date <= context.call_date and turn.plain.startswith("부터", mention.end)
    ]
    if began:
        date, turn = max(began, key=lambda f: f[0])
        return Found(date, (turn,), 0.75)
    for turns, own_words in ((context.customer_turns, True), (context.agent_turns, False)):
        found = list(_event_dates(context, turns))
        # The agent's "매달 25일에 출금되고 있습니다" is a schedule, not when something happened.
        past = [
            (date, turn) for date, turn, _ in found
            if date < context.call_date and (own_words or not _RECURRING.search(turn.plain))
        ]
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
