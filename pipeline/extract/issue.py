"""What the call was about: purpose, the issue in the customer's words,
what the customer wants, and the decision an undecided customer put off."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Turn, clauses
from pipeline.extract.drafting import category_phrase
from pipeline.extract.facts import IssueFacts, implied_remedies
from pipeline.extract.style import Word, close_clause, needed_wish
from pipeline.extract.text import (
    DATE_WORD,
    ISSUE_TURNS,
    MAX_ISSUE_CLAUSES,
    MAX_WANTS,
    OPENING_TURNS,
    clause_words,
    cues,
    has_cue,
    is_identity_answer,
    is_question,
    is_want,
    note_text,
    nouns,
    sentences,
)
from pipeline.hangul import object_particle
from pipeline.nlp import word_list
from pipeline.normalize.dates import written_date
from pipeline.normalize.numbers import digit_sequences


def purpose(facts: IssueFacts, category: str, kind: str) -> Found[str | None]:
    """"{object} {problem} {request kind}": what the call is about, what went wrong and what
    kind of request it is (request_kind, or the learned vote on it), as one noun phrase."""
    words = [*facts.objects[:4], *facts.problems[:2], *facts.remedies[:1], *facts.raised]
    if not words:
        phrase = category_phrase(category)
        words = [w for w in phrase.split() if w != "기타"]
    if not words:
        return Found(None, (), 0.2)
    words = [w for w in dict.fromkeys(words) if w not in kind.split()]
    return Found(f"{' '.join(words)} {kind}", facts.evidence, 0.5)


_DISPUTED = frozenset(["부정 결제", "중복 결제", "과다 청구"])


def request_kind(facts: IssueFacts, category: str, undecided: bool) -> str:
    """문의 / 요청 / 이의 제기 / 불만 제기: a charge the customer disputes is an objection, a
    call about the service a complaint; a customer who asks about a product or leaves
    undecided inquired; one who asks for a remedy anywhere in the call (or for their
    account fixed) requested."""
    if category == "complaint":
        return "불만 제기"
    if _DISPUTED & set(facts.problems):
        return "이의 제기"
    if undecided or category == "product_inquiry":
        return "문의"
    return "요청" if facts.wants or facts.remedies or category == "account" else "문의"


def topic(context: CallContext, category_phrase: str) -> str:
    """The decision an undecided customer put off, in their word (해지, 해약, 전환, 수리…): the
    one said last by either party, as the talk narrows down to it."""
    for turn in reversed(context.turns):
        said = [m.form for m in turn.morphs if m.form in _DECISIONS]
        if said:
            return said[-1]
    return category_phrase.split()[0] if category_phrase else ""


_DECISIONS = frozenset(
    ["해약", "해지", "취소", "전환", "교환", "반품", "환불", "수리", "구매", "가입", "변경"]
)


def _problem_score(clause: Clause) -> int:
    problems = sum(1 for m in clause.morphs if m.lemma in cues()["problem"] or m.form in cues()["problem"])
    return len(nouns(clause)) + 2 * problems


def _says_something(clause: Clause) -> bool:
    problems = any(m.lemma in cues()["problem"] or m.form in cues()["problem"] for m in clause.morphs)
    return len(nouns(clause)) >= 2 or (problems and len(nouns(clause)) >= 1)


def issue_summary(
    context: CallContext, facts: IssueFacts, occurred: dt.date | None
) -> Found[str | None]:
    """"{when} {object} {problem}: what the customer said, what the agent found", the heading
    naming the date, product and problem the way the log does, the customer's own clauses
    giving how much and what they already tried, the agent's reading of the records giving
    the dates, amounts and names the customer rounds off."""
    account = _account(context)
    said = account.value or ""
    when = written_date(occurred) if occurred else ""
    words = [when] if when and when not in said else []
    words += [*(w for w in facts.objects if w not in said), *facts.problems]
    heading = " ".join(words)
    if not heading:
        return account
    if not account.value:
        return Found(heading, facts.evidence, 0.4)
    turns = tuple(dict.fromkeys(facts.evidence + account.turns))
    return Found(f"{heading}: {account.value}", turns, account.confidence)


@dataclass(frozen=True)
class _Piece:
    """One clause of the issue as the note writes it, and where it was said."""

    text: str
    turn: Turn
    start: int


def _account(context: CallContext) -> Found[str | None]:
    """The customer's clauses that state the problem most plainly, what the agent read back
    and what the agent found in the records, in call order. A finding says more per word than
    the customer's telling (the date, amount and name they round off), so with one the
    customer's weakest clause is left out and the log stays about as long."""
    findings = _agent_findings(context)
    customer = _customer_pieces(context) or _wish_piece(context)
    customer = customer[: MAX_ISSUE_CLAUSES - 1 if findings else MAX_ISSUE_CLAUSES]
    readbacks = [_Piece(text, turn, len(turn.plain)) for text, turn in _agent_facts(context)]
    chosen: list[_Piece] = []
    for piece in [*customer, *readbacks, *findings]:
        if not any(piece.text in c.text or c.text in piece.text for c in chosen):
            chosen.append(piece)
    if not chosen:
        return Found(None, (), 0.3)
    chosen.sort(key=lambda c: (c.turn.index, c.start))
    turns = tuple(dict.fromkeys(c.turn for c in chosen))
    return Found(", ".join(c.text for c in chosen), turns, 0.6 if customer else 0.4)


_FINDING = re.compile(
    r"확인해 보니|조회해 보니|확인해 보면|조회됩니다|나옵니다|나와 있|되어 있|돼 있|기록돼|기록되어|상태입니다"
)
MIN_FINDING_NOUNS = 3
MIN_READBACK_FACTS = 3


def _agent_findings(context: CallContext) -> list[_Piece]:
    """What the agent found in the records ("확인해 보니 11월 2일 등기로 발송됐다가 반송됐습니다"),
    often the cause the customer could not see: the first such sentence in the first half; and
    the record the agent read back with the most dates, amounts and names in it ("11월 18일
    온솔가구 89,000원 2건 승인"), which the log keeps and the customer's own words round off."""
    found: list[tuple[str, Turn, Clause]] = []
    for turn in context.agent_turns[1 : len(context.agent_turns) // 2 + 1]:
        for sentence in sentences(turn):
            if is_question(sentence):
                continue
            clause = _without_greeting(context, sentence)
            if clause is None or _gives_a_number(clause):
                continue
            if len(nouns(clause, limit=12)) < MIN_FINDING_NOUNS:
                continue
            text = note_text(clause)
            if text and not _reads_out_a_code(text):
                found.append((text, turn, sentence))
    first = next((f for f in found if _FINDING.search(f[2].text)), None)
    dense = max(found, key=lambda f: _fact_count(f[2]), default=None)
    picked = [f for f in (first, dense) if f is not None]
    if dense is not None and _fact_count(dense[2]) < MIN_READBACK_FACTS:
        picked = picked[:1] if first is not None else []
    picked = list(dict.fromkeys(picked))
    return [_Piece(text, turn, clause.start) for text, turn, clause in picked]


def _fact_count(clause: Clause) -> int:
    """Dates, amounts, counts and names in the clause: the particulars a log records."""
    return sum(1 for m in clause.morphs if m.tag in ("SN", "NNP", "SL"))


def _without_greeting(context: CallContext, sentence: Clause) -> Clause | None:
    """"서민호 고객님 확인됐습니다 수리 이력이 …": the finding after the clause that names the
    customer (run on, as ASR writes it); None when every clause names someone."""
    pieces = clauses(sentence.turn)
    inside = [c for c in pieces if sentence.start <= c.start and c.end <= sentence.end]
    named = [i for i, c in enumerate(inside) if any(n in c.text for n in context.names)]
    if not named:
        return sentence
    rest = inside[named[-1] + 1 :]
    if not rest:
        return None
    morphs = tuple(m for m in sentence.morphs if m.start >= rest[0].start)
    return Clause(sentence.turn, rest[0].start, sentence.end, morphs)


MIN_CODE_DIGITS = 3


def _reads_out_a_code(text: str) -> bool:
    """"알 에프 팔오 씨 구공공일", "승인번호 칠칠팔이공일": a number read out digit by digit,
    which the identifiers field records; a date's 일 ("14일부터") is one spoken digit, not a code."""
    return any(
        g.spoken and len(g.digits) >= MIN_CODE_DIGITS
        for sequence in digit_sequences(text)
        for g in sequence.groups
    )


def _customer_pieces(context: CallContext) -> list[_Piece]:
    """What the customer said was wrong: the clauses of their most contentful turns near the
    start that state the problem most plainly, strongest first."""
    ordered = _account_turns(context)
    # Whole sentences first; when every one is a request ("사이즈가 작아서 교환하려고요"),
    # the clauses that give its reasons.
    for split in (sentences, clauses):
        picked = [
            (c, text)
            for t in ordered
            for c in _issue_pieces(t, split)
            if not is_question(c) and not is_want(c) and _says_something(c)
            and (text := note_text(c))
        ]
        strongest = sorted(picked, key=lambda p: -_problem_score(p[0]))[:MAX_ISSUE_CLAUSES]
        if strongest:
            return [_Piece(text, c.turn, c.start) for c, text in strongest]
    return []


def _account_turns(context: CallContext) -> list[Turn]:
    candidates = [
        t for t in context.customer_turns[: OPENING_TURNS + 2] if not is_identity_answer(context, t)
    ]
    scored = sorted(
        candidates,
        key=lambda t: -sum(_problem_score(c) for c in sentences(t) if not is_question(c)),
    )[:ISSUE_TURNS]
    return sorted(scored, key=lambda t: t.index)


def _wish_piece(context: CallContext) -> list[_Piece]:
    """A call that only asks for something ("배송지를 바꾸려고요") has that as its issue."""
    wishes = [
        _Piece(text, c.turn, c.start) for t in _account_turns(context) for c in clauses(t)
        if is_want(c) and len(nouns(c)) >= 2 and (text := note_text(c, wish=True))
    ]
    return wishes[:1]


Splitter = Callable[[Turn], "list[Clause] | tuple[Clause, ...]"]


def _gives_a_number(clause: Clause) -> bool:
    """"주문번호는 에이치엠 삼삼일이에요": the identifiers field records it, not the issue (a
    password is a problem's subject, "비밀번호를 다섯 번 틀렸어요", never read out)."""
    return any(
        m.form.endswith("번호") and m.form != "비밀번호" and m.tag.startswith("NN")
        for m in clause.morphs
    )


def _issue_pieces(turn: Turn, split: Splitter) -> list[Clause]:
    """The turn's sentences (or clauses), a sentence that says why they called ("안 쓴 결제가
    있어서 전화드렸어요") or gives a number kept without that clause."""

    def aside(clause: Clause) -> bool:
        return _about_the_call(clause) or _gives_a_number(clause)

    pieces: list[Clause] = []
    for piece in split(turn):
        if not aside(piece):
            pieces.append(piece)
            continue
        inside = [c for c in clauses(turn) if piece.start <= c.start and c.end <= piece.end]
        pieces += [c for c in inside if not aside(c)] if len(inside) > 1 else []
    return pieces


def _about_the_call(clause: Clause) -> bool:
    """"요금 때문에 전화했어요", "그래서 전화드렸어요": why they called, said in the purpose."""
    predicates = [m for m in clause.morphs if m.tag.startswith(("VV", "XSV", "VX"))]
    calling = [m for m in clause.morphs if m.form in ("전화", "연락")]
    problem = cues()["problem"]
    stated = any((m.lemma in problem or m.form in problem) and m.form != "안" for m in clause.morphs)
    ends_calling = bool(calling) and bool(predicates) and predicates[-1].start > calling[-1].start
    return ends_calling and not stated


_CONFIRMATION = re.compile(r"\s*(?:이|가)?\s*(?:맞으시죠|맞으세요|맞으신가요|맞죠|맞습니까)[?.]?$")
MAX_AGENT_FACTS = 1


def _agent_facts(context: CallContext) -> list[tuple[str, Turn]]:
    """What the agent read back from the records ("11월 2일에 주문하신 노트북 15 인치 모델
    맞으시죠"): the order, product and dates the customer's own words leave out."""
    facts: list[tuple[str, Turn]] = []
    for turn in context.agent_turns[: len(context.agent_turns) // 2 + 1]:
        for clause in sentences(turn):
            text = clause.text
            if not _CONFIRMATION.search(text) or len(nouns(clause)) < 2:
                continue
            words = [w for w in text.split() if w not in ("네", "그", "저", "혹시")]
            phrase = _CONFIRMATION.sub("", " ".join(words)).strip()
            phrase = phrase.replace("주문하신", "주문한").replace("구매하신", "구매한")
            phrase = re.sub(r"(?<=[가-힣]) 거$", " 건", phrase)  # "주문한 거" is spoken for 건
            phrase = phrase.replace("고객님", "고객")  # the agent's address, not the note's
            spoken_code = _reads_out_a_code(phrase)  # "엘에이칠삼일일팔이공"
            if phrase and not spoken_code and not any(n in phrase for n in context.names):
                facts.append((phrase, turn))
            if len(facts) >= MAX_AGENT_FACTS:
                return facts
    return facts


def desired_outcome(context: CallContext, facts: IssueFacts) -> Found[str | None]:
    """"{object} {remedy}": the product or service and what the customer wants done with it
    ("연간 구독 중복 결제 취소"); a reported problem that names no remedy implies one
    ("배수 불량" → "방문 수리", issue_problem_remedies.txt); otherwise the clause that asks for
    something, condensed ("…하기를 원함"). A remedy the customer receives is written as the
    log does, "…받기를 원함"; a customer waiting for a delivery who says by when they need it
    wants it by then ("토요일까지 텀블러 세트를 받기를 원함")."""
    receipt = _receipt_wish(context, facts) if _awaits_delivery(facts) else None
    remedies = _one_request(facts.remedies or facts.raised_pending)
    if remedies:
        # "결제가 두 번 됐어요 … 취소해 주세요": the remedy undoes the problem, said together.
        undone = [p for p in facts.problems if _remedy_word(p) in remedies]
        problem = undone[0] if undone else ""
        asked = _received(_phrase(facts, problem, " 및 ".join(remedies)))
        if receipt is not None:  # "그 전에 못 받으면 환불해 주세요": the remedy is the fallback
            return Found(f"{receipt.value}, {asked}", receipt.turns + facts.evidence, 0.5)
        return Found(asked, facts.evidence, 0.5)
    if receipt is not None:
        return receipt
    implied = [(p, _implied_remedy(facts, p)) for p in facts.problems if p in implied_remedies()]
    # "로그인이 안 돼요 … 잠겼대요": what locks the customer out is what they want undone.
    implied.sort(key=lambda pair: pair[1] != _UNLOCK)
    if implied:
        return Found(_received(_phrase(facts, *implied[0])), facts.evidence, 0.4)
    return _about(_wished(context), facts)


MAX_WISH_OBJECTS = 2


def _one_request(remedies: tuple[str, ...]) -> tuple[str, ...]:
    """"교환하려고요 … 백으로 바꾸고 싶어요": 바꾸다 (변경) asks for the exchange itself."""
    if "교환" in remedies:
        return tuple(r for r in remedies if r != "변경")
    return remedies


def _about(wished: Found[str | None], facts: IssueFacts) -> Found[str | None]:
    """"청구를 원함" names the request, not what it is about: the call's object words go in
    front ("도수치료 실손보험 청구를 원함"), as in the remedy phrase."""
    if not wished.value:
        return wished
    objects = [w for w in facts.objects if w not in wished.value][:MAX_WISH_OBJECTS]
    if not objects:
        return wished
    return Found(f"{' '.join(objects)} {wished.value}", wished.turns, wished.confidence)


MAX_DESIRED_OBJECTS = 3
# Problems of something that was to come and did not: a parcel, or a technician.
_NOT_ARRIVED = frozenset(["미도착", "지연", "미방문"])
_REPAIR_VISIT = "빠른 방문 수리"
_RECEIVE = "받기를 원함"
_UNLOCK = "해제"


def _implied_remedy(facts: IssueFacts, problem: str) -> str:
    """A repair that did not come ("수리 기사님이 오기로 했는데 안 오셨어요") wants the repair
    visit soon, not a faster delivery."""
    if problem in _NOT_ARRIVED and "수리" in facts.raised:
        return _REPAIR_VISIT
    return implied_remedies()[problem]


def _received(phrase: str) -> str:
    """"… 교환" → "… 교환받기를 원함": a remedy the customer receives, as the log says it."""
    last = phrase.split(" 및 ")[-1].split()[-1] if phrase else ""
    return f"{phrase}{_RECEIVE}" if last in _received_remedies() else phrase


@cache
def _received_remedies() -> frozenset[str]:
    return frozenset(word_list("received_remedies"))


@cache
def _delivery_steps() -> frozenset[str]:
    return frozenset(word_list("delivery_steps"))


def _awaits_delivery(facts: IssueFacts) -> bool:
    return any(implied_remedies().get(p) == _FASTER_DELIVERY for p in facts.problems) and (
        "수리" not in facts.raised
    )


_FASTER_DELIVERY = "빠른 배송"
_RECEIVING = frozenset(["받다", "오다", "도착하다", "도착"])
# A day said ("토요일 전에", "이번 주 안에"): "그 전에는 받아야 돼요" alone names none.
_BY_WHEN = re.compile(r"\d+일|요일|오늘|내일|이번 주|다음 주|주말")
_CAME = re.compile(r"(?:오기|도착|받기)(?:를|을)? 원함$")


def _receipt_wish(context: CallContext, facts: IssueFacts) -> Found[str] | None:
    """"이게 선물용이라 토요일 전에는 와야 되거든요", "이번 주 안에는 받을 수 있는 거죠": by
    when the customer needs the delivery, as "{when} {what}를 받기를 원함"; the first said."""
    for turn in context.customer_turns:
        if is_identity_answer(context, turn):
            continue
        for clause in clauses(turn):
            received = any(m.lemma in _RECEIVING for m in clause.morphs)
            if not received or has_cue(clause, "contact"):  # "전화 받을 수 있게" is a callback
                continue
            words = _without_lead(clause_words(clause))
            text = needed_wish(words)
            if text is None and _can_happen(clause):
                text = close_clause(words, wish=True)
            if not text or not _CAME.search(text) or not _BY_WHEN.search(text):
                continue
            when = _CAME.sub("", text).strip()
            what = _awaited(context)
            what = what if what and what not in when else ""
            # "그게 아직도 안 와서요" names no product: the delivery is what they want.
            said = f"{when} {what}{object_particle(what)} {_RECEIVE}" if what else f"{when} 배송{_RECEIVE}"
            return Found(said.strip(), (turn,), 0.5)
    return None


def _can_happen(clause: Clause) -> bool:
    """"이번 주 안에는 받을 수 있는 거죠": the customer asks whether it can come in time."""
    return is_question(clause) and any(m.form == "수" for m in clause.morphs)


# Words that open a spoken sentence without saying anything of it ("그리고 이게 사실 …").
_LEAD_TAGS = ("MAJ", "MAG", "NP", "IC", "MM")


def _without_lead(words: list[Word]) -> list[Word]:
    while len(words) > 1 and all(m.tag.startswith((*_LEAD_TAGS, "J")) for m in words[0].morphs):
        words = words[1:]
    return words


def _awaited(context: CallContext) -> str:
    """What the customer says has not come: the subject nearest before "안 오다" ("텀블러가
    안 와요"); "" when it is a pronoun ("그게 아직도 안 와서요") or a stage of the delivery."""
    vague = cues()["vague_subject"] | _delivery_steps()
    for turn in context.customer_turns:
        for clause in clauses(turn):
            morphs = clause.morphs
            for index, morph in enumerate(morphs[:-1]):
                if morph.form != "안" or morphs[index + 1].lemma not in _RECEIVING:
                    continue
                marked = [
                    i for i in range(1, index)
                    if morphs[i].tag == "JKS" and morphs[i - 1].tag.startswith(("NNG", "NNP"))
                ]
                if not marked:
                    continue
                word = _compound_before(clause, marked[-1])
                if len(word) >= 2 and word not in vague and word not in context.names:
                    return word
    return ""


def _remedy_word(problem: str) -> str | None:
    """"중복 결제" → "취소" (its implied remedy "1건 취소" without the detail)."""
    implied = implied_remedies().get(problem)
    return implied.split()[-1] if implied else None


def _phrase(facts: IssueFacts, problem: str, remedy: str) -> str:
    """"{object} {problem} {remedy}", an object word the problem or remedy repeats said once."""
    said = set(f"{problem} {remedy}".split())
    objects = [w for w in facts.objects[:MAX_DESIRED_OBJECTS] if w not in said]
    return " ".join([*objects, *(w for w in (problem, remedy) if w)])


def _wished(context: CallContext) -> Found[str | None]:
    """What the customer asked for, condensed to the clause that asks it: "환불받고 싶어요" →
    "환불받기를 원함"; "네 해 주세요" takes what the agent offered."""
    wishes: list[tuple[str, Turn, int]] = []
    for turn in context.customer_turns:
        if is_identity_answer(context, turn):
            continue
        for clause in _wish_clauses(turn):
            text = _agreed_offer(context, clause) or _wish_text(clause)
            if text:
                wishes.append((text, turn, _wish_rank(clause)))
    if not wishes:
        return _working_again(context)
    # "사용자를 추가하기를 원함" and "바로 추가하기를 원함" ask one thing: the fuller one stays.
    by_verb: dict[str, tuple[str, Turn, int]] = {}
    for wish in wishes:
        verb = wish[0].split()[-2] if len(wish[0].split()) > 1 else wish[0]
        kept = by_verb.get(verb)
        if kept is None or (wish[2], len(wish[0])) > (kept[2], len(kept[0])):
            by_verb[verb] = wish
    best = sorted(by_verb.values(), key=lambda w: -w[2])[:MAX_WANTS]
    best = sorted(best, key=lambda w: w[1].index)
    texts = list(dict.fromkeys(text for text, _, _ in best))
    texts = [t for t in texts if not any(t != o and t in o for o in texts)]
    return Found(", ".join(texts), tuple(turn for _, turn, _ in best), 0.55)


def _wish_clauses(turn: Turn) -> list[Clause]:
    """The clauses of the turn that ask for something (a question only when it asks whether
    something can be done: "이번 주 안에는 받을 수 있는 거죠")."""
    found: list[Clause] = []
    split = clauses(turn)
    for index, clause in enumerate(split):
        if not is_want(clause) or is_question(clause) and not _asks_possible(clause):
            continue
        if index and clause.morphs[0].tag.startswith(("VV", "VX")):
            # "문 앞에 두고 | 가 달라고 메모 남겨 주세요": a clause opening on a verb goes on
            # from the one before.
            before = split[index - 1]
            clause = Clause(turn, before.start, clause.end, before.morphs + clause.morphs)
        found.append(clause)
    return found


def _asks_possible(clause: Clause) -> bool:
    return any(m.form == "수" for m in clause.morphs) or is_want(clause)


def _content_nouns(clause: Clause) -> list[str]:
    vague = cues()["vague_subject"]
    return [w for w in nouns(clause) if w not in vague and not DATE_WORD.match(w)]


def _wish_rank(clause: Clause) -> int:
    """An explicit wish for a remedy (환불, 교환, 해지…) says most; a bare intent least."""
    explicit = any(m.form in ("싶", "주") or m.lemma == "원하다" for m in clause.morphs)
    remedy = any(m.lemma in cues()["remedy"] for m in clause.morphs)
    return 2 * remedy + explicit + (len(_content_nouns(clause)) > 0)


def _wish_text(clause: Clause) -> str | None:
    if not [w for w in nouns(clause) if len(w) >= 2]:  # "그걸로 해 주세요" names nothing
        return None
    text = note_text(clause, wish=True)
    if not text or not text.endswith("원함"):
        return None
    slot = all(DATE_WORD.match(w) or w in cues()["vague_subject"] for w in nouns(clause))
    if slot and text.endswith(" 하기를 원함"):
        return None  # "10월 16일로 해 주세요" picks a slot; the follow-up carries the date
    return text


_AGREEING = frozenset(["네", "예", "응", "그렇게", "그걸로"])


def _agreed_offer(context: CallContext, clause: Clause) -> str | None:
    """"네 해 주세요" after "중복 결제 한 건 취소해 드릴까요?": the customer wants what the
    agent offered."""
    forms = [m.form for m in clause.morphs]
    if _content_nouns(clause) or not any(f in _AGREEING for f in forms) and len(forms) > 4:
        return None
    offer = context.previous(clause.turn, Role.AGENT)
    if offer is None:
        return None
    said = [c for c in sentences(offer) if has_cue(c, "action")]
    if not said:
        return None
    from pipeline.extract.actions import action_noun

    action = action_noun(said[-1])
    # The object is said right before the action ("중복 결제 취소해 드릴까요"); the nouns
    # before it tell why or when.
    offered = said[-1]
    main_verb = [
        m for m in offered.morphs
        if m.start > _last_action_start(offered) and m.tag.startswith("VV")
        and m.lemma not in ("하다", "되다")  # "재발급 해 드릴까요"
    ]
    if main_verb:  # "취소된 자리가 있어서 잡아 드릴까요" offers 잡다, not 취소
        return None
    before = Clause(offer, offered.start, offered.end, tuple(
        m for m in offered.morphs if m.end <= _last_action_start(offered)
    ))
    words = [w for w in nouns(before) if w not in context.names and len(w) >= 2]
    words = words[-MAX_OFFER_WORDS:]
    if action is None:
        return None
    if not words:
        return f"{action}{object_particle(action)} 원함"
    if words[-1] != action:
        words = [w for w in words if w != action] + [action]
    phrase = " ".join(words)
    return f"{phrase}{object_particle(phrase)} 원함"


MAX_OFFER_WORDS = 2


def _last_action_start(clause: Clause) -> int:
    wanted = cues()["action"]
    found = [m for m in clause.morphs if m.lemma in wanted or m.form in wanted]
    return found[-1].start if found else clause.end


def _working_again(context: CallContext) -> Found[str | None]:
    """A customer who only reported a fault ("데이터가 안 돼요") wants the service working."""
    for turn in context.customer_turns[:OPENING_TURNS]:
        for clause in clauses(turn):
            subject = _failed_subject(clause)
            if subject and subject not in context.names:
                return Found(f"{subject} 정상 이용을 원함", (turn,), 0.35)
    return Found(None, (), 0.3)


def _failed_subject(clause: Clause) -> str | None:
    """"인터넷이 안 돼요", "앱이 자꾸 꺼져요": the noun marked as subject of a failing verb."""
    morphs = clause.morphs
    for index in range(1, len(morphs) - 2):
        subject, particle, negation, verb = morphs[index - 1 : index + 3]
        if (
            particle.tag == "JKS"
            and subject.tag.startswith(("NNG", "NNP", "SL"))
            and negation.form == "안"
            and verb.lemma in ("되다", "돼다")
        ):
            word = _compound_before(clause, index)
            return word if len(word) >= 2 and word not in cues()["vague_subject"] else None
    return None


def _compound_before(clause: Clause, index: int) -> str:
    run = [clause.morphs[index - 1]]
    for morph in reversed(clause.morphs[: index - 1]):
        if morph.tag.startswith(("NNG", "NNP", "SL")) and morph.end == run[0].start:
            run.insert(0, morph)
        else:
            break
    return clause.turn.plain[run[0].start : run[-1].end]
