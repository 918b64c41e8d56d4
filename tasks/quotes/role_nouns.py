"""Role nouns against the article's salience order: "the ministry said", "the deputy minister",
"the Russian side", "Russian diplomat: ..." (in a headline: the holder the story names later).

`organisation_for_role` and `person_for_role` are called by the subject patterns of
`tasks.quotes.subjects` and by the headline frames; which roles fit whom is data
(`tasks.quotes.roles`, `data/roles.json`).
"""
from __future__ import annotations

from spacy.tokens import Token

from tasks.lexicon import DATELINE_LEAD, FEMALE_ROLES, GENERIC_ROLES, MALE_ROLES, STATEMENT_NOUNS
from tasks.nlp import doc_text
from tasks.quotes.context import ArticleContext, Entity
from tasks.quotes.mentions import entity_at
from tasks.quotes.registry import fold_name
from tasks.quotes.role_holders import registry_holder
from tasks.quotes.roles import (
    ROLE_FITS,
    compatible,
    demonym_country,
    entity_country,
    idiom_in,
    outranked,
    phrase_words,
    role_fits,
)


def _not_a_state(e: Entity) -> bool:
    return e.speaker is None or e.speaker.role != "state"


def organisation_for_role(ctx: ArticleContext, head: Token, country: str | None = None) -> Entity | None:
    """'the Russian side' -> Russia's organisation speaking; 'the report said' -> an
    organisation (else a person) that spoke before; 'the ministry said' -> the ministry named
    before, or the one a recent speaker works for ('Foreign Ministry spokeswoman Jane Doe')."""
    sent, lemma = ctx.sent_index(head), head.lemma_.lower()
    if country:
        found = ctx.recent(head.idx, sent, lambda e: e.country == country and e.kind == "organisation"
                           and _not_a_state(e), subjects_first=True)
        if found is None:
            found = ctx.recent(head.idx, sent, lambda e: e.country == country)
        return found or ctx.org_entity(country)
    if lemma in STATEMENT_NOUNS:
        # never a passing name (a dateline): an organisation that spoke, else a person who did
        return (ctx.recent(head.idx, sent, lambda e: e.kind == "organisation" and _not_a_state(e), speakers_only=True)
                or ctx.recent(head.idx, sent, lambda e: e.kind in ("organisation", "person"), speakers_only=True))
    named = ctx.recent(head.idx, sent, lambda e: e.kind == "organisation" and lemma in fold_name(e.name).split(),
                       speakers_first=True)
    if named is None:
        named = _described_as(ctx, head)
    if named is None:
        named = _registry_phrase_before(ctx, head)
    if named is None:
        person = ctx.recent(head.idx, sent, lambda e: e.kind == "person" and lemma in _org_words(e), speakers_only=True)
        org = _org_name(person, lemma) if person is not None else None
        if org is not None:
            named = ctx.org_entity(org)
    if named is None and "\n" not in doc_text(ctx.doc)[:head.idx]:
        named = _organisation_named_later(ctx, head)
    return named or ctx.recent(head.idx, sent, lambda e: e.kind == "organisation" and _not_a_state(e)
                               and not _dateline_only(ctx, e))


def _nouns_by_lemma(doc) -> dict[str, list[int]]:
    nouns = doc.user_data.get("claimcheck_nouns_by_lemma")
    if nouns is None:  # built once per article: one pass, not one per role noun (issue 16)
        nouns = {}
        for t in doc:
            if t.pos_ == "NOUN":
                nouns.setdefault(t.lemma_.lower(), []).append(t.i)
        doc.user_data["claimcheck_nouns_by_lemma"] = nouns
    return nouns


def _described_as(ctx: ArticleContext, head: Token) -> Entity | None:
    """'the production company said' after "Lumen Pictures, the production company behind the
    film," (or "the production company Lumen Pictures"): the latest organisation the story
    described with that noun before, not the last one it named."""
    doc, lemma = ctx.doc, head.lemma_.lower()
    found = None
    for t in (doc[i] for i in _nouns_by_lemma(doc).get(lemma, ()) if i < head.i):
        near = [t.head] if t.dep_ in ("appos", "compound") else []
        near += [c for c in t.children if c.dep_ == "appos"]
        for n in near:
            ent = entity_at(doc, n)
            if ent is not None and ent.label_ == "ORG" and not ent.start <= t.i < ent.end:
                entity = ctx.entity_for_span(ent)
                found = entity if entity is not None and entity.kind == "organisation" else found
    return found


def _registry_phrase_before(ctx: ArticleContext, head: Token) -> Entity | None:
    """'the ministry said' after "Russia's foreign ministry summoned ..." written in lower case,
    which the tagger leaves untagged: the latest earlier phrase headed by the same noun that
    names a registry organisation. Only the registry's names count, so a lower-case "the
    ministry" alone never becomes an organisation here."""
    doc, lemma = ctx.doc, head.lemma_.lower()
    # the tagger often calls such a lower-case head PROPN, so not the NOUN index
    for t in (i for i in range(head.i - 1, -1, -1) if doc[i].lower_ == lemma or doc[i].lemma_.lower() == lemma):
        phrase = doc[doc[t].left_edge.i:t + 1]
        if len(phrase) < 2 or not any(w.text[:1].isupper() for w in phrase[:-1]):
            continue
        speaker = ctx.registry.resolve(phrase.text, kind="organisation")
        if speaker is not None and speaker.kind == "organisation" and speaker.origin != "text":
            return ctx.org_entity(speaker.canonical_name)
    return None


def _dateline_only(ctx: ArticleContext, e: Entity) -> bool:
    """An organisation named only in a wire dateline ("KYIV (AP) — "): the agency reporting,
    never "the ministry" of the story."""
    spans = ctx.doc.user_data.get("claimcheck_datelines")
    if spans is None:
        body, spans, pos = doc_text(ctx.doc), [], 0
        for line in body.split("\n")[:6]:
            lead = DATELINE_LEAD.match(line)
            if lead:
                spans.append((pos, pos + lead.end()))
            pos += len(line) + 1
        ctx.doc.user_data["claimcheck_datelines"] = spans
    where = [m.pos for m in ctx.mentions if m.entity is e]
    return bool(spans and where) and all(any(a <= p < b for a, b in spans) for p in where)


def _organisation_named_later(ctx: ArticleContext, head: Token) -> Entity | None:
    """In a headline ("..., foreign office says"): the organisation the story names later whose
    name holds the phrase's words, the fullest when one name holds the others."""
    words = {t.lower_ for t in head.lefts if t.pos_ in ("NOUN", "ADJ", "PROPN")} | {head.lemma_.lower()}
    later = {id(m.entity): m.entity for m in ctx.mentions if m.pos > head.idx and m.entity.kind == "organisation"
             and words <= set(fold_name(m.entity.name).split())}
    names = [(e, set(fold_name(e.name).split())) for e in later.values()]
    full = [e for e, w in names if all(o <= w for _, o in names)]
    return full[0] if len(full) == 1 else None


def person_for_role(ctx: ArticleContext, head: Token) -> Entity | None:
    """'the deputy minister said' -> the latest person whose roles hold every role word (none
    before, as in a headline: the one holder the story names later); 'the official said' (a generic role)
    or no holder -> the latest fitting person; 'the spokeswoman' never a man; 'the Russian
    leader' never a Kazakh president; 'the envoy' an ambassador (`tasks.quotes.roles`)."""
    sent = ctx.sent_index(head)
    words = _role_words(head)
    country = demonym_country(words)  # checked against the person's country, not their role words
    words = {w for w in words if demonym_country([w]) is None}
    gender = "female" if words & FEMALE_ROLES else "male" if words & MALE_ROLES else None

    def fits(e: Entity) -> bool:
        return e.kind == "person" and (gender is None or e.gender in (gender, "unknown")) and compatible(e, words, country)

    def holds(e: Entity) -> bool:
        known = e.role_words()
        return fits(e) and not outranked(words, e) and all(w == "the" or _held(ctx, w, known) for w in words)

    generic = bool(words & GENERIC_ROLES)
    headline = "\n" not in doc_text(ctx.doc)[:head.idx]
    # "the Foreign Ministry's official representative": a generic role's other words still tell
    qualifying = words - GENERIC_ROLES - ROLE_FITS.keys() - {"the"}

    def pick(want) -> Entity | None:
        if not generic or qualifying:
            specific = ctx.recent(head.idx, sent, lambda e: (holds(e) if not generic else fits(e) and all(
                _held(ctx, w, e.role_words()) for w in qualifying)) and want(e), subjects_first=False)
            if specific is not None:
                return specific
        # no holder before: in a headline the one holder the story names later; in the body the
        # one the registry says holds it ("The EU's foreign policy chief said ... Borrell said")
        if not generic or words & ROLE_FITS.keys():
            later = {id(m.entity): m.entity for m in ctx.mentions if m.pos > head.idx and holds(m.entity) and want(m.entity)
                     and (headline or _registry_holds(ctx, m.entity, words))}
            if len(later) == 1:
                return next(iter(later.values()))
        return ctx.recent(head.idx, sent, lambda e: fits(e) and want(e))

    # "the Armenian minister": one known to be Armenian before one of unknown country
    found = pick(lambda e: entity_country(e) == country) if country else None
    found = found or pick(lambda e: True)
    if found is None and not generic and not any(holds(m.entity) for m in ctx.mentions):
        # no holder in the story: the registry's at the article's date ("the Kremlin spokesman")
        found = registry_holder(ctx, head, words, lambda w, known: _held(ctx, w, known))
        if found is not None:
            ctx.registry_entities.append(found)
    if found is not None and any(found is e for e in ctx.registry_entities):
        ctx.registry_roles.add(head.idx)  # also a later "the Kremlin spokesman said": the same guess
    return found


def _role_words(head: Token) -> set[str]:
    """The words of a role phrase: its modifiers and head, idioms read as roles ("top diplomat",
    "the head of Russian diplomacy" -> foreign minister; `tasks.quotes.roles.phrase_words`)."""
    words = {t.lower_ for t in _own_lefts(head) if t.pos_ in ("NOUN", "ADJ", "PROPN")} | {head.lemma_.lower(), head.lower_}
    of = [c for p in head.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    if of:
        phrase = words | {"of", of[0].lower_} | {t.lower_ for t in of[0].lefts if t.pos_ in ("ADJ", "PROPN")}
        if idiom_in(phrase):
            return phrase_words(phrase) - {"of"}
    return phrase_words(words)


def _own_lefts(head: Token) -> list[Token]:
    """The head's left modifiers within its own phrase: a parse across a spaced dash or a comma
    ("... for new weapons - Russian diplomat") is not the role's ("new" is no role word); a
    hyphen inside a word ("vice-president") is no break."""
    doc = head.doc
    breaks = [t.i for t in doc[head.left_edge.i:head.i] if t.is_punct and t.whitespace_]
    return [t for t in head.lefts if not breaks or t.i > max(breaks)]


def holds_role(ctx: ArticleContext, head: Token, e: Entity) -> bool:
    """Whether a person's roles hold every word of the role phrase headed here ("Russia's UN
    envoy": an ambassador to the United Nations), its country apart."""
    words = {w for w in _role_words(head) if demonym_country([w]) is None}
    known = e.role_words()
    return not outranked(words, e) and all(w == "the" or _held(ctx, w, known) for w in words)


def _registry_holds(ctx: ArticleContext, e: Entity, words: set[str]) -> bool:
    """The registry's role and organisation alone hold every role word (not roles met in text)."""
    if e.speaker is None or e.speaker.origin != "registry":
        return False
    known = set(fold_name(f"{e.speaker.role or ''} {e.speaker.organisation or ''}").split())
    return all(w == "the" or _held(ctx, w, known) for w in words)


def _held(ctx: ArticleContext, word: str, known: set[str]) -> bool:
    """A role word the person's role holds; an abbreviation ("UN") by the organisation's words."""
    if role_fits(word, known):
        return True
    if len(word) > 4 or not word.replace(".", "").isalpha():
        return False
    org = ctx.registry.resolve(word, kind="organisation")
    return org is not None and set(fold_name(org.canonical_name).split()) <= known


def _org_words(entity: Entity) -> set[str]:
    org = entity.speaker.organisation if entity.speaker is not None and entity.speaker.organisation else ""
    return set(fold_name(" ".join([org, *entity.roles])).split())


def _org_name(entity: Entity, lemma: str) -> str | None:
    """The organisation a person speaks for: the registry's, else the role phrase up to the
    organisation noun ("Iranian Foreign Ministry spokesman" -> "Iranian Foreign Ministry")."""
    if entity.speaker is not None and entity.speaker.organisation and lemma in fold_name(entity.speaker.organisation).split():
        return entity.speaker.organisation
    for role in entity.roles:
        words = role.split()
        ends = [i for i, w in enumerate(words) if fold_name(w) == lemma]
        prefix = words[:ends[-1] + 1] if ends else []
        if len(prefix) >= 2 and all(w[:1].isupper() for w in prefix):
            return " ".join(prefix)
    return None
