"""Issue 13 (part A): what is not a quote at all, and who a pronoun takes up (made-up sentences)."""
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

    def _run(text: str):
        body = normalise_text(text)
        article = Article(article_id="t1", source_path="t1.txt", title=None,
                          content_sha256=hashlib.sha256(body.encode()).hexdigest(), body=body)
        return extract_article_quotes(nlp(body), article, SpeakerRegistry.load()).quotes
    return _run


def _with(quotes, piece):
    return [q for q in quotes if piece in q.text]


# A share of respondents or an unnamed poll reports a poll result, which nobody said.
@pytest.mark.parametrize("text, piece, is_quote", [
    ("In the harbour survey, 55 percent of all voters say the ferry is too slow.", "ferry is too slow", False),
    ("Asked about the tunnel, 61% of residents said they would pay a toll.", "pay a toll", False),
    ("Two in three said they would vote for the levy.", "vote for the levy", False),
    ("About four in 10 said they were angry about the fares.", "angry about the fares", False),
    ("A majority of islanders say the bridge should be rebuilt.", "bridge should be rebuilt", False),
    ("Almost half of respondents said the council has ignored them.", "council has ignored", False),
    ("Only 18% who say they trust the council want a new mayor.", "trust the council", False),
    # not a share: a count of people, a named group, a named speaker
    ("Three people briefed on the talks said the ferry contract was signed.", "ferry contract was signed", True),
    ("Harbour Republicans say the levy is unfair.", "levy is unfair", True),
    ("Mayor Erik Lund said 55 percent of the budget goes to roads.", "55 percent of the budget", True),
    ("Half of Mayor Erik Lund's speech was devoted to criticizing the ferry budget.", "the ferry budget", True),
    # a poll no named author stands behind is where a figure is from
    ("According to a new poll, the mayor leads by ten points.", "the mayor leads", False),
    ("The mayor leads by ten points, according to recent polling.", "The mayor leads", False),
    ("According to a poll by the Harbour Institute, the mayor leads by ten points.", "the mayor leads", True),
    ("According to Mayor Erik Lund, the ferry will run all winter.", "the ferry will run", True),
])
def test_a_share_of_respondents_is_a_poll_result_not_a_quote(quotes_of, text, piece, is_quote):
    assert bool(_with(quotes_of(text), piece)) is is_quote


# A pronoun subject of a clause joined to or hanging on another takes up that clause's named
# subject, before a person named inside the reported words.
@pytest.mark.parametrize("text, piece, speaker", [
    (("Governor Tom Hale spoke on Monday.\n\nEdward Lund, a former mayor, said the port should close "
      "if Mr. Hale won, and he added that the ferry would stop."), "the ferry would stop", "Edward Lund"),
    (("Senator Anna Berg toured the port.\n\nMaria Lund said the port would close, and she added "
      "that the ferry would stop."), "the ferry would stop", "Maria Lund"),
    # the second that-clause is part of the reported words: no clause antecedent, the usual order
    (("Maria Lund said on Monday that Tom Hale called her twice and that she told him the ferry "
      "would stop."), "the ferry would stop", "Maria Lund"),
    # no named subject to take up: no speaker
    ("The official said the port would close, and he added that the ferry would stop.",
     "the ferry would stop", None),
])
def test_a_pronoun_takes_up_the_named_subject_of_the_clause_it_joins(quotes_of, text, piece, speaker):
    found = _with(quotes_of(text), piece)
    assert found, "the reported clause is a quote"
    assert found[0].speaker_name == speaker


# An indefinite group no speaker stands for is nobody's statement; an anonymous count of
# people is a source, and a group the article pins down keeps its speaker.
@pytest.mark.parametrize("text, piece, speaker", [
    ("Some observers say the ferry will never run on time.", "ferry will never run", "dropped"),
    ("Several senators said they would oppose the levy.", "oppose the levy", "dropped"),
    ("The mayor backed the tunnel. Others argue that the tunnel is too costly.", "tunnel is too costly", "dropped"),
    ("Many spoke about how much they hoped the ferry would return.", "the ferry would return", "dropped"),
    ("Three people briefed on the talks said the ferry contract was signed.", "ferry contract was signed", None),
    ("Some Harbour Party members said the levy was unfair.", "levy was unfair", "Harbour Party"),
])
def test_an_indefinite_group_without_a_speaker_is_not_a_quote(quotes_of, text, piece, speaker):
    found = _with(quotes_of(text), piece)
    if speaker == "dropped":
        assert found == []
    else:
        assert [q.speaker_name for q in found] == [speaker]


# The cue right before a colon introduces the quotation, not the main clause's subject.
@pytest.mark.parametrize("text, speakers", [
    ('Some of the fans booed the referee, with Mayor Erik Lund reportedly shouting: "Send him off!"', ["Erik Lund"]),
    # the fans are an indefinite group: nobody's statement
    ('Mayor Erik Lund spoke on Monday, with some fans shouting: "Send him off!"', []),
    ('Mayor Erik Lund told the fans: "Send him off!"', ["Erik Lund"]),
])
def test_the_cue_right_before_a_colon_introduces_the_quotation(quotes_of, text, speakers):
    found = _with(quotes_of(text), "Send him off")
    assert [q.speaker_name for q in found if q.kind == "direct"] == speakers


# A paragraph ending in a colon introduces the quoted paragraph after it, by the colon's rules:
# its cue, else its main clause's named subject; nothing when it names no one.
@pytest.mark.parametrize("text, speaker", [
    ('The ferry was late again.\n\nMayor Erik Lund said:\n\n"Send the engineers in."', "Erik Lund"),
    ('The ferry was late again.\n\nMayor Erik Lund echoed:\n\n"Send the engineers in."', "Erik Lund"),
    ('The ferry was late again.\n\nMayor Erik Lund released the following statement:\n\n"Send the engineers in."',
     "Erik Lund"),
    ('The ferry was late again.\n\nIt gets better:\n\n"Send the engineers in."', None),
])
def test_a_paragraph_ending_in_a_colon_introduces_the_next(quotes_of, text, speaker):
    found = [q for q in _with(quotes_of(text), "Send the engineers") if q.kind == "direct"]
    assert [q.speaker_name for q in found] == [speaker]


# A quoted paragraph with no cue and no quote to continue is the words of the person the
# paragraph before is about; none when that paragraph has no person as its subject.
@pytest.mark.parametrize("text, speaker", [
    ('Mayor Erik Lund toured the flooded harbour on Monday.\n\n"We will rebuild every pier."', "Erik Lund"),
    ('The storm flooded the harbour on Monday.\n\n"We will rebuild every pier."', None),
    # a person named only inside the previous paragraph's quotation is not its subject
    ('The council met. "Erik Lund wants the money," a clerk said.\n\n"We will rebuild every pier."', None),
])
def test_an_uncued_quoted_paragraph_is_the_previous_paragraphs_subject(quotes_of, text, speaker):
    found = [q for q in _with(quotes_of(text), "rebuild every pier") if q.kind == "direct"]
    assert [q.speaker_name for q in found] == [speaker]


# A subject of a subordinate clause is fresher than an older main-clause subject, but not than
# the main-clause subject of its own sentence.
@pytest.mark.parametrize("text, speaker", [
    (('Mayor Erik Lund said he backed the ferry only because Mr. Tom Hale agreed to pay. '
      '"We will run it all winter," he said.'), "Erik Lund"),
    (('Governor Tom Hale opposed the tunnel for months.\n\nThe reason Mayor Erik Lund keeps backing the plan '
      'is cost. "It will pay for itself," he says.'), "Erik Lund"),
])
def test_a_clause_subject_does_not_beat_its_own_sentences_subject(quotes_of, text, speaker):
    found = [q for q in _with(quotes_of(text), "") if q.kind == "direct"]
    assert [q.speaker_name for q in found] == [speaker]


# The tagger sometimes calls a person named right after a person's role noun an organisation.
@pytest.mark.parametrize("text, start, end, person", [
    ("Harbour Radio host Tom Hale spoke.", 3, 5, True),   # after a role noun: a person
    ("Former CEO Anna Berg spoke.", 2, 4, True),
    ("The Harbour Radio Network spoke.", 1, 4, False),   # no role noun before it
    ("Harbour host Tom Hale Radio Network spoke.", 2, 6, False),  # too long to be a name
])
def test_a_name_after_a_person_role_noun_is_a_person(text, start, end, person):
    from spacy.tokens import Span

    from tasks.nlp import load_nlp
    from tasks.quotes.mentions import is_person

    doc = load_nlp()(text)
    ent = Span(doc, start, end, label="ORG")
    assert is_person(ent) is person


# A statement noun with a possessive pronoun is the words of the person the pronoun takes up,
# not of someone named inside the phrase.
@pytest.mark.parametrize("text, piece, speaker", [
    (("Mayor Erik Lund spoke for an hour.\n\nHis speech, in which he joked about Anna Berg, cited "
      "the cost of the ferry."), "the cost of the ferry", "Erik Lund"),
    ("Mayor Anna Berg wrote to the council.\n\nHer letter said the ferry would stop.", "the ferry would stop",
     "Anna Berg"),
    # no one for the pronoun to take up: no speaker
    ("His speech said the ferry would stop.", "the ferry would stop", None),
])
def test_a_possessed_statement_is_the_possessors(quotes_of, text, piece, speaker):
    found = _with(quotes_of(text), piece)
    assert [q.speaker_name for q in found] == [speaker]


# A participle after a comma that the parser hung on a relative clause belongs to the main
# clause: its subject speaks.
@pytest.mark.parametrize("text, speaker", [
    (("Mayor Erik Lund had a strong night that could matter in the vote, forcefully denouncing "
      "the ferry budget."), "Erik Lund"),
    ("The mayor had a strong night that could matter in the vote, forcefully denouncing the ferry budget.", None),
])
def test_a_comma_participle_past_a_relative_clause_is_the_main_subjects(quotes_of, text, speaker):
    found = _with(quotes_of(text), "ferry budget")
    assert [q.speaker_name for q in found] == [speaker]


# A frame ending in its cue introduces the quotation after it, unless the quotation's own
# closing comma (or ? or !) hands it to the cue after the closing mark.
@pytest.mark.parametrize("text, speaker", [
    ('Mayor Erik Lund said, "The ferry will run all winter" - at which point the crowd chanted his name.',
     "Erik Lund"),
    ('Erik Lund had asked, "The ferry will run all winter?" asked Anna Berg.', "Anna Berg"),
])
def test_a_frame_ending_in_its_cue_introduces_the_quotation(quotes_of, text, speaker):
    found = [q for q in _with(quotes_of(text), "ferry will run") if q.kind == "direct"]
    assert [q.speaker_name for q in found] == [speaker]
