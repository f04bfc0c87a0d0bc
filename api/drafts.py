"""Drafts: the first version from the worker, edits with optimistic locking, confirmation.

Every write to a draft is ``UPDATE drafts … WHERE id = :id AND version = :expected AND NOT
confirmed`` inside the transaction that also writes the version row, so of two concurrent writers
(two edits, or an edit and a confirm) exactly one changes the row and the other gets 409. The
confirmed note has a unique ``call_id``: even a race the version check missed cannot produce two.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.auth import Principal
from api.crypto import Vault, mask_address, mask_contact_text, mask_email, mask_name, mask_phone
from api.customers import find_or_create, remember_details
from callnotes.errors import ConflictError, InvalidInputError, NotFoundError
from models.api import DraftOut, FlagOut, PreviousNote
from models.note import ConsultationNote, PhrasingFlag
from models.tables import (
    AuditEntry,
    Call,
    CallStatus,
    ConfirmedNote,
    Draft,
    DraftVersion,
    Flag,
    FlagStatus,
    utcnow,
)

# Set by the pipeline, not by people: an edit that names them is refused.
READ_ONLY_FIELDS = frozenset({"evidence", "confidence", "flags", "pii_masked", "personal_fields"})
# Free text a person writes: re-checked by the phrasing flagger on every edit.
FREE_TEXT_FIELDS = ("purpose", "summary", "desired_outcome", "issue.summary", "issue.status")
FREE_TEXT_LISTS = ("actions_taken",)
PREVIOUS_NOTES_SHOWN = 5


# --- note (de)serialisation ---------------------------------------------------------------------


def note_fields(note: ConsultationNote) -> dict[str, Any]:
    """The editable content of a note (what PATCH changes and confirm records)."""
    return note.model_dump(mode="json", exclude={"flags"})


def load_note(vault: Vault, token: str) -> ConsultationNote:
    return ConsultationNote.model_validate(vault.decrypt_json(token))


def masked_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The note as QA sees it: who the customer is, masked; contact data in free text, masked."""
    customer = dict(fields.get("customer") or {})
    customer.update(
        name=mask_name(customer.get("name")), phone=mask_phone(customer.get("phone")),
        email=mask_email(customer.get("email")), address=mask_address(customer.get("address")),
    )
    masked = json.loads(mask_contact_text(json.dumps(fields, ensure_ascii=False)))
    masked["customer"] = customer
    name = (fields.get("customer") or {}).get("name")
    if name:
        masked = json.loads(json.dumps(masked, ensure_ascii=False).replace(name, mask_name(name)))
    return masked


def text_masker(session: Session, vault: Vault, call_id: str):
    """Masks free text for QA: contact data, and the customer's name as the draft records it."""
    draft = session.scalars(select(Draft).where(Draft.call_id == call_id)).first()
    name = None
    if draft is not None:
        name = ((vault.decrypt_json(draft.note_enc) or {}).get("customer") or {}).get("name")

    def mask(text: str) -> str:
        text = mask_contact_text(text)
        return text.replace(name, mask_name(name)) if name else text

    return mask


def flag_out(vault: Vault, flag: Flag, *, masked: bool = False) -> FlagOut:
    text, suggestion = vault.decrypt(flag.text_enc) or "", vault.decrypt(flag.suggestion_enc)
    if masked:
        text = mask_contact_text(text)
        suggestion = suggestion and mask_contact_text(suggestion)
    return FlagOut(
        id=flag.id, field=flag.field, kind=flag.kind, start=flag.start, end=flag.end, text=text,
        reason=flag.reason, suggestion=suggestion, status=flag.status,
        raised_in_version=flag.raised_in_version, acknowledged_by=flag.ack_by,
        acknowledgement=vault.decrypt(flag.ack_reason_enc),
    )


def new_flag_rows(vault: Vault, call_id: str, version: int, flags: list[PhrasingFlag]) -> list[Flag]:
    return [
        Flag(
            call_id=call_id, field=flag.field, kind=flag.kind.value, start=flag.start,
            end=flag.end, text_enc=vault.encrypt(flag.text), reason=flag.reason,
            suggestion_enc=vault.encrypt(flag.suggestion), status=FlagStatus.OPEN.value,
            raised_in_version=version,
        )
        for flag in flags
    ]


# --- the first version --------------------------------------------------------------------------


def create_first_version(session: Session, vault: Vault, call: Call, note: ConsultationNote) -> Draft:
    """Version 1, written by the worker in the transaction that finishes the job."""
    fields = note_fields(note)
    token = vault.encrypt_json(fields)
    draft = Draft(call_id=call.id, version=1, note_enc=token, updated_by="worker",
                  updated_at=utcnow())
    session.add(draft)
    session.add(DraftVersion(
        call_id=call.id, version=1, author="worker", changed_fields="[]",
        changes_enc=vault.encrypt_json({}), note_enc=token,
    ))
    session.add_all(new_flag_rows(vault, call.id, 1, note.flags))
    call.category = note.category.value
    if call.customer_id is None:
        customer = find_or_create(session, vault, note.customer.phone)
        call.customer_id = customer.id if customer else None
    session.flush()  # the unique call_id: a second draft for the call fails here
    return draft


# --- reading ------------------------------------------------------------------------------------


def _draft_row(session: Session, call_id: str, *, lock: bool = False) -> Draft:
    query = select(Draft).where(Draft.call_id == call_id)
    if lock:
        query = query.with_for_update()
    draft = session.scalars(query).first()
    if draft is None:
        raise NotFoundError(f"call {call_id} has no draft yet (see GET /calls/{call_id} for its status)")
    return draft


def _previous_notes(session: Session, vault: Vault, call: Call, masked: bool) -> list[PreviousNote]:
    if call.customer_id is None:
        return []
    rows = session.scalars(
        select(ConfirmedNote)
        .where(ConfirmedNote.customer_id == call.customer_id, ConfirmedNote.call_id != call.id)
        .order_by(ConfirmedNote.confirmed_at.desc())
        .limit(PREVIOUS_NOTES_SHOWN)
    ).all()
    notes = []
    for row in rows:
        summary = (vault.decrypt_json(row.note_enc) or {}).get("summary") or ""
        notes.append(PreviousNote(
            call_id=row.call_id, confirmed_at=row.confirmed_at, category=row.category,
            summary=mask_contact_text(summary) if masked else summary,
        ))
    return notes


def draft_view(session: Session, vault: Vault, call: Call, user: Principal) -> DraftOut:
    draft = _draft_row(session, call.id)
    return _view(session, vault, call, draft, user)


def _view(session: Session, vault: Vault, call: Call, draft: Draft, user: Principal) -> DraftOut:
    fields = vault.decrypt_json(draft.note_enc) or {}
    evidence, confidence = fields.pop("evidence", {}), fields.pop("confidence", {})
    if user.masked_view:
        fields = masked_fields(fields)
    flags = session.scalars(select(Flag).where(Flag.call_id == call.id).order_by(Flag.id)).all()
    return DraftOut(
        call_id=call.id, version=draft.version, confirmed=draft.confirmed, fields=fields,
        evidence=evidence, confidence=confidence,
        flags=[flag_out(vault, f, masked=user.masked_view) for f in flags
               if f.status != FlagStatus.RESOLVED],
        updated_at=draft.updated_at, updated_by=draft.updated_by,
        previous_notes=_previous_notes(session, vault, call, user.masked_view),
    )


# --- editing ------------------------------------------------------------------------------------


def _merge(target: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """JSON merge patch (RFC 7396): objects merge, anything else (lists too) replaces."""
    merged = dict(target)
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}.{key}" if prefix else key))
        return flat
    return {prefix: value}


def _changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    before, after = _flatten(old), _flatten(new)
    return {
        path: {"old": before.get(path), "new": after.get(path)}
        for path in sorted(set(before) | set(after))
        if before.get(path) != after.get(path)
    }


def _texts_to_flag(changed: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for path, change in changed.items():
        value = change["new"]
        if path in FREE_TEXT_FIELDS and isinstance(value, str) and value.strip():
            texts.append((path, value))
        elif path in FREE_TEXT_LISTS and isinstance(value, list):
            texts.extend((f"{path}[{i}]", item) for i, item in enumerate(value)
                         if isinstance(item, str) and item.strip())
        elif path == "follow_ups" and isinstance(value, list):
            texts.extend((f"follow_ups[{i}].action", item.get("action", "")) for i, item in
                         enumerate(value) if isinstance(item, dict) and item.get("action"))
    return texts


def _edited_note(current: dict[str, Any], patch: dict[str, Any]) -> ConsultationNote:
    forbidden = sorted(READ_ONLY_FIELDS & patch.keys())
    if forbidden:
        raise InvalidInputError(f"these fields are set by the pipeline and cannot be edited: {', '.join(forbidden)}",
                                detail={"fields": forbidden})
    try:
        return ConsultationNote.model_validate(_merge(current, patch))
    except ValidationError as error:
        raise InvalidInputError(
            "the edited draft is not a valid note",
            detail=[{"loc": list(e["loc"]), "msg": e["msg"]} for e in error.errors()],
        ) from None


def _stale(session: Session, vault: Vault, call: Call, draft: Draft, user: Principal, expected: int):
    current = _view(session, vault, call, draft, user).model_dump(mode="json")
    if draft.confirmed:
        return ConflictError("the draft is already confirmed and can no longer change", detail=current)
    return ConflictError(
        f"version {expected} is stale: the draft is at version {draft.version}; "
        "reload it, reapply your edit and send the new version in If-Match",
        detail=current,
    )


def _bump(session: Session, draft: Draft, expected: int, values: dict[str, Any]) -> None:
    result = session.execute(
        update(Draft)
        .where(Draft.id == draft.id, Draft.version == expected, Draft.confirmed.is_(False))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ConflictError("the draft changed while this request was being applied; reload it")


def flag_patch_texts(patch: dict[str, Any]) -> dict[str, list[PhrasingFlag]]:
    """The flagger's verdict on every string in an edit, computed before the transaction: on
    SQLite writers take turns, and none should wait while another runs the language model."""
    from pipeline.flagging import flag_text

    texts: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, str) and value.strip():
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(patch)
    return {text: flag_text(text) for text in texts}


def patch_draft(
    session: Session, vault: Vault, call: Call, user: Principal, expected: int,
    patch: dict[str, Any], flagged: dict[str, list[PhrasingFlag]] | None = None,
) -> tuple[DraftOut, list[FlagOut], list[str]]:
    from pipeline.flagging import flag_text

    flagged = flagged or {}

    def flags_for(text: str) -> list[PhrasingFlag]:
        return flagged[text] if text in flagged else flag_text(text)

    draft = _draft_row(session, call.id, lock=True)
    if draft.confirmed or draft.version != expected:
        raise _stale(session, vault, call, draft, user, expected)
    current = vault.decrypt_json(draft.note_enc) or {}
    note = _edited_note(current, patch)
    fields = note_fields(note)
    changed = _changes(current, fields)
    if not changed:
        return _view(session, vault, call, draft, user), [], []
    version = expected + 1
    token = vault.encrypt_json(fields)
    now = utcnow()
    _bump(session, draft, expected, {"version": version, "note_enc": token, "updated_at": now,
                                     "updated_by": user.name})
    session.add(DraftVersion(
        call_id=call.id, version=version, author=user.name, created_at=now,
        changed_fields=json.dumps(sorted(changed)), changes_enc=vault.encrypt_json(changed),
        note_enc=token,
    ))
    new_flags = _reflag(session, vault, call.id, version, _texts_to_flag(changed), flags_for)
    call.category = note.category.value
    session.add(AuditEntry(actor=user.name, action="draft.edit", call_id=call.id,
                           detail=json.dumps({"version": version, "fields": sorted(changed)})))
    session.flush()
    session.refresh(draft)
    view = _view(session, vault, call, draft, user)
    return view, [flag_out(vault, f, masked=user.masked_view) for f in new_flags], sorted(changed)


def _reflag(session, vault, call_id, version, texts, flags_for) -> list[Flag]:
    """Flags on edited text are replaced by the flagger's verdict on the new text."""
    rows: list[Flag] = []
    for path, text in texts:
        base = path.split("[")[0]
        for old in session.scalars(select(Flag).where(Flag.call_id == call_id,
                                                      Flag.status == FlagStatus.OPEN.value)):
            if old.field and (old.field == path or old.field.split("[")[0] == base):
                old.status = FlagStatus.RESOLVED.value
        found = [f.model_copy(update={"field": path}) for f in flags_for(text)]
        rows.extend(new_flag_rows(vault, call_id, version, found))
    session.add_all(rows)
    session.flush()
    return rows


# --- acknowledging and confirming ---------------------------------------------------------------


def acknowledge(session: Session, vault: Vault, call: Call, user: Principal, flag_id: int, reason: str) -> FlagOut:
    flag = session.get(Flag, flag_id)
    if flag is None or flag.call_id != call.id:
        raise NotFoundError(f"flag {flag_id} not found on call {call.id}")
    if _draft_row(session, call.id).confirmed:
        raise ConflictError("the draft is already confirmed")
    if flag.status == FlagStatus.RESOLVED.value:
        raise ConflictError(f"flag {flag_id} no longer applies: its text was edited")
    flag.status, flag.ack_by, flag.ack_at = FlagStatus.ACKNOWLEDGED.value, user.name, utcnow()
    flag.ack_reason_enc = vault.encrypt(reason.strip())
    session.add(AuditEntry(actor=user.name, action="flag.acknowledge", call_id=call.id,
                           detail=json.dumps({"flag": flag_id})))
    session.flush()
    return flag_out(vault, flag)


def confirm(
    session: Session, vault: Vault, call: Call, user: Principal, expected: int | None,
    acknowledgements: list[tuple[int, str]],
) -> ConfirmedNote:
    draft = _draft_row(session, call.id, lock=True)
    if draft.confirmed:
        raise ConflictError("the draft is already confirmed", detail={"version": draft.version})
    if expected is not None and expected != draft.version:
        raise _stale(session, vault, call, draft, user, expected)
    for flag_id, reason in acknowledgements:
        acknowledge(session, vault, call, user, flag_id, reason)
    flags = session.scalars(select(Flag).where(Flag.call_id == call.id).order_by(Flag.id)).all()
    still_open = [f for f in flags if f.status == FlagStatus.OPEN.value]
    if still_open:
        raise InvalidInputError(
            f"{len(still_open)} phrasing flag(s) are open: edit the text or acknowledge each with a reason",
            detail={"open_flags": [flag_out(vault, f).model_dump(mode="json") for f in still_open]},
        )
    _bump(session, draft, draft.version, {"confirmed": True})
    fields = vault.decrypt_json(draft.note_enc) or {}
    note = ConsultationNote.model_validate(fields)
    customer = _customer_for(session, vault, call, note)
    record = ConfirmedNote(
        call_id=call.id, customer_id=customer.id if customer else None,
        draft_version=draft.version, category=note.category.value, note_enc=draft.note_enc,
        flags_enc=vault.encrypt_json([flag_out(vault, f).model_dump(mode="json") for f in flags
                                      if f.status != FlagStatus.RESOLVED.value]),
        confirmed_by=user.name, confirmed_at=utcnow(),
    )
    session.add(record)
    call.status, call.category = CallStatus.CONFIRMED.value, note.category.value
    session.add(AuditEntry(actor=user.name, action="draft.confirm", call_id=call.id,
                           detail=json.dumps({"version": draft.version})))
    try:
        session.flush()
    except IntegrityError:
        raise ConflictError("the call is already confirmed") from None
    return record


def _customer_for(session: Session, vault: Vault, call: Call, note: ConsultationNote):
    customer = call.customer
    if customer is None:
        customer = find_or_create(session, vault, note.customer.phone)
        call.customer_id = customer.id if customer else None
    if customer is not None:
        remember_details(customer, vault, note.customer)
    return customer


def confirmed_out(vault: Vault, record: ConfirmedNote, *, masked: bool) -> dict[str, Any]:
    fields = vault.decrypt_json(record.note_enc) or {}
    flags = vault.decrypt_json(record.flags_enc) or []
    if masked:
        fields = masked_fields(fields)
        flags = json.loads(mask_contact_text(json.dumps(flags, ensure_ascii=False)))
    return {
        "call_id": record.call_id, "customer_id": record.customer_id,
        "draft_version": record.draft_version, "category": record.category, "fields": fields,
        "flags": flags, "confirmed_by": record.confirmed_by, "confirmed_at": record.confirmed_at,
    }
