"""Direct and partial quotations: a quotation-mark span, its cue and its speaker's mention.

`direct_and_partial(doc, body, spans, toks)` makes one `Candidate` per quotation worth
keeping; `tasks.quotes.extract` resolves the speakers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tasks.lexicon import CLAUSE_ONLY_VERBS, IN_WORDS_NOUNS, LABELLING_VERBS
from tasks.quotes.cues import cue_subject, is_cue, is_naming, phrasal_particle
from tasks.quotes.frames import Candidate, Tokens
from tasks.quotes.marks import ParagraphIndex, QuoteSpan, intro_window_start, paragraphs
from tasks.quotes.sources import according_to, in_words
from tasks.quotes.windows import sentence_near, tail_tokens

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
# Partial quotes shorter than this that are all capitalised are names or titles.
_TITLE_MAX_WORDS = 6
# Tokens between a closing quotation mark and its cue: any cue this close, or a cue up to
# the long limit when everything before it is the cue's subject ('"...," Jane Doe, a ..., said').
_SHORT_FRAME = 10
_LONG_FRAME = 40
# The end of an attribution frame: a quotation mark, a line break or a sentence stop that
# is not an abbreviation ("Mr. Friedman said.") or an initial ("James B. Comey").
_FRAME_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
                        r"(?<!\bSt)(?<!\bJr)(?<!\b[A-Z])[.!?](?=\s|$)|\"|\n")


@dataclass
class _Site:
    """Where a quotation sits: its marks, its sentence, the words before it."""

    span: QuoteSpan
    text: str
    start: int  # the quotation's words, trimmed
    end: int
    para_start: int
    sent_start: int
    before: str  # the sentence before the opening mark
    inside: set[int]  # token indices inside the marks
    cue: Token | None  # the attribution right after the closing mark


def direct_and_partial(doc: Doc, body: str, spans: list[QuoteSpan], toks: Tokens) -> list[Candidate]:
    """A quotation standing as its own statement is direct ('"...," she said', 'X said:
    "..."', or no cue: it continues a statement); one inside the reporter's sentence is
    partial ('X called it "a gift"'), unless it is a title, a name or a scare quote."""
    out: list[Candidate] = []
    paras = ParagraphIndex(paragraphs(body))
    for span in spans:
        site = _site(doc, body, span, toks, paras)
        if site is None:
            continue
        embedded = bool(site.before) and not site.before.endswith(":") \
            and not _ends_with_cue(doc, toks, site.sent_start, span.start - 1)
        cand = _partial(doc, body, site, toks) if embedded else _direct(doc, body, site, toks, paras)
        if cand is not None:
            out.append(cand)
    for c in out:
        if c.cue is not None and c.subject is None:
            framed = according_to(c.cue) if c.cue.lower_ == "according" else (
                in_words(c.cue) if c.cue.lower_ in IN_WORDS_NOUNS else None)
            c.subject = framed[0] if framed is not None else cue_subject(c.cue)
            if c.subject is None:
                c.inherit = True
    return out


def _site(doc: Doc, body: str, span: QuoteSpan, toks: Tokens, paras) -> _Site | None:
    text = span.text(body).strip().rstrip(_TRAILING).strip()
    if not text or not any(ch.isalpha() for ch in text):
        return None
    q_start, q_end = _trimmed(body, span.start, span.end)
    open_mark = span.start - 1
    para_start = paras.start_of(open_mark)
    sent_start = _sentence_start(body, intro_window_start(para_start, open_mark), open_mark)
    inside = set(toks.range(span.start, span.end)) if span.end > span.start else set()
    # span.end is the index of the closing mark (or the paragraph end)
    cue = _cue_after(doc, body, span, toks, span.end) if span.closed else None
    return _Site(span, text, q_start, q_end, para_start, sent_start, body[sent_start:open_mark].strip(), inside, cue)


def _direct(doc: Doc, body: str, site: _Site, toks: Tokens, paras) -> Candidate:
    """The cue after the quotation, else one in the sentence before it ('X said: "..."', with
    the colon's own rules), else the previous paragraph's 'X said:'; none: it inherits."""
    cue, intro_subject = site.cue, None
    # 'X said, "..." - at which point the crowd chanted': a frame ending in its cue introduces
    # the quotation unless its own closing comma (or ? !) hands it to the cue after it
    if cue is not None and site.before and body[site.span.end - 1:site.span.end] not in (",", "?", "!") \
            and _ends_with_cue(doc, toks, site.sent_start, site.span.start - 1):
        cue = None
    if cue is None and site.before:
        rng = toks.range(site.sent_start, site.span.start - 1)
        cue = _cue_in_range(doc, rng)
        if site.before.endswith(":"):  # 'X fired back:', 'the news surprised pollster Y:'
            cue, intro_subject = _colon_intro(doc, rng, cue)
    cand = Candidate(site.start, site.end, site.text, "direct", cue=cue)
    if intro_subject is not None:
        cand.subject = intro_subject
        return cand
    if cue is None:
        cand.inherit = True
        if not site.before:
            cue, subject = _previous_paragraph_intro(doc, body, paras, site.para_start, toks)
            if cue is not None or subject is not None:
                cand.cue, cand.subject, cand.inherit = cue, subject, False
    return cand


def _partial(doc: Doc, body: str, site: _Site, toks: Tokens) -> Candidate | None:
    """A fragment inside the reporter's sentence, governed by a cue; not a short title, a
    name, a web address or a scare quote ('Moscow's "peace plan"', 'the so-called "X"')."""
    text, inside = site.text, site.inside
    cue = _governing_cue(doc, inside, toks, site.span) or site.cue
    if cue is None or _looks_like_title(text) and len(text.split()) < 3:
        return None
    if _looks_like_title(text) and cue.i not in {t.head.i for t in (doc[i] for i in inside)}:
        return None
    if _is_name_or_title(doc, inside, text):
        return None
    if len(text.split()) <= 4 and _SCARE_BEFORE.search(body, max(0, site.start - 20), site.start):
        return None
    return Candidate(site.start, site.end, text, "partial", cue=cue)


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
    # '..., with Jane Doe yelling: "..."': the cue right before the colon introduces it
    last = next((t for t in reversed(tokens) if not t.is_punct), None)
    if last is not None and is_cue(last) and cue_subject(last) is not None:
        return last, None
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


def _previous_paragraph_intro(doc: Doc, body: str, paras, para_start: int,
                              toks: Tokens) -> tuple[Token | None, Token | None]:
    """'Trump said:', 'Jane Doe echoed:', 'Doe released the following statement:' closing the
    previous paragraph introduce this quoted paragraph: (cue, subject) by the colon's rules."""
    prev = paras.ending_by(para_start)
    if prev is None:
        return None, None
    s, e = prev
    if not body[s:e].rstrip().endswith(":"):
        return None, None
    sent_start = _sentence_start(body, intro_window_start(s, e), e)
    rng = toks.range(sent_start, e)
    return _colon_intro(doc, rng, _cue_in_range(doc, rng))


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
        if t.lower_ in IN_WORDS_NOUNS and in_words(t) is not None:
            return t  # 'In his opinion, capitals "have lost the ability to negotiate"'
    return None


def _outside_subject(cue: Token, inside: set[int]) -> bool:
    """The cue has a subject, and it is not the quoted words themselves ('"the regime" was rejecting')."""
    subject = cue_subject(cue)
    return subject is not None and subject.i not in inside


def _labels_with_subject(token: Token) -> bool:
    """A speaker labelling something: active 'call'/'brand' with its own subject."""
    return (token.lemma_.lower() in LABELLING_VERBS and token.tag_ != "VBN"
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
