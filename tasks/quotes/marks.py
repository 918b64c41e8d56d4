"""Quotation-mark spans in a normalised body: pairing marks, paragraph continuations.

Pure character work (no parse): the body's paragraphs are separated by blank lines, and a
quotation left open at the end of a paragraph continues when the next paragraph opens
with a quotation mark (the typographic convention for multi-paragraph quotes).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tasks.lexicon import CLOSE_QUOTES, OPEN_QUOTES

# A paragraph is a line: the body keeps blank lines between paragraphs, but many news
# dumps put one paragraph per line with no blank line between them.
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_MARKS = OPEN_QUOTES | CLOSE_QUOTES
# How far before an opening mark its attribution frame ('X, the minister, said on Monday,
# "...') is looked for: a sentence is shorter. Scanning back to the paragraph start for
# every mark made a paragraph without sentence stops quadratic (issue 16: 20,000 quote
# marks in 90 KB took 90 s); past this bound the frame is cut.
MAX_INTRO_CHARS = 1000


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: its content segments (one per paragraph) as (start, end) offsets."""

    segments: tuple[tuple[int, int], ...]
    closed: bool  # the last segment ended with a closing mark

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, body: str) -> str:
        return " ".join(body[s:e].strip() for s, e in self.segments).strip()

    def covers(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.segments)


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(body)]


class ParagraphIndex:
    """The paragraph holding an offset, or the one before it, by bisection: a linear search
    per quotation mark was quadratic in articles of many short paragraphs."""

    def __init__(self, paras: list[tuple[int, int]]):
        self.paras = paras
        self._starts = [s for s, _ in paras]
        self._ends = [e for _, e in paras]

    def start_of(self, pos: int, default: int = 0) -> int:
        """Start of the paragraph with start <= pos < end, else `default`."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.paras[i][0] if i >= 0 and pos < self.paras[i][1] else default

    def ending_by(self, pos: int) -> tuple[int, int] | None:
        """The last paragraph ending at or before `pos`."""
        i = bisect.bisect_right(self._ends, pos) - 1
        return self.paras[i] if i >= 0 else None


def intro_window_start(para_start: int, pos: int) -> int:
    return max(para_start, pos - MAX_INTRO_CHARS)


def _is_opening(body: str, i: int) -> bool:
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    if body[i] in ("\u201c", "\u00ab", "\u201e"):
        return True
    return (before.isspace() or before in "([{-\u2013\u2014/:") and not after.isspace()


def _is_closing(body: str, i: int) -> bool:
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    if body[i] in ("\u201d", "\u00bb"):
        return True
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}-\u2013\u2014'")


def find_quote_spans(body: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Paired quotation marks in body[start:end], joined across paragraphs."""
    end = len(body) if end is None else end
    spans: list[QuoteSpan] = []
    carry: list[tuple[int, int]] = []  # segments of a quote still open from the previous paragraph
    for p_start, p_end in paragraphs(body):
        if p_end <= start or p_start >= end:
            continue
        marks = [i for i in range(p_start, p_end) if body[i] in _MARKS]
        if carry and not (marks and marks[0] == p_start):
            # the open quote was not continued: it ends with its paragraph
            spans.append(QuoteSpan(tuple(carry), closed=False))
            carry = []
        open_at: int | None = None
        for i in marks:
            if open_at is None:
                if _is_opening(body, i) or not _is_closing(body, i):
                    open_at = i
            elif _is_closing(body, i) or not _is_opening(body, i) or i == p_end - 1:
                segs = (*carry, (open_at + 1, i))
                carry = []
                if i > open_at + 1:
                    spans.append(QuoteSpan(tuple(segs), closed=True))
                open_at = None
            else:  # two opening-looking marks: the first was stray
                open_at = i
        if open_at is not None and open_at + 1 < p_end:
            carry = [*carry, (open_at + 1, p_end)]
    if carry:
        spans.append(QuoteSpan(tuple(carry), closed=False))
    return spans
