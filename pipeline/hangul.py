"""Korean particles that change with the syllable before them (이/가, 을/를, 은/는, 과/와)."""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[가-힣]")


def has_hangul(text: str) -> bool:
    """True when ``text`` has a Hangul syllable: what tells a Korean text from an English one."""
    return _HANGUL.search(text) is not None


def has_final_consonant(text: str) -> bool:
    """True when the last character is a Hangul syllable with a final consonant (받침)."""
    last = text.rstrip()[-1:]
    return "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0


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
    return "로" if (ord(last) - ord("가")) % 28 == _RIEUL_FINAL else "으로"
