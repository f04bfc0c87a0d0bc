"""Category, complaint, resolution and the date of the problem of an English call, from cue
lists (pipeline/nlp/data/*_en.txt) with the same label definitions as the Korean set.

The customer's first turns say why they call, so they weigh double for the category; the
resolution is read from the agent's words after the problem is told: a hand-off to a team that
decides is escalated, a committed next step is pending, a change made in the call is resolved,
and a customer who will think it over (with nothing booked) is unresolved.
"""

from __future__ import annotations

import re
from collections import Counter

from models.note import Category, Resolution
from models.transcript import Role
from pipeline.extract.context import Found
from pipeline.extract.english_call import EnglishCall, EnTurn, cue_table
from pipeline.extract.label_models import ENGLISH_RULE_WEIGHT, LabelModel, blend
from pipeline.normalize.dates_en import DateSpan, period_spans

_EARLY_CUSTOMER_TURNS = 3
COMPLAINT_THRESHOLD = 2.0

_ESCALATED = re.compile(
    r"\b(?:(?:sending|send|sent|passing|pass|passed|escalat\w+|raising|raise|raised|referring|refer|"
    r"forwarding|transfer\w*|putting it through|put it through)\b[^.]{0,60}?\b(?:team|department|"
    r"manager|supervisor|specialists?|partner|carrier|courier)|(?:disputes?|review|development|dev|"
    r"engineering|escalations?|fraud|claims|complaints?) team (?:will|to|is going to|'ll|usually|"
    r"handles?|reviews?|decides?|investigat\w+)|can't (?:approve|override|authori[sz]e)|"
    r"more than i can approve|raised (?:it|this) (?:with|to)|"
    # Another team has the decision: "our trust and safety team has to verify ownership and
    # approve", "has to go to our billing review team for approval", "a case with our customer
    # relations team", "sent it to billing review".
    r"(?:our|the) (?:[a-z]+ ){1,4}team (?:has to|have to|needs? to|must|will need to) "
    r"(?:verify|approve|review|decide|investigate|sign off)|"
    r"(?:has to|have to|needs? to|will) go (?:over )?to (?:our|the) (?:[a-z]+ ){0,3}(?:team|department)|"
    r"case with (?:our|the) (?:[a-z]+ ){0,3}team|"
    r"(?:sent|send|sending|passed) (?:it |this )?(?:over )?to (?:our |the )?(?:[a-z]+ )?review\b|"
    # A partner holds the decision: "a goodwill claim with their customer relations … they'll
    # decide on it", "it's their decision whether they reimburse it".
    r"(?:they'll|they will|who'll|who will) (?:decide|make (?:a|the) decision)|"
    # Someone else decides, said of them: "the complaints officer for the district will look
    # into it and decide what happens", "they make the decision", "they're the ones who decide".
    r"(?:officer|team|manager|supervisor|department|panel|board|committee|underwriters?|specialists?)"
    r"(?: (?:for|of|in|at) (?:the |our )?[a-z]+)? (?:will|'ll|is going to|are going to) (?:[a-z]+ ){0,6}?"
    r"(?:decide|make (?:a|the) decision)|they make the decision|(?:they're|they are) the ones (?:who|that) decide|"
    r"(?:it's|it is) (?:their|the manufacturer's|the insurer's|the partner's) (?:decision|call)|"
    # "i can't reverse a charge from the property myself … they make that decision".
    r"they make (?:that|this|those) decisions?|can't (?:reverse|refund|waive|remove|cancel) (?:a |the |that |this )?"
    r"(?:charge|fee|fine|bill)s? (?:[a-z]+ ){0,4}myself)"
)
# "it hasn't been sent over to our payments team yet": a hand-off that did not happen is the
# problem the caller rings about, not what the agent did.
_NOT_DONE = re.compile(r"\b(?:hasn't|has not|haven't|wasn't|was not|hadn't|never|not) (?:been |yet )?(?:\w+ )?$")
_PENDING = re.compile(
    r"\b(?:i'll (?:call|ring|email|e-mail|text|send|get back|contact|mail|post)|we'll (?:call|email|send|"
    r"contact|ship|refund)|they(?:'ll| will| normally| usually) (?:call|contact|come|get back|review|"
    r"collect|pick|send|restore|email)|technician will|engineer will|courier will|booked|"
    r"i've booked|booking you|once (?:we|they) (?:receive|get|have)|when we receive|you'll need to|"
    r"you need to (?:send|upload|sign|return)|"
    # Someone else's next step, in the future or the plan's present: "a depot supervisor will
    # call you", "the driver goes back tomorrow the supervisor calls you by wednesday".
    r"(?:supervisor|manager|driver|team|depot|they) (?:will|'ll) (?:call|ring|contact|email|text) you|"
    r"(?:calls|rings|emails|texts) you (?:by|on|tomorrow)|"
    # A replacement on its way: "we're sending the correct tablets out … by courier tomorrow
    # morning", "the pharmacist will also call you tomorrow afternoon".
    r"(?:we're|we are) (?:sending|shipping|posting|couriering|dispatching)\b|by courier (?:tomorrow|on|next|this)|"
    r"[a-z]+ (?:will|'ll) also (?:call|ring|contact|email|text) you|(?:goes|comes) back (?:tomorrow|on)|takes? (?:three|five|seven|ten|"
    r"\w+) (?:to \w+ )?(?:business |working )?days|trace|within (?:\w+ ){1,2}(?:hours|days))"
)
_RESOLVED = re.compile(
    r"\b(?:that's (?:done|updated|all done|been done|changed|sorted)|it's (?:done|updated|showing|"
    r"unlocked|reset|changed|been changed|been updated)|all set|you're set|both are updated|"
    r"i've (?:updated|changed|reset|unlocked|refunded|issued|processed|applied|credited|corrected|"
    r"cancelled|removed|added|moved|rescheduled|rebooked|exchanged|swapped)|payment (?:is )?complete|"
    r"is now (?:unlocked|active|updated|changed)|(?:that|it|the payment)(?:'s| has)? (?:went|gone) through|"
    r"can you (?:see|log in)|you should be able to (?:log|see)|"
    # The change reported as done: "the address is updated for your account", "okay that's
    # processed the refund is issued", "your plan now shows as free", "i can put them through now".
    r"(?:address|details|number|email|account|refund|order|card|plan) (?:is|are|has been|have been) "
    r"(?:now )?(?:updated|changed|processed|issued|placed|cancelled|removed)|"
    r"that's (?:processed|placed|gone through|been processed|been placed)|now shows as|"
    r"i have (?:updated|changed|cancelled|ordered|refunded|issued|processed|removed)|"
    r"(?:i can|i'll|let me) put (?:them|it|that|this|those) through (?:now|for you)|"
    r"(?:so )?(?:your|the) order (?:reference|number) is|"
    # A change put in place in the call: "alright i've put the freeze on from june first",
    # "i've placed that for you"; a note put on the account changes nothing.
    r"i've (?:put|placed|set) (?:the|your|a|that|it|this) (?!notes?\b|comments?\b|flags?\b|reminders?\b)(?:[a-z]+ )?(?:on|through|in place|up|for you)\b|"
    r"i've placed (?:that|it|the order|your order)|"
    # A purchase paid for in the call: "i can see that ninety euro received and one golf bag
    # added to both flights".
    r"(?:payment|euros?|dollars|pounds|bucks) (?:is |has been |was )?received|"
    r"(?:added|applied) (?:to|on) (?:your|the|both) (?:booking|account|order|flights?|reservation|plan|policy))"
)
# A waiting time said with the change done ("ordered a new one it takes seven to ten business
# days", "the refund is issued … can take up to ten business days"): a routine step that
# remains, not a pending outcome.
_ROUTINE_WAIT = re.compile(
    r"\b(?:takes?|can take|should take) (?:up to |about |around )?(?:\w+ )?(?:to \w+ )?(?:business |working )?days|"
    r"should (?:have|see|get) it by|within (?:\w+ ){1,2}(?:business |working )?days"
)
_UNDECIDED = re.compile(
    r"\b(?:have a think|think about it|think it over|talk (?:it over )?(?:to|with) (?:my|her|him)|"
    r"speak to (?:my|the|her|him)|i don't know|not sure|let me (?:talk|think|check with)|"
    r"(?:i'll|i will) (?:call|ring) (?:you )?back|need to (?:talk|speak) to|i'll just look|i'd have to talk|"
    # "i will discuss with my wife": the decision is talked over at home first.
    r"discuss (?:it |this )?with (?:my|her|his))"
)


def _score(table: str, turns: tuple[EnTurn, ...], early: int) -> Counter[str]:
    scores: Counter[str] = Counter()
    for number, turn in enumerate(turns):
        boost = 2.0 if number < early else 1.0
        for label, weight, pattern in cue_table(table):
            if pattern.search(turn.text):
                scores[label] += weight * boost
    return scores


def category(call: EnglishCall, complaint: bool) -> Found[Category]:
    customer = call.by(Role.CUSTOMER)
    scores = _score("category_cues_en", customer, _EARLY_CUSTOMER_TURNS)
    if not scores:
        return Found(Category.OTHER, (), 0.2)
    label, best = scores.most_common(1)[0]
    if label == "complaint" and not complaint:
        label = next((k for k, _ in scores.most_common() if k != "complaint"), "other")
    total = sum(scores.values())
    evidence = tuple(t for t in customer[:_EARLY_CUSTOMER_TURNS])
    return Found(Category(label), evidence, round(min(0.9, best / total), 2))


def blended_category(
    call: EnglishCall, complaint: bool, model: LabelModel, features: list[str]
) -> Found[Category]:
    """The learned model's probabilities over the call's words blended with the cues' shares
    of the cue score, as the Korean category is: the cues were written from a few authors'
    words, the model has read every dev call."""
    ruled = category(call, complaint)
    scores = _score("category_cues_en", call.by(Role.CUSTOMER), _EARLY_CUSTOMER_TURNS)
    said = {k: v for k, v in scores.items() if v > 0 and (complaint or k != "complaint")}
    total = sum(said.values()) or 1.0
    best, sure = blend(model, features, {k: v / total for k, v in said.items()}, ENGLISH_RULE_WEIGHT)
    if best == ruled.value.value:
        return Found(ruled.value, ruled.turns, round(max(ruled.confidence, sure), 2))
    evidence = call.by(Role.CUSTOMER)[:_EARLY_CUSTOMER_TURNS]
    return Found(Category(best), evidence, round(min(0.9, sure), 2))


def complaint(call: EnglishCall) -> Found[bool]:
    turns = []
    total = 0.0
    weak_seen: set[str] = set()
    for turn in call.by(Role.CUSTOMER):
        for _, weight, pattern in cue_table("complaint_cues_en"):
            if pattern.search(turn.text):
                # A weak cue ("again", "twice") repeated is one fact told twice ("charged
                # twice" … "i called the hotel twice"), not a second grievance.
                if weight < COMPLAINT_THRESHOLD and pattern.pattern in weak_seen:
                    continue
                weak_seen.add(pattern.pattern)
                total += weight
                turns.append(turn)
                break
    value = total >= COMPLAINT_THRESHOLD
    return Found(value, tuple(turns) if value else (), 0.7 if value else 0.6)


def resolution(call: EnglishCall) -> Found[Resolution]:
    agent = call.by(Role.AGENT)
    body = agent[1:]  # the greeting says nothing about the outcome
    for pattern, label in ((_ESCALATED, Resolution.ESCALATED),):
        hits = tuple(
            t for t in body
            if any(not _NOT_DONE.search(t.text[: m.start()]) for m in pattern.finditer(t.text))
        )
        if hits:
            return Found(label, hits[:3], 0.6)
    undecided = tuple(t for t in call.by(Role.CUSTOMER)[2:] if _UNDECIDED.search(t.text))
    pending = tuple(t for t in body if _PENDING.search(t.text) and not _only_routine_wait(t))
    resolved = tuple(t for t in body if _RESOLVED.search(t.text))
    if undecided and not resolved:
        return Found(Resolution.UNRESOLVED, undecided[:3], 0.5)
    # Done after the last promise: "that takes three to five business days or store credit
    # right away" / "okay done it's showing on your account now".
    if pending and not (resolved and resolved[-1].index > pending[-1].index):
        return Found(Resolution.PENDING, pending[:3], 0.5)
    if resolved:
        return Found(Resolution.RESOLVED, resolved[:3], 0.6)
    return Found(Resolution.UNRESOLVED, (), 0.3)


def _only_routine_wait(turn: EnTurn) -> bool:
    """The turn's only promise is how long a change made in it takes to arrive."""
    if not _RESOLVED.search(turn.text):
        return False
    return all(_ROUTINE_WAIT.match(turn.text, m.start()) for m in _PENDING.finditer(turn.text))


# "she left about three weeks ago": a count of weeks said as a guess.
_HEDGED = re.compile(r"\b(?:about|around|like|roughly|maybe|almost|nearly|over)\s+$")
_BIRTH_DATE = re.compile(r"^\s*(?:nineteen|twenty|19\d\d|20\d\d)\b")
# "your contract ended on the fifteenth so you're free to upgrade": the end of a term is no problem.
_NOT_A_PROBLEM_DATE = re.compile(
    r"\b(?:birth|born|since (?:twenty|nineteen)|registered|due|renew|"
    r"(?:contract|term|minimum term|agreement) (?:ended|ends|expired|expires|finished|ran out))\b|"
    # "i saw it on my bank app this morning": when the caller found the problem, not its day.
    r"\b(?:saw|noticed|spotted|seen|found) (?:it|that|this)(?: [a-z]+){0,5}\s*$"
)


# "it came back yesterday afternoon but it went off saturday morning", "it was cleared yesterday":
# the day a problem ended is not the day it happened.
_PROBLEM_ENDED = re.compile(
    r"\b(?:came back|come back|back on|back up|working again|fixed|restored|cleared|resolved|sorted|"
    r"reconnected)(?: [a-z]+){0,2}\s*(?:on |at )?(?:the )?$"
)
# "i rented a car from you at the orlando airport from the third to the tenth": the days a
# rental, stay or booking ran are a period of the service, not the day of a problem.
_SERVICE_PERIOD = re.compile(
    r"\b(?:rented|hired|stayed|booked|rental|hire|stay|holiday|trip)\b[a-z' ]{0,60}\bfrom\s+"
    r"(?:(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:to|till|until)\s+)?$"
)


def _echoes_plan(call: EnglishCall, turn: EnTurn, span: object) -> bool:
    """'friday from two okay', 'right wednesday okay': a caller repeating the weekday of the day
    the agent has just offered accepts the plan; the bare weekday is that coming day, not a
    past one."""
    said = turn.text[span.start : span.end]  # type: ignore[attr-defined]
    previous = call.previous(turn)
    if turn.role is not Role.CUSTOMER or previous is None or previous.role is not Role.AGENT:
        return False
    if not re.fullmatch(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?", said):
        return False
    return any(
        d.date >= call.call_date and d.date.weekday() == span.date.weekday()  # type: ignore[attr-defined]
        for d in previous.dates
    )


# "i rang last tuesday", "i emailed on the nineteenth and again on saturday", "i reported a claim
# on monday": the caller's own contact about the problem, after it happened.
_CONTACT = re.compile(
    r"\b(?:i|we|i've|we've)\s+(?:\w+\s+)?(?:emailed|called|rang|phoned|wrote|reported|contacted|messaged|"
    r"chatted|complained)\b[a-z' ]{0,40}$"
)
# "would you like to move the appointment to another day", "exchange them for another date":
# a booking moved to another day; the reason it must move is no problem with the service.
_RESCHEDULE = re.compile(
    r"\b(?:move|moving|change|changing|exchange|swap) (?:the |my |your |it |them |this )?(?:\w+ )?"
    r"(?:appointment|booking|test|visit|session|tickets?|reservation)?\s*(?:to|for) (?:another|a different|a later|"
    r"an earlier) (?:date|day|time|show|night)|\breschedul\w+|\bmove (?:the|my|your) (?:\w+ )?(?:appointment|test|visit|session)"
)
# "posted january ninth and an identical one posted january twelfth", "the charge date which
# was the tenth": when a disputed charge was made.
_CHARGE = re.compile(r"\b(?:charged?|charges|posted|billed|debited|charge date)\b[a-z' ]{0,25}$")
_DUPLICATE = re.compile(r"\b(?:identical|duplicate|second|another|extra|same) (?:one|charge)\b[a-z' ]{0,25}$")
# "when did it go" / "on saturday": the agent asks when it happened and the caller answers.
_ASKS_WHEN = re.compile(r"\bwhen (?:did|was|were|has|had|exactly did)\b")


def _reschedule(call: EnglishCall) -> bool:
    return any(_RESCHEDULE.search(t.text) for t in call.turns[: max(8, len(call.turns) // 2)])


def _charge_date(call: EnglishCall) -> Found[object]:
    """The day a disputed charge was made, the duplicate's where one is; from either party."""
    best: tuple[int, EnTurn, DateSpan] | None = None
    for turn in call.turns:
        for span in turn.dates:
            before = turn.text[max(0, span.start - 45) : span.start]
            rank = 2 if _DUPLICATE.search(before) else 1 if _CHARGE.search(before) else 0
            if rank and _problem_date(call, turn, span) and (best is None or rank > best[0]):
                best = (rank, turn, span)
    return Found(best[2].date, (best[1],), 0.5) if best else Found(None)


def _answered_when(call: EnglishCall) -> Found[object]:
    for turn in call.by(Role.CUSTOMER):
        previous = call.previous(turn)
        if previous is None or previous.role is not Role.AGENT or not _ASKS_WHEN.search(previous.text):
            continue
        span = next((s for s in turn.dates if _problem_date(call, turn, s)), None)
        if span is not None:
            return Found(span.date, (previous, turn), 0.5)
    return Found(None)


def occurred_on(call: EnglishCall, category_value: Category) -> Found[object]:
    """When the problem happened: the first past date the customer gives for it, or the day
    in a period the customer names ("the week before last") that the call gives, else the first
    date the agent finds. None for plain questions; a cancellation has a date only when the
    caller dates what made them call ("the renewal came at the end of last month")."""
    if category_value is Category.PRODUCT_INQUIRY:
        return Found(None)
    if category_value in (Category.OTHER, Category.EXCHANGE) and _reschedule(call):
        return Found(None)
    if category_value is Category.BILLING:
        charged = _charge_date(call)
        if charged.value is not None:
            return charged
    exact = category_value is not Category.CANCELLATION
    if not exact:
        answered = _answered_when(call)
        if answered.value is not None:
            return answered
    for turn in call.by(Role.CUSTOMER):
        if exact:
            span = next((s for s in turn.dates if _problem_date(call, turn, s)), None)
            if span is not None:
                return Found(span.date, (turn,), 0.5)
        anchored = _day_in_named_period(call, turn)
        if anchored.value is not None:
            return anchored
    # An order is a request, not a problem: the day the agent finds ("it came in on friday")
    # is when the goods moved; only a day the caller gives dates what went wrong.
    if exact and category_value is not Category.ORDER:
        for turn in call.by(Role.AGENT):
            span = next((s for s in turn.dates if _problem_date(call, turn, s)), None)
            if span is not None:
                return Found(span.date, (turn,), 0.5)
    return Found(None)


def _problem_date(call: EnglishCall, turn: EnTurn, span: DateSpan) -> bool:
    if span.deadline or span.date > call.call_date or _echoes_plan(call, turn, span):
        return False
    if _BIRTH_DATE.match(turn.text[span.end :]) or _NOT_A_PROBLEM_DATE.search(
        turn.text[max(0, span.start - 30) : span.start]
    ):
        return False
    if turn.role is Role.CUSTOMER and _CONTACT.search(turn.text[max(0, span.start - 60) : span.start]):
        return False
    if _PROBLEM_ENDED.search(turn.text[max(0, span.start - 40) : span.start]) or _SERVICE_PERIOD.search(
        turn.text[max(0, span.start - 90) : span.start]
    ):
        return False
    said = turn.text[span.start : span.end]
    # "yeah i can do it tonight": the caller's plan for today is no problem either.
    if span.date == call.call_date and (
        turn.role is Role.AGENT or not re.search(r"\b(?:this morning|today|tonight)\b", said)
        or re.search(r"\b(?:can|could|will|'ll|going to|gonna)\b(?: [a-z']+){0,4}\s*$", turn.text[: span.start])
    ):
        return False
    # "a couple weeks ago", "about three weeks ago", "a month ago": no date a note can record;
    # "a week ago", "a fortnight ago" count back a fixed number of days.
    return not (
        re.match(r"(?:a couple|a few|some)\b|an? (?!week|fortnight)", said) or _HEDGED.search(turn.text[: span.start])
    )


def _day_in_named_period(call: EnglishCall, turn: EnTurn) -> Found[object]:
    """'i had my car in with you the week before last' / 'it came in on wednesday the
    sixteenth': the first exact day inside the caller's period said from the turn before on."""
    for first, last in period_spans(turn.text, call.call_date):
        # The agent's question just before counts: "the renewal notice went out on the
        # twenty eighth of august" / "yeah end of last month it came".
        for later in call.turns[max(0, turn.index - 1) :]:
            for span in later.dates:
                if first <= span.date <= last and not span.deadline and _problem_date(call, later, span):
                    return Found(span.date, (turn, later), 0.5)
    return Found(None)
