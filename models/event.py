"""Events: articles that report the same happening, grouped (tasks.linking.events)."""
from __future__ import annotations

import datetime as dt

from pydantic import Field

from models.base import Record


class NewsEvent(Record):
    """One happening several articles may report: its articles, dates and places."""

    event_id: str
    label: str
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    n_articles: int = Field(ge=1)
    places: list[str] = Field(default_factory=list)


class ArticleEvent(Record):
    article_id: str
    event_id: str


class FactUpdate(Record):
    """A figure a later report raised: an update, not a contradiction."""

    fact_key: str
    earlier_side: str
    later_side: str
    earlier_published: dt.date | None = None
    later_published: dt.date | None = None
    explanation: str
