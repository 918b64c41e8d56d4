"""Report builders on a made-up warehouse: grouping, sentences, HTML page, Markdown, timeline."""
import datetime as dt
import re

import duckdb
import pytest

from tasks.report.build import build_report
from tasks.report.data import anchor_id, assemble_report, first_sentence, sentence_anchor, sentence_bounds
from warehouse.report_rows import read_report_rows


def load_report(con, now):
    return assemble_report(read_report_rows(con), now)
from tasks.report.html import highlight, render_html
from tasks.report.md import render_markdown
from tasks.report.timeline import span_of, timeline_svg
from warehouse.schema import migrate

NOW = dt.datetime(2023, 6, 1, 12, 0)


def test_load_report_groups_sides_facts_and_speakers(demo_con):
    data = load_report(demo_con, NOW)
    [d] = data.discrepancies
    assert (d.fact, d.severity, d.kind) == ("bridge reopening date", "high", "date")
    assert [(s.value, [m.article_id for m in s.members]) for s in d.sides] == [
        ("2023-05-12", ["harbour-2", "wire:3"]), ("2023-05-13", ["coast-1"])]
    assert d.sides[1].members[0].outlet == "Coastal Ledger"
    assert [f.label for f in data.corroborated] == ["bridge closure date", "length of the repairs"]
    closure = data.corroborated[0]
    assert closure.values == ["2023-02-03", "2023-02"]
    assert [f.label for f in data.dated_facts] == ["bridge closure date", "bridge reopening date"]
    assert [(s.speaker, s.quotes, s.articles, s.by_kind) for s in data.speakers] == [
        ("Edda Marlowe", 2, 2, {"direct": 1, "indirect": 1}), ("Ivo Pernell", 1, 1, {"direct": 1})]
    quote = data.speakers[0].shown[0]
    assert quote.sentence == '"The deck is safe and the work came in under budget," said Edda Marlowe, the chief engineer.'
    a, b = quote.quote_in_sentence
    assert quote.sentence[a:b] == "The deck is safe and the work came in under budget"
    assert data.outlets == 3 and data.last_run["run_id"] == "r2"


def test_sources_cite_each_sentence_once_with_back_links(demo_con):
    data = load_report(demo_con, NOW)
    wire = next(s for s in data.sources if s.article.article_id == "wire:3")
    [sentence] = wire.sentences
    assert sentence.text.startswith('"We reopened the bridge on May 12')
    # Cited by the discrepancy and by Ivo Pernell's quote: one entry, two back-links.
    assert [ref for ref, _label in sentence.cited_by] == [anchor_id("d", "d1"), anchor_id("q", "q3")]


def test_html_page_has_both_sides_highlighted_and_every_link_resolves(demo_con):
    page = render_html(load_report(demo_con, NOW))
    assert page.startswith("<!DOCTYPE html>")
    assert page.index('id="discrepancies"') < page.index('id="corroborated"') < page.index('id="speakers"')
    assert 'data-value="2023-05-12"' in page and 'data-value="2023-05-13"' in page
    assert "reopened on <mark>May 13</mark> after repairs" in page
    # Article text is escaped, never markup.
    assert "May 12 &lt;as planned&gt; &amp; on budget" in page and "<as planned>" not in page
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    hrefs = set(re.findall(r'href="#([^"]+)"', page))
    assert hrefs and hrefs <= ids, hrefs - ids
    assert sentence_anchor("coast-1", "The Fenwick bridge reopened on May 13 after repairs that lasted 14 weeks.") in ids
    # Self-contained: no external resources, no script.
    assert not re.search(r'(src|href)="(https?:)?//', page) and "<script" not in page
    assert "<svg" in page and "bridge reopening date" in page.split("<svg", 1)[1]


def test_markdown_has_the_same_sections(demo_con):
    md = render_markdown(load_report(demo_con, NOW))
    assert md.startswith("# claimcheck report\n")
    assert "### 1. bridge reopening date — high (date)" in md
    assert "| **2023-05-12** | **2023-05-13** |" in md
    assert "`coast-1` (Coastal Ledger, 2023-05-14): The Fenwick bridge reopened on **May 13** after repairs" in md
    assert "- 2023-05-12, 2023-05-13: bridge reopening date (⚠ disputed)" in md
    assert "| Edda Marlowe | 2 | 2 | 2 | direct 1, indirect 1 |" in md
    assert "May 12 \\<as planned> & on budget" in md  # raw HTML cannot slip into the artifact
    assert md.index("## Open discrepancies") < md.index("## Corroborated facts") < md.index("## Quotes by speaker")


def test_empty_warehouse_renders_empty_sections():
    con = duckdb.connect()
    migrate(con)
    page = build_report(read_report_rows(con), "html", NOW)
    assert "No open discrepancies." in page and "No dated facts." in page
    assert "No open discrepancies." in build_report(read_report_rows(con), "md", NOW)
    with pytest.raises(ValueError):
        build_report(read_report_rows(con), "pdf", NOW)


def test_sentence_bounds_and_first_sentence():
    body = 'Title line\n\nThe bridge opened. "We will win," she said. Dr. Ames left on May 3.'
    for needle, expected in [("We will win", '"We will win," she said.'), ("left", "Dr. Ames left on May 3."),
                             ("bridge", "The bridge opened."), ("Title", "Title line")]:
        at = body.index(needle)
        start, end = sentence_bounds(body, at, at + len(needle))
        assert body[start:end] == expected
    assert first_sentence("Articles disagree. Then a long list.") == "Articles disagree."
    assert first_sentence("x" * 300).endswith("…") and len(first_sentence("x" * 300)) == 240


def test_highlight_escapes_and_ignores_bad_spans():
    assert highlight("a <b> c", 2, 5) == "a <mark>&lt;b&gt;</mark> c"
    assert highlight("abc", 2, 9) == "abc"


def test_timeline_draws_days_as_dots_and_months_as_bars():
    svg = timeline_svg([
        ("f-1", "closure", "corroborated", [(dt.date(2023, 2, 3), "day"), (dt.date(2023, 2, 1), "month")]),
        ("f-2", "reopening", "disputed", [(dt.date(2023, 5, 12), "day"), (dt.date(2023, 5, 13), "day")]),
        ("f-3", "nothing", "single", []),
    ])
    assert svg.count("<circle") == 3 and svg.count("<rect") == 1
    assert 'href="#f-2"' in svg and "nothing" not in svg
    assert "stroke-dasharray" in svg  # the disputed values are joined
    assert timeline_svg([]) == ""
    assert span_of(dt.date(2020, 2, 1), "month") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert span_of(dt.date(2020, 6, 1), "year") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def test_timeline_leaves_out_single_source_dates_and_says_so(demo_con):
    demo_con.execute("INSERT INTO facts VALUES ('founding', 'date', 'port founding', 'single', 1, 1)")
    demo_con.execute("INSERT INTO claims VALUES ('c10', 'coast-1', NULL, 'date', 'February 3, 2023', "
                "'The bridge had been closed on February 3, 2023.', NULL, NULL, NULL, NULL, 'exact', DATE '1850-01-01', "
                "'year', 'founding', NULL, 0, 5, 'day', -43829, -43829, -43465, '1850', NULL, false)")
    data = load_report(demo_con, NOW)
    assert "port founding" in [f.label for f in data.dated_facts]
    page, md = render_html(data), render_markdown(data)
    assert "port founding" not in page.split('<section id="timeline">')[1].split("</section>")[0]
    assert "1 dates stated by one article only are not drawn." in page
    assert "1 dates stated by one article only are not listed." in md
