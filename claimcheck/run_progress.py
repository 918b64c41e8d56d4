"""How `claimcheck run` shows progress: a rich bar on a terminal, plain lines when piped."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from flows.progress import listening

# Plain lines at most this often (a 10k-file run in a CI log stays short), plus the last one.
PLAIN_EVERY_SECONDS = 5.0


class PlainProgress:
    """One line per stage change and at most one per PLAIN_EVERY_SECONDS otherwise."""

    def __init__(self, stream: IO[str], every: float = PLAIN_EVERY_SECONDS, clock=time.monotonic):
        self.stream, self.every, self.clock = stream, every, clock
        self._last: tuple[str, float] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        now = self.clock()
        fresh = self._last is None or self._last[0] != stage
        if not (fresh or done >= total or now - self._last[1] >= self.every):
            return
        self._last = (stage, now)
        share = f" ({100 * done // total}%)"
        print(f"progress: {stage} {done}/{total}{share}", file=self.stream, flush=True)


@contextmanager
def show_progress(stream: IO[str] | None = None, tty: bool | None = None) -> Iterator[None]:
    stream = stream or sys.stderr
    if not (stream.isatty() if tty is None else tty):
        with listening(PlainProgress(stream)):
            yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    tasks: dict[str, int] = {}
    with Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(file=stream), transient=False) as bar:

        def update(stage: str, done: int, total: int) -> None:
            if total <= 0:
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        with listening(update):
            yield
