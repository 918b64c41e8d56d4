"""Claims: the dates and numbers an article states, normalised, with what they are about.

One pass of cheap patterns over the body (tasks.claims.dates, tasks.claims.numbers); the spaCy parse
of the same body supplies sentences, the unit noun a number counts, the tense of the
clause (for anchoring yearless dates) and the event words used to link claims across
articles (`Claim.event`, read by tasks.linking.facts).

What is a claim (the answer key's conventions, checked on real news):
* `date`: a day, month or year the text pins down (relative ones anchored to the article
  date; offsets like "this year" only in dated articles). Fiscal/model years, "Super
  Tuesday", "USA Today", "in the last year" are not dates.
* `duration`: a number of time units, in the unit written (decades and centuries in years).
* `quantity`: a measure with a unit: km, ton, inch, litre...; money as its currency code
  ("usd", "eur"); shares as "percent" or "percentage point".
* `count`: a number of things, the unit being the counted noun from the parse, singular
  ("105 captives" -> captive; hyphenated "two-page memo" -> page).
Not claims: phone numbers and codes, times of day, scores and ratios ("6-4", "80 to 1",
"6 in 10"), fractions ("two-thirds"), vague scales ("a few thousand", "tens of
thousands"), ages, ordinals, the determiner "one" ("one of the reasons", "at one point"),
numbers that label a name ("Air Force One", "Section 230"), cells of table-like lines,
and anything in an article that is not in English.
"""
from __future__ import annotations

import datetime as dt
import re

from models import Article, Claim, Quote
from models.base import stable_id
from models.claim import PUBLICATION_EVENT
from tasks.claims.counted import bare, compound_unit, counted_kind, counted_noun, is_update, part_of_name
from tasks.claims.dates import DateMention, resolve
from tasks.claims.events import date_tense, describe_event, historical_present, is_future
from tasks.claims.measures import PEOPLE_MEASURES, is_people_measure_word, measure_of
from tasks.claims.numbers import FRACTION_WORDS, NumberMention, find_numbers, format_value, scale_to_unit
from tasks.claims.pubdate import article_anchor, body_dates
from tasks.claims.values import with_values
from tasks.nlp import doc_text

_OWN_DATE_WITHIN = 400
_LOWER_WORD = re.compile(r"\b[a-z]{2,}")


def extract_claims(doc, article: Article, quotes: list[Quote]) -> list[Claim]:
    """Every date and number claim in the article, in text order."""
    body = article.body
    if not is_english(doc):
        return []  # the patterns and the parse are English-only: no claims beat wrong ones
    mentions = body_dates(body)
    anchor = article_anchor(body, article.published_date, article.published_precision, mentions)
    claims: list[Claim] = []
    date_spans = [(m.start, m.end) for m in mentions]
    # (sentence start, last day-precision date told in it): what "the following day" follows
    told: list[tuple[int, object]] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent_start = span.sent.start_char
        resolved = _narrative_day(m, span, told)
        if resolved is None:
            tense = date_tense(span)
            if m.mode == "weekday" and tense == "present" and historical_present(span):
                tense = None  # "Sanders wins Oklahoma on Tuesday": the Tuesday before
            resolved = resolve(m, anchor, future=is_future(span), tense=tense)
        if resolved is None:
            continue
        if resolved[1] == "day":
            told.append((sent_start, resolved[0]))
        claim = _date_claim(article, m, resolved, span, quotes)
        if _is_own_date(article, m, resolved):
            # The article's own dateline/date line: a claim, but about the article, not an event.
            claim.event = PUBLICATION_EVENT.model_copy()
        claims.append(claim)
    # (sentence start, written in digits?) -> (unit, kind) of the last count of that form
    previous_unit: dict[tuple[int, bool], tuple[str, str]] = {}
    for n in find_numbers(body):
        if any(n.num_start < e and n.num_end > s for s, e in date_spans):
            continue
        claim = _number_claim(doc, article, n, quotes, previous_unit)
        if claim is not None:
            claims.append(claim)
    return sorted(map(with_values, claims), key=lambda c: (c.start_char, c.claim_id))


# Share of stop words among the alphabetic tokens of an English text (about 0.4-0.5 in
# news); texts in other languages stay well under the threshold.
_ENGLISH_STOP_SHARE = 0.2


def is_english(doc) -> bool:
    words = [t for t in doc[:2000] if t.is_alpha]
    if len(words) < 20:
        return True
    return sum(1 for t in words if t.is_stop) / len(words) >= _ENGLISH_STOP_SHARE


def _table_like(span) -> bool:
    """A line of figures (standings, price lists): numbers there are cells, not claims."""
    doc = span.doc
    text = doc_text(doc)
    left = text.rfind("\n", 0, span.start_char) + 1
    right = text.find("\n", span.end_char)
    line = doc.char_span(left, right if right >= 0 else len(text), alignment_mode="expand")
    if line is None:
        return False
    toks = [t for t in line if not t.is_punct and not t.is_space]
    # figures, not number tokens: "2 million", "Thirty-five" are one figure each
    nums = sum(1 for i, t in enumerate(toks) if t.like_num and not (i and toks[i - 1].like_num))
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in toks)
    return nums >= 3 and (nums / max(len(toks), 1) >= 0.3 or not has_verb)


# Day offsets told relative to the story's own time line, not to the article's date: "On
# March 2 the paper revealed it, and the following day ..." (same or next sentence);
# "the day before" only within its sentence.
_FOLLOWING = {"the following day", "the next day", "the day after"}
_PRECEDING = {"the day before", "the previous day"}


def _narrative_day(m: DateMention, span, told: list):
    text = m.text.lower()
    if m.mode != "offset" or text not in _FOLLOWING | _PRECEDING or not told:
        return None
    sent = span.sent
    last_start, last_day = told[-1]
    same = last_start == sent.start_char
    previous = text in _FOLLOWING and sent.start > 0 and last_start == span.doc[sent.start - 1].sent.start_char
    if not (same or previous):
        return None
    return last_day + dt.timedelta(days=m.delta), "day"


def _is_own_date(article: Article, m: DateMention, resolved) -> bool:
    """A dateline ("LISBON, March 3."): the publication day written out at the head of a line.

    "signed the deal on Monday" in a Monday report dates the signing, not the article: a
    weekday or relative date, or one after the line's first lower-case word, is an event's."""
    if article.published_date is None or resolved != (article.published_date, "day"):
        return False
    if m.start >= _OWN_DATE_WITHIN or m.mode not in ("absolute", "yearless"):
        return False
    head = article.body[article.body.rfind("\n", 0, m.start) + 1: m.start]
    return _LOWER_WORD.search(head) is None


def sentence_text(span) -> str:
    """The parse's sentence, clipped to the line: headlines and datelines have no full stop."""
    sent = span.sent
    text = sent.text
    rel_start, rel_end = span.start_char - sent.start_char, span.end_char - sent.start_char
    left = text.rfind("\n", 0, rel_start) + 1
    right = text.find("\n", rel_end)
    return text[left: right if right >= 0 else len(text)].strip()


def _date_claim(article: Article, m: DateMention, resolved, span, quotes: list[Quote]) -> Claim:
    value, precision = resolved
    return Claim(
        claim_id=stable_id(article.article_id, "date", m.start, m.end, value.isoformat(), precision),
        article_id=article.article_id,
        quote_id=_quote_for(quotes, m.start, m.end),
        kind="date",
        surface=m.text,
        sentence=sentence_text(span),
        date_value=value,
        date_precision=precision,
        event=describe_event(span, is_date=True),
        start_char=m.start,
        end_char=m.end,
    )


def _number_claim(doc, article: Article, n: NumberMention, quotes, previous_unit) -> Claim | None:
    num_span = doc.char_span(n.num_start, n.num_end, alignment_mode="expand")
    if num_span is None or _table_like(num_span):
        return None
    if part_of_name(num_span, n):
        return None
    after = article.body[n.num_end: n.num_end + 4].lower()
    if n.value == 1 and n.is_word and n.hedge == "exact" and (
            after.startswith(" of") or (n.kind or counted_kind(num_span)) == "count"):
        return None  # "one of the reasons", "at one point", "one option": a determiner, not a count
    sent_start = num_span.sent.start_char
    counted = _counted(n, num_span, previous_unit.get((sent_start, True)))
    if counted is None:
        return None
    value, unit, kind, low, high, unit_token, end = counted
    if _looks_like_year(n) and kind == "count":
        return None
    if kind == "count":
        previous_unit[(sent_start, not n.is_word)] = (unit, kind)
    surface = article.body[n.start:end]
    value_key = f"{n.hedge}:{format_value(value)}:{unit}"
    span = doc.char_span(n.start, end, alignment_mode="expand") or num_span
    return Claim(
        claim_id=stable_id(article.article_id, kind, n.start, end, value_key),
        article_id=article.article_id,
        quote_id=_quote_for(quotes, n.start, end),
        kind=kind,
        surface=surface,
        sentence=sentence_text(num_span),
        value_num=value,
        value_low=low if low is not None else (value if n.hedge == "at_least" else None),
        value_high=high if high is not None else (value if n.hedge == "at_most" else None),
        unit=unit,
        hedge=n.hedge,
        event=describe_event(span, unit_token),
        measure=measure_of(num_span, unit_token, unit, kind),
        is_update=is_update(article.body, n.start),
        start_char=n.start,
        end_char=end,
    )


def _counted(n: NumberMention, num_span, previous: tuple[str, str] | None):
    """(value, unit, kind, low, high, unit token, end) of a number, or None: nothing counted."""
    value, unit, kind, low, high = n.value, n.unit, n.kind, n.low, n.high
    unit_token, end = None, n.end
    if unit is not None:
        # "$15 an hour", "£3bn a year": a rate, as for a unit read from the parse
        return value, compound_unit(unit, num_span[-1]) if kind == "quantity" else unit, kind, low, high, None, end
    unit_token = counted_noun(num_span)
    if unit_token is not None and is_people_measure_word(unit_token):
        unit_token = None  # "left 14 hurt": what they are, not what is counted
    if unit_token is not None and unit_token.lower_ in FRACTION_WORDS and _next_word(unit_token) == "of":
        return None  # "three quarters of the staff": a fraction, not a count of quarters
    if unit_token is not None:
        value, unit, kind = scale_to_unit(n.value, unit_token.text, unit_token.lemma_)
        unit = compound_unit(unit, unit_token)
        factor = value / n.value if n.value else 1.0
        low = low * factor if low is not None else None
        high = high * factor if high is not None else None
        return value, unit, kind, low, high, unit_token, max(end, unit_token.idx + len(unit_token.text))
    if not n.is_word and previous is not None and bare(num_span):
        # Ellipsis: "105 captives returned to A and 17 to B" -- 17 counts captives too.
        # Parallel figures are written alike, so only a digit count lends its unit.
        return value, previous[0], previous[1], low, high, None, end
    if measure_of(num_span, None, None, "count") in PEOPLE_MEASURES:
        # "38 wounded", "forty are in hospital": a figure that states a measure of people
        return value, "people", "count", low, high, None, end
    return None


def _next_word(tok) -> str:
    return tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""


def _looks_like_year(n: NumberMention) -> bool:
    raw = n.text.strip()
    return n.hedge == "exact" and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _quote_for(quotes: list[Quote], start: int, end: int) -> str | None:
    inside = [q for q in quotes if q.start_char <= start and end <= q.end_char]
    return min(inside, key=lambda q: q.end_char - q.start_char).quote_id if inside else None
