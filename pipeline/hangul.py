"""Korean particles that change with the syllable before them (이/가, 을/를, 은/는, 과/와)."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

_HANGUL = re.compile(r"[가-힣]")
_FIRST_SYLLABLE = ord("가")
_VOWEL_COUNT = 21
_FINAL_COUNT = 28  # no final consonant, then the 27 finals


class SyllableParts(NamedTuple):
    """A Hangul syllable's initial consonant, vowel and final consonant, as indexes into the
    Unicode tables (final 0: none)."""

    initial: int
    vowel: int
    final: int


def syllable_parts(char: str) -> SyllableParts | None:
    """The parts of ``char``, or None when it is no Hangul syllable."""
    if not "가" <= char <= "힣":
        return None
    initial, rest = divmod(ord(char) - _FIRST_SYLLABLE, _VOWEL_COUNT * _FINAL_COUNT)
    vowel, final = divmod(rest, _FINAL_COUNT)
    return SyllableParts(initial, vowel, final)


@cache
def syllables_with_final(final: int) -> frozenset[str]:
    """Every Hangul syllable closed by the final consonant ``final``: a set to test a character
    against in a hot loop, cheaper than taking each one apart."""
    first_with_it = _FIRST_SYLLABLE + final
    return frozenset(chr(code) for code in range(first_with_it, ord("힣") + 1, _FINAL_COUNT))


def without_final(char: str) -> str:
    """The syllable ``char`` with its final consonant taken off ("킨" → "키")."""
    parts = syllable_parts(char)
    return chr(ord(char) - parts.final) if parts is not None else char


def has_hangul(text: str) -> bool:
    """True when ``text`` has a Hangul syllable: what tells a Korean text from an English one."""
    return _HANGUL.search(text) is not None


def has_final_consonant(text: str) -> bool:
    """True when the last character is a Hangul syllable with a final consonant (받침)."""
    parts = syllable_parts(text.rstrip()[-1:])
    return parts is not None and parts.final != 0


def subject_particle(text: str) -> str:
    return "이" if has_final_consonant(text) else "가"


def object_particle(text: str) -> str:
    """을 after a final consonant, 를 after a vowel; 을(를) after a letter or digit, whose
    reading the text does not tell."""
    last = text.rstrip()[-1:]
    if "가" <= last <= "힣":
        return "을" if has_final_consonant(last) else "를"
    return "을(를)"


_RIEUL_FINAL = 8  # ㄹ's place among the final consonants of a Hangul syllable


def instrumental_particle(text: str) -> str:
    """으로 after a final consonant other than ㄹ, 로 after a vowel or ㄹ ("생년월일로")."""
    last = text.rstrip()[-1:]
    if not has_final_consonant(last):
        return "로"
    parts = syllable_parts(last)
    return "로" if parts is not None and parts.final == _RIEUL_FINAL else "으로"
