"""Run the flow from the command line: the user's own paths are trusted roots."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from flows.config import load_settings
from models.errors import ClaimcheckError, InputNotFound, WarehouseUnavailable


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


def run_flow(input_path: Path, warehouse: Path, dask_address: str | None = None) -> dict:
    """Validate like the CLI promises (exit 1 on bad paths), then run the Prefect flow."""
    if not Path(input_path).exists():
        raise InputNotFound(f"input path {input_path} does not exist")
    check_warehouse_writable(warehouse)
    trust_paths(input_path, warehouse)
    from flows.verify import RunConfig, verify_articles

    hide_user_error_tracebacks()

    try:
        return verify_articles(RunConfig(input_path=Path(input_path), warehouse_path=Path(warehouse),
                                         dask_address=dask_address))
    except ClaimcheckError:
        raise
    except Exception as exc:  # the run failed part-way; the transaction was rolled back
        raise RunFailed(f"run failed, warehouse unchanged: {type(exc).__name__}: {exc}") from exc


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
