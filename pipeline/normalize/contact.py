"""E-mail addresses as said on the phone: "kimcs 골뱅이 네이버 닷컴" → kimcs@naver.com, letters
spelled one by one ("에스 와이 제이 팔팔 골뱅이 지메일 닷컴" → syj88@gmail.com)."""

from __future__ import annotations

import re

from pipeline.normalize.alnum import spelled_letters_one
from pipeline.normalize.numbers import SPOKEN_DIGITS

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SPOKEN_AT = re.compile(r"\s*(?:골뱅이|앳|(?<![A-Za-z])at(?![A-Za-z]))\s*", re.IGNORECASE)
_EMAIL_WORDS = {
    "점": ".", "닷": ".", "쩜": ".", "dot": ".", "닷컴": ".com", "쩜컴": ".com", "컴": "com",
    "넷": "net", "닷넷": ".net", "씨오": "co", "케이알": "kr", "오알지": "org", "언더바": "_",
    "언더스코어": "_", "하이픈": "-", "대시": "-",
    "네이버": "naver", "지메일": "gmail", "다음": "daum", "한메일": "hanmail", "카카오": "kakao",
    "네이트": "nate", "핫메일": "hotmail", "아웃룩": "outlook", "야후": "yahoo", "구글": "google",
}
_PARTICLE_TAIL = re.compile(r"(?:이요|요|입니다|이에요|예요|로|으로|이고요|고요)$")


def _email_piece(word: str) -> str | None:
    if re.fullmatch(r"[A-Za-z0-9._-]+", word):
        return word.lower()
    if word in _EMAIL_WORDS:
        return _EMAIL_WORDS[word]
    if word and all(c in SPOKEN_DIGITS for c in word) and word not in ("이", "오"):
        return "".join(SPOKEN_DIGITS[c] for c in word)
    letters = spelled_letters_one(word)
    return letters.lower() if letters else None


def email_spans(text: str) -> list[tuple[int, int]]:
    """Where e-mail addresses are written or said, from the local part's first word to the @
    (or the end of the written address): codes and numbers there belong to the address."""
    spans = [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for at in _SPOKEN_AT.finditer(text):
        start = at.start()
        for word in reversed(list(re.finditer(r"\S+", text[: at.start()]))):
            if _email_piece(word.group()) is None:
                break
            start = word.start()
        if start < at.start():
            spans.append((start, at.end()))
    return spans


def _spoken_email(text: str) -> str | None:
    """"에스 와이 제이 팔팔 골뱅이 지메일 닷컴이요" → syj88@gmail.com."""
    at = _SPOKEN_AT.search(text)
    if at is None:
        return None
    local: list[str] = []
    for word in reversed(text[: at.start()].split()):
        piece = _email_piece(word)
        if piece is None:
            break
        local.insert(0, piece)
    domain: list[str] = []
    for word in text[at.end() :].split():
        stripped = _PARTICLE_TAIL.sub("", word)
        piece = _email_piece(word) or _email_piece(stripped)
        if piece is None:
            break
        domain.append(piece)
        if stripped != word:
            break
    candidate = "".join(local) + "@" + "".join(domain)
    found = _EMAIL.fullmatch(candidate)
    return found.group().lower() if found else None


def normalize_email(text: str) -> str | None:
    """An e-mail address written or spoken ("kimcs 골뱅이 네이버 닷컴")."""
    written = _EMAIL.search(text)
    if written:
        return written.group().lower()
    return _spoken_email(text)
