"""Attributed statements found in an article."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Span
from models.statement import StatementRelation

QuoteKind = Literal["direct", "partial", "indirect", "headline"]


class Quote(Span):
    quote_id: str
    article_id: str
    speaker_id: str | None = None
    # Canonical name; None only when no speaker could be found (never a guess).
    speaker_name: str | None = None
    # The mention as written in the text ("she", "the ministry", "Peskov").
    speaker_text: str | None = None
    kind: QuoteKind
    text: str = Field(min_length=1)
    cue: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    # Set by statement linking (tasks.linking.statements), never by per-article extraction.
    statement_id: str | None = None
    statement_relation: StatementRelation | None = None
