"""Opening the warehouse: one writer at a time (file lock), readers read-only and sandboxed."""
from __future__ import annotations

import errno
import fcntl
import os
import re
import struct
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from models.errors import WarehouseDamaged, WarehouseLocked, WarehouseUnavailable
from warehouse.schema import migrate

_DUCKDB_LOCK_PID = re.compile(r"Conflicting lock is held in .*\(PID (\d+)\)")
_DAMAGED = ("could not read enough bytes", "not a valid duckdb database", "corrupt", "checksum", "invalid block")
_POLL_SECONDS = 0.2
# Record locks do not exclude the process holding them, and closing any descriptor of the
# file drops them: two runs in one process (threads) are kept apart here instead.
_HELD_HERE: set[str] = set()
_HELD_GUARD = threading.Lock()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def lock_holder(handle) -> int | None:
    """The pid holding a POSIX write lock on `handle`'s file, or None (F_GETLK)."""
    probe = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
    try:
        l_type, _, _, _, pid = struct.unpack("hhqqi4x", fcntl.fcntl(handle, fcntl.F_GETLK, probe))
    except OSError:
        return None
    return pid if l_type != fcntl.F_UNLCK and pid > 0 else None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recorded_pid(handle) -> int | None:
    handle.seek(0)
    text = handle.read().strip().split()
    return int(text[0]) if text and text[0].isdigit() else None


@contextmanager
def writer_lock(db_path: Path, wait_seconds: float = 0.0, on_stale=None) -> Iterator[None]:
    """Exclusive lock beside the database file; a second run waits up to `wait_seconds`.

    A POSIX record lock (`fcntl`/`lockf`), not `flock`: an flock belongs to the open file,
    so every process forked during the run (spaCy workers, a temporary Prefect server)
    inherited it and kept the warehouse locked after the run itself was killed. A record
    lock belongs to this process alone and the kernel drops it when the process dies.
    The file records the holder's pid; a pid recorded by a process that is gone (the lock
    itself is then free) is a stale lock, reported through `on_stale` and taken over.
    """
    path = lock_path(db_path)
    key = str(Path(path).resolve())
    deadline = time.monotonic() + wait_seconds
    while not _claim_here(key):
        if time.monotonic() >= deadline:
            raise WarehouseLocked(f"warehouse {db_path} is in use by another run in this process "
                                  f"(waited {wait_seconds:.0f} s); try again later")
        time.sleep(_POLL_SECONDS)
    try:
        handle = open(path, "a+")  # noqa: SIM115 - held open while the lock is held, closed on release
    except OSError as exc:
        _release_here(key)
        raise WarehouseUnavailable(f"cannot create lock file {path}: {exc.strerror}") from None
    acquired = False
    try:
        _lock_file(handle, db_path, deadline, wait_seconds)
        previous = _recorded_pid(handle)
        if previous and previous != os.getpid() and on_stale is not None:
            on_stale(previous, _pid_alive(previous))
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        acquired = True
        yield
    finally:
        if acquired:  # a run that ends, even by an error, leaves no pid behind; a killed one does
            handle.seek(0)
            handle.truncate()
            handle.flush()
        handle.close()
        _release_here(key)


def _lock_file(handle, db_path: Path, deadline: float, wait_seconds: float) -> None:
    while True:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            if time.monotonic() >= deadline:
                holder = lock_holder(handle)
                who = f" (pid {holder})" if holder else ""
                raise WarehouseLocked(
                    f"warehouse {db_path} is in use by another run{who} (waited {wait_seconds:.0f} s); try again later"
                ) from None
            time.sleep(_POLL_SECONDS)


def _claim_here(key: str) -> bool:
    with _HELD_GUARD:
        if key in _HELD_HERE:
            return False
        _HELD_HERE.add(key)
        return True


def _release_here(key: str) -> None:
    with _HELD_GUARD:
        _HELD_HERE.discard(key)


def _lock_pid(message: str) -> str:
    m = _DUCKDB_LOCK_PID.search(message)
    return f" (pid {m.group(1)})" if m and m.group(1) else ""


def is_lock_error(exc: Exception) -> bool:
    return "could not set lock on file" in str(exc).lower()


def damaged_message(db_path: Path, exc: Exception) -> str | None:
    """A one-line diagnosis when DuckDB's error means the file itself is broken."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not any(mark in first.lower() for mark in _DAMAGED):
        return None
    return (f"warehouse file {db_path} is damaged ({first}); restore it from a copy or the last "
            "`claimcheck export`, or move it aside and rebuild it with `claimcheck run --input <your articles>`")


# DuckDB's file: three 4 KiB headers, then `total_blocks` blocks of `block_size` bytes.
_HEADER_BYTES = 3 * 4096


def check_not_truncated(con: duckdb.DuckDBPyConnection, db_path: Path) -> None:
    """A file cut short often opens and reads as if whole (DuckDB reads lazily, and a cut
    inside a mostly empty block goes unseen): compare the size with what the header promises.

    Only the blocks in use count: DuckDB cuts free blocks off the end of the file at a
    checkpoint but keeps them in `total_blocks` (a re-run after a no-op run: 36 used, 2 free,
    the file 2 blocks shorter than `total_blocks` says, and sound)."""
    try:
        block_size, blocks = con.execute(
            "SELECT block_size, used_blocks FROM pragma_database_size() WHERE database_name = current_database()"
        ).fetchone()
    except duckdb.Error:
        return
    have, want = os.path.getsize(db_path), _HEADER_BYTES + int(blocks) * int(block_size)
    if have < want:
        con.close()
        raise WarehouseDamaged(damaged_message(db_path, duckdb.IOException(
            f"Corrupt: the file is {have:,} bytes, its header describes {want:,}")))


def _open_error(db_path: Path, exc: Exception, readonly: bool) -> Exception:
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if is_lock_error(exc):
        if readonly:
            return WarehouseLocked(f"warehouse {db_path} is being written by a run{_lock_pid(message)}; "
                                   "try again when the run finishes")
        return WarehouseLocked(f"warehouse {db_path} is open in another program{_lock_pid(message)} "
                               "(a query, a notebook); close it and try again")
    if damaged := damaged_message(db_path, exc):
        return WarehouseDamaged(damaged)
    return WarehouseUnavailable(f"cannot open warehouse {db_path}{' read-only' if readonly else ''}: {message}")


def open_writable(db_path: Path, wait_seconds: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open for a run; another program reading the file is waited for like another run."""
    db_path = Path(db_path)
    if db_path.exists() and db_path.is_dir():
        raise WarehouseUnavailable(f"warehouse path {db_path} is a directory")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(str(db_path))
            break
        except (OSError, duckdb.Error) as exc:
            if is_lock_error(exc) and time.monotonic() < deadline:
                time.sleep(_POLL_SECONDS)
                continue
            raise _open_error(db_path, exc, readonly=False) from None
    check_not_truncated(con, db_path)
    try:
        migrate(con)
    except duckdb.Error as exc:
        con.close()
        raise _open_error(db_path, exc, readonly=False) from None
    return con


def sandbox(con: duckdb.DuckDBPyConnection, allowed_directories: Sequence[Path] = ()) -> None:
    """No files, databases or extensions beyond the warehouse already open (and
    `allowed_directories`, where an export writes); the settings cannot be changed back."""
    dirs = [str(Path(d).resolve()).rstrip("/") + "/" for d in allowed_directories]
    if dirs:
        con.execute("SET allowed_directories = ?", [dirs])
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def open_readonly(db_path: Path, allowed_directories: Sequence[Path] = ()) -> duckdb.DuckDBPyConnection:
    """A read-only connection that can read the warehouse and nothing else."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise WarehouseUnavailable(f"no warehouse at {db_path}; run `claimcheck run` first")
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise _open_error(db_path, exc, readonly=True) from None
    check_not_truncated(con, db_path)
    sandbox(con, allowed_directories)
    return con
