"""Migrations carry old rows forward: a version-1 claim gets its typed event and interval."""
import duckdb

from warehouse.schema import MIGRATIONS, migrate


def test_version_1_claims_get_a_typed_event_and_their_interval():
    con = duckdb.connect()
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute((MIGRATIONS / "001_initial.sql").read_text())
    con.execute("INSERT INTO schema_version (version, name) VALUES (1, '001_initial')")
    con.execute("""INSERT INTO claims (claim_id, article_id, kind, surface, sentence, value_num, unit, hedge,
                   date_value, date_precision, event, start_char, end_char) VALUES
        ('d', 'a', 'date', 'x', 's', NULL, NULL, 'exact', DATE '2020-11-01', 'month', 'sign accord | armenia | on', 0, 1),
        ('p', 'a', 'date', 'x', 's', NULL, NULL, 'exact', DATE '2020-11-09', 'day', 'publication |  | ', 0, 1),
        ('w', 'a', 'duration', 'x', 's', 6, 'week', 'exact', NULL, NULL, 'war | | ', 0, 1),
        ('n', 'a', 'count', 'x', 's', 300, 'people', 'approx', NULL, NULL, NULL, 0, 1)""")
    migrate(con)
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT claim_id, event, base_unit, value_lo, value_hi, value_label FROM claims").fetchall()}
    assert rows["d"][0] == {"about": "event", "triggers": ["sign", "accord"], "entities": ["armenia"], "role": "on"}
    assert rows["d"][1:] == ("day", 18567.0, 18596.0, "2020-11")
    assert rows["p"][0]["about"] == "publication" and rows["p"][0]["triggers"] == []
    assert rows["w"][1:] == ("day", 38.5, 45.5, "6 week")
    assert rows["n"][0] is None and rows["n"][4] == "about 300 people"
    assert abs(rows["n"][2] - 270) < 1e-9 and abs(rows["n"][3] - 330) < 1e-9
