"""Codes spelled out on the phone: Latin letters by their Korean names ("에스엠" → SM, "오엔" → ON)
followed by digits, as in order numbers ("에스엠 칠칠삼일구공이" → SM-7731902)."""

from __future__ import annotations

import re

from pipeline.normalize.numbers import SPOKEN_DIGITS, parse_korean_number

# Longest names first so that 에이치 is H, not 에이 + 치.
LETTER_NAMES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "에이": "A", "비": "B", "씨": "C", "디": "D", "이": "E", "에프": "F", "지": "G",
            "에이치": "H", "아이": "I", "제이": "J", "케이": "K", "엘": "L", "엠": "M", "엔": "N",
            "오": "O", "피": "P", "큐": "Q", "알": "R", "에스": "S", "티": "T", "유": "U",
            "브이": "V", "더블유": "W", "엑스": "X", "와이": "Y", "제트": "Z", "지드": "Z",
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)
_DIGIT_LIKE_LETTERS = frozenset("이오일공육삼사칠팔구")
MIN_LETTERS = 2
MAX_LETTERS = 4
MAX_SPACED_LETTERS = 12
# Letter names run together ("에스엠") or one by one ("제이 와이 오 오 엔"), then the digits.
_SPELLED_THEN_DIGITS = re.compile(
    r"(?<![가-힣])(?P<letters>[가-힣]{2,12}|(?:[가-힣]{1,3} ){2,11}[가-힣]{1,3})"
    r"\s*(?:하고|다시|-)?\s*(?P<digits>\d[\d-]*\d|[영공일이삼사오육칠팔구]{2,}(?![가-힣]))"
)


def spelled_letters(word: str) -> str | None:
    """'에스엠' → 'SM', '제이 와이 오' → 'JYO'; None unless the word is 2–4 letter names, or
    each spaced piece is one."""
    if " " in word:
        pieces = [spelled_letters_one(p) for p in word.split()]
        joined = "".join(p for p in pieces if p)
        return joined if all(pieces) and len(joined) <= MAX_SPACED_LETTERS else None
    return _spelled(word, MIN_LETTERS, MAX_LETTERS)


def spelled_letters_one(word: str) -> str | None:
    return _spelled(word, 1, MAX_LETTERS)


def _spelled(word: str, least: int, most: int) -> str | None:
    letters: list[str] = []
    rest = word
    while rest:
        for name, letter in LETTER_NAMES:
            if rest.startswith(name):
                letters.append(letter)
                rest = rest[len(name) :]
                break
        else:
            return None
    return "".join(letters) if least <= len(letters) <= most else None


def spelled_codes(text: str) -> list[tuple[int, int, str]]:
    """Letter-name words followed by digits (digits already written as digits): (start, end,
    'SM-7731902')."""
    codes: list[tuple[int, int, str]] = []
    for match in _SPELLED_THEN_DIGITS.finditer(text):
        words = match["letters"].split(" ")
        if len(words) > 1 and words[-1] in ("하고", "다시"):
            words = words[:-1]
        # The longest tail of the words that spells letters: "아이디는 제이 와이" → "JY".
        for first in range(len(words)):
            spelled = " ".join(words[first:])
            letters = spelled_letters(spelled)
            # "이이구공이요" is digits: letters that are also digit names (이 = E, 오 = O) alone
            # spell nothing.
            if letters and not set(spelled.replace(" ", "")) <= _DIGIT_LIKE_LETTERS:
                start = match.start("letters") + len(" ".join(words[:first])) + (first > 0)
                digits = "".join(SPOKEN_DIGITS.get(c, c) for c in match["digits"])
                codes.append((start, match.end(), f"{letters}-{digits}"))
                break
    return codes


_DIGIT_WORD = re.compile(r"^(?:\d+|[영공일이삼사오육칠팔구]+|[일이삼사오육칠팔구]?[백천][일이삼사오육칠팔구십백]*)$")
_PARTICLE_TAIL = re.compile(r"(?:이요|요|이고요|고요|입니다|이에요|예요)$")
MIN_MIXED_LETTERS = 2
MIN_MIXED_DIGITS = 3


def _mixed_piece(word: str) -> tuple[str, bool] | None:
    """(written form, is_letters) for one spoken word of a mixed code."""
    if _DIGIT_WORD.match(word):
        if re.search("[백천]", word):  # "칠백" in "에이치티 육오 유 칠백" is 700
            value = parse_korean_number(word)
            return (str(value), False) if value is not None else None
        return "".join(SPOKEN_DIGITS.get(c, c) for c in word), False
    letters = spelled_letters_one(word)
    return (letters, True) if letters else None


def mixed_codes(text: str) -> list[tuple[int, int, str]]:
    """Model codes spelled letter and digit groups in turn: "알 에프 팔오 씨 구공공일" →
    RF85C9001. Letters must come back after digits, so "이 번호로" or "오 일" are no code."""
    codes: list[tuple[int, int, str]] = []
    words = list(re.finditer(r"\S+", text))
    index = 0
    while index < len(words):
        run: list[tuple[re.Match[str], str, bool]] = []
        while index < len(words):
            word = words[index].group()
            piece = _mixed_piece(word) or _mixed_piece(_PARTICLE_TAIL.sub("", word))
            if piece is None:
                break
            run.append((words[index], *piece))
            index += 1
            if _PARTICLE_TAIL.search(word) and _mixed_piece(word) is None:
                break  # "공이요" ends the code
        index += 1
        kinds = [is_letters for _, _, is_letters in run]
        switches = sum(1 for a, b in zip(kinds, kinds[1:]) if a != b)
        letters = sum(len(p) for _, p, k in run if k)
        digits = sum(len(p) for _, p, k in run if not k)
        if switches >= 2 and letters >= MIN_MIXED_LETTERS and digits >= MIN_MIXED_DIGITS:
            end = run[-1][0].start() + len(_PARTICLE_TAIL.sub("", run[-1][0].group()))
            codes.append((run[0][0].start(), end, "".join(p for _, p, _ in run)))
    return codes
