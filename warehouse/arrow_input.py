"""An Arrow table as the input of one SQL statement, without a catalog entry.

`con.register(name, table)` makes the table a view in the catalog, and a view dropped by
`unregister` inside an open transaction is kept, with the Arrow data it points to, until
the transaction ends (so that a rollback could bring it back). The writer holds one
transaction per run, so every batch it ever registered stayed in memory to the end: about
12 KB per article, 120 MiB of the run process's growth at 10k articles (bench, issue 15).
A relation's `query` binds the name for that one statement only, and nothing is kept.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa


def run_on(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table, sql: str) -> list[tuple]:
    """Run `sql`, where `name` is `table`; the rows of a SELECT (an INSERT, UPDATE or DELETE
    runs at once and returns [])."""
    result = con.from_arrow(table).query(name, sql)
    if sql.lstrip()[:6].upper() != "SELECT" or result is None:
        return []
    return result.fetchall()
