"""Imported by the extraction pool's forkserver (`tasks.extract_pool`): loads the model and
the extractors there once, so every worker forked from it (the first ones and each fresh
one that replaces a recycled worker) starts with them in memory instead of importing and
loading them itself."""
from tasks.nlp import load_nlp

# One parse sets up what spaCy prepares lazily on first use, once for every worker.
load_nlp()("A warm-up sentence, parsed once.")
