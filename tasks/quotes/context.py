"""Who said it: cue verbs, their speaker mentions, and resolving a mention in article context.

`ArticleContext` is built once per Doc. It groups the article's named people and
organisations (so "Peskov" means the "Dmitry Peskov" named earlier, and the headline's
"Zakharova" the one named later), remembers roles from appositions ("Kremlin spokesman
Dmitry Peskov", "Maria Zakharova, the official representative of ..."), and keeps the
salience order that pronouns and role nouns ("she", "it", "the ministry", "the deputy
minister", "the Russian side") are resolved against.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from models import Speaker
from tasks.lexicon import (
    FEMALE_ROLES,
    MALE_ROLES,
    ORG_ROLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
)
from tasks.nlp import doc_text
from tasks.quotes.mentions import (
    COUNTRY_NAMES,
    ORG_LABELS,
    PERSON_LABELS,
    gender_from_titles,
    is_person,
    name_before_break,
    name_words,
    with_nationality,
)
from tasks.quotes.registry import SpeakerRegistry, fold_name, gender_of_name
from tasks.quotes.roles import demonym_country

_PERSON_LABELS = PERSON_LABELS
_ORG_LABELS = ORG_LABELS
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# How far back (in sentences) a pronoun or role noun may reach for its referent.
_WINDOW = 12
# Sentences after which a subject or speaker yields to a name in the previous sentence.
_STALE = 3


@dataclass
class Entity:
    """A person or organisation of this article (not yet a registry speaker)."""

    name: str
    kind: str
    gender: str = "unknown"
    roles: list[str] = field(default_factory=list)
    speaker: Speaker | None = None
    country: str | None = None
    # The name this article gives the speaker when fuller than the registry's canonical
    # one ("Donald J. Trump"), or the bare surname shared by several people ("Khan").
    display: str | None = None
    ambiguous: bool = False

    def role_words(self) -> set[str]:
        words = {w for r in self.roles for w in fold_name(r).split()}
        if self.speaker is not None:
            words |= set(fold_name(f"{self.speaker.role or ''} {self.speaker.organisation or ''}").split())
        return words


@dataclass
class Mention:
    pos: int
    sent: int
    entity: Entity
    subject: bool  # subject of a main clause or of a cue verb: more salient
    speaker: bool = False  # attributed a quote
    clause_subject: bool = False  # subject of a relative or adverbial clause ("the reason X is ...")


class ArticleContext:
    def __init__(self, doc: Doc, registry: SpeakerRegistry, quoted: list[tuple[int, int]] = (),
                 published: tuple[dt.date, dt.date] | None = None):
        self.doc = doc
        self.published = published  # the first and last day the article's date may be
        # role phrases given the registry's holder at the article's date (offsets), and those holders
        self.registry_roles: set[int] = set()
        self.registry_entities: list[Entity] = []
        self.quoted = sorted(quoted)
        self.registry = registry
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._surnames: dict[str, list[Entity]] = {}
        self._sent_of: dict[int, int] = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                self._sent_of[t.i] = n
        self.mentions: list[Mention] = []
        self._name_spans: dict[str, Span] | None = None
        self._collect_entities()

    # ---- building -------------------------------------------------------------------
    def sent_index(self, token: Token) -> int:
        return self._sent_of.get(token.i, 0)

    def _collect_entities(self) -> None:
        people = [e for e in self.doc.ents if is_person(e)]
        # Full names first, so surnames anywhere (even in the headline) find them.
        for ent in sorted(people, key=lambda e: -len(name_words(e))):
            words = name_words(ent)
            if len(words) >= 2:
                self.person_entity(" ".join(words), ent)
        for ent in self.doc.ents:
            if is_person(ent):
                entity = self.person_entity(" ".join(name_words(ent)), ent)
            elif ent.label_ in _ORG_LABELS:
                prefixed = self.country_prefixed(ent)
                entity = self.person_entity(prefixed) if prefixed else self.org_entity(with_nationality(ent, self.registry))
            else:
                continue
            if entity is None:
                continue
            self._note_roles(ent, entity)
            root = ent.root
            # main-clause subjects outside quotations are what a later "he" or "she" picks up
            # (or in apposition to one: "The foreign minister, Jane Doe, plays down ...")
            anchor = root.head if root.dep_ == "appos" else root
            subject = (anchor.dep_ in _SUBJECT_DEPS and anchor.head.dep_ in ("ROOT", "conj")
                       and not self.in_quote(ent.start_char))
            clause_subject = (anchor.dep_ in _SUBJECT_DEPS and anchor.head.dep_ in ("relcl", "advcl")
                              and not self.in_quote(ent.start_char))
            self.mentions.append(Mention(ent.start_char, self.sent_index(root), entity, subject, False, clause_subject))
        # surnames the tagger missed ("Scarborough, who ..., said") are mentions too
        in_ent = {i for ent in self.doc.ents for i in range(ent.start, ent.end)}
        for t in self.doc:
            if t.i in in_ent or not t.is_alpha or not t.text[:1].isupper():
                continue
            same = [e for e in self._surnames.get(fold_name(t.text), []) if not e.ambiguous]
            if len(same) != 1:
                continue
            subject = t.dep_ in _SUBJECT_DEPS and t.head.dep_ in ("ROOT", "conj") and not self.in_quote(t.idx)
            self.mentions.append(Mention(t.idx, self.sent_index(t), same[0], subject))
        self.mentions.sort(key=lambda m: m.pos)

    def person_entity(self, name: str, ent: Span | None = None) -> Entity | None:
        words = name.split()
        if not words or not name[0].isalpha():
            return None
        surname = fold_name(words[-1])
        gender = gender_from_titles(ent) if ent is not None else "unknown"
        if len(words) == 1:
            # a surname alone means a full name of this article before any registry person:
            # the one person so named, or (several: "Khizr and Ghazala Khan") the surname itself
            same = [e for e in self._surnames.get(surname, []) if not e.ambiguous]
            if len(same) == 1:
                entity = same[0]
                if gender != "unknown" and entity.gender == "unknown":
                    entity.gender = gender
                return entity
            if len(same) > 1:
                return self._ambiguous_surname(words[0], surname)
        speaker = self.registry.resolve(name, kind="person")
        if speaker is not None and len(words) == 1 and speaker.origin == "text" and len(speaker.canonical_name.split()) > 1:
            speaker = None  # a surname met in another article is no evidence here
        key = speaker.speaker_id if speaker else "p:" + fold_name(name)
        if key in self._by_key:
            entity = self._by_key[key]
        else:
            entity = Entity(name=speaker.canonical_name if speaker else name, kind="person",
                            gender=speaker.gender if speaker else "unknown", speaker=speaker,
                            country=self.registry.country_of(speaker) if speaker else None)
            self._by_key[key] = entity
            self.entities.append(entity)
            self._surnames.setdefault(surname, []).append(entity)
        if len(words) > len(entity.name.split()) and entity.speaker is None:
            entity.name = name
        elif entity.speaker is not None and len(words) > len((entity.display or entity.name).split()):
            # "Donald J. Trump" for the registry's "Donald Trump": the article's fullest form
            # (unless the article also writes the canonical form itself)
            canon = set(fold_name(entity.speaker.canonical_name).split())
            if canon <= set(fold_name(name).split()) and entity.speaker.canonical_name not in doc_text(self.doc):
                entity.display = name
        if gender != "unknown" and entity.gender == "unknown":
            entity.gender = gender
        if entity.gender == "unknown":
            entity.gender = gender_of_name(name)
        return entity

    def _ambiguous_surname(self, word: str, surname: str) -> Entity:
        key = "p?:" + surname
        if key not in self._by_key:
            entity = Entity(name=word, kind="person", display=word, ambiguous=True)
            self._by_key[key] = entity
            self.entities.append(entity)
        return self._by_key[key]

    def org_entity(self, text: str) -> Entity | None:
        name = " ".join(w for w in text.split() if w.lower() not in ("the", "a", "an")).strip(" ,.'")
        name = name.removesuffix("'s")
        if "(" in name and ")" not in name:  # "Vox Populi (Voice of People": the tagger cut a gloss
            name = name[:name.index("(")].strip()
        name = name_before_break(name)
        if not name or not name[0].isalnum():
            return None
        speaker = self.registry.resolve(name)
        if (speaker is not None and speaker.origin == "text" and speaker.kind == "person"
                and fold_name(name) != fold_name(speaker.canonical_name)):
            speaker = None  # a person's surname met in another article is no evidence here
        key = speaker.speaker_id if speaker else "o:" + fold_name(name)
        known = self._by_key.get(key)  # "the Foreign Ministry" after (in a title: before) "Russian Foreign Ministry"
        if speaker is None and (known is None or known.speaker is None or known.speaker.origin == "text") and (
                fuller := self._fuller_organisation(fold_name(name))):
            self._by_key[key] = fuller
        if key not in self._by_key:
            kind = speaker.kind if speaker else "organisation"
            entity = Entity(name=speaker.canonical_name if speaker else name, kind=kind,
                            gender=speaker.gender if speaker else "unknown", speaker=speaker,
                            country=self.registry.country_of(speaker) if speaker else demonym_country(name.split()))
            self._by_key[key] = entity
            self.entities.append(entity)
        return self._by_key[key]

    def _fuller_organisation(self, folded: str) -> Entity | None:
        """The one registry organisation of this article whose name ends with this shorter
        one ("foreign ministry" -> "Russian Foreign Ministry"); None when none or several.
        Only registry entries: merging text names too ("Times" -> "New York Times") cost 4
        speakers on polnear-train-wide, whose key keeps the short form the article uses."""
        names = {e.name for e in self.entities if e.kind == "organisation" and e.speaker is not None
                 and e.speaker.origin == "registry"}
        # "Maria Zakharova said ... the Foreign Ministry said": the organisation a registry
        # person of this article speaks for counts as named
        names |= {e.speaker.organisation for e in self.entities if e.kind == "person" and e.speaker is not None
                  and e.speaker.origin == "registry" and e.speaker.organisation}
        found = {n for n in names if fold_name(n).endswith(" " + folded)}
        if len(found) != 1:
            return None
        name = found.pop()
        speaker = self.registry.resolve(name, kind="organisation")
        return self.org_entity(name) if speaker is not None and speaker.origin == "registry" else None

    def _note_roles(self, ent: Span, entity: Entity) -> None:
        """Role words around a name: 'Kremlin spokesman Dmitry Peskov', 'X, the official ...'."""
        root = ent.root
        before = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")]
        if before:
            start = min(t.left_edge.i for t in before)
            role = self.doc[start:ent.start].text
            if any(w.lower() in PERSON_ROLE_NOUNS or w.lower() in ORG_ROLE_NOUNS for w in role.split()):
                entity.roles.append(role)
        for t in root.rights:
            if t.dep_ == "appos" and t.pos_ == "NOUN":
                entity.roles.append(self.doc[t.left_edge.i:t.right_edge.i + 1].text)
        # "the spokesperson for X, Maria Zakharova": the name is in apposition to the role
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            head = root.head
            entity.roles.append(self.doc[head.left_edge.i:head.i + 1].text)
        if entity.gender == "unknown":
            for role in entity.roles:
                words = set(fold_name(role).split())
                if words & FEMALE_ROLES:
                    entity.gender = "female"
                elif words & MALE_ROLES:
                    entity.gender = "male"

    def knows_surname(self, word: str) -> bool:
        """A surname of someone this article names ("Okoro" after "Jane Okoro")."""
        return fold_name(word) in self._surnames

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    # ---- resolving a speaker mention ------------------------------------------------
    def names_by_text(self) -> dict[str, Span]:
        """The article's person and organisation entity spans by text (built once)."""
        if self._name_spans is None:
            self._name_spans = {}
            for e in self.doc.ents:
                if e.label_ in _PERSON_LABELS | _ORG_LABELS:
                    self._name_spans.setdefault(e.text, e)
        return self._name_spans

    def country_prefixed(self, ent: Span) -> str | None:
        """'Foreign Minister of Armenia Ararat Mirzoyan': the tagger runs the country into the
        name that follows it (as a person or an organisation); the person's name, or None."""
        if len(ent) < 3 or fold_name(ent[0].text) not in COUNTRY_NAMES:
            return None
        rest = [t for t in ent[1:]]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in rest):
            return None
        name = " ".join(t.text for t in rest)
        surname = rest[-1].text
        elsewhere = any(t.text == surname for t in self.doc if not ent.start <= t.i < ent.end)
        if (self.registry.resolve(name, kind="person") is not None or gender_of_name(name) != "unknown"
                or elsewhere):
            return name
        return None

    def entity_for_span(self, ent: Span, prefer_org: bool = False) -> Entity | None:
        prefixed = self.country_prefixed(ent)
        if prefixed is not None:
            return self.person_entity(prefixed)
        if is_person(ent) and not prefer_org:
            return self.person_entity(" ".join(name_words(ent)), ent)
        text = ent.text
        if ent.label_ in _PERSON_LABELS or (not prefer_org and len(ent) == 1 and fold_name(text) in self._surnames):
            return self.person_entity(" ".join(name_words(ent)), ent)
        return self.org_entity(with_nationality(ent, self.registry))

    def recent(self, before: int, sent: int, want, subjects_first: bool = True,
                speakers_first: bool = False, speakers_only: bool = False, recency: bool = False) -> Entity | None:
        # nested speech: people named or speaking inside a quotation are the quoted speaker's
        # content, not referents for the reporter's "she" or "the official" outside it
        outside = not self.in_quote(before)
        pool = [m for m in self.mentions if m.pos < before and sent - m.sent <= _WINDOW and want(m.entity)
                and (m.speaker or not speakers_only) and not (outside and self.in_quote(m.pos))]
        if not pool:
            return None
        if speakers_first:
            spoke = [m for m in pool if m.speaker]
            if spoke:
                return spoke[-1].entity
        if subjects_first:
            # the latest speaker or main-clause subject beats a later passing mention
            salient = [m for m in pool if m.speaker or m.subject]
            # a subject of a subordinate clause in this or the previous sentence is fresher
            # than an older main-clause subject (not than its own sentence's: "Doe said ... because Roe agreed")
            fresh = [m for m in pool if m.clause_subject and m.sent >= sent - 1]
            if fresh and (not salient or fresh[-1].pos > salient[-1].pos and salient[-1].sent != fresh[-1].sent):
                return fresh[-1].entity
            # a name in the previous sentence beats a subject or speaker several sentences older
            near = [m for m in pool if m.sent >= sent - 1]
            if recency and salient and near and near[-1].entity is not salient[-1].entity \
                    and near[-1].entity.gender != "unknown" \
                    and near[-1].sent - salient[-1].sent >= _STALE \
                    and len({id(m.entity) for m in near}) == 1:
                return near[-1].entity
            if salient and salient[-1].speaker and salient[-1].clause_subject:
                # "Doe balked when Roe asked whether ...": the questioner does not outrank the
                # main clause's subject of the same sentence
                main = [m for m in salient if m.sent == salient[-1].sent and m.subject and not m.clause_subject]
                if main:
                    return main[-1].entity
            if salient:
                return salient[-1].entity
        return pool[-1].entity

    def resolve_pronoun(self, token: Token) -> Entity | None:
        low = token.lower_
        sent = self.sent_index(token)
        if low in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[low]
            return self.recent(token.idx, sent, lambda e: e.kind == "person" and e.gender in (gender, "unknown"),
                                recency=True)
        if low == "it":
            return self.recent(token.idx, sent, lambda e: e.kind == "organisation", speakers_first=True)
        if low == "they":
            found = self.recent(token.idx, sent, lambda e: True)
            return found if found is not None and found.kind == "organisation" else None
        return None

    def note_speaker(self, entity: Entity, pos: int, sent: int, clause: bool = False) -> None:
        """Record an attribution: it makes the entity the most salient referent (`clause`: the
        speaker of a subordinate clause, "when Roe asked whether ...")."""
        self.mentions.append(Mention(pos, sent, entity, True, speaker=True, clause_subject=clause))
        self.mentions.sort(key=lambda m: m.pos)

    def speaker_for(self, entity: Entity | None) -> Speaker | None:
        """The registry speaker for an entity, registering speakers found only in text."""
        if entity is None:
            return None
        if entity.speaker is None:
            role = entity.roles[0] if entity.roles else None
            entity.speaker = self.registry.register(entity.name, role=role, kind=entity.kind, gender=entity.gender,
                                                    reuse_alias=not entity.ambiguous)
        return entity.speaker

    @staticmethod
    def name_for(entity: Entity | None, speaker: Speaker | None) -> str | None:
        """The speaker's name as this article's quotes report it."""
        if speaker is None:
            return None
        return (entity.display if entity is not None and entity.display else None) or speaker.canonical_name


def unresolved_surname(entity: Entity | None) -> bool:
    """A person this article names by a bare surname only ("Mr. Okafor said"), not one of
    several people sharing it: corpus-level linking may find the full name elsewhere."""
    if entity is None or entity.kind != "person" or entity.ambiguous or entity.speaker is None \
            or entity.speaker.origin != "text":
        return False
    name = entity.speaker.canonical_name
    return len(name.split()) == 1 and name[:1].isupper() and name.isalpha()
