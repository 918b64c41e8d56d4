"""The "Quotes reported differently" part of the report: quote discrepancies and transcript checks.

Rows come from `mart_quote_discrepancies` and `mart_transcript_checks`; the changed words
to highlight are recomputed with the rule that found them (`tasks.linking.quote_diff`), so
the page marks exactly the words the explanation names.
"""
from __future__ import annotations

import datetime as dt

from tasks.linking.quote_diff import word_diff
from tasks.report.view import View

MAX_QUOTE_DISCREPANCIES = 200
MAX_TRANSCRIPT_CHECKS = 200


class QuoteReport(View):
    quote_id: str
    article_id: str
    article_title: str | None = None
    outlet: str | None = None
    published_date: dt.date | None = None
    credited_to: str | None = None
    wording: str
    transcript_verdict: str | None = None


class QuoteSide(View):
    value: str  # the variant of the words (wording) or the speaker (attribution)
    text: str  # the words shown
    reference: bool = False
    marks: tuple[tuple[int, int], ...] = ()  # changed words in `text`
    members: list[QuoteReport]

    @property
    def in_transcript(self) -> bool:
        """An official transcript has these words verbatim."""
        return any(m.transcript_verdict == "verbatim" for m in self.members)

    @property
    def articles(self) -> list[QuoteReport]:
        """One report per article (an article may quote the words twice)."""
        return list({m.article_id: m for m in reversed(self.members)}.values())[::-1]


class QuoteDiscrepancyView(View):
    discrepancy_id: str
    statement_id: str
    speaker: str | None = None
    statement: str | None = None
    kind: str
    severity: str
    explanation: str
    sides: list[QuoteSide]


class TranscriptCheckView(View):
    quote_id: str
    speaker: str | None = None
    verdict: str
    severity: str | None = None
    wording: str
    transcript_text: str | None = None
    explanation: str
    article_id: str
    outlet: str | None = None
    published_date: dt.date | None = None
    transcript_id: str
    transcript_title: str | None = None
    wording_marks: tuple[tuple[int, int], ...] = ()
    transcript_marks: tuple[tuple[int, int], ...] = ()


def split_marked(text: str, marks) -> list[tuple[str, bool]]:
    """The text cut into (piece, is a changed word) at the marks, for either renderer."""
    out, at = [], 0
    for start, end in sorted(marks):
        if start < at or end > len(text):
            continue
        out += [(text[at:start], False), (text[start:end], True)]
        at = end
    return out + [(text[at:], False)]


def _report(row: dict) -> QuoteReport:
    return QuoteReport(**{k: row.get(k) for k in QuoteReport.model_fields})


def _sides(kind: str, statement: str | None, by_side: dict[str, list[dict]]) -> list[QuoteSide]:
    if kind != "wording":
        return [QuoteSide(value=v, text=rows[0]["wording"], members=[_report(r) for r in rows])
                for v, rows in sorted(by_side.items())]
    ref = statement if statement in by_side else min(by_side)
    ref_marks: set[tuple[int, int]] = set()
    others = []
    for value in sorted(v for v in by_side if v != ref):
        diff = word_diff(ref, value)
        ref_marks.update(diff.ref_marks)
        others.append(QuoteSide(value=value, text=value, marks=diff.var_marks,
                                members=[_report(r) for r in by_side[value]]))
    first = QuoteSide(value=ref, text=ref, reference=True, marks=tuple(sorted(ref_marks)),
                      members=[_report(r) for r in by_side[ref]])
    return [first, *others]


def group_quote_discrepancies(rows: list[dict]) -> list[QuoteDiscrepancyView]:
    """Member rows of mart_quote_discrepancies to discrepancies with their sides, in the view's order."""
    found: dict[str, dict] = {}
    for row in rows:
        d = found.setdefault(row["discrepancy_id"], {**{k: row.get(k) for k in (
            "discrepancy_id", "statement_id", "speaker", "statement", "kind", "severity", "explanation")},
            "by_side": {}})
        d["by_side"].setdefault(row["side"], []).append(row)
    out = []
    for d in list(found.values())[:MAX_QUOTE_DISCREPANCIES]:
        by_side = d.pop("by_side")
        out.append(QuoteDiscrepancyView(**d, sides=_sides(d["kind"], d["statement"], by_side)))
    return out


def transcript_checks(rows: list[dict]) -> list[TranscriptCheckView]:
    """Altered and not-found quotes (verbatim ones need no reader), the altered words marked."""
    out = []
    for row in rows:
        if row["verdict"] == "verbatim":
            continue
        marks: dict = {}
        if row["verdict"] == "altered" and row.get("transcript_text"):
            diff = word_diff(row["transcript_text"], row["wording"])
            marks = {"wording_marks": diff.var_marks, "transcript_marks": diff.ref_marks}
        out.append(TranscriptCheckView(**{k: row.get(k) for k in TranscriptCheckView.model_fields
                                          if k in row}, **marks))
    return out[:MAX_TRANSCRIPT_CHECKS]
