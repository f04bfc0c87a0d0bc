"""Next steps promised in the call: who does what, by when.

A clause is a promise when its verb commits to something after the call (드리겠습니다, 드릴게요,
드릴 거고요, 예정, a process in the present passive: 발송되고요, 처리됩니다) or books an
appointment on a later date ("내일 방문으로 접수됐습니다"); the agent asking the customer to do
something (보내 주세요, 제출해 주시면 됩니다) and the customer's own ᆯ게요 are the customer's
steps. The owner is whoever the clause names as doing it (기사님이, 심사팀에서): the agent when
nobody else is named. A booking said after the visit was discussed ("27일 오후 두 시로
접수됐고") is the visit, "방문 전날 … 드릴게요" its routine reminder the day before, and
"기사님이 출발하실 때 전화드릴 거예요" part of the visit, due its day. An undecided call has a
step only when the customer says they will come back, or says they will decide and the agent
asks for the answer by a named day; a fallback ("또 안 되시면 … 보내 주시면 돼요") is none. A
refund said to take days ("취소까지 칠 일 정도 걸리세요") is the company's step; the agent's
step after "…보내 주시면" is due when the customer sends it; "삭제 일주일 전에" counts back from
the day the event was given; a customer's step put on another day in a later turn replaces the
first, and one put before the agent's deadline ("금요일까지 올려 주시면" → "오늘 저녁에
올릴게요") is due by that deadline. Steps said in the plain present that nobody wills or decides
(shipping, next month's bill) are marked routine for the resolution. Cue words are in
pipeline/nlp/data/followup_cues.txt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache

from models.note import FollowUp, Owner
from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Morph, Turn, clauses
from pipeline.extract.phrase import clause_phrase, step_phrase
from pipeline.extract.text import DATE_WORD, is_condition, is_question, nouns, sentences
from pipeline.nlp import word_list
from pipeline.normalize.dates import DateMention, resolve_dates

_PAST = frozenset(["었", "았", "였", "ᆻ", "었었"])
# "하께" is Gyeongsang for 할게.
_PROMISE_ENDINGS = frozenset(["ᆯ게요", "ᆯ게", "을게요", "ᆯ께요", "을게", "께"])
_FUTURE_NOUNS = frozenset(["거", "것", "터"])
_ACTOR_ENDINGS = ("팀", "부서", "센터", "기사")
_SUBJECT_PARTICLES = frozenset(["이", "가", "께서", "에서", "는", "은", "도"])
_NEGATIONS = frozenset(["안", "못", "않다"])
# "금요일까지 연락 없으면 다시 전화할게요": the awaited contact not coming is a negative condition.
_ABSENT = "없다"
_DAY_BEFORE = re.compile(r"전날|하루\s?전")
# "기사님이 출발하실 때 전화드릴 거예요", "방문 30 분 전에", "도착 전에 연락드릴 거예요": the
# technician's or driver's call on the way, on the day of the visit or delivery itself.
_TIME_SLOT = re.compile(r"오전|오후|\d+\s?시")
_ON_THE_WAY = re.compile(r"출발|(?:방문|도착)\s?(?:\d+\s?분\s?)?전에")
_GUESS_VERBS = frozenset(["모르다", "정하다", "결정하다", "알다", "같다"])
_NOW = frozenset(["지금", "바로", "이따"])
# "일 분 뒤에 다시 전화드릴게요", "잠시 후에": still the same call.
_MINUTES_LATER = re.compile(
    r"(?:\d+|[일이삼사오육칠팔구십한두세]{1,3})\s?분\s?(?:뒤|후|있다가)|잠시\s?(?:뒤|후)|잠깐\s?(?:뒤|후|있다가)"
)
# Dates that name a day; anything else ("삼 영업일 안에") counts from an event, which may be
# one that has not happened yet ("검수 끝나면 삼 영업일 안에").
_NAMED_DAY = ("월", "요일", "오늘", "내일", "모레", "글피", "주", "달", "금일", "명일")
_EVENT_WAIT = frozenset(["대로", "후", "다음"])
LOOK_BACK_TURNS = 4
# "삭제 일주일 전에", "만기 사흘 전", "출국 2일 전까지": a span counted back from a named event.
_BEFORE_EVENT = re.compile(
    r"(?P<event>[가-힣]{2,})\s*(?:(?P<native>하루|이틀|사흘|나흘|닷새|일주일|보름)"
    r"|(?P<count>\d+)\s*(?P<unit>일|주일?))\s*전"
)
_NATIVE_DAYS_BACK = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "일주일": 7, "보름": 15}
# "그때까지 안 되면", "그 전에 꼭 내려받아 주세요", "그 안에 전화 주시고": the date said just before.
_ANAPHORIC_DATE = re.compile(r"그때|그\s?전에|그\s?전까지|그날|그\s?안에|그\s?안으로")
_GOING_IN_PERSON = "방문"
_WAIT = "기다리다"
# "다시 전화 주세요" asks the customer to call if something goes wrong: not a step of theirs.
_CALL_BACK = frozenset(["연락", "전화", "콜백"])


@dataclass(frozen=True)
class Promise:
    owner: Owner
    due: dt.date | None
    action: str
    turn: Turn
    # The step waits for another one ("서류 확인되면 연락드리겠습니다"): part of that step.
    follows_event: bool = False
    kind: str = "process"  # customer, visit, contact or process: what merges with what
    # Only if something happens ("끊어지면 다시 연락드리겠습니다"): not a step the case waits for.
    contingent: bool = False
    # How things go, said in the plain present ("다음 달 청구서부터 이 주소로 발송됩니다",
    # "같은 박스로 출고돼서 도착합니다"): nobody wills, decides or pays anything.
    course: bool = False
    # Waits for what the customer sends ("사진 올려 주시면 제가 넘기겠습니다"): due when they send it.
    after_customer: bool = False
    # The clause that promises it and the turn's clauses before it ("택배사에 확인해 보고 | …"),
    # from which the note's phrase is written (only for the steps kept: ``action`` keeps the
    # nouns said, which tell whether two promises are the same step).
    clause: Clause | None = None
    earlier: tuple[Clause, ...] = ()

    @property
    def pays(self) -> bool:
        """"요금은 그때 기사님께 카드로 내시면 됩니다": the customer paying."""
        return self.clause is not None and _has(self.clause, "pay")

    @property
    def routine(self) -> bool:
        """The company's automatic course after a done request: nothing left to wait for."""
        return self.course and not self.follows_event and self.kind != "visit"


@cache
def _cues() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for line in word_list("followup_cues"):
        group, lemma = line.split()
        groups[group].add(lemma)
    return {group: frozenset(words) for group, words in groups.items()}


# A step is never due months before the call: "일월 팔 일까지" said on 30 December is next
# January, which the date reader (taking the call's year for a month and day) puts last January.
_PAST_YEAR_DAYS = 90


def _step_dates(text: str, anchor: dt.date) -> list[DateMention]:
    """The dates said in ``text``, a month and day without a year put in the year ahead when
    they would fall long before the call."""
    return [_ahead(m, anchor) for m in resolve_dates(text, anchor)]


def _ahead(mention: DateMention, anchor: dt.date) -> DateMention:
    if (anchor - mention.date).days <= _PAST_YEAR_DAYS or "년" in mention.text:
        return mention
    try:
        return replace(mention, date=mention.date.replace(year=mention.date.year + 1))
    except ValueError:  # 29 February
        return mention


def _has(clause: Clause, group: str) -> bool:
    return bool(clause.lemmas & _cues()[group])


def _asks_act(clause: Clause) -> bool:
    """A customer's step is the clause's predicate: a verb ("올려 주세요"), a verbal noun with
    하다 ("제출해", "보관만 해"); "결제하신 카드로 취소하시면" names the payment, asks none."""
    steps = _cues()["customer_step"]
    morphs = clause.morphs
    for index, morph in enumerate(morphs):
        if morph.lemma not in steps:
            continue
        if morph.tag.startswith(("VV", "VX")):
            return True
        following = [m for m in morphs[index + 1 : index + 3]]
        if following and following[0].tag.startswith("XSV") and not _adnominal(morphs, index + 1):
            return True
        if len(following) > 1 and following[0].tag.startswith(("JX", "JKO")) and following[1].lemma == "하다":
            return True
    return False


def _adnominal(morphs: tuple[Morph, ...], index: int) -> bool:
    """The verb at ``index`` modifies a noun ("결제하신 카드", "보내실 서류")."""
    for morph in morphs[index + 1 :]:
        if morph.tag == "ETM":
            return True
        if not morph.tag.startswith("EP"):
            return False
    return False


def _negative_condition(clause: Clause) -> bool:
    """"또 안 되시면", "못 받으시면", "연락 없으면": only if something fails or does not come."""
    if not is_condition(clause):
        return False
    return bool(clause.lemmas & _NEGATIONS) or (_ABSENT in clause.lemmas and _has(clause, "contact"))


def _is_past(clause: Clause) -> bool:
    return any(m.tag == "EP" and m.form in _PAST for m in clause.morphs)


def _commits(clause: Clause) -> bool:
    """The verb commits to a later act: 겠 on an action (not 필요하겠습니다), ᆯ게요,
    ᆯ 거/테 (드릴 거고요), 예정, or a process in the present passive (발송되고요)."""
    morphs = clause.morphs
    for index, morph in enumerate(morphs):
        before = morphs[index - 1] if index else None
        after = morphs[index + 1] if index + 1 < len(morphs) else None
        if morph.form == "겠" and before is not None and not before.tag.startswith(("VA", "XSA")):
            # "말씀해 주시겠어요" asks the customer; the agent does not honour themself.
            if not (before.tag == "EP" and before.form == "시"):
                return True
        if morph.tag.startswith("EF") and morph.form in _PROMISE_ENDINGS:
            return True
        if morph.form in ("ᆯ", "을") and morph.tag == "ETM" and after is not None and after.form in _FUTURE_NOUNS:
            guess = index + 2 < len(morphs) and morphs[index + 2].lemma == "같다"  # 필요할 것 같아서
            if not guess:
                return True
        if morph.lemma == "예정":
            return True
        if _present_process(morphs, index):
            return True
    return False


def _present_process(morphs: tuple[Morph, ...], index: int) -> bool:
    """"발송되고요", "처리됩니다", "안내드립니다": said of the company's routine, a promise."""
    morph = morphs[index]
    if index == 0 or morph.lemma not in ("되", "되다", "드리", "드리다"):
        return False
    noun = morphs[index - 1]
    # The tagger sometimes reads 되 written onto its noun as a verb ("…까지 안내됩니다"): still
    # the noun's passive.
    attached = noun.end == morph.start and noun.tag.startswith("NNG")
    if morph.lemma.startswith("되") and not (morph.tag.startswith("XSV") or attached):
        return False
    if noun.tag.startswith(("EC", "JKB")) and index > 1:
        noun = morphs[index - 2]  # "보내 드립니다", "문자로 드립니다"
    if noun.lemma not in _cues()["process"] | _cues()["contact"]:
        return False
    rest = morphs[index + 1 : index + 3]
    if len(rest) > 1 and rest[0].tag == "EC" and rest[1].lemma == "있다":
        return False  # "배송 완료 처리돼 있고": the state the record shows, already done
    return not any(m.tag == "EP" for m in rest) and any(m.tag.startswith(("EF", "EC")) for m in rest)


def _named_actor(clause: Clause) -> bool:
    """Another party is the subject: "기사님이", "심사팀에서", "판매자는", "관리팀 검토가";
    "기사님께" is who the agent passes it to."""
    morphs = clause.morphs
    actors = _cues()["actor"]
    for index, morph in enumerate(morphs):
        if not morph.tag.startswith("NNG") or not (morph.form in actors or morph.form.endswith(_ACTOR_ENDINGS)):
            continue
        if morph.form == "고객센터":
            continue
        following = [m for m in morphs[index + 1 : index + 3] if m.tag != "XSN"]
        if not following:
            continue
        nxt = following[0]
        if nxt.tag.startswith(("JKS", "JX")) and nxt.form in _SUBJECT_PARTICLES:
            return True
        if nxt.tag.startswith("JKB") and nxt.form == "에서":
            return True
        if nxt.tag.startswith("NNG") and nxt.lemma in _cues()["process"]:
            return True  # "관리팀 검토가"
    return False


def _polite_request(clause: Clause) -> bool:
    """"보내 주세요", "제출해 주시면 됩니다", "보내 주셔야 돼요", "제출하시면 됩니다"; in the
    past ("어디에 저장해 두셨어요") it asks what was done."""
    morphs = clause.morphs
    if _is_past(clause):
        return False
    for index, morph in enumerate(morphs):
        rest = morphs[index + 1 : index + 3]
        if morph.lemma in ("주다", "두다") and morph.tag.startswith("VX"):
            if _adnominal(morphs, index):
                continue  # "사진 올려 주신 거 보이고요", "보내 주실 서류": no request
            if any(m.form in ("세요", "시", "셔야") or m.form.startswith("셔") for m in rest):
                return True
        if morph.tag == "EP" and morph.form == "시" and is_condition(clause):
            return True
    return False


def _imperative(clause: Clause) -> bool:
    """"저장해 두세요", "보내 주세요": 세요 after an auxiliary asks for an act, not a reply."""
    morphs = clause.morphs
    return (
        len(morphs) > 1 and not clause.text.endswith("?") and morphs[-1].form == "세요"
        and morphs[-2].lemma in ("주다", "두다")
    )


def _volitional(clause: Clause) -> bool:
    """겠 / ᆯ게요: the speaker's own will ("연락드리겠습니다"), not a report of the routine."""
    return any(
        (m.form == "겠" and not _honoured_or_guessed(clause, i))
        or (m.tag.startswith("EF") and m.form in _PROMISE_ENDINGS)
        or (m.tag == "ETM" and i + 1 < len(clause.morphs) and clause.morphs[i + 1].form == "터")
        or _promise_in_dialect(clause.morphs, i)
        for i, m in enumerate(clause.morphs)
    )


# Chungcheong "전화드릴게유" is tagged ᆯ + 것 + 이 + 유: the 할게요 of the standard language.
_DIALECT_PROMISE = ("ᆯ", "것", "이", "유")


def _promise_in_dialect(morphs: tuple[Morph, ...], index: int) -> bool:
    said = tuple(m.form for m in morphs[index : index + len(_DIALECT_PROMISE)])
    return said == _DIALECT_PROMISE and morphs[index].tag == "ETM"


def _honoured_or_guessed(clause: Clause, index: int) -> bool:
    before = clause.morphs[index - 1] if index else None
    return before is not None and (before.form == "시" or _guess(before))


def _guess(morph: Morph) -> bool:
    """"받을지도 모르겠고", "못 정하겠어요" is not a promise: 겠 on knowing or deciding."""
    return morph.lemma in _GUESS_VERBS


def _honorific_subject(clause: Clause) -> bool:
    """"방문하실 거고요", "전화 가실 거예요": 시 on the promised verb honours someone else."""
    return any(
        m.tag == "EP" and m.form == "시" and i + 1 < len(clause.morphs)
        and clause.morphs[i + 1].tag == "ETM"
        for i, m in enumerate(clause.morphs)
    )


def _kind(clause: Clause) -> str:
    if clause.turn.role is Role.CUSTOMER or _asks_act(clause) and _polite_request(clause):
        return "customer"
    if _has(clause, "visit"):
        return "visit"
    return "contact" if _has(clause, "contact") else "process"


def _due(context: CallContext, clause: Clause, earlier: tuple[Clause, ...]) -> dt.date | None:
    """The last date on or after the call's said in the clause (else in the clause before it
    in the turn); a count of days after an event still to come gives no date."""
    if not context.call_date_known:
        return None
    waits = _waits_for_event(clause, earlier)
    if any(_ANAPHORIC_DATE.search(c.text) for c in (clause, *earlier)):
        # "그때까지 안 되면 … 연락드리겠습니다": the date said just before.
        said = [
            m.date for c in earlier for m in _step_dates(c.turn.plain[c.start : c.end], context.call_date)
            if m.date >= context.call_date
        ]
        before = [m.date for m in _step_dates(clause.turn.plain[: clause.start], context.call_date)]
        said = said or [d for d in before if d >= context.call_date]
        said = said or _said_in_turn_before(context, clause.turn)
        if said:
            return said[-1]
    for piece in (clause, *reversed(_same_sentence(earlier))):
        text = piece.turn.plain[piece.start : piece.end]
        upcoming = [m for m in _step_dates(text, context.call_date) if m.date >= context.call_date]
        if waits:
            # The note's text has "3영업일 안에" written out as a date; the words said tell
            # whether a day was named or counted from an event still to come.
            said = _named_dates(context, piece.turn)
            upcoming = [m for m in upcoming if m.date in said]
        if upcoming:
            return upcoming[-1].date
    return None


def _said_in_turn_before(context: CallContext, turn: Turn) -> list[dt.date]:
    """"모레 수요일까지 결과 드릴 거고요" / "그럼 그때까지 윈도우 키는 쓰지 말아야겠네요":
    the other speaker's date just before."""
    previous = context.turns[turn.index - 1] if turn.index else None
    if previous is None:
        return []
    said = _step_dates(previous.plain, context.call_date)
    return [m.date for m in said if m.date >= context.call_date]


def _same_sentence(earlier: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """The clauses joined to the next by a connective ("이번 달 말까지 병원 가서 | 서류 떼서 |
    앱으로 올릴게요"), at least the one before."""
    joined = [c for c in earlier[-1:] if not _completed(c)]  # "…로 접수됐고": a step of its own
    if not joined or is_condition(joined[0]):
        return tuple(joined)
    for piece in reversed(earlier[:-1]):
        if not _joins_next(piece):
            break
        joined.insert(0, piece)
    return tuple(joined)


def _joins_next(piece: Clause) -> bool:
    """Ends in a connective that is not a spoken sentence end ("…하시고요") and is no step
    of its own ("10월 27일로 접수됐고 | 방문 전날 전화 드릴 거예요")."""
    last = piece.morphs[-1] if piece.morphs else None
    if last is None or not last.tag.startswith("EC") or last.form.endswith("요"):
        return False
    return not is_condition(piece) and not _completed(piece)


def _completed(clause: Clause) -> bool:
    """Past on the clause's own verb; "접수됐는지 확인해서" only asks whether it was."""
    morphs = clause.morphs
    return any(
        m.tag == "EP" and m.form in _PAST
        and not (i + 1 < len(morphs) and morphs[i + 1].form.endswith("는지"))
        for i, m in enumerate(morphs)
    )


def _named_dates(context: CallContext, turn: Turn) -> frozenset[dt.date]:
    return frozenset(
        m.date for m in _step_dates(turn.text, context.call_date) if any(w in m.text for w in _NAMED_DAY)
    )


def _waits_for_event(clause: Clause, earlier: tuple[Clause, ...]) -> bool:
    """"검수 끝나면 …", "답변 받는 대로 …", "복구한 다음 …": the step hangs on another."""
    if any(is_condition(c) and not is_question(c) for c in earlier):
        return True
    return bool({m.form for m in clause.morphs} & _EVENT_WAIT)


def _owner(context: CallContext, clause: Clause, earlier: tuple[Clause, ...]) -> Owner | None:
    """Who does the step the clause promises, or None when it promises nothing."""
    if clause.turn.role is Role.AGENT and _money_under_way(clause):
        return Owner.COMPANY  # "걸리세요" reads as a question to the tagger, not to the customer
    if is_question(clause) and not _imperative(clause):
        return None
    if clause.turn.role is Role.CUSTOMER:
        return _customer_owner(context, clause, earlier)
    if _past_by_its_sentence(clause):
        return None  # "어제 … 입금돼서 정상 처리됐습니다": told of the past, not promised
    if any(word in clause.text.replace(" ", "") for word in _cues()["verification"]):
        return None  # "인증번호 보내 드릴게요": a code used while on the phone
    if _asks_for(clause):
        return None  # "연락받으실 전화번호도 부탁드릴게요": asks the customer, now
    if _polite_request(clause) and _asks_act(clause) and not clause.lemmas & _CALL_BACK:
        return Owner.CUSTOMER  # "사진 보내 주시면 참고하겠습니다" asks for it all the same
    if _booked_visit(context, clause):
        return Owner.COMPANY
    named = _named_actor(clause) or any(_named_actor(c) and not is_condition(c) for c in earlier[-1:])
    if _gives_reason(clause):
        return None  # "개발팀에서 판단해야 돼서 말씀드리긴 어렵고요" explains, promises nothing
    # "종이 증권은 내일 등기로 다시 발송해서": a company step on a named later day.
    dated_process = (
        _process(context, clause) and _dated(context, clause) and not _waits_for_event(clause, earlier)
        and not _state_shown(clause)
    )
    if not (_commits(clause) or named and _obliged(clause) or dated_process) or _is_past(clause):
        return None
    if _reported_done(clause) or _negated(clause):
        return None
    if is_condition(clause):
        return None
    if named and _obliged(clause):
        return Owner.COMPANY
    if _volitional(clause) and _after_customer_sends(earlier) and _passes_on(clause) and not named:
        return Owner.AGENT  # "사진 올려 주시면 | 제가 바로 검수팀에 넘기겠습니다": once it arrives
    if _acts_in_call(clause) and not _dated(context, clause):
        return None  # "이의 신청으로 올려 드리겠습니다" is done while on the phone
    if _has(clause, "contact"):
        if _only_explains(context, clause) or _MINUTES_LATER.search(clause.text):
            return None
        if _has_it_done(clause, earlier):
            return Owner.COMPANY
        return _contact_owner(clause, named, _said_by_self(clause, earlier))
    if _process(context, clause):
        if _has_it_done(clause, earlier):
            return Owner.COMPANY
        return Owner.AGENT if _said_by_self(clause, earlier) and not named else Owner.COMPANY
    return None


_CAUSATIVE = "도록"
# Handing the case to another party in the same sentence ("영업소로 바로 전달해서").
_HANDED_ON = frozenset(["전달", "요청", "이관", "넘기다"])


def _has_it_done(clause: Clause, earlier: tuple[Clause, ...]) -> bool:
    """"제가 영업소로 전달해서 … 다시 배송해 드리도록 요청 넣겠습니다", "검진센터로 전달해서 오늘
    중으로 전화 드리도록 하겠습니다": the agent gets another party to do it (-도록 after the case
    is handed on), so the step is that party's; "제가 확인하도록 하겠습니다" stays the agent's."""
    if not any(m.form == _CAUSATIVE and m.tag.startswith("EC") for m in clause.morphs):
        return False
    joined = (clause, *_same_sentence(earlier))
    return any(c.lemmas & _HANDED_ON for c in joined) or _named_actor(clause)


def _asks_for(clause: Clause) -> bool:
    """부탁 as the clause's predicate ("주소 확인 부탁드릴게요", "성함 부탁드리겠습니다"): the
    agent asks the customer for something while on the phone; it promises nothing."""
    morphs = clause.morphs
    return any(
        m.lemma == "부탁" and index + 1 < len(morphs)
        and (morphs[index + 1].lemma in ("드리다", "드리") or morphs[index + 1].tag.startswith("XSV"))
        for index, m in enumerate(morphs)
    )


def _process(context: CallContext, clause: Clause) -> bool:
    """A step the company carries out after the call; a change taking effect ("반영") is one
    only on a later day said ("다음 주 월요일까지는 취소 반영될 거예요"), not "바로 반영돼요"."""
    return _has(clause, "process") or (_has(clause, "takes_effect") and _dated(context, clause))


_SEQUENCE_ENDINGS = frozenset(["어서", "아서", "여서", "서"])


def _past_by_its_sentence(clause: Clause) -> bool:
    """A clause ending in -어서 with no tense of its own takes its sentence's: "입금돼서 | 정상
    처리됐습니다" is past, "입금돼서 | 내일 처리됩니다" is not."""
    morphs = clause.morphs
    if not morphs or morphs[-1].tag != "EC" or morphs[-1].form not in _SEQUENCE_ENDINGS:
        return False
    if any(m.tag == "EP" and m.form in (*_PAST, "겠") for m in morphs):
        return False
    turn = clause.turn
    sentence = next((s for s in sentences(turn) if s.start <= clause.start < s.end), None)
    if sentence is None:
        return False
    rest = [m for m in sentence.morphs if m.start >= clause.end]
    verbs = [i for i, m in enumerate(rest) if m.tag.startswith(("VV", "XSV", "VA", "XSA"))]
    if not verbs:
        return False
    main = rest[verbs[0] :]
    ending = next((i for i, m in enumerate(main) if m.tag.startswith(("EC", "EF"))), len(main))
    return any(m.tag == "EP" and m.form in _PAST for m in main[:ending])


def _state_shown(clause: Clause) -> bool:
    """"월요일 저녁 … 보관함 도착으로 처리돼 있네요": 되 + 어 있다 tells what the record shows,
    a step already taken, whatever day the date reader puts on a bare weekday."""
    morphs = clause.morphs
    return any(
        m.lemma in ("되", "되다") and index + 2 < len(morphs) and morphs[index + 1].tag == "EC"
        and morphs[index + 2].lemma in ("있다", "있")
        for index, m in enumerate(morphs)
    )


def _reported_done(clause: Clause) -> bool:
    """"문자는 21일 밤에 발송된 걸로 나오는데", "접수된 것으로 확인됩니다": a past adnominal
    before 것 reports what the record shows was done."""
    morphs = clause.morphs
    return any(
        m.tag == "ETM" and m.form in ("ᆫ", "은") and i and morphs[i - 1].tag.startswith(("VV", "XSV"))
        and i + 1 < len(morphs) and morphs[i + 1].form in ("것", "거", "걸")
        for i, m in enumerate(morphs)
    )


def _negated(clause: Clause) -> bool:
    """"발송 기록이 없습니다", "방문이 안 됩니다": a step denied is not promised."""
    return bool(clause.lemmas & _NEGATIONS) or any(
        m.lemma == _ABSENT and m.tag.startswith("VA") for m in clause.morphs
    )


def _money_under_way(clause: Clause) -> bool:
    """"카드사 취소까지 칠 일 정도 걸리세요", "환불은 삼 영업일 소요됩니다": a refund still
    running, whatever the verb's mood."""
    if not (_has(clause, "money") and _has(clause, "takes_time")):
        return False
    return not _is_past(clause) and not is_condition(clause) and not clause.text.endswith("?")


def _after_customer_sends(earlier: tuple[Clause, ...]) -> bool:
    """Said just after "…올려 주시면", "…보내 주시면": the step waits for the customer's."""
    return any(
        is_condition(c) and _polite_request(c) and _asks_act(c) for c in earlier[-2:]
    )


def _passes_on(clause: Clause) -> bool:
    return _acts_in_call(clause) or _has(clause, "process") or _has(clause, "contact")


def _customer_owner(context: CallContext, clause: Clause, earlier: tuple[Clause, ...]) -> Owner | None:
    """"사진 올릴게요", "오늘 저녁에 해 볼게요" after "사진 찍어서 올리면 되는 거네요", "그건
    제가 바꿀게요" after "새 카드로 바꿔 주셔야 됩니다"; waiting ("연락 기다릴게요") and
    demanding ("연락 줘야 될 거 아니여") are no acts of theirs."""
    future = any(
        (m.tag.startswith("EF") and m.form in _PROMISE_ENDINGS)
        or (m.form == "겠" and not (i and _guess(clause.morphs[i - 1])))
        or (m.tag == "ETM" and m.form in ("ᆯ", "을") and i + 1 < len(clause.morphs)
            and clause.morphs[i + 1].form in _FUTURE_NOUNS)
        for i, m in enumerate(clause.morphs)
    )
    if not future or _is_past(clause) or _WAIT in clause.lemmas or _demands(clause):
        return None
    if _guessed(clause) or clause.lemmas & _NEGATIONS:
        return None  # "아무래도 못 갈 것 같아요": what they expect or will not do, no step
    if _honorific_subject(clause):
        return None  # "반차 쓴 건 어떻게 하실 거예요": the customer asks what the company will do
    acts = _asks_act(clause) or _has(clause, "contact") or _has(clause, "go")
    does_it = any(m.lemma == "하다" for m in clause.morphs) and any(
        _asks_act(c) for c in earlier
    )
    return Owner.CUSTOMER if acts or does_it or _takes_on_request(context, clause) else None


def _demands(clause: Clause) -> bool:
    """주다 as the main verb with 어야: what the other side must give ("연락 줘야 될 거 아니여")."""
    return _obliged(clause) and any(m.lemma == "주다" and m.tag.startswith("VV") for m in clause.morphs)


def _verbs(clause: Clause) -> frozenset[str]:
    """The clause's action verbs: native stems and the verbal nouns before 하다 ("변경해")."""
    morphs = clause.morphs
    found = {m.lemma for m in morphs if m.tag.startswith("VV") and m.lemma not in ("하다", "되다")}
    found |= {
        m.lemma for i, m in enumerate(morphs[:-1])
        if m.tag.startswith("NNG") and morphs[i + 1].tag.startswith("XSV")
    }
    return frozenset(found)


def _takes_on_request(context: CallContext, clause: Clause) -> bool:
    """The customer promises the very act the agent just asked of them: "자동이체는 새 카드로
    바꿔 주셔야 됩니다" → "그건 제가 바꿀게요"."""
    asked = context.previous(clause.turn, Role.AGENT)
    if asked is None:
        return False
    requested = {v for c in _split_conditions(asked) if _polite_request(c) for v in _verbs(c)}
    return bool(_verbs(clause) & requested)


def _acts_in_call(clause: Clause) -> bool:
    """The clause's verb is one done on the phone: 접수하다, 올리다, 등록하다 ("민원 접수 번호"
    as a noun does not count), and looking or trying with 보다, main verb or auxiliary ("이력
    좀 볼게요", "한번 눌러 볼게요", "성함 여쭤볼게요")."""
    morphs = clause.morphs
    in_call = _cues()["in_call"]
    for index, morph in enumerate(morphs):
        if morph.lemma not in in_call:
            continue
        if morph.tag.startswith(("VV", "VX")):
            return True
        following = morphs[index + 1 : index + 3]
        if following and following[0].tag.startswith("XSV") and _adnominal(morphs, index + 1):
            continue  # "등록된 휴대폰으로 보내 드리겠습니다": the noun only describes
        if following and (following[0].tag.startswith("XSV") or (
            following[0].tag.startswith("JKO") and len(following) > 1 and following[1].lemma == "하다"
        )):
            return True
    return False


def _only_explains(context: CallContext, clause: Clause) -> bool:
    """"보험금 청구 안내해 드릴게요": explaining during the call; a later contact names a
    channel (문자, 전화, 메일), a date or a result."""
    said = clause.lemmas & _cues()["contact"]
    return said <= {"안내"} and not _dated(context, clause) and not _has(clause, "result")


def _obliged(clause: Clause) -> bool:
    """"판매자는 … 자료를 내야 하고요": another party must do it; "기사님이 직접 보셔야 될 것
    같습니다" only judges what the case needs."""
    must = any(m.form in ("어야", "아야", "야") and m.tag.startswith("EC") for m in clause.morphs)
    return must and not _guessed(clause)


def _guessed(clause: Clause) -> bool:
    """ᆯ 것 같다: the speaker's estimate ("필요할 것 같아서", "보셔야 될 것 같습니다")."""
    morphs = clause.morphs
    return any(
        m.tag == "ETM" and i + 2 < len(morphs) and morphs[i + 1].form in _FUTURE_NOUNS
        and morphs[i + 2].lemma == "같다"
        for i, m in enumerate(morphs)
    )


def _gives_reason(clause: Clause) -> bool:
    """"…해야 돼서": an obligation said as the reason for what follows."""
    endings = [m for m in clause.morphs if m.tag.startswith("EC")]
    return _obliged(clause) and bool(endings) and endings[-1].form in ("어서", "아서", "서")


def _said_by_self(clause: Clause, earlier: tuple[Clause, ...]) -> bool:
    """제가 in the clause or in the clauses joined to it: "제가 택배사에 다시 확인해서 | 내일
    오후에 전화로 알려 드리고요" has one subject for both verbs."""
    joined: list[Clause] = []
    for piece in reversed(earlier):
        if not _joins_next(piece):
            break  # a sentence end, a condition ("제가 신청해 두면") or a step of its own
        joined.append(piece)
    return _has(clause, "self") or any(_has(c, "self") for c in joined)


def _contact_owner(clause: Clause, named: bool, by_self: bool) -> Owner:
    """The agent's own will (연락드리겠습니다) or 제가 is the agent's; a report of how it goes
    (결과는 문자로 안내드립니다, 전화 가실 거예요) or a named team is the company's."""
    if named or _honorific_subject(clause):
        return Owner.COMPANY
    if _volitional(clause) or by_self:
        return Owner.AGENT
    return Owner.COMPANY


def _dated(context: CallContext, clause: Clause) -> bool:
    text = clause.turn.plain[clause.start : clause.end]
    return any(m.date > context.call_date for m in _step_dates(text, context.call_date))


def _booked_visit(context: CallContext, clause: Clause) -> bool:
    """"내일 오후 두 시 방문으로 접수됐습니다": an appointment on a later day; "10월 27일 오후
    두 시 반으로 접수됐고" books the visit the turns just before talked about."""
    if not context.call_date_known or _polite_request(clause) or _negated(clause):
        return False  # "토요일은 방문을 안 하고": no visit that day
    books_visit = _books(clause) and _visit_talked_about(context, clause.turn)
    if not _has(clause, "visit") and not books_visit:
        return False
    return _dated(context, clause)


# "접수번호는 … 이고요": the number of a request, not a booking said.
_RECORD_NOUNS = frozenset(["번호", "증", "내역", "내용"])


def _books(clause: Clause) -> bool:
    """"…으로 접수됐습니다", and the agent booking it while on the phone ("다음 주 화요일 오후
    한 시에서 세 시로 잡아 드릴게요")."""
    morphs = clause.morphs

    def record_after(i: int) -> bool:
        following = morphs[i + 1] if i + 1 < len(morphs) else None
        return (
            following is not None
            and following.tag.startswith("NNG")
            and following.lemma in _RECORD_NOUNS
        )

    def said_as_done(i: int) -> bool:
        """The booking is the clause's act ("접수됐고", "잡아 드릴게요"); "예약이 다 찼어요" says
        the slots are gone."""
        following = morphs[i + 1] if i + 1 < len(morphs) else None
        return morphs[i].tag.startswith("VV") or (following is not None and following.tag.startswith("XSV"))

    books = any(
        m.lemma in _cues()["booking"] and not record_after(i) and said_as_done(i) for i, m in enumerate(morphs)
    )
    return books and (_is_past(clause) or _volitional(clause))


def _visit_talked_about(context: CallContext, turn: Turn) -> bool:
    recent = context.turns[max(0, turn.index - LOOK_BACK_TURNS) : turn.index + 1]
    return any(_has(c, "visit") for t in recent for c in clauses(t))


def _day_before_visit(
    context: CallContext, clause: Clause, promises: list[Promise]
) -> dt.date | None:
    """"방문 전날 기사님이 전화 드릴 거예요": the day before the booked visit."""
    if not _DAY_BEFORE.search(clause.text):
        return None
    visits = [p.due for p in promises if p.kind == "visit" and p.due is not None]
    return visits[-1] - dt.timedelta(days=1) if visits else None


def _day_of_visit(
    context: CallContext, clause: Clause, earlier: tuple[Clause, ...], promises: list[Promise]
) -> dt.date | None:
    """"기사님이 출발하시기 30 분 전에 전화드릴 겁니다", "기사님 출발하면 | 연락처를 문자로
    보내 드릴게요": a call on the way is due the day of the visit or delivery it announces: the
    booked visit's, else the last later day said in the turns just before (where the visit was
    set: "다음 주 월요일 오전입니다 26일이요")."""
    if not context.call_date_known or not _has(clause, "contact"):
        return None
    conditions = [c for c in earlier[-1:] if is_condition(c)]
    if not any(_ON_THE_WAY.search(c.text) for c in (clause, *conditions)):
        return None
    visits = [p.due for p in promises if p.kind == "visit" and p.due is not None]
    if visits:
        return visits[-1]
    turn = clause.turn
    recent = context.turns[max(0, turn.index - 2 * LOOK_BACK_TURNS) : turn.index]
    pieces = [(t.index, c.text) for t in recent for c in clauses(t)] + [(turn.index, turn.plain[: clause.start])]
    said = [
        (index, bool(_TIME_SLOT.search(text)), m.date) for index, text in pieces
        for m in _step_dates(text, context.call_date) if m.date > context.call_date
    ]
    # The slot offered ("다음 주 월요일 오후 한 시에서 세 시 사이세요") over a day only
    # mentioned after it ("토요일도 괜찮아요"); a day without a slot only from the last turns.
    slots = [day for _, slot, day in said if slot]
    days = slots or [day for index, _, day in said if turn.index - index <= LOOK_BACK_TURNS]
    return days[-1] if days else None


def _before_event(context: CallContext, clause: Clause) -> dt.date | None:
    """"삭제 일주일 전에 알림 메일 드릴게요", "만기 사흘 전에 문자 드려요": counted back from the
    day the same event was given earlier in the call ("12월 2일이 지나면 전부 삭제됩니다")."""
    said = _BEFORE_EVENT.search(clause.turn.plain[clause.start : clause.end])
    if said is None or not context.call_date_known:
        return None
    days = _days_back(said)
    event = said["event"]
    recent = context.turns[max(0, clause.turn.index - 2 * LOOK_BACK_TURNS) : clause.turn.index + 1]
    pieces = [t.plain[c.start : c.end] for t in recent for c in clauses(t) if event in c.lemmas]
    dates = [
        m.date for piece in pieces for m in _step_dates(piece, context.call_date)
        if m.date > context.call_date
    ]
    if not dates or days is None:
        return None
    due = dates[-1] - dt.timedelta(days=days)
    return due if due >= context.call_date else None


def _days_back(said: re.Match[str]) -> int | None:
    if said["native"]:
        return _NATIVE_DAYS_BACK[said["native"]]
    count = said["count"]
    if not count.isdigit():
        return None
    return int(count) * (7 if said["unit"].startswith("주") else 1)


def _sent_later(context: CallContext, turn: Turn) -> bool:
    """The agent says later in the call that it was sent ("링크 발송했습니다")."""
    for later in context.agent_turns:
        if later.index <= turn.index:
            continue
        for clause in clauses(later):
            if _has(clause, "done_now") and _is_past(clause):
                return True
    return False


def _only_do(tail: tuple[Morph, ...]) -> bool:
    """ "주시면 됩니다": nothing after the condition but 되다."""
    words = [m for m in tail if not m.tag.startswith(("E", "J", "S"))]
    return bool(words) and all(m.lemma in ("되다", "되") for m in words)


def _split_conditions(turn: Turn) -> list[Clause]:
    """The turn's clauses, also split after a condition ("서류 올려 주시면 | 이틀 안에 확인하고")."""
    pieces: list[Clause] = []
    for clause in clauses(turn):
        start = 0
        morphs = clause.morphs
        for index, morph in enumerate(morphs[:-1]):
            condition = morph.tag.startswith("EC") and morph.form in ("면", "으면")
            # The tail matters only after a condition; reading it at every morpheme is quadratic.
            if condition and index + 1 - start > 1 and not _only_do(morphs[index + 1 :]):
                part = morphs[start : index + 1]
                pieces.append(Clause(turn, part[0].start, part[-1].end, part))
                start = index + 1
        part = morphs[start:]
        if part:
            pieces.append(Clause(turn, part[0].start, part[-1].end, part))
    return pieces


_LAST: list[tuple[CallContext, list[Promise]]] = []


def _promises(context: CallContext) -> list[Promise]:
    """The call's promises, read once per call: the resolution and the follow-ups both ask."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is context:
        return list(last[1])
    found = _read_promises(context)
    _LAST[:] = [(context, found)]
    return list(found)


def _read_promises(context: CallContext) -> list[Promise]:
    found: list[Promise] = []
    for turn in context.turns[1:]:
        pieces = _split_conditions(turn)
        for index, clause in enumerate(pieces):
            earlier = tuple(pieces[:index])
            owner = _owner(context, clause, earlier)
            if owner is None or _fulfilled(context, clause, owner):
                continue
            if owner is Owner.CUSTOMER and turn.role is Role.AGENT and _explains_an_option(pieces, index):
                continue
            words = _step_words(context, clause, earlier, owner)
            if not words:
                continue
            owner, due = _owner_and_due(context, clause, earlier, owner, found)
            conditions = [c for c in earlier[-2:] if is_condition(c) and not is_question(c)]
            if _course(clause, owner) and any(_has(c, "self") for c in conditions):
                continue  # "제가 사전 신청 해 두면 창구에서 더 빨리 처리돼요": what the agent's act buys
            # Once the customer sends what was asked, the agent's step is expected, not only-if.
            after_customer = owner is Owner.AGENT and _after_customer_sends(earlier)
            only_if = bool(conditions) and owner is not Owner.CUSTOMER and not after_customer
            # "또 안 되시면 … 보내 주시면 돼요": a fallback, for whoever would do it.
            fallback = any(_negative_condition(c) for c in earlier)
            found.append(
                Promise(
                    owner, due, " ".join(words), turn, _waits_for_event(clause, earlier),
                    "visit" if _booked_visit(context, clause) else _kind(clause),
                    only_if or fallback,
                    _course(clause, owner),
                    after_customer,
                    clause,
                    earlier,
                )
            )
    return _dated_by_the_customer(found)


def _explains_an_option(pieces: list[Clause], index: int) -> bool:
    """"기본 데이터 다 쓰시면 | 삼 메가 속도로 계속 쓰실 수 있습니다": a condition followed by
    what the customer can then do explains the terms; it asks nothing of them."""
    clause = pieces[index]
    if not is_condition(clause) or index + 1 >= len(pieces):
        return False
    if any(m.lemma in ("주다", "두다") and m.tag.startswith("VX") for m in clause.morphs):
        return False  # "영수증 올려 주시면 | 환급받으실 수 있어요" asks for it all the same
    after = pieces[index + 1].morphs
    return any(
        m.tag == "NNB" and m.form == "수" and i and after[i - 1].tag == "ETM"
        and any(n.lemma == "있다" for n in after[i + 1 : i + 3])
        for i, m in enumerate(after)
    )


def _dated_by_the_customer(found: list[Promise]) -> list[Promise]:
    """The agent's step that waits for the customer's is due the day the customer says they
    will send it ("지금 바로 올릴게요")."""
    dated: list[Promise] = []
    for promise in found:
        if promise.after_customer and promise.due is None:
            theirs = [
                p.due for p in found
                if p.owner is Owner.CUSTOMER and p.due is not None
                and 0 <= p.turn.index - promise.turn.index <= LOOK_BACK_TURNS
            ]
            promise = replace(promise, due=theirs[0]) if theirs else promise
        dated.append(promise)
    return dated


def _course(clause: Clause, owner: Owner) -> bool:
    """A company step nobody wills or decides: no 겠 / ᆯ게요 / ᆯ 거, no named team, no result
    to wait for, no money coming back, nothing sent again and no visit."""
    if owner is not Owner.COMPANY or _volitional(clause) or _future_noun(clause):
        return False
    groups = ("result", "money", "visit", "redo")
    return not any(_has(clause, group) for group in groups) and not _named_actor(clause)


def _future_noun(clause: Clause) -> bool:
    """"방문하실 거고요", "도착할 예정입니다": said as what will happen, not how things go."""
    morphs = clause.morphs
    return any(
        (m.tag == "ETM" and i + 1 < len(morphs) and morphs[i + 1].form in _FUTURE_NOUNS)
        or m.lemma == "예정"
        for i, m in enumerate(morphs)
    )


def _step_words(
    context: CallContext, clause: Clause, earlier: tuple[Clause, ...], owner: Owner
) -> list[str]:
    words = _action_words(clause) or (_action_words(earlier[-1]) if earlier else [])
    if words or owner is not Owner.CUSTOMER:
        return words
    # "오늘 오후에 병원 다시 가서 | 떼서 | 올릴게요": the sentence's earlier clauses name it.
    words = [w for c in _same_sentence(earlier) for w in _action_words(c)]
    if words:
        return words
    if _has(clause, "go"):
        return [_GOING_IN_PERSON]  # "그럼 금요일에 들를게요": going there is the step
    asked = context.previous(clause.turn, Role.AGENT)  # "네 화요일까지 올릴게요"
    said = clauses(asked) if asked else []
    asked_for = [c for c in said if _asks_act(c) or _polite_request(c)]
    return _action_words(asked_for[-1]) if asked_for else []


def _written(context: CallContext, promise: Promise) -> str:
    if promise.clause is None:
        return promise.action  # a step composed from the topic ("해지 여부 결정 후 연락")
    return _phrase(context, promise.clause, promise.earlier, promise.owner) or promise.action


def _phrase(
    context: CallContext, clause: Clause, earlier: tuple[Clause, ...], owner: Owner
) -> str | None:
    """The step in the note's words, from the clause and the clauses joined to it; a customer's
    bare "네 화요일까지 올릴게요" is the act the agent asked for, in the agent's words."""
    telling = owner is not Owner.CUSTOMER
    said = step_phrase(clause, _same_sentence(earlier), telling=telling)
    if telling or (clause_phrase(clause, telling=False) or "").count(" ") > 0:
        return said
    asked = context.previous(clause.turn, Role.AGENT)
    pieces = _split_conditions(asked) if asked else []
    asked_for = [i for i, c in enumerate(pieces) if _asks_act(c) or _polite_request(c)]
    if not asked_for:
        return said
    index = asked_for[-1]
    return step_phrase(pieces[index], _same_sentence(tuple(pieces[:index])), telling=False) or said


def _owner_and_due(
    context: CallContext,
    clause: Clause,
    earlier: tuple[Clause, ...],
    owner: Owner,
    found: list[Promise],
) -> tuple[Owner, dt.date | None]:
    due = _due(context, clause, earlier)
    reminder = None if due else _day_before_visit(context, clause, found)
    reminder = reminder or (None if due else _before_event(context, clause))
    if reminder is not None:
        return Owner.COMPANY, reminder  # "방문 전날 문자 드릴게요": the visit's routine reminder
    on_the_way = None if due else _day_of_visit(context, clause, earlier, found)
    if on_the_way is not None:
        return owner, on_the_way
    today = context.call_date if context.call_date_known else None
    sends = owner is Owner.AGENT and bool(clause.lemmas & _cues()["done_now"])
    awaited = any(is_condition(c) and not is_question(c) and not _negative_condition(c) for c in earlier)
    if due is None and sends and not awaited:
        return owner, today  # sent after the call, today; "출고되면 … 보내 드릴게요" waits
    if due is None and owner is Owner.CUSTOMER and clause.lemmas & _NOW:
        return owner, today  # "지금 바로 올릴게요": once the call ends
    return owner, due


def _action_words(clause: Clause) -> list[str]:
    return [w for w in nouns(clause, limit=5) if not DATE_WORD.match(w)]


def customer_sent_in_call(context: CallContext, turn: Turn) -> bool:
    """The customer reports the send done while still on the phone ("지금 보낼게요 어
    보냈어요", or "보내 주시겠어요 지금 이 번호로요" → "네 보냈어요"): no step after the call."""
    reply = turn if turn.role is Role.CUSTOMER else context.following(turn, Role.CUSTOMER)
    if reply is None or reply.index - turn.index > 1:
        return False
    return any(
        _has(c, "done_now") and _is_past(c) and not _negated(c) and not is_question(c)
        for c in clauses(reply)
        if reply is not turn or c.start > 0
    )


def agent_sent_in_call(context: CallContext, clause: Clause) -> bool:
    """The agent's send in ``clause`` happens in the call: said as now ("지금 링크 보내 드릴게요")
    or reported sent later on ("문자 보내 드렸고요")."""
    if not clause.lemmas & _cues()["done_now"]:
        return False
    return bool(clause.lemmas & _NOW) or _sent_later(context, clause.turn)


def _fulfilled(context: CallContext, clause: Clause, owner: Owner) -> bool:
    if owner is Owner.CUSTOMER:
        # "사진 찍어 두신 게 있으면 | 문자로 보내 주시겠어요": every piece of the asked send.
        sends = bool(clause.turn.lemmas & _cues()["done_now"])
        return sends and customer_sent_in_call(context, clause.turn)
    if owner is not Owner.AGENT:
        return False
    return agent_sent_in_call(context, clause)


def _merged(promises: list[Promise]) -> list[Promise]:
    """One follow-up per step. The same owner and date is one step said twice; an undated
    step is the dated one of the same owner and kind said nearby (the booking, then its
    date; the request, then the customer's "오늘 올릴게요"); an undated contact that waits
    for the company's step is part of that step."""
    kept: list[Promise] = []
    promises = [
        p for i, p in enumerate(promises) if not any(_moved(p, q) for q in promises[i + 1 :])
    ]
    promises = _by_the_deadline(promises)
    for promise in promises:
        if any(p.owner == promise.owner and p.due == promise.due for p in kept):
            continue
        review = _review_it_reports(promise, kept)
        if review is not None:
            kept[kept.index(review)] = replace(
                review, due=promise.due or review.due, clause=promise.clause, earlier=promise.earlier
            )
            continue
        repeated_contact = promise.kind == "contact" and promise.due is not None and any(
            p.kind == "contact" and p.due == promise.due for p in kept
        )
        if repeated_contact:
            continue  # "24일까지 연락드리겠습니다" repeats the team's call with the result
        # Not into a step that happens only if ("결과 나오면 … 반영돼요"): that one may not come.
        if promise.due is None and any(
            _same_step(p, promise) for p in promises if p.due is not None and not p.contingent
        ):
            continue
        if promise.owner is Owner.CUSTOMER and promise.pays and any(
            p.kind == "visit" and promise.due in (None, p.due)
            and abs(p.turn.index - promise.turn.index) <= LOOK_BACK_TURNS
            for p in promises
        ):
            continue  # paid to the technician on the visit ("그때 기사님께 카드로 내시면 됩니다")
        part_of_company_step = (
            promise.owner is Owner.AGENT
            and promise.due is None
            and promise.follows_event
            and any(
                p.owner is Owner.COMPANY and promise.turn.index - p.turn.index <= LOOK_BACK_TURNS
                for p in kept
            )
        )
        if not part_of_company_step:
            kept.append(promise)
    return kept


def _review_it_reports(promise: Promise, kept: list[Promise]) -> Promise | None:
    """"심사는 1월 4일부터 들어가고 | … 1월 8일까지는 결과를 문자로 드리겠습니다": the result of
    the company's review, said in the same turn, ends that step; it is due when the result is."""
    if promise.kind != "contact" or promise.clause is None or not _has(promise.clause, "result"):
        return None
    same_turn = [
        p for p in kept
        if p.owner is Owner.COMPANY and p.kind == "process" and p.turn.index == promise.turn.index
        and p.clause is not None and _has(p.clause, "result")
    ]
    return same_turn[-1] if same_turn else None


def _moved(earlier: Promise, later: Promise) -> bool:
    """"내일 갈게요" → "내일은 쉬어요" → "그럼 월요일 가야겠네": the same step put on another day."""
    # Later only: "방문 전날 문자" is the visit's reminder, not the visit moved.
    if earlier.due is None or later.due is None or later.due <= earlier.due:
        return False
    shared = set(earlier.action.split()) & set(later.action.split()) - _cues()["contact"]
    # Said again in a later turn, after the other side answered; one turn naming two days
    # ("전자 증권은 오늘, 종이 증권은 내일") names two steps.
    near = 0 < later.turn.index - earlier.turn.index <= LOOK_BACK_TURNS
    return near and bool(shared) and earlier.owner == later.owner and earlier.kind == later.kind


# "11월 6일까지 … 올려 주시면" → "오늘 저녁에 올릴게요": the deadline the agent set.
_DEADLINE = "까지"
NEXT_TURNS = 2


def _by_the_deadline(promises: list[Promise]) -> list[Promise]:
    """The customer's own day for a step the agent set a deadline for becomes that deadline;
    the request itself is then the same step (the customer's words say what they will do)."""
    met: set[int] = set()
    dated: list[Promise] = []
    for promise in promises:
        asked = [i for i, q in enumerate(promises) if _within_deadline(promise, q)]
        if asked:
            met.update(asked)
            promise = replace(promise, due=promises[asked[-1]].due)
        dated.append(promise)
    return [p for i, p in enumerate(dated) if i not in met]


def _within_deadline(own: Promise, asked: Promise) -> bool:
    """The customer's "오늘 저녁에 올릴게요" answering (or answered by) the agent's "이번 주
    금요일까지 … 올려 주시면": one step, due by the deadline asked; the day the customer means
    to do it on or before it is how they will meet it."""
    if own.owner is not Owner.CUSTOMER or asked.owner is not Owner.CUSTOMER:
        return False
    if own.turn.role is not Role.CUSTOMER or asked.turn.role is not Role.AGENT:
        return False
    # The same day is one step said twice already (kept as first said, see _merged).
    if own.due is None or asked.due is None or own.due >= asked.due or asked.clause is None:
        return False
    if _DEADLINE not in asked.clause.text or abs(own.turn.index - asked.turn.index) > NEXT_TURNS:
        return False
    # The same act ("올려 주시면" / "올릴게요"), or said in the very next turn.
    same_act = own.clause is not None and bool(_verbs(own.clause) & _verbs(asked.clause))
    return same_act or abs(own.turn.index - asked.turn.index) == 1


def _same_step(dated: Promise, undated: Promise) -> bool:
    """A contact about a step ("입금되면 문자로 알려 드립니다") belongs to any nearby step."""
    near = abs(dated.turn.index - undated.turn.index) <= LOOK_BACK_TURNS
    # "사진 보내 주시면" early on, "지금 바로 올릴게요" later: the same thing, same words.
    shared = set(dated.action.split()) & set(undated.action.split()) - _cues()["contact"]
    # "이메일로 보낼게요" early on, "오늘 저녁에 사진 정리해서 보낼게요" later: the customer's
    # one send, said twice.
    same_send = dated.kind == undated.kind == "customer" and _same_verb(dated, undated)
    near = near or bool(shared) or same_send
    # "최대한 회수되도록 영업소에 요청하겠습니다" after "영업소로 전달해서 … 다시 배송해 드리도록
    # 요청 넣겠습니다": the same request said again, whatever word it is said with.
    kinds = dated.kind == undated.kind or undated.kind == "contact" or bool(shared & _HANDED_ON)
    return near and dated.owner == undated.owner and kinds


def _same_verb(one: Promise, other: Promise) -> bool:
    if one.clause is None or other.clause is None:
        return False
    return bool(_verbs(one.clause) & _verbs(other.clause))


def committed_steps(context: CallContext) -> list[Promise]:
    """Steps after the call that the outcome waits for (a visit, a callback, a refund in
    progress, the customer's documents); what happens only if something goes wrong is not one."""
    return [p for p in _merged(_promises(context)) if not p.contingent]


def _decision_step(context: CallContext, promises: list[Promise], topic: str) -> list[Promise]:
    """The one next step of an undecided call: the customer's coming back with a decision,
    only when they say they will ("다시 전화드릴게요", "확인하고 연락할게요"); "생각해 볼게요"
    or "안 되면 다시 전화할게요" leaves nothing the case waits for."""
    comes_back = _comes_back(context) or _asked_back_by_a_day(context)
    if comes_back is None:
        # "일단 생각해 보고 신청할게요": the customer takes the step themselves once decided.
        own = [p for p in promises if p.owner is Owner.CUSTOMER]
        if own and _takes_the_step(context):
            return own[-1:]
        # "애한테 물어보고 결정할게요" after "오후 2시 전까지 앱에서 주문 취소 누르시거나 …
        # 전화 주시면 되고요": the decision is due by the deadline the agent gave for the act.
        deciding = _deciding_turns(context, LAST_CUSTOMER_TURNS + 1)
        due = _deadline_near(context, deciding[-1]) if deciding and topic else None
        return [Promise(Owner.CUSTOMER, due, f"{topic} 여부 결정 후 연락", deciding[-1])] if due else []
    if comes_back.role is Role.AGENT and topic:
        # Due back by the day the agent named ("십일월 오 일까지 … 전화 주시면").
        due = _latest_date(context, comes_back)
        return [Promise(Owner.CUSTOMER, due, f"{topic} 여부 결정 후 연락", comes_back)]
    own = [p for p in promises if p.owner is Owner.CUSTOMER]
    if own:
        return [_due_back(context, own[-1], comes_back)]
    if not topic:
        return []
    last = (c for t in context.turns[-4:] for c in clauses(t))
    due = next((d for c in last if (d := _due(context, c, ()))), None)
    return [Promise(Owner.CUSTOMER, due, f"{topic} 여부 결정 후 연락", comes_back)]


def _due_back(context: CallContext, promise: Promise, comes_back: Turn | None = None) -> Promise:
    """"생각해 보고 전화드릴게요" after "늦어도 다음 주 금요일까지는 연락을 주셔야": due by the
    day the agent asked them to come back by; else the day the customer names for coming back
    ("월요일에 병원 갔다 와서 저녁에 전화드릴게요"), else the deadline the agent gives for the
    choice just before or after it ("다음 주 화요일 이십칠 일까지는 연락 주셔야 됩니다", "할인은
    이번 달 말 삼십일 일까지 … 적용됩니다")."""
    if promise.due is not None:
        return promise
    recent = context.turns[max(0, promise.turn.index - LOOK_BACK_TURNS) : promise.turn.index]
    asked = [t for t in recent if t.role is Role.AGENT and _contact_asked_by_a_day(context, t)]
    if asked:
        return replace(promise, due=_latest_date(context, asked[-1]))
    if comes_back is None or comes_back.role is not Role.CUSTOMER:
        return promise
    due = _day_named_for_coming_back(context, comes_back) or _deadline_near(context, comes_back)
    return replace(promise, due=due) if due else promise


def _day_named_for_coming_back(context: CallContext, turn: Turn) -> dt.date | None:
    """The day said in the customer's own sentence that promises to come back."""
    for sentence in sentences(turn):
        pieces = [c for c in _split_conditions(turn) if sentence.start <= c.start < sentence.end]
        if any(_promises_to_come_back(c) for c in pieces):
            said = _step_dates(turn.plain[sentence.start : sentence.end], context.call_date)
            upcoming = [m.date for m in said if m.date >= context.call_date]
            return upcoming[-1] if upcoming else None
    return None


def _deadline_near(context: CallContext, turn: Turn) -> dt.date | None:
    """The agent's deadline for the choice ("…까지", "… 전에만") in the turns around the
    customer's promise to come back, the nearest turn first (after it before before it)."""
    window = range(max(1, turn.index - 2 * LOOK_BACK_TURNS), min(len(context.turns), turn.index + NEXT_TURNS + 1))
    nearest = sorted(window, key=lambda i: (abs(i - turn.index), i < turn.index))
    for index in nearest:
        candidate = context.turns[index]
        if candidate.role is not Role.AGENT:
            continue
        dates = [
            day for c in _split_conditions(candidate) if _customer_acts(c)
            for day in _deadlines(context, c, today=True)
        ]
        if dates:
            return dates[-1]
    return None


def _deadlines(context: CallContext, clause: Clause, *, today: bool = False) -> list[dt.date]:
    """The days ``clause`` names as the last for something (see _DEADLINE_WORDS) after the
    call's day, or from it on when ``today`` (a choice due by 오후 2시 today)."""
    return [
        m.date for m in _step_dates(clause.text, context.call_date)
        if (m.date >= context.call_date if today else m.date > context.call_date)
        and _DEADLINE_WORDS.match(clause.text, m.end)
    ]


def _customer_acts(clause: Clause) -> bool:
    """시 on the verb: the customer does it ("연락 주셔야", "등록하시는 분께", "신청하셔야");
    "1월 13일까지 방문 일정 잡혀요", "안내문으로 보내 드립니다" are the company's dates."""
    return any(m.tag == "EP" and m.form == "시" for m in clause.morphs)


# "이십칠 일까지는 연락 주셔야", "삼월 삼십일 일 전에", "8월 22일 오후 2시 전까지": the last day
# a choice can be made; the word right after the day, or after its hour ("토요일은 오후 세 시까지"
# gives opening hours, no deadline).
_DEADLINE_WORDS = re.compile(r"\s?(?:(?:오전|오후)\s?\d+\s?시\s?(?:\d+\s?분\s?|반\s?)?)?(?:까지|전에|전까지)")


def _honours_giving(clause: Clause) -> bool:
    """"연락 주세요", "전화 주시고": 주다 honouring its subject, the customer, asks them to give it."""
    morphs = clause.morphs
    return any(
        m.lemma in ("주다", "주") and i + 1 < len(morphs) and morphs[i + 1].form.startswith(("세", "시", "셔"))
        for i, m in enumerate(morphs)
    )


def _takes_the_step(context: CallContext) -> bool:
    """The customer's last turns promise a step of their own ("생각해 보고 신청할게요"), not
    only to think it over."""
    last = {t.index for t in context.customer_turns[-LAST_CUSTOMER_TURNS:]}
    return any(
        p.owner is Owner.CUSTOMER and p.turn.role is Role.CUSTOMER and p.turn.index in last
        and not p.contingent
        for p in _promises(context)
    )


LAST_CUSTOMER_TURNS = 3


def _asked_back_by_a_day(context: CallContext) -> Turn | None:
    """"가족들이랑 얘기해 보고 결정할게요" answered by "십일월 오 일까지 결정하셔서 전화 주시면
    …": the customer's decision is due back by a day; without a day ("다시 전화 주셔도 됩니다")
    or without the customer's own 결정할게요 it is only an offer."""
    for turn in _deciding_turns(context):
        for answer in context.turns[turn.index + 1 : turn.index + 3]:
            if answer.role is Role.AGENT and _contact_asked_by_a_day(context, answer):
                return answer
    return None


def _deciding_turns(context: CallContext, last: int = 3) -> list[Turn]:
    """The customer's last turns that say they will decide ("애한테 물어보고 결정할게요")."""
    return [
        turn for turn in context.customer_turns[-last:]
        if any(_has(c, "decide") and _volitional(c) and not is_question(c) for c in clauses(turn))
    ]


def _latest_date(context: CallContext, turn: Turn) -> dt.date | None:
    said = [m.date for m in _step_dates(turn.plain, context.call_date)]
    said = [d for d in said if d > context.call_date]
    return said[-1] if said else None


def _contact_asked_by_a_day(context: CallContext, turn: Turn) -> bool:
    """"…까지 전화 주시면", "…까지는 연락을 주셔야", "그 안에 전화 주세요"."""
    asks = any(
        (_has(c, "contact") or _gives_word(c)) and (is_condition(c) or _obliged(c) or _honours_giving(c))
        for c in _split_conditions(turn)
    )
    return asks and _latest_date(context, turn) is not None


def _gives_word(clause: Clause) -> bool:
    """"십일월 십 일까지 말씀 주셔야": the customer giving their answer is a contact too."""
    morphs = clause.morphs
    return any(
        m.lemma == "말씀" and index + 1 < len(morphs) and morphs[index + 1].lemma in ("주다", "주")
        for index, m in enumerate(morphs)
    )


def _promises_to_come_back(clause: Clause) -> bool:
    again = _has(clause, "contact") or "다시" in clause.lemmas
    return again and _volitional(clause) and not is_question(clause) and not _would_do(clause)


def _would_do(clause: Clause) -> bool:
    """"취소하고 다시 하면 되겠네요": -면 되겠다 weighs a way to do it, no promise to call back."""
    morphs = clause.morphs
    return any(
        m.tag.startswith("EC") and m.form in ("면", "으면") and morphs[index + 1].lemma in ("되다", "되")
        for index, m in enumerate(morphs[:-1])
    )


def _comes_back(context: CallContext) -> Turn | None:
    """The customer's own promise to call again: a contact word or 다시 with ᆯ게요 / 겠, not
    as a fallback ("…안 되면") in the turn."""
    for turn in reversed(context.customer_turns):
        pieces = _split_conditions(turn)
        for index, clause in enumerate(pieces):
            if not _promises_to_come_back(clause):
                continue
            # "결정되면 연락드릴게요" comes back all the same; "안 되면 다시 전화할게요" only if
            # the customer's own try fails.
            if not any(_negative_condition(c) for c in pieces[: index + 1]):
                return turn
    return None


# What a done request still leaves after the call. Closing talk ("변경된 내용은 문자로도 보내
# 드리겠습니다", "확인되셨죠") names no day and no document and so is none of these.
_ARRIVAL = frozenset(["도착", "받다"])
_BUSINESS_DAYS = "영업일"
_DOCUMENTS = ("확인서", "명세서", "계산서", "영수증", "증명서", "확정서")
_ISSUE_VERBS = frozenset(["발송", "발행", "보내다"])
# "부터" (from then on) and "이미" (already under way).
_STANDING = frozenset(["부터", "이미"])
# "…바꿔 주시는 게 좋습니다", "…연락해 보시는 것도 방법입니다": the agent advising an act of the
# customer's own, which the customer's "바꿀게요" then takes on.
_ADVICE = re.compile(r"(?:는|시는)\s?(?:게|것이|것도)\s?(?:좋|방법|나으|낫)")


def _after_a_done_request(context: CallContext) -> list[Promise]:
    """Steps a resolved call still leaves: a delivery counted in business days or announced to
    arrive on a later day ("영업일 기준 삼에서 오 일 … 월요일까지는 받아 보실 거예요"), a document
    sent or issued on a named day ("가입 확인서는 오늘 중에 발송됩니다"), and the customer's own
    "바꿀게요" answering the agent's advice. One step per owner and day."""
    found: list[Promise] = []
    for turn in context.turns[1:]:
        if turn.role is Role.AGENT:
            found += _arrivals(context, turn) + _documents_sent(context, turn) + _postings(context, turn)
            found += _asked_by_a_deadline(context, turn)
        else:
            found += _advice_taken(context, turn)
    kept: list[Promise] = []
    for promise in found:
        if not any(p.owner == promise.owner and p.due == promise.due for p in kept):
            kept.append(promise)
    return kept


def _later_dates(context: CallContext, pieces: tuple[Clause, ...], *, today: bool = False) -> list[dt.date]:
    return [
        m.date for c in pieces for m in _step_dates(c.text, context.call_date)
        if m.date > context.call_date or (today and m.date == context.call_date)
    ]


def _plain_statement(clause: Clause) -> bool:
    return not (is_condition(clause) or is_question(clause) or _is_past(clause))


def _arrivals(context: CallContext, turn: Turn) -> list[Promise]:
    """"삼 영업일 안에 … 목요일까지는 받아 보실 거예요", "월요일에 도착 예정입니다": a wait the
    agent counts in business days, or an arrival announced for a later day; "수요일까지 받으실
    거예요" after an order placed in the call is the routine shipping, no step."""
    counted = _BUSINESS_DAYS in turn.text.replace(" ", "")
    pieces = _split_conditions(turn)
    arrivals: list[Promise] = []
    for index, clause in enumerate(pieces):
        if not (clause.lemmas & _ARRIVAL) or not _plain_statement(clause):
            continue
        announced = "도착" in clause.lemmas and "예정" in clause.lemmas
        dates = _later_dates(context, (clause,))
        if (counted or announced) and dates:
            earlier = tuple(pieces[:index])
            arrivals.append(
                Promise(Owner.COMPANY, dates[-1], " ".join(_action_words(clause)), turn, clause=clause, earlier=earlier)
            )
    return arrivals


def _postings(context: CallContext, turn: Turn) -> list[Promise]:
    """"카드사 반영까지 삼에서 오 영업일 걸려서 늦어도 다음 주 목요일 십 일까지 취소 내역
    확인되실 거예요": money put back in the call still has to reach the customer, by the day the
    agent names; "삼에서 오 영업일 걸립니다" alone names none and leaves no dated step. The wait
    may be said in its own sentence ("삼 영업일 안에 들어가고요 | 늦어도 … 이십삼 일까지는
    입금됩니다") or in the agent's turn just before ("삼에서 오 영업일 정도 걸리시고요" → "늦어도
    다음 주 화요일 이십팔 일까지는 카드사에서 취소 반영될 거예요"), and the money in the turn
    ("부분 취소 넣었고요 | … 십구 일까지는 들어옵니다")."""
    named = _named_dates(context, turn)
    pieces = _split_conditions(turn)
    before = context.previous(turn, Role.AGENT)
    waits = _waits_days(turn) or (before is not None and turn.index - before.index <= 2 and _waits_days(before))
    money = any(_has(c, "money") or _has(c, "takes_effect") for c in pieces)
    if not (waits and money):
        return []
    postings: list[Promise] = []
    for index, clause in enumerate(pieces):
        if not _plain_statement(clause) or _polite_request(clause):
            continue  # "서류는 금요일까지 보내 주세요" asks the customer, posts nothing
        dates = [day for day in _deadlines(context, clause) if day in named]
        if dates:
            earlier = tuple(pieces[:index])
            postings.append(
                Promise(Owner.COMPANY, dates[-1], " ".join(_action_words(clause)), turn, clause=clause, earlier=earlier)
            )
    return postings[-1:]


def _waits_days(turn: Turn) -> bool:
    """"걸려서", "소요됩니다", "삼 영업일 안에" (as said: the date writer turns the count into
    the day it ends on)."""
    return bool(turn.lemmas & _cues()["takes_time"]) or _BUSINESS_DAYS in turn.text.replace(" ", "")


def _documents_sent(context: CallContext, turn: Turn) -> list[Promise]:
    """"첫 이메일 명세서가 3월 20일쯤 발송됩니다" (the company's course), "세금계산서도 오늘 날짜로
    발행해서 | 바뀐 메일로 보내 드릴게요" (the agent's own): a document sent on a named day, the
    call's day included. "다음 달 청구서부터 이 주소로 발송됩니다" is how bills go from then on."""
    pieces = _split_conditions(turn)
    sent: list[Promise] = []
    for index, clause in enumerate(pieces):
        if not (clause.lemmas & _ISSUE_VERBS) or not _plain_statement(clause):
            continue
        if clause.lemmas & _STANDING:
            continue  # "이미 발송 준비가 끝나서", "청구서부터 … 발송됩니다": no step of its own
        if index + 1 < len(pieces) and _joins_next(clause) and pieces[index + 1].lemmas & _ISSUE_VERBS:
            continue  # "발행해서 | 보내 드릴게요": one step, read at its last verb
        sentence = (*_same_sentence(tuple(pieces[:index])), clause)
        if not any(doc in c.text for c in sentence for doc in _DOCUMENTS):
            continue
        dates = _later_dates(context, (clause,), today=True) or _later_dates(context, sentence, today=True)
        if dates:
            owner = Owner.AGENT if _volitional(clause) else Owner.COMPANY
            # The document said in the clause itself is its whole phrase.
            named = any(doc in clause.text for doc in _DOCUMENTS)
            earlier = () if named else tuple(pieces[:index])
            sent.append(Promise(owner, dates[-1], " ".join(_action_words(clause)), turn, clause=clause, earlier=earlier))
    return sent


def _advice_taken(context: CallContext, turn: Turn) -> list[Promise]:
    """"그쪽도 바꿔 주시는 게 좋습니다" or "정기결제는 … 해당 업체에 변경해 주셔야 돼요" → "네
    그건 제가 바로 바꿀게요": the customer's own step, due on a day they name, else by the
    deadline the agent gave for it ("사월 십오 일까지 통신사에 결제 수단을 바꿔 주셔야 해요")."""
    advice = context.previous(turn, Role.AGENT)
    if advice is None or advice.index != turn.index - 1:
        return []
    theirs = [c for c in _split_conditions(advice) if _customer_must(c)]
    if not (_ADVICE.search(advice.plain) or theirs):
        return []
    deadlines = [day for c in theirs for day in _deadlines(context, c)]
    taken: list[Promise] = []
    for clause in _split_conditions(turn):
        promises = any(m.tag.startswith("EF") and m.form in _PROMISE_ENDINGS for m in clause.morphs)
        if promises and _plain_statement(clause):
            dates = _later_dates(context, (clause,)) or deadlines
            taken.append(Promise(Owner.CUSTOMER, dates[-1] if dates else None, clause.text, turn, clause=clause))
    return taken[-1:]


def _asked_by_a_deadline(context: CallContext, turn: Turn) -> list[Promise]:
    """"이십오 일 전까지 잔액만 넣어 두세요", "사월 십오 일까지 … 바꿔 주셔야 해요": what the
    agent leaves to the customer by a later day is theirs to do after the call."""
    asked: list[Promise] = []
    for clause in _split_conditions(turn):
        if is_condition(clause) or not (_imperative(clause) or _customer_must(clause)):
            continue
        dates = _deadlines(context, clause)
        if dates:
            asked.append(Promise(Owner.CUSTOMER, dates[-1], " ".join(_action_words(clause)), turn, clause=clause))
    return asked


def _customer_must(clause: Clause) -> bool:
    """"변경해 주셔야 돼요", "바꿔 주셔야 해요": the agent tells the customer an act is theirs to
    do; "대리인이 가실 때는 … 가져가셔야 되고요" only says what a visit would need."""
    return _obliged(clause) and _polite_request(clause) and not is_question(clause)


def follow_ups(context: CallContext, resolution: str = "", topic: str = "") -> Found[list[FollowUp]]:
    """Next steps promised in the call, each with its owner and the date it is due."""
    if resolution == "resolved":
        # Done in the call: only a step said for after it remains (see _after_a_done_request).
        done = _after_a_done_request(context)
        values = [FollowUp(action=_written(context, p), owner=p.owner, due=p.due) for p in done]
        return Found(values, tuple(p.turn for p in done), 0.5)
    # The customer's fallback ("또 안 되시면 … 보내 주시면 돼요") is no step the case waits for.
    promises = [
        p for p in _merged(_promises(context)) if not (p.owner is Owner.CUSTOMER and p.contingent)
    ]
    if resolution == "unresolved":
        # What the agent sends for the customer to decide on ("예상 보험료 정리해서 오늘 중으로
        # 문자로 보내 드릴게요") is a step too, once a day is said for it.
        sent = [
            p for p in promises
            if p.owner is Owner.AGENT and p.due is not None and not (p.contingent or p.after_customer)
            and p.clause is not None and _has(p.clause, "done_now")
        ]
        promises = sent + _decision_step(context, promises, topic)
    values = [FollowUp(action=_written(context, p), owner=p.owner, due=p.due) for p in promises]
    return Found(values, tuple(p.turn for p in promises), 0.5)
