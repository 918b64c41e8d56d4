"""How firmly an article credits a quote to its speaker, and whether two credits conflict.

An attribution discrepancy says outlets disagree on who said the words. That claim is only
as good as the weaker of the two credits: if one of them is our own reading of a pronoun
or a role noun rather than a name the article prints, the disagreement may be ours.

A credit is
- `named`: the mention the quote was attributed through ("Foreign Minister Sergei Lavrov",
  "Mr. Lavrov", "Big Machine have") prints the speaker's name (for a person, the surname
  is enough), and the confidence is not in the fallback band;
- `inferred`: a pronoun, a role noun the article resolved, or a quote continuing one
  ("he said", "the spokesman added"), at a confidence above the fallback band;
- `fallback`: confidence below `FALLBACK_BELOW` (role-noun and organisation fallbacks:
  the 0.0-0.3 band of `bench/confidence_bands.py` is right about one time in eight on
  polnear-train-wide), too weak to assert anything against another outlet.

A quote inherits the mention of the quote it continues, so a continuation is as firm as
the credit it continues.
"""
from __future__ import annotations

import re
from typing import Literal

from tasks.quotes.registry import fold_name, strip_titles

Credit = Literal["named", "inferred", "fallback"]
CREDIT_RANK = {"named": 2, "inferred": 1, "fallback": 0}
FALLBACK_BELOW = 0.3
_CAPITALISED = re.compile(r"[A-Z]")


def credit_of(speaker_name: str | None, speaker_text: str | None, confidence: float) -> Credit | None:
    """The credit of one quote (None without a speaker)."""
    if not speaker_name:
        return None
    if confidence < FALLBACK_BELOW:
        return "fallback"
    return "named" if names_speaker(speaker_text, speaker_name) else "inferred"


def names_speaker(mention: str | None, speaker_name: str) -> bool:
    """Whether the mention as written prints the speaker's name: the whole name in order,
    or its last word capitalised ("Mr. Okafor's" for Peter Okafor, not "the ministry" for
    the Foreign Ministry)."""
    if not mention:
        return False
    said = fold_name(mention).split()
    name = strip_titles(fold_name(speaker_name)).split()
    if not name or not said:
        return False
    n = len(name)
    if any(said[i:i + n] == name for i in range(len(said) - n + 1)):
        return True
    if n < 2:
        return False
    last = name[-1]
    return any(fold_name(w) == last and _CAPITALISED.match(w) for w in re.split(r"[\s,;:()]+", mention)
               if fold_name(w))


def conflict_severity(a: Credit, b: Credit) -> Literal["high", "low"] | None:
    """Severity of two different speakers' credits for the same words, or None when they
    do not conflict: both named is a disagreement between outlets (high); a name against
    our reading of a pronoun or role noun may be our error (low); anything weaker asserts
    nothing."""
    pair = sorted((a, b), key=CREDIT_RANK.__getitem__)
    if pair == ["named", "named"]:
        return "high"
    if pair == ["inferred", "named"]:
        return "low"
    return None
