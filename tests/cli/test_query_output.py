"""`claimcheck query` output: fits the terminal, prints data as data (issue 16)."""
from __future__ import annotations

import subprocess

import pytest

from claimcheck.query_output import render
from tests.cli.test_cli import CLI, cli, make_warehouse

WIDE_COLUMNS = [f"column_{i}" for i in range(10)]
WIDE_ROWS = [tuple(f"value {i} " + "word " * 30 for i in range(10))] * 3


@pytest.mark.parametrize("width", [60, 100, 160])
def test_wide_rows_fit_the_terminal_as_records(width):
    out = render(WIDE_COLUMNS, WIDE_ROWS, "table", width=width)
    assert out.startswith("-[ record 1 ]")
    assert max(len(line) for line in out.splitlines()) <= width
    assert out.endswith("(3 rows)")


def test_narrow_rows_stay_a_table():
    out = render(["a", "b"], [(1, "x"), (2, None)], "table", width=80)
    assert "┃ a ┃ b ┃" in out and "record" not in out and out.endswith("(2 rows)")


def test_max_width_cuts_cells():
    out = render(["t"], [("x" * 50,)], "vertical", width=100, max_width=10)
    assert "x" * 9 + "…" in out and "x" * 10 not in out


@pytest.mark.parametrize("fmt", ["table", "vertical", "markdown"])
@pytest.mark.parametrize("text", ["[/b]", "[red]x[/red]", "[bold]", "a | b"])
def test_markup_in_data_prints_as_written(fmt, text):
    out = render(["title"], [(text,)], fmt, width=80)
    expected = text.replace("|", "\\|") if fmt == "markdown" else text
    assert expected in out


def test_markdown_table():
    out = render(["a", "b"], [(1, "two\nlines")], "markdown")
    assert out.splitlines() == ["| a | b |", "|---|---|", "| 1 | two lines |"]


def test_sql_from_file_and_stdin(tmp_path):
    db = make_warehouse(tmp_path / "w.duckdb")
    sql = tmp_path / "q.sql"
    sql.write_text("SELECT canonical_name FROM speakers\n")
    out = cli("query", "--file", str(sql), "-w", str(db), "-f", "csv")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["canonical_name", "Jane Roe"]
    piped = subprocess.run([*CLI, "query", "-w", str(db), "-f", "csv"], input="SELECT kind FROM speakers",
                           capture_output=True, text=True, timeout=120, check=False)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.splitlines() == ["kind", "person"]


def test_cli_markup_title_does_not_crash(tmp_path):
    db = make_warehouse(tmp_path / "w.duckdb")
    out = cli("query", "SELECT '[/b] and [red]x[/red]' AS title", "-w", str(db), env={"COLUMNS": "80"})
    assert out.returncode == 0, out.stderr
    assert "[/b] and [red]x[/red]" in out.stdout
