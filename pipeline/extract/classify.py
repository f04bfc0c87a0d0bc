"""Category, complaint and resolution: weighted cue lemmas (pipeline/nlp/data/*_cues.txt)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, cached_property

from models.note import Category, Owner, Resolution
from models.transcript import Role
from pipeline.extract.context import CallContext, Found, Morph, Turn, clauses
from pipeline.extract.followups import Promise, committed_steps
from pipeline.nlp import word_list

OPENING_CUSTOMER_TURNS = 3
FIRST_TURN_WEIGHT = 3.0
AGENT_WEIGHT = 0.5


@dataclass(frozen=True)
class Cue:
    label: str
    role: Role | None
    lemmas: tuple[str, ...]
    weight: float = 1.0

    @cached_property
    def groups(self) -> tuple[frozenset[str], ...]:
        """One set of options per lemma wanted in the clause ("두|2" → {"두", "2"})."""
        return tuple(frozenset(w.split("|")) for w in self.lemmas if w[0] not in "!~")

    @cached_property
    def in_turn(self) -> tuple[frozenset[str], ...]:
        """Lemmas written ~X: anywhere in the turn ("기사님이 오기로 했는데 … 안 왔어요")."""
        return tuple(frozenset(w[1:].split("|")) for w in self.lemmas if w.startswith("~"))

    @cached_property
    def unwanted(self) -> frozenset[str]:
        """Lemmas written !X: not anywhere in the turn ("안+오다+!기사": a parcel that did not
        come, not a technician)."""
        return frozenset(o for w in self.lemmas if w.startswith("!") for o in w[1:].split("|"))

    def found_in(self, lemmas: AbstractSet[str], turn: AbstractSet[str] | None = None) -> bool:
        turn = lemmas if turn is None else turn
        return (
            all(not group.isdisjoint(lemmas) for group in self.groups)
            and all(not group.isdisjoint(turn) for group in self.in_turn)
            and self.unwanted.isdisjoint(turn)
        )


@dataclass(frozen=True)
class CueIndex:
    """Cues filed under the options of their first lemma, so that a clause is checked only
    against the few cues one of its lemmas can start (most cues share no lemma with it)."""

    cues: tuple[Cue, ...]
    by_lemma: Mapping[str, tuple[int, ...]]

    @classmethod
    def of(cls, cues: tuple[Cue, ...]) -> CueIndex:
        filed: dict[str, list[int]] = defaultdict(list)
        for number, cue in enumerate(cues):
            for option in cue.groups[0]:
                filed[option].append(number)
        return cls(cues, {lemma: tuple(numbers) for lemma, numbers in filed.items()})

    def matching(self, lemmas: AbstractSet[str], turn: AbstractSet[str] | None = None) -> list[Cue]:
        """The cues found in a clause's ``lemmas`` (and its ``turn``'s), in lexicon order."""
        return [self.cues[n] for n in sorted(self.positions(lemmas, turn))]

    def positions(self, lemmas: AbstractSet[str], turn: AbstractSet[str] | None = None) -> set[int]:
        """Where in the lexicon the cues found are."""
        candidates = {n for lemma in lemmas for n in self.by_lemma.get(lemma, ())}
        return {n for n in candidates if self.cues[n].found_in(lemmas, turn)}


@cache
def category_cues() -> tuple[Cue, ...]:
    cues = []
    for line in word_list("category_cues"):
        label, lemmas, weight = line.split()
        cues.append(Cue(label, None, tuple(lemmas.split("+")), float(weight)))
    return tuple(cues)


@cache
def complaint_cues() -> tuple[Cue, ...]:
    lines = word_list("complaint_cues")
    return tuple(Cue("complaint", Role.CUSTOMER, tuple(line.split())) for line in lines)


@cache
def resolution_cues() -> tuple[Cue, ...]:
    cues = []
    for line in word_list("resolution_cues"):
        label, role, *lemmas = line.split()
        cues.append(Cue(label, Role(role), tuple(lemmas)))
    return tuple(cues)


@cache
def _index(lexicon: str) -> CueIndex:
    lexicons = {"category": category_cues, "complaint": complaint_cues, "resolution": resolution_cues}
    return CueIndex.of(lexicons[lexicon]())


def _compounds(morphs: tuple[Morph, ...]) -> set[str]:
    """Nouns written together (요금+제, 배송+지, 자동+이체) as one word."""
    words: set[str] = set()
    run: list[Morph] = []
    for morph in (*morphs, None):
        joined = morph is not None and run and run[-1].end == morph.start
        if morph is not None and morph.tag.startswith(("NNG", "NNP", "XSN")) and (joined or not run):
            run.append(morph)
            continue
        if len(run) > 1:
            words.add("".join(m.form for m in run))
        run = [morph] if morph is not None and morph.tag.startswith(("NNG", "NNP")) else []
    return words


def _morph_lemmas(morphs: tuple[Morph, ...]) -> frozenset[str]:
    return frozenset(_lemma_set(morphs))


def _lemma_set(morphs: tuple[Morph, ...]) -> set[str]:
    """Lemmas and forms; a noun inside a compound that is itself a cue counts as the compound
    only ("요금제" is a plan, not a charge)."""
    compounds = _compounds(morphs)
    cue_words = _cue_words()
    covered = {
        m.form
        for m in morphs
        for word in compounds
        if word in cue_words and m.form in word and m.form != word
    }
    return ({m.lemma for m in morphs} | {m.form for m in morphs} | compounds) - covered


@cache
def _cue_words() -> frozenset[str]:
    return frozenset(lemma for cue in category_cues() for lemma in cue.lemmas)


COMPLAINT_SHARE = 0.5


def classify_category(context: CallContext, complaint: bool = False) -> Found[Category]:
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[Turn]] = defaultdict(list)
    customer_seen = 0
    for turn in context.turns:
        if turn.role is Role.CUSTOMER:
            customer_seen += 1
            # The reason for calling comes first; later turns drift to details.
            weight = FIRST_TURN_WEIGHT if customer_seen == 1 else (
                2.0 if customer_seen <= OPENING_CUSTOMER_TURNS else 1.0
            )
        else:
            weight = AGENT_WEIGHT
        # A cue counts once per turn however many of its clauses say it.
        clause_lemmas = [_lemma_set(clause.morphs) for clause in clauses(turn)]
        turn_lemmas = set().union(*clause_lemmas)
        found: set[int] = set()
        for lemmas in clause_lemmas:
            found |= _index("category").positions(lemmas, turn_lemmas)
        for cue in (category_cues()[n] for n in sorted(found)):
            scores[cue.label] += cue.weight * weight
            evidence[cue.label].append(turn)
    if not scores:
        return Found(Category.OTHER, (), 0.3)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    # A complaint about staff or service is the call's subject when its cues are about as
    # strong as the product's ("택배 기사가 소리를 질렀다" is not a delivery question).
    if complaint and best != "complaint" and scores["complaint"] >= COMPLAINT_SHARE * score:
        best, score = "complaint", scores["complaint"]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = round(min(0.95, 0.5 + (score - runner_up) / (score + 1e-9) / 2), 2)
    return Found(Category(best), tuple(evidence[best][:3]), confidence)


def detect_complaint(context: CallContext) -> Found[bool]:
    hits = [
        turn
        for turn in context.customer_turns
        if _index("complaint").matching(_morph_lemmas(turn.morphs))
    ]
    if not hits:
        return Found(False, (), 0.7)
    return Found(len(hits) >= 1, tuple(hits[:3]), min(0.95, 0.6 + 0.1 * len(hits)))


_PAST = frozenset(["었", "았", "였"])
# What changes the customer's case; sending or explaining something does not decide it.
_CHANGES = frozenset(
    ["접수", "변경", "정지", "해제", "등록", "예약", "신청", "재발급", "취소", "해지", "차단",
     "초기화", "재설정", "추가", "교환", "반품", "환불", "처리"]
)
_CONDITIONAL = frozenset(["면", "으면", "시면", "려면", "으려면"])


def _done_in_call(context: CallContext) -> bool:
    """The agent did something in the call ("열 석 추가했습니다", "변경 완료됐습니다")."""
    for turn in context.agent_turns:
        for clause in clauses(turn):
            forms = {m.form for m in clause.morphs}
            acted = [i for i in range(len(clause.morphs)) if _acts(clause.morphs, i)]
            # The past on the change word's own verb: in "안 누르셨으면 추가 피해는 없으시고"
            # it belongs to the condition before it.
            done = any(_past_after(clause.morphs, i) for i in acted) or (acted and "완료" in forms)
            if done and not clause.text.endswith("?"):
                return True
    return False


def _past_after(morphs: tuple[Morph, ...], index: int) -> bool:
    return any(m.tag == "EP" and m.form in _PAST for m in morphs[index + 1 :])


def _acts(morphs: tuple[Morph, ...], index: int) -> bool:
    """A change word used as the predicate; "등록된 번호로", "변경된 요금제" only describe."""
    morph = morphs[index]
    if morph.lemma not in _CHANGES and morph.form not in _CHANGES:
        return False
    ending = next((m for m in morphs[index + 1 :] if m.tag.startswith("E")), None)
    return ending is None or ending.tag != "ETM"


_ON_ITS_WAY = frozenset(["환불", "환급", "재발송", "재발급", "취소", "발송"])


_DECIDING_TEAM = re.compile(r"[가-힣]+팀|부서|본사")


def _team_decides(turn: Turn) -> bool:
    return turn.role is Role.AGENT and "결과" in turn.text and bool(_DECIDING_TEAM.search(turn.text))


def _returns_something(turn: Turn) -> bool:
    return any(m.lemma in _ON_ITS_WAY for m in turn.morphs)


def _later_day(step: Promise, context: CallContext) -> bool:
    """The agent's own word to come back on a later day; the company's routine steps (a
    shipment, a final statement) may follow a request that was done in the call."""
    later = step.due is not None and context.call_date_known and step.due > context.call_date
    return later and step.owner is Owner.AGENT


def classify_resolution(context: CallContext) -> Found[Resolution]:
    matched: dict[str, list[Turn]] = defaultdict(list)
    for turn in context.turns:
        previous_conditional = False
        for clause in clauses(turn):
            lemmas = clause.lemmas
            forms = {m.form for m in clause.morphs}
            for cue in _index("resolution").matching(lemmas):
                if cue.role is not turn.role:
                    continue
                # "다시 연락 주시면 … 주문해 드리겠습니다" promises nothing yet; "문자 가셨을
                # 거예요" is done, not promised.
                if cue.label == "pending" and (previous_conditional or forms & _PAST):
                    continue
                matched[cue.label].append(turn)
            endings = [m for m in clause.morphs if m.tag.startswith("EC")]
            previous_conditional = bool(endings) and endings[-1].form in _CONDITIONAL
    if matched["unresolved"] and _done_in_call(context):
        matched["unresolved"] = []  # a side question left open; the request itself was done
    # A committed step after the call, read the way the follow-ups are (who, which verb mood,
    # not only-if), decides pending better than a cue word ("다시 연락 주시면" promises nothing).
    steps = committed_steps(context)
    if not matched["escalated"]:
        # "검수팀 확인이 … 걸려서 … 결과 드릴 거예요": another team decides and answers.
        matched["escalated"] = [s.turn for s in steps if _team_decides(s.turn)]
    if all(s.routine for s in steps):
        matched["pending"] = []  # shipping, next month's bill: nothing left to wait for
    elif not matched["pending"]:
        # Money or papers on their way back to the customer ("취소 처리됩니다", "재발송"), or
        # the agent's step on a later day ("견적서는 내일 오전 중으로 보내드리겠습니다").
        matched["pending"] = [
            s.turn for s in steps if _returns_something(s.turn) or _later_day(s, context)
        ]
    for label in ("escalated", "unresolved", "pending"):
        if matched[label]:
            return Found(Resolution(label), tuple(matched[label][:3]), 0.75)
    # Nothing handed on, left open or promised: what was asked was done in the call.
    return Found(Resolution.RESOLVED, context.agent_turns[-2:], 0.6)
