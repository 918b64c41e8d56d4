"""Connected components for the corpus-level groupings (events, statements).

A union-find whose root is always a component's smallest node, so the groups depend only
on the set of edges, never on the order articles or quotes arrived in.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def connected_components(nodes: Iterable[K], edges: Iterable[tuple[K, K]]) -> list[list[K]]:
    """Groups of `nodes` joined by `edges`, each sorted, in the order their first node appears.

    >>> connected_components([1, 2, 3, 4], [(4, 2)])
    [[1], [2, 4], [3]]
    """
    order = list(nodes)
    parent = {n: n for n in order}

    def root(n: K) -> K:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[K, list[K]] = {}
    for n in order:
        groups.setdefault(root(n), []).append(n)
    return [sorted(g) for g in groups.values()]
