"""The free-text fields of an English note: actions taken, follow-ups, desired outcome,
purpose, issue summary, status and summary.

Sentences are built from the call's own clauses, cut at the words that join clauses in speech
("so", "and then", "because"), put in the third person ("my order" → "the customer's order")
and written out (dates ISO, spelled codes canonical, amounts with their currency), so that every
fact in them was said in the call. Templates only frame them ("Wants …", "Opened …"): a template
that adds words nobody said would be a judgment or a placeholder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from models.note import Category, FollowUp, Owner, Resolution
from models.transcript import Role
from pipeline.extract.context import Found
from pipeline.extract.english_call import EnglishCall, EnTurn, action_verbs
from pipeline.normalize.english import (
    Span,
    cardinal_spans,
    decimal_spans,
    email_spans,
    price_spans,
    street_addresses,
    time_spans,
)

MAX_CLAUSE_WORDS = 16
MAX_ACTIONS = 6
MAX_FOLLOW_UPS = 3

# Where one spoken clause ends and the next begins.
_BOUNDARY = re.compile(
    r"\s+(?:so that|so|and then|and i'll|and i|and you|and they|and it|and that|and we|but|because|"
    r"which|while|if|okay|alright|then|it should|it'll|that takes|that usually|that's|"
    r"you'll|they'll|they|please|in the meantime|once|when|since|or i|is there|yeah|yes|sorry|"
    r"i'm sorry|can i|can you|do you|what's|i|i'm|i've|i'd|i'll|we're|it's|there's)\b(?!')"
)
_FILLERS = re.compile(r"\b(?:um|uh|er|erm|like|you know|i mean|basically|honestly|actually|just|the um|the uh)\b\s*")
_CURRENCY = {"dollars": "$", "dollar": "$", "bucks": "$", "pounds": "£", "pound": "£", "euros": "€", "euro": "€"}


@dataclass(frozen=True)
class Draft:
    text: str
    turn: EnTurn


def note_date(day: dt.date) -> str:
    """'8 March': how English notes write a day (the year is the call's)."""
    return f"{day.day} {day:%B}"


def written(turn: EnTurn, start: int, end: int) -> str:
    """The turn's words from ``start`` to ``end`` with dates, codes and amounts written out."""
    replacements: list[tuple[int, int, str]] = []
    for span in turn.dates:
        # "within five business days" is a deadline: "by 2026-11-09", never "within 2026-11-09".
        within = re.search(r"\b(?:within|in|up to)\s+(?:about\s+)?$", turn.text[: span.start])
        if within and span.deadline:
            replacements.append((within.start(), span.end, f"by {note_date(span.date)}"))
        else:
            replacements.append((span.start, span.end, note_date(span.date)))
    for code in turn.codes:
        replacements.append((code.start, code.end, code.value))
    text = turn.text
    for mail in email_spans(text):
        replacements.insert(0, (mail.start, mail.end, mail.value))
    # "eight forty p m" also reads as a code (840PM), "two point nine nine" as three numbers.
    replacements[:0] = [(s.start, s.end, s.value) for s in (*time_spans(text), *decimal_spans(text))]
    replacements += _amounts(turn)
    for r_start, r_end, _ in replacements:  # a clause never ends inside a code, an address or an amount
        if r_start < end < r_end:
            end = r_end
    for number in cardinal_spans(text):
        if number.value != "1" and int(number.value) > 1 or re.match(r"\s+won\b", text[number.end :]):
            replacements.append((number.start, number.end, number.value))
    out, cursor = [], start
    for r_start, r_end, value in sorted(_disjoint(replacements)):
        if r_start < start or r_end > end:
            continue
        out.append(text[cursor:r_start])
        out.append(value)
        cursor = r_end
    out.append(text[cursor:end])
    return re.sub(r"\s+", " ", "".join(out)).strip()


_CENTS = re.compile(r"\s+(?:and\s+)?(?P<cents>[a-z]+(?: [a-z]+)?)(?:\s+(?:cents|pence|p)\b)?")


def _amounts(turn: EnTurn) -> list[tuple[int, int, str]]:
    """Amounts with their currency: 'one eighty six forty' → $186.40, 'seventy one dollars and
    ninety four cents' → $71.94, 'four hundred and twelve pounds sixty seven' → £412.67."""
    text = turn.text
    found = [(p.start, p.end, f"{turn.currency}{p.value}") for p in price_spans(text)]
    numbers = cardinal_spans(text)
    for number, following in zip(numbers, [*numbers[1:], None]):
        unit = re.match(r"\s+(dollars?|bucks|pounds?|euros?)\b", text[number.end :])
        sign = _CURRENCY[unit.group(1)] if unit else turn.currency
        end = number.end + (unit.end() if unit else 0)
        cents = _cents_after(text, end, following)
        if cents and (unit or int(number.value) >= 100):
            found.append((number.start, cents[1], f"{sign}{number.value}.{cents[0]}"))
        elif unit:
            found.append((number.start, end, f"{sign}{number.value}"))
    return found


def _cents_after(text: str, end: int, following: Span | None) -> tuple[str, int] | None:
    """The cents said after an amount ('… and thirty eight cents', '… sixty seven')."""
    if following is None or not 10 <= int(following.value) < 100:
        return None
    match = _CENTS.match(text, end)
    if match is None or end + len(match.group()) < following.end or match.start("cents") != following.start:
        return None
    return following.value, match.end() if match.end() >= following.end else following.end


def _disjoint(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in spans:  # dates first, then codes, then amounts: the first reading wins
        if not any(span[0] < k[1] and k[0] < span[1] for k in kept):
            kept.append(span)
    return kept


def clause_end(text: str, start: int, most: int = MAX_CLAUSE_WORDS) -> int:
    """Where the clause that starts at ``start`` ends: a joining word or ``most`` words on."""
    boundary = _BOUNDARY.search(text, start + 1)
    end = boundary.start() if boundary else len(text)
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > most:
        end = start + words[most - 1].end()
    return end


_THIRD_PERSON = (
    (r"\bi'm\b", "the customer is"),
    (r"\bi've\b", "the customer has"),
    (r"\bi'd\b", "the customer would"),
    (r"\bi'll\b", "the customer will"),
    (r"\bi was\b", "the customer was"),
    (r"\bi\b", "the customer"),
    (r"\bmy\b", "the customer's"),
    (r"\bmine\b", "the customer's"),
    (r"\bme\b", "the customer"),
    (r"\bmyself\b", "the customer"),
)
_AGENT_VIEW = (
    (r"\byou're\b", "the customer is"),
    (r"\byou've\b", "the customer has"),
    (r"\byour\b", "the customer's"),
    (r"\byou\b", "the customer"),
    (r"\bwe've\b", "the company has"),
    (r"\bour\b", "the company's"),
    (r"\bus\b", "the company"),
    (r"\bwe\b", "the company"),
)


_AGREEMENT = {
    "want": "wants", "need": "needs", "have": "has", "don't": "doesn't", "haven't": "hasn't",
    "think": "thinks", "work": "works", "live": "lives", "use": "uses", "do": "does",
    "can't": "cannot", "am": "is", "were": "was", "get": "gets", "know": "knows", "see": "sees",
}


def third_person(text: str, role: Role) -> str:
    rules = _THIRD_PERSON if role is Role.CUSTOMER else _AGENT_VIEW
    for pattern, replacement in rules:
        text = re.sub(pattern, replacement, text)
    # "the customer want" → "the customer wants": the subject is now third person singular.
    text = re.sub(
        r"\bthe customer (\S+)",
        lambda m: f"the customer {_AGREEMENT.get(m.group(1), m.group(1))}",
        text,
    )
    text = _FILLERS.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,")
    # A clause cut by a joining word leaves it dangling: "offered it as store credit and".
    return _DANGLING.sub("", text)


_DANGLING = re.compile(
    r"(?:\s+(?:and|or|so|but|the|a|an|to|of|with|for|in|on|at|is|was|that|this|there's|it's|from|"
    r"yeah|yes|okay|then|like|about|by|if|can|could|would|will|do|does|did|be|have|has|just))+$"
)


def sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


# --- actions taken ----------------------------------------------------------------------------


@cache
def _action_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every form of every action verb, and the past tense each form is written in."""
    verbs = action_verbs()
    forms: dict[str, str] = {}
    for base, past in verbs.items():
        forms[base] = past
        forms[past] = past
        for ing in (base + "ing", base[:-1] + "ing", base + base[-1] + "ing"):
            forms[ing] = past
    alternation = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return re.compile(
        r"\b(?:i've|i have|i|i'm|i am|i'm going to|i'm gonna|i am going to|let me|i'll go ahead and|"
        r"i'll just|i'll also|i'll|(?:first|next) thing (?:i'm|i am) (?:doing|going to do) is)\s+(?:also\s+|just\s+|now\s+|already\s+|gone ahead and\s+|"
        r"going to\s+|gonna\s+|go ahead and\s+)*(?P<verb>" + alternation + r")\b"
    ), forms


_FUTURE_ONLY = re.compile(r"^i'll\s+(?:also\s+)?(?:call|email|e-mail|send|text|mail|ring|get back|contact|check)")


_VERIFIED = re.compile(
    r"\b(?:you(?:'re| are) verified|for verification|to verify (?:your identity|you|can i)|"
    r"security questions?|date of birth|social security number|verify your identity)\b"
)
_DONE_STATE = re.compile(
    r"\b(?:that's|it's|okay that's|both are|that is) (?P<verb>updated|changed|booked|cancelled|unlocked|reset|"
    r"processed|refunded|corrected|frozen|closed)\s+(?:now\s+)?(?P<what>(?:on|for|in|to)\b.*)"
)
_REFERENCED = re.compile(r"^(?:Opened|Raised|Sent|Booked|Escalated|Lodged|Filed|Created|Submitted|Refunded|Issued)\b")


def _verification(call: EnglishCall) -> list[Draft]:
    """The agent checked who is calling: notes record it, without the numbers."""
    turns = [t for t in call.by(Role.AGENT)[:8] if _VERIFIED.search(t.text)]
    return [Draft("Verified the customer's identity", turns[0])] if turns else []


def _with_reference(call: EnglishCall, draft: Draft, used: set[str]) -> Draft:
    """'Opened a trace with the carrier' + 'the reference for that is t r four four nine one'
    said next: the note names the trace by its reference."""
    if not _REFERENCED.match(draft.text):
        return draft
    for turn in call.turns[draft.turn.index : draft.turn.index + 4]:
        for code in turn.codes:
            if code.value in draft.text or code.value in used or code.value.isdigit():
                continue
            before = turn.text[max(0, code.start - 40) : code.start]
            if re.search(r"\b(?:reference|ref|case|ticket|claim|dispute|complaint|request|trace)\b", before):
                used.add(code.value)
                return Draft(f"{draft.text} ({code.value})", draft.turn)
    return draft


@dataclass(frozen=True)
class Record:
    """A value the note already extracted (an order number, the caller's e-mail) and the turn
    it was said in: the agent checked or took it down, and the note says so by its value."""

    kind: str
    value: str
    turn: EnTurn


def actions_taken(call: EnglishCall, records: Sequence[Record] = ()) -> Found[list[str]]:
    """Every distinct thing the agent did, found, explained or offered, one entry per agent turn
    part, in call order; the most telling ones kept within the length a note gives them."""
    drafts = _verification(call) + _done_states(call)
    for turn in call.by(Role.AGENT)[1:]:
        for draft in _turn_actions(turn):
            if not any(_repeats(draft.text, d.text) for d in drafts):
                drafts.append(draft)
    used: set[str] = set()
    drafts = [_with_reference(call, d, used) for d in drafts]
    drafts = _within_budget(drafts + _records_taken(records, " ".join(d.text for d in drafts)))
    return Found([d.text for d in drafts], tuple(d.turn for d in drafts), 0.5 if drafts else 0.0)


def _done_states(call: EnglishCall) -> list[Draft]:
    """'okay that's updated on the order': a change said as a state, not as 'i updated'."""
    drafts = []
    for turn in call.by(Role.AGENT):
        match = _DONE_STATE.search(turn.text)
        if match:
            end = clause_end(turn.text, match.start("what"), most=10)
            what = agent_clause(written(turn, match.start("what"), end))
            what = re.sub(r"^(?:on|for|in)\s+", "", what)
            drafts.append(Draft(sentence(f"{match['verb']} {what}"), turn))
    return drafts


_RECORD_WORDS = {
    "order": "order", "account_id": "account", "contract": "contract", "policy": "policy",
    "invoice": "invoice", "model": "model", "serial": "serial", "tracking": "tracking number",
    "customer_id": "customer number", "other": "reference",
}
_CONTACT_WORDS = {"phone": "phone number", "email": "e-mail", "address": "address"}
_NEW_DETAIL = re.compile(r"\b(?:new|moved|update|updated|change|changed|different|instead)\b")


def _records_taken(records: Sequence[Record], said: str) -> list[Draft]:
    """'Checked order BC-774021', 'Gave reference EX9031', 'Confirmed the contact details:
    e-mail …': the extracted values the actions do not name yet, one entry per use."""
    fresh = [r for r in records if r.value not in said]
    checked = [r for r in fresh if r.kind in _RECORD_WORDS]
    given = [r for r in fresh if r.kind == "ticket"]
    contact = [r for r in fresh if r.kind in _CONTACT_WORDS]
    drafts = []
    if checked:
        listed = " and ".join(f"{_RECORD_WORDS[r.kind]} {r.value}" for r in checked[:3])
        drafts.append(Draft(f"Checked {listed}", checked[0].turn))
    if given:
        drafts.append(Draft(f"Gave reference {', '.join(r.value for r in given[:2])}", given[0].turn))
    if contact:
        verb = "Updated" if any(_NEW_DETAIL.search(r.turn.text) for r in contact) else "Confirmed"
        listed = ", ".join(f"{_CONTACT_WORDS[r.kind]} {r.value}" for r in contact)
        drafts.append(Draft(f"{verb} the contact details: {listed}", contact[0].turn))
    return drafts


MAX_PART_WORDS = 24
ACTION_WORD_BUDGET = 80
# Words a turn opens with that carry nothing: acknowledgements, apologies, the caller's name.
_TURN_OPENING = re.compile(
    r"^(?:(?:okay|ok|alright|all right|right|so|well|oh|ah|yes|yeah|yep|no|sure|great|perfect|lovely|"
    r"brilliant|grand|cool|thanks|thank you|of course|no problem|no worries|i understand|understood|"
    r"gotcha|got it|i'm (?:so |really |very )?sorry(?: to hear that| about that| for that)?|that's right|"
    r"(?:mister|mrs|ms|miss|mr|dr) [a-z]+|and|um|uh|hmm|bear with me|one (?:second|moment)|"
    r"let me (?:see|check|have a look|take a look|look|pull (?:that|it) up)(?: at that| for you)?)\b\s*)*"
)
# A question to the caller ends what the agent reports: "… can i get a good number to reach you".
_QUESTION_TAIL = re.compile(
    r"(?:^|\s+)(?:can i|could i|may i|can you|could you|do you|did you|would you|will you|is there|are you|"
    r"have you|what's|what is|is that|does that|shall i|should i|how can i|anything else)\b.*$"
)
_CLOSING = re.compile(
    r"\b(?:have a (?:good|nice|great|lovely) (?:day|evening|afternoon|one|weekend)|for calling|take care|"
    r"you're welcome|bye)\b"
)
# Asides inside a turn: apologies, pauses, the caller's title.
_ASIDE = re.compile(
    r"\b(?:the agent (?:is|am) (?:so |really |very )?sorry(?: about that| for that)?|"
    r"give the agent a (?:sec|second|moment|minute)|bear with the agent(?: a (?:sec|second|moment|minute))?|(?:please )?hold (?:on )?(?:one|a) (?:moment|second|sec)|"
    r"one (?:moment|second|sec)|got it|thanks|thank the customer|sir|maam|ma'am|okay|alright|"
    r"good news|no problem|fair enough|done)\b\s*"
)
_SPELLED = re.compile(r"\b(?:[a-z] ){3,}")
# A number, address or name read back to the caller before the finding: not part of it.
_READ_BACK = re.compile(r"^(?:\S*\d\S*|\S+@\S+)(?:\s+and the customer's name)?(?:\s+|$)")
# Something worth a note: an amount, a date, a code, a count, or words of fees, rules and steps.
_INFORMATIVE = re.compile(
    r"\d|[$£€]|\b(?:fee|fees|cost|costs|charge|charged|price|refund|credit|include|includes|need|needs|"
    r"required|covered|cover|warranty|policy|deliver|delivery|visit|technician|cancel|option|offer|"
    r"review|approve|approved|limit|rate|percent|days?|weeks?|months?|hours?)\b"
)


def _turn_actions(turn: EnTurn) -> list[Draft]:
    """The agent's turn cut where each action verb starts ('… so i'm sending it to our billing
    disputes team'): the verb's clause in the past tense, and what the agent said before the
    first verb as a finding or an explanation."""
    pattern, forms = _action_pattern()
    text = turn.text
    begin = _TURN_OPENING.match(text).end()  # type: ignore[union-attr]
    tail = _QUESTION_TAIL.search(text, begin)
    end = tail.start() if tail else len(text)
    if _CLOSING.search(text):
        return []
    matches = [m for m in pattern.finditer(text, begin, end) if not _FUTURE_ONLY.match(m.group())]
    drafts = []
    first = matches[0].start() if matches else end
    said = _said_before(turn, begin, first)
    if said:
        drafts.append(Draft(said, turn))
    for n, match in enumerate(matches):
        stop = matches[n + 1].start() if n + 1 < len(matches) else end
        rest = agent_clause(written(turn, match.end("verb"), _cut(text, match.end("verb"), stop)))
        draft = sentence(f"{forms[match['verb']]} {rest}".strip())
        if len(draft.split()) >= 2:
            drafts.append(Draft(draft, turn))
    return drafts


def _said_before(turn: EnTurn, begin: int, end: int) -> str | None:
    """What the agent found or explained before any action verb, framed the way notes put it."""
    for pattern, verb in _TOLD:
        match = pattern.match(turn.text, begin, end) or pattern.search(turn.text, begin, end)
        if match and match.start("what") - begin < 40:
            what = agent_clause(written(turn, match.start("what"), _cut(turn.text, match.start("what"), end)))
            return f"{verb} {what}" if len(what.split()) >= 3 else None
    if _SPELLED.search(turn.text, begin, end) or street_addresses(turn.text[begin:end]):
        return None  # the caller's address or name read back letter by letter
    what = _READ_BACK.sub("", agent_clause(written(turn, begin, _cut(turn.text, begin, end))))
    if not _INFORMATIVE.search(what) or len(re.findall(r"[a-z]{3,}", what)) < 4:
        return None  # a read-back of a number or a name, no finding
    return f"Explained that {what}"


def _cut(text: str, start: int, stop: int) -> int:
    words = list(re.finditer(r"\S+", text[start:stop]))
    return start + words[MAX_PART_WORDS - 1].end() if len(words) > MAX_PART_WORDS else stop


_AGENT_SELF = (
    (r"\bi'm\b", "the agent is"),
    (r"\bi've\b", "the agent has"),
    (r"\bi'll\b", "the agent will"),
    (r"\bi'd\b", "the agent would"),
    (r"\bi\b", "the agent"),
    (r"\bme\b", "the agent"),
    (r"\bmyself\b", "the agent"),
    (r"\byou'd\b", "the customer would"),
    (r"\byou'll\b", "the customer will"),
)


def agent_clause(text: str) -> str:
    """An agent's words in the note's third person: 'i'll' → 'the agent will', 'your' → 'the
    customer's', 'our' → 'the company's'."""
    for pattern, replacement in _AGENT_SELF:
        text = re.sub(pattern, replacement, text)
    text = _ASIDE.sub("", third_person(text, Role.AGENT))
    return _DANGLING.sub("", text.strip()).strip()


def _repeats(text: str, earlier: str) -> bool:
    words, seen = _words(text), _words(earlier)
    return not words or len(words & seen) >= 0.8 * len(words)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9$£€.:-]{3,}", text.lower()) if w not in _PLAIN_WORDS}


_PLAIN_WORDS = frozenset("the and that for with customer customer's agent company company's".split())


def _within_budget(drafts: list[Draft]) -> list[Draft]:
    """The changes made first, then findings with numbers, then the rest, until the note's length
    for actions is used; shown in call order."""
    drafts = sorted(drafts, key=lambda d: d.turn.index)
    kept = _most_telling([d.text for d in drafts], ACTION_WORD_BUDGET)
    return [d for d in drafts if d.text in kept]


# What the agent found, offered or advised: notes record these as "Confirmed …", "Offered …",
# "Advised …" even though nothing in the account changed.
_TOLD = (
    (re.compile(r"\b(?:i can see|i see|i found|it looks like|it shows|it says)\s+(?:that\s+)?(?P<what>.+)"), "Confirmed"),
    (re.compile(r"\b(?:i can offer|i could offer|we can offer|we could|i can either|i can do|"
                r"there are (?:a couple|two|some) (?:other )?options?\b[^.]{0,20}?\bone is)\s+(?P<what>.+)"), "Offered"),
    (re.compile(r"\b(?P<what>(?:there's an?|there is an?|there'd be an?|you'd get|you would get|you'd pay|"
                r"the fee is|the annual fee is|it costs?)\s+.+)"), "Explained that"),
    (re.compile(r"\b(?:have you tried|i'd try|you could try|you can try|i'd recommend|we recommend|i'd suggest|"
                r"the first thing i'd try is|in the meantime you can)\s+(?P<what>.+)"), "Advised"),
)
MAX_TOLD = 4


def _told(call: EnglishCall) -> list[Draft]:
    drafts: list[Draft] = []
    for turn in call.by(Role.AGENT)[1:]:
        for pattern, verb in _TOLD:
            match = pattern.search(turn.text)
            if match is None:
                continue
            end = clause_end(turn.text, match.start("what"), most=12)
            what = third_person(written(turn, match.start("what"), end), Role.AGENT)
            if len(what.split()) >= 3:
                drafts.append(Draft(f"{verb} {what}", turn))
            break
    return drafts[:MAX_TOLD]


# --- follow-ups -------------------------------------------------------------------------------

_AGENT_PROMISE = re.compile(
    r"\b(?:i'll|i will|i'm going to|i am going to)\s+(?:also\s+|just\s+|personally\s+)?"
    r"(?P<what>(?:call|ring|email|e-mail|send|text|mail|post|contact|get back|update|let you know|"
    r"check|give you a (?:ring|call|bell))\b.*)"
)
_COMPANY_PROMISE = re.compile(
    r"\b(?P<who>they|she|he|the (?:\w+ ){0,2}(?:team|technician|engineer|courier|manager|carrier|handler|"
    r"department|adjuster|driver|supervisor|depot)|(?:our|a|an) (?:\w+ ){0,2}(?:team|technician|"
    r"engineer|courier|manager|driver|supervisor)|a technician|an engineer|someone)(?:'ll| will| should| "
    # "they aim to contact you within five working days": the team's own target date.
    r"usually| normally| is going to| are going to| can| aim to| try to| will aim to)?\s+(?:usually\s+|normally\s+|then\s+|also\s+)?"
    # "the driver will be asked to go back to the door": the company's step all the same.
    r"(?:be asked to\s+)?(?P<what>(?:call|contact|review|"
    r"come|visit|collect|pick|send|get back|reply|decide|make a decision|investigate|restore|check|"
    r"come back|go back|arrive|repair|fix|process|look at|assess|email|e-mail|text|be in touch)\b.*)"
    # "we're doing deliveries on wednesday", "we'll send the new one out": the company ships.
    r"|\b(?P<we>we)(?:'ll| will|'re| are)(?: going to)?\s+(?P<shipping>(?:deliver|ship|dispatch|"
    r"collect|doing deliveries|delivering|shipping|dispatching)\b.*)"
)
_CUSTOMER_TASK = re.compile(
    r"\b(?:you(?:'ll| will)? (?:need to|have to|must)|you can just|if you can|please|just|"
    r"you'd need to|you should|someone (?:will )?(?:needs? to|has to)|you'd)\s+(?P<what>(?:upload|send|"
    r"sign|return|call|ring|pay|update|plug|try|bring|post|email|e-mail|reply|keep|check|take|change|"
    r"turn on|confirm|mail|complete|contact|clear|pack|pop|don't|be (?:in|home|there|at home)|"
    # "if you want to cancel or take the quote you need to tell us by the twenty seventh".
    r"tell us|let us know)\b.*)"
)
_CUSTOMER_PROMISE = re.compile(
    r"\b(?:i'll|i will|i'm going to|let me|i can(?= do (?:that|it|this))|"
    # "can i think about it and ask her first", "so i gotta decide before the thirty first".
    r"can i(?= (?:think|talk|ask|check|speak|have a think))|(?<!do )(?<!should )(?<!would )i (?:gotta|have to|need to|must|'ve got to|have got to))"
    r"\s+(?:just\s+|also\s+)?"
    r"(?P<what>(?:call|ring|do|try|talk|upload|send|pay|check|get|speak|think|look|have a think|"
    r"have a chat|give you a (?:ring|call|bell)|sign|email|e-mail|reply|decide|ask)\b.*)"
)
# "can you upload photos … within five business days", "you can send it through secure message
# … by tomorrow at the latest": a request of the caller is a task when it has a deadline.
_DATED_REQUEST = re.compile(
    r"\b(?:can you|could you|you can)\s+(?:please\s+|also\s+|just\s+)?(?P<what>(?:upload|send|sign|return|"
    r"email|e-mail|post|reply|complete|submit|bring|get|call|ring|pay)\b.*)"
)
# "no nothing on your end just don't send out the current certificate": no task of the caller.
_NOTHING_FOR_CALLER = re.compile(r"\bnothing (?:on your (?:end|side)|you need to do|for you to do|needed from you)\b")
# An agent step done while the caller is still on the line: "i'll email the slip over to you now".
_RIGHT_NOW = re.compile(r"\b(?:now|right now|right away|straight away|while we're on the phone)\b")
# "it takes seven to ten business days so you should have it by july first": the company's
# delivery of what the agent did in the call.
_DELIVERY_WAIT = re.compile(
    r"\b(?:it |which |that )?(?:takes?|can take|should take)\s+(?:up to\s+)?(?:\w+\s+)?(?:to\s+\w+\s+)?"
    r"(?:business|working)\s+days\b|\byou should (?:have|get|receive|see) it (?:by|within)\b"
)
# "you'll also get a letter at the new address confirming the change": a mailing the company
# owes; "an email in the next few minutes" is sent during the call.
_COMPANY_MAILING = re.compile(
    r"\byou(?:'ll| will) (?:also )?(?:get|receive) (?P<what>(?:a|an) (?:letter|confirmation|card|pack|statement)\b.*)"
)
_OPTIONS = re.compile(r"\bor (?:i|you|we) (?:can|could)\b|\beither\b")
# Where the agent books the visit, collection or delivery the other steps lead up to.
_BOOKING = re.compile(r"\b(?:booked|book|booking|deliveries|delivered|collection|visit)\b")
_TEAM = re.compile(r"\b(?:our|the)\s+((?:[a-z]+\s+){0,2}(?:team|department|manager|carrier|courier))\b")


def _due(turn: EnTurn, start: int, call: EnglishCall) -> dt.date | None:
    """The first date said from the promise on, in its turn or in the other party's reply
    ("by friday" / "friday this week" / "yes this friday the ninth")."""
    previous = call.previous(turn)
    if turn.role is Role.CUSTOMER and previous is not None and previous.role is Role.AGENT:
        # "could you do that by tomorrow" / "yeah i can do it tonight": the caller takes on
        # the agent's deadline, however early they mean to do it.
        asked = [s for s in previous.dates if s.deadline and s.date >= call.call_date]
        said = [s for s in turn.dates if s.start >= start and s.date >= call.call_date]
        if asked and said and all(s.date <= asked[-1].date for s in said):
            return asked[-1].date
    ahead = [s for s in turn.dates if s.start >= start and s.date >= call.call_date]
    if ahead:
        return ahead[0].date
    behind = [s for s in turn.dates if s.date >= call.call_date and s.deadline]
    if behind:
        return behind[-1].date
    reply = call.following(turn)
    if turn.role is Role.CUSTOMER and reply is not None and reply.role is Role.AGENT:
        # "i'll ring shannon health and see" / "there's nothing you need to do with us until the
        # twenty ninth": the agent's reply sets the caller's deadline.
        deadlines = [s for s in reply.dates if s.date >= call.call_date and s.deadline]
        if deadlines:
            return deadlines[0].date
    return None


def _booked_day(call: EnglishCall, before: int) -> dt.date | None:
    """The day of the last visit, collection or delivery the agent booked up to turn ``before``
    ("you're booked for tuesday august eleventh", "that would be the eleventh")."""
    day = None
    for turn in call.by(Role.AGENT):
        if turn.index > before:
            break
        if _BOOKING.search(turn.text):
            days = [s.date for s in turn.dates if s.date > call.call_date and not s.deadline]
            day = days[0] if days else day
    return day


def _who(call: EnglishCall, turn: EnTurn, said: str) -> str:
    if said not in ("they", "she", "he"):
        return re.sub(r"^(?:our|the)\s+", "", said)
    for earlier in reversed(call.turns[max(0, turn.index - 6) : turn.index + 1]):
        team = _TEAM.findall(earlier.text)
        if team:
            return team[-1]
    return "the company"


def _follow_up(call: EnglishCall, turn: EnTurn, match: re.Match[str], owner: Owner) -> FollowUp:
    key = "what" if match["what"] else "shipping"
    end = clause_end(turn.text, match.start(key), most=12)
    what = third_person(written(turn, match.start(key), end), turn.role)
    # "give you a ring back", "doing deliveries in harrogate": the step as a verb of its own.
    what = re.sub(r"\bgive (?:you|them|the company|the customer) a (?:ring|call|bell)", "call", what)
    what = re.sub(r"^(?:doing deliveries|delivering)\b", "deliver", what)
    if owner is Owner.COMPANY:
        what = f"{_who(call, turn, match['who'] or 'the company')} to {what}"
    due = _due(turn, match.start(), call)
    if due is None and owner is not Owner.AGENT:
        # "the courier will text you that morning", "please don't run it": the day of the
        # booked visit or collection the step belongs to.
        due = _booked_day(call, turn.index)
    # "as soon as i have it by wednesday": the due date says when; "as soon as" only hedges it.
    what = re.sub(r"\s*\bas soon as\b.*$", "", what)
    if due is not None:  # the due date has its own field: the action says what, not when
        what = re.sub(rf"\s*\b(?:by|on|before|until)?\s*{note_date(due)}\b", "", what).strip()
        what = _DANGLING.sub("", what)
    return FollowUp(action=sentence(what), owner=owner, due=due)


_SUGGESTION = re.compile(
    r"\b(?:you can|you could|if you can|if you|you'll need to|you need to|i'd|you might want to|please)\s+"
    r"(?:also\s+|just\s+)?(?P<what>(?!help|see|do that)[a-z]+\b.*)"
)


def _agreed_step(call: EnglishCall, turn: EnTurn, step: FollowUp) -> FollowUp | None:
    """'i'll do that today' takes its action from the agent's suggestion just before; a bare
    'okay i'll do that' with no date and nothing to point at records nothing."""
    previous = call.previous(turn)
    match = _SUGGESTION.search(previous.text) if previous and previous.role is Role.AGENT else None
    if match is None:
        return None
    end = clause_end(previous.text, match.start("what"), most=12)  # type: ignore[union-attr]
    what = third_person(written(previous, match.start("what"), end), Role.AGENT)  # type: ignore[arg-type]
    return FollowUp(action=sentence(what), owner=Owner.CUSTOMER, due=step.due)


def _done_later(call: EnglishCall, turn: EnTurn, what: str) -> bool:
    verb = what.split()[0] if what.split() else ""
    past = action_verbs().get(verb, verb + "ed")
    done = re.compile(rf"\bi(?:'ve| have)?\s+(?:just\s+|already\s+)?{re.escape(past)}\b")
    return any(done.search(t.text) for t in call.by(Role.AGENT) if t.index > turn.index)


def _delivery_step(call: EnglishCall, turn: EnTurn) -> FollowUp | None:
    """'ordered a new one to maple ridge drive it takes seven to ten business days so you
    should have it by july first': the company delivers by the last day said; 'you'll also
    get a letter confirming the change': a mailing without a day."""
    wait = _DELIVERY_WAIT.search(turn.text)
    # "i can push it through it'd go back to your visa that takes three to five business days or
    # i can do it as store credit": an offer of options is no commitment yet.
    if wait is not None and not _OPTIONS.search(turn.text):
        deadlines = [s.date for s in turn.dates if s.deadline and s.date > call.call_date and s.end > wait.start()]
        if deadlines:
            done = _clause_before(turn, wait.start()) or _on_its_way(call, turn)
            if done:
                return FollowUp(action=sentence(f"{done}: delivery by {note_date(deadlines[-1])}"), owner=Owner.COMPANY, due=deadlines[-1])
    mailing = _COMPANY_MAILING.search(turn.text)
    if mailing is not None and not re.search(r"\b(?:minutes|shortly|now|today)\b", mailing["what"]):
        end = clause_end(turn.text, mailing.start("what"), most=12)
        what = third_person(written(turn, mailing.start("what"), end), Role.AGENT)
        return FollowUp(action=sentence(f"send the customer {what}"), owner=Owner.COMPANY, due=None)
    return None


_ON_ITS_WAY = re.compile(r"\b(?:the|your) (?:refund|replacement|new card|credit|payment)\b")


def _on_its_way(call: EnglishCall, turn: EnTurn) -> str | None:
    """'yes and it can take three to five working days to show': what takes the days was said
    in the agent's turn before ("the refund of eighty nine pounds ninety nine has gone back to
    the card")."""
    earlier = [t for t in call.by(Role.AGENT) if turn.index - 3 <= t.index < turn.index]
    for said in reversed(earlier):
        match = _ON_ITS_WAY.search(said.text)
        if match:
            end = clause_end(said.text, match.start(), most=12)
            return third_person(written(said, match.start(), end), Role.AGENT)
    return None


def _clause_before(turn: EnTurn, end: int) -> str | None:
    """The last clause of three words or more before ``end``: 'the new coat goes out the same
    day it's scanned' in '… and the new coat goes out the same day it's scanned so you should
    have it'."""
    starts = [0] + [m.end() for m in re.finditer(r"\b(?:and|so|okay|that's processed)\s+", turn.text[:end])]
    for start in reversed(starts):
        done = third_person(written(turn, start, end), Role.AGENT)
        done = re.sub(r"\s*\bending(?: in)?(?: \d+)+", "", done)  # a card's last digits are not recorded
        if len(done.split()) >= 3:
            return done
    return None


def _without_restated(found: list[FollowUp]) -> list[FollowUp]:
    """A step without a day is dropped when the same actor has a dated one: the explanation
    the promise restates ("you'd need to check with them" … "i'll ring them and see by the
    twenty ninth") or a detail of it ("they'll make a decision by monday" … "they'll send a
    text with the outcome"). The caller and the agent are one actor each; another team is
    named at the head of its step ("billing disputes team to …")."""
    def actor(step: FollowUp) -> str:
        return step.action.split(" to ", 1)[0].lower() if step.owner is Owner.COMPANY else ""

    dated = {(f.owner, actor(f)) for f in found if f.due is not None}
    return [f for f in found if f.due is not None or (f.owner, actor(f)) not in dated]


def follow_ups(call: EnglishCall, resolution: Resolution) -> Found[list[FollowUp]]:
    found: list[FollowUp] = []
    turns: list[EnTurn] = []
    for turn in call.turns[1:]:
        rules = (
            ((_AGENT_PROMISE, Owner.AGENT), (_COMPANY_PROMISE, Owner.COMPANY), (_CUSTOMER_TASK, Owner.CUSTOMER))
            if turn.role is Role.AGENT
            else ((_CUSTOMER_PROMISE, Owner.CUSTOMER),)
        )
        if turn.role is Role.AGENT:
            rules += ((_DATED_REQUEST, Owner.CUSTOMER),)
        for pattern, owner in rules:
            match = pattern.search(turn.text)
            if match is None:
                continue
            if owner is Owner.CUSTOMER and turn.role is Role.AGENT and _NOTHING_FOR_CALLER.search(turn.text[: match.start()]):
                continue
            if pattern is _DATED_REQUEST and not any(s.deadline and s.date >= call.call_date for s in turn.dates):
                continue
            step = _follow_up(call, turn, match, owner)
            if owner is Owner.AGENT and step.due is None and (
                _done_later(call, turn, match["what"]) or _RIGHT_NOW.search(turn.text[match.start() : match.end("what")][:80])
            ):
                continue  # "i will send you a link" … "i sent it now": done in the call
            if turn.role is Role.CUSTOMER and re.match(r"(?:do (?:that|it|this)|pay now|try that)\b", match["what"]):
                step = _agreed_step(call, turn, step)
                if step is None:
                    continue
            if any(f.owner is step.owner and f.due == step.due for f in found):
                continue
            found.append(step)
            turns.append(turn)
        wait = _delivery_step(call, turn) if turn.role is Role.AGENT else None
        if wait is not None and not any(f.owner is wait.owner and f.due == wait.due for f in found):
            found.append(wait)
            turns.append(turn)
    found = _without_restated(found)
    if resolution is Resolution.RESOLVED:
        found = [f for f in found if f.owner is not Owner.CUSTOMER or f.due is not None]
    found = found[:MAX_FOLLOW_UPS]
    return Found(found, tuple(turns), 0.4 if found else 0.0)


# --- desired outcome, purpose, issue ----------------------------------------------------------

_WANT = re.compile(
    r"\b(?:i|we)(?:\s+|(?='))(?:just\s+|really\s+|would\s+|do\s+|only\s+)?(?P<verb>want|wanted|'d like|"
    r"would like|'d rather|would rather|'d prefer|prefer|was hoping|need|'d just like)\s+"
    r"(?:to\s+)?(?:just\s+)?(?P<what>.+)"
)
_NOT_A_WISH = re.compile(
    r"^(?:to\s+)?(?:talk|speak|think|check|ask|go|do anything|be|a loan|risk|pay for|wait|change it|"
    r"say|mention|confirm)\b"
)


def desired_outcome(call: EnglishCall, category_value: Category) -> Found[str | None]:
    wishes: list[Draft] = []
    for turn in call.by(Role.CUSTOMER):
        for match in _WANT.finditer(turn.text):
            what = match.group("what")
            if _NOT_A_WISH.match(what) or re.match(r"^(?:not|no)\b", what):
                continue
            end = clause_end(turn.text, match.start("what"), most=12)
            text = third_person(written(turn, match.start("what"), end), Role.CUSTOMER)
            if len(text.split()) >= 2:
                wishes.append(Draft(text, turn))
    can_you = [
        Draft(f"the company to {third_person(written(t, m.start(1), clause_end(t.text, m.start(1), 10)), Role.CUSTOMER)}", t)
        for t in call.by(Role.CUSTOMER)
        if (m := re.search(r"\bcan you (?:just\s+)?((?:refund|fix|send|cancel|change|unlock|reset|replace|remove|credit|waive)\b.*)", t.text))
    ]
    picked = [d for d in (wishes + can_you) if len(d.text.split()) >= 3][:2]
    if not picked:
        return _category_wish(call, category_value)
    text = "Wants " + "; also wants ".join(d.text for d in picked)
    return Found(text, tuple(d.turn for d in picked), 0.5)


# What a call of each category asks for, when the customer never says "i want …": a gloss of
# the category with the thing the customer named ("my washer", "my refund"), nothing more.
_CATEGORY_WISHES = {
    Category.DELIVERY: "the {thing} delivered",
    Category.REFUND_RETURN: "the refund for the {thing}",
    Category.EXCHANGE: "the {thing} exchanged",
    Category.ORDER: "to order the {thing}",
    Category.CANCELLATION: "to cancel the {thing}",
    Category.BILLING: "the charge on the {thing} corrected",
    Category.TECHNICAL_ISSUE: "the {thing} repaired",
    Category.ACCOUNT: "access to the {thing} restored",
    Category.PRODUCT_INQUIRY: "to know about the {thing}",
    Category.COMPLAINT: "the {thing} dealt with",
}
_THING = re.compile(r"\bmy (?!name|number|email|address|husband|wife|son|daughter|mum|mom|dad)([a-z]+(?: [a-z]+)?)")
_THING_END = re.compile(
    r"\s+(?:is|was|has|had|and|it|that|keeps|isn't|won't|hasn't|got|i|on|from|for|in|to|been|still|the|"
    r"'s|whenever|when|after|because|since|so|or|but|with|at)\b.*$"
)


def _category_wish(call: EnglishCall, category_value: Category) -> Found[str | None]:
    template = _CATEGORY_WISHES.get(category_value)
    if template is None:
        return Found(None)
    for turn in _reason_turns(call)[:2]:
        match = _THING.search(turn.text)
        if match:
            thing = _DANGLING.sub("", _THING_END.sub("", match.group(1)).removesuffix("'s"))
            if not thing or thing.startswith(("old ", "new ")):
                continue
            wish = f"the {thing}" if thing in template else template.format(thing=thing)
            return Found(f"Wants {wish}", (turn,), 0.3)
    return Found(None)


_REASON_START = re.compile(
    r"\b(?:calling about|ringing about|calling because|calling to|ringing to|phoning about|"
    r"question about|it's about|i'm calling|so)\s+"
)
_VERIFICATION_ANSWER = re.compile(r"^(?:yes|yeah|yep|sure|hi|hello|it's|that's|no)?\s*\S*\s*$")
_OPENING = re.compile(r"^(?:(?:hi|hello|hey|hiya|yeah|yes|oh|um|uh|okay|morning|good \w+|so|right|well)\b\s*)+")
_HEADS = {
    Category.DELIVERY: "Inquiry about a delivery",
    Category.REFUND_RETURN: "Refund request",
    Category.EXCHANGE: "Exchange request",
    Category.ORDER: "Order request",
    Category.CANCELLATION: "Cancellation request",
    Category.BILLING: "Billing dispute",
    Category.TECHNICAL_ISSUE: "Report of a technical problem",
    Category.ACCOUNT: "Account request",
    Category.PRODUCT_INQUIRY: "Product inquiry",
    Category.COMPLAINT: "Complaint about the service",
    Category.OTHER: "Inquiry",
}


def _reason_turns(call: EnglishCall) -> list[EnTurn]:
    """Customer turns that tell the problem: long enough to be more than an answer to a
    verification question, among the first of the call; one with a category cue first."""
    from pipeline.extract.english_call import cue_table

    turns = []
    for turn in call.by(Role.CUSTOMER)[:8]:
        if len(turn.text.split()) >= 7 and not turn.codes and not _VERIFICATION_ANSWER.match(turn.text):
            turns.append(turn)
    # Only among the first two: a cue said later ("so i need to drop out") follows the story the
    # caller opened with, and the opening tells it better.
    cued = [t for t in turns[:2] if any(p.search(t.text) for _, w, p in cue_table("category_cues_en") if w >= 2)]
    return cued[:1] + [t for t in turns if t not in cued[:1]]


_INTRO = re.compile(
    r"^.*?\b(?:my name is|my name's|this is|it's)\s+[a-z'-]+(?:\s+[a-z'-]+)?(?:\s+from(?:\s+[a-z]+){1,3}?)?"
    r"\s+(?:and\s+|so\s+|we're\s+)"
)


def _reason(turn: EnTurn, most: int) -> str:
    text = turn.text
    intro = _INTRO.match(text)
    if intro:
        text = " " * intro.end() + text[intro.end() :]  # keep offsets: spans index the turn
    start = _REASON_START.search(text)
    begin = len(text) - len(text.lstrip())
    if start and start.start() < begin + 40:
        begin = start.end()
    elif opening := _OPENING.match(text, begin):
        begin = opening.end()
    # A greeting to the agent by name ("hi luis um so …") is not part of the reason.
    end = min(len(text), begin + 400)
    words = list(re.finditer(r"\S+", text[begin:end]))
    if len(words) > most:
        end = begin + words[most - 1].end()
    return third_person(written(turn, begin, end), Role.CUSTOMER)


def purpose(call: EnglishCall, category_value: Category) -> Found[str | None]:
    turns = _reason_turns(call)
    head = _HEADS[category_value]
    if not turns:
        return Found(head, (), 0.3)
    return Found(f"{head}: {_reason(turns[0], 14)}", (turns[0],), 0.4)


def issue_summary(call: EnglishCall) -> Found[str | None]:
    """What the customer reported, then what the agent found in the records."""
    turns = _reason_turns(call)[:2]
    if not turns:
        return Found(None)
    found = [d for d in _told(call) if d.text.startswith("Confirmed ")][:2]
    sentences = [sentence(_reason(t, 24)) for t in turns]
    sentences += [sentence("the agent found " + d.text.removeprefix("Confirmed ")) for d in found]
    return Found(". ".join(sentences) + ".", (*turns, *(d.turn for d in found)), 0.4)


_STATE_CHANGES = re.compile(
    r"^(?:Opened|Booked|Raised|Sent|Transferred|Escalated|Refunded|Issued|Froze|Closed|Updated|"
    r"Changed|Reset|Unlocked|Cancelled|Credited|Applied|Ordered|Scheduled|Submitted|Put|Marked|"
    r"Processed|Replaced|Restored|Blocked|Lodged|Filed|Created|Moved|Corrected|Added|Removed)\b"
)


STATUS_PART_WORDS = 16
STATUS_CHANGES = 2


def _head(action: str) -> str:
    """An action by its verb, object and first details: status is one line."""
    return " ".join(action.split()[:STATUS_PART_WORDS])


def status(
    resolution: Resolution, actions: list[str], steps: list[FollowUp], references: list[str]
) -> str | None:
    """Where the case stands: the changes made in the call (with the reference the customer was
    given), then the next step it waits for."""
    # What the call settled, not the records it looked up or the identity check.
    looked_up = ("Verified", "Checked", "Gave", "Confirmed the contact")
    actions = [_head(a) for a in actions if not a.startswith(looked_up)]
    changes = [a for a in actions if _STATE_CHANGES.match(a)]
    said = " ".join(changes)
    refs = [r for r in references if r not in said]
    ref = f" (reference {', '.join(refs)})" if refs else ""
    if resolution is Resolution.RESOLVED and (changes or actions):
        return f"{'; '.join(changes[-STATUS_CHANGES:]) or actions[-1]}{ref}; completed in the call"
    if resolution in (Resolution.PENDING, Resolution.ESCALATED) and (changes or steps):
        parts = changes[-STATUS_CHANGES:]
        if steps:
            due = f" by {note_date(steps[0].due)}" if steps[0].due else ""
            parts.append(f"next: {_lower_first(_head(steps[0].action))}{due}")
        return "; ".join(parts) + ref
    if resolution is Resolution.UNRESOLVED:
        offers = [a for a in actions if a.startswith("Offered")] + actions
        return "No decision made in the call" + (f"; {_lower_first(offers[0])}" if offers else "")
    return actions[-1] if actions else None


SUMMARY_ACTION_WORDS = 60


def _weight(text: str) -> int:
    """Changes to the account come first in a note, then findings with their numbers."""
    if _STATE_CHANGES.match(text) or text.startswith(("Verified", "Checked", "Gave")):
        return 0
    return 1 if re.search(r"\d|[$£€]", text) else 2


def _most_telling(texts: list[str], budget: int) -> list[str]:
    """The texts a note of ``budget`` words keeps, by weight then order, shown in call order."""
    kept, words = set(), 0
    for n in sorted(range(len(texts)), key=lambda n: (_weight(texts[n]), n)):
        size = len(texts[n].split())
        if words + size <= budget or not kept:
            kept.add(n)
            words += size
    return [t for n, t in enumerate(texts) if n in kept]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def summary(
    name: str | None,
    agent: str | None,
    reason: str | None,
    actions: list[str],
    steps: list[FollowUp],
    references: list[str],
) -> list[str]:
    """Two or three sentences: who called about what (with the numbers that identify the case),
    what the agent did, and who does what next by when."""
    sentences = []
    who = name or "The customer"
    if reason:
        refs = [r for r in references if r not in reason]
        about = f" ({', '.join(refs[:2])})" if refs else ""
        sentences.append(f"{who} called{about}: {_lower_first(reason)}.")
    done = _most_telling([a for a in actions if not a.startswith("Verified")], SUMMARY_ACTION_WORDS)
    if done:
        sentences.append(f"{agent or 'The agent'} {'; '.join(_lower_first(a) for a in done)}.")
    if steps:
        owners = {Owner.AGENT: "agent", Owner.COMPANY: "company", Owner.CUSTOMER: "customer"}
        parts = [
            f"{owners[s.owner]}{f' by {note_date(s.due)}' if s.due else ''}: {_lower_first(s.action)}"
            for s in steps[:2]
        ]
        sentences.append(f"Next steps: {'; '.join(parts)}.")
    return sentences
