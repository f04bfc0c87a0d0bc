"""Fixtures for the service tests: real databases, a real server, real tokens.

Every test runs against SQLite (a file) and the real PostgreSQL server on 127.0.0.1
(``CALLNOTES_TEST_POSTGRES_URL``, else ``CALLNOTES_DATABASE__URL`` when it is PostgreSQL, else
``postgresql+psycopg://postgres@127.0.0.1:5432/test``).
Each test session creates its own PostgreSQL database and migrates it once; each test then starts
from empty tables (TRUNCATE), and on SQLite from a fresh copy of a migrated file. The app runs
under uvicorn on a loopback port with one in-process worker, and tests talk to it through httpx.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from callnotes.config import ApiSettings, DatabaseSettings, Settings, WorkerSettings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
STEREO_CALL = SAMPLES / "audio" / "stereo_call.wav"
_CONFIGURED = os.environ.get("CALLNOTES_DATABASE__URL", "")
# The server each test session creates its database on: the configured one if PostgreSQL.
PG_BASE_URL = os.environ.get("CALLNOTES_TEST_POSTGRES_URL") or (
    _CONFIGURED if _CONFIGURED.startswith("postgresql") else
    "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

# A Korean call with a name, a phone number, an e-mail address and a card number in it.
CUSTOMER_NAME = "김철수"
CUSTOMER_PHONE = "01023456789"
CUSTOMER_EMAIL = "chulsoo.kim@example.com"
TRANSCRIPT = """상담원: 네 행복쇼핑 고객센터 상담원 김민지입니다 무엇을 도와드릴까요
고객: 안녕하세요 제가 노트북을 주문했는데 아직도 안 와서요
상담원: 불편 드려서 죄송합니다 주문하신 분 성함이 어떻게 되세요
고객: 김철수고요 전화번호는 010-2345-6789 입니다
상담원: 네 김철수 고객님 이메일 주소도 확인 부탁드립니다
고객: chulsoo.kim@example.com 이요
상담원: 주문번호 알려주시겠어요
고객: 주문번호는 20261102-0457 이요 결제는 카드 4111-1111-1111-1111 로 했어요
상담원: 확인해 보니 물류센터에서 출고 대기 상태입니다 내일까지 전화로 안내드리겠습니다
고객: 네 내일 꼭 전화 주세요
상담원: 감사합니다 상담원 김민지였습니다
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- databases ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    from api.db import upgrade

    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    from api.db import ScratchDatabase, upgrade

    database = ScratchDatabase(PG_BASE_URL, prefix="callnotes_test")
    try:
        url = database.create()
    except Exception as error:  # noqa: BLE001 - any failure to reach the server means: skip
        pytest.skip(f"PostgreSQL at {make_url(PG_BASE_URL).render_as_string()} is not reachable: {error}")
    upgrade(url)
    yield url
    database.drop()


_TABLES = ("audit_log", "flags", "draft_versions", "drafts", "utterances", "transcripts", "jobs",
           "confirmed_notes", "calls", "customers", "users")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "callnotes.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        # TRUNCATE fires no row triggers: the confirmed-notes guard stays in place for the test.
        connection.execute(text(f"TRUNCATE {', '.join(_TABLES)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def settings(db_url, tmp_path) -> Settings:
    return Settings(
        database=DatabaseSettings(url=db_url),
        api=ApiSettings(storage_dir=tmp_path / "recordings", max_upload_mb=5),
        worker=WorkerSettings(threads=1, lease_seconds=30, poll_interval_seconds=0.05,
                              retry_backoff_seconds=0.1, max_attempts=2),
    )


# --- the running service ------------------------------------------------------------------------


@dataclass
class Service:
    url: str
    settings: Settings
    tokens: dict[str, str]

    def client(self, user: str | None = None, **kwargs) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[user]}"} if user else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60, **kwargs)


def start_server(app) -> tuple[object, threading.Thread, str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    return server, thread, f"http://127.0.0.1:{port}"


def stop_server(server, thread) -> None:
    server.should_exit = True
    thread.join(30)


@pytest.fixture
def service(settings) -> Iterator[Service]:
    from api.app import create_app
    from api.auth import add_user
    from api.db import Database
    from models.tables import Role

    database = Database(settings.database)
    tokens = {name: add_user(database, name, role) for name, role in (
        ("alice", Role.AGENT), ("bob", Role.AGENT), ("quinn", Role.QA), ("root", Role.ADMIN))}
    database.dispose()
    server, thread, url = start_server(create_app(settings, workers=1))
    yield Service(url=url, settings=settings, tokens=tokens)
    stop_server(server, thread)


# --- helpers ------------------------------------------------------------------------------------


def upload_text(client: httpx.Client, body: str = TRANSCRIPT, **fields) -> httpx.Response:
    files = {"file": ("call.txt", body.encode("utf-8"), "text/plain")}
    data = {"started_at": "2026-11-20T14:05:00+09:00", **fields}
    return client.post("/calls/transcript", files=files, data=data)


def wait_for(client: httpx.Client, call_id: str, *statuses: str, timeout: float = 120) -> dict:
    statuses = statuses or ("drafted",)
    deadline = time.monotonic() + timeout
    while True:
        body = client.get(f"/calls/{call_id}").json()
        if body["status"] in statuses:
            return body
        if body["status"] == "failed" or time.monotonic() > deadline:
            raise AssertionError(f"call {call_id} is {body['status']}: {body.get('failure_reason')}")
        time.sleep(0.1)


def drafted_call(client: httpx.Client, body: str = TRANSCRIPT, **fields) -> str:
    response = upload_text(client, body, **fields)
    assert response.status_code == 202, response.text
    call_id = response.json()["id"]
    wait_for(client, call_id)
    return call_id


def acknowledge_all(draft: dict) -> list[dict]:
    return [{"flag_id": f["id"], "reason": "checked against the recording"}
            for f in draft["flags"] if f["status"] == "open"]
