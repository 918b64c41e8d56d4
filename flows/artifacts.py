"""What a flow run shows in the Prefect UI: a Markdown summary, a table of discrepancies,
and an event per new high-severity discrepancy (for automations that notify).

The text is built by pure functions (unit-tested without a server); only
`publish_run_artifacts` talks to Prefect.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Sequence

SUMMARY_KEY = "claimcheck-run-summary"
DISCREPANCIES_KEY = "claimcheck-discrepancies"
# A run over a large inbox can open hundreds of discrepancies; the UI page stays readable
# and the warehouse (mart_open_discrepancies) holds them all.
MAX_LISTED = 50
# Table cells are cut to these lengths so that the table fits a browser window without
# horizontal scrolling; the full text is in the summary and mart_open_discrepancies.
CELL_CHARS = {"fact": 48, "sides": 72, "explanation": 96}
HIGH_SEVERITY_EVENT = "claimcheck.discrepancy.high"


def quote_discrepancy_lines(run_id: str, quote_discrepancies: Sequence[dict]) -> list[str]:
    """The artifact's list of quote discrepancies this run found (issue 17)."""
    new = [d for d in quote_discrepancies if d.get("first_seen_run") == run_id]
    lines = ["## New quote discrepancies", ""]
    if not new:
        return lines + ["None in this run.", ""]
    for i, d in enumerate(new[:MAX_LISTED], 1):
        lines += [f"### {i}. {d['severity']} · {d['kind']}" + (f" · {_cell(d['speaker'])}" if d.get("speaker") else ""),
                  "", _cell(d["explanation"]), ""]
        lines += [f"- **{_cell(side)}**: " + ", ".join(f"`{a}`" for a in arts) for side, arts in d["sides"].items()]
        lines.append("")
    if len(new) > MAX_LISTED:
        lines.append(f"… and {len(new) - MAX_LISTED} more: `claimcheck query \"SELECT * FROM mart_quote_discrepancies\"`")
    return lines


def summary_markdown(summary: dict, discrepancies: Sequence[dict], input_path: str, warehouse_path: str,
                     quote_discrepancies: Sequence[dict] = ()) -> str:
    """The run summary a user reads on the flow run's Artifacts tab."""
    run_id = summary["run_id"]
    new = [d for d in discrepancies if d.get("first_seen_run") == run_id]
    lines = [
        f"# claimcheck run `{run_id}`",
        "",
        f"Input `{_cell(input_path)}` into warehouse `{_cell(warehouse_path)}`.",
        "",
        "| what | count |",
        "| --- | ---: |",
        f"| articles new | {summary.get('articles_new', 0)} |",
        f"| articles unchanged (skipped) | {summary.get('articles_skipped', 0)} |",
        f"| articles rejected | {summary.get('articles_rejected', 0)} |",
        f"| articles replaced (file changed) | {summary.get('articles_replaced', 0)} |",
        f"| quotes | {summary.get('quotes_new', 0)} |",
        f"| claims | {summary.get('claims_new', 0)} |",
        f"| facts re-checked | {summary.get('facts_checked', 0)} |",
        f"| new discrepancies | {summary.get('discrepancies_new', 0)} |",
        "",
    ]
    if not (summary.get("articles_new") or summary.get("articles_rejected") or summary.get("articles_replaced")):
        lines += ["Nothing new: every article file was seen before (same content hash).", ""]
    rejected = summary.get("rejected") or []
    if rejected:
        lines.append("## Rejected files")
        lines.append("")
        for path, reason in rejected[:MAX_LISTED]:
            lines.append(f"- `{_cell(path)}`: {_cell(reason)}")
        if len(rejected) > MAX_LISTED:
            lines.append(f"- … and {len(rejected) - MAX_LISTED} more (table `rejected_inputs`)")
        lines.append("")
    lines.append("## New discrepancies")
    lines.append("")
    if not new:
        lines.append("None in this run.")
    for i, d in enumerate(new[:MAX_LISTED], 1):
        lines.append(f"### {i}. {d['severity']} · {d['kind']} · {_cell(d['fact'] or d['discrepancy_id'])}")
        lines.append("")
        lines.append(_cell(d["explanation"]))
        lines.append("")
        for side, members in _by_side(d["members"]).items():
            said = "; ".join(
                f"`{m['article_id']}`" + (f" ({_cell(m['outlet'])})" if m.get("outlet") else "")
                + (f" “{_cell(m['surface'])}”" if m.get("surface") else "")
                for m in members
            )
            lines.append(f"- **{_cell(side)}**: {said}")
        lines.append("")
    if len(new) > MAX_LISTED:
        lines.append(f"… and {len(new) - MAX_LISTED} more: `claimcheck query \"SELECT * FROM mart_open_discrepancies\"`")
    lines += ["", *quote_discrepancy_lines(run_id, quote_discrepancies)]
    return "\n".join(lines).rstrip() + "\n"


def discrepancy_table(discrepancies: Sequence[dict], run_id: str) -> list[dict]:
    """Rows of the table artifact: every open discrepancy, marked when this run found it.

    Four short columns (the first says new/severity/kind at once), cells cut to CELL_CHARS:
    six columns of full text needed horizontal scrolling in the Prefect UI."""
    rows = []
    for d in discrepancies:
        sides = {side: list(dict.fromkeys(m["article_id"] for m in ms)) for side, ms in _by_side(d["members"]).items()}
        new = "NEW " if d.get("first_seen_run") == run_id else ""
        rows.append({
            "discrepancy": f"{new}{d['severity']} {d['kind']}",
            "fact": _cut(d["fact"] or d["discrepancy_id"], CELL_CHARS["fact"]),
            "sides": _cut("; ".join(f"{side}: {', '.join(arts)}" for side, arts in sides.items()), CELL_CHARS["sides"]),
            "explanation": _cut(d["explanation"], CELL_CHARS["explanation"]),
        })
    return rows


def _cut(text: object, limit: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def high_severity_events(discrepancies: Sequence[dict], run_id: str, flow_run_id: str | None) -> list[dict]:
    """One Prefect event per high-severity discrepancy this run opened (`emit_event` kwargs)."""
    events = []
    for d in discrepancies:
        if d.get("severity") != "high" or d.get("first_seen_run") != run_id:
            continue
        articles = sorted({m["article_id"] for m in d["members"]})
        related = [{"prefect.resource.id": f"prefect.flow-run.{flow_run_id}", "prefect.resource.role": "flow-run"}] \
            if flow_run_id else []
        events.append({
            "event": HIGH_SEVERITY_EVENT,
            "resource": {"prefect.resource.id": f"claimcheck.discrepancy.{d['discrepancy_id']}",
                         "prefect.resource.name": _cut(d["fact"] or d["discrepancy_id"], 120)},
            "related": related,
            "payload": {"run_id": run_id, "kind": d["kind"], "fact": d["fact"], "explanation": d["explanation"],
                        "articles": articles,
                        "sides": {side: sorted({m["article_id"] for m in ms}) for side, ms in _by_side(d["members"]).items()}},
        })
    return events


def _by_side(members: Sequence[dict]) -> dict[str, list[dict]]:
    """Members grouped by the value they assert, one entry per article and wording."""
    sides: dict[str, dict[tuple, dict]] = {}
    for m in members:
        sides.setdefault(m["side"], {}).setdefault((m["article_id"], m.get("surface")), m)
    return {side: list(ms.values()) for side, ms in sides.items()}


def _cell(text: object) -> str:
    """One line, no table-breaking pipes: user text must not reshape the Markdown."""
    return " ".join(str(text).split()).replace("|", "\\|")


def publish_run_artifacts(summary: dict, discrepancies: list[dict], input_path: str, warehouse_path: str,
                          attempts: int = 3, delay: float = 2.0, quote_discrepancies: list[dict] | None = None) -> None:
    """Prefect API calls (I/O), retried. Called from the flow body, not as a task: an
    artifact made inside a task run hangs on that task run, and the flow run's Artifacts
    tab stayed empty ("Flow run: None")."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact
    from prefect.events import emit_event

    run_id = summary["run_id"]

    def publish() -> None:
        create_markdown_artifact(
            markdown=summary_markdown(summary, discrepancies, input_path, warehouse_path, quote_discrepancies or ()),
            key=SUMMARY_KEY,
            description=f"claimcheck run {run_id}: counts and new discrepancies",
        )
        create_table_artifact(
            table=discrepancy_table(discrepancies, run_id),
            key=DISCREPANCIES_KEY,
            description=f"Open discrepancies after run {run_id} (NEW = found by this run)",
        )

    for attempt in range(1, attempts + 1):
        try:
            publish()
            break
        except Exception:  # the API is down or slow: the run's data is committed already
            if attempt == attempts:
                raise
            time.sleep(delay)
    for event in high_severity_events(discrepancies, run_id, summary.get("flow_run_id")):
        if emit_event(**event) is None:
            logging.getLogger(__name__).warning("event %s not emitted (no Prefect events client)", event["event"])
