"""`claimcheck export`: every table and view as Parquet or CSV files."""
from __future__ import annotations

from pathlib import Path

import duckdb
import typer

from flows.config import load_settings
from models.errors import ClaimcheckError
from warehouse.connection import open_readonly


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        directory: Path = typer.Argument(..., help="Folder to write one file per table and view into"),
        fmt: str = typer.Option("parquet", "--format", "-f", help="parquet or csv"),
        warehouse: Path = typer.Option(None, "--warehouse", "-w", help="DuckDB file"),
    ) -> None:
        """Copy every warehouse table and view into DIRECTORY as Parquet or CSV files.

        Example: claimcheck export --format parquet exports/
        """
        from warehouse.export import FORMATS, export_warehouse

        if fmt not in FORMATS:
            raise ClaimcheckError(f"unknown format {fmt!r}: use parquet or csv")
        if directory.exists() and not directory.is_dir():
            raise ClaimcheckError(f"{directory} exists and is not a directory")
        # COPY may write into DIRECTORY and nowhere else.
        directory = directory.resolve()
        con = open_readonly(warehouse or load_settings().warehouse, allowed_directories=[directory])
        try:
            done = export_warehouse(con, directory, fmt)
        except (OSError, duckdb.IOException) as exc:
            raise ClaimcheckError(f"cannot write to {directory}: {str(exc).splitlines()[0]}") from None
        finally:
            con.close()
        for item in done:
            typer.echo(f"{item.kind:<5} {item.name:<36} {item.rows:>8} rows  {item.path}")
        typer.echo(f"{len(done)} files in {directory}", err=True)
