"""Wall-clock timing of blocks and of named steps (sums over repeated calls)."""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class StepTimes:
    """Accumulated seconds and call counts per named step."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start
            self.calls[name] += 1

    def as_dict(self) -> dict:
        return {name: {"seconds": round(self.seconds[name], 4), "calls": self.calls[name]} for name in self.seconds}


@contextmanager
def stopwatch() -> Iterator[dict]:
    """`with stopwatch() as t: ...` then `t["seconds"]`."""
    out: dict = {}
    start = time.perf_counter()
    try:
        yield out
    finally:
        out["seconds"] = time.perf_counter() - start
