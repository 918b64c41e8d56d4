"""The five SQL cookbook views answer their questions on a made-up warehouse."""


def rows(con, sql):
    return con.execute(sql).fetchall()


def test_speaker_fact_statements(demo_con):
    assert rows(demo_con, "SELECT speaker, fact, fact_status, says, article_id FROM mart_speaker_fact_statements") == [
        ("Ivo Pernell", "bridge reopening date", "disputed", "2023-05-12", "wire:3")]


def test_outlet_disagreements_pair_outlets_on_opposite_sides(demo_con):
    assert rows(demo_con, "SELECT outlet_a, outlet_b, discrepancies, high, facts FROM mart_outlet_disagreements") == [
        ("Coastal Ledger", "Example Wire", 1, 1, "bridge reopening date"),
        ("Coastal Ledger", "Harbour Daily", 1, 1, "bridge reopening date"),
    ]


def test_changes_since_last_run_are_those_of_the_latest_run(demo_con):
    assert rows(demo_con, "SELECT run_id, change, item FROM mart_changes_since_last_run") == [
        ("r2", "discrepancy opened", "d1"), ("r2", "article added", "wire:3"), ("r2", "input rejected", "/in/dump.jsonl:5")]


def test_quotes_with_numbers(demo_con):
    assert rows(demo_con, "SELECT speaker, numbers, quote_id FROM mart_quotes_with_numbers") == [
        ("Edda Marlowe", "about 1200 vehicle", "q2"), ("Ivo Pernell", "2023-05-12", "q3")]
    # A digit without a claim still counts; a quote with neither does not.
    demo_con.execute("INSERT INTO quotes (quote_id, article_id, speaker_id, speaker_name, speaker_text, kind, text, "
                     "cue, start_char, end_char, confidence) VALUES "
                     "('q9', 'coast-1', NULL, NULL, 'they', 'direct', 'Lane 2 stays shut', "
                "'said', 0, 5, 0.5), ('q10', 'coast-1', NULL, NULL, 'they', 'direct', 'No comment', 'said', 0, 5, 0.5)")
    assert ("(unattributed)", None, "q9") in rows(demo_con, "SELECT speaker, numbers, quote_id FROM mart_quotes_with_numbers")
    assert "q10" not in {r[0] for r in rows(demo_con, "SELECT quote_id FROM mart_quotes_with_numbers")}


def test_discrepancies_by_severity(demo_con):
    demo_con.execute("INSERT INTO discrepancies (discrepancy_id, fact_key, kind, severity, status, explanation, first_seen_run) VALUES ('d2', 'repair-cost', 'quantity', 'low', 'open', 'x', 'r2')")
    assert rows(demo_con, "SELECT severity, status, discrepancies, articles, outlets, facts FROM mart_discrepancies_by_severity") == [
        ("high", "open", 1, 3, 3, "bridge reopening date"), ("low", "open", 1, 0, 0, "repair cost")]


def test_changes_since_last_run_skip_runs_that_changed_nothing(demo_con):
    """A no-op run (a schedule finding nothing new) does not empty the answer (issue 16)."""
    demo_con.execute("INSERT INTO runs VALUES ('r3', 'f3', '2099-01-01 10:00', '2099-01-01 10:01', 'completed', "
                     "0, 5, 1, 0, 0, 0, 'test')")
    demo_con.execute("INSERT INTO rejected_inputs VALUES ('r3', '/in/dump.jsonl:5', 'again')")  # rejected before
    assert rows(demo_con, "SELECT run_id, change, item FROM mart_changes_since_last_run") == [
        ("r2", "discrepancy opened", "d1"), ("r2", "article added", "wire:3"), ("r2", "input rejected", "/in/dump.jsonl:5")]
    demo_con.execute("INSERT INTO rejected_inputs VALUES ('r3', '/in/pipe.txt', 'not a regular file (FIFO)')")
    assert rows(demo_con, "SELECT run_id, change, item FROM mart_changes_since_last_run") == [
        ("r3", "input rejected", "/in/dump.jsonl:5"), ("r3", "input rejected", "/in/pipe.txt")]
