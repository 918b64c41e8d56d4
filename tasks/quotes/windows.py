"""Bounded token windows for long articles (issue 16).

Quote extraction once read whole sentences or whole paragraph prefixes for every
quotation: a paragraph without sentence stops made it quadratic (20,000 quote marks in
90 KB took 90 s). These helpers read only what the callers look at.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc

from tasks.quotes.frames import Tokens
from tasks.quotes.marks import MAX_INTRO_CHARS, QuoteSpan


def tail_tokens(doc: Doc, rng: range, end: int, words: int = 2) -> list[int]:
    """The non-space tokens of `rng` before `end` that `direct._ends_with_cue` reads: the trailing
    punctuation and the last `words` other tokens (all of them: quadratic, issue 16)."""
    out: list[int] = []
    for i in reversed(rng):
        t = doc[i]
        if t.idx >= end or t.is_space:
            continue
        out.append(i)
        words -= not t.is_punct
        if words <= 0:
            break
    return out[::-1]


def sentence_near(doc: Doc, toks: Tokens, i: int, span: QuoteSpan):
    """The tokens of token i's sentence within half MAX_INTRO_CHARS of the span. `Token.sent`
    walks back to the sentence start and the whole sentence was scanned for every span:
    quadratic in a paragraph without sentence stops (issue 16)."""
    starts = doc.user_data.get("claimcheck_sent_starts")
    if starts is None:
        starts = doc.user_data["claimcheck_sent_starts"] = [s.start for s in doc.sents]
    k = bisect.bisect_right(starts, i) - 1
    lo, hi = starts[k] if k >= 0 else 0, starts[k + 1] if k + 1 < len(starts) else len(doc)
    lo = max(lo, toks.at(span.start - MAX_INTRO_CHARS // 2))
    hi = min(hi, toks.at(span.end + MAX_INTRO_CHARS // 2) + 1)
    return (doc[j] for j in range(lo, hi))
