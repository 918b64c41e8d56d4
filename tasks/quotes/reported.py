"""What a cue verb reports: the token range of its content, one pattern per frame.

`reported_span(cue)` tries the patterns of `SPAN_PATTERNS` in order ("As X noted,
CLAUSE", "said that CLAUSE", "CLAUSE, X said", "urged X to VP", "voiced concern", "the
things he said about X", ...). A pattern answers a span, `NOTHING` (the cue reports
nothing: "declined to comment on X" is, "commented on X" is not), or None (does not apply).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tasks.lexicon import (
    ADDRESSEE_VERBS,
    AS_FRAME_VERBS,
    BARE_PARTICLES,
    CLAUSE_ONLY_VERBS,
    CONTENT_MARKS,
    EXPECTING_VERBS,
    NOMINATIVE_PRONOUNS,
    NP_OBJECT_CUES,
    REFUSAL_ONLY_PHRASALS,
    REFUSAL_VERBS,
    SAID_THINGS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from tasks.quotes.cues import (
    amod_cue,
    cue_subject,
    is_cue,
    phrasal_particle,
)

_COMPLEMENT_DEPS = ("dobj", "xcomp", "prep", "prt", "dative", "oprd", "ccomp", "attr", "acomp")

# Phrases the parser may put between a cue and its "that" ("said earlier on Friday during a
# news conference that ..."); three, not two, found one more quote on polnear-train-wide.
_THAT_HOPS = 3

Span = tuple[int, int]
NOTHING: Span = (-1, -1)  # a pattern's answer "this cue reports nothing"


@dataclass
class CueParse:
    """What every pattern reads about a cue, worked out once."""

    token: Token
    lemma: str
    subject: Token | None
    children: list[Token]  # without a "clause" that holds the speaker (a mis-parse)
    ccomps: list[Token]  # clausal complements, those after the cue first

    @classmethod
    def of(cls, cue: Token) -> CueParse:
        subject = cue_subject(cue)
        # '"...," said Jane Doe, an aide who runs X': a "clause" holding the speaker is a mis-parse
        children = [c for c in cue.children if not (c.dep_ == "ccomp" and subject is not None
                                                    and c.left_edge.i <= subject.i <= c.right_edge.i)]
        ccomps = [c for c in children if c.dep_ == "ccomp" and c.i > cue.i] or [c for c in children if c.dep_ == "ccomp"]
        return cls(cue, cue.lemma_.lower(), subject, children, ccomps)


def reported_span(cue: Token) -> Span | None:
    """Token range [start, end) of what a cue reports, or None when it reports nothing."""
    framed = as_frame(cue)  # before the parse work: these two need no subject
    if framed is not None:
        return framed
    if amod_cue(cue):  # "Trump dismissed critics who ...": through the noun it modifies
        return cue.i, cue.head.right_edge.i + 1
    parse = CueParse.of(cue)
    for pattern in SPAN_PATTERNS:
        found = pattern(parse)
        if found is not None:
            return None if found == NOTHING else found
    return None


def expected_speech(p: CueParse) -> Span | None:
    """'Russia expects Berlin to explain X', 'wants Kyiv to say': an infinitive with a subject of
    its own after a verb of expecting is speech someone else awaits, not the subject's words ->
    NOTHING. (Other heads stay: the key of polnear-train-wide keeps "allow him to call for X",
    "for Trump and Ryan to agree on X".)"""
    cue = p.token
    if p.subject is not None and p.subject.head.i == cue.i and p.subject.dep_ == "nsubj" \
            and cue.head.lemma_.lower() in EXPECTING_VERBS and cue.head.i < p.subject.i \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return NOTHING
    return None


def that_clause(p: CueParse) -> Span | None:
    """'agreed that CLAUSE' with the clause's parts hung on the cue (see `_that_clause`)."""
    return _that_clause(p.token, p.ccomps[0] if p.ccomps and p.ccomps[0].i > p.token.i else None)


def clause_complement(p: CueParse) -> Span | None:
    """'CLAUSE, X said' -> the clause before the cue; 'X said CLAUSE' -> the clause after it
    (two clauses hung on one cue, 'said they're fine with | however it plays out', are one;
    'claiming he above all others has X' starts at the pronoun the parser made an object)."""
    if not p.ccomps:
        return None
    cue, c = p.token, p.ccomps[0]
    if c.i < cue.i:
        return _false_split_start(c.left_edge), min(c.right_edge.i + 1, _subtree_start(cue, c))
    start = c.left_edge.i
    for child in cue.rights:
        if child.i < start and child.dep_ == "dobj" and child.lower_ in NOMINATIVE_PRONOUNS:
            start = child.i
    # "said A but that B": a coordinated that-clause is more of the same statement
    more = [x for x in p.children if x.dep_ == "conj" and x.i > cue.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in x.children)]
    end = max(x.right_edge.i for x in p.ccomps + more if x.i > cue.i) + 1
    return start, end


def complement(p: CueParse) -> Span | None:
    """'urged X to VP' -> 'X to VP' after the addressee; 'called on X to' -> after the particle;
    'voiced concern over Y' -> the verb and its object; NOTHING for 'commented on X' (a topic),
    'fired back at X' (a reply), 'writes songs' (a genre), 'told reporters' (an addressee),
    or a clause-only verb ('continued to fight') without a clause."""
    cue, lemma, children = p.token, p.lemma, p.children
    particle = phrasal_particle(cue)
    if particle is not None and lemma in REFUSAL_ONLY_PHRASALS and not _refused(cue):
        return NOTHING
    if particle is not None and particle.lower_ in BARE_PARTICLES:
        particle = None
        if lemma not in SPEECH_VERBS:
            return NOTHING
    right = [c for c in children if c.i > cue.i and (c.dep_ in _COMPLEMENT_DEPS or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONTENT_MARKS for m in c.children)))]
    if any(c.dep_ == "advcl" for c in right):
        particle = particle or next(c for c in right if c.dep_ == "advcl")
    has_xcomp = any(c.dep_ == "xcomp" for c in right)
    has_obj = any(c.dep_ in ("dobj", "oprd", "attr") for c in right)
    if lemma in CLAUSE_ONLY_VERBS and particle is None:
        return NOTHING
    if lemma == "write" and particle is None and not has_xcomp and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and not list(c.children) for c in right):
        return NOTHING
    if not (has_xcomp or particle is not None or (has_obj and lemma in NP_OBJECT_CUES and lemma not in ADDRESSEE_VERBS)):
        return None
    if lemma in ADDRESSEE_VERBS and not has_xcomp and particle is None:
        return NOTHING
    # the content runs to the end of the cue's clause ("dismissed X while saying Y",
    # "described X as Y"), not into a coordinated clause of its own
    tail = [c for c in children if c.i > cue.i and c.dep_ not in ("conj", "cc", "punct")]
    end = max(c.right_edge.i for c in right + tail) + 1
    if not (has_xcomp or particle is not None or lemma in ADDRESSEE_VERBS):
        return cue.i, end  # "confirmed its willingness": the verb is part of it
    start = cue.i + 1
    while start < end and (start == getattr(particle, "i", -1) or cue.doc[start].dep_ == "prt"
                           and cue.doc[start].head.i == cue.i):
        start += 1
    return start, end


def said_things(p: CueParse) -> Span | None:
    """'the things he said about X' -> the relative clause's head noun and the clause."""
    cue = p.token
    if cue.dep_ == "relcl" and cue.head.pos_ == "NOUN" and cue.head.lemma_.lower() in SAID_THINGS \
            and cue.head.i < cue.i and not any(c.dep_ in ("dobj", "ccomp") for c in p.children):
        return cue.head.left_edge.i, cue.right_edge.i + 1
    return None


def frame_hung_on_clause(p: CueParse) -> Span | None:
    """'CLAUSE, X told reporters.' parsed with the frame as the clause's object -> the clause,
    up to the comma before the frame (whose subject may hang elsewhere)."""
    cue, subject, doc = p.token, p.subject, p.token.doc
    if not (cue.dep_ == "ccomp" and cue.head.i < cue.i and not is_cue(cue.head) and subject is not None
            and (cue.right_edge.i + 1 >= len(doc) or doc[cue.right_edge.i + 1].is_punct
                 or doc[cue.right_edge.i + 1].is_space)):
        return None
    left = min(cue.left_edge.i, subject.i)
    comma = next((i for i in range(left - 1, max(left - 12, cue.head.i), -1) if doc[i].text == ","), None)
    if comma is not None and (comma == left - 1 or not cue.is_ancestor(subject)):
        start = _false_split_start(cue.head.left_edge)
        if comma - start >= 3:
            return start, comma
    return None


def parataxis_frame(p: CueParse) -> Span | None:
    """'CLAUSE, X said.' / 'CLAUSE, X said, CLAUSE.' parsed as parataxis -> what comes before."""
    cue = p.token
    if cue.dep_ == "parataxis" and p.subject is not None:
        start = _false_split_start(cue.head.left_edge)
        if cue.left_edge.i - start >= 2:
            return start, cue.left_edge.i
    return None


def conjunct_frame(p: CueParse) -> Span | None:
    """'CLAUSE, X told a briefing.' parsed as a conjunct of the clause's verb (no "and" or "but"
    between them) -> the clause, up to the comma before the frame."""
    cue, subject, doc = p.token, p.subject, p.token.doc
    if cue.dep_ != "conj" or subject is None or subject.head.i != cue.i or is_cue(cue.head):
        return None
    comma = subject.left_edge.i - 1
    if comma <= cue.head.i or doc[comma].text != "," or any(
            c.dep_ == "cc" and cue.head.i < c.i < cue.i for c in cue.head.children):
        return None
    start = _false_split_start(cue.head.left_edge)
    return (start, comma) if comma - start >= 3 else None


SPAN_PATTERNS = (expected_speech, that_clause, clause_complement, complement, said_things, frame_hung_on_clause,
                 parataxis_frame, conjunct_frame)


def _that_clause(cue: Token, ccomp: Token | None) -> tuple[int, int] | None:
    """'agreed that CLAUSE', 'told agents that CLAUSE', 'insisted in an interview that CLAUSE'
    when the parser hung the clause's parts on the cue: everything after 'that' to the end
    of the cue's own clause."""
    doc = cue.doc
    end_of_sent = cue.sent.end
    k = cue.i + 1
    particle = phrasal_particle(cue)
    if particle is not None and particle.i == k:
        k += 1
    skippable = {c.left_edge.i: c for c in cue.rights if c.dep_ in ("dobj", "dative", "prep", "advmod", "npadvmod")}
    hops = 0
    while k < end_of_sent and doc[k].lower_ != "that" and k in skippable and hops < _THAT_HOPS:
        child = skippable[k]
        if child.dep_ == "dobj" and cue.lemma_.lower() not in ADDRESSEE_VERBS:
            return None
        # "insisted in the same interview that ...": the parser hung the clause on the noun
        # (not the clause of a speech noun: "respond to X's accusations that ..." is X's)
        mark = next((t for t in doc[child.i + 1:child.right_edge.i + 1] if t.lower_ == "that" and t.dep_ == "mark"
                     and t.head.head.lemma_.lower() not in SPEECH_NOUNS), None)
        k = mark.i if mark is not None else child.right_edge.i + 1
        hops += 1
    if k >= end_of_sent or doc[k].lower_ != "that" or doc[k].dep_ == "det" \
            or (doc[k].dep_ == "dobj" and doc[k].head.i == cue.i):
        return None
    if ccomp is not None and ccomp.left_edge.i <= k:
        return None  # an ordinary that-clause
    tail = [c for c in cue.rights if c.dep_ not in ("conj", "cc", "punct") and c.right_edge.i > k]
    if not tail:
        return None
    end = max(c.right_edge.i for c in tail) + 1
    return (k + 1, end) if end - k - 1 >= 3 else None


def _refused(cue: Token) -> bool:
    """'declined to comment', 'did not comment'."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in REFUSAL_VERBS


def as_frame(cue: Token) -> tuple[int, int] | None:
    """'As X noted, CLAUSE' / 'CLAUSE, as X reported': the main clause is the content."""
    if cue.lemma_.lower() not in AS_FRAME_VERBS or phrasal_particle(cue) is not None:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.children):
        return None
    frame = None
    if cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        frame = cue
    # the parser's other reading: "as" a preposition, the cue a relative clause of its object
    elif (cue.dep_ == "relcl" and cue.head.dep_ == "pobj" and cue.head.head.lower_ == "as"
          and cue.head.head.dep_ == "prep" and cue.head.head.left_edge.i == cue.head.head.i):
        frame = cue.head.head
    if frame is None or frame.head.i == frame.i:
        return None
    head = frame.head
    sent = cue.sent
    if frame.left_edge.i < head.i:  # the frame comes first: content after it
        start = frame.right_edge.i + 1
        end = min(head.right_edge.i + 1, sent.end)
    else:
        start = max(head.left_edge.i, sent.start)
        end = frame.left_edge.i
    return (start, end) if end - start >= 3 else None


def _false_split_start(token: Token) -> int:
    """A fronted clause cut off by a wrong sentence split ("..., handed X, | Y, it said")
    starts at the previous sentence when no sentence punctuation or paragraph break ends it."""
    start = token.i
    sent = token.sent
    if start == sent.start and start > 0:
        prev = token.doc[start - 1]
        if prev.text not in (".", "!", "?", ":", ";") and "\n" not in prev.text and not prev.is_space:
            return prev.sent.start
    return start


def _subtree_start(cue: Token, clause: Token) -> int:
    """Where the cue's own part starts after a fronted clause (its subject, or the cue)."""
    own = [t.left_edge.i for t in cue.children if t.i > clause.right_edge.i]
    return min(own + [cue.i])
