"""Extraction is order-free and speakers are linked across articles and runs (real flow, real DuckDB)."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import duckdb
import pytest

import flows.verify
from flows.verify import RunConfig, verify_articles

pytestmark = pytest.mark.usefixtures("prefect_server")

SCENARIOS = Path(__file__).resolve().parent.parent / "data" / "quote_scenarios"


def run(workdir):
    return verify_articles(
        RunConfig(input_path=workdir / "data" / "articles", warehouse_path=workdir / "warehouse" / "claimcheck.duckdb")
    )


def rows(workdir, sql: str) -> list[tuple]:
    con = duckdb.connect(str(workdir / "warehouse" / "claimcheck.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def write(inbox: Path, name: str, text: str) -> None:
    (inbox / name).write_text(text, encoding="utf-8")


# Made-up articles: a person named in full in one, by surname only in another.
FULL = ("Shipyard reopens\n\nRetired admiral Peter Okafor toured the Wexport shipyard on Monday. "
        "Okafor said the docks were ready for the winter fleet.\n")
SURNAME = ("Fleet returns\n\nThe first trawlers came back to Wexport on Friday. "
           "Mr. Okafor said the harbour would stay open through January.\n")
NAMESAKE = ("Book fair\n\nThe novelist Grace Okafor opened the Wexport book fair. "
            "Grace Okafor said that reading is a habit worth keeping.\n")


@pytest.mark.parametrize("order,batch_size", [("reversed", 1), ("shuffled", 5)])
def test_input_order_and_batch_size_give_identical_quote_rows(workdir, monkeypatch, tmp_path, order, batch_size):
    inbox = workdir / "data" / "articles"
    for src in sorted(SCENARIOS.glob("*.txt")):
        shutil.copy(src, inbox / src.name)
    write(inbox, "z1_full.txt", FULL)
    write(inbox, "z2_surname.txt", SURNAME)
    sql_quotes = "SELECT * FROM quotes ORDER BY quote_id"
    sql_speakers = "SELECT * FROM speakers ORDER BY speaker_id"
    run(workdir)
    reference = rows(workdir, sql_quotes), rows(workdir, sql_speakers)
    assert len(reference[0]) > 20

    (workdir / "warehouse" / "claimcheck.duckdb").unlink()
    discover = flows.verify.discover

    def reordered(path):
        files = discover(path)
        if order == "reversed":
            return files[::-1]
        random.Random(7).shuffle(files)
        return files

    monkeypatch.setattr(flows.verify, "discover", reordered)
    monkeypatch.setenv("CLAIMCHECK_BATCH_SIZE", str(batch_size))
    run(workdir)
    assert (rows(workdir, sql_quotes), rows(workdir, sql_speakers)) == reference


def test_second_run_links_a_bare_surname_to_the_full_name_of_the_first(workdir):
    inbox = workdir / "data" / "articles"
    write(inbox, "a1_full.txt", FULL)
    run(workdir)
    write(inbox, "a2_surname.txt", SURNAME)
    summary = run(workdir)
    assert summary["articles_new"] == 1
    got = rows(workdir, "SELECT q.speaker_id, q.speaker_name FROM quotes q JOIN articles a USING (article_id) "
                        "WHERE a.source_path LIKE '%a2_surname.txt' AND q.text LIKE '%harbour%'")
    assert got == [("peter-okafor", "Peter Okafor")]

    # a namesake named in full in a third run makes the surname ambiguous: the link is undone
    write(inbox, "a3_namesake.txt", NAMESAKE)
    run(workdir)
    got = rows(workdir, "SELECT q.speaker_name FROM quotes q JOIN articles a USING (article_id) "
                        "WHERE a.source_path LIKE '%a2_surname.txt' AND q.text LIKE '%harbour%'")
    assert got == [("Okafor",)]
    # and the statement that quote belongs to is regrouped under the speaker it now has
    got = rows(workdir, "SELECT s.speaker_name FROM quotes q JOIN articles a USING (article_id) "
                        "JOIN statements s USING (statement_id) "
                        "WHERE a.source_path LIKE '%a2_surname.txt' AND q.text LIKE '%harbour%'")
    assert got == [("Okafor",)]
