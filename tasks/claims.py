"""Claims: the dates and numbers an article states, normalised, with what they are about.

One pass of cheap patterns over the body (tasks.dates, tasks.numbers); the spaCy parse
of the same body supplies sentences, the unit noun a number counts, the tense of the
clause (for anchoring yearless dates) and the event words used to link claims across
articles (`Claim.event`, read by tasks.facts).
"""
from __future__ import annotations

from models import Article, Claim, Quote
from models.base import stable_id
from tasks.dates import DateMention, find_dates, resolve
from tasks.events import describe_event, is_future
from tasks.numbers import NumberMention, find_numbers, format_value, scale_to_unit
from tasks.pubdate import article_anchor

# Dependency labels by which a noun is what a number counts ("105 captives", "three maps").
_COUNTED_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "appos"}
# Nouns a bare number never counts (they are part of names, dates or times).
# `Claim.event` of the article's own date (never linked to a fact).
PUBLICATION_EVENT = "publication |  | "
_OWN_DATE_WITHIN = 400
_NOT_UNITS = {"%", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "th", "st", "nd", "rd"}


def extract_claims(doc, article: Article, quotes: list[Quote]) -> list[Claim]:
    """Every date and number claim in the article, in text order."""
    body = article.body
    anchor = article_anchor(body, article.published_date, article.published_precision)
    claims: list[Claim] = []
    mentions = find_dates(body)
    date_spans = [(m.start, m.end) for m in mentions]
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        resolved = resolve(m, anchor, future=is_future(span))
        if resolved is None:
            continue
        claim = _date_claim(article, m, resolved, span, quotes)
        if _is_own_date(article, m, resolved):
            # The article's own dateline/date line: a claim, but about the article, not an event.
            claim.event = PUBLICATION_EVENT
        claims.append(claim)
    # (sentence start, written in digits?) -> (unit, kind) of the last count of that form
    previous_unit: dict[tuple[int, bool], tuple[str, str]] = {}
    for n in find_numbers(body):
        if any(n.num_start < e and n.num_end > s for s, e in date_spans):
            continue
        claim = _number_claim(doc, article, n, quotes, previous_unit)
        if claim is not None:
            claims.append(claim)
    return sorted(claims, key=lambda c: (c.start_char, c.claim_id))


def _is_own_date(article: Article, m: DateMention, resolved) -> bool:
    return (
        article.published_date is not None
        and resolved == (article.published_date, "day")
        and m.start < _OWN_DATE_WITHIN
        and "\n" not in article.body[max(0, article.body.rfind("\n", 0, m.start)): m.start].strip()
    )


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
        event=describe_event(span),
        start_char=m.start,
        end_char=m.end,
    )


def _number_claim(doc, article: Article, n: NumberMention, quotes, previous_unit) -> Claim | None:
    num_span = doc.char_span(n.num_start, n.num_end, alignment_mode="expand")
    if num_span is None:
        return None
    sent_start = num_span.sent.start_char
    value, unit, kind = n.value, n.unit, n.kind
    low, high = n.low, n.high
    unit_token = None
    end = n.end
    if unit is None:
        unit_token = _counted_noun(num_span)
        if unit_token is not None:
            value, unit, kind = scale_to_unit(n.value, unit_token.text, unit_token.lemma_)
            factor = value / n.value if n.value else 1.0
            low = low * factor if low is not None else None
            high = high * factor if high is not None else None
            end = max(end, unit_token.idx + len(unit_token.text))
        elif not n.is_word and (sent_start, True) in previous_unit:
            # Ellipsis: "105 captives returned to A and 17 to B" -- 17 counts captives too.
            # Parallel figures are written alike, so only a digit count lends its unit.
            unit, kind = previous_unit[(sent_start, True)]
        else:
            return None
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
        start_char=n.start,
        end_char=end,
    )


def _counted_noun(num_span):
    """The noun a number counts: its syntactic head, or the noun right after it."""
    last = num_span[-1]
    head = last.head
    if last.dep_ in _COUNTED_DEPS and head.i > last.i and head.pos_ in ("NOUN", "PROPN") and _unit_ok(head):
        # "three minefields maps": the counted thing is the head of the compound
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
        return head
    doc = num_span.doc
    i = num_span.end
    # "two of the soldiers": the noun after "of"
    if i < len(doc) and doc[i].lower_ == "of":
        for tok in doc[i + 1: i + 4]:
            if tok.pos_ == "NOUN" and _unit_ok(tok):
                return tok
        return None
    for tok in doc[i: i + 3]:
        if tok.pos_ == "NOUN" and _unit_ok(tok):
            return tok
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") and tok.text != "-":
            break
    return None


def _unit_ok(tok) -> bool:
    return tok.lower_ not in _NOT_UNITS and tok.ent_type_ not in ("DATE", "TIME") or tok.lemma_.lower() in (
        "day", "week", "month", "year", "decade", "century", "hour", "minute")


def _looks_like_year(n: NumberMention) -> bool:
    raw = n.text.strip()
    return n.hedge == "exact" and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _quote_for(quotes: list[Quote], start: int, end: int) -> str | None:
    inside = [q for q in quotes if q.start_char <= start and end <= q.end_char]
    return min(inside, key=lambda q: q.end_char - q.start_char).quote_id if inside else None
