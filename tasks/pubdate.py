"""Publication date: stated, inferred from the text, or unknown (placeholder, replaced by the claims work)."""
from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def infer_publication_date(body: str, stated: str | None) -> tuple[dt.date | None, str, str | None]:
    """Return (date, precision, source) for an article body and an optional stated date string."""
    for source, text in (("header", stated), ("text", body[:300])):
        if text and (m := _ISO.search(text)):
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])), "day", source
            except ValueError:
                continue
    return None, "unknown", None
