"""One execution of the verify-articles flow."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

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
