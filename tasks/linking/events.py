"""Which articles report the same event: grouped from what they share.

Two articles report one event when they were published within `WINDOW_DAYS` of each
other and share enough of what the story is about: the content words each uses most
(title words count thrice) and the names it mentions (places, parties, people:
capitalised words inside sentences). Articles group transitively (connected components),
so the grouping depends only on the articles, never on their order or on how they
arrived; an article sharing nothing forms an event of its own. The comparison of two
articles reads only those two (no corpus statistics), so adding articles never changes
whether two earlier ones are linked.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from models.base import stable_id
from models.event import ArticleEvent, NewsEvent
from tasks.lexicon import STOP_WORDS

WINDOW_DAYS = 3
TOP_WORDS = 30
TOP_NAMES = 12
# Measured on made-up multi-outlet scenarios and checked on polnear-train-wide (a mix of
# campaign coverage): reports of one event share >= 0.4 of their top words and >= 2 names.
MIN_WORD_SHARE = 0.4
MIN_SHARED_NAMES = 2
# An undated article has only its words: it needs more of them in common.
UNDATED_WORD_SHARE = 0.55
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
    words: frozenset[str]
    names: frozenset[str]
    top_names: tuple[str, ...]


def _content_words(text: str) -> Counter:
    return Counter(w for w in (m.group(0).lower().strip("'-") for m in _WORD.finditer(text))
                   if len(w) > 3 and w not in STOP_WORDS)


def profile(a: ArticleText) -> Profile:
    """What an article is about: its most used content words and its names."""
    counts = _content_words(a.body)
    for w, n in _content_words(a.title or "").items():
        counts[w] += 3 * n
    words = frozenset(w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_WORDS])
    names = Counter(m.group(0) for m in _NAME.finditer(a.body) if m.group(0).lower() not in STOP_WORDS)
    top = tuple(n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NAMES])
    return Profile(a.article_id, a.published, words, frozenset(top), top)


def related(p: Profile, q: Profile) -> bool:
    """Do two articles report the same event?"""
    if p.published and q.published and abs((p.published - q.published).days) > WINDOW_DAYS:
        return False
    if not p.words or not q.words:
        return False
    share = len(p.words & q.words) / min(len(p.words), len(q.words))
    need = MIN_WORD_SHARE if p.published and q.published else UNDATED_WORD_SHARE
    return share >= need and len(p.names & q.names) >= MIN_SHARED_NAMES


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


def group_events(articles: list[ArticleText]) -> tuple[list[NewsEvent], list[ArticleEvent]]:
    """Every article's event (an article alone is an event of one), with the events' labels."""
    profiles = {a.article_id: profile(a) for a in articles}
    parent = {k: k for k in profiles}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for p, q in _pairs(list(profiles.values())):
        if related(p, q):
            a, b = sorted((root(p.article_id), root(q.article_id)))
            parent[b] = a
    groups: dict[str, list[Profile]] = {}
    for k in sorted(profiles):
        groups.setdefault(root(k), []).append(profiles[k])
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
    words = Counter(w for p in group for w in p.words)
    common = [w for w, c in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])) if c == len(group)][:4]
    label = ", ".join(shared[:3] + common[:3]) or group[0].article_id
    return NewsEvent(event_id=event_id, label=label, first_published=dates[0] if dates else None,
                     last_published=dates[-1] if dates else None, n_articles=len(group), places=shared[:6])
