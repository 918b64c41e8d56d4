"""How `claimcheck query` prints rows: fit the terminal, never interpret the data.

Cell text is data, not rich markup: a title holding `[/b]` once crashed the table and
`[red]x[/red]` printed as `x`. Every cell goes to rich as a `Text`, which is never parsed.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap

FORMATS = ("table", "vertical", "csv", "json", "markdown")
# A table wider than the terminal with more columns than this wraps every cell into a
# narrow strip (the README's discrepancy query: ~1,150 lines at 100 columns): one record
# per block instead.
MAX_WRAPPED_COLUMNS = 3


def terminal_width(default: int = 100) -> int:
    return shutil.get_terminal_size((default, 24)).columns


def cell(value: object, max_width: int | None = None) -> str:
    text = "" if value is None else str(value)
    if max_width and len(text) > max_width:
        return text[: max(1, max_width - 1)] + "…"
    return text


def natural_width(columns: list[str], rows: list[tuple], max_width: int | None) -> int:
    """The width a one-line-per-row table would need (rich's box: 3 per column + 1)."""
    widths = [len(c) for c in columns]
    for r in rows:
        for i, v in enumerate(r):
            widths[i] = max(widths[i], max((len(x) for x in cell(v, max_width).split("\n")), default=0))
    return sum(widths) + 3 * len(columns) + 1


def render(columns: list[str], rows: list[tuple], fmt: str, width: int | None = None,
           max_width: int | None = None) -> str:
    width = width or terminal_width()
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], default=str, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    if fmt == "markdown":
        return render_markdown(columns, rows, max_width)
    footer = f"({len(rows)} row{'' if len(rows) == 1 else 's'})"
    too_wide = natural_width(columns, rows, max_width) > width
    if fmt == "vertical" or (too_wide and len(columns) > MAX_WRAPPED_COLUMNS):
        return render_vertical(columns, rows, width, max_width) + "\n" + footer
    return render_table(columns, rows, width, max_width) + "\n" + footer


def render_table(columns: list[str], rows: list[tuple], width: int, max_width: int | None) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False)
    for c in columns:
        table.add_column(header=Text(c))
    for r in rows:
        table.add_row(*(Text(cell(v, max_width)) for v in r))
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    return console.export_text().rstrip("\n")


def render_vertical(columns: list[str], rows: list[tuple], width: int, max_width: int | None) -> str:
    """One block per record, `column | value`, values wrapped to the terminal."""
    label = min(max((len(c) for c in columns), default=0), max(8, width // 3))
    room = max(20, width - label - 3)
    out = []
    for n, r in enumerate(rows, 1):
        head = f"-[ record {n} ]"
        out.append(head + "-" * max(0, min(width, label + 3 + room) - len(head)))
        for name, value in zip(columns, r):
            lines = []
            for para in cell(value, max_width).split("\n"):
                lines += textwrap.wrap(para, room, break_long_words=True, replace_whitespace=False) or [""]
            for i, line in enumerate(lines or [""]):
                out.append(f"{(name if i == 0 else '')[:label]:<{label}} | {line}")
    return "\n".join(out) if out else "(no rows)"


def _md(value: object, max_width: int | None) -> str:
    return " ".join(cell(value, max_width).split()).replace("|", "\\|")


def render_markdown(columns: list[str], rows: list[tuple], max_width: int | None) -> str:
    lines = ["| " + " | ".join(_md(c, None) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md(v, max_width) for v in r) + " |" for r in rows]
    return "\n".join(lines)
