"""One person, one speaker: name variants of a person found in different articles.

Articles write one person's name in several forms: with or without a middle initial or
middle name ("Paul D. Ryan", "Paul Ryan"), with a title ("Sen. Lindsey Graham"), or
punctuated differently ("Jr." / "Jr"). Per-article extraction registers each form it meets
as its own speaker when the registry does not know it, so the corpus holds several speakers
for one person. `variant_links` maps each variant to the one speaker it is, at corpus
level, over the registry, the warehouse's speakers of earlier runs and this run's:

- Two names are the same person's when their first and last names (titles off) and their
  suffixes agree, and their middle words do not contradict each other: one has none, or
  each middle word is the other's or its initial ("D." / "Davis").
- The fullest forms that do not contradict each other are the people of a first-and-last
  name ("Paul D. Ryan" and "Paul F. Ryan" are two). A name links to a person only when it
  fits exactly one of them: "Paul Ryan" next to both stays itself.
- A suffix must agree: "Donald Trump Jr." is the son of a "Donald Trump", not a variant.
- The person's speaker is the registry's entry when one fits (two registry entries are two
  people: nothing links); otherwise the shortest form (fewest words, then fewest letters,
  then alphabetical): the form without middle names is the one most articles print and the
  registry's own convention ("Donald Trump", "Hillary Clinton"), and a fuller form met later
  does not move a speaker already linked.

Pure and order-free: the same speakers in any order give the same links, so the warehouse's
quotes are re-linked from their stored mentions in every run (tasks.linking.speakers).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models import Speaker
from tasks.quotes.registry import fold_name, strip_titles

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class NameParts:
    first: str
    middles: tuple[str, ...]
    last: str
    suffix: str | None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return self.first, self.last, self.suffix

    @property
    def fullness(self) -> tuple[int, int]:
        return len(self.middles), sum(len(m) for m in self.middles)


def name_parts(name: str) -> NameParts | None:
    """First, middle and last names and suffix of a person's name; None for one word."""
    words = [w.strip(".,") for w in strip_titles(fold_name(name)).split()]
    words = [w for w in words if w]
    suffix = words.pop() if len(words) > 2 and words[-1] in SUFFIXES else None
    if len(words) < 2 or not all(w.replace("-", "").replace("'", "").isalpha() for w in words):
        return None
    return NameParts(words[0], tuple(words[1:-1]), words[-1], suffix)


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    return len(a) == len(b) and all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
                                    for x, y in zip(a, b))


def same_person(a: NameParts, b: NameParts) -> bool:
    return a.key == b.key and _middles_agree(a.middles, b.middles)


def _names(speaker: Speaker) -> list[NameParts]:
    # registry entries bring their aliases ("Donald J. Trump"); a text speaker is its name
    names = [speaker.canonical_name, *(speaker.aliases if speaker.origin == "registry" else ())]
    return [p for p in (name_parts(n) for n in names) if p is not None]


def variant_links(speakers: Iterable[Speaker]) -> dict[str, str]:
    """speaker id -> id of the speaker it is a variant of (only ids that move)."""
    by_key: dict[tuple, list[tuple[NameParts, Speaker]]] = {}
    for s in sorted((s for s in speakers if s.kind == "person"), key=lambda s: s.speaker_id):
        for parts in _names(s):
            by_key.setdefault(parts.key, []).append((parts, s))
    links: dict[str, str] = {}
    for group in by_key.values():
        if len({s.speaker_id for _, s in group}) > 1:
            links.update(_link_group(group))
    return links


def _link_group(group: list[tuple[NameParts, Speaker]]) -> dict[str, str]:
    # the people: fullest forms no fuller agreeing form exceeds, one per distinct form
    people = sorted({p for p, _ in group
                     if not any(same_person(p, q) and q.fullness > p.fullness for q, _ in group)},
                    key=lambda p: p.middles)
    members: dict[NameParts, dict[str, Speaker]] = {p: {} for p in people}
    fits: dict[str, set[NameParts]] = {}
    for parts, s in group:
        fits.setdefault(s.speaker_id, set()).update(p for p in people if same_person(parts, p))
    for parts, s in group:
        if len(fits[s.speaker_id]) == 1:
            members[next(iter(fits[s.speaker_id]))][s.speaker_id] = s
    out: dict[str, str] = {}
    for found in members.values():
        target = _canonical(list(found.values()))
        if target is not None:
            out.update({i: target.speaker_id for i in found if i != target.speaker_id})
    return out


def _canonical(found: list[Speaker]) -> Speaker | None:
    if len(found) < 2:
        return None
    registry = [s for s in found if s.origin == "registry"]
    if len(registry) > 1:
        return None
    if registry:
        return registry[0]
    return min(found, key=lambda s: (len(s.canonical_name.split()), len(s.canonical_name), s.canonical_name))


def variant_mentions(speakers: Iterable[Speaker], links: dict[str, str]) -> dict[str, str]:
    """speaker id -> the mention its quotes keep (the folded full name) for every variant
    that links (`SpeakerMention.mention` of a variant's quote)."""
    return {s.speaker_id: fold_name(s.canonical_name) for s in speakers if s.speaker_id in links}
