"""A spoken step as the noun phrase a consultation log writes for it.

    step_phrase(clause)                 "기사님이 방문 전에 전화드릴 거예요"  → "기사 방문 전 전화 안내"
    step_phrase(clause, joined=(before,))
        "택배사에 다시 확인해 보고 | 내일 오후에 전화드릴게요"          → "택배사에 확인 후 전화 안내"

What a log keeps: the arguments with the case particles that carry meaning (에, 에게, 으로/로,
까지, 을/를 before another argument), the step's verb as the verbal noun a log writes
(전화드리다 → 전화 안내, 보내 드리다 → 발송, 알려 드리다 → 안내, 바꾸다 → 변경, 잡다 → 예약,
올리다 → 업로드 for a file, else 접수; pipeline/nlp/data/action_verbs.txt, verb_nouns.txt and
phrase_verbs.txt), an embedded question as "… 여부" (도착하는지 → 도착 여부) and a time window as
"(오후 1~3시)". What it drops: fillers, who is addressed or speaks (고객님, 제가, 저희가), adverbs,
the date and time of day (the follow-up's due date says when), politeness and auxiliaries
(드리다, 주다, 두다, 보다 after a verb). Clauses joined in one sentence are linked with 후, a
condition with 시 ("출고되면 | 문자 보내 드릴게요" → "출고 시 문자 발송").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.extract.context import Clause, Morph
from pipeline.extract.style import Word, _verb_nouns, words_of
from pipeline.hangul import has_final_consonant
from pipeline.nlp import word_list

MAX_ARGUMENTS = 4
# Clauses said before the step that a log links to it ("확인 후 전화 안내"): at most two.
MAX_JOINED = 2
_FILED = "접수"
_SPEAKERS = frozenset(["저", "제", "저희", "나", "내", "우리"])
_ADDRESSED = frozenset(["고객", "고객님", "님", "본인", "손님", "회원님", "대표님", "선생님"])
_KEPT_PARTICLES = frozenset(["에", "에게", "께", "으로", "로", "까지", "에서"])
_WITH_PARTICLES = frozenset(["하고", "랑", "이랑", "와", "과"])
_OBJECT_PARTICLES = frozenset(["을", "를", "ᆯ"])
_OR_PARTICLES = frozenset(["나", "이나"])
# Counted amounts of time and approximations the due date already says ("삼 일 정도").
_VAGUE_NOUNS = frozenset(["정도", "쯤", "중", "가량", "내외", "전부", "다", "둘", "그럼", "그때", "그날", "이따", "수", "대로"])
_EMBEDDED_QUESTION = ("는지", "ᆫ지", "은지", "을지", "ᆯ지")
_CONDITION_ENDINGS = frozenset(["면", "으면", "시면"])
_DATE = re.compile(r"^(?:\d+(?:년|월|일|시|분)?|\d+:\d+)$")
_NATIVE_HOURS = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
    "열": 10, "열한": 11, "열두": 12,
}
_HOUR = r"(\d{1,2}|열한|열두|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?시"
# "오후 1시에서 3시 사이", "오전 열 시부터 열두 시까지": the window a visit is booked in.
_WINDOW = re.compile(
    rf"(?P<part>오전|오후)?\s?{_HOUR}(?:\s?\d{{1,2}}\s?분|\s?반)?\s?(?:에서|부터|~|-)\s?(?:오전|오후)?\s?{_HOUR.replace('(', '(?P<to>', 1)}"
)
_LEAD_HOUR = re.compile(rf"{_HOUR}")


@cache
def _lexicon() -> dict[str, frozenset[str] | dict[str, str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    verbs: dict[str, str] = {}
    for line in word_list("action_verbs"):
        verb, noun = line.split()
        verbs[verb] = noun
    for line in word_list("phrase_verbs"):
        first, second = line.split()
        if first in ("upload", "contact", "light", "auxiliary"):
            groups[first].add(second)
        else:
            verbs.setdefault(first, second)
    return {"verbs": verbs, **{g: frozenset(w) for g, w in groups.items()}}


def _group(name: str) -> frozenset[str]:
    found = _lexicon()[name]
    assert isinstance(found, frozenset)
    return found


def verbal_noun(lemma: str) -> str | None:
    """The noun a log writes for a native verb: "보내다" → "발송", "잡다" → "예약"; None for a
    verb it has no noun for."""
    verbs = _lexicon()["verbs"]
    assert isinstance(verbs, dict)
    return verbs.get(lemma) or _verb_nouns().get(lemma.removesuffix("다"))


@dataclass
class _Piece:
    arguments: list[str] = field(default_factory=list)
    head: str | None = None
    window: str | None = None
    condition: bool = False

    def text(self) -> str | None:
        arguments = self.arguments[-MAX_ARGUMENTS:]
        if arguments and self.head is None:
            arguments[-1] = _bare(arguments[-1])
        if self.head is not None and arguments and arguments[-1].endswith(("을", "를")):
            arguments[-1] = arguments[-1][:-1]  # "영수증 발송": the object next to its verb is bare
        words = [*arguments, *([self.head] if self.head else [])]
        if not words:
            return None
        return " ".join(words) + (f"({self.window})" if self.window else "")


def step_phrase(clause: Clause, joined: Sequence[Clause] = (), *, telling: bool = True) -> str | None:
    """The step ``clause`` promises, as a note's noun phrase; ``joined`` are the clauses said
    before it in the same sentence ("확인해 보고", "사진 올려 주시면"), linked with 후 or 시.
    ``telling``: the company speaks to the customer, so "전화드릴게요" is 전화 안내 (the
    customer's "다시 전화드릴게요" is a 전화). None when nothing but fillers, people and times
    was said."""
    before = [p for c in joined[-MAX_JOINED:] if _is_act(p := _piece(c, telling))]
    pieces = [p for p in (*before, _piece(clause, telling)) if p.text()]
    if not pieces:
        return None
    # 올리다 files what it puts up (접수), unless it is a file: "사진을 … 올려" is an upload.
    uploads = _group("upload")
    if any(any(u in a for u in uploads) for p in pieces for a in p.arguments):
        for piece in pieces:
            piece.head = "업로드" if piece.head == _FILED else piece.head
    texts: list[str] = []
    for index, piece in enumerate(pieces):
        text = piece.text()
        assert text is not None
        if text in texts:
            continue
        texts.append(text)
        if index + 1 < len(pieces):
            texts.append("시" if piece.condition else "후")
    return " ".join(texts).removesuffix(" 후").removesuffix(" 시")


def _is_act(piece: _Piece) -> bool:
    """A clause worth linking: an act on something ("택배사에 확인"), not a state ("확답
    어렵고"), a duration ("보통 이 주 정도 걸리고") or a bare verb."""
    return piece.head is not None and bool(piece.arguments) and piece.head not in _NOT_ACTS


_NOT_ACTS = frozenset(["소요", "확인 안내"])


def clause_phrase(clause: Clause, *, telling: bool = True) -> str | None:
    """One clause as a noun phrase: its arguments and the verbal noun of its verb."""
    return _piece(clause, telling).text()


def _piece(clause: Clause, telling: bool = True) -> _Piece:
    text = clause.turn.plain[clause.start : clause.end]
    window = _WINDOW.search(text)
    words = [
        w for w in words_of(text, _shifted(clause))
        if not w.is_filler and not (window and window.start() <= w.morphs[0].start < window.end())
    ]
    piece = _Piece(window=_window(text), condition=_is_condition(clause))
    head_at = _head_index(words)
    for index, word in enumerate(words):
        if index == head_at:
            piece.head = _head(word, words[index - 1] if index else None, piece, telling)
            if piece.head and piece.arguments and _bare(piece.arguments[-1]).endswith(piece.head):
                piece.arguments[-1] = _bare(piece.arguments[-1]).removesuffix(piece.head).strip()
                piece.arguments = [a for a in piece.arguments if a]  # "상담 예약 잡아 드릴게요"
            continue
        if head_at is not None and index > head_at:
            break  # auxiliaries and endings after the step's verb
        if _is_predicate(word):
            argument = _predicate_argument(word, words[index + 1] if index + 1 < len(words) else None)
        else:
            argument = _noun_argument(word, text)
        if argument and argument not in piece.arguments:
            _add(piece.arguments, argument)
    return piece


def _add(arguments: list[str], argument: str) -> None:
    """A bare noun joins the noun after it: "주문 상세 화면에" is one argument."""
    if arguments and _bare(arguments[-1]) == arguments[-1] and not arguments[-1].endswith(" 여부"):
        arguments[-1] = f"{arguments[-1]} {argument}"
    else:
        arguments.append(argument)


def _shifted(clause: Clause) -> tuple[Morph, ...]:
    return tuple(
        Morph(m.form, m.tag, m.lemma, m.start - clause.start, m.end - clause.start)
        for m in clause.morphs
    )


def _is_condition(clause: Clause) -> bool:
    endings = [m for m in clause.morphs if m.tag.startswith("EC")]
    return bool(endings) and endings[-1].form in _CONDITION_ENDINGS


def _is_predicate(word: Word) -> bool:
    return any(m.tag.startswith(("VV", "VA", "XSV", "XSA", "VX", "VCP", "VCN")) for m in word.morphs)


def _lexical(word: Word) -> Morph | None:
    """The word's own verb or verbal noun, not an auxiliary or a light verb after a noun."""
    found = None
    for index, morph in enumerate(word.morphs):
        if morph.tag.startswith("NNG") and index + 1 < len(word.morphs) and (
            word.morphs[index + 1].tag.startswith(("XSV", "XSA"))
            or word.morphs[index + 1].lemma in _group("light")
        ):
            found = morph
        elif morph.tag.startswith("VV") and morph.lemma not in _group("light"):
            found = morph
    return found


def _head_index(words: Sequence[Word]) -> int | None:
    """The word that carries the step's verb: the last one with a lexical verb that is not an
    adnominal or an embedded question; a light verb alone ("연락 드릴게요") points at its noun."""
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        able = following is not None and following.morphs[0].form == "수"  # "받으실 수 있어요"
        if not _is_predicate(word) or _modifies(word, following) and not able or _asks(word) or _nominalised(word):
            continue
        if _lexical(word) is not None:
            return index
        lemmas = {m.lemma for m in word.morphs}
        previous = words[index - 1] if index else None
        if lemmas & _group("light") and previous is not None and not _is_predicate(previous):
            return index  # "전화 드릴게요", "방문을 해 드릴게요"
    return None


def _head(word: Word, previous: Word | None, piece: _Piece, telling: bool) -> str | None:
    lexical = _lexical(word)
    if lexical is None:
        # A light verb: its noun is the word before ("연락 드릴게요", "문자로 드립니다").
        if previous is None or not piece.arguments:
            return None
        noun = _bare(piece.arguments.pop())
        return _told(noun, telling)
    if lexical.tag.startswith("NNG"):
        return _told(lexical.form, telling)
    if lexical.lemma in _MOVES and any(_bare(a).split()[-1] in _group("contact") for a in piece.arguments):
        return _SENT  # "문자가 갑니다", "접수 문자 곧 가실 거예요": a message goes out
    return verbal_noun(lexical.lemma) or _nominal(lexical)


# Verbs of going and coming: a person's visit, a message's sending.
_MOVES = frozenset(["가다", "오다", "나가다", "들어가다"])
_SENT = "발송"


def _told(noun: str, telling: bool) -> str:
    """"전화드리겠습니다" → "전화 안내": a channel said as the verb tells the customer."""
    return f"{noun} 안내" if telling and noun in _group("contact") else noun


def _nominal(morph: Morph) -> str:
    """A verb a log keeps as a verb, in the note's nominal ending: 맡기다 → 맡김."""
    from pipeline.nlp.korean import get_kiwi

    return get_kiwi().join([(morph.form, morph.tag.split("-")[0]), ("음", "ETN")])


def _modifies(word: Word, following: Word | None) -> bool:
    """An adnominal verb ("긁힌 부분"); "전화드릴 거예요" is the future of the step itself."""
    if word.morphs[-1].tag != "ETM":
        return False
    return following is None or following.morphs[0].form not in _FUTURE_NOUNS


_FUTURE_NOUNS = frozenset(["거", "것", "터", "겁니다", "예정"])
_WHAT = frozenset(["것", "거", "걸", "건"])
_AS_SOON = "대로"
_POINTING = frozenset(["그", "이", "저", "이런", "그런", "저런", "어떤", "무슨", "한", "두", "몇", "아까"])


def _asks(word: Word) -> bool:
    """"도착하는지", "됐는지": an embedded question."""
    morphs = word.morphs
    return any(m.tag.startswith("EC") and m.form.endswith(_EMBEDDED_QUESTION) for m in morphs) or any(
        m.tag == "ETM" and i + 1 < len(morphs) and morphs[i + 1].form == "지"
        for i, m in enumerate(morphs)
    )


def _nominalised(word: Word) -> bool:
    """"출발하시기 (전에)", "알려 주기로": a verb made a noun with 기."""
    return any(m.tag == "ETN" for m in word.morphs)


def _noun_of(word: Word) -> str | None:
    lexical = _lexical(word)
    if lexical is None:
        return None
    return lexical.form if lexical.tag.startswith("NNG") else verbal_noun(lexical.lemma)


def _predicate_argument(word: Word, following: Word | None) -> str | None:
    """A verb before the step's: an embedded question (도착하는지 → 도착 여부), a verb made a
    noun ("출발하시기 전에" → 출발, "방문하는 걸로 잡아" → 방문) or a modifier kept as said
    ("긁힌 부분"); connectives inside the clause carry nothing."""
    if _asks(word):
        noun = _noun_of(word)
        return f"{noun} 여부" if noun else None
    what = following is not None and following.morphs[0].form in _WHAT
    if _nominalised(word) or _modifies(word, following) and what:
        return _noun_of(word)
    if _modifies(word, following) and following is not None and following.morphs[0].form == _AS_SOON:
        noun = _noun_of(word)
        return f"{noun} 후" if noun else None  # "답변 받는 대로" → "답변 수령 후"
    if _modifies(word, following) and not any(m.tag.startswith("EP") and m.form == "시" for m in word.morphs):
        return word.text
    return None


def _noun_argument(word: Word, text: str) -> str | None:
    morphs = word.morphs
    head = morphs[0]
    nouns = [m for m in morphs if m.tag.startswith(("NNG", "NNP", "SL", "XR"))]
    if head.tag.startswith("MM") and not nouns:
        # "새 카드", "다른 색상": a determiner that says which is kept; "그", "이런" point back.
        return None if head.form in _POINTING else word.text
    if head.tag.startswith(("MAG", "MAJ", "IC", "NP")):
        return None  # adverbs, 제가 / 저희가 / 그쪽
    if morphs[0].form in _WHAT and morphs[0].tag.startswith(("NNB", "NNG")):
        return None  # "방문하는 걸로": the verb before says it
    core = [m for m in morphs if not m.tag.startswith(("J", "E", "S", "VCP")) or m.tag.startswith(("SL", "SN", "SH"))]
    particles = [m for m in morphs if m.tag.startswith("J")]
    core = [m for m in core if not (m.tag.startswith("XSN") and m.form == "님")]
    if not core or all(m.tag.startswith("NNB") for m in core):
        return None  # "거", "한 번", "정도"
    noun = text[core[0].start : core[-1].end]
    if noun in _ADDRESSED or core[0].form in _ADDRESSED or noun in _VAGUE_NOUNS or _is_time(core):
        return None
    particle = particles[-1].form if particles else ""
    if particle in _KEPT_PARTICLES:
        return noun + ("에게" if particle == "께" else particle)
    if particle in _OBJECT_PARTICLES:
        return noun + ("을" if has_final_consonant(noun) else "를")
    if particle in _WITH_PARTICLES:
        return noun + ("과" if has_final_consonant(noun) else "와")
    if particle in _OR_PARTICLES:
        return f"{noun} 또는"
    return noun


@cache
def _time_words() -> frozenset[str]:
    return frozenset(word_list("time_words")) | frozenset(["저녁", "아침", "점심", "밤", "새벽", "중", "낮", "사이", "쯤", "전후"])


def _is_time(core: Sequence[Morph]) -> bool:
    """Dates and times of day: the due date says them ("11월 26일", "오후", "내일 중")."""
    words = [m.form for m in core if not m.tag.startswith("SN") or not _DATE.match(m.form)]
    units = all(m.tag.startswith(("SN", "NR")) or m.form in ("월", "일", "시", "분", "주", "반") for m in core)
    return units or all(w in _time_words() or _DATE.match(w) or w.endswith("요일") for w in words)


def _bare(argument: str) -> str:
    for particle in sorted(_KEPT_PARTICLES | _OBJECT_PARTICLES | {"을", "를", "과", "와"}, key=len, reverse=True):
        if argument.endswith(particle) and len(argument) > len(particle):
            return argument[: -len(particle)]
    return argument


def _window(text: str) -> str | None:
    """"오후 1시에서 3시 사이" → "오후 1~3시"."""
    found = _WINDOW.search(text)
    if found is None:
        return None
    start = _hour(found.group(2))
    end = _hour(found.group("to"))
    if start is None or end is None:
        return None
    part = f"{found['part']} " if found["part"] else ""
    return f"{part}{start}~{end}시"


def _hour(said: str) -> int | None:
    if said.isdigit():
        return int(said)
    return _NATIVE_HOURS.get(said)
