"""The console script: exit codes, one-line errors, read-only queries, documented commands."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import ROOT
from warehouse.schema import migrate

CLI = [sys.executable, "-c", "from claimcheck.cli import main; main()"]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120,
                          check=False)


def make_warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    migrate(con)
    con.execute("INSERT INTO speakers (speaker_id, canonical_name, kind, role, organisation, gender, origin) "
                "VALUES ('jane-roe', 'Jane Roe', 'person', 'mayor', NULL, 'female', 'text')")
    con.close()
    return path


def test_missing_input_is_one_line_exit_1(tmp_path):
    out = cli("run", "--input", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert out.returncode == 1
    assert out.stderr.strip().startswith("error: input path") and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_unwritable_warehouse_is_one_line_exit_1(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title\n\nText.")
    (tmp_path / "afile").write_text("not a folder")
    out = cli("run", "--input", str(tmp_path / "in"), "--warehouse", str(tmp_path / "afile" / "w.duckdb"))
    assert out.returncode == 1, out.stderr
    assert "not writable" in out.stderr and "Traceback" not in out.stderr


def test_query_formats(tmp_path):
    db = make_warehouse(tmp_path / "w.duckdb")
    out = cli("query", "SELECT speaker_id, canonical_name FROM speakers", "--warehouse", str(db), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"speaker_id": "jane-roe", "canonical_name": "Jane Roe"}]
    out = cli("query", "SELECT canonical_name FROM speakers", "-w", str(db), "-f", "csv")
    assert out.stdout.splitlines() == ["canonical_name", "Jane Roe"]


def test_query_refuses_writes(tmp_path):
    db = make_warehouse(tmp_path / "w.duckdb")
    out = cli("query", "DELETE FROM speakers", "--warehouse", str(db))
    assert out.returncode == 1 and "read-only" in out.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM speakers").fetchone()[0] == 1


def test_query_without_warehouse_is_one_line(tmp_path):
    out = cli("query", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert out.returncode == 1 and "no warehouse" in out.stderr


def test_readme_documents_every_command():
    from claimcheck.cli import _register, app

    _register()
    readme = (ROOT / "README.md").read_text()
    names = {c.name for c in app.registered_commands}
    assert {"run", "query", "eval"} <= names
    for name in names:
        assert re.search(rf"claimcheck {name}\b", readme), f"README does not mention `claimcheck {name}`"
    assert "make run" in readme and "make test" in readme
