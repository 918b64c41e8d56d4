"""An article's own date: stated, read from its dateline, or bounded from below.

`infer_publication_date` (called by ingest) returns what can honestly be called the
publication date: a header or leading date line ("Date: ...", " date 2023-02-23 ..."),
or a dateline ("YEREVAN, April 16.") whose missing year is inferred; otherwise unknown.

`article_anchor` gives the claims step something to measure relative dates from. For an
undated article it is a LOWER BOUND on the date, L = max(A, S), where
  A = the latest absolute date the article mentions (what it narrates has happened), and
  S = the latest "since <date> ... (for) [more than] N <units>" end point (a state that
      began on <date> has lasted N units by the time of writing).
A dateline without a year takes the first occurrence of its day on or after L.
"""
from __future__ import annotations

import datetime as dt
import re

from tasks.claims.dates import Anchor, DateMention, find_dates, parse_date, resolve
from tasks.claims.daymath import add_duration, period_end
from tasks.claims.numbers import canonical_unit, find_numbers

Precision = str  # day | month | year | unknown

# "YEREVAN, April 16." / "MOSCOW, Nov 9 (Reuters) -" / "Baku, 3 March, AZERTAC": a place in
# capitals (or Title Case) at the start of a paragraph, a comma, then the date.
_DATELINE = re.compile(
    r"(?:^|\n)\s*(?P<place>[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+){0,3}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
    r"\s*(?:\([^)\n]{1,30}\))?\s*,\s*(?P<date>[^\n]{3,40})"
)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_HEAD_CHARS = 1500


# News sites put the publication date in the path: /2019/11/19/slug, /2019-11-19-slug, /2019/11/slug.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/-]|\.html?|$)")


def date_from_url(url: str | None) -> tuple[dt.date, Precision] | None:
    """The date a URL's path carries, at day or month precision."""
    if not url or not (m := _URL_DATE.search(url)):
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        return (dt.date(year, month, int(day)), "day") if day else (dt.date(year, month, 1), "month")
    except ValueError:
        return None


def infer_publication_date(
    body: str, stated: str | None, url: str | None = None
) -> tuple[dt.date | None, Precision, str | None]:
    """(date, precision, source) with source header | url | text | dateline | dateline+inferred-year."""
    if stated and (parsed := _parse_stated(stated)):
        return parsed[0], parsed[1], "header"
    if found := date_from_url(url):
        return found[0], found[1], "url"
    if found := _leading_date_line(body):
        return found[0], found[1], "text"
    if found := _dateline(body):
        return found
    return None, "unknown", None


def _parse_stated(text: str) -> tuple[dt.date, str] | None:
    mentions = [m for m in find_dates(text) if m.mode == "absolute"]
    if mentions:
        best = min(mentions, key=lambda m: ("day", "month", "year").index(m.precision))
        return resolve(best, None)
    parsed = parse_date(text.strip()[:60])
    return (parsed[0], "day") if parsed else None


def _leading_date_line(body: str) -> tuple[dt.date, str] | None:
    for line in [ln for ln in body.split("\n") if ln.strip()][:3]:
        mentions = [m for m in find_dates(line) if m.mode == "absolute" and m.precision == "day"]
        if not mentions:
            continue
        first = mentions[0]
        # The line must BE a date line: the date comes first (after an optional label).
        label = line[: first.start].strip().lower().rstrip(":")
        if label in ("", "date", "published", "posted", "updated", "on", "published on") and len(line) < 160:
            return resolve(first, None)
    return None


def _dateline(body: str) -> tuple[dt.date | None, Precision, str | None] | None:
    for m in _DATELINE.finditer(body[:_HEAD_CHARS]):
        date_text = m.group("date")
        mentions = [d for d in find_dates(date_text) if d.start == 0 and d.precision == "day"]
        if not mentions or mentions[0].mode not in ("absolute", "yearless"):
            continue
        mention = mentions[0]
        if mention.mode == "absolute":
            return resolve(mention, None)[0], "day", "dateline"
        bound = lower_bound(body)
        if bound is None:
            return None, "unknown", "dateline-without-year"
        d = _first_on_or_after(mention, bound)
        return (d, "day", "dateline+inferred-year") if d else None
    return None


def _first_on_or_after(mention: DateMention, bound: dt.date) -> dt.date | None:
    for year in range(bound.year, bound.year + 9):
        try:
            d = dt.date(year, mention.month, mention.day)
        except ValueError:
            continue
        if d >= bound:
            return d
    return None


def latest_absolute_date(mentions: list[DateMention]) -> dt.date | None:
    """A: the latest date written with its year (month/year dates count from their start)."""
    dates = [resolve(m, None)[0] for m in mentions if m.mode == "absolute"]
    return max(dates) if dates else None


def since_bound(body: str, mentions: list[DateMention]) -> dt.date | None:
    """S: the latest end of "since <date> ... for [more than] N units" in one sentence.

    `mentions` are the body's dates (one scan, see `body_dates`); a sentence uses those
    that lie inside it.
    """
    best: dt.date | None = None
    for sent in _SENTENCE.finditer(body):
        text = sent.group(0)
        if not _SINCE.search(text):
            continue
        lo, hi = sent.start(), sent.end()
        starts = [
            m for m in mentions
            if lo <= m.start and m.end <= hi and m.mode == "absolute"
            and body[max(lo, m.start - 6): m.start].lower().strip().endswith("since")
        ]
        if not starts:
            continue
        start = resolve(starts[0], None)
        begin = period_end(*start) if start[1] != "day" else start[0]
        for n in find_numbers(text):
            unit, _factor, kind = canonical_unit(_next_word(text, n.end), None) if n.unit is None else (n.unit, 1, n.kind)
            if kind != "duration" or n.hedge == "at_most" or unit not in ("day", "week", "month", "year"):
                continue
            end = add_duration(begin, n.value, unit)
            best = end if best is None or end > best else best
    return best


def _next_word(text: str, pos: int) -> str | None:
    m = re.match(r"\s+([A-Za-z]+)", text[pos:])
    return m.group(1) if m else None


def body_dates(body: str) -> list[DateMention]:
    """The body's date mentions, found once: the bounds below and the claims step share them."""
    return find_dates(body)


def lower_bound(body: str, mentions: list[DateMention] | None = None) -> dt.date | None:
    """L = max(A, S): the article was written on or after this day."""
    mentions = body_dates(body) if mentions is None else mentions
    candidates = [d for d in (latest_absolute_date(mentions), since_bound(body, mentions)) if d is not None]
    return max(candidates) if candidates else None


def article_anchor(body: str, published: dt.date | None, precision: Precision,
                   mentions: list[DateMention] | None = None) -> Anchor | None:
    """What relative dates in this article are anchored to (None: nothing to anchor to)."""
    if published is not None and precision == "day":
        return Anchor(present=published, exact=True)
    mentions = body_dates(body) if mentions is None else mentions
    floor = latest_absolute_date(mentions)
    bound = lower_bound(body, mentions)
    if published is not None:  # month/year precision: the start of that period bounds it
        bound = max(bound, published) if bound else published
    if bound is None:
        return None
    return Anchor(present=bound, exact=False, floor=floor)
