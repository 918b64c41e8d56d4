"""Articles as ingested, and inputs that could not become articles."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from models.base import Record

DatePrecision = Literal["day", "month", "year", "unknown"]
ArticleType = Literal["article", "transcript"]


class Article(Record):
    article_id: str = Field(min_length=1)
    source_path: str
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_date: dt.date | None = None
    published_precision: DatePrecision = "unknown"
    # Why the date is what it is: "header", "text", "dateline+inferred-year", "inferred", ...
    published_source: str | None = None
    body: str
    ingested_at: dt.datetime | None = None
    run_id: str | None = None
    # A `Type: transcript` header makes the article a primary source (an official
    # transcript): quotes of its speaker elsewhere are checked against it.
    article_type: ArticleType = "article"
    transcript_speaker: str | None = None  # the `Speaker:` header of a transcript, as written

    @model_validator(mode="after")
    def _date_and_precision_agree(self) -> Article:
        if (self.published_date is None) != (self.published_precision == "unknown"):
            raise ValueError("published_precision must be 'unknown' exactly when published_date is None")
        return self


class RejectedInput(Record):
    run_id: str | None = None
    source_path: str
    reason: str = Field(min_length=1)
