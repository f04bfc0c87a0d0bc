"""Person names in self-introductions: the customer answering 성함 questions, the agent's greeting.

A candidate is a common surname + one or two syllables (or a spaced "김 철 수") followed by a
copula or polite ending. Korean words often start with a surname syllable (정상, 이번, 고객), so a
candidate is kept only with evidence: a cue word (성함, 이름, 상담원), a two-syllable surname,
or Kiwi analysing it as a proper noun (NNP); common words are rejected outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.nlp import word_list

if TYPE_CHECKING:
    from pipeline.nlp.korean import Segment

TWO_SYLLABLE_SURNAMES: tuple[str, ...] = (
    "남궁",
    "황보",
    "제갈",
    "선우",
    "독고",
    "사공",
    "서문",
    "동방",
)
SURNAMES: tuple[str, ...] = word_list("surnames")
KIN_NOUNS: tuple[str, ...] = word_list("kin_nouns")
RELATION_NOUNS: tuple[str, ...] = KIN_NOUNS + word_list("relation_nouns")
_ENDINGS = (
    r"(?:(?:이)?라고\s?(?:합니다|해요|하는데요|하고요|하구요)|이고요|고요|이구요|구요|이에요|예요|"
    r"입니다|이었습니다|였습니다|이요|요|인데요|이며|이고|고|님이요"
    # Dialect copulas: "김순자라예", "박말순이여", "이춘자인디요", "윤태식이유" (Chungcheong).
    r"|(?:이)?라(?:예|요)|이여|여|인디요|인디|이유|유"
    # ASR puts a space before the copula now and then: "상담사 김민지 입니다".
    r"|\s(?:입니다|이라고\s?합니다|라고\s?합니다))"
)
# How an agent names themselves: the copula or "…라고 합니다"; the past copula of the sign-off
# ("상담원 김민지였습니다") only ever names the speaker.
_AGENT_ENDINGS = frozenset(
    ["입니다", "이에요", "예요", "이고요", "고요", "이라고 합니다", "라고 합니다", "이라고합니다", "라고합니다"]
)
# An office's staff answer with their work title ("관리사무소 배경수 과장입니다").
_JOB_TITLES = r"(?:상담원|상담사|매니저|담당자|팀장|실장|주임|대리|과장|차장|부장|계장|주무관)"
_SIGN_OFF_ENDINGS = frozenset(["이었습니다", "였습니다"])
FULL_NAME = 3
_SURNAME = "(?:" + "|".join([*TWO_SYLLABLE_SURNAMES, *SURNAMES]) + ")"
_LONG_SURNAME = "(?:" + "|".join(TWO_SYLLABLE_SURNAMES) + ")"
_SHORT_SURNAME = "(?:" + "|".join(SURNAMES) + ")"
_NAME = re.compile(
    # Most names are three syllables: "하정구요" is 하정구 + 요 before 하정 + 구요; after a
    # two-syllable surname one given syllable is as common ("남궁민이요").
    # A name spelled syllable by syllable first: "남궁 은 비요" is not 남궁 + 은.
    # A two-syllable surname said apart from the given name ("남궁 현이요") is one name too.
    r"(?<![가-힣])(?P<name>" + _SURNAME + r"(?: [가-힣]){2}|"
    + _LONG_SURNAME + r" ?[가-힣]{1,2}?|" + _SHORT_SURNAME + r"[가-힣]{1,2})"
    r"(?P<ending>" + _ENDINGS + r")?(?![가-힣])"
)
_FILLERS = frozenset({"", "네", "예", "아", "아네", "네네", "음", "어"})
# "예약자 명 표준수요": 명 after a role noun is the name's label, as 이름 is.
# The cue stands right before the name, fillers aside: in "저는 보상 이런 거" the word after
# 저는 is no name, nor is the one after it.
_CUSTOMER_CUES = re.compile(
    r"(?:성함은|성함이|이름은|이름이|저는|(?<![가-힣])전|본인은|명의자는|명의는|자\s?명)"
    r"\s+(?:(?:네|예|아|어|음|그)\s+)*$"
)
# The speaker naming themselves: a first-person subject or topic right before the name, or before
# one word that says who they are to the call ("나는 남편 채병수요", "제가 보호자 진소라예요").
# Whose relation may be named too ("저 콩이 보호자 임소연인데요", "저 민준이 엄마 김지수예요").
_SELF_CUE = re.compile(
    r"(?:^|\s)(?:저는|제가|나는|내가|전|난|저|본인은)\s(?:(?:[가-힣]{1,4}\s)?(?:"
    + "|".join(RELATION_NOUNS)
    + r")\s)?$"
)
# A hospital's or office's desk is a 상담실, 민원실, 사무소 or 사업소 ("고객상담실 변하윤입니다",
# "관리사무소 …"), as a company's is a 센터 or 팀.
# A work title, alone or ending a compound ("교무실장 홍미란입니다"), stands before the name too.
_AGENT_CUES = re.compile(
    r"상담원|상담사|매니저|담당|고객센터|센터|팀|상담실|민원실|사무소|사업소|저는|" + _JOB_TITLES
)
# A word followed by a name label is whose name it is, not the name ("주문자 이름은", "예약자 명
# 표준수요"); "김철수 이름으로" still names 김철수.
_NAME_LABEL_AFTER = re.compile(r"\s?(?:(?:이름|성함|성명)(?:은|는|이|가)|명\s)")
_GREETING = re.compile(
    r"도와드릴까요|도와\s?드리겠습니다|안녕하(세요|십니까)|감사합니다|상담원|상담사|센터|매니저|상담실|민원실|사무소|사업소"
    r"|바꿨습니다|전화\s?받았습니다"
    # The agent giving their work title ("네 믿음모터스 유승철 팀장입니다").
    r"|" + _JOB_TITLES + r"(?:입니다|이었습니다|였습니다)"
    # The agent naming themselves mid-turn ("네 가능합니다 저는 데스크 서은채고요").
    r"|(?:^|\s)저는\s"
)


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    value: str
    # The copula or polite ending said right after the name ("이에요", "요"), if any.
    ending: str = ""


def _candidates(text: str) -> list[re.Match[str]]:
    return [
        m
        for m in _NAME.finditer(text)
        if m["name"].replace(" ", "") not in COMMON_WORDS
        and not _NAME_LABEL_AFTER.match(text, m.end())
    ]


def _introduced(text: str, match: re.Match[str]) -> bool:
    """"제가 모현정이에요": a first-person subject, then a name that ends like one ("저 반품한 거",
    "제가 가도 돼요" name nobody)."""
    return bool(match["ending"]) and self_named(text, match.start())


def self_named(text: str, start: int) -> bool:
    """The speaker says the name at ``start`` is theirs ("제가 모현정이에요", "나는 남편 채병수요")."""
    return bool(_SELF_CUE.search(text, 0, start))


@lru_cache(maxsize=256)
def _analysis(text: str) -> tuple[Segment, ...]:
    """Kiwi's segments of a text several checks of one candidate read."""
    from pipeline.nlp.korean import analyse

    return tuple(analyse(text))


def _is_proper_noun(text: str, start: int) -> bool:
    return any(s.start == start and s.tag.startswith("NNP") for s in _analysis(text))


def _reads_as_name(text: str, match: re.Match[str]) -> bool:
    """Kiwi sees a proper noun, or an unknown noun that runs past the name into its ending
    ("정다은이"); a common noun within the candidate (강아지, 이상해) or a verb is no name."""
    segment = next((s for s in _analysis(text) if s.start == match.start()), None)
    if segment is None or not segment.tag.startswith("N"):
        return False
    if segment.tag.startswith("NNP"):
        return True
    return segment.end > match.end("name")


def _noun_and_particle(text: str, match: re.Match[str]) -> bool:
    """A common noun or a pronoun with its particle inside the candidate ("저는 문자도 메일도",
    "나는")."""
    segments = _analysis(text)
    for segment, following in zip(segments, segments[1:]):
        if segment.start == match.start() and segment.end < match.end("name"):
            return segment.tag.startswith(("NNG", "NP")) and following.tag.startswith("J")
    return False


def _has_evidence(text: str, match: re.Match[str], cued: bool) -> bool:
    name = match["name"]
    if " " in name or name.startswith(TWO_SYLLABLE_SURNAMES):
        return True
    if cued or _introduced(text, match):
        return True
    return _is_proper_noun(text, match.start())


def _customer_cued(text: str, match: re.Match[str]) -> bool:
    return bool(_CUSTOMER_CUES.search(text, 0, match.start()))


def _agent_cued(text: str, match: re.Match[str]) -> bool:
    return bool(_AGENT_CUES.search(text[: match.start()].rstrip()[-6:] + " "))


def _mention(match: re.Match[str]) -> NameMention:
    name = match["name"]
    ending = match["ending"] or ""
    return NameMention(match.start("name"), match.end("name"), name, name.replace(" ", ""), ending)


def _is_whole_answer(text: str, match: re.Match[str]) -> bool:
    """The utterance is the name and nothing else but a filler ("네, 김철수고요")."""
    before = text[: match.start()].strip(" ,.")
    return before in _FILLERS and not text[match.end() :].strip(" .,!?~")


# The name label said right before a name ("이름은 오 미 경이에요"): that name is the one given,
# before any other the sentence names ("저는 정자점 다니는 … 엄마고요 이름은 …").
_LABEL_BEFORE = re.compile(r"(?:이름은|이름이|성함은|성함이|성명은)\s$")
# A name followed by who that person is to the caller is someone else's ("정하윤이 엄마고요").
_WHOSE_AFTER = re.compile(r"(?:이|의)?\s(?:" + "|".join(RELATION_NOUNS) + r")(?![가-힣])")
# Titles a caller gives after their own name at work ("총무팀 윤재석 대리인데요").
# (이사, 책임 are everyday words too: "부산 이사요".) The name is a full one: surname and two
# syllables, or a two-syllable surname and one.
TITLES = (
    "대리", "과장", "차장", "부장", "팀장", "사원", "주임", "실장", "원장", "사장", "계장",
    "매니저", "주무관",
)
# Words that begin with a surname syllable and end like a self-introduction ("정상입니다"), the
# words for who someone is (엄마, 보호자), which stand where a name would, and the titles people
# are called by with 님 ("선생님", "과장님"), which the agent says back as it would a name.
COMMON_WORDS: frozenset[str] = (
    frozenset(word_list("name_lookalikes")) | frozenset(RELATION_NOUNS) | frozenset(TITLES)
)
_TITLED_SELF = re.compile(
    r"(?<![가-힣])(?P<name>" + _LONG_SURNAME + r"[가-힣]{1,2}|" + _SHORT_SURNAME + r"[가-힣]{2})"
    r"\s(?:" + "|".join(TITLES) + r")"
    # "… 염승우 대리라고 하는데요": the title quoted as one names oneself.
    r"(?:인데요|입니다|이에요|예요|이고요|고요|이구요|구요|요|(?:이)?라고\s?(?:합니다|해요|하는데요|하고요))"
    r"(?![가-힣])"
)
# Before the titled name: "저 …" or the opening of the turn, with the company and team.
_TITLE_BEFORE = re.compile(
    r"(?:(?:^|\s)(?:저|저는|제가)\s|^\s*(?:(?:네|예|아|안녕하세요)\s+)*)(?:[가-힣]+\s){0,5}$"
)


def find_titled_name(text: str) -> NameMention | None:
    """"저 태광정밀 총무팀 윤재석 대리인데요": a caller naming themselves with their work title,
    the company and team said before; the name is a surname-led word right before the title."""
    for match in _TITLED_SELF.finditer(text):
        name = match["name"]
        if name in COMMON_WORDS:
            continue
        if self_named(text, match.start()) or _TITLE_BEFORE.search(text, 0, match.start()):
            return NameMention(match.start("name"), match.end("name"), name, name, "요")
    return None


def find_customer_name(text: str, *, asked: bool = False) -> NameMention | None:
    """The name a customer gives: '김철수고요', '성함은 박영희입니다', '김 철 수'; ``asked``: the
    agent has just asked for it, so a full name ending like an answer is one ("예약은 제 이름으로
    했어요 유하늘이요")."""
    candidates = _candidates(text)
    labelled = [m for m in candidates if _LABEL_BEFORE.search(text, 0, m.start())]
    for match in labelled + [m for m in candidates if m not in labelled]:
        if _WHOSE_AFTER.match(text, match.end("name")) and not match["ending"]:
            continue
        whole = _is_whole_answer(text, match)
        cued = _customer_cued(text, match)
        if not (match["ending"] or cued or whole) or _noun_and_particle(text, match):
            continue
        if (whole and _reads_as_name(text, match)) or _has_evidence(text, match, cued):
            return _mention(match)
        if asked and _answers_with_a_name(text, match):
            return _mention(match)
    return None


def _answers_with_a_name(text: str, match: re.Match[str]) -> bool:
    """A full name, one noun to Kiwi (not 가능 + 해), with its ending."""
    name = match["name"]
    if " " in name or len(name) < FULL_NAME or not match["ending"]:
        return False
    return _one_segment(text, match.start("name"), match.end("name"))


def find_agent_name(text: str) -> NameMention | None:
    """The agent's name from a greeting: '…고객센터 상담원 김민지입니다', '상담사 한지우가
    받았습니다'."""
    if not _GREETING.search(text):
        return None
    for match in _candidates(text):
        # "상담원 김민지였습니다" names the speaker; "예정이었습니다" is a two-syllable word, so
        # a sign-off without a cue takes a full name.
        cued = _agent_cued(text, match)
        if (match["ending"] or "").strip() in _SIGN_OFF_ENDINGS:
            if len(match["name"]) >= FULL_NAME or _has_evidence(text, match, cued):
                return _mention(match)
        if (match["ending"] or "").strip() not in _AGENT_ENDINGS:
            continue
        if _has_evidence(text, match, cued):
            return _mention(match)
    surname_only = _SURNAME_AND_TITLE.search(text)
    if surname_only is not None:  # "고객센터 김 주임입니다": the surname and work title only
        value = f"{surname_only['surname']} {surname_only['title']}"
        return NameMention(surname_only.start(), surname_only.end("title"), value, value)
    for titled in _TITLED_NAME.finditer(text):
        group = "name" if titled["name"] else "before"
        name = titled[group]
        # "배송팀 상담원입니다": a name before the title is one word to Kiwi, not 배송 + 팀.
        one_word = group == "name" or _one_segment(text, titled.start(group), titled.end(group))
        if name not in COMMON_WORDS and one_word:
            return NameMention(titled.start(group), titled.end(group), name, name)
    return None


def _one_segment(text: str, start: int, end: int) -> bool:
    return any(s.start == start and s.end == end and s.tag.startswith("N") for s in _analysis(text))


# The job title right before the name, then the subject particle ("담당자 하예준이
# 도와드리겠습니다"), or right after it ("김민지 상담원입니다").
_TITLED_NAME = re.compile(
    r"(?<![가-힣])" + _JOB_TITLES + r"\s(?P<name>" + _SURNAME + r"[가-힣]{1,2}?)(?:이|가)\s"
    r"|(?<![가-힣])(?P<before>" + _SURNAME + r"[가-힣]{1,2})\s" + _JOB_TITLES
    + r"(?:입니다|이에요|예요|이었습니다|였습니다)"
)


# An agent who gives only their surname and work title ("김 주임입니다", "저는 이 실장이고요"):
# the log writes both, as said. The surname stands alone as a word, after the company, branch
# or 저는.
_SURNAME_AND_TITLE = re.compile(
    r"(?<![가-힣])(?P<surname>" + _SHORT_SURNAME + r")\s(?P<title>" + _JOB_TITLES + r")"
    r"(?:입니다|이에요|예요|이고요|고요|이었습니다|였습니다|(?:이)?라고\s?합니다)(?![가-힣])"
)


def name_shaped(text: str) -> list[NameMention]:
    """Every surname-led stretch at a word's start, of each length ("추경민으로" → 추경, 추경민),
    for a caller to confirm against the agent's read-back; no evidence of a name by itself."""
    found: list[NameMention] = []
    for word in re.finditer(r"(?<![가-힣])[가-힣](?:[가-힣]+| [가-힣] [가-힣])", text):
        spaced = " " in word.group()
        lengths = (len(word.group()),) if spaced else range(2, min(4, len(word.group())) + 1)
        for length in lengths:
            piece = word.group()[:length]
            value = piece.replace(" ", "")
            surname_ok = value.startswith(TWO_SYLLABLE_SURNAMES) or value[0] in SURNAMES
            if surname_ok and value not in COMMON_WORDS:
                found.append(NameMention(word.start(), word.start() + length, piece, value))
    return found
