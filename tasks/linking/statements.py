"""Group the quotes of every article (this run and earlier) into statements.

A statement is one utterance as reported by one or more articles. Quotes are related
pairwise by `tasks.linking.quote_match.relate`, a pure function of the two quotes, so
the grouping does not depend on the order quotes arrive in:

1. Candidates are blocked, never all pairs: quotes share a key when they have the same
   speaker and a content word, or (any speakers) two consecutive content words, in the
   same or a neighbouring week. Keys held by very many quotes of one week are no evidence
   and are skipped (`MAX_POSTINGS`), so the cost per quote stays flat as the corpus grows.
2. `same` relations join quotes into components (connected components: any order gives
   the same ones).
3. `fragment` and `paraphrase` relations attach a whole component to the best higher-ranked
   component (direct before indirect, longer before shorter) and never join two others,
   so a short phrase found in two different statements cannot chain them together.

Incremental: only the region a run touches is recomputed. It starts from the run's new
quotes and the statements that lost quotes, and grows by every quote related to a region
member together with its stored statement, until closed; a closed region's grouping
equals what a run over everything would give. The statement id is derived from the
smallest quote id of the founding component.
"""
from __future__ import annotations

import gc
import heapq
from contextlib import contextmanager
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from models import Discrepancy, DiscrepancyMember, Statement, StatementQuote
from models.base import stable_id
from tasks.linking.quote_discrepancies import summarise_statement
from tasks.linking.quote_match import DIRECT_KINDS, QuoteText, Relation, relate
from tasks.linking.quote_words import FUNCTION_WORDS

# A (key, week) held by more quotes than this says nothing about which ones belong together.
MAX_POSTINGS = 400
# Quotes compared per quote: the ones sharing most keys with it.
MAX_CANDIDATES = 60
WEEK_DAYS = 7
MIN_SHARED_KEYS = 2


@dataclass
class StatementLinks:
    """What a run changes: the region's quotes re-assigned, its statements and discrepancies."""

    assignments: list[tuple[str, str, str]] = field(default_factory=list)  # (quote_id, statement_id, relation)
    statements: list[Statement] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    members: list[DiscrepancyMember] = field(default_factory=list)
    replaced: set[str] = field(default_factory=set)  # stored statement ids of the region (rewritten)
    relations_compared: int = 0


def _keys(q: QuoteText) -> list[tuple]:
    keys: list[tuple] = []
    if q.speaker is not None:
        keys += [("s", q.speaker, t) for t in sorted(q.content)]
    words = [w.canon for w in q.words if w.cmp not in FUNCTION_WORDS]
    keys += sorted({("b", x, y) for x, y in zip(words, words[1:])})
    return keys


class CandidateIndex:
    """Quotes by key and week: who could report the same utterance as whom."""

    def __init__(self, texts: Sequence[QuoteText]):
        self.texts = texts
        self.postings: dict[tuple, dict[int | None, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.keys = [_keys(q) for q in texts]
        for i, q in enumerate(texts):
            week = None if q.day is None else q.day // WEEK_DAYS
            for key in self.keys[i]:
                self.postings[key][week].append(i)

    def candidates(self, i: int) -> list[int]:
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
        # Every relation needs two shared content words (or a shared pair of them twice over),
        # so one shared key is never enough.
        shared = [(-c, j) for j, c in counts.items() if c >= MIN_SHARED_KEYS]
        return [j for _, j in heapq.nsmallest(MAX_CANDIDATES, shared)]


@contextmanager
def _no_cyclic_gc():
    """The index is millions of small tuples and none of them form cycles: the collector's full
    passes would cost a third of the time and grow with the corpus (measured, bench/)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def link_statements(quotes: Sequence[StatementQuote], new_ids: Iterable[str],
                    touched: Iterable[str] = ()) -> StatementLinks:
    """Statements for the quotes of this run (`new_ids`) and those they relate to.

    `quotes` are every quote in the warehouse with its stored statement; `touched` are
    stored statements that lost quotes (a changed file) and must be regrouped.
    """
    with _no_cyclic_gc():
        return _link(quotes, new_ids, touched)


def _link(quotes, new_ids, touched) -> StatementLinks:
    rows = sorted(quotes, key=lambda q: q.quote_id)
    texts = [QuoteText.of(q.text, q.speaker_id, q.speaker_name, q.kind, q.published_date) for q in rows]
    index = CandidateIndex(texts)
    stored: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(rows):
        if q.statement_id:
            stored[q.statement_id].append(i)
    new = set(new_ids)
    touched = set(touched)
    seeds = [i for i, q in enumerate(rows) if q.quote_id in new or q.statement_id in touched]
    region, edges = _closed_region(seeds, rows, stored, index)
    # Statements that lost quotes are rewritten even when none of their quotes is left: a changed
    # file's new quotes may found a statement with the same id again.
    out = StatementLinks(replaced={rows[i].statement_id for i in region if rows[i].statement_id} | touched,
                         relations_compared=len(edges))
    groups = group(sorted(region), {k: v for k, v in edges.items() if v is not None}, rows, texts)
    for statement_id, members in groups.items():
        member_rows = [(rows[i], relation) for i, relation in members]
        statement, discrepancies, dmembers = summarise_statement(statement_id, member_rows)
        out.statements.append(statement)
        out.discrepancies += discrepancies
        out.members += dmembers
        out.assignments += [(q.quote_id, statement_id, relation) for q, relation in member_rows]
    return out


def _closed_region(seeds: list[int], rows, stored, index: CandidateIndex):
    """Seeds, every quote related to a region member, and the stored statements of both."""
    region: set[int] = set()
    edges: dict[tuple[int, int], Relation | None] = {}
    frontier: deque[int] = deque()

    def add(i: int) -> None:
        if i in region:
            return
        sid = rows[i].statement_id
        for k in (stored.get(sid, [i]) if sid else [i]):
            if k not in region:
                region.add(k)
                frontier.append(k)

    for i in seeds:
        add(i)
    while frontier:
        i = frontier.popleft()
        for j in index.candidates(i):
            pair = (i, j) if i < j else (j, i)
            if pair not in edges:
                edges[pair] = relate(index.texts[pair[0]], index.texts[pair[1]])
            if edges[pair] is not None:
                add(j)
    return region, edges


def group(region: list[int], edges: dict[tuple[int, int], Relation], rows, texts) -> dict[str, list[tuple[int, str]]]:
    """statement_id -> [(quote index, relation)] for the region's quotes."""
    parent = {i: i for i in region}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), rel in sorted(edges.items()):
        if rel.kind == "same" and i in parent and j in parent:
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in region:
        comps[find(i)].append(i)
    rank = {root: (any(texts[i].kind in DIRECT_KINDS for i in members), max(len(texts[i].canon) for i in members),
                   -root) for root, members in comps.items()}
    best: dict[int, tuple[tuple, int, str]] = {}
    for (i, j), rel in edges.items():
        if rel.kind == "same" or i not in parent or j not in parent:
            continue
        a, b = find(i), find(j)
        if a == b:
            continue
        low, high = (a, b) if rank[a] < rank[b] else (b, a)
        choice = ((rel.score, rank[high]), high, rel.kind)
        if low not in best or choice[:2] > best[low][:2]:
            best[low] = choice
    final: dict[int, int] = {}
    relation: dict[int, str] = {}
    for root in sorted(comps, key=lambda r: rank[r], reverse=True):
        if root in best:
            _, target, kind = best[root]
            final[root], relation[root] = final[target], kind
        else:
            final[root], relation[root] = root, "quote"
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for root, members in comps.items():
        sid = stable_id("statement", rows[final[root]].quote_id)
        out[sid] += [(i, relation[root]) for i in sorted(members)]
    return dict(out)
