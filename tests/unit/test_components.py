"""Connected components: the groups depend on the edge set only."""
from __future__ import annotations

import random

import pytest

from tasks.linking.components import connected_components


@pytest.mark.parametrize(
    ("nodes", "edges", "expected"),
    [
        ([1, 2, 3], [], [[1], [2], [3]]),
        ([1, 2, 3, 4], [(4, 2)], [[1], [2, 4], [3]]),
        ([1, 2, 3, 4], [(1, 2), (3, 4), (2, 3)], [[1, 2, 3, 4]]),
        (["b", "a", "c"], [("c", "a")], [["b"], ["a", "c"]]),
        ([1, 2], [(1, 9)], [[1], [2]]),  # an edge to a node outside the set joins nothing
    ],
)
def test_components(nodes, edges, expected):
    assert connected_components(nodes, edges) == expected


def test_edge_order_does_not_change_the_groups():
    rng = random.Random(7)
    nodes = list(range(40))
    edges = [(rng.randrange(40), rng.randrange(40)) for _ in range(25)]
    first = connected_components(nodes, edges)
    for _ in range(5):
        rng.shuffle(edges)
        assert connected_components(nodes, [(b, a) for a, b in edges]) == first


def test_union_find_joined_edge_by_edge_gives_the_components():
    from tasks.linking.components import UnionFind

    rng = random.Random(3)
    edges = [(rng.randrange(30), rng.randrange(30)) for _ in range(20)]
    found = UnionFind()
    for a, b in edges:
        found.join(a, b)
    assert found.groups(range(30)) == connected_components(range(30), edges)
