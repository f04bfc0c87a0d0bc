"""Transcript → consultation-log draft (상담일지). The one place the field stages are composed:

    build_context        turns analysed once by Kiwi, numbers and dates written out
    extract_parties      customer name / phone / e-mail / address / id, agent name
    extract_identifiers  order, contract, ticket, model numbers
    classify_*           category, complaint, resolution (cue lexicons)
    read_facts           what the customer brought: object, problem, remedy (facts.py)
    issue                purpose, issue summary, desired outcome
    when                 when the problem happened (occurred_on)
    actions              actions taken, the agent's last word on the status
    followups            promised next steps: owner and due date
    summary_sentences    two or three sentences from the fields above
    clean_drafts         every generated sentence passes the phrasing flagger
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from models.note import ConsultationNote, IssueInfo, Resolution
from models.transcript import Transcript
from pipeline.extract.context import CallContext, Found, build_context, joined_evidence

if TYPE_CHECKING:
    from pipeline.extract.label_models import LabelModels


def extract_note(
    transcript: Transcript,
    *,
    call_started_at: dt.datetime | None,
    label_models: LabelModels | None = None,
) -> ConsultationNote:
    """``label_models`` default to the shipped ones; a benchmark passes models trained
    without the calls it scores."""
    from pipeline.extract import actions, followups, issue, when
    from pipeline.extract.classify import classify_category, classify_resolution, detect_complaint
    from pipeline.extract.drafting import (
        category_phrase,
        clean_drafts,
        compose_desired,
        compose_status,
    )
    from pipeline.extract.facts import read_facts
    from pipeline.extract.identifiers import extract_identifiers
    from pipeline.extract.label_models import call_features, category_features, shipped_models, vote
    from pipeline.extract.english_call import is_english
    from pipeline.extract.parties import extract_parties

    # The stages below read Kiwi's Korean morphemes; an English call has none to read.
    if is_english(transcript):
        from pipeline.extract.english import extract_english_note

        return extract_english_note(
            transcript, call_started_at=call_started_at, label_models=label_models
        )
    context = build_context(transcript, call_started_at)
    if not context.turns:  # a silent recording: nothing was said, so nothing is drafted
        return ConsultationNote(call_started_at=call_started_at, confidence={"category": 0.0})
    parties = extract_parties(context)
    named = {parties.customer.name, parties.agent.name} - {None}
    context = dataclasses.replace(context, names=frozenset(n for n in named if n))
    models = label_models or shipped_models()
    features = call_features(context)
    complaint = vote(models.complaint, features, detect_complaint(context), lambda v: v == "True")
    category = classify_category(context, models.category, category_features(context))
    resolution = vote(models.resolution, features, classify_resolution(context), Resolution)
    identifiers = extract_identifiers(context)
    facts = read_facts(context)
    occurred = when.occurred_on(context, facts.problems)
    ruled_kind = issue.request_kind(
        facts, category.value, resolution.value is Resolution.UNRESOLVED
    )
    kind = vote(models.purpose_kind, features, Found(ruled_kind), str)
    lookup = next((actions.KIND_NOUNS.get(i.kind) for i in identifiers.value), None)
    found: dict[str, Found[object]] = {
        **parties.found,
        "category": category,
        "complaint": complaint,
        "resolution": resolution,
        "identifiers": identifiers,
        "purpose": issue.purpose(facts, category.value, kind.value),
        "issue.summary": issue.issue_summary(context, facts, occurred.value),
        "issue.occurred_on": occurred,
        "issue.status": actions.status(context),
        "desired_outcome": issue.desired_outcome(context, facts),
        "actions_taken": actions.actions_taken(context, lookup),
    }
    topic = issue.topic(context, category_phrase(category.value))
    found["follow_ups"] = followups.follow_ups(context, resolution.value.value, topic)
    note = ConsultationNote(
        category=category.value,
        purpose=found["purpose"].value,
        customer=parties.customer,
        agent=parties.agent,
        identifiers=found["identifiers"].value,
        issue=IssueInfo(
            summary=found["issue.summary"].value,
            occurred_on=found["issue.occurred_on"].value,
            status=found["issue.status"].value,
        ),
        desired_outcome=found["desired_outcome"].value,
        actions_taken=found["actions_taken"].value,
        resolution=found["resolution"].value,
        follow_ups=found["follow_ups"].value,
        complaint=complaint.value,
        call_started_at=call_started_at,
    )
    agent_status = note.issue.status
    note.issue.status = compose_status(note, agent_status, topic)
    note.desired_outcome = compose_desired(note, note.desired_outcome, topic)
    note = clean_drafts(note, context)
    note.evidence = {k: f.evidence for k, f in found.items() if f.turns}
    note.confidence = {k: round(f.confidence, 2) for k, f in found.items()}
    # Composed fields point at the fields they were composed from.
    if note.issue.status != agent_status:
        note.evidence["issue.status"] = joined_evidence(note.evidence, "actions_taken", "follow_ups")
    note.evidence["summary"] = joined_evidence(note.evidence, "issue.summary", "actions_taken", "follow_ups")
    note.confidence["summary"] = 0.5 if note.summary else 0.0
    note.evidence = {k: refs for k, refs in note.evidence.items() if refs}
    return note


__all__ = ["CallContext", "extract_note"]
