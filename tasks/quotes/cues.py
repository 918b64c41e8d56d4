"""Cue verbs in a parse: is this token a speech cue, and who is its subject.

In the manner of textacy's triples module: `is_cue`, `phrasal_particle`, `is_naming`, and
`cue_subject`, which tries one named pattern per construction (`SUBJECT_PATTERNS`). What
a cue reports is `tasks.quotes.reported`; frames naming their own source ("according to
X") are `tasks.quotes.sources`.
"""
from __future__ import annotations

from spacy.tokens import Token

from tasks.lexicon import (
    MEANS_VERBS,
    NAMING_VERBS,
    NOMINATIVE_PRONOUNS,
    NP_OBJECT_CUES,
    PHRASAL_CUES,
    QUOTING_VERBS,
    RECEIVING_VERBS,
    SPEECH_VERBS,
)

_SUBJECTS = ("nsubj", "nsubjpass")
# "said Sunday", "tweeted Tuesday night": when, never who
_WHEN_LABELS = ("DATE", "TIME")


def phrasal_particle(token: Token) -> Token | None:
    """The particle of a phrasal cue ("pointed *out*", "called *on*")."""
    wanted = PHRASAL_CUES.get(token.lemma_.lower())
    if not wanted:
        return None
    for child in token.rights:
        if child.dep_ in ("prt", "advmod") and child.lower_ in wanted and child.i == token.i + 1:
            return child
        if child.dep_ == "prep" and child.lower_ in wanted:
            # "CLAUSE, X was quoted as saying": a cue only when the clause hangs on "quoted"
            if child.lower_ == "as" and not any(c.dep_ == "ccomp" for c in token.children):
                continue
            # "spoke about the plan", not "what they talked about"
            if child.lower_ == "about" and not any(c.dep_ in ("pobj", "pcomp") and c.i > child.i and c.tag_ not in ("WP", "WDT")
                                                   for c in child.children):
                continue
            return child
        # "calling for the United States to step up": 'for' marks the clause
        if child.dep_ in ("advcl", "ccomp"):
            mark = next((m for m in child.children if m.dep_ == "mark" and m.i < child.i), None)
            if mark is not None and mark.lower_ in wanted and mark.i == token.i + 1:
                return mark
    return None


def is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() == "be":
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or phrasal_particle(token) is not None


def cue_text(token: Token) -> str:
    particle = phrasal_particle(token)
    return f"{token.text} {particle.text}" if particle is not None else token.text


# A subject pattern looks at a cue (or a verb its subject is shared with) and answers
# ("subject", token) when it found the speaker, ("climb", token) when the subject is that
# other verb's, or None when it does not apply. `cue_subject` tries them in order.
Step = tuple[str, Token] | None


def cue_subject(token: Token) -> Token | None:
    """The subject of a cue, climbing conjunctions and participle clauses ("..., saying")."""
    # "Trump dismissed critics who ...": the cue parsed as a participle modifying its object
    if amod_cue(token):
        return token.doc[token.i - 1]
    for _ in range(4):
        step = next((s for s in (p(token) for p in SUBJECT_PATTERNS) if s is not None), None)
        if step is None:
            return None
        kind, token = step
        if kind == "subject":
            return token
    return None


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def own_subject(token: Token) -> Step:
    """'Jane Doe said' -> Jane Doe; 'he had been asked by the committee to ...' -> the
    committee (the agent of a passive cue spoke); '"Happy Day!," he wrote' parsed with two
    subjects -> the one next to the verb."""
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    pobj = _pobj(agent) if agent is not None else None
    # the agent of a receiving verb only passed the words on ("X was quoted by TASS")
    if pobj is not None and subjects and all(c.dep_ == "nsubjpass" for c in subjects) \
            and token.lemma_.lower() not in RECEIVING_VERBS:
        return "subject", pobj
    if subjects:
        nearest = min(subjects, key=lambda c: abs(token.i - c.i))
        return "subject", _whole_subject(nearest, subjects)
    return None


def quoted_as_saying(token: Token) -> Step:
    """'X was quoted by TASS as saying ...' -> X, never the outlet that quoted; 'the paper
    quoted Jane Doe as saying ...' -> Jane Doe, not the paper."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "as" \
            or prep.head.lemma_.lower() not in QUOTING_VERBS:
        return None
    verb = prep.head
    quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or \
        next((c for c in verb.children if c.dep_ == "dobj"), None)
    return ("subject", quoted) if quoted is not None else None


def _whole_subject(nearest: Token, subjects: list[Token]) -> Token:
    """'Jane Doe and John Roe of the University of California, Berkeley suggest': the parser
    made the end of a name ("Berkeley") a second subject; the name starts inside the other
    subject's phrase, which is the subject."""
    start = nearest
    while start.ent_iob_ == "I" and start.i > 0:
        start = start.doc[start.i - 1]
    for other in subjects:
        if other is not nearest and other.left_edge.i <= start.i <= other.right_edge.i:
            return other
    return nearest


def passive_agent(token: Token) -> Step:
    """'as reported by the agency' -> the agency."""
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is not None and token.tag_ == "VBN" and (pobj := _pobj(agent)) is not None:
        return "subject", pobj
    return None


def infinitive_of_main_verb(token: Token) -> Step:
    """'he went on to say that ...', 'took the floor to stress ...' -> climb to the main verb."""
    if token.dep_ == "advcl" and token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return "climb", token.head
    return None


def infinitive_of_noun(token: Token) -> Step:
    """'He went out of his way to say that ...', 'She took the chance to warn that ...' -> climb
    to the verb whose object the infinitive modifies. (On polnear-train-wide: +5 found, +3
    right speakers, +10 extras; limiting it to infinitives with a clause won nothing.)"""
    if token.dep_ in ("relcl", "acl") and token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                   for c in token.children):
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            return "climb", verb
    return None


def conjunct_or_participle(token: Token) -> Step:
    """'X said ... and added', '..., saying that' -> climb to the verb whose subject it shares;
    'X said Tbilisi valued Y, noting that ...' -> past the reported clause to X's cue. (A passive
    participle, 'when asked whether ...', is said to the subject, not by it: not this pattern.)"""
    if not (token.dep_ == "conj" or (token.dep_ in ("advcl", "xcomp") and token.tag_ == "VBG")):
        return None
    participle, head = token, token.head
    if token.dep_ == "conj" and head.i < token.i and _quoted(head) and any(t.is_quote for t in token.doc[head.i + 1:token.i]):
        # '"Doe invited me," the paper's editor Jane Roe responded' parsed as one coordination:
        # the cue's subject is the noun between the closing mark and the cue, not the quoted one's
        return _noun_after_quote(token)
    after_comma = participle.i > 0 and participle.doc[participle.i - 1].text == ","
    if participle.dep_ == "advcl" and head.dep_ == "ccomp" and is_cue(head.head) and after_comma and is_cue(participle):
        head = head.head
    # 'X had a moment that played well, forcefully denouncing ...': past the relative clause
    # the parser hung it on, to the verb of the noun the clause describes
    edge = participle.left_edge.i
    if participle.dep_ == "advcl" and head.dep_ == "relcl" and edge > 0 and participle.doc[edge - 1].text == "," \
            and head.head.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ in _SUBJECTS and c.tag_ in ("WDT", "WP") for c in head.children):
        head = head.head.head
    return "climb", head


def _quoted(token: Token) -> bool:
    """Inside quotation marks opened earlier in its sentence (an odd number of marks before it)."""
    return sum(t.is_quote for t in token.doc[token.sent.start:token.i]) % 2 == 1


def _noun_after_quote(token: Token) -> Step:
    doc = token.doc
    mark = max(i for i in range(token.head.i + 1, token.i) if doc[i].is_quote)
    words = range(mark + 1, token.i)
    heads = [doc[i] for i in words if doc[i].head.i not in words and doc[i].pos_ in ("NOUN", "PROPN", "PRON")]
    return ("subject", heads[0]) if len(heads) == 1 else None


def participle_of_preposition(token: Token) -> Step:
    """'by saying ...', 'after telling his aides ...' -> the verb of the preposition; 'X was
    devoted to criticizing ...', 'X is intent on denying ...' -> through the adjective."""
    if token.dep_ != "pcomp" or token.tag_ != "VBG" or token.head.dep_ != "prep":
        return None
    holder = token.head.head
    if holder.pos_ in ("VERB", "AUX"):
        return "climb", holder
    if holder.pos_ == "ADJ" and holder.dep_ == "acomp":
        return "climb", holder.head
    return None


def controlled_infinitive(token: Token) -> Step:
    """'declined to comment' -> climb to 'declined'; 'prompted X to joke' -> X (the controlling
    verb's object). Not 'it is safe to say', 'is used to describe' (impersonal, passive)."""
    if token.dep_ == "xcomp" and token.tag_ == "VB" and token.head.pos_ == "VERB" \
            and not any(c.dep_ == "auxpass" for c in token.head.children):
        obj = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
        if token.head.lemma_.lower() in MEANS_VERBS:  # "used the comments to urge": the user urges
            obj = None
        return ("subject", obj) if obj is not None else ("climb", token.head)
    return None


def participle_of_noun(token: Token) -> Step:
    """'a statement saying ...' -> the statement; 'X shot back in an article stating ...' -> X
    (the writer is the verb's subject); 'X made an attempt to deflect it, writing that ...'
    -> climb to 'made' (a clause of the main verb the parser hung on the nearest noun)."""
    if token.dep_ != "acl" or token.tag_ != "VBG":
        return None
    prev = token.doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.text == ",":
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "xcomp"), None)
        if verb is not None:
            return "climb", verb
    noun = token.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in noun.head.head.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return "subject", subject
    return "subject", noun


def inverted_speaker(token: Token) -> Step:
    """'"...," said Skelly' -> Skelly, whether the parser made the name an object, mis-tagged
    it (an adverb, an adjective) or hung it elsewhere ('said Jane Doe, an aide who ...')."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is None or not prev.is_punct or token.lemma_.lower() not in SPEECH_VERBS or _after_embedded_quote(token):
        return None
    for child in token.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd") and child.pos_ in ("PROPN", "NOUN", "PRON") \
                and child.ent_type_ not in _WHEN_LABELS:
            return "subject", child
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.head.i == token.i and nxt.text[:1].isupper() and nxt.is_alpha \
            and nxt.ent_type_ not in _WHEN_LABELS:
        return "subject", nxt
    if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
        ent = next((e for e in nxt.sent.ents if e.start == nxt.i), None)
        if ent is not None:
            return "subject", ent.root
    return None


def frame_noun(token: Token) -> Step:
    """'"...," the nominee, Jane Doe, tweeted Sunday' parsed with the cue as a clause of the
    noun before it: a finite cue after a comma, no subject of its own -> that noun (its
    apposition names the speaker)."""
    if token.dep_ != "acl" or token.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or token.i == 0:
        return None
    noun = token.head
    if noun.i >= token.i or noun.pos_ not in ("NOUN", "PROPN") or token.doc[token.i - 1].text != ",":
        return None
    # a past participle ("a plan, announced Sunday") is said of the noun, unless a person is named
    if token.tag_ == "VBN" and noun.ent_type_ != "PERSON" and not any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children):
        return None
    return "subject", noun


def _after_embedded_quote(token: Token) -> bool:
    """'X summed her up as "terrible," denounced her record': a quotation inside the reporter's
    sentence, not one standing alone; only after a quotation that opens its sentence (or follows
    a colon) does the speaker come after the verb."""
    doc, i = token.doc, token.i - 1
    while i >= 0 and doc[i].is_punct and not doc[i].is_quote:
        i -= 1
    if i < 0 or not doc[i].is_quote:
        return False
    j = i - 1
    while j >= 0 and not doc[j].is_quote:
        j -= 1
    if j <= 0 or doc[j].is_sent_start:
        return False
    before = doc[j - 1]
    return not (before.is_space or before.text in (".", "!", "?", ":", ";", "(", "-", "\u2014") or before.is_quote)


def subject_hung_on_clause(token: Token) -> Step:
    """'CLAUSE, the spokesperson, X, says' -> X (the parser hung the subject on the clause as an
    apposition); 'CLAUSE ... with X, the ministry's press service said' -> the press service."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    for clause in token.children:
        if clause.dep_ == "ccomp" and clause.i < token.i:
            appos = [c for c in clause.rights if c.dep_ == "appos"]
            if appos:
                return "subject", appos[-1]
            if before is not None and before.dep_ == "appos" and before.pos_ in ("NOUN", "PROPN") \
                    and clause.left_edge.i <= before.i <= clause.right_edge.i:
                return "subject", before
    return None


def name_before_frame(token: Token) -> Step:
    """'CLAUSE, spokesperson for X Jane Doe told Trend.' -> Jane Doe: the frame parsed as the
    clause's object, its subject hung on a noun of the clause right before the cue."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.dep_ == "ccomp" and token.head.i < token.i and before is not None \
            and before.ent_type_ == "PERSON" and before.pos_ == "PROPN" and before.head.i < before.i \
            and before.dep_ in ("conj", "appos") and token.i + 1 < len(token.doc):
        return "subject", before
    return None


def first_of_listed_verbs(token: Token) -> Step:
    """'X summed her up as "terrible," denounced her record and said ...' parsed with the first
    verb as a clause of the second: a main verb without a subject takes the named subject of
    the unquoted clause before it."""
    if token.dep_ != "ROOT" or any(c.dep_ in _SUBJECTS for c in token.children):
        return None
    clause = next((c for c in token.lefts if c.dep_ == "ccomp"), None)
    if clause is None or clause.left_edge.is_quote or clause.left_edge.is_punct:
        return None
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS and c.i < clause.i), None)
    if subject is None or not (subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in NOMINATIVE_PRONOUNS
                               or subject.pos_ in ("PROPN", "NOUN") and subject.text[:1].isupper()):
        return None
    return "subject", subject


SUBJECT_PATTERNS = (
    quoted_as_saying, own_subject, passive_agent, infinitive_of_main_verb, infinitive_of_noun, conjunct_or_participle, participle_of_preposition,
    controlled_infinitive, participle_of_noun, frame_noun, inverted_speaker, subject_hung_on_clause, name_before_frame,
    first_of_listed_verbs,
)


def amod_cue(token: Token) -> bool:
    """'Trump dismissed critics who ...' parsed with the cue as a participle of the noun before it."""
    if token.dep_ != "amod" or token.tag_ not in ("VBD", "VBN") or token.i == 0:
        return False
    if token.lemma_.lower() not in NP_OBJECT_CUES:
        return False
    prev = token.doc[token.i - 1]
    return (prev.pos_ == "PROPN" or prev.lower_ in NOMINATIVE_PRONOUNS) and prev.dep_ not in ("compound", "poss", "amod") \
        and prev.head.i in (token.i, token.head.i)


def is_naming(token: Token) -> bool:
    """'an operation dubbed X', 'a plan called X': naming, not speech."""
    lemma = token.lemma_.lower()
    if lemma in NAMING_VERBS:
        return True
    return lemma == "call" and (token.dep_ in ("acl", "amod") or token.tag_ == "VBN")
