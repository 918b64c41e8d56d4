"""The answer keys, run through the real flow, with thresholds that only go up."""
from __future__ import annotations

import json
import shutil

import pytest

from claimcheck.cmd_eval import score_warehouse
from flows.verify import RunConfig, verify_articles
from tests.conftest import DEV, SEED_GOLD, SEEDS

pytestmark = pytest.mark.usefixtures("prefect_server")

# Raise these when the extractors improve; never lower them to make a change pass.
SEED = {"quote_recall": 0.95, "quote_precision": 0.90, "attribution": 0.95, "claim_recall": 0.90}
DEV_SET = {"quote_recall": 0.90, "quote_precision": 0.78, "attribution": 0.86}  # gold_named.json


def _run_and_score(workdir, source, gold_path):
    inbox = workdir / "data" / "articles"
    for f in sorted(source.glob("*.txt")):
        shutil.copy(f, inbox / f.name)
    db = workdir / "warehouse" / "claimcheck.duckdb"
    verify_articles(RunConfig(input_path=inbox, warehouse_path=db))
    return score_warehouse(json.loads(gold_path.read_text()), db)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("seeds")
    (workdir / "data" / "articles").mkdir(parents=True)
    (workdir / "warehouse").mkdir()
    mp = pytest.MonkeyPatch()
    mp.setenv("CLAIMCHECK_INPUT_ROOTS", str(workdir / "data"))
    mp.setenv("CLAIMCHECK_WAREHOUSE_DIR", str(workdir / "warehouse"))
    try:
        yield _run_and_score(workdir, SEEDS, SEED_GOLD)
    finally:
        mp.undo()


def test_seed_quotes(seed_report):
    r = seed_report
    assert r.quote_recall >= SEED["quote_recall"]
    assert r.quote_precision >= SEED["quote_precision"]
    assert r.attribution_accuracy >= SEED["attribution"]


def test_seed_quotes_every_kind_found(seed_report):
    for kind, score in seed_report.by_kind.items():
        assert score.recall >= 0.8, kind


def test_seed_claims(seed_report):
    assert seed_report.claim_recall >= SEED["claim_recall"]


def test_seed_discrepancies(seed_report):
    r = seed_report
    assert r.required_discrepancies == 1
    assert r.required_discrepancies_found == 1
    assert r.false_discrepancies == 0
    assert r.corroborated_consistent >= 2


@pytest.mark.slow
@pytest.mark.skipif(not (DEV / "gold_named.json").exists(), reason="development set not beside the project")
def test_dev_set_generalises(workdir):
    r = _run_and_score(workdir, DEV / "articles", DEV / "gold_named.json")
    assert r.quote_recall >= DEV_SET["quote_recall"]
    assert r.quote_precision >= DEV_SET["quote_precision"]
    assert r.attribution_accuracy >= DEV_SET["attribution"]
