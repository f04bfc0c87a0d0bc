"""Request and response bodies of the review API (what OpenAPI shows)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

CallStatusName = Literal["queued", "processing", "drafted", "confirmed", "failed"]


class ErrorBody(BaseModel):
    code: str
    message: str
    detail: Any | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class CallLinks(BaseModel):
    self: str
    transcript: str
    audio: str | None
    draft: str
    confirm: str
    customer_notes: str | None


class CallAccepted(BaseModel):
    id: str
    status: CallStatusName
    status_url: str
    duplicate: bool = Field(description="True when these bytes were already uploaded for this agent.")


class CallOut(BaseModel):
    id: str
    agent_id: str
    customer_id: str | None
    started_at: dt.datetime | None
    duration: float | None
    source: Literal["audio", "text"]
    language: str | None
    status: CallStatusName
    failure_reason: str | None
    category: str | None
    recording_sha256: str
    created_at: dt.datetime
    updated_at: dt.datetime
    links: CallLinks


class CallPage(BaseModel):
    items: list[CallOut]
    total: int
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, if any.")


class UtteranceOut(BaseModel):
    id: str
    speaker: str
    role: str
    start: float | None
    end: float | None
    channel: int | None
    text: str


class TranscriptOut(BaseModel):
    call_id: str
    language: str | None
    duration: float | None
    roles: dict[str, Any]
    warnings: list[str]
    utterances: list[UtteranceOut]


class FlagOut(BaseModel):
    id: int
    field: str | None
    kind: str
    start: int
    end: int
    text: str
    reason: str
    suggestion: str | None
    status: Literal["open", "acknowledged", "resolved"]
    raised_in_version: int
    acknowledged_by: str | None = None
    acknowledgement: str | None = None


class PreviousNote(BaseModel):
    call_id: str
    confirmed_at: dt.datetime
    category: str | None
    summary: str


class DraftOut(BaseModel):
    call_id: str
    version: int = Field(description="Send it back as If-Match when editing.")
    confirmed: bool
    fields: dict[str, Any] = Field(description="The consultation-note fields (ConsultationNote).")
    evidence: dict[str, Any]
    confidence: dict[str, float]
    flags: list[FlagOut]
    updated_at: dt.datetime
    updated_by: str
    previous_notes: list[PreviousNote] = Field(
        default_factory=list, description="The customer's latest confirmed notes from other calls."
    )


class DraftPatched(DraftOut):
    new_flags: list[FlagOut] = Field(description="Flags raised by this edit's free text.")
    changed_fields: list[str]


class Acknowledgement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flag_id: int
    reason: str = Field(min_length=3, max_length=1000)


class AcknowledgeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=3, max_length=1000)


class ConfirmRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int | None = Field(
        None, description="The version being confirmed (or send If-Match); the current one if unset."
    )
    acknowledgements: list[Acknowledgement] = Field(default_factory=list)


class ConfirmedNoteOut(BaseModel):
    call_id: str
    customer_id: str | None
    draft_version: int
    category: str | None
    fields: dict[str, Any]
    flags: list[dict[str, Any]]
    confirmed_by: str
    confirmed_at: dt.datetime


class CustomerNotes(BaseModel):
    customer_id: str
    items: list[ConfirmedNoteOut]
    total: int
    limit: int
    offset: int


class HealthOut(BaseModel):
    status: Literal["ok", "unavailable"]
    checks: dict[str, str] = Field(default_factory=dict)
