"""A role phrase no one in the story holds, read from the registry at the article's date:
"the Kremlin spokesman said", "Russia's foreign minister told reporters", "the Russian Foreign
Ministry's spokeswoman" in a story that never names the holder.

Registry roles go stale (a defence minister is replaced, a spokesman moves on), so only
entries with a role term (`role_since`, optional `role_until` in `data/speakers.json`) are
used, and only when:
- the term covers every day the article's publication date may be (a "year" date must fall
  inside the term all year). An undated article is taken as current news, which is what the
  product ingests on its schedule (wire copy often carries no date line with a year): only
  terms with no end count, so a holder the registry knows has been replaced is never the
  answer;
- the phrase is specific: it names a country ("Russia's", "the Turkish foreign minister") or
  the holder's own registry organisation ("the Kremlin spokesman"); a bare "the president" or
  "the foreign minister" never is;
- exactly one registry person holds every role word of the phrase at that date.
The answer's `how` is "registry_role" (`tasks.quotes.extract` gives it its own factor).
A pure function of the article and the registry as loaded.
"""
from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Token

from models import Article
from tasks.lexicon import FEMALE_ROLES, MALE_ROLES
from tasks.quotes.context import ArticleContext, Entity
from tasks.quotes.registry import fold_name
from tasks.quotes.roles import demonym_country, outranked


def publication_days(article: Article) -> tuple[dt.date, dt.date] | None:
    """The first and last day an article's date may be, by its precision."""
    d = article.published_date
    if d is None:
        return None
    if article.published_precision == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if article.published_precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return d, d


def registry_holder(ctx: ArticleContext, head: Token, words: set[str], held) -> Entity | None:
    """The one registry person holding the role phrase headed here at the article's date.
    `words`: the phrase's role words, demonyms apart; `held(word, known)`: whether a person's
    role words hold a phrase word (`tasks.quotes.role_nouns`)."""
    phrase = ctx.doc[head.left_edge.i:head.i + 1]
    country = demonym_country(t.text for t in phrase)
    orgs = _organisations_named(ctx, phrase)
    if country is None and not orgs:
        return None
    gender = "female" if words & FEMALE_ROLES else "male" if words & MALE_ROLES else None
    fits = []
    holders = ctx.registry.current_holders() if ctx.published is None else \
        ctx.registry.holders_between(*ctx.published)
    for speaker in holders:
        if speaker.kind != "person" or (gender and speaker.gender not in (gender, "unknown")):
            continue
        if country is not None and ctx.registry.country_of(speaker) != country:
            continue
        if country is None and speaker.organisation not in orgs:
            continue
        known = set(fold_name(f"{speaker.role or ''} {speaker.organisation or ''}").split())
        probe = Entity(speaker.canonical_name, "person", speaker=speaker)
        if all(w == "the" or held(w, known) for w in words) and not outranked(words, probe):
            fits.append(speaker)
    if len(fits) != 1:
        return None
    return ctx.person_entity(fits[0].canonical_name)


def _organisations_named(ctx: ArticleContext, phrase) -> set[str]:
    """Registry organisations a run of capitalised words in the phrase names ("Kremlin",
    "Russian Foreign Ministry")."""
    found, run = set(), []
    for t in [*phrase, None]:
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper():
            run.append(t)
            continue
        for i in range(len(run)):  # the longest run ending at its last word first
            org = ctx.registry.resolve(" ".join(w.text for w in run[i:]), kind="organisation")
            if org is not None and org.origin == "registry":
                found.add(org.canonical_name)
                break
        run = []
    return found
