"""`claimcheck query`: one read-only SQL statement against the warehouse, nothing else."""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import typer

from claimcheck.query_guard import check_query
from claimcheck.query_output import FORMATS, render
from flows.config import load_settings
from models.errors import ClaimcheckError
from warehouse.connection import damaged_message, open_readonly


def read_sql(sql: str | None, file: Path | None) -> str:
    """The SQL from the argument, `--file FILE`, or standard input (`-` or piped)."""
    if sql is not None and file is not None:
        raise ClaimcheckError("give the SQL either as an argument or with --file, not both")
    if file is not None and str(file) != "-":
        try:
            return file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ClaimcheckError(f"cannot read SQL file {file}: {getattr(exc, 'strerror', None) or exc}") from None
    if sql == "-" or str(file) == "-" or (sql is None and not sys.stdin.isatty()):
        return sys.stdin.read()
    if sql is None:
        raise ClaimcheckError('no SQL given: claimcheck query "SELECT ..." (or --file FILE, or SQL on stdin)')
    return sql


def register(app: typer.Typer) -> None:
    @app.command("query")
    def query(
        sql: str = typer.Argument(None, help="SQL to run (one read-only statement); '-' reads standard input"),
        file: Path = typer.Option(None, "--file", "-F", help="Read the SQL from this file ('-': standard input)"),
        warehouse: Path = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
        fmt: str = typer.Option("table", "--format", "-f", help="table, vertical, csv, json or markdown"),
        max_width: int = typer.Option(None, "--max-width", min=4, help="Cut longer cell values to this many characters (table, vertical, markdown)"),
        width: int = typer.Option(None, "--width", min=20, help="Output width (default: the terminal's)"),
    ) -> None:
        """Run one read-only SQL statement against the warehouse and print the result.

        The query sees the warehouse and nothing else: no files, other databases, extensions
        or settings. A table wider than the terminal prints one record per block.

        Example: claimcheck query "SELECT * FROM mart_quotes_by_speaker"
        """
        if fmt not in FORMATS:
            raise ClaimcheckError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
        statement = check_query(read_sql(sql, file))
        db_path = Path(warehouse or load_settings().warehouse)
        con = open_readonly(db_path)
        try:
            cur = con.execute(statement)
            columns = [d[0] for d in cur.description] if cur.description else []
            rows = cur.fetchall() if columns else []
        except duckdb.Error as exc:
            raise ClaimcheckError(explain_error(db_path, exc)) from None
        finally:
            con.close()
        typer.echo(render(columns, rows, fmt, width=width, max_width=max_width))


def explain_error(db_path: Path, exc: duckdb.Error) -> str:
    message = str(exc).splitlines()[0]
    if damaged := damaged_message(db_path, exc):
        return damaged
    if isinstance(exc, duckdb.PermissionException):
        return f"refused: a query reads the warehouse's own tables only, no files or other databases ({message})"
    if "read-only" in message.lower() or "read only" in message.lower():
        return f"the warehouse is read-only here; write statements are refused ({message})"
    return message
