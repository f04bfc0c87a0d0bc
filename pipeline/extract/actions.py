"""What the agent did in the call, and where the case stands as the agent last put it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Morph, Turn, clauses
from pipeline.extract.text import (
    DATE_WORD,
    MAX_NOUNS,
    agent_clauses,
    cues,
    has_cue,
    has_date,
    is_condition,
    is_identity_answer,
    is_question,
    nouns,
    split_condition,
)
from pipeline.hangul import instrumental_particle
from pipeline.nlp import word_list


def action_noun(clause: Clause) -> str | None:
    """The clause's last action as the noun a note uses ("보내 드릴까요" → "발송")."""
    return _action_word(clause, attributive=True)


def _action_word(clause: Clause, *, attributive: bool = False) -> str | None:
    word = _action_morph(clause, attributive=attributive)
    if word is None:
        return None
    return _verb_nouns().get(word.lemma, word.form)


@cache
def _verb_nouns() -> dict[str, str]:
    pairs = (line.split() for line in word_list("action_verbs"))
    return {verb: noun for verb, noun in pairs}


@cache
def _action_cues() -> frozenset[str]:
    return cues()["action"] | frozenset(_verb_nouns())


_LOOKED_UP = re.compile(r"조회\s?(?:되|됐|됩|했|해)|확인\s?(?:되|됐|됩)")
# What the agent looks up when the customer gives a number of this kind.
KIND_NOUNS = {
    "order": "주문",
    "contract": "계약",
    "policy": "계약",
    "ticket": "접수 내역",
    "model": "제품",
    "tracking": "배송",
    "account_id": "계정",
}


class StepKind(Enum):
    LOOKUP = "lookup"
    IDENTITY = "identity"
    ACTION = "action"
    EXPLANATION = "explanation"
    CHECK = "check"


@dataclass(frozen=True)
class Step:
    """One thing the agent did or told the customer, as the note lists it."""

    phrase: str
    kind: StepKind
    turn: Turn


def actions_taken(context: CallContext, lookup: str | None = None) -> Found[list[str]]:
    """What the agent did and explained: each action clause as its objects and the action
    ("반품 접수"), each statement of facts as "… 안내". ``lookup`` names what the agent looked
    up when the call gave an identifier ("주문")."""
    steps = _distinct(_merged(_steps(context, lookup)))
    chosen = _chosen(steps)
    return Found([s.phrase for s in chosen], tuple(s.turn for s in chosen), 0.5 if chosen else 0.3)


def _steps(context: CallContext, lookup: str | None) -> list[Step]:
    steps: list[Step] = []
    verified = _verification(context)
    if verified is not None:
        steps.append(verified)
    looked_up = next((c for c in agent_clauses(context) if _LOOKED_UP.search(c.text)), None)
    if lookup and looked_up is not None:
        steps.append(Step(f"{lookup} 조회", StepKind.LOOKUP, looked_up.turn))
    for turn in context.agent_turns[1:]:
        condition: Clause | None = None
        for clause in clauses(turn):
            if _small_talk(context, clause) or _thanks_for_contact(clause):
                continue
            if is_question(clause) or _asks_about_customer(clause) or _customer_does_it(clause):
                steps.extend(_checked(context, clause))
                condition = None
                continue
            # "단순 변심이면 … 차감됩니다": the condition belongs to what holds under it, even
            # when that is said in the next clause.
            stated, rest = split_condition(clause)
            condition = stated or condition
            if not any(m.is_noun or m.is_predicate for m in rest.morphs):
                continue
            step = _step(context, rest, condition)
            condition = None
            if step is not None:
                steps.append(step)
    return steps


def _verification(context: CallContext) -> Step | None:
    """"성함·생년월일로 본인 확인": a note records the identity check when the agent verifies
    the caller on purpose (says 본인 확인, asks the birth date), with what the caller was asked
    for; a name asked only to find an order is not a verification."""
    said = " ".join(t.plain for t in context.agent_turns)
    if not _VERIFYING.search(said):
        return None
    items: list[str] = []
    first: Turn | None = None
    for turn in context.agent_turns:
        answer = context.following(turn, Role.CUSTOMER)
        if answer is None or not _answers_identity(context, answer):
            continue
        first = first or turn
        for pattern, item in _IDENTITY_ITEMS:
            if pattern.search(turn.plain) and item not in items:
                items.append(item)
    if first is None:
        return None
    asked = "·".join(items[:MAX_IDENTITY_ITEMS])
    phrase = f"{asked}{instrumental_particle(asked)} 본인 확인" if asked else "본인 확인"
    return Step(phrase, StepKind.ACTION, first)


_VERIFYING = re.compile(r"본인\s?(?:확인|인증)|생년월일")
# What the caller can be asked to prove who they are, as the note names it.
_IDENTITY_ITEMS = (
    (re.compile(r"성함|이름|성명"), "성함"),
    (re.compile(r"생년월일"), "생년월일"),
    (re.compile(r"고객\s?번호"), "고객번호"),
    (re.compile(r"(?:휴대폰|핸드폰|전화)\s?번호|연락처"), "휴대폰 번호"),
    (re.compile(r"인증\s?번호"), "인증번호"),
)
MAX_IDENTITY_ITEMS = 3


def _small_talk(context: CallContext, clause: Clause) -> bool:
    """"좋은 하루 되세요", "더 궁금하신 점 있으세요", "스타일몰 이하늘이었습니다": the close of the
    call says nothing that was done."""
    text = clause.turn.plain[clause.start : clause.end]
    if any(cue in text for cue in _closing_cues()):
        return True
    signed = any(name in text for name in context.names)
    return signed and any(m.tag == "VCP" for m in clause.morphs) and any(m.form == "었" for m in clause.morphs)


@cache
def _closing_cues() -> tuple[str, ...]:
    return word_list("closing_cues")


def _thanks_for_contact(clause: Clause) -> bool:
    """"교환 문의 주셨네요": the agent repeating that the customer called (주다 as the main verb,
    honorific 시) tells nothing the agent did."""
    morphs = clause.morphs
    return any(
        m.lemma == "주다" and m.tag.startswith("VV") and i + 1 < len(morphs)
        and morphs[i + 1].tag.startswith("EP") and morphs[i + 1].form in ("시", "으시", "셔", "셨")
        for i, m in enumerate(morphs)
    )


def _asks_about_customer(clause: Clause) -> bool:
    """"혹시 필터 청소는 해 보셨어요": without a question mark, 혹시 with the honorific 시 (the
    customer's doing) is still a question."""
    forms = {m.form for m in clause.morphs}
    return "혹시" in forms and any(
        m.tag.startswith("EP") and m.form in ("시", "으시", "셨", "셔", "세") for m in clause.morphs
    )


def _checked(context: CallContext, clause: Clause) -> list[Step]:
    """"혹시 급수 필터 청소는 해 보셨어요?": what the agent checked with the customer, as
    "급수 필터 청소 확인". Questions for identity and offers ("취소해 드릴까요") are not checks."""
    if _action_morph(clause) is not None or _after_identity(context, clause.turn):
        return []
    words = [w for w in _noun_words(context, clause, end=clause.end) if not DATE_WORD.match(w)]
    # "더 필요하신 거 있으세요?" checks nothing: a check names a thing.
    things = [w for w in words if w not in cues()["info"]]
    if not things or _IDENTITY_WORDS.search(" ".join(words)):
        return []
    return [Step(" ".join([*words[:MAX_CHECK_WORDS], "확인"]), StepKind.CHECK, clause.turn)]


MAX_CHECK_WORDS = 4


def _step(context: CallContext, clause: Clause, condition: Clause | None) -> Step | None:
    if condition is None:
        phrase = _action_phrase(context, clause)
        # "성함 연락처 확인" is the identity check; "담당자 연락처 등록" is a step.
        if phrase and phrase.endswith("확인") and _IDENTITY_WORDS.search(phrase):
            return Step("본인 확인", StepKind.IDENTITY, clause.turn)
        if phrase:
            return Step(phrase, StepKind.ACTION, clause.turn)
    if _after_identity(context, clause.turn):
        return None  # reading back what the customer just gave ("주문번호 일공이 맞으시죠")
    told = _explanation(context, clause, condition)
    if told is None or _IDENTITY_WORDS.search(told):
        return None
    return Step(told, StepKind.EXPLANATION, clause.turn)


def _merged(steps: list[Step]) -> list[Step]:
    """One turn's run of explanations as one item: a run-on turn states one thing in several
    clauses ("요금제는 월 33,000원이고 데이터는 7GB고 음성은 기본 제공입니다")."""
    merged: list[Step] = []
    for step in steps:
        last = merged[-1] if merged else None
        if (
            last is not None
            and step.kind is last.kind is StepKind.EXPLANATION
            and step.turn is last.turn
        ):
            words = last.phrase.removesuffix(_TOLD).split()
            words += [w for w in step.phrase.removesuffix(_TOLD).split() if w not in words]
            merged[-1] = Step(" ".join(words[:MAX_MERGED_WORDS]) + _TOLD, last.kind, last.turn)
        else:
            merged.append(step)
    return merged


def _distinct(steps: list[Step]) -> list[Step]:
    """Steps that say something new; "잠금 해제" after "로그인 잠금 해제" is left out, and the
    fuller one replaces a narrower one said before it."""
    kept: list[Step] = []
    for step in steps:
        if any(_covers(k.phrase, step.phrase) for k in kept):
            continue
        kept = [k for k in kept if not _covers(step.phrase, k.phrase)]
        kept.append(step)
    return kept


def _chosen(steps: list[Step]) -> list[Step]:
    """What fits the list's length (``MAX_ACTION_CHARS``): everything done first, then the
    explanations, then what was checked with the customer, then one identity check; within a
    kind, the steps that say more first, as a note keeps the step with its amounts and dates
    over a bare one. Listed in the order they happened."""
    identity = [s for s in steps if s.kind is StepKind.IDENTITY][:1]
    candidates = [s for s in steps if s.kind is not StepKind.IDENTITY or s in identity]
    ranked = sorted(candidates, key=lambda s: (_KIND_RANK[s.kind], -len(s.phrase.split())))
    picked: set[int] = set()
    used = 0
    for step in ranked:
        size = len(step.phrase) + 1
        if used + size <= MAX_ACTION_CHARS and len(picked) < MAX_ACTION_ITEMS:
            picked.add(id(step))
            used += size
    return [s for s in steps if id(s) in picked]


# A note's 처리 내용 runs to about three lines; the list is cut by what it says, not by count.
MAX_ACTION_CHARS = 150
MAX_ACTION_ITEMS = 10
_KIND_RANK = {
    StepKind.LOOKUP: 0,
    StepKind.ACTION: 0,
    StepKind.EXPLANATION: 1,
    StepKind.CHECK: 2,
    StepKind.IDENTITY: 3,
}


def _explanation(context: CallContext, clause: Clause, condition: Clause | None) -> str | None:
    """"출고 전이라 취소 가능합니다", "변심이면 왕복 배송비 6,000원이 차감됩니다": a statement
    of facts or conditions the agent gave, as its content words and "안내"."""
    words = _noun_words(context, clause, end=clause.end, keep=_TOLD_MARKS)
    if condition is not None:
        before = _noun_words(context, condition, end=condition.end, keep=_TOLD_MARKS)
        words = [*before, *(w for w in words if w not in before)]
    words = [w for w in words if w != "안내"]
    facts = [w for w in words if not DATE_WORD.match(w)]
    if len(facts) < 2 and not (facts and has_cue(clause, "info")):
        return None
    words = words[:MAX_INFO_WORDS]
    # "추가 요금은 없습니다": the absence is the fact told, so the note keeps it.
    if _says_none(clause) and "없음" not in words:
        words.append("없음")
    return " ".join(words) + _TOLD


def _says_none(clause: Clause) -> bool:
    predicates = [m for m in clause.morphs if m.tag.startswith(("VV", "VA", "VX"))]
    return bool(predicates) and predicates[-1].lemma in ("없다", "없")


_IDENTITY_WORDS = re.compile(r"성함|이름|생년월일|연락처|본인|뒷자리|인증번호")


def _covers(wider: str, narrower: str) -> bool:
    return set(narrower.replace("에 ", " ").split()) <= set(wider.replace("에 ", " ").split())


def _action_phrase(context: CallContext, clause: Clause) -> str | None:
    # "교환 접수해 드리겠습니다" is done as it is said; a promise with a date is a follow-up.
    if is_question(clause) or is_condition(clause) or (has_cue(clause, "future") and has_date(clause)):
        return None
    if _customer_does_it(clause):
        return None
    found = _action_morph(clause)
    action = _action_word(clause)
    if action == "확인" and _after_identity(context, clause.turn):
        return "본인 확인"
    if action == "조회":
        return None  # the lookup is listed once, first
    if found is not None and action and _done(clause, found):
        # Words of state ("완료", "상태") say how far it got, not what was acted on.
        before = _noun_words(context, clause, end=found.start)
        after = [w for w in _noun_words(context, clause, end=clause.end) if w not in before]
        # "변경 완료됐습니다": 완료 after the action is its state, not a second object.
        every = [w for w in before + [w for w in after if w not in _MARKERS] if w != action]
        if any(not DATE_WORD.match(w) for w in every):
            words = every[:MAX_OBJECT_WORDS]
            if action in _HANDOFF_ACTIONS:
                words = [_with_destination(clause, w, found.start) for w in words]
            return " ".join([*words, action])
    return None


MAX_OBJECT_WORDS = 6
MAX_INFO_WORDS = 8
MAX_MERGED_WORDS = 12
_TOLD = " 안내"
_HANDOFF_ACTIONS = frozenset(["요청", "접수", "전달", "이관", "신청"])
# Words that say how far a step got, never what it was about ("완료 변경").
_STATE_WORDS = frozenset(["상태", "가능", "바로", "지금", "정식", "자리"])
_TOLD_MARKS = frozenset(["수", "가능", "불가", "불가능"])


def _action_morph(clause: Clause, *, attributive: bool = False) -> Morph | None:
    """The clause's last action word; ``attributive`` also takes one that only describes a noun
    ("등록된 휴대폰 번호 부탁드립니다" asks for the number, it registers nothing)."""
    wanted = _action_cues()
    morphs = clause.morphs
    found = [
        m for i, m in enumerate(morphs)
        if (m.lemma in wanted or m.form in wanted) and (attributive or not _describes_noun(morphs, i))
    ]
    return found[-1] if found else None


def _describes_noun(morphs: tuple[Morph, ...], index: int) -> bool:
    """"등록된 번호", "발송하신 문자": the action word closes an adnominal phrase (하/되 and an
    ETM ending), unless what follows is 수/예정/거 ("신청할 수", "발송할 예정"), which keeps
    it the clause's own action."""
    rest = morphs[index + 1 :]
    at = 0
    while at < len(rest) and (
        rest[at].tag in ("XSV", "EP") or (rest[at].tag.startswith("VV") and rest[at].lemma in ("하다", "되다"))
    ):
        at += 1
    if at >= len(rest) or rest[at].tag != "ETM":
        return False
    following = rest[at + 1] if at + 1 < len(rest) else None
    return following is None or following.form not in _MODAL_NOUNS


_MODAL_NOUNS = frozenset(["수", "예정", "거", "것", "겁", "계획", "줄"])


def _done(clause: Clause, action: Morph) -> bool:
    """The agent did it, does it as they say it, or will do it ("올려야 됩니다"); "취소
    가능합니다", "변경할 수 있어요" only tell the customer what could be done. Read within the
    clause: "확인해 드리고, 가품이면 보상받으실 수 있습니다" did the check."""
    after = [m for m in clause.morphs if m.start >= action.end]
    return not any(m.form in _TOLD_MARKS for m in after)


def _noun_words(
    context: CallContext, clause: Clause, *, end: int, keep: frozenset[str] = frozenset()
) -> list[str]:
    part = Clause(clause.turn, clause.start, end, tuple(m for m in clause.morphs if m.end <= end))
    return [
        w for w in nouns(part, limit=MAX_NOUNS + 2)
        if _meaningful(w) and w not in context.names and (w in keep or w not in _STATE_WORDS)
    ]


def _with_destination(clause: Clause, word: str, before: int) -> str:
    """"물류센터에 출고 요청": the team a request went to keeps its 에."""
    plain = clause.turn.plain
    at = plain.find(word, clause.start, before)
    tail = plain[at + len(word) : at + len(word) + 3] if at >= 0 else ""
    to_team = word.endswith(_TEAM_NOUNS) and tail.startswith(("으로", "로 "))
    sent_to = tail.startswith(("에 ", "에게", "께 ")) or tail == "에" or to_team
    return word + "에" if sent_to else word


# "분쟁조정팀으로 넘기겠습니다": 으로 after a team is where the case went, not a means.
_TEAM_NOUNS = ("팀", "부서", "센터", "본사", "지점")


def _customer_does_it(clause: Clause) -> bool:
    """"번호 말씀해 주시겠어요", "앱에서 취소해 주셔야 됩니다": 주다 with the honorific 시 asks
    the customer to do it."""
    morphs = clause.morphs
    return any(
        morph.lemma == "주다"
        and morph.tag.startswith("VX")
        and morphs[index + 1].tag.startswith("EP")
        and morphs[index + 1].form in ("시", "으시", "셔", "세")
        for index, morph in enumerate(morphs[:-1])
    )


def _meaningful(word: str) -> bool:
    """Not a stray syllable ("일"), a code read out letter by letter ("오엔", "에프") or the
    name of the number being read out ("접수번호")."""
    from pipeline.normalize.alnum import spelled_letters_one

    if any("가" <= c <= "힣" for c in word) and spelled_letters_one(word) is not None:
        return False
    if word in _readout_words() or _spoken_digits(word):
        return False
    return len(word) >= 2 or not ("가" <= word <= "힣")


_DIGIT_SYLLABLES = frozenset("공영일이삼사오육칠팔구")


def _spoken_digits(word: str) -> bool:
    """"공공", "이칠Q": a number or code the agent read back digit by digit, left unwritten.
    Two syllables can be a word ("이사", "사이"), so a bare run must be three or more."""
    hangul = [c for c in word if "가" <= c <= "힣"]
    if not hangul or any(c not in _DIGIT_SYLLABLES for c in hangul):
        return False
    return len(hangul) >= 3 or any("A" <= c <= "Z" for c in word)


@cache
def _readout_words() -> frozenset[str]:
    return frozenset(word_list("action_readout_words"))


def _after_identity(context: CallContext, turn: Turn) -> bool:
    previous = context.previous(turn, Role.CUSTOMER)
    return previous is not None and _answers_identity(context, previous)


def _answers_identity(context: CallContext, answer: Turn) -> bool:
    """A short answer to the agent asking for a name, number or birth date: the turn before
    it asks (a question, "말씀해 주세요", "부탁드립니다"), so "비밀번호 잠금 해제했습니다 /
    감사합니다" is no identity answer."""
    if not is_identity_answer(context, answer):
        return False
    asked = context.previous(answer, Role.AGENT)
    last = clauses(asked)[-1:] if asked is not None else ()
    return any(is_question(c) or _customer_does_it(c) or _ASKS.search(c.text) for c in last)


_ASKS = re.compile(r"부탁|알려|불러|말씀")


_MARKERS = ("완료", "예정", "대기", "접수", "진행 중", "보류")


def status(context: CallContext) -> Found[str | None]:
    """What the agent last said about where the case stands."""
    states = [
        c for c in agent_clauses(context) if has_cue(c, "state") and not is_question(c) and nouns(c)
    ]
    if not states:
        return Found(None, (), 0.3)
    clause = states[-1]
    # "배송지 변경 완료됐습니다": the state word closes the phrase, never opens it.
    words = [w for w in nouns(clause, limit=5) if w not in _MARKERS and w not in _STATE_WORDS]
    marker = next((w for w in _MARKERS if w in clause.text), None)
    if marker is None and any(m.form in _PAST_MARKS for m in clause.morphs):
        marker = "완료"
    text = " ".join(words + ([marker] if marker and marker not in words else []))
    return Found(text, (clause.turn,), 0.5)


_PAST_MARKS = frozenset(["었", "았", "였"])
