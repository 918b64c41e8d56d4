"""tasks.attribute_table sets exactly what spaCy's attribute_ruler sets (made-up text)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tasks.attribute_table import AttributeTable, UnsupportedPattern
from tasks.nlp import MODEL_NAME, load_nlp


def token_rows(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph), t.head.i, t.ent_type_, t.ent_iob_)
            for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    """The model as shipped (its attribute_ruler) beside ours (the table in its place)."""
    ours = load_nlp()  # also registers the two components of ours the reference adds
    reference = spacy.load(MODEL_NAME)
    reference.add_pipe("paragraph_breaks", before="parser")
    reference.add_pipe("drop_tensor", last=True)
    return reference, ours


def test_the_loaded_pipeline_uses_the_table(pipelines):
    reference, ours = pipelines
    assert "attribute_ruler" in reference.pipe_names
    assert "attribute_table" in ours.pipe_names and "attribute_ruler" not in ours.pipe_names


# made-up sentences touching the model's rules: contractions, pronoun case, auxiliaries,
# "there is", determiners as pronouns, whitespace tokens, and plain text matching none
@pytest.mark.parametrize("text", [
    "I know y'all are gonna say it ain't so, but c'mon, let's go.",
    "Gotta admit it: he gets the joke and she got the point.",
    "There are two spaces  here.\n\nAnd a new paragraph after a blank line.",
    "That is what I gave you, and it was all they wanted from it.",
    "She did not do it; they have done it and had it done before.",
    "The minister said, \"We will not accept this,\" on Tuesday in Oslo.",
    "Prices rose 4.5% to $1,200 (about 1,100 euros) in March 2024.",
    "But then, what does he do?  \t Nobody knows which one to pick.",
    "",
])
def test_table_sets_the_same_attributes_as_the_ruler(pipelines, text):
    reference, ours = pipelines
    assert token_rows(ours(text)) == token_rows(reference(text))


def small_ruler_and_doc():
    """A made-up ruler on hand-tagged tokens: precedence, a second token, a negative index."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "dog", "TAG": "NN"}]], {"POS": "PROPN", "LEMMA": "hound"})  # later wins
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}, {"TAG": "NN"}]], {"MORPH": "Definite=Def"}, index=0)
    ruler.add([[{"LOWER": {"REGEX": "^ca"}}, {"DEP": {"NOT_IN": [""]}}]], {"LEMMA": "x"}, index=-1)
    ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"})
    ruler.add([[{"TAG": "NN"}]], {"MORPH": "Number=Sing"})  # does not undo LEMMA from rule 1
    words = ["the", "dog", "saw", "a", "cat", "  ", "cars", "run"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "", "NNS", "VBP"]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "dep", "nsubj", "conj"]
    heads = [1, 2, 2, 4, 2, 4, 7, 2]
    return nlp, ruler, lambda: Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_rule_order_indices_and_operators_match_the_ruler():
    _, ruler, make_doc = small_ruler_and_doc()
    expected = token_rows(ruler(make_doc()))
    got = token_rows(AttributeTable.from_ruler(ruler)(make_doc()))
    assert got == expected
    assert got[1][1:5] == ("PROPN", "NN", "nsubj", "hound")  # the later rule's POS and LEMMA
    assert got[7][4] == "x"  # "cars run": the second token of the REGEX rule


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "a", "OP": "?"}],          # operators
    [{"POS": "NOUN"}],                    # an attribute the table does not read
    [{"LOWER": {">=": 3}}],               # a comparison
    [{"LOWER": {"IN": ["a"], "NOT_IN": ["b"]}}],
])
def test_a_pattern_the_table_cannot_evaluate_is_refused(pattern):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"LEMMA": "x"})
    with pytest.raises(UnsupportedPattern):
        AttributeTable.from_ruler(ruler)
