"""Connected components for the corpus-level groupings (events, statements).

A union-find whose root is always a component's smallest node, so the groups depend only
on the set of edges, never on the order articles or quotes arrived in.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Edges joined as they are found, so a caller need not keep them (statements: millions)."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def root(self, n: K) -> K:
        parent = self.parent
        if n not in parent:
            return n
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def join(self, a: K, b: K) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent.setdefault(ra, ra)
            self.parent.setdefault(rb, rb)
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, nodes: Iterable[K]) -> list[list[K]]:
        """Groups of `nodes`, each sorted, in the order their first node appears."""
        groups: dict[K, list[K]] = {}
        for n in nodes:
            groups.setdefault(self.root(n), []).append(n)
        return [sorted(g) for g in groups.values()]


def connected_components(nodes: Iterable[K], edges: Iterable[tuple[K, K]]) -> list[list[K]]:
    """Groups of `nodes` joined by `edges`, each sorted, in the order their first node appears.

    >>> connected_components([1, 2, 3, 4], [(4, 2)])
    [[1], [2, 4], [3]]
    """
    order = list(nodes)
    known = set(order)
    found: UnionFind[K] = UnionFind()
    for a, b in edges:
        if a in known and b in known:
            found.join(a, b)
    return found.groups(order)
