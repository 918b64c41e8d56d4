"""Cross-check and fact linking at scale: synthetic claims generated in SQL, real code.

Claims come in facts of five, spread over different articles (one in ten undated); one
fact in ten has a conflicting value, one in three a hedged one, so every branch of the cross-check SQL
(dates, durations, counts, quantities, hedges, conflicts) gets work at every size.
"""
from __future__ import annotations

import time
from pathlib import Path

import duckdb

CLAIMS_PER_FACT = 5
CLAIMS_PER_ARTICLE = 10

_ARTICLES_SQL = """
INSERT INTO articles (article_id, source_path, content_sha256, title, outlet, published_date,
                      published_precision, body, run_id)
SELECT 'a' || i, 'synthetic/' || i || '.txt', repeat('0', 64), 'Synthetic article ' || i,
       'outlet' || (i % 50),
       CASE WHEN i % 10 <> 0 THEN DATE '2020-01-01' + CAST(i % 365 AS INTEGER) END,
       CASE WHEN i % 10 <> 0 THEN 'day' ELSE 'unknown' END,
       'synthetic body', 'bench'
FROM range($n_articles) t(i)
"""

_CLAIMS_SQL = """
INSERT INTO claims (claim_id, article_id, kind, surface, sentence, value_num, value_low, value_high, unit,
                    hedge, date_value, date_precision, fact_key, event, start_char, end_char)
-- the interval and label columns are filled by _VALUES_SQL below
WITH g AS (
    SELECT i, i // 5 AS f, i % 5 AS j,
           ['date', 'duration', 'count', 'quantity'][(i // 5) % 4 + 1] AS kind
    FROM range($n) t(i)
),
v AS (
    SELECT *,
           f % 10 = 0 AND j = 4 AS conflicting,
           f % 3 = 0 AND j = 3 AS hedged
    FROM g
)
SELECT 'c' || i,
       'a' || (i % $n_articles),
       kind,
       'value ' || i,
       'Synthetic sentence ' || i || ' about event ' || (f % 997) || '.',
       CASE WHEN kind = 'date' THEN NULL
            ELSE (10 + f % 5000) * CASE WHEN conflicting THEN 2 ELSE 1 END END,
       NULL, NULL,
       CASE kind WHEN 'duration' THEN ['day', 'week', 'month', 'year'][f % 4 + 1]
                 WHEN 'count' THEN 'people' WHEN 'quantity' THEN 'km' END,
       CASE WHEN hedged THEN 'approx' ELSE 'exact' END,
       CASE WHEN kind = 'date' THEN DATE '2000-01-01' + CAST(f % 9000 + CASE WHEN conflicting THEN 400 ELSE 0 END
                                                              AS INTEGER) END,
       CASE WHEN kind = 'date' THEN ['day', 'month', 'year'][f % 3 + 1] END,
       'f' || f,
       {'about': 'event', 'triggers': ['sign', 'agreement'], 'entities': ['armenia', 'azerbaijan'],
        'role': CASE WHEN f % 7 = 0 THEN 'since' ELSE '' END},
       0, 10
FROM v
"""


def _fill_values(con: duckdb.DuckDBPyConnection) -> None:
    """Interval and label columns through the project's own rule (tasks.claims.values), one
    Python call per distinct value shape (a few thousand), joined back in SQL."""
    import pyarrow as pa

    from models import Claim
    from tasks.claims.values import with_values

    shapes = con.execute(
        "SELECT DISTINCT kind, value_num, value_low, value_high, unit, hedge, date_value, date_precision FROM claims"
    ).fetchall()
    rows = []
    for kind, num, low, high, unit, hedge, day, precision in shapes:
        c = with_values(Claim(claim_id="x", article_id="x", kind=kind, surface="x", sentence="x", value_num=num,
                              value_low=low, value_high=high, unit=unit, hedge=hedge, date_value=day,
                              date_precision=precision, start_char=0, end_char=1))
        rows.append({"kind": kind, "num": num, "unit": unit, "hedge": hedge, "day": day, "prec": precision,
                     "base_unit": c.base_unit, "value_base": c.value_base, "value_lo": c.value_lo,
                     "value_hi": c.value_hi, "value_label": c.value_label})
    con.register("_shapes", pa.Table.from_pylist(rows))
    con.execute(
        "UPDATE claims SET base_unit = s.base_unit, value_base = s.value_base, value_lo = s.value_lo, "
        "value_hi = s.value_hi, value_label = s.value_label FROM _shapes s "
        "WHERE claims.kind = s.kind AND claims.hedge = s.hedge AND claims.value_num IS NOT DISTINCT FROM s.num "
        "AND claims.unit IS NOT DISTINCT FROM s.unit AND claims.date_value IS NOT DISTINCT FROM s.day "
        "AND claims.date_precision IS NOT DISTINCT FROM s.prec"
    )
    con.unregister("_shapes")


def build(path: Path, n_claims: int) -> duckdb.DuckDBPyConnection:
    """A fresh warehouse file with `n_claims` synthetic claims (and their articles)."""
    from warehouse.connection import open_writable

    path.unlink(missing_ok=True)
    con = open_writable(path)
    n_articles = max(1, n_claims // CLAIMS_PER_ARTICLE)
    con.execute(_ARTICLES_SQL, {"n_articles": n_articles})
    con.execute(_CLAIMS_SQL, {"n": n_claims, "n_articles": n_articles})
    _fill_values(con)
    con.execute("CHECKPOINT")
    return con


def time_crosscheck(con: duckdb.DuckDBPyConnection, fact_keys: list[str] | None) -> tuple[float, dict]:
    """One cross-check inside a transaction, as the flow runs it; rolled back after."""
    from warehouse.crosscheck import crosscheck

    con.execute("BEGIN TRANSACTION")
    start = time.perf_counter()
    try:
        summary = crosscheck(con, fact_keys, "bench")
        seconds = time.perf_counter() - start
    finally:
        con.execute("ROLLBACK")
    return seconds, summary


def time_linking(con: duckdb.DuckDBPyConnection, n_new: int) -> dict:
    """link_facts for `n_new` claims against every other linked claim (what an incremental run does)."""
    from models.link import CLAIM_LINK_COLUMNS, EVENT_SELECT, LinkClaim
    from tasks.linking.facts import link_facts

    # The columns the flow loads for linking (warehouse.loader.link_rows_*), not whole Claim models.
    event = EVENT_SELECT.format(t="claims")
    cols = ", ".join(CLAIM_LINK_COLUMNS) + f", NULL AS event_id, NULL AS published, {event}"
    new_cols = ", ".join("NULL AS fact_key" if c == "fact_key" else c for c in CLAIM_LINK_COLUMNS) + f", NULL AS event_id, NULL AS published, {event}"
    start = time.perf_counter()
    known = [LinkClaim.of_row(r) for r in con.execute(
        f"SELECT {cols} FROM claims WHERE claim_id NOT IN (SELECT 'c' || i FROM range($k) t(i))",
        {"k": n_new}).fetchall()]
    new = [LinkClaim.of_row(r) for r in con.execute(
        f"SELECT {new_cols} FROM claims WHERE claim_id IN (SELECT 'c' || i FROM range($k) t(i))",
        {"k": n_new}).fetchall()]
    loaded = time.perf_counter() - start
    linked = link_facts(new, known)
    total = time.perf_counter() - start
    return {"known": len(known), "new": len(new), "load_s": round(loaded, 4), "link_s": round(total - loaded, 4),
            "linked": sum(1 for c in linked if c.fact_key)}


def measure(sizes, folder: Path, link_sizes=(10_000, 100_000), link_new: int = 1000) -> dict:
    """Seconds of a full cross-check (every fact) per size, plus a 1 % re-check and linking."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict = {"seconds_by_claims": {}, "build_s": {}, "recheck_1pct_s": {}, "summary": {}, "linking": {}}
    for n in sizes:
        path = folder / f"claims-{n}.duckdb"
        start = time.perf_counter()
        con = build(path, n)
        out["build_s"][n] = round(time.perf_counter() - start, 3)
        try:
            seconds, summary = time_crosscheck(con, None)
            out["seconds_by_claims"][n] = round(seconds, 4)
            out["summary"][n] = summary
            keys = [f"f{i}" for i in range(0, n // CLAIMS_PER_FACT, 100)]
            out["recheck_1pct_s"][n] = round(time_crosscheck(con, keys)[0], 4)
            if n in link_sizes:
                out["linking"][n] = time_linking(con, link_new)
        finally:
            con.close()
            path.unlink(missing_ok=True)
        print(f"  {n:>9,} claims: cross-check {out['seconds_by_claims'][n]:.2f} s, "
              f"1 % re-check {out['recheck_1pct_s'][n]:.2f} s"
              + (f", link {link_new} new: {out['linking'][n]['link_s']:.2f} s "
                 f"(+{out['linking'][n]['load_s']:.2f} s loading)" if n in out["linking"] else ""), flush=True)
    return out
