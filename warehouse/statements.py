"""Reads and writes of statement linking (issue 17), mixed into `WarehouseWriter`.

Statements, quote discrepancies and transcript checks are computed in Python
(tasks.linking.statements, tasks.linking.transcripts); this module loads their inputs as
light rows and writes the region a run recomputed, inside the run's transaction.
"""
from __future__ import annotations

import pyarrow as pa

from models import StatementQuote, TranscriptCheck
from models.statement import STATEMENT_QUOTE_COLUMNS
from warehouse.arrow_input import run_on

_QUOTE_ROWS = (
    "SELECT " + ", ".join(f"a.{c}" if c == "published_date" else f"q.{c}" for c in STATEMENT_QUOTE_COLUMNS)
    + " FROM quotes q JOIN articles a USING (article_id)"
)


class StatementStore:
    """Needs `con`, `run_id`, `touched_statement_ids` and `_insert_rows` (WarehouseWriter)."""

    def statement_rows(self) -> list[StatementQuote]:
        """Every quote with its article's date and stored statement (what linking reads)."""
        return [StatementQuote._make(r) for r in self.con.execute(_QUOTE_ROWS).fetchall()]

    def quote_ids_of_run(self) -> set[str]:
        cur = self.con.execute(
            "SELECT quote_id FROM quotes WHERE article_id IN (SELECT article_id FROM articles WHERE run_id = ?)",
            [self.run_id])
        return {r[0] for r in cur.fetchall()}

    def forget_statement_quotes(self, gone_articles_sql: str) -> None:
        """Before the quotes of changed files go: their statements get regrouped, their members leave."""
        rows = self.con.execute(
            f"SELECT DISTINCT statement_id FROM quotes WHERE statement_id IS NOT NULL "
            f"AND article_id IN ({gone_articles_sql})").fetchall()
        self.touched_statement_ids.update(r[0] for r in rows)
        self.con.execute(f"DELETE FROM discrepancy_members WHERE quote_id IN "
                         f"(SELECT quote_id FROM quotes WHERE article_id IN ({gone_articles_sql}))")
        self.con.execute(f"DELETE FROM transcript_checks WHERE quote_id IN "
                         f"(SELECT quote_id FROM quotes WHERE article_id IN ({gone_articles_sql})) "
                         f"OR transcript_id IN ({gone_articles_sql})")

    def write_statements(self, links) -> dict:
        """Replace the region's statements and quote discrepancies; returns counts for the run summary.

        A discrepancy that still exists keeps its status and first_seen_run (as fact
        discrepancies do in warehouse/sql/crosscheck.sql).
        """
        # The new statements' ids too: a statement is never written twice, whatever the region.
        replaced = sorted(links.replaced | {s.statement_id for s in links.statements})
        replaced_table = pa.table({"statement_id": pa.array(replaced, pa.string())})
        replaced_ids = "(SELECT statement_id FROM _st_replaced)"
        old = {d: (st, run) for d, st, run in run_on(
            self.con, "_st_replaced", replaced_table,
            f"SELECT discrepancy_id, status, first_seen_run FROM discrepancies WHERE statement_id IN {replaced_ids}")}
        members = f"(SELECT discrepancy_id FROM discrepancies WHERE statement_id IN {replaced_ids})"
        for sql in (f"DELETE FROM discrepancy_members WHERE discrepancy_id IN {members}",
                    f"DELETE FROM discrepancies WHERE statement_id IN {replaced_ids}",
                    f"DELETE FROM statements WHERE statement_id IN {replaced_ids}"):
            run_on(self.con, "_st_replaced", replaced_table, sql)
        if links.assignments:
            run_on(self.con, "_st_assign", pa.table({
                "quote_id": pa.array([a[0] for a in links.assignments], pa.string()),
                "statement_id": pa.array([a[1] for a in links.assignments], pa.string()),
                "statement_relation": pa.array([a[2] for a in links.assignments], pa.string()),
            }), "UPDATE quotes SET statement_id = s.statement_id, statement_relation = "
                "s.statement_relation FROM _st_assign s WHERE quotes.quote_id = s.quote_id")
        self._insert_rows("statements", [s.model_dump() for s in links.statements])
        rows = []
        for d in links.discrepancies:
            status, first = old.get(d.discrepancy_id, ("open", None))
            rows.append({**d.model_dump(), "status": status, "first_seen_run": first or self.run_id})
        self._insert_rows("discrepancies", rows)
        self._insert_rows("discrepancy_members", [m.model_dump() for m in links.members])
        new = sum(1 for d in links.discrepancies if d.discrepancy_id not in old)
        return {"statements_checked": len(links.statements), "quote_discrepancies_new": new,
                "discrepancies_new": new}

    def transcript_rows(self) -> list[tuple]:
        """(article_id, published_date, transcript_speaker, body) of every transcript."""
        return self.con.execute(
            "SELECT article_id, published_date, transcript_speaker, body FROM articles "
            "WHERE article_type = 'transcript' ORDER BY article_id").fetchall()

    def write_transcript_checks(self, checks: list[TranscriptCheck]) -> set[str]:
        """Transcript checks are recomputed whole when a run adds quotes or transcripts.

        Returns the stored statements of quotes whose verdict changed: a transcript decides
        which wording is a statement's reference, so they are regrouped.
        """
        before = dict(self.con.execute("SELECT quote_id, verdict FROM transcript_checks").fetchall())
        after = {c.quote_id: c.verdict for c in checks}
        changed = sorted(q for q in set(before) | set(after) if before.get(q) != after.get(q))
        self.con.execute("DELETE FROM transcript_checks")
        self._insert_rows("transcript_checks", [c.model_dump() for c in checks])
        if not changed:
            return set()
        rows = run_on(self.con, "_tc_changed", pa.table({"quote_id": pa.array(changed, pa.string())}),
                      "SELECT DISTINCT statement_id FROM quotes WHERE statement_id IS NOT NULL "
                      "AND quote_id IN (SELECT quote_id FROM _tc_changed)")
        return {r[0] for r in rows}
