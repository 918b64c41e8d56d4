"""Bad input classes (issue 16): each one file rejected with its reason, in bounded time and memory."""
from __future__ import annotations

import gzip
import os
import tracemalloc

import pytest

from models.errors import UnreadableInput
from tasks.ingest.files import MAX_ARTICLE_CHARS, hash_file, ingest_file, odd_entries
from tasks.ingest.gz import gunzip_limited

BODY = "Title line\n\nThe mayor said the bridge would open on Monday. " * 3


def ingest(path):
    return ingest_file(hash_file(path))


@pytest.mark.parametrize("chars, loads", [(MAX_ARTICLE_CHARS - 10, True), (MAX_ARTICLE_CHARS + 1, False), (2_000_000, False)])
def test_an_article_over_the_parser_limit_is_rejected_with_its_length(tmp_path, chars, loads):
    f = tmp_path / "long.txt"
    f.write_text("Title\n\n" + ("word " * (chars // 5 + 1))[:chars])
    articles, rejected = ingest(f)
    if loads:
        assert len(articles) == 1 and rejected == []
    else:
        assert articles == [] and "article too long" in rejected[0].reason and "limit 1,000,000" in rejected[0].reason


def test_a_gzip_bomb_is_refused_while_unpacking(tmp_path):
    f = tmp_path / "bomb.html.gz"
    with gzip.open(f, "wb", compresslevel=9) as out:
        for _ in range(200):
            out.write(b"\0" * (1 << 20))  # 200 MiB of zeros, ~200 KB on disk
    assert f.stat().st_size < 1 << 20
    tracemalloc.start()
    articles, [rejected] = ingest(f)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert articles == [] and "unpacks to more than" in rejected.reason
    assert peak < 80 << 20  # the limit (20 MiB) and its pieces, never the 200 MiB


@pytest.mark.parametrize("payload", [b"hello", b"x" * 100_000])
def test_gunzip_limited_round_trip_and_members(payload):
    assert gunzip_limited(gzip.compress(payload)) == payload
    assert gunzip_limited(gzip.compress(payload) + gzip.compress(b"tail")) == payload + b"tail"


@pytest.mark.parametrize("raw, why", [(b"not gzip at all", "not a valid gzip"), (gzip.compress(b"abc" * 1000)[:30], "ends early")])
def test_gunzip_limited_bad_streams(raw, why):
    with pytest.raises(UnreadableInput, match=why):
        gunzip_limited(raw)


def test_gunzip_limited_limit():
    with pytest.raises(UnreadableInput, match="more than 1000 bytes"):
        gunzip_limited(gzip.compress(b"a" * 1001), limit=1000)
    assert gunzip_limited(gzip.compress(b"a" * 1000), limit=1000) == b"a" * 1000


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_decode(tmp_path, encoding):
    f = tmp_path / "wide.txt"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    f.write_bytes((bom + "Élan vital\n\nThe minister said «yes» on Monday.").encode(encoding))
    [article], rejected = ingest(f)
    assert rejected == [] and article.title == "Élan vital" and "said \"yes\"" in article.body


def test_utf16_without_a_bom_is_still_binary(tmp_path):
    f = tmp_path / "nobom.txt"
    f.write_bytes("Hello there, this is text".encode("utf-16-le"))
    assert "binary" in ingest(f)[1][0].reason


@pytest.mark.parametrize("line, reason", [
    ('{"text": 42}', "line 1: 'text' must be a string, got a number 42"),
    ('{"text": ["a"]}', "line 1: 'text' must be a string, got an array [\"a\"]"),
    ('{"text": true}', "line 1: 'text' must be a string, got a boolean true"),
    ('{"text": null}', "line 1: 'text' is null"),
    ('{"text": "  "}', "line 1: 'text' is empty"),
    ('{"title": "x"}', "line 1: no 'text' field"),
    ('{"text": "Body.", "title": 3}', "line 1: 'title' must be a string, got a number"),
])
def test_jsonl_says_what_is_wrong_with_text(tmp_path, line, reason):
    f = tmp_path / "d.jsonl"
    f.write_text(line + "\n")
    assert [r.reason for r in ingest(f)[1]] == [reason]


def test_odd_entries_are_recorded_unopened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inside.txt").write_text(BODY)
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.txt")
    (tmp_path / "fine.txt").write_text(BODY)
    (tmp_path / "notes.md").mkdir()
    found = {os.path.basename(r.source_path): r.reason for r in odd_entries(tmp_path)}
    assert found == {
        "pipe.txt": "not a regular file (FIFO)",
        "folder.txt": "a folder, not a file (its articles, if any, are read on their own)",
        "loop-a.txt": "symlink loop",
        "loop-b.txt": "symlink loop",
        "dangling.txt": f"broken symlink to {tmp_path / 'nowhere'}",
    }
