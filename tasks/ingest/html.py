"""Saved web pages to `RawArticle`s: trafilatura finds the article body, title and site name.

The publication date is read from the page's own metadata (`og:`/`article:` meta tags,
JSON-LD `datePublished`, `<time datetime>`, a dated URL path) as written, so a page that
only says "2020-11" stays at month precision; trafilatura's own date (always a full day,
sometimes guessed) is the last resort.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

from models.errors import UnreadableInput
from tasks.ingest.gz import gunzip_limited
from tasks.ingest.raw import PageDate, RawArticle, article_stem, parse_partial_iso
from tasks.ingest.textnorm import decode_bytes, fold_for_matching

# Measured on the Article Extraction Benchmark (bench/html_extraction.py, 181 pages):
# favor_precision lifts F1 from 0.960 to 0.964 (precision 0.942 -> 0.958, recall 0.978 -> 0.971).
# Comments are reader text, never the article; tables stay (casualty tables are claims).
EXTRACT_OPTIONS = {"include_comments": False, "favor_precision": True, "include_tables": True, "with_metadata": True}

# A page whose extracted text has fewer words than this is a navigation or error page.
MIN_BODY_WORDS = 25

_DATE_META_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish-date", "pubdate", "publication_date", "date", "dc.date.issued", "dc.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/([01]\d)(?:/([0-3]\d))?/")


def read_html(path: Path, raw: bytes, key: str | None = None) -> list[RawArticle]:
    """One page, one article; a page without an extractable article raises UnreadableInput."""
    html = decode_html(unzip_if_needed(path, raw))
    return [extract_article(html, key or article_stem(path))]


def unzip_if_needed(path: Path, raw: bytes) -> bytes:
    return gunzip_limited(raw) if path.name.lower().endswith(".gz") else raw


def decode_html(raw: bytes) -> str:
    """The declared charset when it decodes cleanly, else the shared text decoder."""
    if m := _CHARSET.search(raw[:4096]):
        try:
            return raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    text, _encoding = decode_bytes(raw)
    return text


def extract_body(html: str):
    """trafilatura's Document for a page (body in `.text`), or None; the one call the benchmark scores."""
    import trafilatura

    return trafilatura.bare_extraction(html, **EXTRACT_OPTIONS)


def extract_article(html: str, article_id: str) -> RawArticle:
    doc = extract_body(html)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise UnreadableInput("no article text found in the HTML page")
    if len(text.split()) < MIN_BODY_WORDS:
        raise UnreadableInput(f"no article in the HTML page (only {len(text.split())} words of text)")
    url = doc.url or None
    date = page_date(html, url, doc.date)
    title = (doc.title or "").strip() or None
    # trafilatura writes one block per line; a blank line between blocks makes paragraphs
    # look like those of .txt articles.
    text = re.sub(r"\n+", "\n\n", text)
    first_line = text.split("\n", 1)[0].strip()
    return RawArticle(
        article_id=article_id,
        text=text,
        title=title,
        # The page's <h1> usually opens the extracted text already: do not repeat it.
        has_title_line=title is not None and fold_for_matching(first_line).casefold() == fold_for_matching(title).casefold(),
        outlet=(doc.sitename or "").strip() or hostname(url),
        url=url,
        published=date.stated_text() if date else None,
        extra={"published_precision": date.precision, "published_source": date.source} if date else {},
    )


def hostname(url: str | None) -> str | None:
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def page_date(html: str, url: str | None, fallback: str | None) -> PageDate | None:
    """The publication date as precise as the page states it, or None."""
    for source, raw in _stated_dates(html):
        if date := parse_partial_iso(raw, source):
            return date
    if url and (m := _URL_DATE.search(urlparse(url).path)):
        year, month, day = m.groups()
        return PageDate("-".join(p for p in (year, month, day) if p), "day" if day else "month", "url")
    if fallback and (date := parse_partial_iso(fallback, "trafilatura")):
        return date
    return None


def _stated_dates(html: str):
    """(source, raw date) in order of trust: meta tags, JSON-LD, <time datetime>."""
    head = html[:200_000]
    metas: dict[str, str] = {}
    for tag in _META_TAG.findall(head):
        attrs = {k.lower(): next(v for v in vals if v is not None) for k, *vals in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content"):
            metas.setdefault(key, attrs["content"])
    for key in _DATE_META_KEYS:
        if key in metas:
            yield f"meta:{key}", metas[key]
    for block in _JSON_LD.findall(head):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        for value in _json_ld_dates(data):
            yield "json-ld", value
    for value in _TIME_TAG.findall(head):
        yield "time", value


def _json_ld_dates(data) -> list[str]:
    found: list[str] = []
    if isinstance(data, list):
        for item in data:
            found.extend(_json_ld_dates(item))
    elif isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            found.append(data["datePublished"])
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                found.extend(_json_ld_dates(data[key]))
    return found
