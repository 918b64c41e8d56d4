"""What a date or number is about, read from the parse around it.

`describe_event(span)` returns an `Event` (models.claim): the lemmas of the words that say
what happened (the governing verb, the nouns the value modifies or that the verb takes,
their "of"/"on" complements), the named entities of the sentence, and the preposition that
introduces the value ("since", "on", "after"). tasks.linking compares these across articles.
"""
from __future__ import annotations

from models.claim import Event
from tasks.lexicon import EVENT_PHRASES, SPEECH_VERBS
from tasks.nlp import doc_text, sentence_ents

_ENTITY_LABELS = {"GPE", "NORP", "ORG", "LOC", "FAC", "PERSON", "EVENT", "LAW"}
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"}
_COMPLEMENT_PREPS = {"of", "on", "over", "for", "to"}
_LIGHT = {"be", "have", "do", "make", "take", "get", "say", "-PRON-", "which", "that", "who", "it", "they"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_FUTURE_WORDS = {"next", "upcoming", "scheduled", "planned", "due"}
# "made their case on Wednesday, six days before the primary": what follows these is
# another event, the one the date is measured from, not the one it dates (a duration, "two
# months after the onset", is about that reference and keeps it).
_REFERENCE_PREPS = {"before", "after", "until", "till", "ahead", "following", "prior"}


_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "kilometer"}


def _word(tok) -> str:
    """Lemma, with hyphenated compounds joined ("cease-fire" -> "ceasefire")."""
    doc = tok.doc
    start = end = tok.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_:
        end += 2
    if start == end:
        return tok.lemma_.lower()
    return "".join(t.text for t in doc[start: end + 1] if t.text != "-").lower()


def _keep(tok) -> bool:
    """A trigger word: a common noun or verb, not a name, number, date or unit."""
    return (
        tok.pos_ in ("NOUN", "VERB")
        and (tok.pos_ == "VERB" or tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"))
        and tok.lemma_.lower() not in _TIME_UNITS
    )


def _noun_words(tok, depth: int = 2) -> list[str]:
    """A noun with its compounds and its of/on complements (statement on the cessation of ...)."""
    out = [_word(tok)] if _keep(tok) else []
    for child in tok.children:
        if child.dep_ == "compound" and _keep(child):
            out.append(_word(child))
        if depth and child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    out.extend(_noun_words(pobj, depth - 1))
    return out


def _phrase(verb) -> tuple[str | None, int]:
    """A verb phrase that is one trigger ("took effect" -> begin) and its object's index."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        objects = [child] if child.dep_ == "dobj" else (
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in ("into", "in") else [])
        for obj in objects:
            if (word := EVENT_PHRASES.get((lemma, obj.lemma_.lower()))) is not None:
                return word, obj.i
    return None, -1


def _verb_words(verb, skip: set[int], is_date: bool) -> list[str]:
    """The verb governing a value, with its arguments (light verbs lend only their objects)."""
    words: list[str] = []
    phrase, phrase_object = _phrase(verb)
    if phrase:
        words.append(phrase)
    elif verb.lemma_.lower() not in _LIGHT and _keep(verb):
        words.append(verb.lemma_.lower())
    light = verb.lemma_.lower() in _LIGHT
    skip = skip | {phrase_object}
    for child in verb.children:
        if child.dep_ in _ARG_DEPS and child.pos_ in ("NOUN", "PROPN") and child.i not in skip:
            words.extend(_noun_words(child, 1))
        if child.dep_ == "prep" and (light or child.lower_ == "with") \
                and not (is_date and child.lower_ in _REFERENCE_PREPS):  # "been under occupation"
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i not in skip:
                    words.extend(_noun_words(pobj, 1))
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB":
            words.append(child.lemma_.lower())
    # "the deal signed by ... on <date>": the noun the participle describes
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        words.extend(_noun_words(verb.head, 1))
        for child in verb.head.children:
            if child.dep_ == "amod" and child.lower_ not in ("other", "such") and _keep(child):
                words.append(_word(child))
    return words


def describe_event(span, unit_token=None, is_date: bool = False) -> Event:
    """The event words, entities and role around a value (a date when `is_date`)."""
    words: list[str] = []
    role = ""
    skip = {t.i for t in span}
    skip_words = {t.lemma_.lower() for t in span}
    if unit_token is not None:
        skip.add(unit_token.i)
        for child in unit_token.children:  # "44 days of the war"
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.pos_ in ("NOUN", "PROPN"):
                        words.extend(_noun_words(pobj, 1))
    tok = unit_token if unit_token is not None else span.root
    verb = None
    for _ in range(8):
        head = tok.head
        if head is tok:
            break
        if head.pos_ in ("ADP", "SCONJ") and head.dep_ in ("prep", "mark", "advmod") and not role:
            role = head.lower_
        if head.pos_ in ("NOUN", "PROPN") and head.i not in skip:
            words.extend(w for w in _noun_words(head, 1) if w not in skip_words)
        if head.pos_ in ("VERB", "AUX"):
            verb = head
            break
        tok = head
    if verb is None and span.root.pos_ in ("VERB", "AUX"):
        verb = span.root
    if verb is not None:
        words.extend(_verb_words(verb, skip, is_date))
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
            # "signed a pact on Monday, pledging $2.5 billion": the pledge is the signing's
            words.extend(_verb_words(verb.head, skip | {verb.i}, is_date))
    entities = []
    for ent in sentence_ents(span.sent):
        if ent.label_ in _ENTITY_LABELS and not (ent.start <= span.start < ent.end):
            entities.append(ent.text.lower().removeprefix("the "))
    seen: set[str] = set()
    # "four-cylinder", "three-game", "10-point": the value's own compound says nothing of the event
    own = tuple(t.lower_ for t in span if t.like_num or t.pos_ == "NUM")
    triggers = [w for w in words if w.isascii() and w not in _LIGHT and len(w) > 1
                and not (own and w.startswith(own)) and not (w in seen or seen.add(w))]
    return Event(triggers=triggers, entities=sorted(set(entities)), role=role)


def is_future(span) -> bool:
    """Is the clause holding the span in the future tense ("will meet on April 14")?"""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
        return True
    return any(t.lower_ in _FUTURE_WORDS for t in span.doc[max(span.start - 2, 0): span.start])


def date_tense(span) -> str | None:
    """The tense a date is told in, for anchoring a yearless date (see tasks.claims.dates.resolve).

    "past": the date is an adverbial of a past-tense verb ("earned $40 million in March").
    "present": the governing clause is present, modal, future or non-finite ("voters go
    to the polls in November", "would vote in November", "favoring a coup at the
    convention in July"). None: no verb found, or a past verb governing a noun the date
    modifies ("campaigned ahead of the June 7 primary": the primary may still be ahead).
    """
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.tag_ == "VBD" and before.lemma_.lower() in SPEECH_VERBS:
        return "past"  # "said on Tuesday it would ...": the date is the saying's, whatever the parse attaches
    tok = span.root
    through_noun = False
    verb = None
    for _ in range(12):
        head = tok.head
        if head is tok:
            break
        if head.pos_ in ("VERB", "AUX"):
            aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if any(a.tag_ == "MD" or a.lower_ in _FUTURE_AUX or a.lower_ == "to" for a in aux):
                return "present"  # modal, future or infinitive: "would vote", "to hold it in May"
            if head.tag_ in ("VBG", "VB") and not aux:
                tok = head  # "helping X sell it in March": the tense is the governing clause's
                continue
            verb = head
            break
        if head.pos_ in ("NOUN", "PROPN") and head.i not in range(span.start, span.end):
            through_noun = True
        tok = head
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) or (
        verb.tag_ == "VBN" and (not aux or any(a.lemma_ == "have" for a in aux)))
    if past:
        return None if through_noun else "past"
    if verb.tag_ in ("VBP", "VBZ", "VB", "VBG") or any(a.tag_ in ("VBP", "VBZ") for a in aux):
        return "present"
    return None


def historical_present(span) -> bool:
    """A present tense that tells the past: a headline ("Sanders wins Oklahoma on Tuesday")
    or a reporting verb ("Trump says on Monday ..."). News tells scheduled events in the
    present ("talks resume on Wednesday"), but these two are written about what happened."""
    text = doc_text(span.doc)
    first_break = text.find("\n")
    if 0 <= first_break and span.start_char < first_break and text[first_break:].strip():
        return True  # the title line of an article with a body
    tok = span.root
    for _ in range(4):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower() in SPEECH_VERBS
    return False
