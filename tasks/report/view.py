"""The base of every record the report renders: closed and immutable."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class View(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
