"""Do two claims' events match? Trigger words through event classes, entities fuzzily.

A claim's `event` (models.claim.Event, read from the parse by tasks.claims.events) is
compared as a `View`: triggers mapped to their event class (tasks.lexicon.EVENT_CLASSES:
"truce" and "ceasefire" are one word here) and entity words ("Azerbaijani" ~ "Azerbaijan"
by rapidfuzz).
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from models.link import LinkEvent
from tasks.claims.measures import EVENT_MEASURES
from tasks.lexicon import EVENT_CLASSES, MANNER_EVENT_CLASSES, MILESTONE_EVENT_CLASSES
from tasks.linking.compare import agree, disjoint, same_value
from tasks.linking.events import WINDOW_DAYS

_CANON = {w: cls for cls, words in EVENT_CLASSES.items() for w in words}
_SUBJECT_CLASSES = set(EVENT_CLASSES) - MANNER_EVENT_CLASSES

# Measured on the seed set (see tests/unit/test_facts.py): the same fact told by different
# outlets scores >= 0.55; unrelated claims that pass the value window score <= 0.35.
LINK_THRESHOLD = 0.5
# Entity names match across spellings and demonyms ("Armenian" ~ "Armenia") at this ratio.
ENTITY_RATIO = 85
# Roles that mark the start of a continuing state ("since December 12"): two claims of the
# very same day in that role describe the same state even when the sentences differ.
STATE_ROLES = {"since", "from"}
# Two different figures are one fact only when the event words agree closely (the first
# trigger and two thirds of the rest) and the same places or parties are named.
DIFFERENT_NUMBER_TRIGGERS = 0.8
# Percentages differ for every party, poll, period and measure named in one story: two
# different percentages are never linked (equal ones still corroborate).
NEVER_DISPUTED_UNITS = {"percent", "percentage point"}
# Two figures of one measure ("killed", "injured") in articles that report one event are
# one fact whatever words they use (tasks.linking.events groups the articles).
SAME_EVENT_MEASURE_SCORE = 0.9


def same_event_measure(a, b) -> bool:
    """Both figures state the same count measure and their articles report the same event."""
    event_a, event_b = getattr(a, "event_id", None), getattr(b, "event_id", None)
    return bool(a.measure in EVENT_MEASURES and a.measure == b.measure and event_a is not None and event_a == event_b)


def _measure_rule(a, b) -> float | None:
    """The measures' verdict: 0 (never), a score (link), or None (let the events decide)."""
    if a.kind == "date" or not (a.measure or b.measure):
        return None
    if a.measure and b.measure and a.measure != b.measure:
        return 0.0  # people killed and people injured are never one fact
    if a.measure not in EVENT_MEASURES:
        return None  # shares, sums, volumes: a story states many of them; the events words decide
    if same_event_measure(a, b):
        return SAME_EVENT_MEASURE_SCORE
    event_a, event_b = getattr(a, "event_id", None), getattr(b, "event_id", None)
    if a.measure == b.measure and event_a and event_b and not agree(a, b) and _apart(a, b):
        return 0.0  # reports days apart that do not group: two events' tolls differ because they are two
    return None


def _apart(a, b) -> bool:
    """Published further apart than one event's reports are grouped (tasks.linking.events)."""
    pa, pb = getattr(a, "published", None), getattr(b, "published", None)
    return pa is not None and pb is not None and abs((pa - pb).days) > WINDOW_DAYS


class View(NamedTuple):
    triggers: tuple[str, ...]
    entities: tuple[str, ...]
    role: str


def view(event) -> View:
    """The comparable form of an event (None or a publication date: nothing to compare)."""
    return _view(event if isinstance(event, LinkEvent) or event is None else LinkEvent.of(event))


@lru_cache(maxsize=65536)
def _view(event: LinkEvent | None) -> View:
    if event is None or event.about != "event":
        return View((), (), "")
    words = tuple(w for e in event.entities for w in e.split() if len(w) > 2)
    return View(tuple(_CANON.get(w, w) for w in event.triggers), words, event.role)


def similarities(a: View, b: View) -> tuple[float, float]:
    """(trigger similarity, entity similarity), each 0..1; the first trigger weighs most."""
    if not a.triggers or not b.triggers:
        return 0.0, 0.0
    ta, tb = set(a.triggers), set(b.triggers)
    shared = ta & tb
    for w in ta - shared:  # spelling variants and inflections the lemmatiser left apart
        if any(fuzz.ratio(w, v) >= 90 for v in tb - shared):
            shared.add(w)
    overlap = len(shared) / min(len(ta), len(tb), 3)
    primary = 1.0 if (a.triggers[0] in tb or b.triggers[0] in ta) else 0.0
    trig = min(1.0, 0.6 * overlap + 0.4 * primary)
    if not a.entities or not b.entities:
        ent = 0.5
    else:
        hits = sum(1 for e in a.entities if any(fuzz.ratio(e, f) >= ENTITY_RATIO for f in b.entities))
        ent = hits / min(len(a.entities), len(b.entities))
    return trig, ent


def linkable(c) -> bool:
    """Claims with something to say about an event (not the article's own date)."""
    if c.kind != "date" and (c.value_base is None or c.unit is None):
        return False
    if c.measure and getattr(c, "event_id", None) and (c.event is None or c.event.about == "event"):
        return True  # "At least 15 dead" in a headline: the measure and the event say what it is about
    return bool(view(c.event).triggers)


def link_score(a, b) -> float:
    """How sure we are that two value-compatible claims state the same fact (0..1)."""
    if (verdict := _measure_rule(a, b)) is not None:
        return verdict
    ea, eb = view(a.event), view(b.event)
    trig, ent = similarities(ea, eb)
    score = 0.8 * trig + 0.2 * ent
    same = same_value(a, b)
    shared = set(ea.triggers) & set(eb.triggers)
    places = bool(ea.entities and eb.entities and ent > 0)
    if same and a.kind == "date" and a.date_precision == "day" and ea.role in STATE_ROLES and ea.role == eb.role:
        return max(score, LINK_THRESHOLD)
    # One shared everyday word ("win", "report") is coincidence; one shared event class
    # ("agreement", "war") is evidence when the same places are involved.
    if not (len(shared) >= 2 or (shared & _SUBJECT_CLASSES and places)):
        return 0.0
    if a.kind == "date" and not same and disjoint(a, b) and not (shared & MILESTONE_EVENT_CLASSES):
        return 0.0
    agreeing = same or (a.kind != "date" and agree(a, b))
    if a.kind != "date" and not agreeing and not (
            places and ent >= 0.5 and trig >= DIFFERENT_NUMBER_TRIGGERS and len(shared) >= 2):
        return 0.0  # "killed 5" in one town and "killed 7" in another are two incidents
    if a.kind != "date" and not agreeing and a.unit in NEVER_DISPUTED_UNITS:
        return 0.0  # shares and rates: a sentence names several ("46 percent to 44 percent")
    if same and a.kind == "date" and a.date_precision == "day":
        score += 0.1  # an identical full date is itself evidence of the same event
    return score


def state_key(c) -> tuple | None:
    """A same-day "since"/"from" date links on its own (see `link_score`): indexed apart."""
    if c.date_value is None or c.date_precision != "day":
        return None
    role = view(c.event).role
    return (c.date_value, role) if role in STATE_ROLES else None
