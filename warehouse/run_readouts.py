"""What a finished run shows in its Prefect artifacts, read from the views (inside the run's lock)."""
from __future__ import annotations

import duckdb

# The artifact's table stays readable; the views hold everything.
MAX_TABLE_ROWS = 500
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def read_open_discrepancies(con: duckdb.DuckDBPyConnection, limit: int = MAX_TABLE_ROWS) -> list[dict]:
    """Open discrepancies, one dict per discrepancy with its members (from mart_open_discrepancies)."""
    cur = con.execute(
        "SELECT discrepancy_id, fact, kind, severity, first_seen_run, explanation, side, article_id, outlet, surface "
        "FROM mart_open_discrepancies"
    )
    found: dict[str, dict] = {}
    for did, fact, kind, severity, first_seen, explanation, side, article_id, outlet, surface in cur.fetchall():
        if did not in found:
            if len(found) >= limit:
                continue
            found[did] = {
                "discrepancy_id": did, "fact": fact, "kind": kind, "severity": severity,
                "first_seen_run": first_seen, "explanation": explanation, "members": [],
            }
        found[did]["members"].append({"side": side, "article_id": article_id, "outlet": outlet, "surface": surface})
    return sorted(found.values(), key=lambda d: (_SEVERITY_ORDER.get(d["severity"], 3), d["fact"] or "", d["discrepancy_id"]))


def read_quote_discrepancies(con: duckdb.DuckDBPyConnection, limit: int = MAX_TABLE_ROWS) -> list[dict]:
    """Open quote discrepancies (mart_quote_discrepancies), one dict each with its sides."""
    cur = con.execute("SELECT discrepancy_id, kind, severity, speaker, first_seen_run, explanation, side, article_id "
                      "FROM mart_quote_discrepancies")
    found: dict[str, dict] = {}
    for did, kind, severity, speaker, first_seen, explanation, side, article_id in cur.fetchall():
        if did not in found:
            if len(found) >= limit:
                continue
            found[did] = {"discrepancy_id": did, "kind": kind, "severity": severity, "speaker": speaker,
                          "first_seen_run": first_seen, "explanation": explanation, "sides": {}}
        found[did]["sides"].setdefault(side, [])
        if article_id not in found[did]["sides"][side]:
            found[did]["sides"][side].append(article_id)
    return list(found.values())
