"""`claimcheck report`: discrepancies, corroborated facts and quotes as a page or Markdown."""
from __future__ import annotations

from pathlib import Path

import duckdb
import typer

from flows.config import load_settings
from models.errors import ClaimcheckError
from warehouse.connection import open_readonly


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        fmt: str = typer.Option("md", "--format", "-f", help="md (Markdown) or html (one self-contained page)"),
        output: Path = typer.Option(None, "--output", "-o", help="Write to FILE instead of printing"),
        warehouse: Path = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
    ) -> None:
        """Write a report of open discrepancies, corroborated facts and quotes by speaker.

        Example: claimcheck report --format html --output report.html
        """
        from tasks.report.build import RENDERERS, build_report
        from warehouse.report_rows import read_report_rows

        if fmt not in RENDERERS:
            raise ClaimcheckError(f"unknown format {fmt!r}: use html or md")
        if output is not None and output.is_dir():
            raise ClaimcheckError(f"--output {output} is a directory; give a file name")
        con = open_readonly(warehouse or load_settings().warehouse)
        try:
            text = build_report(read_report_rows(con), fmt)
        except (duckdb.CatalogException, duckdb.BinderException) as exc:
            # A warehouse written by an older version lacks the report's views; a run adds them.
            raise ClaimcheckError(f"the warehouse predates this report ({str(exc).splitlines()[0]}); "
                                  "run `claimcheck run` once to update its views") from None
        finally:
            con.close()
        if output is None:
            typer.echo(text, nl=False)
            return
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ClaimcheckError(f"cannot write {output}: {exc.strerror or exc}") from None
        typer.echo(f"wrote {output} ({len(text.encode('utf-8')):,} bytes)", err=True)
