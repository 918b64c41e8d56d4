"""Kills and interrupts (issue 16): real `claimcheck run` processes with parser workers."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.conftest import copy_seeds, process_env
from tests.flows.test_faults import CLI, Run, make_corpus, snapshot
from tests.unit.test_warehouse_locks import alive, wait_gone

pytestmark = pytest.mark.slow
WORKERS = {"CLAIMCHECK_NLP_PROCESSES": "2", "CLAIMCHECK_BATCH_SIZE": "16", "PREFECT_LOGGING_LEVEL": "INFO"}


def children(pid: int) -> list[int]:
    out = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            out += [int(c) for c in f.read().split()]
    return out


def extraction_workers(pid: int) -> list[int]:
    """The run's extraction workers: children of the forkserver the run started."""
    out = []
    for child in children(pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as f:
                if b"multiprocessing.forkserver" in f.read():
                    out += children(child)
        except FileNotFoundError:
            continue
    return out


def start(env: dict) -> subprocess.Popen:
    """A run in its own process group, as a terminal starts one (Ctrl-C reaches the group)."""
    return subprocess.Popen([*CLI, "run"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, start_new_session=True)


def wait_for_workers(proc: subprocess.Popen, timeout: float = 120) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read()
        kids = [k for k in extraction_workers(proc.pid) if alive(k)]
        if len(kids) >= 2:
            return kids
        time.sleep(0.2)
    raise AssertionError("no extraction workers started")


def loaded_warehouse(workdir, prefect_api):
    inbox, db = workdir / "data" / "articles", workdir / "warehouse" / "claimcheck.duckdb"
    copy_seeds(inbox, ["002_780e885c75eae896"])
    code, _, log = Run(prefect_api).finish()
    assert code == 0, log
    make_corpus(inbox, 40)
    return db, snapshot(db)


def test_sigkill_leaves_no_worker_alive_and_no_lock(workdir, prefect_api):
    db, before = loaded_warehouse(workdir, prefect_api)
    victim = start(process_env(prefect_api, **WORKERS))
    workers = wait_for_workers(victim)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(10)
    assert all(wait_gone(w) for w in workers), "an extraction worker outlived its killed run"
    assert snapshot(db) == before
    code, summary, log = Run(prefect_api, CLAIMCHECK_LOCK_WAIT_SECONDS="0", PREFECT_LOGGING_LEVEL="INFO").finish()
    assert code == 0, log  # not "in use by another run"
    assert summary["articles_new"] == 40
    assert "stale warehouse lock" in log


def test_ctrl_c_exits_promptly_with_the_warehouse_unchanged(workdir, prefect_api):
    db, before = loaded_warehouse(workdir, prefect_api)
    env = {k: v for k, v in process_env(prefect_api, **WORKERS).items() if k != "PREFECT_API_URL"}
    run = start(env)  # a temporary Prefect server of its own, which Ctrl-C stops too
    workers = wait_for_workers(run)
    interrupted = time.monotonic()
    os.killpg(run.pid, signal.SIGINT)
    out, _ = run.communicate(timeout=60)
    took = time.monotonic() - interrupted
    assert run.returncode == 130, out
    assert took < 30, f"Ctrl-C took {took:.0f} s"
    assert "warehouse is as it was before" in out
    assert all(wait_gone(w) for w in workers)
    assert snapshot(db) == before
    code, summary, log = Run(prefect_api, CLAIMCHECK_LOCK_WAIT_SECONDS="0").finish()
    assert code == 0, log
    assert summary["articles_new"] == 40
