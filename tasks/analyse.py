"""Articles to quotes and claims: one spaCy pass per article, then the extractors.

Each article is extracted against its own fork of the registry as loaded at run start
(`tasks.quotes.extract.extract_article_quotes`), so its output depends on the article alone:
not on the order, the batch or the machine (a Dask worker) that processed it. The speakers
an article registers and the bare-surname mentions it could not resolve travel back with
its analysis; `tasks.linking.speakers` joins and links them for the warehouse.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from models import Article, Claim, Quote, Speaker, SpeakerAlias, SpeakerMention
from tasks.nlp import parse


@dataclass
class ArticleAnalysis:
    article: Article
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # speakers this article added to the registry or completed (a role, a gender)
    speakers: list[Speaker] = field(default_factory=list)
    mentions: list[SpeakerMention] = field(default_factory=list)  # left for corpus-level linking


def analyse_articles(articles: Sequence[Article], registry, batch_size: int = 16,
                     n_process: int = 1) -> Iterator[ArticleAnalysis]:
    """Parse bodies with nlp.pipe (model loaded once per process) and extract, in article order.

    Worker processes (`tasks.extract_pool`, a Dask worker) each call this on their own chunk.
    """
    from tasks.claims.extract import extract_claims
    from tasks.quotes.extract import extract_article_quotes

    docs = parse((a.body for a in articles), batch_size=batch_size, n_process=n_process)
    for article, doc in zip(articles, docs, strict=True):
        found = extract_article_quotes(doc, article, registry)  # forks the registry itself
        claims = extract_claims(doc, article, found.quotes)
        yield ArticleAnalysis(article, found.quotes, claims, found.speakers, found.mentions)


def run_speakers(registry, learned: Iterable[Speaker]) -> tuple[list[Speaker], list[SpeakerAlias]]:
    """The run's speakers and their aliases: the registry's, then each learned one in order.

    A speaker several articles learned keeps its first form; fields it left empty (role,
    organisation, gender) take the first later value. (The flow joins per article with
    `tasks.linking.speakers.SpeakerPool`, which this wraps.)
    """
    from tasks.linking.speakers import SpeakerPool, aliases_of

    pool = SpeakerPool()
    pool.add("", learned)
    speakers = pool.merged(registry.speakers())
    return speakers, aliases_of(speakers)
