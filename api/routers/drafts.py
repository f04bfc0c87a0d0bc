"""The draft of a call: read it, edit it (optimistic locking), acknowledge flags, confirm it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Header
from fastapi.responses import JSONResponse

from api import drafts
from api.deps import PrincipalDep, ServicesDep, SessionDep, WriterDep, visible_call
from api.errors import documented_errors
from callnotes.errors import InvalidInputError
from models.api import (
    AcknowledgeRequest,
    ConfirmedNoteOut,
    ConfirmRequest,
    DraftOut,
    DraftPatched,
    FlagOut,
)

router = APIRouter(prefix="/calls/{call_id}", tags=["drafts"])

_NOT_FOUND = {404: "No such call, not yours, or no draft yet."}
ERRORS = documented_errors(_NOT_FOUND)
WRITE_ERRORS = documented_errors({
    **_NOT_FOUND,
    403: "The qa role cannot change drafts.",
    409: "Stale version or already confirmed; `detail` is the current draft.",
    422: "Invalid edit, or (confirm) flags still open.",
})


def parse_version(value: str | None, *, required: bool) -> int | None:
    if value is None or not value.strip():
        if required:
            raise InvalidInputError("send the draft's version in If-Match (from GET …/draft)")
        return None
    cleaned = value.strip().removeprefix("W/").strip('"')
    if not cleaned.isdigit():
        raise InvalidInputError(f"If-Match must be the draft version number, got {value[:20]!r}")
    return int(cleaned)


def _with_etag(model, status: int = 200) -> JSONResponse:
    return JSONResponse(model.model_dump(mode="json"), status_code=status,
                        headers={"ETag": f'"{model.version if hasattr(model, "version") else model.draft_version}"'})


@router.get("/draft", response_model=DraftOut, responses=ERRORS,
            summary="The draft: fields, evidence, confidence, flags, version")
def get_draft(call_id: str, session: SessionDep, svc: ServicesDep, user: PrincipalDep) -> JSONResponse:
    call = visible_call(session, user, call_id)
    return _with_etag(drafts.draft_view(session, svc.vault, call, user))


@router.patch("/draft", response_model=DraftPatched, responses=WRITE_ERRORS,
              summary="Edit some fields (JSON merge patch) of the version in If-Match")
def patch_draft(
    call_id: str, session: SessionDep, svc: ServicesDep, user: WriterDep,
    patch: Annotated[dict[str, Any], Body(description="Fields to change, e.g. {\"summary\": \"…\"}",
                                          examples=[{"summary": "배송 지연 문의. 11월 22일까지 재발송 안내함."}])],
    if_match: Annotated[str | None, Header(description="The version being edited.")] = None,
) -> JSONResponse:
    """Lists are replaced whole; nested objects merge. Edited free text goes through the phrasing
    flagger: its flags on the old text are resolved and the new ones returned in ``new_flags``."""
    expected = parse_version(if_match, required=True)
    flagged = drafts.flag_patch_texts(patch)
    call = visible_call(session, user, call_id)
    view, new_flags, changed = drafts.patch_draft(session, svc.vault, call, user, expected, patch,
                                                  flagged)
    session.commit()  # before answering: a 200 means the version is stored
    return _with_etag(DraftPatched(**view.model_dump(), new_flags=new_flags, changed_fields=changed))


@router.post("/draft/flags/{flag_id}/acknowledge", response_model=FlagOut, responses=WRITE_ERRORS,
             summary="Acknowledge a phrasing flag with a reason (it then no longer blocks confirm)")
def acknowledge_flag(call_id: str, flag_id: int, body: AcknowledgeRequest, session: SessionDep,
                     svc: ServicesDep, user: WriterDep) -> FlagOut:
    call = visible_call(session, user, call_id)
    flag = drafts.acknowledge(session, svc.vault, call, user, flag_id, body.reason)
    session.commit()
    return flag


@router.post("/confirm", response_model=ConfirmedNoteOut, status_code=201, responses=WRITE_ERRORS,
             summary="Confirm the current version: it becomes the record of the call, once")
def confirm(
    call_id: str, session: SessionDep, svc: ServicesDep, user: WriterDep,
    body: Annotated[ConfirmRequest | None, Body()] = None,
    if_match: Annotated[str | None, Header(description="The version being confirmed.")] = None,
) -> JSONResponse:
    """Refused with 422 (listing them) while phrasing flags are open, unless each is acknowledged
    here with a reason. A second confirm, or one racing an edit, gets 409."""
    body = body or ConfirmRequest()
    expected = body.version if body.version is not None else parse_version(if_match, required=False)
    call = visible_call(session, user, call_id)
    record = drafts.confirm(session, svc.vault, call, user, expected,
                            [(a.flag_id, a.reason) for a in body.acknowledgements])
    session.commit()  # before answering: a 201 means the note is the record
    out = ConfirmedNoteOut(**drafts.confirmed_out(svc.vault, record, masked=user.masked_view))
    return _with_etag(out, status=201)
