"""What a number counts or measures, read from the parse: the counted noun and its unit.

`counted_noun(num_span)` finds the noun a number counts ("105 captives", "two of the
soldiers", "three minefields maps" -> maps); `compound_unit` reads units written in more
than one word ("cubic metres per day" -> m3/day); `is_update` tells a figure written as a
change ("the toll rose to 18").
"""
from __future__ import annotations

import re

from tasks.claims.numbers import TIME_UNITS, NumberMention, scale_to_unit
from tasks.lexicon import UPDATE_VERBS
from tasks.nlp import doc_text

# Dependency labels by which a noun is what a number counts ("105 captives", "three maps").
_COUNTED_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "appos"}
# Nouns a bare number never counts (they are part of names, dates or times).
_NOT_UNITS = {"%", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "th", "st", "nd", "rd"}
# "cubic metres" -> m3, "square kilometres" -> km2
_POWERS = {"cubic": "3", "square": "2", "sq": "2"}
_PER_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "capita", "person", "head"}
_UPDATE = re.compile(rf"\b(?:{'|'.join(sorted(UPDATE_VERBS, key=len, reverse=True))})\s+to\s+$", re.IGNORECASE)


def compound_unit(unit: str | None, unit_token) -> str | None:
    """The unit with its power and per-unit: "cubic metres of gas per day" -> "m3/day"."""
    if unit is None or unit_token is None:
        return unit
    doc = unit_token.doc
    prev = doc[unit_token.i - 1] if unit_token.i > 0 else None
    if prev is not None and prev.lower_ in _POWERS and unit in ("m", "km", "cm", "foot", "mile"):
        unit = unit + _POWERS[prev.lower_]
    for tok in doc[unit_token.i + 1: unit_token.i + 5]:
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ"):
            break
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ in ("per", "a", "an", "each", "every") and nxt is not None and nxt.lemma_.lower() in _PER_UNITS \
                and (tok.lower_ == "per" or tok.i > unit_token.i + 1 or nxt.lemma_.lower() != "person"):
            return f"{unit}/{nxt.lemma_.lower()}"
    return unit


def is_update(text: str, start: int) -> bool:
    """Is the figure at `start` written as a change ("rose to 18", "has climbed to about 40")?"""
    return bool(_UPDATE.search(text[max(0, start - 30): start]))


def bare(num_span) -> bool:
    """A figure with no noun of its own ("... and 17 to Azerbaijan"): it may borrow one."""
    doc = num_span.doc
    nxt = doc[num_span.end] if num_span.end < len(doc) else None
    return nxt is None or nxt.pos_ in ("ADP", "PUNCT", "CCONJ", "SCONJ") or nxt.is_space


def counted_kind(num_span) -> str:
    tok = counted_noun(num_span)
    return scale_to_unit(1.0, tok.text, tok.lemma_)[2] if tok is not None else "count"


_NAME_ENTS = ("ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "EVENT")


def part_of_name(num_span, n: NumberMention) -> bool:
    """'Air Force One', 'Section 230', 'Apollo 11': a number labelling the name before it."""
    if n.unit is not None or n.hedge != "exact" or n.low is not None:
        return False
    last = num_span[-1]
    head = last.head
    if head.i < last.i and head.pos_ == "PROPN" and last.dep_ in ("nummod", "appos", "compound", "npadvmod"):
        return True
    prev = num_span.doc[num_span.start - 1] if num_span.start > 0 else None
    if prev is None or not prev.text[:1].isupper():
        return False
    if prev.pos_ == "PROPN" and prev.dep_ in ("nmod", "compound") and prev.head.i == head.i != last.i \
            and head.i > last.i and n.text.isdigit():
        return True  # "the Apollo 11 crew": the name and its number both modify the noun
    # "Section 230", "Article 5 of the treaty": a capitalised word and its number in one name
    return prev.pos_ in ("PROPN", "NOUN") and prev.ent_type_ in _NAME_ENTS and last.ent_iob_ == "I"


def counted_noun(num_span):
    """The noun a number counts: its syntactic head, or the noun right after it."""
    last = num_span[-1]
    head = last.head
    if last.dep_ in _COUNTED_DEPS and head.i > last.i and head.pos_ in ("NOUN", "PROPN") and _unit_ok(head) \
            and _same_line(last, head):
        # "three minefields maps": the counted thing is the head of the compound
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
        return head
    doc = num_span.doc
    i = num_span.end
    # "two of the soldiers": the noun after "of"
    if i < len(doc) and doc[i].lower_ == "of":
        for tok in doc[i + 1: i + 4]:
            if tok.pos_ == "NOUN" and _unit_ok(tok) and not _possessor(tok) and _same_line(last, tok):
                return tok
        return None
    for tok in doc[i: i + 3]:
        if tok.pos_ == "NOUN" and _unit_ok(tok) and _same_line(last, tok):
            return tok
        participle = tok.tag_ in ("VBN", "VBG", "VBD") and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN"
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") and tok.text != "-" and not participle:
            break  # "475 pledged delegates": a participle before the noun is an adjective
    return None


def _same_line(a, b) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[lo:hi]


def _possessor(tok) -> bool:
    """'the year's biggest deals': the year is not what 'one of' counts."""
    return any(c.dep_ == "case" for c in tok.children) or tok.dep_ == "poss"


def _unit_ok(tok) -> bool:
    if tok.pos_ == "PROPN" and tok.tag_ != "NNPS" and not tok.lower_.endswith("s") \
            and scale_to_unit(1.0, tok.text)[2] != "quantity":
        return False  # "9 Clint Bowyer": a proper name is never the counted thing unless plural (or "EUR")
    return tok.lower_ not in _NOT_UNITS and tok.ent_type_ not in ("DATE", "TIME") or tok.lemma_.lower() in TIME_UNITS
