"""Locks, readers and damaged files (issue 16): real processes, real DuckDB files."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from models.errors import WarehouseDamaged, WarehouseLocked
from tests.conftest import ROOT
from warehouse.connection import open_readonly, open_writable, writer_lock


def python(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is dead too
        return f.read().split(")")[-1].split()[0] != "Z"


def wait_gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


def test_a_forked_child_does_not_keep_the_lock_after_its_parent_is_killed(tmp_path):
    db = tmp_path / "w.duckdb"
    holder = python(f"""
        import os, time
        from pathlib import Path
        from warehouse.connection import writer_lock
        with writer_lock(Path({str(db)!r})):
            child = os.fork()
            if child == 0:
                time.sleep(60); os._exit(0)
            print(child, flush=True)
            time.sleep(60)
    """)
    child = int(holder.stdout.readline())
    try:
        with pytest.raises(WarehouseLocked, match=rf"pid {holder.pid}"), writer_lock(db, wait_seconds=0):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        assert alive(child)  # the orphan lives on (as a spaCy worker once did) ...
        stale = []
        with writer_lock(db, wait_seconds=0, on_stale=lambda pid, up: stale.append((pid, up))):
            pass  # ... but holds no lock
        assert stale == [(holder.pid, False)]  # and the dead holder's pid was noticed
    finally:
        os.kill(child, signal.SIGKILL)


def test_lock_released_normally_leaves_no_stale_record(tmp_path):
    db = tmp_path / "w.duckdb"
    with writer_lock(db):
        pass
    stale = []
    with writer_lock(db, on_stale=lambda pid, up: stale.append(pid)):
        pass
    assert stale == []


def test_extraction_workers_die_with_their_run():
    """`tasks.extract_pool`'s workers are forked by a forkserver, not by the run: a SIGKILL of
    the run ends the forkserver, and that ends every worker (PR_SET_PDEATHSIG), idle or not."""
    parent = python("""
        import time
        from models import Article
        from tasks.extract_pool import ExtractPool
        from tasks.quotes.registry import SpeakerRegistry
        article = Article(article_id="a1", source_path="a1.txt", content_sha256="0" * 64, title="A made-up title",
                          body='"We will build it," said Mara Voss on Monday.')
        pool = ExtractPool(SpeakerRegistry.load(), 2, chunk_articles=1)
        list(pool.extract([(0, [article, article], None)]))
        print(" ".join(str(pid) for pid in pool.worker_pids()), flush=True)
        time.sleep(60)
    """)
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(alive(w) for w in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    assert all(wait_gone(w) for w in workers), "a worker outlived its killed run"


def hold(db, read_only: bool, seconds: float) -> subprocess.Popen:
    proc = python(f"""
        import duckdb, time
        con = duckdb.connect({str(db)!r}, read_only={read_only})
        print("open", flush=True)
        time.sleep({seconds})
    """)
    assert proc.stdout.readline().strip() == "open"
    return proc


def make_db(path):
    con = open_writable(path)
    con.close()
    return path


def test_run_waits_for_a_reader_open_elsewhere(tmp_path):
    db = make_db(tmp_path / "w.duckdb")
    reader = hold(db, True, 1.5)
    with pytest.raises(WarehouseLocked, match="open in another program"):
        open_writable(db, wait_seconds=0)
    open_writable(db, wait_seconds=30).close()  # once the reader is gone
    reader.wait(10)


def test_query_during_a_run_says_so_in_one_line(tmp_path):
    db = make_db(tmp_path / "w.duckdb")
    writer = hold(db, False, 30)
    try:
        with pytest.raises(WarehouseLocked) as exc:
            open_readonly(db)
        message = str(exc.value)
        assert "being written by a run" in message and f"pid {writer.pid}" in message and "\n" not in message
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.parametrize("keep", [0.0, 0.3, 0.6])
@pytest.mark.parametrize("opener", [open_readonly, open_writable])
def test_a_truncated_warehouse_says_it_is_damaged(tmp_path, keep, opener):
    db = make_db(tmp_path / "w.duckdb")
    size = os.path.getsize(db)
    os.truncate(db, max(100, int(size * keep)))
    with pytest.raises(WarehouseDamaged, match="is damaged .*claimcheck export.*claimcheck run"):
        opener(db)


def test_not_a_database_says_it_is_damaged(tmp_path):
    db = tmp_path / "w.duckdb"
    db.write_text("hello " * 1000)
    with pytest.raises(WarehouseDamaged):
        open_readonly(db)


def test_cli_query_on_a_damaged_warehouse_is_one_line(tmp_path):
    from tests.cli.test_cli import cli

    db = make_db(tmp_path / "w.duckdb")
    os.truncate(db, os.path.getsize(db) // 2)
    out = cli("query", "SELECT count(*) FROM articles", "-w", str(db))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "is damaged" in out.stderr


def test_cli_query_during_a_run_is_one_line(tmp_path):
    from tests.cli.test_cli import cli

    db = make_db(tmp_path / "w.duckdb")
    writer = hold(db, False, 60)
    try:
        out = cli("query", "SELECT 1", "-w", str(db))
    finally:
        writer.kill()
        writer.wait()
    assert out.returncode == 1
    assert out.stderr.strip() == f"error: warehouse {db} is being written by a run (pid {writer.pid}); try again when the run finishes"


def test_cli_run_on_a_damaged_warehouse_is_one_line(tmp_path):
    from tests.cli.test_cli import cli

    db = make_db(tmp_path / "w.duckdb")
    os.truncate(db, os.path.getsize(db) // 2)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title\n\nThe mayor said so on Monday.\n")
    out = cli("run", "--input", str(tmp_path / "in"), "--warehouse", str(db))
    assert out.returncode == 1, out.stderr
    lines = [line for line in out.stderr.strip().splitlines() if not line.startswith("progress:")]
    assert len(lines) == 1 and "is damaged" in lines[0] and "Traceback" not in out.stderr


def test_two_runs_in_one_process_exclude_each_other(tmp_path):
    db = tmp_path / "w.duckdb"
    with writer_lock(db):
        with pytest.raises(WarehouseLocked, match="in this process"), writer_lock(db, wait_seconds=0):
            pass
        other = python(f"""
            from pathlib import Path
            from models.errors import WarehouseLocked
            from warehouse.connection import writer_lock
            try:
                with writer_lock(Path({str(db)!r})):
                    print("got it")
            except WarehouseLocked:
                print("locked")
        """)
        assert other.stdout.read().strip() == "locked"  # the failed inner attempt did not drop the lock
        other.wait()
    with writer_lock(db, wait_seconds=0):
        pass


def test_a_run_ending_in_an_error_leaves_no_stale_record(tmp_path):
    db = tmp_path / "w.duckdb"
    with pytest.raises(RuntimeError), writer_lock(db):
        raise RuntimeError("the run failed")
    assert (tmp_path / "w.duckdb.lock").read_text() == ""
