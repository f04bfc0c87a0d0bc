"""Options that several commands share, parsed the same way everywhere."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from callnotes.errors import InvalidInputError


class TextOrJson(StrEnum):
    TEXT = "text"
    JSON = "json"


def parse_call_date(value: str | None) -> dt.datetime | None:
    """``2026-11-20T14:05:00+09:00`` or ``2026-11-20`` (midnight)."""
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise InvalidInputError(
            f"--call-date must be an ISO date or date-time (2026-11-20T14:05:00+09:00), got {value!r}"
        ) from error
