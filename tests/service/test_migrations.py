"""The schema comes from Alembic migrations: from empty, and down and up again."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from api.db import downgrade, upgrade
from models.tables import Base


def _diff(url: str) -> list:
    engine = create_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    return diff


def test_upgrade_from_empty_matches_the_tables(db_url):
    # db_url is already migrated from empty (template / session database).
    assert _diff(db_url) == []


def test_downgrade_then_upgrade_round_trips(db_url):
    downgrade(db_url, "base")
    engine = create_engine(db_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    upgrade(db_url)
    assert _diff(db_url) == []


def test_confirmed_notes_cannot_be_changed_even_by_hand(db_url):
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO calls (id, agent_id, source, recording_sha256, recording_size, status, "
            "created_at, updated_at) VALUES ('c1', 'a', 'text', 'x', 1, 'confirmed', "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        connection.execute(text(
            "INSERT INTO confirmed_notes (call_id, draft_version, note_enc, flags_enc, "
            "confirmed_by, confirmed_at) VALUES ('c1', 1, 'n', 'f', 'a', CURRENT_TIMESTAMP)"))
    for statement in ("UPDATE confirmed_notes SET note_enc = 'changed'",
                      "DELETE FROM confirmed_notes"):
        with pytest.raises(Exception, match="immutable"):
            with engine.begin() as connection:
                connection.execute(text(statement))
    engine.dispose()
