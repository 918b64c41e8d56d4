"""JSON Lines dumps: one article per line, ids, metadata, and a bad line rejected alone."""
import datetime as dt
import gzip
from pathlib import Path

from tasks.ingest.files import hash_file, ingest_file

DATA = Path(__file__).resolve().parents[1] / "data"


def test_each_line_is_an_article_and_the_malformed_line_is_rejected_alone():
    articles, rejected = ingest_file(hash_file(DATA / "wire.jsonl"))
    assert [a.article_id for a in articles] == ["wire-0001", "wire:2", "wire:4"]
    assert [(r.source_path.rsplit("/", 1)[-1], r.reason.split(":")[0]) for r in rejected] == [("wire.jsonl:3", "line 3")]
    assert "malformed JSON" in rejected[0].reason
    first, second, third = articles
    assert (first.title, first.outlet, first.url) == ("Dam inspection finds cracks", "Example Wire", "https://wire.example/dam")
    assert first.published_date == dt.date(2022, 9, 8) and first.published_precision == "day"
    assert first.body.startswith("Dam inspection finds cracks\n\nEngineers found three cracks")
    assert second.outlet == "Valley Times" and second.published_date == dt.date(2022, 9, 9)
    assert third.title is None and third.body.startswith("The water board will publish")


def test_each_article_hashes_its_own_line(tmp_path):
    a = tmp_path / "dump.jsonl"
    a.write_text('{"text": "First article body."}\n{"text": "Second article body."}\n')
    before = {x.article_id: x.content_sha256 for x in ingest_file(hash_file(a))[0]}
    a.write_text('{"text": "First article body."}\n{"text": "Second article body, corrected."}\n')
    after = {x.article_id: x.content_sha256 for x in ingest_file(hash_file(a))[0]}
    assert before["dump:1"] == after["dump:1"]
    assert before["dump:2"] != after["dump:2"]


def test_bad_records_name_their_line(tmp_path):
    f = tmp_path / "odd.jsonl"
    f.write_text('[1, 2]\n{"title": "no text"}\n\n{"text": "ok", "published": 2020}\n{"text": "Fine line.", "id": 7}\n')
    articles, rejected = ingest_file(hash_file(f))
    assert [a.article_id for a in articles] == ["7"]
    assert [r.reason for r in rejected] == [
        "line 1: expected a JSON object, got list",
        "line 2: no 'text' field",
        "line 4: 'published' must be a string, got a number",
    ]


def test_gzipped_jsonl(tmp_path):
    f = tmp_path / "dump.jsonl.gz"
    f.write_bytes(gzip.compress(b'{"text": "Zipped article body.", "outlet": "Zip News"}\n'))
    [article], rejected = ingest_file(hash_file(f))
    assert rejected == [] and article.article_id == "dump:1" and article.outlet == "Zip News"


def test_published_keeps_its_precision(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "A.", "published": "2020-11"}\n{"text": "B.", "published": "2020-11-10T08:00:00Z"}\n'
                 '{"text": "C.", "published": "2019"}\n')
    articles, _ = ingest_file(hash_file(f))
    assert [(a.published_date, a.published_precision) for a in articles] == [
        (dt.date(2020, 11, 1), "month"), (dt.date(2020, 11, 10), "day"), (dt.date(2019, 1, 1), "year")]
