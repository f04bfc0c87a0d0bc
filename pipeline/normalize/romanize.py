"""Korean words as people write them in Latin letters: Revised Romanization syllable by
syllable ("주연" → juyeon, "세무" → semu), with English loanwords written as the English word
("디자인" → design). For e-mail addresses and account ids said aloud."""

from __future__ import annotations

from functools import cache

from pipeline.hangul import syllable_parts
from pipeline.nlp import word_list

_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
    "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
)
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
)
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)


@cache
def email_words() -> dict[str, str]:
    """The written form of words said in addresses (email_words.txt)."""
    pairs = (line.split() for line in word_list("email_words"))
    return {word: written for word, written in pairs}


def _syllable(char: str) -> str | None:
    parts = syllable_parts(char)
    if parts is None:
        return None
    return _INITIALS[parts.initial] + _VOWELS[parts.vowel] + _FINALS[parts.final]


def romanize(word: str) -> str | None:
    """The word in Latin letters, loanwords as the English word, or None if it is not all
    Hangul syllables."""
    loanwords = email_words()
    out: list[str] = []
    index = 0
    while index < len(word):
        # The longest loanword starting here ("온새미디자인" → 온새미 + design); one syllable
        # (홈, 샵) is a loanword only as the whole word, not inside a name (김원).
        shortest = index + 1 if len(word) == 1 else index + 2
        for end in range(len(word), shortest - 1, -1):
            written = loanwords.get(word[index:end])
            if written is not None and written.isalpha():
                out.append(written)
                index = end
                break
        else:
            syllable = _syllable(word[index])
            if syllable is None:
                return None
            out.append(syllable)
            index += 1
    return "".join(out)
