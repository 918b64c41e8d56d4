"""The date expressions `tasks.claims.dates` looks for: month, weekday and ordinal names, and one
named pattern per shape ("mdy", "weekday", "offset"...). `dates._mentions` turns a match of each
name into `DateMention`s; the anchoring rule lives in `dates.resolve`, not here.
"""
from __future__ import annotations

import calendar
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

# Month names are matched capitalised only: "may", "march" are verbs in lower case.
_MON = (
    r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_MON_FULL = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_YEAR_CUES = (
    r"in|since|by|until|till|from|of|during|before|after|through|throughout|and|or|to|years?|between|"
    r"early|late|mid|end|beginning|start|spring|summer|fall|autumn|winter"
)

_ORDINAL_DAYS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", *(f"twenty-{o}" for o in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                           "eighth", "ninth")), "thirtieth", "thirty-first",
]
ORDINAL_DAY = {w: i + 1 for i, w in enumerate(_ORDINAL_DAYS)}
_DAY_WORD = rf"(?P<dayw>(?i:{'|'.join(sorted(_ORDINAL_DAYS, key=len, reverse=True))}))"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>(?:1[89]|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY}{_DAY2}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(rf"\b{_DAY}{_DAY2}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b")),
    ("dmy_word", re.compile(rf"(?<![\w-])(?:(?i:the)\s+)?{_DAY_WORD}\s+of\s+{_MON}(?:,?\s+{_YEAR})?\b")),
    # 14/02/2024, 14.02.2024: the order is read only when it is unambiguous (see _numeric_date)
    ("numeric", re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)"
                           r"(?P<year>(?:19|20)\d{2})(?![\d/]|\.\d)")),
    ("my", re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}\b")),
    ("season", re.compile(rf"\b(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:{_YEAR_CUES})\s+{_YEAR}\b(?!s\b|[-/]\d|,\d|\.\d)", re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:mid|early|late)-{_YEAR}\b(?!s\b|[-/]\d|,\d|\.\d)", re.IGNORECASE)),
    # "the 2022 floods", "its 2019 report", "the 2016 GOP race": a year before a word (a count
    # would be written "2,022")
    ("year", re.compile(rf"\b(?i:the|a|an|its|their|his|her|this|that)\s+{_YEAR}(?=\s+[A-Za-z])")),
    ("rel_month", re.compile(
        rf"\b(?P<rel>last|next|this|previous|past|early|late|mid-|in|since|by|until|from|during|of)\s+{_MON_FULL}\b"
        rf"(?!\s+(?:[0-3]?\d\b|of\s+\d|(?:1[89]|20)\d{{2}}))"
    )),
    ("rel_month", re.compile(rf"\b(?P<rel>mid|early|late)-{_MON_FULL}\b(?!\s+(?:[0-3]?\d\b|(?:1[89]|20)\d{{2}}))")),
    ("weekday", re.compile(
        r"\b(?:(?P<rel>on|last|next|this|since|by|until|from)\s+)?"
        r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    )),
    # "in the last year" / "over the next month" are spans of time, not a calendar year or month
    ("offset", re.compile(
        r"(?<![Tt]he )\b(?P<word>the day before yesterday|yesterday|today|tomorrow|last year|this year|next year|"
        r"last month|this month|next month)\b(?!-)",
        re.IGNORECASE,
    )),
    # "the day before" is relative to the article only when no event follows ("the day
    # before the vote" is relative to the vote).
    ("offset", re.compile(
        r"\b(?P<word>(?i:the day before|the day after))\b"
        r"(?!\s+(?:(?i:the|a|an|his|her|its|their|this|that)\b|[A-Z]))",
    )),
    ("offset", re.compile(r"\b(?P<word>(?i:the previous day|the following day|the next day))\b")),
    # "by the end of the year": the period the article is written in
    ("period", re.compile(r"\b(?i:the\s+(?:end|start|beginning|middle)\s+of\s+the\s+(?P<unit>year|month))\b")),
    ("ago", re.compile(r"\b(?P<n>\d+|an?|[a-z]+(?:-[a-z]+)?)\s+"
                       r"(?P<unit>day|week|month|year|decade)s?\s+ago\b", re.IGNORECASE)),
]
OFFSETS = {
    "the day before yesterday": ("day", -2), "yesterday": ("day", -1), "today": ("day", 0),
    "tomorrow": ("day", 1), "the day before": ("day", -1), "the previous day": ("day", -1),
    "the day after": ("day", 1), "the following day": ("day", 1), "the next day": ("day", 1),
    "last year": ("year", -1), "this year": ("year", 0), "next year": ("year", 1),
    "last month": ("month", -1), "this month": ("month", 0), "next month": ("month", 1),
}
