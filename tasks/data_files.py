"""Where the lists that belong to a corpus or region live: `data/` at the project root.

Grammar words stay in `tasks.lexicon`; names, places and agencies are data files here,
read once per process.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@cache
def load_json(name: str):
    """A data file under `data/` by name (read once per process)."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
