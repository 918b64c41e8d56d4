"""What the Prefect UI shows of a run (issue 16): its name, artifacts on the flow run, events."""
from __future__ import annotations

import uuid

import pytest

from flows.artifacts import DISCREPANCIES_KEY, HIGH_SEVERITY_EVENT, SUMMARY_KEY
from tests.conftest import copy_seeds
from tests.flows.test_html_jsonl_flow import query, run

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_run_is_named_after_its_input_and_artifacts_hang_on_the_flow_run(workdir, monkeypatch):
    import prefect.events
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    emitted = []
    real_emit = prefect.events.emit_event
    monkeypatch.setattr(prefect.events, "emit_event", lambda **kw: emitted.append(kw) or real_emit(**kw))
    copy_seeds(workdir / "data" / "articles")
    summary = run(workdir)
    flow_run_id = uuid.UUID(summary["flow_run_id"])
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(flow_run_id).name == "articles → claimcheck.duckdb"
        found = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    by_key = {a.key: a for a in found if a.key}
    assert set(by_key) == {SUMMARY_KEY, DISCREPANCIES_KEY}
    assert all(a.task_run_id is None for a in by_key.values())  # the flow run's, not a task run's

    high = query(workdir, "SELECT discrepancy_id FROM discrepancies WHERE severity = 'high' AND status = 'open'")
    assert high, "the seeds hold a high-severity discrepancy"
    assert sorted(e["resource"]["prefect.resource.id"] for e in emitted if e["event"] == HIGH_SEVERITY_EVENT) == \
        sorted(f"claimcheck.discrepancy.{d}" for (d,) in high)
    emitted.clear()
    run(workdir)  # nothing new: no event again
    assert emitted == []
