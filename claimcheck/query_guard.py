"""What `claimcheck query` accepts: one read-only statement.

The connection is sandboxed as well (warehouse.connection.sandbox: no files, no other
databases, no extensions, settings locked); this check refuses the rest by statement type
with a reason a user can act on, before DuckDB runs anything.
"""
from __future__ import annotations

import duckdb

from models.errors import ClaimcheckError

ALLOWED = {"SELECT", "EXPLAIN"}
_WHY = {
    "ATTACH": "other databases cannot be attached",
    "DETACH": "databases cannot be detached",
    "COPY": "COPY reads or writes files; use `claimcheck export` to write files",
    "EXPORT": "EXPORT writes files; use `claimcheck export`",
    "SET": "settings are fixed for queries",
    "VARIABLE_SET": "settings are fixed for queries",
    "PRAGMA": "PRAGMA is refused; use the duckdb_*() table functions in a SELECT instead",
    "LOAD": "extensions cannot be installed or loaded",
    "CALL": "CALL is refused; use SELECT * FROM the table function",
}


class QueryRefused(ClaimcheckError):
    pass


def check_query(sql: str) -> str:
    """The one statement to run, or QueryRefused saying why not."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"cannot parse the query: {str(exc).splitlines()[0]}") from None
    if not statements:
        raise QueryRefused("no SQL statement given")
    if len(statements) > 1:
        raise QueryRefused(f"one statement per query, got {len(statements)}; run them one at a time")
    kind = statements[0].type.name
    if kind not in ALLOWED:
        why = _WHY.get(kind, "the warehouse is read-only here; write statements are refused")
        raise QueryRefused(f"{kind} refused: {why} (only SELECT-style queries run here)")
    return sql
