"""Background processing as the user sees it through the API: failures are reported with their
reason, and uploading a failed call again queues it again."""

from __future__ import annotations

import httpx

from api.app import create_app
from api.auth import add_user
from api.crypto import get_vault
from api.db import Database
from api.worker import WorkerPool
from models.tables import Role
from tests.service.conftest import STEREO_CALL, start_server, stop_server


def test_a_failed_call_says_why_and_uploading_it_again_queues_it_again(settings):
    database = Database(settings.database)
    token = add_user(database, "alice", Role.AGENT)
    server, thread, url = start_server(create_app(settings))  # no in-process workers
    audio = {"file": (STEREO_CALL.name, STEREO_CALL.read_bytes(), "audio/wav")}
    try:
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as alice:
            call_id = alice.post("/calls", files=audio).json()["id"]
            # The stored recording disappears (a disk was swapped) before a worker gets to it.
            for stored in (settings.api.storage_dir / call_id).iterdir():
                stored.unlink()
            assert WorkerPool(database, settings, get_vault(settings.security), threads=0).run_once()
            failed = alice.get(f"/calls/{call_id}").json()
            again = alice.post("/calls", files=audio).json()
            requeued = alice.get(f"/calls/{call_id}").json()
    finally:
        stop_server(server, thread)
        database.dispose()
    assert failed["status"] == "failed" and "recording is missing" in failed["failure_reason"]
    assert (again["id"], again["duplicate"]) == (call_id, True)
    assert requeued["status"] == "queued" and requeued["failure_reason"] is None
    restored = list((settings.api.storage_dir / call_id).iterdir())
    assert [p.read_bytes() for p in restored] == [STEREO_CALL.read_bytes()]
