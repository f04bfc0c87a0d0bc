"""E-mail addresses as said on the phone: "kimcs 골뱅이 네이버 닷컴" → kimcs@naver.com, letters
spelled one by one ("에스 와이 제이 팔팔 골뱅이 지메일 닷컴" → syj88@gmail.com), Korean words
romanised ("주연 점 함 골뱅이 카카오 닷컴" → juyeon.ham@kakao.com)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.hangul import has_final_consonant
from pipeline.normalize.alnum import spelled_letters_one
from pipeline.normalize.numbers import SPOKEN_DIGITS
from pipeline.normalize.romanize import email_words, romanize

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SPOKEN_AT = re.compile(r"\s*(?:골뱅이|앳|(?<![A-Za-z])at(?![A-Za-z]))\s*", re.IGNORECASE)
_PARTICLE_TAIL = re.compile(r"(?:이요|요|입니다|이에요|예요|로|으로|이고요|고요)$")
# Words that join the parts of an address: a Korean word is romanised only beside one of these
# or right before the @, so "메일은" in "메일은 kimcs 골뱅이 …" stays out.
_JOINERS = frozenset([".", "_", "-"])
# A word of only 이/오 may be digits (2, 5) or letters (E, O): the reading is a guess.
_DIGIT_OR_LETTER = frozenset("이오")


@dataclass(frozen=True)
class Piece:
    text: str
    # Read by a guess: a romanised Korean word, or 이/오 that may be letters.
    guessed: bool = False
    korean: bool = False


@dataclass(frozen=True)
class EmailMention:
    start: int
    end: int
    value: str
    # The local part needed a guess ("노" → no, "오오" → 55); a reading spelled letter by letter
    # elsewhere in the call is surer.
    guessed: bool


# Surnames said the English way as a word of their own ("제이 에이치 점 리" → jh.lee): written
# as people write them; inside a word ("제이리") the syllable is romanised.
_ENGLISH_SURNAMES = {"리": "lee", "팍": "park", "킴": "kim", "초이": "choi"}


def _email_piece(word: str) -> Piece | None:
    if re.fullmatch(r"[A-Za-z0-9._-]+", word):
        return Piece(word.lower())
    if word in _ENGLISH_SURNAMES:
        return Piece(_ENGLISH_SURNAMES[word])
    written = email_words().get(word)
    if written is not None:
        return Piece(written)
    if word and all(c in SPOKEN_DIGITS for c in word) and word not in ("이", "오"):
        digits = "".join(SPOKEN_DIGITS[c] for c in word)
        return Piece(digits, guessed=set(word) <= _DIGIT_OR_LETTER)
    letters = spelled_letters_one(word)
    if letters:
        return Piece(letters.lower())
    return _romanised(word)


def _romanised(word: str) -> Piece | None:
    """"제이킴" → jkim (letter names, then a Korean syllable), "세무" → semu."""
    for split in range(len(word) - 1, 0, -1):
        letters = spelled_letters_one(word[:split])
        rest = romanize(word[split:]) if letters else None
        if letters and rest:
            return Piece(letters.lower() + rest, guessed=True, korean=True)
    whole = romanize(word)
    return Piece(whole, guessed=True, korean=True) if whole else None


def _local_part(text: str, at: int) -> tuple[int, list[Piece]]:
    """The pieces before the @ at ``at`` and where the first begins."""
    pieces: list[Piece] = []
    start = at
    for word in reversed(list(re.finditer(r"\S+", text[:at]))):
        piece = _email_piece(word.group())
        if piece is None:
            break
        beside_joiner = not pieces or pieces[0].text in _JOINERS
        if piece.korean and not beside_joiner:
            break
        pieces.insert(0, piece)
        start = word.start()
    # A Korean word left of a joiner only when something else joins it ("주연 점 함").
    while pieces and pieces[0].text in _JOINERS:
        pieces.pop(0)
    return start, pieces


def _spelled_letter(word: str) -> str | None:
    """One letter name said alone ("티", "케이"), not a word of them."""
    if word in email_words():
        return None
    letters = spelled_letters_one(word)
    return letters if letters is not None and len(letters) == 1 else None


def _domain(text: str, after: int) -> tuple[int, str]:
    """The domain from ``after`` on: labels joined by dots, ending after the last label."""
    parts: list[str] = []
    end = after
    spelled_before = False
    for word in re.finditer(r"\S+", text[after:]):
        whole = _email_piece(word.group())
        stripped = _PARTICLE_TAIL.sub("", word.group())
        ending = _email_piece(stripped) if stripped and stripped != word.group() else None
        # "닷컴이요" is .com and 요; "온새미로" is a name, romanised whole.
        ended = ending is not None and not ending.korean and (whole is None or whole.korean)
        piece = ending if ended else whole or ending
        label_due = not parts or parts[-1].endswith(".")
        # A label spelled letter by letter ("티 케이 피 엠 닷 씨 오 닷 케이 알" → tkpm.co.kr).
        spelled = _spelled_letter(word.group()) or _spelled_letter(stripped)
        if piece is not None and spelled and spelled_before and not label_due:
            piece = Piece(spelled.lower())
        elif piece is None or (not label_due and not piece.text.startswith(".")):
            break  # "… 케이알 로 되어 있는데": the address ended at its last label
        spelled_before = bool(spelled) and not piece.text.startswith(".")
        parts.append(piece.text)
        end = after + word.end()
        if ended or piece is ending:
            break
    return end, "".join(parts)


def find_emails(text: str) -> list[EmailMention]:
    """Every e-mail address written or said in ``text``."""
    found = [
        EmailMention(m.start(), m.end(), m.group().lower(), False) for m in _EMAIL.finditer(text)
    ]
    for at in _SPOKEN_AT.finditer(text):
        start, local = _local_part(text, at.start())
        end, domain = _domain(text, at.end())
        candidate = "".join(p.text for p in local) + "@" + domain
        if _EMAIL.fullmatch(candidate) and not any(f.start <= at.start() < f.end for f in found):
            guessed = any(p.guessed for p in local)
            found.append(EmailMention(start, end, candidate.lower(), guessed))
    return sorted(found, key=lambda m: m.start)


def email_spans(text: str) -> list[tuple[int, int]]:
    """Where e-mail addresses are written or said, from the local part's first word to the @
    (or the end of the written address): codes and numbers there belong to the address."""
    spans = [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for at in _SPOKEN_AT.finditer(text):
        start, _ = _local_part(text, at.start())
        if start < at.start():
            spans.append((start, at.end()))
    return spans


def normalize_email(text: str) -> str | None:
    """An e-mail address written or spoken ("kimcs 골뱅이 네이버 닷컴")."""
    found = find_emails(text)
    return found[0].value if found else None


# The spoken dash as the identifier reader leaves it.
_ID_JOINERS = {"다시": "-"}
MIN_ID_CHARS = 4


_ID_CUE_WORD = re.compile(r"아이디(?:는|가|를|도|요|이고요|입니다)?")


def _id_stem(word: str) -> str:
    """The word without its particle; after digits ending in a vowel (구, 사, 오, 이) a particle
    begins without 이 ("구고요"), so that 이 is the digit 2 ("구이고요" → 92)."""
    tail = _PARTICLE_TAIL.search(word)
    if tail is None:
        return word
    stem = word[: tail.start()]
    digits = bool(stem) and all(c in SPOKEN_DIGITS for c in stem)
    if tail.group().startswith("이") and digits and not has_final_consonant(stem[-1]):
        return stem + "이"
    return stem


def spoken_id(text: str, start: int) -> tuple[int, int, str] | None:
    """An account id said from ``start`` on the way an address's local part is ("제이 와이 필름
    공칠이에요" → jyfilm07, "더블유 에스 하이픈 제이 킴 칠칠이요" → ws-jkim77): letters, digits,
    loanwords and joiners, a romanised word only inside it; letters and digits both."""
    pieces: list[tuple[int, int, Piece]] = []
    for word in re.finditer(r"\S+", text[start:]):
        said = word.group()
        if _SPOKEN_AT.fullmatch(said):
            return None  # "아이디가 이메일인데요 디 에이 … 골뱅이 …": an address, not an id
        if _ID_CUE_WORD.fullmatch(said):
            break  # "디에이엘 언더바 비아이티 구이 아이디 확인됐습니다": the word names the id
        stripped = _id_stem(said)
        joiner = _ID_JOINERS.get(said)
        piece = Piece(joiner) if joiner else _email_piece(said)
        ended = False
        if (piece is None or piece.korean) and stripped and stripped != said:
            piece, ended = _email_piece(stripped), True  # "공칠이에요": the id ends here
        if piece is None:
            break
        if not pieces and (piece.korean or piece.text in _JOINERS):
            continue  # "아 네 티 에이 케이 …", "민수칠구 아 엠 아이 엔 …": the id starts spelled
        pieces.append((start + word.start(), start + word.end(), piece))
        if ended:
            break
    while pieces and (pieces[-1][2].korean or pieces[-1][2].text in _JOINERS):
        pieces.pop()
    value = "".join(p.text for _, _, p in pieces)
    if len(value) < MIN_ID_CHARS or not re.search(r"\d", value) or not re.search("[a-z]", value):
        return None
    return pieces[0][0], pieces[-1][1], value
