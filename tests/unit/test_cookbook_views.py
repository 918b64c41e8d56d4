"""The five SQL cookbook views answer their questions on a made-up warehouse."""
import duckdb
import pytest

from tests.report_fixture import fill_demo


@pytest.fixture()
def con():
    con = duckdb.connect()
    fill_demo(con)
    yield con
    con.close()


def rows(con, sql):
    return con.execute(sql).fetchall()


def test_speaker_fact_statements(con):
    assert rows(con, "SELECT speaker, fact, fact_status, says, article_id FROM mart_speaker_fact_statements") == [
        ("Ivo Pernell", "bridge reopening date", "disputed", "2023-05-12", "wire:3")]


def test_outlet_disagreements_pair_outlets_on_opposite_sides(con):
    assert rows(con, "SELECT outlet_a, outlet_b, discrepancies, high, facts FROM mart_outlet_disagreements") == [
        ("Coastal Ledger", "Example Wire", 1, 1, "bridge reopening date"),
        ("Coastal Ledger", "Harbour Daily", 1, 1, "bridge reopening date"),
    ]


def test_changes_since_last_run_are_those_of_the_latest_run(con):
    assert rows(con, "SELECT run_id, change, item FROM mart_changes_since_last_run") == [
        ("r2", "discrepancy opened", "d1"), ("r2", "article added", "wire:3"), ("r2", "input rejected", "/in/dump.jsonl:5")]


def test_quotes_with_numbers(con):
    assert rows(con, "SELECT speaker, numbers, quote_id FROM mart_quotes_with_numbers") == [
        ("Edda Marlowe", "about 1200 vehicle", "q2"), ("Ivo Pernell", "2023-05-12", "q3")]
    # A digit without a claim still counts; a quote with neither does not.
    con.execute("INSERT INTO quotes VALUES ('q9', 'coast-1', NULL, NULL, 'they', 'direct', 'Lane 2 stays shut', "
                "'said', 0, 5, 0.5), ('q10', 'coast-1', NULL, NULL, 'they', 'direct', 'No comment', 'said', 0, 5, 0.5)")
    assert ("(unattributed)", None, "q9") in rows(con, "SELECT speaker, numbers, quote_id FROM mart_quotes_with_numbers")
    assert "q10" not in {r[0] for r in rows(con, "SELECT quote_id FROM mart_quotes_with_numbers")}


def test_discrepancies_by_severity(con):
    con.execute("INSERT INTO discrepancies VALUES ('d2', 'repair-cost', 'quantity', 'low', 'open', 'x', 'r2')")
    assert rows(con, "SELECT severity, status, discrepancies, articles, outlets, facts FROM mart_discrepancies_by_severity") == [
        ("high", "open", 1, 3, 3, "bridge reopening date"), ("low", "open", 1, 0, 0, "repair cost")]
