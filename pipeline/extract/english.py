"""English transcript → consultation note: the English counterpart of ``extract_note``'s Korean
stages, returning the same ``ConsultationNote`` with evidence and confidence.

    build_call         turns lower-cased, dates and spelled codes read once (english_call)
    parties            customer name / phone / e-mail, agent name (english_parties)
    identifiers        order, ticket, policy … numbers with their kind
    category …         category, complaint, resolution, occurred_on (english_outcome)
    drafts             actions, follow-ups, desired outcome, purpose, issue, status, summary
                       (english_text)
    clean              every drafted sentence passes the phrasing flagger, or is left out
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from models.note import ConsultationNote, CustomerInfo, FollowUp, Identifier, IssueInfo, Resolution
from models.transcript import Transcript
from pipeline.extract.context import Found, joined_evidence

if TYPE_CHECKING:
    from pipeline.extract.english_text import Record
    from pipeline.extract.label_models import LabelModels


def extract_english_note(
    transcript: Transcript,
    *,
    call_started_at: dt.datetime | None,
    label_models: LabelModels | None = None,
) -> ConsultationNote:
    """``label_models`` default to the shipped English ones; a benchmark passes models trained
    without the calls it scores."""
    from pipeline.extract import english_outcome as outcome
    from pipeline.extract import english_text as text
    from pipeline.extract.english_call import build_call
    from pipeline.extract.english_parties import identifiers, parties
    from pipeline.extract.label_models import (
        ENGLISH_RULE_WEIGHT,
        english_call_features,
        shipped_models,
        vote,
    )

    call = build_call(transcript, call_started_at)
    if not call.turns:
        return ConsultationNote(call_started_at=call_started_at, confidence={"category": 0.0})
    customer, agent, found = parties(call)
    numbers = identifiers(call, customer.phone)
    # The customer's own number (client, patient, customer id) belongs on the customer; the
    # identifiers' turns are in the identifiers' order.
    own = [n for n, i in enumerate(numbers.value) if i.kind == "customer_id"]
    customer.customer_id = numbers.value[own[0]].value if own else None
    found["customer.customer_id"] = Found(
        customer.customer_id, numbers.turns[own[0] : own[0] + 1] if own else (), 0.7 if own else 0.0
    )
    models = label_models or shipped_models("en")
    features = english_call_features(call)
    # The complaint stays the rules': the model won no more unseen calls than it lost.
    complaint = outcome.complaint(call)
    category = outcome.blended_category(call, complaint.value, models.category, features)
    resolution = vote(
        models.resolution, features, outcome.resolution(call), Resolution, ENGLISH_RULE_WEIGHT
    )
    found.update(
        {
            "category": category,
            "complaint": complaint,
            "resolution": resolution,
            "identifiers": Found([i for i in numbers.value if i.kind != "customer_id"], numbers.turns, numbers.confidence),
            "issue.occurred_on": outcome.occurred_on(call, category.value),
            "purpose": text.purpose(call, category.value),
            "issue.summary": text.issue_summary(call),
            "desired_outcome": text.desired_outcome(call, category.value),
            "actions_taken": text.actions_taken(call, _records(numbers, customer, found)),
            "follow_ups": text.follow_ups(call, resolution.value),
        }
    )
    actions = _clean_list(found["actions_taken"].value)  # type: ignore[arg-type]
    steps = [f for f in found["follow_ups"].value if _passes(follow_up_text(f))]  # type: ignore[union-attr]
    references = [
        i.value for i in found["identifiers"].value if i.kind in ("ticket", "other")  # type: ignore[union-attr]
    ]
    status = _clean(text.status(resolution.value, actions, steps, references))
    found["issue.status"] = Found(status, found["actions_taken"].turns[-1:], 0.4 if status else 0.0)
    reason = _clean(found["purpose"].value)  # type: ignore[arg-type]
    note = ConsultationNote(
        category=category.value,
        purpose=reason,
        customer=customer,
        agent=agent,
        identifiers=found["identifiers"].value,  # type: ignore[arg-type]
        issue=IssueInfo(
            summary=_clean(found["issue.summary"].value),  # type: ignore[arg-type]
            occurred_on=found["issue.occurred_on"].value,  # type: ignore[arg-type]
            status=status,
        ),
        desired_outcome=_clean(found["desired_outcome"].value),  # type: ignore[arg-type]
        actions_taken=actions,
        resolution=resolution.value,
        follow_ups=steps,
        complaint=complaint.value,
        call_started_at=call_started_at,
    )
    why = reason.split(": ", 1)[-1] if reason else None
    note.summary = " ".join(
        s
        for s in text.summary(
            customer.name, agent.name, why, actions, steps, [i.value for i in note.identifiers]
        )
        if _passes(s)
    )
    note.evidence = {k: f.evidence for k, f in found.items() if f.turns}
    note.evidence["summary"] = joined_evidence(note.evidence, "issue.summary", "actions_taken", "follow_ups")
    note.evidence = {k: refs for k, refs in note.evidence.items() if refs}
    note.confidence = {k: round(f.confidence, 2) for k, f in found.items()}
    note.confidence["summary"] = 0.4 if note.summary else 0.0
    return note


def _records(
    numbers: Found[list[Identifier]], customer: CustomerInfo, found: dict[str, Found[object]]
) -> list[Record]:
    """The numbers and contact details the call gave, with the turn each was said in."""
    from pipeline.extract.english_text import Record

    records = [Record(i.kind, i.value, turn) for i, turn in zip(numbers.value, numbers.turns)]
    for kind in ("phone", "email", "address"):
        value, turns = getattr(customer, kind), found[f"customer.{kind}"].turns
        if value and turns:
            records.append(Record(kind, value, turns[0]))
    return records


def follow_up_text(step: FollowUp) -> str:
    from pipeline.extract.drafting import follow_up_sentence

    return follow_up_sentence(step)


def _passes(text: str | None) -> bool:
    from pipeline.flagging import flag_text

    return bool(text) and not flag_text(text)  # type: ignore[arg-type]


def _clean(text: str | None) -> str | None:
    """The text, or None when the flagger objects: a drafted sentence is kept whole or not at
    all, never cut into a fragment that could read as a different fact."""
    return text if text and _passes(text) else None


def _clean_list(texts: list[str]) -> list[str]:
    return [t for t in texts if _passes(t)]
