"""Numbers and dates stated in articles, normalised."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from models.base import Record, Span

ClaimKind = Literal["date", "duration", "count", "quantity"]
Hedge = Literal["exact", "approx", "at_least", "at_most"]
ClaimDatePrecision = Literal["day", "month", "year"]
EventAbout = Literal["event", "publication"]


class Event(Record):
    """What a claim is about, read from the parse around the value (tasks.claims.events).

    `triggers`: lower-cased lemmas of the words that say what happened ("sign ceasefire
    agreement"), most telling first; `entities`: the sentence's named places, parties and
    people; `role`: the preposition that introduces the value ("since", "on", "after").
    `about` is "publication" for the article's own date line: never linked to a fact.
    """

    about: EventAbout = "event"
    triggers: list[str] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)
    role: str = ""


PUBLICATION_EVENT = Event(about="publication")


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
    event: Event | None = None
    # The values the claim allows, in its base unit (dates: days since 1970-01-01;
    # durations: days), and the value as people read it ("about 300 people", "2024-03"):
    # computed once by tasks.claims.values and read by linking and by the cross-check SQL.
    base_unit: str | None = None
    value_base: float | None = None
    value_lo: float | None = None
    value_hi: float | None = None
    value_label: str | None = None
    # What a count or quantity measures ("killed", "injured", "money": data/measures.json,
    # tasks.claims.measures), and whether it is told as a change ("the toll rose to 18").
    measure: str | None = None
    is_update: bool = False

    @model_validator(mode="after")
    def _value_matches_kind(self) -> Claim:
        if self.kind == "date":
            if self.date_value is None or self.date_precision is None:
                raise ValueError("a date claim needs date_value and date_precision")
        elif self.value_num is None:
            raise ValueError(f"a {self.kind} claim needs value_num")
        if self.value_low is not None and self.value_high is not None and self.value_low > self.value_high:
            raise ValueError("value_low > value_high")
        return self
