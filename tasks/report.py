"""The report people read: `build_report(con, "html" | "md")`.

`render_markdown` is public for the Prefect artifact; the data comes from the warehouse
views via `load_report`, and the two renderers never touch the database.
"""
from __future__ import annotations

import datetime as dt

import duckdb

from tasks.report_data import ReportData, load_report
from tasks.report_html import render_html
from tasks.report_md import render_markdown

RENDERERS = {"html": render_html, "md": render_markdown}

__all__ = ["RENDERERS", "ReportData", "build_report", "load_report", "render_html", "render_markdown"]


def build_report(con: duckdb.DuckDBPyConnection, fmt: str = "md", now: dt.datetime | None = None) -> str:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: use {' or '.join(RENDERERS)}")
    return RENDERERS[fmt](load_report(con, now))
