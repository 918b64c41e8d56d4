"""The `verify-articles` flow: thin Prefect wrappers around the pure steps in tasks/."""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
from pydantic import BaseModel, Field

from flows.artifacts import publish_run_artifacts
from flows.config import load_settings
from flows.progress import report_progress
from models import RejectedInput, RunSummary
from tasks.analyse import analyse_articles
from tasks.extract_pool import POOL_MIN_ARTICLES, ExtractPool
from tasks.ingest.files import discover, hash_file, ingest_file, iter_batches, odd_entries
from tasks.ingest.ids import assign_keys
from tasks.ingest.paths import is_inside, require_input, resolve_inside
from tasks.ingest.raw import SourceFile
from tasks.linking.events import ArticleText, group_events
from tasks.linking.facts import link_facts
from tasks.linking.name_variants import variant_links, variant_mentions
from tasks.linking.speakers import SpeakerPool, aliases_of, link_mentions, with_links
from tasks.linking.statements import link_statements
from tasks.linking.transcripts import Transcript, check_transcripts
from tasks.nlp import wanted_processes
from tasks.quotes.registry import SpeakerRegistry
from warehouse.connection import writer_lock
from warehouse.crosscheck import crosscheck
from warehouse.loader import WarehouseWriter
from warehouse.run_readouts import read_open_discrepancies, read_quote_discrepancies


def _default_input() -> Path:
    return load_settings().inbox


def _default_warehouse() -> Path:
    return load_settings().warehouse


def _default_dask_address() -> str | None:
    return load_settings().dask_address


class RunConfig(BaseModel):
    """What a run reads and where it writes (the form the Prefect UI shows)."""

    model_config = {"title": "Run configuration"}

    input_path: Path = Field(
        default_factory=_default_input,
        title="Input folder or file",
        description="Article file or folder to process (must lie inside a configured input root)",
    )
    warehouse_path: Path = Field(
        default_factory=_default_warehouse,
        title="Warehouse file",
        description="DuckDB warehouse file (must lie inside the configured warehouse folder)",
    )
    dask_address: str | None = Field(
        default_factory=_default_dask_address,
        title="Dask scheduler",
        description="Address of a Dask scheduler (tcp://host:8786) to extract articles on; empty: this machine",
    )


@dataclass
class Plan:
    todo: list[SourceFile] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    refused: list[RejectedInput] = field(default_factory=list)
    skipped: int = 0


def package_version() -> str:
    try:
        return version("claimcheck")
    except PackageNotFoundError:
        return "0+unknown"


# -- tasks: each a thin wrapper around a pure function ----------------------------
# Big arguments (article and analysis lists, the speaker registry, the writer, the known
# sources) are passed as `quote(...)`: Prefect then hands the task the value itself but does
# not walk it looking for futures and upstream results, which cost ~0.17 s per batch call
# over lists of pydantic models (bench/, issue 8). The tasks run in this flow's process,
# in order, so no dependency tracking is lost that the flow relies on.
@task(name="plan-sources", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def plan_sources(input_path: Path, known: dict[str, str], roots: list[Path],
                 known_keys: dict[str, str] | None = None) -> Plan:
    """Hash every input file; keep the new and the changed ones (I/O: retried), each with
    the key its article ids are built from (unique across folders, stable across runs).

    A symlink inside the input folder that leads outside the allowed roots is refused unread.
    """
    plan = Plan(refused=odd_entries(input_path))
    for path in discover(input_path):
        if not is_inside(path, roots):
            plan.refused.append(RejectedInput(source_path=str(path), reason="links outside the allowed input folders"))
            continue
        try:
            source = hash_file(path)
        except OSError as exc:  # permission denied, vanished: this file only
            plan.refused.append(RejectedInput(source_path=str(path), reason=f"unreadable: {exc.strerror or exc}"))
            continue
        seen = known.get(str(path))
        if seen == source.content_sha256:
            plan.skipped += 1
            continue
        if seen is not None:
            plan.changed.append(str(path))
        plan.todo.append(source)
    keys = assign_keys([s.path for s in plan.todo], input_path, known_keys or {})
    plan.todo = [replace(s, article_key=keys[str(s.path)]) for s in plan.todo]
    return plan


@task(name="ingest-batch", cache_policy=NO_CACHE)
def ingest_batch(sources: list[SourceFile], max_bytes: int):
    articles, rejected = [], []
    for source in sources:
        a, r = ingest_file(source, max_bytes=max_bytes)
        articles.extend(a)
        rejected.extend(r)
    return articles, rejected


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(articles, registry, n_process: int = 1):
    return list(analyse_articles(articles, registry, n_process=n_process))


@task(name="load-batch", cache_policy=NO_CACHE)
def load_batch(writer: WarehouseWriter, analyses, rejected, sources: list[SourceFile]) -> None:
    writer.write_articles([a.article for a in analyses])
    writer.write_quotes([q for a in analyses for q in a.quotes])
    writer.write_mentions([m for a in analyses for m in a.mentions])
    writer.write_claims([c for a in analyses for c in a.claims])
    writer.write_rejected(rejected)
    writer.record_sources([(str(s.path), s.content_sha256, s.key) for s in sources])


@task(name="link-speakers", cache_policy=NO_CACHE)
def link_speakers(writer: WarehouseWriter, registry: SpeakerRegistry, pool: SpeakerPool) -> int:
    """Corpus-level: merge the run's speakers with the registry's and the warehouse's, link
    name variants of one person, and every stored bare-surname mention to a person named in
    full. Quotes relinked."""
    speakers = pool.merged([*registry.speakers(), *writer.stored_speakers()])
    links = variant_links(speakers)
    speakers = with_links(speakers, links)
    writer.write_speakers(speakers, aliases_of(speakers))
    writer.keep_variant_mentions(variant_mentions(speakers, links))
    return writer.set_quote_speakers(link_mentions(writer.speaker_mentions(), speakers, links))


@task(name="group-events", cache_policy=NO_CACHE)
def group_articles_into_events(writer: WarehouseWriter) -> int:
    """Corpus-level: which articles report the same event (tasks.linking.events)."""
    events, members = group_events(ArticleText(*row) for row in writer.articles_for_events())
    writer.write_events(events, members)
    return len(events)


@task(name="link-and-crosscheck", cache_policy=NO_CACHE)
def link_and_crosscheck(writer: WarehouseWriter) -> dict:
    """Corpus-level steps after every article is loaded: link facts, then cross-check them."""
    linked = link_facts(writer.link_rows_of_run(), writer.link_rows_for_linking())
    writer.set_fact_keys(linked)
    keys = sorted(writer.touched_fact_keys)
    if not keys:
        return {"facts_checked": 0, "discrepancies_new": 0}
    return {"facts_checked": len(keys), **crosscheck(writer.con, keys, writer.run_id)}


@task(name="link-statements", cache_policy=NO_CACHE)
def link_and_check_statements(writer: WarehouseWriter) -> dict:
    """Group this run's quotes (and the statements they touch) into statements, find quote
    discrepancies, and check quotes against transcripts."""
    quotes = writer.statement_rows()
    checks = check_transcripts([Transcript(*t) for t in writer.transcript_rows()], quotes)
    touched = writer.touched_statement_ids | writer.write_transcript_checks(checks)
    verbatim = [c.quote_id for c in checks if c.verdict == "verbatim"]
    return writer.write_statements(link_statements(quotes, writer.quote_ids_of_run(), touched, verbatim))


def process_batches(plan: Plan, registry, writer: WarehouseWriter, summary: RunSummary, logger,
                    dask_address: str | None = None) -> SpeakerPool:
    """Per-article work, batch by batch: ingest, extract (pure; here or on a Dask cluster),
    load (here: this process is the warehouse's only writer). Returns the speakers the
    articles found, for corpus-level linking."""
    settings = load_settings()
    seen = files_done = 0
    pool = SpeakerPool()
    report_progress("files", 0, len(plan.todo))
    batches = ingested(plan, settings.batch_size, settings.max_file_bytes)
    if dask_address:
        from flows.cluster import extract_on_cluster

        extracted = extract_on_cluster(dask_address, extract_batch, batches, registry, logger)
    else:
        extracted = extract_here(batches, registry, len(plan.todo))
    with contextlib.closing(extracted):
        for batch, rejected, analyses in extracted:
            load_batch(quote(writer), quote(analyses), quote(rejected), quote(batch))
            for a in analyses:
                pool.add(a.article.article_id, a.speakers)
            summary.count_batch(analyses, rejected)
            seen = log_batch(logger, analyses, rejected, seen)
            files_done += len(batch)
            logger.info("batch: %d articles, %d rejected (%d of %d files done)",
                        len(analyses), len(rejected), files_done, len(plan.todo))
            report_progress("files", files_done, len(plan.todo))
    return pool


def ingested(plan: Plan, batch_size: int, max_bytes: int) -> Iterator[tuple]:
    """(files, articles, rejected) per batch of the plan's files."""
    for batch in iter_batches(plan.todo, batch_size):
        articles, rejected = ingest_batch(quote(batch), max_bytes)
        yield batch, articles, rejected


def extract_here(batches: Iterator[tuple], registry, n_files: int) -> Iterator[tuple]:
    """(files, rejected, analyses) per batch, extracted on this machine: in worker processes
    (`tasks.extract_pool`) when the run is big enough to pay for starting them, else here."""
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return
    batches = itertools.chain([first], batches)
    processes = wanted_processes()
    if processes > 1 and max(n_files, len(first[1])) >= POOL_MIN_ARTICLES:
        with ExtractPool(registry, processes) as pool:
            yield from pool.extract(batches)
        return
    for batch, articles, rejected in batches:
        analyses = extract_batch(quote(articles), quote(registry)) if articles else []
        yield batch, rejected, analyses


# Per-article log lines per run: enough to follow a small run, quiet on 10k articles.
ARTICLE_LOG_LIMIT = 25


def log_batch(logger, analyses, rejected, seen: int) -> int:
    """One line per article or rejected file until the run's limit, then batch totals only.

    `seen` counts the articles and rejections of earlier batches; the new count is returned.
    """
    lines = [(logging.INFO, "article %s: %d quotes, %d claims", (a.article.article_id, len(a.quotes), len(a.claims)))
             for a in analyses]
    lines += [(logging.WARNING, "rejected %s: %s", (r.source_path, r.reason)) for r in rejected]
    for level, message, args in lines[: max(0, ARTICLE_LOG_LIMIT - seen)]:
        logger.log(level, message, *args)
    if seen <= ARTICLE_LOG_LIMIT < seen + len(lines):
        logger.info("more than %d articles: further ones are logged per batch only", ARTICLE_LOG_LIMIT)
    return seen + len(lines)


def stale_lock_logger(logger):
    def on_stale(pid: int, alive: bool) -> None:
        state = "still alive but no longer holding it" if alive else "gone"
        logger.warning("stale warehouse lock of pid %d (%s): a run ended without releasing it; taken over", pid, state)
    return on_stale


def run_name() -> str:
    """The flow run's name: what it processes ("articles → claimcheck.duckdb"), not a random pair of words."""
    from prefect.runtime import flow_run

    config = (flow_run.parameters or {}).get("config") or {}
    get = config.get if isinstance(config, dict) else lambda k: getattr(config, k, None)
    source, target = get("input_path"), get("warehouse_path")
    source = Path(source).name if source else Path(_default_input()).name
    target = Path(target).name if target else Path(_default_warehouse()).name
    return f"{source} → {target}"


@flow(name="verify-articles", flow_run_name=run_name,
      description="Ingest articles, extract quotes and claims, cross-check, load DuckDB.")
def verify_articles(config: RunConfig) -> dict:
    """Process new or changed article files into the DuckDB warehouse.

    Args:
        config: Input folder and warehouse file; both must lie inside the configured folders.
    """
    from prefect.runtime import flow_run

    settings = load_settings()
    logger = get_run_logger()
    # Parameters may come from the UI: check them before reading a byte (or even
    # saying whether a path outside the allowed folders exists).
    input_path = require_input(resolve_inside(config.input_path, settings.input_roots, "input path"))
    warehouse_path = resolve_inside(config.warehouse_path, [settings.warehouse_dir], "warehouse path")

    summary = RunSummary(
        run_id=uuid.uuid4().hex[:16], flow_run_id=str(flow_run.id) if flow_run.id else None,
        started_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )
    with writer_lock(warehouse_path, settings.lock_wait_seconds, on_stale=stale_lock_logger(logger)), \
            WarehouseWriter.open(warehouse_path, summary.run_id, settings.lock_wait_seconds) as writer:
        plan = plan_sources(input_path, quote(writer.known_sources()), settings.input_roots, quote(writer.known_keys()))
        writer.write_rejected(plan.refused)
        summary.count_rejected(plan.refused)
        summary.articles_skipped = plan.skipped
        summary.articles_replaced = writer.forget_sources(plan.changed)
        if plan.todo:
            registry = SpeakerRegistry.load(settings.speakers)
            pool = process_batches(plan, registry, writer, summary, logger, config.dask_address)
            link_speakers(quote(writer), quote(registry), quote(pool))
        if plan.todo or plan.changed:
            report_progress("cross-check", 0, 1)
            group_articles_into_events(quote(writer))
            summary.count_checks(link_and_crosscheck(quote(writer)))
            summary.count_checks(link_and_check_statements(quote(writer)))
            report_progress("cross-check", 1, 1)
        writer.finish(summary.to_run(package_version()))
        # Read while the lock is held: a reader beside the next run's writer would clash.
        discrepancies = read_open_discrepancies(writer.con)
        quote_discrepancies = read_quote_discrepancies(writer.con)
    logger.info(
        "run %s: %d new, %d skipped, %d rejected articles; %d quotes, %d claims, %d new discrepancies",
        summary.run_id, summary.articles_new, summary.articles_skipped, summary.articles_rejected,
        summary.quotes_new, summary.claims_new, summary.discrepancies_new,
    )
    publish_run_artifacts(summary.as_dict(), discrepancies, str(input_path), str(warehouse_path),
                          quote_discrepancies=quote_discrepancies)
    return summary.as_dict()
