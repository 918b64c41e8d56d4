"""Articles to quotes and claims: one spaCy pass per article, then the extractors.

Each article is extracted against its own copy of the registry as loaded at run start, so
its output depends on the article alone: not on the order, the batch or the machine (a
Dask worker) that processed it. The speakers an article registers travel back with its
analysis; `run_speakers` joins them, in article order, for the warehouse.
"""
from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from models import Article, Claim, Quote, Speaker, SpeakerAlias
from tasks.nlp import ParseStream, parse, processes_for


@dataclass
class ArticleAnalysis:
    article: Article
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # speakers this article added to the registry or completed (a role, a gender)
    speakers: list[Speaker] = field(default_factory=list)


def analyse_articles(articles: Sequence[Article], registry, batch_size: int = 16,
                     stream: ParseStream | None = None, n_process: int | None = None) -> Iterator[ArticleAnalysis]:
    """Parse bodies with nlp.pipe (model loaded once per process) and extract, in article order.

    With a `stream` (one pipe for a whole run, see `tasks.nlp.ParseStream`) its workers
    parse; `n_process` caps this call's own parser processes (1 inside a Dask worker,
    whose processes may not fork children).
    """
    from tasks.claims.extract import extract_claims
    from tasks.quotes.extract import extract_quotes

    n_process = processes_for(len(articles)) if n_process is None else min(n_process, processes_for(len(articles)))
    if stream is not None and (stream.started or n_process > 1):
        docs = stream.parse(a.body for a in articles)
    else:
        docs = parse((a.body for a in articles), batch_size=batch_size, n_process=n_process)
    frozen = pickle.dumps(registry)  # a copy per article: ~1 ms for the curated registry
    start = {s.speaker_id: s for s in registry.speakers()}
    # strict: after the last article zip asks `docs` for one more item, so spaCy's worker
    # processes are joined now, not whenever the generator is collected (a bare zip left
    # them waiting on their queues and the process hung at exit).
    for article, doc in zip(articles, docs, strict=True):
        own = pickle.loads(frozen)
        quotes = extract_quotes(doc, article, own)
        claims = extract_claims(doc, article, quotes)
        learned = [s for s in own.speakers() if start.get(s.speaker_id) != s]
        yield ArticleAnalysis(article, quotes, claims, learned)


def run_speakers(registry, learned: Iterable[Speaker]) -> tuple[list[Speaker], list[SpeakerAlias]]:
    """The run's speakers and their aliases: the registry's, then each learned one in article order.

    A speaker several articles learned keeps its first form; fields it left empty (role,
    organisation, gender) take the first later value, as the shared registry once did.
    """
    merged = {s.speaker_id: s for s in registry.speakers()}
    for speaker in learned:
        have = merged.get(speaker.speaker_id)
        if have is None:
            merged[speaker.speaker_id] = speaker
            continue
        fill = {k: getattr(speaker, k) for k in ("role", "organisation") if getattr(have, k) is None}
        if have.gender == "unknown" and speaker.gender != "unknown":
            fill["gender"] = speaker.gender
        extra = [a for a in speaker.aliases if a not in have.aliases]
        if extra:
            fill["aliases"] = [*have.aliases, *extra]
        if any(v is not None for v in fill.values()):
            merged[speaker.speaker_id] = have.model_copy(update={k: v for k, v in fill.items() if v is not None})
    return list(merged.values()), type(registry)(_speakers=merged).aliases()
