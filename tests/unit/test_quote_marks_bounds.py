"""The bounded quote-mark helpers (issue 16) agree with the linear searches they replace."""
from __future__ import annotations

import pytest

from tasks.quotes.marks import (
    MAX_INTRO_CHARS,
    ParagraphIndex,
    find_quote_spans,
    intro_window_start,
    paragraphs,
)

BODIES = [
    "Title\n\nFirst paragraph.\n\nSecond one.\nThird, no blank line.\n\n\nFourth.",
    "One line only",
    "\n\nLeading blank lines\n\nand more",
]


@pytest.mark.parametrize("body", BODIES)
def test_paragraph_index_matches_a_linear_search(body):
    paras = paragraphs(body)
    index = ParagraphIndex(paras)
    for pos in range(-1, len(body) + 2):
        assert index.start_of(pos) == next((s for s, e in paras if s <= pos < e), 0)
        before = [(s, e) for s, e in paras if e <= pos]
        assert index.ending_by(pos) == (before[-1] if before else None)


@pytest.mark.parametrize("para_start, pos, expected", [
    (0, 10, 0), (0, MAX_INTRO_CHARS + 10, 10), (500, 600, 500), (0, MAX_INTRO_CHARS, 0),
])
def test_intro_window_is_bounded(para_start, pos, expected):
    assert intro_window_start(para_start, pos) == expected


def test_many_marks_pair_in_order():
    body = "Title\n\n" + " ".join(f'"w{i}"' for i in range(2000))
    spans = find_quote_spans(body)
    assert len(spans) == 2000 and all(body[s.start:s.end] == f"w{i}" for i, s in enumerate(spans))


def test_tail_tokens_match_the_full_list():
    from tasks.nlp import load_nlp
    from tasks.quotes.frames import Tokens
    from tasks.quotes.windows import tail_tokens as _tail_tokens

    doc = load_nlp()("The minister said , \" it works . \" Then she shot back : \" No ! \" and left ...")
    toks = Tokens(doc)
    for start in range(0, len(doc.text), 3):
        for end in range(start + 1, len(doc.text) + 1, 2):
            full = [i for i in toks.range(start, end) if doc[i].idx < end and not doc[i].is_space]
            tail = _tail_tokens(doc, toks.range(start, end), end)
            while full and doc[full[-1]].is_punct:
                assert tail and tail[-1] == full[-1]
                full.pop()
                tail.pop()
            assert tail[-2:] == full[-2:] if len(full) >= 2 else tail == full
