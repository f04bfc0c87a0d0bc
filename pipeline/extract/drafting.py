"""The note's summary, and the guarantee that every drafted sentence passes the phrasing flagger.

A drafted sentence that the flagger objects to is rewritten with the flagger's own suggestion
when that suggestion needs no blank filled in, else the flagged words are left out, else the
sentence is dropped: a draft never asks the agent to fix the machine's wording.
"""

from __future__ import annotations

import re
from functools import cache

from models.note import ConsultationNote, FollowUp, Owner, Resolution
from pipeline.extract.context import CallContext
from pipeline.hangul import object_particle, subject_particle
from pipeline.normalize.dates import written_date
from pipeline.nlp import word_list

_OWNER_LABELS = {Owner.AGENT: "상담원", Owner.COMPANY: "회사", Owner.CUSTOMER: "고객"}
_RESOLUTION_SENTENCES = {Resolution.UNRESOLVED: "고객이 결정을 미루어 합의된 조치는 없음."}
MAX_SUMMARY_ACTIONS = 3
MAX_CLEANING_ROUNDS = 3


@cache
def _phrases() -> dict[str, str]:
    pairs = (line.split(maxsplit=1) for line in word_list("category_phrases"))
    return {category: phrase for category, phrase in pairs}


def category_phrase(category: str) -> str:
    return _phrases().get(category, "")


def _date(follow_up: FollowUp) -> str:
    return f"{written_date(follow_up.due)}까지 " if follow_up.due else ""


def compose_summary(note: ConsultationNote) -> str:
    """주요 상담 내용: what the customer raised, what the agent did, what happens next."""
    return " ".join(summary_sentences(note))


def summary_sentences(note: ConsultationNote) -> list[str]:
    """Two or three sentences: what the customer raised (and why), what the agent did, and the
    next step or where the case stands."""
    sentences: list[str] = []
    clauses = note.issue.summary.split(", ") if note.issue.summary else []
    issue = ", ".join(clauses[:MAX_SUMMARY_ISSUE_CLAUSES])
    if note.purpose and issue:
        sentences.append(f"고객이 {note.purpose}함: {_sentence(issue)}")
    elif issue:
        sentences.append(f"고객 문의: {_sentence(issue)}")
    elif note.purpose:
        sentences.append(f"고객이 {note.purpose}함.")
    done = [a for a in note.actions_taken if a != "본인 확인"][:MAX_SUMMARY_ACTIONS]
    if done:
        listed = ", ".join(done)
        sentences.append(f"상담원이 {listed}{object_particle(listed)} 진행함.")
    if note.follow_ups:
        sentences.append(follow_up_sentence(note.follow_ups[0]))
    elif note.issue.status:
        sentences.append(f"현재 상태: {note.issue.status}.")
    elif note.resolution in _RESOLUTION_SENTENCES:
        sentences.append(_RESOLUTION_SENTENCES[note.resolution])
    return sentences


MAX_SUMMARY_ISSUE_CLAUSES = 3


def follow_up_sentence(follow_up: FollowUp) -> str:
    """A follow-up as the note reads it: who, by when, what. A customer who names no date
    ("생각해 보고 다시 전화드릴게요") is recorded as what they said: the company cannot set their
    date, and "고객이 … 예정" without one would be a vague placeholder."""
    if follow_up.owner is Owner.CUSTOMER and follow_up.due is None:
        return f"고객이 {follow_up.action}하겠다고 말함."
    who = _OWNER_LABELS[follow_up.owner]
    return f"{who}{subject_particle(who)} {_date(follow_up)}{follow_up.action} 예정."


# Actions that change the case (a request filed, a setting changed), as opposed to telling.
_STATE_CHANGES = ("접수", "변경", "정지", "해제", "등록", "예약", "신청", "재발급", "취소", "해지",
                  "요청", "이관", "차단", "초기화", "재설정", "교환", "반품", "환불", "보류")
_HANDOFFS = ("접수", "요청", "이관", "신청")


def compose_status(note: ConsultationNote, agent_status: str | None, topic: str) -> str | None:
    """현재 상태 from the outcome and what the agent did: done → "… 완료"; waiting →
    "… 완료, … 대기(날짜)"; handed on → the hand-off; undecided → "… 여부 미결정"."""
    actions = [a for a in note.actions_taken if not a.endswith(("본인 확인", " 조회"))]
    changes = [a for a in actions if a.endswith(_STATE_CHANGES)]
    told = [a for a in actions if a.endswith("안내")]
    if note.resolution is Resolution.UNRESOLVED and topic:
        return ", ".join([*(f"{t} 완료" for t in told[:1]), f"{topic} 여부 미결정"])
    if note.resolution is Resolution.ESCALATED:
        handoffs = [a for a in actions if a.endswith(_HANDOFFS)]
        return handoffs[-1] if handoffs else agent_status
    if note.resolution is Resolution.PENDING and note.follow_ups:
        follow_up = note.follow_ups[0]
        due = f"({written_date(follow_up.due)})" if follow_up.due else ""
        done = [f"{changes[0]} 완료"] if changes else []
        return ", ".join([*done, f"{follow_up.action} 대기{due}"])
    main = changes[:2] or actions[-1:]
    if main:
        return ", ".join(main) + " 완료"
    return agent_status


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


def _clean(text: str | None, facts: object) -> str | None:
    from pipeline.flagging import flag_text

    if not text:
        return text
    for _ in range(MAX_CLEANING_ROUNDS):
        flags = flag_text(text, facts=facts)  # type: ignore[arg-type]
        if not flags:
            return text
        for flag in sorted(flags, key=lambda f: -f.start):
            usable = flag.suggestion and "[" not in flag.suggestion and "…" not in flag.suggestion
            replacement = flag.suggestion if usable else ""
            text = text[: flag.start] + (replacement or "") + text[flag.end :]
        text = re.sub(r"\s{2,}", " ", text).strip(" ,")
        if not text:
            return None
    if not flag_text(text, facts=facts):  # type: ignore[arg-type]
        return text
    # "주소 변경 완료, 일 오후 2시 대기": the parts that pass are still worth keeping.
    parts = [p for p in text.split(", ") if not flag_text(p, facts=facts)]  # type: ignore[arg-type]
    return ", ".join(parts) or None


def _facts(note: ConsultationNote, context: CallContext) -> object:
    from pipeline.flagging import CallFacts

    return CallFacts(
        call_date=context.call_date if context.call_date_known else None,
        dates=tuple(f.due for f in note.follow_ups if f.due),
        order_numbers=tuple(i.value for i in note.identifiers),
        responsible=note.agent.name and f"{note.agent.name} 상담원",
    )


def _needs_cleaning(texts: list[str], facts: object) -> set[int]:
    """Which drafted texts the flagger objects to. One text at a time: Kiwi reads short
    texts much faster than one long joined one."""
    from pipeline.flagging import flag_text

    return {i for i, text in enumerate(texts) if text and flag_text(text, facts=facts)}  # type: ignore[arg-type]


def clean_drafts(note: ConsultationNote, context: CallContext) -> ConsultationNote:
    facts = _facts(note, context)
    # A follow-up is judged as the note reads it, with its owner and due date: its action alone
    # ("해지 여부 결정 후 연락") always lacks the when and who that sit in the other fields. One
    # the flagger still objects to is left out whole, for the agent to add: a step cut down to
    # the words that pass ("해지 여부") would be a wrong record.
    note.follow_ups = [
        f for f in note.follow_ups if not _needs_cleaning([follow_up_sentence(f)], facts)
    ]
    note.summary = compose_summary(note)
    fields: list[tuple[str, int | None]] = [
        ("purpose", None),
        ("issue.summary", None),
        ("issue.status", None),
        ("desired_outcome", None),
        ("summary", None),
        *(("actions_taken", i) for i in range(len(note.actions_taken))),
    ]
    texts = [_read(note, name, index) or "" for name, index in fields]
    flagged = _needs_cleaning(texts, facts)
    if not flagged:
        return note
    for position in sorted(flagged):
        name, index = fields[position]
        _write(note, name, index, _clean(texts[position], facts))
    note.actions_taken = [a for a in note.actions_taken if a]
    note.summary = _clean_summary(note, facts)
    return note


def _clean_summary(note: ConsultationNote, facts: object) -> str:
    """The summary without the sentences the flagger objects to: a sentence is left out whole,
    never cut into a fragment."""
    from pipeline.flagging import flag_text

    kept = [s for s in summary_sentences(note) if not flag_text(s, facts=facts)]  # type: ignore[arg-type]
    return " ".join(kept)


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
