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
    """A disagreement between articles: about a fact (`fact_key`) or a statement (`statement_id`)."""

    discrepancy_id: str
    fact_key: str | None = None
    kind: str
    severity: Severity
    status: Literal["open", "resolved"] = "open"
    explanation: str
    first_seen_run: str | None = None
    statement_id: str | None = None


class DiscrepancyMember(Record):
    """A claim (fact discrepancies) or a quote (quote discrepancies) on one side."""

    discrepancy_id: str
    claim_id: str | None = None
    article_id: str
    side: str
    quote_id: str | None = None
