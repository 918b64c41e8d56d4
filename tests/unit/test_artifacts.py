"""The run summary and discrepancy table a user reads in the Prefect UI (pure functions)."""
from __future__ import annotations

import duckdb

from flows.artifacts import MAX_LISTED, discrepancy_table, summary_markdown
from warehouse.run_readouts import read_open_discrepancies
from warehouse.schema import migrate

SUMMARY = {
    "run_id": "r2", "flow_run_id": None, "articles_new": 3, "articles_skipped": 7, "articles_rejected": 1,
    "articles_replaced": 0, "quotes_new": 12, "claims_new": 9, "facts_checked": 4, "discrepancies_new": 1,
    "rejected": [("/in/bad.txt", "binary file (NUL bytes)")],
}
DISCREPANCIES = [
    {
        "discrepancy_id": "d1", "fact": "ceasefire start date", "kind": "date", "severity": "high",
        "first_seen_run": "r2", "explanation": "Articles disagree on the date: 2020-11-09 vs 2020-11-10.",
        "members": [
            {"side": "2020-11-09", "article_id": "a1", "outlet": "ARKA", "surface": "November 9"},
            {"side": "2020-11-10", "article_id": "a2", "outlet": None, "surface": "10 November"},
            {"side": "2020-11-10", "article_id": "a2", "outlet": None, "surface": "10 November"},
            {"side": "2020-11-10", "article_id": "a3", "outlet": "AA", "surface": None},
        ],
    },
    {
        "discrepancy_id": "d0", "fact": "troops | deployed", "kind": "count", "severity": "low",
        "first_seen_run": "r1", "explanation": "1,960 vs about 2,000.", "members": [],
    },
]


def test_summary_lists_counts_rejections_and_only_this_runs_discrepancies():
    text = summary_markdown(SUMMARY, DISCREPANCIES, "/in", "/wh/claimcheck.duckdb")
    lines = text.splitlines()
    assert lines[0] == "# claimcheck run `r2`"
    assert "| articles new | 3 |" in lines
    assert "| articles unchanged (skipped) | 7 |" in lines
    assert "| articles rejected | 1 |" in lines
    assert "| quotes | 12 |" in lines and "| claims | 9 |" in lines
    assert "| new discrepancies | 1 |" in lines
    assert "- `/in/bad.txt`: binary file (NUL bytes)" in lines
    assert "### 1. high · date · ceasefire start date" in lines
    assert "Articles disagree on the date: 2020-11-09 vs 2020-11-10." in lines
    assert "- **2020-11-09**: `a1` (ARKA) “November 9”" in lines
    assert "- **2020-11-10**: `a2` “10 November”; `a3` (AA)" in lines
    # d0 was found by an earlier run: not repeated as new
    assert "troops" not in text
    assert "Nothing new" not in text


def test_summary_of_a_run_with_nothing_new_says_so():
    quiet = {**SUMMARY, "articles_new": 0, "articles_rejected": 0, "quotes_new": 0, "claims_new": 0,
             "discrepancies_new": 0, "rejected": []}
    text = summary_markdown(quiet, DISCREPANCIES[1:], "/in", "/wh/w.duckdb")
    assert "Nothing new: every article file was seen before (same content hash)." in text
    assert text.rstrip().endswith("None in this run.")
    assert "## Rejected files" not in text


def test_user_text_cannot_break_the_markdown():
    nasty = {**DISCREPANCIES[0], "fact": "a | b\n# heading", "explanation": "line one\n\n| x | y |"}
    text = summary_markdown(SUMMARY, [nasty], "/in|x", "/wh")
    assert "### 1. high · date · a \\| b # heading" in text
    assert "line one \\| x \\| y \\|" in text
    assert "\n# heading" not in text


def test_long_lists_are_capped():
    many = [{**DISCREPANCIES[0], "discrepancy_id": f"d{i}"} for i in range(MAX_LISTED + 5)]
    text = summary_markdown(SUMMARY, many, "/in", "/wh")
    assert text.count("### ") == MAX_LISTED
    assert "… and 5 more" in text


def test_table_has_one_row_per_discrepancy_with_sides_grouped():
    rows = discrepancy_table(DISCREPANCIES, "r2")
    assert rows[0] == {
        "discrepancy": "NEW high date", "fact": "ceasefire start date",
        "sides": "2020-11-09: a1; 2020-11-10: a2, a3",
        "explanation": "Articles disagree on the date: 2020-11-09 vs 2020-11-10.",
    }
    assert rows[1]["discrepancy"] == "low count" and rows[1]["sides"] == ""


def test_table_cells_are_short_enough_for_no_horizontal_scrolling():
    from flows.artifacts import CELL_CHARS

    wordy = {**DISCREPANCIES[0], "fact": "f " * 100, "explanation": "word " * 200,
             "members": [{"side": f"value {i}", "article_id": f"article-{i}", "outlet": None, "surface": None}
                         for i in range(30)]}
    [row] = discrepancy_table([wordy], "r2")
    assert list(row) == ["discrepancy", "fact", "sides", "explanation"]
    for column, limit in CELL_CHARS.items():
        assert len(row[column]) <= limit and row[column].endswith("…")
    assert sum(len(v) for v in row.values()) < 240


def test_one_event_per_new_high_severity_discrepancy():
    from flows.artifacts import HIGH_SEVERITY_EVENT, high_severity_events

    old_high = {**DISCREPANCIES[0], "discrepancy_id": "d9", "first_seen_run": "r1"}
    new_low = {**DISCREPANCIES[1], "first_seen_run": "r2"}
    [event] = high_severity_events([*DISCREPANCIES, old_high, new_low], "r2", "fr-1")
    assert event["event"] == HIGH_SEVERITY_EVENT
    assert event["resource"] == {"prefect.resource.id": "claimcheck.discrepancy.d1",
                                 "prefect.resource.name": "ceasefire start date"}
    assert event["related"] == [{"prefect.resource.id": "prefect.flow-run.fr-1", "prefect.resource.role": "flow-run"}]
    assert event["payload"]["articles"] == ["a1", "a2", "a3"]
    assert event["payload"]["sides"] == {"2020-11-09": ["a1"], "2020-11-10": ["a2", "a3"]}
    assert high_severity_events(DISCREPANCIES, "r3", None) == []


def test_read_open_discrepancies_groups_members_and_skips_resolved():
    con = duckdb.connect(":memory:")
    migrate(con)
    for aid in ("a1", "a2"):
        con.execute(
            "INSERT INTO articles (article_id, source_path, content_sha256, published_precision, body) "
            "VALUES (?, ?, 'h', 'unknown', 'body')", [aid, f"/in/{aid}.txt"],
        )
    for cid, aid, day in (("c1", "a1", "2020-11-09"), ("c2", "a2", "2020-11-10")):
        con.execute(
            "INSERT INTO claims (claim_id, article_id, kind, surface, sentence, hedge, date_value, "
            "date_precision, fact_key, start_char, end_char) VALUES (?, ?, 'date', ?, 's', 'exact', ?, 'day', 'f1', 0, 1)",
            [cid, aid, day, day],
        )
    con.execute("INSERT INTO facts VALUES ('f1', 'date', 'ceasefire start', 'disputed', 2, 2)")
    con.execute("INSERT INTO discrepancies (discrepancy_id, fact_key, kind, severity, status, explanation, first_seen_run) VALUES ('d1', 'f1', 'date', 'high', 'open', 'differ', 'r9')")
    con.execute("INSERT INTO discrepancies (discrepancy_id, fact_key, kind, severity, status, explanation, first_seen_run) VALUES ('d2', 'f1', 'date', 'low', 'resolved', 'old', 'r1')")
    con.execute("INSERT INTO discrepancy_members (discrepancy_id, claim_id, article_id, side) VALUES ('d1', 'c1', 'a1', '2020-11-09'), ('d1', 'c2', 'a2', '2020-11-10'),"
                " ('d2', 'c1', 'a1', 'x')")
    found = read_open_discrepancies(con)
    assert [d["discrepancy_id"] for d in found] == ["d1"]
    d = found[0]
    assert (d["fact"], d["severity"], d["first_seen_run"], d["explanation"]) == ("ceasefire start", "high", "r9", "differ")
    assert sorted((m["side"], m["article_id"], m["surface"], m["outlet"]) for m in d["members"]) == [
        ("2020-11-09", "a1", "2020-11-09", None), ("2020-11-10", "a2", "2020-11-10", None),
    ]


def test_new_quote_discrepancies_are_listed_with_their_sides():
    from flows.artifacts import summary_markdown

    quote_discrepancies = [
        {"discrepancy_id": "qd1", "kind": "wording", "severity": "medium", "speaker": "Ilse Marrow",
         "first_seen_run": "r9", "explanation": "b quotes \u201cfind those responsible\u201d where a quotes \u201cfind and "
         "punish those who are responsible\u201d (dropped words).",
         "sides": {"We will find and punish those who are responsible": ["a"], "We will find those responsible": ["b"]}},
        {"discrepancy_id": "qd2", "kind": "attribution", "severity": "high", "speaker": "Ilse Marrow",
         "first_seen_run": "r1", "explanation": "older", "sides": {"Ilse Marrow": ["a"], "Dario Fenn": ["c"]}},
    ]
    text = summary_markdown({"run_id": "r9"}, [], "in", "wh.duckdb", quote_discrepancies)
    part = text.split("## New quote discrepancies", 1)[1]
    assert "medium · wording · Ilse Marrow" in part and "find and punish those who are responsible" in part
    assert "- **We will find those responsible**: `b`" in part
    assert "older" not in part  # found by an earlier run
    assert "None in this run." in summary_markdown({"run_id": "r9"}, [], "in", "wh", []).split("quote discrepancies")[1]
