"""Bearer tokens and roles.

A token is shown once, when ``callnotes users add`` creates it; the database keeps its SHA-256
only. Roles: ``agent`` sees and edits its own calls only, ``qa`` reads confirmed calls with
personal data masked, ``admin`` does everything.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from api.db import Database
from callnotes.errors import ConflictError, InvalidInputError
from models.tables import AuditEntry, Role, User

TOKEN_PREFIX = "cn_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")


@dataclass(frozen=True)
class Principal:
    name: str
    role: Role

    @property
    def masked_view(self) -> bool:
        """QA reviews calls but has no need for who the customer is."""
        return self.role is Role.QA


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(database: Database, name: str, role: Role) -> str:
    """Create a user and return its new bearer token (the only time it is ever visible)."""
    if not _NAME.match(name):
        raise InvalidInputError(
            f"user name {name!r}: use letters, digits and . _ @ - (at most 100 characters)"
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with database.transaction() as session:
            session.add(User(name=name, role=role.value, token_hash=hash_token(token)))
            session.add(AuditEntry(actor="cli", action="user.add", detail=f'{{"user": "{name}"}}'))
    except IntegrityError:
        raise ConflictError(f"user {name!r} already exists") from None
    return token


def principal_for_token(database: Database, token: str) -> Principal | None:
    with database.transaction(write=False) as session:
        user = session.scalars(select(User).where(User.token_hash == hash_token(token))).first()
        return None if user is None else Principal(name=user.name, role=Role(user.role))
