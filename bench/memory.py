"""Child processes, timed from the outside, with the peak RSS of their whole process tree.

spaCy's `n_process` and Prefect start helper processes, so one process's ru_maxrss is not
the whole cost: a sampler thread sums RSS over the child and its descendants.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.05


@dataclass
class ChildResult:
    wall_seconds: float
    peak_tree_rss_mib: float
    returncode: int
    report: dict = field(default_factory=dict)
    stderr_tail: str = ""
    # user + system CPU of the child and every descendant seen (each process's last sample):
    # unlike wall time, it does not depend on how much of the shared machine the run got
    tree_cpu_seconds: float = 0.0
    # the sample at the tree's peak: the run process's share and its descendants' (workers,
    # forkserver), i.e. whether the peak came while extracting or in the corpus steps
    peak_split_mib: dict = field(default_factory=dict)


def _tree_rss(proc: psutil.Process, cpu: dict[int, float] | None = None) -> tuple[int, int]:
    """(RSS of the whole tree, RSS of `proc` itself), in bytes."""
    total = own = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for p in procs:
        try:
            rss = p.memory_info().rss
            total += rss
            own = rss if p.pid == proc.pid else own
            if cpu is not None:
                times = p.cpu_times()
                cpu[p.pid] = max(cpu.get(p.pid, 0.0), times.user + times.system)
        except psutil.Error:
            continue
    return total, own


def run_child(args: list[str], out_json: Path, env: dict | None = None, cwd: Path | None = None,
              timeout: float | None = None) -> ChildResult:
    """Run `python -m bench.child ARGS --out OUT_JSON`, sampling tree RSS until it exits."""
    cmd = [sys.executable, "-m", "bench.child", *args, "--out", str(out_json)]
    out_json.unlink(missing_ok=True)
    peak = peak_own = 0
    cpu: dict[int, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    handle = psutil.Process(proc.pid)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_own
        while not stop.is_set():
            total, own = _tree_rss(handle, cpu)
            if total > peak:
                peak, peak_own = total, own
            stop.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        _, stderr = proc.communicate(timeout=timeout)
    finally:
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
    report = json.loads(out_json.read_text()) if out_json.is_file() else {}
    if proc.returncode != 0 or not report:
        raise ChildFailed(f"{' '.join(args[:1])} child exited {proc.returncode}: {stderr[-2000:]}")
    split = {"run_process": round(peak_own / 2**20, 1), "descendants": round((peak - peak_own) / 2**20, 1)}
    return ChildResult(round(wall, 4), round(peak / 2**20, 1), proc.returncode, report, stderr[-500:],
                       round(sum(cpu.values()), 2), split)


class ChildFailed(RuntimeError):
    """A benchmark child process failed; the message carries the end of its stderr."""
