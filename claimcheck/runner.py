"""Run the flow from the command line: the user's own paths are trusted roots."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from flows.config import load_settings
from models.errors import ClaimcheckError, InputNotFound, WarehouseUnavailable

PROBE_SECONDS = 0.3


def check_warehouse_writable(path: Path) -> None:
    path = Path(path)
    if path.is_dir():
        raise WarehouseUnavailable(f"warehouse path {path} is a directory, not a file")
    parent = path.parent
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise WarehouseUnavailable(f"warehouse {path} is not writable")


def trust_paths(input_path: Path, warehouse: Path) -> None:
    """Add the command line's own input and warehouse folders to the allowed roots (this process only)."""
    settings = load_settings()
    roots = [*settings.input_roots, Path(input_path).resolve()]
    os.environ["CLAIMCHECK_INPUT_ROOTS"] = os.pathsep.join(str(r) for r in roots)
    os.environ["CLAIMCHECK_WAREHOUSE_DIR"] = str(Path(warehouse).resolve().parent)


def run_flow(input_path: Path, warehouse: Path, dask_address: str | None = None,
             idle: bool | None = None) -> dict:
    """Validate like the CLI promises (exit 1 on bad paths), then run the Prefect flow.

    `idle` is `prepare_run`'s answer when the caller already asked it."""
    if not Path(input_path).exists():
        raise InputNotFound(f"input path {input_path} does not exist")
    check_warehouse_writable(warehouse)
    trust_paths(input_path, warehouse)
    if idle is None:
        idle = prepare_run(Path(input_path), Path(warehouse))
    use_running_server()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.verify import RunConfig, verify_articles

    hide_user_error_tracebacks()
    # A run with nothing to do needs no heartbeat thread: stopping it waits for its 1 s
    # sleep to end, half the wall time of a no-op run (bench/, issue 15).
    quiet = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None} if idle else {}
    try:
        with temporary_settings(updates=quiet):
            return verify_articles(RunConfig(input_path=Path(input_path), warehouse_path=Path(warehouse),
                                             dask_address=dask_address))
    except ClaimcheckError:
        raise
    except Exception as exc:  # the run failed part-way; the transaction was rolled back
        raise RunFailed(f"run failed, warehouse unchanged: {type(exc).__name__}: {exc}") from exc


def use_running_server(port: int | None = None) -> None:
    """Without PREFECT_API_URL, Prefect starts a temporary server per run (5-8 s); a server
    already listening on the port `claimcheck ui` (`make ui`) uses is taken instead."""
    from claimcheck.cmd_serve import DEFAULT_PORT, server_healthy

    if os.environ.get("PREFECT_API_URL"):
        return
    api = f"http://127.0.0.1:{port or DEFAULT_PORT}/api"
    if server_healthy(api, timeout=PROBE_SECONDS):
        os.environ["PREFECT_API_URL"] = api
        os.environ.setdefault("PREFECT_UI_API_URL", api)


def prepare_run(input_path: Path, warehouse: Path) -> bool:
    """Whether the run has nothing new (`nothing_new`); when it has work, start the
    extraction workers' forkserver first, before Prefect and the flow are imported: its
    model load (~1 s on a core of its own) then overlaps that import instead of following
    it (bench/, issue 15)."""
    idle = nothing_new(input_path, warehouse)
    if not idle:
        start_workers_early(input_path)
    return idle


def nothing_new(input_path: Path, warehouse: Path) -> bool:
    """Whether every input file is already in the warehouse with the same content hash.

    Only a hint (the flow's own plan decides what to process): any doubt, such as a
    warehouse another run holds open, answers False.
    """
    import duckdb

    from tasks.ingest.files import discover, hash_file

    if not warehouse.is_file():
        return False
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            known = dict(con.execute("SELECT source_path, content_sha256 FROM source_files").fetchall())
        finally:
            con.close()
    except duckdb.Error:
        return False
    try:
        return all(known.get(str(p)) == hash_file(p).content_sha256 for p in discover(input_path.resolve()))
    except OSError:
        return False


def start_workers_early(input_path: Path) -> None:
    """A run over many files extracts in worker processes (`tasks.extract_pool`): start
    their forkserver now, so it loads the model while Prefect sets up the flow run."""
    from tasks.extract_pool import POOL_MIN_ARTICLES, warm_up
    from tasks.ingest.files import discover
    from tasks.nlp import wanted_processes

    try:
        many = wanted_processes() > 1 and len(discover(input_path.resolve())) >= POOL_MIN_ARTICLES
    except OSError:
        return
    if many:
        warm_up()


def _not_a_user_error(record: logging.LogRecord) -> bool:
    exc = record.exc_info[1] if record.exc_info else None
    return not isinstance(exc, ClaimcheckError)


def hide_user_error_tracebacks() -> None:
    """Prefect logs a flow's exception with its traceback on the console; for a ClaimcheckError
    (locked warehouse, path outside the roots) the CLI prints the one-line message instead.
    The flow run's log in the Prefect API keeps the full record."""
    for handler in logging.getLogger().handlers:
        if _not_a_user_error not in handler.filters:
            handler.addFilter(_not_a_user_error)


class RunFailed(Exception):
    """Exit code 2: a run that failed part-way (nothing half-written stays)."""
