"""Speakers described rather than named: "one Vermont Democrat", "the Utah Republican", "the
Danish newspaper Politiken". Subject patterns of `tasks.quotes.subjects` (same signature:
answer (entity or None, mention), or None when they do not apply).

A place or a country in such a description says where the speaker is from; it is never the
speaker.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from tasks.lexicon import ORG_ROLE_NOUNS, PARTY_MEMBER_NOUNS, PERSON_ROLE_NOUNS
from tasks.quotes.context import ArticleContext
from tasks.quotes.mentions import DEMONYMS, ORG_LABELS, entity_at
from tasks.quotes.registry import gender_of_name
from tasks.quotes.role_nouns import person_for_role

if TYPE_CHECKING:
    from tasks.quotes.subjects import Answer, Phrase

_INDEFINITE = ("a", "an", "another", "one", "some", "any")


def party_member(ctx: ArticleContext, p: Phrase) -> Answer:
    """'one New Hampshire Democrat said' -> no speaker (an unnamed source, not New Hampshire);
    'the Vermont Republican said' -> the Republican named before (the latest fitting person).
    Plural members ("Democrats said") speak for the party: not this pattern."""
    head = p.head
    if p.lemma not in PARTY_MEMBER_NOUNS or head.tag_ not in ("NN", "NNP") or any(
            e.start <= head.i < e.end for e in p.names):
        return None
    if any(t.lower_ in _INDEFINITE for t in head.lefts):
        return None, p.mention
    if any(t.lower_ in ("the", "this", "that") for t in head.lefts):
        return person_for_role(ctx, head), p.mention
    return None


def named_organisation_apposition(ctx: ArticleContext, p: Phrase) -> Answer:
    """'the Danish newspaper Politiken noted', 'the Italian firm Cosmo Pharmaceuticals said' ->
    the organisation named in apposition to the organisation noun, not its country."""
    if p.lemma not in ORG_ROLE_NOUNS:
        return None
    for child in p.head.rights:
        if child.dep_ != "appos":
            continue
        ent = entity_at(ctx.doc, child)
        if ent is not None and ent.label_ in ORG_LABELS and ent.label_ != "GPE":
            return ctx.org_entity(ent.text), p.mention
        if ent is None and child.pos_ == "PROPN" and child.text[:1].isupper():
            start = min([child.i] + [t.i for t in child.lefts if t.dep_ == "compound"])
            return ctx.org_entity(ctx.doc[start:child.i + 1].text), p.mention
    return None


def identified_as(ctx: ArticleContext, p: Phrase) -> Answer:
    """'A woman later identified as Jane Doe demanded ...' -> Jane Doe, whether the parser hangs
    "identified" on the noun or makes it the noun's verb."""
    head = p.head
    verbs = [c for c in head.children if c.dep_ == "acl"] + ([head.head] if head.dep_ in ("nsubj", "nsubjpass") else [])
    for verb in verbs:
        if verb.lemma_.lower() != "identify":
            continue
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                name = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"), None)
                ent = entity_at(ctx.doc, name) if name is not None else None
                if ent is not None:
                    return ctx.entity_for_span(ent), p.mention
    return None


def untagged_person_name(ctx: ArticleContext, p: Phrase) -> Answer:
    """'United Auto Workers Secretary-Treasurer Gary Doe said', 'Roman Doe, a faculty member at
    UC Irvine, stated' with the name untagged (or tagged as a nationality): the capitalised
    words ending the phrase's head, after any role word, are a person when the first of them
    is a known first name. Not the organisation named before the role or in the apposition."""
    head, doc = p.head, p.head.doc
    if not _name_word(head) or head.ent_type_ not in ("", "NORP"):
        return None
    start = head.i
    while start > 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ == "compound" \
            and _name_word(doc[start - 1]) and doc[start - 1].ent_type_ in ("", "NORP", "PERSON"):
        start -= 1
    described = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in head.rights)  # "Jane Doe, a professor"
    for first in range(max(start, head.i - 2), head.i):  # the longest name first
        name = doc[first:head.i + 1].text
        if gender_of_name(name) != "unknown" or described and first == start:
            return ctx.person_entity(name), p.mention
    return None


def _name_word(t) -> bool:
    return t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.lower_ not in PERSON_ROLE_NOUNS \
        and t.lower_ not in DEMONYMS


def included_member(ctx: ArticleContext, p: Phrase) -> Answer:
    """'Some observers, including professor Jane Doe, criticized ...', 'Six newspapers,
    including the Gazette, said ...' -> the last name the "including" phrase lists (the
    convention for coordinated names); not a place, not the group."""
    including = next((c for c in p.head.children if c.dep_ == "prep" and c.lower_ == "including"), None)
    if including is None:
        return None
    listed = [e for e in p.names if e.start > including.i and e.label_ != "GPE"]
    return (ctx.entity_for_span(listed[-1]), p.mention) if listed else None


def holder_run_into_title(p: Phrase):
    """'US Ambassador to the UN Linda Marsh', 'Minister of Foreign Affairs of Ruritania Jan
    Novak': the holder's name run into the title's "to"/"of" phrase (parsed as compounds of
    its object) ends the phrase; the name after a place or body there is the speaker. Not
    'a spokesman for Jane Doe' (the principal: "for" and no place before the name)."""
    head, doc = p.head, p.head.doc
    if head.lower_ not in PERSON_ROLE_NOUNS or not head.text[:1].isupper():
        return None
    preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("to", "of")]
    for e in p.names:
        if e.label_ != "PERSON" or e.end - 1 != head.right_edge.i or len(e) < 2:
            continue
        before = doc[e.start - 1]
        inside = any(prep.i < e.start and prep.right_edge.i >= e.end - 1 for prep in preps)
        if inside and before.pos_ == "PROPN" and before.text[:1].isupper() and before.i > head.i + 1:
            return e
    return None
