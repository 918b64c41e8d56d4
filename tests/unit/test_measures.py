"""What a number measures and how it reads, on made-up sentences (real spaCy parse)."""
import datetime as dt

import pytest

from models import Article
from tasks.claims.extract import extract_claims
from tasks.nlp import load_nlp

MONDAY = dt.date(2024, 3, 11)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def numbers(nlp, body, published=MONDAY):
    art = Article(article_id="a1", source_path="/in/a1.txt", content_sha256="0" * 64, body=body,
                  published_date=published, published_precision="day")
    return [c for c in extract_claims(nlp(body), art, []) if c.kind != "date"]


def dates(nlp, body, published=MONDAY):
    art = Article(article_id="a1", source_path="/in/a1.txt", content_sha256="0" * 64, body=body,
                  published_date=published, published_precision="day")
    return [c.value_label for c in extract_claims(nlp(body), art, []) if c.kind == "date"]


@pytest.mark.parametrize("sentence,label,measure", [
    ("A car bomb exploded in the square, killing 12 people and wounding 40 others.", "12 people", "killed"),
    ("A car bomb exploded in the square, killing 12 people and wounding 40 others.", "40 other", "injured"),
    ("At least 15 people were killed and 38 wounded in the blast.", "38 people", "injured"),
    ("Twelve people died and forty are in hospital, officials said.", "12 people", "killed"),
    ("Twelve people died and forty are in hospital, officials said.", "40 people", "injured"),
    ("Three soldiers lost their lives in the clash.", "3 soldier", "killed"),
    ("The death toll rose to 18 on Thursday.", "18 people", "killed"),
    ("Police arrested 7 suspects after the attack.", "7 suspect", "arrested"),
    ("A dozen protesters were detained.", "12 protester", "arrested"),
    ("Air defences shot down 14 drones overnight.", "14 drone", "shot_down"),
    ("The army launched 30 missiles at the port.", "30 missile", "launched"),
    ("The country deployed 2,000 troops to the border.", "2000 troops", "troops"),
    ("About 300 residents were evacuated from the village.", "about 300 resident", "evacuated"),
    ("Some 5,000 people have been displaced by the flooding.", "about 5000 people", "displaced"),
    ("The pipeline carries 10 million cubic metres of gas per day.", "10000000 m3/day", "volume"),
    ("The deal is worth $ 10 billion.", "10000000000 usd", "money"),
    ("Turnout reached 64 percent.", "64 percent", "share"),
    # negatives: a count that says nothing of a measure, a fire that is not a launch
    ("The company opened 14 new stores.", "14 store", None),
    ("The fire destroyed 40 houses.", "40 house", "destroyed"),  # destroyed, not launched
    ("The fire reached 40 houses.", "40 house", None),
    ("Workers laid 300 pipes.", "300 pipe", None),
])
def test_measure_and_value(nlp, sentence, label, measure):
    got = {c.value_label: c.measure for c in numbers(nlp, sentence)}
    assert label in got, got
    assert got[label] == measure


@pytest.mark.parametrize("sentence,expected", [
    ("He was sentenced to 10-15 years in prison.", (10, 15, "10-15 year")),
    ("Between 20 and 30 fishermen are still missing.", (20, 30, "20-30 fisherman")),
])
def test_ranges_keep_low_and_high(nlp, sentence, expected):
    (c,) = numbers(nlp, sentence)
    assert (c.value_low, c.value_high, c.value_label) == expected


@pytest.mark.parametrize("sentence,updated", [
    ("The death toll has risen to 18.", True),
    ("The number of injured climbed to 40 on Friday.", True),
    ("The toll stood at 18.", False),
    ("Exports rose by 18 percent.", False),
])
def test_figures_told_as_updates(nlp, sentence, updated):
    flags = [c.is_update for c in numbers(nlp, sentence)]
    assert flags and flags[0] is updated


@pytest.mark.parametrize("sentence,day", [
    ("Talks resume on Wednesday, the ministry said.", "2024-03-13"),
    ("Crews will return on Saturday.", "2024-03-16"),
    ("The minister said on Wednesday that talks had failed.", "2024-03-06"),
    ("The ministry announced the deal on Friday.", "2024-03-08"),
    # the historical present of headlines and reporting verbs tells the past
    ("Rebels free hostages on Saturday\n\nThe hostages were flown home.", "2024-03-09"),
    ("The senator tells reporters on Friday that he is running.", "2024-03-08"),
])
def test_weekdays_by_tense(nlp, sentence, day):
    assert dates(nlp, sentence) == [day]


@pytest.mark.parametrize("sentence,count", [
    ("The city of 2 million people has one hospital.", 1),  # one figure, not a table row
    ("Thirty-five miners were trapped underground for two weeks.", 2),
    ("Arsenal 3 1 2 10 14", 0),  # a standings row
])
def test_figures_in_short_lines(nlp, sentence, count):
    assert len(numbers(nlp, sentence)) == count
