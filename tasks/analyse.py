"""Articles to quotes and claims: one spaCy pass per article, then the extractors."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Sequence

from models import Article, Claim, Quote, Speaker, SpeakerMention
from tasks.nlp import ParseStream, parse, processes_for


@dataclass
class ArticleAnalysis:
    article: Article
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)  # found in this article's text
    mentions: list[SpeakerMention] = field(default_factory=list)  # left for corpus-level linking


def analyse_articles(articles: Sequence[Article], registry, batch_size: int = 16,
                     stream: ParseStream | None = None) -> Iterator[ArticleAnalysis]:
    """Parse bodies with nlp.pipe (model loaded once per process; worker processes for
    larger batches) and extract here; each article's extraction reads the registry as loaded and learns nothing
    for the next one (speakers are linked across articles afterwards, tasks.linking.speakers).

    With a `stream` (one pipe for a whole run, see `tasks.nlp.ParseStream`) its workers parse.
    """
    from tasks.claims.extract import extract_claims
    from tasks.quotes.extract import extract_article_quotes

    if stream is not None and (stream.started or processes_for(len(articles)) > 1):
        docs = stream.parse(a.body for a in articles)
    else:
        docs = parse((a.body for a in articles), batch_size=batch_size, n_process=processes_for(len(articles)))
    # strict: after the last article zip asks `docs` for one more item, so spaCy's worker
    # processes are joined now, not whenever the generator is collected (a bare zip left
    # them waiting on their queues and the process hung at exit).
    for article, doc in zip(articles, docs, strict=True):
        found = extract_article_quotes(doc, article, registry)
        claims = extract_claims(doc, article, found.quotes)
        yield ArticleAnalysis(article, found.quotes, claims, found.speakers, found.mentions)
