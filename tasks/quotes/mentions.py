"""Parse helpers for speaker mentions: name words of an entity span, gender from titles,
the antecedent of a relative pronoun, a fronted topic, a name's organisation reading, an
organisation name with the nationality the tagger split off ("Russian" + "Foreign Ministry").

Pure functions of spaCy tokens and spans, used by `tasks.quotes.context.ArticleContext`.
"""
from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span, Token

from tasks.data_files import load_json
from tasks.lexicon import (
    FEMALE_TITLES,
    HEADLINE_VERBS,
    MALE_TITLES,
    NAME_BREAKING_WORDS,
    NAME_TITLES,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
)
from tasks.nlp import sentence_ents
from tasks.quotes.registry import SpeakerRegistry, fold_name

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG", "GPE"}


def is_person(ent: Span) -> bool:
    """A person's name, also when the tagger calls it an organisation right after a person's
    role noun ("Fox News host Sean Hannity", "former CEO Carly Fiorina")."""
    if ent.label_ in PERSON_LABELS:
        return True
    return (ent.label_ == "ORG" and ent.start > 0 and ent.doc[ent.start - 1].lower_ in PERSON_ROLE_NOUNS
            and len(ent) in (2, 3) and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in ent))




# Adjectives of nationality to the country they name ("the Russian side"): a region list.
DEMONYMS: dict[str, str] = load_json("demonyms.json")["demonyms"]
COUNTRY_NAMES = frozenset(fold_name(c) for c in DEMONYMS.values())


def takes_its(subject: Token) -> bool:
    """The first possessive or subject pronoun after a subject, in its clause, is 'it'/'its'."""
    verb = subject.head
    for t in verb.subtree:
        if t.i <= subject.i:
            continue
        if t.lower_ in ("it", "its") and t.dep_ in ("poss", "nsubj", "nsubjpass"):
            return True
        if t.lower_ in PERSON_PRONOUNS or t.lower_ in ("they", "their"):
            return False
        # a nearer antecedent first: "X noted that Moscow had sent its proposals",
        # "X described it as ... and said its presence ..."
        if (t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN")) or (t.lower_ == "it" and t.dep_ not in ("nsubj", "nsubjpass")):
            return False
    return False


def _glued_words(ent: Span) -> list[str]:
    """Tokens as name words, a hyphenated name kept whole ('Holtz-Eakin', 'El-Erian')."""
    words: list[str] = []
    for t in ent:
        glue = words and t.i > ent.start and not t.doc[t.i - 1].whitespace_ and (
            t.text == "-" or words[-1].endswith("-"))
        if glue:
            words[-1] += t.text
        elif not t.is_punct or t.text == ".":
            words.append(t.text)
    # control characters (mis-decoded text: "K\u00c3\x83") are never part of a name
    words = ["".join(ch for ch in w if unicodedata.category(ch) != "Cc") for w in words]
    return [w.strip("-") or w for w in words if w]


def name_words(ent: Span) -> list[str]:
    # "... talks with Yerevan - Hajizada": a spaced dash ends a headline's statement, the name follows
    dash = [t.i for t in ent if t.text in ("-", "\u2013", "\u2014", "--") and t.i > ent.start and t.doc[t.i - 1].whitespace_]
    if dash and dash[-1] + 1 < ent.end:
        ent = ent.doc[dash[-1] + 1:ent.end]
    words = _glued_words(ent)
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in HEADLINE_VERBS and w[:1].isupper()), None)
    if cut is not None:
        words = words[:cut]
    while words and (words[0].lower() in NAME_TITLES or words[0].lower() in ("the",)
                     or len(words) > 2 and words[0].lower() in PERSON_ROLE_NOUNS  # "Founder Jane Doe"
                     or len(words) > 2 and words[0].lower() in DEMONYMS):  # "Russian FM Lavrov"
        words = words[1:]
    # "Foreign Minister of Armenia Ararat Mirzoyan": the tagger runs the country into the name
    while len(words) > 2 and fold_name(words[0]) in COUNTRY_NAMES:
        words = words[1:]
    if words and words[-1] in ("'s", "'"):
        words = words[:-1]
    words = [w.removesuffix("'s") for w in words]
    # "Harry B. Harris Jr.": the generational suffix is not part of the name speakers go by
    if len(words) > 2 and words[-1].rstrip(".").lower() in ("jr", "sr"):
        words = words[:-1]
    return words


def topic_of(pronoun: Token) -> Span | None:
    """'As for Jane Doe, she said ...': the fronted topic a subject pronoun takes up."""
    verb = pronoun.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i < pronoun.i:
            for sub in prep.children:
                if sub.lower_ == "for":
                    obj = next((c for c in sub.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return entity_at(pronoun.doc, obj)
    return None


def relative_antecedent(token: Token) -> Token | None:
    """'who' / 'which' / 'that' as the subject of a relative clause: the noun it modifies."""
    if token.tag_ not in ("WP", "WDT") or token.lower_ not in ("who", "which", "that"):
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "who stood and said"
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    noun = clause.head
    while noun.dep_ == "appos" and noun.head.i != noun.i:  # "Jane Doe, a native of X who ..."
        noun = noun.head
    return noun if noun.pos_ in ("PROPN", "NOUN") else None


def first_relcl(head: Token) -> int:
    rel = [c.left_edge.i for c in head.rights if c.dep_ == "relcl"]
    return min(rel) if rel else head.right_edge.i + 1


def gender_from_titles(ent: Span) -> str:
    doc = ent.doc
    prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    first = ent[0].lower_
    for word in (first, prev):
        if word in FEMALE_TITLES:
            return "female"
        if word in MALE_TITLES:
            return "male"
    return "unknown"


def entity_at(doc: Doc, head: Token) -> Span | None:
    if head.ent_type_ in PERSON_LABELS | ORG_LABELS:
        # the Doc's entities built once: `doc.ents` makes every entity Span anew on each
        # call, once per quote (issue 16: quadratic in a 257 KB article)
        for ent in sentence_ents(doc[:]):
            if ent.start <= head.i < ent.end:
                return ent
    return None


def name_before_break(name: str) -> str:
    """The name up to a lower-case word that cannot sit inside one: "American Music Awards
    after Swift" -> "American Music Awards" (the tagger ran one span over two names)."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i and w in NAME_BREAKING_WORDS), len(words))
    return " ".join(words[:cut]).rstrip(" ,")


def with_nationality(ent: Span, registry: SpeakerRegistry | None = None) -> str:
    """ "Russian" + "Foreign Ministry": the tagger often splits a nationality adjective (NORP)
    off the organisation it names; the registry and later role nouns need the whole name."""
    doc = ent.doc
    if ent.start > 0:
        prev = doc[ent.start - 1]
        if prev.ent_type_ == "NORP" and prev.ent_iob_ in ("B", "I") and prev.whitespace_ and prev.head.i >= ent.start:
            start = prev.i
            while start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start].ent_iob_ == "I":
                start -= 1
            return doc[start:ent.end].text
        # "Ukraine's Foreign Ministry": a country's possessive, when the registry knows the whole
        if prev.lower_ == "'s" and ent.start > 1 and doc[ent.start - 2].ent_type_ in ("GPE", "ORG"):
            whole = doc[ent.start - 2:ent.end].text
            if doc[ent.start - 2].ent_type_ == "GPE" or (  # a country's own ministry ("Japan's ...")
                    registry is not None and registry.resolve(whole, kind="organisation") is not None):
                return whole
        # "the Azerbaijani MFA's press service": a demonym the tagger left outside any entity
        if prev.ent_type_ == "" and prev.lower_ in DEMONYMS and prev.head.i >= ent.start and prev.whitespace_ \
                and prev.dep_ in ("amod", "compound"):
            return doc[prev.i:ent.end].text
    return ent.text


def last_named_conjunct(head: Token) -> Token | None:
    """The last of coordinated names heading a subject ("Cruz and Fiorina" -> Fiorina; "Doe of
    Ohio and Roe of Utah", the parser hanging the conjunct on the place -> Roe; "Acme and the
    Dutch firm Brill" -> Brill; an untagged capitalised conjunct, "Doe, Roe and Poe" -> Poe)."""
    node, last = head, None
    for _ in range(6):
        conj = _conjunct(node)
        if conj is None:
            break
        node = conj
        named = next((c for c in conj.rights if c.dep_ == "appos" and c.ent_type_ in PERSON_LABELS | ORG_LABELS), None) \
            if conj.pos_ == "NOUN" else None
        if conj.ent_type_ in PERSON_LABELS | ORG_LABELS or named is not None:
            last = named if named is not None else conj
        elif conj.pos_ == "PROPN" and conj.text[:1].isupper() and conj.is_alpha and head.ent_type_ in PERSON_LABELS | ORG_LABELS:
            last = conj
    return last


def _conjunct(node: Token) -> Token | None:
    conj = next((c for c in node.children if c.dep_ == "conj"), None)
    if conj is not None:
        return conj
    place = next((g for c in node.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                  for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None)
    return next((c for c in place.children if c.dep_ == "conj" and c.ent_type_ in PERSON_LABELS), None) \
        if place is not None else None
