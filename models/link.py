"""The light records corpus-level linking reads (the warehouse loads these, not whole models)."""
from __future__ import annotations

import datetime as dt
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
    event: LinkEvent | None

    @classmethod
    def of_row(cls, row: tuple) -> LinkClaim:
        """From a row of LINK_COLUMNS (the claim's columns, then event_id, then event)."""
        *rest, event = row
        return cls(*rest, LinkEvent.of(event))

    @classmethod
    def of_claim(cls, claim, event_id: str | None = None) -> LinkClaim:
        fields = (getattr(claim, f) for f in CLAIM_LINK_COLUMNS)
        return cls(*fields, event_id, LinkEvent.of(claim.event))


LINK_COLUMNS = LinkClaim._fields
# The columns that come from the claims table (event_id comes from article_events).
CLAIM_LINK_COLUMNS = tuple(f for f in LINK_COLUMNS if f not in ("event_id", "event"))
