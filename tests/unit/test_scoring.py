import datetime as dt

import pytest

from tasks.eval.scoring import (
    EvalReport,
    quote_matches,
    score_claims,
    score_discrepancies,
    score_quotes,
    singular,
)

GOLD = {
    "articles": ["a", "b"],
    "quotes": [
        {"article": "a", "speaker": "Jane Roe", "kind": "direct", "contains": "we will build the bridge"},
        {"article": "a", "speaker": "Jane Roe", "kind": "indirect", "contains": "taxes would fall"},
        {"article": "b", "speaker": "Acme Ministry", "speaker_alternatives": ["Acme"], "kind": "partial",
         "contains": "a historic step"},
        {"article": "b", "speaker": "X", "kind": "partial", "contains": "maybe", "optional": True},
    ],
    "claims": [
        {"article": "a", "kind": "date", "contains": "opened on May 2, 2020", "value": "2020-05-02"},
        {"article": "a", "kind": "count", "contains": "about 40 workers", "value": {"value": 40, "unit": "worker", "hedge": "approx"}},
    ],
    "discrepancies": [
        {"id": "d", "required": True, "severity": "high", "sides": {"2020-05-02": ["a"], "2020-05-03": ["b"]}},
    ],
}


def test_quote_match_rules():
    assert quote_matches("He said we will build the bridge soon", "we will build the bridge")
    assert quote_matches("build the bridge", "we will build the bridge")  # inside, covers half
    assert not quote_matches("bridge", "we will build the bridge")  # too small a piece
    assert quote_matches("\u201cwe  will build\nthe bridge\u201d", "we will build the bridge")


def test_score_quotes_recall_precision_attribution():
    quotes = [
        {"article_id": "a", "text": "we will build the bridge", "speaker_name": "Jane Roe", "kind": "direct"},
        {"article_id": "b", "text": "a historic step", "speaker_name": "Acme", "kind": "partial"},
        {"article_id": "b", "text": "maybe", "speaker_name": None, "kind": "partial"},
        {"article_id": "b", "text": "Iron Fist", "speaker_name": None, "kind": "partial"},
        {"article_id": "z", "text": "not scored", "speaker_name": None, "kind": "direct"},
    ]
    r = EvalReport()
    score_quotes(GOLD, quotes, r)
    assert r.quotes_required == 3 and r.quote_recall == 2 / 3
    assert r.quote_precision == 3 / 4  # "Iron Fist" is spurious; article z is not scored
    assert r.attribution_accuracy == 1.0
    assert r.by_kind["indirect"].found == 0


def test_score_claims_value_and_sentence():
    body = "Title\n\nThe plant opened on May 2, 2020 with about 40 workers."
    claims = [
        {"article_id": "a", "sentence": "The plant opened on May 2, 2020 with about 40 workers.", "surface": "May 2, 2020",
         "start_char": 26, "end_char": 37, "date_value": dt.date(2020, 5, 2), "date_precision": "day", "value_num": None},
        {"article_id": "a", "sentence": "The plant opened on May 2, 2020 with about 40 workers.", "surface": "about 40 workers",
         "start_char": 43, "end_char": 59, "value_num": 40.0, "unit": "workers", "hedge": "exact", "date_value": None},
    ]
    r = EvalReport()
    score_claims(GOLD, claims, {"a": body}, r)
    assert r.claim_recall == 0.5  # the count has the wrong hedge
    assert singular("workers") == "worker" and singular("casualties") == "casualty"


def test_score_discrepancies_sides_severity_and_false():
    found = {"discrepancy_id": "1", "severity": "high", "members": [("a", "2020-05-02"), ("b", "2020-05-03")]}
    spurious = {"discrepancy_id": "2", "severity": "low", "members": [("a", "5 year"), ("b", "6 year")]}
    r = EvalReport()
    score_discrepancies(GOLD, [found, spurious], [], r)
    assert r.required_discrepancies_found == 1 and r.false_discrepancies == 1
    r = EvalReport()
    score_discrepancies(GOLD, [{**found, "severity": "low"}], [], r)
    assert r.required_discrepancies_found == 0


@pytest.mark.parametrize("extracted,right", [(None, True), ("", True), ("Jane Roe", False)])
def test_a_null_speaker_is_a_no_speaker_row(extracted, right):
    gold = {"quotes": [{"article": "a", "speaker": None, "kind": "indirect", "contains": "prices will rise"}]}
    r = EvalReport()
    score_quotes(gold, [{"article_id": "a", "text": "prices will rise", "speaker_name": extracted, "kind": "indirect"}], r)
    assert r.attribution_accuracy == (1.0 if right else 0.0)
