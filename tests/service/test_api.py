"""The review API through httpx against the real app, on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.service.conftest import (
    CUSTOMER_PHONE,
    TRANSCRIPT,
    acknowledge_all,
    drafted_call,
    upload_text,
    wait_for,
)


def test_text_upload_is_drafted_edited_and_confirmed(service):
    with service.client("alice") as alice:
        accepted = upload_text(alice, customer_phone="010-2345-6789")
        assert accepted.status_code == 202
        assert accepted.json()["status_url"] == f"/calls/{accepted.json()['id']}"
        call_id = accepted.json()["id"]
        wait_for(alice, call_id)
        draft = alice.get(f"/calls/{call_id}/draft").json()
        assert draft["version"] == 1 and draft["fields"]["summary"] is not None
        edited = alice.patch(f"/calls/{call_id}/draft", json={"desired_outcome": "내일까지 배송 일정 안내"},
                             headers={"If-Match": "1"})
        assert edited.status_code == 200, edited.text
        assert edited.json()["version"] == 2
        confirmed = alice.post(f"/calls/{call_id}/confirm",
                               json={"version": 2, "acknowledgements": acknowledge_all(edited.json())})
        assert confirmed.status_code == 201, confirmed.text
        assert confirmed.json()["fields"]["desired_outcome"] == "내일까지 배송 일정 안내"
        call = alice.get(f"/calls/{call_id}").json()
        assert call["status"] == "confirmed"
        notes = alice.get(call["links"]["customer_notes"]).json()
        assert [n["call_id"] for n in notes["items"]] == [call_id]


def test_same_bytes_for_the_same_agent_are_the_same_call(service):
    with service.client("alice") as alice:
        first, second = upload_text(alice), upload_text(alice)
    assert first.status_code == second.status_code == 202
    assert first.json()["id"] == second.json()["id"]
    assert second.json()["duplicate"] is True


def test_the_transcript_is_masked(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        transcript = alice.get(f"/calls/{call_id}/transcript").json()
    text = " ".join(u["text"] for u in transcript["utterances"])
    assert "4111-1111-1111-1111" not in text and "1111" in text  # card masked, last 4 kept
    assert [u["role"] for u in transcript["utterances"][:2]] == ["agent", "customer"]


def test_a_stale_edit_gets_409_with_the_current_draft(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        assert alice.patch(f"/calls/{call_id}/draft", json={"purpose": "배송 지연 문의"},
                           headers={"If-Match": "1"}).status_code == 200
        stale = alice.patch(f"/calls/{call_id}/draft", json={"purpose": "다른 내용"},
                            headers={"If-Match": "1"})
    assert stale.status_code == 409
    current = stale.json()["error"]["detail"]
    assert current["version"] == 2 and current["fields"]["purpose"] == "배송 지연 문의"


def test_an_edit_without_if_match_is_refused(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        response = alice.patch(f"/calls/{call_id}/draft", json={"purpose": "x"})
    assert response.status_code == 422
    assert "If-Match" in response.json()["error"]["message"]


def test_edited_free_text_is_flagged(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        version = alice.get(f"/calls/{call_id}/draft").json()["version"]
        edited = alice.patch(f"/calls/{call_id}/draft",
                             json={"summary": "고객이 매우 화가 난 상태였음. 빠른 시일 내에 처리 예정."},
                             headers={"If-Match": str(version)}).json()
    assert {f["field"] for f in edited["new_flags"]} == {"summary"}
    assert {f["kind"] for f in edited["new_flags"]} == {"subjective", "vague"}
    assert all(f["status"] == "open" for f in edited["new_flags"])


def test_confirm_is_refused_while_flags_are_open_and_allowed_once_acknowledged(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        version = alice.get(f"/calls/{call_id}/draft").json()["version"]
        draft = alice.patch(f"/calls/{call_id}/draft", json={"summary": "고객이 매우 화가 난 상태였음."},
                            headers={"If-Match": str(version)}).json()
        refused = alice.post(f"/calls/{call_id}/confirm", json={})
        assert refused.status_code == 422
        listed = {f["id"] for f in refused.json()["error"]["detail"]["open_flags"]}
        assert listed == {f["id"] for f in draft["flags"] if f["status"] == "open"}
        assert alice.get(f"/calls/{call_id}").json()["status"] == "drafted"
        accepted = alice.post(f"/calls/{call_id}/confirm",
                              json={"acknowledgements": acknowledge_all(draft)})
    assert accepted.status_code == 201, accepted.text
    assert all(f["status"] != "open" for f in accepted.json()["flags"])


def test_exactly_one_of_20_concurrent_confirms_wins(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        draft = alice.get(f"/calls/{call_id}/draft").json()
        body = {"version": draft["version"], "acknowledgements": acknowledge_all(draft)}

        def confirm(_):
            with service.client("alice") as client:
                return client.post(f"/calls/{call_id}/confirm", json=body).status_code

        with ThreadPoolExecutor(20) as pool:
            statuses = sorted(pool.map(confirm, range(20)))
        assert statuses == [201] + [409] * 19
        with service.client("root") as admin:
            notes = admin.get(f"/calls/{call_id}").json()["links"]["customer_notes"]
            assert admin.get(notes).json()["total"] == 1


def test_an_edit_racing_a_confirm_never_changes_the_confirmed_note(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        draft = alice.get(f"/calls/{call_id}/draft").json()
        version = str(draft["version"])
        body = {"version": draft["version"], "acknowledgements": acknowledge_all(draft)}

        def act(kind):
            with service.client("alice") as client:
                if kind == "edit":
                    return kind, client.patch(f"/calls/{call_id}/draft", json={"purpose": "경합"},
                                              headers={"If-Match": version}).status_code
                return kind, client.post(f"/calls/{call_id}/confirm", json=body).status_code

        with ThreadPoolExecutor(10) as pool:
            results = list(pool.map(act, ["edit", "confirm"] * 5))
        winners = [kind for kind, status in results if status in (200, 201)]
        assert len(winners) == 1 and all(s == 409 for _, s in results if s not in (200, 201))
        final = alice.get(f"/calls/{call_id}/draft").json()
        if winners == ["confirm"]:
            assert final["confirmed"] and final["fields"]["purpose"] != "경합"
        else:
            assert not final["confirmed"] and final["fields"]["purpose"] == "경합"


def test_a_second_confirm_gets_409(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
        draft = alice.get(f"/calls/{call_id}/draft").json()
        body = {"acknowledgements": acknowledge_all(draft)}
        assert alice.post(f"/calls/{call_id}/confirm", json=body).status_code == 201
        again = alice.post(f"/calls/{call_id}/confirm", json={})
        edit = alice.patch(f"/calls/{call_id}/draft", json={"purpose": "x"},
                           headers={"If-Match": str(draft["version"])})
    assert again.status_code == 409 and edit.status_code == 409


def test_an_agent_cannot_see_or_touch_another_agents_call(service):
    with service.client("alice") as alice:
        call_id = drafted_call(alice)
    with service.client("bob") as bob:
        for path in ("", "/draft", "/transcript", "/audio"):
            response = bob.get(f"/calls/{call_id}{path}")
            assert response.status_code == 404, path
            assert response.json()["error"]["message"] == f"call {call_id} not found" or path
        assert bob.patch(f"/calls/{call_id}/draft", json={"purpose": "x"},
                         headers={"If-Match": "1"}).status_code == 404
        assert bob.post(f"/calls/{call_id}/confirm", json={}).status_code == 404
        assert bob.get("/calls").json()["total"] == 0
    with service.client("root") as admin:
        assert admin.get(f"/calls/{call_id}").status_code == 200


def test_missing_or_wrong_token_is_401(service):
    with service.client() as anonymous:
        assert anonymous.get("/calls").status_code == 401
        wrong = anonymous.get("/calls", headers={"Authorization": "Bearer cn_not-a-token"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "unauthenticated"
    assert wrong.headers["WWW-Authenticate"] == "Bearer"


def test_qa_reads_confirmed_calls_masked_and_nothing_else(service):
    with service.client("alice") as alice:
        drafted = drafted_call(alice)
        confirmed = drafted_call(alice, TRANSCRIPT + "고객: 감사합니다\n", customer_phone=CUSTOMER_PHONE)
        draft = alice.get(f"/calls/{confirmed}/draft").json()
        alice.post(f"/calls/{confirmed}/confirm", json={"acknowledgements": acknowledge_all(draft)})
    with service.client("quinn") as qa:
        assert qa.get(f"/calls/{drafted}").status_code == 404
        assert [c["id"] for c in qa.get("/calls").json()["items"]] == [confirmed]
        seen = qa.get(f"/calls/{confirmed}/draft").text + qa.get(f"/calls/{confirmed}/transcript").text
        assert qa.patch(f"/calls/{confirmed}/draft", json={}, headers={"If-Match": "1"}).status_code == 403
        assert qa.get(f"/calls/{confirmed}/audio").status_code == 403
        assert qa.post("/calls/transcript", files={"file": ("a.txt", b"x")}).status_code == 403
    for value in ("2345-6789", CUSTOMER_PHONE, "김철수"):
        assert value not in seen, seen[max(seen.find(value) - 300, 0):seen.find(value) + 50]
    assert "6789" in seen


def test_a_new_call_shows_the_customers_previous_notes(service):
    with service.client("alice") as alice:
        first = drafted_call(alice, customer_phone=CUSTOMER_PHONE)
        draft = alice.get(f"/calls/{first}/draft").json()
        alice.post(f"/calls/{first}/confirm", json={"acknowledgements": acknowledge_all(draft)})
    with service.client("bob") as bob:
        second = drafted_call(bob, TRANSCRIPT.replace("노트북", "모니터"), customer_phone="010 2345 6789")
        previous = bob.get(f"/calls/{second}/draft").json()["previous_notes"]
    assert [p["call_id"] for p in previous] == [first]


def test_calls_are_listed_with_filters_and_pages(service):
    with service.client("alice") as alice:
        ids = [upload_text(alice, TRANSCRIPT + f"고객: {n}번째 문의입니다\n",
                           started_at=f"2026-11-{10 + n}T09:00:00+09:00").json()["id"] for n in range(3)]
        page = alice.get("/calls", params={"limit": 2}).json()
        assert page["total"] == 3 and [c["id"] for c in page["items"]] == ids[::-1][:2]
        assert alice.get(page["next"]).json()["items"][0]["id"] == ids[0]
        window = alice.get("/calls", params={"from": "2026-11-11T00:00:00+09:00",
                                             "to": "2026-11-12T00:00:00+09:00"}).json()
        assert [c["id"] for c in window["items"]] == [ids[1]]
        for call_id in ids:
            wait_for(alice, call_id)
        category = alice.get(f"/calls/{ids[0]}").json()["category"]
        assert alice.get("/calls", params={"category": category, "status": "drafted"}).json()["total"] == 3
        assert alice.get("/calls", params={"status": "confirmed"}).json()["total"] == 0


def test_a_file_that_is_not_a_recording_is_refused_and_nothing_is_stored(service):
    with service.client("alice") as alice:
        response = alice.post("/calls", files={"file": ("call.wav", b"hello, not audio" * 100, "audio/wav")})
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "invalid_audio"
        assert alice.get("/calls").json()["total"] == 0
    storage = service.settings.api.storage_dir
    assert not storage.exists() or list(storage.iterdir()) == []


def test_a_truncated_recording_is_refused(service, samples_dir):
    head = (samples_dir / "audio" / "sample.wav").read_bytes()[:30]
    with service.client("alice") as alice:
        response = alice.post("/calls", files={"file": ("cut.wav", head, "audio/wav")})
    assert response.status_code == 422
    assert "cut.wav" in response.json()["error"]["message"]


def test_an_upload_over_the_size_limit_is_413_and_nothing_is_stored(service):
    too_big = b"RIFF" + b"\0" * (service.settings.api.max_upload_mb << 20)
    with service.client("alice") as alice:
        response = alice.post("/calls", files={"file": ("big.wav", too_big, "audio/wav")})
        assert response.status_code == 413
        assert alice.get("/calls").json()["total"] == 0
    storage = service.settings.api.storage_dir
    assert not storage.exists() or list(storage.iterdir()) == []


def test_a_text_without_speaker_turns_is_refused(service):
    with service.client("alice") as alice:
        response = upload_text(alice, "그냥 메모 한 줄입니다")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_transcript"


def test_bad_metadata_is_a_clear_422(service):
    with service.client("alice") as alice:
        response = upload_text(alice, started_at="yesterday")
    assert response.status_code == 422 and "started_at" in response.json()["error"]["message"]


def test_an_agent_cannot_upload_for_another_agent(service):
    with service.client("alice") as alice:
        assert upload_text(alice, agent_id="bob").status_code == 403


def test_health(service):
    with service.client() as anonymous:
        assert anonymous.get("/live").json() == {"status": "ok", "checks": {}}
        ready = anonymous.get("/ready")
    assert ready.status_code == 200 and ready.json()["checks"]["database"] == "ok"


def test_openapi_documents_every_route_and_the_page_is_served(service):
    with service.client() as anonymous:
        spec = anonymous.get("/openapi.json").json()
        page = anonymous.get("/ui/")
        script = anonymous.get("/ui/app.js")
    assert {"/calls", "/calls/transcript", "/calls/{call_id}/draft", "/calls/{call_id}/confirm",
            "/customers/{customer_id}/notes", "/live", "/ready"} <= set(spec["paths"])
    assert "patch" in spec["paths"]["/calls/{call_id}/draft"]
    assert page.status_code == 200 and "/ui/app.js" in page.text
    assert script.status_code == 200 and "confirmDraft" in script.text
