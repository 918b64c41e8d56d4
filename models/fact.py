"""Facts (claims linked across articles) and the discrepancies among them."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record

FactStatus = Literal["corroborated", "disputed", "single"]
Severity = Literal["high", "medium", "low"]


class Fact(Record):
    fact_key: str
    kind: str
    label: str
    status: FactStatus
    n_articles: int = Field(ge=0)
    n_claims: int = Field(ge=0)


class Discrepancy(Record):
    discrepancy_id: str
    fact_key: str
    kind: str
    severity: Severity
    status: Literal["open", "resolved"] = "open"
    explanation: str
    first_seen_run: str | None = None


class DiscrepancyMember(Record):
    discrepancy_id: str
    claim_id: str
    article_id: str
    side: str
