"""The light claim record corpus-level linking reads and the warehouse loads for it."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class LinkClaim(NamedTuple):
    """The columns linking reads (the warehouse loads these, not whole `Claim` models)."""

    claim_id: str
    article_id: str
    start_char: int
    fact_key: str | None
    kind: str
    unit: str | None
    value_num: float | None
    value_low: float | None
    value_high: float | None
    hedge: str | None
    date_value: dt.date | None
    date_precision: str | None
    event: str | None


LINK_COLUMNS = LinkClaim._fields
