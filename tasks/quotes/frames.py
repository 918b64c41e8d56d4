"""Quote candidates and the frames found by the parse alone: indirect speech (a cue verb,
a speech noun or "according to X" with its reported clause) and "Name: statement"
headlines and crossheads. `tasks.quotes.extract` pairs them with the quotation-mark frames.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tasks.lexicon import (
    AGENCY_LEAD,
    ANONYMOUS_SOURCE_NOUNS,
    DATELINE_LEAD,
    DOCUMENT_NOUNS,
    HEADLINE_SOURCE_NOUNS,
    IN_WORDS_NOUNS,
    PERSON_ROLE_NOUNS,
    TITLE_OBJECT_VERBS,
)
from tasks.nlp import doc_text
from tasks.quotes.context import ArticleContext, Entity
from tasks.quotes.cues import cue_subject, is_cue
from tasks.quotes.marks import QuoteSpan, paragraphs
from tasks.quotes.reported import reported_span
from tasks.quotes.role_nouns import person_for_role
from tasks.quotes.sources import according_to, in_words, noun_cue

_HEADLINE_NAME = re.compile(r"^\s*(?:[-\u2013\u2014]\s*)?([A-Z][\w.'\- ]{1,60}?)\s*:\s+(\S.*)$")
# Agency titles that put the speaker last: "Talks are frozen — Galuzin", "... - Peskov".
_HEADLINE_TRAILING_NAME = re.compile(r"^\s*(\S.{8,}?)\s+[-\u2013\u2014]\s+([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3})\s*$")
# ... and a role phrase: "... — Russian diplomat", "... — senior Russian diplomat", "... — envoy"
_HEADLINE_TRAILING_ROLE = re.compile(r"^\s*(\S.{8,}?)\s+[-\u2013\u2014]\s+((?:[\w.'\-]+ ){0,3}[a-z][a-z-]+)\s*$")
# Unquoted words that make a mostly quoted clause the reporter's sentence (an indirect quote).
_OWN_WORDS = 3


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str
    cue: Token | None = None
    subject: Token | None = None  # head of the speaker mention
    inherit: bool = False  # no cue of its own: takes the speaker of the quote it continues
    entity: Entity | None = None
    speaker_text: str | None = None
    how: str = "none"
    source_head: Token | None = None  # "according to X"


class Tokens:
    """Character offset -> token index, by bisection (no re-parsing)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def range(self, start: int, end: int) -> range:
        return range(self.at(start), self.at(max(start, end - 1)) + 1)


# ---- indirect speech ------------------------------------------------------------------

def indirect(doc: Doc, spans: list[QuoteSpan], toks: Tokens, quoted: list[Candidate]) -> list[Candidate]:
    inside_quote = set()
    for s in spans:
        for seg_s, seg_e in s.segments:
            inside_quote.update(toks.range(seg_s, seg_e))
    out: list[Candidate] = []

    def add_framed(found, cue: Token) -> None:
        """A frame that names its own source ("according to X", "in X's words", "X's claim that")."""
        source, (a, b) = found
        cand = _span_candidate(doc, a, b, inside_quote, cue)
        if cand is not None:
            cand.subject = source
            out.append(cand)

    for t in doc:
        if t.i in inside_quote:
            continue
        if t.lower_ == "according":
            if (found := according_to(t)) is not None and not unnamed_document(found[0]):
                add_framed(found, t)
            continue
        if t.lower_ in IN_WORDS_NOUNS and (found := in_words(t)) is not None:
            add_framed(found, t)
            continue
        if t.pos_ == "NOUN":
            if (found := noun_cue(t)) is not None:
                add_framed(found, t)
            continue
        if not is_cue(t):
            continue
        subject = cue_subject(t)
        # a subject in quotation marks is someone's words ('X said "the regime" was rejecting ...'):
        # the frame is the quoted speaker's, not a new one
        if subject is None or subject.i in inside_quote:
            continue
        rng = reported_span(t)
        if rng is None:
            continue
        cand = _span_candidate(doc, rng[0], rng[1], inside_quote, t)
        if cand is not None:
            cand.subject = subject
            out.append(cand)
    return out


def unnamed_document(source: Token) -> bool:
    """'according to FEC filings', 'according to court records', 'according to recent polls':
    records and polls that no named author ('data from Acme', 'a poll by Acme') stands behind
    are where a figure is from, not someone's words (polls: 8 fewer extras on
    polnear-train-wide, nothing lost)."""
    if source.lemma_.lower() not in DOCUMENT_NOUNS:
        return False
    if any(prep.dep_ == "prep" and prep.lower_ in ("from", "by") and
           any(t.ent_type_ in ("PERSON", "ORG") for t in prep.subtree) for prep in source.children):
        return False
    return not any(t.ent_type_ == "PERSON" or t.ent_type_ == "ORG" and t.dep_ != "compound"
                   for t in source.subtree if t.i != source.i)


def _span_candidate(doc: Doc, a: int, b: int, inside_quote: set[int], cue: Token) -> Candidate | None:
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) and doc[b - 1].text not in ('"',):
        b -= 1
    while a < b and (doc[a].is_punct or doc[a].is_space) and doc[a].text != '"':
        a += 1
    if b - a < 2:
        return None
    b = _list_tail(doc, b)
    # the reported content is a direct quote, found already; unless words of the reporter's
    # own open it ('X said the plan "is a gift to nobody"': the whole clause is reported)
    quoted = sum(1 for i in range(a, b) if i in inside_quote)
    own = [i for i in range(a, b) if i not in inside_quote and not doc[i].is_punct and not doc[i].is_space
           and doc[i].lower_ not in ("that", "and", "but")]
    if quoted / (b - a) > 0.6 and (len(own) < _OWN_WORDS or a in inside_quote or doc[a].is_punct):
        return None
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    text = doc_text(doc)[start:end].strip()
    # a dateline the parser ran into the clause ("MOSCOW, March 3. /TASS/. Russia ...")
    body = doc_text(doc)
    para = body.rfind("\n", 0, start) + 1
    lead = DATELINE_LEAD.match(body, para)
    if lead and para <= start < lead.end() < end:  # the clause starts at or inside the paragraph's dateline
        start = lead.end()
        text = body[start:end].strip()
    elif agency := AGENCY_LEAD.match(text):  # "/TASS/. Moscow will ...": the split fell inside one
        start += agency.end()
        text = text[agency.end():]
    if len(text.split()) < 2:
        return None
    return Candidate(start, end, text, "indirect", cue=cue)




def _list_tail(doc: Doc, b: int) -> int:
    """', free college and other programs.' closing the sentence right after the content:
    the rest of a list the parser hung elsewhere (no verb, no clause of its own)."""
    if b >= len(doc) or doc[b].text != ",":
        return b
    end = doc[b].sent.end
    while end > b and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    tail = doc[b + 1:end]
    if not 2 <= len(tail) <= 20 or not any(t.lower_ in ("and", "or") for t in tail):
        return b
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubjpass", "expl", "mark") or t.text in ('"', ";", ":")
           for t in tail):
        return b
    return end


# ---- headlines and crossheads -----------------------------------------------------------

def headlines(doc: Doc, body: str, title_end: int, toks: Tokens, ctx: ArticleContext) -> list[Candidate]:
    """'Name: statement' in the title line or in a one-line crosshead ('- Kremlin: ...')."""
    out: list[Candidate] = []
    for s, e in paragraphs(body):
        line = body[s:e]
        if "\n" in line or len(line.split()) > 30 or (s > 0 and s >= title_end and line.rstrip().endswith(".") and not line.lstrip().startswith(("-", "\u2013", "\u2014"))):
            continue
        m = _HEADLINE_NAME.match(line)
        if not m or len(m.group(1).split()) > 5:
            if s < title_end and (cand := _trailing_name_headline(doc, toks, ctx, body, s, line)) is not None:
                out.append(cand)
            continue
        name_start = s + m.start(1)
        name_end = s + m.end(1)
        stmt_start = s + m.start(2)
        text = m.group(2).strip()
        entity = _headline_entity(doc, toks, name_start, name_end, ctx)
        if entity is None:
            continue
        cand = Candidate(stmt_start, s + len(line.rstrip()), text.rstrip(), "headline")
        cand.entity, cand.speaker_text, cand.how = entity, body[name_start:name_end], "name"
        out.append(cand)
    return out


def _trailing_name_headline(doc: Doc, toks: Tokens, ctx: ArticleContext, body: str, s: int,
                            line: str) -> Candidate | None:
    """'Statement — Name' in the title line: the speaker after the dash ("Talks are frozen —
    Galuzin", "... — Russian diplomat", "... — Kremlin"), see `_trailing_speaker`."""
    m = _HEADLINE_TRAILING_NAME.match(line) or _HEADLINE_TRAILING_ROLE.match(line)
    if not m:
        return None
    name_start, name_end = s + m.start(2), s + m.end(2)
    name = body[name_start:name_end]
    # "... - source", "... - diplomatic sources": an anonymous source's words, no one's to name
    anonymous = name.split()[-1].lower() in ANONYMOUS_SOURCE_NOUNS
    entity = None if anonymous else _trailing_speaker(doc, toks, ctx, name_start, name_end, name)
    if entity is None and not anonymous:
        return None
    cand = Candidate(s + m.start(1), s + m.end(1), m.group(1).strip(), "headline")
    cand.entity, cand.speaker_text, cand.how = entity, name, "none" if anonymous else "name"
    return cand


def _trailing_speaker(doc: Doc, toks: Tokens, ctx: ArticleContext, start: int, end: int, name: str) -> Entity | None:
    """A person the registry knows, the story names or the parser tags; a role phrase's holder
    the story names ("— Russian diplomat"); a registry organisation other than a state ("—
    Kremlin", "— Defence Ministry" after "the Russian Defence Ministry said"). A trailing label
    that is none of these ("Election 2024 - Live Updates") is no speaker."""
    known = ctx.registry.resolve(name)
    span = doc.char_span(start, end, alignment_mode="expand")
    tagged = span is not None and any(ent.label_ == "PERSON" for ent in span.ents)
    if span is not None and not tagged and span[-1].lower_ in PERSON_ROLE_NOUNS:
        return person_for_role(ctx, span[-1])
    named = ctx.knows_surname(name.split()[-1])  # a person the story names ("Jane Okoro said")
    if tagged or named or (known is not None and known.kind == "person"):
        entity = _headline_entity(doc, toks, start, end, ctx) if tagged else ctx.person_entity(name)
        return entity if entity is not None and entity.kind == "person" else None
    entity = ctx.org_entity(name)
    speaker = entity.speaker if entity is not None else None
    registry_org = speaker is not None and speaker.origin == "registry" and speaker.kind == "organisation"
    return entity if registry_org and speaker.role != "state" else None


def _headline_entity(doc: Doc, toks: Tokens, start: int, end: int, ctx: ArticleContext) -> Entity | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    name = doc_text(doc)[start:end]
    if span is not None:
        for ent in span.ents:
            if ent.label_ == "PERSON":
                return ctx.entity_for_span(ent)
        # "Watchdog Group: ..." - a named organisation covering the whole name, unless it ends
        # with the surname of a person the story names ("Russian FM Lavrov" tagged as one run)
        for ent in span.ents:
            if ent.label_ == "ORG" and ent.start_char <= start and ent.end_char >= end - 1:
                if len(ent) > 1 and ctx.knows_surname(ent[-1].text):
                    return ctx.person_entity(ent[-1].text)
                return ctx.org_entity(ent.text)
    speaker = ctx.registry.resolve(name)
    if speaker is not None:
        return ctx.org_entity(name) if speaker.kind == "organisation" else ctx.person_entity(name)
    if span is not None and span[-1].lower_ in PERSON_ROLE_NOUNS:
        return person_for_role(ctx, span[-1])  # "Russian diplomat: ...": the holder the story names
    words = name.split()
    if all(w[:1].isupper() for w in words) and len(words) <= 4 and span is not None and all(t.pos_ == "PROPN" for t in span):
        if len(words) > 1 and not any(t.ent_type_ == "PERSON" for t in span):
            return ctx.org_entity(name)  # "Watchdog Group: ..." tagged as one run with what follows
        entity = ctx.person_entity(name) if len(words) == 1 else None
        return entity if entity is not None and len(entity.name.split()) > 1 else None
    # "Poll: ...", "Audit: ...": a source noun
    if len(words) == 1 and words[0].lower() in HEADLINE_SOURCE_NOUNS:
        return ctx.org_entity(name)
    return None


def title_objects(doc: Doc, title_end: int) -> list[Candidate]:
    """'Jane Doe Just Said Something About X': in a title, the object of a speech verb is
    what was said (in running text "said something" reports nothing)."""
    out: list[Candidate] = []
    for t in doc:
        if t.idx >= title_end:
            break
        if t.lemma_.lower() not in TITLE_OBJECT_VERBS or not is_cue(t) or reported_span(t) is not None:
            continue
        subject = cue_subject(t)
        if subject is None or subject.ent_type_ not in ("PERSON", "ORG"):
            continue
        right = [c for c in t.rights if c.dep_ in ("dobj", "prep", "ccomp", "xcomp")]
        if not right:
            continue
        a = right[0].left_edge.i
        b = max(c.right_edge.i for c in right) + 1
        dash = next((i for i in range(a, b) if doc[i].text in ("\u2013", "\u2014", "--", "|")), None)
        b = dash if dash is not None else b
        cand = _span_candidate(doc, a, b, set(), t)
        if cand is not None and cand.end <= title_end:
            cand.subject = subject
            out.append(cand)
    return out
