import datetime as dt
import gzip

from tasks.ingest.files import discover, guess_outlet, hash_file, ingest_file
from tasks.ingest.raw import article_stem
from tasks.ingest.txt import first_title_line, split_header


def test_header_block_parsed_and_title_prepended(tmp_path):
    f = tmp_path / "a1.txt"
    f.write_text("Title: Minister visits port\nSource: Example Times\nDate: 2024-03-05\n\nThe minister arrived.\n")
    [article], rejected = ingest_file(hash_file(f))
    assert rejected == []
    assert article.article_id == "a1"
    assert article.title == "Minister visits port"
    assert article.outlet == "Example Times"
    assert article.published_date == dt.date(2024, 3, 5) and article.published_precision == "day"
    assert article.body == "Minister visits port\n\nThe minister arrived."


def test_headline_with_colon_is_not_a_header():
    header, rest = split_header("Jane Roe: we will not resign\n\nBody text.")
    assert header == {} and rest.startswith("Jane Roe:")


def test_first_line_is_title_without_header(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text("Talks resume in Geneva\n\nDelegates met on Monday.")
    [article], _ = ingest_file(hash_file(f))
    assert article.title == "Talks resume in Geneva"
    assert article.body.startswith("Talks resume in Geneva\n\nDelegates")
    assert article.published_date is None and article.published_precision == "unknown"


def test_date_line_is_not_a_title():
    assert first_title_line("date 2021-05-06 10:00\n\nText") is None


def test_outlet_from_agency_credit():
    assert guess_outlet("Title\n\nLONDON (XYZ) – The talks ended.", None) == "XYZ"
    assert guess_outlet("Title\n\nPARIS, May 2. /NEWSCO/. The talks ended.", None) == "NEWSCO"
    assert guess_outlet("Title\n\nText.\nSource : Wire Agency", None) == "Wire Agency"
    assert guess_outlet("Title\n\nText.", "https://www.example.org/x") == "example.org"


def test_bad_files_are_rejected_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    reasons = {}
    for path in discover(tmp_path):
        articles, rejected = ingest_file(hash_file(path))
        assert articles == []
        reasons[path.name] = rejected[0].reason
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["bin.txt"]


def test_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("Title\n\n" + "word " * 1000)
    articles, rejected = ingest_file(hash_file(f), max_bytes=100)
    assert articles == [] and "too large" in rejected[0].reason


def test_discover_skips_hidden_and_unsupported(tmp_path):
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    with gzip.open(tmp_path / "b.html.gz", "wt") as fh:
        fh.write("<html></html>")
    assert [p.name for p in discover(tmp_path)] == ["b.html.gz", "a.txt"]
    assert article_stem(tmp_path / "b.html.gz") == "b"


def test_hash_changes_with_content(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("one")
    first = hash_file(f).content_sha256
    f.write_text("two")
    assert hash_file(f).content_sha256 != first and len(first) == 64
