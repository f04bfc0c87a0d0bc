"""A worker process killed mid-job: after its lease runs out, another worker finishes the job,
and the call has exactly one draft."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from api.auth import Principal
from api.crypto import get_vault
from api.db import Database
from api.deps import Services
from api.uploads import UploadMeta, accept
from models.tables import Call, CallSource, Draft, DraftVersion, Job, Role
from tests.service.conftest import STEREO_CALL

LEASE_SECONDS = 5
CALLNOTES = str(Path(sys.executable).with_name("callnotes"))


def _start_worker(settings, tmp_path, name: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "CALLNOTES_DATABASE__URL": settings.database.url,
        "CALLNOTES_API__STORAGE_DIR": str(settings.api.storage_dir),
        "CALLNOTES_WORKER__LEASE_SECONDS": str(LEASE_SECONDS),
        "CALLNOTES_WORKER__POLL_INTERVAL_SECONDS": "0.1",
    }
    log = (tmp_path / f"{name}.log").open("wb")
    return subprocess.Popen([CALLNOTES, "worker", "--no-preload"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)


def _job(database: Database, call_id: str) -> Job:
    with database.transaction(write=False) as session:
        return session.scalars(select(Job).where(Job.call_id == call_id)).one()


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.mark.slow
# The embedded default (SQLite, `callnotes serve` or `callnotes worker` on one machine); the same
# claim/lease code runs on PostgreSQL, where the API tests exercise it.
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_job_whose_worker_was_killed_completes_once_after_restart(settings, tmp_path):
    database = Database(settings.database)
    svc = Services(settings=settings, database=database, vault=get_vault(settings.security))
    with STEREO_CALL.open("rb") as stream:
        call, _ = accept(svc, Principal("alice", Role.AGENT), stream, STEREO_CALL.name, "audio/wav",
                         UploadMeta(language="en"), CallSource.AUDIO)

    first = _start_worker(settings, tmp_path, "first")
    try:
        _wait(lambda: _job(database, call.id).status == "running", 120, "the first worker's claim")
        time.sleep(1.0)  # well inside the job: the model is loading or running
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    assert _job(database, call.id).status == "running"  # orphaned, lease still held

    second = _start_worker(settings, tmp_path, "second")
    try:
        _wait(lambda: _job(database, call.id).status in ("done", "failed"), 240, "the restart")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(30)
    job = _job(database, call.id)
    assert (job.status, job.attempts) == ("done", 2)
    with database.transaction(write=False) as session:
        assert session.get(Call, call.id).status == "drafted"
        assert session.scalar(select(func.count()).select_from(Draft).where(Draft.call_id == call.id)) == 1
        assert session.scalar(select(func.count()).select_from(DraftVersion)
                              .where(DraftVersion.call_id == call.id)) == 1
    database.dispose()
