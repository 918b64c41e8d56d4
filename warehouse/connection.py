"""Opening the warehouse: one writer at a time (file lock), readers read-only."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from models.errors import WarehouseLocked, WarehouseUnavailable
from warehouse.schema import migrate


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def writer_lock(db_path: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Exclusive lock beside the database file; a second run waits up to `wait_seconds`.

    A kernel lock (flock) is released when its process dies, so a killed run never leaves
    a stale lock behind.
    """
    path = lock_path(db_path)
    try:
        handle = open(path, "a+")
    except OSError as exc:
        raise WarehouseUnavailable(f"cannot create lock file {path}: {exc.strerror}") from None
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseLocked(
                        f"warehouse {db_path} is in use by another run (waited {wait_seconds:.0f} s); try again later"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def open_writable(db_path: Path) -> duckdb.DuckDBPyConnection:
    db_path = Path(db_path)
    if db_path.exists() and db_path.is_dir():
        raise WarehouseUnavailable(f"warehouse path {db_path} is a directory")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(db_path))
    except (OSError, duckdb.IOException, duckdb.Error) as exc:
        raise WarehouseUnavailable(f"cannot open warehouse {db_path}: {exc}") from None
    migrate(con)
    return con


def open_readonly(db_path: Path) -> duckdb.DuckDBPyConnection:
    db_path = Path(db_path)
    if not db_path.is_file():
        raise WarehouseUnavailable(f"no warehouse at {db_path}; run `claimcheck run` first")
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise WarehouseUnavailable(f"cannot open warehouse {db_path} read-only: {exc}") from None
