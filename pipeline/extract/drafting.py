"""The note's summary, and the guarantee that every drafted sentence passes the phrasing flagger.

A drafted sentence that the flagger objects to is rewritten with the flagger's own suggestion
when that suggestion needs no blank filled in, else the flagged words are left out, else the
sentence is dropped: a draft never asks the agent to fix the machine's wording.
"""

from __future__ import annotations

import re
from functools import cache

from models.note import ConsultationNote, FollowUp, Owner, PhrasingFlag, Resolution
from pipeline.extract.context import CallContext
from pipeline.hangul import has_hangul, object_particle, subject_particle
from pipeline.nlp import word_list
from pipeline.normalize.dates import written_date

_OWNER_LABELS = {Owner.AGENT: "상담원", Owner.COMPANY: "회사", Owner.CUSTOMER: "고객"}
_RESOLUTION_SENTENCES = {Resolution.UNRESOLVED: "고객이 결정을 미루어 합의된 조치는 없음."}
MAX_SUMMARY_ACTIONS = 4
MAX_CLEANING_ROUNDS = 3


@cache
def _phrases() -> dict[str, str]:
    pairs = (line.split(maxsplit=1) for line in word_list("category_phrases"))
    return {category: phrase for category, phrase in pairs}


def category_phrase(category: str) -> str:
    return _phrases().get(category, "")


def _date(follow_up: FollowUp) -> str:
    return f"{written_date(follow_up.due)}까지 " if follow_up.due else ""


def summary_sentences(note: ConsultationNote) -> list[str]:
    """Two or three sentences: what the customer raised (and why), what the agent did, and the
    next step or where the case stands."""
    sentences: list[str] = []
    clauses = _without_purpose(note.issue.summary, note.purpose).split(", ") if note.issue.summary else []
    issue = ", ".join(clauses[:MAX_SUMMARY_ISSUE_CLAUSES])
    if note.purpose and issue:
        sentences.append(f"고객이 {note.purpose}함: {_sentence(issue)}")
    elif issue:
        sentences.append(f"고객 문의: {_sentence(issue)}")
    elif note.purpose:
        sentences.append(f"고객이 {note.purpose}함.")
    done = agent_sentence(note.actions_taken)
    if done:
        sentences.append(done)
    if note.follow_ups:
        sentences.append(follow_up_sentence(note.follow_ups[0]))
    elif note.issue.status:
        sentences.append(f"현재 상태: {note.issue.status}.")
    elif note.resolution in _RESOLUTION_SENTENCES:
        sentences.append(_RESOLUTION_SENTENCES[note.resolution])
    return sentences


MAX_SUMMARY_ISSUE_CLAUSES = 3


def _without_purpose(issue: str, purpose: str | None) -> str:
    """The issue without the words of its heading ("11월 3일 중복 결제: …") that the purpose
    already says, so the summary's first sentence does not name the problem twice."""
    heading, colon, account = issue.partition(": ")
    if not colon or not purpose:
        return issue
    kept = [w for w in heading.split() if w not in purpose.split()]
    return " ".join([*kept, account]) if kept else account
MAX_SUMMARY_EXPLANATIONS = 3
# A summary sentence names what was explained; the facts in full are in 처리 내용.
MAX_SUMMARY_EXPLANATION_WORDS = 6
_TOLD = " 안내"
_CHECKED = " 확인"


def agent_sentence(actions: list[str]) -> str | None:
    """"상담원이 반품 접수, 링크 발송을 진행하고 배송비 차감 기준을 안내함.": the steps that
    changed the case, then what the agent explained. Look-ups and identity checks are routine
    and left to the list of actions."""
    steps = [a for a in actions if not a.endswith(("본인 확인", " 조회"))]
    acted = [a for a in steps if not a.endswith(_TOLD)]
    # What changed the case comes before what was only checked ("… 확인").
    acted = sorted(acted, key=lambda a: a.endswith(_CHECKED))[:MAX_SUMMARY_ACTIONS]
    told = [
        " ".join(a.removesuffix(_TOLD).split()[:MAX_SUMMARY_EXPLANATION_WORDS])
        for a in steps if a.endswith(_TOLD)
    ][:MAX_SUMMARY_EXPLANATIONS]
    done, explained = _with_object(acted), _with_object(told)
    if done and explained:
        return f"상담원이 {done} 진행하고 {explained} 안내함."
    if done or explained:
        return f"상담원이 {done or explained} {'진행함' if done else '안내함'}."
    return None


def _with_object(phrases: list[str]) -> str:
    listed = ", ".join(phrases)
    return f"{listed}{object_particle(listed)}" if listed else ""


_ENGLISH_OWNERS = {Owner.AGENT: "Agent", Owner.COMPANY: "Company", Owner.CUSTOMER: "Customer"}


def follow_up_sentence(follow_up: FollowUp) -> str:
    """A follow-up as the note reads it: who, by when, what. A customer who names no date
    ("생각해 보고 다시 전화드릴게요") is recorded as what they said: the company cannot set their
    date, and "고객이 … 예정" without one would be a vague placeholder."""
    if not has_hangul(follow_up.action):  # an English note reads in English
        due = f" by {follow_up.due.isoformat()}" if follow_up.due else ""
        return f"{_ENGLISH_OWNERS[follow_up.owner]}{due}: {follow_up.action}."
    if follow_up.owner is Owner.CUSTOMER and follow_up.due is None:
        return f"고객이 {follow_up.action}하겠다고 말함."
    who = _OWNER_LABELS[follow_up.owner]
    return f"{who}{subject_particle(who)} {_date(follow_up)}{follow_up.action} 예정."


# Actions that change the case (a request filed, a setting changed), as opposed to telling.
_STATE_CHANGES = ("접수", "변경", "정지", "해제", "등록", "예약", "신청", "재발급", "취소", "해지",
                  "요청", "이관", "차단", "초기화", "재설정", "교환", "반품", "환불", "보류")
_HANDOFFS = ("접수", "요청", "이관", "신청")


def compose_status(note: ConsultationNote, agent_status: str | None, topic: str) -> str | None:
    """현재 상태 from the outcome and what the agent did: done → "… 완료" and what the company
    does next; waiting → the step filed and what it waits for; handed on → the hand-off, the
    holds that protect the customer meanwhile and when the result is due; undecided → what was
    explained or sent and which choice the customer left open."""
    actions = [a for a in note.actions_taken if not a.endswith(("본인 확인", " 조회"))]
    changes = [a for a in actions if a.endswith(_STATE_CHANGES)]
    if note.resolution is Resolution.UNRESOLVED and topic:
        return _undecided(actions, note.follow_ups, topic)
    if note.resolution is Resolution.ESCALATED:
        return _handed_on(actions, changes, note.follow_ups) or agent_status
    if note.resolution is Resolution.PENDING and note.follow_ups:
        return _waiting(changes, note.follow_ups[0])
    main = changes[:2] or actions[-1:]
    if not main:
        return agent_status
    upcoming = [f for f in note.follow_ups if f.owner is Owner.COMPANY][:1]
    return ", ".join([", ".join(main) + " 완료", *(_expected(f) for f in upcoming)])


# Steps that keep the customer safe while someone else decides ("카드 사용 정지", "청구 보류").
_HOLDS = ("정지", "보류", "차단")
MAX_HOLDS = 2
# A follow-up that reports back: the result the hand-off waits for.
_REPORTS = ("결과", "안내", "연락", "답변", "회신", "전화")
_CHANNELS = ("문자", "전화", "이메일")


def _handed_on(actions: list[str], changes: list[str], follow_ups: list[FollowUp]) -> str | None:
    """"카드 사용 정지, 해외결제 분쟁 부서에 이의제기 접수, 11월 30일까지 결과 문자 안내
    예정": who decides next, what is held meanwhile, and by when the customer hears back."""
    # "요금 심사팀에 이의 신청 접수" says who decides next; a bare "신청 접수" does not. The
    # first hand-off is the decision asked for; later ones pass on remarks ("의견 전달").
    # A bare "접수" or "11월 25일" names no step a colleague could follow up on.
    named = [a for a in actions if len(a.split()) > 1 and _gist(a)]
    handoffs = [a for a in named if a.endswith(_HANDOFFS)]
    addressed = [a for a in handoffs if "에 " in a or "팀" in a]
    first = (addressed or handoffs or [a for a in changes if a in named])[:1]
    holds: list[str] = []
    for action in named:
        # "기간 청구 11월 6일까지 보류" and "결과 청구 11월 6일까지 보류" are one hold.
        if action.endswith(_HOLDS) and action not in first and not any(
            action.split()[1:] == h.split()[1:] for h in holds
        ):
            holds.append(action)
    holds = holds[:MAX_HOLDS]
    steps = [a for a in actions if a in first or a in holds]
    report = _report(follow_ups)
    return ", ".join([*steps, *([report] if report else [])]) or None


def _report(follow_ups: list[FollowUp]) -> str | None:
    """"11월 6일까지 결과 문자 안내 예정": the first dated promise to report back."""
    for follow_up in follow_ups:
        if follow_up.owner is Owner.CUSTOMER or follow_up.due is None:
            continue
        if any(w in follow_up.action for w in _REPORTS):
            channel = next((c for c in _CHANNELS if c in follow_up.action), "")
            told = f"결과 {channel} 안내" if channel else "결과 안내"
            return f"{written_date(follow_up.due)}까지 {told} 예정"
    return None


@cache
def _options() -> tuple[str, ...]:
    return word_list("status_options")


MAX_OPTIONS = 3
# An explanation names its facts in full in 처리 내용; the status line keeps its gist.
MAX_GIVEN_WORDS = 5


# "12월 22일 오전 10시 안내" tells only when: the flagger rightly asks what was told.
_WHEN_WORD = re.compile(r"^(?:\d[\d,.]*(?:월|일|년|시|분|주|달)?|오전|오후|저녁|아침|새벽|이후|사이)$")


def _gist(action: str) -> str | None:
    """The last words of a step, which carry its object and verb; none when they only say
    when."""
    words = action.split()[-MAX_GIVEN_WORDS:]
    if all(_WHEN_WORD.match(w) for w in words[:-1]):
        return None
    return " ".join(words)


def _undecided(actions: list[str], follow_ups: list[FollowUp], topic: str) -> str:
    """"비교표 발송 완료, 해지·감액 여부 미결정(10월 23일까지 고객 연락 예정)": what the
    customer was given to decide on (the last thing sent, else the first thing explained), and
    the choice left open, named by the options the agent laid out (the topic alone when the
    explanations name none), with the date the customer said they would answer by."""
    sent = [_gist(a) for a in actions if a.endswith(" 발송")]
    told = [_gist(a) for a in actions if a.endswith(_TOLD)]
    given = [f"{g} 완료" for g in ([g for g in sent if g][-1:] or [g for g in told if g][:1])]
    options = [topic] if topic in _options() else []
    for action in actions:
        options += [w for w in action.split() if w in _options() and w not in options]
    options = options[:MAX_OPTIONS]
    open_choice = f"{'·'.join(options or [topic])} 여부 미결정"
    due = next((f.due for f in follow_ups if f.owner is Owner.CUSTOMER and f.due), None)
    if due:
        open_choice += f"({written_date(due)}까지 고객 연락 예정)"
    return ", ".join([*given, open_choice])


def _waiting(changes: list[str], follow_up: FollowUp) -> str:
    """"반품 접수 완료, 회수 대기(10월 15일)": the first step that changed the case and what it
    waits for; a waiting step the first one already names is not said twice."""
    due = f"({written_date(follow_up.due)})" if follow_up.due else ""
    waiting = f"{follow_up.action} 대기{due}"
    if not changes:
        return waiting
    done = f"{changes[0]} 완료"
    if set(follow_up.action.split()) <= set(done.split()):
        return done
    return f"{done}, {waiting}"


def _expected(follow_up: FollowUp) -> str:
    when = f"{written_date(follow_up.due)} " if follow_up.due else ""
    return f"{when}{follow_up.action} 예정"


def compose_desired(note: ConsultationNote, wanted: str | None, topic: str) -> str | None:
    """고객 요청: the customer's own wish; undecided calls say so."""
    if note.resolution is Resolution.UNRESOLVED and topic:
        decided = f"{topic} 여부를 결정하지 않음"
        return f"{wanted}, {decided}" if wanted else decided
    # A call whose customer never said what they want gets no guess: the agent fills it in.
    return wanted


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


# --- the flagger's veto ------------------------------------------------------------------


class _Flagger:
    """The flagger with the call's facts, remembering each text's verdict: a cleaning round
    re-checks texts already checked (the summary repeats the actions), and Kiwi is the cost."""

    def __init__(self, facts: object) -> None:
        self.facts = facts
        self._seen: dict[str, bool] = {}

    def flags(self, text: str) -> list[PhrasingFlag]:
        from pipeline.flagging import flag_text

        found = flag_text(text, facts=self.facts)  # type: ignore[arg-type]
        self._seen[text] = bool(found)
        return found

    def objects(self, text: str) -> bool:
        if text not in self._seen:
            self.flags(text)
        return self._seen[text]


def _clean(text: str | None, flagger: _Flagger) -> str | None:
    if not text:
        return text
    for _ in range(MAX_CLEANING_ROUNDS):
        flags = flagger.flags(text)
        if not flags:
            return text
        for flag in sorted(flags, key=lambda f: -f.start):
            usable = flag.suggestion and "[" not in flag.suggestion and "…" not in flag.suggestion
            replacement = flag.suggestion if usable else ""
            text = text[: flag.start] + (replacement or "") + text[flag.end :]
        text = re.sub(r"\s{2,}", " ", text).strip(" ,")
        if not text:
            return None
    if not flagger.objects(text):
        return text
    # "주소 변경 완료, 일 오후 2시 대기": the parts that pass are still worth keeping.
    parts = [p for p in text.split(", ") if not flagger.objects(p)]
    return ", ".join(parts) or None


def _facts(note: ConsultationNote, context: CallContext) -> object:
    from pipeline.flagging import CallFacts

    return CallFacts(
        call_date=context.call_date if context.call_date_known else None,
        dates=tuple(f.due for f in note.follow_ups if f.due),
        order_numbers=tuple(i.value for i in note.identifiers),
        responsible=note.agent.name and f"{note.agent.name} 상담원",
    )


def clean_drafts(note: ConsultationNote, context: CallContext) -> ConsultationNote:
    from pipeline.flagging import read_ahead

    flagger = _Flagger(_facts(note, context))
    fields: list[tuple[str, int | None]] = [
        ("purpose", None),
        ("issue.summary", None),
        ("issue.status", None),
        ("desired_outcome", None),
        *(("actions_taken", i) for i in range(len(note.actions_taken))),
    ]
    steps = [follow_up_sentence(f) for f in note.follow_ups]
    read_ahead(steps + [_read(note, name, index) for name, index in fields])
    # A follow-up is judged as the note reads it, with its owner and due date: its action alone
    # ("해지 여부 결정 후 연락") always lacks the when and who that sit in the other fields. One
    # the flagger still objects to is left out whole, for the agent to add: a step cut down to
    # the words that pass ("해지 여부") would be a wrong record.
    note.follow_ups = [f for f, step in zip(note.follow_ups, steps) if not flagger.objects(step)]
    # One text at a time: Kiwi reads short texts much faster than one long joined one.
    for name, index in fields:
        text = _read(note, name, index)
        if text and flagger.objects(text):
            _write(note, name, index, _clean(text, flagger))
    note.actions_taken = [a for a in note.actions_taken if a]
    note.summary = _clean_summary(note, flagger)
    return note


def _clean_summary(note: ConsultationNote, flagger: _Flagger) -> str:
    """The summary without the sentences the flagger objects to: a sentence is left out whole,
    never cut into a fragment."""
    from pipeline.flagging import read_ahead

    sentences = summary_sentences(note)
    read_ahead(sentences)
    return " ".join(s for s in sentences if not flagger.objects(s))


def _read(note: ConsultationNote, name: str, index: int | None) -> str | None:
    if name == "actions_taken":
        return note.actions_taken[index or 0]
    if name.startswith("issue."):
        return getattr(note.issue, name.removeprefix("issue."))
    return getattr(note, name)


def _write(note: ConsultationNote, name: str, index: int | None, text: str | None) -> None:
    if name == "actions_taken":
        note.actions_taken[index or 0] = text or ""
    elif name.startswith("issue."):
        setattr(note.issue, name.removeprefix("issue."), text)
    else:
        setattr(note, name, text if text is not None or name != "summary" else "")
