"""Date expressions: found by cheap patterns, parsed by dateparser, anchored by our own rule.

`find_dates(text)` returns `DateMention`s: absolute dates carry their year; yearless,
weekday and relative ones ("the day before", "last December") carry what is needed to
resolve them. `resolve(mention, anchor)` is THE anchoring rule of the project:

* A dated article (`Anchor.exact`): narration is in the past, so a yearless "April 14" is
  the latest April 14 on or before the article date; in a future-tense clause, or when
  the next one is at most `UPCOMING_DAYS` ahead ("the June 7 primary" on May 27), the
  first one after it. Weekdays look back ("on Saturday" = the latest Saturday <= the date).
* An undated article has only a lower bound for its date (`Anchor.present`, see
  `tasks.claims.pubdate.article_anchor`) and the latest absolute date it mentions
  (`Anchor.floor`). Writers drop the year for dates of the current year, so a yearless
  date is taken as the latest occurrence on or before the bound, unless that falls before
  the floor (a yearless date is never older than the explicitly dated events the article
  narrates): then the first occurrence on or after the floor.
* Expressions at day precision relative to the article date ("the day before", "on
  Saturday", "3 days ago") need an exact anchor; with a lower bound only they are
  dropped. Month- and year-level ones ("last December", "last year") use the bound.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from tasks.claims.date_patterns import MONTHS, OFFSETS, ORDINAL_DAY, PATTERNS, WEEKDAYS
from tasks.claims.daymath import add_months, first_on_or_after, last_on_or_before, resolve_weekday

# A yearless date up to this many days after a dated article's date is the coming one:
# a date almost a year back would be written with its year.
UPCOMING_DAYS = 60
# A yearless date in a present/modal clause is the nearest one, looking this far ahead.
PRESENT_AHEAD_MONTHS = 6
_UPCOMING_CUES = {"in", "by", "until", "during", "early", "late", "mid", "mid-"}


@dataclass(frozen=True)
class DateMention:
    """A date expression; `year` None means it must be anchored (see `resolve`)."""

    start: int
    end: int
    text: str
    precision: str  # day | month | year
    year: int | None = None
    month: int | None = None
    day: int | None = None
    # How to anchor: "absolute", "yearless", "weekday", "offset"; rel = the cue word.
    mode: str = "absolute"
    rel: str | None = None
    delta: int = 0


@dataclass(frozen=True)
class Anchor:
    """What relative dates are measured from (see the module docstring)."""

    present: dt.date
    exact: bool
    floor: dt.date | None = None


@lru_cache(maxsize=8192)
def parse_date(text: str) -> tuple[dt.date, str] | None:
    """dateparser on one candidate span: (date, period) or None. Cached: spans repeat."""

    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    # Yearless spans are parsed against a leap year so "February 29" survives; the year
    # is then chosen by `resolve`, never by dateparser's idea of "now".
    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 6, 15),
                  "STRICT_PARSING": False},
    )


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# Bodies long enough to be worth remembering: an article's body is scanned by ingest (its
# dateline's lower bound), by `article_anchor` (latest date, lower bound) and by the claims
# step; the scan is done once and the (frozen) mentions reused (bench/, issue 8).
_CACHE_MIN_CHARS = 200


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in `text`, left to right, overlaps resolved by pattern priority."""
    if len(text) >= _CACHE_MIN_CHARS:
        return list(_find_dates_cached(text))
    return _find_dates(text)


@lru_cache(maxsize=256)
def _find_dates_cached(text: str) -> tuple[DateMention, ...]:
    return tuple(_find_dates(text))


def _find_dates(text: str) -> list[DateMention]:
    # One byte per character marks what an earlier (higher-priority) match took: checking
    # a match costs its own length, not the number of dates found so far.
    taken = bytearray(len(text))
    out: list[DateMention] = []
    for name, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if taken.find(1, s, e) >= 0 or _not_a_date(name, m):
                continue
            found = _mentions(name, m)
            if found:
                out.extend(found)
                taken[s:e] = b"\x01" * (e - s)
    out.sort(key=lambda d: (d.start, d.day or 0))
    return [d for i, d in enumerate(out) if not _names_weekday_of_next(text, d, out[i + 1: i + 2])]


def _names_weekday_of_next(text: str, d: DateMention, nxt: list[DateMention]) -> bool:
    """"Wednesday, March 6": the weekday names the date after it; it is not a date of its own."""
    return d.mode == "weekday" and bool(nxt) and nxt[0].precision == "day" and nxt[0].mode in (
        "absolute", "yearless") and re.fullmatch(r",?\s*(?:the\s+)?", text[d.end: nxt[0].start]) is not None


# "Super Tuesday", "Black Friday" are names; "USA Today" is a newspaper; a fiscal year is
# not the calendar year; "a score of 2072" is a number.
_NAMED_WEEKDAYS = {"super", "black", "good", "cyber", "ash", "holy", "maundy", "easter", "palm", "fat", "bloody",
                   "giving", "business", "manic", "blue"}
_PREV_WORD = re.compile(r"([A-Za-z]+)[^\w\n]{0,2}$")
_FISCAL = re.compile(r"\b(?:fiscal(?:\s+year)?|FY|financial\s+year|model\s+year|season)\s*$", re.IGNORECASE)
_NUMBER_NOUN = re.compile(r"\b(?:score|total|tally|sum|number|count|of about|of some|rating|code)\s+(?:of\s+)?$",
                          re.IGNORECASE)


def _not_a_date(name: str, m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 24): m.start()]
    prev = _PREV_WORD.search(before)
    prev_word = prev.group(1) if prev and before[prev.end(1):].strip(" ") in ("", "'s") else ""
    if name == "weekday":
        return prev_word.lower() in _NAMED_WEEKDAYS and prev_word[:1].isupper()
    if name == "offset" and m.group("word").lower() == "today":
        word = m.group("word")
        return word.isupper() or (word[0].isupper() and prev_word[:1].isupper() and prev_word.lower() != "on")
    if name in ("year", "my"):
        year_start = m.start("year")
        head = m.string[max(0, year_start - 24): year_start]
        return bool(_FISCAL.search(head) or _NUMBER_NOUN.search(m.string[max(0, m.start() - 24): m.start()] if name == "year" else ""))
    return False


def _mentions(name: str, m: re.Match) -> list[DateMention]:
    s, e, t = m.start(), m.end(), m.group(0)
    if name in ("iso", "mdy", "dmy"):
        year = int(m.group("year")) if m.group("year") else None
        month = int(m.group("month")) if name == "iso" else _month(m.group("mon"))
        days = [int(m.group("day"))]
        if name != "iso" and m.group("day2"):
            days.append(int(m.group("day2")))
        out = []
        for day in days:
            span = f"{calendar.month_name[month]} {day}, {year or 2000}"
            parsed = parse_date(span)
            if parsed is None:
                continue
            d = parsed[0]
            out.append(DateMention(s, e, t, "day", year, d.month, d.day, "absolute" if year else "yearless"))
        return out
    if name in ("dmy_word", "numeric"):
        return _day_date(s, e, t, *_numeric_date(m) if name == "numeric" else
                         (int(m.group("year")) if m.group("year") else None, _month(m.group("mon")),
                          ORDINAL_DAY[m.group("dayw").lower()]))
    if name == "period":
        unit = m.group("unit").lower()
        return [DateMention(s, e, t, unit, mode="offset", rel=unit, delta=0)]
    if name == "my":
        parsed = parse_date(f"{m.group('mon').rstrip('.')} {m.group('year')}")
        if parsed is None:
            return []
        return [DateMention(s, e, t, "month", parsed[0].year, parsed[0].month)]
    if name == "season":
        return [DateMention(s, e, t, "year", int(m.group("year")))]
    if name == "year":  # the cue word ("since", "in") is context, not part of the date
        return [DateMention(m.start("year"), e, m.group("year"), "year", int(m.group("year")))]
    if name == "rel_month":
        rel = m.group("rel").lower()
        # "the Treaty of March" / "from May" starts are fine; the mention covers the cue word.
        return [DateMention(s, e, t, "month", None, _month(m.group("mon")), None, "yearless", rel)]
    if name == "weekday":
        return [DateMention(s, e, t, "day", None, None, WEEKDAYS[m.group("wd").lower()], "weekday",
                            (m.group("rel") or "on").lower())]
    if name == "offset":
        unit, delta = OFFSETS[m.group("word").lower()]
        return [DateMention(s, e, t, unit, mode="offset", rel=unit, delta=delta)]
    if name == "ago":
        count = _count(m.group("n"))
        if count is None:
            return []  # "many years ago": no date to tell
        unit = m.group("unit").lower()
        if unit in ("week", "decade"):
            unit, count = ("day", count * 7) if unit == "week" else ("year", count * 10)
        return [DateMention(s, e, t, unit, mode="offset", rel=unit, delta=-count)]
    return []


def _count(word: str) -> int | None:
    """'15', 'a', 'fifteen', 'twenty-one' -> the number; None for 'many', 'several'."""
    w = word.lower()
    if w.isdigit() or w in ("a", "an"):
        return int(w) if w.isdigit() else 1
    try:
        return int(text2num(w.replace("-", " "), "en"))
    except ValueError:
        return None


def _numeric_date(m: re.Match) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of 14/02/2024 or 14.02.2024; month None when the order is unsure.

    Dots are the day-first European form; with slashes a number over 12 tells which is the
    day, and "02/03/2024" (either order) is left alone.
    """
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if m.group("sep") == "." or a > 12 >= b:
        return year, b, a
    if b > 12 >= a:
        return year, a, b
    return year, None, None


def _day_date(s: int, e: int, t: str, year: int | None, month: int | None, day: int | None) -> list[DateMention]:
    if month is None or day is None:
        return []
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year, so a yearless February 29 stands
    except ValueError:
        return []
    return [DateMention(s, e, t, "day", year, month, day, "absolute" if year else "yearless")]


# -- anchoring ---------------------------------------------------------------------
def resolve(mention: DateMention, anchor: Anchor | None, future: bool = False,
            tense: str | None = None) -> tuple[dt.date, str] | None:
    """The mention as (date, precision); month/year dates are the first day of the period.

    `tense` (see tasks.claims.events.date_tense) is "past" when the date is an adverbial of a
    past-tense verb ("it earned $40 million in March": the last March), "present" for a
    present, modal or non-finite clause ("voters go to the polls in November": the nearest
    November, up to `PRESENT_AHEAD_MONTHS` ahead), None when unknown.
    """
    if mention.mode == "absolute":
        return dt.date(mention.year, mention.month or 1, mention.day or 1), mention.precision
    if anchor is None:
        return None
    if mention.mode == "yearless":
        return _resolve_yearless(mention, anchor, future, tense)
    if mention.mode == "weekday":
        if not anchor.exact:
            return None
        # "talks resume on Wednesday" (a scheduled event told in the present) is the coming
        # Wednesday; "said on Wednesday" the one before.
        ahead = future or (tense == "present" and (mention.rel or "on") in ("on", "this", "by", "until"))
        return resolve_weekday(mention.day, mention.rel or "on", anchor.present, ahead), "day"
    if mention.mode == "offset":
        p = anchor.present
        if mention.rel == "day":
            return (p + dt.timedelta(days=mention.delta), "day") if anchor.exact else None
        if not anchor.exact:
            return None  # "this year" in an undated article: only a guess from a lower bound
        if mention.rel == "month":
            y, mo = add_months(p.year, p.month, mention.delta)
            return dt.date(y, mo, 1), "month"
        return dt.date(p.year + mention.delta, 1, 1), "year"
    return None


def _resolve_yearless(m: DateMention, anchor: Anchor, future: bool,
                      tense: str | None = None) -> tuple[dt.date, str] | None:
    p = anchor.present
    rel = m.rel or ""
    past = tense == "past" and anchor.exact
    ahead_ok = anchor.exact and tense == "present" and rel not in ("last", "previous", "past", "since")
    if m.precision == "month":
        ahead = (m.month - p.month) % 12
        if rel == "next" or (future and rel not in ("last", "previous", "past")):
            year = p.year if m.month > p.month or (m.month == p.month and rel != "next") else p.year + 1
        elif rel == "this":
            year = p.year
        elif not past and anchor.exact and rel in _UPCOMING_CUES and ahead in (1, 2) or ahead_ok and 0 < ahead <= PRESENT_AHEAD_MONTHS:
            year = p.year if m.month > p.month else p.year + 1
        else:
            strict = rel in ("last", "previous", "past")
            year = p.year if (m.month < p.month or (m.month == p.month and not strict)) else p.year - 1
            if anchor.floor is not None and (year, m.month) < (anchor.floor.year, anchor.floor.month):
                year = anchor.floor.year if m.month >= anchor.floor.month else anchor.floor.year + 1
        return dt.date(year, m.month, 1), "month"
    # day precision: search the nearest valid year (February 29 needs a leap year)
    upcoming = first_on_or_after(m.month, m.day, p + dt.timedelta(days=1)) if anchor.exact else None
    if future and anchor.exact:
        d = first_on_or_after(m.month, m.day, p)
    elif past:
        d = last_on_or_before(m.month, m.day, p)
    elif upcoming is not None and (upcoming - p).days <= UPCOMING_DAYS:
        d = upcoming  # "the June 7 primary" written on May 27: last year's would carry its year
    elif ahead_ok and upcoming is not None and (upcoming - p).days <= PRESENT_AHEAD_MONTHS * 30.5:
        d = upcoming  # "On Dec. 1, that changes." written in July
    else:
        d = last_on_or_before(m.month, m.day, p)
        if anchor.floor is not None and (d is None or d < anchor.floor):
            d = first_on_or_after(m.month, m.day, anchor.floor)
    return (d, "day") if d else None
