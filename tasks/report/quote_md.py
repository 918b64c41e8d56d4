"""Markdown of the "Quotes reported differently" section (changed words in **bold**)."""
from __future__ import annotations

from tasks.report.quote_sections import QuoteDiscrepancyView, TranscriptCheckView, split_marked


def _bold(text: str, marks) -> str:
    return "".join(f"**{piece}**" if changed else piece for piece, changed in split_marked(text, marks))


def quotes_differ_lines(items: list[QuoteDiscrepancyView], checks: list[TranscriptCheckView], cell) -> list[str]:
    lines = [f"## Quotes reported differently ({len(items)})", ""]
    if not items:
        lines += ["Every statement several articles report is quoted alike.", ""]
    for i, d in enumerate(items, 1):
        lines += [f"### {i}. {d.kind} — {d.severity}" + (f" ({cell(d.speaker)})" if d.speaker else ""), "",
                  cell(d.explanation), ""]
        for side in d.sides:
            who = "; ".join(dict.fromkeys(
                f"`{m.article_id}`" + (f" ({cell(m.outlet)})" if m.outlet else "")
                + (f" credited to {cell(m.credited_to)}" if m.credited_to and d.kind == "attribution" else "")
                for m in side.members))
            lines.append(f"- “{cell(_bold(side.text, side.marks))}” — {who}")
        lines.append("")
    if checks:
        lines += ["### Checked against official transcripts", ""]
        for c in checks:
            said = f" · transcript: “{cell(_bold(c.transcript_text, c.transcript_marks))}”" if c.transcript_text else ""
            lines.append(f"- **{c.verdict.replace('_', ' ')}**: “{cell(_bold(c.wording, c.wording_marks))}” "
                         f"(`{c.article_id}`){said}")
        lines.append("")
    return lines
