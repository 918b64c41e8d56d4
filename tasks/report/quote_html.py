"""HTML of the "Quotes reported differently" section: each variant side by side, the
changed words marked (`<mark class="diff">`), with the articles reporting each."""
from __future__ import annotations

from html import escape

from tasks.report.quote_sections import (
    QuoteDiscrepancyView,
    QuoteReport,
    QuoteSide,
    TranscriptCheckView,
    split_marked,
)

CSS = """
.quote-discrepancy { border: 1px solid var(--line); border-left: 6px solid var(--low); border-radius: 6px;
                     padding: 12px 16px; margin: 14px 0; }
.quote-discrepancy.sev-high { border-left-color: var(--high); }
.quote-discrepancy.sev-medium { border-left-color: var(--medium); }
.variant .words { font-size: 16px; } .variant.reference { background: #eef6ee; }
mark.diff { background: #f5b7b1; text-decoration: underline; }
.transcript-check { margin: 10px 0; }
"""


def marked(text: str, marks) -> str:
    """The text, escaped, with each (start, end) span in <mark class="diff">."""
    return "".join(f'<mark class="diff">{escape(piece)}</mark>' if changed else escape(piece)
                   for piece, changed in split_marked(text, marks))


def _report(r: QuoteReport, article_line) -> str:
    credited = f' · credited to <b>{escape(r.credited_to)}</b>' if r.credited_to else ""
    return (f'<li class="report" data-article-id="{escape(r.article_id)}" data-quote-id="{escape(r.quote_id)}">'
            f'<div class="meta">{article_line(r.article_id, r.article_title, r.outlet, r.published_date)}{credited}'
            f'</div></li>')


def _side(side: QuoteSide, article_line) -> str:
    n = len(side.articles)
    label = f'{n} article{"s" if n != 1 else ""}' + (" · as in the official transcript" if side.in_transcript
                                                       else " · the reference" if side.reference else "")
    return (f'<div class="side variant{" reference" if side.reference else ""}" data-side="{escape(side.value)}">'
            f'<h4 class="value">{escape(side.value) if side.value != side.text else ""}</h4>'
            f'<blockquote class="words">{marked(side.text, side.marks)}</blockquote>'
            f'<div class="muted">{escape(label)}</div>'
            f'<ul>{"".join(_report(m, article_line) for m in side.articles)}</ul></div>')


def _discrepancy(d: QuoteDiscrepancyView, article_line) -> str:
    who = f" — {escape(d.speaker)}" if d.speaker else ""
    return (f'<article class="quote-discrepancy sev-{escape(d.severity)}" data-kind="{escape(d.kind)}" '
            f'data-severity="{escape(d.severity)}" data-statement-id="{escape(d.statement_id)}">'
            f'<h3><span class="badge {escape(d.severity)}">{escape(d.severity)}</span>'
            f'<span class="badge kind">{escape(d.kind)}</span>Statement{who}</h3>'
            f'<p class="explanation">{escape(d.explanation)}</p>'
            f'<div class="sides">{"".join(_side(s, article_line) for s in d.sides)}</div></article>')


def _check(c: TranscriptCheckView, article_line) -> str:
    said = (f'<div>transcript: <blockquote class="transcript">{marked(c.transcript_text, c.transcript_marks)}'
            f'</blockquote></div>' if c.transcript_text else "")
    return (f'<li class="transcript-check" data-verdict="{escape(c.verdict)}" data-quote-id="{escape(c.quote_id)}">'
            f'<span class="badge {escape(c.severity or "low")}">{escape(c.verdict.replace("_", " "))}</span>'
            f'{escape(c.speaker or "")} in {article_line(c.article_id, None, c.outlet, c.published_date)}'
            f'<blockquote class="words">{marked(c.wording, c.wording_marks)}</blockquote>{said}'
            f'<div class="muted">{escape(c.explanation)}</div></li>')


def quotes_differ_section(items: list[QuoteDiscrepancyView], checks: list[TranscriptCheckView], article_line) -> str:
    body = "".join(_discrepancy(d, article_line) for d in items) or \
        '<p class="empty">Every statement several articles report is quoted alike.</p>'
    if checks:
        body += ('<h3>Checked against official transcripts</h3><ul class="transcript-checks">'
                 + "".join(_check(c, article_line) for c in checks) + "</ul>")
    return (f'<section id="quotes-differ"><h2>Quotes reported differently ({len(items)})</h2>'
            '<p class="muted">Reports of one statement that quote different words, or credit them to different '
            'speakers; changed words are marked.</p>'
            f"{body}</section>")
