"""Do two quotes report the same utterance? A pure function of the two quotes.

Evidence is the content words they share (canonical forms, so translation variants and
plurals count as shared) and the words they share in order (rapidfuzz Indel over the
canonical words, which survives punctuation and case). How much is needed depends on
who is credited:

- the same speaker (or a compatible name: "Zakharova" / "Maria Zakharova"): most of each
  quote's content words, or a short quote whose words all appear in order in the other;
- one speaker unknown: more shared words;
- two different speakers: the same words in the same order (then the statement has an
  attribution discrepancy).

A quote whose content words lie almost all inside a much longer quote is a `fragment`
(partial quotes, truncation, a sentence of a longer passage). An indirect report of a
direct quote is a `paraphrase`, only with the same speaker and strong overlap. Both
relations attach a quote to a statement but never join two statements (tasks.linking.statements).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

from tasks.linking.quote_words import Word, content, quote_words

# Two reports of one utterance appear within this many days of each other.
TIME_WINDOW_DAYS = 7
Mode = Literal["same", "unknown", "other"]
# (share of each quote's content words in common, shared content words, in-order share) per mode.
# Even from one speaker, a few shared everyday words ("make a deal", "like") are no evidence
# of one utterance unless they come in the same order for the most part.
FULL = {"same": (0.6, 3, 0.5), "unknown": (0.7, 3, 0.5), "other": (0.8, 4, 0.8)}
# A fragment: this share of the shorter quote's content words inside the longer one, in order.
FRAGMENT = {"same": (0.85, 3, 0.7), "unknown": (0.9, 4, 0.8), "other": (0.9, 5, 0.9)}
# A short quote all of whose words appear in order in the other, which it covers for the
# most part (same speaker only): "find those responsible" / "find and punish those who are responsible".
SHORT_IN_ORDER = (2, 4, 0.8, 0.6)  # shared content words, words in the short quote, in-order share, cover of the other
PARAPHRASE = (0.5, 3)  # share of the indirect report's content words, shared content words
# Indirect reports of one statement by several outlets (a wire story republished).
INDIRECT_SAME = {"same": (0.8, 3, 0.5), "unknown": (0.9, 5, 0.9), "other": (0.9, 5, 0.9)}
DIRECT_KINDS = frozenset({"direct", "partial", "headline"})


@dataclass(frozen=True)
class QuoteText:
    """A quote prepared for comparison (built once per quote)."""

    words: tuple[Word, ...]
    canon: tuple[str, ...]
    content: frozenset[str]
    speaker: str | None  # compatibility key: speaker id, else the normalised name
    name_tokens: frozenset[str]
    kind: str
    day: int | None  # publication date ordinal

    @classmethod
    def of(cls, text: str, speaker_id: str | None, speaker_name: str | None, kind: str,
           published: dt.date | None) -> QuoteText:
        words = quote_words(text)
        name = _name_tokens(speaker_name)
        return cls(words, tuple(w.canon for w in words), content(words),
                   speaker_id or (" ".join(sorted(name)) if name else None), name, kind,
                   published.toordinal() if published else None)


@dataclass(frozen=True)
class Relation:
    kind: Literal["same", "fragment", "paraphrase"]
    score: float
    mode: Mode


def _name_tokens(name: str | None) -> frozenset[str]:
    return frozenset(t for t in re.findall(r"[^\W\d_]+", (name or "").lower()) if len(t) > 1)


def speaker_mode(a: QuoteText, b: QuoteText) -> Mode:
    if a.speaker is None or b.speaker is None:
        return "unknown"
    if a.speaker == b.speaker:
        return "same"
    # "Zakharova" and "Maria Zakharova": one name inside the other.
    if a.name_tokens and b.name_tokens and (a.name_tokens <= b.name_tokens or b.name_tokens <= a.name_tokens):
        return "same"
    return "other"


def close_in_time(a: QuoteText, b: QuoteText) -> bool:
    return a.day is None or b.day is None or abs(a.day - b.day) <= TIME_WINDOW_DAYS


def _in_order(a: QuoteText, b: QuoteText) -> float:
    """Share of the shorter quote's words found in the longer one in the same order."""
    short = min(len(a.canon), len(b.canon))
    if not short:
        return 0.0
    lcs = (len(a.canon) + len(b.canon) - Indel.distance(a.canon, b.canon)) / 2
    return lcs / short


def relate(a: QuoteText, b: QuoteText) -> Relation | None:
    """How quote `a` relates to quote `b` (symmetric except for which one is the fragment)."""
    if not close_in_time(a, b) or not a.content or not b.content:
        return None
    mode = speaker_mode(a, b)
    shared = len(a.content & b.content)
    if not shared:
        return None
    cov_a, cov_b = shared / len(a.content), shared / len(b.content)
    direct_a, direct_b = a.kind in DIRECT_KINDS, b.kind in DIRECT_KINDS
    if direct_a != direct_b:
        indirect_cov = cov_b if direct_a else cov_a
        if mode == "same" and indirect_cov >= PARAPHRASE[0] and shared >= PARAPHRASE[1]:
            return Relation("paraphrase", indirect_cov, mode)
        return None
    order = _in_order(a, b)
    if not direct_a:
        cover, need, in_order = INDIRECT_SAME[mode]
        if min(cov_a, cov_b) >= cover and shared >= need and order >= in_order:
            return Relation("same", min(cov_a, cov_b), mode)
        return None
    cover, need, in_order = FULL[mode]
    if min(cov_a, cov_b) >= cover and shared >= need and order >= in_order:
        return Relation("same", min(cov_a, cov_b), mode)
    short_cov = max(cov_a, cov_b)
    if mode == "same" and short_cov == 1.0 and shared >= SHORT_IN_ORDER[0] \
            and min(len(a.canon), len(b.canon)) >= SHORT_IN_ORDER[1] and order >= SHORT_IN_ORDER[2] \
            and min(cov_a, cov_b) >= SHORT_IN_ORDER[3]:
        return Relation("same", min(cov_a, cov_b), mode)
    cover, need, in_order = FRAGMENT[mode]
    if short_cov >= cover and shared >= need and order >= in_order:
        return Relation("fragment", short_cov, mode)
    return None
