"""The rows the report shows, selected from the views (a read-only connection is enough)."""
from __future__ import annotations

import duckdb

# One query per part of the report; `tasks.report.data.assemble_report` groups the rows.
REPORT_QUERIES = {
    "articles": "SELECT article_id, title, outlet, published_date, published_precision, url, n_quotes, n_claims "
                "FROM stg_articles ORDER BY published_date NULLS LAST, article_id",
    "bodies": "SELECT article_id, body FROM stg_articles",
    "facts": "SELECT * FROM mart_facts_with_claims",
    "last_run": "SELECT run_id, started_at, finished_at, status, articles_new, articles_skipped, articles_rejected "
                "FROM runs WHERE status = 'completed' ORDER BY started_at DESC LIMIT 1",
    "discrepancies": "SELECT * FROM mart_open_discrepancies",
    "speaker_counts": "SELECT * FROM mart_quotes_by_speaker",
    "quotes": "SELECT * FROM stg_quotes ORDER BY published_date NULLS LAST, article_id, start_char",
    "quote_discrepancies": "SELECT * FROM mart_quote_discrepancies",
    "transcript_checks": "SELECT * FROM mart_transcript_checks WHERE verdict <> 'verbatim'",
}


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def read_report_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    return {part: rows(con, sql) for part, sql in REPORT_QUERIES.items()}
