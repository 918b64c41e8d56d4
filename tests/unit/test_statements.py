"""Statement linking on made-up quotes: the alignment and severity rules, grouping, increments."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from models import StatementQuote
from tasks.linking.quote_diff import word_diff
from tasks.linking.quote_match import QuoteText, relate
from tasks.linking.statements import link_statements
from tasks.linking.transcripts import Transcript, check_transcripts

DAY = dt.date(2025, 6, 2)


# -- severity of a word-level difference ---------------------------------------------
@pytest.mark.parametrize("reference,variant,severity,reason", [
    # no discrepancy: punctuation, case, articles, plurals, truncation at either end
    ("The talks were useful.", "the talks were useful", None, None),
    ("THE TALKS, were useful!", "Talks were useful", None, None),
    ("We will rebuild the bridge", "We will rebuild a bridge", None, None),
    ("We will rebuild the bridges", "We will rebuild the bridge", None, None),
    ("We will rebuild the bridge, and we will do it fast", "We will rebuild the bridge", None, None),
    ("Frankly, we will rebuild the bridge", "we will rebuild the bridge", None, None),
    ("those who are responsible will pay", "those responsible will pay", None, None),
    ("We don't want a war", "We do not want a war", None, None),
    # high: number, negation, name, qualifier
    ("The depot will reopen within two weeks", "The depot will reopen within three weeks", "high", "changed number"),
    ("Twelve buses burned", "15 buses burned", "high", "changed number"),
    ("The depot will reopen within two weeks", "The depot will reopen within two months", "medium", "changed words"),
    ("We are one of those small players", "We are those small players", "medium", "dropped words"),  # a lone "one" is a word
    ("It took a 30 min[ute] walk", "It took a 30 minute walk", None, None),  # editorial brackets
    ("It took a 30 min walk", "It took a 30 minute walk", None, None),  # an abbreviation
    ("It took a 30 minute walk", "It took a 30 minute wall", "medium", "changed words"),
    ("humans becoming multi-planetary need help", "humans becoming multiplanetary need help", None, None),
    # a fragment compared with the stretch it reports, not scattered over the whole quote
    ("I was going to pass out. Going upstairs to bed was a slow activity as I could only manage two stairs",
     "Going upstairs to bed was a slow activity as I could only manage two stairs", None, None),
    ("We will sign the treaty", "We will not sign the treaty", "high", "negation"),
    ("We never asked for help", "We asked for help", "high", "negation"),
    ("We met Orlan in Kessel", "We met Vesna in Kessel", "high", "changed name"),
    ("We will probably sign it", "We will sign it", "high", "changed qualifier"),
    ("All schools will reopen", "Some schools will reopen", "high", "changed qualifier"),
    ("We will sign it", "We may sign it", "high", "changed qualifier"),
    # medium: a dropped clause or other content words
    ("We will find and punish those who are responsible", "We will find those responsible", "medium", "dropped words"),
    ("We will rebuild the bridge quickly and cheaply", "We will rebuild the bridge cheaply and quickly", "low",
     "word order"),
    ("The bridge will open in spring", "The bridge will open in autumn", "medium", "changed words"),
    ("We will help them", "They will help us", "medium", "changed pronoun"),
    # low: translation variants, word order
    ("The talks were useful and frank", "The negotiations were frank and productive", "low", "word order"),
    ("The talks were useful", "The negotiations were useful", "low", "translation variant"),
])
def test_word_diff_severity(reference, variant, severity, reason):
    diff = word_diff(reference, variant)
    assert diff.severity == severity, diff
    if reason:
        assert diff.reasons[0] == reason, diff.reasons


def test_word_diff_shows_the_changed_stretch_with_context():
    diff = word_diff("We will find and punish those who are responsible.", "We will find those responsible")
    assert (diff.ref_window, diff.var_window) == ("find and punish those who are responsible", "find those responsible")
    assert diff.describe().startswith("\u201cfind and punish those who are responsible\u201d / \u201cfind those")
    ref = "We will find and punish those who are responsible."
    assert [ref[a:b] for a, b in diff.ref_marks] == ["and", "punish"]


# -- does a pair report one utterance? ------------------------------------------------
def _qt(text, speaker="Ilse Marrow", kind="direct", day=DAY):
    return QuoteText.of(text, speaker and speaker.lower().replace(" ", "-"), speaker, kind, day)


LONG = "We will find and punish those who are responsible for the attack on the Kessel depot"


@pytest.mark.parametrize("a,b,kind", [
    (_qt(LONG), _qt(LONG), "same"),
    (_qt(LONG), _qt("We will find those responsible for the attack on the Kessel depot"), "same"),
    (_qt("The talks with the union were useful and frank"),
     _qt("The negotiations with the union were frank and productive"), "same"),
    (_qt(LONG), _qt("punish those who are responsible for the attack", kind="partial"), "fragment"),
    (_qt(LONG + ". The police have my full support and they will get every resource they need"),
     _qt(LONG), "fragment"),
    (_qt(LONG), _qt("the authorities would find and punish those responsible for the attack on the depot",
                    kind="indirect"), "paraphrase"),
    # a name inside the other ("Marrow" / "Ilse Marrow") is the same speaker
    (_qt(LONG), _qt("We will find and punish those responsible for the attack", speaker="Marrow"), "same"),
    # the same words credited to someone else: related (an attribution discrepancy)
    (_qt(LONG), _qt(LONG, speaker="Dario Fenn"), "same"),
    (_qt(LONG), _qt(LONG, speaker=None), "same"),
    # negative cases: nothing to relate
    (_qt("The depot will reopen within two weeks, and no jobs will be lost"),
     _qt("Workers at the depot will be paid for the two weeks it stays closed"), None),
    (_qt("Every school in Kessel will stay open this week"), _qt("The depot will stay closed this week"), None),
    (_qt(LONG), _qt(LONG, day=DAY + dt.timedelta(days=30)), None),
    (_qt(LONG), _qt("We will find and punish those who are responsible", speaker="Dario Fenn"), None),
    (_qt("We will find and punish those responsible"), _qt("find and punish", kind="partial"), None),
    (_qt(LONG), _qt("the authorities would look into the attack", kind="indirect"), None),
    (_qt(LONG), _qt("the authorities would find and punish those responsible for the attack",
                    speaker="Dario Fenn", kind="indirect"), None),
])
def test_relate(a, b, kind):
    rel = relate(a, b)
    assert (rel.kind if rel else None) == kind
    back = relate(b, a)
    assert (back.kind if back else None) == kind  # symmetric


# -- grouping ----------------------------------------------------------------------------
def _q(i, article, text, speaker="Ilse Marrow", kind="direct", day=DAY, sid=None, rel=None):
    return StatementQuote(i, article, speaker and speaker.lower().replace(" ", "-"), speaker, kind, text, day, sid, rel,
                          speaker_text=speaker, confidence=0.87)


QUOTES = [
    _q("q1", "a1", LONG), _q("q2", "a2", LONG), _q("q3", "a3", "We will find those responsible for the attack on the "
                                                               "Kessel depot"),
    _q("q4", "a4", LONG, speaker="Dario Fenn"), _q("q5", "a5", "We will find and punish those who are responsible"),
    _q("q6", "a5", "the authorities would find and punish those responsible for the attack on the depot",
       kind="indirect"),
    _q("q7", "a1", "The depot will reopen within two weeks, and no jobs will be lost"),
    _q("q8", "a2", "Workers at the depot will be paid for the two weeks it stays closed"),
    _q("q9", "a3", "The depot will reopen within three weeks, and no jobs will be lost"),
    # a phrase inside two different statements must not chain them
    _q("q10", "a6", "the depot will be paid for two weeks and no jobs will be lost", kind="partial"),
]


def _groups(links) -> set[frozenset]:
    by: dict[str, set] = {}
    for quote_id, sid, _ in links.assignments:
        by.setdefault(sid, set()).add(quote_id)
    return {frozenset(v) for v in by.values()}


def test_grouping():
    links = link_statements(QUOTES, [q.quote_id for q in QUOTES])
    groups = _groups(links)
    assert frozenset({"q1", "q2", "q3", "q4", "q5", "q6"}) in groups
    assert frozenset({"q8"}) in groups
    assert frozenset({"q7", "q9"}) in groups or frozenset({"q7", "q9", "q10"}) in groups
    relation = {q: r for q, _, r in links.assignments}
    assert relation["q6"] == "paraphrase" and relation["q1"] == "quote"
    kinds = sorted((d.kind, d.severity) for d in links.discrepancies)
    assert kinds == [("attribution", "high"), ("wording", "high"), ("wording", "medium")]


def test_grouping_does_not_depend_on_input_order():
    expected = link_statements(QUOTES, [q.quote_id for q in QUOTES])
    for seed in range(5):
        shuffled = QUOTES[:]
        random.Random(seed).shuffle(shuffled)
        got = link_statements(shuffled, [q.quote_id for q in reversed(shuffled)])
        assert sorted(got.assignments) == sorted(expected.assignments)
        assert sorted(d.discrepancy_id for d in got.discrepancies) == sorted(d.discrepancy_id for d in expected.discrepancies)


def _stored(links, quotes):
    where = {q: (s, r) for q, s, r in links.assignments}
    return [q._replace(statement_id=where[q.quote_id][0], statement_relation=where[q.quote_id][1])
            if q.quote_id in where else q for q in quotes]


def test_incremental_runs_give_the_grouping_of_one_run():
    once = link_statements(QUOTES, [q.quote_id for q in QUOTES])
    first, second = QUOTES[::2], QUOTES[1::2]
    links = link_statements(first, [q.quote_id for q in first])
    stored = _stored(links, first) + second
    links2 = link_statements(stored, [q.quote_id for q in second])
    final = {q.quote_id: q.statement_id for q in _stored(links2, stored)}
    by: dict[str, set] = {}
    for quote_id, sid in final.items():
        by.setdefault(sid, set()).add(quote_id)
    assert {frozenset(v) for v in by.values()} == _groups(once)
    # Statements of the first run that joined others are rewritten, the rest untouched.
    assert links2.replaced <= {s for _, s, _ in links.assignments}


def test_only_touched_statements_are_rechecked():
    links = link_statements(QUOTES, [q.quote_id for q in QUOTES])
    stored = _stored(links, QUOTES)
    new = _q("q11", "a7", "Every school in Kessel will stay open this week")
    again = link_statements(stored + [new], ["q11"])
    assert [a[0] for a in again.assignments] == ["q11"] and not again.replaced


def test_a_changed_file_splits_its_statement():
    links = link_statements(QUOTES, [q.quote_id for q in QUOTES])
    stored = [q for q in _stored(links, QUOTES) if q.quote_id != "q4"]  # a4 was edited away
    touched = {s for q, s, _ in links.assignments if q == "q4"}
    again = link_statements(stored, [], touched)
    assert not any(d.kind == "attribution" for d in again.discrepancies)
    assert touched <= again.replaced


# -- transcripts ------------------------------------------------------------------------
TRANSCRIPT = Transcript("t1", DAY, "Ilse Marrow", "Good morning. " + LONG + ". The depot will reopen within two weeks, "
                        "and no jobs will be lost. The talks with the union were useful and frank.")


@pytest.mark.parametrize("text,speaker,verdict,severity", [
    ("The depot will reopen within two weeks, and no jobs will be lost.", "Ilse Marrow", "verbatim", None),
    ("the depot will reopen within two weeks", "Marrow", "verbatim", None),
    ("The depot will reopen within three weeks, and no jobs will be lost", "Ilse Marrow", "altered", "high"),
    ("We will find those responsible for the attack on the Kessel depot", "Ilse Marrow", "altered", "medium"),
    ("The negotiations with the union were frank and productive", "Ilse Marrow", "altered", "low"),
    ("Every school in Kessel will stay open this week", "Ilse Marrow", "not_found", None),
    ("The depot will reopen within three weeks", "Dario Fenn", None, None),  # not the transcript's speaker
])
def test_transcript_checks(text, speaker, verdict, severity):
    checks = check_transcripts([TRANSCRIPT], [_q("q1", "a1", text, speaker=speaker)])
    assert [(c.verdict, c.severity) for c in checks] == ([(verdict, severity)] if verdict else [])


def _weekly(week: int, text: str, suffix: str):
    return _q(f"h{week}{suffix}", f"x{week}{suffix}", text, day=DAY + dt.timedelta(weeks=week))


def _tag(week: int) -> str:
    return chr(97 + week // 26) + chr(97 + week % 26)


def test_an_incremental_run_indexes_only_the_weeks_around_its_quotes():
    # 60 weeks of a different statement each week, each reported twice; then one new report.
    history = [_weekly(w, f"The {_tag(w)}bridge will reopen after the {_tag(w)}repairs on the {_tag(w)}span", s)
               for w in range(60) for s in "ab"]
    first = link_statements(history, [q.quote_id for q in history])
    assert first.quotes_indexed == len(history) and len(first.statements) == 60
    stored = _stored(first, history)
    new = _q("n1", "z1", f"The {_tag(30)}bridge will reopen after the {_tag(30)}repairs on the {_tag(30)}span",
             day=DAY + dt.timedelta(weeks=30, days=1))
    again = link_statements(stored + [new], ["n1"])
    assert again.quotes_indexed <= 7  # three weeks of two reports, and the new one
    [(_, sid, _)] = [a for a in again.assignments if a[0] == "n1"]
    assert sid == next(s for q, s, _ in first.assignments if q == "h30a")
    everything = link_statements(history + [new], [q.quote_id for q in history] + ["n1"])
    assert sid == next(s for q, s, _ in everything.assignments if q == "n1")


def test_a_line_repeated_again_and_again_does_not_chain_into_one_statement():
    # "Evacuations rose to N" every four days for a month: each report links to the next, but a
    # statement spans TIME_WINDOW_DAYS at most, earliest first.
    history = [_q(f"h{k}{s}", f"x{k}{s}", f"The number of people evacuated from the valley rose to {100 + k} today",
                  day=DAY + dt.timedelta(days=4 * k)) for k in range(8) for s in "ab"]
    links = link_statements(history, [q.quote_id for q in history])
    groups = _groups(links)
    assert groups == {frozenset({f"h{k}a", f"h{k}b", f"h{k + 1}a", f"h{k + 1}b"}) for k in (0, 2, 4, 6)}
    shuffled = list(reversed(history))
    assert _groups(link_statements(shuffled, [q.quote_id for q in shuffled])) == groups


def test_each_pair_is_compared_once_and_reprints_share_their_prepared_text():
    from tasks.linking.statement_index import CandidateIndex, QuoteTexts

    rows = sorted(QUOTES + [_q(f"r{k}", f"b{k}", LONG) for k in range(3)], key=lambda q: q.quote_id)
    texts = QuoteTexts(rows)
    index = CandidateIndex(rows, texts)
    pairs = {tuple(sorted((i, j))) for i in range(len(rows)) for j in index.candidates(i)}
    links = link_statements(rows, [q.quote_id for q in rows])
    assert links.relations_compared == len(pairs)
    same_text = [i for i, q in enumerate(rows) if q.text == LONG and q.speaker_name == "Ilse Marrow"]
    assert len(same_text) == 5 and len({id(texts[i]) for i in same_text}) == 1
    other_speaker = next(i for i, q in enumerate(rows) if q.text == LONG and q.speaker_name == "Dario Fenn")
    assert texts[other_speaker] is not texts[same_text[0]]
    assert index.keys[same_text[0]] is index.keys[same_text[1]]
