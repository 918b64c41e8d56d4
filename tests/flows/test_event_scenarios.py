"""Made-up reports of two events on one day, through the real flow (issue 14).

tests/data/claims_scenarios/events/: four invented outlets report one car bombing in
different words ("killing 12 people" / "at least 15 people were killed" / "twelve people
died" / "the death toll has risen to 18"; "wounding 40 others" / "38 wounded" / "forty are
in hospital"), a fifth reports floods elsewhere the same day with the same "killing 12
people". The key (events_key.json) holds the claims and the discrepancies; the tests
below check what the key format cannot: events, measures, updates, labels.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import scored_run, warehouse_rows
from tests.flows.test_claims_scenarios import _fact_of, assert_unrelated
from warehouse.connection import open_readonly

pytestmark = pytest.mark.usefixtures("prefect_server")

SCENARIOS = Path(__file__).resolve().parent.parent / "data" / "claims_scenarios"
KEY = json.loads((SCENARIOS / "events_key.json").read_text())
BOMBING = ["e1_coast_gazette", "e2_harbour_news", "e3_island_post", "e4_valmora_times"]


@pytest.fixture(scope="module")
def event_run(tmp_path_factory):
    with scored_run(tmp_path_factory, "events", sorted((SCENARIOS / "events").glob("*.txt")), KEY) as run:
        yield run


def test_claims_and_discrepancies_of_the_key(event_run):
    _db, report = event_run
    assert report.claim_recall == 1.0, report.details
    assert report.required_discrepancies_found == 2, report.details
    assert report.false_discrepancies == 0, report.details


def test_reports_of_one_event_are_grouped_and_the_other_event_is_not(event_run):
    db, _report = event_run
    events = dict(warehouse_rows(db, "SELECT article_id, event_id FROM article_events"))
    assert len({events[a] for a in BOMBING}) == 1
    assert events["e5_river_daily"] != events["e1_coast_gazette"]
    (n,) = warehouse_rows(db, "SELECT n_articles FROM mart_event_coverage WHERE article_id = 'e2_harbour_news'")[0]
    assert n == 4


@pytest.mark.parametrize("article,contains,measure", [
    ("e1_coast_gazette", "killing 12 people and wounding 40 others", "killed"),
    ("e1_coast_gazette", "wounding 40 others", "injured"),
    ("e2_harbour_news", "and 38 wounded", "injured"),
    ("e3_island_post", "forty are in hospital", "injured"),
    ("e4_valmora_times", "has risen to 18", "killed"),
    ("e5_river_daily", "about 300 residents were evacuated", "evacuated"),
])
def test_measures_whatever_the_words(event_run, article, contains, measure):
    db, _report = event_run
    rows = warehouse_rows(db, "SELECT sentence, surface, measure FROM claims WHERE article_id = ? AND kind = 'count'", article)
    hits = [m for sentence, surface, m in rows if contains in sentence and surface.lower() in contains.lower()]
    assert measure in hits, rows


def test_same_measure_one_fact_different_measures_never(event_run):
    db, _report = event_run
    con = open_readonly(db)
    try:
        killed = {_fact_of(con, a, c) for a, c in [("e1_coast_gazette", "killing 12 people"),
                                                   ("e2_harbour_news", "At least 15 people were killed"),
                                                   ("e3_island_post", "Twelve people died"),
                                                   ("e4_valmora_times", "has risen to 18")]}
        injured = _fact_of(con, "e3_island_post", "forty are in hospital")
        flood = _fact_of(con, "e5_river_daily", "killing 12 people")
    finally:
        con.close()
    assert len(killed) == 1 and None not in killed
    assert injured not in killed and flood not in killed


@pytest.mark.parametrize("case", KEY["unrelated"], ids=lambda c: c["about"][:40])
def test_unrelated_claims_are_not_linked(event_run, case):
    assert_unrelated(event_run[0], case)


def test_a_risen_toll_is_an_update_with_both_dates(event_run):
    db, _report = event_run
    rows = warehouse_rows(db, "SELECT earlier_side, later_side, earlier_published, later_published, explanation "
                     "FROM fact_updates WHERE later_side = '18 people'")
    assert rows, warehouse_rows(db, "SELECT * FROM fact_updates")
    earlier, _later, first, last, text = rows[0]
    assert earlier == "12 people" and str(first) == "2024-03-13" and str(last) == "2024-03-15"
    assert "valmora-times" in text and "2024-03-15" in text
    sides = {s for (s,) in warehouse_rows(db, "SELECT side FROM discrepancy_members")}
    assert "18 people" not in sides


def test_labels_and_explanations_in_plain_words(event_run):
    db, _report = event_run
    labels = [label for (label,) in warehouse_rows(db, "SELECT label FROM facts WHERE status = 'disputed'")]
    assert any(label.startswith("people killed (event: ") and "Karvel" in label for label in labels), labels
    (text,) = warehouse_rows(db, "SELECT explanation FROM discrepancies WHERE explanation LIKE 'Articles disagree on people killed%'")[0]
    assert "harbour-news (2024-03-13" in text and "island-post (2024-03-14" in text
    assert "in its own words" in text or "quoting" in text
