"""A long-running local Prefect server for the benchmark, as a scheduled deployment has one.

Without PREFECT_API_URL every `claimcheck run` process starts a temporary server of its
own (5-8 s); the warm figures use this server, the cold figure measures that start too.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


@contextmanager
def local_server(timeout: float = 120.0) -> Iterator[dict]:
    """Start `prefect server start` on a loopback port with a temporary PREFECT_HOME.

    Yields the environment a child needs (PREFECT_API_URL, PREFECT_HOME); stops the
    server (its own process group, started here) on exit.
    """
    home = Path(tempfile.mkdtemp(prefix="claimcheck-bench-prefect-"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    env.pop("PREFECT_API_URL", None)
    log = (home / "server.log").open("w")
    prefect = Path(sys.executable).with_name("prefect")
    proc = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        started = time.perf_counter()
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not start; see {home / 'server.log'}")
            time.sleep(0.25)
        yield {"PREFECT_API_URL": url, "PREFECT_HOME": str(home),
               "startup_seconds": round(time.perf_counter() - started, 2)}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
