"""The happy path with a real recording: upload, background processing with the real model,
playback with Range, review and confirm."""

from __future__ import annotations

import pytest

from tests.service.conftest import STEREO_CALL, acknowledge_all, wait_for


@pytest.mark.slow
# Both stores: on PostgreSQL the worker's claim, lease and draft transaction differ (SKIP LOCKED,
# no BEGIN IMMEDIATE), and that is the production setup.
def test_a_recording_goes_from_upload_to_confirmed_note(service):
    audio = STEREO_CALL.read_bytes()
    with service.client("alice") as alice:
        accepted = alice.post(
            "/calls",
            files={"file": (STEREO_CALL.name, audio, "audio/wav")},
            data={"started_at": "2026-11-20T14:05:00+09:00", "language": "en",
                  "channel_map": '{"agent": 0, "customer": 1}', "customer_phone": "010-2345-6789"},
        )
        assert accepted.status_code == 202, accepted.text
        call_id = accepted.json()["id"]
        call = wait_for(alice, call_id, timeout=300)
        assert call["duration"] == pytest.approx(30, abs=0.5)
        transcript = alice.get(f"/calls/{call_id}/transcript").json()
        assert {u["role"] for u in transcript["utterances"]} == {"agent", "customer"}
        assert transcript["language"] == "en"

        part = alice.get(f"/calls/{call_id}/audio", headers={"Range": "bytes=0-1023"})
        assert part.status_code == 206 and part.content == audio[:1024]
        assert part.headers["content-range"] == f"bytes 0-1023/{len(audio)}"

        draft = alice.get(f"/calls/{call_id}/draft").json()
        edited = alice.patch(f"/calls/{call_id}/draft", json={"purpose": "Order status inquiry"},
                             headers={"If-Match": str(draft["version"])}).json()
        confirmed = alice.post(f"/calls/{call_id}/confirm",
                               json={"version": edited["version"],
                                     "acknowledgements": acknowledge_all(edited)})
        assert confirmed.status_code == 201, confirmed.text
        assert alice.get(f"/calls/{call_id}").json()["status"] == "confirmed"
