"""A small inline-SVG timeline of dated facts: one row per fact, a dot per stated day,
a bar for a month or a year, disputed facts in red with their values joined.

Hand-written SVG (a few dozen elements) keeps the report self-contained: no plotting
library, no script, no fonts to fetch.
"""
from __future__ import annotations

import calendar
import datetime as dt
from html import escape

WIDTH = 820
LABEL_W = 290
ROW_H = 24
TOP = 28
RIGHT_PAD = 24
MAX_ROWS = 30
COLOURS = {"disputed": "#c0392b", "corroborated": "#1e8449", "single": "#5d6d7e"}


def span_of(date: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day a date at this precision covers."""
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if precision == "month":
        return date.replace(day=1), date.replace(day=calendar.monthrange(date.year, date.month)[1])
    return date, date


def timeline_svg(rows: list[tuple[str, str, str, list[tuple[dt.date, str]]]]) -> str:
    """rows: (anchor or '', label, status, [(date, precision), ...]); '' when there is nothing to draw."""
    rows = [r for r in rows if r[3]][:MAX_ROWS]
    if not rows:
        return ""
    spans = [span_of(d, p) for *_rest, dates in rows for d, p in dates]
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    pad = max(3, (hi - lo).days // 20)
    lo, hi = lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad)
    plot_w = WIDTH - LABEL_W - RIGHT_PAD
    total = max(1, (hi - lo).days)

    def x(day: dt.date) -> float:
        return round(LABEL_W + plot_w * (day - lo).days / total, 1)

    height = TOP + ROW_H * len(rows) + 8
    svg_open = (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
                f'width="{WIDTH}" height="{height}" role="img" aria-label="Timeline of dated facts">')
    out = [
        svg_open,
        f'<line x1="{LABEL_W}" y1="{TOP - 6}" x2="{WIDTH - RIGHT_PAD}" y2="{TOP - 6}" stroke="#999"/>',
    ]
    for tick, text in _ticks(lo, hi):
        out.append(f'<line x1="{x(tick)}" y1="{TOP - 10}" x2="{x(tick)}" y2="{height - 4}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{x(tick)}" y="{TOP - 13}" font-size="10" text-anchor="middle" fill="#555">{text}</text>')
    for i, (anchor, label, status, dates) in enumerate(rows):
        y = TOP + ROW_H * i + ROW_H / 2
        colour = COLOURS.get(status, "#5d6d7e")
        short = label if len(label) <= 38 else label[:37] + "…"
        text = (f'<text x="{LABEL_W - 8}" y="{y + 4}" font-size="11" text-anchor="end" fill="#222">'
                f'{escape(short)}<title>{escape(label)}</title></text>')
        out.append(f'<a href="#{escape(anchor)}">{text}</a>' if anchor else text)
        points = sorted(dates)
        if status == "disputed" and len(points) > 1:
            out.append(f'<line x1="{x(points[0][0])}" y1="{y}" x2="{x(span_of(*points[-1])[0])}" y2="{y}" '
                       f'stroke="{colour}" stroke-width="2" stroke-dasharray="3 2"/>')
        for date, precision in points:
            start, end = span_of(date, precision)
            tip = escape(f"{label}: {_fmt(date, precision)}")
            if precision == "day":
                out.append(f'<circle cx="{x(start)}" cy="{y}" r="5" fill="{colour}"><title>{tip}</title></circle>')
            else:
                w = max(4.0, x(end) - x(start))
                out.append(f'<rect x="{x(start)}" y="{y - 4}" width="{w:.1f}" height="8" rx="3" fill="{colour}" '
                           f'fill-opacity="0.35" stroke="{colour}"><title>{tip}</title></rect>')
    out.append("</svg>")
    return "\n".join(out)


def _fmt(date: dt.date, precision: str) -> str:
    return date.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """Year ticks for long spans, month ticks (at most ~12) for shorter ones."""
    days = (hi - lo).days
    if days > 3 * 365:
        step = max(1, (hi.year - lo.year) // 8)
        return [(dt.date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    months = []
    y, m = lo.year, lo.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        day = dt.date(y, m, 1)
        if day > hi:
            break
        months.append(day)
    shown = months[:: max(1, len(months) // 10)]
    # The year is printed on the first tick and wherever it changes.
    return [(d, d.strftime("%b %Y") if i == 0 or d.year != shown[i - 1].year else d.strftime("%b"))
            for i, d in enumerate(shown)]
