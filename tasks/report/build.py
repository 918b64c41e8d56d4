"""The report people read: `build_report(rows, "html" | "md")`.

`rows` are the view rows `warehouse.report_rows.read_report_rows` selects; the renderers
never touch the database (`render_markdown` is public for the Prefect artifact).
"""
from __future__ import annotations

import datetime as dt

from tasks.report.data import ReportData, assemble_report
from tasks.report.html import render_html
from tasks.report.md import render_markdown

RENDERERS = {"html": render_html, "md": render_markdown}

__all__ = ["RENDERERS", "ReportData", "assemble_report", "build_report", "render_html", "render_markdown"]


def build_report(rows: dict[str, list[dict]], fmt: str = "md", now: dt.datetime | None = None) -> str:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: use {' or '.join(RENDERERS)}")
    return RENDERERS[fmt](assemble_report(rows, now))
