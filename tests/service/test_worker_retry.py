"""Retries as the agent sees them: a recording the storage cannot serve for a while is retried
after the backoff and then drafted; one that stays unreadable ends ``failed`` with a reason; a
draft whose database connection dropped while it was being stored is retried within seconds.

The transient failure is real: the stored recording's permissions are set to 000, as after a
restore from backup with the wrong owner or mode. The worker is a real ``callnotes worker``
process; when the tests run as root it is started without CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH (``setpriv``), because root ignores file modes otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, select, text

from api.app import create_app
from api.auth import add_user
from api.db import Database
from models.tables import Job, Role
from tests.service.conftest import STEREO_CALL, start_server, stop_server, upload_text, wait_for

CALLNOTES = str(Path(sys.executable).with_name("callnotes"))
_NO_FILE_OVERRIDE = "-dac_override,-dac_read_search"


def _start_worker(settings, tmp_path: Path, backoff: float) -> subprocess.Popen:
    command = [CALLNOTES, "worker", "--no-preload"]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: a mode-000 file would stay readable")
        command = ["setpriv", f"--bounding-set={_NO_FILE_OVERRIDE}",
                   f"--inh-caps={_NO_FILE_OVERRIDE}", "--", *command]
    env = {
        **os.environ,
        "CALLNOTES_DATABASE__URL": settings.database.url,
        "CALLNOTES_API__STORAGE_DIR": str(settings.api.storage_dir),
        "CALLNOTES_WORKER__RETRY_BACKOFF_SECONDS": str(backoff),
        "CALLNOTES_WORKER__POLL_INTERVAL_SECONDS": "0.05",
    }
    log = (tmp_path / "worker.log").open("wb")
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _stop(worker: subprocess.Popen | None) -> None:
    if worker is None:
        return
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(30)
    except subprocess.TimeoutExpired:
        worker.kill()


def _job(database: Database, call_id: str) -> Job:
    with database.transaction(write=False) as session:
        return session.scalars(select(Job).where(Job.call_id == call_id)).one()


def _wait(predicate, timeout: float, what: str, tmp_path: Path | None):
    deadline = time.monotonic() + timeout
    while not (result := predicate()):
        if time.monotonic() > deadline:
            log = (tmp_path / "worker.log").read_text(errors="replace")[-2000:] if tmp_path else ""
            raise AssertionError(f"timed out waiting for {what}; worker log:\n{log}")
        time.sleep(0.05)
    return result


def _upload_unreadable(alice: httpx.Client, settings) -> tuple[str, Path]:
    accepted = alice.post(
        "/calls", files={"file": (STEREO_CALL.name, STEREO_CALL.read_bytes(), "audio/wav")},
        data={"language": "en", "channel_map": '{"agent": 0, "customer": 1}'},
    )
    assert accepted.status_code == 202, accepted.text
    call_id = accepted.json()["id"]
    [recording] = (settings.api.storage_dir / call_id).iterdir()
    recording.chmod(0)
    return call_id, recording


@pytest.fixture
def api_only(settings):
    """The API without in-process workers: the worker process under test is the only one."""
    database = Database(settings.database)
    token = add_user(database, "alice", Role.AGENT)
    server, thread, url = start_server(create_app(settings))
    client = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    yield client, database
    client.close()
    stop_server(server, thread)
    database.dispose()


@pytest.mark.slow
def test_an_unreadable_recording_is_retried_after_the_backoff_and_then_drafted(
        api_only, settings, tmp_path):
    alice, database = api_only
    backoff = 3.0
    call_id, recording = _upload_unreadable(alice, settings)
    worker = _start_worker(settings, tmp_path, backoff)
    try:
        first = _wait(lambda: (j := _job(database, call_id)).attempts == 1
                      and j.status == "queued" and j, 60, "the first attempt to fail", tmp_path)
        between = alice.get(f"/calls/{call_id}").json()
        recording.chmod(0o644)  # the operator fixes the mode right away; the worker still waits
        retried_at = _wait(lambda: _job(database, call_id).attempts == 2
                           and dt.datetime.now(dt.UTC), 60, "the retry", tmp_path)
        drafted = wait_for(alice, call_id, timeout=300)
    finally:
        _stop(worker)
    # Between attempts the agent sees a call still in the queue, not a failure.
    assert between["status"] == "queued" and between["failure_reason"] is None
    assert "cannot be read" in first.last_error and "Permission denied" in first.last_error
    assert retried_at >= first.run_after
    assert first.run_after - first.updated_at >= dt.timedelta(seconds=backoff * 0.9)
    assert drafted["status"] == "drafted" and drafted["failure_reason"] is None
    assert alice.get(f"/calls/{call_id}/draft").status_code == 200


def test_a_recording_that_stays_unreadable_fails_after_max_attempts_with_the_reason(
        api_only, settings, tmp_path):
    alice, database = api_only
    call_id, _ = _upload_unreadable(alice, settings)
    worker = _start_worker(settings, tmp_path, backoff=0.2)
    try:
        failed = _wait(lambda: (c := alice.get(f"/calls/{call_id}").json())["status"] == "failed"
                       and c, 60, "the call to fail", tmp_path)
    finally:
        _stop(worker)
    # Not "not a recording we can read": the bytes are fine, the storage is not.
    assert "stored recording cannot be read (Permission denied)" in failed["failure_reason"]
    assert f"gave up after {settings.worker.max_attempts} attempts" in failed["failure_reason"]
    assert _job(database, call_id).attempts == settings.worker.max_attempts


# PostgreSQL only: terminating one backend is how a server restart or failover looks to a worker;
# SQLite has no server whose connection could drop.
@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_a_draft_the_database_dropped_while_storing_is_retried_soon_not_after_the_lease(
        service, settings):
    """The worker's connection is terminated by the server while it writes the draft (here: the
    test holds a lock so the write waits, then terminates that backend). The call must be
    retried after the backoff, not sit in "processing" until the lease (30 s here) runs out."""
    engine = create_engine(settings.database.url)
    blocker = engine.connect()
    admin = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        blocker.execute(text("LOCK TABLE transcripts IN ACCESS EXCLUSIVE MODE"))
        with service.client("alice") as alice:
            call_id = upload_text(alice).json()["id"]
            # Polled outside a transaction: pg_stat_activity is a snapshot inside one.
            waiting = _wait(lambda: admin.execute(text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO transcripts%'"
            )).scalar(), 60, "the worker to wait on the lock", None)
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": waiting})
            blocker.rollback()  # the lock goes; the retry can write
            released = time.monotonic()
            drafted = wait_for(alice, call_id, timeout=60)
            took = time.monotonic() - released
    finally:
        blocker.close()
        admin.close()
        engine.dispose()
    assert drafted["status"] == "drafted"
    assert took < settings.worker.lease_seconds / 3
    database = Database(settings.database)
    try:
        assert _job(database, call_id).attempts == 2
    finally:
        database.dispose()
