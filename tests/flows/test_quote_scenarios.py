"""Made-up wire articles for quote attribution, through the real flow.

tests/data/quote_scenarios/: twelve invented articles in the style of TASS, Anadolu, Trend,
Armenpress, APA, IRNA and Ukrinform copy (datelines "MOSCOW, March 3. /TASS/.", "BAKU (APA) -",
crossheads "- Kremlin: ...", "Name: statement" headlines, "According to him", "In his
words", "the diplomat", "the deputy minister", "the press service", "the Russian side",
misspellings and transliterations, a country run into a name, guillemets, a quote running
over two paragraphs, scare quotes) and a key in the answer-key format.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import scored_run

pytestmark = pytest.mark.usefixtures("prefect_server")

SCENARIOS = Path(__file__).resolve().parent.parent / "data" / "quote_scenarios"
KEY = json.loads((SCENARIOS / "key.json").read_text())

# Measured: recall 0.985, precision 0.993, attribution 1.000, claims 1.000. Before the fixes
# these articles prompted: recall 0.949, precision 0.986, attribution 0.837, claims 0.944.
# Raise these when the extractors improve; never lower them to make a change pass.
THRESHOLDS = {"quote_recall": 0.98, "quote_precision": 0.98, "attribution": 1.0, "claim_recall": 1.0}


@pytest.fixture(scope="module")
def scenario_report(tmp_path_factory):
    with scored_run(tmp_path_factory, "quote_scenarios", sorted(SCENARIOS.glob("*.txt")), KEY) as (_db, report):
        yield report


def test_scenario_quotes(scenario_report):
    r = scenario_report
    assert r.quote_recall >= THRESHOLDS["quote_recall"], r.details
    assert r.quote_precision >= THRESHOLDS["quote_precision"], r.details
    assert r.attribution_accuracy >= THRESHOLDS["attribution"], r.details


def test_scenario_every_kind_found(scenario_report):
    for kind, score in scenario_report.by_kind.items():
        assert score.recall >= 0.9, kind


def test_scenario_claims(scenario_report):
    assert scenario_report.claim_recall >= THRESHOLDS["claim_recall"], scenario_report.details
