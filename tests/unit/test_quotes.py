"""Quote extraction and attribution, one made-up article per pattern (textacy-style)."""
from __future__ import annotations

import hashlib

import pytest

from models import Article
from models.base import stable_id
from tasks.ingest.textnorm import normalise_text
from tasks.quotes.extract import extract_article_quotes, extract_quotes
from tasks.quotes.marks import find_quote_spans
from tasks.quotes.registry import SpeakerRegistry


@pytest.fixture(scope="module")
def nlp():
    from tasks.nlp import load_nlp

    return load_nlp()


@pytest.fixture()
def run(nlp):
    def _run(text: str, title: str | None = None):
        body = normalise_text(f"{title}\n\n{text}" if title else text)
        article = Article(article_id="t1", source_path="t1.txt", title=title,
                          content_sha256=hashlib.sha256(body.encode()).hexdigest(), body=body)
        found = extract_article_quotes(nlp(body), article, SpeakerRegistry.load())
        return found.quotes, body, found
    return _run


def only(quotes, kind=None, contains=None):
    hits = [q for q in quotes if (kind is None or q.kind == kind) and (contains is None or contains in q.text)]
    assert len(hits) == 1, [(q.kind, q.text) for q in quotes]
    return hits[0]


def test_direct_quote_before_cue(run):
    quotes, body, _ = run('Mayor Anna Kowalski opened the session on Monday.\n\n'
                          '"We will rebuild the bridge by spring," Kowalski said.')
    q = only(quotes, "direct")
    assert q.text == "We will rebuild the bridge by spring"
    assert q.speaker_name == "Anna Kowalski"
    assert q.speaker_text == "Kowalski"
    assert q.cue == "said"
    assert body[q.start_char:q.end_char].startswith("We will rebuild")
    assert q.quote_id == stable_id("t1", "direct", q.start_char, q.end_char)


def test_direct_quote_after_cue_with_colon(run):
    quotes, _, _ = run('Councillor Tomas Berg said: "The budget for the harbour is balanced."')
    q = only(quotes, "direct")
    assert q.text.startswith("The budget for the harbour is balanced")
    assert q.speaker_name == "Tomas Berg"


def test_multi_paragraph_quote_is_joined(run):
    text = ('Governor Elena Marsh spoke at length about the floods.\n\n'
            '"The water came faster than any model predicted. We lost three pumping stations.\n\n'
            '"We will need federal help to rebuild them," Marsh said.')
    quotes, _, _ = run(text)
    q = only(quotes, "direct")
    assert "We lost three pumping stations." in q.text
    assert q.text.endswith("We will need federal help to rebuild them")
    assert q.speaker_name == "Elena Marsh"


def test_curly_and_guillemet_marks_pair_like_straight_ones():
    body = "He said \u201cwe are ready\u201d and then \u00abwe will wait\u00bb."
    spans = find_quote_spans(body)
    assert [s.text(body) for s in spans] == ["we are ready", "we will wait"]


def test_partial_quote_takes_the_sentence_speaker(run):
    quotes, _, _ = run('Councillor Tomas Berg called the tunnel plan "a reckless gamble with public money" '
                       'during the debate on Tuesday.')
    q = only(quotes, "partial")
    assert q.text == "a reckless gamble with public money"
    assert q.speaker_name == "Tomas Berg"


def test_scare_quotes_and_names_in_quotes_are_not_quotes(run):
    quotes, _, _ = run('The city launched an operation, dubbed "Silver Arrow," in May. '
                       'Several so-called "experts" attended the opening of the "Harbour Lights" festival.')
    assert quotes == []


def test_indirect_speech_that_clause(run):
    quotes, _, _ = run('Councillor Tomas Berg said that the council would vote on the tunnel next week.')
    q = only(quotes, "indirect")
    assert "the council would vote on the tunnel next week" in q.text
    assert q.speaker_name == "Tomas Berg"
    assert q.cue == "said"


def test_according_to_him(run):
    quotes, _, _ = run('Councillor Tomas Berg met the unions on Friday. '
                       'According to him, the strike will end before the holidays.')
    q = only(quotes, "indirect", "strike")
    assert q.text.startswith("the strike will end before the holidays")
    assert q.speaker_name == "Tomas Berg"


def test_urged_and_called_on(run):
    quotes, _, _ = run('The Russian Foreign Ministry urged both parties to resume talks without preconditions. '
                       'The ministry also called on donors to fund the demining effort.')
    urged = only(quotes, "indirect", "resume talks")
    called = only(quotes, "indirect", "donors")
    assert urged.speaker_name == called.speaker_name == "Russian Foreign Ministry"
    assert called.speaker_text == "The ministry"
    assert called.cue == "called on"


def test_pronoun_follows_gender_and_salience(run):
    quotes, _, _ = run('Mayor Anna Kowalski met Sergey Lavrov in the afternoon. '
                       'She said the trade office would open in June.')
    q = only(quotes, "indirect")
    assert q.speaker_name == "Anna Kowalski"
    assert q.speaker_text == "She"


def test_role_noun_resolves_to_the_named_official(run):
    quotes, _, registry = run('Deputy Finance Minister Tomas Berg visited the port on Sunday. '
                              'The deputy minister said the customs reform would be delayed.')
    q = only(quotes, "indirect")
    assert q.speaker_name == "Tomas Berg"
    speaker = next(s for s in registry.speakers if s.canonical_name == "Tomas Berg")
    assert speaker.origin == "text"
    assert "Deputy Finance Minister" in (speaker.role or "")


def test_it_said_resolves_to_the_organisation(run):
    quotes, _, _ = run('The Russian Foreign Ministry published a statement on Friday.\n\n'
                       '"Repairs to the corridor will take two months," it said.')
    q = only(quotes, "direct")
    assert q.speaker_name == "Russian Foreign Ministry"
    assert q.speaker_text == "it"


def test_headline_name_colon_statement(run):
    quotes, body, _ = run('Mayor Anna Kowalski spoke to reporters on Monday.',
                          title="Anna Kowalski: the bridge will reopen by spring")
    q = only(quotes, "headline")
    assert q.text == "the bridge will reopen by spring"
    assert q.speaker_name == "Anna Kowalski"
    assert body[q.start_char:q.end_char] == q.text


def test_crosshead_with_dash(run):
    quotes, _, _ = run('The talks ended late on Thursday.\n\n'
                       '- Kremlin: the agreement must be implemented in full\n\n'
                       'No date was set for the next round.')
    q = only(quotes, "headline")
    assert q.speaker_name == "Kremlin"
    assert q.text == "the agreement must be implemented in full"


def test_unidentified_speaker_stays_null(run):
    quotes, _, _ = run('"Nobody expected the river to rise so fast," one resident said.')
    q = only(quotes, "direct")
    assert q.speaker_name is None
    assert q.speaker_id is None
    assert q.confidence < 0.6


def test_continuation_quote_inherits_speaker(run):
    quotes, _, _ = run('"The plan is sound," Berg said. "It will pay for itself within ten years."')
    later = only(quotes, "direct", "pay for itself")
    assert later.speaker_name == "Berg"


# ---- indirect cues beyond "X said that": frames, nouns, phrasal verbs -------------------

def test_calling_for_a_clause_marked_by_for(run):
    quotes, _, _ = run('Councillor Tomas Berg is calling for the harbour board to publish its accounts.')
    q = only(quotes, "indirect")
    assert "the harbour board to publish its accounts" in q.text
    assert q.speaker_name == "Tomas Berg"
    assert q.cue == "calling for"


def test_as_x_reported_frames_the_main_clause(run):
    quotes, _, _ = run('As Reuters reported, the ferry company will cut two routes in May. '
                       'Tickets will cost more, as the minister noted last week.')
    q = only(quotes, "indirect", "ferry")
    assert q.text.startswith("the ferry company will cut two routes")
    assert q.speaker_name == "Reuters"
    after = only(quotes, "indirect", "Tickets")
    assert after.text.startswith("Tickets will cost more")


def test_as_reported_by_x_takes_the_agent(run):
    quotes, _, _ = run('As reported by the Harbour Gazette, the ferry company will cut two routes in May.')
    q = only(quotes, "indirect")
    assert q.text.startswith("the ferry company will cut two routes")
    assert q.speaker_name == "Harbour Gazette"


def test_causal_as_is_not_a_frame(run):
    quotes, _, _ = run('Fares rose sharply as Tomas Berg called for a ferry boycott after the strike.')
    assert all("Fares rose" not in q.text for q in quotes)


def test_speech_noun_with_possessor(run):
    quotes, _, _ = run("Despite Mayor Anna Kowalski's claim that the tunnel will open on time, "
                       "engineers remain doubtful. Her promise to cut fares was also questioned.")
    claim = only(quotes, "indirect", "tunnel")
    assert claim.text.startswith("the tunnel will open on time")
    assert claim.speaker_name == "Anna Kowalski"
    promise = only(quotes, "indirect", "fares")
    assert promise.text.startswith("to cut fares")
    assert promise.speaker_name == "Anna Kowalski"


def test_speech_noun_without_speaker_or_clause_is_not_a_quote(run):
    quotes, _, _ = run('The claim was rejected by the court. A promise is a promise. '
                       'His remarks about the weather drew laughter.')
    assert quotes == []


def test_object_of_labelling_cue_runs_to_the_clause_end(run):
    quotes, _, _ = run('Governor Elena Marsh described the budget as a betrayal of rural towns.')
    q = only(quotes, "indirect")
    assert "the budget as a betrayal of rural towns" in q.text


def test_spoke_about_needs_an_object(run):
    quotes, _, _ = run('Councillor Tomas Berg spoke about the housing shortage at the meeting. '
                       'Nobody knows what they talked about.')
    q = only(quotes, "indirect")
    assert "the housing shortage" in q.text
    assert q.speaker_name == "Tomas Berg"


def test_agree_only_with_a_clause(run):
    quotes, _, _ = run('Governor Elena Marsh agreed that the bridge needs new cables. '
                       'Councillor Tomas Berg agreed to pay for the repairs.')
    q = only(quotes, "indirect")
    assert "the bridge needs new cables" in q.text


# ---- naming: the article's own people before the registry --------------------------------

def test_surname_from_another_article_is_not_reused(nlp):
    registry = SpeakerRegistry.load()

    def run_one(aid, text):
        body = normalise_text(text)
        article = Article(article_id=aid, source_path=f"{aid}.txt", title=None,
                          content_sha256=hashlib.sha256(body.encode()).hexdigest(), body=body)
        return extract_quotes(nlp(body), article, registry)

    run_one("a1", "Retired admiral Peter Okafor toured the shipyard. Okafor said the docks were ready.")
    quotes = run_one("a2", "The novelist Grace Okafor opened the fair. Okafor said that reading is a habit.")
    q = only(quotes, "indirect", "reading")
    assert q.speaker_name == "Grace Okafor"


def test_surname_shared_by_two_people_stays_a_surname(run):
    quotes, _, _ = run("The brothers Samuel Idris and Jonah Idris run the bakery. "
                       "Mr. Idris said that bread prices would rise.")
    q = only(quotes, "indirect", "bread")
    assert q.speaker_name == "Idris"


def test_fuller_article_form_of_a_registry_name_is_reported(run):
    quotes, _, _ = run("Marco A. Rubio spoke in Ohio. Mr. Rubio said that factories would reopen.")
    q = only(quotes, "indirect", "factories")
    assert q.speaker_name == "Marco A. Rubio"
    assert q.speaker_id == "marco-rubio"


def test_canonical_name_kept_when_the_article_writes_it(run):
    quotes, _, _ = run("Joe Biden spoke in Ohio, and Joseph R. Biden Jr. was on the ballot. "
                       "Mr. Biden said that factories would reopen.")
    q = only(quotes, "indirect", "factories")
    assert q.speaker_name == "Joe Biden"


# ---- speakers of quotations without an ordinary cue --------------------------------------

def test_colon_intro_with_a_non_speech_main_verb(run):
    quotes, _, _ = run('After Mayor Anna Kowalski suggested a new tax, Councillor Tomas Berg fired back: '
                       '"The harbour cannot pay for another tax."')
    q = only(quotes, "direct")
    assert q.speaker_name == "Tomas Berg"


def test_colon_intro_names_the_speaker_as_an_object(run):
    quotes, _, _ = run('The result did not surprise the engineer Lena Ostrova: '
                       '"The cables were never designed for this load."')
    q = only(quotes, "direct")
    assert q.speaker_name == "Lena Ostrova"


def test_colon_intro_without_anyone_stays_null(run):
    quotes, _, _ = run('The sign on the door was clear: "No entry after dark without a permit."')
    assert all(q.speaker_name is None for q in quotes)


def test_inverted_said_with_a_mistagged_surname(run):
    quotes, _, _ = run('Engineer Dalia Venkova inspected the bridge.\n\n'
                       '"The bolts are rusting faster than expected," said Venkova, pointing at the pillars.')
    q = only(quotes, "direct")
    assert q.speaker_name == "Dalia Venkova"


def test_according_to_after_a_colon_frames_what_follows(run):
    quotes, _, _ = run('The shift was noticed: according to a harbour audit, most ferries run late.')
    q = only(quotes, "indirect")
    assert q.text.startswith("most ferries run late")


def test_according_to_at_the_end_frames_what_precedes(run):
    quotes, _, _ = run('Most ferries run late in winter, according to a harbour audit.')
    q = only(quotes, "indirect")
    assert q.text.startswith("Most ferries run late in winter")


def test_show_names_and_web_addresses_are_not_partial_quotes(run):
    quotes, _, _ = run('"We will fix the roads," Governor Elena Marsh said on NTV\'s "Morning Harbour Hour." '
                       'She told viewers to read "www.marsh-roads.org" for details.')
    assert all(q.kind != "partial" for q in quotes), [(q.kind, q.text) for q in quotes]


def test_pronoun_gender_from_a_common_first_name(run):
    quotes, _, _ = run('Laura Pinto met Samuel Okoro on Monday. He said the deal was done.')
    q = only(quotes, "indirect")
    assert q.speaker_name == "Samuel Okoro"


def test_pronoun_with_no_gendered_candidate_keeps_salience(run):
    quotes, _, _ = run('Laura Pinto met Samuel Okoro on Monday. She said the deal was done.')
    q = only(quotes, "indirect")
    assert q.speaker_name == "Laura Pinto"


def test_headline_name_does_not_swallow_its_verb(run):
    quotes, _, _ = run('Mayor Anna Kowalski spoke on Monday. Kowalski said that the bridge would reopen.',
                       title="Kowalski Says Bridge Will Reopen By Spring")
    assert all(not (q.speaker_name or "").endswith(("Says", "Bridge")) for q in quotes)


def test_long_subject_between_quote_and_cue(run):
    quotes, _, _ = run('"The harbour fees will double next year," Marta Lindqvist, a shipping economist at '
                       'the Baltic Institute of Trade who advises port authorities, told the Gazette.')
    q = only(quotes, "direct")
    assert q.speaker_name == "Marta Lindqvist"


def test_far_cue_of_another_clause_is_not_the_frame(run):
    quotes, _, _ = run('Ingrid Hallberg runs the port.\n\n'
                       '"The harbour fees will double." The ministry, which had denied the rumour for '
                       'weeks and refused every request, later said nothing about the matter.')
    q = only(quotes, "direct")
    assert q.speaker_name != "ministry"


def test_relative_pronoun_subject_takes_its_antecedent(run):
    quotes, _, _ = run('The panel heard from Senator Oskar Brandt, who said the levy would be repealed by March.')
    q = only(quotes, "indirect")
    assert q.speaker_name == "Oskar Brandt"
    quotes, _, _ = run('Tomas Ek, a native of the northern coast who argued that the ferry should stay, '
                       'left the meeting early.')
    q = only(quotes, "indirect", "ferry")
    assert q.speaker_name == "Tomas Ek"


def test_inverted_said_with_a_long_apposition(run):
    quotes, _, _ = run('"It is a fight for the whole region," said Petra Novak, a Kowalski ally who leads '
                       'the group Save the Valley Now.')
    q = only(quotes, "direct")
    assert q.speaker_name == "Petra Novak"
    assert not [x for x in quotes if x.kind == "indirect"]


def test_title_and_role_before_the_name(run):
    quotes, _, _ = run('Former Minister of Transport and veteran campaigner Lena Sorensen is calling for '
                       'the council to close the bridge.')
    q = only(quotes, "indirect")
    assert q.speaker_name == "Lena Sorensen"


def test_apposed_subject_is_salient_for_a_later_pronoun(run):
    quotes, _, _ = run('Analyst Pavel Dvorak has warned about the costs for years.\n\n'
                       "The country's finance minister, Henrik Aalto, plays down the worries. "
                       'The economy will grow by three percent, he says.')
    q = only(quotes, "indirect", "economy")
    assert q.speaker_name == "Henrik Aalto"


def test_reply_verb_before_a_quote_beats_a_subordinate_cue(run):
    quotes, _, _ = run('After Mayor Jonas Berg criticized the budget, Councillor Ruth Amsel fired back, '
                       '"We balanced it twice."')
    q = only(quotes, "direct")
    assert q.speaker_name == "Ruth Amsel"


def test_reply_verb_alone_reports_nothing(run):
    quotes, _, _ = run('Councillor Ruth Amsel fired back at Mayor Jonas Berg over the budget on Monday.')
    assert not quotes


def test_according_to_after_a_direct_quote(run):
    quotes, _, _ = run('The Harbour Trust sued the city.\n\n'
                       '"The new files show the permits were granted without any review," '
                       'according to the Harbour Trust.')
    q = only(quotes, "direct")
    assert q.speaker_name == "Harbour Trust"


def test_participle_after_a_comma_belongs_to_the_main_subject(run):
    quotes, _, _ = run("Mayor Jonas Berg made another attempt to deflect Ms. Amsel's criticism, "
                       "writing on Facebook that the harbour plan was fully funded.")
    q = only(quotes, "indirect", "harbour plan")
    assert q.speaker_name == "Jonas Berg"


def test_as_for_topic_is_the_pronoun_speaker(run):
    quotes, _, _ = run('Senator Karl Weiss criticized the plan on Monday, and the governor objected.\n\n'
                       'As for Oskar Brandt, he said he was not worried about the vote.')
    q = only(quotes, "indirect", "not worried")
    assert q.speaker_name == "Oskar Brandt"


def test_mid_sentence_frame_reports_the_clause_before_it(run):
    quotes, _, _ = run('The plan was doomed, Ingrid Hallberg said, so the council dropped it.')
    q = only(quotes, "indirect")
    assert q.text == "The plan was doomed"
    assert q.speaker_name == "Ingrid Hallberg"


def test_participle_after_a_preposition_takes_the_main_subject(run):
    quotes, _, _ = run('Mayor Jonas Berg opened the meeting by saying the harbour would reopen in May.')
    q = only(quotes, "indirect", "harbour")
    assert q.speaker_name == "Jonas Berg"


def test_infinitive_cue_takes_the_controlling_subject(run):
    quotes, _, _ = run('Ruth Amsel declined to comment on the new ferry contract.')
    q = only(quotes, "indirect")
    assert "ferry contract" in q.text
    assert q.speaker_name == "Ruth Amsel"


def test_commenting_on_a_topic_is_not_a_quote(run):
    quotes, _, _ = run('Councillor Ruth Amsel also commented on the question of the new ferry contract.')
    assert not quotes


def test_impersonal_and_passive_infinitives_have_no_speaker(run):
    quotes, _, _ = run("Mayor Jonas Berg spoke for an hour. It's fair to say he is thinking about the harbour.")
    assert not [q for q in quotes if q.speaker_name and "harbour" in q.text]
    quotes, _, _ = run('The word "harbourside" should only be used to describe the old town.')
    assert not [q for q in quotes if q.kind == "indirect"]


def test_quote_offsets_leave_out_the_trailing_comma(run):
    quotes, body, _ = run('"We will rebuild the bridge by spring," Mayor Anna Kowalski said.')
    q = only(quotes, "direct")
    assert body[q.start_char:q.end_char] == q.text == "We will rebuild the bridge by spring"


def test_clause_opened_by_reporter_words_is_indirect_too(run):
    quotes, _, _ = run('Mayor Anna Kowalski said the harbour board "has done a remarkable job for everyone here."')
    assert only(quotes, "indirect").text.startswith("the harbour board")
    quotes, _, _ = run('Mayor Anna Kowalski said that "the harbour board has done a remarkable job."')
    assert not [q for q in quotes if q.kind == "indirect"]


def test_that_clause_the_parser_split_runs_to_the_clause_end(run):
    quotes, _, _ = run('Harbour engineer Lena Fogh told inspectors that sometime during the storm, '
                       'the northern pump failed twice.')
    q = only(quotes, "indirect")
    assert "the northern pump failed twice" in q.text
    assert q.speaker_name == "Lena Fogh"
    quotes, _, _ = run('Councillor Mara Lindqvist agreed that the ferry budget has limited room for new routes.')
    q = only(quotes, "indirect")
    assert "the ferry budget has limited room" in q.text
    assert q.speaker_name == "Mara Lindqvist"


def test_subject_pronoun_hung_on_the_cue_opens_the_clause(run):
    quotes, _, _ = run('Governor Paul Brandt, especially in the last weeks of the race, has preached calm, '
                       'claiming he above all others has the patience to unite the valley.')
    q = only(quotes, "indirect", "patience")
    assert "he above all others" in q.text
    assert q.speaker_name == "Paul Brandt"


def test_light_verb_with_speech_noun(run):
    quotes, _, _ = run('In her address, Senator Ada Holmgren made no mention of the fishing quota or the tax plan.')
    q = only(quotes, "indirect")
    assert "the fishing quota" in q.text
    assert q.speaker_name == "Ada Holmgren"
    quotes, _, _ = run('Senator Ada Holmgren made a cake for the harvest party.')
    assert not quotes


def test_things_someone_said_are_the_content(run):
    quotes, _, _ = run('Here are the strangest things Governor Paul Brandt has said about farmers this year.')
    q = only(quotes, "indirect")
    assert "strangest things" in q.text
    assert q.speaker_name == "Paul Brandt"
    quotes, _, _ = run('It was the day Governor Paul Brandt said goodbye.')
    assert not [q for q in quotes if "day" in q.text]


def test_according_to_source_with_a_split_subject(run):
    quotes, _, _ = run('According to the audit summary, Berg and another aide asked the contractor to erase the files.')
    assert any(q.text.startswith("Berg and another aide") and q.cue == "According" for q in quotes)


def test_pronoun_prefers_a_fresh_subordinate_clause_subject(run):
    quotes, _, _ = run('Governor Tom Hale opposed the tunnel for months.\n\n'
                       'The reason Mayor Erik Lund keeps backing the plan is cost. '
                       'It will pay for itself within a decade, he says.')
    q = only(quotes, "indirect", "pay for itself")
    assert q.speaker_name == "Erik Lund"
    quotes, _, _ = run('Governor Tom Hale opposed the tunnel for months.\n\n'
                       'Mayor Erik Lund backed it. The harbour will lose money, Hale said. '
                       'It will cost too much, he added.')
    assert only(quotes, "indirect", "cost too much").speaker_name == "Tom Hale"


def test_one_word_name_taking_its_is_the_organisation(run):
    quotes, _, _ = run('Former mayor Sven Halloway founded a news service.\n\n'
                       'Halloway says its own survey found that ferry fares doubled in ten years.')
    q = only(quotes, "indirect", "ferry fares")
    assert q.speaker_name == "Halloway"
    quotes, _, _ = run('Former mayor Sven Halloway founded a news service.\n\n'
                       'Halloway says his own survey found that ferry fares doubled in ten years.')
    assert only(quotes, "indirect", "ferry fares").speaker_name == "Sven Halloway"


def test_headline_source_noun_and_organisation_before_a_colon(run):
    quotes, _, _ = run('The survey of 900 voters was taken last week.',
                       title="Poll: Harbour Mayor Leads Rival By Ten Points")
    q = only(quotes, "headline")
    assert q.text.startswith("Harbour Mayor Leads")
    quotes, _, _ = run('The group filed its request in March.',
                       title="Coastal Records Trust: Ferry Office Withheld Key Emails For Years")
    q = only(quotes, "headline")
    assert q.speaker_name == "Coastal Records Trust"
    quotes, _, _ = run('The ferry runs twice a day.', title="Breaking: Ferry Service Resumes After Storm")
    assert not [q for q in quotes if q.kind == "headline"]


def test_title_object_of_said_is_the_content(run):
    quotes, _, _ = run('Kowalski spoke to reporters after the vote.',
                       title="Anna Kowalski Just Said Something Surprising About The Bridge")
    q = only(quotes, "headline")
    assert q.text.startswith("Something Surprising")
    assert q.speaker_name == "Anna Kowalski"
    quotes, _, _ = run('Kowalski spoke to reporters after the vote.',
                       title="Anna Kowalski Welcomes Plan For A New Bridge")
    assert not [q for q in quotes if q.kind == "headline"]


def test_writing_a_genre_is_not_a_quote(run):
    quotes, _, _ = run('Harbour engineer Lena Fogh writes fiction on the side.')
    assert not quotes
    quotes, _, _ = run('Senator Ada Holmgren wrote legislation that gave the harbour board new powers.')
    assert "legislation that gave" in only(quotes, "indirect").text


def test_quote_after_a_sentence_ending_right_before_its_mark(run):
    quotes, _, _ = run('"I like the tunnel plan," harbour engineer Lena Fogh said of the proposal. '
                       '"But the cost worries me a great deal." The board meets again in May.')
    q = only(quotes, "direct", "cost worries")
    assert q.speaker_name == "Lena Fogh"


def test_addressee_content_starts_after_the_cue(run):
    quotes, _, _ = run('Mayor Erik Lund urged the council to approve the tunnel before winter.')
    assert only(quotes, "indirect").text.startswith("the council to approve")
    quotes, _, _ = run('The harbour board voiced concern over the rising cost of fuel.')
    assert only(quotes, "indirect").text.startswith("voiced concern")


def test_phrasal_topic_cues_and_plural_role_subjects(run):
    quotes, _, _ = run('Mayor Erik Lund has insisted on building a second ferry terminal.')
    q = only(quotes, "indirect")
    assert q.text.startswith("building a second ferry terminal")
    assert q.speaker_name == "Erik Lund"
    quotes, _, _ = run('Mayor Erik Lund backs the tunnel. Local politicians disagree over how it should be paid for.')
    q = only(quotes, "indirect", "how it should be paid")
    assert q.speaker_name is None


def test_that_clause_hung_on_a_prepositional_noun(run):
    quotes, _, _ = run('Mayor Erik Lund also insisted in the same interview that the council was wrong to delay the tunnel.')
    q = only(quotes, "indirect", "the council was wrong")
    assert q.speaker_name == "Erik Lund"
    quotes, _, _ = run("The question forced Mayor Erik Lund to respond to Governor Tom Hale's accusations "
                       "that the tunnel would bankrupt the city.")
    q = only(quotes, "indirect", "bankrupt the city")
    assert q.speaker_name == "Tom Hale"


def test_characterize_cite_thank_explain_take_noun_objects(run):
    quotes, _, _ = run('Mayor Erik Lund has repeatedly characterized the governor as a reckless spender.')
    assert "a reckless spender" in only(quotes, "indirect").text
    quotes, _, _ = run('Harbour engineer Lena Fogh cited a 2019 safety audit as proof of the risk.')
    assert "a 2019 safety audit" in only(quotes, "indirect").text
    quotes, _, _ = run('Mayor Erik Lund thanked the volunteers for cleaning the beach.')
    assert "the volunteers for cleaning" in only(quotes, "indirect").text


def test_statement_noun_without_an_earlier_speaker_is_unattributed(run):
    quotes, _, _ = run('WASHINGTON - The harbour board met on Monday.\n\n'
                       'The report said the northern pier was unsafe for heavy trucks.')
    q = only(quotes, "indirect", "northern pier")
    assert q.speaker_name is None


def test_coordinated_subjects_name_the_last_conjunct(run):
    quotes, _, _ = run('Mayor Erik Lund and Governor Tom Hale said the tunnel would open in May.')
    assert only(quotes, "indirect").speaker_name == "Tom Hale"
    quotes, _, _ = run('According to the harbour audit, Lund and another aide approved the contract.')
    assert not [q for q in quotes if q.cue == "According" and q.speaker_name == "Lund"]


def test_participle_after_an_adjective_and_question_with_object(run):
    quotes, _, _ = run("Most of Mayor Erik Lund's speech was devoted to criticizing the governor's ferry budget.")
    assert "the governor's ferry budget" in only(quotes, "indirect").text
    quotes, _, _ = run('Governor Tom Hale angered the council after questioning the value of the tunnel in an interview.')
    q = only(quotes, "indirect", "the value of the tunnel")
    assert q.speaker_name == "Tom Hale"


def test_clause_split_in_two_by_the_parser_is_one_content(run):
    quotes, _, _ = run('The harbour workers said they are fine with however it turns out but want the strike to end soon.')
    assert "want the strike to end" in only(quotes, "indirect").text


def test_list_cut_off_by_the_parser_runs_to_the_sentence_end(run):
    quotes, _, _ = run('Mayor Erik Lund promised a new ferry terminal, free parking at the harbour and longer library hours.')
    assert "longer library hours" in only(quotes, "indirect").text
    quotes, _, _ = run('Mayor Erik Lund promised a new ferry terminal, and the council voted against it.')
    assert "council voted" not in only(quotes, "indirect").text


def test_passive_cue_with_an_agent_and_a_stale_speaker(run):
    quotes, _, _ = run('Mayor Erik Lund spoke first. "The tunnel is ready," Lund said.\n\n'
                       'The pier was closed for a week. The storm damaged the north wall. Repairs cost a lot.\n\n'
                       'For engineer Tom Hale, the lesson is simple.\n\n'
                       '"We build higher next time," he says.')
    assert only(quotes, "direct", "build higher").speaker_name == "Tom Hale"
    quotes, _, _ = run('The contractor had been asked by Governor Ada Holmgren to keep the old records.')
    assert only(quotes, "indirect", "keep the old records").speaker_name == "Ada Holmgren"


def test_uncued_quote_after_another_named_subject(run):
    quotes, _, _ = run('"The tunnel is ready," Mayor Erik Lund said. Governor Tom Hale disagreed. '
                       '"It will flood in the first storm."')
    assert only(quotes, "direct", "flood").speaker_name == "Tom Hale"
    quotes, _, _ = run('"The tunnel is ready," Mayor Erik Lund said. The vote is on Monday. '
                       '"It will never flood."')
    assert only(quotes, "direct", "never flood").speaker_name == "Erik Lund"



def test_nationality_split_from_organisation_is_rejoined(nlp):
    from spacy.tokens import Doc, Span

    from tasks.quotes.mentions import with_nationality

    words = ["Chilean", "Foreign", "Ministry", "spokeswoman", "Ana", "Souto", "spoke", "."]
    heads = [2, 2, 3, 5, 5, 6, 6, 6]
    deps = ["amod", "compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 1, "NORP"), Span(doc, 1, 3, "ORG"), Span(doc, 4, 6, "PERSON")]
    assert with_nationality(doc.ents[1]) == "Chilean Foreign Ministry"
    assert with_nationality(doc.ents[2]) == "Ana Souto"  # not preceded by a nationality
    # a nationality that modifies something else stays apart ("Chilean" -> "wine", not the ORG)
    doc2 = Doc(nlp.vocab, words=["Chilean", "wine", "Foreign", "Ministry"], heads=[1, 1, 3, 3],
               deps=["amod", "ROOT", "compound", "appos"])
    doc2.ents = [Span(doc2, 0, 1, "NORP"), Span(doc2, 2, 4, "ORG")]
    assert with_nationality(doc2.ents[1]) == "Foreign Ministry"


# ---- wire-copy patterns (made-up officials of made-up or real states) ---------------------

def test_country_run_into_a_name_is_dropped(run):
    quotes, _, _ = run("Kazakhstan will not join the bloc, Foreign Minister of Kazakhstan Nurlan Bekov said "
                       "on Monday.\n\n\"We keep our options open,\" Bekov added.")
    names = {q.speaker_name for q in quotes}
    assert names == {"Nurlan Bekov"}, [(q.kind, q.speaker_name, q.text) for q in quotes]


def test_the_org_spokesman_is_the_role_holder_named_earlier(run):
    quotes, _, _ = run("Kremlin spokesman Dmitry Peskov spoke to reporters on Monday about the talks.\n\n"
                       "\"There is nothing to add,\" the Kremlin spokesman said.")
    assert only(quotes, "direct").speaker_name == "Dmitry Peskov"


def test_surname_then_its_of_another_noun_stays_the_person(run):
    quotes, _, _ = run("Deputy minister Oleg Varnin met the envoy on Friday.\n\n"
                       "Varnin noted that Moscow had already sent its proposals to all participants.")
    q = only(quotes, "indirect")
    assert q.speaker_name == "Oleg Varnin"


def test_in_his_words_frames_the_clause(run):
    quotes, _, _ = run("Minister Tomas Vilde met his Latvian counterpart on Tuesday.\n\n"
                       "In his words, the new rail link will open before the end of the year.")
    q = only(quotes, "indirect")
    assert q.text.startswith("the new rail link will open")
    assert q.speaker_name == "Tomas Vilde"


def test_went_on_to_say_takes_the_main_subject(run):
    quotes, _, _ = run("Spokesman Karim Nasseri briefed reporters on Monday.\n\n"
                       "He went on to say that the minister would visit the capital next month.")
    q = only(quotes, "indirect", "the minister would visit")
    assert q.speaker_name == "Karim Nasseri"


def test_inverted_frame_after_a_clause_and_dateline_trimmed(run):
    quotes, _, _ = run("VALMORA, March 3. /TASS/. The harbour treaty remains the only basis for talks, "
                       "Deputy Foreign Minister Ivan Sorokin told reporters on Friday.")
    q = only(quotes, "indirect")
    assert q.text.startswith("The harbour treaty remains")
    assert q.speaker_name == "Ivan Sorokin"


def test_headline_role_noun_resolves_to_the_story_s_role_holder(run):
    quotes, _, _ = run("TALLINN (AA) - The port will reopen in May, Estonian Foreign Minister Lena Koss said on "
                       "Tuesday.", title="Estonian foreign minister says port to reopen in May")
    q = only(quotes, "headline")
    assert q.speaker_name == "Lena Koss"


def test_phrase_after_a_possessive_is_a_scare_quote(run):
    quotes, _, _ = run('The ministry dismissed the neighbour\'s "peace plan" as propaganda, spokesman '
                       'Ivo Marek said on Monday.')
    assert not [q for q in quotes if q.kind == "partial"], [(q.kind, q.text) for q in quotes]


def test_quoted_subject_is_not_a_speaker(run):
    quotes, _, _ = run('Spokesman Ivo Marek told reporters that "the harbour regime" was rejecting every offer.')
    assert {q.speaker_name for q in quotes} == {"Ivo Marek"}, [(q.kind, q.speaker_name, q.text) for q in quotes]


def test_in_her_opinion_frames_a_partial_quote(run):
    quotes, _, _ = run('Minister Lena Koss met the envoy on Monday.\n\n'
                       'In her opinion, the talks "have run out of road."')
    q = only(quotes, "partial")
    assert q.speaker_name == "Lena Koss"


def test_proper_nouns_after_a_role_noun_are_the_holder(run):
    quotes, _, _ = run('Foreign Ministry spokeswoman Nino Kvaratskhelia said the offer "remains on the table." '
                       'She told reporters that the talks would resume in May.')
    assert {q.speaker_name for q in quotes} == {"Nino Kvaratskhelia"}, [(q.kind, q.speaker_name, q.text) for q in quotes]


def test_frame_parsed_as_the_clause_object_with_a_stray_subject(run):
    quotes, _, _ = run("Baku, May 12, Trend: Statements by the neighbours contradict the spirit of the talks, "
                       "spokesperson for the ministry Aykhan Hajizada told Trend.")
    q = only(quotes, "indirect")
    assert q.text.startswith("Statements by the neighbours"), q.text
    assert q.speaker_name == "Aykhan Hajizada"


def test_the_ministry_is_the_organisation_of_a_recent_speaker(run):
    quotes, _, _ = run("Valmora's Foreign Ministry spokeswoman Ana Souto spoke in Brussels on Monday. "
                       "The talks were useful, she said.\n\n"
                       "Around 2,000 troops will take part in the drills, the ministry said.")
    q = only(quotes, "indirect", "2,000 troops")
    assert q.speaker_name is not None and "Foreign Ministry" in q.speaker_name, q.speaker_name


# ---- quote continuation: an uncued quote takes the speaker of the statement it continues ----

@pytest.mark.parametrize("text,contains,speaker,lower", [
    ('Pavel Ivanov said on Monday that talks would resume. "We are ready to sign the deal."',
     "ready to sign", "Pavel Ivanov", False),
    (('"We are ready to sign," Pavel Ivanov said. The reporters asked Anna Berg about it. '
      '"The talks will take months."'), "take months", "Pavel Ivanov", True),
    ('"We are ready to sign," Pavel Ivanov said. Anna Berg disagreed. "The talks will take months."',
     "take months", "Anna Berg", True),
    ('The harbour was quiet on Monday. "We are ready to sign the deal."', "ready to sign", None, True),
])
def test_uncued_quote_continues_the_previous_statement(run, text, contains, speaker, lower):
    quotes, _, _ = run(text)
    q = only(quotes, "direct", contains)
    assert q.speaker_name == speaker
    named = max((x.confidence for x in quotes if x.kind == "direct" and x.speaker_name and x is not q), default=1.0)
    # a speaker found through the continuation is less certain than a cued one
    assert q.confidence < named
    if lower:
        assert q.confidence < 0.87 * 0.82


@pytest.mark.parametrize("text,speaker", [
    ('"We started the club for them," Founder Jane Okoro said.', "Jane Okoro"),
    ('"We started the club for them," said Anna Berg-Lund, who runs it.', "Anna Berg-Lund"),
    ('"We started the club for them," said Thomas W. Okoro Jr., who runs it.', "Thomas W. Okoro"),
    ('"We started the club for them," said Anna Berg\x83, who runs it.', "Anna Berg"),
    ('"We started the club for them," Director Jane Okoro said.', "Jane Okoro"),
    ('"We started the club for them," Jane Okoro said.', "Jane Okoro"),
])
def test_name_forms_of_a_speaker(run, text, speaker):
    quotes, _, _ = run(text)
    assert only(quotes, "direct").speaker_name == speaker


# ---- nested speech: a person inside someone's quoted words is not the reporter's referent ----

@pytest.mark.parametrize("text,speaker", [
    (('The rally ended early. "I met Anna Berg at the gate," Tom Reyes said. '
      'She said the gate would stay shut until Monday.'), None),
    (('Anna Berg spoke first. "I met Tom Reyes at the gate," Lena Ortiz said. '
      'She said the gate would stay shut until Monday.'), "Lena Ortiz"),
    ('Anna Berg spoke first at the gate on Sunday. Later she said the gate would stay shut until Monday.',
     "Anna Berg"),
])
def test_pronoun_outside_a_quote_ignores_people_inside_it(run, text, speaker):
    quotes, _, _ = run(text)
    assert only(quotes, "indirect", "stay shut").speaker_name == speaker


@pytest.mark.parametrize("text,speaker", [
    ("A spokesman for Governor Jane Okoro said the bridge would reopen in May.", "Jane Okoro"),
    ("A senior Okoro adviser said the bridge would reopen in May.", "Okoro"),  # linked across articles later
    ("Jane Okoro toured the site. A senior Okoro adviser said the bridge would reopen in May.", "Jane Okoro"),
    ("A spokesman said the bridge would reopen in May.", None),
])
def test_agent_speaks_for_the_principal(run, text, speaker):
    quotes, _, _ = run(text)
    assert only(quotes, "indirect", "reopen").speaker_name == speaker


# ---- one speaker per registry organisation ---------------------------------------------

@pytest.mark.parametrize("text,contains,speaker", [
    (("Russian Foreign Ministry spokeswoman Maria Zakharova said on Monday that the talks would resume. "
      "The Foreign Ministry also said the visa rules would stay."), "visa rules", "Russian Foreign Ministry"),
    (("Maria Zakharova said on Monday that the talks would resume. "
      "The Foreign Ministry also said the visa rules would stay."), "visa rules", "Russian Foreign Ministry"),
    (("Russian Foreign Ministry spokeswoman Maria Zakharova said on Monday that the talks would resume. "
      "The ministry added that the visa rules would stay."), "visa rules", "Russian Foreign Ministry"),
    # a short name with no registry organisation behind it stays as written
    (("The Latvian Foreign Ministry said the embassy would close. "
      "The Foreign Ministry said the visa rules would stay."), "visa rules", "Foreign Ministry"),
])
def test_short_name_of_a_registry_organisation_is_that_organisation(run, text, contains, speaker):
    quotes, _, _ = run(text)
    assert only(quotes, "indirect", contains).speaker_name == speaker


@pytest.mark.parametrize("text,speaker", [
    ("Jane Okoro toured the port. An email sent out by Tom Berg on Monday said the port would reopen.", "Tom Berg"),
    ("Jane Okoro toured the port. An email sent out on Monday said the port would reopen.", None),
    ("A letter signed by Tom Berg said the port would reopen.", "Tom Berg"),
    # an outlet that got hold of a document did not write it
    ("The statement, which was obtained by the Harbour Gazette, said the port would reopen.", None),
    ("A memo seen by the Harbour Gazette said the port would reopen.", None),
    ("An email reviewed by Harbour Radio said the port would reopen.", None),
])
def test_statement_noun_with_an_agent_is_the_agents(run, text, speaker):
    quotes, _, _ = run(text)
    assert only(quotes, "indirect", "reopen").speaker_name == speaker


@pytest.mark.parametrize("name,want", [
    ("Harbour Watch (Port Guardians", "Harbour Watch"),  # the tagger ran into a gloss
    ("Harbour Watch (HW)", "Harbour Watch (HW)"),
    ("the Harbour Watch's", "Harbour Watch"),
])
def test_organisation_name_without_a_cut_gloss(nlp, name, want):
    from tasks.quotes.context import ArticleContext

    ctx = ArticleContext(nlp("The port reopened."), SpeakerRegistry.load())
    assert ctx.org_entity(name).name == want


@pytest.mark.parametrize("text,speaker", [
    ("According to Jane Okoro, the port raised $5 million last year.", "Jane Okoro"),
    ("According to data from Harbour Analytics, the port raised $5 million last year.", "Harbour Analytics"),
    ("According to public filings, the port raised $5 million last year.", "none"),
    ("According to court records, the mayor owes $12,000 in fines.", "none"),
    ("According to recent polls, the mayor leads by 12 points.", "none"),  # a poll result (issue 13)
])
def test_according_to_an_unnamed_record_is_not_a_quote(run, text, speaker):
    quotes, _, _ = run(text)
    found = [q for q in quotes if q.kind == "indirect"]
    if speaker == "none":
        assert found == []
    else:
        assert [q.speaker_name for q in found] == [speaker]


@pytest.mark.parametrize(
    ("title", "text", "speaker", "content"),
    [
        # the speaker after a dash, known to the registry
        ("Talks on a peace treaty are frozen — Galuzin",
         "Talks on a peace treaty are frozen, Deputy Foreign Minister Mikhail Galuzin said.",
         "Mikhail Galuzin", "Talks on a peace treaty are frozen"),
        # a person the article names in full, after a hyphen
        ("Ferry service will resume next week - Jane Okoro",
         "Port director Jane Okoro said the ferry service would resume next week.",
         "Jane Okoro", "Ferry service will resume next week"),
        # trailing labels that are no person: no headline quote
        ("Harbour elections 2024 - Live Updates", "Voters queued at the harbour school on Sunday.", None, None),
        ("Ferry fares rise again — Analysis", "Fares rose by a tenth in March.", None, None),
    ],
)
def test_headline_statement_then_dash_and_speaker(run, title, text, speaker, content):
    quotes, _, _ = run(text, title=title)
    heads = [q for q in quotes if q.kind == "headline"]
    if speaker is None:
        assert not heads, [(q.text, q.speaker_name) for q in heads]
        return
    [q] = heads
    assert (q.speaker_name, q.text) == (speaker, content)
