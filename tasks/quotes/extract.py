"""Quotes and reported speech in an article, attributed to canonical speakers.

`extract_quotes(doc, article, registry)` is the entry point. It collects candidates with
one function per pattern (`direct_and_partial`, `indirect`, `headlines`), then resolves
their speakers in reading order so that pronouns and role nouns see the speakers before
them, and quotes with no cue of their own inherit the speaker of the quote they continue.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from models import Article, Quote
from models.base import stable_id
from tasks.quotes.context import ArticleContext
from tasks.lexicon import CLAUSE_ONLY_VERBS
from tasks.nlp import doc_text
from tasks.quotes.frames import Candidate, Tokens, headlines, indirect, title_objects
from tasks.quotes.marks import ParagraphIndex, QuoteSpan, find_quote_spans, intro_window_start, paragraphs
from tasks.quotes.registry import SpeakerRegistry
from tasks.quotes.windows import sentence_near, tail_tokens
from tasks.quotes.cues import (
    according_to,
    cue_subject,
    cue_text,
    in_words,
    is_cue,
    is_naming,
    phrasal_particle,
)

# Confidence by how the speaker was found; the product of kind and resolution factors.
_KIND_CONFIDENCE = {"direct": 0.95, "partial": 0.85, "indirect": 0.8, "headline": 0.8}
_HOW_CONFIDENCE = {"name": 1.0, "pronoun": 0.85, "role": 0.85, "inherited": 0.75, "none": 0.5}
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
# Partial quotes shorter than this that are all capitalised are names or titles.
_TITLE_MAX_WORDS = 6
_LINE_BREAKS = re.compile(r"\n+")
# Tokens between a closing quotation mark and its cue: any cue this close, or a cue up to
# the long limit when everything before it is the cue's subject ('"...," Jane Doe, a ..., said').
_SHORT_FRAME = 10
_LONG_FRAME = 40
# The end of an attribution frame: a quotation mark, a line break or a sentence stop that
# is not an abbreviation ("Mr. Friedman said.") or an initial ("James B. Comey").
_FRAME_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
                        r"(?<!\bSt)(?<!\bJr)(?<!\b[A-Z])[.!?](?=\s|$)|\"|\n")


def extract_quotes(doc: Doc, article: Article, registry: SpeakerRegistry) -> list[Quote]:
    body = article.body
    spans = find_quote_spans(body)
    ctx = ArticleContext(doc, registry, quoted=[seg for s in spans for seg in s.segments])
    toks = Tokens(doc)
    title_end = _title_end(article)
    candidates = direct_and_partial(doc, body, spans, toks)
    candidates += indirect(doc, spans, toks, candidates)
    candidates += headlines(doc, body, title_end, toks, ctx)
    candidates += title_objects(doc, title_end)
    candidates = _dedupe(candidates)
    _resolve(candidates, ctx)
    quotes = []
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        kind = "headline" if c.end <= title_end else c.kind
        speaker = ctx.speaker_for(c.entity)
        conf = _KIND_CONFIDENCE[kind] * _HOW_CONFIDENCE[c.how if speaker else "none"]
        quotes.append(Quote(
            quote_id=stable_id(article.article_id, kind, c.start, c.end),
            article_id=article.article_id,
            speaker_id=speaker.speaker_id if speaker else None,
            speaker_name=ctx.name_for(c.entity, speaker),
            speaker_text=c.speaker_text,
            kind=kind, text=c.text, cue=cue_text(c.cue) if c.cue is not None else (":" if kind == "headline" else None),
            start_char=c.start, end_char=c.end, confidence=round(conf, 3),
        ))
    return quotes


def _title_end(article: Article) -> int:
    body = article.body
    first = body.split("\n", 1)[0]
    if article.title and first.strip() and first.strip() == article.title.strip():
        return len(first)
    return 0


# ---- direct and partial quotations --------------------------------------------------

def direct_and_partial(doc: Doc, body: str, spans: list[QuoteSpan], toks: Tokens) -> list[Candidate]:
    out: list[Candidate] = []
    paras = ParagraphIndex(paragraphs(body))
    for span in spans:
        text = span.text(body).strip().rstrip(_TRAILING).strip()
        if not text or not any(ch.isalpha() for ch in text):
            continue
        q_start, q_end = _trimmed(body, span.start, span.end)
        open_mark = span.start - 1
        para_start = paras.start_of(open_mark)
        sent_start = _sentence_start(body, intro_window_start(para_start, open_mark), open_mark)
        before = body[sent_start:open_mark].strip()
        close_mark = span.end  # index of the closing mark (or paragraph end)
        inside = set(toks.range(span.start, span.end)) if span.end > span.start else set()
        cue = _cue_after(doc, body, span, toks, close_mark) if span.closed else None
        embedded = bool(before) and not before.endswith(":") and not _ends_with_cue(doc, toks, sent_start, open_mark)
        if not embedded:
            intro_subject = None
            if cue is None and before:
                rng = toks.range(sent_start, open_mark)
                cue = _cue_in_range(doc, rng)
                if before.endswith(":"):  # 'X fired back:', 'the news surprised pollster Y:'
                    cue, intro_subject = _colon_intro(doc, rng, cue)
            cand = Candidate(q_start, q_end, text, "direct", cue=cue)
            if intro_subject is not None:
                cand.subject = intro_subject
                out.append(cand)
                continue
            if cue is None:
                cand.inherit = True
                if not before:
                    prev = _previous_paragraph_intro(doc, body, paras, para_start, toks)
                    if prev is not None:
                        cand.cue, cand.inherit = prev, False
            out.append(cand)
            continue
        # a fragment inside the reporter's sentence: partial, or a scare quote / title
        cue = _governing_cue(doc, inside, toks, span) or cue
        if cue is None or _looks_like_title(text) and len(text.split()) < 3:
            continue
        if _looks_like_title(text) and cue.i not in {t.head.i for t in (doc[i] for i in inside)}:
            continue
        if _is_name_or_title(doc, inside, text):
            continue
        # 'Moscow's "peace plan"', 'the so-called "Middle Corridor"': a short phrase marked as
        # someone else's label, not words the speaker said
        if len(text.split()) <= 4 and _SCARE_BEFORE.search(body, max(0, q_start - 20), q_start):
            continue
        out.append(Candidate(q_start, q_end, text, "partial", cue=cue))
    for c in out:
        if c.cue is not None:
            framed = according_to(c.cue) if c.cue.lower_ == "according" else (
                in_words(c.cue) if c.cue.lower_ in ("words", "opinion", "view") else None)
            c.subject = framed[0] if framed is not None else cue_subject(c.cue)
            if c.subject is None:
                c.inherit = True
    return out


_TRAILING = ",;:"


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a quotation without surrounding white space or a trailing , ; or :
    ('"We will win," she said' -> 'We will win')."""
    while end > start and (body[end - 1].isspace() or body[end - 1] in _TRAILING):
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    return start, end


def _sentence_start(body: str, para_start: int, pos: int) -> int:
    start = para_start
    # look one mark past pos: a sentence stop right before the opening mark ends a sentence
    for m in _SENTENCE_END.finditer(body, para_start, min(len(body), pos + 2)):
        if m.end() <= pos:
            start = m.end()
    return start


def _ends_with_cue(doc: Doc, toks: Tokens, start: int, end: int) -> bool:
    """'X said, "..."' / 'X said "..."': the frame ends with the cue (and a comma)."""
    idx = tail_tokens(doc, toks.range(start, end), end)
    comma = False
    while idx and doc[idx[-1]].is_punct:
        comma = comma or doc[idx[-1]].text in (",", ":")
        idx.pop()
    if idx and doc[idx[-1]].dep_ in ("prt", "advmod") and is_cue(doc[idx[-1]].head) \
            and phrasal_particle(doc[idx[-1]].head) is not None and doc[idx[-1]].head.i == idx[-1] - 1:
        idx.pop()  # 'X shot back, "..."'
    if not idx or not is_cue(doc[idx[-1]]):
        return False
    # "Russia will add "in every way" to ...": a verb that is speech only before a clause
    return comma or doc[idx[-1]].lemma_.lower() not in CLAUSE_ONLY_VERBS


def _cue_in_range(doc: Doc, rng: range) -> Token | None:
    """The intro's cue: one of its main clause before one of a subordinate clause
    ('After X criticized Y, Z shot back, "..."')."""
    cues = [doc[i] for i in rng if is_cue(doc[i]) and cue_subject(doc[i]) is not None]
    if not cues:
        return None
    main = [t for t in cues if not any(a.dep_ in ("advcl", "relcl", "acl") and a.i in rng for a in [t, *t.ancestors])]
    return main[0] if main else cues[0]


def _colon_intro(doc: Doc, rng: range, cue: Token | None) -> tuple[Token | None, Token | None]:
    """The speaker of a quotation introduced by a sentence ending in a colon: a cue of the
    main clause, else the main clause's named subject, else any cue, else the last person."""
    tokens = [doc[i] for i in rng]
    if not tokens:
        return cue, None
    # the intro's own main clause: its token that hangs outside it (the parse often makes
    # the quotation the sentence root and the intro a clause of it)
    heads = [t for t in tokens if t.head.i not in rng or t.head.i == t.i]
    root = max(heads, key=lambda t: t.right_edge.i - t.left_edge.i) if heads else tokens[-1].sent.root
    main = [t for t in tokens if is_cue(t) and cue_subject(t) is not None and (t.i == root.i or t.head.i == root.i and t.dep_ == "conj")]
    if main:
        return main[-1], None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.ent_type_ == "PERSON" or subject.pos_ in ("PROPN", "PRON")):
        return None, subject
    if cue is not None:
        return cue, None
    people = [e for e in doc[tokens[0].i:tokens[-1].i + 1].ents if e.label_ == "PERSON"]
    return (None, people[-1].root) if people else (None, None)


def _cue_after(doc: Doc, body: str, span: QuoteSpan, toks: Tokens, close_mark: int) -> Token | None:
    """'"...," she said.' - the attribution right after the closing mark."""
    start = close_mark + 1
    if start >= len(body) or body[start] == "\n":
        return None
    stop = len(body)
    for m in _FRAME_END.finditer(body[start:start + 400]):
        stop = start + m.start()
        break
    content_end = body[span.end - 1] if span.end > span.start else ""
    frame = [i for i in toks.range(start, stop) if doc[i].idx >= start]
    # '"...," according to the group.'
    lead = [i for i in frame[:3] if not doc[i].is_punct and not doc[i].is_space]
    if lead and doc[lead[0]].lower_ == "according" and according_to(doc[lead[0]]) is not None:
        return doc[lead[0]]
    for n, i in enumerate(frame[:_LONG_FRAME]):
        t = doc[i]
        if not is_cue(t) or cue_subject(t) is None:
            continue
        if n >= _SHORT_FRAME and not _subject_fills(doc, cue_subject(t), frame[0], t.i):
            continue
        own_clause = any(c.dep_ == "ccomp" and c.idx > close_mark for c in t.children)
        if content_end in ",?!-\u2014" or body[start:start + 2].strip()[:1].islower() or not own_clause:
            if content_end == "." and own_clause:
                return None
            return t
    return None


def _subject_fills(doc: Doc, subject: Token, first: int, cue: int) -> bool:
    """'"...," Jane Doe, a professor at a university who studies X, told Y': everything
    between the closing mark and the cue is the cue's subject (with its appositions)."""
    lo, hi = subject.left_edge.i, subject.right_edge.i
    return all(lo <= j <= hi or doc[j].is_punct or doc[j].is_space for j in range(first, cue))


def _previous_paragraph_intro(doc: Doc, body: str, paras, para_start: int, toks: Tokens) -> Token | None:
    """'Trump said:' closing the previous paragraph introduces this quoted paragraph."""
    prev = paras.ending_by(para_start)
    if prev is None:
        return None
    s, e = prev
    if not body[s:e].rstrip().endswith(":"):
        return None
    sent_start = _sentence_start(body, intro_window_start(s, e), e)
    return _cue_in_range(doc, toks.range(sent_start, e))


def _governing_cue(doc: Doc, inside: set[int], toks: Tokens, span: QuoteSpan) -> Token | None:
    """The speech verb a quoted fragment depends on, or one in its sentence."""
    roots = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    for root in roots[:3]:
        node = root.head if root.head.i != root.i else root
        for _ in range(8):
            if node.i not in inside:
                if _labels_with_subject(node):  # 'X called the plan "a reckless gamble"'
                    return node
                if is_naming(node):
                    return None
                if is_cue(node) and _outside_subject(node, inside) and (
                        node.lemma_.lower() not in CLAUSE_ONLY_VERBS or root.dep_ == "ccomp"):
                    return node
                if node.lower_ == "according":
                    return node
            if node.head.i == node.i:
                break
            node = node.head
    if not roots:
        return None
    for t in sentence_near(doc, toks, roots[0].i, span):
        if t.i in inside:
            continue
        if is_cue(t) and _outside_subject(t, inside) and not is_naming(t):
            return t
        if t.lower_ == "according" and according_to(t) is not None:
            return t
        if t.lower_ in ("words", "opinion", "view") and in_words(t) is not None:
            return t  # 'In his opinion, capitals "have lost the ability to negotiate"'
    return None


def _outside_subject(cue: Token, inside: set[int]) -> bool:
    """The cue has a subject, and it is not the quoted words themselves ('"the regime" was rejecting')."""
    subject = cue_subject(cue)
    return subject is not None and subject.i not in inside


def _labels_with_subject(token: Token) -> bool:
    """A speaker labelling something: active 'call'/'brand' with its own subject."""
    return (token.lemma_.lower() in ("call", "brand", "label", "term", "dub") and token.tag_ != "VBN"
            and any(c.dep_ == "nsubj" for c in token.children))


_NAME_ENTS = frozenset({"WORK_OF_ART", "ORG", "EVENT", "FAC", "PRODUCT", "LAW"})
_SCARE_BEFORE = re.compile(r"(?:\b(?!(?:it|that|he|she|there|here|what|who|let)'s)\w+'s?|\bso-called|\bso called|\bdubbed|\bthe term|\bthe word)\s*[\"\u201c\u00ab]?\s*$", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net)\b")


def _is_name_or_title(doc: Doc, inside: set[int], text: str) -> bool:
    """A capitalised fragment used as a name: a show, a book, a web address
    ('told NBC's "Meet the Press"'), not words someone said."""
    if _URL.search(text):
        return True
    if not _looks_like_title(text) or not inside:
        return False
    tokens = [doc[i] for i in sorted(inside) if not doc[i].is_punct and not doc[i].is_space]
    if not tokens:
        return False
    if all(t.ent_type_ in _NAME_ENTS for t in tokens if t.is_alpha and t.text[:1].isupper()):
        return True
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    while before is not None and before.i > 0 and (before.is_punct or before.is_space):
        before = doc[before.i - 1]
    possessed = before is not None and before.tag_ == "POS"
    return possessed or any(r.dep_ in ("pobj", "poss", "compound", "appos") for r in roots)


def _looks_like_title(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    if not words or len(words) > _TITLE_MAX_WORDS:
        return False
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with"}
    return all(w[0].isupper() or w.lower() in small for w in words) and words[0][0].isupper()


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
        entity, mention = ctx.resolve_subject(c.subject)
        c.speaker_text = mention
        low = c.subject.lower_
        c.how = "pronoun" if c.subject.pos_ == "PRON" else "name" if c.subject.pos_ == "PROPN" or c.subject.ent_type_ else "role"
        if entity is not None:
            c.entity = entity
            ctx.note_speaker(entity, c.subject.idx, ctx.sent_index(c.subject))
        elif low in ("i", "we", "you"):
            c.speaker_text = mention
    # quotes without a cue: the nearest attributed quote in the same or previous paragraph
    resolved = sorted((c for c in cands if c.entity is not None and c.kind in ("direct", "partial", "indirect")),
                      key=lambda c: c.start)
    starts = [c.start for c in resolved]
    mention_pos = [m.pos for m in ctx.mentions]
    for c in sorted(cands, key=lambda c: c.start):
        if not c.inherit or c.entity is not None:
            continue
        i = bisect.bisect_left(starts, c.start)
        prev = resolved[i - 1] if i > 0 else None
        nxt = resolved[i] if i < len(resolved) else None
        body = doc_text(ctx.doc)
        if prev is not None and len(_LINE_BREAKS.findall(body, prev.end, c.start)) <= 1:
            c.entity, c.speaker_text, c.how = prev.entity, prev.speaker_text, "inherited"
            # '"A," X said. Y disagreed. "B."': a person named as a subject in between speaks
            lo, hi = bisect.bisect_left(mention_pos, prev.end), bisect.bisect_left(mention_pos, c.start)
            between = [m for m in ctx.mentions[lo:hi] if m.subject and m.entity.kind == "person"
                       and not ctx.in_quote(m.pos)]
            if between and between[-1].entity is not prev.entity:
                c.entity, c.speaker_text = between[-1].entity, between[-1].entity.name
        elif nxt is not None and "\n" not in body[c.end:nxt.start]:
            c.entity, c.speaker_text, c.how = nxt.entity, nxt.speaker_text, "inherited"
        if c.entity is not None:  # a run of quoted lines passes the speaker on
            i = bisect.bisect_left(starts, c.start)
            starts.insert(i, c.start)
            resolved.insert(i, c)
