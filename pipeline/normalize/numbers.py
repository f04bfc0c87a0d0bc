"""Korean numbers as spoken on the phone: Sino-Korean numerals, digit-by-digit strings, phones, 원.

Two ways of saying a number occur in calls: with place units (오만 삼천 = 53000, 이천이십육 = 2026)
and digit by digit (공일공 = "010"). ``digit_sequences`` finds the second kind, spoken or written,
with the separators people say between groups (a pause, "-", 에, 다시); phone, card, account and
resident-number detection all read those sequences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.hangul import has_final_consonant

SPOKEN_DIGITS: dict[str, str] = {
    "영": "0",
    "공": "0",
    "일": "1",
    "이": "2",
    "삼": "3",
    "사": "4",
    "오": "5",
    "육": "6",
    "륙": "6",
    "칠": "7",
    "팔": "8",
    "구": "9",
}
_SMALL_UNITS: dict[str, int] = {"십": 10, "백": 100, "천": 1000}
_BIG_UNITS: dict[str, int] = {"만": 10**4, "억": 10**8, "조": 10**12}
_NUMBER_TOKEN = re.compile(r"\d+|[영공일이삼사오육륙칠팔구십백천만억조]")

# Words made only of digit syllables that are not numbers.
DIGIT_LOOKING_WORDS: tuple[str, ...] = (
    "일일이",
    "삼삼오오",
    "이삼일",
    "사오일",
    "오륙일",
    "칠팔일",
    "구사일생",
)
_SPOKEN_GROUP = re.compile(r"(?<![가-힣])[영공일이삼사오육륙칠팔구]+")
_ASCII_GROUP = re.compile(r"\d+")
# What may follow a spoken group inside the same word: particles and endings, never a noun.
_SPOKEN_GROUP_END = re.compile(
    r"(?:[^가-힣]|$|이요|요|입니다|이에요|예요|이고|고요|인데|이랑|하고|번|으로|로|에|까지|은|는|을|를|"
    # "공공팔칠이고 …": the connective 고 after the copula's 이, which the reader then tries
    # as the particle or the digit 2.
    r"이|가|도|만|다시|이구요|구요|고(?![가-힣])|"
    # The quoting ending ("공공칠삼 사일구이라고 돼 있어요"): 라고 after 사/오/구 leaves 이 a digit.
    r"라고|이라고|"
    # The copula said the dialect's way ("구구공팔이여", "칠칠이야"), ending the word.
    r"여(?![가-힣])|야(?![가-힣]))"
)
_PARTICLE_AFTER_I = re.compile(r"요|고|구요|에요|라고|며|다|죠|거든|여|야")
_SEPARATOR = re.compile(r"\s*(?:-|에|다시)?\s*")
_EXPLICIT_SEPARATOR = re.compile(r"-|에|다시")
MIN_SPOKEN_GROUP = 3
MIN_WEAK_RUN_DIGITS = 6


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True)
class DigitGroup:
    """A run of digits in the text, written (010) or spoken (공일공)."""

    start: int
    end: int
    digits: str
    spoken: bool
    # "육칠이요": the last 이 may be a digit or the particle 이요; readers try both.
    particle_tail: bool = False
    # A word made of digit syllables (삼삼오오, 일일이): digits only next to a number.
    wordlike: bool = False

    def without_tail(self) -> DigitGroup:
        return DigitGroup(self.start, self.end - 1, self.digits[:-1], self.spoken)


@dataclass(frozen=True)
class DigitSequence:
    """Digit groups said one after another, joined by separators (space, -, 에, 다시)."""

    groups: tuple[DigitGroup, ...]

    @property
    def start(self) -> int:
        return self.groups[0].start

    @property
    def end(self) -> int:
        return self.groups[-1].end

    @property
    def digits(self) -> str:
        return "".join(g.digits for g in self.groups)

    def windows(self, max_digits: int) -> list[tuple[int, int, DigitSequence]]:
        """Runs of whole groups of at most ``max_digits`` digits as (first, last+1, run),
        longest first from each start; a run whose last group may end in the particle 이 comes
        again without it."""
        runs: list[tuple[int, int, DigitSequence]] = []
        for first in range(len(self.groups)):
            by_length: list[list[tuple[int, int, DigitSequence]]] = []
            length = 0
            for last in range(first + 1, len(self.groups) + 1):
                groups = self.groups[first:last]
                length += len(groups[-1].digits)
                if length - int(groups[-1].particle_tail) > max_digits:
                    break
                variants = [groups] if length <= max_digits else []
                if groups[-1].particle_tail and len(groups[-1].digits) > 1:
                    variants.append((*groups[:-1], groups[-1].without_tail()))
                by_length.append([(first, last, DigitSequence(v)) for v in variants])
            runs.extend(run for variants in reversed(by_length) for run in variants)
        return runs


def parse_korean_number(text: str) -> int | None:
    """The integer a Korean or mixed numeral denotes: '오만 삼천' → 53000, '3만5천' → 35000.

    Without place units the numeral is read digit by digit ('일이삼' → 123). Returns None for
    anything that is not a well-formed numeral.
    """
    compact = re.sub(r"[\s,]", "", text)
    tokens = _NUMBER_TOKEN.findall(compact)
    if not compact or "".join(tokens) != compact:
        return None
    if not any(t in _SMALL_UNITS or t in _BIG_UNITS for t in tokens):
        return int("".join(SPOKEN_DIGITS.get(t, t) for t in tokens))
    return _parse_with_units(tokens)


def _parse_with_units(tokens: list[str]) -> int | None:
    total, section = 0, 0
    current: int | None = None
    last_small, last_big = 10**5, 10**13
    for token in tokens:
        if token in _SMALL_UNITS:
            unit = _SMALL_UNITS[token]
            if unit >= last_small:
                return None
            section += (1 if current is None else current) * unit
            current, last_small = None, unit
        elif token in _BIG_UNITS:
            unit = _BIG_UNITS[token]
            if unit >= last_big:
                return None
            section += current or 0
            total += (section or 1) * unit
            section, current, last_small, last_big = 0, None, 10**5, unit
        else:
            if current is not None:
                return None
            current = int(SPOKEN_DIGITS.get(token, token))
    return total + section + (current or 0)


def _spoken_groups(text: str) -> list[DigitGroup]:
    groups: list[DigitGroup] = []
    for match in _SPOKEN_GROUP.finditer(text):
        if not _SPOKEN_GROUP_END.match(text, match.end()):
            continue
        spoken = match.group()
        if spoken == "이" and match.start() and text[match.start() - 1].isdigit():
            continue  # "58213이요": the particle after a written number
        digits = "".join(SPOKEN_DIGITS[c] for c in spoken)
        # 이요/이고요 follow a consonant-final syllable (칠이요 = 칠 + 이요); after 사/오/구 a
        # final 이 is the digit 2.
        tail = (
            len(spoken) > 1
            and spoken.endswith("이")
            and has_final_consonant(spoken[-2])
            and bool(_PARTICLE_AFTER_I.match(text, match.end()))
        )
        wordlike = spoken in DIGIT_LOOKING_WORDS
        groups.append(DigitGroup(match.start(), match.end(), digits, True, tail, wordlike))
    return groups


def _link(text: str, left: DigitGroup, right: DigitGroup) -> str | None:
    """The separator between two groups, or None when they are not one sequence."""
    between = text[left.end : right.start]
    return between if _SEPARATOR.fullmatch(between) else None


def _is_explicit(link: str | None) -> bool:
    return link == "" or (link is not None and bool(_EXPLICIT_SEPARATOR.search(link)))


def _is_strong(group: DigitGroup) -> bool:
    """A number on its own: written digits, or three or more spoken digit syllables that are not
    a word. Weaker groups ('이' is a particle, '사' a verb) are digits only when tied to a strong
    one by -/에/다시 or by touching it; a digit-syllable word (삼삼오오) by any separator."""
    if not group.spoken:
        return True
    return len(group.digits) >= MIN_SPOKEN_GROUP and not group.wordlike


def _strong_runs(text: str, groups: list[DigitGroup], strong: list[bool]) -> list[bool]:
    """Weak groups said one after another are a number when long enough together: digits read
    in pairs or one by one ("팔오 공삼 일오", "팔 오 공 삼 일 오")."""
    result = list(strong)
    run: list[int] = []
    for index in range(len(groups) + 1):
        linked = (
            index < len(groups)
            and not strong[index]
            and (not run or _link(text, groups[run[-1]], groups[index]) is not None)
        )
        if linked:
            run.append(index)
            continue
        if sum(len(groups[i].digits) for i in run) >= MIN_WEAK_RUN_DIGITS:
            for i in run:
                result[i] = True
        run = [index] if index < len(groups) and not strong[index] else []
    return result


def _keep_short_groups(text: str, groups: list[DigitGroup]) -> list[DigitGroup]:
    strong = _strong_runs(text, groups, [_is_strong(g) for g in groups])
    kept: list[DigitGroup] = []
    for index, group in enumerate(groups):
        tied = False
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(groups) and strong[neighbour]:
                left, right = sorted((group, groups[neighbour]), key=lambda g: g.start)
                link = _link(text, left, right)
                # "공이 삼사오육 칠팔구공": an area code (0 first) opens the number after it.
                area_code = neighbour > index and group.digits.startswith("0") and len(group.digits) > 1
                tied = tied or (link is not None and (group.wordlike or area_code)) or _is_explicit(link)
        if strong[index] or tied:
            kept.append(group)
    return kept


def digit_sequences(text: str) -> list[DigitSequence]:
    """Every written or spoken digit sequence in ``text``, in order."""
    return list(_digit_sequences(text))


# Cached: masking, identifiers, contact details and the benchmark's leak check read the same
# turns.
@lru_cache(maxsize=4096)
def _digit_sequences(text: str) -> tuple[DigitSequence, ...]:
    ascii_groups = [
        DigitGroup(m.start(), m.end(), m.group(), spoken=False) for m in _ASCII_GROUP.finditer(text)
    ]
    groups = _keep_short_groups(
        text, sorted(ascii_groups + _spoken_groups(text), key=lambda g: g.start)
    )
    sequences: list[list[DigitGroup]] = []
    for group in groups:
        if sequences and _link(text, sequences[-1][-1], group) is not None:
            sequences[-1].append(group)
        else:
            sequences.append([group])
    return tuple(DigitSequence(tuple(s)) for s in sequences)


def _spoken_separator(link: str) -> str:
    if "-" in link or "다시" in link:
        return "-"
    return " " if link else ""


def spoken_digits_to_text(text: str) -> str:
    """Rewrites spoken digit runs as ASCII digits: '공일공에 이삼사오' → '010 2345'."""
    pieces: list[str] = []
    cursor = 0
    for sequence in digit_sequences(text):
        if not any(g.spoken for g in sequence.groups):
            continue
        pieces.append(text[cursor : sequence.start])
        groups = list(sequence.groups)
        if groups[-1].particle_tail:
            groups[-1] = groups[-1].without_tail()
        for index, group in enumerate(groups):
            if index:
                pieces.append(_spoken_separator(text[groups[index - 1].end : group.start]))
            pieces.append(group.digits)
        cursor = groups[-1].end
    pieces.append(text[cursor:])
    return "".join(pieces)


# A group of digit words left as words among written digit groups ("2026 일일 15-0031", "1230
# 사오 7789": "일일" and "사오" are also words, so the reader leaves them); inside a number, or
# closing one of two or more groups ("1008 3372 공일"), it is digits.
_STRAY_GROUP = re.compile(r"(?<=\d )[영공일이삼사오육칠팔구]{2,4}(?= ?[\d-])")
_STRAY_LAST_GROUP = re.compile(
    r"(?<![\d가-힣])(?P<groups>\d{2,}(?: \d{2,})*)(?P<last>(?: [영공일이삼사오육칠팔구]{2,4})+)"
    r"(?=이요|요|입니다|이에요|예요|\s|$)"
)
# Groups a number closes with: two or more in all, one written ("8044 일칠 영이요" has three).
MIN_GROUPS = 3


def _digits(spoken: str) -> str:
    return "".join(SPOKEN_DIGITS[c] for c in spoken)


def read_stray_groups(text: str) -> str:
    """Digit words among digit groups of a text already read by ``spoken_digits_to_text``."""
    text = _FRONT_AND_BACK.sub(r"\g<front_word>\g<front>-\g<back>", _RESTART.sub(_restarted, text))
    text = _STRAY_GROUP.sub(lambda m: _digits(m.group()), text)
    return _STRAY_LAST_GROUP.sub(_closing_groups, text)


# A number begun, broken off by a hesitation or a correction and said again whole ("이육 어
# 잠깐만 2611-0388", "478 아니 47890"): the broken-off start is no group of its own.
_RESTART = re.compile(
    r"(?<![\d가-힣])(?P<part>\d{2,}|[영공일이삼사오육칠팔구]{2,4}) "
    r"(?:(?:어|음|아|저|아니|아니다|잠깐만|잠깐만요|잠시만요|그러니까) )+(?P<whole>\d{3,})"
)


def _restarted(match: re.Match[str]) -> str:
    part = match["part"] if match["part"].isdigit() else _digits(match["part"])
    if len(part) < len(match["whole"]) and match["whole"].startswith(part):
        return match["whole"]
    return match.group()


# A number given by its front and back parts ("앞자리가 201이고 뒷자리가 47890"): one number
# with the dash between the parts, as the other party reads it back ("이공일 다시 사칠팔구공").
_FRONT_AND_BACK = re.compile(
    r"(?P<front_word>앞\s?자리(?:가|는|은)? )(?P<front>\d{2,})(?:이고|고|이고요|고요|이요|요)?,? "
    r"뒷\s?자리(?:가|는|은)? (?P<back>\d{2,})(?!\d)"
)


def _closing_groups(match: re.Match[str]) -> str:
    groups, last = match["groups"].split(), match["last"].split()
    if len(groups) + len(last) < MIN_GROUPS:
        return match.group()
    return " ".join(groups + [_digits(g) for g in last])


_PHONE = re.compile(
    r"01[016789]\d{7,8}"
    r"|02\d{7,8}"
    r"|0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])\d{7,8}"
    r"|070\d{8}|050\d{8,9}"
    r"|1[568]\d{2}\d{4}"
)


MAX_PHONE_DIGITS = 12


def is_phone_number(digits: str) -> bool:
    return _PHONE.fullmatch(digits) is not None


def find_phone_numbers(text: str) -> list[NumberMention]:
    """Korean phone numbers, written or spoken, as digits-only values."""
    mentions: list[NumberMention] = []
    for sequence in digit_sequences(text):
        next_free = 0
        for first, last, window in sequence.windows(MAX_PHONE_DIGITS):
            if first < next_free or _tail_overruns_group(window):
                continue
            if is_phone_number(window.digits):
                mentions.append(_mention(text, window.start, window.end, window.digits))
                next_free = last
    return mentions


# A phone number is read in groups of at most four digits ("공이 삼삼사 칠칠팔일이요").
MAX_PHONE_GROUP = 4


def _tail_overruns_group(window: DigitSequence) -> bool:
    """The 이 of "…칠칠팔일이요" read as the digit 2 would make the last of two or more groups
    longer than a phone number's groups are said: it is the copula's 이, and the reading without
    it (which ``windows`` gives next) is the number."""
    last = window.groups[-1]
    return len(window.groups) > 1 and last.particle_tail and len(last.digits) > MAX_PHONE_GROUP


def _mention(text: str, start: int, end: int, value: str) -> NumberMention:
    return NumberMention(start=start, end=end, text=text[start:end], value=value)


_WON = re.compile(r"원(?![인래격하본활칙리룸점형단료소론])")
_AMOUNT_CHARS = frozenset("0123456789,영일이삼사오육륙칠팔구십백천만억조 ")
_MIN_SPOKEN_AMOUNT = 10


def find_amounts(text: str) -> list[NumberMention]:
    """Amounts in 원: '35,000원', '3만 5천 원', '오만 삼천 원'; value is the integer as str."""
    mentions: list[NumberMention] = []
    for won in _WON.finditer(text):
        left = won.start()
        while left > 0 and text[left - 1] in _AMOUNT_CHARS:
            left -= 1
        mention = _longest_amount(text, left, won.start(), won.end())
        if mention is not None:
            mentions.append(mention)
    return mentions


def _longest_amount(text: str, left: int, number_end: int, end: int) -> NumberMention | None:
    for match in re.finditer(r"\S+", text[left:number_end]):
        start = left + match.start()
        candidate = text[start:number_end].strip()
        value = parse_korean_number(candidate) if candidate else None
        if value is None or not _amount_boundary(text, start, candidate, value):
            continue
        return _mention(text, start, end, str(value))
    return None


def _amount_boundary(text: str, start: int, candidate: str, value: int) -> bool:
    if candidate[0].isdigit():
        return True
    preceded_by_word = start > 0 and "가" <= text[start - 1] <= "힣"
    return not preceded_by_word and value >= _MIN_SPOKEN_AMOUNT


# A group taken back and said again right after it ("이구일사가 아니라 이구사일", "사일이팔
# 아니고 사일팔이요", "칠삼일구 말고 칠삼구일"): what is said between the two groups.
_TAKEN_BACK = re.compile(r"(?:이|가|은|는)?\s*(?:아니고|아니라|말고)\s*")
MIN_RESTATED_DIGITS = 2


def phone_groups(number: str) -> list[str]:
    """A phone number's groups as it is said: the area code (02 or three digits), the exchange
    and the last four."""
    area = 2 if number.startswith("02") else 3
    return [number[:area], number[area:-4], number[-4:]]


def _readings(group: DigitGroup) -> list[str]:
    """The digits a group may stand for: a last 이 may be the copula ("사일팔이요" is 418 or
    4182); the group it replaces decides."""
    return [group.digits, group.digits[:-1]] if group.particle_tail else [group.digits]


def _fitting(readings: list[str], length: int) -> str | None:
    return next((r for r in readings if len(r) == length), None)


def corrected_phone(number: str, text: str, restated_from: int = 0) -> str:
    """``number`` with the groups ``text`` takes back replaced. A group named and taken back
    ("X 아니고 Y") is replaced wherever the number has it; the groups said last, from
    ``restated_from`` on, replace those they stand for: the number's end said again ("이구사일
    육육공팔"), or one group said again, which replaces the group of its length it is nearest
    to (the last on a tie). A group said twice to make sure ("칠칠이일 칠칠이일이요") is one."""
    groups = phone_groups(number)
    sequences = digit_sequences(text)
    for left, right in zip(sequences, sequences[1:]):
        if not _TAKEN_BACK.fullmatch(text[left.end : right.start]):
            continue
        old, new = _readings(left.groups[-1]), _readings(right.groups[0])
        for index, group in enumerate(groups):
            replacement = _fitting(new, len(group)) if group in old else None
            if replacement is not None:
                groups[index] = replacement
    restated = [s for s in sequences if s.start >= restated_from]
    if restated:
        groups = _restated(groups, restated[-1])
    return "".join(groups)


def _restated(groups: list[str], sequence: DigitSequence) -> list[str]:
    said: list[list[str]] = []
    for group in sequence.groups:
        readings = _readings(group)
        shared = [r for r in said[-1] if r in readings] if said else []
        if shared:
            said[-1] = shared  # the same group said twice
        else:
            said.append(readings)
    if len(said) > 1:
        return _restated_end(groups, said)
    nearest: tuple[int, int, str] | None = None  # (digits that differ, -index, reading)
    for index, group in enumerate(groups):
        reading = _fitting(said[0], len(group))
        if reading is not None and len(reading) >= MIN_RESTATED_DIGITS:
            key = (sum(a != b for a, b in zip(reading, group)), -index, reading)
            nearest = key if nearest is None or key < nearest else nearest
    if nearest is None:
        return groups
    return [nearest[2] if i == -nearest[1] else g for i, g in enumerate(groups)]


def _restated_end(groups: list[str], said: list[list[str]]) -> list[str]:
    """The number's last groups said again, each as long as the one it replaces."""
    if len(said) > len(groups):
        return groups
    tail = groups[len(groups) - len(said) :]
    fitted = [_fitting(readings, len(group)) for readings, group in zip(said, tail)]
    if any(f is None for f in fitted):
        return groups
    return groups[: len(groups) - len(said)] + [f for f in fitted if f is not None]
