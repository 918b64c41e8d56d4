"""The word-level difference between two reports of one statement, and how much it matters.

Words are aligned with rapidfuzz (Levenshtein opcodes over canonical words, see
`tasks.linking.quote_words`). What is not a difference: punctuation, case, articles,
plural endings, and words missing only at the start or the end (an outlet quoting part of
the sentence: truncation). Words that moved are a change of order. What remains is
judged by meaning, first rule that fits:

| change                                          | severity |
| ----------------------------------------------- | -------- |
| a number, a negation, a name or a qualifier     | high     |
| content words or a pronoun dropped/added/changed | medium  |
| a translation variant, a change of word order   | low      |
| other function words ("those who are responsible" / "those responsible") | none |
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from tasks.linking.quote_words import (
    FUNCTION_WORDS,
    NEGATIONS,
    PRONOUNS,
    QUALIFIERS,
    Word,
    is_number,
    quote_words,
)

SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}
# A word this short that begins a longer one abbreviates it ("min" / "minute", "gov" / "government").
ABBREVIATION_LETTERS = 4
# Words of context shown on each side of the changed stretch.
CONTEXT_WORDS = 1
# A quote this much shorter than the other is compared with the stretch of it it reports.
FRAGMENT_SHARE = 0.8


@dataclass(frozen=True)
class Change:
    removed: tuple[Word, ...]  # words of the reference the variant lacks
    added: tuple[Word, ...]  # words of the variant the reference lacks
    reason: str
    severity: str


@dataclass(frozen=True)
class WordDiff:
    changes: tuple[Change, ...]
    ref_window: str  # the changed stretch of the reference, with a word of context
    var_window: str
    ref_marks: tuple[tuple[int, int], ...]  # character spans of changed words in the reference text
    var_marks: tuple[tuple[int, int], ...]

    @property
    def severity(self) -> str | None:
        """None when the two report the same words."""
        ranked = [c.severity for c in self.changes]
        return max(ranked, key=SEVERITY_RANK.__getitem__) if ranked else None

    @property
    def reasons(self) -> list[str]:
        return list(dict.fromkeys(c.reason for c in sorted(self.changes, key=lambda c: -SEVERITY_RANK[c.severity])))

    def describe(self) -> str:
        """ "find and punish those who are responsible" / "find those responsible" (dropped words) """
        return f"\u201c{self.ref_window}\u201d / \u201c{self.var_window}\u201d ({', '.join(self.reasons)})"


def classify(removed: list[Word], added: list[Word]) -> tuple[str, str] | None:
    """(reason, severity) of one changed stretch, or None when it does not change what was said."""
    both = removed + added
    if "".join(w.cmp for w in removed) == "".join(w.cmp for w in added):
        return None  # spelling: "multi-planetary" / "multiplanetary"
    if len(removed) == len(added) == 1 and _abbreviates(removed[0].cmp, added[0].cmp):
        return None  # "30 min" / "30 minute"
    # A figure written in digits, or one number for another; a lone "one" or "second" dropped is a word.
    if any(w.surface[:1].isdigit() for w in both) or (any(is_number(w.cmp) for w in removed)
                                                      and any(is_number(w.cmp) for w in added)):
        return "changed number", "high"
    if sum(w.cmp in NEGATIONS for w in removed) != sum(w.cmp in NEGATIONS for w in added):
        return "negation", "high"
    if any(w.capital for w in both):
        return "changed name", "high"
    kept = {w.cmp for w in removed} & {w.cmp for w in added}
    if any(w.cmp in QUALIFIERS and w.cmp not in kept for w in both):
        return "changed qualifier", "high"
    if any(w.cmp not in FUNCTION_WORDS for w in both):
        return ("dropped words" if not added else "added words" if not removed else "changed words"), "medium"
    if any(w.cmp in PRONOUNS and w.cmp not in kept for w in both):
        return "changed pronoun", "medium"
    return None


def _abbreviates(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    return 3 <= len(short) <= ABBREVIATION_LETTERS < len(long) and long.startswith(short) and short.isalpha()


def _cancel_moves(hunks: list[tuple[list[Word], list[Word]]]) -> tuple[list[tuple[list[Word], list[Word]]], bool]:
    """Words removed in one place and added in another moved: they leave the hunks."""
    removed = Counter(w.canon for r, _ in hunks for w in r)
    added = Counter(w.canon for _, a in hunks for w in a)
    moved = removed & added
    if not moved:
        return hunks, False
    left_r, left_a = Counter(moved), Counter(moved)
    out = []
    for r, a in hunks:
        r2 = [w for w in r if not _take(left_r, w.canon)]
        a2 = [w for w in a if not _take(left_a, w.canon)]
        out.append((r2, a2))
    return out, True


def _take(counter: Counter, key: str) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _vote_starts(long: tuple[Word, ...], short: tuple[Word, ...], positions: dict | None, tries: int) -> list[int]:
    """Where in `long` the words of `short` line up: start positions with most content words in place."""
    if positions is None:
        positions = {}
        for i, w in enumerate(long):
            positions.setdefault(w.canon, []).append(i)
    votes: Counter = Counter()
    for k, w in enumerate(short):
        if w.cmp not in FUNCTION_WORDS:
            for p in positions.get(w.canon, ()):
                votes[p - k] += 1
    return [s for s, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:tries]]


def candidate_windows(long: tuple[Word, ...], short: tuple[Word, ...], positions: dict | None = None,
                      tries: int = 3) -> list[tuple[int, int]]:
    """Stretches of `long` that `short` may report, each tightened to the window closest to `short`."""
    return [_tightest(long, short, s)[1:] for s in _vote_starts(long, short, positions, tries)]


def _tightest(long: tuple[Word, ...], short: tuple[Word, ...], start: int) -> tuple[tuple, int, int]:
    # Dropped or added words shift the stretch's ends by up to this many words.
    slack = len(short) // 3 + 2
    canon = [w.canon for w in short]
    bag = sorted(canon)
    best = None
    for lo in range(max(0, start - slack), min(len(long), start + slack + 1)):
        for hi in range(max(lo + 1, lo + len(short) - slack), min(len(long), lo + len(short) + slack) + 1):
            window = [w.canon for w in long[lo:hi]]
            # The bag of words first: a reordered quote still matches its whole stretch.
            key = (Indel.normalized_distance(sorted(window), bag), Indel.normalized_distance(window, canon), lo)
            if best is None or key < best[0]:
                best = (key, lo, hi)
    return best if best else ((1.0, 1.0, start), max(0, start), min(len(long), start + len(short)))


def _opcodes(a: tuple[Word, ...], b: tuple[Word, ...]) -> list[tuple[str, int, int, int, int]]:
    """Levenshtein opcodes over canonical words, neighbouring changes merged into one stretch."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in Levenshtein.opcodes([w.canon for w in a], [w.canon for w in b]):
        if op.tag != "equal" and out and out[-1][0] != "equal":
            _, s0, _, d0, _ = out.pop()
            out.append(("change", s0, op.src_end, d0, op.dest_end))
        else:
            out.append(("equal" if op.tag == "equal" else "change", op.src_start, op.src_end, op.dest_start,
                        op.dest_end))
    return out


def _focus(a: tuple[Word, ...], b: tuple[Word, ...]) -> tuple[tuple[Word, ...], tuple[Word, ...]] | None:
    """A quote much shorter than the other may report a stretch of it: that stretch (the rest
    is truncation), or None when the lengths are close."""
    long, short, short_is_b = (a, b, True) if len(b) <= len(a) else (b, a, False)
    if len(short) >= FRAGMENT_SHARE * len(long):
        return None
    starts = _vote_starts(long, short, None, 3)
    if not starts:
        return None
    _, lo, hi = min(_tightest(long, short, s) for s in starts)
    return (long[lo:hi], short) if short_is_b else (short, long[lo:hi])


def _trim_edge(op, i: int, n: int) -> tuple[str, int, int, int, int]:
    """A change at either end: past the words both sides have there, the longer side is truncation
    ("... any other live event." / "... any other live media. Record label approval is ...")."""
    tag, s0, s1, d0, d1 = op
    k = min(s1 - s0, d1 - d0)
    if i == n - 1:
        return tag, s0, s0 + k, d0, d0 + k
    if i == 0:
        return tag, s1 - k, s1, d1 - k, d1
    return op


def word_diff(reference: str, variant: str) -> WordDiff:
    """What the variant changes in the reference's words (see the module's table).

    A quote much shorter than the other is aligned both with the whole of it and with the
    stretch it seems to report; the alignment that keeps the most words in common, then has
    the fewest changed, wins (a whole-quote alignment may scatter a fragment's words; a
    stretch that cuts a dropped clause short loses words in common).
    """
    a, b = quote_words(reference), quote_words(variant)
    tries = [(a, b)] + [f for f in [_focus(a, b)] if f]
    return min((_diff(reference, variant, x, y) for x, y in tries), key=lambda d: d[0])[1]


def _diff(reference: str, variant: str, a: tuple[Word, ...], b: tuple[Word, ...]) -> tuple[tuple, WordDiff]:
    ops = _opcodes(a, b)
    # A stretch missing at either end is truncation; one changed there (both sides have words) is not.
    inner = [op for i, op in enumerate(ops) if op[0] != "equal"
             and not ((op[1] == op[2] or op[3] == op[4]) and (i == 0 or i == len(ops) - 1))]
    inner = [_trim_edge(op, i, len(ops)) for i, op in enumerate(ops) if op in inner]
    hunks = [(list(a[s0:s1]), list(b[d0:d1])) for _, s0, s1, d0, d1 in inner]
    hunks, moved = _cancel_moves(hunks)
    changes = []
    for removed, added in hunks:
        judged = classify(removed, added)
        if judged:
            changes.append(Change(tuple(removed), tuple(added), *judged))
    if moved:
        changes.append(Change((), (), "word order", "low"))
    spans_a = [_span(s0, s1, len(a)) for _, s0, s1, _, _ in inner]
    spans_b = [_span(d0, d1, len(b)) for _, _, _, d0, d1 in inner]
    for tag, s0, s1, d0, d1 in ops:
        if tag == "equal":
            for k, (x, y) in enumerate(zip(a[s0:s1], b[d0:d1])):
                if x.stem != y.stem:
                    changes.append(Change((x,), (y,), "translation variant", "low"))
                    spans_a.append(_span(s0 + k, s0 + k + 1, len(a)))
                    spans_b.append(_span(d0 + k, d0 + k + 1, len(b)))
    marked_a = [w for c in changes for w in c.removed]
    marked_b = [w for c in changes for w in c.added]
    common = sum(s1 - s0 for tag, s0, s1, _, _ in ops if tag == "equal")
    return (-common, sum(len(r) + len(x) for r, x in hunks)), WordDiff(
        changes=tuple(changes),
        ref_window=_window(reference, a, spans_a),
        var_window=_window(variant, b, spans_b),
        ref_marks=tuple(sorted({(w.start, w.end) for w in marked_a})),
        var_marks=tuple(sorted({(w.start, w.end) for w in marked_b})),
    )


def _span(start: int, end: int, n: int) -> tuple[int, int]:
    """Word indexes to show for a changed range: a word of context each side (a gap shows
    the words around it)."""
    lo = start - CONTEXT_WORDS
    hi = end - 1 + CONTEXT_WORDS if end > start else start
    return max(0, lo), min(n - 1, hi)


def _window(text: str, words: tuple[Word, ...], spans: list[tuple[int, int]]) -> str:
    if not words or not spans:
        return " ".join(text.split())
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    return " ".join(text[words[lo].start:words[max(lo, hi)].end].split())
