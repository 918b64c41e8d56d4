"""Faults and misuse: a run killed mid-batch, two runs at once, UI paths outside the allowed folders."""
from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from models.errors import PathOutsideRoot
from tests.conftest import SEEDS, copy_seeds, process_env

CLI = [sys.executable, "-c", "from claimcheck.cli import main; main()"]


def make_corpus(inbox: Path, n: int) -> list[Path]:
    """`n` distinct articles: seed texts under new ids with one added line (so new content hashes)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    out = []
    for i in range(n):
        src = seeds[i % len(seeds)]
        target = inbox / f"copy{i:03d}_{src.stem}.txt"
        target.write_text(src.read_text() + f"\n\nEditor's note {i}: this copy was filed on May {1 + i % 28}, 2024.\n")
        out.append(target)
    return out


def snapshot(db: Path) -> dict[str, list[str]]:
    """Every table's rows, sorted: equal snapshots mean equal warehouses."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1").fetchall()]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
    finally:
        con.close()


class Run:
    """A real `claimcheck run` process; its log lines (stderr) are collected by a thread."""

    def __init__(self, api: str, **env: str):
        self.proc = subprocess.Popen(
            [*CLI, "run", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=process_env(api, **env),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line)

    def wait_for(self, pattern: str, count: int = 1, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while sum(bool(re.search(pattern, line)) for line in self.log) < count:
            assert self.proc.poll() is None or not self.lines.empty(), f"run ended early: {''.join(self.log)}"
            try:
                self.log.append(self.lines.get(timeout=max(0.01, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"no {pattern!r} after {timeout} s: {''.join(self.log)}") from None

    def finish(self, timeout: float = 180) -> tuple[int, dict | None, str]:
        out = self.proc.stdout.read()
        self.proc.wait(timeout)
        time.sleep(0.05)
        while not self.lines.empty():
            self.log.append(self.lines.get())
        summary = json.loads(out) if self.proc.returncode == 0 else None
        return self.proc.returncode, summary, "".join(self.log)


def count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_a_killed_run_leaves_the_warehouse_as_before_and_the_next_run_completes(workdir, prefect_api):
    inbox, db = workdir / "data" / "articles", workdir / "warehouse" / "claimcheck.duckdb"
    copy_seeds(inbox, ["002_780e885c75eae896"])
    code, first, log = Run(prefect_api).finish()
    assert code == 0, log
    assert first["articles_new"] == 1
    before = snapshot(db)
    assert len(before["articles"]) == 1 and len(before["runs"]) == 1 and len(before["quotes"]) > 0

    make_corpus(inbox, 8)
    victim = Run(prefect_api, PREFECT_LOGGING_LEVEL="INFO", CLAIMCHECK_BATCH_SIZE="2")
    # Two batches loaded into the open transaction, more to come: mid-run.
    victim.wait_for(r"batch: \d+ articles", count=2)
    victim.proc.send_signal(signal.SIGKILL)
    assert victim.proc.wait(10) == -signal.SIGKILL

    assert snapshot(db) == before

    code, second, log = Run(prefect_api).finish()
    assert code == 0, log
    assert (second["articles_new"], second["articles_skipped"], second["articles_rejected"]) == (8, 1, 0)
    after = snapshot(db)
    assert len(after["articles"]) == 9
    assert len(after["runs"]) == 2  # the killed run left no row
    assert count(db, "SELECT count(*) - count(DISTINCT quote_id) FROM quotes") == 0
    assert count(db, "SELECT count(*) FROM source_files") == 9


@pytest.mark.slow
def test_two_runs_at_once_the_second_waits_or_gives_up_with_a_clear_message(workdir, prefect_api):
    inbox, db = workdir / "data" / "articles", workdir / "warehouse" / "claimcheck.duckdb"
    make_corpus(inbox, 6)
    first = Run(prefect_api, PREFECT_LOGGING_LEVEL="INFO", CLAIMCHECK_BATCH_SIZE="2")
    first.wait_for(r"batch: \d+ articles")  # it holds the warehouse lock now
    # Freeze it mid-run (a slow run, whatever this machine's speed) while two more arrive.
    first.proc.send_signal(signal.SIGSTOP)
    try:
        impatient = Run(prefect_api, CLAIMCHECK_LOCK_WAIT_SECONDS="0")
        patient = Run(prefect_api, PREFECT_LOGGING_LEVEL="INFO")  # default lock_wait_seconds (300)
        code, _, err = impatient.finish()
        assert code == 1
        assert len(err.strip().splitlines()) == 1
        assert re.fullmatch(rf"error: warehouse {re.escape(str(db.resolve()))} is in use by another run "
                            rf"\(pid {first.proc.pid}\) \(waited 0 s\); try again later", err.strip()), err
        patient.wait_for("Beginning flow run")
        time.sleep(1.0)
        assert patient.proc.poll() is None  # waiting for the lock
    finally:
        first.proc.send_signal(signal.SIGCONT)

    code, done, log = first.finish()
    assert code == 0, log
    assert done["articles_new"] == 6
    code, waited, log = patient.finish()
    assert code == 0, log
    assert (waited["articles_new"], waited["articles_skipped"]) == (0, 6)

    assert count(db, "SELECT count(*) FROM articles") == 6
    assert count(db, "SELECT count(*) - count(DISTINCT claim_id) FROM claims") == 0
    con = duckdb.connect(str(db), read_only=True)
    runs = con.execute("SELECT run_id, started_at, finished_at FROM runs ORDER BY finished_at").fetchall()
    con.close()
    assert [r[0] for r in runs] == [done["run_id"], waited["run_id"]]  # the one that gave up wrote nothing
    assert runs[1][1] < runs[0][2]  # the patient run started before the first finished: it waited


# -- paths from the UI: through the real flow, refused before a byte is read -------------
@pytest.fixture()
def outside(tmp_path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "private.txt").write_text("Private\n\nNot for this warehouse.")
    return folder


@pytest.fixture()
def reads(monkeypatch):
    """Record every file the flow discovers or hashes."""
    from flows import verify

    seen: list[Path] = []
    real_discover, real_hash = verify.discover, verify.hash_file
    monkeypatch.setattr(verify, "discover", lambda p: seen.append(p) or real_discover(p))
    monkeypatch.setattr(verify, "hash_file", lambda p: seen.append(p) or real_hash(p))
    return seen


def _escapes(workdir: Path, outside: Path) -> dict[str, tuple[Path, Path, str]]:
    inbox, wh = workdir / "data" / "articles", workdir / "warehouse"
    (inbox / "link").symlink_to(outside, target_is_directory=True)
    (wh / "link.duckdb").symlink_to(outside / "w.duckdb")
    return {
        "dotdot": (inbox / ".." / ".." / "elsewhere", wh / "claimcheck.duckdb", "input path"),
        "absolute": (outside, wh / "claimcheck.duckdb", "input path"),
        "symlinked folder": (inbox / "link", wh / "claimcheck.duckdb", "input path"),
        "symlinked file": (inbox / "link" / "private.txt", wh / "claimcheck.duckdb", "input path"),
        "warehouse dotdot": (inbox, wh / ".." / "data" / "w.duckdb", "warehouse path"),
        "warehouse symlink": (inbox, wh / "link.duckdb", "warehouse path"),
    }


@pytest.mark.usefixtures("prefect_server")
@pytest.mark.parametrize(
    "case", ["dotdot", "absolute", "symlinked folder", "symlinked file", "warehouse dotdot", "warehouse symlink"]
)
def test_paths_outside_the_configured_folders_fail_the_run_before_reading(workdir, outside, reads, case):
    from flows.verify import RunConfig, verify_articles

    copy_seeds(workdir / "data" / "articles", ["000_a0fdcd33e81b8070"])
    input_path, warehouse_path, what = _escapes(workdir, outside)[case]
    with pytest.raises(PathOutsideRoot) as err:
        verify_articles(RunConfig(input_path=input_path, warehouse_path=warehouse_path))
    assert str(err.value).startswith(f"{what} ") and "outside the allowed folders" in str(err.value)
    assert reads == []
    assert sorted(p.name for p in (workdir / "warehouse").iterdir()) == ["link.duckdb"]
    assert sorted(p.name for p in outside.iterdir()) == ["private.txt"]


@pytest.mark.usefixtures("prefect_server")
def test_a_missing_path_outside_the_roots_is_refused_without_saying_it_is_missing(workdir):
    from flows.verify import RunConfig, verify_articles

    with pytest.raises(PathOutsideRoot):
        verify_articles(RunConfig(input_path=Path("/nonexistent/secret"),
                                  warehouse_path=workdir / "warehouse" / "claimcheck.duckdb"))
    assert not os.path.exists(workdir / "warehouse" / "claimcheck.duckdb")


@pytest.mark.usefixtures("prefect_server")
def test_a_symlink_in_the_inbox_leading_outside_is_refused_unread(workdir, outside, reads):
    from flows.verify import RunConfig, verify_articles

    inbox, db = workdir / "data" / "articles", workdir / "warehouse" / "claimcheck.duckdb"
    (inbox / "leak.txt").symlink_to(outside / "private.txt")
    summary = verify_articles(RunConfig(input_path=inbox, warehouse_path=db))
    assert (summary["articles_new"], summary["articles_rejected"]) == (0, 1)
    assert summary["rejected"] == [(str(inbox / "leak.txt"), "links outside the allowed input folders")]
    assert [p.resolve() for p in reads] == [inbox.resolve()]  # the folder was listed; the link never hashed
    assert count(db, "SELECT count(*) FROM rejected_inputs WHERE reason LIKE 'links outside%'") == 1
    assert count(db, "SELECT count(*) FROM articles") == 0
