"""A customer's confirmed notes, so the next agent knows what was said before."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from api.deps import PrincipalDep, ServicesDep, SessionDep
from api.drafts import confirmed_out
from api.errors import documented_errors
from callnotes.errors import NotFoundError
from models.api import ConfirmedNoteOut, CustomerNotes
from models.tables import ConfirmedNote, Customer

router = APIRouter(prefix="/customers", tags=["customers"])


@router.get("/{customer_id}/notes", response_model=CustomerNotes, responses=documented_errors({404: "No such customer."}),
    summary="The customer's confirmed notes, newest first")
def customer_notes(
    customer_id: str, session: SessionDep, svc: ServicesDep, user: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Annotated[int, Query(ge=0)] = 0,
) -> CustomerNotes:
    """Every agent sees a customer's history (whoever takes the next call needs it); qa sees it
    masked."""
    if session.get(Customer, customer_id) is None:
        raise NotFoundError(f"customer {customer_id} not found")
    where = ConfirmedNote.customer_id == customer_id
    total = session.scalar(select(func.count()).select_from(ConfirmedNote).where(where)) or 0
    rows = session.scalars(
        select(ConfirmedNote).where(where)
        .order_by(ConfirmedNote.confirmed_at.desc(), ConfirmedNote.id.desc())
        .limit(limit).offset(offset)
    ).all()
    items = [ConfirmedNoteOut(**confirmed_out(svc.vault, r, masked=user.masked_view)) for r in rows]
    return CustomerNotes(customer_id=customer_id, items=items, total=total, limit=limit, offset=offset)
