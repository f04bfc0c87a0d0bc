"""The parties of an English call (customer name, phone, e-mail; agent name) and the numbers
the agent needs (order, ticket, policy … numbers).

Names come from what people say about themselves ("my name is …", "this is dana", "it's ravi
speaking") or answer to the agent's question ("and the name on the account" / "helen briggs");
a surname spelled after it ("marcus reed r e e d") only confirms it. Numbers are read from the
turn that says them, their kind from the cue word said before them, in the same turn or in the
other party's question just before.
"""

from __future__ import annotations

import re

from models.note import AgentInfo, CustomerInfo, Identifier
from models.transcript import Role
from pipeline.extract.context import Found
from pipeline.extract.english_call import EnglishCall, EnTurn, kind_table, not_names
from pipeline.normalize.english import (
    Span,
    StreetAddress,
    corrected_digits,
    digit_runs,
    email_spans,
    korean_road_address,
    spoken_postcode,
    street_addresses,
)

_SELF_INTRO = re.compile(
    r"\b(?:my name is|my name's|name is|this is|it's|you're speaking (?:to|with)|you are speaking "
    r"(?:to|with)|speaking with)\s+(?:(?:mrs|mr|ms|miss|dr)\s+)?(?P<name>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2})"
)
# What follows a first name in an introduction: "this is dana how can i help", "it's ravi speaking".
_AFTER_NAME = re.compile(
    r"^(?:$|speaking\b|here\b|in\b|from\b|how\b|can\b|may\b|what\b|and\b|with\b|at\b|on\b|"
    r"calling\b|thanks\b|thank\b|who\b|i\b|you\b|so\b|um\b|uh\b|hi\b|hello\b|we're\b)"
)
# "hiya it's joanne fairbairn i've got two things": a caller who opens with a greeting and
# "it's" gives a first and last name, then goes on about themself.
_GREETING_WORDS = (
    r"(?:hi|hiya|hello|hey|oh|um|uh|yeah|yes|there|g day|gday|good (?:morning|afternoon|evening|day)|"
    r"morning|afternoon|evening|love|dear|pet|mate)\s+"
)
# "it's dana" said to open the turn, after a greeting at most (and the agent's name said back:
# "g day tahlia it's bruce mcallister"); "… and its mostly fees" later in a turn says what
# something is.
_OPENS_TURN = re.compile(rf"(?:(?:{_GREETING_WORDS})+(?:[a-z]+\s+)?)?")
_GREETING_ITS = re.compile(
    rf"^(?:{_GREETING_WORDS})+"
    # "it's mrs hargreaves pauline hargreaves i hope": a title and surname, then the full name.
    r"it's\s+(?:(?:mrs|mr|ms|miss|dr)\s+[a-z'-]+\s+)?[a-z'-]+\s+[a-z'-]+\s+(?:i|i've|i'm|i'd|i was|calling|ringing|here)\b"
)
# "hiya siobhan conor brady here i have a flight booked": a caller's first and last name
# before "here", after the greeting (and the agent's first name said back).
_NAME_HERE = re.compile(r"^(?:[a-z'-]+\s+){0,4}?(?P<name>[a-z'-]+\s+[a-z'-]+)\s+here\b")
_ASKS_NAME = re.compile(
    r"\b(?:your (?:full )?name|name on the (?:account|order|card|policy|booking)|who am i speaking|"
    r"passenger name|name please|the name|can i take your name|name as it appears|"
    r"who's calling|who is calling|may i know your name|lead name|lead passenger|"
    r"name of the (?:account holder|lead passenger|policy holder)|"
    # "and is this mister okafor" / "yes tom okafor": the surname checked, the full name given.
    r"is this (?:mr|mrs|ms|miss|mister|missus|dr) [a-z]+$)\b"
)
# A question about the caller's own name, not the passenger's, patient's or account holder's.
_ASKS_OWN_NAME = re.compile(r"\b(?:your (?:full )?name|who am i speaking|who's calling|who is calling)\b")
_ASKS_PHONE = re.compile(
    r"\b(?:phone|mobile|contact number|number to reach|reach you|best number|number can they|"
    r"call you on|callback number|good number|cell|"
    # The caller checks the number on file: "and what number have you got for me".
    r"number (?:do )?(?:you|have you) (?:have|got|'ve got) for me)\b"
)
_ASKS_PHONE_OWN = re.compile(r"\b(?:office|home|house|work|landline|daytime|evening) (?:number|phone)\b")
# "in case we need to call you" is no case number.
_NOT_PHONE = re.compile(r"\b(?:account|card|policy|order|serial|model|reference|(?<!in )case|claim|booking)\b")
# "we have zero one one three … for you is that still right" / "that's the house phone yes":
# the number on file, read out by the agent and confirmed.
_ON_FILE_CHECK = re.compile(r"^\s*(?:for you|on file|on the account|on your account)?\s*(?:is that|is this|is it) (?:still )?(?:right|correct|good|the best|okay|current)")
_CONFIRMS = re.compile(r"\b(?:yes|yeah|yep|that's right|that's correct|correct|that's the one|that's it)\b")
_LEADING = re.compile(r"^(?:(?:yes|yeah|yep|sure|hi|hello|oh|um|uh|okay|ok|so|it's|its|it is|"
                      r"that's|this is|my name is|my name's|i'm|the name is|name's|"
                      r"mrs|mr|ms|miss|dr)\s+)+")
# Titles said before a name ("it's mrs winifred ashcombe"): the note keeps the name only.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mister", "missus"})
_CODE_CUE_WINDOW = 60


def _title(word: str) -> str:
    """'o'brien' → "O'Brien", 'smith-jones' → 'Smith-Jones'."""
    if "'" in word and len(word.split("'")[0]) == 1:
        head, tail = word.split("'", 1)
        return f"{head.upper()}'{tail.capitalize()}"
    return "-".join(p.capitalize() for p in word.split("-"))


def _name_words(text: str, most: int) -> list[str]:
    words: list[str] = []
    for word in text.split():
        if not words and word in _TITLES:
            continue
        if word in not_names() or len(word) < 2 or not re.fullmatch(r"[a-z][a-z'-]*", word):
            break
        words.append(word)
        if len(words) == most:
            break
    return words


def _without_repeated_surname(words: list[str]) -> list[str]:
    """'hargreaves pauline hargreaves': the surname said first (after a title), then the full
    name."""
    return words[1:] if len(words) == 3 and words[0] == words[2] else words


def _intro_name(turn: EnTurn, most: int) -> str | None:
    for match in _SELF_INTRO.finditer(turn.text):
        said = _name_words(match["name"], most)
        words = _without_repeated_surname(said)
        if not words:
            continue
        after = turn.text[match.start("name") + len(" ".join(said)) :].strip()
        strong = match.group().startswith(("my name", "name is", "you're", "you are", "speaking"))
        if match.group().startswith("it's") and not after.startswith(("speaking", "here")) and (
            not _OPENS_TURN.fullmatch(turn.text[: match.start()])
            if not after else not _GREETING_ITS.match(turn.text[: match.end("name")] + " " + after)
        ):
            continue
        if strong or _AFTER_NAME.match(after):
            return " ".join(_title(w) for w in words)
    return None


def agent_name(call: EnglishCall) -> Found[str | None]:
    """The agent who handles the call: the last one to introduce themselves (a transfer brings
    a second agent, who does the work)."""
    found: Found[str | None] = Found(None)
    for number, turn in enumerate(call.by(Role.AGENT)):
        # Later in the call only a transfer introduces someone: "hi this is andre in disputes".
        transfer = re.search(
            r"\b(?:this is|my name is|my name's) (?P<name>[a-z]+(?: [a-z]+)?) (?:in|from|with|on|here|speaking)\b", turn.text
        )
        if number >= 3 and not transfer:
            continue
        name = _intro_name(turn, most=1)
        # "this is mary joy from account security": a two-word first name said before the team.
        if transfer and " " in transfer["name"] and all(w not in not_names() for w in transfer["name"].split()):
            name = " ".join(_title(w) for w in transfer["name"].split())
        if name and not _is_about_customer(turn, name):
            found = Found(name, (turn,), 0.8)
    greeting = call.by(Role.AGENT)[:1]
    if found.value is None and greeting:
        # "good afternoon willow green vets sophie speaking": the name just before "speaking"
        # at the end of the company's greeting, without "this is".
        match = re.search(r"\b([a-z]+) speaking(?:$|\s+(?:how|what|can|may)\b)", greeting[0].text)
        if match and match.group(1) not in not_names() and not match.group(1).endswith("'re"):
            found = Found(_title(match.group(1)), greeting, 0.6)
    return found


def _is_about_customer(turn: EnTurn, name: str) -> bool:
    """'am i speaking with grace': the name asked about is the caller's; 'this is renee
    speaking are you calling to report a claim' asks something else."""
    first = re.escape(name.split()[0].lower())
    return bool(re.search(rf"\b(?:is this|am i speaking (?:to|with)|are you)\s+(?:[a-z]+\s+){{0,2}}{first}\b", turn.text))


def customer_name(call: EnglishCall) -> Found[str | None]:
    """The caller's own name: said in an introduction, or the answer to the agent's question. A
    caller who rings for someone else answers "the passenger name" with theirs and "and your
    name" with their own, so an answer to a question about *your* name outranks the others."""
    answers: list[tuple[int, Found[str | None]]] = []
    for turn in call.by(Role.CUSTOMER)[:10]:
        previous = call.previous(turn)
        asked = previous is not None and previous.role is Role.AGENT and _ASKS_NAME.search(previous.text)
        intro = None
        if re.search(r"\b(?:my name is|my name's|this is|it's)\s", turn.text):
            name = _intro_name(turn, most=3)
            intro = name if name and " " in name else None
        if intro is None and not asked and turn is call.by(Role.CUSTOMER)[0]:
            intro = _name_here(turn)
        # "and the name on the rental" / "tanya whitfield": an answer given already outranks
        # what a later turn seems to introduce.
        if intro and not asked and not answers:
            return Found(intro, (turn,), 0.8)
        if asked and previous is not None:
            # "harold jenkins march third nineteen fifty two": the date of birth asked with the
            # name follows it.
            said = turn.text[: turn.dates[0].start] if turn.dates else turn.text
            words = intro.split() if intro else _name_words(_LEADING.sub("", said), most=3)
            words = _corrected_name(turn.text, words)
            if words:
                rank = 0 if _ASKS_OWN_NAME.search(previous.text) else 1
                answers.append((rank, Found(" ".join(_title(w) for w in words), (turn, previous), 0.7)))
    if answers:
        return min(answers, key=lambda a: a[0])[1]
    return _confirmed_by_agent(call)


def _name_here(turn: EnTurn) -> str | None:
    match = _NAME_HERE.match(turn.text)
    if not match:
        return None
    words = match["name"].split()
    if any(w in not_names() or len(w) < 2 for w in words):
        return None
    return " ".join(_title(w) for w in words)


# "bob delgado well robert delgado", "bob sorry robert": the caller corrects the name they gave,
# most often a nickname to the full name the record should have.
_NAME_CORRECTION = re.compile(r"\b(?:well|sorry|i mean|actually|or rather|properly|officially|it's)\s+")


def _corrected_name(text: str, words: list[str]) -> list[str]:
    """The name said after a correction marker when it keeps the surname of the first one (or
    the first was a first name alone)."""
    if not words:
        return words
    said = " ".join(words)
    rest = text[text.find(said) + len(said) :] if said in text else ""
    for match in _NAME_CORRECTION.finditer(rest):
        again = _name_words(rest[match.end() :], most=3)
        if again and len(again) >= len(words) and again != words and (len(words) == 1 or again[-1] == words[-1]):
            return again
    return words


def name_from_email(call: EnglishCall, address: str | None) -> Found[str | None]:
    """'thanks jenna' and jenna.park90@…: the agent's form of address and the mailbox name
    agree, so the mailbox gives the surname."""
    if not address:
        return Found(None)
    local = re.match(r"([a-z]+)[._]([a-z]+)\d*@", address)
    if not local:
        return Found(None)
    for turn in call.by(Role.AGENT):
        if re.search(rf"\b(?:thanks|thank you|hi|okay|ok|hello|sorry)\s+{local.group(1)}\b", turn.text):
            return Found(f"{_title(local.group(1))} {_title(local.group(2))}", (turn,), 0.5)
    return Found(None)


def _confirmed_by_agent(call: EnglishCall) -> Found[str | None]:
    """'is this grace liu' / 'yes that's me'."""
    for turn in call.by(Role.AGENT)[:6]:
        match = re.search(r"\b(?:is this|am i speaking (?:to|with)|are you)\s+(?P<name>.+)$", turn.text)
        reply = call.following(turn)
        if match and reply and re.match(r"(?:yes|yeah|yep|that's me|speaking)", reply.text):
            words = _name_words(match["name"], most=3)
            if len(words) >= 2:
                return Found(" ".join(_title(w) for w in words), (turn, reply), 0.6)
    return Found(None)


def phone(call: EnglishCall) -> Found[str | None]:
    """The customer's own full number: 10–11 digits said by the customer (or read back)."""
    for turn in call.turns:
        previous = call.previous(turn)
        context = (previous.text[-80:] if previous else "") + " " + turn.text
        for run in digit_runs(turn.text):
            digits = corrected_digits(turn.text, run)
            if not 10 <= len(digits) <= 11:
                continue
            before = context[: len(context) - len(turn.text) + run.start][-_CODE_CUE_WINDOW:]
            asked = bool(_ASKS_PHONE.search(before) or _ASKS_PHONE_OWN.search(before))
            if _NOT_PHONE.search(before) and not asked:
                continue
            if turn.role is Role.CUSTOMER or asked:
                return Found(digits, (turn,), 0.8)
            reply = call.following(turn)
            if _ON_FILE_CHECK.match(turn.text[run.end :]) and reply is not None and _CONFIRMS.search(reply.text):
                return Found(digits, (turn, reply), 0.7)
    return Found(None)


# "email it to claims at pawsure dot com", "you can send it to our meter readings address":
# the company's mailbox, given to the caller to write to.
_WRITE_TO = re.compile(
    r"\b(?:email|e-mail|send|forward|write|mail)(?: (?:it|them|those|that|this|us|the [a-z]+|a [a-z]+))*"
    r"(?: (?:over|across|through))? (?:to|at)(?: our| the)?(?: [a-z]+){0,2}\s*$|"
    # "if you email those to us i'll attach them to the claim it's service at …"
    r"\b(?:email|e-mail|send|forward|write)(?: [a-z]+)? to us\b"
)
# "where do i send it" / "to meter readings at northvale energy dot co dot uk".
_ASKS_WHERE_TO = re.compile(r"\bwhere (?:do|should|can|shall) (?:i|we) (?:send|email|e-mail|post|write)\b")


def _company_mailboxes(call: EnglishCall) -> set[str]:
    """The addresses the agent gives the caller to write to ("email it to members at summit
    peak fitness dot com"), which the caller may repeat to note them down; not the caller's own
    address said before and read back ("i'll send it to jane at …")."""
    boxes: set[str] = set()
    said_by_caller: set[str] = set()
    for turn in call.turns:
        spans = email_spans(turn.text)
        if turn.role is Role.CUSTOMER:
            said_by_caller |= {s.value.lower() for s in spans}
            continue
        previous = call.previous(turn)
        asked_where = previous is not None and _ASKS_WHERE_TO.search(previous.text)
        boxes |= {s.value.lower() for s in spans if s.value.lower() not in said_by_caller
                  and (asked_where or _WRITE_TO.search(turn.text[max(0, s.start - 60) : s.start]))}
    return boxes


def email(call: EnglishCall) -> Found[str | None]:
    """The caller's address: said by the caller, or read back by the agent; not an address of
    the company the agent gives to write to, nor the caller repeating it."""
    company = _company_mailboxes(call)
    for role in (Role.CUSTOMER, Role.AGENT):
        for turn in call.by(role):
            spans = [s for s in email_spans(turn.text) if s.value.lower() not in company]
            if spans:
                return Found(spans[0].value.lower(), (turn,), 0.8)
    return Found(None)


# The agent asks for an address, or the caller gives one unasked ("i moved to", "i live at").
_ASKS_ADDRESS = re.compile(r"\b(?:address|first line|where do you live|where are you based)\b")
_GIVES_ADDRESS = re.compile(r"\b(?:address|live at|moved to|i'm at|we're at|deliver(?:ed)? to|send it to)\b")
_POSTCODE_CUE = re.compile(r"\b(?:postcode|post code|zip code|zip)\b(?:\s+(?:is|it's))?")


def address(call: EnglishCall) -> Found[str | None]:
    """The customer's street address: the last one the customer says when giving an address (a
    caller who moves says the new one last), completed from the agent's read-back ("portland
    oregon" for "portland") and from a postcode said on its own ("and the postcode please")."""
    best: tuple[StreetAddress, EnTurn] | None = None
    for turn in call.by(Role.CUSTOMER):
        previous = call.previous(turn)
        asked = previous is not None and previous.role is Role.AGENT and _ASKS_ADDRESS.search(previous.text)
        if not (asked or _GIVES_ADDRESS.search(turn.text)):
            continue
        said = street_addresses(turn.text, not_names())
        if said:
            best = (said[-1], turn)
    if best is None:
        best = _confirmed_read_back(call)
    if best is None:
        return _korean_road_address(call)
    said, turn = best
    turns = [turn]
    if turn.role is Role.AGENT:
        said = _with_same_street(call, said, turns)
    # The agent reads it back after, or reads the address on file before for the caller to
    # confirm ("the address we have is twelve heol y deri cardiff is that right").
    for reply in (call.following(turn), call.previous(turn)):
        if reply is None or reply.role is not Role.AGENT:
            continue
        for echo in street_addresses(reply.text, not_names()):
            if echo.number == said.number and echo.street == said.street:
                said = StreetAddress(
                    said.number, said.street, said.unit or echo.unit, said.flat_first or echo.flat_first,
                    said.city or echo.city, said.state or echo.state, said.postcode or echo.postcode,
                )
                turns.append(reply)
    if said.postcode is None:
        for other in call.by(Role.CUSTOMER):
            previous = call.previous(other)
            for text in (other.text, f"{previous.text if previous else ''} | {other.text}"):
                cue = list(_POSTCODE_CUE.finditer(text))
                code = spoken_postcode(text[cue[-1].end() :]) if cue else None
                if code and said.postcode is None:
                    said = StreetAddress(said.number, said.street, said.unit, said.flat_first, said.city, said.state, code)
                    turns.append(other)
    return Found(said.written(), tuple(turns), 0.7)


# "yeah that's it flat three", "that's it the drivers always get it wrong".
_CONFIRMS_READ_BACK = re.compile(r"^(?:(?:yes|yeah|yep|yup|correct|that's it|that's right|that's correct|spot on)\b)")


def _confirmed_read_back(call: EnglishCall) -> tuple[StreetAddress, EnTurn] | None:
    """The address the agent reads out while the address is being checked ("can i confirm the
    delivery address" … "flat three twenty seven cotham vale bristol …") and the caller
    confirms: the last one, which carries the caller's corrections."""
    best: tuple[StreetAddress, EnTurn] | None = None
    for turn in call.by(Role.AGENT):
        reply = call.following(turn)
        if reply is None or reply.role is not Role.CUSTOMER or not _CONFIRMS_READ_BACK.match(reply.text):
            continue
        talk = call.turns[max(0, turn.index - 2) : turn.index + 1]
        said = street_addresses(turn.text, not_names())
        if said and any(t.role is Role.AGENT and _ASKS_ADDRESS.search(t.text) for t in talk):
            best = (said[-1], turn)
    return best


def _with_same_street(call: EnglishCall, said: StreetAddress, turns: list[EnTurn]) -> StreetAddress:
    """The city, state and postcode of the same street said elsewhere in the call ("fourteen the
    paddocks sheffield" before the corrected "fourteen a the paddocks s ten four p l")."""
    for turn in call.by(Role.AGENT):
        for other in street_addresses(turn.text, not_names()):
            if other.street != said.street or turn in turns:
                continue
            completed = StreetAddress(
                said.number, said.street, said.unit, said.flat_first, said.city or other.city,
                said.state or other.state, said.postcode or other.postcode,
            )
            if completed != said:
                said = completed
                turns.append(turn)
    return said


def _korean_road_address(call: EnglishCall) -> Found[str | None]:
    """A Korean road-name address the customer gives on an English line ("… itaewon ro twenty
    seven gil yongsan gu seoul")."""
    for turn in reversed(call.by(Role.CUSTOMER)):
        previous = call.previous(turn)
        asked = previous is not None and previous.role is Role.AGENT and _ASKS_ADDRESS.search(previous.text)
        if asked or _GIVES_ADDRESS.search(turn.text):
            written = korean_road_address(turn.text)
            if written:
                return Found(written, (turn,), 0.6)
    return Found(None)


def parties(call: EnglishCall) -> tuple[CustomerInfo, AgentInfo, dict[str, Found[object]]]:
    found: dict[str, Found[object]] = {
        "customer.name": customer_name(call),
        "customer.phone": phone(call),
        "customer.email": email(call),
        "customer.address": address(call),
        "agent.name": agent_name(call),
    }
    if found["customer.name"].value is None:
        found["customer.name"] = name_from_email(call, found["customer.email"].value)  # type: ignore[arg-type]
    customer = CustomerInfo(
        name=found["customer.name"].value,  # type: ignore[arg-type]
        phone=found["customer.phone"].value,  # type: ignore[arg-type]
        email=found["customer.email"].value,  # type: ignore[arg-type]
        address=found["customer.address"].value,  # type: ignore[arg-type]
    )
    return customer, AgentInfo(name=found["agent.name"].value), found  # type: ignore[arg-type]


# --- identifiers ------------------------------------------------------------------------------


def _kind_before(text: str) -> str | None:
    """The kind named nearest before the number (the end of ``text``); of two cues ending at the
    same word the longer, more specific one. Where the number is printed ("it's on the
    invoices") is no kind: a cue before that wins."""
    window = text[-_CODE_CUE_WINDOW:]
    where = list(_WHERE_PRINTED.finditer(window))
    if where:
        kind = _nearest_kind(window[: where[-1].start()])
        if kind:
            return kind
    return _nearest_kind(window)


# "do you have the customer id it's on the invoices": the paper the number is printed on.
_WHERE_PRINTED = re.compile(
    r"\b(?:it's |it is |it should be |you'll find it )?(?:on|at the top of|printed on) "
    r"(?:the|your|any of the|all the|one of the|any) [a-z ]*$"
)


def _nearest_kind(window: str) -> str | None:
    best: tuple[int, int, str] | None = None
    for kind, pattern in kind_table():
        for match in pattern.finditer(window):
            if best is None or (match.end(), -match.start()) > (best[0], -best[1]):
                best = (match.end(), match.start(), kind)
    return best[2] if best else None


def _skipped(before: str, value: str, phone_digits: str | None) -> bool:
    digits_only = value.replace("-", "").isdigit()
    if phone_digits and value.replace("-", "") == phone_digits:
        return True
    if re.search(r"\b(?:ending(?: in)?|last four(?: digits)?(?: of [a-z ]+)?|zip(?: code)?|postcode|extension)\s*(?:is\s*)?$", before):
        return True
    return digits_only and len(value.replace("-", "")) < 5


def _with_listed_prefix(turn: EnTurn, code: Span, found: dict[str, Identifier]) -> str:
    """'i n v dash seven seven three one zero and seven seven three one one': the second
    number of a list shares the first one's letters."""
    if not code.value.isdigit():
        return code.value
    for other in turn.codes:
        gap = turn.text[other.end : code.start].strip()
        prefix = re.match(r"([A-Z]+-?)(\d+)$", other.value)
        if gap in ("and", "or", "and also") and prefix and len(prefix.group(2)) == len(code.value):
            return prefix.group(1) + code.value
    return code.value


# Said between a number and the one that replaces it: "t l five five oh two eight sorry five
# five oh eight two".
_CORRECTION = re.compile(r"(?:no |oh )?(?:sorry|i mean|sorry i mean|no wait|i beg your pardon)(?: it's)?")


def _corrected(turn: EnTurn) -> list[Span]:
    """The turn's codes with self-corrections applied: a code followed by 'sorry' and another
    code is replaced by it, which keeps the first one's letters when only its digits are said
    again."""
    codes: list[Span] = []
    for code in turn.codes:
        if codes and _CORRECTION.fullmatch(turn.text[codes[-1].end : code.start].strip()):
            wrong = codes.pop()
            prefix = re.match(r"([A-Z]+-?)(\d+)$", wrong.value)
            value = code.value
            if prefix and code.value.isdigit() and len(code.value) == len(prefix.group(2)):
                value = prefix.group(1) + code.value
            code = Span(wrong.start, code.end, value)
        codes.append(code)
    return codes


# "the one from three weeks ago was r d four four …": the number asked for, referred back to.
_THE_ONE = re.compile(r"^(?:(?:yeah|yes|um|uh|so|well|oh)\s+)*(?:the one|that one|mine|the last one|the first one)\b")


_ITS_END = re.compile(r"\b(?:it's|it is|here it is|that's|it should be)\s*$")


def _answers_question(before: str, asked: str | None) -> str | None:
    """The kind the other party just asked for, when the answer names it again before the
    number ("the pro number hmm … i have something here eight eight one four …") or points
    back to it ("the one from three weeks ago was …"), however long the answer runs."""
    if asked is None:
        return None
    # "they gave me one at the airport hold on it's b o s c a …": the answer comes after "it's".
    if _THE_ONE.match(before.strip()) or _nearest_kind(before) == asked or _ITS_END.search(before):
        return asked
    return None


# "have you got the fault reference from saturday at all", "would you like me to email you the
# order number": a question that asks for (or offers) a number of that kind.
_ASKS_FOR = re.compile(
    r"\b(?:have you got|do you have|can i (?:get|have|take)|could i (?:get|have|take)|may i (?:get|have|take)|"
    r"what's|what is|can you (?:give|read|tell)|could you (?:give|read|tell)|(?:email|text|send|give) you)"
    r"(?P<rest>(?: [a-z']+){1,5})"
)
# "yes please", "sure go ahead": a reply that only lets the other party go on.
_SHORT_REPLY_WORDS = 4


def _asked_kind(text: str) -> str | None:
    """The kind of number the turn asks for or offers, named in the few words after the ask."""
    kinds = [kind for m in _ASKS_FOR.finditer(text) if (kind := _nearest_kind(m["rest"]))]
    return kinds[-1] if kinds else None


def _answered_kind(call: EnglishCall, turn: EnTurn, code: Span) -> str | None:
    """The kind a turn's first number takes from the question it answers, however the answer
    runs on ("um yeah hang on it's in my emails somewhere yeah f r dash …"), or from the
    speaker's own offer before a short reply ("… email you the order number" / "yes please" /
    "it's s p dash …")."""
    if not turn.codes or turn.codes[0].start != code.start:
        return None
    previous = call.previous(turn)
    if previous is None or previous.role is turn.role:
        return None
    kind = _asked_kind(previous.text)
    if kind is not None:
        return kind
    offer = call.previous(previous)
    if offer is not None and offer.role is turn.role and len(previous.text.split()) <= _SHORT_REPLY_WORDS:
        return _answers_question(turn.text[: code.start], _asked_kind(offer.text))
    return None


def identifiers(call: EnglishCall, phone_digits: str | None) -> Found[list[Identifier]]:
    """The numbers the agent needs, with their kind; the customer's own number comes as kind
    ``customer_id`` (the note keeps it on the customer, see ``customer_id``)."""
    found: dict[str, Identifier] = {}
    turns: list[EnTurn] = []
    # "m l e e eight eight": a caller spelling their mailbox name back is not giving a number.
    mailboxes = {s.value.split("@")[0].replace(".", "").upper() for t in call.turns for s in email_spans(t.text)}
    for turn in call.turns:
        previous = call.previous(turn)
        for code in _corrected(turn):
            if code.value.replace("-", "") in mailboxes:
                continue
            before = turn.text[: code.start]
            kind = _kind_before(before)
            if kind is None and previous is not None and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", before.strip()[-40:] or ""):
                kind = _kind_before(previous.text)
            if kind is None and previous is not None:
                kind = _answers_question(before, _kind_before(previous.text))
            if kind is None:
                kind = _answered_kind(call, turn, code)
            if kind is None or _skipped(before[-40:], code.value, phone_digits):
                continue
            value = _with_listed_prefix(turn, code, found)
            key = value.replace("-", "")
            if any(k.endswith(key) and k != key and not k[: len(k) - len(key)].isdigit() for k in found):
                continue  # "invoice seven seven three one one" repeats INV-77311 without its prefix
            code = Span(code.start, code.end, value)
            if key not in found:
                found[key] = Identifier(kind=kind, value=code.value)
                turns.append(turn)
            elif "-" in code.value and "-" not in found[key].value:
                found[key] = Identifier(kind=found[key].kind, value=code.value)
    return Found(list(found.values()), tuple(turns), 0.7 if found else 0.0)
