"""Pathological articles (issue 16): extraction time must grow linearly with their size.

Made-up text, generated here: (1) a one-line article with unbalanced « “ marks (issue 16:
257 KB took 7 min 17 s; 21 KB 2.3 s, 42 KB 7.8 s, 85 KB 29 s), (2) dense quote marks
(20,000 marks in 90 KB took 90 s). Each is timed at a size and at twice that size: a
linear path doubles (growth ~2), a quadratic one quadruples. `python -m bench.pathological`.
"""
from __future__ import annotations

import argparse
import json
import random
import time

WORDS = ["the", "minister", "said", "that", "officials", "would", "review", "plans", "for", "new", "roads", "and", "bridges", "next", "year", "while", "critics", "warned", "of", "delays"]
NAMES = ("Jane Roe", "John Doe", "the spokeswoman", "he", "she", "a senior official")


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def unbalanced_marks(n_bytes: int, seed: int = 1) -> str:
    """One long line of quotations opened with « or “ and rarely closed."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        part = (f"«{_sentence(rng, 8)}, {rng.choice(NAMES)} said on Monday “{_sentence(rng, 6)}"
                if rng.random() < 0.8 else f"«{_sentence(rng, 6)}» {_sentence(rng, 4)}.")
        parts.append(part)
        size += len(part.encode()) + 1
    return "Unbalanced quotation marks\n\n" + " ".join(parts)


def dense_marks(n_marks: int, seed: int = 2) -> str:
    """`n_marks` quotation marks around single words in one paragraph (~4.5 bytes per mark)."""
    rng = random.Random(seed)
    return "Dense quotation marks\n\n" + " ".join(f'"{rng.choice(WORDS)[:3]}"' for _ in range(n_marks // 2))


CASES = {
    # name: (generator, base size, full size)
    "unbalanced_marks_bytes": (unbalanced_marks, 42_000, 257_000),
    "dense_marks_count": (dense_marks, 10_000, 20_000),
}


def time_extraction(body: str) -> dict:
    """Seconds to parse and extract quotes and claims from one article (model already loaded)."""
    from flows.config import load_settings
    from models import Article
    from tasks.analyse import analyse_articles
    from tasks.quotes.registry import SpeakerRegistry

    article = Article(article_id="bench", source_path="bench.txt", content_sha256="0" * 64, title=body.split("\n")[0],
                      published_precision="unknown", body=body)
    registry = SpeakerRegistry.load(load_settings().speakers)
    start = time.perf_counter()
    [result] = list(analyse_articles([article], registry))
    return {"seconds": round(time.perf_counter() - start, 3), "chars": len(body), "quotes": len(result.quotes)}


def measure(full: bool = False) -> dict:
    from tasks.nlp import load_nlp

    load_nlp()
    out = {}
    for name, (make, base, full_size) in CASES.items():
        small = time_extraction(make(base // 2))
        large = time_extraction(make(base))
        case = {"half": small, "base": large, "growth_2x": round(large["seconds"] / max(small["seconds"], 1e-3), 2)}
        if full:
            case["full"] = time_extraction(make(full_size))
        out[name] = case
        print(f"  {name}: {small['chars']:,} chars {small['seconds']} s, {large['chars']:,} chars "
              f"{large['seconds']} s (x{case['growth_2x']})" + (f", full {case['full']['seconds']} s" if full else ""),
              flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also the issue's full sizes (257 KB, 20,000 marks)")
    print(json.dumps(measure(parser.parse_args().full), indent=2))


if __name__ == "__main__":
    main()
