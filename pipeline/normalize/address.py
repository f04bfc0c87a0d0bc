"""Korean street addresses as said on the phone, normalised the way they are written:
"서울시 마포구 월드컵북로 십이길 삼십사 삼백일 호요" → "서울시 마포구 월드컵북로12길 34 301호"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize.numbers import parse_korean_number

_PROVINCES = (
    "서울특별시|서울시|서울|부산광역시|부산시|부산|대구광역시|대구시|대구|인천광역시|인천시|인천|"
    "광주광역시|광주시|대전광역시|대전시|대전|울산광역시|울산시|울산|세종특별자치시|세종시|세종|"
    "경기도|강원도|강원특별자치도|충청북도|충청남도|전라북도|전북특별자치도|전라남도|경상북도|"
    "경상남도|제주특별자치도|제주도|제주|경기|강원|충북|충남|전북|전남|경북|경남"
)
# An address starts at a province or city followed by a district ("성남시 분당구").
_HEAD = re.compile(
    r"(?<![가-힣])(?:(?:" + _PROVINCES + r")\s+[가-힣]{1,5}(?:시|군|구)"
    r"|[가-힣]{1,4}시\s+[가-힣]{1,4}(?:구|군)"
    # A city without districts straight to its road: "세종시 한누리대로 이백오십".
    r"|(?:" + _PROVINCES + r"|[가-힣]{1,4}시)\s+[가-힣0-9]{1,8}(?:로|길)(?=\s+(?:\d|[일이삼사오육칠팔구십백]))"
    r"|(?:[가-힣]{2,4}|중|동|서|남|북)구\s+[가-힣0-9]{1,8}(?:동|로|길)(?=\s+(?:\d|[일이삼사오육칠팔구십백])))"
    r"(?![가-힣])"
)
_TRAILING = re.compile(r"(?:이에요|에요|예요|이요|요|입니다|이고요|고요|이구요|구요|이고|인데요|이며)$")
_NUMERAL = r"(?:\d+(?:-\d+)?|[영공일이삼사오육칠팔구십백천]+)"
_PLACE = re.compile(r"^[가-힣A-Za-z0-9]+(?:시|군|구|로|길|동|읍|면|리|가)$")
_NUMBER = re.compile(r"^(?P<n>" + _NUMERAL + r")(?P<unit>번지|번길|길|동|호|층|번)?$")
_BUILDING = re.compile(r"^[가-힣A-Za-z0-9]+(?:아파트|빌라|오피스텔|타워|맨션|빌딩|주택|하우스|캐슬|팰리스)$")
_BUILDING_WORD = re.compile(r"^(?:아파트|빌라|오피스텔|타워|맨션|빌딩|주택)$")
_UNIT = re.compile(r"^(?:번지|번길|길|동|호|층)$")
MAX_WORDS = 12


@dataclass(frozen=True)
class AddressMention:
    start: int
    end: int
    value: str


def _number(text: str) -> str | None:
    if re.fullmatch(r"\d+(?:-\d+)?", text):
        return text
    value = parse_korean_number(text)
    return str(value) if value is not None else None


def _piece(word: str) -> tuple[str, bool] | None:
    """The written form of one address word and whether the address may go on after it."""
    stripped = _TRAILING.sub("", word)
    last = stripped != word
    if not stripped:
        return None
    number = _NUMBER.match(stripped)
    if number:
        digits = _number(number["n"])
        # The flat (호) or floor (층) is the last part of an address.
        final = last or number["unit"] in ("호", "층")
        return (digits + (number["unit"] or ""), not final) if digits else None
    if any(p.match(stripped) for p in (_PLACE, _BUILDING, _BUILDING_WORD, _UNIT)):
        return stripped, not last
    return None


def _join(pieces: list[str]) -> str:
    out: list[str] = []
    for piece in pieces:
        glue = out and (
            _UNIT.match(piece)  # "301 호" → "301호"
            or (re.match(r"^\d+(?:번)?길$", piece) and out[-1].endswith("로"))  # 월드컵북로12길
        )
        if glue:
            out[-1] += piece
        else:
            out.append(piece)
    return " ".join(out)


def _names_building(following: str) -> bool:
    """The word before "아파트" or before a 동 number is the building's name."""
    word = _TRAILING.sub("", following)
    number = _NUMBER.match(word)
    return bool(_BUILDING_WORD.match(word)) or (number is not None and number["unit"] == "동")


def find_address(text: str) -> AddressMention | None:
    head = _HEAD.search(text)
    if head is None:
        return None
    pieces = head.group().split()
    end = head.end()
    words = list(re.finditer(r"\S+", text[head.end() :]))
    for index, word in enumerate(words):
        if len(pieces) >= MAX_WORDS:
            break
        piece = _piece(word.group().strip(",."))
        following = words[index + 1].group() if index + 1 < len(words) else ""
        if piece is None and _names_building(following):
            piece = (word.group(), True)  # "하늘마을 아파트", "푸른마을 이백칠동"
        if piece is None:
            break
        pieces.append(piece[0])
        end = head.end() + word.end()
        if not piece[1]:
            break
    if not any(re.search(r"\d", piece) for piece in pieces):
        return None  # "청주시 흥덕구 쪽으로": a place, not an address to send things to
    return AddressMention(head.start(), end, _join(pieces))
