"""Engines, sessions and migrations.

SQLite (the embedded default) allows one writer at a time. A deferred transaction that reads and
then writes can fail outright with "database is locked" when another writer got in between, so
write sessions on SQLite start with ``BEGIN IMMEDIATE`` (they queue on the busy timeout instead)
and read-only sessions use a second engine with plain deferred transactions and WAL, which lets
readers run beside the writer. PostgreSQL needs neither: one engine serves both.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from callnotes.config import DatabaseSettings
from callnotes.errors import ConfigurationError

SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_engine(url: str, *, echo: bool, immediate: bool) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    # SQLite runs one write transaction at a time. Writers of this process queue for the single
    # write connection (in order) rather than in SQLite's busy handler, which sleeps and retries
    # and lets an unlucky writer wait for seconds under load. Readers get a pool of their own.
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        pool_size=1 if immediate else 20,
        max_overflow=0 if immediate else 40,
        pool_timeout=SQLITE_BUSY_TIMEOUT_MS / 1000 * 2,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    def __init__(self, settings: DatabaseSettings) -> None:
        self.url = settings.url
        self.echo = settings.echo
        try:
            self.dialect = make_url(self.url).get_backend_name()
        except Exception as error:  # noqa: BLE001 - SQLAlchemy raises several types for a bad URL
            raise ConfigurationError(f"CALLNOTES_DATABASE__URL: {error}") from None
        if self.dialect not in ("sqlite", "postgresql"):
            raise ConfigurationError(
                f"CALLNOTES_DATABASE__URL: unsupported database {self.dialect!r} "
                "(use sqlite:/// or postgresql+psycopg://)"
            )
        self._lock = threading.Lock()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @cached_property
    def engine(self) -> Engine:
        if self.is_sqlite:
            return _sqlite_engine(self.url, echo=self.echo, immediate=True)
        # Up to 30 connections per process: the request thread pool (40) rarely holds more at
        # once, and several processes (serve + workers) must fit PostgreSQL's default 100.
        return create_engine(
            self.url, echo=self.echo, pool_size=10, max_overflow=20, pool_pre_ping=True
        )

    @cached_property
    def read_engine(self) -> Engine:
        if self.is_sqlite:
            return _sqlite_engine(self.url, echo=self.echo, immediate=False)
        return self.engine

    @cached_property
    def _writer(self) -> sessionmaker[Session]:
        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _reader(self) -> sessionmaker[Session]:
        return sessionmaker(self.read_engine, expire_on_commit=False)

    def session(self, *, write: bool = True) -> Session:
        return (self._writer if write else self._reader)()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception."""
        session = self.session(write=write)
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def ping(self) -> None:
        with self.read_engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def dispose(self) -> None:
        for name in ("engine", "read_engine"):
            if name in self.__dict__:
                self.__dict__[name].dispose()


# --- migrations -------------------------------------------------------------------------------


def alembic_config(url: str):
    from alembic.config import Config

    migrations = resources.files("models") / "migrations"
    config = Config(str(migrations / "alembic.ini"))
    config.set_main_option("script_location", str(migrations))
    # ConfigParser interpolation would treat '%' in a URL-encoded password as a directive.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.read_engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(url: str) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


class ScratchDatabase:
    """A uniquely named PostgreSQL database beside ``base_url``'s, for a test session or a
    benchmark run to migrate, use and drop, so it never touches a database someone relies on."""

    def __init__(self, base_url: str, prefix: str) -> None:
        self._base = make_url(base_url)
        self.name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self.url = self._base.set(database=self.name).render_as_string(hide_password=False)
        self._admin = create_engine(self._base, isolation_level="AUTOCOMMIT")

    def create(self) -> str:
        """The new database's URL; raises SQLAlchemy's error when the server cannot be reached."""
        try:
            with self._admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        except Exception:
            self._admin.dispose()
            raise
        return self.url

    def drop(self) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self._admin.dispose()
