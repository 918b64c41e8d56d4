"""Shared fixtures: paths, a Prefect test server, runs of the real flow."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_GOLD = SHARED / "gold" / "seeds.json"
DEV = SHARED / "dev" / "polnear-train"

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for every test that runs the flow in-process."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def workdir(tmp_path, monkeypatch):
    """A project-like folder: inbox, warehouse folder, config pointing at them."""
    inbox = tmp_path / "data" / "articles"
    inbox.mkdir(parents=True)
    (tmp_path / "warehouse").mkdir()
    monkeypatch.setenv("CLAIMCHECK_INPUT_ROOTS", str(tmp_path / "data"))
    monkeypatch.setenv("CLAIMCHECK_WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    monkeypatch.setenv("CLAIMCHECK_INBOX", str(inbox))
    monkeypatch.setenv("CLAIMCHECK_WAREHOUSE", str(tmp_path / "warehouse" / "claimcheck.duckdb"))
    monkeypatch.setenv("CLAIMCHECK_CONFIG", str(tmp_path / "claimcheck.toml"))
    return tmp_path


def copy_seeds(dest: Path, names: list[str] | None = None) -> list[Path]:
    out = []
    for src in sorted(SEEDS.glob("*.txt")):
        if names is None or src.stem in names:
            out.append(Path(shutil.copy(src, dest / src.name)))
    return out


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory):
    """A real `prefect server` on a free loopback port with a temporary PREFECT_HOME.

    For tests that start processes (`claimcheck serve`, `claimcheck run`): pointing them at
    one server saves each the 5-8 s start of a temporary one. Yields the API URL.
    """
    import subprocess
    import sys

    from claimcheck.cmd_serve import stop_process, wait_for_server

    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    # The scheduler service stays on: the deployment test checks it creates the scheduled runs.
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log_path = home / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
    try:
        wait_for_server(api, process, log_path, timeout=120)
        yield api
    finally:
        stop_process(process)


def process_env(api_url: str, **extra: str) -> dict[str, str]:
    """Environment for a `claimcheck` child process: this test's settings plus the test server."""
    return {**os.environ, "PREFECT_API_URL": api_url, **extra}


@contextmanager
def scratch_project(tmp_path_factory, name: str):
    """A scratch inbox and warehouse the flow may use (module-scoped runs); yields (inbox, db)."""
    workdir = tmp_path_factory.mktemp(name)
    inbox = workdir / "data" / "articles"
    inbox.mkdir(parents=True)
    (workdir / "warehouse").mkdir()
    mp = pytest.MonkeyPatch()
    mp.setenv("CLAIMCHECK_INPUT_ROOTS", str(workdir / "data"))
    mp.setenv("CLAIMCHECK_WAREHOUSE_DIR", str(workdir / "warehouse"))
    try:
        yield inbox, workdir / "warehouse" / "claimcheck.duckdb"
    finally:
        mp.undo()


@contextmanager
def scored_run(tmp_path_factory, name: str, files: list[Path], key: dict):
    """Run `files` through the real flow into a scratch warehouse; yield (db, EvalReport)."""
    from claimcheck.cmd_eval import score_warehouse
    from flows.verify import RunConfig, verify_articles

    with scratch_project(tmp_path_factory, name) as (inbox, db):
        for f in files:
            shutil.copy(f, inbox / f.name)
        verify_articles(RunConfig(input_path=inbox, warehouse_path=db))
        yield db, score_warehouse(key, db)


def warehouse_rows(db: Path, sql: str, *params) -> list[tuple]:
    """Rows of a read-only query on a finished run's warehouse file."""
    from warehouse.connection import open_readonly

    con = open_readonly(db)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
