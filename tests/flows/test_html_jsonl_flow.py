"""A saved web page and a JSON Lines dump through the real flow into a real DuckDB file."""
from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pytest

from flows.verify import RunConfig, verify_articles
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("prefect_server")
DATA = ROOT / "tests" / "data"


def run(workdir):
    return verify_articles(
        RunConfig(input_path=workdir / "data" / "articles", warehouse_path=workdir / "warehouse" / "claimcheck.duckdb")
    )


def query(workdir, sql):
    con = duckdb.connect(str(workdir / "warehouse" / "claimcheck.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_html_and_jsonl_articles_load_and_the_bad_line_is_rejected_alone(workdir):
    inbox = workdir / "data" / "articles"
    for name in ("harbour-bridge.html", "wire.jsonl", "not-an-article.html"):
        shutil.copy(DATA / name, inbox / name)
    summary = run(workdir)
    assert summary["articles_new"] == 4 and summary["articles_rejected"] == 2

    articles = query(workdir, "SELECT article_id, title, outlet, published_date, published_precision "
                              "FROM articles ORDER BY article_id")
    assert articles == [
        ("harbour-bridge", "Harbour bridge reopens after repairs", "Coastal Ledger", dt.date(2023, 5, 14), "day"),
        ("wire-0001", "Dam inspection finds cracks", "Example Wire", dt.date(2022, 9, 8), "day"),
        ("wire:2", "Dam repairs to take six months", "Valley Times", dt.date(2022, 9, 9), "day"),
        ("wire:4", None, "Example Wire", None, "unknown"),
    ]
    rejected = sorted((path.rsplit("/", 1)[-1], reason) for path, reason in
                      query(workdir, "SELECT source_path, reason FROM rejected_inputs"))
    assert rejected[0][0] == "not-an-article.html" and rejected[0][1].startswith("no article in the HTML page")
    assert rejected[1][0] == "wire.jsonl:3" and rejected[1][1].startswith("line 3: malformed JSON")

    # The page's quote and dates were extracted from the trafilatura body, offsets into it.
    quotes = query(workdir, "SELECT speaker_name, text FROM quotes WHERE article_id = 'harbour-bridge'")
    assert ("Edda Marlowe", "The deck is safe and the work came in under budget") in quotes
    bad = query(workdir, "SELECT count(*) FROM quotes q JOIN articles a USING (article_id) "
                         "WHERE NOT starts_with(substr(a.body, q.start_char + 1, q.end_char - q.start_char), q.text)")
    assert bad == [(0,)]
    dates = query(workdir, "SELECT date_value FROM claims WHERE article_id = 'harbour-bridge' AND kind = 'date'")
    assert (dt.date(2023, 2, 3),) in dates

    again = run(workdir)
    assert again["articles_new"] == 0 and again["articles_skipped"] == 3
    assert query(workdir, "SELECT count(*) FROM articles") == [(4,)]
