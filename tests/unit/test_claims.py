"""Claim extraction end to end on made-up articles (real spaCy parse)."""
import datetime as dt

import pytest

from models import Article, Quote
from models.claim import PUBLICATION_EVENT
from tasks.claims.extract import extract_claims
from tasks.nlp import load_nlp

SHA = "0" * 64


def article(body, published=None, precision="unknown", article_id="a1"):
    return Article(article_id=article_id, source_path=f"/in/{article_id}.txt", content_sha256=SHA, body=body,
                   published_date=published, published_precision=precision)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def claims_of(nlp, art, quotes=()):
    return extract_claims(nlp(art.body), art, list(quotes))


def by_surface(claims):
    return {c.surface: c for c in claims}


def test_numbers_units_and_hedges(nlp):
    body = ("The agency shipped nearly 4,000 blankets and more than 12 trucks of flour to the valley. "
            "Rescuers freed 23 miners from one shaft and 9 from another.")
    got = by_surface(claims_of(nlp, article(body, dt.date(2019, 5, 2), "day")))
    assert (got["nearly 4,000 blankets"].value_num, got["nearly 4,000 blankets"].hedge) == (4000, "approx")
    assert got["nearly 4,000 blankets"].unit == "blanket" and got["nearly 4,000 blankets"].kind == "count"
    assert (got["more than 12 trucks"].value_num, got["more than 12 trucks"].hedge) == (12, "at_least")
    assert (got["9"].value_num, got["9"].unit) == (9, "miner")  # unit carried over in an ellipsis


def test_durations_in_canonical_units(nlp):
    body = "The two-decade feud ended after 17 months of talks and a 6-day strike."
    got = by_surface(claims_of(nlp, article(body)))
    assert (got["two-decade"].kind, got["two-decade"].value_num, got["two-decade"].unit) == ("duration", 20, "year")
    assert (got["17 months"].value_num, got["17 months"].unit) == (17, "month")
    assert (got["6-day"].value_num, got["6-day"].unit) == (6, "day")


def test_compound_counted_noun(nlp):
    got = by_surface(claims_of(nlp, article("Engineers repaired five water pumps.")))
    assert got["five water pumps"].unit == "pump"


def test_dates_relative_to_dateline(nlp):
    body = ("Title line\n\nLISBON, March 3. /XX/. The minister resigned the day before, weeks after "
            "the pact of October 12, 2016 was signed. He had warned on February 20 of a crisis.")
    art = article(body, dt.date(2017, 3, 3), "day")
    got = {c.surface: (c.date_value.isoformat(), c.date_precision) for c in claims_of(nlp, art) if c.kind == "date"}
    assert got == {
        "March 3": ("2017-03-03", "day"),
        "the day before": ("2017-03-02", "day"),
        "October 12, 2016": ("2016-10-12", "day"),
        "February 20": ("2017-02-20", "day"),
    }


def test_own_dateline_is_not_an_event(nlp):
    art = article("Title\n\nLISBON, March 3. Rain.", dt.date(2017, 3, 3), "day")
    (claim,) = [c for c in claims_of(nlp, art) if c.kind == "date"]
    assert claim.event == PUBLICATION_EVENT


def test_undated_article_drops_day_relative_dates(nlp):
    body = "On Tuesday the port closed. It had reopened on June 1, 2014."
    got = [c.surface for c in claims_of(nlp, article(body)) if c.kind == "date"]
    assert got == ["June 1, 2014"]


def test_quote_id_and_sentence_and_event(nlp):
    body = 'The mayor said: "We rebuilt 40 houses in March 2018." The rest followed.'
    start = body.index('"')
    quote = Quote(quote_id="q1", article_id="a1", kind="direct", text=body[start + 1: body.index('."') + 1],
                  start_char=start, end_char=body.index('."') + 2, confidence=0.9)
    got = by_surface(claims_of(nlp, article(body), [quote]))
    houses = got["40 houses"]
    assert houses.quote_id == "q1"
    assert houses.sentence.startswith("The mayor said")
    assert "rebuild" in houses.event.triggers
    assert got["March 2018"].quote_id == "q1" and got["March 2018"].date_precision == "month"


def test_ids_are_stable_and_offsets_index_body(nlp):
    art = article("Workers laid 300 metres of pipe on May 4, 2011.")
    first, second = claims_of(nlp, art), claims_of(nlp, art)
    assert [c.claim_id for c in first] == [c.claim_id for c in second]
    for c in first:
        assert art.body[c.start_char:c.end_char] == c.surface


def test_no_claims_in_plain_sentence(nlp):
    assert claims_of(nlp, article("The committee discussed the report at length.")) == []


def test_years_are_not_counts(nlp):
    got = claims_of(nlp, article("The 2019 protests grew."))
    assert [(c.kind, c.surface) for c in got] == [("date", "2019")]  # a year modifying a noun: a date


def test_determiner_one_and_names_with_numbers_are_not_counts(nlp):
    body = ("One of the reasons is cost. At one point, one option was a sale. "
            "He flew on Air Force One. The council hired 12 clerks and one engineer.")
    got = by_surface(claims_of(nlp, article(body)))
    assert set(got) == {"12 clerks"}


def test_table_rows_and_newlines_do_not_make_counts(nlp):
    body = ("Standings after the race\n\n1 Kim Arden 5040 5 1 17\n2 Lou Brand 5033 4 6 15\n\n"
            "Tickets: 40,000\n\nInquiries welcome.")
    assert [c for c in claims_of(nlp, article(body)) if c.kind != "date"] == []


def test_non_english_article_has_no_claims(nlp):
    body = ("Para o jantar, use 3 tomates e 200 gramas de queijo. Depois de 20 minutos no forno, "
            "sirva com 2 colheres de azeite e uma pitada de sal. Rende 4 porções para a família toda.")
    assert claims_of(nlp, article(body)) == []


def test_participle_before_counted_noun_and_no_borrowed_unit(nlp):
    body = "Clinton holds a 10-point lead in Ohio, where 475 pledged delegates are at stake."
    got = by_surface(claims_of(nlp, article(body)))
    assert got["475 pledged delegates"].unit == "delegate"


def test_the_following_day_follows_the_story_not_the_article(nlp):
    body = "On March 2, 2015, the paper revealed the account, and the following day the panel met."
    art = article(body, dt.date(2016, 9, 8), "day")
    got = {c.surface: c.date_value.isoformat() for c in claims_of(nlp, art) if c.kind == "date"}
    assert got["the following day"] == "2015-03-03"


def test_yearless_month_by_tense_in_dated_article(nlp):
    body = "The firm earned $40 million in March. Voters will choose a mayor in November."
    art = article(body, dt.date(2016, 1, 7), "day")
    got = {c.surface: c.date_value.isoformat()[:7] for c in claims_of(nlp, art) if c.kind == "date"}
    assert got == {"in March": "2015-03", "in November": "2016-11"}


def test_non_finite_clause_takes_the_governing_tense(nlp):
    body = "It earned $40 million for helping a rival sell itself to a bank in March."
    art = article(body, dt.date(2016, 1, 7), "day")
    got = {c.surface: c.date_value.isoformat()[:7] for c in claims_of(nlp, art) if c.kind == "date"}
    assert got == {"in March": "2015-03"}
