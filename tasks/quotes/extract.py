"""Quotes and reported speech in an article, attributed to canonical speakers.

`extract_quotes(doc, article, registry)` is the entry point. It collects candidates with
one function per pattern (`direct_and_partial`, `indirect`, `headlines`), then resolves
their speakers in reading order so that pronouns and role nouns see the speakers before
them, and quotes with no cue of their own inherit the speaker of the quote they continue.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from models import Article, Quote, Speaker, SpeakerMention
from models.base import stable_id
from tasks.lexicon import OPEN_QUOTES
from tasks.nlp import doc_text
from tasks.quotes.context import ArticleContext, Entity, unresolved_surname
from tasks.quotes.cues import cue_text
from tasks.quotes.direct import direct_and_partial
from tasks.quotes.frames import Candidate, Tokens, headlines, indirect, title_objects
from tasks.quotes.labels import label_lines
from tasks.quotes.marks import find_quote_spans
from tasks.quotes.no_speaker import indefinite_group, share_of_respondents
from tasks.quotes.registry import SpeakerRegistry, fold_name
from tasks.quotes.role_holders import publication_days
from tasks.quotes.subjects import resolve_subject

# Confidence: the chance that a row is a quote with the right speaker, the product of a
# factor for its kind and one for how its speaker was found. Fitted on polnear-train-wide
# (280 articles, 4.9k quotes; precision x attribution per kind and way, bench/confidence_bands.py
# checks the bands): a name finds the right speaker most often (direct .87, partial .83,
# indirect .73, headline .59), a pronoun at ~.65 of that, a role noun ("the official") at
# ~.3, an inherited speaker at .82 (.65 with another person named in between, .58 when
# that person took over, or when an uncued quoted paragraph takes the previous paragraph's
# subject: 'topic', 3 of 6 right on polnear-train-wide, re-checked after issue 13 part A);
# a role phrase no one in the story holds, given the registry's holder at the article's date
# ('registry_role', `tasks.quotes.role_holders`): .5, a prior, not fitted (polnear-train-wide
# has no such row; right on all 13 made-up probe rows), below a pronoun because registry terms
# can be incomplete; a row without a speaker is at best a quote (.3).
_KIND_CONFIDENCE = {"direct": 0.87, "partial": 0.83, "indirect": 0.73, "headline": 0.59}
_HOW_CONFIDENCE = {"name": 1.0, "pronoun": 0.65, "role": 0.3, "inherited": 0.82, "inherited_named": 0.65,
                   "switched": 0.58, "inherited_next": 0.82, "topic": 0.58, "registry_role": 0.5, "none": 0.3}
_LINE_BREAKS = re.compile(r"\n+")

@dataclass
class QuoteExtraction:
    """One article's quotes, the speakers it found in its text, and the quotes' speaker
    mentions it could not resolve alone (bare surnames) for corpus-level linking."""

    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    mentions: list[SpeakerMention] = field(default_factory=list)


def extract_quotes(doc: Doc, article: Article, registry: SpeakerRegistry) -> list[Quote]:
    return extract_article_quotes(doc, article, registry).quotes


def extract_article_quotes(doc: Doc, article: Article, registry: SpeakerRegistry) -> QuoteExtraction:
    """A pure function of the article and the registry as loaded: the registry is forked,
    so speakers found here are returned, never learned for the next article."""
    registry = registry.fork()
    body = article.body
    spans = find_quote_spans(body)
    ctx = ArticleContext(doc, registry, quoted=[seg for s in spans for seg in s.segments],
                         published=publication_days(article))
    toks = Tokens(doc)
    title_end = _title_end(article)
    candidates = direct_and_partial(doc, body, spans, toks)
    candidates += indirect(doc, spans, toks, candidates)
    candidates += headlines(doc, body, title_end, toks, ctx)
    candidates += title_objects(doc, title_end)
    candidates += label_lines(doc, body, title_end, toks, ctx, candidates)
    candidates = [c for c in _dedupe(candidates) if not share_of_respondents(c.subject)]
    _resolve(candidates, ctx)
    candidates = [c for c in candidates if c.entity is not None or not indefinite_group(c.subject)]
    out = QuoteExtraction()
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        kind = "headline" if c.end <= title_end else c.kind
        speaker = ctx.speaker_for(c.entity)
        if speaker is not None and _by_registry_role(c, ctx, body):
            c.how = "registry_role"
        conf = _KIND_CONFIDENCE[kind] * _HOW_CONFIDENCE[c.how if speaker else "none"]
        out.quotes.append(Quote(
            quote_id=stable_id(article.article_id, kind, c.start, c.end),
            article_id=article.article_id,
            speaker_id=speaker.speaker_id if speaker else None,
            speaker_name=ctx.name_for(c.entity, speaker),
            speaker_text=c.speaker_text,
            kind=kind, text=c.text, cue=cue_text(c.cue) if c.cue is not None else (":" if kind == "headline" else None),
            start_char=c.start, end_char=c.end, confidence=round(conf, 3),
        ))
        if speaker is not None and unresolved_surname(c.entity):
            q = out.quotes[-1]
            out.mentions.append(SpeakerMention(quote_id=q.quote_id, article_id=q.article_id, speaker_id=speaker.speaker_id,
                                               speaker_name=q.speaker_name, mention=fold_name(speaker.canonical_name),
                                               kind=c.entity.kind))
    out.speakers = registry.found_in_text()
    return out


def _by_registry_role(c: Candidate, ctx: ArticleContext, body: str) -> bool:
    """Whether the speaker is the registry's holder of a role phrase (its subject, or in a
    headline a phrase on the same line)."""
    if not ctx.registry_roles or c.how not in ("role", "name"):
        return False
    if c.subject is not None:
        return c.subject.idx in ctx.registry_roles
    line_start, line_end = body.rfind("\n", 0, c.start) + 1, body.find("\n", c.end)
    return any(line_start <= i < (line_end if line_end >= 0 else len(body)) for i in ctx.registry_roles)


def _in_subordinate_clause(c: Candidate) -> bool:
    """The cue heads an adverbial or relative clause ("when Roe asked whether ...")."""
    return c.cue is not None and c.subject is not None and c.subject.head.i == c.cue.i \
        and c.cue.dep_ in ("advcl", "relcl")


def _title_end(article: Article) -> int:
    body = article.body
    first = body.split("\n", 1)[0]
    if article.title and first.strip() and first.strip() == article.title.strip():
        return len(first)
    return 0


# ---- putting it together ------------------------------------------------------------------

def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    rank = {"headline": 0, "direct": 1, "partial": 2, "indirect": 3}
    best: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        key = (c.start, c.end)
        if key not in best or rank[c.kind] < rank[best[key].kind]:
            best[key] = c
    return list(best.values())


def _order_pos(c: Candidate) -> int:
    if c.subject is not None:
        return c.subject.idx
    return c.start


def _resolve(cands: list[Candidate], ctx: ArticleContext) -> None:
    # a frame inside another frame's reported clause ("The Russian side reaffirmed X, the
    # statement said") is resolved after the outer one: the outer speaker is not its referent
    framed = [(c.start, c.end, c.subject.idx) for c in cands if c.subject is not None and c.kind == "indirect"]

    def order(c: Candidate) -> float:
        pos = _order_pos(c)
        outer = [sub for a, b, sub in framed if a <= pos < b and sub >= b]
        return max(outer) + 0.5 if outer and c.subject is not None else pos

    ordered = sorted(cands, key=order)
    for c in ordered:
        if c.entity is not None or c.subject is None:
            continue
        entity, mention = resolve_subject(ctx, c.subject)
        c.speaker_text = mention
        low = c.subject.lower_
        c.how = "pronoun" if c.subject.pos_ == "PRON" else "name" if c.subject.pos_ == "PROPN" or c.subject.ent_type_ else "role"
        if entity is not None:
            c.entity = entity
            ctx.note_speaker(entity, c.subject.idx, ctx.sent_index(c.subject), clause=_in_subordinate_clause(c))
        elif low in ("i", "we", "you"):
            c.speaker_text = mention
    _inherit_speakers(cands, ctx)


def _inherit_speakers(cands: list[Candidate], ctx: ArticleContext) -> None:
    """Quotes without a cue take the speaker of the statement they continue: the nearest
    attributed quote before them in the same or previous paragraph, else the one right
    after them in the paragraph. How they got it (`Candidate.how`) sets the confidence:
    "inherited" (nothing in between), "inherited_named" (another person named in
    between), "switched" (that person is a subject in between and takes over:
    '"A," X said. Y disagreed. "B."'), "inherited_next" (the cue follows)."""
    resolved = sorted((c for c in cands if c.entity is not None and c.kind in ("direct", "partial", "indirect")),
                      key=lambda c: c.start)
    starts = [c.start for c in resolved]
    mention_pos = [m.pos for m in ctx.mentions]
    body = doc_text(ctx.doc)
    for c in sorted(cands, key=lambda c: c.start):
        if not c.inherit or c.entity is not None:
            continue
        i = bisect.bisect_left(starts, c.start)
        prev = resolved[i - 1] if i > 0 else None
        nxt = resolved[i] if i < len(resolved) else None
        if prev is not None and len(_LINE_BREAKS.findall(body, prev.end, c.start)) <= 1:
            c.entity, c.speaker_text, c.how = prev.entity, prev.speaker_text, "inherited"
            lo, hi = bisect.bisect_left(mention_pos, prev.end), bisect.bisect_left(mention_pos, c.start)
            people = [m for m in ctx.mentions[lo:hi] if m.entity.kind == "person" and not ctx.in_quote(m.pos)]
            subjects = [m for m in people if m.subject]
            if subjects and subjects[-1].entity is not prev.entity:
                c.entity, c.speaker_text, c.how = subjects[-1].entity, subjects[-1].entity.name, "switched"
            elif any(m.entity is not prev.entity for m in people):
                c.how = "inherited_named"
        elif nxt is not None and "\n" not in body[c.end:nxt.start]:
            c.entity, c.speaker_text, c.how = nxt.entity, nxt.speaker_text, "inherited_next"
        elif c.kind == "direct" and (topic := _paragraph_subject(ctx, body, c.start)) is not None:
            c.entity, c.speaker_text, c.how = topic, topic.name, "topic"
        if c.entity is not None:  # a run of quoted lines passes the speaker on
            i = bisect.bisect_left(starts, c.start)
            starts.insert(i, c.start)
            resolved.insert(i, c)


def _paragraph_subject(ctx: ArticleContext, body: str, start: int) -> Entity | None:
    """'Jane Doe toured the port on Monday. / "We will rebuild it."': a quotation opening a
    paragraph, with no cue and no quote to continue, is the words of the person the paragraph
    before is about: its last main-clause subject outside quotation marks."""
    line = body.rfind("\n", 0, start) + 1
    if line == 0 or body[line:start].strip() not in ("", *OPEN_QUOTES):
        return None
    prev_end = len(body[:line].rstrip())
    prev_start = body.rfind("\n", 0, prev_end) + 1
    subjects = [m for m in ctx.mentions if prev_start <= m.pos < prev_end and m.subject
                and m.entity.kind == "person" and not ctx.in_quote(m.pos)]
    return subjects[-1].entity if subjects else None
