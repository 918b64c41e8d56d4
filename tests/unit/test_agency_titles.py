"""Issue 13 (part E): agency shapes from the second held-out set's fit half, as general rules
(made-up sentences): a holder's name run into a title's "to"/"of" phrase, role words that never
reach across a headline's dash, "- source" headlines, and an organisation role noun that takes
the organisation the story described with it."""
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
    registry = SpeakerRegistry.load()

    def _run(text: str) -> list:
        body = normalise_text(text)
        first = body.split("\n", 1)[0]
        title = first if "\n\n" in body else None  # a title line as the ingest step gives it
        article = Article(article_id="t1", source_path="t1.txt", title=title,
                          content_sha256=hashlib.sha256(body.encode()).hexdigest(), body=body)
        return extract_article_quotes(nlp(body), article, registry).quotes
    return _run


def _speakers(quotes, piece: str, kind: str | None = None) -> list[str | None]:
    return sorted({q.speaker_name for q in quotes if piece in q.text and (kind is None or q.kind == kind)}, key=str)


# The holder's name run into the title's "to"/"of" phrase is the speaker, not no one.
@pytest.mark.parametrize("text, piece, speaker", [
    ('US Ambassador to the UN Linda Marsh rejected the claim, saying the Russian draft "ignored the facts on the '
     'ground".', "ignored the facts on the ground", "Linda Marsh"),
    ("Ambassador to the UN Linda Marsh said the Russian draft ignored the facts.", "the Russian draft ignored the facts",
     "Linda Marsh"),
    ("The draft ignored the harbour dispute, Minister of Fisheries of Ruritania Jan Novak told reporters.",
     "The draft ignored the harbour dispute", "Jan Novak"),
    # a run the registry knows as its holder: the holder ("the UN Vasily Nebenzya" tagged as one name)
    ("Western delegations have blocked the harbour statement, Russia's Permanent Representative to the UN "
     "Vasily Nebenzya told reporters.", "Western delegations have blocked the harbour statement", "Vasily Nebenzya"),
    # must not fire: "for" names the principal, not a holder run into a place
    ("A spokesman for Linda Marsh said the draft ignored the harbour dispute.", "the draft ignored the harbour",
     "Linda Marsh"),
    # must not fire: an unnamed holder of a title is no one
    ("An adviser to the UN said the draft ignored the harbour dispute.", "the draft ignored the harbour", None),
])
def test_holder_run_into_title(quotes_of, text, piece, speaker):
    assert _speakers(quotes_of(text), piece) == [speaker]


# A trailing headline role takes only its own words: "for new weapons - Russian diplomat" is a
# diplomat (the holder the story names), not a "new diplomat" that no one is.
@pytest.mark.parametrize("text, piece, speaker", [
    ("Ruritania uses the harbour as a testing ground for new ferries - Russian diplomat\n\n"
     "MOSCOW, May 3. /TASS/. Ruritania uses the harbour as a testing ground, Russian Foreign Ministry "
     "Spokeswoman Maria Zakharova said.", "testing ground for new ferries", "Maria Zakharova"),
    ("Harbour talks stalled over new tariffs - senior Russian diplomat\n\n"
     "MOSCOW, May 3. /TASS/. The harbour talks have stalled, Russian Deputy Foreign Minister Andrei Rudenko said.",
     "Harbour talks stalled over new tariffs", "Andrei Rudenko"),
])
def test_trailing_role_headline_own_words(quotes_of, text, piece, speaker):
    assert _speakers(quotes_of(text), piece, "headline") == [speaker]


# must not fire: role words with no dash before them still tell holders apart
def test_role_words_without_dash_kept(quotes_of):
    text = ("Foreign Minister Sergey Lavrov and Deputy Foreign Minister Andrei Rudenko met the delegation on Monday. "
            "The deputy foreign minister said the harbour talks would resume in May.")
    assert _speakers(quotes_of(text), "the harbour talks would resume in May") == ["Andrei Rudenko"]


# "... - source(s)": an anonymous source's headline, kept with no speaker.
@pytest.mark.parametrize("text, piece, speaker", [
    ("Ruritania, Borduria to hold harbour talks next month - source\n\n"
     "MOSCOW, May 3. /TASS/. Ruritania and Borduria will hold harbour talks next month, a diplomatic source told TASS.",
     "Ruritania, Borduria to hold harbour talks next month", None),
    ("Ferry contract to be signed in June - diplomatic sources\n\n"
     "MOSCOW, May 3. /TASS/. The ferry contract will be signed in June, two diplomatic sources told TASS.",
     "Ferry contract to be signed in June", None),
    # must not fire: a named speaker after the dash is that speaker
    ("Harbour talks are frozen - Galuzin\n\n"
     "MOSCOW, May 3. /TASS/. The harbour talks are frozen, Deputy Foreign Minister Mikhail Galuzin said.",
     "Harbour talks are frozen", "Mikhail Galuzin"),
])
def test_anonymous_source_headline(quotes_of, text, piece, speaker):
    assert _speakers(quotes_of(text), piece, "headline") == [speaker]


def test_label_after_dash_is_no_headline_quote(quotes_of):
    text = "Harbour election 2024 - live updates\n\nThe harbour will reopen in May, Jane Halvorsen said."
    assert _speakers(quotes_of(text), "Harbour election", "headline") == []


# An organisation role noun takes the organisation the story described with that noun, not the
# last organisation named (the open error of part D: "the production company said").
@pytest.mark.parametrize("text, piece, speaker", [
    ('Lumen Pictures, the production company behind the film, hired the crew in May. A rival studio, Halcyon '
     'Media, bought the rights. "We will start shooting in June," the production company said.',
     "We will start shooting in June", "Lumen Pictures"),
    ("The production company Lumen Pictures hired the crew in May. Halcyon Media bought the rights. "
     "The company said shooting would start in June.", "shooting would start in June", "Lumen Pictures"),
    ("The Ruritanian Harbour Board, the agency that runs the port, said traffic had fallen. Public broadcaster "
     "Radio Borduria reported long queues. The port agency said it had hired extra staff.",
     "it had hired extra staff", "Ruritanian Harbour Board"),
    # must not fire: no organisation described with the noun -> the last organisation named, as before
    ("Lumen Pictures hired the crew in May. Halcyon Media bought the rights. "
     "The production company said shooting would start in June.", "shooting would start in June", "Halcyon Media"),
])
def test_organisation_described_with_role_noun(quotes_of, text, piece, speaker):
    assert _speakers(quotes_of(text), piece) == [speaker]


# "X was quoted (by an outlet) as saying": X spoke, the outlet only passed the words on.
@pytest.mark.parametrize("text, piece, speaker", [
    ("Valdia sees no point in extending the harbour treaty, Boris Ryzhov was quoted as saying by the Valdian "
     "agency on Wednesday.", "sees no point", "Boris Ryzhov"),
    ("Boris Ryzhov was quoted by the Gazette as saying that the harbour treaty was dead.", "treaty was dead",
     "Boris Ryzhov"),
    ("The harbour treaty is dead, Boris Ryzhov was quoted by the Gazette as saying.", "treaty is dead",
     "Boris Ryzhov"),
    ("The Gazette quoted Jane Okoro as saying the harbour would reopen in May.", "harbour would reopen",
     "Jane Okoro"),
    # not a quoting frame: the agent of a speech verb still speaks
    ("Boris Ryzhov was told by Jane Okoro that the harbour would close.", "harbour would close", "Jane Okoro"),
])
def test_quoted_as_saying(quotes_of, text, piece, speaker):
    assert _speakers(quotes_of(text), piece) == [speaker]


def test_quoted_as_saying_gives_one_quote_not_two(quotes_of):
    quotes = quotes_of("Boris Ryzhov was quoted as saying that the harbour treaty was dead.")
    assert len([q for q in quotes if "treaty was dead" in q.text]) == 1
