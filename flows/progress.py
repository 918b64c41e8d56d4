"""An in-process progress hook: the flow reports how far it is, whoever listens shows it.

`claimcheck run` listens (a progress bar on a terminal, plain lines otherwise); a run
started from a deployment or a test has no listener, and reporting costs nothing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

# (stage, done, total): stage is "files" (input files processed) or "cross-check".
Listener = Callable[[str, int, int], None]
_listeners: list[Listener] = []


def report_progress(stage: str, done: int, total: int) -> None:
    for listener in _listeners:
        listener(stage, done, total)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)
