"""Numbers benchmark: value and value+unit F1 of count, quantity and duration claims.

Text: bench/data/numbers_sentences.jsonl -- 50 sentences written for this project (made
up, in the style of news; no dev, seed or benchmark text copied), released with the
project under its licence. Each line holds a sentence and its quantities as
[value, canonical unit] ("10-15" for a range); sentences with none are negative cases
(phone numbers, times, scores, ages, fractions, vague scales).

Each sentence runs through the real claims step (tasks.claims.extract) as its own dated
article. A predicted quantity matches a gold one with the same value (ranges by their
low and high); value+unit also needs the canonical unit. Matching is one-to-one.

    python -m bench.numbers_f1 [--verbose]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "numbers_sentences.jsonl"


def _value_key(c) -> str:
    if c.value_low is not None and c.value_high is not None and c.value_low < c.value_high:
        return f"{c.value_low:g}-{c.value_high:g}"
    return f"{c.value_num:g}"


def _gold_key(value) -> str:
    return value if isinstance(value, str) else f"{float(value):g}"


def predict(nlp, text: str) -> list[tuple[str, str]]:
    from models import Article
    from tasks.claims.extract import extract_claims

    art = Article(article_id="bench", source_path="/bench.txt", content_sha256="0" * 64, body=text,
                  published_date=dt.date(2024, 3, 13), published_precision="day")
    return [(_value_key(c), c.unit or "") for c in extract_claims(nlp(text), art, []) if c.kind != "date"]


def _matches(pred: list, gold: list, with_unit: bool) -> int:
    left = list(gold)
    hits = 0
    for p in pred:
        key = p if with_unit else p[0]
        for i, g in enumerate(left):
            if (g if with_unit else g[0]) == key:
                hits += 1
                del left[i]
                break
    return hits


def _f1(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def score(verbose: bool = False) -> dict:
    from tasks.nlp import load_nlp

    nlp = load_nlp()
    rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    tp_v = tp_vu = n_pred = n_gold = 0
    for row in rows:
        gold = [(_gold_key(v), u) for v, u in row["quantities"]]
        pred = predict(nlp, row["text"])
        tp_v += _matches(pred, gold, False)
        tp_vu += _matches(pred, gold, True)
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
        if verbose and sorted(pred) != sorted(gold):
            print(f"{row['text']}\n   gold {gold}\n   got  {pred}")
    return {"sentences": len(rows), "gold": n_gold, "predicted": n_pred,
            "value": _f1(tp_v, n_pred, n_gold), "value_unit": _f1(tp_vu, n_pred, n_gold)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    print(json.dumps(score(parser.parse_args().verbose), indent=1))
