"""What the report shows: the warehouse views' rows grouped into small typed records.

Every question the report answers is a view in `warehouse/views/` (open discrepancies,
facts with their claims, quotes, articles), read by `warehouse.report_rows`; this module
only groups those rows, so `claimcheck query` and the report can never disagree. The renderers
(`tasks.report.html`, `tasks.report.md`) take a `ReportData` and return text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict

from pydantic import Field

from tasks.report.quote_sections import (
    QuoteDiscrepancyView,
    TranscriptCheckView,
    group_quote_discrepancies,
    transcript_checks,
)
from tasks.report.view import View

# The report stays readable on a large warehouse; the views hold everything.
MAX_QUOTES_PER_SPEAKER = 25
MAX_DISCREPANCIES = 200
MAX_FACTS = 200

# A sentence ends at . ! ? (not after a title such as "Dr.") followed by a capital, or at a line break.
_TITLES = ("Mr", "Ms", "Dr", "St", "Mrs", "Gen", "Col", "Sen", "Rep", "Gov", "Lt", "Prof", "No")
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{t})" for t in _TITLES) + r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n"
)


class Evidence(View):
    """One claim as printed: an article's sentence with the claim's words to highlight."""

    claim_id: str
    article_id: str
    article_title: str | None = None
    outlet: str | None = None
    published_date: dt.date | None = None
    value: str
    surface: str
    sentence: str
    start_char: int


class Side(View):
    value: str
    members: list[Evidence]


class DiscrepancyView(View):
    discrepancy_id: str
    fact_key: str
    fact: str
    kind: str
    severity: str
    explanation: str
    first_seen_run: str | None = None
    sides: list[Side]


class FactView(View):
    fact_key: str
    label: str
    kind: str
    status: str
    n_articles: int
    values: list[str]
    claims: list[Evidence]
    dates: list[tuple[dt.date, str]] = Field(default_factory=list)  # (date, precision) of date claims


class QuoteView(View):
    quote_id: str
    article_id: str
    article_title: str | None = None
    outlet: str | None = None
    published_date: dt.date | None = None
    kind: str
    text: str
    speaker_text: str | None = None
    sentence: str
    quote_in_sentence: tuple[int, int]  # the quoted span's offsets within `sentence`
    sentence_start: int


class SpeakerView(View):
    speaker: str
    quotes: int
    articles: int
    outlets: int
    by_kind: dict[str, int]
    shown: list[QuoteView]


class ArticleView(View):
    article_id: str
    title: str | None = None
    outlet: str | None = None
    published_date: dt.date | None = None
    published_precision: str = "unknown"
    url: str | None = None
    n_quotes: int = 0
    n_claims: int = 0


class CitedSentence(View):
    """A sentence the report quotes, with links back to where it is cited."""

    anchor: str
    position: int
    text: str
    cited_by: list[tuple[str, str]]  # (anchor of the citing item, its label)


class ArticleSources(View):
    article: ArticleView
    sentences: list[CitedSentence]


class ReportData(View):
    generated_at: dt.datetime
    last_run: dict | None = None
    articles: list[ArticleView]
    discrepancies: list[DiscrepancyView]
    corroborated: list[FactView]
    dated_facts: list[FactView]
    speakers: list[SpeakerView]
    sources: list[ArticleSources] = Field(default_factory=list)
    # "Quotes reported differently" (tasks.report.quote_sections)
    quote_discrepancies: list[QuoteDiscrepancyView] = Field(default_factory=list)
    transcript_checks: list[TranscriptCheckView] = Field(default_factory=list)

    @property
    def outlets(self) -> int:
        return len({a.outlet for a in self.articles if a.outlet})


def assemble_report(rows: dict[str, list[dict]], now: dt.datetime | None = None) -> ReportData:
    """Everything the report shows, from the view rows `warehouse.report_rows` reads."""
    articles = [ArticleView(**r) for r in rows["articles"]]
    bodies = {r["article_id"]: r["body"] for r in rows["bodies"]}
    facts = group_facts(rows["facts"])
    data = ReportData(
        generated_at=now or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
        last_run=next(iter(rows["last_run"]), None),
        articles=articles,
        discrepancies=group_discrepancies(rows["discrepancies"])[:MAX_DISCREPANCIES],
        corroborated=[f for f in facts if f.status == "corroborated"][:MAX_FACTS],
        dated_facts=sorted((f for f in facts if f.dates), key=lambda f: (min(f.dates), f.label))[:MAX_FACTS],
        speakers=group_speakers(rows["speaker_counts"], rows["quotes"], bodies),
        quote_discrepancies=group_quote_discrepancies(rows.get("quote_discrepancies", [])),
        transcript_checks=transcript_checks(rows.get("transcript_checks", [])),
    )
    return data.model_copy(update={"sources": collect_sources(data)})


def timeline_facts(data: ReportData) -> tuple[list[FactView], int]:
    """The dated facts worth a timeline row: those several articles state (agreeing or not).
    Single-source dates would stretch the axis over decades for one mention each; they are
    drawn only when there is nothing else. Returns (facts, how many were left out)."""
    shared = [f for f in data.dated_facts if f.status != "single"]
    if not shared:
        return data.dated_facts, 0
    return shared, len(data.dated_facts) - len(shared)


def anchor_id(prefix: str, *parts: object) -> str:
    """A stable HTML id: readable prefix, short hash of the parts (ids may hold any character)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{digest}"


def sentence_anchor(article_id: str, sentence: str) -> str:
    return anchor_id("s", article_id, " ".join(sentence.split()))


def collect_sources(data: ReportData) -> list[ArticleSources]:
    """Every sentence the report cites, grouped by article in reading order, with back-links."""
    cited: dict[str, dict[str, dict]] = defaultdict(dict)

    def cite(article_id: str, sentence: str, position: int, by: tuple[str, str]) -> None:
        anchor = sentence_anchor(article_id, sentence)
        entry = cited[article_id].setdefault(anchor, {"anchor": anchor, "position": position, "text": sentence,
                                                      "cited_by": []})
        if by not in entry["cited_by"]:
            entry["cited_by"].append(by)

    for d in data.discrepancies:
        for side in d.sides:
            for e in side.members:
                cite(e.article_id, e.sentence, e.start_char, (anchor_id("d", d.discrepancy_id), f"{d.fact}: {side.value}"))
    for f in data.corroborated:
        for e in f.claims:
            cite(e.article_id, e.sentence, e.start_char, (anchor_id("f", f.fact_key), f.label))
    for sp in data.speakers:
        for q in sp.shown:
            cite(q.article_id, q.sentence, q.sentence_start, (anchor_id("q", q.quote_id), f"quote by {sp.speaker}"))
    by_id = {a.article_id: a for a in data.articles}
    return [
        ArticleSources(article=article, sentences=sorted(
            (CitedSentence(**c) for c in cited[article.article_id].values()), key=lambda c: c.position))
        for article_id, article in by_id.items() if cited.get(article_id)
    ]


def _evidence(row: dict) -> Evidence:
    return Evidence(
        claim_id=row["claim_id"], article_id=row["article_id"], article_title=row.get("article_title"),
        outlet=row.get("outlet"), published_date=row.get("published_date"), value=row.get("value_text") or "",
        surface=row["surface"], sentence=row["sentence"], start_char=row["start_char"],
    )


def group_discrepancies(rows: list[dict]) -> list[DiscrepancyView]:
    """Member rows (one per claim) to discrepancies with their sides, in the view's order."""
    found: dict[str, dict] = {}
    for row in rows:
        d = found.setdefault(row["discrepancy_id"], {
            "discrepancy_id": row["discrepancy_id"], "fact_key": row["fact_key"],
            "fact": row.get("fact") or row["fact_key"], "kind": row["kind"], "severity": row["severity"],
            "explanation": row["explanation"], "first_seen_run": row.get("first_seen_run"), "sides": {},
        })
        d["sides"].setdefault(row["side"], []).append(_evidence(row))
    return [
        DiscrepancyView(**{**d, "sides": [Side(value=v, members=m) for v, m in sorted(d["sides"].items())]})
        for d in found.values()
    ]


def group_facts(rows: list[dict]) -> list[FactView]:
    found: dict[str, dict] = {}
    for row in rows:
        f = found.setdefault(row["fact_key"], {
            "fact_key": row["fact_key"], "label": row["label"], "kind": row["fact_kind"], "status": row["status"],
            "n_articles": row["n_articles"], "values": [], "claims": [], "dates": [],
        })
        f["claims"].append(_evidence(row))
        if row.get("value_text") and row["value_text"] not in f["values"]:
            f["values"].append(row["value_text"])
        if row.get("date_value") and (row["date_value"], row["date_precision"]) not in f["dates"]:
            f["dates"].append((row["date_value"], row["date_precision"]))
    return [FactView(**f) for f in found.values()]


def group_speakers(counts: list[dict], quotes: list[dict], bodies: dict[str, str],
                   limit: int = MAX_QUOTES_PER_SPEAKER) -> list[SpeakerView]:
    # by speaker id: one person's quotes under every name variant its articles print
    by_speaker: dict[str | None, list[QuoteView]] = defaultdict(list)
    for q in quotes:
        name = q.get("speaker_id")
        if len(by_speaker[name]) >= limit:
            continue
        body = bodies.get(q["article_id"], "")
        start, end = sentence_bounds(body, q["start_char"], q["end_char"])
        by_speaker[name].append(QuoteView(
            quote_id=q["quote_id"], article_id=q["article_id"], article_title=q.get("article_title"),
            outlet=q.get("outlet"), published_date=q.get("published_date"), kind=q["kind"], text=q["text"],
            speaker_text=q.get("speaker_text"), sentence=body[start:end] or q["text"],
            quote_in_sentence=(max(q["start_char"], start) - start, min(q["end_char"], end) - start) if body
            else (0, len(q["text"])),
            sentence_start=start,
        ))
    return [
        SpeakerView(
            speaker=c["speaker"], quotes=c["quotes"], articles=c["articles"], outlets=c["outlets"],
            by_kind={k: c[k] for k in ("direct", "partial", "indirect", "headline") if c.get(k)},
            shown=by_speaker.get(c.get("speaker_id"), []),
        )
        for c in counts
    ]


def first_sentence(text: str, at_most: int = 240) -> str:
    text = " ".join(text.split())
    m = _SENTENCE_END.search(text)
    head = text[: m.end()].strip() if m else text
    return head if len(head) <= at_most else head[: at_most - 1].rstrip() + "…"


def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around body[start:end]: from the end of the previous
    sentence to the end of the last one the span touches. A reader-facing cut, not NLP."""
    if not body:
        return 0, 0
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    left, right = 0, len(body)
    for m in _SENTENCE_END.finditer(body):
        if m.end() <= start:
            left = m.end()
        elif m.end() >= end:
            right = m.end()
            break
    return left, len(body[:right].rstrip())
