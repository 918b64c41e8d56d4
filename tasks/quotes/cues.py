"""Cue verbs in a parse: is this token a speech cue, who is its subject, what did it report.

One function per pattern, in the manner of textacy's triples module: `is_cue`,
`cue_subject`, `reported_span` (the complement of "said that ...", "urged X to ...",
"pointed out NP", "CLAUSE, X said"), and `according_to` ("according to X, CLAUSE").
"""
from __future__ import annotations

from spacy.tokens import Token

from tasks.lexicon import (
    ACCORDING_TO,
    CLAUSE_ONLY_VERBS,
    IN_WORDS_NOUNS,
    NAMING_VERBS,
    NOUN_ABOUT_CUES,
    PHRASAL_CUES,
    REFUSAL_ONLY_PHRASALS,
    REFUSAL_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)

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
    "outline", "unveil", "fault", "float", "endorse", "label", "deride", "retweet",
    "characterize", "characterise", "portray", "explain", "thank",
})
# An adverbial clause that is really the content: "calling for X to do", "asked whether ...".
_CONTENT_MARKS = frozenset({"that", "for", "whether", "if", "how", "why", "what"})
# Object-taking cues whose object is the addressee, not the content ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "urge", "inform", "assure", "advise", "brief", "remind", "warn"})
# Cues that frame a whole clause with "as": "As the paper reported, ...".
_AS_FRAME_VERBS = frozenset({
    "say", "report", "note", "reveal", "write", "explain", "mention", "tweet", "state",
    "announce", "indicate", "confirm", "observe", "remark", "predict", "warn", "claim",
    "point", "acknowledge", "admit", "reiterate", "stress", "emphasize", "emphasise",
})
# Particles of phrasal cues that introduce no content of their own ("shot back", "weighed in").
_BARE_PARTICLES = frozenset({"back", "in"})
_COMPLEMENT_DEPS = ("dobj", "xcomp", "prep", "prt", "dative", "oprd", "ccomp", "attr", "acomp")
# Subject pronouns: as a cue's "object" they open a clause the parser split ("claiming he ... has").
_NOMINATIVE = frozenset({"he", "she", "they", "we", "i"})
# Head nouns of a relative clause that are what was said ("the things he said about X").
_SAID_THINGS = frozenset({
    "thing", "word", "comment", "remark", "statement", "claim", "lie", "falsehood", "insult",
    "joke", "promise", "accusation", "allegation", "attack",
})
# Light verbs whose speech-noun object is the cue ("made no mention of X", "gave a speech on X").
_LIGHT_VERBS = frozenset({"make", "give", "deliver", "issue", "offer", "level", "lodge", "voice", "repeat"})


def phrasal_particle(token: Token) -> Token | None:
    """The particle of a phrasal cue ("pointed *out*", "called *on*")."""
    wanted = PHRASAL_CUES.get(token.lemma_.lower())
    if not wanted:
        return None
    for child in token.rights:
        if child.dep_ in ("prt", "advmod") and child.lower_ in wanted and child.i == token.i + 1:
            return child
        if child.dep_ == "prep" and child.lower_ in wanted:
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


def cue_subject(token: Token) -> Token | None:
    """The subject of a cue, climbing conjunctions and participle clauses ("..., saying")."""
    # "Trump dismissed critics who ...": the cue parsed as a participle modifying its object
    if _amod_cue(token):
        return token.doc[token.i - 1]
    seen = 0
    while token is not None and seen < 4:
        seen += 1
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        # "he had been asked by the committee to ...": the agent of a passive cue spoke
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None and subjects and all(c.dep_ == "nsubjpass" for c in subjects):
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if subjects:
            # two subjects are a mis-parse ('"Happy Day!," he wrote', 'Former Governor and
            # candidate Jane Doe is calling'): the one next to the verb is the speaker
            return min(subjects, key=lambda c: abs(token.i - c.i))
        # "as reported by X": the agent of a passive cue is the speaker
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None and token.tag_ == "VBN":
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        # "..., saying that": the participle's subject is the main clause's; a passive
        # participle ("when asked whether ...") is said to the subject, not by it
        # "he went on to say that ...", "took the floor to stress ...": an infinitive's subject
        # is the main clause's
        if token.dep_ == "advcl" and token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            token = token.head
            continue
        if token.dep_ == "conj" or (token.dep_ in ("advcl", "xcomp") and token.tag_ == "VBG"):
            participle, token = token, token.head
            # "X said Tbilisi valued Y, noting that ...": a participle after a comma closing a
            # reported clause is the reporting speaker's
            if participle.dep_ == "advcl" and token.dep_ == "ccomp" and is_cue(token.head) \
                    and participle.i > 0 and participle.doc[participle.i - 1].text == "," \
                    and is_cue(participle):
                token = token.head
            continue
        # "by saying ...", "after telling his aides ...": the participle of a preposition
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.dep_ == "prep" \
                and token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head
            continue
        # "X was devoted to criticizing ...", "X is intent on denying ...": through the adjective
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.dep_ == "prep" \
                and token.head.head.pos_ == "ADJ" and token.head.head.dep_ == "acomp":
            token = token.head.head.head
            continue
        # "declined to comment", "prompted X to joke": the controlling verb's object, else
        # its subject
        # (not "it is safe to say", "is used to describe": impersonal and passive frames)
        if token.dep_ == "xcomp" and token.tag_ == "VB" and token.head.pos_ == "VERB" \
                and not any(c.dep_ == "auxpass" for c in token.head.children):
            obj = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
            if obj is not None:
                return obj
            token = token.head
            continue
        if token.dep_ == "acl" and token.tag_ == "VBG":
            prev = token.doc[token.i - 1] if token.i > 0 else None
            if prev is not None and prev.text == ",":
                # "X made an attempt to deflect the criticism, writing that ...": a participle
                # clause of the main verb the parser hung on the nearest noun
                verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "xcomp"), None)
                if verb is not None:
                    token = verb
                    continue
            noun = token.head  # "a statement saying ..."
            # "X shot back in an article stating ...": the writer is the verb's subject
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
                subject = next((c for c in noun.head.head.children if c.dep_ in _SUBJECTS), None)
                if subject is not None:
                    return subject
            return noun
        # '"...," said Skelly': inverted order, the parser often makes the name an object
        prev = token.doc[token.i - 1] if token.i > 0 else None
        if prev is not None and prev.is_punct and token.lemma_.lower() in SPEECH_VERBS:
            for child in token.rights:
                if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    return child
            # '"...," said Skelly' with the name mis-tagged (an adverb, an adjective)
            nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if nxt is not None and nxt.head.i == token.i and nxt.text[:1].isupper() and nxt.is_alpha:
                return nxt
            # '"...," said Jane Doe, an aide who ...': the parser hung the name elsewhere
            if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
                ent = next((e for e in nxt.sent.ents if e.start == nxt.i), None)
                if ent is not None:
                    return ent.root
        # "CLAUSE, the spokesperson, X, says": the parser hangs the subject on the clause
        for clause in token.children:
            if clause.dep_ == "ccomp" and clause.i < token.i:
                appos = [c for c in clause.rights if c.dep_ == "appos"]
                if appos:
                    return appos[-1]
                # "CLAUSE ... with X, the ministry's press service said": the subject was hung on
                # the clause's last noun as an apposition, right before the cue
                before = token.doc[token.i - 1] if token.i > 0 else None
                if before is not None and before.dep_ == "appos" and before.pos_ in ("NOUN", "PROPN") \
                        and clause.left_edge.i <= before.i <= clause.right_edge.i:
                    return before
        # "CLAUSE, spokesperson for X Jane Doe told Trend.": the frame parsed as the clause's
        # object and its subject hung on a noun of the clause; the person's name right before it
        before = token.doc[token.i - 1] if token.i > 0 else None
        if token.dep_ == "ccomp" and token.head.i < token.i and before is not None \
                and before.ent_type_ == "PERSON" and before.pos_ == "PROPN" and before.head.i < before.i \
                and before.dep_ in ("conj", "appos") and token.i + 1 < len(token.doc):
            return before
        return None
    return None


def _amod_cue(token: Token) -> bool:
    if token.dep_ != "amod" or token.tag_ not in ("VBD", "VBN") or token.i == 0:
        return False
    if token.lemma_.lower() not in _NP_OBJECT_OK:
        return False
    prev = token.doc[token.i - 1]
    return (prev.pos_ == "PROPN" or prev.lower_ in _NOMINATIVE) and prev.dep_ not in ("compound", "poss", "amod") \
        and prev.head.i in (token.i, token.head.i)


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
    framed = _as_frame(cue)
    if framed is not None:
        return framed
    if _amod_cue(cue):
        return cue.i, cue.head.right_edge.i + 1
    subject = cue_subject(cue)
    # '"...," said Jane Doe, an aide who runs X': a "clause" holding the speaker is a mis-parse
    children = [c for c in children if not (c.dep_ == "ccomp" and subject is not None
                                            and c.left_edge.i <= subject.i <= c.right_edge.i)]
    ccomps = [c for c in children if c.dep_ == "ccomp" and c.i > cue.i]
    if not ccomps:
        ccomps = [c for c in children if c.dep_ == "ccomp"]
    that = _that_clause(cue, ccomps[0] if ccomps and ccomps[0].i > cue.i else None)
    if that is not None:
        return that
    if ccomps:
        c = ccomps[0]
        if c.i < cue.i:  # "CLAUSE, X said": the clause before the cue
            return _false_split_start(c.left_edge), min(c.right_edge.i + 1, _subtree_start(cue, c))
        start = c.left_edge.i
        # "claiming he above all others has X": a subject pronoun the parser made an object
        for child in cue.rights:
            if child.i < start and child.dep_ == "dobj" and child.lower_ in _NOMINATIVE:
                start = child.i
        # two clauses hung on one cue ("said they're fine with | however it plays out") are one
        end = max(x.right_edge.i for x in ccomps if x.i > cue.i) + 1
        return start, end
    particle = phrasal_particle(cue)
    if particle is not None and lemma in REFUSAL_ONLY_PHRASALS and not _refused(cue):
        return None
    if particle is not None and particle.lower_ in _BARE_PARTICLES:
        particle = None  # "fired back at X": a reply, its content only in a clause or quotation
        if lemma not in SPEECH_VERBS:
            return None
    right = [c for c in children if c.i > cue.i and (c.dep_ in _COMPLEMENT_DEPS or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONTENT_MARKS for m in c.children)))]
    if any(c.dep_ == "advcl" for c in right):
        particle = particle or next(c for c in right if c.dep_ == "advcl")
    has_xcomp = any(c.dep_ == "xcomp" for c in right)
    has_obj = any(c.dep_ in ("dobj", "oprd", "attr") for c in right)
    if lemma in CLAUSE_ONLY_VERBS and particle is None:
        return None
    # "writes fiction", "writes songs": a bare noun object is a genre, not a text
    if lemma == "write" and particle is None and not has_xcomp and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and not list(c.children) for c in right):
        return None
    if has_xcomp or particle is not None or (has_obj and lemma in _NP_OBJECT_OK and lemma not in _ADDRESSEE_VERBS):
        if lemma in _ADDRESSEE_VERBS and not has_xcomp and particle is None:
            return None
        # the content runs to the end of the cue's clause ("dismissed X while saying Y",
        # "described X as Y"), not into a coordinated clause of its own
        tail = [c for c in children if c.i > cue.i and c.dep_ not in ("conj", "cc", "punct")]
        end = max(c.right_edge.i for c in right + tail) + 1
        if not (has_xcomp or particle is not None or lemma in _ADDRESSEE_VERBS):
            return cue.i, end  # "voiced concern", "confirmed its willingness": the verb is part of it
        # an addressee or a particle: the content starts after them ("urged | X to ...", "called on | X")
        start = cue.i + 1
        while start < end and (start == getattr(particle, "i", -1) or cue.doc[start].dep_ == "prt"
                               and cue.doc[start].head.i == cue.i):
            start += 1
        return start, end
    # "the things he said about X": the relative clause's head noun is what was said
    if cue.dep_ == "relcl" and cue.head.pos_ == "NOUN" and cue.head.lemma_.lower() in _SAID_THINGS \
            and cue.head.i < cue.i and not any(c.dep_ in ("dobj", "ccomp") for c in children):
        return cue.head.left_edge.i, cue.right_edge.i + 1
    if cue.dep_ == "ccomp" and cue.head.i < cue.i and not is_cue(cue.head) and subject is not None \
            and (cue.right_edge.i + 1 >= len(cue.doc) or cue.doc[cue.right_edge.i + 1].is_punct
                 or cue.doc[cue.right_edge.i + 1].is_space):
        # "CLAUSE, X told reporters.": the parser hung the frame on the clause as its object;
        # the frame starts after the comma before it (its subject may hang elsewhere)
        left = min(cue.left_edge.i, subject.i)
        comma = next((i for i in range(left - 1, max(left - 12, cue.head.i), -1) if cue.doc[i].text == ","), None)
        if comma is not None and (comma == left - 1 or not cue.is_ancestor(subject)):
            start = _false_split_start(cue.head.left_edge)
            if comma - start >= 3:
                return start, comma
    if cue.dep_ == "parataxis" and cue_subject(cue) is not None:
        # "CLAUSE, X said." / "CLAUSE, X said, CLAUSE.": what comes before the frame
        head = cue.head
        start = _false_split_start(head.left_edge)
        if cue.left_edge.i - start >= 2:
            return start, cue.left_edge.i
    return None


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
    while k < end_of_sent and doc[k].lower_ != "that" and k in skippable and hops < 2:
        child = skippable[k]
        if child.dep_ == "dobj" and cue.lemma_.lower() not in _ADDRESSEE_VERBS:
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


def _as_frame(cue: Token) -> tuple[int, int] | None:
    """'As X noted, CLAUSE' / 'CLAUSE, as X reported': the main clause is the content."""
    if cue.lemma_.lower() not in _AS_FRAME_VERBS or phrasal_particle(cue) is not None:
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
    if speaker is None and token.dep_ == "dobj" and token.head.lemma_.lower() in _LIGHT_VERBS:
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
