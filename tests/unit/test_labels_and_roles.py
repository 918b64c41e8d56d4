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


# ---- role holders from the registry at the article's date -------------------------------

def _dated(quotes_of, text, day=None, precision="day"):
    import datetime as dt

    if day is None:
        return quotes_of(text)
    return quotes_of(text, published_date=dt.date.fromisoformat(day), published_precision=precision)


# A specific role phrase (a country's or the holder's own organisation's) the story never fills
# takes the one registry holder whose term covers the article's date.
@pytest.mark.parametrize("text, day, precision, speaker", [
    ("The harbour talks are stalled, the Kremlin spokesman told reporters.", "2023-06-02", "day", "Dmitry Peskov"),
    ("Russia's foreign minister said the harbour talks were stalled.", "2022-09-24", "day", "Sergey Lavrov"),
    ("The Russian Foreign Ministry's spokeswoman said the harbour talks were stalled.", "2024-02-15", "day",
     "Maria Zakharova"),
    ("The Turkish foreign minister said the harbour talks were stalled.", "2022-05-10", "day", "Mevlut Cavusoglu"),
    ("The Turkish foreign minister said the harbour talks were stalled.", "2024-01-18", "day", "Hakan Fidan"),
    ("Russia's defence minister said the harbour drills would start in May.", "2014-03-12", "day", "Sergei Shoigu"),
    ("The U.S. president said the harbour deal was fair.", "2016-03-01", "month", "Barack Obama"),
    ("The harbour talks are stalled, the Kremlin spokesman told reporters.", "2013-01-01", "year", "Dmitry Peskov"),
    # no holder at that date: the term ended (Shoigu), a gap between terms, a year the term began in
    ("Russia's defence minister said the harbour drills would start in May.", "2024-09-10", "day", None),
    ("The U.S. president said the harbour deal was fair.", "2019-05-02", "day", None),
    ("The harbour talks are stalled, the Kremlin spokesman told reporters.", "2012-01-01", "year", None),
    # an undated article is current news: only a term with no end counts
    ("The harbour talks are stalled, the Kremlin spokesman told reporters.", None, "day", "Dmitry Peskov"),
    ("The Turkish foreign minister said the harbour talks were stalled.", None, "day", "Hakan Fidan"),
    ("Russia's defence minister said the harbour drills would start in May.", None, "day", None),
    # not specific: a bare role, a role without country or organisation, a generic role noun
    ("The president said the harbour talks were stalled.", "2023-06-02", "day", None),
    ("The foreign minister said the harbour talks were stalled.", "2023-06-02", "day", None),
    ("A Kremlin official said the harbour talks were stalled.", "2023-06-02", "day", None),
    # a rank the phrase lacks, a gender the phrase excludes
    ("The Russian deputy foreign minister said the harbour talks were stalled.", "2023-06-02", "day", None),
    ("The Kremlin spokeswoman said the harbour talks were stalled.", "2023-06-02", "day", None),
])
def test_registry_role_holder(quotes_of, text, day, precision, speaker):
    assert _speakers(_dated(quotes_of, text, day, precision), "harbour") == [speaker]


def test_the_story_holder_wins_and_confidence_is_lower(quotes_of):
    named = _dated(quotes_of, "Foreign Minister Jane Okoro met the envoys. Later, Russia's foreign minister said "
                              "the harbour talks were stalled.", "2023-06-02")
    assert "Sergey Lavrov" not in _speakers(named, "harbour")
    found = _dated(quotes_of, "The harbour talks are stalled, the Kremlin spokesman told reporters. \"We see no "
                              "progress,\" the Kremlin spokesman said.", "2023-06-02")
    assert {q.speaker_name for q in found} == {"Dmitry Peskov"}
    assert all(q.confidence <= 0.5 for q in found)  # the registry's guess, never a name's confidence


# ---- what a frame reports ---------------------------------------------------------------

# Two sentences of the made-up probe set (tests/data/attribution_probes p07, holdout h04), whose
# parses show the shapes: a second that-clause hung on the cue as a conjunct, and the frame
# "..., X told a briefing" parsed as a conjunct of the reported clause's verb.
@pytest.mark.parametrize("text, piece, speaker", [
    ("In Yerevan, the prime minister said the text was \"almost agreed\" but that border delimitation remained open.",
     "border delimitation remained open", None),
    (("MOSCOW, July 18. /TASS/. Russia expects Berlin to explain recent remarks by German officials about the possible "
     "supply of cruise missiles to Kiev, Russian Foreign Ministry Spokeswoman Maria Zakharova told a briefing."),
     "Russia expects Berlin to explain", "Maria Zakharova"),
])
def test_probe_frames_report(quotes_of, text, piece, speaker):
    found = _speakers(quotes_of(text), piece)
    assert found and (speaker is None or found == [speaker])

@pytest.mark.parametrize("text, piece, speaker", [
    # a coordinated that-clause is more of the same statement
    ("Mayor Jane Okoro said the harbour text was \"almost agreed\" but that the port fees remained open.",
     "port fees remained open", "Jane Okoro"),
    # "CLAUSE, X told a briefing" parsed as a conjunct of the clause's verb
    (("Norway expects Oslo council to explain recent remarks by harbour officials about the ferry fares, "
     "Foreign Ministry Spokeswoman Jane Okoro told a briefing."), "expects Oslo council to explain", "Jane Okoro"),
    # asking someone to explain is the asker's words
    ("Mayor Jane Okoro asked the harbour board to explain the delay in detail.", "explain the delay", "Jane Okoro"),
])
def test_frames_report(quotes_of, text, piece, speaker):
    assert speaker in _speakers(quotes_of(text), piece)


@pytest.mark.parametrize("text, piece, not_speaker", [
    # an expectation: the one expected to explain has said nothing
    (("Norway expects Oslo council to explain recent remarks by harbour officials about the ferry fares, "
     "Foreign Ministry Spokeswoman Jane Okoro told a briefing."), "explain recent remarks", "Oslo"),
    ("The harbour union wants Mayor Erik Lund to explain the fare rise before the vote.", "explain the fare rise",
     "Erik Lund"),
])
def test_expected_speech_is_not_the_subjects(quotes_of, text, piece, not_speaker):
    assert not [s for s in _speakers(quotes_of(text), piece) if s and not_speaker in s]


def test_a_coordinated_clause_is_no_frame(quotes_of):
    # "and" between the clauses: the second is news of its own, not the first one's frame
    quotes = quotes_of("The harbour reopened on Monday after a long repair, and Mayor Jane Okoro told reporters about "
                       "the fares.")
    assert not [q for q in quotes if "harbour reopened" in q.text]


@pytest.mark.parametrize("text, piece", [
    (("KALININGRAD, Russia (AP) — The navy will hold drills in the Baltic Sea next month. The drills will involve "
     "more than 40 ships, the ministry said in a statement."), "40 ships"),
    ("OSLO (AP) — The harbour will reopen in May, the ministry said on Monday.", "reopen in May"),
])
def test_the_ministry_is_never_the_dateline_agency(quotes_of, piece, text):
    assert not [s for s in _speakers(quotes_of(text), piece) if s]


# ---- "the ministry said" after a lower-case ministry the tagger leaves untagged -----------------

@pytest.mark.parametrize("text, speaker", [
    ("Russia's foreign ministry summoned the Valdian envoy over the harbour closure, the ministry said.",
     "Russian Foreign Ministry"),
    ("The Russian foreign ministry protested on Friday.\n\n\"The harbour closure is unlawful,\" the ministry said.",
     "Russian Foreign Ministry"),
])
def test_ministry_after_a_lower_case_registry_ministry(quotes_of, text, speaker):
    assert _speakers(quotes_of(text), "harbour") == [speaker]


@pytest.mark.parametrize("text", [
    # no ministry phrase before: nothing from the registry
    "The harbour closure is unlawful, the ministry said.",
    # a ministry the registry does not know stays out of it
    "Valdia's fisheries ministry closed the harbour on Friday, the ministry said.",
])
def test_ministry_without_a_registry_phrase_is_not_the_russian_one(quotes_of, text):
    assert "Russian Foreign Ministry" not in _speakers(quotes_of(text), "harbour")
