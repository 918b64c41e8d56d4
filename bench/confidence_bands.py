"""Accuracy by `quotes.confidence` band on a kept eval warehouse.

Usage:
    claimcheck eval --gold GOLD --input ARTICLES --warehouse /tmp/eval.duckdb
    python -m bench.confidence_bands --gold GOLD --warehouse /tmp/eval.duckdb
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from tasks.eval.confidence import confidence_bands, format_bands
from warehouse.connection import open_readonly


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--warehouse", required=True, type=Path)
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text())
    con = open_readonly(args.warehouse)
    try:
        cur = con.execute("SELECT article_id, text, speaker_name, confidence FROM quotes")
        names = [d[0] for d in cur.description]
        quotes = [dict(zip(names, row)) for row in cur.fetchall()]
    finally:
        con.close()
    print(format_bands(confidence_bands(gold, quotes)))


if __name__ == "__main__":
    main()
