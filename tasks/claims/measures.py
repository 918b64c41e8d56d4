"""What a count or quantity measures: a typed measure from a lexicon kept as data.

`measure_of(num_span, unit_token, unit, kind)` returns a measure name from
data/measures.json ("killed", "injured", "arrested", "money", "share", "volume", ...) or
None. A quantity's unit decides it by itself (a currency is money); a count is read from
the words nearest the number in the parse -- the counted noun's modifiers, the heads above
it up to the clause's verb (with its particle and subject: "the death toll rose to 15"),
then phrases right after or before it ("forty are in hospital", "lost their lives").
Nearest evidence wins: in "killing 12 people and wounding 40 others" 12 are killed and 40
injured.
"""
from __future__ import annotations

import re

from tasks.data_files import load_json
from tasks.nlp import doc_text

_DATA = load_json("measures.json")
MEASURES: dict[str, dict] = _DATA["measures"]
UNIT_MEASURES: dict[str, str] = _DATA["units"]
PERSON_NOUNS: frozenset[str] = frozenset(_DATA["person_nouns"])
PEOPLE_MEASURES: frozenset[str] = frozenset(_DATA["people_measures"])
# Measures read from words (people killed, drones shot down): one event has one figure of
# each. Unit measures (share, money, volume) are many per story.
EVENT_MEASURES: frozenset[str] = frozenset(MEASURES)
_WORD_MEASURES = [(name, frozenset(m["words"]), frozenset(m.get("counted", ()))) for name, m in MEASURES.items()]
_PHRASES = [(name, p, frozenset(m.get("counted", ()))) for name, m in MEASURES.items() for p in m["phrases"]]
_CLAUSE_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "appos", "npadvmod", "acomp", "oprd"}
_WINDOW = 40


def measure_label(measure: str | None) -> str | None:
    """'killed', 'shot down', 'troops': how a fact about this measure is named."""
    if measure is None:
        return None
    return MEASURES[measure]["label"] if measure in MEASURES else measure


def evidence_words(num_span, unit_token=None) -> tuple[list[str], list[str]]:
    """Lemmas that may say what the number measures: (up to the clause's verb, beyond it)."""
    near: list[str] = []
    far: list[str] = []
    base = unit_token if unit_token is not None else num_span[-1]
    for child in base.children:  # "12 dead people", "40 people injured", "people who died"
        if child.dep_ in ("amod", "acl", "relcl") and child.i != num_span[-1].i:
            near.append(child.lemma_.lower())
            near.extend(c.lemma_.lower() for c in child.children if c.dep_ == "prt")
    doc = base.doc
    if base.i + 1 < len(doc) and doc[base.i + 1].pos_ in ("ADJ", "VERB"):
        near.append(doc[base.i + 1].lemma_.lower())  # "left three Americans dead"
    tok, words = base, near
    for _ in range(5):
        head = tok.head
        if head is tok:
            break
        words.append(head.lemma_.lower())
        if head.tag_ in ("VBG", "VBN") and head.lower_ != words[-1]:
            words.append(head.lower_)  # "three people are missing": the participle, not "miss"
        words.extend(c.lemma_.lower() for c in head.children if c.dep_ == "prt")
        if head.pos_ in ("VERB", "AUX"):
            words = far
            for c in head.children:  # "the death toll rose to 15"
                if c.dep_ in ("nsubj", "nsubjpass", "acomp", "attr", "oprd") and c.i not in range(num_span.start, num_span.end):
                    far.append(c.lemma_.lower())
                    far.extend(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod"))
                    far.extend(o.lemma_.lower() for g in c.children if g.dep_ == "prep" and g.lower_ == "of"
                               for o in g.children if o.dep_ == "pobj")  # "the number of injured"
                if c.dep_ == "xcomp" and c.pos_ == "VERB":
                    far.append(c.lemma_.lower())  # "forced 5,000 residents to evacuate"
            if head.dep_ not in ("xcomp", "conj", "advcl") or tok.dep_ not in _CLAUSE_DEPS:
                break
        tok = head
    return near, far


def is_people_measure_word(tok) -> bool:
    """'14 hurt', '12 dead': a word that states a measure of people, never the counted noun."""
    word = tok.lower_
    if tok.tag_ in ("NNS", "NNPS") or not word.endswith(("ed", "d", "t", "ing")):
        return False  # "12 deaths", "300 detentions": nouns that are counted
    return any(word in lemmas for name, lemmas, _c in _WORD_MEASURES if name in PEOPLE_MEASURES)


def _by_words(words: list[str], unit: str | None) -> str | None:
    for word in words:
        for name, lemmas, counted in _WORD_MEASURES:
            if word in lemmas and _counted_ok(counted, unit):
                return name
    return None


def _counted_ok(counted: frozenset, unit: str | None) -> bool:
    return not counted or (unit or "") in counted


def measure_of(num_span, unit_token, unit: str | None, kind: str) -> str | None:
    """The measure a count or quantity claim states, or None when nothing says."""
    if kind == "duration":
        return None
    if kind == "quantity":
        return UNIT_MEASURES.get(unit or "")
    near, far = evidence_words(num_span, unit_token)
    if found := _by_words(near, unit):
        return found
    text = doc_text(num_span.doc)
    end = (unit_token.idx + len(unit_token.text)) if unit_token is not None else num_span.end_char
    clause = re.split(r"[.,;]| and | but ", text[end: end + _WINDOW].lower())[0]
    for name, phrase, counted in _PHRASES:  # "forty are in hospital"
        if _counted_ok(counted, unit) and phrase in clause:
            return name
    if found := _by_words(far, unit):
        return found
    for name, lemmas, counted in _WORD_MEASURES:
        if not lemmas and counted and unit in counted:
            return name
    return None
