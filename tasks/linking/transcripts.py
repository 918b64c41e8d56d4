"""Quotes checked against official transcripts (articles with a `Type: transcript` header).

A transcript is a primary source: what its speaker (the `Speaker:` header, else the
speaker its own quotes name most) said is in its text. Every direct or partial quote of
that speaker in another article within `TIME_WINDOW_DAYS` is aligned with the transcript:

- `verbatim`: the quote's words appear in the transcript as they are (case, punctuation,
  articles and plurals aside), or differ only in ways `quote_diff` says change nothing;
- `altered`: a passage of the transcript holds most of the quote's content words, in
  order, but the words differ; the explanation is the word-level difference;
- `not_found`: no passage does.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from models import StatementQuote, TranscriptCheck
from tasks.linking.quote_diff import candidate_windows, word_diff
from tasks.linking.quote_match import TIME_WINDOW_DAYS, _name_tokens
from tasks.linking.quote_words import Word, content, quote_words

CHECKED_KINDS = frozenset({"direct", "partial"})
# A passage "holds" a quote when it has this share of the quote's content words (and at least MIN_SHARED).
MIN_COVER = 0.6
MIN_SHARED = 3
WINDOWS_TRIED = 5
_VERDICT_RANK = {"verbatim": 0, "altered": 1, "not_found": 2}


class Transcript(NamedTuple):
    article_id: str
    published_date: dt.date | None
    speaker: str | None
    body: str


def transcript_speaker(t: Transcript, quotes: Sequence[StatementQuote]) -> str | None:
    if t.speaker:
        return t.speaker
    named = Counter(q.speaker_name for q in quotes if q.article_id == t.article_id and q.speaker_name)
    return min(named, key=lambda n: (-named[n], n)) if named else None


def _compatible(name: str | None, speaker: str) -> bool:
    a, b = _name_tokens(name), _name_tokens(speaker)
    return bool(a and b and (a <= b or b <= a))


def _close(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= TIME_WINDOW_DAYS


def check_quote(q: StatementQuote, t: Transcript, body: tuple[Word, ...], positions) -> TranscriptCheck:
    words = quote_words(q.text)
    stems = " " + " ".join(w.stem for w in words) + " "
    if stems.strip() and stems in " " + " ".join(w.stem for w in body) + " ":
        return TranscriptCheck(quote_id=q.quote_id, transcript_id=t.article_id, verdict="verbatim",
                               explanation=f"Quoted verbatim from transcript {t.article_id}.")
    wanted = content(words)
    best = None
    for lo, hi in candidate_windows(body, words, positions, WINDOWS_TRIED):
        got = content(body[lo:hi])
        shared = len(wanted & got)
        if wanted and shared >= min(MIN_SHARED, len(wanted)) and shared / len(wanted) >= MIN_COVER \
                and (best is None or shared > best[0]):
            best = (shared, lo, hi)
    if best is None:
        return TranscriptCheck(quote_id=q.quote_id, transcript_id=t.article_id, verdict="not_found",
                               explanation=f"Not found in transcript {t.article_id}.")
    _, lo, hi = best
    passage = t.body[body[lo].start:body[hi - 1].end]
    diff = word_diff(passage, q.text)
    if diff.severity is None:
        return TranscriptCheck(quote_id=q.quote_id, transcript_id=t.article_id, verdict="verbatim",
                               transcript_text=" ".join(passage.split()),
                               explanation=f"Quoted verbatim from transcript {t.article_id} (punctuation aside).")
    return TranscriptCheck(quote_id=q.quote_id, transcript_id=t.article_id, verdict="altered", severity=diff.severity,
                           transcript_text=" ".join(passage.split()),
                           explanation=f"Altered from transcript {t.article_id}: the transcript says "
                                       f"\u201c{diff.ref_window}\u201d, the quote \u201c{diff.var_window}\u201d "
                                       f"({', '.join(diff.reasons)}).")


def check_transcripts(transcripts: Sequence[Transcript], quotes: Sequence[StatementQuote]) -> list[TranscriptCheck]:
    """One check per quote of a transcript's speaker (the best verdict over the transcripts)."""
    ids = {t.article_id for t in transcripts}
    best: dict[str, TranscriptCheck] = {}
    for t in sorted(transcripts):
        speaker = transcript_speaker(t, quotes)
        if not speaker:
            continue
        body = quote_words(t.body)
        positions: dict[str, list[int]] = {}
        for i, w in enumerate(body):
            positions.setdefault(w.canon, []).append(i)
        for q in sorted(quotes, key=lambda q: q.quote_id):
            if q.article_id in ids or q.kind not in CHECKED_KINDS or not _compatible(q.speaker_name, speaker) \
                    or not _close(q.published_date, t.published_date):
                continue
            check = check_quote(q, t, body, positions)
            old = best.get(q.quote_id)
            if old is None or _VERDICT_RANK[check.verdict] < _VERDICT_RANK[old.verdict]:
                best[q.quote_id] = check
    return [best[k] for k in sorted(best)]
