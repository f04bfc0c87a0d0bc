"""Person names in self-introductions: the customer answering 성함 questions, the agent's greeting.

A candidate is a common surname + one or two syllables (or a spaced "김 철 수") followed by a
copula or polite ending. Korean words often start with a surname syllable (정상, 이번, 고객), so a
candidate is kept only with evidence: a cue word (성함, 이름, 상담원), a two-syllable surname,
or Kiwi analysing it as a proper noun (NNP); common words are rejected outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.nlp import word_list

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
# Words that begin with a surname syllable and end like a self-introduction ("정상입니다").
COMMON_WORDS: frozenset[str] = frozenset(word_list("name_lookalikes"))
_ENDINGS = (
    r"(?:이라고\s?합니다|라고\s?합니다|이라고\s?해요|라고\s?해요|이고요|고요|이구요|구요|이에요|예요|"
    r"입니다|이요|요|인데요|이며|이고|님이요)"
)
_SURNAME = "(?:" + "|".join([*TWO_SYLLABLE_SURNAMES, *SURNAMES]) + ")"
_NAME = re.compile(
    r"(?<![가-힣])(?P<name>" + _SURNAME + r"[가-힣]{1,2}?|" + _SURNAME + r"(?: [가-힣]){2})"
    r"(?P<ending>" + _ENDINGS + r")?(?![가-힣])"
)
_FILLERS = frozenset({"", "네", "예", "아", "아네", "네네", "음", "어"})
_CUSTOMER_CUES = re.compile(r"성함은|성함이|이름은|이름이|저는|전|본인은|명의자는|명의는")
_AGENT_CUES = re.compile(r"상담원|상담사|매니저|담당자|고객센터|센터|팀")
_GREETING = re.compile(
    r"도와드릴까요|도와\s?드리겠습니다|안녕하(세요|십니까)|감사합니다|상담원|상담사|센터|매니저"
)


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    value: str


def _candidates(text: str) -> list[re.Match[str]]:
    return [m for m in _NAME.finditer(text) if m["name"].replace(" ", "") not in COMMON_WORDS]


def _is_proper_noun(text: str, start: int) -> bool:
    from pipeline.nlp.korean import analyse

    return any(s.start == start and s.tag.startswith("NNP") for s in analyse(text))


def _reads_as_name(text: str, match: re.Match[str]) -> bool:
    """Kiwi sees a proper noun, or an unknown noun that runs past the name into its ending
    ("정다은이"); a common noun within the candidate (강아지, 이상해) or a verb is no name."""
    from pipeline.nlp.korean import analyse

    segment = next((s for s in analyse(text) if s.start == match.start()), None)
    if segment is None or not segment.tag.startswith("N"):
        return False
    if segment.tag.startswith("NNP"):
        return True
    return segment.end > match.end("name")


def _noun_and_particle(text: str, match: re.Match[str]) -> bool:
    """A common noun with its particle inside the candidate ("저는 문자도 메일도")."""
    from pipeline.nlp.korean import analyse

    segments = analyse(text)
    for segment, following in zip(segments, segments[1:]):
        if segment.start == match.start() and segment.end < match.end("name"):
            return segment.tag.startswith("NNG") and following.tag.startswith("J")
    return False


def _has_evidence(text: str, match: re.Match[str], cue: re.Pattern[str]) -> bool:
    name = match["name"]
    if " " in name or name.startswith(TWO_SYLLABLE_SURNAMES):
        return True
    before = text[: match.start()].rstrip()
    if cue.search(before[-6:]):
        return True
    return _is_proper_noun(text, match.start())


def _mention(match: re.Match[str]) -> NameMention:
    name = match["name"]
    return NameMention(match.start("name"), match.end("name"), name, name.replace(" ", ""))


def _is_whole_answer(text: str, match: re.Match[str]) -> bool:
    """The utterance is the name and nothing else but a filler ("네, 김철수고요")."""
    before = text[: match.start()].strip(" ,.")
    return before in _FILLERS and not text[match.end() :].strip(" .,!?~")


def find_customer_name(text: str) -> NameMention | None:
    """The name a customer gives: '김철수고요', '성함은 박영희입니다', '김 철 수'."""
    for match in _candidates(text):
        whole = _is_whole_answer(text, match)
        cued = bool(_CUSTOMER_CUES.search(text[: match.start()][-6:]))
        if not (match["ending"] or cued or whole) or _noun_and_particle(text, match):
            continue
        if (whole and _reads_as_name(text, match)) or _has_evidence(text, match, _CUSTOMER_CUES):
            return _mention(match)
    return None


def find_agent_name(text: str) -> NameMention | None:
    """The agent's name from a greeting: '…고객센터 상담원 김민지입니다', '상담사 한지우가
    받았습니다'."""
    if not _GREETING.search(text):
        return None
    for match in _candidates(text):
        if match["ending"] not in ("입니다", "이에요", "예요", "이고요", "고요"):
            continue
        if _has_evidence(text, match, _AGENT_CUES):
            return _mention(match)
    titled = _TITLED_NAME.search(text)
    if titled and titled["name"] not in COMMON_WORDS:
        return _mention(titled)
    return None


# The job title right before the name, then the subject particle: "담당자 하예준이 도와드리겠습니다".
_TITLED_NAME = re.compile(
    r"(?<![가-힣])(?:상담원|상담사|매니저|담당자)\s(?P<name>" + _SURNAME + r"[가-힣]{1,2}?)(?:이|가)\s"
)
