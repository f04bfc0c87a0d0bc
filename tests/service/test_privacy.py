"""Personal data never in clear in the database (raw file / raw rows) or in the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from tests.service.conftest import (
    CUSTOMER_EMAIL,
    CUSTOMER_NAME,
    CUSTOMER_PHONE,
    acknowledge_all,
    drafted_call,
)

CLEAR_VALUES = (CUSTOMER_NAME, CUSTOMER_PHONE, "2345-6789", CUSTOMER_EMAIL, "4111-1111-1111-1111",
                "4111111111111111")


def _confirmed_call_with_pii(service) -> None:
    with service.client("alice") as alice:
        call_id = drafted_call(alice, customer_phone=CUSTOMER_PHONE)
        draft = alice.get(f"/calls/{call_id}/draft").json()
        edited = alice.patch(
            f"/calls/{call_id}/draft",
            json={"customer": {"name": CUSTOMER_NAME, "phone": CUSTOMER_PHONE, "email": CUSTOMER_EMAIL,
                               "address": "서울특별시 강남구 테헤란로 123"},
                  "summary": f"{CUSTOMER_NAME} 고객 배송 지연 문의"},
            headers={"If-Match": str(draft["version"])},
        ).json()
        confirmed = alice.post(f"/calls/{call_id}/confirm",
                               json={"acknowledgements": acknowledge_all(edited)})
        assert confirmed.status_code == 201, confirmed.text
        # The agent does see them: they are stored, only never in clear.
        assert confirmed.json()["fields"]["customer"]["phone"] == CUSTOMER_PHONE


def _database_bytes(url: str) -> bytes:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        base = Path(parsed.database)
        files = [base, base.with_name(base.name + "-wal")]
        return b"".join(p.read_bytes() for p in files if p.exists())
    engine = create_engine(url)
    dump = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                dump.append(repr(tuple(row)))
    engine.dispose()
    return "\n".join(dump).encode("utf-8")


def test_personal_data_is_never_in_clear_in_the_database(service):
    _confirmed_call_with_pii(service)
    raw = _database_bytes(service.settings.database.url)
    assert b"gAAAAA" in raw  # Fernet tokens: the data is there, encrypted
    for value in CLEAR_VALUES + ("테헤란로",):
        assert value.encode("utf-8") not in raw, value


def test_personal_data_is_never_in_the_logs(service, caplog):
    caplog.set_level(logging.DEBUG)
    _confirmed_call_with_pii(service)
    with service.client("alice") as alice:
        # Errors echo nothing the client sent: a bad phone-bearing field stays out of the log.
        alice.post("/calls/transcript", files={"file": ("x.txt", f"{CUSTOMER_PHONE}".encode())})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in CLEAR_VALUES:
        assert value not in logged, value


def test_production_mode_refuses_the_default_key(settings):
    from api.app import create_app
    from callnotes.config import SecuritySettings
    from callnotes.errors import ConfigurationError

    unsafe = settings.model_copy(update={"security": SecuritySettings(mode="production")})
    with pytest.raises(ConfigurationError, match="default encryption key"):
        create_app(unsafe)
    safe = settings.model_copy(update={"security": SecuritySettings(
        mode="production", encryption_key="a-real-secret-from-the-vault-0123456789")})
    assert create_app(safe) is not None
