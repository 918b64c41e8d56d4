"""Speaker labels at the start of a body line: transcripts ("JANE DOE: We will rebuild it.",
"DOE: ...") and digests ("Heading - Jane Doe: \u201c...\u201d").

A label is the speaker of its line only when it is a person: a full name whose first word
is a known first name (or a registry person), or a bare surname of someone the article has
already named (an earlier label included). "UPDATE:", "Note:", "Photo:", "Read more:",
"Q:" and section heads are no one, and give nothing.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tasks.lexicon import NON_SPEECH_LABELS, OPEN_QUOTES
from tasks.quotes.context import ArticleContext, Entity
from tasks.quotes.frames import Candidate, Tokens
from tasks.quotes.registry import fold_name, gender_of_name

_NAME_WORD = r"[A-Z][A-Za-z.'\u2019-]*"
# a label opening the line (or, before a quotation mark, after a digest heading's dash)
_LABEL = re.compile(rf"^(?:(?P<head>[^\n]*? [-\u2013\u2014] ))?(?P<label>{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}):[ \t]+"
                    rf"(?P<text>[^\n]*\S)", re.MULTILINE)
_MIN_WORDS = 3  # "Clinton: 46 percent" is a poll line, not speech


def label_lines(doc: Doc, body: str, title_end: int, toks: Tokens, ctx: ArticleContext,
                cands: list[Candidate]) -> list[Candidate]:
    """Candidates for unquoted labelled lines; a labelled quotation's own candidate takes the
    label's person as its speaker (`cands` is changed in place)."""
    out: list[Candidate] = []
    direct = {c.start: c for c in cands if c.kind == "direct"}
    found = list(_LABEL.finditer(body, title_end))
    # a transcript names a speaker in full once, then by surname: "JANE DOE:" ... "DOE:"
    surnames = {fold_name(m.group("label")) for m in found if " " not in m.group("label")}
    for m in found:
        text = m.group("text")
        quoted = text[0] in OPEN_QUOTES
        if (m.group("head") and not quoted) or len(text.split()) < _MIN_WORDS or text[0].isdigit():
            continue
        entity = _label_person(ctx, m, surnames)
        if entity is None or not quoted and not _has_clause(doc, toks, m.start("text"), m.end("text")):
            continue  # "Doe: Win in a walk." (a list of aims) is no one's words
        start = m.start("text")
        if quoted:
            cand = direct.get(start + 1) or direct.get(start)
            # a cue in the digest heading ("Pollsters agree - Jane Doe: ...") yields to the label
            if cand is None or cand.entity is not None or cand.cue is not None and cand.cue.idx >= m.start("label"):
                continue
        else:
            cand = Candidate(start, m.end("text"), text, "direct")
            out.append(cand)
        cand.entity, cand.speaker_text, cand.how = entity, m.group("label"), "name"
        token = doc[toks.at(m.start("label"))]
        ctx.note_speaker(entity, token.idx, ctx.sent_index(token))
    return out


def _has_clause(doc: Doc, toks: Tokens, start: int, end: int) -> bool:
    """A sentence with a subject: speech, not a heading or a slogan."""
    i = toks.at(start)
    while i < len(doc) and doc[i].idx < end:
        if doc[i].dep_ in ("nsubj", "nsubjpass", "expl"):
            return True
        i += 1
    return False


def _label_person(ctx: ArticleContext, m: re.Match, surnames: set[str]) -> Entity | None:
    """The person a label names: a surname of someone named before it; a full name the tagger
    reads as a person's, with a known first name, a registry person's, or one whose surname
    labels another line."""
    label = m.group("label")
    name = label.title() if label.isupper() else label
    if fold_name(name) in NON_SPEECH_LABELS:
        return None
    if " " not in name:
        folded = fold_name(name)
        named = any(mn.pos < m.start("label") and mn.entity.kind == "person"
                    and fold_name(mn.entity.name).split()[-1] == folded for mn in ctx.mentions)
        return ctx.person_entity(name) if named else None
    known = ctx.registry.resolve(name, kind="person")
    tagged = any(e.label_ == "PERSON" and e.start_char == m.start("label") and e.end_char == m.end("label")
                 for e in ctx.doc.ents)
    if (not tagged and gender_of_name(name) == "unknown" and (known is None or known.origin != "registry")
            and fold_name(name).split()[-1] not in surnames):
        return None
    return ctx.person_entity(name)
