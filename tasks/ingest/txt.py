"""Plain-text articles: an optional `Key: value` header block, then the body."""
from __future__ import annotations

import re
from pathlib import Path

from tasks.ingest.raw import RawArticle, article_stem
from tasks.ingest.textnorm import decode_bytes

# Header keys recognised at the top of a .txt file ("Title: ...", "Date: ...").
# Only these keys count, so a headline such as "Maria Zakharova: ..." is never a header.
_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "site": "outlet",
    "date": "date", "published": "date", "publication date": "date", "pubdate": "date",
    "url": "url", "link": "url",
    "author": "author", "by": "author", "byline": "author",
    "type": "type", "speaker": "speaker",
}
# `Type: transcript` marks an official transcript (a primary source, see
# tasks.linking.transcripts); `Speaker:` names who speaks in it.
TRANSCRIPT_TYPES = {"transcript": "transcript", "official transcript": "transcript"}
TRANSCRIPT_FIELDS = ("article_type", "transcript_speaker")
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*?)\s*$")
_DATE_LINE = re.compile(r"^\s*(date|published|updated)?\s*\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)


def read_txt(path: Path, raw: bytes, key: str | None = None) -> list[RawArticle]:
    text, _encoding = decode_bytes(raw)
    header, rest = split_header(text)
    article = RawArticle(article_id=key or article_stem(path), text=rest)
    article.title = header.get("title")
    article.outlet = header.get("outlet")
    article.url = header.get("url")
    article.published = header.get("date")
    if TRANSCRIPT_TYPES.get((header.get("type") or "").strip().lower()):
        article.extra["article_type"] = "transcript"
        if header.get("speaker"):
            article.extra["transcript_speaker"] = header["speaker"]
    if article.title is None:
        article.title = first_title_line(rest)
        article.has_title_line = article.title is not None
    return [article]


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split an optional `Key: value` header block (ended by a blank line) from the text."""
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    start = i
    while i < len(lines) and lines[i].strip():
        m = _HEADER_LINE.match(lines[i])
        key = _HEADER_KEYS.get(m.group(1).strip().lower()) if m else None
        if key is None:
            return {}, text
        if m.group(2):
            header.setdefault(key, m.group(2))
        i += 1
    if not header or i == start:
        return {}, text
    return header, "\n".join(lines[i:])


def first_title_line(text: str) -> str | None:
    """The first non-empty line, unless it is a bare date/metadata line."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return None if _DATE_LINE.match(line) or len(line) > 300 else line
    return None
