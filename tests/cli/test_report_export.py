"""`claimcheck report` and `claimcheck export` against a made-up warehouse file."""
from __future__ import annotations

import duckdb
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from tests.cli.test_cli import cli
from tests.report_fixture import demo_warehouse


def table_counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()]
    views = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
    counts = {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names + views}
    con.close()
    return counts


def test_report_html_to_file_and_markdown_to_stdout(tmp_path):
    db = demo_warehouse(tmp_path / "w.duckdb")
    out = cli("report", "--format", "html", "--output", str(tmp_path / "r" / "report.html"), "--warehouse", str(db))
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "r" / "report.html").read_text()
    assert 'data-value="2023-05-13"' in page and "Edda Marlowe" in page
    md = cli("report", "--warehouse", str(db))
    assert md.returncode == 0 and md.stdout.startswith("# claimcheck report")
    assert "| **2023-05-12** | **2023-05-13** |" in md.stdout


def test_report_bad_format_and_missing_warehouse_are_one_line_errors(tmp_path):
    db = demo_warehouse(tmp_path / "w.duckdb")
    bad = cli("report", "--format", "pdf", "--warehouse", str(db))
    assert bad.returncode == 1 and bad.stderr.strip() == "error: unknown format 'pdf': use html or md"
    missing = cli("report", "--warehouse", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1 and missing.stderr.startswith("error: no warehouse")


def test_parquet_export_round_trip_row_counts(tmp_path):
    db = demo_warehouse(tmp_path / "w.duckdb")
    out = cli("export", "--format", "parquet", str(tmp_path / "out"), "--warehouse", str(db))
    assert out.returncode == 0, out.stderr
    expected = table_counts(db)
    files = {p.stem: p for p in (tmp_path / "out").glob("*.parquet")}
    assert set(files) == set(expected)
    assert {name: pq.read_table(path).num_rows for name, path in files.items()} == expected
    assert expected["claims"] == 9 and expected["mart_open_discrepancies"] == 3
    articles = pq.read_table(files["articles"]).to_pylist()
    assert {a["article_id"] for a in articles} == {"coast-1", "harbour-2", "wire:3"}


def test_csv_export_and_warehouse_untouched(tmp_path):
    db = demo_warehouse(tmp_path / "w.duckdb")
    before = db.read_bytes()
    out = cli("export", "--format", "csv", str(tmp_path / "csv"), "--warehouse", str(db))
    assert out.returncode == 0, out.stderr
    assert pa_csv.read_csv(tmp_path / "csv" / "discrepancy_members.csv").num_rows == 3
    assert db.read_bytes() == before
    bad = cli("export", "--format", "xlsx", str(tmp_path / "x"), "--warehouse", str(db))
    assert bad.returncode == 1 and "use parquet or csv" in bad.stderr


def test_report_on_a_warehouse_without_the_report_views_says_what_to_do(tmp_path):
    db = demo_warehouse(tmp_path / "w.duckdb")
    con = duckdb.connect(str(db))
    con.execute("DROP VIEW stg_articles")
    con.close()
    out = cli("report", "--warehouse", str(db))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("error: the warehouse predates this report") and "claimcheck run" in out.stderr
