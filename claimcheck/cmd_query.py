"""`claimcheck query`: read-only SQL against the warehouse."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import typer

from flows.config import load_settings
from models.errors import ClaimcheckError
from warehouse.connection import open_readonly


def register(app: typer.Typer) -> None:
    @app.command("query")
    def query(
        sql: str = typer.Argument(..., help="SQL to run (read-only)"),
        warehouse: Path = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
        fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json"),
    ) -> None:
        """Run read-only SQL against the warehouse and print the result.

        Example: claimcheck query "SELECT * FROM mart_quotes_by_speaker"
        """
        if fmt not in ("table", "csv", "json"):
            raise ClaimcheckError(f"unknown format {fmt!r}: use table, csv or json")
        con = open_readonly(warehouse or load_settings().warehouse)
        try:
            cur = con.execute(sql)
        except duckdb.Error as exc:
            message = str(exc).splitlines()[0]
            if "read-only" in message.lower() or "read only" in message.lower():
                raise ClaimcheckError(f"the warehouse is read-only here; write statements are refused ({message})")
            raise ClaimcheckError(message) from None
        finally:
            pass
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if columns else []
        con.close()
        typer.echo(render(columns, rows, fmt))


def render(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], default=str, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for r in rows:
        table.add_row(*("" if v is None else str(v) for v in r))
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text().rstrip("\n") + f"\n({len(rows)} rows)"
