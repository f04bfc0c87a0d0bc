"""Normalisers for what is said in calls: numbers, phone numbers, amounts, dates,
names, addresses, e-mail addresses and spelled codes.

Each function takes text; most return typed, frozen mentions with character offsets into it.
"""

from __future__ import annotations

from pipeline.normalize.address import AddressMention, find_address
from pipeline.normalize.alnum import mixed_codes, spelled_codes
from pipeline.normalize.contact import normalize_email
from pipeline.normalize.dates import DateMention, resolve_dates
from pipeline.normalize.names import NameMention, find_agent_name, find_customer_name
from pipeline.normalize.numbers import (
    NumberMention,
    find_amounts,
    find_phone_numbers,
    parse_korean_number,
    spoken_digits_to_text,
)

__all__ = [
    "AddressMention",
    "find_address",
    "mixed_codes",
    "normalize_email",
    "spelled_codes",
    "DateMention",
    "NameMention",
    "NumberMention",
    "find_agent_name",
    "find_amounts",
    "find_customer_name",
    "find_phone_numbers",
    "parse_korean_number",
    "resolve_dates",
    "spoken_digits_to_text",
]
