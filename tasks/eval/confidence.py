"""Accuracy of extracted quotes by confidence band: does `quotes.confidence` mean something?

Pure functions over plain dicts (quotes as the warehouse holds them, the answer key as
`tasks.eval.scoring` reads it); `bench/confidence_bands.py` feeds them a kept eval warehouse.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from tasks.eval.scoring import _speaker_ok, quote_matches

# Lower edges of the bands, highest first; a quote falls in the first band it reaches.
BANDS = (0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.0)


@dataclass
class Band:
    low: float
    extracted: int = 0  # quotes in the band
    matched: int = 0  # ... that are a quote of the key (precision)
    attributed: int = 0  # ... of those, with a speaker the key accepts
    confidence_sum: float = 0.0

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    @property
    def accuracy(self) -> float | None:
        return self.attributed / self.matched if self.matched else None

    @property
    def correct(self) -> float | None:
        """Share of the band that is a quote of the key with an accepted speaker: what
        `confidence` estimates."""
        return self.attributed / self.extracted if self.extracted else None

    @property
    def mean_confidence(self) -> float | None:
        return self.confidence_sum / self.extracted if self.extracted else None


def band_of(confidence: float, bands: tuple[float, ...] = BANDS) -> float:
    """0.83 -> 0.8, 0.61 -> 0.6, 0.2 -> 0.0."""
    return next(low for low in bands if confidence >= low)


def confidence_bands(gold: dict, quotes: list[dict], bands: tuple[float, ...] = BANDS) -> list[Band]:
    """`quotes`: dicts with article_id, text, speaker_name, confidence. Only the key's
    articles count; a quote is matched when it matches any entry of its article (optional
    ones too), attributed when one matched entry accepts its speaker."""
    entries = gold.get("quotes", [])
    scored = set(gold.get("articles") or {e["article"] for e in entries})
    by_article: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        by_article[e["article"]].append(e)
    out = {low: Band(low) for low in bands}
    for q in quotes:
        if q["article_id"] not in scored:
            continue
        band = out[band_of(q["confidence"], bands)]
        band.extracted += 1
        band.confidence_sum += q["confidence"]
        hits = [e for e in by_article[q["article_id"]] if quote_matches(q["text"], e["contains"])]
        if hits:
            band.matched += 1
            band.attributed += any(_speaker_ok(q.get("speaker_name"), e) for e in hits)
    return [out[low] for low in bands]


def format_bands(bands: list[Band]) -> str:
    """A Markdown table: band, quotes, precision, attribution accuracy, mean confidence."""
    def f(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = ["| confidence | quotes | matched | precision | attribution | correct | mean conf |",
             "|---|---|---|---|---|---|---|"]
    highs = [1.0, *[b.low for b in bands[:-1]]]
    for band, high in zip(bands, highs):
        lines.append(f"| {band.low:.1f}-{high:.1f} | {band.extracted} | {band.matched} | {f(band.precision)} "
                     f"| {f(band.accuracy)} | {f(band.correct)} | {f(band.mean_confidence)} |")
    return "\n".join(lines)
