"""Cue verbs in a parse: is this token a speech cue, who is its subject, what did it report.

One function per pattern, in the manner of textacy's triples module: `is_cue`,
`cue_subject`, `reported_span` (the complement of "said that ...", "urged X to ...",
"pointed out NP", "CLAUSE, X said"), and `according_to` ("according to X, CLAUSE").
"""
from __future__ import annotations

from spacy.tokens import Token

from tasks.cues import ACCORDING_TO, CLAUSE_ONLY_VERBS, NAMING_VERBS, PHRASAL_CUES, SPEECH_VERBS

_SUBJECTS = ("nsubj", "nsubjpass")
# Verbs whose bare noun-phrase object is what was said ("voiced concern", "pointed out X").
_NP_OBJECT_OK = frozenset({
    "express", "voice", "stress", "emphasize", "emphasise", "underline", "underscore",
    "point", "confirm", "reiterate", "announce", "deny", "propose", "reveal", "highlight",
    "demand", "pledge", "promise", "criticize", "criticise", "accuse", "note", "reaffirm",
    "acknowledge", "admit", "predict", "tout", "cite", "mention", "call", "blast", "slam",
    "recommend", "dismiss", "question", "welcome", "praise", "describe", "mock", "urge",
    "vow", "warn", "suggest", "push", "signal", "concede", "charge", "tweet", "write",
    "blame", "condemn", "denounce", "decry", "reject", "defend", "list", "hail",
    "applaud", "commend", "ridicule", "rebuke", "disavow", "lambaste", "assail", "rip",
    "outline", "unveil", "fault", "float", "endorse", "label",
})
# An adverbial clause that is really the content: "calling for X to do", "asked whether ...".
_CONTENT_MARKS = frozenset({"that", "for", "whether", "if", "how", "why", "what"})
# Object-taking cues whose object is the addressee, not the content ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "urge", "inform", "assure", "advise", "brief", "remind", "warn"})
_COMPLEMENT_DEPS = ("dobj", "xcomp", "prep", "prt", "dative", "oprd", "ccomp", "attr", "acomp")


def phrasal_particle(token: Token) -> Token | None:
    """The particle of a phrasal cue ("pointed *out*", "called *on*")."""
    wanted = PHRASAL_CUES.get(token.lemma_.lower())
    if not wanted:
        return None
    for child in token.rights:
        if child.dep_ in ("prt", "prep") and child.lower_ in wanted:
            return child
    return None


def is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() == "be":
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or phrasal_particle(token) is not None


def cue_text(token: Token) -> str:
    particle = phrasal_particle(token)
    return f"{token.text} {particle.text}" if particle is not None else token.text


def cue_subject(token: Token) -> Token | None:
    """The subject of a cue, climbing conjunctions and participle clauses ("..., saying")."""
    seen = 0
    while token is not None and seen < 4:
        seen += 1
        for child in token.children:
            if child.dep_ in _SUBJECTS:
                return child
        # "..., saying that": the participle's subject is the main clause's; a passive
        # participle ("when asked whether ...") is said to the subject, not by it
        if token.dep_ == "conj" or (token.dep_ in ("advcl", "xcomp") and token.tag_ == "VBG"):
            token = token.head
            continue
        if token.dep_ == "acl" and token.tag_ == "VBG":  # "a statement saying ..."
            return token.head
        # '"...," said Skelly': inverted order, the parser often makes the name an object
        prev = token.doc[token.i - 1] if token.i > 0 else None
        if prev is not None and prev.is_punct and token.lemma_.lower() in SPEECH_VERBS:
            for child in token.rights:
                if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    return child
        # "CLAUSE, the spokesperson, X, says": the parser hangs the subject on the clause
        for clause in token.children:
            if clause.dep_ == "ccomp" and clause.i < token.i:
                appos = [c for c in clause.rights if c.dep_ == "appos"]
                if appos:
                    return appos[-1]
        return None
    return None


def is_naming(token: Token) -> bool:
    """'an operation dubbed X', 'a plan called X': naming, not speech."""
    lemma = token.lemma_.lower()
    if lemma in NAMING_VERBS:
        return True
    return lemma == "call" and (token.dep_ in ("acl", "amod") or token.tag_ == "VBN")


def reported_span(cue: Token) -> tuple[int, int] | None:
    """Token range [start, end) of what a cue reports, or None when it reports nothing."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    ccomps = [c for c in children if c.dep_ == "ccomp" and c.i > cue.i]
    if not ccomps:
        ccomps = [c for c in children if c.dep_ == "ccomp"]
    if ccomps:
        c = ccomps[0]
        if c.i < cue.i:  # "CLAUSE, X said": the clause before the cue
            return _false_split_start(c.left_edge), min(c.right_edge.i + 1, _subtree_start(cue, c))
        return c.left_edge.i, c.right_edge.i + 1
    particle = phrasal_particle(cue)
    right = [c for c in children if c.i > cue.i and (c.dep_ in _COMPLEMENT_DEPS or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONTENT_MARKS for m in c.children)))]
    if any(c.dep_ == "advcl" for c in right):
        particle = particle or next(c for c in right if c.dep_ == "advcl")
    has_xcomp = any(c.dep_ == "xcomp" for c in right)
    has_obj = any(c.dep_ in ("dobj", "oprd", "attr") for c in right)
    if lemma in CLAUSE_ONLY_VERBS and particle is None:
        return None
    if has_xcomp or particle is not None or (has_obj and lemma in _NP_OBJECT_OK and lemma not in _ADDRESSEE_VERBS):
        if lemma in _ADDRESSEE_VERBS and not has_xcomp and particle is None:
            return None
        end = max(c.right_edge.i for c in right) + 1
        return cue.i, end
    if cue.dep_ == "parataxis" and cue.head.i < cue.i and cue_subject(cue) is not None:
        head = cue.head
        return _false_split_start(head.left_edge), cue.left_edge.i
    return None


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


def according_to(token: Token) -> tuple[Token, tuple[int, int]] | None:
    """For 'according' in 'according to X': (X's head, token range of the reported clause)."""
    if token.lower_ != ACCORDING_TO[0]:
        return None
    to = next((c for c in token.children if c.lower_ == ACCORDING_TO[1]), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    head = token.head
    while head.dep_ not in ("ROOT",) and head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    sent = token.sent
    phrase_start, phrase_end = token.left_edge.i, token.right_edge.i + 1
    if phrase_start <= sent.start + 1:
        start = phrase_end
        while start < sent.end and token.doc[start].is_punct:
            start += 1
        return source, (start, sent.end)
    return source, (sent.start, phrase_start)
