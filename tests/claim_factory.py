"""Hand-built claims for unit tests: an event written "triggers | entities | role", values filled."""
from __future__ import annotations

from models import Claim
from models.claim import Event
from tasks.claims.values import with_values


def event(text: str | None) -> Event | None:
    """"sign accord | norland southia | on" -> Event (entities one per word)."""
    if text is None:
        return None
    parts = (text.split("|") + ["", "", ""])[:3]
    return Event(triggers=parts[0].split(), entities=parts[1].split(), role=parts[2].strip())


def make_claim(**fields) -> Claim:
    if isinstance(fields.get("event"), str):
        fields["event"] = event(fields["event"])
    return with_values(Claim(**fields))
