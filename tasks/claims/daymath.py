"""Calendar arithmetic for dates the claims step resolves: nearest occurrences, weekdays,
month offsets, period ends and the answer key's labels (pure functions of dates)."""
from __future__ import annotations

import calendar
import datetime as dt


def last_on_or_before(month: int, day: int, ref: dt.date) -> dt.date | None:
    for year in range(ref.year, ref.year - 9, -1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= ref:
            return d
    return None


def first_on_or_after(month: int, day: int, ref: dt.date) -> dt.date | None:
    for year in range(ref.year, ref.year + 9):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d >= ref:
            return d
    return None


def resolve_weekday(weekday: int, rel: str, present: dt.date, future: bool) -> dt.date:
    back = (present.weekday() - weekday) % 7
    if rel == "next" or (future and rel not in ("last", "since")):
        ahead = (weekday - present.weekday()) % 7
        return present + dt.timedelta(days=ahead or 7 if rel == "next" else ahead)
    if rel == "last" and back == 0:
        back = 7
    return present - dt.timedelta(days=back)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def add_duration(start: dt.date, value: float, unit: str) -> dt.date:
    """start + N units (calendar months and years; leap days clamp to Feb 28)."""
    n = int(value)
    if unit == "day":
        return start + dt.timedelta(days=n)
    if unit == "week":
        return start + dt.timedelta(weeks=n)
    months = n if unit == "month" else 12 * n if unit == "year" else 0
    y, mo = add_months(start.year, start.month, months)
    return dt.date(y, mo, min(start.day, calendar.monthrange(y, mo)[1]))


def period_end(value: dt.date, precision: str) -> dt.date:
    """Last day of the period a (date, precision) names."""
    if precision == "year":
        return dt.date(value.year, 12, 31)
    if precision == "month":
        return dt.date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return value


def date_label(value: dt.date, precision: str) -> str:
    """'2020-11-09', '2020-11' or '2020': the form the answer key uses."""
    return value.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
