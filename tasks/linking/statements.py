"""Group the quotes of every article (this run and earlier) into statements.

A statement is one utterance as reported by one or more articles. Quotes are related
pairwise by `tasks.linking.quote_match.relate`, a pure function of the two quotes, so
the grouping does not depend on the order quotes arrive in:

1. Candidates are blocked, never all pairs (`tasks.linking.statement_index`): a shared
   speaker and content word, or two consecutive content words, in the same or a
   neighbouring week.
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
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from models import Discrepancy, DiscrepancyMember, Statement, StatementQuote
from models.base import stable_id
from tasks.linking.components import UnionFind
from tasks.linking.quote_discrepancies import summarise_statement
from tasks.linking.quote_match import DIRECT_KINDS, TIME_WINDOW_DAYS, Relation, relate
from tasks.linking.statement_index import CandidateIndex, QuoteTexts


@dataclass
class StatementLinks:
    """What a run changes: the region's quotes re-assigned, its statements and discrepancies."""

    assignments: list[tuple[str, str, str]] = field(default_factory=list)  # (quote_id, statement_id, relation)
    statements: list[Statement] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    members: list[DiscrepancyMember] = field(default_factory=list)
    replaced: set[str] = field(default_factory=set)  # stored statement ids of the region (rewritten)
    relations_compared: int = 0
    quotes_indexed: int = 0  # quotes tokenised and indexed (the weeks the region looked in)


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
                    touched: Iterable[str] = (), verbatim: Iterable[str] = ()) -> StatementLinks:
    """Statements for the quotes of this run (`new_ids`) and those they relate to.

    `quotes` are every quote in the warehouse with its stored statement; `touched` are
    stored statements that lost quotes (a changed file) and must be regrouped; `verbatim` are
    quotes a transcript confirms (their wording is the reference of their statement).
    """
    with _no_cyclic_gc():
        return _link(quotes, new_ids, touched, frozenset(verbatim))


def _link(quotes, new_ids, touched, verbatim: frozenset) -> StatementLinks:
    rows = sorted(quotes, key=lambda q: q.quote_id)
    texts = QuoteTexts(rows)
    index = CandidateIndex(rows, texts)
    stored: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(rows):
        if q.statement_id:
            stored[q.statement_id].append(i)
    new = set(new_ids)
    touched = set(touched)
    seeds = [i for i, q in enumerate(rows) if q.quote_id in new or q.statement_id in touched]
    found = _closed_region(seeds, rows, stored, index)
    # Statements that lost quotes are rewritten even when none of their quotes is left: a changed
    # file's new quotes may found a statement with the same id again.
    out = StatementLinks(replaced={rows[i].statement_id for i in found.members if rows[i].statement_id} | touched,
                         relations_compared=found.compared)
    out.quotes_indexed = len(index.keys)
    groups = group(sorted(found.members), found, rows, texts)
    for statement_id, members in groups.items():
        member_rows = [(rows[i], relation) for i, relation in members]
        statement, discrepancies, dmembers = summarise_statement(statement_id, member_rows, verbatim)
        out.statements.append(statement)
        out.discrepancies += discrepancies
        out.members += dmembers
        out.assignments += [(q.quote_id, statement_id, relation) for q, relation in member_rows]
    return out


@dataclass
class Region:
    """The closed region and what grouping reads of its relations. `same` relations are joined
    as they are found, `fragment` / `paraphrase` ones kept in the order found: a 10k-article
    corpus compares millions of pairs, and keeping every pair's relation held much of the
    run's memory (issue 15)."""

    members: set[int] = field(default_factory=set)
    same: UnionFind = field(default_factory=UnionFind)
    attach: dict[tuple[int, int], Relation] = field(default_factory=dict)
    compared: int = 0


def _closed_region(seeds: list[int], rows, stored, index: CandidateIndex) -> Region:
    """Seeds, every quote related to a region member, and the stored statements of both."""
    found = Region()
    region = found.members
    # The candidates of each popped quote: a pair is compared once, when the first of its
    # quotes is popped (small lists: far lighter than a set of every pair compared).
    looked: dict[int, list[int]] = {}
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
        looked[i] = candidates = index.candidates(i)
        for j in candidates:
            if j in looked and i in looked[j]:
                continue  # compared when j was popped (so j is in the region already)
            pair = (i, j) if i < j else (j, i)
            found.compared += 1
            rel = relate(index.texts[pair[0]], index.texts[pair[1]])
            if rel is None:
                continue
            if rel.kind == "same":
                found.same.join(i, j)
            else:
                found.attach[pair] = rel
            add(j)
    return found


def split_by_time(members: list[int], texts) -> list[list[int]]:
    """A component longer than `TIME_WINDOW_DAYS` is cut into stretches of at most that span,
    earliest first: a recurring line ("the toll rose to N") reported week after week links
    each week to the next, and is several statements, not one. A function of the member set
    only, so still independent of order; undated quotes stay with the first stretch."""
    dated = sorted((texts[i].day, i) for i in members if texts[i].day is not None)
    undated = [i for i in members if texts[i].day is None]
    if not dated or dated[-1][0] - dated[0][0] <= TIME_WINDOW_DAYS:
        return [members]
    parts: list[list[int]] = []
    start = None
    for day, i in dated:
        if start is None or day - start > TIME_WINDOW_DAYS:
            parts.append([])
            start = day
        parts[-1].append(i)
    parts[0] += undated
    return [sorted(p) for p in parts]


def _attach(comps: dict[int, list[int]], edges: dict[tuple[int, int], Relation],
            texts) -> tuple[dict[int, int], dict[int, str]]:
    """Each component's final component and relation: `fragment` / `paraphrase` relations attach
    a component to the best higher-ranked one (direct before indirect, longer before shorter)."""
    home = {i: root for root, members in comps.items() for i in members}
    rank = {root: (any(texts[i].kind in DIRECT_KINDS for i in members), max(len(texts[i].canon) for i in members),
                   -root) for root, members in comps.items()}
    best: dict[int, tuple[tuple, int, str]] = {}
    for (i, j), rel in edges.items():
        if i not in home or j not in home or home[i] == home[j]:
            continue
        a, b = home[i], home[j]
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
    return final, relation


def group(region: list[int], found: Region, rows, texts) -> dict[str, list[tuple[int, str]]]:
    """statement_id -> [(quote index, relation)] for the region's quotes."""
    comps = {part[0]: part for members in found.same.groups(region) for part in split_by_time(members, texts)}
    final, relation = _attach(comps, found.attach, texts)
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for root, members in comps.items():
        sid = stable_id("statement", rows[final[root]].quote_id)
        out[sid] += [(i, relation[root]) for i in members]
    return dict(out)
