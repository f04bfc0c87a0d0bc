"""Korean street addresses as said on the phone, normalised the way they are written:
"서울시 마포구 월드컵북로 십이길 삼십사 삼백일 호요" → "서울시 마포구 월드컵북로12길 34 301호"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize.alnum import LETTER_NAMES
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
_ENDINGS = r"(?:이에요|에요|예요|이요|요|입니다|이고요|고요|이구요|구요|이고|인데요|이며)"
_TRAILING = re.compile(_ENDINGS + "$")
# The destination particle after a building or room that ends the address ("…행정실로요"); a
# road's 로 is part of its name.
_TO_PLACE = re.compile(r"(?:으로|로)(?:요)?$")
# The metropolitan cities are written "서울시", "인천시" however they are said; a province said
# short that is one word written is given its 도 ("경기 수원시" → "경기도 수원시").
_METROPOLITAN = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종")
_CANONICAL_HEAD = {
    **{
        f"{city}{suffix}": f"{city}시"
        for city in _METROPOLITAN
        for suffix in ("", "특별시", "광역시", "특별자치시")
    },
    "경기": "경기도",
    "강원": "강원도",
}
_NUMERAL = r"(?:\d+(?:-\d+)?|[영공일이삼사오육칠팔구십백천]+)"
_PLACE = re.compile(r"^[가-힣A-Za-z0-9]+(?:시|군|구|로|길|동|읍|면|리|가)$")
_NUMBER = re.compile(r"^(?P<n>" + _NUMERAL + r")(?P<unit>번지|번길|길|동|호|층|번)?$")
# The flat or floor ends an address, whatever ending the speaker puts after it ("이층이라예",
# "삼백일 호거든요").
_LAST_NUMBER = re.compile(r"^(?P<n>" + _NUMERAL + r")(?P<unit>호|층)[가-힣]+$")
_BUILDING = re.compile(
    r"^[가-힣A-Za-z0-9]+(?:아파트|빌라|오피스텔|타워|맨션|빌딩|주택|하우스|캐슬|팰리스"
    r"|학교|병원|센터|상가|프라자|플라자)$"
)
_LAST_UNIT = re.compile(r"^(?P<unit>호|층)[가-힣]+$")  # "오 층이여"
# A room of a building, the last part of an address ("한울초등학교 행정실").
_ROOM = re.compile(r"^[가-힣]{1,4}(?:실|사무소)$")
_BUILDING_WORD = re.compile(r"^(?:아파트|빌라|오피스텔|타워|맨션|빌딩|주택)$")
_UNIT = re.compile(r"^(?:번지|번길|길|동|호|층)$")
MAX_WORDS = 12
# A numbered road of a series ("진관2로") is said with its digit as a word ("진관이로"). 일 is
# left out: "일로" ends many roads written in Hangul (통일로, 동일로, 정자일로).
_NUMBERED_ROAD = re.compile(r"^(?P<base>[가-힣]{2,})(?P<digit>[이삼사오육칠팔구])로$")
_HESITATIONS = frozenset(["그", "어", "음", "저", "저기", "뭐더라", "뭐시고", "뭐지"])


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
    number = _NUMBER.match(stripped) or _LAST_NUMBER.match(word)
    if number:
        digits = _number(number["n"])
        # The flat (호) or floor (층) is the last part of an address.
        final = last or number["unit"] in ("호", "층")
        return (digits + (number["unit"] or ""), not final) if digits else None
    unit = _LAST_UNIT.match(word)
    if unit and not last:
        return unit["unit"], False
    place = _TO_PLACE.sub("", word)
    if place != word and any(p.match(place) for p in (_ROOM, _BUILDING)):
        return place, False
    if _ROOM.match(stripped):
        return stripped, False
    if any(p.match(stripped) for p in (_PLACE, _BUILDING, _BUILDING_WORD, _UNIT)):
        return stripped, not last
    return None


def _written_road(piece: str) -> str:
    """"진관이로" → "진관2로"; a road named after a word ending in a digit syllable (봉은사로,
    해돋이로), which Kiwi reads as one noun, keeps its name."""
    match = _NUMBERED_ROAD.match(piece)
    if match is None or _digit_ends_a_noun(piece, len(match["base"]) + 1):
        return piece
    return match["base"] + str(parse_korean_number(match["digit"])) + "로"


def _digit_ends_a_noun(word: str, end: int) -> bool:
    from pipeline.nlp.korean import analyse

    return any(s.end == end and s.tag.startswith("N") for s in analyse(word))


def _join(pieces: list[str]) -> str:
    out: list[str] = []
    for piece in map(_written_road, pieces):
        if out and _UNIT.match(piece):  # "301 호" → "301호", "231 번길" → "231번길"
            out[-1] += piece
        else:
            out.append(piece)
        if len(out) > 1 and re.match(r"^\d+(?:번)?길$", out[-1]) and out[-2].endswith("로"):
            out[-2:] = [out[-2] + out[-1]]  # 월드컵북로12길
    # A province or metropolitan city the caller did not say is not written ("김해시 가락로 …"
    # stays so): every part of the address is traceable to the call.
    if out:
        out[0] = _CANONICAL_HEAD.get(out[0], out[0])
    return " ".join(out)


def _names_a_place(piece: str) -> bool:
    """A city, district or road word ("맞으시" reads as one), not a number or its unit."""
    return (
        bool(_PLACE.match(piece))
        and not piece[0].isdigit()
        and not any(p.match(piece) for p in (_UNIT, _BUILDING))
    )


def _names_building(following: str, after: str) -> bool:
    """The word before "아파트" or before a 동 number is the building's name ("푸른마을 이백칠동",
    "수성푸른마을 백오 동")."""
    word = _TRAILING.sub("", following)
    number = _NUMBER.match(word)
    if number is not None and number["unit"] is None and _TRAILING.sub("", after) == "동":
        return True
    return bool(_BUILDING_WORD.match(word)) or (number is not None and number["unit"] == "동")


# Words the head pattern takes for a city or district that are spoken numbers: the dash
# "다시" and digit syllables before 구 ("다시 이육공구" is "-2609").
_NUMBER_WORD = re.compile(r"^(?:다시|[영공일이삼사오육칠팔구십백천]+(?:시|구|군))$")


def _head(text: str) -> re.Match[str] | None:
    for head in _HEAD.finditer(text):
        if not any(_NUMBER_WORD.match(w) for w in head.group().split()):
            return head
    return None


# A flat said, then corrected ("천이백사 호유 아 아니 천이백삼 호", "이백이 호요 아 이백이 호
# 아니고 이백일 호"): the wrong number is no part of the address.
_CORRECTED_FLAT = re.compile(
    r"(?<![가-힣])" + _NUMERAL + r"\s?호(?:요|유|예|이요)?\s+(?:아\s+)?(?:" + _NUMERAL + r"\s?호\s+)?"
    r"(?:아니고|아니다|아니요|아니)\s+(?=" + _NUMERAL + r"\s?호)"
)


# The right number said twice to make sure ("이백일 호 이백일 호 맞아요"): one flat.
_REPEATED_FLAT = re.compile(r"(?<![가-힣])(?P<flat>" + _NUMERAL + r"\s?호)\s+(?=(?P=flat))")


# The flat's last digits said again after it ("이천삼백육 호 육 호 맞아요").
_FLAT_TAIL = re.compile(
    r"(?<![가-힣])(?P<flat>" + _NUMERAL + r")\s?호(?P<tail>\s+(?P<digits>" + _NUMERAL + r")\s?호)"
)


def _said_right(text: str) -> str:
    """``text`` with a corrected flat number, the first of a flat said twice and its last
    digits said again blanked out (same length: mentions keep their places in the turn)."""
    text = _CORRECTED_FLAT.sub(lambda m: " " * len(m.group()), text)
    text = _REPEATED_FLAT.sub(lambda m: " " * len(m.group()), text)
    return _FLAT_TAIL.sub(_without_tail, text)


def _without_tail(match: re.Match[str]) -> str:
    flat, digits = match["flat"], match["digits"]
    if len(digits) >= len(flat) or not flat.endswith(digits):
        return match.group()
    return match.group()[: match.start("tail") - match.start()] + " " * len(match["tail"])


def find_address(text: str) -> AddressMention | None:
    text = _said_right(text)
    head = _head(text)
    if head is None:
        return None
    mention = _read_on(text, head.start(), head.end(), head.group().split())
    if not re.search(r"\d", mention.value):
        return None  # "청주시 흥덕구 쪽으로": a place, not an address to send things to
    return mention


def _read_on(text: str, start: int, end: int, pieces: list[str]) -> AddressMention:
    """The address from its first words (``pieces``, ending at ``end``) on, as far as it goes."""
    words = list(re.finditer(r"\S+", text[end:]))
    last = end
    for index, word in enumerate(words):
        if len(pieces) >= MAX_WORDS:
            break
        # After the road's number no city or road follows: "… 십사 맞으시고요" ends it.
        numbered = any(re.search(r"\d", p) for p in pieces[1:])
        if word.group() in _HESITATIONS or (numbered and _TRAILING.fullmatch(word.group())):
            # "삼백이십 그 뭐시고 한신아파트": the address goes on after the pause, and after a
            # copula said apart from its number ("청명로 백이십삼 이고요 이백칠 동 …").
            continue
        following = words[index + 1].group() if index + 1 < len(words) else ""
        after = words[index + 2].group() if index + 2 < len(words) else ""
        lettered = _lettered_building(word.group().strip(",."), following) if numbered else None
        piece = lettered or _piece(word.group().strip(",."))
        if piece is None and _names_building(following, after):
            piece = (word.group(), True)  # "하늘마을 아파트", "푸른마을 이백칠동"
        if piece is None or (numbered and not lettered and _names_a_place(piece[0])):
            break
        pieces.append(piece[0])
        last = end + word.end()
        if not piece[1]:
            break
    value = _join(pieces)
    corrected = _FLAT_CORRECTION.match(text, last)
    # The floor may be taken back for the flat on it ("삼층이요 아니 삼백일 호"), or a flat for another.
    if corrected is not None and re.search(r"\d(?:호|층)$", value):
        digits = _number(corrected["n"])
        if digits is not None:  # "이천삼백오 호요 아 아니 이천삼백육 호": the flat said again
            value = value.rsplit(" ", 1)[0] + " " + digits + corrected["unit"]
            last = corrected.end()
    return AddressMention(start, last, value)


# The caller taking back the flat or floor just said and saying it again.
_FLAT_CORRECTION = re.compile(
    r"\s+(?:(?:아|어|음)\s+)*(?:아니|아니다|아니고|아니요|아뇨)\s+(?P<n>" + _NUMERAL + r")\s?(?P<unit>호|층)"
)
# A block of a complex named by a letter ("에이 동", "비동이요" = A동, B동); 이 and 오 are digits.
_BLOCK_LETTERS = {name: letter for name, letter in LETTER_NAMES if name not in ("이", "오")}
_LETTERED_BLOCK = re.compile(
    r"^(?P<letter>" + "|".join(_BLOCK_LETTERS) + r")(?P<unit>동" + _ENDINGS + r"?)?$"
)


def _lettered_building(word: str, following: str) -> tuple[str, bool] | None:
    """"에이 동" → "A" (the 동 that follows is joined to it), "비동이요" → "B동", the last part."""
    match = _LETTERED_BLOCK.match(word)
    if match is None:
        return None
    if match["unit"]:
        return _BLOCK_LETTERS[match["letter"]] + "동", match["unit"] == "동"
    if _TRAILING.sub("", following) == "동":
        return _BLOCK_LETTERS[match["letter"]], True
    return None


# A road and its number said without the city ("첨단과기로 이백팔 백삼 동 칠백이 호예요"): the
# rest of an address said elsewhere in the call.
_ROAD = re.compile(
    r"(?<![가-힣])[가-힣]{2,8}[0-9]*(?:로|길)(?=\s+(?:\d|[일이삼사오육칠팔구십백]))"
)


def find_road_address(text: str) -> AddressMention | None:
    """An address from its road on, with the road's number ("부평대로 백오십삼 번길 십이 …")."""
    text = _said_right(text)
    for road in _ROAD.finditer(text):
        mention = _read_on(text, road.start(), road.end(), [road.group()])
        if len(mention.value.split()) > 1 and re.search(r"\d", mention.value):
            return mention
    return None


def find_place(text: str) -> str | None:
    """A city and district said without an address ("인천 부평구 쪽으로"), written canonically."""
    head = _head(text)
    if head is None or re.search(r"(?:로|길)$", head.group()):
        return None
    return _join(head.group().split())


def _road_index(pieces: list[str]) -> int | None:
    return next(
        (i for i, p in enumerate(pieces) if re.search(r"[가-힣](?:로|길)(?:\d+(?:번)?길)?$", p)), None
    )


def _floor_for_flat(tail: list[str], other: list[str]) -> bool:
    """One reading ends at the floor, the other, otherwise the same, at a flat on it."""
    return (
        len(tail) == len(other)
        and tail[:-1] == other[:-1]
        and bool(re.fullmatch(r"\d+층", tail[-1]))
        and bool(re.fullmatch(r"\d+호", other[-1]))
        and other[-1].startswith(tail[-1][:-1])
    )


def completed(address: str, other: str) -> str:
    """``address`` completed by another reading of it on the same road: the fuller city and
    district before the road, and the flat or floor after it when one reading stops short
    ("팔달구 효원로292번길 11 1층" + "경기도 수원시 팔달구 효원로292번길 11")."""
    pieces, others = address.split(), other.split()
    mine, theirs = _road_index(pieces), _road_index(others)
    if mine is None or theirs is None or pieces[mine] != others[theirs]:
        return address
    head = pieces[:mine] if len(pieces[:mine]) >= len(others[:theirs]) else others[:theirs]
    tail, other_tail = pieces[mine:], others[theirs:]
    if len(other_tail) > len(tail) and other_tail[: len(tail)] == tail:
        tail = other_tail
    elif _floor_for_flat(tail, other_tail):
        tail = other_tail  # "… 24 3층" heard, "… 24 302호" read back: the flat names the floor too
    return " ".join(head + tail)


# A resident calling their complex's management office ("햇살마을아파트 관리사무소 …입니다")
# names only their block and flat ("백오 동 천이백사 호 사는 사람인데요").
_MANAGEMENT_OFFICE = re.compile(
    r"(?<![가-힣])(?P<complex>[가-힣A-Za-z0-9]+(?:아파트|빌라|오피스텔|맨션))\s?관리(?:사무소|실|소)"
)
_FLAT = re.compile(
    r"(?<![가-힣0-9])(?P<block>" + _NUMERAL + r")\s?동\s+(?P<flat>" + _NUMERAL + r")\s?호"
)


# A city's, county's or district's own office answering ("해솔시 민원콜센터입니다", "한빛구청
# 민원실입니다"): a road a resident names is in that place.
_LOCAL_OFFICE = re.compile(
    r"(?<![가-힣])(?P<place>[가-힣]{1,4}(?:시|군|구))(?:청)?\s?(?:민원\s?콜센터|민원실|민원센터|콜센터)"
)


def find_local_office(text: str) -> str | None:
    """The city, county or district whose office the speaker answers for."""
    office = _LOCAL_OFFICE.search(text)
    return office["place"] if office is not None else None


def find_managed_complex(text: str) -> str | None:
    """The complex whose management office the speaker answers for."""
    office = _MANAGEMENT_OFFICE.search(text)
    return office["complex"] if office is not None else None


def find_flat(text: str) -> str | None:
    """A block and flat said without the rest of the address: "105동 1204호"."""
    text = _said_right(text)
    for flat in _FLAT.finditer(text):
        block, number = _number(flat["block"]), _number(flat["flat"])
        if block is not None and number is not None:
            return f"{block}동 {number}호"
    return None


# The caller taking back a block, flat or floor the other side read ("칠백삼 호 아니고 칠백사
# 호요", "백이 동이 아니라 백삼 동이에요"), or answering the reading with the right one ("아니요
# 칠백사 호요").
_UNIT_TAKEN_BACK = re.compile(
    r"(?<![가-힣])(?P<old>" + _NUMERAL + r")\s?(?P<unit>동|호|층)(?:이|가)?\s+"
    r"(?:아니고|아니라|말고)\s+(?P<new>" + _NUMERAL + r")\s?(?P=unit)"
)
_UNIT_REFUSED = re.compile(
    r"^(?:(?:아|어|음)\s+)*(?:아니요|아뇨|아니)\s+(?P<new>" + _NUMERAL + r")\s?(?P<unit>동|호|층)"
)


def corrected_unit(address: str, reply: str, *, answers_reading: bool) -> str:
    """``address`` with the block, flat or floor ``reply`` takes back replaced: named and taken
    back ("X 호 아니고 Y 호") where the address has X, or, when the reply answers a reading of
    the address, refused and said right ("아니요 Y 호요")."""
    pieces = address.split()
    taken_back = _UNIT_TAKEN_BACK.search(reply)
    if taken_back is not None:
        pieces = _replaced_unit(pieces, taken_back, _number(taken_back["old"]))
    refused = _UNIT_REFUSED.match(reply) if answers_reading else None
    if refused is not None:
        pieces = _replaced_unit(pieces, refused, None)
    return " ".join(pieces)


def _replaced_unit(pieces: list[str], said: re.Match[str], old: str | None) -> list[str]:
    """The address's last piece of the unit said, replaced by the number said for it (only
    where it is ``old``, when the caller named the number taken back)."""
    new, unit = _number(said["new"]), said["unit"]
    numbered = [i for i, piece in enumerate(pieces) if re.fullmatch(r"\d+" + unit, piece)]
    if new is None or not numbered or (old is not None and pieces[numbered[-1]] != old + unit):
        return pieces
    return [new + unit if i == numbered[-1] else piece for i, piece in enumerate(pieces)]
