"""Made-up reports of one governor's briefing, through the real flow into a real DuckDB file.

tests/data/statement_scenarios/articles: an official transcript (`Type: transcript`) and
five invented outlets. One statement ("We will find and punish those who are
responsible ...") is reported verbatim (st1, st2), reworded (st3 drops "and punish"),
truncated (st5), credited to the police chief (st4) and paraphrased (st5, indirect). The
governor made two different statements about the depot on the same day that share
words ("two weeks", "depot") and must not group; one figure changes between outlets
(two weeks / three weeks), one sentence comes in two translations.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.verify import RunConfig, verify_articles
from tests.conftest import scratch_project, warehouse_rows

pytestmark = pytest.mark.usefixtures("prefect_server")

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "statement_scenarios" / "articles"
FIRST_RUN = ["st1_tarn_courier.txt", "st2_kessel_herald.txt", "st3_river_post.txt"]


def _run(tmp_path_factory, name: str, batches: list[list[str]]) -> Path:
    with scratch_project(tmp_path_factory, name) as (inbox, db):
        for batch in batches:
            for name_ in batch:
                shutil.copy(ARTICLES / name_, inbox / name_)
            verify_articles(RunConfig(input_path=inbox, warehouse_path=db))
    return db


@pytest.fixture(scope="module")
def one_run(tmp_path_factory):
    return _run(tmp_path_factory, "statements-once", [sorted(p.name for p in ARTICLES.glob("*.txt"))])


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    rest = sorted(p.name for p in ARTICLES.glob("*.txt") if p.name not in FIRST_RUN)
    return _run(tmp_path_factory, "statements-twice", [FIRST_RUN, rest])


def _statement_of(db: Path, article: str, words: str) -> str:
    [(sid,)] = warehouse_rows(db, f"SELECT statement_id FROM quotes WHERE article_id = '{article}' AND kind = 'direct' "
                         f"AND text ILIKE '%{words}%'")
    return sid


def _members(db: Path, sid: str) -> dict[str, tuple[str, str]]:
    return {a: (k, r) for a, k, r in warehouse_rows(db, "SELECT article_id, kind, statement_relation FROM quotes "
                                                f"WHERE statement_id = '{sid}' ORDER BY article_id, kind")}


def test_one_statement_reported_five_ways_is_one_statement(one_run):
    sid = _statement_of(one_run, "st1_tarn_courier", "find and punish")
    members = warehouse_rows(one_run, f"SELECT article_id, kind, statement_relation FROM quotes WHERE statement_id = '{sid}'")
    assert {a for a, _, _ in members} == {"st1_tarn_courier", "st2_kessel_herald", "st3_river_post",
                                          "st4_valley_wire", "st5_morning_star"}
    # The indirect report joins as a paraphrase, a separate relation never compared word by word.
    assert ("st5_morning_star", "indirect", "paraphrase") in members
    assert ("st5_morning_star", "direct", "quote") in members or ("st5_morning_star", "direct", "fragment") in members
    [(status, n_articles, speaker)] = warehouse_rows(one_run, "SELECT status, n_articles, speaker_name FROM statements "
                                                     f"WHERE statement_id = '{sid}'")
    assert (status, n_articles, speaker) == ("disputed", 5, "Ilse Marrow")


def test_reworded_quote_is_a_medium_wording_discrepancy_with_the_word_diff(one_run):
    sid = _statement_of(one_run, "st1_tarn_courier", "find and punish")
    [(severity, explanation, did)] = warehouse_rows(one_run, "SELECT severity, explanation, discrepancy_id FROM discrepancies "
                                                    f"WHERE statement_id = '{sid}' AND kind = 'wording'")
    assert severity == "medium"
    assert "\u201cfind and punish those who are responsible\u201d" in explanation
    assert "\u201cfind those responsible\u201d" in explanation
    sides = warehouse_rows(one_run, f"SELECT article_id, side FROM discrepancy_members WHERE discrepancy_id = '{did}' "
                           "AND claim_id IS NULL AND quote_id IS NOT NULL")
    by_article = dict(sides)
    assert by_article["st3_river_post"].startswith("We will find those responsible")
    assert by_article["st1_tarn_courier"].startswith("We will find and punish")
    # The truncated report (st5) quotes part of the words: no side of its own.
    assert "st5_morning_star" not in by_article


def test_words_credited_to_two_people_are_an_attribution_discrepancy(one_run):
    sid = _statement_of(one_run, "st1_tarn_courier", "find and punish")
    [(severity, did)] = warehouse_rows(one_run, "SELECT severity, discrepancy_id FROM discrepancies "
                                       f"WHERE statement_id = '{sid}' AND kind = 'attribution'")
    assert severity == "high"
    sides = {s: a for a, s in warehouse_rows(one_run, f"SELECT article_id, side FROM discrepancy_members "
                                             f"WHERE discrepancy_id = '{did}'")}
    assert set(sides) == {"Ilse Marrow", "Dario Fenn"} and sides["Dario Fenn"] == "st4_valley_wire"


def test_changed_number_is_high_and_translation_variant_low(one_run):
    reopen = _statement_of(one_run, "st1_tarn_courier", "reopen within two weeks")
    assert _statement_of(one_run, "st3_river_post", "reopen within three weeks") == reopen
    [(severity, explanation)] = warehouse_rows(one_run, "SELECT severity, explanation FROM discrepancies "
                                               f"WHERE statement_id = '{reopen}'")
    assert severity == "high" and "changed number" in explanation and "\u201cwithin three weeks\u201d" in explanation
    # One article each way: the transcript's wording is the reference.
    [(text,)] = warehouse_rows(one_run, f"SELECT text FROM statements WHERE statement_id = '{reopen}'")
    assert "within two weeks" in text
    talks = _statement_of(one_run, "st2_kessel_herald", "talks with the union")
    assert _statement_of(one_run, "st3_river_post", "negotiations with the union") == talks
    assert warehouse_rows(one_run, f"SELECT severity FROM discrepancies WHERE statement_id = '{talks}'") == [("low",)]


def test_two_statements_of_one_speaker_on_one_day_do_not_group(one_run):
    reopen = _statement_of(one_run, "st1_tarn_courier", "reopen within two weeks")
    paid = _statement_of(one_run, "st2_kessel_herald", "paid for the two weeks")
    schools = _statement_of(one_run, "st1_tarn_courier", "Every school")
    assert len({reopen, paid, schools}) == 3
    assert warehouse_rows(one_run, f"SELECT status FROM statements WHERE statement_id = '{schools}'") == [("single",)]


def test_quotes_are_checked_against_the_transcript(one_run):
    checks = {(a, t[:30]): (v, s) for a, t, v, s in warehouse_rows(
        one_run, "SELECT q.article_id, q.text, c.verdict, c.severity FROM transcript_checks c JOIN quotes q USING (quote_id)")}
    assert checks[("st1_tarn_courier", "The depot will reopen within t")] == ("verbatim", None)
    assert checks[("st3_river_post", "The depot will reopen within t")] == ("altered", "high")
    assert checks[("st3_river_post", "We will find those responsible")] == ("altered", "medium")
    assert checks[("st1_tarn_courier", "Every school in Kessel will st")] == ("not_found", None)
    # The police chief is not the transcript's speaker: his quote is not checked against it.
    assert not any(a == "st4_valley_wire" for a, _ in checks)
    [(kind,)] = warehouse_rows(one_run, "SELECT article_type FROM articles WHERE article_id = 'st0_tarn_briefing'")
    assert kind == "transcript"


def test_views_show_every_report_and_the_quote_discrepancies(one_run):
    sid = _statement_of(one_run, "st1_tarn_courier", "find and punish")
    reports = warehouse_rows(one_run, f"SELECT outlet, published_date, wording, relation FROM mart_statements "
                             f"WHERE statement_id = '{sid}'")
    assert {o for o, *_ in reports} >= {"Tarn Courier", "Kessel Herald", "River Post", "Valley Wire"}
    kinds = {(k, s) for k, s in warehouse_rows(one_run, "SELECT DISTINCT kind, severity FROM mart_quote_discrepancies")}
    assert kinds == {("wording", "medium"), ("attribution", "high"), ("wording", "high"), ("wording", "low")}
    # Quote discrepancies stay out of the fact discrepancies' view.
    assert not warehouse_rows(one_run, "SELECT 1 FROM mart_open_discrepancies WHERE kind IN ('wording', 'attribution')")


def _grouping(db: Path) -> set[frozenset]:
    groups: dict[str, set] = {}
    for sid, article, text in warehouse_rows(db, "SELECT statement_id, article_id, text FROM quotes"):
        groups.setdefault(sid, set()).add((article, text))
    return {frozenset(g) for g in groups.values()}


def test_two_runs_give_the_statements_of_one_run(one_run, two_runs):
    assert _grouping(two_runs) == _grouping(one_run)
    sql = "SELECT statement_id, kind, severity, explanation FROM discrepancies WHERE statement_id IS NOT NULL ORDER BY 1, 2"
    assert warehouse_rows(two_runs, sql) == warehouse_rows(one_run, sql)
    sql = "SELECT statement_id, speaker_name, text, n_quotes, n_articles, status FROM statements ORDER BY 1"
    assert warehouse_rows(two_runs, sql) == warehouse_rows(one_run, sql)


def test_a_changed_article_regroups_its_statements(tmp_path_factory):
    """The police chief's article is corrected (the quote is now the governor's): the
    attribution discrepancy goes, the statement and its wording discrepancy stay."""
    with scratch_project(tmp_path_factory, "statements-changed") as (inbox, db):
        for name in ("st1_tarn_courier.txt", "st3_river_post.txt", "st4_valley_wire.txt"):
            shutil.copy(ARTICLES / name, inbox / name)
        verify_articles(RunConfig(input_path=inbox, warehouse_path=db))
        assert warehouse_rows(db, "SELECT count(*) FROM discrepancies WHERE kind = 'attribution'") == [(1,)]
        fixed = (ARTICLES / "st4_valley_wire.txt").read_text().replace(
            "police chief Dario Fenn said", "Governor Ilse Marrow said")
        (inbox / "st4_valley_wire.txt").write_text(fixed)
        verify_articles(RunConfig(input_path=inbox, warehouse_path=db))
    assert warehouse_rows(db, "SELECT count(*) FROM discrepancies WHERE kind = 'attribution'") == [(0,)]
    sid = _statement_of(db, "st4_valley_wire", "find and punish")
    assert sid == _statement_of(db, "st1_tarn_courier", "find and punish")
    assert warehouse_rows(db, f"SELECT kind, severity FROM discrepancies WHERE statement_id = '{sid}'") == [("wording", "medium")]
    assert warehouse_rows(db, "SELECT count(*) FROM statements") == warehouse_rows(db, "SELECT count(DISTINCT statement_id) FROM quotes")
