"""The light records corpus-level linking reads (the warehouse loads these, not whole models)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple


class LinkEvent(NamedTuple):
    """`models.claim.Event` as a plain tuple: the same fields, hashable, cheap to build."""

    about: str
    triggers: tuple[str, ...]
    entities: tuple[str, ...]
    role: str

    @classmethod
    def of(cls, event) -> LinkEvent | None:
        """From an `Event` model, a STRUCT row (dict) or None."""
        if event is None:
            return None
        get = event.get if isinstance(event, dict) else lambda k: getattr(event, k)
        return cls(get("about") or "event", tuple(get("triggers") or ()), tuple(get("entities") or ()),
                   get("role") or "")


class LinkClaim(NamedTuple):
    """The columns fact linking reads; values come with the interval stored with the claim."""

    claim_id: str
    article_id: str
    start_char: int
    fact_key: str | None
    kind: str
    unit: str | None
    base_unit: str | None
    value_base: float | None
    value_lo: float | None
    value_hi: float | None
    hedge: str | None
    date_value: dt.date | None
    date_precision: str | None
    measure: str | None
    # The event (models.event.NewsEvent) the claim's article reports, from the events step.
    event_id: str | None
    # The claim's article's publication date (articles.published_date).
    published: dt.date | None
    event: LinkEvent | None

    @classmethod
    def of_row(cls, row: tuple) -> LinkClaim:
        """From a row of the claim's columns, event_id, published, then the event as (about, triggers,
        entities, role) with the lists joined by `LIST_SEPARATOR` (see `EVENT_SELECT`)."""
        *rest, about, triggers, entities, role = row
        return cls(*rest, _event_of(about, triggers, entities, role))

    @classmethod
    def of_claim(cls, claim, event_id: str | None = None, published: dt.date | None = None) -> LinkClaim:
        fields = (getattr(claim, f) for f in CLAIM_LINK_COLUMNS)
        return cls(*fields, event_id, published, LinkEvent.of(claim.event))


@lru_cache(maxsize=65536)
def _event_of(about, triggers, entities, role) -> LinkEvent | None:
    if about is None:
        return None
    return LinkEvent(about, tuple(triggers.split(LIST_SEPARATOR)) if triggers else (),
                     tuple(entities.split(LIST_SEPARATOR)) if entities else (), role or "")


# DuckDB hands a list column to Python at ~10 us a row (100k claims: 1 s); the same lists
# joined into one string come out 15x faster, so the event is read joined and split here.
LIST_SEPARATOR = "\x1f"
EVENT_SELECT = ("{t}.event.about, array_to_string({t}.event.triggers, chr(31)), "
                "array_to_string({t}.event.entities, chr(31)), {t}.event.role")
LINK_COLUMNS = LinkClaim._fields
# The columns that come from the claims table (event_id from article_events, published
# from articles).
CLAIM_LINK_COLUMNS = tuple(f for f in LINK_COLUMNS if f not in ("event_id", "published", "event"))
