"""HTML pages: body, title, outlet and date (at the precision the page states) from made-up pages."""
import datetime as dt
import gzip
import shutil
from pathlib import Path

from tasks.ingest.files import hash_file, ingest_file
from tasks.ingest.html import page_date
from tasks.ingest.raw import parse_partial_iso

DATA = Path(__file__).resolve().parents[1] / "data"


def test_article_page_keeps_body_drops_navigation_comments_and_footer(tmp_path):
    [article], rejected = ingest_file(hash_file(DATA / "harbour-bridge.html"))
    assert rejected == []
    assert article.article_id == "harbour-bridge"
    assert article.title == "Harbour bridge reopens after repairs"
    assert article.outlet == "Coastal Ledger"
    assert article.url == "https://www.coastal-ledger.example/2023/05/harbour-bridge-reopens"
    assert article.published_date == dt.date(2023, 5, 14) and article.published_precision == "day"
    # The <h1> opens the body once, paragraphs are separated by blank lines.
    assert article.body.startswith("Harbour bridge reopens after repairs\n\nThe Fenwick harbour bridge reopened")
    assert article.body.count("Harbour bridge reopens after repairs") == 1
    assert '"The deck is safe and the work came in under budget," said Edda Marlowe' in article.body
    assert "4.5 million pounds" in article.body
    for boilerplate in ("Most read", "Took them long enough", "All rights reserved", "Weather"):
        assert boilerplate not in article.body


def test_gzipped_page_reads_like_the_plain_one(tmp_path):
    target = tmp_path / "harbour-bridge.html.gz"
    target.write_bytes(gzip.compress((DATA / "harbour-bridge.html").read_bytes()))
    plain = tmp_path / "plain" / "harbour-bridge.html"
    plain.parent.mkdir()
    shutil.copy(DATA / "harbour-bridge.html", plain)
    [zipped], _ = ingest_file(hash_file(target))
    [unzipped], _ = ingest_file(hash_file(plain))
    assert zipped.article_id == "harbour-bridge"
    assert zipped.body == unzipped.body


def test_page_without_article_is_rejected_with_reason():
    articles, [rejected] = ingest_file(hash_file(DATA / "not-an-article.html"))
    assert articles == []
    assert rejected.reason.startswith("no article in the HTML page")


def test_broken_gzip_is_rejected(tmp_path):
    target = tmp_path / "broken.html.gz"
    target.write_bytes(b"\x1f\x8b\x08\x00 definitely not deflate data")
    articles, [rejected] = ingest_file(hash_file(target))
    assert articles == [] and rejected.reason.startswith("not a valid gzip file")


def test_date_precision_as_stated():
    month = '<meta property="article:published_time" content="2020-11">'
    assert page_date(month, None, None).precision == "month"
    assert page_date(month, None, None).value == "2020-11"
    ld = '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2019"}]}</script>'
    assert (page_date(ld, None, None).value, page_date(ld, None, None).source) == ("2019", "json-ld")
    timed = '<time datetime="2021-03-04T10:00:00Z">4 March</time>'
    assert page_date(timed, None, None).value == "2021-03-04"


def test_date_from_url_path_then_fallback():
    assert page_date("<p>x</p>", "https://x.example/2018/07/story", None).value == "2018-07"
    assert page_date("<p>x</p>", "https://x.example/2018/07/09/story", None).precision == "day"
    assert page_date("<p>x</p>", "https://x.example/story", "2017-01-02").source == "trafilatura"
    assert page_date("<p>x</p>", None, None) is None


def test_partial_iso_rejects_impossible_months():
    assert parse_partial_iso("2020-13-01", "meta") is None
    assert parse_partial_iso("sometime", "meta") is None
    assert parse_partial_iso("2020-02-29T00:00", "meta").value == "2020-02-29"


def test_month_or_year_dated_page_keeps_its_precision(tmp_path):
    page = (DATA / "harbour-bridge.html").read_text()
    for stated, date, precision in [("2023-05", dt.date(2023, 5, 1), "month"), ("2023", dt.date(2023, 1, 1), "year")]:
        target = tmp_path / stated / "p.html"
        target.parent.mkdir()
        target.write_text(page.replace("2023-05-14T08:30:00+00:00", stated))
        [article], _ = ingest_file(hash_file(target))
        assert (article.published_date, article.published_precision) == (date, precision)
