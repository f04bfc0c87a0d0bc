"""The consultation-log draft (상담일지) and phrasing flags.

The JSON keys of ``callnotes extract --format json`` are the field names of ``ConsultationNote``;
the dev set's gold files in ``samples/transcripts/`` use the same keys.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field


class Category(StrEnum):
    DELIVERY = "delivery"
    REFUND_RETURN = "refund_return"
    EXCHANGE = "exchange"
    ORDER = "order"
    CANCELLATION = "cancellation"
    BILLING = "billing"
    TECHNICAL_ISSUE = "technical_issue"
    ACCOUNT = "account"
    PRODUCT_INQUIRY = "product_inquiry"
    COMPLAINT = "complaint"
    OTHER = "other"


class Resolution(StrEnum):
    RESOLVED = "resolved"  # done in the call
    PENDING = "pending"  # a committed next step: callback, visit, refund in progress, documents awaited
    ESCALATED = "escalated"  # handed to another team for a decision
    UNRESOLVED = "unresolved"  # customer undecided, nothing agreed


class Owner(StrEnum):
    AGENT = "agent"
    COMPANY = "company"
    CUSTOMER = "customer"


class CustomerInfo(BaseModel):
    name: str | None = None
    phone: str | None = Field(None, description="Digits only, e.g. '01023456789'.")
    email: str | None = None
    address: str | None = None
    customer_id: str | None = None


class AgentInfo(BaseModel):
    name: str | None = None


class Identifier(BaseModel):
    kind: str = Field(description="order, contract, ticket, model, invoice, tracking, ... as said")
    value: str


class IssueInfo(BaseModel):
    summary: str | None = None
    occurred_on: dt.date | None = None
    status: str | None = None


class FollowUp(BaseModel):
    action: str
    owner: Owner
    due: dt.date | None = None


class EvidenceRef(BaseModel):
    utterance_id: str
    start: float | None = None
    end: float | None = None


class PiiKind(StrEnum):
    RRN = "rrn"  # 주민등록번호
    CARD = "card"
    ACCOUNT = "account"
    PASSPORT = "passport"


class PiiMasking(BaseModel):
    """Records that a value was masked; the clear value is never kept."""

    kind: PiiKind
    masked: str
    utterance_id: str | None = None


class FlagKind(StrEnum):
    SUBJECTIVE = "subjective"
    VAGUE = "vague"


class PhrasingFlag(BaseModel):
    start: int = Field(description="Character offset in the flagged text.")
    end: int
    text: str
    kind: FlagKind
    reason: str
    suggestion: str | None = None
    field: str | None = Field(None, description="Note field the text belongs to, on drafts.")


# Paths of fields that hold personal data: kept (the agent calls back), encrypted at rest.
PERSONAL_FIELDS: tuple[str, ...] = (
    "customer.name",
    "customer.phone",
    "customer.email",
    "customer.address",
)


class ConsultationNote(BaseModel):
    category: Category = Category.OTHER
    purpose: str | None = None
    customer: CustomerInfo = Field(default_factory=CustomerInfo)
    agent: AgentInfo = Field(default_factory=AgentInfo)
    identifiers: list[Identifier] = Field(default_factory=list)
    issue: IssueInfo = Field(default_factory=IssueInfo)
    desired_outcome: str | None = None
    actions_taken: list[str] = Field(default_factory=list)
    resolution: Resolution = Resolution.UNRESOLVED
    follow_ups: list[FollowUp] = Field(default_factory=list)
    complaint: bool = False
    summary: str = ""
    evidence: dict[str, list[EvidenceRef]] = Field(default_factory=dict)
    confidence: dict[str, float] = Field(default_factory=dict)
    call_started_at: dt.datetime | None = None
    personal_fields: list[str] = Field(default_factory=lambda: list(PERSONAL_FIELDS))
    pii_masked: list[PiiMasking] = Field(default_factory=list)
    flags: list[PhrasingFlag] = Field(default_factory=list)


