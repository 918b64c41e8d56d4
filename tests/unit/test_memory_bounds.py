"""What keeps a long run's memory bounded (issue 15): Arrow inputs are not kept until the
run's transaction ends, and a worker's parse batches are bounded in characters."""
from __future__ import annotations

import gc
from types import SimpleNamespace

import duckdb
import pyarrow as pa
import pytest

from tasks.extract_pool import parse_batches
from warehouse.arrow_input import run_on


def _batch(i: int) -> pa.Table:
    return pa.table({"id": [f"{i}-{k}" for k in range(200)], "body": ["made-up text " * 300] * 200})


def test_arrow_inputs_are_not_kept_until_the_transaction_ends():
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t (id VARCHAR PRIMARY KEY, body VARCHAR)")
    con.execute("BEGIN TRANSACTION")
    gc.collect()
    before = pa.total_allocated_bytes()
    one = _batch(0).nbytes
    for i in range(8):
        run_on(con, "_batch", _batch(i), "INSERT OR REPLACE INTO t SELECT id, body FROM _batch")
    gc.collect()
    held = pa.total_allocated_bytes() - before
    assert held < one  # `register` + `unregister` kept all eight batches (8x) until COMMIT
    assert con.execute("SELECT count(*) FROM t").fetchall() == [(1600,)]
    con.execute("COMMIT")


def test_run_on_returns_the_rows_of_a_select_and_runs_an_update_at_once():
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t (id VARCHAR, v INTEGER)")
    con.execute("INSERT INTO t VALUES ('a', 1), ('b', 2)")
    keys = pa.table({"id": ["b"], "v": [5]})
    assert run_on(con, "_k", keys, "SELECT t.v FROM t JOIN _k USING (id)") == [(2,)]
    assert run_on(con, "_k", keys, "UPDATE t SET v = k.v FROM _k k WHERE t.id = k.id") == []
    assert con.execute("SELECT v FROM t ORDER BY id").fetchall() == [(1,), (5,)]
    assert run_on(con, "_k", pa.table({"id": pa.array([], pa.string())}), "SELECT * FROM _k") == []


@pytest.mark.parametrize("sizes,most,chars,want", [
    ([10, 10, 10, 10, 10], 4, 100, [[10, 10, 10, 10], [10]]),  # count bound
    ([40, 40, 40], 4, 100, [[40, 40], [40]]),                   # character bound
    ([40, 500, 40], 4, 100, [[40], [500], [40]]),                # a long article alone
    ([500, 500], 4, 100, [[500], [500]]),
    ([100, 1], 4, 100, [[100], [1]]),                            # exactly full
    ([], 4, 100, []),
])
def test_parse_batches_bound_articles_and_characters(sizes, most, chars, want):
    articles = [SimpleNamespace(body="x" * n, n=i) for i, n in enumerate(sizes)]
    got = list(parse_batches(articles, most, chars))
    assert [[len(a.body) for a in b] for b in got] == want
    assert [a.n for b in got for a in b] == list(range(len(sizes)))  # order kept
