"""`claimcheck run`: process new or changed article files through the flow."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from flows.config import load_settings


def register(app: typer.Typer) -> None:
    @app.command("run")
    def run(
        input: Path = typer.Option(None, "--input", "-i", help="Article file or folder (default: the configured inbox)"),
        warehouse: Path = typer.Option(None, "--warehouse", "-w", help="DuckDB file (default: warehouse/claimcheck.duckdb)"),
        json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON"),
        dask: str = typer.Option(
            None, "--dask", metavar="ADDRESS",
            help="Extract on the Dask cluster whose scheduler is at ADDRESS, e.g. tcp://10.0.0.5:8786 "
                 "(default: CLAIMCHECK_DASK_ADDRESS or dask_address in claimcheck.toml; none: this machine)",
        ),
    ) -> None:
        """Process every new or changed article file under INPUT into the warehouse.

        Example: claimcheck run --input data/articles --warehouse warehouse/claimcheck.duckdb
        Example: claimcheck run --input data/articles --dask tcp://scheduler:8786
        """
        from claimcheck.interrupt import prompt_interrupts
        from claimcheck.run_progress import show_progress
        from claimcheck.runner import RunFailed, run_flow

        settings = load_settings()
        try:
            with prompt_interrupts(), show_progress():
                summary = run_flow(input or settings.inbox, warehouse or settings.warehouse,
                                   dask or settings.dask_address)
        except RunFailed as exc:
            typer.echo(f"error: {exc}", err=True)
            sys.exit(2)
        if json_out:
            import json

            typer.echo(json.dumps(summary, default=str, indent=2))
            return
        typer.echo(format_summary(summary))


def format_summary(s: dict) -> str:
    lines = [
        f"run {s['run_id']}: {s['articles_new']} new, {s['articles_skipped']} unchanged, "
        f"{s['articles_rejected']} rejected"
        + (f", {s['articles_replaced']} replaced" if s.get("articles_replaced") else ""),
        f"  quotes {s['quotes_new']}, claims {s['claims_new']}, facts re-checked {s['facts_checked']}, "
        f"new discrepancies {s['discrepancies_new']}",
    ]
    for path, reason in s.get("rejected", []):
        lines.append(f"  rejected {path}: {reason}")
    return "\n".join(lines)
