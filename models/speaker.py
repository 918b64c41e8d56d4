"""Canonical speakers (people and organisations) and the names they go by."""
from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from models.base import Record

SpeakerKind = Literal["person", "organisation"]
Gender = Literal["female", "male", "unknown"]


def speaker_id_for(canonical_name: str) -> str:
    """Readable, stable id: 'Maria Zakharova' -> 'maria-zakharova'."""
    slug = re.sub(r"[^a-z0-9]+", "-", canonical_name.lower()).strip("-")
    return slug or "unknown"


class Speaker(Record):
    speaker_id: str
    canonical_name: str = Field(min_length=1)
    kind: SpeakerKind = "person"
    role: str | None = None
    organisation: str | None = None
    gender: Gender = "unknown"
    aliases: list[str] = Field(default_factory=list)
    # Where the entry came from: "registry" (curated) or "text" (found in an article).
    origin: Literal["registry", "text"] = "registry"
    # The speaker this one is a name variant of ("Paul D. Ryan" -> paul-ryan), set by
    # corpus-level speaker linking (tasks.linking.name_variants); None when it is its own.
    same_as: str | None = None

    @field_validator("speaker_id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", v):
            raise ValueError(f"speaker_id must be a slug, got {v!r}")
        return v


class SpeakerAlias(Record):
    speaker_id: str
    alias: str = Field(min_length=1)


class SpeakerMention(Record):
    """A quote's speaker as its article left it, when the article alone could not resolve
    it (a bare surname): corpus-level linking (`tasks.linking.speakers`) may give the quote
    a speaker named in full elsewhere, and can always undo that from this row."""

    quote_id: str
    article_id: str
    speaker_id: str  # as the article resolved it
    speaker_name: str | None = None
    # folded surname ("okafor"), or folded full name ("paul d. ryan") of a quote credited
    # to a name variant of another speaker
    mention: str = Field(min_length=1)
    kind: SpeakerKind = "person"
