"""Shared fixtures: paths, a Prefect test server, runs of the real flow."""
from __future__ import annotations

import os
import shutil
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
