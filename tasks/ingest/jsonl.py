"""JSON Lines dumps to `RawArticle`s: one article per line, a bad line rejected on its own.

A line is `{"text": ..., "id"?, "title"?, "url"?, "published"?, "outlet"?}`. The article id
is the line's `id`, else `<file stem>:<line number>` (1-based, as editors count). Each
article carries the hash of its own line, so editing one line of a dump changes that
article's hash only.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from models import RejectedInput
from models.errors import UnreadableInput
from tasks.ingest.gz import gunzip_limited
from tasks.ingest.raw import RawArticle, article_stem, parse_partial_iso
from tasks.ingest.textnorm import decode_bytes

OPTIONAL_FIELDS = ("title", "url", "published", "outlet")


def read_jsonl(path: Path, raw: bytes, key: str | None = None) -> list[RawArticle | RejectedInput]:
    """Every line of the file: an article, or a RejectedInput naming the line and why."""
    if path.name.lower().endswith(".gz"):
        raw = gunzip_limited(raw)
    text, _encoding = decode_bytes(raw)
    stem = key or article_stem(path)
    out: list[RawArticle | RejectedInput] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            out.append(parse_line(line, stem, number))
        except UnreadableInput as exc:
            out.append(RejectedInput(source_path=f"{path}:{number}", reason=f"line {number}: {exc.reason}"))
    if not out:
        raise UnreadableInput("no JSON lines in file")
    return out


def parse_line(line: str, stem: str, number: int) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise UnreadableInput(f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if body is None:
        raise UnreadableInput("no 'text' field" if "text" not in record else "'text' is null")
    if not isinstance(body, str):
        raise UnreadableInput(f"'text' must be a string, got {_json_type(body)} {json.dumps(body)[:40]}")
    if not body.strip():
        raise UnreadableInput("'text' is empty")
    fields = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise UnreadableInput(f"'{name}' must be a string, got {_json_type(value)}")
        fields[name] = value.strip() if value and value.strip() else None
    if fields["published"] and (partial := parse_partial_iso(fields["published"], "jsonl")):
        # "2020-11" stays a month, as for web pages; other forms go to the shared parser as written.
        fields["published"] = partial.stated_text()
    given_id = record.get("id")
    if given_id is not None and not isinstance(given_id, (str, int)) or isinstance(given_id, bool):
        raise UnreadableInput("'id' must be a string or an integer")
    article_id = str(given_id).strip() if given_id is not None and str(given_id).strip() else f"{stem}:{number}"
    return RawArticle(
        article_id=article_id,
        text=body,
        extra={"content_sha256": hashlib.sha256(line.encode("utf-8")).hexdigest()},
        **fields,
    )


def _json_type(value: object) -> str:
    """The JSON name of a value's type, as the user wrote it."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {list: "an array", dict: "an object"}.get(type(value), type(value).__name__)
