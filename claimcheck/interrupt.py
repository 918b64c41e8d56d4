"""Ctrl-C during `claimcheck run`: stop now, the warehouse as it was.

A run commits only at its end (warehouse.loader), so stopping at any point loses nothing
that was there before. What used to take minutes came after the interrupt: Prefect
reporting the crashed flow run to a temporary server that Ctrl-C had stopped too (retried
for minutes), and multiprocessing finalisers joining parser workers. So the first Ctrl-C
unwinds normally (the open transaction rolls back, the lock is released) and a watchdog
ends the process GRACE_SECONDS later whatever is still running; a second Ctrl-C ends it at once.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

GRACE_SECONDS = 5.0
MESSAGE = "interrupted: nothing of this run was saved; the warehouse is as it was before"


def exit_now(code: int = 130, message: str = MESSAGE) -> None:
    """Leave without atexit handlers or finalisers (they are what hung)."""
    try:
        sys.stdout.flush()
        print(message, file=sys.stderr, flush=True)
    finally:
        os._exit(code)


@contextmanager
def prompt_interrupts(grace: float = GRACE_SECONDS) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    state = {"hit": False}

    def on_sigint(signum, frame):
        if state["hit"]:
            exit_now()
        state["hit"] = True
        watchdog = threading.Timer(grace, exit_now)
        watchdog.daemon = True
        watchdog.start()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    except KeyboardInterrupt:
        exit_now()
    finally:
        signal.signal(signal.SIGINT, previous)
