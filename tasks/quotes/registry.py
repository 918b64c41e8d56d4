"""Canonical speakers: the curated registry (`data/speakers.json`) plus speakers found in text.

`resolve` maps a mention as written ("Sergei Lavrov", "Zhakarova", "Russia's Foreign
Ministry") to one canonical `Speaker` or None; it never guesses between several
candidates. Article context (pronouns, "the ministry", surnames of people named earlier)
is the attribution step's job (`tasks.quotes.context`); the registry only knows names.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from models import Speaker, SpeakerAlias
from models.speaker import speaker_id_for
from tasks.data_files import DATA_DIR, load_json
from tasks.lexicon import NAME_TITLES, PERSON_ROLE_NOUNS

DEFAULT_PATH = DATA_DIR / "speakers.json"
FIRST_NAMES_PATH = DATA_DIR / "first_names.json"

# Fuzzy matching (rapidfuzz `fuzz.ratio` on accent-folded, lower-cased names).
# Measured on the name pairs in tests/unit/test_speakers.py (16 spelling variants and
# transliterations of the same person, 22 pairs of different people or places):
# same-person pairs score 83-97 (median 92), different-people pairs 36-94, but every
# different pair above 85 is a single short token (christie/christine 94, russia/prussia
# 92, putin/puttin 91) while multi-word different pairs stay <= 81 (bill/hillary clinton).
# So: multi-word names match at >= 88 (accepts 13/16 variants, no false pair); a single
# token must score >= 88, have >= 7 letters and share its first letter (zhakarova ->
# zakharova 89 passes, rubin -> rubio 80 and obama -> osama 80 do not).
FUZZY_THRESHOLD = 88
FUZZY_MIN_SINGLE_TOKEN = 7

_POSSESSIVE = re.compile(r"(?:'s|')$")
_NON_NAME = re.compile(r"[^\w\s.'-]")


def fold_name(text: str) -> str:
    """Lower-case, accent-free, single-spaced; leading article and trailing possessive off."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").lower()
    text = _NON_NAME.sub(" ", text)
    words = text.split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(w for w in words if w)


def strip_titles(folded: str) -> str:
    """'mr. trump' -> 'trump', 'president vladimir putin' -> 'vladimir putin'."""
    words = folded.split()
    while len(words) > 1 and (words[0] in NAME_TITLES or words[0].rstrip(".") + "." in NAME_TITLES):
        words = words[1:]
    return " ".join(words)


@dataclass
class SpeakerRegistry:
    """Curated speakers plus the ones registered from text during a run."""

    _speakers: dict[str, Speaker] = field(default_factory=dict)
    _alias_index: dict[str, str] = field(default_factory=dict)
    _surname_index: dict[str, set[str]] = field(default_factory=dict)
    # speaker_id -> country it speaks for ("Russia"), for "the Russian side".
    countries: dict[str, str] = field(default_factory=dict)
    # Fuzzy candidates by (single token?, length): fuzz.ratio >= FUZZY_THRESHOLD is only
    # reachable between lengths within a fixed ratio, so a lookup scans a few buckets instead
    # of every alias (the registry grows with every speaker a long run meets).
    _fuzzy_buckets: dict[tuple[bool, int], list[str]] = field(default_factory=dict)
    # ids registered or updated from text since loading (or forking)
    _touched: set[str] = field(default_factory=set)
    # speaker_id -> (since, until or None): the term in which a person held the registry role
    role_terms: dict[str, tuple[dt.date, dt.date | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> SpeakerRegistry:
        data = json.loads(Path(path or DEFAULT_PATH).read_text(encoding="utf-8"))
        registry = cls()
        for entry in data["speakers"]:
            speaker = Speaker(
                speaker_id=speaker_id_for(entry["canonical_name"]),
                canonical_name=entry["canonical_name"],
                kind=entry.get("kind", "person"),
                role=entry.get("role"),
                organisation=entry.get("organisation"),
                gender=entry.get("gender", "unknown"),
                aliases=list(entry.get("aliases", [])),
                origin="registry",
            )
            registry._add(speaker)
            if entry.get("country"):
                registry.countries[speaker.speaker_id] = entry["country"]
            if entry.get("role_since"):
                until = entry.get("role_until")
                registry.role_terms[speaker.speaker_id] = (
                    dt.date.fromisoformat(entry["role_since"]), dt.date.fromisoformat(until) if until else None)
        return registry

    def _add(self, speaker: Speaker) -> None:
        self._speakers[speaker.speaker_id] = speaker
        for name in (speaker.canonical_name, *speaker.aliases):
            self._index_alias(fold_name(name), speaker.speaker_id)
        if speaker.kind == "person":
            words = strip_titles(fold_name(speaker.canonical_name)).split()
            if len(words) > 1:
                self._surname_index.setdefault(words[-1], set()).add(speaker.speaker_id)

    def _index_alias(self, key: str, speaker_id: str) -> None:
        if not key or key in self._alias_index:
            return
        self._alias_index[key] = speaker_id
        self._fuzzy_buckets.setdefault((" " not in key, len(key)), []).append(key)

    def _fuzzy_choices(self, key: str, single: bool) -> list[str]:
        # ratio = 2M / (a + b) >= t needs min(a, b) / max(a, b) >= t / (2 - t)
        bound = (FUZZY_THRESHOLD / 100) / (2 - FUZZY_THRESHOLD / 100)
        low, high = int(len(key) * bound), int(len(key) / bound) + 1
        return [a for n in range(low, high + 1) for a in self._fuzzy_buckets.get((single, n), ())]

    def fork(self) -> SpeakerRegistry:
        """A registry for one article: it reads everything loaded and writes only to itself,
        so what one article registers never reaches another (extraction is then a pure
        function of the article and the registry as loaded, in any order or worker)."""
        return SpeakerRegistry(
            dict(self._speakers), dict(self._alias_index),
            {k: set(v) for k, v in self._surname_index.items()}, dict(self.countries),
            {k: list(v) for k, v in self._fuzzy_buckets.items()}, role_terms=self.role_terms,
        )

    def get(self, speaker_id: str) -> Speaker | None:
        return self._speakers.get(speaker_id)

    def speakers(self) -> list[Speaker]:
        return list(self._speakers.values())

    def found_in_text(self) -> list[Speaker]:
        """Speakers registered from text, and loaded ones whose role or aliases text filled."""
        return [self._speakers[i] for i in sorted(self._touched)]

    def aliases(self) -> list[SpeakerAlias]:
        out: dict[tuple[str, str], SpeakerAlias] = {}
        for s in self._speakers.values():
            for alias in (s.canonical_name, *s.aliases):
                out.setdefault((s.speaker_id, alias), SpeakerAlias(speaker_id=s.speaker_id, alias=alias))
        return list(out.values())

    def holders_between(self, first: dt.date, last: dt.date) -> list[Speaker]:
        """People whose registry role term covers every day from `first` to `last`."""
        return [self._speakers[i] for i, (since, until) in sorted(self.role_terms.items())
                if since <= first and (until is None or last < until)]

    def current_holders(self) -> list[Speaker]:
        """People whose registry role term has no end."""
        return [self._speakers[i] for i, (_since, until) in sorted(self.role_terms.items()) if until is None]

    def country_of(self, speaker: Speaker) -> str | None:
        return self.countries.get(speaker.speaker_id) or (
            speaker.canonical_name if speaker.role == "state" else None
        )

    def resolve(self, mention: str, kind: str | None = None, gender: str | None = None) -> Speaker | None:
        """Exact alias, then unique surname, then fuzzy name; None when unsure."""
        folded = fold_name(mention)
        if not folded:
            return None
        for key in (folded, strip_titles(folded)):
            if key in self._alias_index:
                found = self._speakers[self._alias_index[key]]
                return found if _compatible(found, kind, gender) else None
        key = strip_titles(folded)
        words = key.split()
        if len(words) == 1 and kind != "organisation":
            ids = [i for i in self._surname_index.get(words[0], ()) if _compatible(self._speakers[i], kind, gender)]
            if len(ids) == 1:
                return self._speakers[ids[0]]
        return self._fuzzy(key, kind, gender)

    def _fuzzy(self, key: str, kind: str | None, gender: str | None) -> Speaker | None:
        single = " " not in key
        if single and (len(key) < FUZZY_MIN_SINGLE_TOKEN or not key[0].isalpha()):
            return None
        choices = self._fuzzy_choices(key, single)
        best = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=3)
        ids = {self._alias_index[a] for a, _score, _i in best if (not single or a[0] == key[0]) and _one_name(key, a)}
        ids = {i for i in ids if _compatible(self._speakers[i], kind, gender)}
        if len(ids) == 1:
            return self._speakers[ids.pop()]
        return None

    def register(
        self,
        name: str,
        role: str | None = None,
        kind: str = "person",
        gender: str = "unknown",
        organisation: str | None = None,
        reuse_alias: bool = True,
    ) -> Speaker:
        """A speaker found in text; an existing entry is returned (its role filled if empty).

        `reuse_alias=False` registers the name as its own speaker even when it is another
        speaker's alias (a surname that several people of one article share)."""
        name = " ".join(name.split()).strip(" ,.;:")
        existing = self._alias_index.get(fold_name(name)) if reuse_alias else None
        if existing:
            speaker = self._speakers[existing]
            update = {}
            if role and not speaker.role:
                update["role"] = role
            if gender != "unknown" and speaker.gender == "unknown":
                update["gender"] = gender
            if update:  # a copy: the loaded registry this one was forked from stays as it was
                speaker = self._speakers[existing] = speaker.model_copy(update=update)
                self._touched.add(existing)
            return speaker
        speaker = Speaker(
            speaker_id=speaker_id_for(name),
            canonical_name=name,
            kind=kind,
            role=role,
            organisation=organisation,
            gender=gender if gender in ("female", "male") else "unknown",
            aliases=[],
            origin="text",
        )
        if speaker.speaker_id in self._speakers:  # same slug, different spelling
            return self._speakers[speaker.speaker_id]
        self._add(speaker)
        self._touched.add(speaker.speaker_id)
        return speaker

    def add_alias(self, speaker: Speaker, alias: str) -> None:
        key = fold_name(alias)
        if key and key not in self._alias_index:
            self._speakers[speaker.speaker_id] = speaker.model_copy(update={"aliases": [*speaker.aliases, alias]})
            self._index_alias(key, speaker.speaker_id)
            self._touched.add(speaker.speaker_id)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    data = json.loads(FIRST_NAMES_PATH.read_text(encoding="utf-8"))
    return {**{n: "female" for n in data["female"]}, **{n: "male" for n in data["male"]}}


def gender_of_name(name: str) -> str:
    """'female', 'male' or 'unknown' from a full name's first word (after titles)."""
    words = strip_titles(fold_name(name)).split()
    if len(words) < 2:
        return "unknown"
    return _first_names().get(words[0], "unknown")


def _compatible(speaker: Speaker, kind: str | None, gender: str | None) -> bool:
    if kind and speaker.kind != kind:
        return False
    return not (gender in ("female", "male") and speaker.gender not in (gender, "unknown"))


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    demonyms = load_json("demonyms.json")["demonyms"]
    return frozenset(fold_name(w) for w in [*demonyms, *demonyms.values()] if " " not in w)


def _one_name(key: str, alias: str) -> bool:
    """Fuzzy matching is for spellings of one name: another country ("Japan's Foreign Ministry"
    for "Iran's Foreign Ministry") or a role noun for an organisation noun ("Russian Foreign
    Minister" for "... Ministry") names someone else."""
    countries = _country_words()
    k, a = key.split(), alias.split()
    if {w.removesuffix("'s") for w in k} & countries != {w.removesuffix("'s") for w in a} & countries:
        return False
    return k[-1] == a[-1] or not (k[-1] in PERSON_ROLE_NOUNS or a[-1] in PERSON_ROLE_NOUNS)
