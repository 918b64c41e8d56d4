"""Score HTML body extraction on the Article Extraction Benchmark (181 pages, hand-checked bodies).

The metric is the benchmark's own (its evaluate.py): text is split into `\\w+` tokens,
compared as multisets of 4-token shingles; each page's TP/FP/FN are normalised to sum 1 so
long pages weigh no more than short ones; precision and recall are averaged over pages
and F1 is computed from the two averages. Its README publishes trafilatura 2.0.0 at
F1 0.958, precision 0.938, recall 0.978.

    python -m bench.html_extraction [--bench DIR] [--workers N] [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "html"
PUBLISHED_TRAFILATURA = {"version": "2.0.0", "f1": 0.958, "precision": 0.938, "recall": 0.978}
SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    # A text shorter than n tokens is one (short) shingle, as in the benchmark.
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum 1."""
    t, p = shingles(true), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def aggregate(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def extract_page_text(path: Path) -> str:
    """The body our HTML reader would keep for this page ('' when it finds none)."""
    from tasks.ingest.html import decode_html, extract_body, unzip_if_needed

    doc = extract_body(decode_html(unzip_if_needed(path, path.read_bytes())))
    return (doc.text or "") if doc is not None else ""


def _score_one(args: tuple[Path, str]) -> tuple[float, float, float]:
    path, truth = args
    return page_counts(truth, extract_page_text(path))


def score_html_extraction(bench_dir: Path = DEFAULT_BENCH, workers: int = 2) -> dict:
    """Precision, recall, F1 of `tasks.ingest.html` body extraction over every benchmark page."""
    truth = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    jobs = [(bench_dir / "html" / f"{key}.html.gz", item.get("articleBody", "")) for key, item in truth.items()]
    started = time.perf_counter()
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            counts = list(pool.map(_score_one, jobs, chunksize=8))
    else:
        counts = [_score_one(job) for job in jobs]
    return {**aggregate(counts), "pages": len(counts), "seconds": round(time.perf_counter() - started, 1),
            "published_trafilatura": PUBLISHED_TRAFILATURA}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark folder (ground-truth.json, html/)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = score_html_extraction(args.bench, args.workers)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    pub = result["published_trafilatura"]
    print(f"HTML body extraction on {result['pages']} pages ({result['seconds']} s)")
    print(f"  claimcheck (trafilatura, tuned): F1 {result['f1']:.3f}  "
          f"precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    print(f"  published trafilatura {pub['version']}:     F1 {pub['f1']:.3f}  "
          f"precision {pub['precision']:.3f}  recall {pub['recall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
