"""Apply versioned SQL migrations and (re)create the views."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

HERE = Path(__file__).parent
MIGRATIONS = HERE / "migrations"
VIEWS = HERE / "views"
_NUMBERED = re.compile(r"^(\d{3})_.+\.sql$")


def migration_files() -> list[tuple[int, Path]]:
    found = []
    for path in MIGRATIONS.glob("*.sql"):
        if m := _NUMBERED.match(path.name):
            found.append((int(m.group(1)), path))
    return sorted(found)


def latest_version() -> int:
    files = migration_files()
    return files[-1][0] if files else 0


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema to the latest version in one transaction; returns the version."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    have = current_version(con)
    # every migration not yet recorded, not only those above the latest: numbers are assigned
    # per change, so a lower number can land after a higher one was applied
    applied = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
    pending = [(v, p) for v, p in migration_files() if v not in applied]
    if not pending and _views_present(con):
        return have
    con.execute("BEGIN TRANSACTION")
    try:
        for version, path in pending:
            con.execute(path.read_text())
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, path.stem])
        create_views(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return latest_version()


def view_files() -> list[Path]:
    # Layered like dbt: stg_ views first, then mart_ views that build on them.
    return sorted(VIEWS.glob("*.sql"), key=lambda p: (not p.name.startswith("stg_"), p.name))


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for path in view_files():
        con.execute(path.read_text())


def _views_present(con: duckdb.DuckDBPyConnection) -> bool:
    names = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    return all(p.stem in names for p in view_files())
