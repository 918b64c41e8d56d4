"""The report as Markdown: the same sections as the HTML page, for terminals, README-style
viewers and the Prefect Markdown artifact (which does not render raw HTML, so links
point at the article's id and the highlight is **bold**)."""
from __future__ import annotations

from tasks.report.data import Evidence, ReportData, first_sentence, timeline_facts
from tasks.report.quote_md import quotes_differ_lines


def render_markdown(data: ReportData) -> str:
    lines: list[str] = []
    for section in SECTIONS:
        lines += section(data)
    return "\n".join(lines).rstrip() + "\n"


def _summary(data: ReportData) -> list[str]:
    run = data.last_run
    return [
        "# claimcheck report", "",
        f"Generated {data.generated_at.isoformat(sep=' ')}"
        + (f" · last run `{run['run_id']}` finished {str(run['finished_at'])[:19]}" if run else ""), "",
        (f"**{len(data.discrepancies)}** open discrepancies · **{len(data.corroborated)}** corroborated facts · "
         f"**{sum(s.quotes for s in data.speakers)}** quotes · **{len(data.articles)}** articles from "
         f"**{data.outlets}** outlets"),
    ]


def _discrepancies(data: ReportData) -> list[str]:
    lines = ["", f"## Open discrepancies ({len(data.discrepancies)})", ""]
    if not data.discrepancies:
        lines += ["No open discrepancies.", ""]
    for i, d in enumerate(data.discrepancies, 1):
        lines += [f"### {i}. {d.fact} — {d.severity} ({d.kind})", "", _cell(first_sentence(d.explanation)), ""]
        lines.append("| " + " | ".join(f"**{_cell(s.value)}**" for s in d.sides) + " |")
        lines.append("|" + " --- |" * len(d.sides))
        depth = max(len(s.members) for s in d.sides)
        for row in range(depth):
            cells = [_evidence_cell(s.members[row]) if row < len(s.members) else "" for s in d.sides]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def _timeline(data: ReportData) -> list[str]:
    lines = ["## Timeline of dated facts", ""]
    facts, left_out = timeline_facts(data)
    if not facts:
        lines += ["No dated facts.", ""]
    for f in facts:
        values = ", ".join(_date_text(d, p) for d, p in sorted(f.dates))
        status = "⚠ disputed" if f.status == "disputed" else f.status
        lines.append(f"- {values}: {_cell(f.label)} ({status})")
    if left_out:
        lines += ["", f"{left_out} dates stated by one article only are not listed."]
    return lines


def _corroborated(data: ReportData) -> list[str]:
    lines = ["", f"## Corroborated facts ({len(data.corroborated)})", ""]
    if not data.corroborated:
        return lines + ["None yet."]
    lines += ["| fact | value | articles | stated in |", "| --- | --- | ---: | --- |"]
    for f in data.corroborated:
        where = "; ".join(f"`{c.article_id}`" + (f" ({_cell(c.outlet)})" if c.outlet else "")
                          + f": “{_cell(c.surface)}”" for c in f.claims)
        lines.append(f"| {_cell(f.label)} | {_cell(' = '.join(f.values))} | {f.n_articles} | {where} |")
    return lines


def _speakers(data: ReportData) -> list[str]:
    lines = ["", "## Quotes by speaker", ""]
    if not data.speakers:
        return lines + ["No quotes."]
    lines += ["| speaker | quotes | articles | outlets | kinds |", "| --- | ---: | ---: | ---: | --- |"]
    for s in data.speakers:
        kinds = ", ".join(f"{k} {v}" for k, v in s.by_kind.items())
        lines.append(f"| {_cell(s.speaker)} | {s.quotes} | {s.articles} | {s.outlets} | {kinds} |")
    for s in data.speakers:
        lines += ["", f"### {s.speaker} ({s.quotes})", ""]
        for q in s.shown:
            a, b = q.quote_in_sentence
            sentence = _cell(q.sentence[:a] + "**" + q.sentence[a:b].strip() + "**" + q.sentence[b:])
            lines.append(f"- *{q.kind}*: {sentence} — `{q.article_id}`"
                         + (f", {_cell(q.outlet)}" if q.outlet else "")
                         + (f", {q.published_date.isoformat()}" if q.published_date else ""))
        if s.quotes > len(s.shown):
            lines.append(f"- … and {s.quotes - len(s.shown)} more (view `stg_quotes`)")
    return lines


def _articles(data: ReportData) -> list[str]:
    lines = ["", f"## Articles ({len(data.articles)})", "", "| article | title | outlet | published | quotes | claims |",
             "| --- | --- | --- | --- | ---: | ---: |"]
    for a in data.articles:
        date = f"{a.published_date.isoformat()} ({a.published_precision})" if a.published_date else ""
        lines.append(f"| `{a.article_id}` | {_cell(a.title or '')} | {_cell(a.outlet or '')} | {date} | "
                     f"{a.n_quotes} | {a.n_claims} |")
    return lines


# The page's sections in reading order; each returns its Markdown lines.
def _quotes_differ(data: ReportData) -> list[str]:
    return quotes_differ_lines(data.quote_discrepancies, data.transcript_checks, _cell)


SECTIONS = (_summary, _discrepancies, _quotes_differ, _timeline, _corroborated, _speakers, _articles)


def _evidence_cell(e: Evidence) -> str:
    at = e.sentence.find(e.surface) if e.surface else -1
    sentence = _cell(e.sentence[:at] + "**" + e.surface + "**" + e.sentence[at + len(e.surface):]
                     if at >= 0 else e.sentence)
    meta = ", ".join(x for x in (_cell(e.outlet or ""), e.published_date.isoformat() if e.published_date else "") if x)
    return f"`{e.article_id}` ({meta}): {sentence}"


def _date_text(date, precision: str) -> str:
    return date.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))


def _cell(text: object) -> str:
    """One line, no table-breaking pipes or raw HTML: article text must not reshape the Markdown."""
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "\\<")
