"""Statements: one utterance as reported by one or more articles, and checks against transcripts."""
from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from pydantic import Field

from models.base import Record

StatementStatus = Literal["corroborated", "disputed", "single"]
# How a quote belongs to its statement: it reports the words ("quote"), a part of them
# ("fragment"), or it paraphrases a direct quote of them ("paraphrase", never compared word by word).
StatementRelation = Literal["quote", "fragment", "paraphrase"]
TranscriptVerdict = Literal["verbatim", "altered", "not_found"]


class Statement(Record):
    statement_id: str
    speaker_id: str | None = None
    speaker_name: str | None = None
    text: str = Field(min_length=1)
    n_quotes: int = Field(ge=1)
    n_articles: int = Field(ge=1)
    status: StatementStatus


class TranscriptCheck(Record):
    """A quote of a transcript's speaker, checked against the transcript (the primary source)."""

    quote_id: str
    transcript_id: str  # the transcript's article_id
    verdict: TranscriptVerdict
    severity: Literal["high", "medium", "low"] | None = None
    transcript_text: str | None = None  # the passage the quote was aligned with
    explanation: str


class StatementQuote(NamedTuple):
    """The columns statement linking reads (the warehouse loads these, not whole `Quote` models)."""

    quote_id: str
    article_id: str
    speaker_id: str | None
    speaker_name: str | None
    kind: str
    text: str
    published_date: dt.date | None
    statement_id: str | None
    statement_relation: str | None
    # How firmly the article credits the speaker (tasks.linking.credits): the mention it
    # was attributed through, and the extraction's confidence.
    speaker_text: str | None = None
    confidence: float = 1.0


STATEMENT_QUOTE_COLUMNS = StatementQuote._fields
