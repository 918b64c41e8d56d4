"""Models and tables cannot drift apart: one type map, checked against DESCRIBE."""
import datetime as dt
import types
import typing

import duckdb
import pytest
from pydantic import BaseModel

from models import (
    Article,
    ArticleEvent,
    Claim,
    Discrepancy,
    DiscrepancyMember,
    Fact,
    FactUpdate,
    NewsEvent,
    Quote,
    RejectedInput,
    Run,
    Speaker,
    SpeakerMention,
    Statement,
    TranscriptCheck,
)
from warehouse.schema import current_version, latest_version, migrate, migration_files

TYPE_MAP = {bool: "BOOLEAN", str: "VARCHAR", int: "INTEGER", float: "DOUBLE", dt.date: "DATE", dt.datetime: "TIMESTAMP"}
TABLES = {
    "articles": Article, "quotes": Quote, "claims": Claim, "facts": Fact, "discrepancies": Discrepancy,
    "discrepancy_members": DiscrepancyMember, "runs": Run, "rejected_inputs": RejectedInput, "speakers": Speaker,
    "speaker_mentions": SpeakerMention,
    "statements": Statement, "transcript_checks": TranscriptCheck,
    "events": NewsEvent, "article_events": ArticleEvent, "fact_updates": FactUpdate,
}
NOT_COLUMNS = {"speakers": {"aliases"}}  # aliases live in speaker_aliases


def _sql_type(annotation) -> str:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return _sql_type(args[0])
    if typing.get_origin(annotation) is typing.Literal:
        return "VARCHAR"
    if typing.get_origin(annotation) is list:
        return _sql_type(args[0]) + "[]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):  # a nested record is a STRUCT
        fields = ", ".join(f"{k} {_sql_type(f.annotation)}" for k, f in annotation.model_fields.items())
        return f"STRUCT({fields})"
    return TYPE_MAP[annotation]


@pytest.fixture()
def con():
    c = duckdb.connect()
    migrate(c)
    return c


@pytest.mark.parametrize("table,model", TABLES.items())
def test_model_fields_match_table_columns(con, table, model):
    columns = {r[0]: r[1] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    fields = {k: f for k, f in model.model_fields.items() if k not in NOT_COLUMNS.get(table, set())}
    assert set(fields) == set(columns), f"{table}: model and table differ"
    for name, field in fields.items():
        assert _sql_type(field.annotation) == columns[name].replace('"', ""), f"{table}.{name}"


def test_migrations_are_recorded_and_idempotent(con):
    assert current_version(con) == latest_version() >= 1
    migrate(con)
    # numbers are assigned per engineer, so there may be gaps: one row per migration file
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(migration_files())


def test_views_exist(con):
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"mart_quotes_by_speaker", "mart_open_discrepancies", "mart_facts_with_claims"} <= views


def test_a_migration_numbered_below_the_latest_applied_still_runs(con):
    """A warehouse that got 001, 002 and 004 before 003 landed gets 003 too."""
    con.execute("DROP TABLE speaker_mentions")
    con.execute("DELETE FROM schema_version WHERE version = 3")
    migrate(con)
    assert con.execute("SELECT count(*) FROM schema_version WHERE version = 3").fetchone()[0] == 1
    con.execute("SELECT count(*) FROM speaker_mentions").fetchone()
