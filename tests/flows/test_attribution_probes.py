"""Made-up agency-style articles for attribution, through the real flow.

tests/data/attribution_probes/ (39 articles, each batch written before the rules of issue 13
part B that it prompted, then fitted on) and tests/data/attribution_holdout/ (10, written after
the first rules to measure them on text they were not fitted to; two later rules fixed two of
its rows):
TASS / Reuters / AP / Interfax / Trend / AA shapes — datelines, headlines "Name: statement",
"Statement — Name", "Statement, Name says", role nouns ("the diplomat", "the Kremlin
spokesman", "the Russian leader", "the envoy"), institutions ("police said", "prosecutors
said", "the army said"), places before role nouns, surname-only registry people, quote
continuation, nested speech and no-speaker rows ("speaker": null in the key).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import scored_run

pytestmark = pytest.mark.usefixtures("prefect_server")

DATA = Path(__file__).resolve().parent.parent / "data"

# Measured (recall / precision / attribution). main before issue 13 part B: probes 0.958 /
# 0.979 / 0.819 (headline 0.650), holdout 0.962 / 0.946 / 0.843. After: probes 0.993 / 0.980 /
# 1.000, holdout 0.962 / 0.946 / 1.000. Part C added p33-p39 (role holders the story never
# names, 17 rows): without the registry's holder at the article's date probes are 0.994 / 0.982 /
# 0.919, with it 0.994 / 0.982 / 1.000; its frame rules (a coordinated that-clause, "CLAUSE, X
# told" parsed as a conjunct, "expects X to explain") then gave probes 1.000 / 0.982 / 1.000 and
# holdout 0.981 / 0.964 / 1.000. Raise these when the extractors improve; never lower them to
# make a change pass.
# Part E: tests/data/attribution_holdout2/ (16, written before its author read the rules; q01-q08
# fit half, q09-q16 held out) on main: 0.966 / 0.990 / 0.919 (fit 0.979 / 0.982 / 0.957, held
# 0.952 / 1.000 / 0.875); after part E's rules 0.989 / 0.990 / 0.943 (fit 1.000 / 0.982 / 1.000,
# held 0.976 / 1.000 / 0.878). Then undated articles as current news for registry role holders
# (the unnamed "the Kremlin spokesman told journalists" -> Peskov): 0.989 / 0.990 / 0.977, and
# "the ministry said" after a lower-case "Russia's foreign ministry" (a registry phrase before):
# 0.989 / 0.990 / 1.000; then "X was quoted (by TASS) as saying": 1.000 / 0.990 / 1.000. These
# three came from held-out rows: that half is no longer held out for them.
THRESHOLDS = {
    "attribution_probes": {"quote_recall": 1.0, "quote_precision": 0.98, "attribution": 1.0},
    "attribution_holdout": {"quote_recall": 0.98, "quote_precision": 0.96, "attribution": 1.0},
    "attribution_holdout2": {"quote_recall": 1.0, "quote_precision": 0.98, "attribution": 1.0},
}


@pytest.fixture(scope="module", params=sorted(THRESHOLDS))
def probe_report(request, tmp_path_factory):
    folder = DATA / request.param
    key = json.loads((folder / "key.json").read_text())
    with scored_run(tmp_path_factory, request.param, sorted(folder.glob("*.txt")), key) as (_db, report):
        yield request.param, report


def test_probe_attribution(probe_report):
    name, r = probe_report
    want = THRESHOLDS[name]
    assert r.quote_recall >= want["quote_recall"], r.details
    assert r.quote_precision >= want["quote_precision"], r.details
    assert r.attribution_accuracy >= want["attribution"], r.details


def test_probe_headlines_found_and_attributed(probe_report):
    _name, r = probe_report
    headline = r.by_kind["headline"]
    assert headline.found == headline.required
    assert headline.attributed == headline.found, r.details
