"""Files in, `Article`s out: discovery, hashing, decoding, header/title/outlet/date.

Each input format has a reader returning `RawArticle`s; everything after that (normalising,
metadata, the publication date) is shared, so every format lands in the same model.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

from models import Article, RejectedInput
from models.errors import UnreadableInput
from tasks.claims.pubdate import infer_publication_date
from tasks.ingest.raw import SUPPORTED_SUFFIXES, RawArticle, SourceFile
from tasks.ingest.textnorm import normalise_text
from tasks.ingest.txt import TRANSCRIPT_FIELDS, read_txt

MAX_FILE_BYTES = 20 * 1024 * 1024
# spaCy refuses texts over `nlp.max_length` (1,000,000 characters) with an error that
# aborted the whole run; such an article is rejected here with the reason instead.
MAX_ARTICLE_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt",)

# Agency credits near the top ("MOSCOW (AA) –", "YEREVAN, April 16. /ARKA/.") and
# source footers ("Source : AA") name the outlet when no header does.
_AGENCY_PAREN = re.compile(r"^[A-Z][A-Z .'-]{2,40}\s*\(([A-Z][A-Za-z]{1,12})\)\s*[-–—]")
_AGENCY_SLASH = re.compile(r"^[A-Z][A-Z .'-]{2,40},[^/\n]{0,40}/([A-Z][A-Za-z-]{1,15})/")
_SOURCE_FOOTER = re.compile(r"^\s*Source\s*:\s*(.{2,60}?)\s*$", re.IGNORECASE | re.MULTILINE)


def discover(path: Path) -> list[Path]:
    """Article files under `path` (a file or a folder), sorted, hidden files skipped."""
    if path.is_file():
        return [path]
    files = [
        p for p in path.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        and p.name.lower().endswith(SUPPORTED_SUFFIXES)
    ]
    return sorted(files)


def odd_entries(path: Path) -> list[RejectedInput]:
    """Entries named like articles that are not readable files (folders, FIFOs, devices,
    symlink loops, dangling links): recorded so that nothing is skipped silently. Never
    opened: opening a FIFO would block the run."""
    if not Path(path).is_dir():
        return []
    out = []
    for p in sorted(Path(path).rglob("*")):
        rel = p.relative_to(path).parts
        if any(part.startswith(".") for part in rel) or not p.name.lower().endswith(SUPPORTED_SUFFIXES):
            continue
        if reason := _not_a_file(p):
            out.append(RejectedInput(source_path=str(p), reason=reason))
    return out


def _not_a_file(p: Path) -> str | None:
    try:
        mode = os.stat(p).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if exc.errno == errno.ENOENT and p.is_symlink():
            return f"broken symlink to {os.readlink(p)}"
        return f"unreadable: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file (its articles, if any, are read on their own)"
    kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind})"


def hash_file(path: Path) -> SourceFile:
    """Content hash without reading the whole file into memory."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return SourceFile(path=path, content_sha256=digest.hexdigest(), size=size)


def guess_outlet(body: str, url: str | None) -> str | None:
    head = body[:600]
    for line in head.split("\n"):
        for pattern in (_AGENCY_PAREN, _AGENCY_SLASH):
            if m := pattern.match(line.strip()):
                return m.group(1)
    if m := _SOURCE_FOOTER.search(body[-400:]):
        return m.group(1)
    if url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def build_article(raw: RawArticle, source: SourceFile, content_sha256: str | None = None) -> Article:
    """Normalise a reader's output into an `Article` (title first in the body)."""
    text = normalise_text(raw.text)
    title = normalise_text(raw.title) if raw.title else None
    if not text.strip():
        raise UnreadableInput("no article text")
    body = text if (raw.has_title_line or not title) else f"{title}\n\n{text}"
    if len(body) > MAX_ARTICLE_CHARS:
        raise UnreadableInput(f"article too long: {len(body):,} characters (limit {MAX_ARTICLE_CHARS:,}); "
                              "split it into several files")
    date, precision, date_source = infer_publication_date(body, raw.published, raw.url)
    return Article(
        article_id=raw.article_id,
        source_path=str(source.path),
        content_sha256=content_sha256 or source.content_sha256,
        title=title,
        outlet=raw.outlet or guess_outlet(body, raw.url),
        url=raw.url,
        published_date=date,
        published_precision=precision,
        published_source=date_source,
        body=body,
        **{k: raw.extra[k] for k in TRANSCRIPT_FIELDS if k in raw.extra},
    )


Reader = Callable[[Path, bytes, str | None], list[RawArticle]]


def reader_for(path: Path) -> Reader:
    name = path.name.lower()
    if name.endswith(TEXT_SUFFIXES):
        return read_txt
    if name.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
        from tasks.ingest.html import read_html

        return read_html
    if name.endswith((".jsonl", ".jsonl.gz")):
        from tasks.ingest.jsonl import read_jsonl

        return read_jsonl
    raise UnreadableInput(f"unsupported file type: {path.name}")


def ingest_file(source: SourceFile, max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Article], list[RejectedInput]]:
    """One file to articles; every failure becomes a RejectedInput with its reason."""
    path = source.path
    if source.size > max_bytes:
        return [], [RejectedInput(source_path=str(path), reason=f"file too large ({source.size} bytes > {max_bytes})")]
    try:
        raw = path.read_bytes()
        readers_out = reader_for(path)(path, raw, source.key)
    except UnreadableInput as exc:
        return [], [RejectedInput(source_path=str(path), reason=exc.reason)]
    except OSError as exc:
        return [], [RejectedInput(source_path=str(path), reason=f"unreadable: {exc.strerror or exc}")]
    articles: list[Article] = []
    rejected: list[RejectedInput] = []
    for item in readers_out:
        if isinstance(item, RejectedInput):
            rejected.append(item)
            continue
        try:
            sha = item.extra.get("content_sha256")
            articles.append(build_article(item, source, sha))
        except UnreadableInput as exc:
            # a file of one article is named as it is; an article of a dump by its id
            where = str(path) if item.article_id == source.key else f"{path}#{item.article_id}"
            rejected.append(RejectedInput(source_path=where, reason=exc.reason))
    return articles, rejected


def ingest_path(path: Path) -> tuple[list[Article], list[RejectedInput]]:
    """Every article under `path` (convenience for tools and tests; the flow skips unchanged files)."""
    articles: list[Article] = []
    rejected: list[RejectedInput] = []
    for file in discover(Path(path)):
        a, r = ingest_file(hash_file(file))
        articles.extend(a)
        rejected.extend(r)
    return articles, rejected


def iter_batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
