"""Numbers and dates stated in articles, normalised."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import model_validator

from models.base import Span

ClaimKind = Literal["date", "duration", "count", "quantity"]
Hedge = Literal["exact", "approx", "at_least", "at_most"]
ClaimDatePrecision = Literal["day", "month", "year"]


class Claim(Span):
    claim_id: str
    article_id: str
    quote_id: str | None = None
    kind: ClaimKind
    surface: str
    sentence: str
    value_num: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    unit: str | None = None
    hedge: Hedge = "exact"
    date_value: dt.date | None = None
    date_precision: ClaimDatePrecision | None = None
    fact_key: str | None = None
    # What the claim is about, for linking across articles: trigger words and entities
    # around the value ("sign ceasefire agreement", "war"), lower-cased lemmas.
    event: str | None = None

    @model_validator(mode="after")
    def _value_matches_kind(self) -> "Claim":
        if self.kind == "date":
            if self.date_value is None or self.date_precision is None:
                raise ValueError("a date claim needs date_value and date_precision")
        elif self.value_num is None:
            raise ValueError(f"a {self.kind} claim needs value_num")
        if self.value_low is not None and self.value_high is not None and self.value_low > self.value_high:
            raise ValueError("value_low > value_high")
        return self
