"""Per-article extraction in worker processes: each parses its chunk and extracts it there.

The flow process hands a worker a chunk of articles and gets back their `ArticleAnalysis`
records (a few KB each); no spaCy Doc crosses a process boundary and the flow process never
loads spaCy. Before this, two forked parser workers sent every Doc back and the flow process
rebuilt it and ran all extraction itself, competing with them for the same cores (bench/,
issue 15: at 362 articles the extract step took 36.7 s against bare `nlp.pipe`'s 27.6 s).

Workers are forked from a forkserver that loaded the model once (`tasks.nlp_preload`),
started while the flow process is still small; a worker is replaced by a fresh fork after
`RECYCLE_ARTICLES` articles, so the strings and caches spaCy accumulates over a stream do
not grow with the run (a whole-run parser worker went from 1.2 to 2.6 GiB between 1k and
10k articles). Extraction is a pure function of the article and the registry as loaded at
run start (each worker gets that registry once, at start), and results are taken in
submission order: the worker count and chunk size do not change the output.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Self

# Articles per task a worker runs: small enough that the last chunks of a run keep both
# workers busy, large enough that a task's round trip (~ms) is noise next to its parse.
CHUNK_ARTICLES = 16
# Chunks queued per worker beyond the one it parses, so it never waits while the flow loads.
AHEAD_PER_WORKER = 3
# spaCy batch inside a worker: a batch's peak memory follows its longest texts (a batch of
# 16 holding one 10k-token article peaked at 490 MiB, batches of 4 at 353 MiB) and the CPU
# time is the same (5.8 s either way on 48 articles).
PARSE_BATCH = 4
# ... and at most this many characters (a longer article is a batch alone): a parse holds
# ~3 KB per character of its batch at its peak (the 53k-character bench article alone:
# +170 MiB), and the bench corpus keeps the copies of an article side by side, so four
# copies of it in one batch took a worker from 180 to 850 MiB (issue 15, memory).
PARSE_BATCH_CHARS = 20_000
# A worker still creeps up between batches (strings, caches, freed-but-kept heap): a fresh
# fork of the forkserver every this many articles keeps it near its starting size.
RECYCLE_ARTICLES = 320
# Smaller runs extract in the flow process: starting the pool (a forkserver loading the
# model, then the forks) costs about what parsing this many articles on one core does.
POOL_MIN_ARTICLES = 16
PRELOAD = ["tasks.nlp_preload"]

_registry = None  # the run's registry, in a worker process


def warm_up() -> None:
    """Start the forkserver now, so it loads the model while the run is still starting."""
    import multiprocessing
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()


def _start_worker(registry, run_pid: int) -> None:
    """In a fresh worker: keep the registry, ignore Ctrl-C (the run handles it and ends its
    workers) and die with the run, SIGKILL included (issue 16). The worker's parent is the
    forkserver, which exits when every holder of its "alive" pipe is gone: the worker closes
    its inherited copy, so that is the run alone, and `PR_SET_PDEATHSIG` turns the
    forkserver's exit into SIGKILL here. A run already gone by now means exit now."""
    global _registry
    import ctypes
    from multiprocessing import forkserver

    _registry = registry
    alive = forkserver._forkserver._forkserver_alive_fd  # no public handle (3.11)
    if alive is not None:
        os.close(alive)
        forkserver._forkserver._forkserver_alive_fd = None
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool still ends its workers on close
        return
    try:
        os.kill(run_pid, 0)
    except ProcessLookupError:
        os._exit(1)


def _extract_chunk(articles: list) -> list:
    from tasks.analyse import analyse_articles

    out = [a for batch in parse_batches(articles)
           for a in analyse_articles(batch, _registry, batch_size=len(batch), n_process=1)]
    _give_back_freed_memory()
    return out


def parse_batches(articles: list, most: int = PARSE_BATCH, chars: int = PARSE_BATCH_CHARS) -> Iterator[list]:
    """Consecutive runs of at most `most` articles and `chars` characters of body (an
    article longer than that alone), in order."""
    batch: list = []
    size = 0
    for article in articles:
        if batch and (len(batch) == most or size + len(article.body) > chars):
            yield batch
            batch, size = [], 0
        batch.append(article)
        size += len(article.body)
    if batch:
        yield batch


def _give_back_freed_memory() -> None:
    """Return the heap a chunk's parse freed to the system. glibc keeps freed blocks below
    the heap's top resident, so without this a worker stayed at the peak of its largest
    batch until it was recycled (a worker at 727 MiB for 40 s after one 857 MiB batch)."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


class ExtractPool:
    """`processes` workers extracting chunks of articles; `extract` keeps their order."""

    def __init__(self, registry, processes: int, recycle_articles: int = RECYCLE_ARTICLES,
                 chunk_articles: int = CHUNK_ARTICLES):
        import multiprocessing

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)  # only the first forkserver of a process uses it
        self.processes = processes
        self.chunk = chunk_articles
        self._executor = ProcessPoolExecutor(
            processes, mp_context=context, initializer=_start_worker, initargs=(registry, os.getpid()),
            max_tasks_per_child=max(1, recycle_articles // chunk_articles))

    def extract(self, batches: Iterable[tuple]) -> Iterator[tuple]:
        """(key, articles, extra) in, (key, extra, analyses) out, in the same order."""
        pending: deque = deque()
        in_flight = 0
        for key, articles, extra in batches:
            futures = [self._executor.submit(_extract_chunk, articles[i:i + self.chunk])
                       for i in range(0, len(articles), self.chunk)]
            pending.append((key, extra, futures))
            in_flight += len(futures)
            while pending and in_flight > AHEAD_PER_WORKER * self.processes:
                in_flight -= len(pending[0][2])
                yield _collected(pending.popleft())
        while pending:
            yield _collected(pending.popleft())

    def worker_pids(self) -> list[int]:
        return sorted((self._executor._processes or {}).keys())

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    def abort(self) -> None:
        """Stop now (an error, Ctrl-C): queued chunks are dropped and running ones killed."""
        processes = list((self._executor._processes or {}).values())  # no public way in 3.11
        self._executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()
        for process in processes:
            process.join(5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _collected(item: tuple) -> tuple:
    key, extra, futures = item
    return key, extra, [a for f in futures for a in f.result()]
