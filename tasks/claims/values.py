"""What a claim's value allows and how it reads: THE rule, computed once per claim.

`with_values(claim)` fills `base_unit`, `value_base`, `value_lo`, `value_hi` and
`value_label`; fact linking (tasks.linking.facts) and the cross-check SQL
(warehouse/sql/crosscheck.sql) read those columns and never recompute them.

* A date asserts its day, month or year: [first day, last day] as days since 1970-01-01.
* A number asserts its value in the base unit (durations in days, see data/units.json):
  widened by `APPROX_TOLERANCE` when hedged "about", open-ended (NULL) on one side for
  "more than" / "up to", [low, high] for a stated range; an exact duration is stated to
  its unit ("six weeks" = 42 +- 3.5 days).
"""
from __future__ import annotations

import datetime as dt

from models import Claim
from tasks.claims.daymath import date_label, period_end
from tasks.data_files import load_json

DAYS_PER: dict[str, float] = load_json("units.json")["days_per"]
# Counted nouns that mean people in general ("12 people", "40 others", "15 victims"): one
# base unit, so figures told with different nouns compare.
PERSON_NOUNS = frozenset(load_json("measures.json")["person_nouns"])
# An "about N" value covers N +- 10%: "about 30 years" agrees with 28 years, not with 25.
APPROX_TOLERANCE = 0.1
_EPOCH = dt.date(1970, 1, 1)
_HEDGE_WORDS = {"approx": "about ", "at_least": "at least ", "at_most": "at most ", "exact": ""}


def base_unit(kind: str, unit: str | None) -> tuple[str | None, float]:
    """(the unit values are compared in, factor from the claim's unit to it)."""
    if kind == "date":
        return "day", 1.0
    if kind == "duration" and unit in DAYS_PER:
        return "day", DAYS_PER[unit]
    if kind == "count" and unit in PERSON_NOUNS:
        return "people", 1.0
    return unit, 1.0


def bounds(c: Claim) -> tuple[float | None, float | None, float | None]:
    """(base value, low, high) in the base unit; None low/high: open on that side."""
    if c.kind == "date":
        first = float((c.date_value - _EPOCH).days)
        return first, first, float((period_end(c.date_value, c.date_precision) - _EPOCH).days)
    _unit, f = base_unit(c.kind, c.unit)
    v = c.value_num * f
    if c.value_low is not None and c.value_high is not None:
        return v, c.value_low * f, c.value_high * f
    if c.hedge == "approx":
        return v, v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if c.hedge == "at_least":
        return v, v, None
    if c.hedge == "at_most":
        return v, None, v
    if c.kind == "duration":
        return v, v - 0.5 * f, v + 0.5 * f
    return v, v, v


def fmt_number(x: float) -> str:
    """30.0 -> '30', 2.5 -> '2.5', 1234567.5 -> '1234567.5'."""
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def value_label(c: Claim) -> str:
    """The value as the answer key and the report write it: '2024-03', 'about 300 people', '10-15 year'."""
    if c.kind == "date":
        return date_label(c.date_value, c.date_precision)
    unit = f" {c.unit}" if c.unit else ""
    if c.value_low is not None and c.value_high is not None and c.value_low < c.value_high:
        return f"{fmt_number(c.value_low)}-{fmt_number(c.value_high)}{unit}"  # a range is its own hedge
    return _HEDGE_WORDS[c.hedge] + fmt_number(c.value_num) + unit


def with_values(c: Claim) -> Claim:
    """The claim with its interval and label filled in (the one place they are computed)."""
    base, lo, hi = bounds(c)
    c.base_unit = base_unit(c.kind, c.unit)[0]
    c.value_base, c.value_lo, c.value_hi = base, lo, hi
    c.value_label = value_label(c)
    return c
