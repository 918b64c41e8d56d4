"""The `claimcheck` command line: a thin shell over flows/ and warehouse/."""
from __future__ import annotations

import os
import sys

import typer

from models.errors import ClaimcheckError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check what officials are quoted as saying and whether articles agree on numbers and dates.",
)


def _register() -> None:
    from claimcheck import cmd_eval, cmd_export, cmd_query, cmd_report, cmd_run, cmd_serve

    for module in (cmd_run, cmd_query, cmd_eval, cmd_serve, cmd_report, cmd_export):
        module.register(app)


# Flow runs started by `serve`/`ui` inherit this process's environment; their INFO logs
# (per article) are what the Prefect UI shows, so those commands keep Prefect's level.
_SERVING_COMMANDS = ("serve", "ui")


def quiet_prefect(serving: bool = False) -> None:
    """No telemetry (the machine may be offline) and warnings only unless the user asks."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if serving else "WARNING")


def main() -> None:
    quiet_prefect(serving=bool(set(sys.argv[1:2]) & set(_SERVING_COMMANDS)))
    _register()
    try:
        app(standalone_mode=False)
    except ClaimcheckError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except __import__("click").ClickException as exc:
        exc.show()
        sys.exit(1)


if __name__ == "__main__":
    main()
