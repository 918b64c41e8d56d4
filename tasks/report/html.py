"""The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.

Sections in reading order: open discrepancies (the values side by side with their
articles and highlighted sentences), a timeline of dated facts, corroborated facts, quotes
by speaker, and the cited sentences of each article, which every item links back to.
"""
from __future__ import annotations

from html import escape

from tasks.report.data import (
    ArticleView,
    DiscrepancyView,
    Evidence,
    FactView,
    QuoteView,
    ReportData,
    SpeakerView,
    anchor_id,
    first_sentence,
    sentence_anchor,
    timeline_facts,
)
from tasks.report.quote_html import CSS as QUOTE_CSS
from tasks.report.quote_html import quotes_differ_section
from tasks.report.timeline import timeline_svg

CSS = """
:root { --ink:#1c2833; --muted:#5d6d7e; --line:#d5d8dc; --high:#c0392b; --medium:#d68910; --low:#7f8c8d;
        --ok:#1e8449; --mark:#fde68a; }
* { box-sizing: border-box; }
body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
       max-width: 1080px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin-top: 36px; border-bottom: 2px solid var(--line); }
h3 { margin: 0 0 6px; font-size: 17px; } h4 { margin: 0; font-size: 16px; }
a { color: #1f618d; } .muted, .meta { color: var(--muted); font-size: 13px; }
nav a { margin-right: 14px; }
.stats { display: flex; gap: 12px; flex-wrap: wrap; margin: 14px 0; padding: 0; list-style: none; }
.stats li { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
.stats b { font-size: 20px; display: block; }
.discrepancy { border: 1px solid var(--line); border-left: 6px solid var(--low); border-radius: 6px;
               padding: 12px 16px; margin: 14px 0; }
.discrepancy.sev-high { border-left-color: var(--high); } .discrepancy.sev-medium { border-left-color: var(--medium); }
.badge { display: inline-block; font-size: 12px; font-weight: 600; text-transform: uppercase; color: #fff;
         background: var(--low); border-radius: 4px; padding: 1px 6px; margin-right: 6px; vertical-align: 2px; }
.badge.high { background: var(--high); } .badge.medium { background: var(--medium); }
.badge.kind { background: #34495e; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; margin-top: 10px; }
.side { background: #f8f9f9; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.side .value { font-size: 20px; font-family: "DejaVu Sans Mono", Menlo, monospace; }
.member { list-style: none; margin: 8px 0 0; padding: 8px 0 0; border-top: 1px dashed var(--line); }
.side ul { margin: 0; padding: 0; }
blockquote { margin: 4px 0; padding: 2px 10px; border-left: 3px solid var(--line); }
mark { background: var(--mark); padding: 0 2px; border-radius: 2px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; }
th { font-size: 13px; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.speaker { margin: 18px 0; } .speaker ol { padding-left: 22px; }
.quote .kind { font-size: 11px; text-transform: uppercase; color: var(--muted); margin-right: 6px; }
.sources article { margin: 14px 0; } .sources ol { padding-left: 22px; }
.sources li:target, .quote:target, .discrepancy:target, tr:target { background: #fef9e7; }
.backrefs { font-size: 13px; }
svg.timeline { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.empty { color: var(--muted); font-style: italic; }
@media print { nav { display: none; } .discrepancy, .side { break-inside: avoid; } }
"""


CSP = ("<meta http-equiv=\"Content-Security-Policy\" "
       "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")


def render_html(data: ReportData) -> str:
    """The whole page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No network at all: even a stray URL in article text cannot make the page fetch.
        CSP,
        "<title>claimcheck report</title>",
        f"<style>{CSS}{QUOTE_CSS}</style></head><body>",
        _header(data),
        _discrepancies(data.discrepancies),
        quotes_differ_section(data.quote_discrepancies, data.transcript_checks, _article_line),
        _timeline(data),
        _corroborated(data.corroborated),
        _speakers(data.speakers),
        _sources(data),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _header(data: ReportData) -> str:
    run = data.last_run
    run_text = (f" · last run <code>{escape(run['run_id'])}</code> finished {escape(str(run['finished_at'])[:19])}"
                if run else "")
    stats = [
        (len(data.discrepancies), "open discrepancies", "#discrepancies"),
        (len(data.corroborated), "corroborated facts", "#corroborated"),
        (sum(s.quotes for s in data.speakers), "quotes", "#speakers"),
        (len(data.articles), "articles", "#sources"),
        (data.outlets, "outlets", "#sources"),
    ]
    items = "".join(f'<li><a href="{href}"><b>{n}</b></a>{escape(label)}</li>' for n, label, href in stats)
    return (
        "<header><h1>claimcheck report</h1>"
        f'<p class="meta">Generated {escape(data.generated_at.isoformat(sep=" "))}{run_text}</p>'
        f'<ul class="stats">{items}</ul>'
        '<nav><a href="#discrepancies">Discrepancies</a><a href="#quotes-differ">Quotes reported differently</a>'
        '<a href="#timeline">Timeline</a>'
        '<a href="#corroborated">Corroborated facts</a><a href="#speakers">Quotes by speaker</a>'
        '<a href="#sources">Articles</a></nav></header>'
    )


def highlight(sentence: str, start: int, end: int) -> str:
    """The sentence, escaped, with sentence[start:end] in <mark>."""
    if not 0 <= start < end <= len(sentence):
        return escape(sentence)
    return (escape(sentence[:start]) + "<mark>" + escape(sentence[start:end]) + "</mark>"
            + escape(sentence[end:]))


def highlight_surface(sentence: str, surface: str) -> str:
    at = sentence.find(surface) if surface else -1
    return highlight(sentence, at, at + len(surface)) if at >= 0 else escape(sentence)


def _article_line(article_id: str, title: str | None, outlet: str | None, date) -> str:
    bits = [f'<a href="#{anchor_id("a", article_id)}">{escape(title or article_id)}</a>']
    if outlet:
        bits.append(f'<span class="outlet">{escape(outlet)}</span>')
    if date:
        bits.append(f'<time datetime="{date.isoformat()}">{date.isoformat()}</time>')
    bits.append(f'<code class="article-id">{escape(article_id)}</code>')
    return " · ".join(bits)


def _evidence(e: Evidence) -> str:
    return (
        f'<li class="member" data-article-id="{escape(e.article_id)}" data-claim-id="{escape(e.claim_id)}">'
        f'<div class="meta">{_article_line(e.article_id, e.article_title, e.outlet, e.published_date)}</div>'
        f'<blockquote class="sentence">{highlight_surface(e.sentence, e.surface)}'
        f' <a class="to-source" href="#{sentence_anchor(e.article_id, e.sentence)}" title="in the article">¶</a>'
        "</blockquote></li>"
    )


def _discrepancy(d: DiscrepancyView) -> str:
    sides = []
    for side in d.sides:
        n = len({m.article_id for m in side.members})
        sides.append(
            f'<div class="side" data-value="{escape(side.value)}"><h4 class="value">{escape(side.value)}</h4>'
            f'<div class="muted">{n} article{"s" if n != 1 else ""}</div>'
            f'<ul>{"".join(_evidence(m) for m in side.members)}</ul></div>'
        )
    return (
        f'<article class="discrepancy sev-{escape(d.severity)}" id="{anchor_id("d", d.discrepancy_id)}" '
        f'data-fact-key="{escape(d.fact_key)}" data-severity="{escape(d.severity)}">'
        f'<h3><span class="badge {escape(d.severity)}">{escape(d.severity)}</span>'
        f'<span class="badge kind">{escape(d.kind)}</span>{escape(d.fact)}</h3>'
        f'{_explanation(d.explanation)}'
        f'<div class="sides">{"".join(sides)}</div></article>'
    )


def _explanation(text: str) -> str:
    """The first sentence; a long explanation (cross-check lists every member) folds away."""
    head = first_sentence(text)
    if head == text.strip():
        return f'<p class="explanation">{escape(text)}</p>'
    return (f'<p class="explanation">{escape(head)}</p>'
            f'<details class="muted"><summary>full explanation</summary>{escape(text)}</details>')


def _discrepancies(items: list[DiscrepancyView]) -> str:
    body = "".join(_discrepancy(d) for d in items) or '<p class="empty">No open discrepancies.</p>'
    return f'<section id="discrepancies"><h2>Open discrepancies ({len(items)})</h2>{body}</section>'


def _timeline(data: ReportData) -> str:
    # A row links to where the report discusses the fact: its discrepancy or its corroboration.
    targets = {f.fact_key: anchor_id("f", f.fact_key) for f in data.corroborated}
    targets.update({d.fact_key: anchor_id("d", d.discrepancy_id) for d in reversed(data.discrepancies)})
    facts, left_out = timeline_facts(data)
    svg = timeline_svg([(targets.get(f.fact_key, ""), f.label, f.status, f.dates) for f in facts])
    note = f" {left_out} dates stated by one article only are not drawn." if left_out else ""
    body = (svg + f'<p class="muted">Dots are days, bars months or years; red rows are disputed.{note}</p>'
            if svg else '<p class="empty">No dated facts.</p>')
    return f'<section id="timeline"><h2>Timeline of dated facts</h2>{body}</section>'


def _corroborated(items: list[FactView]) -> str:
    if not items:
        return '<section id="corroborated"><h2>Corroborated facts (0)</h2><p class="empty">None yet.</p></section>'
    rows = []
    for f in items:
        sources = "<br>".join(
            f'{_article_line(c.article_id, c.article_title, c.outlet, c.published_date)}: '
            f'<a href="#{sentence_anchor(c.article_id, c.sentence)}">“{escape(c.surface)}”</a>'
            for c in f.claims
        )
        rows.append(
            f'<tr id="{anchor_id("f", f.fact_key)}" data-fact-key="{escape(f.fact_key)}"><td>{escape(f.label)}</td>'
            f'<td>{escape(" = ".join(f.values))}</td><td class="num">{f.n_articles}</td><td>{sources}</td></tr>'
        )
    return (
        f'<section id="corroborated"><h2>Corroborated facts ({len(items)})</h2>'
        '<p class="muted">Several articles state the same value (a month agrees with any day inside it).</p>'
        '<table><thead><tr><th>fact</th><th>value</th><th class="num">articles</th><th>stated in</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></section>'
    )


def _quote(q: QuoteView) -> str:
    start, end = q.quote_in_sentence
    return (
        f'<li class="quote" id="{anchor_id("q", q.quote_id)}" data-article-id="{escape(q.article_id)}">'
        f'<span class="kind">{escape(q.kind)}</span>'
        f'<span class="sentence">{highlight(q.sentence, start, end)}</span>'
        f'<div class="meta">{_article_line(q.article_id, q.article_title, q.outlet, q.published_date)}'
        f' · <a href="#{sentence_anchor(q.article_id, q.sentence)}">sentence in article</a></div></li>'
    )


def _speakers(items: list[SpeakerView]) -> str:
    if not items:
        return '<section id="speakers"><h2>Quotes by speaker</h2><p class="empty">No quotes.</p></section>'
    summary = "".join(
        f'<tr><td><a href="#{anchor_id("sp", s.speaker)}">{escape(s.speaker)}</a></td><td class="num">{s.quotes}</td>'
        f'<td class="num">{s.articles}</td><td class="num">{s.outlets}</td>'
        f'<td>{escape(", ".join(f"{k} {v}" for k, v in s.by_kind.items()))}</td></tr>'
        for s in items
    )
    blocks = []
    for s in items:
        more = s.quotes - len(s.shown)
        tail = f'<p class="muted">… and {more} more (view <code>stg_quotes</code>).</p>' if more > 0 else ""
        blocks.append(
            f'<section class="speaker" id="{anchor_id("sp", s.speaker)}" data-speaker="{escape(s.speaker)}">'
            f'<h3>{escape(s.speaker)} <span class="muted">({s.quotes} quote{"s" if s.quotes != 1 else ""}, '
            f'{s.articles} article{"s" if s.articles != 1 else ""})</span></h3>'
            f'<ol>{"".join(_quote(q) for q in s.shown)}</ol>{tail}</section>'
        )
    return (
        '<section id="speakers"><h2>Quotes by speaker</h2>'
        '<table><thead><tr><th>speaker</th><th class="num">quotes</th><th class="num">articles</th>'
        f'<th class="num">outlets</th><th>kinds</th></tr></thead><tbody>{summary}</tbody></table>'
        f'{"".join(blocks)}</section>'
    )


def _article_header(a: ArticleView) -> str:
    bits = [escape(x) for x in (a.outlet,) if x]
    if a.published_date:
        bits.append(f"{a.published_date.isoformat()} ({escape(a.published_precision)})")
    if a.url:
        # Shown, not linked: the report must not send the reader's browser anywhere by accident.
        bits.append(f'<span class="url">{escape(a.url)}</span>')
    bits.append(f"{a.n_quotes} quotes, {a.n_claims} claims")
    return (f'<h3>{escape(a.title or a.article_id)} <code class="article-id">{escape(a.article_id)}</code></h3>'
            f'<div class="meta">{" · ".join(bits)}</div>')


def _sources(data: ReportData) -> str:
    cited = {s.article.article_id: s for s in data.sources}
    blocks = []
    for a in data.articles:
        src = cited.get(a.article_id)
        sentences = "".join(
            f'<li id="{c.anchor}">{escape(c.text)} <span class="backrefs">'
            + " ".join(f'<a href="#{escape(ref)}" title="{escape(label)}">↩</a>' for ref, label in c.cited_by)
            + "</span></li>"
            for c in (src.sentences if src else [])
        )
        blocks.append(f'<article id="{anchor_id("a", a.article_id)}">{_article_header(a)}'
                      + (f"<ol>{sentences}</ol>" if sentences else "") + "</article>")
    body = "".join(blocks) or '<p class="empty">No articles.</p>'
    return (f'<section id="sources" class="sources"><h2>Articles and cited sentences ({len(data.articles)})</h2>'
            f"{body}</section>")
