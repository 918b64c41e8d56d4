"""`claimcheck eval`: run articles into a warehouse and score it against an answer key."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import typer

from models.errors import ClaimcheckError


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_(
        gold: Path = typer.Option(..., "--gold", "-g", help="Answer key (format of shared/gold/seeds.json)"),
        input: Path = typer.Option(..., "--input", "-i", help="Article file or folder to run"),
        warehouse: Path = typer.Option(None, "--warehouse", "-w", help="Warehouse file (default: a scratch one)"),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="Per-article misses, extras and wrong speakers"),
        json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON"),
    ) -> None:
        """Score quote, claim and discrepancy extraction against an answer key.

        Example: claimcheck eval --gold ../shared/gold/seeds.json --input ../shared/seeds
        """
        from claimcheck.runner import RunFailed, run_flow
        from tasks.eval.scoring import format_report

        try:
            key = json.loads(Path(gold).read_text())
        except (OSError, ValueError) as exc:
            raise ClaimcheckError(f"cannot read answer key {gold}: {exc}") from None
        with tempfile.TemporaryDirectory(prefix="claimcheck-eval-") as tmp:
            target = Path(warehouse) if warehouse else Path(tmp) / "eval.duckdb"
            try:
                run_flow(input, target)
            except RunFailed as exc:
                typer.echo(f"error: {exc}", err=True)
                sys.exit(2)
            report = score_warehouse(key, target)
        if json_out:
            typer.echo(json.dumps(report.as_dict(), indent=2))
        else:
            typer.echo(format_report(report, verbose=verbose))


def score_warehouse(key: dict, db_path: Path):
    """Read what a run wrote and score it (pure scoring lives in tasks.eval.scoring)."""
    from tasks.eval.scoring import EvalReport, score_claims, score_discrepancies, score_quotes
    from warehouse.connection import open_readonly

    con = open_readonly(db_path)
    try:
        quotes = _dicts(con, "SELECT article_id, text, speaker_name, kind FROM quotes")
        claims = _dicts(con, "SELECT * FROM claims")
        bodies = dict(con.execute("SELECT article_id, body FROM articles").fetchall())
        # Answer keys list fact discrepancies (values); quote discrepancies (statements) are not in them.
        discrepancies = _dicts(con, "SELECT discrepancy_id, severity, explanation FROM discrepancies "
                                    "WHERE statement_id IS NULL")
        members = con.execute("SELECT discrepancy_id, article_id, side FROM discrepancy_members").fetchall()
        facts = _dicts(
            con,
            "SELECT f.fact_key, f.status, list(DISTINCT c.article_id) AS articles "
            "FROM facts f JOIN claims c USING (fact_key) GROUP BY ALL",
        )
    finally:
        con.close()
    for d in discrepancies:
        d["members"] = [(a, s) for (i, a, s) in members if i == d["discrepancy_id"]]
    report = EvalReport()
    score_quotes(key, quotes, report)
    score_claims(key, claims, bodies, report)
    score_discrepancies(key, discrepancies, facts, report)
    return report


def _dicts(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]
