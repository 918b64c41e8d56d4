"""End to end as a UI user: a real Prefect server, `claimcheck serve`, runs created from deployments.

The UI's Run button posts to /deployments/{id}/create_flow_run with the form's parameters;
`create_flow_run_from_deployment` is the same call.
"""
from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from flows.artifacts import DISCREPANCIES_KEY, SUMMARY_KEY
from tests.conftest import copy_seeds, process_env

CLI = [sys.executable, "-c", "from claimcheck.cli import main; main()"]
SEED_NAMES = ["000_a0fdcd33e81b8070", "001_1f898c961dd7184c", "002_780e885c75eae896", "003_370e2d7ec0f59e72"]


@pytest.fixture()
def served(workdir, prefect_api):
    """`claimcheck serve` against the test server, in its own process group."""
    log_path = workdir / "serve.log"
    with open(log_path, "wb") as log:
        # The runner polls for runs every 10 s by default; 1 s keeps the test short.
        proc = subprocess.Popen(
            [*CLI, "serve"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            env=process_env(prefect_api, PREFECT_RUNNER_POLL_FREQUENCY="1"),
        )
    try:
        yield prefect_api
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def wait_for_deployment(client, name: str, timeout: float = 90):
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    while True:
        try:
            return client.read_deployment_by_name(name)
        except ObjectNotFound:
            if time.monotonic() > deadline:
                raise AssertionError(f"deployment {name} was not registered within {timeout} s") from None
            time.sleep(0.5)


def trigger(client, deployment, parameters: dict | None = None, timeout: float = 120):
    """Create a flow run as the UI does and wait for its final state; returns (flow_run, wall seconds)."""
    started = time.monotonic()
    run = client.create_flow_run_from_deployment(deployment.id, parameters=parameters)
    deadline = started + timeout
    while not (run.state and run.state.is_final()):
        assert time.monotonic() < deadline, f"flow run still {run.state.type if run.state else None} after {timeout} s"
        time.sleep(0.3)
        run = client.read_flow_run(run.id)
    return run, time.monotonic() - started


def artifacts_of(client, flow_run_id) -> dict[str, object]:
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    found = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {a.key: a.data for a in found if a.key}


def rows(db, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_runs_triggered_through_the_api_like_the_ui(workdir, served):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    inbox, db = workdir / "data" / "articles", workdir / "warehouse" / "claimcheck.duckdb"
    copy_seeds(inbox, SEED_NAMES)
    # no Dask scheduler configured: the form's field is empty and the run extracts here
    form = {"config": {"input_path": str(inbox), "warehouse_path": str(db), "dask_address": None}}

    with temporary_settings(updates={PREFECT_API_URL: served}), get_client(sync_client=True) as client:
        manual = wait_for_deployment(client, "verify-articles/manual")
        scheduled = wait_for_deployment(client, "verify-articles/scheduled")

        # what the UI shows: the schedule and a form pre-filled from configuration
        assert manual.schedules == []
        (schedule,) = scheduled.schedules
        assert schedule.schedule.interval.total_seconds() == 15 * 60 and schedule.active
        assert manual.parameters == scheduled.parameters == form
        config_form = manual.parameter_openapi_schema["definitions"]["RunConfig"]["properties"]
        assert config_form["input_path"]["type"] == "string" and config_form["input_path"]["description"]
        assert config_form["dask_address"]["title"] == "Dask scheduler"

        # 1. press Run on `manual`
        run, _ = trigger(client, manual, form)
        assert run.state.is_completed(), run.state.message
        assert rows(db, "SELECT count(*) FROM articles")[0][0] == 4
        assert rows(db, "SELECT flow_run_id, articles_new, status FROM runs") == [(str(run.id), 4, "completed")]
        shown = artifacts_of(client, run.id)
        assert set(shown) == {SUMMARY_KEY, DISCREPANCIES_KEY}
        assert "| articles new | 4 |" in shown[SUMMARY_KEY]
        quotes = rows(db, "SELECT count(*) FROM quotes")[0][0]
        assert f"| quotes | {quotes} |" in shown[SUMMARY_KEY]

        # 2. a new article arrives: only it is processed
        copy_seeds(inbox, ["004_f982996cea3e33e0"])
        run, _ = trigger(client, manual, form)
        assert run.state.is_completed(), run.state.message
        assert rows(db, "SELECT articles_new, articles_skipped FROM runs WHERE flow_run_id = ?", str(run.id)) == [(1, 4)]
        assert rows(db, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (5, 5)
        summary = artifacts_of(client, run.id)[SUMMARY_KEY]
        assert "| articles new | 1 |" in summary
        # only the facts the new article's claims touch are re-checked
        touched = rows(db, "SELECT count(DISTINCT fact_key) FROM claims WHERE article_id = '004_f982996cea3e33e0'")[0][0]
        assert f"| facts re-checked | {touched} |" in summary
        assert touched < rows(db, "SELECT count(*) FROM facts")[0][0]

        # 3. an untrusted parameter: the run fails with the reason, nothing is written
        run, _ = trigger(client, manual, {"config": {"input_path": str(inbox / ".." / ".." / ".."),
                                                     "warehouse_path": str(db)}})
        assert run.state.is_failed()
        assert "PathOutsideRoot" in run.state.message and "outside the allowed folders" in run.state.message
        assert rows(db, "SELECT count(*) FROM runs")[0][0] == 2

        # 4. what the schedule does when nothing is new: a quick run that still leaves a `runs` row
        run, wall = trigger(client, scheduled)
        assert run.state.is_completed(), run.state.message
        assert rows(db, "SELECT articles_new, articles_skipped FROM runs ORDER BY started_at DESC LIMIT 1") == [(0, 5)]
        assert "Nothing new" in artifacts_of(client, run.id)[SUMMARY_KEY]
        print(f"\nno-op scheduled run: {run.total_run_time.total_seconds():.2f} s in the flow, "
              f"{wall:.1f} s from trigger to Completed")
        assert run.total_run_time.total_seconds() < 30

        # 5. the server's scheduler has queued the next runs of `scheduled`, 15 minutes apart
        upcoming = wait_for_scheduled_runs(client, scheduled.id)
        gaps = {(b - a).total_seconds() for a, b in itertools.pairwise(upcoming)}
        assert gaps == {900.0}


def wait_for_scheduled_runs(client, deployment_id, timeout: float = 60) -> list:
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    deadline = time.monotonic() + timeout
    while True:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))),
        )
        starts = sorted(r.expected_start_time for r in runs if r.auto_scheduled)
        if len(starts) >= 2:
            return starts
        assert time.monotonic() < deadline, "the Prefect scheduler created no runs for the scheduled deployment"
        time.sleep(1)


def _without_api(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {**env, **extra}


def test_serve_needs_a_reachable_server_and_a_valid_schedule(tmp_path):
    from tests.conftest import free_port

    def serve(*args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run([*CLI, "serve", *args], check=False, capture_output=True, text=True, timeout=120,
                              env=_without_api(PREFECT_HOME=str(tmp_path), **env))

    out = serve()
    assert out.returncode == 1
    assert out.stderr.strip() == ("error: no Prefect server configured: run `claimcheck ui` "
                                  "(starts one on 127.0.0.1) or set PREFECT_API_URL")
    nowhere = f"http://127.0.0.1:{free_port()}/api"
    out = serve(PREFECT_API_URL=nowhere)
    assert out.returncode == 1 and out.stderr.strip() == f"error: cannot reach the Prefect server at {nowhere}; is it running?"
    out = serve("--cron", "soon", PREFECT_API_URL=nowhere)
    assert out.returncode == 1 and "invalid cron expression 'soon'" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_ui_starts_a_local_server_serves_and_stops_it(workdir, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from claimcheck.cmd_serve import server_healthy
    from tests.conftest import free_port

    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    home = tmp_path / "prefect-home"
    proc = subprocess.Popen(
        [*CLI, "ui", "--port", str(port), "--cron", "0 6 * * 1"], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True, env=_without_api(PREFECT_HOME=str(home)),
    )
    try:
        with temporary_settings(updates={PREFECT_API_URL: api}), get_client(sync_client=True) as client:
            deadline = time.monotonic() + 120
            while not server_healthy(api):
                assert proc.poll() is None and time.monotonic() < deadline, "claimcheck ui did not start a server"
                time.sleep(0.5)
            scheduled = wait_for_deployment(client, "verify-articles/scheduled")
            wait_for_deployment(client, "verify-articles/manual")
        assert [s.schedule.cron for s in scheduled.schedules] == ["0 6 * * 1"]
        assert (home / "server.log").is_file()
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
        assert not server_healthy(api, timeout=1.0), "the server started by `claimcheck ui` outlived it"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
