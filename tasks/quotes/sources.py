"""Frames that name their own source: "according to X, CLAUSE", "in X's words, CLAUSE",
"X's claim that CLAUSE". Each answers (the source's head token, token range of the content).
"""
from __future__ import annotations

from spacy.tokens import Token

from tasks.lexicon import ACCORDING_TO, IN_WORDS_NOUNS, LIGHT_VERBS, NOUN_ABOUT_CUES, SPEECH_NOUNS
from tasks.quotes.cues import cue_subject


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
    doc = token.doc
    phrase_start, phrase_end = token.left_edge.i, token.right_edge.i + 1
    # "according to the summary, Mills and an aide asked ...": the clause's subject hung as a
    # conjunct of the source after a comma
    for conj in source.rights:
        if conj.dep_ == "conj" and conj.i > 0 and doc[conj.left_edge.i - 1].text == ",":
            phrase_end = min(phrase_end, conj.left_edge.i - 1)
            break
    # the clause it frames: after it when it opens the sentence or its clause ("...: according
    # to X, CLAUSE"), before it otherwise ("CLAUSE, according to X")
    lead = [t for t in doc[sent.start:phrase_start] if not (t.is_punct or t.is_space or t.pos_ in ("CCONJ", "ADV"))]
    prev = next((t for t in reversed(doc[sent.start:phrase_start]) if not t.is_space), None)
    if phrase_start <= sent.start + 1 or not lead or (prev is not None and prev.text in (":", ";", "--", "\u2014")):
        start = phrase_end
        while start < sent.end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return source, (start, sent.end)
    start = sent.start
    for t in doc[sent.start:phrase_start]:
        if t.text in (":", ";"):
            start = t.i + 1
    return source, (start, phrase_start)


def noun_cue(token: Token) -> tuple[Token, tuple[int, int]] | None:
    """'X's claim that CLAUSE', 'his promise to VP', 'criticism from X of NP':
    (speaker head, token range of the content) for a speech noun with a speaker."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in SPEECH_NOUNS:
        return None
    lemma = token.lemma_.lower()
    speaker = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN", "NOUN")), None)
    if speaker is None:
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                speaker = next((c for c in prep.children if c.dep_ == "pobj"), None)
                break
    light = False
    if speaker is None and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
        speaker = cue_subject(token.head)  # "X made no mention of Y", "X gave speeches on Y"
        light = speaker is not None
    if speaker is None or speaker.lower_ in ("its", "their", "my", "our", "your"):
        return None
    for child in token.rights:
        if light and child.dep_ == "acl" and child.tag_ == "VBG":  # "made statements affirming X"
            return speaker, (child.i, child.right_edge.i + 1)
        if child.dep_ in ("acl", "ccomp", "relcl") and child.i > token.i:
            first = child.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" or (
                    first.lower_ == "to" and child.tag_ == "VB" and child.dep_ == "acl"):
                return speaker, (first.i + (1 if first.lower_ == "that" else 0), child.right_edge.i + 1)
        if (child.dep_ == "prep" and child.lower_ in ("of", "about", "on") and (lemma in NOUN_ABOUT_CUES or light)
                and any(c.dep_ in ("pobj", "pcomp") for c in child.children)):
            return speaker, (child.i, child.right_edge.i + 1)
    return None


def in_words(token: Token) -> tuple[Token, tuple[int, int]] | None:
    """For 'words' in 'In his words, CLAUSE' / 'In the words of X, CLAUSE' / 'In her view, CLAUSE'
    opening a sentence:
    (the source, token range of the clause)."""
    if token.lower_ not in IN_WORDS_NOUNS or token.head.lower_ != "in" or token.head.dep_ != "prep":
        return None
    source = next((c for c in token.children if c.dep_ == "poss"), None)
    if source is None:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        source = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if source is None:
        return None
    prep = token.head
    sent = token.sent
    lead = [t for t in token.doc[sent.start:prep.i] if not (t.is_punct or t.is_space or t.pos_ in ("CCONJ", "ADV"))]
    if lead:
        return None
    start = prep.right_edge.i + 1
    while start < sent.end and (token.doc[start].is_punct or token.doc[start].is_space):
        start += 1
    return (source, (start, sent.end)) if sent.end - start >= 3 else None
