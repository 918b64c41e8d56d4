"""Write one run's records: batches through Arrow, all inside one transaction.

A run is atomic: the writer opens a transaction when it starts and commits only in
`finish`, so a run killed at any point leaves the warehouse as it was before.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Self

import duckdb
import pyarrow as pa
from pydantic import BaseModel

from models import Article, Claim, Quote, RejectedInput, Run, Speaker, SpeakerAlias, SpeakerMention
from models.event import ArticleEvent, NewsEvent
from models.link import CLAIM_LINK_COLUMNS, EVENT_SELECT, LinkClaim
from warehouse.arrow_input import run_on
from warehouse.connection import open_writable
from warehouse.statements import StatementStore


class WarehouseWriter(StatementStore):
    """The one write path into the warehouse for a run (statements: `StatementStore`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str):
        self.con = con
        self.run_id = run_id
        self._columns: dict[str, list[str]] = {}
        self.touched_fact_keys: set[str] = set()
        self.touched_statement_ids: set[str] = set()
        self.con.execute("BEGIN TRANSACTION")

    @classmethod
    def open(cls, db_path: Path, run_id: str, wait_seconds: float = 0.0) -> WarehouseWriter:
        return cls(open_writable(db_path, wait_seconds), run_id)

    # -- reading what is there -------------------------------------------------
    def known_sources(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT source_path, content_sha256 FROM source_files").fetchall())

    def known_keys(self) -> dict[str, str]:
        """Source path -> the key its article ids were built from (migration 005)."""
        return dict(self.con.execute("SELECT source_path, article_key FROM source_files").fetchall())

    def link_rows_of_run(self) -> list:
        """This run's claims as light `LinkClaim` rows: only the columns fact linking reads."""
        return self._link_rows("c.article_id IN (SELECT article_id FROM articles WHERE run_id = ?)")

    def link_rows_for_linking(self) -> list:
        """Claims of earlier runs already linked to facts, as light `LinkClaim` rows
        (loading 100k whole Claim models took ~1 s)."""
        return self._link_rows(
            "c.fact_key IS NOT NULL AND c.article_id NOT IN (SELECT article_id FROM articles WHERE run_id = ?)")

    def _link_rows(self, where: str) -> list:
        cols = ", ".join(f"c.{c}" for c in CLAIM_LINK_COLUMNS)
        cur = self.con.execute(
            f"SELECT {cols}, e.event_id, a.published_date, {EVENT_SELECT.format(t='c')} FROM claims c "
            "LEFT JOIN article_events e USING (article_id) LEFT JOIN articles a USING (article_id) "
            f"WHERE {where}", [self.run_id])
        return [LinkClaim.of_row(row) for row in cur.fetchall()]

    def articles_for_events(self, chunk: int = 256) -> Iterator[tuple]:
        """(article_id, title, body, published_date) of every article: the events step reads them.

        Streamed a chunk at a time: the step keeps each article's profile, not its body.
        Nothing else may run on the connection until the rows are read."""
        cur = self.con.execute("SELECT article_id, title, body, published_date FROM articles ORDER BY article_id")
        while rows := cur.fetchmany(chunk):
            yield from rows

    def write_events(self, events: Sequence[NewsEvent], members: Sequence[ArticleEvent]) -> None:
        """Replace the events and their articles (the events step regroups the whole corpus)."""
        self.con.execute("DELETE FROM article_events")
        self.con.execute("DELETE FROM events")
        self._insert_models("events", events)
        self._insert_models("article_events", members)

    def stored_speakers(self) -> list[Speaker]:
        """The speakers of earlier runs (with their aliases), sorted by id."""
        aliases: dict[str, list[str]] = {}
        for sid, alias in self.con.execute("SELECT speaker_id, alias FROM speaker_aliases ORDER BY ALL").fetchall():
            aliases.setdefault(sid, []).append(alias)
        cur = self.con.execute("SELECT * FROM speakers ORDER BY speaker_id")
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            rec = dict(zip(names, row))
            rec["gender"] = rec.get("gender") or "unknown"
            rec["origin"] = rec.get("origin") or "text"
            rec["aliases"] = [a for a in aliases.get(rec["speaker_id"], []) if a != rec["canonical_name"]]
            out.append(Speaker(**rec))
        return out

    def speaker_mentions(self) -> list[SpeakerMention]:
        """Every stored mention left for speaker linking (this run's and earlier ones)."""
        cur = self.con.execute("SELECT * FROM speaker_mentions ORDER BY quote_id")
        names = [d[0] for d in cur.description]
        return [SpeakerMention(**dict(zip(names, row))) for row in cur.fetchall()]

    # -- writing ---------------------------------------------------------------
    def forget_sources(self, source_paths: Iterable[str]) -> int:
        """Remove the rows of earlier versions of changed files; their facts get re-checked."""
        paths = sorted(set(source_paths))
        if not paths:
            return 0
        self.con.execute("CREATE OR REPLACE TEMP TABLE _forget_paths (source_path VARCHAR)")
        run_on(self.con, "_paths", pa.table({"source_path": pa.array(paths, type=pa.string())}),
               "INSERT INTO _forget_paths SELECT source_path FROM _paths")
        keys = self.con.execute(
            "SELECT DISTINCT c.fact_key FROM claims c JOIN articles a USING (article_id) "
            "WHERE c.fact_key IS NOT NULL AND (a.source_path IN (SELECT source_path FROM _forget_paths) "
            "OR split_part(a.source_path, '#', 1) IN (SELECT source_path FROM _forget_paths))"
        ).fetchall()
        self.touched_fact_keys.update(k for (k,) in keys)
        gone = (
            "SELECT article_id FROM articles WHERE source_path IN (SELECT source_path FROM _forget_paths)"
        )
        self.forget_statement_quotes(gone)
        self.con.execute(
            f"DELETE FROM discrepancy_members WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id IN ({gone}))"
        )
        self.con.execute(f"DELETE FROM speaker_mentions WHERE article_id IN ({gone})")
        self.con.execute(f"DELETE FROM quotes WHERE article_id IN ({gone})")
        self.con.execute(f"DELETE FROM claims WHERE article_id IN ({gone})")
        n = self.con.execute(f"SELECT count(*) FROM ({gone})").fetchone()[0]
        self.con.execute("DELETE FROM articles WHERE source_path IN (SELECT source_path FROM _forget_paths)")
        self.con.execute("DELETE FROM source_files WHERE source_path IN (SELECT source_path FROM _forget_paths)")
        self.con.execute("DROP TABLE _forget_paths")
        return n

    def record_sources(self, sources: Sequence[tuple[str, str, str | None]]) -> None:
        self._insert_rows(
            "source_files",
            [{"source_path": p, "content_sha256": h, "run_id": self.run_id, "article_key": k} for p, h, k in sources],
            replace=True,
        )

    def write_articles(self, articles: Sequence[Article]) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = []
        for a in articles:
            row = a.model_dump()
            row["run_id"] = self.run_id
            row["ingested_at"] = row.get("ingested_at") or now
            rows.append(row)
        self._insert_rows("articles", rows, replace=True)

    def write_quotes(self, quotes: Sequence[Quote]) -> None:
        self._insert_models("quotes", _dedupe(quotes, "quote_id"), replace=True)

    def write_claims(self, claims: Sequence[Claim]) -> None:
        claims = _dedupe(claims, "claim_id")
        self.touched_fact_keys.update(c.fact_key for c in claims if c.fact_key)
        self._insert_models("claims", claims, replace=True)

    def set_fact_keys(self, claims: Sequence[Claim]) -> None:
        """Store the fact keys linking assigned, in one set-based UPDATE."""
        rows = [{"claim_id": c.claim_id, "fact_key": c.fact_key} for c in claims]
        if not rows:
            return
        self.touched_fact_keys.update(c.fact_key for c in claims if c.fact_key)
        run_on(self.con, "_keys", pa.Table.from_pylist(rows),
               "UPDATE claims SET fact_key = k.fact_key FROM _keys k WHERE claims.claim_id = k.claim_id")

    def write_speakers(self, speakers: Sequence[Speaker], aliases: Sequence[SpeakerAlias]) -> None:
        rows = [s.model_dump(exclude={"aliases"}) for s in _dedupe(speakers, "speaker_id")]
        self._insert_rows("speakers", rows, replace=True)
        alias_rows = {(a.speaker_id, a.alias): a.model_dump() for a in aliases}
        self._insert_rows("speaker_aliases", list(alias_rows.values()), ignore=True)

    def write_mentions(self, mentions: Sequence[SpeakerMention]) -> None:
        self._insert_models("speaker_mentions", _dedupe(mentions, "quote_id"), replace=True)

    def keep_variant_mentions(self, mentions: dict[str, str]) -> None:
        """Mention rows (speaker id -> folded full name) for the quotes credited to a
        speaker that linking is about to move (a name variant), unless they have one: they
        keep the article's own speaker, so a later run can undo the link. A quote without a
        mention row still carries its article's speaker, so this reads it from `quotes`."""
        if not mentions:
            return
        run_on(self.con, "_variant_mentions",
               pa.table({"speaker_id": pa.array(list(mentions), type=pa.string()),
                         "mention": pa.array(list(mentions.values()), type=pa.string())}),
               "INSERT INTO speaker_mentions (quote_id, article_id, speaker_id, speaker_name, mention, kind) "
               "SELECT q.quote_id, q.article_id, q.speaker_id, q.speaker_name, v.mention, 'person' "
               "FROM quotes q JOIN _variant_mentions v USING (speaker_id) "
               "WHERE q.quote_id NOT IN (SELECT quote_id FROM speaker_mentions)")

    def set_quote_speakers(self, rows: Sequence) -> int:
        """Give quotes the speakers linking chose (`QuoteSpeaker` rows), in one UPDATE;
        returns how many quotes changed."""
        if not rows:
            return 0
        table = pa.Table.from_pylist([{"quote_id": r.quote_id, "speaker_id": r.speaker_id,
                                       "speaker_name": r.speaker_name} for r in rows],
                                     schema=pa.schema([("quote_id", pa.string()), ("speaker_id", pa.string()),
                                                       ("speaker_name", pa.string())]))
        moved = run_on(self.con, "_quote_speakers", table,
                       "SELECT q.statement_id FROM quotes q JOIN _quote_speakers k USING (quote_id) "
                       "WHERE q.speaker_id IS DISTINCT FROM k.speaker_id OR q.speaker_name IS DISTINCT FROM k.speaker_name")
        changed = len(moved)
        # A quote of an earlier run that changes speaker changes its statement's check too.
        self.touched_statement_ids.update(sid for (sid,) in moved if sid is not None)
        run_on(self.con, "_quote_speakers", table,
               "UPDATE quotes SET speaker_id = k.speaker_id, speaker_name = k.speaker_name FROM _quote_speakers k "
               "WHERE quotes.quote_id = k.quote_id AND (quotes.speaker_id IS DISTINCT FROM k.speaker_id "
               "OR quotes.speaker_name IS DISTINCT FROM k.speaker_name)")
        return changed

    def write_rejected(self, rejected: Sequence[RejectedInput]) -> None:
        rows = [{**r.model_dump(), "run_id": self.run_id} for r in rejected]
        self._insert_rows("rejected_inputs", rows)

    def finish(self, run: Run) -> None:
        self._insert_rows("runs", [run.model_dump()], replace=True)
        self.con.execute("COMMIT")

    def abort(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        """A run that did not reach `finish` leaves the warehouse as it was."""
        if exc_type is not None:
            self.abort()
        self.close()

    # -- plumbing ----------------------------------------------------------------
    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()]
        return self._columns[table]

    def _insert_models(self, table: str, models: Sequence[BaseModel], replace: bool = False) -> None:
        self._insert_rows(table, [m.model_dump() for m in models], replace=replace)

    def _insert_rows(self, table: str, rows: list[dict], replace: bool = False, ignore: bool = False) -> None:
        if not rows:
            return
        cols = [c for c in self.columns(table) if c in rows[0]]
        batch = pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in rows])
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE" if ignore else "INSERT"
        col_list = ", ".join(cols)
        run_on(self.con, "_batch", batch, f"{verb} INTO {table} ({col_list}) SELECT {col_list} FROM _batch")


def _dedupe(items: Sequence, key: str) -> list:
    seen: dict = {}
    for item in items:
        seen.setdefault(getattr(item, key), item)
    return list(seen.values())


