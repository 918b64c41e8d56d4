"""Corpus-level speaker linking: after every article is extracted, on its own.

Per-article extraction never learns from another article (`SpeakerRegistry.fork`), so two
steps join the articles afterwards, both deterministic and independent of article order:

- `SpeakerPool` merges the speakers each article found in its text with the registry and
  the warehouse's speakers of earlier runs (one row per speaker id, fields filled in a
  fixed order).
- `link_mentions` gives each quote that an article could only attribute to a bare surname
  ("Okafor said") the one person of the corpus with that surname named in full ("Peter
  Okafor", from the registry, this run or an earlier one), or leaves it as it was when
  there is none or several. It is re-run over every stored mention in each run, so a full
  name learned later links earlier articles too, and a second namesake undoes the link.
- `tasks.linking.name_variants` links name variants of one person ("Paul D. Ryan",
  "Paul Ryan") to one speaker; the quotes credited to a variant keep their article's
  speaker in a mention row (its full name), so the link is re-made or undone the same way.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from models import Speaker, SpeakerAlias, SpeakerMention
from tasks.quotes.registry import fold_name, strip_titles


@dataclass
class SpeakerPool:
    """The speakers of a run's articles, merged the same way whatever order they came in.

    Each distinct speaker record is kept once, at its first place in article-id order (then
    the order within its article): merging a record a second time, later, changes nothing
    (fields are only ever filled, aliases only added), so the result is the merge of every
    article's list while a run over many articles naming the same people keeps a few
    records instead of one per article (27k at 10k bench articles)."""

    first_place: dict[tuple, tuple[str, int]] = field(default_factory=dict)
    records: dict[tuple, Speaker] = field(default_factory=dict)
    _added: int = 0

    def add(self, article_id: str, speakers: Iterable[Speaker]) -> None:
        for speaker in speakers:
            # the counter orders an article's own speakers: later calls get larger numbers
            place, self._added = (article_id, self._added), self._added + 1
            key = _record_key(speaker)
            if key not in self.first_place or place < self.first_place[key]:
                self.first_place[key] = place
                self.records[key] = speaker

    def in_order(self) -> list[Speaker]:
        return [self.records[k] for k in sorted(self.first_place, key=self.first_place.__getitem__)]

    def merged(self, known: Iterable[Speaker]) -> list[Speaker]:
        """`known` (registry first, then the warehouse's) wins; articles fill what is empty,
        in article-id order. Sorted by speaker id."""
        out: dict[str, Speaker] = {}
        for speaker in [*known, *self.in_order()]:
            have = out.get(speaker.speaker_id)
            if have is None:
                out[speaker.speaker_id] = speaker.model_copy()
                continue
            update = {k: getattr(speaker, k) for k in ("role", "organisation") if not getattr(have, k) and getattr(speaker, k)}
            if have.gender == "unknown" and speaker.gender != "unknown":
                update["gender"] = speaker.gender
            extra = [a for a in speaker.aliases if a not in have.aliases]
            if extra:
                update["aliases"] = [*have.aliases, *extra]
            if update:
                out[speaker.speaker_id] = have.model_copy(update=update)
        return [out[k] for k in sorted(out)]


def _record_key(speaker: Speaker) -> tuple:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in speaker.model_dump().items())


def aliases_of(speakers: Iterable[Speaker]) -> list[SpeakerAlias]:
    out: dict[tuple[str, str], SpeakerAlias] = {}
    for s in speakers:
        for alias in (s.canonical_name, *s.aliases):
            out.setdefault((s.speaker_id, alias), SpeakerAlias(speaker_id=s.speaker_id, alias=alias))
    return list(out.values())


@dataclass(frozen=True)
class QuoteSpeaker:
    """The speaker a quote ends up with after linking."""

    quote_id: str
    speaker_id: str
    speaker_name: str | None


def surname_index(speakers: Iterable[Speaker], links: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Folded surname -> ids of the people named in full with it ('peter okafor' -> okafor),
    name variants of one person counted once (as the speaker they link to)."""
    links = links or {}
    index: dict[str, set[str]] = {}
    for s in speakers:
        if s.kind != "person":
            continue
        words = strip_titles(fold_name(s.canonical_name)).split()
        if len(words) >= 2:
            index.setdefault(words[-1], set()).add(links.get(s.speaker_id, s.speaker_id))
    return index


def with_links(speakers: Iterable[Speaker], links: dict[str, str]) -> list[Speaker]:
    """The speakers with `same_as` set from `links` (and cleared where a link was undone)."""
    return [s if s.same_as == links.get(s.speaker_id) else s.model_copy(update={"same_as": links.get(s.speaker_id)})
            for s in speakers]


def link_mentions(mentions: Iterable[SpeakerMention], speakers: Iterable[Speaker],
                  links: dict[str, str] | None = None) -> list[QuoteSpeaker]:
    """For every mention, the speaker its quote should carry, sorted by quote id:
    - a bare surname: the one full-named person of the corpus with it;
    - a full name whose speaker is a variant of another (`links`, tasks.linking.name_variants):
      that speaker, under the name the article printed (the article's fullest form, as
      per-article extraction keeps it for registry names: "Donald J. Trump");
    - else the speaker the article gave it."""
    speakers = list(speakers)
    links = links or {}
    by_id = {s.speaker_id: s for s in speakers}
    index = surname_index(speakers, links)
    out = []
    for m in sorted(mentions, key=lambda m: m.quote_id):
        if " " in m.mention:
            target_id = links.get(m.speaker_id)
            out.append(QuoteSpeaker(m.quote_id, target_id, m.speaker_name) if target_id in by_id
                       else QuoteSpeaker(m.quote_id, m.speaker_id, m.speaker_name))
            continue
        # only people: a one-word organisation ("Bloomberg said") is not its namesake's surname
        # (linking those too cost 5 speakers on polnear-train-wide and won none)
        ids = index.get(m.mention, set()) if m.kind == "person" else set()
        if len(ids) == 1:
            target = by_id[next(iter(ids))]
            out.append(QuoteSpeaker(m.quote_id, target.speaker_id, target.canonical_name))
        else:
            out.append(QuoteSpeaker(m.quote_id, m.speaker_id, m.speaker_name))
    return out
