"""The report's "Quotes reported differently" section on the made-up warehouse plus one statement."""
from __future__ import annotations

import datetime as dt

import lxml.html

from tasks.report.build import build_report
from tasks.report.data import assemble_report
from warehouse.report_rows import read_report_rows
from warehouse.run_readouts import read_quote_discrepancies

NOW = dt.datetime(2023, 6, 1, 12, 0)
REFERENCE = "The deck is safe and the work came in under budget"
VARIANT = "The deck is safe and the work came in well under budget"


def _add_statement(con) -> None:
    con.execute("INSERT INTO quotes (quote_id, article_id, speaker_id, speaker_name, speaker_text, kind, text, cue, "
                "start_char, end_char, confidence, statement_id, statement_relation) VALUES "
                "('q4', 'harbour-2', 'edda-marlowe', 'Edda Marlowe', 'Marlowe', 'direct', ?, 'said', 0, 10, 0.9, "
                "'st1', 'quote')", [VARIANT])
    con.execute("UPDATE quotes SET statement_id = 'st1', statement_relation = 'quote' WHERE quote_id = 'q1'")
    con.execute("INSERT INTO statements VALUES ('st1', 'edda-marlowe', 'Edda Marlowe', ?, 2, 2, 'disputed')",
                [REFERENCE])
    con.execute("INSERT INTO discrepancies (discrepancy_id, fact_key, kind, severity, status, explanation, "
                "first_seen_run, statement_id) VALUES ('qd1', NULL, 'wording', 'high', 'open', "
                "'harbour-2 quotes \u201cin well under\u201d where coast-1 quotes \u201cin under\u201d.', 'r2', 'st1')")
    con.executemany("INSERT INTO discrepancy_members (discrepancy_id, quote_id, article_id, side) VALUES "
                    "('qd1', ?, ?, ?)", [("q1", "coast-1", REFERENCE), ("q4", "harbour-2", VARIANT)])


def test_quote_discrepancy_sides_with_the_changed_words(demo_con):
    _add_statement(demo_con)
    [d] = assemble_report(read_report_rows(demo_con), NOW).quote_discrepancies
    assert (d.kind, d.severity, d.speaker) == ("wording", "high", "Edda Marlowe")
    ref, var = d.sides
    assert ref.reference and ref.text == REFERENCE and [m.article_id for m in ref.members] == ["coast-1"]
    assert [var.text[a:b] for a, b in var.marks] == ["well"] and not ref.marks
    assert var.members[0].outlet == "Harbour Daily"


def test_quote_section_in_markdown_and_html(demo_con):
    _add_statement(demo_con)
    rows = read_report_rows(demo_con)
    md = build_report(rows, "md", NOW)
    part = md.split("## Quotes reported differently (1)", 1)[1].split("## Timeline", 1)[0]
    assert "“The deck is safe and the work came in **well** under budget” — `harbour-2` (Harbour Daily)" in part
    dom = lxml.html.fromstring(build_report(rows, "html", NOW))
    [article] = dom.xpath('//section[@id="quotes-differ"]/article')
    assert article.get("data-kind") == "wording" and article.get("data-severity") == "high"
    assert [m.text_content() for m in article.xpath('.//mark[@class="diff"]')] == ["well"]


def test_empty_quote_section_says_so(demo_con):
    md = build_report(read_report_rows(demo_con), "md", NOW)
    assert "## Quotes reported differently (0)\n\nEvery statement several articles report is quoted alike." in md


def test_artifact_reads_quote_discrepancies(demo_con):
    _add_statement(demo_con)
    [d] = read_quote_discrepancies(demo_con)
    assert d["first_seen_run"] == "r2" and d["sides"] == {REFERENCE: ["coast-1"], VARIANT: ["harbour-2"]}


def test_changes_since_last_run_name_a_new_quote_discrepancy(demo_con):
    _add_statement(demo_con)
    [(detail,)] = demo_con.execute("SELECT detail FROM mart_changes_since_last_run WHERE item = 'qd1'").fetchall()
    assert detail.startswith("high · wording of a statement · harbour-2 quotes")
