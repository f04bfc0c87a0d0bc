"""Category, complaint and resolution: weighted cue lemmas (pipeline/nlp/data/*_cues.txt), and
learned models beside them (label_models.py)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, cached_property

from models.note import Category, Owner, Resolution
from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Morph, Turn, clauses
from pipeline.extract.followups import (
    Promise,
    agent_sent_in_call,
    committed_steps,
    customer_sent_in_call,
)
from pipeline.extract.label_models import LabelModel, blend
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
    # Only in what the customer asks for: "택배 보내려고요" books a pickup, "택배로 보냈는데" does not.
    asked: bool = False
    # Only in the customer's opening request, and only when nothing else in that turn names
    # the subject: "요금제 좀 물어보려고요" is an inquiry, "수리비가 많이 나와서 여쭤보려고요"
    # is about the bill.
    opening: bool = False

    @cached_property
    def groups(self) -> tuple[frozenset[str], ...]:
        """One set of options per lemma wanted in the clause ("두|2" → {"두", "2"})."""
        return tuple(frozenset(w.split("|")) for w in self.lemmas if w[0] not in "!~-")

    @cached_property
    def in_turn(self) -> tuple[frozenset[str], ...]:
        """Lemmas written ~X: anywhere in the turn ("기사님이 오기로 했는데 … 안 왔어요")."""
        return tuple(frozenset(w[1:].split("|")) for w in self.lemmas if w.startswith("~"))

    @cached_property
    def unwanted(self) -> frozenset[str]:
        """Lemmas written !X: not anywhere in the turn ("안+오다+!기사": a parcel that did not
        come, not a technician)."""
        return frozenset(o for w in self.lemmas if w.startswith("!") for o in w[1:].split("|"))

    @cached_property
    def unwanted_here(self) -> frozenset[str]:
        """Lemmas written -X: not in the same clause ("안+오다+-문자": what did not come is a
        parcel, not a text message, even when a message is mentioned elsewhere in the turn)."""
        return frozenset(o for w in self.lemmas if w.startswith("-") for o in w[1:].split("|"))

    def found_in(self, lemmas: AbstractSet[str], turn: AbstractSet[str] | None = None) -> bool:
        turn = lemmas if turn is None else turn
        return (
            all(not group.isdisjoint(lemmas) for group in self.groups)
            and all(not group.isdisjoint(turn) for group in self.in_turn)
            and self.unwanted.isdisjoint(turn)
            and self.unwanted_here.isdisjoint(lemmas)
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
        label, lemmas, weight, *flags = line.split()
        only = set(flags[0].split(",")) if flags else set()
        cues.append(
            Cue(label, None, tuple(lemmas.split("+")), float(weight),
                asked="asked" in only, opening="opening" in only)
        )
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
    # A suffix is not a word of its own: the 화 of 동기화 / 중성화 (-化) is not anger.
    said = {w for m in morphs if m.tag != "XSN" for w in (m.lemma, m.form)}
    return (said | compounds | _split_words(morphs) | _negated_verbs(morphs) | _counted(morphs)) - covered


# 번 + 째 (the suffix, dropped from the words above) and 번 + 이나: "벌써 네 번째예요", "세 번이나
#샜는데" count the times as one word.
_COUNT_ENDINGS = {("XSN", "째"): "번째", ("JX", "이나"): "번이나"}


def _counted(morphs: tuple[Morph, ...]) -> set[str]:
    return {
        _COUNT_ENDINGS[(after.tag, after.form)]
        for morph, after in zip(morphs, morphs[1:])
        if morph.tag == "NNB" and morph.form == "번" and (after.tag, after.form) in _COUNT_ENDINGS
    }


# The negation adverbs, and the auxiliaries of the long form (오지 않다, 오지 못하다), by the
# mark a negated verb gets: 안:오다 is "did not come", 못:오다 "could not come".
_SHORT_NEGATIONS = {"안": "안", "못": "못"}
_LONG_NEGATIONS = {"않다": "안", "못하다": "못"}


def _negated_verbs(morphs: tuple[Morph, ...]) -> set[str]:
    """Each verb with the negation that is its own, as 안:LEMMA / 못:LEMMA: "기사님이 안
    왔어요" and "오지 않았어요" give 안:오다, while in "기사님이 또 온다고요 … 바꿔 주면 안
    돼요" the 안 belongs to 되다 (안:되다), so a cue may ask for the technician who did not come
    rather than for 안 and 오다 anywhere in the turn."""
    found: set[str] = set()
    for index, morph in enumerate(morphs):
        if not morph.tag.startswith(("VV", "VA")):
            continue
        before = morphs[index - 1] if index > 0 else None
        if before is not None and before.tag == "MAG" and before.lemma in _SHORT_NEGATIONS:
            found.add(f"{_SHORT_NEGATIONS[before.lemma]}:{morph.lemma}")
        # "오시지 않았어요": past the honorific, -지 and the auxiliary.
        rest = list(itertools.dropwhile(lambda m: m.tag == "EP", morphs[index + 1 : index + 5]))
        if len(rest) >= 2 and rest[0].tag == "EC" and rest[0].form == "지":
            mark = _LONG_NEGATIONS.get(rest[1].lemma) if rest[1].tag.startswith("VX") else None
            if mark:
                found.add(f"{mark}:{morph.lemma}")
    return found


def _split_words(morphs: tuple[Morph, ...]) -> set[str]:
    """A bare word Kiwi split into a verb and an ending ("저 해지 좀" → 해/VV 지/EF), as
    written: a cue noun said alone is still that noun."""
    words: set[str] = set()
    run: list[Morph] = []
    for morph in (*morphs, None):
        if morph is not None and run and run[-1].end == morph.start:
            run.append(morph)
            continue
        verb_only = not any(m.tag.startswith("N") for m in run)
        if len(run) > 1 and run[0].tag.startswith("VV") and verb_only:
            words.add("".join(m.form for m in run))
        run = [morph] if morph is not None else []
    return words


@cache
def _cue_words() -> frozenset[str]:
    return frozenset(lemma for cue in category_cues() for lemma in cue.lemmas)


# What the customer asks for names the call ("환불해 주세요"); what they tell around it is
# background ("항공권 취소했는데 … 돌려받을 수 없나 해서요" is about the money back).
ASK_WEIGHT = 2.0
HYPOTHETICAL_WEIGHT = 0.5
_CONDITIONAL = frozenset(["면", "으면", "시면", "려면", "으려면"])

# -려고 / -ㄹ라고: the customer's intent ("예약하려고 하는데요", "택배 보낼라고요").
_INTENT_ENDINGS = frozenset(["려고", "으려고", "ᆯ라고", "을라고", "ᆯ려고", "을려고", "려구", "으려구", "고자"])
# -어야 (되다): what must be done ("배송지를 바꿔야 돼서요", "돌려주셔야죠").
_MUST_ENDINGS = frozenset(["어야", "아야", "여야", "어야죠", "아야죠", "여야죠", "어야지", "아야지"])
# Wanting to know is asking too ("여쭤보려고요", "궁금해서요", "좀 알아보려고").
_INQUIRY_LEMMAS = frozenset(["여쭈다", "여쭙다", "물어보다", "알아보다", "궁금", "문의"])
_ASKING_NOUNS = frozenset(["부탁", "요청"])
_REASON_NOUNS = frozenset(["때문", "관련", "관해서"])
_CALLING = frozenset(["전화", "연락"])
_PAST = frozenset(["었", "았", "였"])
_LIGHT_VERBS = frozenset(["하다", "되다"])
# Between a noun and the light verb that makes it the predicate ("예약 좀 하려고", "해지를 하려고").
_BETWEEN_NOUN_AND_VERB = ("MAG", "JKO", "JX")
_BACKGROUND_ENDINGS = frozenset(["는데", "ᆫ데", "은데"])


@dataclass(frozen=True)
class Ask:
    """What a clause asks for, and whether it only sets the scene with -는데 ("건조기 사려고
    하는데 설치 관련해서 여쭤보려고요": the question after it is the ask)."""

    lemmas: frozenset[str] = frozenset()
    scene: bool = False


def _asked(morphs: tuple[Morph, ...]) -> Ask:
    """What the clause asks for: the lemmas of the predicate that carries a want (-고 싶다), an
    intent (-려고, -ㄹ까 하다), a need (-어야), a request to the company (-어 주세요, not the
    past "보내 주셨는데") or whether it can be done (-ㄹ 수 있나); a noun made a verb by 하다 or
    되다 counts as that noun ("주문하려고" asks for 주문). Wanting to know (여쭤보다, 궁금하다,
    알아보다) is asking too. "주문 취소 좀 물어보려고요" asks to know, not to order; "쓰려고 산
    건데" asks for nothing that was bought."""
    asked: set[str] = set()
    scene: set[str] = set()
    predicate: set[str] = set()
    calls = any(m.lemma in _CALLING for m in morphs)
    for index, morph in enumerate(morphs):
        following = morphs[index + 1] if index + 1 < len(morphs) else None
        # "문의를 남겼는데", "물어봤는데": asked before, not in this call.
        if morph.lemma in _INQUIRY_LEMMAS or morph.form in _ASKING_NOUNS:
            if not _past_after(morphs, index):
                asked.add(morph.lemma)
        # "요금 때문에 전화했는데요": the reason for calling, said as such, is what is asked.
        if morph.lemma in _REASON_NOUNS and calls:
            noun = _noun_before(morphs, index)
            if noun:
                asked.add(noun)
        if morph.tag.startswith(("VV", "VA", "XSV", "XSA")):
            if morph.lemma in _LIGHT_VERBS or morph.tag.startswith(("XSV", "XSA")):
                noun = _noun_before(morphs, index)
                predicate = {noun} if noun else set()
            else:
                predicate = {morph.lemma}
            continue
        if _sets_scene(morphs, index):
            scene, asked, predicate = scene | asked, set(), set()
            continue
        if morph.tag == "ETM" and not (following is not None and following.form == "수"):
            predicate = set()  # "쓰려고 산 건데": a predicate that only describes a noun
            continue
        if _marks_ask(morphs, index):
            asked |= predicate
    if asked:
        return Ask(frozenset(asked))
    return Ask(frozenset(scene), scene=bool(scene))


def _sets_scene(morphs: tuple[Morph, ...], index: int) -> bool:
    """-는데 at ``index``, as a connective or as Kiwi's 는 + 데 ("사려고 하는데 설치 관련해서")."""
    morph = morphs[index]
    if morph.tag == "EC" and morph.form in _BACKGROUND_ENDINGS:
        return True
    following = morphs[index + 1] if index + 1 < len(morphs) else None
    return (
        morph.tag == "ETM" and morph.form in ("는", "ᆫ", "은")
        and following is not None and following.tag == "NNB" and following.form == "데"
    )


def _noun_before(morphs: tuple[Morph, ...], index: int) -> str | None:
    for morph in reversed(morphs[max(0, index - 3) : index]):
        if morph.tag.startswith(("NNG", "NNP", "XR")):
            return morph.lemma
        if not morph.tag.startswith(_BETWEEN_NOUN_AND_VERB):
            return None
    return None


def _marks_ask(morphs: tuple[Morph, ...], index: int) -> bool:
    """The morpheme at ``index`` makes the predicate before it an ask."""
    morph = morphs[index]
    following = morphs[index + 1] if index + 1 < len(morphs) else None
    if morph.tag == "VX" and morph.lemma == "싶다":
        return True
    # Kiwi reads a turn-final intent as an ending of either kind ("택배 보낼라고요").
    if morph.tag.startswith(("EC", "EF")) and morph.form in _INTENT_ENDINGS | _MUST_ENDINGS:
        return True
    # -ㄹ까 하다: what the customer is thinking of doing ("들어 볼까 해서요", "바꿀까 해서요").
    if morph.tag == "EC" and morph.form in ("ᆯ까", "을까"):
        return following is not None and following.lemma == "하다"
    if morph.tag == "VX" and morph.lemma == "주다":
        return not _past_after(morphs, index)
    if morph.tag == "NNB" and morph.form == "수" and index > 0 and morphs[index - 1].tag == "ETM":
        return following is not None and following.lemma in ("있다", "없다")
    return False


def _asked_in(turn: Turn) -> list[frozenset[str]]:
    """What each clause of a customer's turn asks for. "해지하고 남은 거 환불받으려고요": a
    clause joined by -고 asks with the one it joins; a clause that only sets the scene for a
    later ask in the turn asks nothing."""
    parts = clauses(turn)
    asks = [_asked(clause.morphs) for clause in parts]
    asked = [a.lemmas for a in asks]
    for i in range(len(parts) - 2, -1, -1):
        last = parts[i].morphs[-1]
        if not asked[i] and last.tag == "EC" and last.form == "고" and asked[i + 1]:
            asked[i] = frozenset(_predicates(parts[i].morphs))
    for i, ask in enumerate(asks):
        if ask.scene and any(asked[i + 1 :]):
            asked[i] = frozenset()
    return asked


# "바꿔 주시면 돼요", "보내 주시면 안 돼요", "해 주시면 좋겠어요": a condition that asks.
_ASKING_AFTER_CONDITION = frozenset(["되다", "좋다", "감사하다", "안"])


def _beyond_condition(morphs: tuple[Morph, ...], lemmas: set[str]) -> set[str]:
    """The clause's ``lemmas`` after its last condition (-면): "환불받으면 다 돌아오는 거죠"."""
    ends = [
        i
        for i, m in enumerate(morphs)
        if m.tag == "EC" and m.form in _CONDITIONAL
        and not (i + 1 < len(morphs) and morphs[i + 1].lemma in _ASKING_AFTER_CONDITION)
    ]
    return _lemma_set(morphs[ends[-1] + 1 :]) if ends else lemmas


def _predicates(morphs: tuple[Morph, ...]) -> set[str]:
    """The clause's verbs, and the nouns that 하다 / 되다 make verbs."""
    found = set()
    for index, morph in enumerate(morphs):
        if morph.tag.startswith(("XSV", "XSA")) or morph.lemma in _LIGHT_VERBS:
            noun = _noun_before(morphs, index)
            if noun:
                found.add(noun)
        elif morph.tag.startswith(("VV", "VA")):
            found.add(morph.lemma)
    return found


def category_hits(context: CallContext) -> list[tuple[Turn, Cue, float]]:
    """Every category cue found, with the weight of where it was said: the customer's turns
    over the agent's, the opening over later turns, what the customer asks for over what they
    tell. A cue counts once per turn however many of its clauses say it, at its best clause."""
    hits: list[tuple[Turn, Cue, float]] = []
    customer_seen = 0
    opened = False
    for turn in context.turns:
        customer = turn.role is Role.CUSTOMER
        if customer:
            customer_seen += 1
            # The reason for calling comes first; later turns drift to details.
            weight = FIRST_TURN_WEIGHT if customer_seen == 1 else (
                2.0 if customer_seen <= OPENING_CUSTOMER_TURNS else 1.0
            )
        else:
            weight = AGENT_WEIGHT
        checks_send = customer and _just_sent(context, turn)
        clause_lemmas = [_lemma_set(clause.morphs) for clause in clauses(turn)]
        asked = _asked_in(turn) if customer else [frozenset()] * len(clause_lemmas)
        opening = customer and not opened and any(asked)
        opened = opened or opening
        turn_lemmas = set().union(*clause_lemmas)
        found: dict[int, float] = {}
        for clause, lemmas, wanted in zip(clauses(turn), clause_lemmas, asked, strict=True):
            main: set[str] | None = None
            for n in _index("category").positions(lemmas, turn_lemmas):
                cue = category_cues()[n]
                if cue.asked and not any(wanted & group for group in cue.groups):
                    continue
                if cue.opening and not opening:
                    continue
                if checks_send and cue.label == "delivery":
                    continue  # "아직 안 왔는데 아 왔다": the mail just sent in the call

                said = weight * (ASK_WEIGHT if wanted else 1.0)
                # "환불받으면 다 돌아오는 거죠": what would follow if, not what is asked for.
                main = _beyond_condition(clause.morphs, lemmas) if main is None else main
                if not cue.found_in(main, turn_lemmas):
                    said *= HYPOTHETICAL_WEIGHT
                found[n] = max(found.get(n, 0.0), said)
        named = {category_cues()[n].label for n in found if not category_cues()[n].opening}
        for n in sorted(found):
            cue = category_cues()[n]
            if not (cue.opening and named - {cue.label}):
                hits.append((turn, cue, found[n]))
    return hits


def _just_sent(context: CallContext, turn: Turn) -> bool:
    """The agent's turn just before says it sent something in the call ("네 지금 보냈습니다 한번
    확인해 보시겠어요"), so the customer's "아직 안 왔는데" checks that mail, not a delivery."""
    before = context.previous(turn)
    return before is not None and before.role is Role.AGENT and any(
        "보내다" in clause.lemmas and _past_after(clause.morphs, 0) and not _negated(clause.morphs)
        for clause in clauses(before)
    )


def classify_category(
    context: CallContext, model: LabelModel, features: Sequence[str]
) -> Found[Category]:
    """The learned model's probabilities over the call's ``features`` (category_features) blended
    with the cues' shares of the cue score: the model reads the whole call, the cues what the
    customer asks for."""
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[Turn]] = defaultdict(list)
    for turn, cue, weight in category_hits(context):
        scores[cue.label] += cue.weight * weight
        if not evidence[cue.label] or evidence[cue.label][-1] is not turn:
            evidence[cue.label].append(turn)
    if not context.customer_turns and not scores:
        return Found(Category.OTHER, (), 0.3)
    cue_total = sum(scores.values()) or 1.0
    shares = {label: score / cue_total for label, score in scores.items()}
    best, sure = blend(model, features, shares)
    return Found(Category(best), tuple(evidence[best][:3]), round(min(0.95, max(0.3, sure)), 2))


def detect_complaint(context: CallContext) -> Found[bool]:
    hits = [
        turn
        for turn in context.customer_turns
        if _index("complaint").matching(_morph_lemmas(turn.morphs))
    ]
    if not hits:
        return Found(False, (), 0.7)
    return Found(len(hits) >= 1, tuple(hits[:3]), min(0.95, 0.6 + 0.1 * len(hits)))


# What changes the customer's case; sending or explaining something does not decide it.
_CHANGES = frozenset(
    ["접수", "변경", "정지", "해제", "등록", "예약", "신청", "재발급", "취소", "해지", "차단",
     "초기화", "재설정", "추가", "교환", "반품", "환불", "처리"]
)


def _last_done(context: CallContext) -> Turn | None:
    """The last agent turn that did something in the call ("열 석 추가했습니다", "변경
    완료됐습니다")."""
    for turn in reversed(context.agent_turns):
        for clause in clauses(turn):
            forms = {m.form for m in clause.morphs}
            acted = [i for i in range(len(clause.morphs)) if _acts(clause.morphs, i)]
            # The past on the change word's own verb: in "안 누르셨으면 추가 피해는 없으시고"
            # it belongs to the condition before it.
            done = any(_past_after(clause.morphs, i) for i in acted) or (acted and "완료" in forms)
            # "오늘 해지 신청은 접수하지 않았고요" tells what was not done.
            if done and not _asks_question(clause) and not _negated(clause.morphs):
                return turn
    return None


# "연락받으셨을까요", "처리됐나요": the agent asks whether something happened.
_QUESTION_ENDINGS = frozenset(["ᆯ까요", "을까요", "나요", "ᆫ가요", "은가요", "는가요", "ᆸ니까", "습니까", "니까"])


def _asks_question(clause: Clause) -> bool:
    final = next((m for m in reversed(clause.morphs) if m.tag.startswith("EF")), None)
    return clause.text.endswith("?") or (final is not None and final.form in _QUESTION_ENDINGS)


def _past_after(morphs: tuple[Morph, ...], index: int) -> bool:
    return any(m.tag == "EP" and m.form in _PAST for m in morphs[index + 1 :])


def _acts(morphs: tuple[Morph, ...], index: int) -> bool:
    """A change word used as the predicate; "등록된 번호로", "변경된 요금제" only describe."""
    morph = morphs[index]
    if morph.lemma not in _CHANGES and morph.form not in _CHANGES:
        return False
    following = morphs[index + 1 :]
    ending = next((m for m in following if m.tag.startswith("E") and m.tag != "EP"), None)
    if ending is not None and ending.tag == "ETM":
        return False
    # "접수하실 때 … 서명하셨는데": the customer did it (하 + honorific 시); the agent's passive
    # "변경되셨습니다" stays the agent's.
    rest = list(itertools.dropwhile(lambda m: m.tag.startswith(("NNG", "NNP")), following))  # 해지 신청
    verb = rest[0] if rest else None
    honorific = len(rest) > 1 and rest[1].tag == "EP" and rest[1].form in ("시", "으시")
    return not (verb is not None and verb.tag.startswith("XSV") and verb.form == "하" and honorific)


_ON_ITS_WAY = frozenset(["환불", "환급", "재발송", "재발급", "취소", "발송"])


_DECIDING_TEAM = re.compile(r"[가-힣]+팀|부서|본사")


def _team_decides(turn: Turn) -> bool:
    return turn.role is Role.AGENT and "결과" in turn.text and bool(_DECIDING_TEAM.search(turn.text))


def _returns_something(turn: Turn) -> bool:
    return any(m.lemma in _ON_ITS_WAY for m in turn.morphs)


# The money words of a refund on its way to the customer's card.
_MONEY_BACK = frozenset(["환불", "환급", "취소", "반영"])
_PUT_THROUGH = frozenset(["완료", "처리"])
_CARD = frozenset(["카드", "카드사"])
_TRANSFER = frozenset(["계좌", "입금", "송금", "이체"])
# Taken in, not yet put through: "환불 접수 완료됐고요" still waits on the refund itself.
_TAKEN_IN = frozenset(["접수", "요청", "신청"])


def _refund_put_through(context: CallContext) -> Turn | None:
    """The agent's first turn that reports the refund or cancellation itself put through in
    the call ("방금 두 장 취소 완료했습니다", "지금 취소 처리했고요"): what follows about the card
    ("카드사에 따라 삼에서 오 영업일 걸립니다") is the card company's routine posting, as shipping
    is after an order; "환불 접수 완료됐고요" only takes the refund in."""
    for turn in context.agent_turns:
        for clause in clauses(turn):
            lemmas = clause.lemmas
            if not (lemmas & {"환불", "취소"} and lemmas & _PUT_THROUGH) or lemmas & _TAKEN_IN:
                continue
            past = any(m.tag == "EP" and m.form in _PAST for m in clause.morphs)
            if past and not _asks_question(clause) and not _negated(clause.morphs):
                return turn
    return None


def _card_posting(turn: Turn, put_through: Turn | None) -> bool:
    """A turn at or after the refund was put through that speaks of the card cancellation
    showing at the card company; money still to be paid into an account ("계좌 입금까지는
    이틀 정도 걸려요") is a transfer yet to be made, so the case waits on it."""
    if put_through is None or turn.index < put_through.index:
        return False
    lemmas = turn.lemmas
    return bool(lemmas & _MONEY_BACK) and bool(lemmas & _CARD) and not lemmas & _TRANSFER


def _visit_booked(step: Promise, context: CallContext) -> bool:
    """A technician's visit or a pickup booked for a later day ("기사님 방문 금요일 오후 두 시로
    접수됐습니다"): the case waits on it, unless booking it was the request itself."""
    later = step.due is not None and context.call_date_known and step.due > context.call_date
    return later and step.kind == "visit"


def _later_day(step: Promise, context: CallContext) -> bool:
    """The agent's own word to come back on a later day; the company's routine steps (a
    shipment, a final statement) may follow a request that was done in the call."""
    later = step.due is not None and context.call_date_known and step.due > context.call_date
    return later and step.owner is Owner.AGENT


_NEGATIONS = frozenset(["안", "못", "않다", "없다"])
_ALONG = frozenset(["같이", "함께"])
_REMARKS = frozenset(["민원", "의견", "말씀"])


def _if_customer_does(morphs: tuple[Morph, ...]) -> bool:
    """The clause hangs on something the customer does first: an honorific verb + -시면
    ("올리시면", "보내 주시면"), which in the agent's mouth is the customer's act; a fact
    ("결제하신 게 아니시면") is no act."""
    return any(
        verb.tag.startswith(("VV", "VX")) and honorific.tag == "EP" and honorific.form == "시"
        and ending.tag.startswith("EC") and ending.form in _CONDITIONAL
        for verb, honorific, ending in zip(morphs, morphs[1:], morphs[2:])
    )


def _inner_condition(morphs: tuple[Morph, ...]) -> bool:
    """A -면 on a state inside the clause ("조금이라도 이상하면 사진 보내 주세요"): what follows
    happens only if; an event awaited ("담당자 배정되면 링크 드릴 거예요") is still the step."""
    return any(
        m.tag.startswith("EC") and m.form in _CONDITIONAL
        and i > 0 and morphs[i - 1].tag.startswith(("VA", "XSA"))
        for i, m in enumerate(morphs[:-1])
    )


def _negated(morphs: tuple[Morph, ...]) -> bool:
    return any(m.lemma in _NEGATIONS and m.tag.startswith(("MAG", "VX", "VA")) for m in morphs)


def _offered(morphs: tuple[Morph, ...]) -> bool:
    """Something the agent could do ("접수해 드릴 수 있습니다", "보내 드릴 수 있어요")."""
    return any(
        m.tag == "NNB" and m.form == "수" and i > 0 and morphs[i - 1].tag == "ETM"
        and any(n.lemma == "있다" for n in morphs[i + 1 : i + 3])  # "할 수는 있습니다"
        for i, m in enumerate(morphs)
    )


_DECLINING = frozenset(["아니", "아니요", "아뇨", "괜찮다"])


def _declined(reply: Turn | None) -> bool:
    """The customer's answer turns it down: "아니요 괜찮아요", "민원은 됐고요", "필요 없어요"."""
    if reply is None or not clauses(reply):
        return False
    morphs = clauses(reply)[0].morphs
    lemmas = {m.lemma for m in morphs}
    done = any(m.lemma == "되다" and _past_after(morphs, i) for i, m in enumerate(morphs))
    return bool(lemmas & _DECLINING) or done or {"필요", "없다"} <= lemmas


# What the customer asks to book or move: a visit, a pickup, an appointment.
_BOOKINGS = frozenset(["예약", "집하", "수거", "방문"])
_MOVES = frozenset(["바꾸다", "변경", "옮기다", "미루다", "당기다"])
_WHEN = frozenset(["날짜", "일정", "시간", "예약", "방문", "방문일"])
_VISITS = frozenset(["방문", "회수", "수거", "기사", "집하"])


def _booking_asked(context: CallContext) -> bool:
    """The customer's opening asks to book a visit or pickup, send a parcel or move a date."""
    for turn in context.customer_turns[:OPENING_CUSTOMER_TURNS]:
        for clause, asked in zip(clauses(turn), _asked_in(turn), strict=True):
            lemmas = clause.lemmas
            if asked & _BOOKINGS or ("보내다" in asked and "택배" in lemmas):
                return True
            if asked & _MOVES and lemmas & _WHEN:
                return True
    return False


def _names_visit(turn: Turn) -> bool:
    return not turn.lemmas.isdisjoint(_VISITS)


_PICKUPS = frozenset(["회수", "수거"])


def _names_pickup(turn: Turn) -> bool:
    return turn.role is Role.AGENT and not turn.lemmas.isdisjoint(_PICKUPS)


# Upkeep of the company's own things (a scooter's module, the chatbot): no decision on the case.
_UPKEEP = frozenset(["정비", "점검", "개선", "보수"])


# Thinking it over, not only calling back ("또 안 되면 다시 전화할게요" after a done request);
# asking someone else first ("남편한테 물어봐야 돼요", "나 혼자 못 정해") is thinking it over too.
_DELIBERATION = frozenset(
    ["생각", "고민", "상의", "결정", "비교", "알아보다", "정하다", "묻다", "물어보다", "여쭈다"]
)


def _undecided_after(undecided: list[Turn], last_done: Turn) -> bool:
    """The customer's last word is still to think it over ("… 알림 신청 완료됐습니다" → "일단
    생각해 보고 신청할게요"): what was done was a side step; the request is still open."""
    said = [t for t in undecided if t.role is Role.CUSTOMER and t.lemmas & _DELIBERATION]
    return bool(said) and said[-1].index > last_done.index


# Bodies outside the company the customer may take a dispute to: the agent pointing there
# ("한국소비자원 소비자분쟁해결기준에 따라서 상담받아 보실 수 있어서") hands nothing on.
_OUTSIDE_BODIES = frozenset(
    ["소비자원", "한국소비자원", "소비자보호원", "금감원", "금융감독원", "공정위", "공정거래위원회"]
)


def _offer_only(offers: list[Turn], escalated: list[Turn], unresolved: list[Turn]) -> bool:
    """Every hand-over was only offered ("민원으로 접수해 드릴 수 있는데 접수해 드릴까요") and the
    customer's last word after it leaves the case open ("됐어요 일단 생각 좀 해 볼게요",
    "소비자원에 신고할게요"): the offer was not taken up."""
    if not offers or any(turn not in offers for turn in escalated):
        return False
    undecided = [t.index for t in unresolved if t.role is Role.CUSTOMER]
    return bool(undecided) and max(undecided) > max(t.index for t in offers)


def classify_resolution(context: CallContext) -> Found[Resolution]:
    matched: dict[str, list[Turn]] = defaultdict(list)
    offers: list[Turn] = []
    for turn in context.turns:
        previous_conditional = False
        for clause in clauses(turn):
            lemmas = clause.lemmas
            forms = {m.form for m in clause.morphs}
            for cue in _index("resolution").matching(lemmas):
                if cue.role is not turn.role:
                    continue
                # "다시 연락 주시면 … 주문해 드리겠습니다" promises nothing yet; "문자 가셨을
                # 거예요" is done, not promised; "예매수수료는 환불이 안 됩니다" is none.
                if cue.label == "pending" and (
                    previous_conditional or forms & _PAST or _negated(clause.morphs)
                ):
                    continue
                # "사진 있으면 지금 이 번호로 보내 주시겠어요" → "지금 보낼게요 어 보냈어요":
                # sent while on the phone.
                if cue.label == "pending" and "보내다" in lemmas and customer_sent_in_call(context, turn):
                    continue
                # "조금이라도 이상하면 사진 보내 주세요": only if, inside the clause itself.
                if cue.label == "pending" and _inner_condition(clause.morphs):
                    continue
                # "서류 올리시면 심사팀에 확인 요청 걸어 두겠습니다": handed on only if the
                # customer does their part first, so the case waits on the customer.
                if cue.label == "escalated" and (
                    previous_conditional or _if_customer_does(clause.morphs)
                ):
                    continue
                # "말씀하신 건 담당 부서에 민원으로 같이 올려 두겠습니다": the customer's remark
                # sent along with the case, not the case handed on for a decision.
                if cue.label == "escalated" and lemmas & _ALONG and lemmas & _REMARKS:
                    continue
                if cue.label == "escalated" and lemmas & _OUTSIDE_BODIES:
                    continue
                # "그 기기는 통신 모듈 점검하도록 정비팀에 넘겼습니다": the company's own equipment
                # sent for upkeep; nobody decides on the customer's case.
                if cue.label == "escalated" and lemmas & _UPKEEP:
                    continue
                # "바뀐 예약 문자 보내 드릴게요" → "지금 문자 보내 드렸고요": sent in the call.
                if cue.label == "pending" and turn.role is Role.AGENT and agent_sent_in_call(
                    context, clause
                ):
                    continue
                # "원하시면 민원으로 접수해 드릴 수 있습니다" / "아니 민원은 됐고요": an offer the
                # customer turns down is no step.
                if cue.label in ("pending", "escalated") and _offered(clause.morphs):
                    if _declined(context.following(turn, Role.CUSTOMER)):
                        continue
                if cue.label == "escalated" and (_offered(clause.morphs) or _asks_question(clause)):
                    offers.append(turn)
                matched[cue.label].append(turn)
            # Only a clause that ends in -면 makes the next one conditional: "세 번째 접수가
            # 되시면 심사 대상이 되세요" is a whole sentence, and what follows it is not "if".
            last = clause.morphs[-1] if clause.morphs else None
            previous_conditional = (
                last is not None and last.tag.startswith("EC") and last.form in _CONDITIONAL
            )
    if _offer_only(offers, matched["escalated"], matched["unresolved"]):
        matched["escalated"] = []
    last_done = _last_done(context)
    done = last_done is not None
    if last_done is not None and not _undecided_after(matched["unresolved"], last_done):
        matched["unresolved"] = []  # a side question left open; the request itself was done
    # A committed step after the call, read the way the follow-ups are (who, which verb mood,
    # not only-if), decides pending better than a cue word ("다시 연락 주시면" promises nothing).
    steps = committed_steps(context)
    if not matched["escalated"]:
        # "검수팀 확인이 … 걸려서 … 결과 드릴 거예요": another team decides and answers.
        matched["escalated"] = [s.turn for s in steps if _team_decides(s.turn)]
    if done and _booking_asked(context):
        # "택배 보내려고요" / "점검 날짜 좀 바꾸려고요", and the agent booked it: the visit or
        # pickup booked is what was asked for, not a step the case still waits on.
        steps = [s for s in steps if s.kind != "visit"]
        matched["pending"] = [t for t in matched["pending"] if not _names_visit(t)]
    put_through = _refund_put_through(context)
    if put_through is not None:
        steps = [s for s in steps if not (s.kind == "process" and _card_posting(s.turn, put_through))]
        matched["pending"] = [
            t for t in matched["pending"] if not (t.role is Role.AGENT and _card_posting(t, put_through))
        ]
    if all(s.routine for s in steps):
        # Shipping, next month's bill: nothing left to wait for; but the wrong item still to be
        # collected ("새 제품 보내 드리면서 기사님이 잘못 간 제품을 회수해 가시는") is a pickup
        # the exchange waits on.
        matched["pending"] = [t for t in matched["pending"] if _names_pickup(t)]
    elif not matched["pending"]:
        # Money or papers on their way back to the customer ("취소 처리됩니다", "재발송"), or
        # the agent's step on a later day ("견적서는 내일 오전 중으로 보내드리겠습니다").
        matched["pending"] = [
            s.turn for s in steps
            if _returns_something(s.turn) or _later_day(s, context) or _visit_booked(s, context)
        ]
    for label in ("escalated", "unresolved", "pending"):
        if matched[label]:
            return Found(Resolution(label), tuple(matched[label][:3]), 0.75)
    # Nothing handed on, left open or promised: what was asked was done in the call.
    return Found(Resolution.RESOLVED, context.agent_turns[-2:], 0.6)
