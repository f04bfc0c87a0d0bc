"""Spoken turns rewritten as consultation-log text: fillers out, numbers and dates as written,
and the clause closed in the note style (…함, …됨, …기를 원함)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.extract.context import Morph
from pipeline.hangul import has_final_consonant, object_particle
from pipeline.nlp import word_list

_PAST = frozenset(["었", "았", "였", "ᆻ"])
_INTENT = frozenset(["려고", "으려고", "려구", "으려구"])
_FIRST_PERSON = frozenset(["저", "제", "저희", "나", "내"])
_PREDICATE_TAGS = ("VV", "VA", "XSV", "XSA", "VX", "VCP", "VCN")
_COUNTERS = (
    "사이즈|인치|킬로|키로|kg|기가|개월|회|번|퍼센트|프로|시|분|년|개|명|살|세|층|주|일|원|만\\s?원|천\\s?원"
)
_SINO = re.compile(
    r"(?<![가-힣])(?P<n>[일이삼사오육칠팔구십백천만]{1,8})\s?(?P<unit>" + _COUNTERS + r")(?![가-힣]{0,0}\d)"
)
_SPOKEN_MONTH = re.compile(r"(?<![가-힣])(?P<m>십이|십일|시|유|[일이삼사오육칠팔구])월(?!\s*[일이삼사오육칠팔구십\d]+\s?일)")
_MONTHS = {"유": 6, "시": 10}
_SAME_DAY_GAP = re.compile(r"\s*(?:이|가|은|는|도)?\s*(?:벌써|이미|그러니까|그니까|즉|그)?\s*")
_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
# A unit that begins a longer noun is no unit: "네 번호" is "yes, the number", "네 대리점" a
# reply, not four of anything.
_NATIVE_COUNT = re.compile(
    r"(?<![가-힣])(?P<n>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s"
    r"(?P<unit>번(?!호)|회(?!원|사|의)|개(?!통|인)|명(?!의|세)|달|시간|시(?!스템)|군데|대(?!리|학|표|기)|장(?!님|소|애)|건)"
)


@cache
def fillers() -> frozenset[str]:
    return frozenset(word_list("filler_words"))


def written_numbers(
    text: str, call_date: dt.date | None, said_before: str = "", earlier: tuple[str, ...] = ()
) -> str:
    """Dates as "11월 2일", amounts as "6,000원", counted numbers as digits ("이백육십 사이즈" →
    "260 사이즈", "다섯 번" → "5번"). ``said_before`` (the turn before) may give the date a
    weekday at the start of ``text`` counts from ("이월 십일 일 수요일에 주문하신 건이네요 |
    금요일까지 도착이라고 써 있었거든요"); ``earlier`` (the call's turns before, oldest first)
    the day of an event a count counts from ("지난주 수요일에 설치했거든요 | 설치하고 이틀
    뒤부터")."""
    from pipeline.normalize.dates import resolve_dates, written_date
    from pipeline.normalize.numbers import find_amounts, parse_korean_number

    edits: list[tuple[int, int, str]] = []
    if call_date is not None:
        previous = None
        for mention in resolve_dates(text, call_date, said_before, earlier):
            written = written_date(mention.date)
            if mention.date.year != call_date.year:
                written = f"{mention.date.year}년 {written}"
            if mention.from_event:
                # "설치하고 이틀 뒤인 4월 10일부터": the count says how it relates to the event.
                written = f"{mention.text.removesuffix('에').rstrip()}인 {written}"
                written += "에" if mention.text.endswith("에") else ""
            if mention.kind == "deadline" and not text.startswith("까지", mention.end):
                written += "까지"
            # "모레 십오 일 목요일" names one day twice; "오늘이 벌써 이십 일인데" too, and
            # writing both would read "11월 20일이 11월 20일인데": the later, exact one is kept.
            if previous and previous.date == mention.date:
                between = text[previous.end : mention.start]
                if not between.strip():
                    written = ""
                elif _SAME_DAY_GAP.fullmatch(between):
                    edits[-1] = (previous.start, mention.start, "")
            edits.append((mention.start, mention.end, written))
            previous = mention
    for amount in find_amounts(text):
        if not _overlaps(amount.start, amount.end, edits):
            edits.append((amount.start, amount.end, f"{int(amount.value):,}원"))
    for match in _SINO.finditer(text):
        value = parse_korean_number(match["n"])
        if value is not None and value >= 10 and not _overlaps(match.start(), match.end(), edits):
            unit = match["unit"]
            edits.append((match.start(), match.end(), f"{value}{'' if unit in ('원',) else ' '}{unit}"))
    for match in _SPOKEN_MONTH.finditer(text):
        month = _MONTHS.get(match["m"]) or parse_korean_number(match["m"])
        if month and 1 <= month <= 12 and not _overlaps(match.start(), match.end(), edits):
            edits.append((match.start(), match.end(), f"{month}월"))
    for match in _NATIVE_COUNT.finditer(text):
        if not _overlaps(match.start(), match.end(), edits):
            edits.append((match.start(), match.end(), f"{_NATIVE[match['n']]}{match['unit']}"))
    for match in _written_form_pattern().finditer(text):
        if not _overlaps(match.start(), match.end(), edits):
            edits.append((match.start(), match.end(), _written_forms()[match.group()]))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + _agreeing_particle(replacement, text[end:])
    return re.sub(r"\s{2,}", " ", text)


# Particles that change with the last syllable before them: (after a vowel, after a consonant).
_PARTICLE_PAIRS = (("는", "은"), ("가", "이"), ("를", "을"), ("와", "과"))


def _agreeing_particle(replacement: str, rest: str) -> str:
    """"어제는" written "11월 23일는" reads wrong: the particle follows the new last syllable."""
    last = replacement[-1:]
    if not ("가" <= last <= "힣") or not rest or (len(rest) > 1 and "가" <= rest[1] <= "힣"):
        return rest
    final = has_final_consonant(last)
    for vowel_form, consonant_form in _PARTICLE_PAIRS:
        if rest[0] in (vowel_form, consonant_form):
            return (consonant_form if final else vowel_form) + rest[1:]
    return rest


@cache
def _written_forms() -> dict[str, str]:
    return dict(tuple(line.split()) for line in word_list("written_forms"))  # type: ignore[misc]


@cache
def _written_form_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _written_forms()), key=len, reverse=True))
    particles = "이|가|은|는|을|를|으로|로|에|에서|도|만|이랑|랑|하고|과|와|요|이요"
    return re.compile(rf"(?<![가-힣A-Za-z])(?:{words})(?=(?:{particles})?(?![가-힣]))")


def _overlaps(start: int, end: int, edits: Sequence[tuple[int, int, str]]) -> bool:
    return any(start < e and s < end for s, e, _ in edits)


@dataclass(frozen=True)
class Word:
    text: str
    morphs: tuple[Morph, ...]

    @property
    def is_filler(self) -> bool:
        head = self.morphs[0]
        if head.tag.startswith("IC") or head.form in fillers():
            return all(m.tag.startswith(("IC", "MA", "MM", "J", "E", "NP", "VCP")) or m.form in fillers() for m in self.morphs)
        if head.tag.startswith("NP") and head.form in _FIRST_PERSON:
            return all(m.tag.startswith(("NP", "J")) for m in self.morphs)
        return False


def words_of(text: str, morphs: Sequence[Morph]) -> list[Word]:
    words: list[Word] = []
    for match in re.finditer(r"\S+", text):
        inside = tuple(m for m in morphs if match.start() <= m.start < match.end())
        if inside:
            words.append(Word(match.group(), inside))
    return words


def _join(morphs: Sequence[tuple[str, str]]) -> str:
    from pipeline.nlp.korean import get_kiwi

    return get_kiwi().join([(form, tag.split("-")[0]) for form, tag in morphs])


def _stem_until_predicate(word: Word) -> list[tuple[str, str]] | None:
    """The word's morphemes up to its last lexical predicate (and past-tense marker)."""
    last = max(
        (i for i, m in enumerate(word.morphs) if m.tag.startswith(_PREDICATE_TAGS)), default=None
    )
    if last is None:
        return None
    end = last + 1
    while end < len(word.morphs) and word.morphs[end].tag.startswith("EP") and word.morphs[end].form in _PAST:
        end += 1  # "샀음", not "삼"
    return [(m.form, m.tag) for m in word.morphs[:end]]


def close_clause(words: Sequence[Word], *, ending: str = "음", wish: bool = False) -> str | None:
    """Words as a note clause ending in the nominal form: "안 와서요" → "안 옴". With ``wish``
    (the customer asking whether something can be done), "받을 수 있는 거죠" → "받기를 원함"."""
    words = [w for w in words if not w.is_filler]
    if wish and (possible := _can_do(words)) is not None:
        return possible
    for index, word in enumerate(words):
        # "반품 좀 하려고 하는데요": what the customer means to do is what they want.
        cut = next((i for i, m in enumerate(word.morphs) if m.form in _INTENT), None)
        if cut and word.morphs[cut - 1].tag.startswith(_PREDICATE_TAGS):
            stem = [(m.form, m.tag) for m in word.morphs[:cut]]
            return _wish(list(words[: index + 1]), [*stem, ("싶", "VX")])
    while words and not any(m.tag.startswith(_PREDICATE_TAGS) for m in words[-1].morphs):
        words = words[:-1]
    if not words:
        return None
    if len(words) > 1 and words[-1].morphs[0].lemma == "좋다":
        # "안 왔으면 좋겠어요": a wish.
        conditional = next(
            (i for i, m in enumerate(words[-2].morphs) if m.form in ("면", "으면")), None
        )
        if conditional:
            stem = [(m.form, m.tag) for m in words[-2].morphs[:conditional] if m.form not in _PAST]
            return _wish(list(words[:-1]), [*stem, ("싶", "VX")])
    stem = _stem_until_predicate(words[-1])
    if stem is None:
        return None
    # 싶다/주다 are wishes and requests, not facts: "환불받고 싶어요" → "환불받기를 원함".
    forms = [f for f, _ in stem]
    if forms[-1] in ("싶", "주") and len(words) + len(stem) > 1:
        return _wish(words, stem)

    closed = _join([*stem, (ending, "ETN")])
    inner = [_inner(w, following) for w, following in zip(words[:-1], words[1:], strict=True)]
    return " ".join([*inner, closed]).strip()


def _can_do(words: Sequence[Word]) -> str | None:
    """"이번 주 안에는 받을 수 있는 거죠": the verb before ᆯ 수 있다 is what they want."""
    for index, word in enumerate(words[:-1]):
        last = word.morphs[-1]
        following = words[index + 1].morphs
        if last.tag.startswith("ETM") and following[0].form == "수" and len(word.morphs) > 1:
            stem = [(m.form, m.tag) for m in word.morphs[:-1] if m.form not in _PAST]
            return _wish(list(words[: index + 1]), [*stem, ("싶", "VX")])
    return None


_MUST = frozenset(["아야", "어야", "여야"])


def needed_wish(words: Sequence[Word]) -> str | None:
    """"토요일까지는 꼭 받아야 되거든요": what the customer says must happen is what they want
    ("토요일까지는 받기를 원함"); None when no verb is said to be needed (V-아야 되다/하다)."""
    words = [w for w in words if not w.is_filler]
    for index, word in enumerate(words[:-1]):
        cut = next((i for i, m in enumerate(word.morphs) if m.tag.startswith("EC") and m.form in _MUST), None)
        following = words[index + 1].morphs[0]
        if cut and word.morphs[cut - 1].tag.startswith(("VV", "XSV")) and following.lemma in ("되다", "하다"):
            stem = [(m.form, m.tag) for m in word.morphs[:cut] if m.form not in _PAST]
            return _wish(list(words[: index + 1]), [*stem, ("싶", "VX")])
    return None


def _wish(words: Sequence[Word], stem: list[tuple[str, str]]) -> str | None:
    core = stem[:-1]
    while core and core[-1][1].startswith(("EC", "EP")):
        core = core[:-1]
    head_words = list(words[:-1])
    if not core:  # "바꿔 주세요": the verb is the previous word
        if not head_words:
            return None
        core = _stem_until_predicate(head_words.pop()) or []
        while core and core[-1][1].startswith(("EC", "EP")):
            core = core[:-1]
    if not core:
        return None
    negated = bool(head_words) and head_words[-1].text in ("안", "못")
    if [f for f, _ in core] == ["하"] and head_words and _is_noun_word(head_words[-1]):
        # "정지 해 주세요": the noun is the word before a bare 하다.
        noun_word = head_words.pop()
        core = [(m.form, m.tag) for m in noun_word.morphs if m.tag.startswith(("NNG", "NNP", "SL"))]
        core.append(("하", "XSV"))
    noun = None if negated else _as_noun(core)
    if noun is not None:
        # "계좌를 바꾸고 싶어요" → "계좌 변경을 원함": the object joins the noun.
        heads = [_inner(w) for w in head_words]
        object_marked = bool(head_words) and head_words[-1].morphs[-1].tag.startswith("JKO")
        if object_marked and heads[-1][-1:] in ("을", "를"):
            heads[-1] = heads[-1][:-1]
        return " ".join([*heads, f"{noun}{object_particle(noun)}", "원함"]).strip()
    verb = _join([*core, ("기", "ETN"), ("를", "JKO")])
    return " ".join([*(_inner(w) for w in head_words), verb, "원함"]).strip()


def _is_noun_word(word: Word) -> bool:
    """"정지", "청구를": nouns, an object particle at most."""
    morphs = word.morphs[:-1] if word.morphs[-1].tag.startswith("JKO") else word.morphs
    return bool(morphs) and all(m.tag.startswith(("NNG", "NNP", "SL")) for m in morphs)


def _as_noun(core: Sequence[tuple[str, str]]) -> str | None:
    """"해지하" → "해지", "바꾸" → "변경" (pipeline/nlp/data/verb_nouns.txt); None for a verb a
    log keeps as it is ("환불받", "오")."""
    forms = [form for form, _ in core]
    tags = [tag.split("-")[0] for _, tag in core]
    if len(core) >= 2 and tags[-1] == "XSV" and forms[-1] == "하" and all(
        t.startswith(("NNG", "NNP", "SL")) for t in tags[:-1]
    ):
        return "".join(forms[:-1])
    if len(core) == 1 and tags[0].startswith("VV"):
        return _verb_nouns().get(forms[0])
    return None


@cache
def _verb_nouns() -> dict[str, str]:
    return dict(tuple(line.split()) for line in word_list("verb_nouns"))  # type: ignore[misc]


_SPOKEN_POLITE = re.compile(r"(는데|ㄴ데|은데|어서|아서|해서|서|고|거든|니까|지만|면서)요$")


def _written(word: str) -> str:
    """'주문했는데요' inside a clause is '주문했는데'."""
    return _SPOKEN_POLITE.sub(r"\1", word)


def _inner(word: Word, following: Word | None = None) -> str:
    """A word inside a note clause: no polite 요 ("공기청정기요", "열한 시쯤부터요")."""
    if word.text == "거":  # spoken for "주문한 건", "내린 것 같음"
        return "것" if following is not None and following.text.startswith("같") else "건"
    last = word.morphs[-1]
    polite = last.tag.startswith("JX") and last.form == "요"
    if polite and len(word.text) > 1 and word.text[-1] == "요":
        return word.text[:-1]
    return _written(word.text)
