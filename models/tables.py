"""The SQLAlchemy tables of the review service (SQLAlchemy 2.0 typed ORM).

Columns named ``*_enc`` hold Fernet tokens (``api.crypto``): personal data (customer contact
details, transcript text, note text) never reaches the database file in clear. What stays in clear
is what the service filters on and nothing personal: ids, statuses, times, categories, and keyed
hashes (``phone_hash``) that let a customer be found by phone without decrypting every row.

The schema itself is created by the Alembic migrations in ``models/migrations``; these classes
must stay in step with them (``tests/service/test_migrations.py`` compares the two).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from callnotes.errors import ConflictError


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every backend: SQLite drops the offset, so it is normalised here."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class Role(StrEnum):
    AGENT = "agent"
    QA = "qa"
    ADMIN = "admin"


class CallStatus(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    DRAFTED = "drafted"
    CONFIRMED = "confirmed"
    FAILED = "failed"


class CallSource(StrEnum):
    AUDIO = "audio"
    TEXT = "text"


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class FlagStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"  # the flagged text was edited away


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    # Only a hash of the bearer token is kept: a copied database file grants no access.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (CheckConstraint("role IN ('agent', 'qa', 'admin')", name="ck_users_role"),)


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    phone_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    name_enc: Mapped[str | None] = mapped_column(Text)
    email_enc: Mapped[str | None] = mapped_column(Text)
    address_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Call(Base):
    __tablename__ = "calls"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agent_id: Mapped[str] = mapped_column(String(100), index=True)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), index=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, index=True)
    duration: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(8))
    language: Mapped[str | None] = mapped_column(String(8))
    agent_channel: Mapped[int | None] = mapped_column(Integer)
    recording_path: Mapped[str | None] = mapped_column(Text)
    recording_sha256: Mapped[str] = mapped_column(String(64))
    recording_size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(100))
    # Imported text transcripts carry names and numbers: kept encrypted, like everything personal.
    source_text_enc: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=CallStatus.QUEUED, index=True)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(32), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    customer: Mapped[Customer | None] = relationship()

    __table_args__ = (
        # The idempotency key: the same bytes uploaded again for the same agent are the same call.
        UniqueConstraint("agent_id", "recording_sha256", name="uq_calls_agent_sha256"),
        CheckConstraint(
            "status IN ('queued', 'processing', 'drafted', 'confirmed', 'failed')",
            name="ck_calls_status",
        ),
    )


class Job(Base):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    run_after: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    lease_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # A fresh token per claim: a worker whose lease was taken over cannot finish the job.
    lease_token: Mapped[str | None] = mapped_column(String(36))
    worker_id: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (Index("ix_jobs_status_run_after", "status", "run_after"),)


class Transcript(Base):
    __tablename__ = "transcripts"

    call_id: Mapped[str] = mapped_column(
        ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str | None] = mapped_column(String(8))
    duration: Mapped[float | None] = mapped_column(Float)
    # Transcript metadata (roles, run info, audio info, warnings) as JSON: nothing personal.
    meta_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    utterances: Mapped[list[Utterance]] = relationship(
        order_by="Utterance.seq", cascade="all, delete-orphan"
    )


class Utterance(Base):
    __tablename__ = "utterances"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(
        ForeignKey("transcripts.call_id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(32))  # the transcript's utterance id ("u3")
    speaker: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    start: Mapped[float | None] = mapped_column(Float)
    end: Mapped[float | None] = mapped_column(Float)
    channel: Mapped[int | None] = mapped_column(Integer)
    text_enc: Mapped[str] = mapped_column(Text)
    words_enc: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("call_id", "seq", name="uq_utterances_call_seq"),)


class Draft(Base):
    """The current draft of a call's note. ``version`` is the optimistic lock: every write is
    ``UPDATE … WHERE version = :expected``, so of two concurrent writers exactly one wins."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One draft per call, whatever a crashed or duplicated worker does.
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    confirmed: Mapped[bool] = mapped_column(default=False)
    note_enc: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100))


class DraftVersion(Base):
    """Every version of every draft: who, when, what changed (the changes are encrypted: they
    quote the note)."""

    __tablename__ = "draft_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    changed_fields: Mapped[str] = mapped_column(Text)  # JSON list of field paths (no values)
    changes_enc: Mapped[str] = mapped_column(Text)  # JSON {path: {"old": …, "new": …}}
    note_enc: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("call_id", "version", name="uq_draft_versions_call_version"),)


class Flag(Base):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    field: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text_enc: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    suggestion_enc: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=FlagStatus.OPEN)
    raised_in_version: Mapped[int] = mapped_column(Integer)
    ack_reason_enc: Mapped[str | None] = mapped_column(Text)
    ack_by: Mapped[str | None] = mapped_column(String(100))
    ack_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class ConfirmedNote(Base):
    """The record of the call. Written once; never updated or deleted (see the guards below)."""

    __tablename__ = "confirmed_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The unique constraint is what makes confirmation exactly-once under any race.
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id"), unique=True)
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), index=True)
    draft_version: Mapped[int] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(32))
    note_enc: Mapped[str] = mapped_column(Text)
    flags_enc: Mapped[str] = mapped_column(Text)  # the flags and their acknowledgements
    confirmed_by: Mapped[str] = mapped_column(String(100))
    confirmed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class AuditEntry(Base):
    """Who did what to which call. ``detail`` holds ids, versions and field names, never values."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    call_id: Mapped[str | None] = mapped_column(String(36), index=True)
    detail: Mapped[str] = mapped_column(Text, default="{}")


@event.listens_for(Session, "before_flush")
def _confirmed_notes_are_immutable(session: Session, _context, _instances) -> None:
    for instance in list(session.dirty) + list(session.deleted):
        if isinstance(instance, ConfirmedNote):
            raise ConflictError("a confirmed note is immutable")
