"""Codes spelled out on the phone: Latin letters by their Korean names ("에스엠" → SM, "오엔" → ON)
followed by digits, as in order numbers ("에스엠 칠칠삼일구공이" → SM-7731902)."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.hangul import has_final_consonant
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
# A word of letter names run together ("티에이케이이와이" = TAKEY) spells at most this many.
MAX_LETTERS = 8
MAX_SPACED_LETTERS = 12
# Letter names run together ("에스엠") or one by one ("제이 와이 오 오 엔"), then the digits.
_SPELLED_THEN_DIGITS = re.compile(
    # Spaced pieces may be names run together themselves ("티에이케이 이 와이").
    r"(?<![가-힣])(?P<letters>[가-힣]{2,12}|(?:[가-힣]{1,12} ){1,11}[가-힣]{1,12})"
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


# One letter name before a number with a dash in it ("엠 2024-773012", "알 1027-15"): a letter
# prefix, as spoken codes have. Digit names (이, 오) are digits.
_ONE_LETTER_CODE = re.compile(
    r"(?<![가-힣])(?P<letter>"
    + "|".join(name for name, _ in LETTER_NAMES if name not in ("이", "오"))
    + r") (?P<digits>\d+(?: ?- ?\d+)+)(?!\d)"
)
MIN_PREFIXED_DIGITS = 5
# A filler may come between the cue and the value ("회원번호가 음 엠 공사칠칠이").
_LETTER_NUMBER = (
    r"(?P<letter>"
    + "|".join(name for name, _ in LETTER_NAMES if name not in ("이", "오"))
    # Digit groups read out with pauses ("엘 0937 61883") are one number.
    + r") (?P<digits>\d{4,}(?:(?: ?- ?| )\d+)*)(?!\d)"
)
_LETTER_THEN_NUMBER = re.compile(
    r"(?:은|는|이|가|요)?\s*(?:(?:음|어|아|그|저|어어|음음)\s+)*" + _LETTER_NUMBER
)


def prefixed_number(text: str, start: int) -> tuple[int, int, str] | None:
    """One letter name said right where a number is due (after its cue, or as the answer to
    the question) and the number: "회원번호는 엠 123456" → M123456."""
    match = _LETTER_THEN_NUMBER.match(text, start)
    if match is None:
        return None
    digits = re.sub(r" ?- ?", "-", match["digits"]).replace(" ", "")
    return match.start("letter"), match.end(), _LETTER_OF[match["letter"]] + digits


# The same said anywhere in a longer answer ("잠깐만요 영어로 에이 0317 이렇게 써 있어요").
_LETTER_NUMBER_WORD = re.compile(r"(?<![가-힣])" + _LETTER_NUMBER)


def prefixed_numbers(text: str) -> list[tuple[int, int, str]]:
    """Every letter name said before a number of four or more digits in ``text``, as one code."""
    found = []
    for match in _LETTER_NUMBER_WORD.finditer(text):
        digits = re.sub(r" ?- ?", "-", match["digits"]).replace(" ", "")
        found.append((match.start("letter"), match.end(), _LETTER_OF[match["letter"]] + digits))
    return found


def spelled_codes(text: str) -> list[tuple[int, int, str]]:
    """Letter-name words followed by digits (digits already written as digits): (start, end,
    'SM-7731902')."""
    codes: list[tuple[int, int, str]] = []
    for match in _ONE_LETTER_CODE.finditer(text):
        digits = re.sub(r" ?- ?", "-", match["digits"])
        if len(digits.replace("-", "")) >= MIN_PREFIXED_DIGITS:
            codes.append((match.start(), match.end(), _LETTER_OF[match["letter"]] + digits))
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
# A day said with the copula's question ending ("이십구 일일지 삼십일 일일지": whether it is the
# 29th or the 31st): 일 + 일지, not the digits 11 and the letter G.
_DAY_IN_QUESTION = re.compile(r"^[영공일이삼사오육칠팔구십]*일일지$")
# "이십" in "에이피 엠 이십 더블유" is 20, said with a unit.
_TENS_WORD = re.compile(r"^[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?$")
_PARTICLE_TAIL = re.compile(
    r"(?:이요|요|이고요|고요|입니다|이에요|예요|이구요|구요|이랑|랑|가|는|를|로)$"
)
_DASH_WORDS = frozenset(["다시", "-"])
MIN_MIXED_LETTERS = 2
MIN_MIXED_DIGITS = 2
MIN_MIXED_CHARS = 5
# How a written letter or digit is said, for the particle after it (B이 = "비 이": B2).
_SAID_AS = {letter: name for name, letter in reversed(LETTER_NAMES)} | {
    digit: word for word, digit in SPOKEN_DIGITS.items() if word not in ("영", "륙")
}

Piece = tuple[str, bool]  # (written form, is_letters)
_LETTER_OF = dict(LETTER_NAMES)
# A spoken digit before a letter name: 이 and 오 read as 2 and 5 (names are longest first).
# Digits said in English among letter names ("에이치 와이 칠 큐 엠 투" = HY7QM2); 원 and 포
# are Korean words too often.
ENGLISH_DIGITS: dict[str, str] = {
    "제로": "0", "투": "2", "쓰리": "3", "파이브": "5", "식스": "6", "세븐": "7", "에잇": "8",
    "나인": "9",
}
_CODE_TOKEN = re.compile(
    r"[A-Za-z]+|\d+|-|(?P<spoken>[" + "".join(SPOKEN_DIGITS) + r"])|(?P<name>"
    + "|".join(name for name, _ in LETTER_NAMES)
    + r")|(?P<english>" + "|".join(ENGLISH_DIGITS) + ")"
)
_CODE_WORD = re.compile(f"(?:{_CODE_TOKEN.pattern})+")


@lru_cache(maxsize=8192)  # a call repeats its words (fillers, particles); the scan is per word
def _word_pieces(word: str) -> tuple[Piece, ...] | None:
    """One spoken word of a code as letter and digit groups: "이칠큐" → 27 + Q, "M이공W" →
    M + 20 + W, "칠백" → 700; None when part of it is neither."""
    if _DAY_IN_QUESTION.match(word):
        return None
    if _DIGIT_WORD.match(word) and re.search("[백천]", word) or _TENS_WORD.match(word):
        value = parse_korean_number(word)  # "칠백" in "에이치티 육오 유 칠백" is 700
        return ((str(value), False),) if value is not None else None
    if not _CODE_WORD.fullmatch(word):
        return None
    pieces: list[Piece] = []
    tokens = list(_CODE_TOKEN.finditer(word))
    for index, token in enumerate(tokens):
        if token["spoken"] and _spells_a_letter(tokens, index):
            pieces.append(("E" if token["spoken"] == "이" else "O", True))
        elif token["spoken"]:
            pieces.append((SPOKEN_DIGITS[token["spoken"]], False))
        elif token["name"]:
            pieces.append((_LETTER_OF[token["name"]], True))
        elif token["english"]:
            pieces.append((ENGLISH_DIGITS[token["english"]], False))
        else:
            pieces.append((token.group().upper(), token.group().isalpha()))
    return tuple(pieces)


def _spells_a_letter(tokens: list[re.Match[str]], index: int) -> bool:
    """이 and 오 inside one word of letter names are E and O: first before a letter name
    ("이디유" = EDU) or between two ("티에이케이이와이" = TAKEY); by digits they stay digits."""
    if tokens[index]["spoken"] not in ("이", "오"):
        return False
    after = index + 1 < len(tokens) and bool(tokens[index + 1]["name"])
    before = index == 0 or bool(tokens[index - 1]["name"])
    return after and before


def _without_particle(word: str) -> str:
    """The word without a particle after it; 이 is the particle only after a final consonant
    ("칠칠이요" is 77, "비이요" is B2)."""
    tail = _PARTICLE_TAIL.search(word)
    if tail is None:
        return word
    stem = word[: tail.start()]
    if tail.group().startswith("이") and stem and not _ends_in_consonant(stem[-1]):
        return word[: tail.start() + 1]
    return stem


def _ends_in_consonant(char: str) -> bool:
    said = _SAID_AS.get(char.upper(), char)
    return has_final_consonant(said[-1]) if "가" <= said[-1] <= "힣" else False


def _mixed_piece(word: str) -> tuple[Piece, ...] | None:
    return _word_pieces(word) or _word_pieces(_without_particle(word))


def mixed_codes(text: str) -> list[tuple[int, int, str]]:
    """Model codes spelled letter and digit groups in turn, a spoken dash kept: "알 에프 팔오 씨
    구공공일" → RF85C9001, "디 더블유 다시 에스 1420 케이 알" → DW-S1420KR. Letters must come
    back after digits, so "이 번호로" or "오 일" are no code."""
    codes: list[tuple[int, int, str]] = []
    words = list(re.finditer(r"\S+", text))
    index = 0
    while index < len(words):
        run, index = _run_from(words, index)
        while run and run[-1][1] == _DASH:
            run.pop()
        while run and run[0][1] == _DASH:
            run.pop(0)
        code = _code_of(run)
        if code:
            end = run[-1][0].start() + len(_without_particle(run[-1][0].group()))
            codes.append((run[0][0].start(), end, code))
    return codes


Run = list[tuple[re.Match[str], tuple[Piece, ...]]]
_DASH: tuple[Piece, ...] = (("-", False),)
_ID_WORD = re.compile(r"아이디(?:는|가|를|도|요|입니다)?")


def _run_from(words: list[re.Match[str]], index: int) -> tuple[Run, int]:
    """The code words from ``index`` on, and where the next run may start."""
    run: Run = []
    while index < len(words):
        word = words[index].group()
        if _ID_WORD.fullmatch(word):
            return run, index + 1  # "비아이티 구이 아이디 확인됐습니다": the word ID names the code
        pieces = _DASH if word in _DASH_WORDS else _mixed_piece(word)
        if pieces is None:
            return run, index + 1
        run.append((words[index], pieces))
        index += 1
        if _PARTICLE_TAIL.search(word) and _word_pieces(word) is None:
            break  # "공이요" ends the code; the next word may begin another
    return run, index


def _code_of(run: Run) -> str | None:
    pieces = [p for _, word_pieces in run for p in word_pieces]
    # A code begins with its letters: "오 엔 …" is ON, not 5N.
    if len(pieces) > 1 and run[0][0].group() in ("오", "이") and pieces[1][1]:
        pieces[0] = (run[0][0].group().replace("오", "O").replace("이", "E"), True)
    kinds = [is_letters for text, is_letters in pieces if text != "-"]
    switches = sum(1 for a, b in zip(kinds, kinds[1:]) if a != b)
    letters = sum(len(p) for p, k in pieces if k)
    digits = sum(len(p) for p, k in pieces if not k and p != "-")
    # A letter the transcript writes (K in "20261003 다시 K 1177"), or one between spoken
    # dashes and digits, is surely a letter.
    written = any(re.search("[A-Za-z]", m.group()) for m, _ in run)
    enough_letters = letters >= MIN_MIXED_LETTERS or written or ("-", False) in pieces
    # Digits said only as 이 or 오 among letter names spell a word ("에스 에이 이 에스 오 엘").
    true_digits = any(not k and m.group() not in ("이", "오") for m, ps in run for _, k in ps)
    if switches >= 2 and enough_letters and digits >= MIN_MIXED_DIGITS and true_digits:
        if letters + digits >= MIN_MIXED_CHARS:
            return "".join(p for p, _ in pieces)
    return None
