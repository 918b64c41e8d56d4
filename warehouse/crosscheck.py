"""Cross-check linked claims in DuckDB: facts, discrepancies and their members.

The work is set-based SQL (warehouse/sql/crosscheck.sql) so it scales with the warehouse,
not with Python loops. It runs inside the caller's open transaction and never commits.

Rules: each claim carries the interval it asserts (`value_lo`, `value_hi` in its
`base_unit`, computed once by tasks/claims/values.py: a date its day, month or year; a
number widened by 10% when hedged "about", open-ended for "more than" / "up to"; an exact
duration +- half its unit). The SQL file decides the rest: two values conflict when their
intervals are disjoint and different articles assert them; a larger figure that a later
report gives, or that is told as a change ("rose to"), is an update (`fact_updates`), not a
conflict. Severity: two dates at the same precision -> high, at different precisions ->
medium; a hedged number -> low; two exact numbers 10% or more apart -> high, else medium.
A fact is `disputed` when it has a conflict, `corroborated` when two or more articles state
it without one, `single` otherwise.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.arrow_input import run_on

SQL_FILE = Path(__file__).resolve().parent / "sql" / "crosscheck.sql"
_NAME = re.compile(r"^-- name: (\w+)\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def statements() -> list[tuple[str, str]]:
    """(name, sql) pairs of the cross-check script, in order."""
    text = SQL_FILE.read_text()
    parts = _NAME.split(text)
    return [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts), 2)]


def crosscheck(con: duckdb.DuckDBPyConnection, fact_keys: list[str] | None, run_id: str) -> dict:
    """Recompute facts and discrepancies for `fact_keys` (None: every fact)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _cc_keys (fact_key VARCHAR)")
    if fact_keys is None:
        con.execute(
            "INSERT INTO _cc_keys SELECT DISTINCT fact_key FROM claims WHERE fact_key IS NOT NULL "
            "UNION SELECT fact_key FROM facts"
        )
    elif fact_keys:
        keys = pa.table({"fact_key": pa.array(sorted(set(fact_keys)), type=pa.string())})
        run_on(con, "_cc_keys_in", keys, "INSERT INTO _cc_keys SELECT fact_key FROM _cc_keys_in")
    summary: dict = {}
    for name, sql in statements():
        if name == "summary":
            cur = con.execute(sql)
            names = [d[0] for d in cur.description]
            summary = dict(zip(names, cur.fetchone()))
        elif "$run_id" in sql:
            con.execute(sql, {"run_id": run_id})
        else:
            con.execute(sql)
    con.execute("DROP TABLE IF EXISTS _cc_keys")
    return {k: int(v or 0) for k, v in summary.items()}
