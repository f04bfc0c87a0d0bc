"""The service commands as an operator runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import start_server, stop_server

CALLNOTES = str(Path(sys.executable).with_name("callnotes"))
# The commands are the same code on either store (the API tests cover PostgreSQL); one is enough.
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _run(settings, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CALLNOTES_DATABASE__URL": settings.database.url, **env}
    return subprocess.run([CALLNOTES, *args], env=environment, capture_output=True, text=True,
                          timeout=120)


def test_users_add_prints_a_working_token_on_its_last_line(settings):
    from api.app import create_app

    result = _run(settings, "users", "add", "carol", "--role", "agent")
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip().splitlines()[-1]
    server, thread, url = start_server(create_app(settings))
    try:
        response = httpx.get(f"{url}/calls", headers={"Authorization": f"Bearer {token}"})
    finally:
        stop_server(server, thread)
    assert response.status_code == 200 and response.json()["total"] == 0


def test_a_second_user_with_the_same_name_is_refused(settings):
    assert _run(settings, "users", "add", "dave").returncode == 0
    again = _run(settings, "users", "add", "dave")
    assert again.returncode == 5 and "already exists" in again.stderr


def test_production_mode_with_the_default_key_does_not_start(settings):
    result = _run(settings, "serve", CALLNOTES_SECURITY__MODE="production")
    assert result.returncode == 3
    assert "default encryption key" in result.stderr and "Traceback" not in result.stderr
