"""A small made-up warehouse (three articles, one disputed date) for report and export tests.

Rows are inserted directly, so the report, the views and the exports are tested without
running the extraction pipeline.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from tests.claim_factory import make_claim
from warehouse.schema import migrate

ARTICLES = {
    "coast-1": ("Coastal Ledger", dt.date(2023, 5, 14), "Harbour bridge reopens", [
        "Harbour bridge reopens",
        "The Fenwick bridge reopened on May 13 after repairs that lasted 14 weeks.",
        '"The deck is safe and the work came in under budget," said Edda Marlowe, the chief engineer.',
        "The bridge had been closed on February 3, 2023.",
    ]),
    "harbour-2": ("Harbour Daily", dt.date(2023, 5, 15), "Traffic returns to Fenwick bridge", [
        "Traffic returns to Fenwick bridge",
        "Traffic returned to the Fenwick bridge on May 12, ending a closure of 14 weeks.",
        "Marlowe said about 1,200 vehicles crossed in the first hour.",
        "It was closed in February 2023 after inspectors found corrosion.",
    ]),
    "wire:3": ("Example Wire", dt.date(2023, 5, 15), "Bridge open again", [
        "Bridge open again",
        '"We reopened the bridge on May 12 <as planned> & on budget," said port chief Ivo Pernell.',
        "The repair bill came to 4.5 million pounds.",
    ]),
}

# (claim_id, article, kind, surface, date or number, precision/unit, fact_key, quote_id)
CLAIMS = [
    ("c1", "coast-1", "date", "May 13", dt.date(2023, 5, 13), "day", "reopening", None),
    ("c2", "harbour-2", "date", "May 12", dt.date(2023, 5, 12), "day", "reopening", None),
    ("c3", "wire:3", "date", "May 12", dt.date(2023, 5, 12), "day", "reopening", "q3"),
    ("c4", "coast-1", "duration", "14 weeks", 14, "week", "repair-length", None),
    ("c5", "harbour-2", "duration", "14 weeks", 14, "week", "repair-length", None),
    ("c6", "coast-1", "date", "February 3, 2023", dt.date(2023, 2, 3), "day", "closure", None),
    ("c7", "harbour-2", "date", "February 2023", dt.date(2023, 2, 1), "month", "closure", None),
    ("c8", "wire:3", "quantity", "4.5 million pounds", 4_500_000, "pound", "repair-cost", None),
    ("c9", "harbour-2", "count", "about 1,200 vehicles", 1200, "vehicle", None, "q2"),
]

# (quote_id, article, speaker, kind, text)
QUOTES = [
    ("q1", "coast-1", "Edda Marlowe", "direct", "The deck is safe and the work came in under budget"),
    ("q2", "harbour-2", "Edda Marlowe", "indirect", "about 1,200 vehicles crossed in the first hour"),
    ("q3", "wire:3", "Ivo Pernell", "direct", "We reopened the bridge on May 12 <as planned> & on budget"),
]

FACTS = [
    ("reopening", "date", "bridge reopening date", "disputed", 3, 3),
    ("repair-length", "duration", "length of the repairs", "corroborated", 2, 2),
    ("closure", "date", "bridge closure date", "corroborated", 2, 2),
    ("repair-cost", "quantity", "repair cost", "single", 1, 1),
]


def body_of(article_id: str) -> str:
    return "\n\n".join(ARTICLES[article_id][3])


def sentence_with(article_id: str, needle: str) -> str:
    return next(s for s in ARTICLES[article_id][3] if needle in s)


def fill_demo(con: duckdb.DuckDBPyConnection) -> None:
    migrate(con)
    con.execute("INSERT INTO runs VALUES ('r1', 'f1', '2023-05-16 10:00', '2023-05-16 10:01', 'completed', 2, 0, 0, "
                "3, 8, 1, '0.1.0'), ('r2', 'f2', '2023-05-17 10:00', '2023-05-17 10:01', 'completed', 1, 2, 1, "
                "1, 2, 0, '0.1.0')")
    for article_id, (outlet, date, title, _sentences) in ARTICLES.items():
        run = "r2" if article_id == "wire:3" else "r1"
        con.execute("INSERT INTO articles (article_id, source_path, content_sha256, title, outlet, url, published_date, "
                    "published_precision, published_source, body, ingested_at, run_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, 'day', 'header', ?, '2023-05-16 10:00', ?)",
                    [article_id, f"/in/{article_id}.txt", "0" * 64, title, outlet, None, date, body_of(article_id), run])
    for quote_id, article_id, speaker, kind, text in QUOTES:
        body = body_of(article_id)
        start = body.index(text)
        con.execute("INSERT INTO quotes (quote_id, article_id, speaker_id, speaker_name, speaker_text, kind, text, cue, "
                    "start_char, end_char, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, 'said', ?, ?, 0.9)",
                    [quote_id, article_id, speaker.lower().replace(" ", "-"), speaker, speaker.split()[-1], kind, text,
                     start, start + len(text)])
    for claim_id, article_id, kind, surface, value, precision, fact_key, quote_id in CLAIMS:
        body = body_of(article_id)
        start = body.index(surface)
        is_date = kind == "date"
        claim = make_claim(
            claim_id=claim_id, article_id=article_id, quote_id=quote_id, kind=kind, surface=surface,
            sentence=sentence_with(article_id, surface), value_num=None if is_date else value,
            unit=None if is_date else precision, hedge="approx" if "about" in surface else "exact",
            date_value=value if is_date else None, date_precision=precision if is_date else None,
            fact_key=fact_key, start_char=start, end_char=start + len(surface))
        row = claim.model_dump(exclude={"event"})
        con.execute(f"INSERT INTO claims ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    con.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)", FACTS)
    con.execute("INSERT INTO discrepancies (discrepancy_id, fact_key, kind, severity, status, explanation, "
                "first_seen_run) VALUES ('d1', 'reopening', 'date', 'high', 'open', "
                "'2023-05-13 vs 2023-05-12 for the bridge reopening', 'r2')")
    con.executemany("INSERT INTO discrepancy_members (discrepancy_id, claim_id, article_id, side) VALUES ('d1', ?, ?, ?)", [
        ("c1", "coast-1", "2023-05-13"), ("c2", "harbour-2", "2023-05-12"), ("c3", "wire:3", "2023-05-12"),
    ])
    con.execute("INSERT INTO rejected_inputs VALUES ('r2', '/in/dump.jsonl:5', 'line 5: malformed JSON')")
    con.execute("INSERT INTO speakers (speaker_id, canonical_name, kind, role, organisation, gender, origin) "
                "VALUES ('edda-marlowe', 'Edda Marlowe', 'person', 'chief engineer', NULL, "
                "NULL, NULL), ('ivo-pernell', 'Ivo Pernell', 'person', 'port chief', NULL, NULL, NULL)")


@pytest.fixture()
def demo_con():
    """An in-memory warehouse holding the made-up rows."""
    con = duckdb.connect()
    fill_demo(con)
    yield con
    con.close()


def demo_warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    fill_demo(con)
    con.close()
    return path
