"""One execution of the verify-articles flow."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from models.base import Record


class Run(Record):
    run_id: str
    flow_run_id: str | None = None
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    status: Literal["running", "completed", "failed"] = "running"
    articles_new: int = Field(default=0, ge=0)
    articles_skipped: int = Field(default=0, ge=0)
    articles_rejected: int = Field(default=0, ge=0)
    quotes_new: int = Field(default=0, ge=0)
    claims_new: int = Field(default=0, ge=0)
    discrepancies_new: int = Field(default=0, ge=0)
    version: str


class RunSummary(BaseModel):
    """What one run did, filled as the flow goes (the run's return value and artifact)."""

    run_id: str
    flow_run_id: str | None = None
    started_at: dt.datetime
    articles_new: int = 0
    articles_skipped: int = 0
    articles_rejected: int = 0
    articles_replaced: int = 0
    quotes_new: int = 0
    claims_new: int = 0
    facts_checked: int = 0
    discrepancies_new: int = 0  # fact and quote discrepancies
    statements_checked: int = 0
    quote_discrepancies_new: int = 0
    rejected: list[tuple[str, str]] = Field(default_factory=list)

    def count_rejected(self, rejected) -> None:
        self.articles_rejected += len(rejected)
        self.rejected.extend((r.source_path, r.reason) for r in rejected)

    def count_batch(self, analyses, rejected) -> None:
        """One batch's articles (`Analysis` records: article, quotes, claims) and rejections."""
        self.articles_new += len(analyses)
        self.quotes_new += sum(len(a.quotes) for a in analyses)
        self.claims_new += sum(len(a.claims) for a in analyses)
        self.count_rejected(rejected)

    def count_checks(self, checked: dict) -> None:
        self.facts_checked += checked.get("facts_checked", 0)
        self.discrepancies_new += checked.get("discrepancies_new", 0)
        self.statements_checked += checked.get("statements_checked", 0)
        self.quote_discrepancies_new += checked.get("quote_discrepancies_new", 0)

    def to_run(self, version: str, status: str = "completed") -> Run:
        return Run(
            run_id=self.run_id, flow_run_id=self.flow_run_id, started_at=self.started_at,
            finished_at=dt.datetime.now(dt.UTC).replace(tzinfo=None), status=status,
            articles_new=self.articles_new, articles_skipped=self.articles_skipped,
            articles_rejected=self.articles_rejected, quotes_new=self.quotes_new, claims_new=self.claims_new,
            discrepancies_new=self.discrepancies_new, version=version,
        )

    def as_dict(self) -> dict:
        return self.model_dump(exclude={"started_at"})
