"""Claims from number shapes that need the parse, on made-up sentences (real spaCy parse):
time units the tagger calls TIME, names with numbers, fractions, one unit of time,
currency codes after the number; with "not a claim" rows."""
import datetime as dt

import pytest

from models import Article
from tasks.claims.extract import extract_claims
from tasks.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def numbers(nlp, text):
    art = Article(article_id="s", source_path="/in/s.txt", content_sha256="0" * 64, body=text,
                  published_date=dt.date(2024, 3, 14), published_precision="day")
    return [(c.kind, c.value_num, c.unit, c.hedge) for c in extract_claims(nlp(text), art, []) if c.kind != "date"]


@pytest.mark.parametrize(("text", "want"), [
    ("The outage lasted 30 seconds.", [("duration", 30, "second", "exact")]),
    ("The siren sounded for 90 seconds.", [("duration", 90, "second", "exact")]),
    ("The feud lasted a decade.", [("duration", 10, "year", "exact")]),
    ("The church stood for more than a century.", [("duration", 100, "year", "at_least")]),
    ("The ceasefire held for nearly a decade.", [("duration", 10, "year", "approx")]),
    ("The fund holds 3 billion USD.", [("quantity", 3e9, "usd", "exact")]),
    ("The ministry set aside 200 million EUR for roads.", [("quantity", 2e8, "eur", "exact")]),
])
def test_time_units_and_money(nlp, text, want):
    assert numbers(nlp, text) == want


@pytest.mark.parametrize("text", [
    "The Apollo 11 crew returned safely.",
    "The Gemini 7 capsule was recovered.",
    "Article 5 of the treaty was invoked.",
    "Section 230 of the act was debated.",
    "Three quarters of the staff voted to strike.",
    "Two thirds of the members agreed.",
    "About 1 in 5 adults smoke.",
    "One in three voters stayed home.",
])
def test_not_claims(nlp, text):
    assert numbers(nlp, text) == []


@pytest.mark.parametrize(("text", "want"), [
    ("The club gave Ukraine 30 tanks.", [("count", 30, "tank", "exact")]),   # a name before a count
    ("Police arrested 12 in 3 cities.", [("count", 12, "people", "exact"), ("count", 3, "city", "exact")]),
])
def test_near_misses_stay_claims(nlp, text, want):
    got = numbers(nlp, text)
    assert [g[:2] for g in got] == [w[:2] for w in want]


@pytest.mark.parametrize(("text", "unit"), [
    ("The minimum wage rises to $15 an hour.", "usd/hour"),
    ("The plan costs £3bn a year.", "gbp/year"),
    ("The oil price rose to $85 a barrel.", "usd"),      # per thing, not per time: the money alone
    ("The mine produced 1.2 million ounces of gold.", "ounce"),
])
def test_rates_and_more_units(nlp, text, unit):
    (got,) = numbers(nlp, text)
    assert got[0] == "quantity" and got[2] == unit


@pytest.mark.parametrize(("text", "day"), [
    ("The company said on Tuesday it would cut jobs.", dt.date(2024, 3, 12)),   # the saying's Tuesday
    ("The company will cut jobs on Tuesday.", dt.date(2024, 3, 19)),
    ("Officials said Monday they would reopen the road.", dt.date(2024, 3, 11)),
])
def test_weekday_after_a_past_speech_verb(nlp, text, day):
    art = Article(article_id="s", source_path="/in/s.txt", content_sha256="0" * 64, body=text,
                  published_date=dt.date(2024, 3, 14), published_precision="day")
    (got,) = [c.date_value for c in extract_claims(nlp(text), art, []) if c.kind == "date"]
    assert got == day
