"""Files the README points a fresh clone at (issue 16)."""
from __future__ import annotations

import json
import uuid

import yaml

from tests.conftest import ROOT


def test_the_shipped_answer_key_covers_the_shipped_articles():
    key = json.loads((ROOT / "data" / "gold" / "seeds.json").read_text())
    articles = {p.stem for p in (ROOT / "data" / "articles").glob("*.txt")}
    named = {q["article"] for q in key["quotes"]}
    assert named and named <= articles


def test_the_documented_automation_is_a_valid_prefect_automation():
    from prefect.events.schemas.automations import AutomationCore

    from flows.artifacts import HIGH_SEVERITY_EVENT

    spec = yaml.safe_load((ROOT / "docs" / "automation-high-severity.yaml").read_text())
    spec["actions"][0]["block_document_id"] = str(uuid.uuid4())
    automation = AutomationCore.model_validate(spec)
    assert automation.trigger.expect == {HIGH_SEVERITY_EVENT}
    assert automation.actions[0].type == "send-notification"


def test_readme_examples_need_nothing_outside_the_clone():
    readme = (ROOT / "README.md").read_text()
    assert "claimcheck eval --gold data/gold/seeds.json --input data/articles" in readme
    assert "CLAIMCHECK_INPUT_ROOTS=" in readme.split("## Prefect UI and schedules")[1].split("**Run one.**")[0]
