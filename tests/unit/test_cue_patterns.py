"""Each named pattern of `cue_subject` and `reported_span` on made-up sentences: which pattern
answers first, and what it answers (None rows: nothing is the right answer)."""
from __future__ import annotations

import pytest

from tasks.quotes.cues import SUBJECT_PATTERNS, amod_cue, cue_subject
from tasks.quotes.reported import NOTHING, SPAN_PATTERNS, CueParse, as_frame, reported_span


@pytest.fixture(scope="module")
def nlp():
    from tasks.nlp import load_nlp

    return load_nlp()


def cue_token(nlp, text: str, cue: str):
    return next(t for t in nlp(text) if t.text == cue)


@pytest.mark.parametrize("text,cue,pattern,subject", [
    ("Jane Okoro said the port would reopen.", "said", "own_subject", "Okoro"),
    ("The plan was praised by the union.", "praised", "own_subject", "union"),
    ("The port will reopen, as reported by the agency.", "reported", "passive_agent", "agency"),
    ("Jane Okoro went on to say that the port would reopen.", "say", "infinitive_of_main_verb", "Okoro"),
    ("Jane Okoro took the chance to say that the port would reopen.", "say", "infinitive_of_noun", "Okoro"),
    ("Jane Okoro toured the port and added that it would reopen.", "added", "conjunct_or_participle", "Okoro"),
    ("Jane Okoro ended the visit, saying the port would reopen.", "saying", "conjunct_or_participle", "Okoro"),
    ("Jane Okoro ended the visit by saying the port would reopen.", "saying", "participle_of_preposition", "Okoro"),
    ("Jane Okoro declined to comment on the port.", "comment", "controlled_infinitive", "Okoro"),
    ("The delay prompted Jane Okoro to warn that costs would rise.", "warn", "controlled_infinitive", "Okoro"),
    ("The union issued a statement saying the port would reopen.", "saying", "participle_of_noun", "statement"),
    ('"The port will reopen," said Skelly.', "said", "inverted_speaker", "Skelly"),
])
def test_subject_patterns(nlp, text, cue, pattern, subject):
    token = cue_token(nlp, text, cue)
    fired = next((p.__name__ for p in SUBJECT_PATTERNS if p(token) is not None), None)
    assert fired == pattern
    assert cue_subject(token).text == subject


@pytest.mark.parametrize("text,cue", [
    ("Saying no is hard.", "Saying"),
    ("The said port reopened.", "said"),
])
def test_cues_without_a_subject(nlp, text, cue):
    assert cue_subject(cue_token(nlp, text, cue)) is None


def _first_pattern(token) -> str | None:
    if as_frame(token) is not None:
        return "as_frame"
    if amod_cue(token):
        return "amod_cue"
    parse = CueParse.of(token)
    return next((p.__name__ for p in SPAN_PATTERNS if p(parse) is not None), None)


@pytest.mark.parametrize("text,cue,pattern,span", [
    ("As Jane Okoro noted, the port will reopen in May.", "noted", "as_frame", "the port will reopen in May."),
    ("Jane Okoro said the port would reopen in May.", "said", "clause_complement", "the port would reopen in May"),
    ("The port will reopen in May, Jane Okoro said.", "said", "clause_complement", "The port will reopen in May"),
    ("Jane Okoro urged the union to end the strike.", "urged", "complement", "the union to end the strike"),
    ("Jane Okoro voiced concern over the strike.", "voiced", "complement", "voiced concern over the strike"),
    ("Jane Okoro repeated the old promises of the union.", "repeated", "complement",
     "repeated the old promises of the union"),
    ("Jane Okoro credited the union with a brave campaign.", "credited", "complement",
     "credited the union with a brave campaign"),
    ("Jane Okoro declined to comment on the strike.", "comment", "complement", "the strike"),
    ("The things Jane Okoro said about the strike were false.", "said", "said_things",
     "The things Jane Okoro said about the strike"),
    ("The port will reopen in May, Jane Okoro said, and the docks will follow.", "said", "parataxis_frame",
     "The port will reopen in May"),
    # reports nothing: a topic, a genre, a clause-only verb without a clause, an addressee
    ("Jane Okoro commented on the strike.", "commented", "complement", None),
    ("Jane Okoro writes songs.", "writes", "complement", None),
    ("Jane Okoro continued to fight.", "continued", "complement", None),
    ("Jane Okoro told reporters about it.", "told", None, None),
])
def test_span_patterns(nlp, text, cue, pattern, span):
    token = cue_token(nlp, text, cue)
    assert _first_pattern(token) == pattern
    found = reported_span(token)
    assert (token.doc[found[0]:found[1]].text if found else None) == span


def test_nothing_is_not_a_span():
    assert NOTHING[0] < 0
