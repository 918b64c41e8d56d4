"""`claimcheck query` reads the warehouse and nothing else (issue 16)."""
from __future__ import annotations

import os

import duckdb
import pytest

from claimcheck.cmd_query import explain_error
from claimcheck.query_guard import QueryRefused, check_query
from tests.cli.test_cli import cli, make_warehouse
from warehouse.connection import open_readonly


def run_sandboxed(db, sql: str):
    """What the query command does: the guard, then the sandboxed connection."""
    con = open_readonly(db)
    try:
        return con.execute(check_query(sql)).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM read_blob('/etc/hostname')",
    "SELECT * FROM glob('/root/*')",
])
def test_files_outside_the_warehouse_are_unreadable(tmp_path, sql):
    db = make_warehouse(tmp_path / "w.duckdb")
    with pytest.raises(duckdb.PermissionException) as exc:
        run_sandboxed(db, sql)
    assert "refused" in explain_error(db, exc.value)


@pytest.mark.parametrize("sql, why", [
    ("COPY (SELECT 1) TO '{tmp}/x.csv'", "COPY"),
    ("COPY speakers FROM '{tmp}/x.csv'", "COPY"),
    ("EXPORT DATABASE '{tmp}/dump'", "EXPORT"),
    ("ATTACH '{tmp}/other.duckdb' AS o (READ_WRITE)", "ATTACH"),
    ("ATTACH '{tmp}/hard-link.duckdb' AS h", "ATTACH"),
    ("SET enable_external_access = true", "SET"),
    ("RESET lock_configuration", "SET"),
    ("PRAGMA enable_profiling", "PRAGMA"),
    ("LOAD httpfs", "LOAD"),
    ("INSTALL httpfs", "LOAD"),
    ("CALL pragma_version()", "CALL"),
    ("DELETE FROM speakers", "read-only"),
    ("CREATE TABLE x (a INT)", "read-only"),
    ("SELECT 1; DELETE FROM speakers", "one statement"),
    ("SELECT 1; SELECT 2", "one statement"),
    ("", "no SQL"),
])
def test_guard_refuses_with_a_reason(tmp_path, sql, why):
    with pytest.raises(QueryRefused) as exc:
        check_query(sql.format(tmp=tmp_path))
    assert why in str(exc.value)


@pytest.mark.parametrize("sql", ["SELECT 1", "WITH x AS (SELECT 1 AS a) SELECT a FROM x", "FROM speakers",
                                 "DESCRIBE speakers", "SHOW TABLES", "EXPLAIN SELECT 1", "SELECT 1 -- ; DELETE"])
def test_guard_lets_reads_through(tmp_path, sql):
    db = make_warehouse(tmp_path / "w.duckdb")
    assert run_sandboxed(db, sql) is not None


def test_sandbox_holds_even_past_the_guard(tmp_path):
    """The statement check is one layer; the connection itself refuses files and settings."""
    db = make_warehouse(tmp_path / "w.duckdb")
    os.link(db, tmp_path / "hard-link.duckdb")
    con = open_readonly(db)
    for sql in (f"COPY (SELECT 1) TO '{tmp_path}/x.csv'", f"ATTACH '{tmp_path}/hard-link.duckdb' AS h (READ_WRITE)",
                "LOAD httpfs"):
        with pytest.raises(duckdb.PermissionException):
            con.execute(sql)
    with pytest.raises(duckdb.Error):  # a file named as a table is not scanned either
        con.execute("SELECT * FROM '/etc/passwd'")
    with pytest.raises(duckdb.Error, match="locked"):
        con.execute("SET enable_external_access = true")
    con.close()
    assert not (tmp_path / "x.csv").exists()
    check = duckdb.connect(str(db), read_only=True)
    assert check.execute("SELECT count(*) FROM speakers").fetchone()[0] == 1


def test_cli_copy_does_not_overwrite_a_file(tmp_path):
    db = make_warehouse(tmp_path / "w.duckdb")
    target = tmp_path / "x.csv"
    target.write_text("precious")
    out = cli("query", f"COPY (SELECT 1) TO '{target}'", "-w", str(db))
    assert out.returncode == 1 and "COPY refused" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert target.read_text() == "precious"


def test_cli_hard_link_attach_cannot_delete(tmp_path):
    db = make_warehouse(tmp_path / "w.duckdb")
    os.link(db, tmp_path / "hl.duckdb")
    out = cli("query", f"ATTACH '{tmp_path}/hl.duckdb' AS h (READ_WRITE)", "-w", str(db))
    assert out.returncode == 1 and "ATTACH refused" in out.stderr
    out = cli("query", "SELECT * FROM read_csv('/etc/passwd')", "-w", str(db))
    assert out.returncode == 1 and "refused" in out.stderr and "root" not in out.stdout


def test_export_writes_only_into_its_folder(tmp_path):
    db = make_warehouse(tmp_path / "w.duckdb")
    out = cli("export", str(tmp_path / "out"), "-w", str(db), "-f", "csv")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "out" / "speakers.csv").is_file()
    assert {p.parent for p in tmp_path.rglob("*.csv")} == {tmp_path / "out"}
