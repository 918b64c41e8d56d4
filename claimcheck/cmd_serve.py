"""`claimcheck serve` and `claimcheck ui`: the deployments behind the Prefect UI."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from flows.config import PROJECT_ROOT, load_settings
from models.errors import ClaimcheckError

DEFAULT_PORT = 4200
SERVER_START_SECONDS = 90.0

_INTERVAL_HELP = "Minutes between scheduled runs (default: schedule_interval_minutes, 15)"
_CRON_HELP = "Cron expression for the scheduled deployment, e.g. '*/15 * * * *' (overrides the interval)"


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        interval_minutes: float = typer.Option(None, "--interval-minutes", help=_INTERVAL_HELP),
        cron: str = typer.Option(None, "--cron", help=_CRON_HELP),
    ) -> None:
        """Register the deployments `manual` and `scheduled` with a Prefect server and run what they trigger.

        Needs a running Prefect server (PREFECT_API_URL); `claimcheck ui` starts one.

        Example: PREFECT_API_URL=http://127.0.0.1:4200/api claimcheck serve --interval-minutes 5
        """
        from flows.deployments import schedule_options, serve_deployments

        settings = load_settings()
        schedule_options(settings, interval_minutes, cron)  # a bad schedule is a one-line error
        api = configured_api_url()
        if not api:
            raise ClaimcheckError(
                "no Prefect server configured: run `claimcheck ui` (starts one on 127.0.0.1) or set PREFECT_API_URL"
            )
        if not server_healthy(api):
            raise ClaimcheckError(f"cannot reach the Prefect server at {api}; is it running?")
        serve_deployments(settings, interval_minutes, cron)

    @app.command("ui")
    def ui(
        port: int = typer.Option(DEFAULT_PORT, "--port", help="Port of the local Prefect server on 127.0.0.1"),
        interval_minutes: float = typer.Option(None, "--interval-minutes", help=_INTERVAL_HELP),
        cron: str = typer.Option(None, "--cron", help=_CRON_HELP),
    ) -> None:
        """Start a local Prefect server on 127.0.0.1 (unless one is running), then serve the deployments.

        The server keeps its database in .prefect/ (PREFECT_HOME) and stops with this command.

        Example: claimcheck ui --port 4200   # then open http://127.0.0.1:4200
        """
        from flows.deployments import schedule_options, serve_deployments

        settings = load_settings()
        schedule_options(settings, interval_minutes, cron)
        os.environ.setdefault("PREFECT_HOME", str(PROJECT_ROOT / ".prefect"))
        api = f"http://127.0.0.1:{port}/api"
        # SIGTERM before Prefect's runner installs its own handler would end this process
        # without unwinding, leaving the server running; exit through `finally` instead.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
        with local_server(port, Path(os.environ["PREFECT_HOME"])):
            os.environ["PREFECT_API_URL"] = api
            os.environ["PREFECT_UI_API_URL"] = api
            typer.echo(f"Prefect UI: http://127.0.0.1:{port}  (deployments verify-articles/manual and /scheduled)")
            with _prefect_settings(api):
                serve_deployments(settings, interval_minutes, cron)


def configured_api_url() -> str | None:
    """The API URL from the environment or the active Prefect profile."""
    from prefect.settings import get_current_settings

    return os.environ.get("PREFECT_API_URL") or get_current_settings().api.url


def server_healthy(api_url: str, timeout: float = 3.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


@contextmanager
def local_server(port: int, home: Path) -> Iterator[None]:
    """A `prefect server start` on 127.0.0.1:port for as long as the block runs (reused if already up)."""
    api = f"http://127.0.0.1:{port}/api"
    if server_healthy(api):
        typer.echo(f"using the Prefect server already running at {api}")
        yield
        return
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / "server.log"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_UI_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    env.pop("PREFECT_API_URL", None)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            server_command(port), stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )
    try:
        typer.echo(f"starting a Prefect server on 127.0.0.1:{port} (log: {log_path}) ...")
        wait_for_server(api, process, log_path, SERVER_START_SECONDS)
        yield
    finally:
        stop_process(process)


# Linux: ask the kernel to stop the server when `claimcheck ui` dies, even by SIGKILL
# (PR_SET_PDEATHSIG survives exec); then become `prefect server start`.
_EXEC_WITH_PARENT_DEATH_SIGNAL = (
    "import ctypes, os, signal, sys\n"
    "if sys.platform.startswith('linux'):\n"
    "    ctypes.CDLL(None).prctl(1, signal.SIGTERM)\n"
    "    if os.getppid() != int(sys.argv[1]): sys.exit(0)\n"
    "os.execv(sys.executable, [sys.executable, *sys.argv[2:]])\n"
)


def server_command(port: int) -> list[str]:
    serve = ["-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    return [sys.executable, "-c", _EXEC_WITH_PARENT_DEATH_SIGNAL, str(os.getpid()), *serve]


def wait_for_server(api: str, process: subprocess.Popen, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace").strip().splitlines()[-1:] or ["(no output)"]
            raise ClaimcheckError(f"the Prefect server stopped at start-up (exit {process.returncode}): {tail[0]}")
        if server_healthy(api, timeout=1.0):
            return
        time.sleep(0.5)
    stop_process(process)
    raise ClaimcheckError(f"the Prefect server did not answer within {timeout:.0f} s (log: {log_path})")


def stop_process(process: subprocess.Popen, grace: float = 10.0) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def _prefect_settings(api: str) -> Iterator[None]:
    """Prefect may have read its settings before the environment was set: override them too."""
    from prefect.settings import PREFECT_API_URL, PREFECT_UI_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api, PREFECT_UI_API_URL: api}):
        yield
