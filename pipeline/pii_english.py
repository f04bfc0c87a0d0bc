"""Masking of English calls: card, bank-account, social-security and passport numbers, spoken
("four one four seven …", "double five", "oh") or written.

The Korean reader (pipeline.pii) hears 공일공-style digits and Korean cue words; an English call
says its digits as words and its cues in English, so it needs its own reading. The rules are the
same: a Luhn-valid card-length run is a card whatever is said with it; otherwise the cue said
before the number decides ("card number", "bank account", "social security", "passport").
Customer account numbers of telecoms and utilities ("the account number at the top of the
bill") are identifiers the agent needs, so "account" alone masks only with a bank word near it.
"""

from __future__ import annotations

import re

from models.note import PiiKind
from pipeline.normalize.english import Span, code_spans, digit_runs
from pipeline.normalize.numbers import DigitGroup
from pipeline.pii import luhn_valid

_CUE_WINDOW = 90
_CUES: tuple[tuple[PiiKind, re.Pattern[str]], ...] = (
    (PiiKind.PASSPORT, re.compile(r"\bpassport\b")),
    (PiiKind.RRN, re.compile(r"\b(?:social security|social insurance|national insurance|ssn|sin number|tax id)\b")),
    (PiiKind.CARD, re.compile(r"\b(?:card|visa|mastercard|amex|american express|cvv|cvc)\b")),
    (
        PiiKind.ACCOUNT,
        re.compile(
            r"\b(?:bank account|checking|chequing|savings|current account|routing|sort code|iban|"
            r"account (?:number )?(?:at|with) (?:the|your|my) bank|bank details|"
            # The account a bill is paid from: "the account they pull from", "my autopay account".
            r"account (?:that |which )?(?:they|you|it|you guys) (?:pull|pulls|take|takes|debit|debits|draw|draws)"
            r"(?: it| the money| payments?)? from|auto ?pay account|direct debit (?:account|from))\b"
        ),
    ),
)
# Said just before a number, these make it something the agent keeps.
_KEEP = re.compile(
    r"\b(?:phone|mobile|cell|reach|contact number|call you|order|reference|ticket|case|claim|"
    r"policy|model|serial|tracking|invoice|booking|confirmation|zip|postcode|postal|ending|"
    r"last four|last 4)\b"
)
_LAST_FOUR = 4
# A bank named just after a number makes it a bank account: "oh oh four four … at first
# national", "… with chase bank", "… at the credit union".
_BANK_AFTER = re.compile(
    r"^\s*(?:at|with|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:bank|national|credit union|savings|federal|trust|building society|chase|wells fargo|barclays|"
    r"lloyds|natwest|hsbc|santander)\b"
)


def _nearest_cue(text: str, start: int) -> tuple[PiiKind | None, bool]:
    """The sensitive kind named last before ``start`` and whether a keep-word came after it."""
    window = text[max(0, start - _CUE_WINDOW) : start].lower()
    best: tuple[int, PiiKind] | None = None
    for kind, pattern in _CUES:
        for match in pattern.finditer(window):
            if best is None or match.end() > best[0]:
                best = (match.end(), kind)
    if best is None:
        return None, False
    keep = _KEEP.search(window, best[0])
    return best[1], keep is not None


def _classify(text: str, span: Span) -> PiiKind | None:
    digits = span.value.replace("-", "")
    kind, kept = _nearest_cue(text, span.start)
    if digits.isdigit() and 13 <= len(digits) <= 19 and luhn_valid(digits):
        return PiiKind.CARD  # no label unmasks a valid card number
    if kept:
        return None
    if kind is PiiKind.PASSPORT and 6 <= len(digits) <= 10:
        return PiiKind.PASSPORT
    if not digits.isdigit():
        return None
    if kind is PiiKind.CARD and 12 <= len(digits) <= 19:
        return PiiKind.CARD
    if kind is PiiKind.RRN and len(digits) == 9:
        return PiiKind.RRN
    if kind is PiiKind.ACCOUNT and 6 <= len(digits) <= 17:
        return PiiKind.ACCOUNT
    if 6 <= len(digits) <= 17 and _BANK_AFTER.match(text[span.end : span.end + 60].lower()):
        return PiiKind.ACCOUNT
    return None


def _masked(kind: PiiKind, value: str) -> str:
    digits = value.replace("-", "")
    if kind is PiiKind.CARD:
        return digits[:6] + "*" * (len(digits) - 10) + digits[-_LAST_FOUR:]
    if kind is PiiKind.ACCOUNT:
        return "*" * (len(digits) - _LAST_FOUR) + digits[-_LAST_FOUR:]
    # A social security or passport number shows nothing: no part of it is needed on a note.
    return "*" * len(digits)


def english_pii(text: str) -> list[tuple[PiiKind, Span, str, DigitGroup]]:
    """(kind, span, masked text, the clear digits as one group) of every number to mask."""
    found = []
    runs = digit_runs(text)
    passports = [s for s in code_spans(text) if s not in runs]
    for span in runs + passports:
        kind = _classify(text, span)
        if kind is None:
            continue
        masked = _masked(kind, span.value)
        group = DigitGroup(span.start, span.end, span.value.replace("-", ""), spoken=True)
        found.append((kind, span, masked, group))
    return sorted(found, key=lambda f: f[1].start)
