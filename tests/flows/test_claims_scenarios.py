"""Made-up multi-article scenarios for claims and cross-checks, through the real flow.

tests/data/claims_scenarios/: four invented articles about one invented port and a key in
the answer-key format. They cover the same event told on two different days (high), a
hedged figure against an exact one (low), a month that agrees with both days, a strike
start told as "last December" in a January article and as a full date, a leap day without
a year, and unrelated facts that share a value or fall in the link window (never linked).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tasks.ingest.textnorm import fold_for_matching
from tests.conftest import scored_run
from warehouse.connection import open_readonly

pytestmark = pytest.mark.usefixtures("prefect_server")

SCENARIOS = Path(__file__).resolve().parent.parent / "data" / "claims_scenarios"
KEY = json.loads((SCENARIOS / "key.json").read_text())

# Raise these when the extractors improve; never lower them to make a change pass.
THRESHOLDS = {"claim_recall": 1.0, "required_found": 2, "false_discrepancies": 0, "corroborated": 2}


@pytest.fixture(scope="module")
def scenario_run(tmp_path_factory):
    with scored_run(tmp_path_factory, "scenarios", sorted((SCENARIOS / "articles").glob("*.txt")), KEY) as run:
        yield run


def test_scenario_claims_found_with_values(scenario_run):
    _db, report = scenario_run
    assert report.claims_required == len(KEY["claims"])
    assert report.claim_recall >= THRESHOLDS["claim_recall"], report.details


def test_scenario_discrepancies_and_severities(scenario_run):
    _db, report = scenario_run
    assert report.required_discrepancies_found >= THRESHOLDS["required_found"], report.details
    assert report.false_discrepancies <= THRESHOLDS["false_discrepancies"], report.details


def test_scenario_consistent_facts_corroborated_never_disputed(scenario_run):
    db, report = scenario_run
    assert report.corroborated_consistent >= THRESHOLDS["corroborated"]
    con = open_readonly(db)
    try:
        sides = con.execute(
            "SELECT m.article_id, m.side FROM discrepancy_members m JOIN discrepancies d USING (discrepancy_id)"
        ).fetchall()
    finally:
        con.close()
    # the month-precision "January 2024" agrees with both days: never a side
    assert ("s3_valmora_times", "2024-01") not in sides


def _fact_of(con, article_id: str, contains: str) -> str | None:
    rows = con.execute("SELECT sentence, surface, fact_key FROM claims WHERE article_id = ?", [article_id]).fetchall()
    key = fold_for_matching(contains)
    hits = [fk for sentence, surface, fk in rows
            if key in fold_for_matching(sentence) and fold_for_matching(surface) in key]
    assert hits, (article_id, contains)
    return hits[0]


def assert_unrelated(db, case: dict) -> None:
    """The two claims of a key's "unrelated" case are never one fact."""
    con = open_readonly(db)
    try:
        (a_art, a_text), (b_art, b_text) = case["claims"]
        a, b = _fact_of(con, a_art, a_text), _fact_of(con, b_art, b_text)
    finally:
        con.close()
    assert a is None or b is None or a != b, case["about"]


@pytest.mark.parametrize("case", KEY["unrelated"], ids=lambda c: c["about"][:40])
def test_unrelated_facts_are_not_linked(scenario_run, case):
    assert_unrelated(scenario_run[0], case)
