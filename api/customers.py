"""Customers, found by a keyed hash of their phone number (the number itself is encrypted)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.crypto import Vault, normalize_phone
from models.note import CustomerInfo
from models.tables import Customer


def find_or_create(session: Session, vault: Vault, phone: str | None) -> Customer | None:
    digits = normalize_phone(phone)
    if digits is None or len(digits) < 8:
        return None
    phone_hash = vault.blind_index(digits)
    customer = session.scalars(select(Customer).where(Customer.phone_hash == phone_hash)).first()
    if customer is None:
        # A savepoint: two calls from a new customer may race to create the same row.
        customer = Customer(id=str(uuid.uuid4()), phone_hash=phone_hash, phone_enc=vault.encrypt(digits))
        try:
            with session.begin_nested():
                session.add(customer)
        except IntegrityError:  # the unique phone_hash: the other writer won
            customer = session.scalars(
                select(Customer).where(Customer.phone_hash == phone_hash)
            ).one()
    return customer


def remember_details(customer: Customer, vault: Vault, info: CustomerInfo) -> None:
    """Keep the latest contact details the agent confirmed."""
    for field in ("name", "email", "address"):
        value = getattr(info, field)
        if value:
            setattr(customer, f"{field}_enc", vault.encrypt(value))
