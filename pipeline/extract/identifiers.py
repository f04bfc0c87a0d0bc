"""Order, contract, ticket and model numbers, as said ("ON-58213", "20261102-0457")."""

from __future__ import annotations

import re
from functools import cache

from models.note import Identifier
from models.transcript import Role
from pipeline.extract.context import CallContext, Found, Turn
from pipeline.extract.parties import (
    CUSTOMER_ID_CUE,
    customer_id_value,
    login_addresses,
    someone_elses_number_value,
)
from pipeline.hangul import has_final_consonant
from pipeline.nlp import word_list
from pipeline.normalize.alnum import (
    LETTER_NAMES,
    mixed_codes,
    prefixed_number,
    prefixed_numbers,
    spelled_codes,
    spelled_letters,
    spelled_letters_one,
)
from pipeline.normalize.contact import email_spans, spoken_id
from pipeline.normalize.numbers import (
    SPOKEN_DIGITS,
    digit_sequences,
    is_phone_number,
    parse_korean_number,
    read_stray_groups,
    spoken_digits_to_text,
)

# A value: letters and digits, joined by hyphens or (digit groups read out) by single spaces;
# at least one digit.
_VALUE = re.compile(
    r"(?<![A-Za-z0-9*-])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:(?:\s?-\s?|\s)[A-Za-z0-9]*\d[A-Za-z0-9]*)*"
    r"(?![A-Za-z0-9*])"
)
# Said with no cue word, a value is still an identifier when shaped like one: letters with
# digits (ON-58213) or a long number with a hyphen (20261102-0457).
_SHAPED = re.compile(
    r"^(?:(?=[A-Za-z0-9-]{5,}$)(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|\d{6,}-\d{3,})$"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:원|만|천|시|분|초|개|명|번째|월|일|년|동|호|층|%|퍼센트|GB|기가|인치|킬로|mm|cm|kg)"
)
_GROUP = r"(?:(?: | ?- ?)(?:\d{2,5}|[영공일이삼사오육칠팔구]{2,4}))"
_MORE_DIGITS = re.compile(rf"{_GROUP}+(?=이요|요|입니다|이에요|예요|고요|로)|{_GROUP}+(?![\d가-힣])")
_MOBILE_PREFIX = re.compile(r"^01[016789]\d{6,9}$")
_MAX_CUE_GAP = 25
MIN_VALUE_CHARS = 4
# A customer's bare answer to "주문번호 말씀해 주시겠어요?" is short.
MAX_ANSWER_CHARS = 30
DEFAULT_KIND = "order"


@cache
def _cues() -> tuple[tuple[str, str], ...]:
    pairs = [tuple(line.split()) for line in word_list("identifier_kinds")]
    return tuple(sorted(((w, k) for w, k in pairs), key=lambda p: -len(p[0])))


@cache
def _cue_pattern() -> re.Pattern[str]:
    words = "|".join(_cue_word(w) for w, _ in _cues())
    return re.compile(words, re.IGNORECASE)


def _cue_word(word: str) -> str:
    """A cue that is itself letter names (아이디 = I D) is a cue only as a word of its own: in
    "케이아이디에스 공오공오" it is part of a spelled code (KIDS0505)."""
    pattern = re.escape(word).replace(r"번호", r"\s?번호")
    return rf"(?<![가-힣]){pattern}" if spelled_letters(word) else pattern


def _kind(cue: str) -> str:
    compact = cue.replace(" ", "").upper()
    return next(k for w, k in _cues() if w.upper() == compact)


def _clean(value: str) -> str:
    return re.sub(r"\s*-\s*", "-", value.strip()).replace(" ", "")


def _values(text: str, start: int, end: int) -> list[str]:
    return [v for _, _, v in _placed_values(text, start, end)]


def _placed_values(text: str, start: int, end: int) -> list[Code]:
    """Values in text[start:end] and where they are, spelled codes first ("에스엠 7731902" →
    SM-7731902)."""
    found: list[Code] = []
    window = text[start:end]
    mail = [(start + a, start + b) for a, b in email_spans(window)]
    for code_start, code_end, code in _codes(window):
        if not _inside(start + code_start, mail):
            found.append((start + code_start, start + code_end, code))
    for match in _VALUE.finditer(text, start, end):
        if _inside(match.start(), [(a, b) for a, b, _ in found] + mail):
            continue
        if _MASKED_AFTER.match(text, match.end()):
            continue  # "900412-2******": what is left of a masked resident number
        value = _clean(match.group())
        digits = re.sub(r"\D", "", value)
        if len(value) < MIN_VALUE_CHARS or _UNIT_AFTER.match(text, match.end()):
            continue
        if value.isdigit() and (is_phone_number(digits) or _MOBILE_PREFIX.match(digits)):
            continue  # a mobile number, or the start of one cut short ("010 6780 12")
        if _LAST_DIGITS_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "번호 끝자리 4718": the last digits of a number, said to verify
        found.append((match.start(), match.end(), value))
    return sorted(v for v in found if not _RESIDENT_NUMBER.match(v[2]))


_MASKED_AFTER = re.compile(r"-?\d*\*")
_LAST_DIGITS_BEFORE = re.compile(
    r"(?:끝|뒷|앞)\s?자리(?:는|가|요|가요)?\s*$|(?:마지막|뒤)\s?(?:네|4)\s?자리(?:는|가)?\s*$"
)


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


def _codes(text: str) -> list[Code]:
    """Spelled and mixed codes, one reading of each stretch, the digits read out after them
    joined on ("에이치제이 구구팔 칠칠": one value)."""
    # A spelled code (letters, then digits) wins over a mixed reading of the same words
    # ("제이 와이 오 오 엔" has 오 = O, not 5), unless the mixed one runs further.
    spelled = spelled_codes(text)
    codes = [c for c in mixed_codes(text) if not _shadowed(c, spelled)] + spelled
    found: list[Code] = []
    for code_start, code_end, code in sorted(codes, key=lambda c: (c[0], -c[1])):
        if any(a <= code_start < b or code_start <= a < code_end for a, b, _ in found):
            continue
        more = _MORE_DIGITS.match(text, code_end)
        if more and not _UNIT_AFTER.match(text, more.end()):
            said = re.sub(r"\s*-\s*", "-", more.group()).replace(" ", "")
            digits = "".join(SPOKEN_DIGITS.get(c, c) for c in said)
            sibling = _sibling_group(code, digits)
            if sibling is not None:
                found += [(code_start, code_end, code), (more.start() + 1, more.end(), sibling)]
                continue
            code, code_end = code + digits, more.end()
        found.append((code_start, code_end, code))
    return found


def _sibling_group(code: str, group: str) -> str | None:
    """A group said after a code that is its last group with the end changed ("티 엑스 공오이삼
    다시 팔팔일공이 팔팔일공삼 끝자리만 다른 거죠"): a second code of the same head, not more
    digits of the first."""
    last = code.split("-")[-1]
    if not group.isdigit() or not last.isdigit() or not _near(last, group):
        return None
    return code[: len(code) - len(last)] + group


# A resident registration number: a birth date, then a 1–4 and six digits. Never an
# identifier, even unmasked; its front and the first digits of the back ("870412-1024") are
# one only where 주민(등록)번호 is said, since order numbers begin with dates too (261109-153).
_RESIDENT_NUMBER = re.compile(r"^\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-?[1-4]\d{6}$")
_RESIDENT_PART = re.compile(r"^\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-?[1-4]\d{0,6}$")
_RESIDENT_CUE = re.compile(r"주민")


def _reading(text: str) -> str:
    return spoken_digits_to_text(text)


# The particle on the cue word ("모델이 비엘 다시 칠공공"): 이 there is no letter E.
_CUE_PARTICLE = re.compile(r"(?:은|는|이|가|을|를|도|으로|로)(?![가-힣])")


ACCOUNT_ID = "account_id"


def _account_id(text: str, start: int, limit: int) -> str | None:
    """An account id said right after its cue or as the answer, read as an address's local part
    is ("제이 와이 필름 공칠이에요" → jyfilm07)."""
    words = re.match(r"\s*", text[start:])
    said = spoken_id(text[:limit], start + (words.end() if words else 0))
    return said[2] if said is not None and said[0] - start <= _MAX_CUE_GAP else None


def _cued(text: str) -> list[Identifier]:
    """Values after a cue word: the first within a short gap, and any said after it as a list
    ("승인번호가 첫 번째는 … 두 번째가 …"), each as long as it runs."""
    found: list[Identifier] = []
    cues = list(_cue_pattern().finditer(text))
    for number, cue in enumerate(cues):
        limit = cues[number + 1].start() if number + 1 < len(cues) else len(text)
        # A personal number named after the cue is not the cue's ("예약번호는 … 주민번호 드릴까요").
        personal = _IDENTITY_ASKED.search(text, cue.end(), limit)
        limit = personal.start() if personal else limit
        particle = _CUE_PARTICLE.match(text, cue.end())
        reach = particle.end() if particle else cue.end()
        account = _account_id(text, reach, limit) if _kind(cue.group()) == ACCOUNT_ID else None
        if account is not None:
            found.append(Identifier(kind=ACCOUNT_ID, value=account))
            continue
        prefixed = prefixed_number(text[:limit], reach)
        if prefixed is not None:  # "접수번호는 티 123456입니다"
            found.append(Identifier(kind=_kind(cue.group()), value=prefixed[2]))
            reach = prefixed[1]
        for start, end, value in _placed_values(text, reach, limit):
            if start - reach > _MAX_CUE_GAP:
                break
            found.append(Identifier(kind=_kind(cue.group()), value=value))
            reach = end
    return found


# What the agent asks for to verify the caller: the answer is personal data, never an
# identifier, even when the question names the order ("주문하신 분 생년월일").
_IDENTITY_ASKED = re.compile(r"생년월일|성함|뒷자리|앞자리|끝자리|끝\s?번호|비밀번호|주민|연락처|전화\s?번호|휴대폰\s?번호|카드\s?번호|계좌")


def _asked_kind(context: CallContext, turn: Turn) -> str | None:
    asked = context.previous(turn, Role.AGENT)
    if asked is None:
        return None
    question = list(_cue_pattern().finditer(asked.text))
    offer = context.previous(asked)
    if not question and offer is not None and offer.role is Role.CUSTOMER:
        if _IDENTITY_ASKED.search(asked.text):
            return None
        # "승인번호 필요하세요" / "네 불러 주시면 적어 둘게요" / "…이요": the customer named it.
        question = [q for q in _cue_pattern().finditer(offer.text) if "번호" in q.group()]
    numbered = any("번호" in q.group() or q.group().upper().endswith(("명", "ID")) for q in question)
    if _IDENTITY_ASKED.search(asked.text) and not numbered:
        return None
    return _kind(question[-1].group()) if question else None


def _read_turn(text: str) -> str:
    """The turn as the value readers see it: letters joined, spoken digits and dashes written."""
    spoken = _SPOKEN_DASH.sub("다시", _joined_letters(_letter_before_dash(text)))
    spoken = _SINGLE_DIGITS_AFTER_DASH.sub(lambda m: m.group().replace(" ", ""), spoken)
    spoken = _SINGLE_DIGITS_AFTER_LETTERS.sub(_joined_digits, spoken)
    read = _GROUP_AFTER_PREFIX.sub(_prefix_group, read_stray_groups(_reading(spoken)))
    read = _PART_JOINER.sub(" ", _LETTER_AND_DIGITS.sub(r"\1 ", read))
    return _corrected_tails(_WRITTEN_DASH.sub("-", read))


# A number's end said again right after it, corrected ("… 삼팔일공 아 잠깐만요 끝에가
# 삼팔공일이네요", "구팔육이 아 육삼이요"): a correction word, then at most a group of digits.
_TAIL_CORRECTION = re.compile(
    r" (?P<marker>(?:(?:아|아니|아니다|아니고|아니요|잠깐만|잠깐만요|잠시만요|죄송해요|미안해요) )+"
    r"(?:(?:끝에가|끝에는|끝이|끝자리가|끝자리는|마지막이|마지막은|뒤에가|뒤에는) )?)"
    r"(?P<group>\d{2,}|[영공일이삼사오육칠팔구]{2,})"
    r"(?P<ending>이네요|이네|네요|이요|요|이에요|예요|입니다|이고요|고요|이다)?(?![\d가-힣])"
)
MIN_TAIL_DIGITS = 2


def _corrected_tails(text: str) -> str:
    """Each value followed by its corrected end holds the correction, and the corrected group
    is dropped from the text, so the wrong reading is not kept as a value of its own."""
    out, at = [], 0
    for match in _VALUE.finditer(text):
        if match.start() < at:
            continue
        fix = _TAIL_CORRECTION.match(text, match.end())
        group = _tail_digits(fix) if fix else None
        if fix is None or group is None:
            continue
        value = _with_tail(match.group(), group)
        if value is None or _UNIT_AFTER.match(text, fix.end()):
            continue
        out += [text[at : match.start()], value, " ", fix["marker"].rstrip()]
        at = fix.end()
    return "".join(out) + text[at:] if out else text


def _tail_digits(fix: re.Match[str]) -> str | None:
    """The corrected group as digits; a 이 before the ending is the copula after a digit word
    that ends in a consonant (육삼이요 = 63), the digit 2 after one ending in a vowel (사이요)."""
    group = fix["group"]
    if group.isdigit():
        return group
    if fix["ending"] and not fix["ending"].startswith("이") and group.endswith("이"):
        if len(group) > 1 and has_final_consonant(group[-2]):
            group = group[:-1]
    return "".join(SPOKEN_DIGITS[c] for c in group) if len(group) >= MIN_TAIL_DIGITS else None


def _with_tail(value: str, tail: str) -> str | None:
    """``value`` with the end of its last group replaced by ``tail``, when the tail fits in that
    group and changes it; else None (a new number, not a correction)."""
    last = re.split(r"[\s-]", value)[-1]
    if not last.isdigit() or len(tail) > len(last) or last.endswith(tail):
        return None
    return value[: len(value) - len(tail)] + tail


# A short group said right after a spelled prefix, before the number's written groups ("엘에이
# 일구 033 812": a policy's year, LA19033812), is digits, as it would be among digit groups.
_GROUP_AFTER_PREFIX = re.compile(
    r"(?<![가-힣])(?P<letters>[가-힣]{1,8}) (?P<group>[영공일이삼사오육칠팔구]{2,4})(?= \d)"
)


def _prefix_group(match: re.Match[str]) -> str:
    if spelled_letters_one(match["letters"]) is None:
        return match.group()
    return f"{match['letters']} {''.join(SPOKEN_DIGITS[c] for c in match['group'])}"


# A number given in parts with a word between them ("엘피 공삼팔팔일 그리고 뒤에 이칠오공",
# "육공사칠 다음에 이이일구"): the parts are one value, as digit groups read out are.
_PART_JOINER = re.compile(r"(?<=\d) (?:그리고 )?(?:뒤에|뒤에는|다음에|다음은|그\s?다음에?) (?=\d)")


def _from_turn(context: CallContext, turn: Turn) -> list[Identifier]:
    """Values with spoken digits read as digits ("오팔이일삼" → 58213)."""
    text = _read_turn(turn.text)
    found = _from_text(context, turn, text)
    if _RESIDENT_CUE.search(turn.text):
        found = [i for i in found if not _RESIDENT_PART.match(i.value)]
    asked = context.previous(turn)
    contact = bool(_CONTACT_CUE.search(turn.text)) or (
        asked is not None and bool(_CONTACT_CUE.search(asked.text))
    )
    return [i for i in found if not _contact_number(i.value, contact)]


# Where a contact number is asked for or given ("연락은 회사로 주세요", "집 전화로 해").
_CONTACT_CUE = re.compile(r"연락|전화|휴대\s?폰|핸드폰|폰으로|폰\s?번호|내선|팩스|번호로")
_LANDLINE = re.compile(r"^0(?:2|[3-6]\d)\d{7,8}$")


def _contact_number(value: str, contact: bool) -> bool:
    """A number whose digits make a Korean phone number is the caller's contact, never a case's
    identifier, wherever the reader put the dash ("공일공 칠칠사일 다시 이팔공삼" → 0107741-2803):
    a mobile always, a landline (02, 0XX) where a contact number is asked for or given."""
    if not re.fullmatch(r"[\d-]+", value):
        return False
    digits = value.replace("-", "")
    if _MOBILE_PREFIX.match(digits) and len(digits) in (10, 11):
        return True
    return contact and bool(_LANDLINE.match(digits)) and is_phone_number(digits)


# Digits said one by one after the spoken dash ("에스 티 비 다시 칠 공 공" → STB-700).
_SINGLE_DIGITS_AFTER_DASH = re.compile(
    r"(?<=다시 )[영공일이삼사오육칠팔구](?: [영공일이삼사오육칠팔구])+(?![가-힣])"
)


# Digits said one by one after a code's letters ("엠 엠 이 사 칠 공 팔이요" → MM24708): one
# group, as they would be after the spoken dash.
_SINGLE_DIGITS_AFTER_LETTERS = re.compile(
    r"(?<![가-힣])(?P<letters>[가-힣]{1,12}) "
    r"(?P<digits>[영공일이삼사오육칠팔구](?: [영공일이삼사오육칠팔구]){2,})"
    r"(?=(?:이요|요|이에요|예요|입니다|이고요|고요)?(?![가-힣]))"
)


# Digits said before the letters ("이 육 공 사 에이치 알 공 공 칠 …" = 2604HR007713): the code
# is letters between digits, read whole as a mixed code.
_DIGIT_BEFORE = re.compile(r"(?<![가-힣])(?:\d+|[영공일이삼사오육칠팔구])\s$")


def _joined_digits(match: re.Match[str]) -> str:
    letters = match["letters"]
    if letters in ("이", "오") or spelled_letters_one(letters) is None:
        return match.group()
    if _DIGIT_BEFORE.search(match.string, 0, match.start()):
        return match.group()
    return f"{letters} {match['digits'].replace(' ', '')}"


# The dash said after a code's written letters ("PRO 하이픈 칠칠팔팔"): the reader joins only
# digit groups.
_WRITTEN_DASH = re.compile(r"(?<=[A-Za-z0-9])\s?다시\s?(?=\d)")
# Other ways of saying the dash ("하이픈", "대시", "빼기", "짝대기": the stroke) read as the
# usual "다시".
_SPOKEN_DASH = re.compile(r"(?<=[\s가-힣A-Za-z0-9])(?:하이픈|하이푼|대시|대쉬|빼기|짝대기|작대기)(?=\s)")


# Two or three letter names said one by one right before the digits ("에이치 엘 이공이오"):
# one prefix, as "에이치엘" would be. Names that are also digits (이, 오, 일) stay apart.
_LETTER_WORDS = "|".join(
    sorted((name for name, _ in LETTER_NAMES if name not in ("이", "오")), key=len, reverse=True)
)
# A letter and its digits said with "그리고" between ("에이 그리고 0317"): one code, A0317.
_LETTER_AND_DIGITS = re.compile(rf"(?<![가-힣])((?:{_LETTER_WORDS})) 그리고 (?=\d)")
_SPACED_LETTERS = re.compile(
    rf"(?<![가-힣])((?:{_LETTER_WORDS}) (?:{_LETTER_WORDS})(?: (?:{_LETTER_WORDS}))?)"
    r"(?=\s*(?:다시\s*)?[\d영공일이삼사오육칠팔구])"
)


_LETTER_BEFORE = re.compile(rf"(?:^|\s)(?:{_LETTER_WORDS}|이|오) $")


# Letter names run straight into spoken digits ("엘에이칠삼일일팔이공"): the digits are read
# only when they stand apart.
_LETTERS_THEN_DIGITS = re.compile(
    rf"(?<![가-힣])((?:{_LETTER_WORDS}){{2,4}})(?=[영공일이삼사육칠팔구][영공일이삼사오육칠팔구]{{2,}})"
)


# 오 and 이 between a letter name and the spoken dash are letters, as a code's prefix is
# ("에스 오 다시 이육공구" → SO-2609, not S5-2609).
_LETTER_THEN_O = re.compile(rf"(?<![가-힣])((?:{_LETTER_WORDS})) ?(오|이)(?= ?다시)")


def _letter_before_dash(text: str) -> str:
    return _LETTER_THEN_O.sub(r"\1\2", text)


def _joined_letters(text: str) -> str:
    """Joins the names unless they end a longer spelled run ("엠 아이 엔 에스 유 칠구")."""
    text = _LETTERS_THEN_DIGITS.sub(lambda m: m.group(1) + " ", text)

    def join(match: re.Match[str]) -> str:
        if _LETTER_BEFORE.search(text, 0, match.start()):
            return match.group(1)
        return match.group(1).replace(" ", "")

    return _SPACED_LETTERS.sub(join, text)


# A Korean number plate ("십이가 삼사오육" → 12가3456), when a vehicle is being talked about:
# the mark of a private car, a business vehicle's 바 사 아 자 ("팔이 바 사칠일삼": a company van),
# a rental's 하 허 호, a delivery van's 배.
_PLATE = re.compile(
    r"(?<![\d가-힣])(?P<head>\d{2,3}|[일이삼사오육칠팔구십백]{1,4})\s?"
    r"(?P<mark>[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주바사아자하허호배])"
    # "삼십팔 허에 이구칠사": a filler 에 may follow the mark before the last four digits.
    r"(?:에(?=\s))?\s?"
    r"(?P<tail>\d{4})(?!\d)"
)
_VEHICLE = re.compile(r"차량|차\s?번호|번호판|자동차")


def _plates(context: CallContext, turn: Turn, text: str) -> list[Identifier]:
    asked = context.previous(turn)
    if not _VEHICLE.search(turn.text) and not (asked and _VEHICLE.search(asked.text)):
        return []
    plates = []
    for match in _PLATE.finditer(text):
        head = match["head"] if match["head"].isdigit() else str(parse_korean_number(match["head"]) or "")
        if head:
            plates.append(Identifier(kind="other", value=f"{head}{match['mark']}{match['tail']}"))
    return plates


def _from_text(context: CallContext, turn: Turn, text: str) -> list[Identifier]:
    theirs = someone_elses_number_value(context, turn)
    if theirs is not None:
        return [Identifier(kind=_family_number_kind(turn.text), value=theirs)]
    plates = _plates(context, turn, text)
    if plates:
        # The plate's digits are no value of their own; a cued number said with it still is
        # ("삼사나 칠팔일이 … 작업번호 오지 일이일이 다시 공일구").
        cued = _cued(text)
        return plates + [i for i in cued if not any(p.value.endswith(i.value) for p in plates)]
    found = _cued(text)
    if turn.role is Role.CUSTOMER and _asked_for_customer_id(context, turn):
        return found  # "가게 코드 알려주시겠어요?": the customer's own number, not a case's
    kind = _asked_kind(context, turn) if turn.role is Role.CUSTOMER else None
    account = _account_id(text, 0, len(text)) if not found and kind == ACCOUNT_ID else None
    if account is not None:
        return [Identifier(kind=kind, value=account)]  # "아이디 알려 주시겠어요?"
    if not found and kind and len(turn.text.strip()) <= MAX_ANSWER_CHARS:
        # "주문번호 말씀해 주시겠어요?" / "ON-58213이요.", "엠 123456이요"
        prefixed = prefixed_number(text, _ANSWER_START.match(text).end())
        if prefixed is not None:
            return [Identifier(kind=kind, value=prefixed[2])]
        return [Identifier(kind=kind, value=v) for v in _values(text, 0, len(text))]
    if not found and kind:
        # A longer answer: its long number ("잠깐만 있어 봐요 이거 일공 삼칠 사사 팔이 공육 이거요")
        # and the values shaped like identifiers, below.
        found = [
            Identifier(kind=kind, value=v)
            for v in _values(text, 0, len(text))
            if _long_number(v) and not _SHAPED.match(v)
        ]
        # … and a letter said before its digits ("차트번호 … 영어로 에이 0317 이렇게 써 있어요"),
        # unless it is the tail of a longer code ("에스엠 다시 더블유 2150 케이").
        codes = [(start, end) for start, end, _ in _codes(text)]
        found += [
            Identifier(kind=kind, value=code)
            for start, _, code in prefixed_numbers(text)
            if not _inside(start, codes)
        ]
    for value, start, end in _shaped_values(text):
        kind_after = _cue_pattern().match(text, end + 1) or _cue_pattern().match(text, end)
        said_kind = (
            _kind(kind_after.group())
            if kind_after
            else kind or _sibling_kind(found, value) or _unnamed_kind(text, start)
        )
        found.append(Identifier(kind=said_kind, value=value))
    return found


def _sibling_kind(found: list[Identifier], value: str) -> str | None:
    """A value of the same shape as one said before it in the turn (the same letters, as long)
    is a second number of that kind ("결제번호 피와이 1118-70392 건 … 그리고 피와이 1118-70393 건")."""
    letters = re.match(r"[A-Z]*", _core(value)).group()
    for other in found:
        core = _core(other.value)
        if letters and core.startswith(letters) and len(core) == len(_core(value)) and core != _core(value):
            return other.kind
    return None


# A family member's customer or member number is their account's; a patient number is a record's.
_ACCOUNT_NUMBER = re.compile(r"(?:회원|고객|가입자|멤버십)\s?번호")


def _family_number_kind(text: str) -> str:
    return ACCOUNT_ID if _ACCOUNT_NUMBER.search(text) else "other"


MIN_ANSWER_DIGITS = 6
_ANSWER_START = re.compile(r"(?:\s*(?:네|예|아|어|음|그)(?=\s))*")


def _long_number(value: str) -> bool:
    return len(re.sub(r"\D", "", value)) >= MIN_ANSWER_DIGITS


def _asked_for_customer_id(context: CallContext, turn: Turn) -> bool:
    asked = context.previous(turn, Role.AGENT)
    return asked is not None and bool(CUSTOMER_ID_CUE.search(asked.text))


Code = tuple[int, int, str]
MIN_EXTRA_CHARS = 4


def _shadowed(mixed: Code, spelled: list[Code]) -> bool:
    """A spelled code (letters, then digits) wins over a mixed reading of the same words
    ("제이 와이 오 오 엔" has 오 = O, not 5) unless the mixed one runs clearly further."""
    return any(
        mixed[0] < s[1] and s[0] < mixed[1] and mixed[1] - s[1] < MIN_EXTRA_CHARS
        and not _suffixed(mixed, s)
        for s in spelled
    )


def _suffixed(mixed: Code, spelled: Code) -> bool:
    """The mixed reading is the spelled code and a letter suffix said after its digits ("디
    더블유 다시 일이공 에스" → DW-120S, a model's variant letter)."""
    core, head = mixed[2].replace("-", "").upper(), spelled[2].replace("-", "").upper()
    return mixed[0] == spelled[0] and core.startswith(head) and any(c.isalpha() for c in core[len(head):])


# "심사 요청 번호는 알 에프 …": a number the agent names with a word the kinds do not list is
# some other number (approval, claim, review), not an order.
_NAMED_NUMBER_BEFORE = re.compile(r"[가-힣]{2,}\s(?:번호|넘버)(?:는|가|은|요)?\s*$")


def _unnamed_kind(text: str, start: int) -> str:
    if _NAMED_NUMBER_BEFORE.search(text, max(0, start - 20), start):
        return "other"
    return DEFAULT_KIND


def _shaped_values(text: str) -> list[tuple[str, int, int]]:
    """Values shaped like identifiers anywhere in the turn, with where each ends; none inside
    an e-mail address ("에이치 알 엔 공칠 언더바 … 골뱅이 …")."""
    shaped: list[tuple[str, int]] = []
    codes = _codes(text)
    mail = email_spans(text)
    for start, end, code in codes:
        if not _inside(start, mail):
            shaped.append((code, start, end))
    taken = [(s, e) for s, e, _ in codes] + mail
    for match in _VALUE.finditer(text):
        value = _clean(match.group())
        if _SHAPED.match(value) and not _RESIDENT_NUMBER.match(value):
            if not _inside(match.start(), taken):
                shaped.append((value, match.start(), match.end()))
    return shaped


# The hyphen a spelled code gets between its letters and digits ("JY-0712"), never said.
_SPELLED_HYPHEN = re.compile(r"^([A-Za-z]+)-(?=\d)")


def _as_said(identifier: Identifier) -> Identifier:
    """Account ids are written in lower case without the hyphen a spelled code gets; a dash
    said inside one stays ("ws-jkim77")."""
    if identifier.kind == ACCOUNT_ID:
        value = _SPELLED_HYPHEN.sub(r"\1", identifier.value).lower()
        return Identifier(kind=identifier.kind, value=value)
    return identifier


def _same(a: str, b: str) -> bool:
    """One value, or a part of it said again ("제이윤 공칠일이" after "jyoon0712"), or two
    readings of one spelled prefix before the same long number ("KER-0091-7735" heard,
    "4K2R-0091-7735" read back)."""
    tails = [v.split("-")[-2:] for v in (a, b) if v.count("-") >= 2]
    if len(tails) == 2 and tails[0] == tails[1] and _long_number("".join(tails[0])):
        return True
    a, b = a.replace("-", "").upper(), b.replace("-", "").upper()
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_VALUE_CHARS and (long.endswith(short) or long.startswith(short))


def _prefer(new: str, known: str, read_back: bool) -> bool:
    """The fuller reading wins; at equal length the agent's, read off the system (the caller's
    오 may be O or 5), else the hyphenated one, as printed on orders."""
    new_core, known_core = new.replace("-", ""), known.replace("-", "")
    if len(new_core) != len(known_core):
        return len(new_core) > len(known_core)
    if new_core.upper() != known_core.upper():
        return read_back
    return "-" in new and "-" not in known


def extract_identifiers(context: CallContext) -> Found[list[Identifier]]:
    identifiers: list[Identifier] = []
    turns: list[Turn] = []
    last: list[Identifier] = []
    # The values of the last turn that said any, and where: what a correction may correct.
    heard: list[str] = []
    heard_at = 0
    for turn in context.turns:
        said = list(map(_as_said, _from_turn(context, turn)))
        if last:
            _take_read_back(identifiers, last, said, _read_turn(turn.text))
        # A reading one character off one said a turn before, or earlier in this turn, is that
        # value corrected or read back right ("공삼삼 아 아니다 공팔삼", "칠 이가 아니고 칠 삼");
        # so is one the agent finds up to three turns after a reading that found nothing ("이 번호로는
        # 조회되는 건이 없으신데요 … 금액이 얼마셨어요" → "… 승인번호 삼일칠사 공구이팔로 되어 있네요").
        recent = list(heard) if turn.index - heard_at <= MAX_CORRECTION_TURNS else []
        last = said
        if said:
            heard, heard_at = [i.value for i in said], turn.index
        for identifier in said:
            turns.append(turn)
            # A value said again as it was is that value, whatever else is one character off it.
            exact = [i for i in identifiers if _core(i.value) == _core(identifier.value)]
            near = [] if exact else [
                i for i in identifiers if i.value in recent and _near(i.value, identifier.value)
            ]
            if _corrects_itself(turn.text):
                recent.append(identifier.value)
            same = (i for i in identifiers if _same(i.value, identifier.value))
            known = near[0] if near else next(same, None)
            if known is None:
                identifiers.append(identifier)
            elif near or _prefer(identifier.value, known.value, turn.role is Role.AGENT):
                identifiers[:] = [i for i in identifiers if i is known or i not in near]
                replacement = _as_said(Identifier(kind=known.kind, value=identifier.value))
                identifiers[identifiers.index(known)] = replacement
                # A part of it the caller said again on its own ("케이 사일일 아이고 사일일삼칠")
                # is this value too, now that a fuller reading holds it.
                identifiers[:] = [
                    i for i in identifiers if i is replacement or not _same(i.value, replacement.value)
                ]
    # The caller's own customer number, read back by the agent, is the note's customer_id.
    own = customer_id_value(context)
    if own is not None:
        identifiers = [i for i in identifiers if not _core(i.value).startswith(_core(own))]
    # The address an account is known by, when the caller gives another to write to, is the
    # account's id ("계정 이메일" … "새 메일로 보내 주세요"); the contact is the note's e-mail.
    for address in login_addresses(context):
        if all(i.value != address for i in identifiers):
            identifiers.append(Identifier(kind=ACCOUNT_ID, value=address))
    return Found(identifiers, tuple(turns), 0.9 if identifiers else 0.8)


MIN_NEAR_CHARS = 4
# Two values one character apart in one turn are one corrected ("공삼삼 아 아니다 공팔삼") only
# where the turn says a correction; else they are a list ("…칠공삼구이 건 … 그리고 …칠공삼구삼 건").
_CORRECTING = re.compile(r"아니|잠깐|잠시만|(?<![가-힣])아(?![가-힣])|잘못|정정")


def _corrects_itself(text: str) -> bool:
    """The turn says a correction after its first digits: something said is taken back ("아
    그러셨군요 … 티 엑스 … 하고 티 엑스 …" opens with 아 and lists two numbers)."""
    sequences = digit_sequences(text)
    return bool(sequences) and bool(_CORRECTING.search(text, sequences[0].end))


MAX_CORRECTION_TURNS = 3


def _core(value: str) -> str:
    return value.replace("-", "").upper()


def _near(a: str, b: str) -> bool:
    """Two readings of one value one character apart ("RS-260912-033", "RS-260912-083")."""
    a, b = _core(a), _core(b)
    return len(a) == len(b) >= MIN_NEAR_CHARS and sum(x != y for x, y in zip(a, b)) == 1


def _near_part(part: str, whole: str) -> bool:
    """``part`` is a stretch of ``whole``, or one character off one ("이이일구" heard, "이이칠구"
    read back)."""
    part, whole = _core(part), _core(whole)
    windows = (whole[at : at + len(part)] for at in range(len(whole) - len(part) + 1))
    return part in whole or any(_near(part, w) for w in windows)


def _take_read_back(
    identifiers: list[Identifier], last: list[Identifier], said: list[Identifier], text: str
) -> None:
    """The other party reading back whole what was said in parts ("육공사칠 다음에 이이일구 …
    오팔삼공" → "육공사칠 이이칠구 오팔삼공 맞으세요"), or with the digit a particle had taken
    ("오공육이요" → "오공육이 받으시는 분"): the read-back is the value and holds the parts."""
    heard = [i for i in identifiers if any(i.value == s.value for s in last)]
    for value in _values(text, 0, len(text)):
        if any(_core(value) in _core(s.value) for s in said):
            continue  # a value of this turn (or part of one), merged as said
        covered = [
            i for i in heard if len(_core(i.value)) < len(_core(value)) and _near_part(i.value, value)
        ]
        if not any(_core(i.value) in _core(value) for i in covered):
            continue
        first = identifiers.index(covered[0])
        identifiers[first] = _as_said(Identifier(kind=covered[0].kind, value=value))
        identifiers[:] = [i for i in identifiers if i not in covered[1:]]
        heard = [i for i in heard if i not in covered]
