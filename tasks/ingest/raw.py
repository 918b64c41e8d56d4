"""The record every format reader hands on, and what the readers share.

Readers (`txt`, `html`, `jsonl`) import this module and nothing of each other.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".html.gz", ".htm.gz", ".jsonl", ".jsonl.gz")

# ISO dates as pages write them: 2020-11-10T09:00:00Z, 2020-11-10, 2020-11, 2020.
_ISO_PARTIAL = re.compile(r"^\s*((?:19|20)\d{2})(?:-([01]\d)(?:-([0-3]\d))?)?(?![\d])")

@dataclass(frozen=True)
class SourceFile:
    path: Path
    content_sha256: str
    size: int
    article_key: str | None = None  # what article ids are built from (tasks.ingest.ids); None: the stem

    @property
    def key(self) -> str:
        return self.article_key or article_stem(self.path)


@dataclass
class RawArticle:
    """What a format reader hands on: text plus whatever metadata the format carried."""

    article_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    has_title_line: bool = False  # the text's first line is the title already
    extra: dict = field(default_factory=dict)


def article_stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


@dataclass(frozen=True)
class PageDate:
    """A date as the page states it: `value` is ISO at its own precision ("2020-11")."""

    value: str
    precision: str  # day | month | year
    source: str

    def stated_text(self) -> str:
        """The date as `RawArticle.published`: the shared publication-date parser
        (`tasks.claims.pubdate`) reads "2020-11-10" at day, "November 2020" at month and "in 2020"
        at year precision, whereas a bare "2020-11" would be filled up to a day."""
        parts = [int(p) for p in self.value.split("-")]
        if self.precision == "month":
            return dt.date(parts[0], parts[1], 1).strftime("%B %Y")
        if self.precision == "year":
            return f"in {parts[0]}"
        return self.value


def parse_partial_iso(raw: str, source: str) -> PageDate | None:
    m = _ISO_PARTIAL.match(raw or "")
    if not m:
        return None
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return None
    parts = [p for p in (year, month, day) if p]
    return PageDate("-".join(parts), ("year", "month", "day")[len(parts) - 1], source)
