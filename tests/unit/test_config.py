"""Settings (defaults < claimcheck.toml < CLAIMCHECK_* env) and the schedules built from them."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from flows.config import PROJECT_ROOT, load_settings
from flows.deployments import MANUAL, SCHEDULED, build_deployments, default_parameters, schedule_options
from models.errors import ClaimcheckError


@pytest.fixture()
def clean_env(monkeypatch, tmp_path):
    for key in list(os.environ):
        if key.startswith("CLAIMCHECK_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("CLAIMCHECK_CONFIG", str(tmp_path / "absent.toml"))
    return monkeypatch


def test_defaults_point_into_the_project(clean_env):
    s = load_settings()
    assert s.inbox == PROJECT_ROOT / "data" / "articles"
    assert s.input_roots == [PROJECT_ROOT / "data"]
    assert s.warehouse == PROJECT_ROOT / "warehouse" / "claimcheck.duckdb"
    assert s.schedule_interval_minutes == 15.0 and s.schedule_cron is None
    assert s.lock_wait_seconds == 300.0


def test_toml_paths_are_relative_to_the_file_and_env_wins(clean_env, tmp_path):
    cfg = tmp_path / "conf" / "claimcheck.toml"
    cfg.parent.mkdir()
    cfg.write_text(
        '[claimcheck]\ninbox = "in"\ninput_roots = ["in", "more"]\nwarehouse_dir = "wh"\n'
        'schedule_interval_minutes = 5\nlock_wait_seconds = 2\n'
    )
    clean_env.setenv("CLAIMCHECK_CONFIG", str(cfg))
    s = load_settings()
    assert s.inbox == cfg.parent / "in"
    assert s.input_roots == [cfg.parent / "in", cfg.parent / "more"]
    assert s.warehouse_dir == cfg.parent / "wh"
    assert s.schedule_interval_minutes == 5 and s.lock_wait_seconds == 2
    clean_env.setenv("CLAIMCHECK_SCHEDULE_INTERVAL_MINUTES", "30")
    clean_env.setenv("CLAIMCHECK_INPUT_ROOTS", f"/a{os.pathsep}/b")
    s = load_settings()
    assert s.schedule_interval_minutes == 30
    assert [str(p) for p in s.input_roots] == ["/a", "/b"]


@pytest.mark.parametrize("env,value", [("CLAIMCHECK_BATCH_SIZE", "0"), ("CLAIMCHECK_LOCK_WAIT_SECONDS", "soon"),
                                       ("CLAIMCHECK_SCHEDULE_INTERVAL_MINUTES", "-1")])
def test_bad_values_are_one_configuration_error(clean_env, env, value):
    clean_env.setenv(env, value)
    with pytest.raises(ClaimcheckError, match="invalid configuration"):
        load_settings()


def test_dask_address_from_toml_then_env(clean_env, tmp_path):
    assert load_settings().dask_address is None
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text('[claimcheck]\ndask_address = "tcp://scheduler:8786"\n')
    clean_env.setenv("CLAIMCHECK_CONFIG", str(cfg))
    assert load_settings().dask_address == "tcp://scheduler:8786"
    clean_env.setenv("CLAIMCHECK_DASK_ADDRESS", "tcp://other:8786")
    assert load_settings().dask_address == "tcp://other:8786"


def test_unreadable_toml_is_named(clean_env, tmp_path):
    cfg = tmp_path / "claimcheck.toml"
    cfg.write_text("inbox = [unclosed")
    clean_env.setenv("CLAIMCHECK_CONFIG", str(cfg))
    with pytest.raises(ClaimcheckError, match="cannot read configuration"):
        load_settings()


def test_schedule_comes_from_options_then_configuration(clean_env):
    s = load_settings()
    assert schedule_options(s) == {"interval": dt.timedelta(minutes=15)}
    assert schedule_options(s, interval_minutes=2) == {"interval": dt.timedelta(minutes=2)}
    assert schedule_options(s, cron="*/5 * * * *") == {"cron": "*/5 * * * *"}
    clean_env.setenv("CLAIMCHECK_SCHEDULE_CRON", "0 6 * * *")
    s = load_settings()
    assert schedule_options(s) == {"cron": "0 6 * * *"}
    assert schedule_options(s, interval_minutes=1) == {"interval": dt.timedelta(minutes=1)}


@pytest.mark.parametrize("kwargs,message", [
    ({"cron": "every day"}, "invalid cron expression"),
    ({"interval_minutes": 0}, "positive number of minutes"),
    ({"interval_minutes": 5, "cron": "* * * * *"}, "not both"),
])
def test_bad_schedules_are_refused(clean_env, kwargs, message):
    with pytest.raises(ClaimcheckError, match=message):
        schedule_options(load_settings(), **kwargs)


def test_deployments_carry_configured_defaults_and_schedule(clean_env, tmp_path):
    clean_env.setenv("CLAIMCHECK_INBOX", str(tmp_path / "inbox"))
    clean_env.setenv("CLAIMCHECK_WAREHOUSE", str(tmp_path / "wh" / "w.duckdb"))
    clean_env.setenv("CLAIMCHECK_DASK_ADDRESS", "tcp://10.1.2.3:8786")
    s = load_settings()
    assert default_parameters(s) == {
        "config": {"input_path": str(tmp_path / "inbox"), "warehouse_path": str(tmp_path / "wh" / "w.duckdb"),
                   "dask_address": "tcp://10.1.2.3:8786"}
    }
    manual, scheduled = build_deployments(s, interval_minutes=7)
    assert (manual.name, scheduled.name) == (MANUAL, SCHEDULED)
    assert manual.schedules == [] or manual.schedules is None
    assert manual.parameters == scheduled.parameters == default_parameters(s)
    assert manual.entrypoint == "flows.verify.verify_articles"
    (only,) = scheduled.schedules
    assert only.schedule.interval == dt.timedelta(minutes=7)
    # the form the UI draws: one typed object with descriptions on each field
    schema = manual._parameter_openapi_schema.model_dump()
    fields = schema["definitions"]["RunConfig"]["properties"]
    assert schema["required"] == ["config"]
    assert set(fields) == {"input_path", "warehouse_path", "dask_address"}
    assert "input root" in fields["input_path"]["description"]
    assert "warehouse folder" in fields["warehouse_path"]["description"]
