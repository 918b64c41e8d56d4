"""Made-up multi-outlet coverage of ten invented events through the real flow.

tests/data/fact_probes/: the fit half (fit/, events 1-5: the fact-linking rules were tuned
on these) and the held-out half (holdout/, events 6-10: written with the fit half, scored
but not tuned on). Outlets tell one fact in their own words ("killing 12 people" / "Twelve
people died" / "the death toll stood at 12"; "$2.5 billion" / "2.5bn dollars"; "on Monday"
in a Monday report / "March 17"; "took effect" / "came into force"), hedge it, or get it
wrong; traps share a value or a date with another fact. Thresholds are the figures reached
(README "Quality (measured)"); they only go up.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import scored_run
from tests.flows.test_claims_scenarios import assert_unrelated
from warehouse.connection import open_readonly

pytestmark = pytest.mark.usefixtures("prefect_server")

PROBES = Path(__file__).resolve().parent.parent / "data" / "fact_probes"
KEYS = {half: json.loads((PROBES / f"{half}_key.json").read_text()) for half in ("fit", "holdout")}
# (claims recall, required discrepancies found, consistent facts corroborated); false 0 in both
FLOOR = {"fit": (1.0, 3, 12), "holdout": (0.98, 3, 6)}


@pytest.fixture(scope="module", params=["fit", "holdout"])
def probe_run(request, tmp_path_factory):
    half = request.param
    with scored_run(tmp_path_factory, f"facts-{half}", sorted((PROBES / half).glob("*.txt")), KEYS[half]) as run:
        yield half, *run


def test_facts_across_outlets_reach_the_measured_figures(probe_run):
    half, _db, report = probe_run
    recall, found, corroborated = FLOOR[half]
    assert report.claim_recall >= recall, report.details
    assert report.required_discrepancies_found >= found, report.details
    assert report.false_discrepancies == 0, report.details
    assert report.corroborated_consistent >= corroborated, report.details


def test_traps_that_share_a_value_are_never_one_fact(probe_run):
    half, db, _report = probe_run
    for case in KEYS[half]["unrelated"]:
        if not case.get("known_miss"):  # written down in the key, with why it is left
            assert_unrelated(db, case)


def test_a_later_larger_tally_is_an_update_not_a_discrepancy(probe_run):
    half, db, _report = probe_run
    con = open_readonly(db)
    try:
        updated = {tuple(sorted(row[0])) for row in con.execute(
            "SELECT list(DISTINCT c.article_id) FROM fact_updates u JOIN claims c USING (fact_key) "
            "GROUP BY u.fact_key").fetchall()}
    finally:
        con.close()
    for case in KEYS[half].get("updates", []):
        assert any(set(case["articles"]) <= set(arts) for arts in updated), (case["id"], updated)
