"""Per-article extraction on a Dask cluster, through prefect-dask's `DaskTaskRunner`.

Imported only when a run is given a scheduler address: a plain run never pays for dask.
Ingest and the warehouse stay in the flow process (the single writer, one transaction);
each batch of articles travels to a worker, is extracted there against the registry as
loaded at run start, and comes back as records. Results are taken in submission order, so
the warehouse is the one a one-process run writes.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from distributed import WorkerPlugin
from prefect.utilities.annotations import quote

from models.errors import ClaimcheckError

PLUGIN_NAME = "claimcheck-nlp"
CONNECT_SECONDS = 20
# Batches in flight per worker thread: one being parsed, one waiting in the worker's queue,
# so a worker never idles while the flow ingests and loads; more only holds memory.
AHEAD_PER_THREAD = 2


class shipped(quote):
    """`quote` that survives pickling: Prefect's `quote` is a 1-tuple whose pickled form
    rebuilds it around the tuple itself, so a worker unwrapped `(value,)` (prefect 3.8.8)."""

    __slots__ = ()

    def __getnewargs__(self):
        return (self.unwrap(),)


class PreloadNlp(WorkerPlugin):
    """Loads the spaCy model once when a worker joins, before its first batch arrives
    (`tasks.nlp.load_nlp` caches it for the life of the worker process)."""

    def setup(self, worker) -> None:
        from tasks.nlp import load_nlp

        load_nlp()


def extract_on_cluster(address: str, extract_task, batches: Iterable[tuple], registry, logger) -> Iterator[tuple]:
    """(batch, articles, rejected) in, (batch, rejected, analyses) out, in the same order."""
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(address=address, client_kwargs={"timeout": CONNECT_SECONDS})
    with runner:
        try:
            client = runner.client
        except (OSError, TimeoutError) as exc:
            raise ClaimcheckError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        client.register_plugin(PreloadNlp(), name=PLUGIN_NAME)
        try:
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except TimeoutError:
            raise ClaimcheckError(f"the Dask cluster at {address} has no workers") from None
        threads = sum(client.nthreads().values())
        logger.info("extracting on the Dask cluster at %s (%d worker threads)", address, threads)
        pending: deque = deque()
        for batch, articles, rejected in batches:
            future = None
            if articles:
                # n_process=1: a worker parses in its own process (its processes may not fork)
                params = {"articles": shipped(articles), "registry": shipped(registry), "n_process": 1}
                future = runner.submit(extract_task, params)
            pending.append((batch, rejected, future))
            while len(pending) > AHEAD_PER_THREAD * threads:
                yield _collected(pending.popleft())
        while pending:
            yield _collected(pending.popleft())


def _collected(item: tuple) -> tuple:
    batch, rejected, future = item
    return batch, rejected, (future.result() if future is not None else [])
