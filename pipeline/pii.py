"""PIPA masking of transcripts: resident registration, card, bank-account and passport numbers.

Numbers are found as digit sequences, written or spoken ("팔오공삼일오 다시 일이삼…"), and read
as whole groups: a run of groups is classified longest first. Phone numbers, amounts (…원) and
numbers said after 주문번호-like words are not masked: the agent needs them. A Luhn-valid card
in card blocks and an RRN are masked whatever word comes with them; after a 카드 cue, so is a
card read only in part (12–14 digits). The clear value is never stored; a masking keeps only
what PIPA allows to show (RRN: birth date and sex digit; card: first 6 and last 4, first 6 alone
for a card read in part; account: last 4).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from callnotes.errors import InvalidInputError
from models.note import PiiKind, PiiMasking
from models.transcript import Transcript, Utterance, Word
from pipeline.hangul import has_hangul
from pipeline.normalize.numbers import (
    SPOKEN_DIGITS,
    DigitGroup,
    DigitSequence,
    digit_sequences,
    is_phone_number,
)

_CUES: dict[str, re.Pattern[str]] = {
    "card": re.compile(r"카드"),
    "account": re.compile(
        r"계좌|통장|입금|송금|이체|예금주|은행|뱅크|국민|신한|농협|기업|새마을|우체국|수협|신협|"
        r"하나은행|우리은행|씨티|산업|저축"
    ),
    "order": re.compile(
        r"주문|송장|운송장|접수\s?번호|예약\s?번호|고객\s?번호|회원\s?번호|사업자|모델|일련|시리얼|"
        r"티켓|쿠폰|조회\s?번호|계약\s?번호|가입\s?번호|상품\s?번호"
    ),
}
_CUE_BEFORE, _CUE_AFTER = 30, 12
_ORDER_BEFORE = _CUES["order"]
_AMOUNT_AFTER = re.compile(r"\s*(?:원|만\s?원|천\s?원)")
_PASSPORT = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z]\d{8}|[MSRGDmsrgd]\d{3}[A-Za-z]\d{4})(?![A-Za-z0-9])"
)
_PASSPORT_CUE = re.compile(r"여권")
_RRN_SEX_DIGITS = frozenset("12345678")
_SPOKEN_DIGIT_CHARS = frozenset(SPOKEN_DIGITS)
# February has 29: the century (7th digit) is not enough to rule out a leap year safely.
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
CARD_BLOCK_DIGITS = 4
AMEX_DIGITS = 15  # printed 4-6-5
PARTIAL_CARD_DIGITS = 12  # three of a card's four blocks
BACKCHANNEL_MAX_CHARS = 6
MAX_CARD_DIGITS = 19  # the longest number any reading accepts


@dataclass(frozen=True)
class MaskResult:
    text: str
    maskings: list[PiiMasking]


@dataclass(frozen=True)
class PiiHit:
    """A number to mask: its digit groups in the text and the digits left visible ('*' masked)."""

    kind: PiiKind
    start: int
    end: int
    masked: str
    groups: tuple[DigitGroup, ...] = ()
    masked_digits: str = ""


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _is_rrn(sequence: DigitSequence) -> bool:
    digits = sequence.digits
    if len(digits) != 13 or digits[6] not in _RRN_SEX_DIGITS:
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if not (1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]):
        return False
    boundaries = set(accumulate(len(g.digits) for g in sequence.groups))
    return len(sequence.groups) == 1 or 6 in boundaries


# Group boundaries of card numbers as printed and read out: 4-4-4-4, Amex 4-6-5, 4-4-4-3.
_CARD_BOUNDARIES: dict[int, tuple[frozenset[int], ...]] = {
    16: (frozenset({4, 8, 12}),),
    15: (frozenset({4, 10}), frozenset({4, 8, 12})),
}


def _is_card_shaped(sequence: DigitSequence) -> bool:
    """A Luhn-valid 15/16-digit run said in one block, in a card's groups, or in smaller
    pieces of them (pairs, single digits): a card whatever label comes with it."""
    digits = sequence.digits
    if len(digits) not in _CARD_BOUNDARIES or not luhn_valid(digits):
        return False
    boundaries = set(accumulate(len(g.digits) for g in sequence.groups[:-1]))
    return not boundaries or any(b <= boundaries for b in _CARD_BOUNDARIES[len(digits)])


def _is_said_as_card(sequence: DigitSequence) -> bool:
    """Sixteen digits said as four groups of four: a card's reading even when a digit was
    misheard or misspoken and the check digit fails."""
    return len(sequence.groups) == 4 and all(len(g.digits) == 4 for g in sequence.groups)


def _nearest_cue(text: str, start: int, end: int) -> str | None:
    """The cue word closest to the number: '카드번호 … 주문번호 1234…' is an order number."""
    best: tuple[int, str] | None = None
    for kind, pattern in _CUES.items():
        for match in pattern.finditer(text, max(0, start - _CUE_BEFORE), start):
            distance = start - match.end()
            best = min(best, (distance, kind)) if best else (distance, kind)
        after = pattern.search(text, end, end + _CUE_AFTER)
        if after:
            distance = after.start() - end + _CUE_BEFORE  # a cue before the number weighs more
            best = min(best, (distance, kind)) if best else (distance, kind)
    return best[1] if best else None


def _classify(text: str, sequence: DigitSequence) -> PiiKind | None:
    digits, n = sequence.digits, len(sequence.digits)
    if _is_rrn(sequence):
        return PiiKind.RRN
    if _is_card_shaped(sequence):
        # No label unmasks a card: "고객번호 3000-0000-0000-0004" may be a mislabelled card,
        # and a leak is worse than a masked order number.
        return PiiKind.CARD
    cue = _nearest_cue(text, sequence.start, sequence.end)
    if cue == "order":
        # "주문번호 1234…" is an order number; a card number followed by "고객번호" is still
        # a card: only a cue said before the number lets it through unmasked.
        if _ORDER_BEFORE.search(text, max(0, sequence.start - _CUE_BEFORE), sequence.start):
            return None
        cue = None
    if cue == "account" and 10 <= n <= 14:
        return PiiKind.ACCOUNT
    if 13 <= n <= 19 and (luhn_valid(digits) or (cue == "card" and 15 <= n <= 16)):
        return PiiKind.CARD
    # "카드 … 구사일공 이이팔칠 공삼육오 일" and the agent stops the caller: most of a card
    # number is still a card number.
    if cue == "card" and PARTIAL_CARD_DIGITS <= n < AMEX_DIGITS:
        return PiiKind.CARD
    return None


def _is_protected(text: str, whole: DigitSequence, window: DigitSequence) -> bool:
    """Phone numbers and amounts stay. Inside a longer run only a phone said like one counts
    (010 / 02 / 031 first, or one block): 3000-0500-0000-0009 holds 050-0000-0009, is a card."""
    if _AMOUNT_AFTER.match(text, window.end):
        return True
    if not is_phone_number(window.digits):
        return False
    groups = window.groups
    return groups == whole.groups or len(groups) == 1 or len(groups[0].digits) in (2, 3)


def _masked_digits(kind: PiiKind, digits: str) -> str:
    if kind is PiiKind.RRN:
        return digits[:7] + "*" * (len(digits) - 7)
    if kind is PiiKind.CARD and len(digits) < AMEX_DIGITS:
        # A card read out in part ends before its last four: only the issuer's six may show.
        return digits[:6] + "*" * (len(digits) - 6)
    if kind is PiiKind.CARD:
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    return "*" * (len(digits) - 4) + digits[-4:]


def _render(kind: PiiKind, masked: str, group_lengths: list[int]) -> str:
    """The masked number as shown: 850315-1******, 5412-75**-****-3456, ***-***-**6789."""
    if kind is PiiKind.RRN:
        return f"{masked[:6]}-{masked[6:]}"
    if kind is PiiKind.CARD and len(masked) == AMEX_DIGITS:
        return f"{masked[:4]}-{masked[4:10]}-{masked[10:]}"
    if kind is PiiKind.CARD:
        return "-".join(masked[i : i + 4] for i in range(0, len(masked), 4))
    return "-".join(_split(masked, group_lengths))


def _split(masked: str, lengths: list[int]) -> list[str]:
    pieces, cursor = [], 0
    for length in lengths:
        pieces.append(masked[cursor : cursor + length])
        cursor += length
    return pieces


def _is_rrn_reading(_text: str, _whole: DigitSequence, window: DigitSequence) -> bool:
    return _is_rrn(window)


def _is_card_reading(_text: str, whole: DigitSequence, window: DigitSequence) -> bool:
    # Four groups of four are a card's reading only when nothing more is said with them: the
    # first sixteen digits of a SIM serial are not.
    return _is_card_shaped(window) or (window.groups == whole.groups and _is_said_as_card(whole))


def _is_other_reading(text: str, _whole: DigitSequence, window: DigitSequence) -> bool:
    kind = _classify(text, window)
    if kind is PiiKind.CARD and _copula_read_as_digit(window) and not _is_card_shaped(window):
        return False
    return kind is not None


def _copula_read_as_digit(window: DigitSequence) -> bool:
    """In "…다시 공공사일이요" the last block is complete (four digits) without its 이, so 이요 is
    the copula; only a Luhn coincidence would make the 13-digit reading a card. RRNs are read
    in their own pass and keep both readings: there a doubt is always masked."""
    last = window.groups[-1]
    return last.particle_tail and len(last.digits) - 1 == CARD_BLOCK_DIGITS


Window = tuple[int, int, DigitSequence]
CARD_LENGTH_PREFERENCE = (16, 15)  # most cards, then Amex


def _longest_first(window: Window) -> tuple[int, ...]:
    """Longest first from each start; a run that begins or ends on a digit-syllable word
    (삼삼오오 before a card number) only after the runs that do not."""
    first, last, run = window
    wordlike_edge = run.groups[0].wordlike or run.groups[-1].wordlike
    return (wordlike_edge, first, first - last)


def _card_lengths_first(window: Window) -> tuple[int, ...]:
    """A 16-digit card next to '사오일' is the card, not a 19-digit run that passes Luhn."""
    length = len(window[2].digits)
    rank = CARD_LENGTH_PREFERENCE.index(length) if length in CARD_LENGTH_PREFERENCE else 2
    return (rank, *_longest_first(window))


# Passes over a sequence, each taking the windows its test accepts, in its order, among the
# groups left free. RRNs first: their 6+7 shape is specific ("팔오 공삼 일오 다시 …" holds
# 031-5123-4567), and a 14-digit '…육칠이' can pass Luhn by chance while its 13 digits without
# the particle are the RRN. Then Luhn-valid cards in card blocks, which no context unmasks (a
# trailing '0004원' is not an amount), then numbers that must stay (phones, amounts), then the
# rest (cards by cue or Luhn, accounts).
_PASSES: tuple[
    tuple[Callable[[str, DigitSequence, DigitSequence], bool], Callable[[Window], tuple[int, ...]]],
    ...,
] = (
    (_is_rrn_reading, _longest_first),
    (_is_card_reading, _card_lengths_first),
    (_is_protected, _longest_first),
    (_is_other_reading, _card_lengths_first),
)


def _number_hits(text: str) -> list[PiiHit]:
    hits: list[PiiHit] = []
    for sequence in digit_sequences(text):
        taken: set[int] = set()
        masked_by_kind: dict[PiiKind, set[int]] = {}
        windows = sequence.windows(MAX_CARD_DIGITS)
        for accepts, order in _PASSES:
            for first, last, window in sorted(windows, key=order):
                if taken & set(range(first, last)) or not accepts(text, sequence, window):
                    continue
                taken |= set(range(first, last))
                kind = (
                    None if accepts is _is_protected
                    else PiiKind.CARD if accepts is _is_card_reading
                    else _classify(text, window)
                )
                if kind is not None:
                    hits.append(_hit(kind, window))
                    masked_by_kind.setdefault(kind, set()).update(range(first, last))
        hits += _card_remnants(sequence, windows, masked_by_kind)
    return sorted(hits, key=lambda h: h.start)


def _card_remnants(
    sequence: DigitSequence, windows: list[Window], masked_by_kind: dict[PiiKind, set[int]]
) -> list[PiiHit]:
    """Groups of a card reading left over when an RRN reading took part of it ("삼일 공이 공일
    … 팔이요" is a card in pairs or '31' + an RRN): starred in full, so that whichever the number
    is, no more than the RRN's first seven digits show."""
    rrn = masked_by_kind.get(PiiKind.RRN, set())
    if not rrn:
        return []
    masked = set().union(*masked_by_kind.values())
    left: set[int] = set()
    for first, last, window in windows:
        if rrn & set(range(first, last)) and _is_card_shaped(window):
            left |= set(range(first, last)) - masked
    runs: list[list[int]] = []
    for index in sorted(left):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [_starred(tuple(sequence.groups[i] for i in run)) for run in runs]


def _starred(groups: tuple[DigitGroup, ...]) -> PiiHit:
    stars = "*" * sum(len(g.digits) for g in groups)
    shown = "-".join("*" * len(g.digits) for g in groups)
    return PiiHit(PiiKind.CARD, groups[0].start, groups[-1].end, shown, groups, stars)


def _is_remnant(hit: PiiHit) -> bool:
    return bool(hit.masked_digits) and not hit.masked_digits.strip("*")


def _hit(kind: PiiKind, window: DigitSequence) -> PiiHit:
    masked = _masked_digits(kind, window.digits)
    lengths = [len(g.digits) for g in window.groups]
    return PiiHit(
        kind, window.start, window.end, _render(kind, masked, lengths), window.groups, masked
    )


def _passport_hits(text: str) -> list[PiiHit]:
    hits = []
    for match in _PASSPORT.finditer(text):
        if _PASSPORT_CUE.search(text, max(0, match.start() - _CUE_BEFORE), match.start()):
            value = match.group().upper()
            hits.append(
                PiiHit(
                    PiiKind.PASSPORT, match.start(), match.end(), value[0] + "*" * (len(value) - 1)
                )
            )
    return hits




def find_pii(text: str) -> list[PiiHit]:
    """Every number to mask in ``text``, in order."""
    hits = _number_hits(text) + _passport_hits(text)
    if not has_hangul(text):  # an English call says its digits as words (pii_english)
        hits += [h for h in _english_hits(text) if not any(h.start < o.end and o.start < h.end for o in hits)]
    return sorted(hits, key=lambda h: h.start)


def _english_hits(text: str) -> list[PiiHit]:
    from pipeline.pii_english import english_pii

    return [
        PiiHit(kind, span.start, span.end, masked, (group,), masked)
        for kind, span, masked, group in english_pii(text)
    ]


def _apply(text: str, replacements: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(replacements, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def mask_text(text: str) -> MaskResult:
    """``text`` with every RRN, card, account and passport number masked."""
    if not isinstance(text, str):
        raise InvalidInputError("the text to mask must be a string")
    hits = find_pii(text)
    masked = _apply(text, [(h.start, h.end, h.masked) for h in hits])
    return MaskResult(masked, [PiiMasking(kind=h.kind, masked=h.masked) for h in hits])


# --- transcripts ------------------------------------------------------------------------------


@dataclass
class _UtteranceEdits:
    replacements: list[tuple[int, int, str]]
    maskings: list[PiiMasking]


def _partner(utterances: list[Utterance], index: int) -> int | None:
    """The same speaker's next utterance when only short backchannels ("네") come between."""
    speaker = utterances[index].speaker
    for other in range(index + 1, len(utterances)):
        candidate = utterances[other]
        if candidate.speaker == speaker:
            return other
        text = candidate.text.strip()
        if len(text) > BACKCHANNEL_MAX_CHARS or any(c.isdigit() for c in text):
            return None
    return None


@dataclass(frozen=True)
class _Part:
    """The piece of a two-turn number that lies in one utterance, in that utterance's offsets."""

    utterance: int
    start: int
    end: int
    masked: str


def _split_hit(hit: PiiHit, boundary: int, offset: int, first: int, second: int) -> list[_Part]:
    parts: list[_Part] = []
    cursor = 0
    for in_second in (False, True):
        groups = [g for g in hit.groups if (g.start >= boundary) == in_second]
        if not groups:
            continue
        pieces = []
        for group in groups:
            pieces.append(hit.masked_digits[cursor : cursor + len(group.digits)])
            cursor += len(group.digits)
        shift = offset if in_second else 0
        parts.append(
            _Part(
                second if in_second else first,
                groups[0].start - shift,
                groups[-1].end - shift,
                "-".join(pieces),
            )
        )
    return parts


def _overlaps(start: int, end: int, ranges: list[tuple[int, int, str]]) -> bool:
    return any(start < r_end and r_start < end for r_start, r_end, _ in ranges)


_TRAILING_PARTICLES = re.compile(
    r"(?:이요|요|이고요|고요|이구요|구요|이에요|예요|입니다|인데요|이고|[\s.,?!~])*$"
)
_LEADING_FILLERS = re.compile(r"^(?:네|예|그리고|음|어|아|[\s.,])*")


def _cross_utterance_hits(utterances: list[Utterance], edits: list[_UtteranceEdits]) -> None:
    """Numbers said in two turns ("팔오공삼일오요" / "네" / "일이삼사오육칠")."""
    for index, utterance in enumerate(utterances):
        partner = _partner(utterances, index)
        if partner is None:
            continue
        second_text = utterances[partner].text
        boundary = _TRAILING_PARTICLES.search(utterance.text).start()
        lead = _LEADING_FILLERS.match(second_text).end()
        joined = f"{utterance.text[:boundary]}\n{second_text[lead:]}"
        for hit in _number_hits(joined):
            # A card remnant may lie in one turn while the RRN that cut it spans both.
            if not (hit.start < boundary < hit.end or _is_remnant(hit)):
                continue
            parts = _split_hit(hit, boundary, boundary + 1 - lead, index, partner)
            if any(_overlaps(p.start, p.end, edits[p.utterance].replacements) for p in parts):
                continue
            for part in parts:
                edits[part.utterance].replacements.append((part.start, part.end, part.masked))
            edits[index].maskings.append(
                PiiMasking(kind=hit.kind, masked=hit.masked, utterance_id=utterance.id)
            )


def _star_digits(text: str) -> str:
    return "".join("*" if c.isdigit() or c in _SPOKEN_DIGIT_CHARS else c for c in text)


def _mask_words(words: list[Word], text: str, ranges: list[tuple[int, int, str]]) -> list[Word]:
    if not ranges:
        return words
    masked: list[Word] = []
    cursor = 0
    for word in words:
        token = word.text.strip()
        position = text.find(token, cursor) if token else -1
        if position >= 0:
            cursor = position + len(token)
            hit = _overlaps(position, cursor, ranges)
        else:  # the word does not align with the text: mask it if it could hold digits
            hit = _star_digits(token) != token
        masked.append(word.model_copy(update={"text": _star_digits(word.text)}) if hit else word)
    return masked


def _hits_with_previous_turn(utterances: list[Utterance], index: int) -> list[PiiHit]:
    """Hits in one utterance, reading the cue words of the turn before: "카드 번호 불러 주세요" /
    "9410 6623 0057 1184요" is a card number even though its own turn never says so."""
    text = utterances[index].text
    previous = utterances[index - 1].text[-_CUE_BEFORE:] if index else ""
    prefix = f"{previous}\n" if previous else ""
    hits = [h for h in find_pii(prefix + text) if h.start >= len(prefix)]
    shifted = [
        PiiHit(
            h.kind, h.start - len(prefix), h.end - len(prefix), h.masked, h.groups, h.masked_digits
        )
        for h in hits
    ]
    # The reading with the question in view wins: "카드 번호 말씀해 주세요" / "…오육칠팔이요" is
    # a 16-digit card plus the particle 이요, not a 17-digit number that passes Luhn by chance.
    own = find_pii(text)
    return sorted(
        shifted + [h for h in own if not any(h.start < o.end and o.start < h.end for o in shifted)],
        key=lambda h: h.start,
    )


def mask_transcript(transcript: Transcript) -> tuple[Transcript, list[PiiMasking]]:
    """A new transcript with PII masked in utterance texts and word texts, and what was masked."""
    utterances = transcript.utterances
    edits = []
    for index, utterance in enumerate(utterances):
        hits = _hits_with_previous_turn(utterances, index)
        edits.append(
            _UtteranceEdits(
                [(h.start, h.end, h.masked) for h in hits],
                [PiiMasking(kind=h.kind, masked=h.masked, utterance_id=utterance.id) for h in hits],
            )
        )
    _cross_utterance_hits(utterances, edits)
    masked_utterances = [
        u.model_copy(
            update={
                "text": _apply(u.text, e.replacements),
                "words": _mask_words(u.words, u.text, e.replacements),
            }
        )
        for u, e in zip(utterances, edits, strict=True)
    ]
    maskings = [m for e in edits for m in e.maskings]
    return transcript.model_copy(update={"utterances": masked_utterances}), maskings
