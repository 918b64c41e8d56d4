"""Comparing two claims' values: read from the interval stored with each claim.

The intervals themselves are computed once, by tasks.claims.values (`value_lo`,
`value_hi`, `value_base` in the claim's `base_unit`); nothing here converts units.
"""
from __future__ import annotations

import math

# Two claims may be one fact only when their values are near: dates at most this many
# days apart, numbers within this ratio (in the base unit).
DATE_WINDOW_DAYS = 7
NUMBER_RATIO = 1.5
# Figures of one measure in reports of one event may be further apart (early and late
# counts, a contradiction): still one fact up to this ratio.
EVENT_NUMBER_RATIO = 3.0


def unit_group(c) -> tuple[str, str | None]:
    """Claims compare only within a group: dates, durations in days, else kind and unit."""
    return c.kind, c.base_unit


def interval(c) -> tuple[float, float]:
    lo = -math.inf if c.value_lo is None else c.value_lo
    hi = math.inf if c.value_hi is None else c.value_hi
    return lo, hi


def values_close(a, b, ratio: float | None = None) -> bool:
    ratio = ratio or NUMBER_RATIO
    if a.kind == "date":
        (s1, e1), (s2, e2) = interval(a), interval(b)
        return max(0.0, max(s1, s2) - min(e1, e2)) <= DATE_WINDOW_DAYS
    va, vb = a.value_base, b.value_base
    if va <= 0 or vb <= 0:
        return va == vb
    return max(va, vb) / min(va, vb) <= ratio


def same_value(a, b) -> bool:
    if a.kind == "date":
        return a.date_value == b.date_value and a.date_precision == b.date_precision
    return math.isclose(a.value_base, b.value_base, rel_tol=1e-9) and a.hedge == b.hedge


def agree(a, b) -> bool:
    """Two number claims whose values can both be true ("six weeks" and "44 days")."""
    (lo1, hi1), (lo2, hi2) = interval(a), interval(b)
    return not (hi1 < lo2 * (1 - 1e-9) or hi2 < lo1 * (1 - 1e-9))


def disjoint(a, b) -> bool:
    (s1, e1), (s2, e2) = interval(a), interval(b)
    return e1 < s2 or e2 < s1


def contradicts(a, b) -> bool:
    if unit_group(a) != unit_group(b):
        return False
    if a.kind == "date":
        return disjoint(a, b)
    return not math.isclose(a.value_base, b.value_base, rel_tol=1e-9)


def bucket(c) -> int:
    if c.kind == "date":
        return c.date_value.year * 12 + c.date_value.month
    v = c.value_base
    return math.floor(math.log(v) / math.log(NUMBER_RATIO)) if v > 0 else -10**6


def buckets_near(c) -> range:
    b = bucket(c)
    if c.kind == "date":
        span = {"day": 0, "month": 0, "year": 11}[c.date_precision]
        return range(b - 2, b + span + 3)
    return range(b - 1, b + 2)
