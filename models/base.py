"""Shared base and identifier helpers for records."""
from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A warehouse row: strict about unknown fields so models and tables cannot drift."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


def stable_id(*parts: object, length: int = 16) -> str:
    """Deterministic id from the parts, so re-running the same input yields the same ids."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:length]


class Span(Record):
    """A character span into an article's normalised body."""

    start_char: int
    end_char: int

    def model_post_init(self, context: object, /) -> None:
        if self.start_char < 0 or self.end_char < self.start_char:
            raise ValueError(f"bad span {self.start_char}..{self.end_char}")
