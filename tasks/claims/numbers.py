"""Numbers stated in text: value, hedge and unit, normalised.

Cheap regular expressions find candidate spans; `text2num` reads number words. The unit
of a count is decided by the caller (it needs the parse: "three minefields maps" counts
maps); measurement units glued to the number ("5-kilometer", "44-day", "2.5 tons", "10%")
are read here. Canonical units follow the answer key: decades and centuries are counted
in years, kilometres are `km`, units are singular.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from tasks.data_files import load_json

# Hedge cues that sit right before a number. "more than N" is recorded as at_least, as
# the answer key does; the strict/inclusive distinction is below what articles convey.
HEDGES: dict[str, str] = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "nearly": "approx", "almost": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "approx.": "approx", "circa": "approx",
    "more than": "at_least", "over": "at_least", "at least": "at_least", "upwards of": "at_least",
    "in excess of": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "up to": "at_most", "less than": "at_most", "fewer than": "at_most", "under": "at_most",
    "at most": "at_most", "no more than": "at_most", "below": "at_most", "within": "at_most",
    "as many as": "at_most", "as much as": "at_most",
}

# unit word -> canonical unit (time units with their factor): data/units.json, data/currencies.json
_UNITS = load_json("units.json")
_TIME = {word: (unit, factor, "duration") for word, (unit, factor) in _UNITS["time"].items()}
TIME_UNITS = frozenset(_TIME)
_MEASURE = {**_UNITS["measure"], **load_json("currencies.json")["currency"]}
# Collective words that stay as written when singularised ("500 people").
_INVARIANT = {"people", "police", "personnel", "staff", "troops", "cattle", "news", "series", "species"}
# Fractions ("two-thirds", "a quarter of") and idioms ("two-way street", "one-on-one") are
# not counts of anything.
FRACTION_WORDS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth",
                  "fifths", "tenth", "tenths"}
_NOT_COUNT_GLUE = FRACTION_WORDS | {"way", "on", "off", "time", "odd", "old"}

_SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|billion|dozen"
)
_WORD = rf"(?:{_WORDS})"
# "a dozen", "a million": the article counts as "one" before a scale word.
_WORD_NUMBER = (
    rf"(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*"
    r"(?:\s+and\s+a\s+half)?"
)
# "a decade", "a century": one unit of time, written without a number word
_ONE_UNIT = r"(?P<one>an?)(?=\s+(?:decade|century|fortnight|millennium)\b)"
# A comma before one or two digits is a decimal comma when a percentage follows ("12,5 %").
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=\s?(?:%|per\s?cent\b|percent\b))"
_DIGITS = rf"(?:{_DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
# ISO codes are matched in capitals only ("EUR 200 million"; "eur" is no code in prose).
_CODES = "USD|EUR|GBP|RUB|JPY|CNY|INR|CHF|AZN|AMD|KRW|UAH"
_CURRENCY = rf"(?:(?:US|A|C|NZ|HK)?(?P<cur>[$€£¥₩])\s?|(?-i:(?P<code>{_CODES}))\s)?"
# "$5m", "£40k": a one-letter scale, read as such only after a currency (else "5m" is metres)
_NUMBER = (
    rf"(?:(?P<dig>{_DIGITS})(?:\s*(?P<scale>thousand|million|billion|trillion|mln|mn|bn)\b|(?P<short>[mk])\b)?"
    rf"|(?P<word>{_WORD_NUMBER})|{_ONE_UNIT})"
)
_HEDGE_RE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_UNIT_GLUED = (
    r"(?:-(?P<hyph>[A-Za-z]+)|\s?(?P<pct>%)|"
    r"\s?(?P<abbr>km|kg|mw|gw|kw|per cent|percent|percentage points?|tons?|tonnes?)\b)"
)

_PATTERN = re.compile(
    rf"(?<![\w.,+:/#-])(?:(?P<hedge>{_HEDGE_RE})\s+)?"
    rf"(?:(?P<between>between|from)\s+)?"
    rf"{_CURRENCY}{_NUMBER}"
    rf"(?:(?P<conn>\s*(?:-|–|to|and|or)\s*)(?P<hi>{_DIGITS}|{_WORD_NUMBER})(?=[\s%-]))?"
    rf"{_UNIT_GLUED}?"
    rf"(?![\w:/]|[.,]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """A number in text; `unit` is None when the caller must find it in the parse."""

    start: int
    end: int
    text: str
    value: float
    hedge: str = "exact"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    kind: str | None = None
    is_word: bool = False
    # The number's own characters (no hedge, no unit): where to look in the parse.
    num_start: int = 0
    num_end: int = 0


@lru_cache(maxsize=4096)
def words_to_number(words: str) -> float | None:
    """'two and a half' -> 2.5, 'one hundred five' -> 105, 'a dozen' -> 12 (None if not a number)."""
    w = re.sub(r"[\s-]+", " ", words.strip().lower())
    half = 0.0
    if w.endswith(" and a half"):
        w, half = w[: -len(" and a half")], 0.5
    w = re.sub(r"^an? (?=hundred|thousand|million|billion|dozen)", "one ", w)
    if w.endswith("dozen"):
        times = words_to_number(w.removesuffix("dozen")) if w != "one dozen" and w != "dozen" else 1.0
        return 12.0 * times + half if times else None
    try:
        return float(text2num(w, "en")) + half
    except ValueError:
        return None


def _digits_value(dig: str, scale: str | None) -> float:
    number = dig.replace(",", ".") if re.fullmatch(r"\d{1,3},\d{1,2}", dig) else dig.replace(",", "")
    return float(number) * (_SCALE.get(scale.lower(), 1.0) if scale else 1.0)


def singular(word: str) -> str:
    """Cheap singular form for unit words (used when there is no lemma)."""
    w = word.lower().strip()
    if w in _INVARIANT or w.endswith(("ss", "us", "is")) or len(w) < 4:
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    return w.removesuffix("s")


def canonical_unit(word: str | None, lemma: str | None = None) -> tuple[str | None, float, str]:
    """Unit word (or its lemma) -> (canonical unit, factor, kind). Unknown nouns are counts."""
    if not word:
        return None, 1.0, "count"
    w = word.lower().strip()
    for cand in (w, lemma.lower() if lemma else None, singular(w)):
        if not cand:
            continue
        if cand in _TIME:
            unit, factor, kind = _TIME[cand]
            return unit, float(factor), kind
        if cand in _MEASURE:
            return _MEASURE[cand], 1.0, "quantity"
    if w in _INVARIANT:
        return w, 1.0, "count"
    if lemma and lemma.lower() != w:
        return lemma.lower(), 1.0, "count"
    return singular(w), 1.0, "count"


# Context that makes a number something other than an amount: a time of day, a phone
# number, a score or ratio ("6-4", "80 to 1"), "6 in 10", vague scales ("a few thousand",
# "tens of thousands"), a fraction's base ("a quarter of 1 percent").
_TIME_OF_DAY = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|h\b|gmt\b|utc\b|[ecmp][sd]?t\b)", re.IGNORECASE)
_RATIO_AFTER = re.compile(
    r"\s+(?:out of\s+\d[\d,]*|in\s+(?:10|100|ten|a hundred))\b"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches|races)\b)", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"\b(?:\d|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+$", re.IGNORECASE)
_VAGUE_BEFORE = re.compile(r"\b(?:few|several|many|dozens of|hundreds of|tens of|thousands of|millions of)\s+$",
                           re.IGNORECASE)
_VAGUE_AFTER = re.compile(r"\s+of\s+(?:hundreds|thousands|millions|billions|dozens)\b", re.IGNORECASE)
_FRACTION_BEFORE = re.compile(r"\b(?:half|halves|thirds?|quarters?|fourths?|fifths?|tenths?|percent)\s+of\s+$",
                              re.IGNORECASE)
_HALF_A = re.compile(r"\bhalf\s+(?:an?\s+)?$", re.IGNORECASE)


def _not_an_amount(text: str, m: re.Match) -> bool:
    before, after = text[max(0, m.start() - 24): m.start()], text[m.end(): m.end() + 16]
    if after[:1] == "-" and after[1:2].isdigit():
        return True  # phone numbers and codes: 02-751-1500
    if m.group("dig") and not m.group("cur") and len(m.group("dig")) > 1 and m.group("dig")[0] == "0" \
            and m.group("dig")[1:2] != ".":
        return True  # "007", "02": labels, not quantities
    if not (m.group("pct") or m.group("abbr") or m.group("hyph")) and _TIME_OF_DAY.match(after):
        return True
    ratio_base = (m.group("dig") or m.group("word") or "").lower() in ("10", "100", "ten", "a hundred", "hundred") \
        or before.lower().rstrip().endswith("out of")
    if _RATIO_AFTER.match(after) or (ratio_base and _RATIO_BEFORE.search(before)):
        return True
    return bool(_VAGUE_BEFORE.search(before) or _VAGUE_AFTER.match(after) or _FRACTION_BEFORE.search(before))


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in `text` with its hedge, range and any glued unit."""
    out = [n for m in _PATTERN.finditer(text) if (n := _mention(text, m)) is not None]
    return _drop_ratios(text, out)


def _mention(text: str, m: re.Match) -> NumberMention | None:
    if text[m.end(): m.end() + 4].lower() == "-old":  # ages ("a 10-year-old") are not claims
        return None
    if _not_an_amount(text, m):
        return None
    base = _base_value(text, m)
    if base is None:
        return None
    start, value, low, high, is_word, num_start, num_end = base
    hedge = HEDGES.get(m.group("hedge").lower(), "exact") if m.group("hedge") else "exact"
    if m.group("hi"):
        hi_text = m.group("hi")
        hi = _digits_value(hi_text, None) if hi_text[0].isdigit() else words_to_number(hi_text)
        conn = m.group("conn").strip().lower()
        if hi is not None and hi <= value and conn in ("-", "–", "to"):
            return None  # a score or a ratio: "6-4", "35-30", "80 to 1"
        if hi is not None and value == 0:
            return None  # "0-60 mph", "from zero to 60": a benchmark, not an amount
        if hi is not None and hi > value:
            low, high = value, hi
            num_end = m.end("hi")
    if low is not None:
        value, hedge = (low + high) / 2, "approx"
    unit_word = m.group("hyph") or m.group("pct") or m.group("abbr") or m.group("cur") or m.group("code")
    unit, kind = None, None
    if unit_word:
        hyph = (m.group("hyph") or "").lower()
        if hyph in ("old", "year-old"):
            return None
        if hyph and (hyph in _NOT_COUNT_GLUE or hyph.endswith(("ed", "ing")) or hyph == "square"):
            return None  # "two-thirds", "two-way street", "two-pronged", "one-on-one"
        unit, factor, kind = canonical_unit(unit_word)
        value *= factor
        low = low * factor if low is not None else None
        high = high * factor if high is not None else None
    return NumberMention(
        start=start, end=m.end(), text=text[start:m.end()], value=value, hedge=hedge, low=low, high=high,
        unit=unit, kind=kind, is_word=is_word, num_start=num_start, num_end=num_end,
    )


def _base_value(text: str, m: re.Match):
    """(start, value, low, high, is_word, num_start, num_end) of the number itself, or None."""
    start = m.start()
    if m.group("dig"):
        if m.group("short") and not (m.group("cur") or m.group("code")):
            return None  # "5m" without a currency: metres or millions, unsaid
        scale = m.group("scale") or ({"m": "million", "k": "thousand"}[m.group("short").lower()]
                                     if m.group("short") else None)
        end = m.end("scale") if m.group("scale") else m.end("short") if m.group("short") else m.end("dig")
        return start, _digits_value(m.group("dig"), scale), None, None, False, m.start("dig"), end
    if m.group("one"):
        return start, 1.0, None, None, True, m.start("one"), m.end("one")
    words = m.group("word")
    value = words_to_number(words)
    if value is None:
        low, high = _word_range(words) if m.group("between") else (None, None)
        if low is None:
            return None
        return start, low, low, high, True, m.start("word"), m.end("word")
    half = _HALF_A.search(text[max(0, start - 12): start])
    if half and not m.group("hedge") and value >= 12:  # "half a million"
        value /= 2
        start -= len(half.group(0))
    return start, value, None, None, True, m.start("word"), m.end("word")


def _word_range(words: str) -> tuple[float | None, float | None]:
    """"six and eight" -> (6, 8); "two and three thousand" -> (2000, 3000): the scale is shared."""
    parts = re.split(r"\s+and\s+", words.lower(), maxsplit=1)
    if len(parts) != 2:
        return None, None
    low, high = (words_to_number(w) for w in parts)
    scale = parts[1].rsplit(None, 1)[-1]
    if low is not None and scale in _SCALE and not any(w in _SCALE for w in parts[0].split()):
        low *= _SCALE[scale]
    return (low, high) if low is not None and high is not None and high > low else (None, None)


# "1 in 5 adults", "one in three voters": a ratio (the first smaller than the second,
# which is not a year: "killed 5 in 2023" is a count and a date).
_RATIO_GAP = re.compile(r"\s+(?:in|out of)\s+$", re.IGNORECASE)


def _drop_ratios(text: str, found: list[NumberMention]) -> list[NumberMention]:
    drop: set[int] = set()
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.unit is None and a.low is None and b.low is None and a.value < b.value <= 100 \
                and _RATIO_GAP.fullmatch(" " + text[a.num_end: b.num_start]):
            drop.update((i, i + 1))
    return [n for i, n in enumerate(found) if i not in drop]


def scale_to_unit(value: float, unit_word: str, lemma: str | None = None) -> tuple[float, str | None, str]:
    """Apply a unit found in the parse: (value in canonical unit, canonical unit, kind)."""
    unit, factor, kind = canonical_unit(unit_word, lemma)
    return value * factor, unit, kind


def format_value(value: float) -> str:
    """30.0 -> '30', 2.5 -> '2.5' (for side labels and ids)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
