"""Copy every table and view out of the warehouse as Parquet or CSV files (DuckDB `COPY`).

One file per relation, named after it, so pandas, polars and BI tools read the warehouse
without DuckDB. Works on a read-only connection: COPY TO writes files, not the database.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

FORMATS = {"parquet": "(FORMAT parquet, COMPRESSION zstd)", "csv": "(FORMAT csv, HEADER true)"}


@dataclass(frozen=True)
class Exported:
    name: str
    kind: str  # table | view
    rows: int
    path: Path


def relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, 'table' | 'view') of every user relation in the main schema, tables first."""
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' ORDER BY table_name"
    ).fetchall()
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY view_name"
    ).fetchall()
    return [(t, "table") for (t,) in tables] + [(v, "view") for (v,) in views]


def export_warehouse(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> list[Exported]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use {' or '.join(FORMATS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    for name, kind in relations(con):
        path = out_dir / f"{name}.{fmt}"
        target = str(path).replace("'", "''")
        rows = con.execute(f'COPY (SELECT * FROM "{name}") TO \'{target}\' {FORMATS[fmt]}').fetchone()[0]
        done.append(Exported(name=name, kind=kind, rows=int(rows), path=path))
    return done
