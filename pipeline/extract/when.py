"""When the problem happened (issue.occurred_on): the day the customer says it began, else the
day of the injury or accident a claim is for, else the latest past date the customer gives for
it (the agent's own restatement of their report and the day the agent pins a vague "지난주" to
count as theirs), else the day the agent's records give. Purchases, applications, bookings,
a contract's start, the days the customer only noticed, checked or called about it, and agents'
schedules do not count; a remedy's day (a technician's visit, a repair, a claim filed, a
discharge) counts only when no other day was told. A problem happening again today ("오늘 또
새기 시작하신 거죠") is today's whatever happened before; a day told only as the background of a
later one ("어제 폰을 바꿨는데 오늘 아침에 … 잠겼어요") is not the problem's; an hour with no
day while the problem is still going on ("아직 안 와요 다섯 시 전에 온다고 했는데") is today.
A call that reports no problem has no such day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from models.transcript import Role
from pipeline.extract.context import CallContext, Clause, Found, Turn, clauses
from pipeline.extract.text import cues, has_cue, is_condition, is_question, sentences
from pipeline.nlp import word_list
from pipeline.normalize.dates import DateMention

_RECURRING = re.compile(r"매달|매월|매년|매주|마다")
# "11월 23일부터요", "삼 주 전쯤부터", "토요일에 업데이트하고 나서부터": when it began.
# "어제 저녁부터": a time of the day may come between. "유심을 바꿨거든요 그 뒤로 문자가 안
# 와요": the event after which it began. "출고됐다고 뜨고 나서 계속 그대로예요": stuck ever since.
_BEGAN = re.compile(
    r"\s*(?:아침|오전|점심|낮|오후|저녁|밤|새벽)?\s*(?:쯤|경|정도)?\s*부터"
    r"|[^.?!]{0,20}?(?:고\s?나서|[한된난]\s?뒤|이후)\s?(?:부터|계속)"
    r"|[^.?!]{0,40}?\s그\s?(?:뒤로|후로|이후로?|때부터|다음부터)"
)
_SINCE = re.compile(r"\s*이후")
# "공팔일사요 팔월 십사 일 할 때 공팔일사": a date said to spell out digits, no event.
_SPELLED_AS = re.compile(r"\s*(?:이라고\s?)?할\s?때")
# "깜빡거린 지는 한 열흘 됐어라", "고장 난 지 일주일이 넘었어요": how long ago it began, with
# any ending (됐어라, 됐심더). The verb before 지 names what began.
_ELAPSED = re.compile(
    r"(?<=[가-힣])\s?지(?:는|가|도)?\s*(?:한|약|벌써|거의|이제|딱)?\s*"
    r"(?P<count>하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|일주일|(?P<days>\d{1,2}|[일이삼사오육칠팔구십]{1,3})\s?일|(?P<weeks>\d)\s?주일?|"
    r"(?P<native_weeks>한|두|세)\s?주일?)"
    r"(?:\s*(?:쯤|정도|가량|째))?\s*(?:이\s*)?(?=됐|되었|돼|되어|넘었|넘어|지났|지나)"
)
_ELAPSED_DAYS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "열흘": 10, "보름": 15, "일주일": 7}
_NATIVE_WEEKS = {"한": 1, "두": 2, "세": 3}
# "그저께부터 그랬어예 처음에는 좀 덜 시원하다 싶었는데 어제부터는 아예 더운 바람이": 부터 with
# the contrastive 는 marks a later stage of a problem that began on an earlier day.
_LATER_STAGE = re.compile(r"는")
# "지난달 이십칠 일에요": a date said as a whole answer.
_BARE_ANSWER = re.compile(r"\s*(?:에|이)?요")
# "지난주 월요일 말고 이번 주 월요일이요": a date said again, corrected.
_CORRECTION = re.compile(r"말고|아니고|아니라")
# A date this far back is a birth date or an account's start, not the problem's day.
_OLDEST_YEARS = 2
# The customer's purchase itself was the mistake ("라이선스를 잘못 사서요"): its date counts.
_MISTAKE = "잘못"
# A month and day said without a year this long before the call, and not told as past, is next
# year's ("일월 구 일 출발" said in December): a trip booked ahead, not an event gone by.
_AHEAD_DAYS = 183
_YEAR_SAID = re.compile(r"년")
# "…안 올라갔다고 남기셨는데": the agent quoting what the customer reported.
_QUOTATIVES = frozenset(["다고", "라고", "ᆫ다고", "는다고", "냐고"])
# "지난주에 기사님 다녀가신 거": a week or month without its day, for the agent to pin.
_VAGUE_PERIOD = re.compile(r"(?<![가-힣])(?:지난|저번)\s?(?P<unit>주|달)(?!\s*[월화수목금토일]요일)")
_PAST_MARKERS = frozenset(["었", "았", "였", "ᆻ"])
_SINCE_THEN = re.compile(r"\s*부터")
# "다섯 시 전에", "5시쯤": an hour of the day (normalised to digits), not a duration (세 시간).
_NOW = re.compile(r"지금|아직")  # the problem still going on as they call
_CLOCK = re.compile(r"(?<![\d,])\d{1,2}\s?시(?![간작])")
_LIGHT_VERB = "하다"
# "차량은 언제 파셨어요", "방문하신 대리점이 어디셨어요": a question word makes it a question
# whatever the ending (어요 also ends a statement).
_QUESTION_WORDS = frozenset(["언제", "어디"])
_WENT = "가다"
_TOPIC_OR_OBJECT = frozenset(["JX", "JKO"])


@dataclass(frozen=True)
class EventDate:
    date: dt.date
    turn: Turn
    fault: bool  # the rest of the turn says something went wrong
    at: int = 0  # where in the turn's text the date is said
    own_fault: bool = False  # its own clause does: "이십삼 일에 반송이 됐습니다"
    trigger: bool = False  # an injury, accident or illness: what a claim is for
    aftermath: bool = False  # the customer noticing, checking or calling about it afterwards
    again: bool = False  # its own clause tells the problem happening once more ("또 새요")
    remedy: bool = False  # a visit, a repair, a claim filed: "기사님이 다녀가셨던", "앱으로 올렸어요"
    preamble: bool = False  # what went wrong is told only after a later day ("어제 폰을 바꿨는데 | 오늘 …")


@cache
def _cues() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for line in word_list("when_cues"):
        group, lemma = line.split()
        groups.setdefault(group, set()).add(lemma)
    return {group: frozenset(lemmas) for group, lemmas in groups.items()}


def _said(clause: Clause, group: str) -> bool:
    return bool(clause.lemmas & _cues()[group])


def _faulty(clause: Clause) -> bool:
    return (
        has_cue(clause, "fault")
        or _said(clause, "failure")
        or _said(clause, "symptom")
        or _nothing_there(clause)
        or _differs(clause)
        or _not_me(clause)
    )


_NOTHING = "아무것"
_ABSENT = "없다"
_DIFFER = "다르다"
_ME = frozenset(["저", "제", "나", "내"])
_NOT = "아니다"


def _nothing_there(clause: Clause) -> bool:
    """"문 앞에 아무것도 없는 거예요": what should have been there was not."""
    morphs = clause.morphs
    # Kiwi reads 아무것 as one noun or as 아무 + 것, depending on what is around it.
    return any(
        (m.lemma == _NOTHING or m.lemma + n.lemma == _NOTHING)
        and any(later.lemma == _ABSENT for later in morphs[i + 1 : i + 4])
        for i, (m, n) in enumerate(zip(morphs, (*morphs[1:], morphs[-1]), strict=True))
    )


def _differs(clause: Clause) -> bool:
    """"사진이랑 색이 너무 달라요": the thing is not what was shown or ordered, 다르다 told as
    the clause's predicate (not "다른 색상", another one)."""
    morphs = clause.morphs
    return any(
        m.lemma == _DIFFER and m.tag == "VA" and i + 1 < len(morphs) and morphs[i + 1].tag in ("EF", "EC", "EP")
        for i, m in enumerate(morphs)
    )


def _not_me(clause: Clause) -> bool:
    """"로그인됐다는 메일이 왔는데 제가 아니거든요", "제가 지운 거 아니에요": the customer says
    someone else did it."""
    morphs = clause.morphs

    def denied(i: int) -> bool:
        # "저는 아니에요": 아니다 right after; "제가 지운 거 아니에요": the subject's own 아니다.
        # Not "저는 보상 바라는 게 아니고요", what the customer wants.
        rest = morphs[i + 2 :]
        subject = morphs[i + 1].tag in ("JKS", "JKC")
        return any(n.tag == "VCN" and n.lemma == _NOT for n in (rest if subject else rest[:1]))

    return any(
        m.tag == "NP" and m.form in _ME and i + 1 < len(morphs) and denied(i) for i, m in enumerate(morphs)
    ) and not is_question(clause)


def occurred_on(context: CallContext, problems: tuple[str, ...] = ()) -> Found[dt.date | None]:
    """The day the customer says it began ("…부터"), else the day of the injury or accident
    said, else the latest past date the customer gives for the problem, else what the agent's
    records say (only when the customer reported a problem, in their words or in
    ``problems``, the problem nouns read from the call); a purchase date ("어제 주문한") does
    not count unless the purchase was the mistake; today counts when the customer says
    something happened today and nothing earlier was said."""
    if not context.call_date_known:
        return Found(None, (), 0.3)
    began = list(_began_dates(context))
    records = list(_event_dates(context, context.agent_turns))
    if began:
        event = max(began, key=lambda e: e.date)
        # "그 박을 때 가슴을 부딪혀서 어제부터 결리거든요": pain beginning after the accident
        # told before it is the accident's consequence; the claim is for the accident's day.
        trigger = _earlier_trigger(context, records, event)
        return Found(trigger.date, (trigger.turn,), 0.7) if trigger else Found(event.date, (event.turn,), 0.75)
    relayed = [e for e in records if _relayed(e)]
    if not (problems or relayed or _customer_reports_problem(context)):
        return Found(None, (), 0.5)  # a plain request: cancelling, booking, changing details
    own = [
        *_event_dates(context, context.customer_turns),
        *relayed,
        *(e for e in records if _pinned(context, e)),
        *_same_day(context),
    ]
    # "오늘 또 새기 시작하신 거죠": the problem happening again today, not the earlier times.
    again = next((e for e in (*own, *records) if e.again and e.date == context.call_date), None)
    if again is not None:
        return Found(again.date, (again.turn,), 0.6)
    past = [e for e in own if e.date < context.call_date]
    # A visit, a repair or a claim filed gives the day only when no other day was told ("저번 주에
    # 수리받았는데 또 안 돼요"): "그저께 서류를 올렸어요 지난주 토요일에 양말을 삼켜서".
    past = [e for e in past if not e.remedy] or past
    records = [e for e in records if not e.remedy]
    # "어제 휴대폰을 바꿨는데 오늘 아침에 … 잠겼대요": the earlier day is only the background.
    past = [e for e in past if not e.preamble]
    if past:
        # "어제 가 봤는데 없었어요": when the customer only checked, the records say when.
        noticed = max(e.date for e in past)
        event = (
            _told(past)
            or _recorded([e for e in records if e.date <= noticed])
            or max((e for e in past if e.fault), key=lambda e: e.date, default=None)
        )
        if event is not None:
            return Found(event.date, (event.turn,), 0.7)
    today = [e for e in own if e.fault and e.turn.role is Role.CUSTOMER]
    if today:
        return Found(context.call_date, (today[0].turn,), 0.5)
    event = _recorded([e for e in records if e.date < context.call_date])
    if event is not None:
        return Found(event.date, (event.turn,), 0.7)
    return Found(None, (), 0.5)


def _earlier_trigger(context: CallContext, records: list[EventDate], began: EventDate) -> EventDate | None:
    """The first injury or accident day before the day something began, by the customer or in
    the agent's records (the day a claim is for), when the turn that says it began names the
    injury too ("부딪혀서 … 부터 결려요"); else None."""
    if not any(_said(c, "trigger") for c in clauses(began.turn)):
        return None
    said = [*_event_dates(context, context.customer_turns), *records]
    triggers = [e for e in said if e.trigger and e.date < began.date]
    return min(triggers, key=lambda e: e.date) if triggers else None


def _told(past: list[EventDate]) -> EventDate | None:
    """The customer's day: the injury or accident a claim is for (the first said), else the
    latest day that is not just when they noticed, checked or called about it."""
    triggers = [e for e in past if e.trigger]
    if triggers:
        return min(triggers, key=lambda e: e.date)
    first_hand = [e for e in past if not e.aftermath]
    # "설치받았는데 바닥을 긁어 놓고 가셨어요 … 폐기물은 그 다음 날 치웠어요": the day told
    # with what went wrong, not a later step of the customer's.
    return max([e for e in first_hand if e.fault] or first_hand, key=lambda e: e.date, default=None)


def _recorded(records: list[EventDate]) -> EventDate | None:
    """The day the agent's records give: the latest said with something gone wrong; of the
    days read out together in that turn, the one whose own clause says what went wrong
    ("이십일 일에 발송 … 이십삼 일에 반송"), else the first ("10월 23일에 1건 … 10월 26일에
    1건": it began with the first)."""
    if not records:
        return None
    triggers = [e for e in records if e.trigger]
    if triggers:
        return min(triggers, key=lambda e: e.date)
    faulted = [e for e in records if e.fault] or records
    latest = max(faulted, key=lambda e: e.date)
    together = [e for e in faulted if e.turn is latest.turn]
    return min([e for e in together if e.own_fault] or together, key=lambda e: e.date)


def _relayed(event: EventDate) -> bool:
    """The agent restates what the customer reported ("어제 서류 올리실 때 오류라고 뜨면서 안
    올라갔다고 남기셨는데 맞으시죠"): a quotative ending and a fault in the date's sentence."""
    if event.turn.role is not Role.AGENT:
        return False
    sentence = next((c for c in sentences(event.turn) if c.start <= event.at < c.end), None)
    return sentence is not None and _faulty(sentence) and any(
        m.tag == "EC" and m.form in _QUOTATIVES for m in sentence.morphs if m.start > event.at
    )


def _pinned(context: CallContext, event: EventDate) -> bool:
    """The customer gave a week or month without its day ("지난주에 기사님 다녀가신 거") and
    the agent asks back with the day in it ("지난주 목요일에 방문 접수된 건 맞으시죠")."""
    if event.turn.role is not Role.AGENT:
        return False
    sentence = next((c for c in sentences(event.turn) if c.start <= event.at < c.end), None)
    if sentence is None or not is_question(sentence):
        return False
    asked_back = context.previous(event.turn, Role.CUSTOMER)
    for turn in context.customer_turns:
        if asked_back is None or turn.index > asked_back.index:
            break
        for match in _VAGUE_PERIOD.finditer(turn.plain):
            first, last = _period(context.call_date, match["unit"])
            if first <= event.date <= last:
                return True
    return False


def _period(anchor: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """Last week (Monday to Sunday) or last month, counted from the call's day."""
    if unit == "주":
        monday = anchor - dt.timedelta(days=anchor.weekday() + 7)
        return monday, monday + dt.timedelta(days=6)
    last = anchor.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def _same_day(context: CallContext) -> Iterator[EventDate]:
    """"아침에 켰는데 비밀번호가 틀렸다고 잠가삐데", "방금 받았는데 탕수육이 안 왔어요": a
    time of the day said of the past, with no day, is the call's own day."""
    from pipeline.normalize.dates import resolve_dates

    for turn in context.customer_turns:
        spoken = _whole_turn(turn)
        # The problem said in this turn or the customer's one before ("은행이 안 돼가지고예").
        before = context.previous(turn, Role.CUSTOMER)
        stated = before is not None and any(has_cue(c, "fault") for c in clauses(before))
        for index, clause in enumerate(spoken):
            # "약이 아직 안 와서요 다섯 시 전에 온다고 했는데": an hour said with no day is today's.
            hour = (
                _CLOCK.search(clause.text) is not None
                and _NOW.search(turn.plain) is not None
                and any(has_cue(c, "fault") for c in spoken)
            )
            if not (_said(clause, "same_day") or hour) or resolve_dates(clause.text, context.call_date):
                continue
            told_as_past = _told_as_past(turn, clause)
            since = _SINCE_THEN.match(turn.plain, clause.end) is not None  # "넘어서부터"
            if (told_as_past or since) and (stated or hour or any(_faulty(c) for c in spoken[index:])):
                yield EventDate(context.call_date, turn, True, clause.start, True)


def _told_as_past(turn: Turn, clause: Clause) -> bool:
    """The clause's verb is past, or the clause leads on ("아침에 출근하다가 …") to its
    sentence's past verb ("… 살짝 긁었어요")."""
    if any(m.tag == "EP" and m.form in _PAST_MARKERS for m in clause.morphs):
        return True
    if any(m.tag == "EF" for m in clause.morphs):
        return False
    sentence = next((s for s in sentences(turn) if s.start <= clause.start < s.end), None)
    return sentence is not None and any(
        m.tag == "EP" and m.form in _PAST_MARKERS for m in sentence.morphs if m.start >= clause.end
    )


def _began_dates(context: CallContext) -> Iterator[EventDate]:
    """"11월 23일부터요", "삼 주 전쯤부터": the customer says when it began (read on the whole
    turn: a bare "…부터요" is no clause of its own)."""
    from pipeline.normalize.dates import resolve_dates

    for turn in context.customer_turns:
        earliest: dt.date | None = None
        for mention in resolve_dates(turn.plain, context.call_date):
            began = _BEGAN.match(turn.plain, mention.end) if mention.date <= context.call_date else None
            if not began or _told_in_between(turn, mention.end, began.end()):
                continue
            later_stage = _LATER_STAGE.match(turn.plain, began.end()) is not None
            if later_stage and earliest is not None and earliest < mention.date:
                continue
            earliest = mention.date if earliest is None else min(earliest, mention.date)
            yield EventDate(mention.date, turn, True)
        yield from _elapsed_dates(context, turn)


def _elapsed_dates(context: CallContext, turn: Turn) -> Iterator[EventDate]:
    """"깜빡거린 지는 한 열흘 됐어라": it began that long before the call, when what began is
    what went wrong; not "이사 들어온 지 일주일 됐는데" or "산 지 일주일 됐어요", the customer's
    own step."""
    from pipeline.normalize.numbers import parse_korean_number

    for match in _ELAPSED.finditer(turn.plain):
        said = match["count"]
        if match["days"]:
            days = parse_korean_number(match["days"]) if not match["days"].isdigit() else int(match["days"])
        elif match["weeks"] or match["native_weeks"]:
            days = 7 * (int(match["weeks"]) if match["weeks"] else _NATIVE_WEEKS[match["native_weeks"]])
        else:
            days = _ELAPSED_DAYS[said]
        if not days or not _began_wrong(turn, match.start()):
            continue
        yield EventDate(context.call_date - dt.timedelta(days=days), turn, True, at=match.start())


def _began_wrong(turn: Turn, at: int) -> bool:
    """The words of the clause up to 지 say what went wrong ("화면이 깜빡거린 지")."""
    clause = next((c for c in clauses(turn) if c.start <= at < c.end + 1), None)
    if clause is None:
        return False
    before = tuple(m for m in clause.morphs if m.end <= at)
    return bool(before) and _faulty(Clause(turn, clause.start, at, before))


def _told_in_between(turn: Turn, start: int, end: int) -> bool:
    """"오늘 아침에 보니까 없더라고요 식당에서는 제가 계산했거든요 그 다음부터": a whole
    sentence told between the day and "그 뒤로" is what it followed, not the day. One sentence
    end is the day's own ("어제 유심을 바꿨거든요 그 뒤로")."""
    return sum(1 for m in turn.morphs if m.tag == "EF" and start <= m.start < end) > 1


def _customer_reports_problem(context: CallContext) -> bool:
    """The customer says something went wrong: a fault word or a negation ("안 왔어요"), a
    failure ("막국수가 빠졌어요"), a defect ("소리가 나요"), an injury or accident ("계단에서
    미끄러져서"), nothing where it should be, a thing not as shown, or someone else's doing
    ("제가 아니거든요"), in a statement of theirs; "필요가 없어져서요" or "해지하려고요" report none."""
    return any(
        (
            (has_cue(clause, "fault") and not _undecided(clause))
            or _failed(clause)
            or _said(clause, "symptom")
            or _said(clause, "trigger")
            or _nothing_there(clause)
            or _differs(clause)
            or _not_me(clause)
        )
        and not is_question(clause)
        for turn in context.customer_turns
        for clause in clauses(turn)
    ) or any(
        # "…메일이 왔는데 제가 아니거든요": the denial has no noun or verb of its own, so the
        # clause split leaves it out; it is read within its sentence.
        _not_me(sentence) for turn in context.customer_turns for sentence in sentences(turn)
    )


def _undecided(clause: Clause) -> bool:
    """"지금 바로는 못 정하겠어요": 못 before deciding is the customer's indecision, no fault."""
    morphs = clause.morphs
    return any(
        m.form == "못" and any(n.lemma in _cues()["decide"] for n in morphs[i + 1 : i + 3])
        for i, m in enumerate(morphs)
    )


def _failed(clause: Clause) -> bool:
    """A failure told as what happened, its verb the clause's predicate ("막국수가 빠졌어요"),
    not a word for something else ("작년에 빠진 연회비", "제가 잘못 말했네요")."""
    failure = _cues()["failure"]
    morphs = clause.morphs
    return any(
        m.tag.startswith("VV") and m.lemma in failure
        and all(n.tag.startswith(("EP", "EF", "EC", "VX")) for n in morphs[i + 1 : i + 3])
        and not any(n.tag == "ETM" for n in morphs[i + 1 :])
        for i, m in enumerate(morphs)
    )


def _event_dates(context: CallContext, turns: tuple[Turn, ...]) -> Iterator[EventDate]:
    """Every date up to the call's said in ``turns``, with what its clause says."""
    from pipeline.normalize.dates import resolve_dates

    oldest = context.call_date - dt.timedelta(days=365 * _OLDEST_YEARS)
    mistaken_purchase = _purchase_was_mistake(context)
    for turn in turns:
        spoken = _whole_turn(turn)
        texts = [turn.plain[c.start : c.end] for c in spoken]
        said = [resolve_dates(text, context.call_date) for text in texts]
        dated = [i for i, mentions in enumerate(said) if mentions]
        for index, clause in enumerate(spoken):
            if turn.role is Role.AGENT and is_condition(clause):
                continue  # "이사 2주 전에 연락 주시면": counted from an event still to come
            text = texts[index]
            for mention in said[index]:
                date = mention.date
                if date > context.call_date or date < oldest:
                    continue
                # "월요일에 시켰는데 | 지난주 월요일 말고 이번 주 월요일이요": a verbless
                # fragment goes with the clause before it.
                if not mistaken_purchase and any(
                    _about_purchase(context, c, clause.start + mention.end)
                    for c in (clause, *_antecedents(spoken, index))
                ):
                    continue
                if _went_when_asked(context, clause, clause.start + mention.end):
                    continue
                if mention.kind == "deadline" and (turn.role is Role.AGENT or date == context.call_date):
                    continue  # "쿠폰 기간이 10월 25일까지" is a term, not an event
                if turn.role is Role.AGENT and _RECURRING.search(turn.plain):
                    continue  # "매달 25일에 출금되고 있습니다" is a schedule
                if _SPELLED_AS.match(turn.plain, clause.start + mention.end):
                    continue
                if _SINCE.match(text, mention.end):
                    continue  # "어젯밤 이후 결제된 건은 없습니다": a point to look from
                if _booked_ahead(context, text, mention):
                    continue
                # "택시 타고 | 오다가 놓고 내린 거 같아요": the rest of the turn says what happened,
                # up to the next day said ("어제 폰을 바꿨는데 | 오늘 아침에 … 틀렸더니 잠겼대요"),
                # and not what might ("안 계시면").
                until = next((i for i in dated if i > index), len(spoken))
                happened = any(_faulty(c) and not is_condition(c) for c in spoken[index:until])
                told = (clause, *spoken[index + 1 : index + 2])
                trigger = any(_said(c, "trigger") for c in told)
                remedy = not trigger and not _faulty(clause) and _about_remedy(clause, clause.start + mention.end)
                yield EventDate(
                    date,
                    turn,
                    happened and mention.kind == "point",
                    at=clause.start + mention.start,
                    own_fault=_faulty(clause),
                    trigger=trigger,
                    aftermath=turn.role is Role.CUSTOMER
                    and (
                        _afterwards(spoken, index, mention.end)
                        or _consequence(turn, clause.start + mention.start, any(i < index for i in dated))
                    ),
                    again=_said(clause, "again") and _faulty(clause),
                    remedy=remedy,
                    preamble=not happened and any(_faulty(c) and not is_condition(c) for c in spoken[until:]),
                )


def _booked_ahead(context: CallContext, text: str, mention: DateMention) -> bool:
    """"1월 9일 인천 출발" said in December: a month and day far behind the call, told with no
    year and not as past, is next year's."""
    from pipeline.normalize.dates import said_as_past

    return (
        (context.call_date - mention.date).days > _AHEAD_DAYS
        and not _YEAR_SAID.search(mention.text)
        and not said_as_past(text, mention.end)
    )


def _afterwards(spoken: list[Clause], index: int, said_end: int = 0) -> bool:
    """The customer noticing, checking or calling about it ("어제 가 봤는데", "어제 전화를
    세 번이나 했는데", "어제 고지서가 왔는데"), in a clause that says nothing went wrong.
    Finding a thing broken ("그저께 아침에 보니까 냉장실이 안 시원해요") is no aftermath:
    nobody could have known earlier."""
    clause = spoken[index]
    if _unanswered(spoken, index):
        return True
    if _faulty(clause):
        return False
    # "그저께 밤에 자동이체 빠져나갔다고 문자 와서": the day is the quoted event's, which the
    # message reported as it happened.
    after = clause.start + said_end
    if any(m.tag == "EC" and m.form in _QUOTATIVES and m.start > after for m in clause.morphs):
        return False
    if _said(clause, "contact") or _contact_said_again(spoken, index):
        return True
    arrived = _said(clause, "document") and _said(clause, "arrive")
    found_broken = any(_faulty(c) for c in spoken[index + 1 : index + 3])
    return (arrived or _said(clause, "notice")) and not found_broken


_SO = re.compile(r"(?:그래서|그래\s?가지고|그러니까)\s*$")


def _consequence(turn: Turn, at: int, earlier_day: bool) -> bool:
    """"그저께 밤에 … 로그인됐다는 메일이 왔는데 제가 아니거든요 그래서 어제 아침에 들어가려고
    했더니 …": a day led in by 그래서 after an earlier day of the same turn is what the customer
    did because of what happened then."""
    return earlier_day and _SO.search(turn.plain, 0, at) is not None


def _unanswered(spoken: list[Clause], index: int) -> bool:
    """"어제 채팅 상담은 한 시간을 기다려도 | 연결이 안 되고": the customer's attempt to reach the
    company failing (in the date's clause or the next), a grievance of its own after the problem."""
    told = spoken[index : index + 2]
    if _said(spoken[index], "service_contact") and any(
        # "채팅으로 물어봤는데 지금까지 답이 없어요": no answer is told with 없다 too.
        _said(c, "unanswered") and (has_cue(c, "fault") or _ABSENT in c.lemmas) for c in told
    ):
        return True
    # "어제 두 번 전화를 했는데 안 받아요": the customer's calls nobody picked up.
    return _PHONE_CALL in spoken[index].lemmas and any(_not_picked_up(c) for c in told)


_PHONE_CALL = "전화"
_PICK_UP = "받다"


def _not_picked_up(clause: Clause) -> bool:
    """"(전화를 했는데) 안 받아요": 안 right before 받다, after the date's clause named the call."""
    morphs = clause.morphs
    return any(m.form == "안" and n.lemma == _PICK_UP for m, n in zip(morphs, morphs[1:], strict=False))


def _contact_said_again(spoken: list[Clause], index: int) -> bool:
    """"기사님 전화를 해도 안 받으세요 어제 세 번이나 했는데": a bare 하다 with no noun of its
    own does again what one of the two clauses before it named, here the call."""
    clause = spoken[index]
    bare = any(m.tag == "VV" and m.lemma == _LIGHT_VERB for m in clause.morphs) and not any(
        m.tag.startswith("NN") and m.tag != "NNB" for m in clause.morphs
    )
    return bare and any(_said(c, "contact") for c in spoken[max(0, index - 2) : index])


def _whole_turn(turn: Turn) -> list[Clause]:
    """The turn's clauses with the stretches between them kept as fragments: "10월 23일에
    1건 21,000원이요" has no verb nor content noun, yet says when it happened."""
    pieces: list[Clause] = []
    said_up_to = 0
    for clause in (*clauses(turn), None):
        until = clause.start if clause is not None else len(turn.plain) + 1
        gap = tuple(m for m in turn.morphs if m.start >= said_up_to and m.end <= until)
        if gap:
            pieces.append(Clause(turn, gap[0].start, gap[-1].end, gap))
        if clause is not None:
            pieces.append(clause)
            said_up_to = clause.end
    return pieces


def _antecedents(spoken: list[Clause], index: int) -> list[Clause]:
    """What a verbless fragment goes with: the clause before it, and for a correction
    ("지난주 월요일 말고 이번 주 월요일이요") the turn's first clause that said a date."""
    clause = spoken[index]
    if not index or _has_verb(clause):
        return []
    found = [spoken[index - 1]]
    if _CORRECTION.search(clause.text):
        from pipeline.normalize.dates import resolve_dates

        anchor = dt.date(2000, 1, 3)
        found += [c for c in spoken[:index] if resolve_dates(c.text, anchor)][:1]
    return found


def _has_verb(clause: Clause) -> bool:
    return any(m.tag.startswith(("VV", "XSV")) for m in clause.morphs)


def _purchase_was_mistake(context: CallContext) -> bool:
    """The purchase itself was the mistake ("라이선스를 잘못 사서요"), or a sign-up the customer
    disowns ("가입한 적도 없는데", "아버지는 그런 거 쓰신 적이 없대요"): its day is the problem's."""
    purchase = _transactions()
    return any(
        (_MISTAKE in clause.text and any(_predicate_lemma(clause, i) in purchase for i in range(len(clause.morphs))))
        or _disowned(clause)
        for turn in context.customer_turns
        for clause in clauses(turn)
    )


_NEVER = "적"
_NONE = "없다"


def _disowned(clause: Clause) -> bool:
    """"쓴 적이 없다", "신청한 적 없어요": a use or sign-up the customer says never happened
    (not "이런 적이 없었는데", the problem being new)."""
    morphs = clause.morphs
    for i, m in enumerate(morphs):
        if m.form != _NEVER or m.tag != "NNB" or i < 2 or morphs[i - 1].tag != "ETM":
            continue
        verb = i - 2
        while verb > 0 and morphs[verb].tag == "EP":
            verb -= 1  # "쓰신 적": the honorific 시 between the verb and its ending
        if _predicate_lemma(clause, verb) in _cues()["disown"] and any(
            n.lemma == _NONE for n in morphs[i + 1 : i + 3]
        ):
            return True
    return False


@cache
def _transactions() -> frozenset[str]:
    """Steps the customer took whose day is no problem's: buying, applying, booking, selling."""
    return cues()["purchase"] | _cues()["transaction"]


def _predicate_lemma(clause: Clause, morph_index: int) -> str:
    """A verb's lemma, or for a noun + 하다 verb (주문했는데) the noun, also when a particle
    parts them ("신청은 지난주 수요일에 했어요")."""
    morph = clause.morphs[morph_index]
    if morph.tag.startswith("XSV") and morph_index:
        noun = clause.morphs[morph_index - 1]
        if morph_index > 1 and clause.morphs[morph_index - 2].tag == "ETN":
            return morph.lemma  # "새기 시작했어요": the problem beginning, no step of the customer's
        return noun.lemma
    if morph.lemma == _LIGHT_VERB:
        before = clause.morphs[:morph_index]
        for noun, particle in zip(before, before[1:], strict=False):
            if noun.tag.startswith("NNG") and particle.tag in _TOPIC_OR_OBJECT:
                return noun.lemma
    return morph.lemma


def _about_purchase(context: CallContext, clause: Clause, after: int) -> bool:
    """The date is a purchase date: the first predicate after it, or the clause's last one,
    is buying (주문하다, 사다, 구매하다, 가입하다), or the clause is a bare answer
    ("지난달 이십칠 일에요") to the agent's question about buying ("언제 가입하셨을까요")."""
    purchase = _transactions()
    after_date = [m for m in clause.morphs if m.start >= after][:3]
    if any(m.tag.startswith("NNG") and m.lemma in purchase for m in after_date):
        return True  # "작년 11월 30일 구매로 등록"
    verbs = [i for i, m in enumerate(clause.morphs) if m.tag.startswith(("VV", "XSV"))]
    bare_answer = not verbs or _BARE_ANSWER.match(clause.turn.plain, after)
    if bare_answer and _answers_purchase_question(context, clause):
        return True
    if not verbs:
        return False
    following = next((i for i in verbs if clause.morphs[i].start >= after), verbs[-1])
    return _predicate_lemma(clause, following) in purchase or _predicate_lemma(clause, verbs[-1]) in purchase


def _went_when_asked(context: CallContext, clause: Clause, after: int) -> bool:
    """"방문하신 대리점이 어디셨어요" - "6월 19일 금요일에 갔어요": the customer going to the
    shop, told in answer to the agent's question about that visit or purchase, is the day of
    that step (also when a sign-up disowned makes purchase days count)."""
    went = next((m for m in clause.morphs if m.start >= after and m.tag.startswith("VV")), None)
    return went is not None and went.lemma == _WENT and _answers_purchase_question(context, clause)


def _about_remedy(clause: Clause, after: int) -> bool:
    """The date is a remedy's: the first predicate after it is a visit, a repair, a claim or
    report filed ("기사님이 누수로 다녀가셨던", "앱으로 올렸어요", "접수된 거"), or a remedy
    noun names it right after the date ("4월 22일 매장 방문 기록은 있으시네요", "6월 19일
    방문으로 적겠습니다": the day the customer went to the shop, not the day it went wrong)."""
    if _claim_filed(clause):
        return True
    remedy = _cues()["remedy"]
    after_date = [m for m in clause.morphs if m.start >= after][:3]
    if any(m.tag.startswith("NNG") and m.lemma in remedy for m in (*after_date, *_noun_phrase_after(clause, after))):
        return True
    verbs = [i for i, m in enumerate(clause.morphs) if m.tag.startswith(("VV", "XSV")) and m.start >= after]
    return bool(verbs) and _predicate_lemma(clause, verbs[0]) in remedy


_DO = "하"


def _noun_phrase_after(clause: Clause, after: int) -> list:
    """"1월 31일에 전입 정산 접수는 돼 있는데요": the compound noun right after the date and its
    particle, whose head (접수) says what the day was of."""
    following = [m for m in clause.morphs if m.start >= after]
    if following and following[0].tag.startswith("J"):
        following = following[1:]
    phrase = []
    for m in following:
        if not m.tag.startswith(("NNG", "NNP")):
            break
        phrase.append(m)
    return phrase


def _claim_filed(clause: Clause) -> bool:
    """"청구한 건 지난주 금요일에 했는데", "구월 십팔 일에 청구해 주셨네요": a claim the customer
    filed (청구 + 하다), not a charge made on them ("이중으로 청구됐어요", 청구 + 되다)."""
    morphs = clause.morphs
    return any(
        m.lemma in _cues()["claim"] and n.tag == "XSV" and n.form == _DO
        for m, n in zip(morphs, morphs[1:], strict=False)
    )


def _answers_purchase_question(context: CallContext, clause: Clause) -> bool:
    if clause.turn.role is not Role.CUSTOMER:
        return False
    asked = context.previous(clause.turn, Role.AGENT)
    if asked is None:
        return False
    questions = [c for c in clauses(asked) if is_question(c) or c.lemmas & _QUESTION_WORDS]
    # "언제쯤 가셨는지 기억나세요": the day of the customer's visit or filing is no problem's.
    purchase = _transactions() | _cues()["remedy"] | {_WENT}
    return bool(questions) and any(
        _predicate_lemma(questions[-1], i) in purchase for i in range(len(questions[-1].morphs))
    )
