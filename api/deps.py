"""FastAPI dependencies: the app's services, one session per request, the caller."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from api.auth import Principal, principal_for_token
from api.crypto import Vault
from api.db import Database
from callnotes.config import Settings
from callnotes.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from models.tables import Call, CallStatus, Role


@dataclass
class Services:
    settings: Settings
    database: Database
    vault: Vault


def services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(services)]


def session(request: Request, svc: ServicesDep) -> Iterator[Session]:
    """One session per request; reads use the read engine (no write lock on SQLite)."""
    write = request.method not in ("GET", "HEAD", "OPTIONS")
    db_session = svc.database.session(write=write)
    try:
        yield db_session
        if db_session.in_transaction():
            db_session.commit()
    except BaseException:
        db_session.rollback()
        raise
    finally:
        db_session.close()


SessionDep = Annotated[Session, Depends(session)]


def principal(
    svc: ServicesDep,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> Principal:
    if not authorization:
        raise AuthenticationError("missing bearer token (Authorization: Bearer <token>)")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError("the Authorization header must be 'Bearer <token>'")
    found = principal_for_token(svc.database, token.strip())
    if found is None:
        raise AuthenticationError("invalid bearer token")
    return found


PrincipalDep = Annotated[Principal, Depends(principal)]


def require_writer(user: PrincipalDep) -> Principal:
    if user.role is Role.QA:
        raise PermissionDeniedError("the qa role reads confirmed calls; it cannot change them")
    return user


WriterDep = Annotated[Principal, Depends(require_writer)]


def visible_call(db_session: Session, user: Principal, call_id: str) -> Call:
    """The call if this user may see it. Anything else is 'not found', so an agent cannot learn
    that another agent's call exists."""
    call = db_session.get(Call, call_id)
    if call is None:
        raise NotFoundError(f"call {call_id} not found")
    if user.role is Role.AGENT and call.agent_id != user.name:
        raise NotFoundError(f"call {call_id} not found")
    if user.role is Role.QA and call.status != CallStatus.CONFIRMED:
        raise NotFoundError(f"call {call_id} not found")
    return call
