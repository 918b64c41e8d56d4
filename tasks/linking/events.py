"""Which articles report the same event: grouped from what they share.

Two articles report one event when they were published within `WINDOW_DAYS` of each
other and share enough of what the story is about: their content words (cosine of
sublinear word counts, title words counted thrice; no corpus statistics) and the names
they mention most (places, parties, people: capitalised words inside sentences). Articles group transitively (connected components),
so the grouping depends only on the articles, never on their order or on how they
arrived; an article sharing nothing forms an event of its own. The comparison of two
articles reads only those two (no corpus statistics), so adding articles never changes
whether two earlier ones are linked.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from models.base import stable_id
from models.event import ArticleEvent, NewsEvent
from tasks.lexicon import STOP_WORDS
from tasks.linking.components import connected_components

WINDOW_DAYS = 3
TOP_NAMES = 12
# Measured on made-up multi-outlet scenarios (reports of one event: cosine 0.40-0.51,
# another event the same day: <= 0.04) and on polnear-train-wide (campaign coverage of
# the same days: 95% of pairs under 0.26; over 0.38 only reprints and same-story pairs).
MIN_COSINE = 0.38
MIN_SHARED_NAMES = 2
# An undated article has only its words: it needs more of them in common.
UNDATED_COSINE = 0.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_NAME = re.compile(r"(?<![.!?\n]\s)(?<!\n)(?<!^)\b[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,})*")


@dataclass(frozen=True)
class ArticleText:
    article_id: str
    title: str | None
    body: str
    published: dt.date | None


@dataclass(frozen=True)
class Profile:
    article_id: str
    published: dt.date | None
    weights: dict  # content word -> 1 + log(count)
    norm: float
    names: frozenset[str]
    top_names: tuple[str, ...]


def _content_words(text: str) -> Counter:
    return Counter(w for w in (m.group(0).lower().strip("'-") for m in _WORD.finditer(text))
                   if len(w) > 3 and w not in STOP_WORDS)


class Vocabulary:
    """One string per word and one float per weight across a corpus's profiles: every
    article held its own copies, most of a 10k-article run's memory in this step (issue 15)."""

    def __init__(self) -> None:
        self.words: dict[str, str] = {}
        self.weights: dict[int, float] = {}

    def weight(self, n: int) -> float:
        found = self.weights.get(n)
        if found is None:
            found = self.weights[n] = 1.0 + math.log(n)
        return found


def profile(a: ArticleText, vocabulary: Vocabulary | None = None) -> Profile:
    """What an article is about: its most used content words and its names."""
    vocab = vocabulary or Vocabulary()
    counts = _content_words(a.body)
    for w, n in _content_words(a.title or "").items():
        counts[w] += 3 * n
    weights = {vocab.words.setdefault(w, w): vocab.weight(n) for w, n in counts.items()}
    norm = math.sqrt(sum(x * x for x in weights.values()))
    names = Counter(m.group(0) for m in _NAME.finditer(a.body) if m.group(0).lower() not in STOP_WORDS)
    ranked = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NAMES]
    top = tuple(vocab.words.setdefault(n, n) for n, _ in ranked)
    return Profile(a.article_id, a.published, weights, norm, frozenset(top), top)


def cosine(p: Profile, q: Profile) -> float:
    if not p.norm or not q.norm:
        return 0.0
    small, large = sorted((p.weights, q.weights), key=len)
    return sum(x * large[w] for w, x in small.items() if w in large) / (p.norm * q.norm)


def related(p: Profile, q: Profile) -> bool:
    """Do two articles report the same event?"""
    if p.published and q.published and abs((p.published - q.published).days) > WINDOW_DAYS:
        return False
    if len(p.names & q.names) < MIN_SHARED_NAMES:
        return False
    return cosine(p, q) >= (MIN_COSINE if p.published and q.published else UNDATED_COSINE)


def _pairs(profiles: list[Profile]):
    """Candidate pairs: dated articles within the window of each other; undated ones with all."""
    dated = sorted((p for p in profiles if p.published), key=lambda p: (p.published, p.article_id))
    undated = [p for p in profiles if not p.published]
    for i, p in enumerate(dated):
        for q in dated[i + 1:]:
            if (q.published - p.published).days > WINDOW_DAYS:
                break
            yield p, q
    for i, p in enumerate(undated):
        for q in dated + undated[i + 1:]:
            yield p, q


def group_events(articles: Iterable[ArticleText]) -> tuple[list[NewsEvent], list[ArticleEvent]]:
    """Every article's event (an article alone is an event of one), with the events' labels.

    Articles are profiled as they come: an iterator of them never holds every body at once."""
    vocabulary = Vocabulary()
    profiles = {a.article_id: profile(a, vocabulary) for a in articles}
    edges = ((p.article_id, q.article_id) for p, q in _pairs(list(profiles.values())) if related(p, q))
    groups = {ids[0]: [profiles[k] for k in ids] for ids in connected_components(sorted(profiles), edges)}
    events, members = [], []
    for first, group in groups.items():
        event = _event(stable_id("event", first), group)
        events.append(event)
        members.extend(ArticleEvent(article_id=p.article_id, event_id=event.event_id) for p in group)
    return events, members


def _event(event_id: str, group: list[Profile]) -> NewsEvent:
    dates = sorted(p.published for p in group if p.published)
    names = Counter(n for p in group for n in p.top_names)
    shared = [n for n, c in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])) if c == len(group) or len(group) == 1]
    words = Counter()
    for p in group:
        words.update(p.weights)
    common = [w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
              if all(w in p.weights for p in group) and w not in {n.lower() for n in shared}][:4]
    label = ", ".join(shared[:3] + common[:3]) or group[0].article_id
    return NewsEvent(event_id=event_id, label=label, first_published=dates[0] if dates else None,
                     last_published=dates[-1] if dates else None, n_articles=len(group), places=shared[:6])
