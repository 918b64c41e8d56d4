"""Rules that link one fact across outlets' wordings (tests/data/fact_probes), on made-up
sentences and hand-built claims, each with the cases it must leave alone."""
import datetime as dt

import pytest

from models import Article
from models.claim import PUBLICATION_EVENT
from tasks.claims.extract import extract_claims
from tasks.claims.values import base_unit
from tasks.linking.facts import link_facts
from tests.unit.test_facts import counted, keys

MONDAY = dt.date(2024, 3, 11)


@pytest.fixture(scope="module")
def nlp():
    from tasks.nlp import load_nlp
    return load_nlp()


def claims(nlp, body, published=MONDAY):
    art = Article(article_id="a1", source_path="/in/a1.txt", content_sha256="0" * 64, body=body,
                  published_date=published, published_precision="day")
    return extract_claims(nlp(body), art, [])


def _dates(nlp, body):
    return {c.surface: c for c in claims(nlp, body) if c.kind == "date"}


# -- a weekday in the lead dates the event, a dateline dates the article ---------------
@pytest.mark.parametrize("body,surface,own", [
    ("Title\n\nKESTRA — The two countries signed a trade pact on Monday, officials said.", "on Monday", False),
    ("Title\n\nNorland and Southia signed the accord today in Kestra.", "today", False),
    ("Title\n\nLISBON — The pact was signed on March 11 in Lisbon.", "March 11", False),
    # negatives: datelines stay the article's own date
    ("Title\n\nLISBON, March 11. Rain fell on the city.", "March 11", True),
    ("Title\n\nMarch 11 (Wire) - Rain fell on the city.", "March 11", True),
])
def test_only_a_dateline_is_the_articles_own_date(nlp, body, surface, own):
    got = _dates(nlp, body)
    assert surface in got, got
    assert (got[surface].event == PUBLICATION_EVENT) is own


# -- verb phrases that are one trigger --------------------------------------------------
@pytest.mark.parametrize("body,present,absent", [
    ("The truce took effect on Wednesday, the ministry said.", "begin", "effect"),
    ("The truce came into force on April 1, the ministry said.", "begin", "come"),
    ("The ceasefire entered into force on April 1.", "begin", "enter"),
    ("The ministry released a statement on Friday about the talks.", "publish", "statement"),
    # negatives: the same verbs with other objects keep their words
    ("The army took control of the town on Friday.", "control", "begin"),
    ("The two leaders signed a statement on Friday in Kestra.", "statement", "publish"),
])
def test_verb_phrases_read_as_one_trigger(nlp, body, present, absent):
    (date,) = [c for c in claims(nlp, body, dt.date(2024, 4, 5)) if c.kind == "date"]
    assert present in date.event.triggers, date.event
    assert absent not in date.event.triggers, date.event


# -- measures the parse states in other words --------------------------------------------
@pytest.mark.parametrize("sentence,label,measure", [
    ("The quake damaged 300 homes in the town.", "300 home", "damaged"),
    ("About 350 homes were damaged by the quake.", "about 350 home", "damaged"),
    ("The storm destroyed 12 schools.", "12 school", "destroyed"),
    ("The collapse killed 5 miners and left 14 hurt on Monday.", "14 people", "injured"),
    ("Three people are still missing after the floods.", "3 people", "missing"),
    ("The fire forced 5,000 residents to evacuate.", "5000 resident", "evacuated"),
    # negatives: other counted things, other verbs, nouns that are counted
    ("The hackers damaged 300 computers.", "300 computer", None),
    ("Three players missed the final.", "3 player", None),
    ("The union asked 5,000 members to vote.", "5000 member", None),
    ("Officials reported 12 deaths in the region.", "12 death", None),  # the noun stays the unit
    ("Police made 300 detentions last month.", "300 detention", None),
])
def test_measures_in_other_words(nlp, sentence, label, measure):
    got = {c.value_label: c.measure for c in claims(nlp, sentence) if c.kind != "date"}
    assert label in got, got
    assert got[label] == measure


# -- everyone an event touched counts as people ------------------------------------------
@pytest.mark.parametrize("unit,base", [
    ("protester", "people"), ("demonstrator", "people"), ("miner", "people"), ("worker", "people"),
    ("resident", "people"),
    # negatives: groups that are usually a part of a toll, and things
    ("officer", "officer"), ("soldier", "soldier"), ("child", "child"), ("ship", "ship"),
])
def test_participants_count_as_people(unit, base):
    assert base_unit("count", unit)[0] == base


def test_of_two_facts_that_fit_alike_the_nearer_value_wins():
    # one report states the day's toll and the season's: two facts of one event and measure
    day = counted("a", "art1", 8, "killed", "ev1", "kill flood | tarrow | ")
    season = counted("b", "art1", 19, "killed", "ev1", "kill flood | esterra | ")
    told = counted("c", "art2", 11, "killed", "ev1", "kill flood | tarrow | ")
    k = keys(link_facts([day, season, told], []))
    assert k["a"] != k["b"]
    assert k["c"] == k["a"]
    nearer_season = counted("d", "art3", 17, "killed", "ev1", "kill flood | tarrow | ")
    assert keys(link_facts([day, season, nearer_season], []))["d"] == k["b"]
    # negative: one candidate alone is joined whatever its distance
    assert keys(link_facts([season, told], []))["c"] == k["b"]


@pytest.mark.parametrize("body,sign", [
    ("Norland and Southia signed a pact in Kestra, pledging $2.5 billion in new trade.", True),
    # negatives: a participle before its clause, or after a preposition, is its own event
    ("Pledging $2.5 billion in new trade, the ministers met in Kestra.", False),
    ("Norland signed the pact after pledging $2.5 billion in new trade.", False),
])
def test_a_trailing_participle_clause_shares_its_clause_event(nlp, body, sign):
    (money,) = [c for c in claims(nlp, body) if c.kind == "quantity"]
    assert ("sign" in money.event.triggers) is sign, money.event
