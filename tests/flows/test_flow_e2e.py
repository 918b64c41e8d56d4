"""The real flow into a real DuckDB file: rows, idempotence, new files, bad input."""
from __future__ import annotations

import duckdb
import pytest

from flows.verify import RunConfig, verify_articles
from tests.conftest import copy_seeds

pytestmark = pytest.mark.usefixtures("prefect_server")


def run(workdir):
    return verify_articles(
        RunConfig(input_path=workdir / "data" / "articles", warehouse_path=workdir / "warehouse" / "claimcheck.duckdb")
    )


def counts(workdir) -> dict[str, int]:
    con = duckdb.connect(str(workdir / "warehouse" / "claimcheck.duckdb"), read_only=True)
    tables = ["articles", "quotes", "claims", "facts", "discrepancies", "discrepancy_members", "runs",
              "rejected_inputs", "speakers", "speaker_aliases"]
    out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    con.close()
    return out


def test_seeds_fill_every_table_and_rerun_adds_only_a_run_row(workdir):
    inbox = workdir / "data" / "articles"
    copy_seeds(inbox)
    first = run(workdir)
    assert first["articles_new"] == 5 and first["articles_rejected"] == 0
    c1 = counts(workdir)
    for table in ["articles", "quotes", "claims", "facts", "discrepancies", "discrepancy_members", "speakers",
                  "speaker_aliases"]:
        assert c1[table] > 0, table
    assert c1["runs"] == 1

    con = duckdb.connect(str(workdir / "warehouse" / "claimcheck.duckdb"), read_only=True)
    zakharova = con.execute(
        "SELECT count(*) FROM quotes WHERE speaker_name = 'Maria Zakharova' AND article_id LIKE '000_%'"
    ).fetchone()[0]
    bad_offsets = con.execute(
        "SELECT count(*) FROM quotes q JOIN articles a USING (article_id) "
        "WHERE q.end_char > length(a.body) OR q.start_char >= q.end_char"
    ).fetchone()[0]
    run_row = con.execute("SELECT status, articles_new, flow_run_id FROM runs").fetchone()
    con.close()
    assert zakharova >= 5
    assert bad_offsets == 0
    assert run_row[0] == "completed" and run_row[1] == 5 and run_row[2]

    second = run(workdir)
    assert second["articles_new"] == 0 and second["articles_skipped"] == 5
    c2 = counts(workdir)
    assert c2 == {**c1, "runs": 2}


def test_one_new_file_processes_one_article_and_a_changed_file_replaces_rows(workdir):
    inbox = workdir / "data" / "articles"
    copy_seeds(inbox, ["000_a0fdcd33e81b8070", "001_1f898c961dd7184c"])
    run(workdir)
    before = counts(workdir)
    copy_seeds(inbox, ["002_780e885c75eae896"])
    summary = run(workdir)
    assert summary["articles_new"] == 1 and summary["articles_skipped"] == 2
    assert counts(workdir)["articles"] == 3

    target = inbox / "001_1f898c961dd7184c.txt"
    target.write_text(target.read_text() + "\n\nThe minister later said that talks would resume on May 3, 2024.\n")
    summary = run(workdir)
    assert summary["articles_new"] == 1 and summary["articles_replaced"] == 1
    after = counts(workdir)
    assert after["articles"] == 3
    con = duckdb.connect(str(workdir / "warehouse" / "claimcheck.duckdb"), read_only=True)
    dup = con.execute("SELECT count(*) - count(DISTINCT quote_id) FROM quotes").fetchone()[0]
    orphans = con.execute(
        "SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT article_id FROM articles)"
    ).fetchone()[0]
    con.close()
    assert dup == 0 and orphans == 0
    assert before["articles"] == 2


def test_bad_inputs_are_recorded_and_do_not_stop_the_run(workdir):
    inbox = workdir / "data" / "articles"
    copy_seeds(inbox, ["004_f982996cea3e33e0"])
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (inbox / "legacy.txt").write_bytes("Caf\u00e9 talks\n\nThe mayor said the caf\u00e9 would reopen.".encode("latin-1"))
    summary = run(workdir)
    assert summary["articles_new"] == 2 and summary["articles_rejected"] == 2
    con = duckdb.connect(str(workdir / "warehouse" / "claimcheck.duckdb"), read_only=True)
    reasons = dict(con.execute("SELECT source_path, reason FROM rejected_inputs").fetchall())
    con.close()
    assert any(p.endswith("empty.txt") and "empty" in r for p, r in reasons.items())
    assert any(p.endswith("binary.txt") and "binary" in r for p, r in reasons.items())
    again = run(workdir)
    assert again["articles_rejected"] == 0 and again["articles_new"] == 0
