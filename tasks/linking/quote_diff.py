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

from rapidfuzz.distance import Levenshtein

from tasks.linking.quote_words import FUNCTION_WORDS, NEGATIONS, PRONOUNS, QUALIFIERS, Word, is_number, quote_words

SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}
# Words of context shown on each side of the changed stretch.
CONTEXT_WORDS = 1


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
    if any(is_number(w.cmp) for w in both):
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


def word_diff(reference: str, variant: str) -> WordDiff:
    """What the variant changes in the reference's words (see the module's table)."""
    a, b = quote_words(reference), quote_words(variant)
    ops = [op for op in Levenshtein.opcodes([w.canon for w in a], [w.canon for w in b])]
    inner = [op for i, op in enumerate(ops) if op.tag != "equal"
             and not (op.tag in ("delete", "insert") and (i == 0 or i == len(ops) - 1))]
    hunks = [(list(a[op.src_start:op.src_end]), list(b[op.dest_start:op.dest_end])) for op in inner]
    hunks, moved = _cancel_moves(hunks)
    changes = []
    for removed, added in hunks:
        judged = classify(removed, added)
        if judged:
            changes.append(Change(tuple(removed), tuple(added), *judged))
    if moved:
        changes.append(Change((), (), "word order", "low"))
    spans_a = [_span(op.src_start, op.src_end, len(a)) for op in inner]
    spans_b = [_span(op.dest_start, op.dest_end, len(b)) for op in inner]
    for op in ops:
        if op.tag == "equal":
            for k, (x, y) in enumerate(zip(a[op.src_start:op.src_end], b[op.dest_start:op.dest_end])):
                if x.stem != y.stem:
                    changes.append(Change((x,), (y,), "translation variant", "low"))
                    spans_a.append(_span(op.src_start + k, op.src_start + k + 1, len(a)))
                    spans_b.append(_span(op.dest_start + k, op.dest_start + k + 1, len(b)))
    marked_a = [w for c in changes for w in c.removed]
    marked_b = [w for c in changes for w in c.added]
    return WordDiff(
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
