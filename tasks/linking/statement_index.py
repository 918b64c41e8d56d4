"""Candidate blocking for statement linking: which quotes could report the same utterance.

Quotes share a key when they have the same speaker and a content word, or (any speakers)
two consecutive content words; keys are bucketed by week and a quote looks in its own
and the neighbouring weeks. A (key, week) held by more than `MAX_POSTINGS` quotes says
nothing about which belong together and is skipped, so the cost per quote stays flat as
the corpus grows.

The index is filled lazily, a week range at a time (`cover`): before a quote's candidates
are read, every quote of the weeks it looks in is indexed (all of them, so posting lists
and their caps are what a full index would hold). An incremental run over a long history
then tokenises only the weeks around its new quotes, not the whole warehouse.
"""
from __future__ import annotations

import bisect
import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence

from models import StatementQuote
from tasks.linking.quote_match import QuoteText
from tasks.linking.quote_words import FUNCTION_WORDS

# A (key, week) held by more quotes than this says nothing about which ones belong together.
MAX_POSTINGS = 400
# Quotes compared per quote: the ones sharing most keys with it.
MAX_CANDIDATES = 60
# Every relation needs two shared content words (or a shared pair of them twice over).
MIN_SHARED_KEYS = 2
WEEK_DAYS = 7


def _keys(q: QuoteText) -> list[tuple]:
    keys: list[tuple] = []
    if q.speaker is not None:
        keys += [("s", q.speaker, t) for t in sorted(q.content)]
    words = [w.canon for w in q.words if w.cmp not in FUNCTION_WORDS]
    keys += sorted({("b", x, y) for x, y in itertools.pairwise(words)})
    return keys


class QuoteTexts:
    """`QuoteText` of each row, built when first asked for (tokenising is most of the cost).

    Rows with the same text, speaker, kind and date (a wire story's reprints) share one
    `QuoteText`: it is a pure function of those, and one per quote held much of a large
    run's memory (issue 15)."""

    def __init__(self, rows: Sequence[StatementQuote]):
        self.rows = rows
        self._texts: dict[int, QuoteText] = {}
        self._shared: dict[tuple, QuoteText] = {}

    def __getitem__(self, i: int) -> QuoteText:
        found = self._texts.get(i)
        if found is None:
            q = self.rows[i]
            args = (q.text, q.speaker_id, q.speaker_name, q.kind, q.published_date)
            found = self._shared.get(args)
            if found is None:
                found = self._shared[args] = QuoteText.of(*args)
            self._texts[i] = found
        return found


class CandidateIndex:
    """Quotes by key and week, filled week range by week range."""

    def __init__(self, rows: Sequence[StatementQuote], texts: QuoteTexts):
        self.texts = texts
        self.postings: dict[tuple, dict[int | None, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.keys: dict[int, list[tuple]] = {}
        # One key list per distinct QuoteText (reprints share it) and one tuple per distinct key.
        self._keys_of: dict[int, list[tuple]] = {}
        self._key: dict[tuple, tuple] = {}
        dated = sorted((q.published_date.toordinal() // WEEK_DAYS, i) for i, q in enumerate(rows) if q.published_date)
        self._weeks = [w for w, _ in dated]
        self._by_week = [i for _, i in dated]
        self._covered: set[int] = set()
        self._all = False
        for i, q in enumerate(rows):
            if q.published_date is None:
                self._add(i)

    def _add(self, i: int) -> None:
        if i in self.keys:
            return
        q = self.texts[i]
        keys = self._keys_of.get(id(q))
        if keys is None:
            keys = self._keys_of[id(q)] = [self._key.setdefault(k, k) for k in _keys(q)]
        self.keys[i] = keys
        week = None if q.day is None else q.day // WEEK_DAYS
        for key in self.keys[i]:
            self.postings[key][week].append(i)

    def cover(self, i: int) -> None:
        """Index every quote of the weeks quote `i` looks in (all weeks for an undated quote)."""
        q = self.texts[i]
        if q.day is None:
            if not self._all:
                self._all = True
                for j in self._by_week:
                    self._add(j)
            return
        w = q.day // WEEK_DAYS
        for week in (w - 1, w, w + 1):
            if week in self._covered or self._all:
                continue
            self._covered.add(week)
            lo, hi = bisect.bisect_left(self._weeks, week), bisect.bisect_right(self._weeks, week)
            for j in self._by_week[lo:hi]:
                self._add(j)

    def candidates(self, i: int) -> list[int]:
        self.cover(i)
        q = self.texts[i]
        counts: Counter = Counter()
        for key in self.keys[i]:
            weeks = self.postings.get(key)
            if not weeks:
                continue
            if q.day is None:
                lists = list(weeks.values())
            else:
                w = q.day // WEEK_DAYS
                lists = [weeks[b] for b in (w - 1, w, w + 1, None) if b in weeks]
            for found in lists:
                if len(found) <= MAX_POSTINGS:
                    counts.update(found)
        counts.pop(i, None)
        shared = [(-c, j) for j, c in counts.items() if c >= MIN_SHARED_KEYS]
        return [j for _, j in heapq.nsmallest(MAX_CANDIDATES, shared)]
