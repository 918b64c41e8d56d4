"""Every entry point of the `verify-articles` flow, in one place.

- `manual`: no schedule; press Run in the Prefect UI and choose the input folder.
- `scheduled`: every N minutes (or a cron expression) over the configured inbox; each
  run processes only files it has not seen (content hash) and records a `runs` row.

`claimcheck serve` (and `claimcheck ui`) call `serve_deployments`.
"""
from __future__ import annotations

import datetime as dt
import os

from flows.config import Settings
from models.errors import ClaimcheckError

MANUAL = "manual"
SCHEDULED = "scheduled"
TAGS = ["claimcheck"]
# One flow run at a time per serve process: a second trigger waits in Prefect's queue
# (shown as Scheduled/Late) instead of loading a second spaCy model and then waiting on
# the warehouse lock. The lock still guards against runs from other processes.
RUNS_AT_ONCE = 1
# Prefect's runner looks for new runs every 10 s by default, so a Run press seemed to do
# nothing for up to 10 s; every 2 s costs one small local API call.
POLL_SECONDS = 2


def default_parameters(settings: Settings) -> dict:
    """The form's pre-filled values: the configured inbox, warehouse and Dask scheduler (if any)."""
    return {"config": {"input_path": str(settings.inbox), "warehouse_path": str(settings.warehouse),
                       "dask_address": settings.dask_address}}


def schedule_options(settings: Settings, interval_minutes: float | None = None, cron: str | None = None) -> dict:
    """`interval` or `cron` for `to_deployment`: command-line options win over configuration."""
    from prefect.client.schemas.schedules import CronSchedule

    if interval_minutes is not None and cron is not None:
        raise ClaimcheckError("give either --interval-minutes or --cron, not both")
    if interval_minutes is None and cron is None:
        cron = settings.schedule_cron
        interval_minutes = settings.schedule_interval_minutes
    if cron is not None:
        try:
            CronSchedule(cron=cron)
        except ValueError:
            raise ClaimcheckError(f"invalid cron expression {cron!r} (expected e.g. '*/15 * * * *')") from None
        return {"cron": cron}
    if not interval_minutes or interval_minutes <= 0:
        raise ClaimcheckError(f"the schedule interval must be a positive number of minutes, not {interval_minutes}")
    return {"interval": dt.timedelta(minutes=interval_minutes)}


def build_deployments(settings: Settings, interval_minutes: float | None = None, cron: str | None = None) -> list:
    from prefect.deployments.runner import EntrypointType

    from flows.verify import package_version, verify_articles

    common = {
        "parameters": default_parameters(settings),
        "tags": TAGS,
        "version": package_version(),
        # A module path works from any working directory (the package is installed).
        "entrypoint_type": EntrypointType.MODULE_PATH,
    }
    manual = verify_articles.to_deployment(
        MANUAL,
        description="Run on demand: choose an input folder (inside the configured input roots) and a warehouse file.",
        **common,
    )
    schedule = schedule_options(settings, interval_minutes, cron)
    when = f"cron `{schedule['cron']}`" if "cron" in schedule else f"every {schedule['interval']}"
    scheduled = verify_articles.to_deployment(
        SCHEDULED,
        description=f"Picks up new or changed files in the inbox {settings.inbox} ({when}).",
        **schedule,
        **common,
    )
    return [manual, scheduled]


def serve_deployments(settings: Settings, interval_minutes: float | None = None, cron: str | None = None) -> None:
    """Register the deployments with the Prefect server and run their flow runs until interrupted."""
    from prefect import serve
    from prefect.settings import PREFECT_RUNNER_POLL_FREQUENCY, temporary_settings

    deployments = build_deployments(settings, interval_minutes, cron)
    poll = {} if "PREFECT_RUNNER_POLL_FREQUENCY" in os.environ else {PREFECT_RUNNER_POLL_FREQUENCY: POLL_SECONDS}
    with temporary_settings(updates=poll):
        serve(*deployments, limit=RUNS_AT_ONCE)
