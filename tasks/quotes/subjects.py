"""Who a cue's subject is: one named pattern per kind of speaker mention, tried in order.

`resolve_subject(ctx, head)` turns the head of a subject noun phrase into an article entity
(`tasks.quotes.context.Entity`) and the mention as written. Each pattern of
`SUBJECT_PATTERNS` answers (entity or None, mention) when it applies, or `None` when it does
not; an answer of (None, mention) is final: "a spokesman said" has no speaker.
Role nouns ("the ministry", "the deputy minister") are resolved against the article's
salience order by `tasks.quotes.role_nouns`; institutions ("police said") and which roles fit
whom are data (`tasks.quotes.roles`, `data/roles.json`).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tasks.lexicon import (
    AGENT_ROLE_NOUNS,
    COUNTRY_VOICES,
    DATELINE_LEAD,
    FEMALE_ROLES,
    MALE_ROLES,
    ORG_PRONOUNS,
    ORG_ROLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    RECEIVING_VERBS,
    SPEECH_NOUNS,
    STATEMENT_NOUNS,
)
from tasks.nlp import sentence_ents
from tasks.quotes.context import ArticleContext, Entity
from tasks.quotes.descriptions import (
    holder_run_into_title,
    identified_as,
    included_member,
    named_organisation_apposition,
    party_member,
    untagged_person_name,
)
from tasks.quotes.mentions import (
    DEMONYMS,
    ORG_LABELS,
    PERSON_LABELS,
    entity_at,
    first_relcl,
    last_named_conjunct,
    relative_antecedent,
    takes_its,
    topic_of,
)
from tasks.quotes.registry import fold_name
from tasks.quotes.role_nouns import holds_role, organisation_for_role, person_for_role
from tasks.quotes.roles import article_country, demonym_country, demonym_of, institution

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}

Answer = tuple[Entity | None, str] | None


@dataclass
class Phrase:
    """A subject noun phrase, read once for every pattern."""

    head: Token
    span: Span
    mention: str  # as written, without a dateline run into it
    low: str
    lemma: str
    names: list[Span]  # person and organisation names in the phrase
    modifiers: list[Token]  # compounds, adjectives, possessors, "for/of/from/at" phrases
    mod_ents: list[Span]  # names inside the modifiers

    @classmethod
    def of(cls, head: Token) -> Phrase:
        doc = head.doc
        antecedent = relative_antecedent(head)
        if antecedent is not None:  # "Jane Doe, who said ...": the relative clause's noun
            head = antecedent
        if head.lower_ in ("all", "both", "each") and head.dep_ == "appos":  # "with Doe and Roe all calling for"
            head = last_named_conjunct(head.head) or head.head
        # "Jane Doe and John Roe said": the annotation convention names the last conjunct
        last = last_named_conjunct(head) if head.dep_ in _SUBJECT_DEPS else None
        if last is None and head.tag_ in ("NNS", "NNPS"):  # "the three scholars - Doe, Roe and Poe -"
            listed = next((c for c in head.rights if c.dep_ == "appos" and c.ent_type_ in PERSON_LABELS), None)
            last = last_named_conjunct(listed) if listed is not None else None
        if last is not None:
            head = last
        span = doc[head.left_edge.i: head.right_edge.i + 1]
        # "the chairman, Jane Doe, tweeted Sunday": the cue parsed as the noun's clause is not its words
        clause = next((c for c in head.rights if c.dep_ == "acl" and c.tag_ != "VBG" and doc[c.left_edge.i - 1].text == ","), None)
        if clause is not None:
            span = doc[head.left_edge.i: clause.left_edge.i]
        if antecedent is not None:
            span = doc[head.left_edge.i: min(head.right_edge.i + 1, first_relcl(head))]
        mention = span.text.strip(" ,")
        if lead := DATELINE_LEAD.match(mention):  # "ANKARA (AA) - Turkish President X" as one phrase
            mention = mention[lead.end():] or mention
            # "UNITED NATIONS (AP) - Russia's envoy X told": the dateline's place heads the
            # phrase; the speaker is the name in apposition after it
            after = [c for c in head.rights if c.dep_ == "appos" and c.idx >= span.start_char + lead.end()]
            if after and head.idx < span.start_char + lead.end():
                head = after[-1]
                span = doc[head.left_edge.i: head.right_edge.i + 1]
                mention = span.text.strip(" ,")
        # a lower-case span ("the secretary of state") is a common noun the tagger took for a name
        names = [e for e in sentence_ents(span) if e.label_ in PERSON_LABELS | ORG_LABELS and e.label_ != "NORP"
                 and any(t.text[:1].isupper() or t.text[:1].isdigit() for t in e)]
        modifiers = [t for t in head.children if t.dep_ in ("compound", "amod", "poss", "nmod") or
                     (t.dep_ == "prep" and t.lower_ in ("for", "of", "from", "at"))]
        mod_ents = [e for e in names if any(m.left_edge.i <= e.start and e.end - 1 <= m.right_edge.i for m in modifiers)]
        return cls(head, span, mention, head.lower_, head.lemma_.lower(), names, modifiers, mod_ents)


def resolve_subject(ctx: ArticleContext, head: Token) -> tuple[Entity | None, str]:
    """The entity a subject noun phrase refers to, and the mention as written."""
    phrase = Phrase.of(head)
    for pattern in SUBJECT_PATTERNS:
        answer = pattern(ctx, phrase)
        if answer is not None:
            return answer
    return None, phrase.mention


def institution_noun(ctx: ArticleContext, p: Phrase) -> Answer:
    """'Police said' -> the police of the story's country ('Russian police'); 'Ukraine's air
    force said' -> 'Ukrainian air force'; 'prosecutors said' after "the Istanbul Chief
    Prosecutor's Office said" -> that office; 'Moscow police' -> itself. Never the city named
    before, never a person."""
    name = institution(p.head)
    ent = entity_at(ctx.doc, p.head)
    if name is None or (ent is not None and len(ent) > 1):
        return None
    country = demonym_country(t.text for t in p.head.lefts if t.dep_ in ("amod", "compound", "poss", "nmod"))
    place = next((t for t in p.head.lefts if t.dep_ in ("compound", "poss") and t.pos_ == "PROPN"), None)
    if country is None and place is not None:  # "Moscow police": the city's police, not the city
        return ctx.org_entity(f"{ctx.doc[place.left_edge.i:place.i + 1].text} {name}"), p.mention
    if country is None:
        stem = name.split()[-1].rstrip("s")
        named = ctx.recent(p.head.idx, ctx.sent_index(p.head), lambda e: e.kind == "organisation" and any(
            w.startswith(stem) for w in fold_name(e.name).split()[:-1]))
        if named is not None:
            return named, p.mention
        country = article_country(ctx.doc, ctx.registry)
    entity = ctx.org_entity(f"{demonym_of(country)} {name}" if country else name)
    if entity is not None and entity.country is None:
        entity.country = country
    return entity, p.mention


def named_head(ctx: ArticleContext, p: Phrase) -> Answer:
    """'Jane Doe said' -> Jane Doe; 'Bloomberg says its reporting ...' -> the organisation
    (a one-word name taking "its")."""
    ent = entity_at(ctx.doc, p.head)
    if ent is None or (ent.label_ in ORG_LABELS and p.low in PERSON_ROLE_NOUNS):
        return None  # "Russia's Permanent Representative" tagged as an organisation is a role
    if len(ent) == 1 and takes_its(p.head):
        return ctx.org_entity(ent.text), p.mention
    return ctx.entity_for_span(ent), p.mention


def pronoun(ctx: ArticleContext, p: Phrase) -> Answer:
    """'she said' -> the salient woman before it; 'As for Jane Doe, she said' -> Jane Doe."""
    head, low = p.head, p.low
    if not (head.pos_ == "PRON" or low in PERSON_PRONOUNS or low in ORG_PRONOUNS):
        return None
    topic = topic_of(head)
    if topic is not None and low in PERSON_PRONOUNS:
        entity = ctx.entity_for_span(topic)
        if entity is not None and entity.kind == "person" and entity.gender in (PERSON_PRONOUNS[low], "unknown"):
            return entity, head.text
    named = _clause_antecedent(head)
    if named is not None and low in PERSON_PRONOUNS:
        entity = ctx.entity_for_span(named)
        if entity is not None and entity.kind == "person" and entity.gender in (PERSON_PRONOUNS[low], "unknown"):
            return entity, head.text
    return ctx.resolve_pronoun(head), head.text


def _clause_antecedent(pronoun: Token) -> Span | None:
    """'Jane Doe said X, and she added ...', 'Doe was honoured as she took ...': a pronoun
    subject of a clause joined to or hanging on another takes up that clause's named subject."""
    verb = pronoun.head
    while verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i:
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
            return None  # "X said Y called and that she ...": a second reported clause
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < pronoun.i), None)
        if subject is not None:
            ent = entity_at(pronoun.doc, subject)
            return ent if ent is not None and ent.label_ in PERSON_LABELS else None
    return None


def possessed_statement(ctx: ArticleContext, p: Phrase) -> Answer:
    """'His speech - in which he joked about Jane Doe - cited ...', 'her statement said' -> the
    man or woman the possessive pronoun takes up, not a name inside the phrase."""
    if p.lemma not in STATEMENT_NOUNS and p.lemma not in SPEECH_NOUNS:
        return None
    owner = next((c for c in p.head.children if c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS), None)
    return (ctx.resolve_pronoun(owner), p.mention) if owner is not None else None


def known_surname(ctx: ArticleContext, p: Phrase) -> Answer:
    """'Okoro said' with "Okoro" untagged (or mis-tagged) -> the Jane Okoro named earlier."""
    head = p.head
    if head.text[:1].isupper() and head.is_alpha and ctx.knows_surname(head.text):
        return ctx.person_entity(head.text), p.mention
    return None


def named_apposition(ctx: ArticleContext, p: Phrase) -> Answer:
    """'the spokesperson for X, Jane Doe, said' -> Jane Doe."""
    for child in p.head.rights:
        if child.dep_ == "appos":
            ent = entity_at(ctx.doc, child)
            if ent is not None and ent.label_ in PERSON_LABELS:
                return ctx.entity_for_span(ent), p.mention
    return None


def organisation_noun(ctx: ArticleContext, p: Phrase) -> Answer:
    """'a Foreign Ministry statement' -> the ministry (the registry knows the chain); 'the
    Russian side' -> Russia's voice; 'a statement from the union' -> the union; 'the
    ministry said' -> the ministry named (or spoken for) earlier."""
    head, lemma = p.head, p.lemma
    if lemma not in STATEMENT_NOUNS and lemma not in ORG_ROLE_NOUNS:
        return None
    compounds = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") and t.pos_ in ("PROPN", "ADJ", "NOUN")]
    if compounds:
        start = min(t.left_edge.i for t in compounds)
        chain = ctx.doc[start:head.i if lemma in STATEMENT_NOUNS else head.i + 1].text
        known = ctx.registry.resolve(chain)
        if known is not None:
            return (ctx.org_entity(chain) if known.kind == "organisation" else ctx.person_entity(chain)), p.mention
    demonym = next((DEMONYMS[t.lower_] for t in head.lefts if t.lower_ in DEMONYMS), None)
    if demonym and lemma in COUNTRY_VOICES:
        return organisation_for_role(ctx, head, country=demonym), p.mention
    whole = _place_in_organisation_name(p)
    if whole is not None:
        return ctx.org_entity(whole), p.mention
    if p.mod_ents:
        return ctx.entity_for_span(p.mod_ents[0], prefer_org=True), p.mention
    if lemma in STATEMENT_NOUNS and (author := _agent_in(p)) is not None:
        return ctx.entity_for_span(author), p.mention  # "an email sent out by Jane Doe"
    return organisation_for_role(ctx, head, country=demonym), p.mention


def _place_in_organisation_name(p: Phrase) -> str | None:
    """"the Istanbul Chief Prosecutor's Office", "the Moscow City Court": a place run into a
    capitalised organisation name is part of it; the organisation is not the place."""
    if not p.mod_ents or p.head.pos_ != "PROPN" or p.mod_ents[0].label_ != "GPE":
        return None
    words = p.head.doc[p.mod_ents[0].start:p.head.i + 1]
    if len(words) < 3 or not all(t.pos_ == "PROPN" or t.tag_ == "POS" for t in words):
        return None
    return words.text


def _agent_in(p: Phrase) -> Span | None:
    """The name in a passive agent inside the phrase ('a letter signed by Jane Doe'), not
    of a document someone got hold of ('a letter obtained by the Post')."""
    for t in p.span:
        if t.dep_ == "agent" and t.head.lemma_.lower() not in RECEIVING_VERBS:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            ent = entity_at(t.doc, pobj) if pobj is not None else None
            if ent is not None:
                return ent
    return None


def person_role_noun(ctx: ArticleContext, p: Phrase) -> Answer:
    """'the spokesperson for the ministry, Jane Doe' -> Jane Doe; 'the Kremlin spokesman' -> the
    holder named earlier; 'a spokesman for Jane Doe' -> Jane Doe (the principal); 'a Doe
    supporter', 'a spokesman', 'politicians' -> no speaker; 'the deputy minister' -> the
    person whose role fits."""
    head, lemma, low, mod_ents = p.head, p.lemma, p.low, p.mod_ents
    if lemma not in PERSON_ROLE_NOUNS and low not in PERSON_ROLE_NOUNS:
        return None
    named = [e for e in p.names if e.label_ in PERSON_LABELS and e.root.dep_ == "appos"]
    if named:
        return ctx.entity_for_span(named[0]), p.mention
    # "Foreign Minister of Armenia Ararat Mirzoyan": the holder's name ends the phrase
    holder = next((e for e in mod_ents if e.end - 1 == head.right_edge.i and ctx.country_prefixed(e)), None)
    if holder is not None:
        return ctx.entity_for_span(holder), p.mention
    holder = next((e for e in p.names if e.end - 1 == head.right_edge.i and _place_then_name(ctx, e)), None)
    if holder is not None:  # "Mayor of Novoselsk Yevgenia Sokolova" tagged as one organisation
        return ctx.person_entity(f"{holder[-2].text} {holder[-1].text}"), p.mention
    if (holder := holder_run_into_title(p)) is not None:  # "Ambassador to the UN Jane Doe"
        return ctx.entity_for_span(holder), p.mention
    definite = any(t.lower_ in ("the", "this") for t in head.lefts)
    # "Russia's UN envoy": a holder of the role, never the possessor ("Sanders's campaign manager")
    possessed = not definite and head.tag_ in ("NN", "NNP") and any(t.dep_ == "poss" for t in head.lefts)
    by_prep = any(t.dep_ == "prep" for t in p.modifiers)
    if mod_ents and (definite or possessed) and all(e.label_ in ORG_LABELS for e in mod_ents) and not by_prep:
        found = person_for_role(ctx, head)
        if possessed and found is not None and not holds_role(ctx, head, found):
            found = None
        return found, p.mention
    if mod_ents and (lemma in AGENT_ROLE_NOUNS or low in AGENT_ROLE_NOUNS):
        people = [e for e in mod_ents if e.label_ in PERSON_LABELS]
        return ctx.entity_for_span((people or mod_ents)[0]), p.mention
    if mod_ents:
        return (ctx.entity_for_span(mod_ents[0]) if mod_ents[0].label_ in ORG_LABELS and by_prep else None), p.mention
    if any(t.lower_ in ("a", "an", "another", "one", "some") for t in head.lefts):
        return None, p.mention
    if head.tag_ in ("NNS", "NNPS"):
        return None, p.mention
    return person_for_role(ctx, head), p.mention


def _place_then_name(ctx: ArticleContext, ent: Span) -> bool:
    """A role's "of"/"to" phrase run into the holder's name by the tagger ("Mayor of Novoselsk
    Yevgenia Sokolova", "Representative to the United Nations Vasily Nebenzya"): three or more
    capitalised words after "of"/"to", tagged as an organisation or place the registry does not
    know as one (it may know the run as its holder: "the UN Vasily Nebenzya")."""
    doc = ent.doc
    known = ctx.registry.resolve(ent.text)
    words = [t for t in ent if t.lower_ != "the"]
    return (len(words) >= 3 and ent.label_ in ORG_LABELS and ent.start > 0 and doc[ent.start - 1].lower_ in ("of", "to")
            and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in words)
            and (known is None or known.kind == "person"))


def organisation_by_head(ctx: ArticleContext, p: Phrase) -> Answer:
    """'the exchange said' after "the Moscow Exchange index" -> the Moscow Exchange: a definite
    common noun that ends the name of an organisation named before."""
    head = p.head
    if head.pos_ != "NOUN" or head.tag_ != "NN" or p.names or not any(t.lower_ == "the" for t in head.lefts):
        return None
    found = ctx.recent(head.idx, ctx.sent_index(head), lambda e: e.kind == "organisation" and len(e.name.split()) > 1
                       and fold_name(e.name).split()[-1] == p.lemma)
    return (found, p.mention) if found is not None else None


def name_after_role(ctx: ArticleContext, p: Phrase) -> Answer:
    """'Foreign Ministry spokeswoman Nino Kvaratskhelia said' with the name tagged as a place
    -> the proper nouns after the role noun are the holder's name (gender from the role)."""
    head, doc = p.head, p.head.doc
    if not (head.pos_ == "PROPN" and head.is_alpha and head.text[:1].isupper()):
        return None
    role = next((t for t in head.lefts if t.dep_ == "compound" and t.lower_ in PERSON_ROLE_NOUNS), None)
    if role is None:
        return None
    words = list(doc[role.i + 1:head.i + 1])
    if not (1 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in words)):
        return None
    entity = ctx.person_entity(" ".join(t.text for t in words))
    if entity is None:
        return None
    if entity.gender == "unknown":
        entity.gender = "female" if role.lower_ in FEMALE_ROLES else "male" if role.lower_ in MALE_ROLES else "unknown"
    return entity, p.mention


def first_name_in_phrase(ctx: ArticleContext, p: Phrase) -> Answer:
    """'a poll by Gallup' -> Gallup: the first person or organisation named in the phrase (of
    coordinated names, the last: 'a study by Jane Doe and John Roe' -> John Roe)."""
    if not p.names:
        return None
    last = last_named_conjunct(p.names[0].root)
    named = entity_at(ctx.doc, last) if last is not None else None
    return ctx.entity_for_span(named or p.names[0]), p.mention


def mistagged_name(ctx: ArticleContext, p: Phrase) -> Answer:
    """'Forbes shot back' with "Forbes" read as a common noun at a sentence start, tagged as a
    name elsewhere in the article -> that name."""
    head = p.head
    if not (head.pos_ == "NOUN" and head.text[:1].isupper() and head.is_alpha):
        return None
    same = ctx.names_by_text().get(head.text)
    if same is None:
        return None
    return (ctx.org_entity(head.text) if takes_its(head) else ctx.entity_for_span(same)), p.mention


def untagged_proper_noun(ctx: ArticleContext, p: Phrase) -> Answer:
    """'Watchdog Group said' with no entity tag -> an organisation of that name."""
    head = p.head
    if head.pos_ != "PROPN":
        return None
    start = min([head.i] + [t.i for t in head.lefts if t.dep_ == "compound"])
    return ctx.org_entity(ctx.doc[start:head.i + 1].text), p.mention


SUBJECT_PATTERNS = (
    institution_noun, named_head, pronoun, known_surname, included_member, named_apposition, identified_as,
    possessed_statement, untagged_person_name, named_organisation_apposition, organisation_noun, person_role_noun,
    organisation_by_head, name_after_role, party_member, first_name_in_phrase, mistagged_name, untagged_proper_noun,
)
