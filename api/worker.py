"""Background processing: a job queue in the database and the workers that drain it.

One machine needs no broker: jobs are rows. A worker claims a job by setting a lease (a fresh
token and an expiry) in one conditional UPDATE; on PostgreSQL the candidate is picked with
``SELECT … FOR UPDATE SKIP LOCKED`` so several ``callnotes worker`` processes never wait on each
other. While it runs, a heartbeat extends the lease; if the process dies the lease runs out and
another worker takes the job over. The draft is written in the same transaction that marks the
job done *with the claim's token*, and ``drafts.call_id`` is unique, so a worker that lost its
lease can never add a second draft.

Failures the input causes (undecodable audio, an unreadable transcript) fail the call at once
with the reason; anything else (a recording the storage cannot serve right now, a database error
while storing the draft) is retried with exponential backoff up to ``max_attempts``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError

from api.crypto import Vault, for_log
from api.db import Database
from api.drafts import create_first_version
from callnotes.config import Settings
from callnotes.errors import (
    CallnotesError,
    InvalidInputError,
    ProcessingError,
    StorageUnavailableError,
)
from models.tables import AuditEntry, Call, CallSource, CallStatus, Job, JobStatus, utcnow
from models.tables import Transcript as TranscriptRow
from models.tables import Utterance as UtteranceRow

log = logging.getLogger("callnotes.worker")

ProgressHook = Callable[[str, str, float, float], None]  # call id, stage, completed, total
_PERMANENT = (InvalidInputError, ProcessingError)


@dataclass(frozen=True)
class Claim:
    job_id: int
    call_id: str
    token: str
    attempt: int


def _claimable(now: dt.datetime):
    return or_(
        and_(Job.status == JobStatus.QUEUED.value, Job.run_after <= now),
        and_(Job.status == JobStatus.RUNNING.value, Job.lease_until < now),
    )


class JobQueue:
    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings

    @property
    def lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.settings.worker.lease_seconds)

    def claim(self, worker_id: str) -> Claim | None:
        while True:
            now = utcnow()
            with self.database.transaction() as session:
                job = session.scalars(
                    select(Job).where(_claimable(now)).order_by(Job.run_after, Job.id).limit(1)
                    .with_for_update(skip_locked=True)
                ).first()
                if job is None:
                    return None
                token = str(uuid.uuid4())
                claimed = session.execute(
                    update(Job).where(Job.id == job.id, _claimable(now)).values(
                        status=JobStatus.RUNNING.value, lease_token=token, worker_id=worker_id,
                        lease_until=now + self.lease, attempts=Job.attempts + 1, updated_at=now,
                    ).execution_options(synchronize_session=False)
                ).rowcount
                if claimed != 1:
                    continue  # another worker got it between the select and the update
                session.refresh(job)
                call = session.get(Call, job.call_id)
                if job.attempts > job.max_attempts:
                    # Its workers kept dying (e.g. out of memory on this recording): stop trying.
                    self._fail(session, job, call, f"gave up after {job.max_attempts} attempts "
                               "(the worker processing it stopped each time)")
                    continue
                call.status = CallStatus.PROCESSING.value
                return Claim(job.id, job.call_id, token, job.attempts)

    def heartbeat(self, claim: Claim) -> bool:
        with self.database.transaction() as session:
            return session.execute(
                update(Job).where(Job.id == claim.job_id, Job.lease_token == claim.token,
                                  Job.status == JobStatus.RUNNING.value)
                .values(lease_until=utcnow() + self.lease)
                .execution_options(synchronize_session=False)
            ).rowcount == 1

    def finish(self, session, claim: Claim) -> bool:
        """Mark the job done, in the caller's transaction, if this claim still holds it."""
        return session.execute(
            update(Job).where(Job.id == claim.job_id, Job.lease_token == claim.token,
                              Job.status == JobStatus.RUNNING.value)
            .values(status=JobStatus.DONE.value, lease_until=None, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount == 1

    def release(self, claim: Claim, error: BaseException) -> None:
        """After a failure: retry later, or fail the call with the reason."""
        reason = _reason(error)
        with self.database.transaction() as session:
            job = session.get(Job, claim.job_id)
            if job is None or job.lease_token != claim.token or job.status != JobStatus.RUNNING.value:
                return
            call = session.get(Call, claim.call_id)
            if isinstance(error, _PERMANENT):
                self._fail(session, job, call, reason)
                return
            if job.attempts >= job.max_attempts:
                # Say it was retried: otherwise a transient cause reads like a verdict on the call.
                self._fail(session, job, call, f"{reason} (gave up after {job.attempts} attempts)")
                return
            delay = self.settings.worker.retry_backoff_seconds * 2 ** (job.attempts - 1)
            job.status, job.lease_token, job.lease_until = JobStatus.QUEUED.value, None, None
            job.run_after, job.last_error = utcnow() + dt.timedelta(seconds=delay), reason
            call.status = CallStatus.QUEUED.value
            log.warning("call %s: attempt %d failed (%s); retrying in %.0f s",
                        call.id, job.attempts, reason, delay)

    def _fail(self, session, job: Job, call: Call, reason: str) -> None:
        job.status, job.lease_token, job.lease_until, job.last_error = (
            JobStatus.FAILED.value, None, None, reason)
        call.status, call.failure_reason = CallStatus.FAILED.value, reason
        session.add(AuditEntry(actor="worker", action="call.failed", call_id=call.id,
                               detail=json.dumps({"reason": reason}, ensure_ascii=False)))
        log.warning("call %s failed: %s", call.id, reason)


def _reason(error: BaseException) -> str:
    if isinstance(error, CallnotesError):
        return for_log(error.message)
    return f"{type(error).__name__}: {for_log(str(error))[:300]}"


# --- running one job ----------------------------------------------------------------------------


def _call_time(call: Call, settings: Settings) -> dt.datetime | None:
    if call.started_at is None:
        return None
    # Relative dates in the call ("내일") are the centre's local days, not UTC days.
    return call.started_at.astimezone(ZoneInfo(settings.extraction.timezone))


def process_call(call: Call, vault: Vault, settings: Settings, progress=None):
    """Run the pipeline for a call: the transcript text or the stored recording."""
    from pipeline.process import process_recording, process_text

    started = _call_time(call, settings)
    if call.source == CallSource.TEXT.value:
        return process_text(vault.decrypt(call.source_text_enc) or "", call_started_at=started)
    if not call.recording_path or not os.path.isfile(call.recording_path):
        raise ProcessingError("the stored recording is missing")
    _check_readable(call.recording_path)
    if call.language:
        settings = settings.model_copy(
            update={"asr": settings.asr.model_copy(update={"language": call.language})})
    return process_recording(call.recording_path, call_started_at=started,
                             agent_channel=call.agent_channel, settings=settings, progress=progress)


def _check_readable(path: str) -> None:
    # The decoder reports any file it cannot open as "not a recording" (bad input, failed at
    # once). A file that exists but cannot be read now (permissions after a restore, a share that
    # hiccups) holds good audio: that is the storage's fault, and worth another try.
    try:
        with open(path, "rb") as stream:
            stream.read(1)
    except FileNotFoundError:
        raise ProcessingError("the stored recording is missing") from None
    except OSError as error:
        raise StorageUnavailableError(
            f"the stored recording cannot be read ({error.strerror or type(error).__name__})"
        ) from None


def store_result(database: Database, queue: JobQueue, vault: Vault, claim: Claim, processed) -> bool:
    """Transcript, draft and job completion in one transaction; False if the lease was lost."""
    try:
        with database.transaction() as session:
            if not queue.finish(session, claim):
                raise _LeaseLost
            call = session.get(Call, claim.call_id)
            _store_transcript(session, vault, call, processed.transcript)
            create_first_version(session, vault, call, processed.note)
            call.status, call.failure_reason = CallStatus.DRAFTED.value, None
            if call.duration is None:
                call.duration = processed.transcript.duration
            session.add(AuditEntry(actor="worker", action="draft.create", call_id=call.id,
                                   detail=json.dumps({"version": 1, "attempt": claim.attempt})))
    except (_LeaseLost, IntegrityError):
        log.warning("call %s: lease lost or draft already written; result discarded", claim.call_id)
        return False
    return True


class _LeaseLost(Exception):
    pass


def _store_transcript(session, vault: Vault, call: Call, transcript) -> None:
    meta = transcript.model_dump(mode="json", include={"roles", "run", "audio", "warnings", "source",
                                                       "language_probability"})
    if meta.get("audio"):
        meta["audio"].pop("source", None)  # the uploaded file name may name the customer
    meta["warnings"] = [for_log(w) for w in meta.get("warnings", [])]
    row = TranscriptRow(call_id=call.id, language=transcript.language,
                        duration=transcript.duration, meta_json=json.dumps(meta, ensure_ascii=False))
    for seq, utterance in enumerate(transcript.utterances):
        row.utterances.append(UtteranceRow(
            seq=seq, key=utterance.id, speaker=utterance.speaker, role=utterance.role.value,
            start=utterance.start, end=utterance.end, channel=utterance.channel,
            text_enc=vault.encrypt(utterance.text),
            words_enc=vault.encrypt_json([w.model_dump(mode="json") for w in utterance.words])
            if utterance.words else None,
        ))
    session.add(row)


# --- the workers --------------------------------------------------------------------------------


class WorkerPool:
    """``threads`` workers in this process. Models are cached per process by the pipeline, so a
    pool's threads share one loaded model and no job pays for loading it twice."""

    def __init__(self, database: Database, settings: Settings, vault: Vault, *,
                 threads: int | None = None, on_progress: ProgressHook | None = None) -> None:
        self.database, self.settings, self.vault = database, settings, vault
        self.queue = JobQueue(database, settings)
        self.threads = settings.worker.threads if threads is None else threads
        self.on_progress = on_progress
        self._stop = threading.Event()
        self._workers: list[threading.Thread] = []
        self._prefix = f"{socket.gethostname()}:{os.getpid()}"

    def start(self) -> None:
        self._stop.clear()
        for number in range(self.threads):
            worker = threading.Thread(target=self._loop, args=(f"{self._prefix}:{number}",),
                                      name=f"callnotes-worker-{number}", daemon=True)
            worker.start()
            self._workers.append(worker)

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout)
        self._workers.clear()

    def wait(self) -> None:
        while any(w.is_alive() for w in self._workers) and not self._stop.is_set():
            time.sleep(0.5)

    def _loop(self, worker_id: str) -> None:
        while not self._stop.is_set():
            try:
                ran = self.run_once(worker_id)
            except Exception as error:  # noqa: BLE001 - a worker must survive a database outage
                log.error("worker %s: %s; retrying", worker_id, _reason(error))
                ran = False
            if not ran:
                self._stop.wait(self.settings.worker.poll_interval_seconds)

    def run_once(self, worker_id: str = "once") -> bool:
        """Claim and run one job; False when the queue is empty."""
        claim = self.queue.claim(worker_id)
        if claim is None:
            return False
        stop_heartbeat = threading.Event()
        beat = threading.Thread(target=self._heartbeat, args=(claim, stop_heartbeat), daemon=True)
        beat.start()
        try:
            with self.database.transaction(write=False) as session:
                call = session.get(Call, claim.call_id)
            processed = process_call(call, self.vault, self.settings, self._progress(claim.call_id))
        except Exception as error:  # noqa: BLE001 - every failure is recorded on the call
            stop_heartbeat.set()
            self.queue.release(claim, error)
            return True
        finally:
            stop_heartbeat.set()
        try:
            stored = store_result(self.database, self.queue, self.vault, claim, processed)
        except Exception as error:  # noqa: BLE001 - e.g. the database dropped the connection
            # Without this the job would sit "running" until its lease ran out (minutes), then
            # be retried with no backoff and no recorded reason.
            try:
                self.queue.release(claim, error)
            except Exception as again:  # noqa: BLE001 - still down: the lease expiry takes over
                log.error("call %s: could not record the failure: %s",
                          claim.call_id, _reason(again))
            return True
        if stored:
            log.info("call %s drafted (attempt %d)", claim.call_id, claim.attempt)
        return True

    def _heartbeat(self, claim: Claim, stop: threading.Event) -> None:
        interval = max(self.settings.worker.lease_seconds / 3, 1.0)
        while not stop.wait(interval):
            try:
                if not self.queue.heartbeat(claim):
                    return
            except Exception as error:  # noqa: BLE001 - the next beat may succeed
                log.warning("heartbeat for call %s failed: %s", claim.call_id, _reason(error))

    def _progress(self, call_id: str):
        if self.on_progress is None:
            return None
        hook = self.on_progress
        return lambda stage, completed, total: hook(call_id, stage, completed, total)
