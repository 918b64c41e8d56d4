"""Attribution discrepancies only where two credits really conflict, and one speaker per
person across articles and runs (real flow, real DuckDB).

tests/data/attribution_conflicts (made up): one outlet credits the foreign ministry's
spokesman, another the foreign minister, each by name (ac1, ac2: a real conflict, high).
The harbour director's words (ac3) are credited by another outlet to a board only through
"the statement said" (ac4: a fallback credit, no conflict) and by a third to a guild chair
through "she said" (ac5: our reading of a pronoun against a name, low, explained).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.verify import RunConfig, verify_articles
from tests.conftest import scratch_project, warehouse_rows

pytestmark = pytest.mark.usefixtures("prefect_server")

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "attribution_conflicts"
MINISTRY = "punish our farmers"
QUAYS = "quays will reopen"


def _run(tmp_path_factory, name: str, files: list[str]) -> Path:
    with scratch_project(tmp_path_factory, name) as (inbox, db):
        for f in files:
            shutil.copy(ARTICLES / f, inbox / f)
        verify_articles(RunConfig(input_path=inbox, warehouse_path=db))
    return db


def _discrepancies(db: Path, words: str) -> list[tuple]:
    """(severity, sorted sides, explanation) of the attribution discrepancies of the statement with these words."""
    found = warehouse_rows(db, "SELECT d.severity, list(DISTINCT m.side ORDER BY m.side), d.explanation FROM discrepancies d "
                      "JOIN discrepancy_members m USING (discrepancy_id) JOIN statements s USING (statement_id) "
                      f"WHERE d.kind = 'attribution' AND s.text ILIKE '%{words}%' GROUP BY ALL")
    return [(sev, tuple(sides), text) for sev, sides, text in found]


@pytest.fixture(scope="module")
def all_probes(tmp_path_factory):
    return _run(tmp_path_factory, "conflicts-all", sorted(p.name for p in ARTICLES.glob("*.txt")))


def test_two_outlets_naming_different_people_conflict(all_probes):
    [(severity, sides, _)] = _discrepancies(all_probes, MINISTRY)
    assert (severity, sides) == ("high", ("Ilse Varga", "Oren Valdt"))


def test_a_pronoun_against_a_name_is_a_low_discrepancy_that_says_why(all_probes):
    [(severity, sides, explanation)] = _discrepancies(all_probes, QUAYS)
    # the board credited only through "the statement said" is no side of it
    assert (severity, sides) == ("low", ("Marta Olsen", "Tomas Greve"))
    assert "our reading of \u201cshe\u201d in ac5_coast_wire" in explanation
    # the statement keeps the speaker an article names
    assert warehouse_rows(all_probes, f"SELECT speaker_name FROM statements WHERE text ILIKE '%{QUAYS}%'") == [("Tomas Greve",)]


def test_a_fallback_credit_asserts_no_conflict(tmp_path_factory):
    db = _run(tmp_path_factory, "conflicts-weak", ["ac3_port_gazette.txt", "ac4_evening_ledger.txt"])
    credited = warehouse_rows(db, f"SELECT speaker_name FROM quotes WHERE text ILIKE '%{QUAYS}%' ORDER BY article_id")
    assert credited == [("Tomas Greve",), ("Kelby Harbour Board",)]  # two speakers, but one is a fallback
    assert _discrepancies(db, QUAYS) == []
    assert warehouse_rows(db, f"SELECT status, speaker_name FROM statements WHERE text ILIKE '%{QUAYS}%'") == [
        ("corroborated", "Tomas Greve")]


# Made-up articles: one person with and without a middle initial, then a namesake.
MIDDLE = {"v1_middle.txt": "Dock strike ends\n\nThe dock strike in Wexport ended on Tuesday. Union leader "
                           "Marta K. Olsen said the deal protected every job at the port.\n"}
PLAIN = {"v2_plain.txt": "Ferries run again\n\nFerries left Wexport on time on Wednesday. "
                         "Marta Olsen said the crews were glad to be back at sea.\n"}
NAMESAKE = {"v3_namesake.txt": "Choir prize\n\nThe Wexport choir won the regional prize on Sunday. Its "
                               "conductor Marta J. Olsen said the singers had rehearsed all summer.\n"}
_SPEAKER_OF = "SELECT speaker_id, speaker_name FROM quotes WHERE text ILIKE '%{}%'"


def test_name_variants_are_one_speaker_across_runs_until_a_namesake_appears(tmp_path_factory):
    with scratch_project(tmp_path_factory, "variants") as (inbox, db):
        def run(files: dict[str, str]) -> None:
            for name, text in files.items():
                (inbox / name).write_text(text, encoding="utf-8")
            verify_articles(RunConfig(input_path=inbox, warehouse_path=db))

        run(MIDDLE)
        assert warehouse_rows(db, _SPEAKER_OF.format("every job")) == [("marta-k-olsen", "Marta K. Olsen")]
        run(PLAIN)  # a later run's plainer form: the earlier run's quote joins it
        assert warehouse_rows(db, _SPEAKER_OF.format("every job")) == [("marta-olsen", "Marta K. Olsen")]
        assert warehouse_rows(db, _SPEAKER_OF.format("glad to be back")) == [("marta-olsen", "Marta Olsen")]
        assert warehouse_rows(db, "SELECT same_as FROM speakers WHERE speaker_id = 'marta-k-olsen'") == [("marta-olsen",)]
        assert warehouse_rows(db, "SELECT speaker, quotes FROM mart_quotes_by_speaker WHERE speaker ILIKE '%olsen%'") == [
            ("Marta Olsen", 2)]
        run(NAMESAKE)  # Marta K. and Marta J. are two people: "Marta Olsen" could be either
        assert warehouse_rows(db, _SPEAKER_OF.format("every job")) == [("marta-k-olsen", "Marta K. Olsen")]
        assert warehouse_rows(db, _SPEAKER_OF.format("glad to be back")) == [("marta-olsen", "Marta Olsen")]
        assert warehouse_rows(db, "SELECT count(*) FROM speakers WHERE same_as IS NOT NULL") == [(0,)]
