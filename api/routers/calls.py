"""Calls: upload a recording or a transcript, follow its status, read the transcript, play it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from sqlalchemy import func, select

from api import drafts, uploads
from api.deps import PrincipalDep, ServicesDep, SessionDep, WriterDep, visible_call
from api.errors import documented_errors
from callnotes.errors import InvalidInputError, NotFoundError, PayloadTooLargeError, PermissionDeniedError
from models.api import CallAccepted, CallLinks, CallOut, CallPage, TranscriptOut, UtteranceOut
from models.tables import Call, CallSource, CallStatus, Role, Transcript

router = APIRouter(prefix="/calls", tags=["calls"])

_NOT_FOUND = {404: "No such call, or not yours."}
ERRORS = documented_errors(_NOT_FOUND)
UPLOAD_ERRORS = documented_errors({
    **_NOT_FOUND,
    403: "Agents upload their own calls only; qa cannot upload.",
    413: "Larger than CALLNOTES_API__MAX_UPLOAD_MB.",
    422: "Not a recording / transcript, or bad metadata.",
})
_MULTIPART_OVERHEAD = 64 * 1024


def links(call: Call) -> CallLinks:
    base = f"/calls/{call.id}"
    return CallLinks(
        self=base, transcript=f"{base}/transcript",
        audio=f"{base}/audio" if call.source == CallSource.AUDIO.value else None,
        draft=f"{base}/draft", confirm=f"{base}/confirm",
        customer_notes=f"/customers/{call.customer_id}/notes" if call.customer_id else None,
    )


def call_out(call: Call) -> CallOut:
    return CallOut(
        id=call.id, agent_id=call.agent_id, customer_id=call.customer_id,
        started_at=call.started_at, duration=call.duration, source=call.source,
        language=call.language, status=call.status, failure_reason=call.failure_reason,
        category=call.category, recording_sha256=call.recording_sha256,
        created_at=call.created_at, updated_at=call.updated_at, links=links(call),
    )


def _refuse_oversized(request: Request, limit_mb: int) -> None:
    # Refuse before reading the body when the client says how big it is.
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > (limit_mb << 20) + _MULTIPART_OVERHEAD:
        raise PayloadTooLargeError(
            f"the upload is larger than the limit of {limit_mb} MB (CALLNOTES_API__MAX_UPLOAD_MB)"
        )


def _accepted(call: Call, created: bool) -> JSONResponse:
    body = CallAccepted(id=call.id, status=call.status, status_url=f"/calls/{call.id}",
                        duplicate=not created)
    return JSONResponse(body.model_dump(mode="json"), status_code=202,
                        headers={"Location": f"/calls/{call.id}"})


def _meta(agent_id, customer_phone, started_at, channel_map, language) -> uploads.UploadMeta:
    if language is not None and not (language == "auto" or (language.isalpha() and len(language) <= 3)):
        raise InvalidInputError("language must be an ISO code such as ko or en, or auto")
    return uploads.UploadMeta(
        agent_id=agent_id or None, customer_phone=customer_phone or None,
        started_at=uploads.parse_started_at(started_at),
        agent_channel=uploads.parse_channel_map(channel_map), language=language or None,
    )


AgentField = Annotated[str | None, Form(description="The agent who took the call (default: you; admins may set any).")]
PhoneField = Annotated[str | None, Form(description="The customer's phone number, if known: links the call to their earlier notes.")]
StartedField = Annotated[str | None, Form(description="When the call started, ISO 8601 with offset.")]
ChannelField = Annotated[str | None, Form(description='Stereo channel map, JSON: {"agent": 0, "customer": 1}.')]
LanguageField = Annotated[str | None, Form(description="Spoken language (ko, en, … or auto); default CALLNOTES_ASR__LANGUAGE.")]


@router.post("", status_code=202, response_model=CallAccepted, responses=UPLOAD_ERRORS,
             summary="Upload a recording; it is processed in the background")
def upload_recording(
    request: Request, svc: ServicesDep, user: WriterDep,
    file: Annotated[UploadFile, File(description="The recording: WAV, FLAC, OGG, MP3, M4A, …")],
    agent_id: AgentField = None, customer_phone: PhoneField = None, started_at: StartedField = None,
    channel_map: ChannelField = None, language: LanguageField = None,
) -> JSONResponse:
    """Idempotent: the same bytes for the same agent return the same call (``duplicate: true``)."""
    _refuse_oversized(request, svc.settings.api.max_upload_mb)
    meta = _meta(agent_id, customer_phone, started_at, channel_map, language)
    call, created = uploads.accept(svc, user, file.file, file.filename, file.content_type, meta,
                                   CallSource.AUDIO)
    return _accepted(call, created)


@router.post("/transcript", status_code=202, response_model=CallAccepted, responses=UPLOAD_ERRORS,
             summary="Upload a plain-text transcript (no audio)")
def upload_transcript(
    request: Request, svc: ServicesDep, user: WriterDep,
    file: Annotated[UploadFile, File(description="UTF-8 text, one turn per line: '상담원: …' / '고객: …'")],
    agent_id: AgentField = None, customer_phone: PhoneField = None, started_at: StartedField = None,
) -> JSONResponse:
    _refuse_oversized(request, svc.settings.api.max_upload_mb)
    meta = _meta(agent_id, customer_phone, started_at, None, None)
    call, created = uploads.accept(svc, user, file.file, file.filename, file.content_type, meta,
                                   CallSource.TEXT)
    return _accepted(call, created)


@router.get("", response_model=CallPage, responses=ERRORS, summary="List calls")
def list_calls(
    request: Request, session: SessionDep, user: PrincipalDep,
    agent: Annotated[str | None, Query(description="Agent id (agents always see only their own).")] = None,
    status: Annotated[CallStatus | None, Query()] = None,
    from_: Annotated[dt.datetime | None, Query(alias="from", description="started_at ≥ this")] = None,
    to: Annotated[dt.datetime | None, Query(description="started_at < this")] = None,
    category: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> CallPage:
    conditions = []
    if user.role is Role.AGENT:
        conditions.append(Call.agent_id == user.name)
    elif agent:
        conditions.append(Call.agent_id == agent)
    if user.role is Role.QA:
        conditions.append(Call.status == CallStatus.CONFIRMED.value)
    if status is not None:
        conditions.append(Call.status == status.value)
    for bound, op in ((from_, "ge"), (to, "lt")):
        if bound is not None:
            if bound.tzinfo is None:
                raise InvalidInputError("from/to need a UTC offset, e.g. 2026-11-20T00:00:00+09:00")
            bound = bound.astimezone(dt.UTC)
            conditions.append(Call.started_at >= bound if op == "ge" else Call.started_at < bound)
    if category:
        conditions.append(Call.category == category)
    total = session.scalar(select(func.count()).select_from(Call).where(*conditions)) or 0
    rows = session.scalars(
        select(Call).where(*conditions)
        .order_by(Call.started_at.desc().nulls_last(), Call.created_at.desc(), Call.id)
        .limit(limit).offset(offset)
    ).all()
    next_url = None
    if offset + len(rows) < total:
        params = {k: v for k, v in request.query_params.items() if k != "offset"}
        next_url = f"/calls?{urlencode({**params, 'offset': offset + limit})}"
    return CallPage(items=[call_out(c) for c in rows], total=total, limit=limit, offset=offset,
                    next=next_url)


@router.get("/{call_id}", response_model=CallOut, responses=ERRORS,
            summary="A call and its status (queued, processing, drafted, confirmed, failed)")
def get_call(call_id: str, session: SessionDep, user: PrincipalDep) -> CallOut:
    return call_out(visible_call(session, user, call_id))


@router.get("/{call_id}/transcript", response_model=TranscriptOut, responses=ERRORS,
            summary="The transcript, PII masked")
def get_transcript(call_id: str, session: SessionDep, svc: ServicesDep, user: PrincipalDep) -> TranscriptOut:
    call = visible_call(session, user, call_id)
    row = session.get(Transcript, call.id)
    if row is None:
        raise NotFoundError(f"call {call_id} has no transcript yet (status: {call.status})")
    meta = json.loads(row.meta_json)
    mask = drafts.text_masker(session, svc.vault, call.id) if user.masked_view else None
    utterances = []
    for u in row.utterances:
        text = svc.vault.decrypt(u.text_enc) or ""
        utterances.append(UtteranceOut(
            id=u.key, speaker=u.speaker, role=u.role, start=u.start, end=u.end, channel=u.channel,
            text=mask(text) if mask else text,
        ))
    return TranscriptOut(call_id=call.id, language=row.language, duration=row.duration,
                         roles=meta.get("roles") or {}, warnings=meta.get("warnings") or [],
                         utterances=utterances)


@router.get("/{call_id}/audio", response_class=FileResponse, responses={
    **documented_errors({**_NOT_FOUND, 403: "The qa role gets no recordings (they cannot be masked)."}),
    206: {"description": "Partial content (Range requests)."}},
    summary="The recording, for playback (supports Range)")
def get_audio(call_id: str, session: SessionDep, user: PrincipalDep) -> FileResponse:
    call = visible_call(session, user, call_id)
    if user.masked_view:
        raise PermissionDeniedError("recordings cannot be masked; the qa role reads transcripts")
    if call.source != CallSource.AUDIO.value or not call.recording_path:
        raise NotFoundError(f"call {call_id} was uploaded as text and has no recording")
    media = call.content_type if (call.content_type or "").startswith("audio/") else None
    return FileResponse(call.recording_path, media_type=media or "application/octet-stream",
                        filename=f"{call.id}{_suffix(call.recording_path)}",
                        content_disposition_type="inline")


def _suffix(path: str) -> str:
    return path[path.rfind("."):] if "." in path else ""
