"""Settings: defaults < claimcheck.toml < environment variables (CLAIMCHECK_*)."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, Field

from models.errors import ClaimcheckError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CONFIG_FILE_ENV = "CLAIMCHECK_CONFIG"


class Settings(BaseModel):
    inbox: Path = Field(PROJECT_ROOT / "data" / "articles", description="Folder the scheduled deployment reads")
    input_roots: list[Path] = Field(
        default_factory=lambda: [PROJECT_ROOT / "data"],
        description="Folders a run may read from (UI parameters are checked against these)",
    )
    warehouse_dir: Path = Field(PROJECT_ROOT / "warehouse", description="Folder warehouse files must live in")
    warehouse: Path = Field(PROJECT_ROOT / "warehouse" / "claimcheck.duckdb", description="Default warehouse file")
    speakers: Path = Field(PROJECT_ROOT / "data" / "speakers.json", description="Speaker registry")
    batch_size: int = Field(64, ge=1, le=10_000, description="Articles per extraction/load batch")
    max_file_bytes: int = Field(20 * 1024 * 1024, ge=1, description="Larger input files are rejected")
    lock_wait_seconds: float = Field(300.0, ge=0, description="How long a run waits for another run's lock")
    schedule_interval_minutes: float = Field(15.0, gt=0, description="Interval of the scheduled deployment")
    schedule_cron: str | None = Field(None, description="Cron schedule (overrides the interval)")
    dask_address: str | None = Field(
        None, description="Dask scheduler (tcp://host:8786) for per-article extraction; none: this machine",
    )


_ENV = {
    "CLAIMCHECK_INBOX": "inbox",
    "CLAIMCHECK_INPUT_ROOTS": "input_roots",
    "CLAIMCHECK_WAREHOUSE_DIR": "warehouse_dir",
    "CLAIMCHECK_WAREHOUSE": "warehouse",
    "CLAIMCHECK_SPEAKERS": "speakers",
    "CLAIMCHECK_BATCH_SIZE": "batch_size",
    "CLAIMCHECK_MAX_FILE_BYTES": "max_file_bytes",
    "CLAIMCHECK_LOCK_WAIT_SECONDS": "lock_wait_seconds",
    "CLAIMCHECK_SCHEDULE_INTERVAL_MINUTES": "schedule_interval_minutes",
    "CLAIMCHECK_SCHEDULE_CRON": "schedule_cron",
    "CLAIMCHECK_DASK_ADDRESS": "dask_address",
}


def load_settings(config_file: Path | None = None) -> Settings:
    values: dict = {}
    path = config_file or Path(os.environ.get(CONFIG_FILE_ENV, PROJECT_ROOT / "claimcheck.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text())
        except (tomllib.TOMLDecodeError, OSError) as exc:
            raise ClaimcheckError(f"cannot read configuration {path}: {exc}") from None
        values.update(data.get("claimcheck", data))
        base = path.resolve().parent
        for key in ("inbox", "warehouse_dir", "warehouse", "speakers"):
            if key in values:
                values[key] = base / values[key]
        if "input_roots" in values:
            values["input_roots"] = [base / p for p in values["input_roots"]]
    for env, key in _ENV.items():
        if env in os.environ:
            raw = os.environ[env]
            values[key] = [Path(p) for p in raw.split(os.pathsep) if p] if key == "input_roots" else raw
    try:
        return Settings(**values)
    except ValueError as exc:
        raise ClaimcheckError(f"invalid configuration: {exc}") from None
