"""English numbers, codes and e-mail addresses as spoken on the phone, read from ASR-like text.

ASR output of an English call is lower case and spells everything out: phone and card numbers
digit by digit ("nine one seven five five five oh one eight three", "double five",
"triple oh"), order numbers as letters, digits and "dash" ("b c dash seven seven four oh two
one"), e-mail addresses with "dot" and "at", amounts and counts as cardinals ("a hundred and
eighty six dollars", "forty eight hours"). Every reader returns spans into the text it was given,
so the extractors can cite the turn and the masker can replace exactly what was said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGIT_WORDS: dict[str, str] = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
_REPEATS = {"double": 2, "triple": 3}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Single letters that are also words: part of a code only next to another letter or a digit.
_WORD_LETTERS = frozenset({"a", "i"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[$£€]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """A stretch of the text read as one value."""

    start: int
    end: int
    value: str


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text.lower())]


# --- apostrophes ----------------------------------------------------------------------------

# ASR that drops punctuation drops apostrophes too ("its craig here", "ill ring you", "youre
# speaking with jess"); the readers are written for "it's", "i'll", "you're", so the turn is
# given them back first. These words are never anything but a contraction in a call.
_CONTRACTIONS: dict[str, str] = {
    w.replace("'", ""): w
    for w in (
        "i'm i've you're you've you'll you'd we've they're they've they'll they'd "
        "don't doesn't didn't isn't wasn't weren't aren't haven't hasn't hadn't won't can't "
        "couldn't wouldn't shouldn't mustn't needn't that's what's there's here's where's who's "
        "how's he's she's it'll that'll it'd that'd there'd would've could've should've ain't "
        "o'clock everything's nothing's"
    ).split()
}
# Contractions that are also words ("ill", "well", "id", "wed", "shell", "were", "lets"): the
# contraction only before a word that starts a verb phrase, after a word that can start a clause.
_CLAUSE_STARTS = frozenset(
    "and so but then okay ok right yes yeah yep no oh um uh sure if because cause as while "
    "now well fine alright great lovely perfect grand righto sorry guess think".split()
)
_VERB_STARTS = frozenset(
    "be have need like love want get give send call ring book arrange email text look let do "
    "sort process pop see refund pick collect put raise try make check reimburse aim contact "
    "waive cover pass update cancel issue credit deliver dispatch post mail log attach figure "
    "probably also just definitely only rather prefer been thought say appreciate hate better go "
    "normally usually always never take keep come sit talk speak discuss hold leave chase follow "
    "escalate flag note add set phone drop bring write reply respond confirm".split()
)
_CONTRACTION_OR_WORD = {"ill": "i'll", "well": "we'll", "id": "i'd", "wed": "we'd", "shell": "she'll"}
# "i'm ill", "as well", "your member id": the word itself.
_NOT_BEFORE_CONTRACTION = frozenset(
    "is was been i'm im feel feeling felt very quite really got gets fell as your my the an "
    "member customer user photo caller patient login".split()
)


def restore_apostrophes(text: str) -> str:
    """'um its craig pemberton here' → "um it's craig pemberton here", 'so ill ring you' →
    "so i'll ring you"; 'as well the', 'my member id', 'on its way' stay as they are."""
    words = text.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        before = out[-1].lower() if out else ""
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if low in _CONTRACTIONS:
            word = _CONTRACTIONS[low]
        elif low == "its" and after not in ("own", "way"):
            word = "it's"
        elif low == "names" and before == "my":
            word = "name's"
        elif low in _CONTRACTION_OR_WORD and after in _VERB_STARTS and before not in _NOT_BEFORE_CONTRACTION \
                and (low in ("ill", "id") or not before or before in _CLAUSE_STARTS):
            word = _CONTRACTION_OR_WORD[low]
        elif low == "were" and (not before or before in _CLAUSE_STARTS) and (after.endswith("ing") or after in (
                "not", "all", "just", "still", "able", "happy", "sorry", "here", "on", "aware", "closed", "open")):
            word = "we're"
        elif low == "lets" and before not in ("it", "that", "which", "this", "he", "she", "app", "system"):
            word = "let's"
        out.append(word)
    return " ".join(out)


def _digit_piece(words: list[Token], i: int) -> tuple[str, int] | None:
    """The digits one spoken piece of a digit string stands for and how many words it took:
    'five', 'double five', 'eighty eight', 'twelve', '4821'."""
    word = words[i].text
    if word in DIGIT_WORDS.keys() - {"zero", "oh"} and i + 1 < len(words) and words[i + 1].text == "hundred":
        return DIGIT_WORDS[word] + "00", 2  # "a q three hundred": a model's round number
    if word in DIGIT_WORDS:
        return DIGIT_WORDS[word], 1
    if word.isdigit():
        return word, 1
    if word in _REPEATS and i + 1 < len(words) and words[i + 1].text in DIGIT_WORDS:
        return DIGIT_WORDS[words[i + 1].text] * _REPEATS[word], 2
    if word in TEENS:
        return str(TEENS[word]), 1
    if word in TENS:
        following = words[i + 1].text if i + 1 < len(words) else ""
        if following in DIGIT_WORDS and following not in ("zero", "oh"):
            return str(TENS[word] + int(DIGIT_WORDS[following])), 2
        return str(TENS[word]), 1
    return None


@dataclass(frozen=True)
class _Piece:
    kind: str  # "digit", "letter", "dash"
    value: str
    first: int  # word indices
    last: int


def _letter_piece(words: list[Token], i: int) -> tuple[str, int] | None:
    word = words[i].text
    if len(word) != 1 or not word.isalpha():
        return None
    # "k as in kilo": the spelling alphabet confirms the letter, it is not part of the code.
    if i + 3 < len(words) and words[i + 1].text == "as" and words[i + 2].text == "in":
        return word.upper(), 4
    return word.upper(), 1


def _pieces(words: list[Token], start: int) -> list[_Piece]:
    """Code pieces from word ``start`` on: letters, digits and spoken dashes in a row."""
    pieces: list[_Piece] = []
    i = start
    while i < len(words):
        word = words[i].text
        if word in ("dash", "hyphen") and pieces:
            pieces.append(_Piece("dash", "-", i, i))
            i += 1
            continue
        digit = _digit_piece(words, i)
        if digit is not None:
            pieces.append(_Piece("digit", digit[0], i, i + digit[1] - 1))
            i += digit[1]
            continue
        letter = _letter_piece(words, i)
        if letter is not None:
            pieces.append(_Piece("letter", letter[0], i, i + letter[1] - 1))
            i += letter[1]
            continue
        break
    while pieces and pieces[-1].kind == "dash":
        pieces.pop()
    return pieces


def _trim_word_letters(pieces: list[_Piece]) -> list[_Piece]:
    """'a' and 'i' at the edges of a run are words ("i have it here it's h r f seven")."""
    while pieces and pieces[0].kind == "letter" and pieces[0].value.lower() in _WORD_LETTERS and (
        len(pieces) < 2 or pieces[1].kind != "letter"
    ):
        pieces = pieces[1:]
    while pieces and pieces[-1].kind == "letter" and pieces[-1].value.lower() in _WORD_LETTERS:
        pieces = pieces[:-1]
    return pieces


def code_spans(text: str) -> list[Span]:
    """Spelled codes with at least one digit, canonical: 'b c dash seven seven four oh two
    one' → BC-774021, 'k w f four five two zero w' → KWF4520W. Pure digit strings of three or
    more digits come too (the caller decides between a phone, an id and a card)."""
    words = tokens(text)
    spans: list[Span] = []
    i = 0
    while i < len(words):
        pieces = _trim_word_letters(_pieces(words, i))
        if not pieces:
            i += 1
            continue
        value = "".join(p.value for p in pieces)
        digits = sum(len(p.value) for p in pieces if p.kind == "digit")
        letters = sum(1 for p in pieces if p.kind == "letter")
        single = sum(1 for p in pieces if p.kind == "digit" and _one_by_one(words, p))
        compound = sum(1 for p in pieces if p.kind == "digit") - single
        # A code says its digits one by one: "forty eight hours" is a count and "one twenty
        # nine ninety five" an amount, not codes.
        by_digit = single >= 3 and single > compound
        if digits and (by_digit or (letters and digits >= 2)) and len(value) >= 4:
            spans.append(Span(words[pieces[0].first].start, words[pieces[-1].last].end, value))
            i = pieces[-1].last + 1
        else:
            i = max(i + 1, pieces[0].first + 1)
    return spans


def _one_by_one(words: list[Token], piece: _Piece) -> bool:
    word = words[piece.first].text
    return (word in DIGIT_WORDS and piece.first == piece.last) or word in _REPEATS or word.isdigit()


def digit_runs(text: str) -> list[Span]:
    """Digit strings said digit by digit (phones, cards, accounts): codes without letters."""
    return [s for s in code_spans(text) if s.value.replace("-", "").isdigit()]


# Said between digits and the ones that replace them: "three eight two no sorry three two eight".
_DIGIT_CORRECTION = re.compile(
    r"\s*(?:no\s+)?(?:sorry|i mean|actually|no wait|wait|or rather|let me start again)(?:\s+(?:it's|that's))?\s+"
)


def corrected_digits(text: str, run: Span) -> str:
    """The digits of ``run`` with a self-correction said straight after it applied: the
    digits said again replace as many digits at its end ("oh seven seven … three eight two no
    sorry three two eight" → …328), or the whole run when they are as long."""
    digits = run.value.replace("-", "")
    marker = _DIGIT_CORRECTION.match(text, run.end)
    if marker is None:
        return digits
    words = tokens(text[marker.end() :])
    again, i = "", 0
    while i < len(words):
        piece = _digit_piece(words, i)
        if piece is None:
            break
        again, i = again + piece[0], i + piece[1]
    if not again or len(again) > len(digits):
        return digits
    return digits[: len(digits) - len(again)] + again


# --- cardinals ----------------------------------------------------------------------------------


def _cardinal_at(words: list[Token], i: int) -> tuple[int, int] | None:
    """A cardinal number from word ``i``: 'a hundred and eighty six' → (186, 5 words)."""
    total, current, used, last_kind = 0, 0, 0, ""
    j = i
    while j < len(words):
        word = words[j].text
        if word == "a" and j + 1 < len(words) and words[j + 1].text in _SCALES and not used:
            current, last_kind = 1, "unit"
        elif word == "and" and used and j + 1 < len(words) and (
            words[j + 1].text in DIGIT_WORDS or words[j + 1].text in TENS or words[j + 1].text in TEENS
        ) and last_kind == "scale":
            pass
        elif word in DIGIT_WORDS and word != "oh" and last_kind in ("", "tens", "scale"):
            current += int(DIGIT_WORDS[word])
            last_kind = "unit"
        elif word in TEENS and last_kind in ("", "scale"):
            current += TEENS[word]
            last_kind = "teen"
        elif word in TENS and last_kind in ("", "scale"):
            current += TENS[word]
            last_kind = "tens"
        elif word in _SCALES and last_kind in ("unit", "teen", "tens") or (
            word == "hundred" and last_kind == "scale" and current
        ):
            scale = _SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            last_kind = "scale"
        elif word.isdigit() and last_kind == "":
            current, last_kind = int(word), "unit"
            used, j = 1, j + 1
            break
        else:
            break
        used += 1
        j += 1
    if not used or last_kind == "":
        return None
    while j > i and words[j - 1].text in ("and", "a"):
        j -= 1
    return total + current, j - i


def cardinal_spans(text: str) -> list[Span]:
    """Every cardinal number ('forty eight', 'a hundred and eighty six', '2')."""
    words = tokens(text)
    spans: list[Span] = []
    i = 0
    while i < len(words):
        found = _cardinal_at(words, i)
        if found is None:
            i += 1
            continue
        value, used = found
        spans.append(Span(words[i].start, words[i + used - 1].end, str(value)))
        i += used
    return spans


def parse_cardinal(text: str) -> int | None:
    words = tokens(text)
    found = _cardinal_at(words, 0) if words else None
    return found[0] if found and found[1] == len(words) else None


_PRICE_CUE = re.compile(
    r"(?:charges? of|credit of|refund of|costs?|cost me|was|were|paid|pay|fee of|total|price|balance|"
    r"is|which is|that's|it's|for)\s+$"
)


def _two_digit(words: list[Token], i: int) -> tuple[int, int] | None:
    """'eighty six' (86, 2 words), 'forty' (40, 1), 'twelve' (12, 1), 'oh five' (5, 2)."""
    word = words[i].text if i < len(words) else ""
    following = words[i + 1].text if i + 1 < len(words) else ""
    if word in TENS:
        if following in DIGIT_WORDS and following not in ("zero", "oh"):
            return TENS[word] + int(DIGIT_WORDS[following]), 2
        return TENS[word], 1
    if word in TEENS:
        return TEENS[word], 1
    if word == "oh" and following in DIGIT_WORDS:
        return int(DIGIT_WORDS[following]), 2
    return None


def _full_amount(words: list[Token], i: int) -> bool:
    """'one eighty six forty', 'one twenty nine ninety five': hundreds, tens and cents read in
    groups, a shape nothing but a price takes, so it needs no word before it."""
    if words[i].text not in DIGIT_WORDS or words[i].text in ("zero", "oh") or i + 1 >= len(words):
        return False
    if words[i + 1].text not in TENS and words[i + 1].text not in TEENS:
        return False
    first = _two_digit(words, i + 1)
    cents = _two_digit(words, i + 1 + first[1]) if first else None
    return cents is not None and words[i + 1 + first[1]].text in TENS  # type: ignore[index]


def price_spans(text: str) -> list[Span]:
    """Prices said the way people read them: 'one eighty six forty' → 186.40, 'fourteen ninety
    nine' → 14.99, 'three forty nine' → 349; only after a word that introduces an amount, since
    'flight four twelve' is said the same way."""
    words = tokens(text)
    spans: list[Span] = []
    i = 0
    while i < len(words):
        cued = _PRICE_CUE.search(text.lower()[max(0, words[i].start - 20) : words[i].start])
        if not cued and not _full_amount(words, i):
            i += 1
            continue
        j, head = i, ""
        if words[j].text in DIGIT_WORDS and words[j].text not in ("zero", "oh"):
            head, j = DIGIT_WORDS[words[j].text], j + 1
        first = _two_digit(words, j)
        if first is None:
            i += 1
            continue
        j += first[1]
        cents = _two_digit(words, j)
        if cents is not None and (j + cents[1] >= len(words) or words[j + cents[1]].text not in _SCALES):
            value = f"{head}{first[0]:02d}.{cents[0]:02d}" if head else f"{first[0]}.{cents[0]:02d}"
            j += cents[1]
        elif head:
            value = f"{head}{first[0]:02d}"
        else:
            i += 1
            continue
        if j < len(words) and (words[j].text in _SCALES or words[j].text in ("dollars", "pounds", "percent")):
            i = j
            continue
        spans.append(Span(words[i].start, words[j - 1].end, value))
        i = j
    return spans


# --- times and decimals -------------------------------------------------------------------------

_HOURS = {w: int(d) for w, d in DIGIT_WORDS.items() if w not in ("zero", "oh")} | {"ten": 10, "eleven": 11, "twelve": 12}
_DAY_HALF = re.compile(
    r"\s+(?:(?P<am>a\s*m|in the morning)|(?P<pm>p\s*m|in the afternoon|in the evening|at night)|o'?clock)\b"
)
_PAST = re.compile(r"\b(?P<part>half|quarter) (?P<way>past|to) (?P<hour>[a-z]+)\b")


def time_spans(text: str) -> list[Span]:
    """Clock times as notes write them (24-hour): 'eight forty p m' → 20:40, 'half past nine'
    → 09:30, 'two pm' → 14:00; a bare 'at eight' stays a number, since it may be a count."""
    lowered = text.lower()
    words = tokens(lowered)
    spans = [span for i in range(len(words)) if (span := _clock_at(lowered, words, i))]
    for match in _PAST.finditer(lowered):
        if match["hour"] in _HOURS:
            before = match["way"] == "to"
            minutes = {"half": 30, "quarter": 15}[match["part"]]
            hour, minutes = _HOURS[match["hour"]] - before, 60 - minutes if before else minutes
            spans.append(Span(match.start(), match.end(), f"{hour:02d}:{minutes:02d}"))
    return spans


def _clock_at(text: str, words: list[Token], i: int) -> Span | None:
    """'eight forty p m', 'ten o'clock': an hour, its minutes, and the half of the day."""
    word = words[i]
    if word.text not in _HOURS or i and words[i - 1].text in TENS.keys() | TEENS.keys() | _HOURS.keys():
        return None
    minutes, end = 0, word.end
    after = _two_digit(words, i + 1) if i + 1 < len(words) else None
    # "eight forty", "nine oh five", "ten fifteen": minutes; "eight two" is not a time.
    if after and after[0] < 60 and (words[i + 1].text in TENS or words[i + 1].text == "oh" or after[0] >= 13):
        minutes, end = after[0], words[i + after[1]].end
    half = _DAY_HALF.match(text, end)
    if half is None:
        return None
    hour = _HOURS[word.text] % 12 + 12 if half["pm"] else _HOURS[word.text] % 12 if half["am"] else _HOURS[word.text]
    return Span(word.start, half.end(), f"{hour:02d}:{minutes:02d}")


_DECIMAL = re.compile(r"\bpoint((?: (?:zero|oh|one|two|three|four|five|six|seven|eight|nine))+)\b")


def decimal_spans(text: str) -> list[Span]:
    """'two point nine nine percent' → '2.99%': a cardinal, 'point' and digits read one by one."""
    lowered = text.lower()
    spans = []
    wholes = {span.end: span for span in cardinal_spans(lowered)}
    for match in _DECIMAL.finditer(lowered):
        whole = wholes.get(match.start() - 1)
        if whole is None:
            continue
        digits = "".join(DIGIT_WORDS[w] for w in match[1].split())
        percent = re.match(r"\s+percent\b", lowered[match.end() :])
        end = match.end() + (percent.end() if percent else 0)
        spans.append(Span(whole.start, end, f"{whole.value}.{digits}{'%' if percent else ''}"))
    return spans


# --- e-mail -------------------------------------------------------------------------------------

_DOMAIN_ENDS = ("com", "net", "org", "edu", "gov", "uk", "io", "co", "ca", "au", "de", "kr", "me")
_LOCAL_STOP = frozenset(
    "is it's its at email e-mail address mail to on the my your and yes yeah sure it was "
    "that's thats confirmation send sent me um uh so still just now like "
    # "can you use tanya dot whitfield …", "could you put j smith …": the request before the mailbox.
    "can could would you use put try please instead".split()
)
# ASR splits a mail provider's name: "proton mail", "hot mail", "g mail" are one domain word.
_DOMAIN_TAILS = frozenset({"mail"})


def email_spans(text: str) -> list[Span]:
    """'p nair eighty eight at outlook dot com' → pnair88@outlook.com."""
    words = _without_spelling(tokens(text))
    spans: list[Span] = []
    for at, word in enumerate(words):
        if word.text != "at" or at == 0:
            continue
        domain, end = _domain(words, at + 1)
        if not domain:
            continue
        local, first = _local(words, at)
        if local:
            spans.append(Span(words[first].start, words[end].end, f"{local}@{domain}"))
    return spans


def _without_spelling(words: list[Token]) -> list[Token]:
    """The words less letters that spell the word before them: "j whitaker w h i t a k e r at
    fastmail" says the mailbox once, then spells it."""
    kept: list[Token] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j].text) == 1 and words[j].text.isalpha():
            j += 1
        if j - i >= 2 and kept and "".join(w.text for w in words[i:j]) == kept[-1].text:
            i = j
            continue
        kept.extend(words[i : max(j, i + 1)])
        i = max(j, i + 1)
    return kept


def _domain(words: list[Token], i: int) -> tuple[str, int]:
    parts: list[str] = []
    current = ""
    last = -1
    j = i
    while j < len(words) and j < i + 8:
        word = words[j].text
        if word == "dot":
            if not current:
                break
            parts.append(current)
            current = ""
        elif word.isalnum() and (word not in _LOCAL_STOP or (current and word in _DOMAIN_TAILS)):
            current += word
            if parts and current in _DOMAIN_ENDS:
                last = j
                parts_done = [*parts, current]
                # "co dot uk": keep reading while another known ending follows.
                if not (j + 2 < len(words) and words[j + 1].text == "dot"
                        and words[j + 2].text in _DOMAIN_ENDS):
                    return ".".join(parts_done), last
        else:
            break
        j += 1
    return "", -1


def _local(words: list[Token], at: int) -> tuple[str, int]:
    pieces: list[str] = []
    j = at - 1
    while j >= 0 and at - j <= 8:
        word = words[j].text
        if word in _LOCAL_STOP:
            break
        if word == "dot":
            pieces.append(".")
        elif word in ("underscore",):
            pieces.append("_")
        elif word in ("dash", "hyphen"):
            pieces.append("-")
        elif j > 0 and word in DIGIT_WORDS and words[j - 1].text in TENS:
            pieces.append(str(TENS[words[j - 1].text] + int(DIGIT_WORDS[word])))
            j -= 1
        elif word in DIGIT_WORDS:
            pieces.append(DIGIT_WORDS[word])
        elif word in TENS:
            pieces.append(str(TENS[word]))
        elif word in TEENS:
            pieces.append(str(TEENS[word]))
        elif word.isalnum():
            pieces.append(word)
        else:
            break
        j -= 1
    local = "".join(reversed(pieces)).strip(".")
    return local, j + 1


# --- street addresses ---------------------------------------------------------------------------

# Said before a flat or apartment number; the note writes the short form a postal address uses.
_UNIT_WORDS = {"apartment": "Apt", "apt": "Apt", "unit": "Unit", "suite": "Suite", "flat": "Flat"}
# A caller who mishears themself corrects the unit in the same breath: "four b sorry four d".
_CORRECTIONS = ("no sorry", "no actually", "sorry i mean", "sorry", "no", "i mean", "actually")
_NOT_STREET_NAME = frozenset("the a an in on at to and of is it's my our it".split())
_UK_POSTCODE = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})")


@dataclass(frozen=True)
class StreetAddress:
    """A street address as said: '341 Elm Ridge Road Apt 4D, Columbus, OH 43215' or, British,
    'Flat 2, 14 Harrow Lane, Leeds LS6 2JH' (the flat said before the house number)."""

    number: str
    street: str
    unit: str | None = None
    flat_first: bool = False
    city: str | None = None
    state: str | None = None
    postcode: str | None = None

    def written(self) -> str:
        line = f"{self.number} {self.street}"
        if self.unit and self.flat_first:
            line = f"{self.unit}, {line}"
        elif self.unit:
            line = f"{line} {self.unit}"
        place = ", ".join(p for p in (self.city, self.state) if p)
        tail = " ".join(p for p in (place, self.postcode) if p)
        return f"{line}, {tail}" if tail else line


def _lexicon(name: str) -> tuple[tuple[str, str], ...]:
    from pipeline.nlp import word_list

    return tuple((line.rsplit(" ", 1)[0], line.rsplit(" ", 1)[1]) for line in word_list(name))


def _house_number(words: list[Token], end: int) -> tuple[str, int] | None:
    """The house number said just before word ``end``, piece by piece as people read it: 'forty
    two eleven' → 4211, 'three forty one' → 341, 'thirteen oh five' → 1305; and the index of its
    first word."""
    start = end
    while start > 0 and _digit_piece(words, start - 1) is not None:
        start -= 1
    # "double four" takes two words: step back over the repeat word too.
    if start > 0 and words[start - 1].text in _REPEATS:
        start -= 1
    if start == end:
        return None
    if any(w.text in _SCALES for w in words[start:end]):
        return None
    pieces, i = [], start
    while i < end:
        piece = _digit_piece(words, i)
        if piece is None or i + piece[1] > end:
            return None
        pieces.append(piece[0])
        i += piece[1]
    return "".join(pieces), start


def _unit_code(words: list[Token], i: int) -> tuple[str, int]:
    """'three b' → ('3B', words used) after a unit word; ('', 0) when no number follows."""
    digit = _digit_piece(words, i) if i < len(words) else None
    if digit is None:
        return "", 0
    used = digit[1]
    code = digit[0]
    if i + used < len(words) and len(words[i + used].text) == 1 and words[i + used].text.isalpha():
        code += words[i + used].text.upper()
        used += 1
    return code, used


def _street_line(words: list[Token], k: int, written_type: str) -> tuple[str, str, int] | None:
    """(house number, street name, index of the number's first word) for the street type word
    at ``k``: up to three name words before it, letters spelling the word before them dropped
    ("alder a l d e r street"), single letters kept as initials ("s e division street")."""
    name: list[str] = []
    j = k - 1
    # Up to three name words; spelled letters among them do not count.
    while j >= 0 and sum(len(w) > 1 for w in name) < 3 and len(name) < 10:
        word = words[j].text
        spelling = len(word) == 1 and bool(name) and len(name[0]) == 1  # "a" in "a l d e r"
        if not word.isalpha() or (word in _NOT_STREET_NAME and not spelling) or word in DIGIT_WORDS \
                or word in TEENS or word in TENS:
            break
        name.insert(0, word)
        j -= 1
    while name and len(name[0]) == 1 and name[0] in _WORD_LETTERS:
        name.pop(0)  # "a" and "i" before the name are words, not initials
    number = _house_number(words, j + 1) if name else None
    if number is None:
        return None
    joined: list[str] = []
    for word in name:
        if len(word) == 1 and joined and joined[-1].isupper():
            joined[-1] += word.upper()  # letters in a row are one spelled word or initials
        else:
            joined.append(word.upper() if len(word) == 1 else word.capitalize())
    # "alder a l d e r": letters that spell the word before them only confirm it.
    joined = [w for n, w in enumerate(joined) if not (w.isupper() and n and joined[n - 1].lower() == w.lower())]
    if not any(not w.isupper() for w in joined):
        return None
    return number[0], " ".join([*joined, written_type]), number[1]


def _after_street(words: list[Token], i: int, stops: frozenset[str]) -> tuple[str | None, str | None, str | None, str | None]:
    """(unit, city, state, postcode) said after the street: 'apartment three b portland oregon
    nine seven two one four', 'in naperville', 'leeds l s six two j h'."""
    unit = None
    if i < len(words) and words[i].text in _UNIT_WORDS:
        code, used = _unit_code(words, i + 1)
        if used:
            unit, i = f"{_UNIT_WORDS[words[i].text]} {code}", i + 1 + used
            for fix in _CORRECTIONS:
                fix_words = fix.split()
                if [w.text for w in words[i : i + len(fix_words)]] == fix_words:
                    code, used = _unit_code(words, i + len(fix_words))
                    if used:
                        unit, i = f"{unit.split()[0]} {code}", i + len(fix_words) + used
    if i < len(words) and words[i].text == "in":
        i += 1
    states = _lexicon("us_states_en")
    city: list[str] = []
    state = None
    while i < len(words) and len(city) < 3:
        rest = " ".join(w.text for w in words[i:])
        match = next((s for s in states if rest == s[0] or rest.startswith(s[0] + " ")), None)
        if match and city:
            state, i = match[1], i + len(match[0].split())
            break
        word = words[i].text
        if not word.isalpha() or len(word) < 2 or word in stops or word in _UNIT_WORDS:
            break
        city.append(word.capitalize())
        i += 1
    rest = " ".join(w.text for w in words[i : i + 10])
    postcode = spoken_postcode(rest, at_start=True)
    if postcode is None and city and state is None:
        # "twenty two albion street brunswick three oh five six": four digits after the suburb
        # are an Australian (or European) postcode, said where a US state would be.
        postcode = next((s.value for s in code_spans(rest)[:1] if s.start == 0 and re.fullmatch(r"\d{4}", s.value)), None)
    return unit, " ".join(city) or None, state, postcode


def spoken_postcode(text: str, *, at_start: bool = False) -> str | None:
    """A US ZIP said digit by digit ('nine seven two one four' → 97214) or a UK postcode spelled
    ('l s six two j h' → 'LS6 2JH'); with ``at_start`` only one said at the start of the text."""
    for span in code_spans(text):
        if at_start and span.start > 0:
            return None
        value = span.value.replace("-", "")
        if value.isdigit() and len(value) in (5, 9):
            return value[:5] if len(value) == 5 else f"{value[:5]}-{value[5:]}"
        uk = _UK_POSTCODE.fullmatch(value)
        if uk:
            return f"{uk.group(1)} {uk.group(2)}"
        if at_start:
            return None
    return None


_NAME_ARTICLES = frozenset({"y", "yr"})


def _prefixed_street(words: list[Token], k: int, written_type: str, stops: frozenset[str]) -> tuple[str, str, int, int] | None:
    """(house number, street name, index of the number's first word, index after the name)
    for a street type said first at ``k`` ("twelve heol y deri" → 12, 'Heol y Deri')."""
    number = _house_number(words, k)
    i = k + 1
    article = words[i].text if i < len(words) and words[i].text in _NAME_ARTICLES else None
    i += article is not None
    if number is None or i >= len(words):
        return None
    word = words[i].text
    if not word.isalpha() or len(word) < 2 or word in stops or word in _NOT_STREET_NAME:
        return None
    name = " ".join(p for p in (written_type, article, word.capitalize()) if p)
    return number[0], name, number[1], i + 1


# "can i just check the address fourteen the paddocks": an address is what follows.
_ADDRESS_SAID = re.compile(r"\baddress(?: is| as)?\s*$")


def _the_street(words: list[Token], k: int, stops: frozenset[str], text: str) -> tuple[str, str, int, int] | None:
    """(house number, street name, index of the number's first word, index after the name) for
    a British street named with 'the' and no street word ("fourteen a the paddocks" → 14A, 'The
    Paddocks'). Said so, a number and a word are an address only where the turn names an
    address just before or a postcode follows."""
    if k + 1 >= len(words):
        return None
    name = words[k + 1].text
    if not name.isalpha() or len(name) < 3 or name in stops or name in _NOT_STREET_NAME or name in DIGIT_WORDS:
        return None
    letter = ""
    end = k
    if k > 1 and len(words[k - 1].text) == 1 and words[k - 1].text.isalpha():
        letter, end = words[k - 1].text.upper(), k - 1  # "fourteen a the paddocks": 14A
    number = _house_number(words, end)
    if number is None:
        return None
    after = _after_street(words, k + 2, stops)
    if after[3] is None and not _ADDRESS_SAID.search(text[: words[number[1]].start]):
        return None
    return number[0] + letter, f"The {name.capitalize()}", number[1], k + 2


def street_addresses(text: str, stops: frozenset[str] = frozenset()) -> list[StreetAddress]:
    """Every street address in the text: a house number, a street name ending in a street word
    ('road', 'lane' …) and what follows it (unit, city, US state, ZIP or UK postcode). A city
    ends at a word in ``stops`` (words that are never a place name)."""
    words = tokens(text)
    types = dict(_lexicon("street_types_en"))
    prefixes = dict(_lexicon("street_prefixes_en"))
    found: list[StreetAddress] = []
    for k, word in enumerate(words):
        if word.text in types:
            line = _street_line(words, k, types[word.text])
            after = k + 1
        elif word.text in prefixes and (prefixed := _prefixed_street(words, k, prefixes[word.text], stops)):
            line, after = prefixed[:3], prefixed[3]
        elif word.text == "the" and (named := _the_street(words, k, stops, text)):
            line, after = named[:3], named[3]
        else:
            continue
        if line is None:
            continue
        number, street, first = line
        unit, city, state, postcode = _after_street(words, after, stops)
        flat_first = False
        flat_word = words[first - 1].text if first else ""
        if flat_word in _UNIT_WORDS and unit is None:
            # "flat two fourteen harrow lane": the flat takes the first piece of the number.
            piece = _digit_piece(words, first)
            if piece is not None and len(number) > len(piece[0]):
                unit, number, flat_first = f"{_UNIT_WORDS[flat_word]} {piece[0]}", number[len(piece[0]):], True
        found.append(StreetAddress(number, street, unit, flat_first, city, state, postcode))
    return found


def _number_at(words: list[Token], i: int) -> tuple[str, int]:
    """Digits said in pieces from word ``i`` ('twenty seven' → 27, 'three oh two' → 302) and
    the words they took; ('', 0) when no number starts there."""
    digits, j = "", i
    while j < len(words) and words[j].text not in _SCALES:
        piece = _digit_piece(words, j)
        if piece is None:
            break
        digits += piece[0]
        j += piece[1]
    return digits, j - i


def korean_road_address(text: str) -> str | None:
    """A Korean road-name address said in English (a Korean company's English line): 'fifteen
    itaewon ro twenty seven gil yongsan gu seoul unit three oh two' → '15 Itaewon-ro 27-gil,
    Yongsan-gu, Seoul, Unit 302', the romanised form with the building number first."""
    words = tokens(text)
    for k, word in enumerate(words):
        if word.text not in ("ro", "daero", "gil") or k < 2 or not words[k - 1].text.isalpha():
            continue
        start = k - 2
        while start > 0 and _digit_piece(words, start - 1) is not None:
            start -= 1
        number, used = _number_at(words, start)
        if not number or start + used != k - 1:
            continue
        road = f"{words[k - 1].text.capitalize()}-{word.text}"
        i = k + 1
        lane, used = _number_at(words, i)
        if used and i + used < len(words) and words[i + used].text == "gil":
            road, i = f"{road} {lane}-gil", i + used + 1
        parts = [f"{number} {road}"]
        if i + 1 < len(words) and words[i + 1].text == "gu" and words[i].text.isalpha():
            parts.append(f"{words[i].text.capitalize()}-gu")
            i += 2
            if i < len(words) and words[i].text in ("seoul", "busan", "incheon", "daegu", "daejeon", "gwangju", "ulsan", "sejong"):
                parts.append(words[i].text.capitalize())
                i += 1
        if i < len(words) and words[i].text in ("unit", "apartment", "ho", "room"):
            unit, used = _number_at(words, i + 1)
            if used:
                parts.append(f"Unit {unit}")
        return ", ".join(parts)
    return None
