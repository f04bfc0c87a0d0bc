"""Accepting an upload: check it, store it, queue it — all of it or none of it.

The bytes are streamed to a temporary file beside the recordings (hashing as they go), checked,
then moved to ``<storage_dir>/<call id>/`` and the call and its job are inserted in one
transaction. Any failure after the move removes the file again, so a rejected or failed upload
leaves nothing behind. The same bytes from the same agent are the same call: the unique
``(agent_id, recording_sha256)`` key returns the existing call, also when two uploads race.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from api.auth import Principal
from api.customers import find_or_create
from api.deps import Services
from callnotes.errors import (
    EmptyAudioError,
    InvalidAudioError,
    InvalidInputError,
    InvalidTranscriptError,
    PayloadTooLargeError,
    PermissionDeniedError,
)
from models.tables import AuditEntry, Call, CallSource, CallStatus, Job, Role, utcnow

log = logging.getLogger("callnotes.api.uploads")

_CHUNK = 1 << 20
MAX_TEXT_BYTES = 2_000_000
_AUDIO_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"RIFF", ".wav"),
    (0, b"fLaC", ".flac"),
    (0, b"OggS", ".ogg"),
    (0, b"ID3", ".mp3"),
    (4, b"ftyp", ".m4a"),
    (0, b"\x1a\x45\xdf\xa3", ".webm"),
    (0, b"#!AMR", ".amr"),
    (0, b"FORM", ".aiff"),
)


@dataclass(frozen=True)
class UploadMeta:
    agent_id: str | None = None
    customer_phone: str | None = None
    started_at: dt.datetime | None = None
    agent_channel: int | None = None
    language: str | None = None


@dataclass(frozen=True)
class Staged:
    path: Path
    sha256: str
    size: int


def parse_channel_map(value: str | None) -> int | None:
    """``{"agent": 0, "customer": 1}`` (or just ``0``/``1``): which stereo channel is the agent."""
    if value is None or not value.strip():
        return None
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError:
        raise InvalidInputError(
            'channel_map must be JSON like {"agent": 0, "customer": 1}'
        ) from None
    if isinstance(parsed, int) and parsed in (0, 1):
        return parsed
    if isinstance(parsed, dict) and parsed.get("agent") in (0, 1):
        customer = parsed.get("customer", 1 - parsed["agent"])
        if customer == parsed["agent"] or customer not in (0, 1):
            raise InvalidInputError("channel_map: agent and customer need different channels (0, 1)")
        return int(parsed["agent"])
    raise InvalidInputError('channel_map must be JSON like {"agent": 0, "customer": 1}')


def parse_started_at(value: str | None) -> dt.datetime | None:
    if value is None or not value.strip():
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInputError(
            f"started_at must be ISO 8601 with an offset, e.g. 2026-11-20T14:05:00+09:00 (got {value[:40]!r})"
        ) from None
    if parsed.tzinfo is None:
        raise InvalidInputError("started_at needs a UTC offset, e.g. 2026-11-20T14:05:00+09:00")
    return parsed.astimezone(dt.UTC)


def resolve_agent(user: Principal, agent_id: str | None) -> str:
    if user.role is Role.AGENT:
        if agent_id and agent_id != user.name:
            raise PermissionDeniedError("an agent can upload only its own calls")
        return user.name
    return agent_id or user.name


def stage(stream: BinaryIO, directory: Path, limit_bytes: int) -> Staged:
    """Copy the upload to a temporary file, hashing it; refuse it past ``limit_bytes``."""
    directory.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    handle, name = tempfile.mkstemp(prefix=".incoming-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit_bytes:
                    raise PayloadTooLargeError(
                        f"the upload is larger than the limit of {limit_bytes // (1 << 20)} MB "
                        "(CALLNOTES_API__MAX_UPLOAD_MB)"
                    )
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        os.unlink(name)
        raise
    return Staged(Path(name), digest.hexdigest(), size)


def check_audio(path: Path, filename: str | None) -> tuple[str, float | None]:
    """The extension to store the recording under and its duration; 4xx for anything else."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if not head:
        raise EmptyAudioError(f"{filename or 'the upload'}: the file is empty (0 bytes)")
    extension = next((ext for offset, magic, ext in _AUDIO_MAGIC
                      if head[offset:offset + len(magic)] == magic), None)
    if extension is None and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        extension = ".mp3"  # an MPEG audio frame without an ID3 tag
    if extension is None:
        raise InvalidAudioError(
            f"{filename or 'the upload'}: not a recording (expected WAV, FLAC, OGG, MP3, M4A, "
            "WebM, AMR or AIFF); plain-text transcripts go to POST /calls/transcript"
        )
    return extension, _probe_duration(path, filename)


def _probe_duration(path: Path, filename: str | None) -> float | None:
    import soundfile

    name = filename or "the upload"
    try:
        info = soundfile.info(str(path))
    except (soundfile.LibsndfileError, RuntimeError):
        info = None
    if info is not None:
        if info.frames <= 0:
            raise EmptyAudioError(f"{name}: the recording has zero duration")
        return info.frames / info.samplerate
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise InvalidAudioError(f"{name}: the file has no audio stream")
            return container.duration / 1_000_000 if container.duration else None
    except (av.error.FFmpegError, UnicodeDecodeError):
        raise InvalidAudioError(f"{name}: the file is truncated or not a recording we can read") from None


def check_text(path: Path, filename: str | None) -> str:
    raw = path.read_bytes()
    name = filename or "the upload"
    if not raw.strip():
        raise InvalidTranscriptError(f"{name}: the transcript is empty")
    if b"\x00" in raw:
        raise InvalidTranscriptError(f"{name}: binary data, not a plain-text transcript")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidTranscriptError(f"{name}: the transcript must be UTF-8 text") from None
    try:
        from pipeline.textinput import parse_text_transcript
    except ImportError:  # the text importer is optional at upload time; the worker checks again
        return text
    parse_text_transcript(text)  # raises InvalidTranscriptError naming the problem
    return text


def _existing(session, agent_id: str, sha256: str) -> Call | None:
    return session.scalars(
        select(Call).where(Call.agent_id == agent_id, Call.recording_sha256 == sha256)
    ).first()


def accept(
    svc: Services,
    user: Principal,
    stream: BinaryIO,
    filename: str | None,
    content_type: str | None,
    meta: UploadMeta,
    source: CallSource,
) -> tuple[Call, bool]:
    """Store an upload and queue it. Returns the call and whether it is new."""
    agent_id = resolve_agent(user, meta.agent_id)
    storage = Path(svc.settings.api.storage_dir)
    limit = svc.settings.api.max_upload_mb << 20
    if source is CallSource.TEXT:
        limit = min(limit, MAX_TEXT_BYTES)
    staged = stage(stream, storage, limit)
    final_dir: Path | None = None
    try:
        with svc.database.transaction(write=False) as session:
            found = _existing(session, agent_id, staged.sha256)
        if found is not None:
            return _requeue_if_failed(svc, user, found, staged), False
        call_id = str(uuid.uuid4())
        call = Call(
            id=call_id, agent_id=agent_id, started_at=meta.started_at, source=source.value,
            language=meta.language, agent_channel=meta.agent_channel,
            recording_sha256=staged.sha256, recording_size=staged.size,
            content_type=content_type, status=CallStatus.QUEUED.value,
        )
        if source is CallSource.TEXT:
            call.source_text_enc = svc.vault.encrypt(check_text(staged.path, filename))
        else:
            extension, call.duration = check_audio(staged.path, filename)
            final_dir = storage / call_id
            final_dir.mkdir(parents=True)
            final_path = final_dir / f"recording{extension}"
            os.replace(staged.path, final_path)
            call.recording_path = str(final_path.resolve())
        return _insert(svc, user, call, meta), True
    except IntegrityError:
        # Another request stored the same bytes for this agent first: that call is this call.
        with svc.database.transaction(write=False) as session:
            found = _existing(session, agent_id, staged.sha256)
        if found is None:
            raise
        return found, False
    finally:
        staged.path.unlink(missing_ok=True)
        if final_dir is not None and not _stored(svc, final_dir):
            shutil.rmtree(final_dir, ignore_errors=True)


def _requeue_if_failed(svc: Services, user: Principal, call: Call, staged: Staged) -> Call:
    """Uploading a failed call again is how a person asks for another try (and, if the stored
    recording was lost, how it gets its bytes back: they are the same bytes, by the hash)."""
    if call.status != CallStatus.FAILED.value:
        return call
    if call.recording_path and not os.path.isfile(call.recording_path):
        Path(call.recording_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(staged.path, call.recording_path)
    with svc.database.transaction() as session:
        call = session.get(Call, call.id)
        job = session.scalars(select(Job).where(Job.call_id == call.id)).one()
        if call.status == CallStatus.FAILED.value:
            call.status, call.failure_reason = CallStatus.QUEUED.value, None
            job.status, job.attempts, job.last_error = "queued", 0, None
            job.run_after, job.lease_token, job.lease_until = utcnow(), None, None
            session.add(AuditEntry(actor=user.name, action="call.retry", call_id=call.id))
    return call


def _stored(svc: Services, directory: Path) -> bool:
    with svc.database.transaction(write=False) as session:
        return session.get(Call, directory.name) is not None


def _insert(svc: Services, user: Principal, call: Call, meta: UploadMeta) -> Call:
    with svc.database.transaction() as session:
        customer = find_or_create(session, svc.vault, meta.customer_phone)
        call.customer_id = customer.id if customer else None
        session.add(call)
        session.flush()
        session.add(Job(call_id=call.id, max_attempts=svc.settings.worker.max_attempts))
        session.add(AuditEntry(
            actor=user.name, action="call.upload", call_id=call.id,
            detail=json.dumps({"source": call.source, "bytes": call.recording_size}),
        ))
    log.info("call %s queued (%s, %d bytes)", call.id, call.source, call.recording_size)
    return call
