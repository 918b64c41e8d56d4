"""Issue 13 (part C): speaker labels of transcript and digest lines (made-up sentences)."""
from __future__ import annotations

import hashlib

import pytest

from models import Article
from tasks.ingest.textnorm import normalise_text
from tasks.quotes.extract import extract_article_quotes
from tasks.quotes.registry import SpeakerRegistry


@pytest.fixture(scope="module")
def quotes_of():
    from tasks.nlp import load_nlp

    nlp = load_nlp()

    def _run(text: str, **fields):
        body = normalise_text(text)
        article = Article(article_id="t1", source_path="t1.txt", title=None,
                          content_sha256=hashlib.sha256(body.encode()).hexdigest(), body=body, **fields)
        return extract_article_quotes(nlp(body), article, SpeakerRegistry.load()).quotes
    return _run


def _speakers(quotes, piece):
    return [q.speaker_name for q in quotes if piece in q.text]


_TRANSCRIPT = ("The harbour board met the press on Tuesday.\n\n"
               "MARTA OKONJO: Why has the ferry stopped running?\n\n"
               "PETER HALVORSEN: We have run out of fuel for the old boats. We expect a delivery next week.\n\n"
               "OKONJO: You said that in March as well.\n\n"
               "HALVORSEN: The supplier has let us down twice, and we are changing it.\n\n"
               "UPDATE: The ferry runs again from Friday, after the fuel arrived.\n\n"
               "Note: This transcript was edited for length.")


# A label is the speaker of its line; the surname alone labels the same person later on.
@pytest.mark.parametrize("piece, speaker", [
    ("run out of fuel for the old boats", "Peter Halvorsen"),
    ("The supplier has let us down twice", "Peter Halvorsen"),
    ("You said that in March as well", "Marta Okonjo"),
])
def test_transcript_labels(quotes_of, piece, speaker):
    assert _speakers(quotes_of(_TRANSCRIPT), piece) == [speaker]


# Non-speech labels give no quote at all.
@pytest.mark.parametrize("piece", ["The ferry runs again from Friday", "edited for length"])
def test_non_speech_labels_are_no_quotes(quotes_of, piece):
    assert _speakers(quotes_of(_TRANSCRIPT), piece) == []


@pytest.mark.parametrize("text, piece, speaker", [
    # a digest line: heading, dash, the label of the quotation's author
    (("Ferry figures are in.\n\nTurnout fell sharply - Peter Lindqvist: \"Fewer islanders took the ferry than in any "
      "year since 1990.\""), "Fewer islanders took the ferry", "Peter Lindqvist"),
    ("Ferry figures are in.\n\nPollsters agree - Peter Lindqvist: \"The ferry counts were wrong all year.\"",
     "ferry counts were wrong", "Peter Lindqvist"),
    # a registry person labels their own line
    ("Talks on the grain deal resumed.\n\nSergey Lavrov: We are ready to continue the talks in Istanbul.",
     "ready to continue the talks", "Sergey Lavrov"),
    # a surname of someone the article named
    ("Mayor Ingrid Solberg spoke after the vote.\n\nSolberg: We will not raise the ferry fares this year.",
     "raise the ferry fares", "Ingrid Solberg"),
])
def test_labelled_lines(quotes_of, text, piece, speaker):
    # a short digest line is also a crosshead headline ("Name: statement"): same speaker
    assert set(_speakers(quotes_of(text), piece)) == {speaker}


@pytest.mark.parametrize("text, piece", [
    # aims in a list, not speech: no clause with a subject
    (("What each candidate needs tonight.\n\nPeter Lindqvist: Win the harbour wards.\n\n"
      "Erik Lund: Survive to the runoff."), "Win the harbour wards"),
    # a digest heading's label that is no person's name
    ("Ferry figures are in.\n\nPollsters agree - Harbour Data Desk: \"The ferry counts were wrong all year.\"",
     "ferry counts were wrong"),
    # a poll line
    ("The latest harbour poll.\n\nSolberg: 46 percent, Lund: 41 percent.", "46 percent"),
    # a surname nobody in the article bears, and a word that is no name
    ("The ferry board met.\n\nHalvorsen: The boats are old and we need new ones.", "boats are old"),
    ("The ferry board met.\n\nBackground: The boats were built in 1970 and need repair.", "boats were built"),
    ("The ferry board met.\n\nRead More: The ferry board has a new chairman this year.", "new chairman"),
])
def test_labels_that_are_no_speaker(quotes_of, text, piece):
    assert not [s for s in _speakers(quotes_of(text), piece) if s]
