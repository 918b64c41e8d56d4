"""The SQL cross-check on a real in-memory DuckDB with the migrations applied."""
import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from models import Article
from tests.claim_factory import make_claim
from warehouse.crosscheck import crosscheck
from warehouse.schema import migrate

D = dt.date


@pytest.fixture
def con():
    c = duckdb.connect()
    migrate(c)
    yield c
    c.close()


def insert(con, table, models):
    rows = [m.model_dump() for m in models]
    cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] in rows[0]]
    con.register("_rows", pa.Table.from_pylist([{c: r[c] for c in cols} for r in rows]))
    con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _rows")
    con.unregister("_rows")


def art(aid, title=None, outlet=None, published=None):
    return Article(article_id=aid, source_path=f"/in/{aid}.txt", content_sha256="0" * 64, body="b",
                   title=title, outlet=outlet, published_date=published,
                   published_precision="day" if published else "unknown")


def dclaim(cid, aid, day, key, precision="day", sentence=None):
    return make_claim(claim_id=cid, article_id=aid, kind="date", surface="x", sentence=sentence or f"{aid} says {day}.",
                 date_value=day, date_precision=precision, fact_key=key, event="sign accord | | on",
                 start_char=0, end_char=1)


def nclaim(cid, aid, value, key, hedge="exact", unit="year", kind="duration"):
    return make_claim(claim_id=cid, article_id=aid, kind=kind, surface="x", sentence=f"{aid}: {value} {unit}.",
                 value_num=value, unit=unit, hedge=hedge, fact_key=key, event="occupation | | ",
                 start_char=0, end_char=1)


def run(con, keys, run_id="r1"):
    con.execute("BEGIN")
    out = crosscheck(con, keys, run_id)
    con.execute("COMMIT")
    return out


def discrepancies(con):
    return con.execute("SELECT fact_key, severity, status, first_seen_run, explanation FROM discrepancies").fetchall()


def members(con):
    return sorted(con.execute("SELECT article_id, side FROM discrepancy_members").fetchall())


def test_two_days_disagree_high_and_month_agrees_with_both(con):
    insert(con, "articles", [art("a1", "Pact signed", "Wire"), art("a2"), art("a3")])
    insert(con, "claims", [
        dclaim("c1", "a1", D(2015, 6, 3), "f"), dclaim("c2", "a2", D(2015, 6, 4), "f"),
        dclaim("c3", "a3", D(2015, 6, 1), "f", "month"),
    ])
    out = run(con, None)
    assert out["discrepancies"] == 1 and out["discrepancies_new"] == 1
    ((key, severity, status, first, text),) = discrepancies(con)
    assert (key, severity, status, first) == ("f", "high", "open", "r1")
    assert members(con) == [("a1", "2015-06-03"), ("a2", "2015-06-04")]
    # which outlet says what, when, and in whose words
    assert 'Wire (undated, "Pact signed"; article a1), in its own words: "a1 says 2015-06-03."' in text
    assert "a2 says" in text
    assert con.execute("SELECT status, n_articles, n_claims FROM facts").fetchall() == [("disputed", 3, 3)]


def test_agreement_at_different_precision_is_corroborated(con):
    insert(con, "articles", [art("a1"), art("a2")])
    insert(con, "claims", [dclaim("c1", "a1", D(2015, 6, 3), "f"), dclaim("c2", "a2", D(2015, 1, 1), "f", "year")])
    assert run(con, ["f"])["corroborated"] == 1
    assert discrepancies(con) == []


def test_disagreement_inside_one_article_is_not_a_discrepancy(con):
    insert(con, "articles", [art("a1")])
    insert(con, "claims", [dclaim("c1", "a1", D(2015, 6, 3), "f"), dclaim("c2", "a1", D(2015, 6, 9), "f")])
    run(con, None)
    assert discrepancies(con) == []
    assert con.execute("SELECT status FROM facts").fetchall() == [("single",)]


@pytest.mark.parametrize("a, b, severity", [
    ((28, "exact"), (20, "approx"), "low"),      # hedged: at most low
    ((28, "exact"), (30, "approx"), None),       # about 30 covers 28
    ((28, "exact"), (40, "exact"), "high"),      # exact, far apart
    ((28, "exact"), (30, "exact"), "medium"),    # exact, close
    ((28, "exact"), (29, "exact"), None),        # years are stated to the year: 28.5 joins them
    ((28, "exact"), (20, "at_least"), None),     # more than 20 covers 28
])
def test_number_severity(con, a, b, severity):
    insert(con, "articles", [art("a1"), art("a2")])
    insert(con, "claims", [nclaim("c1", "a1", a[0], "f", a[1]), nclaim("c2", "a2", b[0], "f", b[1])])
    run(con, None)
    got = [d[1] for d in discrepancies(con)]
    assert got == ([severity] if severity else [])


def test_duration_in_coarser_unit_agrees_within_its_rounding(con):
    insert(con, "articles", [art("a1"), art("a2")])
    insert(con, "claims", [nclaim("c1", "a1", 6, "f", unit="week"), nclaim("c2", "a2", 44, "f", unit="day")])
    assert run(con, None)["corroborated"] == 1


def test_side_labels_carry_hedge_and_unit(con):
    insert(con, "articles", [art("a1"), art("a2")])
    insert(con, "claims", [nclaim("c1", "a1", 28, "f"), nclaim("c2", "a2", 2.5, "f", "approx", "ton", "quantity")])
    run(con, None)
    assert members(con) == [("a1", "28 year"), ("a2", "about 2.5 ton")]


def test_growing_tally_in_later_article_is_an_update(con):
    insert(con, "articles", [art("a1", published=D(2020, 1, 1)), art("a2", published=D(2020, 1, 5))])
    insert(con, "claims", [nclaim("c1", "a1", 12, "f", unit="victim", kind="count"),
                           nclaim("c2", "a2", 31, "f", unit="victim", kind="count")])
    run(con, None)
    assert discrepancies(con) == []


def test_rerun_keeps_first_seen_run_and_reviewer_status(con):
    insert(con, "articles", [art("a1"), art("a2"), art("a3")])
    insert(con, "claims", [dclaim("c1", "a1", D(2015, 6, 3), "f"), dclaim("c2", "a2", D(2015, 6, 4), "f")])
    run(con, ["f"], "r1")
    (did,) = con.execute("SELECT discrepancy_id FROM discrepancies").fetchone()
    con.execute("UPDATE discrepancies SET status = 'resolved'")
    insert(con, "claims", [dclaim("c3", "a3", D(2015, 6, 4), "f")])
    out = run(con, ["f"], "r2")
    assert out["discrepancies_new"] == 0
    assert con.execute("SELECT discrepancy_id, status, first_seen_run FROM discrepancies").fetchall() == [
        (did, "resolved", "r1")]
    assert len(members(con)) == 3


def test_only_touched_facts_are_recomputed_and_vanished_facts_removed(con):
    insert(con, "articles", [art("a1"), art("a2")])
    insert(con, "claims", [dclaim("c1", "a1", D(2015, 6, 3), "f"), dclaim("c2", "a2", D(2015, 6, 4), "f"),
                           dclaim("c3", "a1", D(2016, 1, 1), "g")])
    run(con, None)
    con.execute("UPDATE facts SET label = 'kept' WHERE fact_key = 'g'")
    con.execute("DELETE FROM claims WHERE claim_id = 'c2'")
    run(con, ["f"], "r2")
    assert discrepancies(con) == [] and members(con) == []
    assert dict(con.execute("SELECT fact_key, label FROM facts WHERE fact_key = 'g'").fetchall()) == {"g": "kept"}
    con.execute("DELETE FROM claims WHERE fact_key = 'f'")
    run(con, ["f"], "r3")
    assert con.execute("SELECT fact_key FROM facts").fetchall() == [("g",)]


def test_runs_inside_callers_transaction(con):
    insert(con, "articles", [art("a1"), art("a2")])
    insert(con, "claims", [dclaim("c1", "a1", D(2015, 6, 3), "f"), dclaim("c2", "a2", D(2015, 6, 4), "f")])
    con.execute("BEGIN")
    crosscheck(con, None, "r1")
    con.execute("ROLLBACK")
    assert con.execute("SELECT count(*) FROM facts").fetchone() == (0,)


def test_article_stating_both_values_is_never_a_side_of_a_conflict(con):
    # a2 repeats a1's revised forecast and also gives the old one: two facts joined, not a dispute
    insert(con, "articles", [art("a1"), art("a2")])
    insert(con, "claims", [nclaim("c1", "a1", 3.5, "f", unit="percent", kind="quantity"),
                           nclaim("c2", "a2", 3.5, "f", unit="percent", kind="quantity"),
                           nclaim("c3", "a2", 4, "f", unit="percent", kind="quantity")])
    run(con, None)
    assert discrepancies(con) == []


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_fact_label_does_not_depend_on_row_order(con, order):
    # three claims, three different event words: a tie, broken by the words, not by row order
    events = ["war sign leader | | ", "fighting liberate city | | ", "ceasefire hold | | "]
    claims = [make_claim(claim_id=f"c{i}", article_id=f"a{i}", kind="duration", surface="x", sentence=f"a{i}.",
                         value_num=44, unit="day", hedge="exact", fact_key="k", event=events[i],
                         start_char=0, end_char=1) for i in order]
    insert(con, "articles", [art(f"a{i}") for i in order])
    insert(con, "claims", claims)
    run(con, ["k"])
    assert con.execute("SELECT label FROM facts").fetchall() == [("duration: ceasefire hold (44 day)",)]
