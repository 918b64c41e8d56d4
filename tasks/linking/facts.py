"""Link claims about the same real-world fact across articles (`Claim.fact_key`).

Two claims may describe the same fact when their kinds and units are compatible, their
values are close (dates at most `DATE_WINDOW_DAYS` apart, a number within `NUMBER_RATIO`: a
ceasefire signed "November 9" and "November 10" is one fact, a date years apart is
another) and the events around them match (`Claim.event`, see tasks.claims.events): trigger
words compared through the synonym classes below and rapidfuzz, entities compared
fuzzily ("Azerbaijani" ~ "Azerbaijan"). A claim joins the best-matching existing fact
(facts already in the warehouse keep their keys, so incremental runs link to them) or
founds a new one. Clusters never merge afterwards: one doubtful claim cannot chain two
facts together.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from models import Claim
from models.base import stable_id
from tasks.claims.dates import period_end

# General event nouns and verbs, grouped: data, not a list of seed events.
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "agreement": ("agreement", "deal", "accord", "statement", "declaration", "pact", "treaty", "memorandum",
                  "protocol", "arrangement", "document", "agree"),
    "ceasefire": ("ceasefire", "truce", "armistice", "cessation"),
    "war": ("war", "conflict", "fighting", "fight", "hostility", "hostilities", "clash", "battle", "combat",
            "offensive", "attack", "assault", "invasion", "escalation", "warfare", "bombardment", "shelling"),
    "sign": ("sign", "reach", "conclude", "ink", "seal", "adopt", "broker", "signing"),
    "start": ("start", "begin", "erupt", "flare", "launch", "ignite", "outbreak", "beginning",
              "onset", "commence", "resume", "spark"),
    "end": ("end", "stop", "cease", "halt", "finish", "conclusion", "close"),
    "occupation": ("occupy", "occupation", "control", "seize", "annex", "annexation"),
    "liberation": ("liberate", "liberation", "recapture", "retake", "regain", "reclaim"),
    "blockade": ("block", "blockade", "blocking", "closure", "protest", "picket", "blockage", "obstruct"),
    "deploy": ("deploy", "deployment", "station", "dispatch", "peacekeeper", "peacekeeping", "contingent"),
    "death": ("kill", "die", "death", "dead", "casualty", "fatality", "toll", "victim", "life"),
    "injury": ("injure", "wound", "injury", "hurt", "wounded"),
    # ("poll" is left out: in news it is mostly a survey, not a vote)
    "election": ("election", "vote", "ballot", "referendum", "primary", "caucus"),
    "meeting": ("meet", "meeting", "talk", "summit", "visit", "negotiation", "negotiate", "round"),
    "release": ("release", "return", "exchange", "repatriate", "repatriation", "handover", "swap",
                "captive", "prisoner", "detainee", "hostage"),
    "strike": ("strike", "walkout", "stoppage", "lockout"),
    "arrest": ("arrest", "detain", "detention", "jail", "sentence", "imprison"),
    "displacement": ("displace", "flee", "refugee", "evacuate", "evacuation", "displacement", "exodus"),
    "aid": ("aid", "cargo", "deliver", "delivery", "supply", "assistance", "shipment", "convoy"),
}
# Classes that say what happened; the others ("start", "end", "sign") only say how, and
# one of them shared is not evidence of the same event ("began a campaign" / "broke a story").
_SUBJECT_CLASSES = set(EVENT_CLASSES) - {"start", "end", "sign"}
_CANON = {w: cls for cls, words in EVENT_CLASSES.items() for w in words}

# One-off happenings: a date told differently for one of these is a contradiction. Other
# events recur (attacks, meetings, deliveries), so two different dates for them are
# usually two occurrences, never linked.
MILESTONES = {"agreement", "ceasefire", "sign", "start", "end", "occupation", "liberation", "blockade"}

# Measured on the seed set (see tests/unit/test_facts.py): the same fact told by different
# outlets scores >= 0.55; unrelated claims that pass the value window score <= 0.35.
LINK_THRESHOLD = 0.5
DATE_WINDOW_DAYS = 7
NUMBER_RATIO = 1.5
# Entity names match across spellings and demonyms ("Armenian" ~ "Armenia") at this ratio.
ENTITY_RATIO = 85
# Roles that mark the start of a continuing state ("since December 12"): two claims of the
# very same day in that role describe the same state even when the sentences differ.
_STATE_ROLES = {"since", "from"}
_PUBLICATION = "publication"
# Two different figures are one fact only when the event words agree closely (the first
# trigger and two thirds of the rest) and the same places or parties are named.
DIFFERENT_NUMBER_TRIGGERS = 0.8
# Percentages differ for every party, poll, period and measure named in one story: two
# different percentages are never linked (equal ones still corroborate).
NEVER_DISPUTED_UNITS = {"percent", "percentage point"}
_DAYS_PER = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
             "month": 30.44, "year": 365.25}


@dataclass
class _Event:
    triggers: list[str]
    entities: list[str]
    role: str


def parse_event(event: str | None) -> _Event:
    parts = (event or "").split("|")
    parts += [""] * (3 - len(parts))
    words = parts[0].split()
    return _Event(
        triggers=[_CANON.get(w, w) for w in words],
        entities=[e for e in parts[1].split() if len(e) > 2],
        role=parts[2].strip(),
    )


def event_similarity(a: _Event, b: _Event) -> float:
    """0..1: shared triggers (the first trigger weighs most), then shared entities."""
    trig, ent = _similarities(a, b)
    return 0.8 * trig + 0.2 * ent


def _similarities(a: _Event, b: _Event) -> tuple[float, float]:
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


# -- values --------------------------------------------------------------------------
def _unit_group(c: Claim) -> tuple[str, str | None]:
    if c.kind == "date":
        return "date", None
    if c.kind == "duration" and c.unit in _DAYS_PER:
        return "duration", "day"
    return c.kind, c.unit


def _base_value(c: Claim) -> float:
    if c.kind == "duration" and c.unit in _DAYS_PER:
        return float(c.value_num) * _DAYS_PER[c.unit]
    return float(c.value_num)


def _date_range(c: Claim) -> tuple[int, int]:
    start = c.date_value
    return start.toordinal(), period_end(start, c.date_precision).toordinal()


def _values_close(a: Claim, b: Claim) -> bool:
    if a.kind == "date":
        (s1, e1), (s2, e2) = _date_range(a), _date_range(b)
        gap = max(0, max(s1, s2) - min(e1, e2))
        return gap <= DATE_WINDOW_DAYS
    va, vb = _base_value(a), _base_value(b)
    if va <= 0 or vb <= 0:
        return va == vb
    return max(va, vb) / min(va, vb) <= NUMBER_RATIO


def _same_value(a: Claim, b: Claim) -> bool:
    if a.kind == "date":
        return a.date_value == b.date_value and a.date_precision == b.date_precision
    return math.isclose(_base_value(a), _base_value(b), rel_tol=1e-9) and a.hedge == b.hedge


def _bucket(c: Claim) -> int:
    if c.kind == "date":
        return c.date_value.year * 12 + c.date_value.month
    v = _base_value(c)
    return math.floor(math.log(v) / math.log(NUMBER_RATIO)) if v > 0 else -10**6


def _buckets_near(c: Claim) -> range:
    b = _bucket(c)
    if c.kind == "date":
        span = {"day": 0, "month": 0, "year": 11}[c.date_precision]
        return range(b - 2, b + span + 3)
    return range(b - 1, b + 2)


def linkable(c: Claim) -> bool:
    """Claims with something to say about an event (not the article's own date)."""
    if not c.event or c.event.startswith(_PUBLICATION):
        return False
    if c.kind != "date" and (c.value_num is None or c.unit is None):
        return False
    return bool(parse_event(c.event).triggers)


def link_score(a: Claim, b: Claim) -> float:
    """How sure we are that two value-compatible claims state the same fact (0..1)."""
    ea, eb = parse_event(a.event), parse_event(b.event)
    trig, ent = _similarities(ea, eb)
    score = 0.8 * trig + 0.2 * ent
    same = _same_value(a, b)
    shared = set(ea.triggers) & set(eb.triggers)
    places = bool(ea.entities and eb.entities and ent > 0)
    if same and a.kind == "date" and a.date_precision == "day" and ea.role in _STATE_ROLES and ea.role == eb.role:
        return max(score, LINK_THRESHOLD)
    # One shared everyday word ("win", "report") is coincidence; one shared event class
    # ("agreement", "war") is evidence when the same places are involved.
    if not (len(shared) >= 2 or (shared & _SUBJECT_CLASSES and places)):
        return 0.0
    if a.kind == "date" and not same and _disjoint(a, b) and not (shared & MILESTONES):
        return 0.0
    agree = same or (a.kind != "date" and _agree(a, b))
    if a.kind != "date" and not agree and not (
            places and ent >= 0.5 and trig >= DIFFERENT_NUMBER_TRIGGERS and len(shared) >= 2):
        return 0.0  # "killed 5" in one town and "killed 7" in another are two incidents
    if a.kind != "date" and not agree and a.unit in NEVER_DISPUTED_UNITS:
        return 0.0  # shares and rates: a sentence names several ("46 percent to 44 percent")
    if same and a.kind == "date" and a.date_precision == "day":
        score += 0.1  # an identical full date is itself evidence of the same event
    return score


def _interval(c: Claim) -> tuple[float, float]:
    """The values a number claim allows, in base units: the rule of warehouse/sql/crosscheck.sql."""
    v = _base_value(c)
    factor = v / float(c.value_num) if c.value_num else 1.0
    if c.value_low is not None and c.value_high is not None and c.value_low < c.value_high:
        return c.value_low * factor, c.value_high * factor
    if c.hedge == "approx":
        return v * 0.9, v * 1.1
    if c.hedge == "at_least":
        return v, math.inf
    if c.hedge == "at_most":
        return -math.inf, v
    if c.kind == "duration":
        return v - 0.5 * factor, v + 0.5 * factor
    return v, v


def _agree(a: Claim, b: Claim) -> bool:
    """Two number claims whose values can both be true ("six weeks" and "44 days")."""
    (lo1, hi1), (lo2, hi2) = _interval(a), _interval(b)
    return not (hi1 < lo2 * (1 - 1e-9) or hi2 < lo1 * (1 - 1e-9))


def _contradicts(a: Claim, b: Claim) -> bool:
    if _unit_group(a) != _unit_group(b):
        return False
    if a.kind == "date":
        return _disjoint(a, b)
    return not math.isclose(_base_value(a), _base_value(b), rel_tol=1e-9)


def _disjoint(a: Claim, b: Claim) -> bool:
    (s1, e1), (s2, e2) = _date_range(a), _date_range(b)
    return e1 < s2 or e2 < s1


# -- clustering -------------------------------------------------------------------


def _signature(c) -> tuple:
    """Everything the comparisons above read: claims with one signature compare alike."""
    return (c.kind, c.unit, c.value_num, c.value_low, c.value_high, c.hedge, c.date_value, c.date_precision,
            c.event)


def _with_key(c, key: str | None):
    if isinstance(c, tuple):
        return c._replace(fact_key=key)
    return c.model_copy(update={"fact_key": key})


@dataclass
class _Rep:
    """The members of a fact that share one signature: one comparison stands for all."""

    claim: object
    sig: tuple
    group: tuple
    linkable: bool
    articles: set = field(default_factory=set)
    claim_ids: set = field(default_factory=set)


@dataclass
class _Fact:
    key: str
    reps: dict = field(default_factory=dict)  # signature -> _Rep
    by_article: dict = field(default_factory=dict)  # article_id -> {signature: _Rep}


@lru_cache(maxsize=65536)
def _triggers(event: str | None) -> frozenset:
    return frozenset(parse_event(event).triggers)


def _state_key(c) -> tuple | None:
    """A same-day "since"/"from" date links on its own (see `link_score`): indexed apart."""
    if c.date_value is None or c.date_precision != "day":
        return None
    role = parse_event(c.event).role
    return (c.date_value, role) if role in _STATE_ROLES else None


def link_facts(new_claims: list, known: list) -> list:
    """The new claims with `fact_key` set (None when there is nothing to link on).

    Claims may be `Claim` models or `LinkClaim` rows; each comes back as the same type.
    Candidate facts are blocked twice: by unit group and value bucket (as the value checks
    require) and by a shared event trigger or same-day state date (without one, `link_score`
    is 0 and the fact could never win); members of a fact are compared once per distinct
    signature (a story reprinted by many outlets adds members, not comparisons).
    """
    facts: dict[str, _Fact] = {}
    index: dict[tuple, set[str]] = defaultdict(set)
    by_trigger: dict[str, set[str]] = defaultdict(set)
    by_state: dict[tuple, set[str]] = defaultdict(set)
    scores: dict[tuple, float] = {}  # link_score by (signature, signature): it reads nothing else

    def register(fact: _Fact, c) -> None:
        sig = _signature(c)
        rep = fact.reps.get(sig)
        group = _unit_group(c)
        if rep is None:
            rep = fact.reps[sig] = _Rep(c, sig, group, linkable(c))
        rep.articles.add(c.article_id)
        rep.claim_ids.add(c.claim_id)
        fact.by_article.setdefault(c.article_id, {})[sig] = rep
        index[(*group, _bucket(c))].add(fact.key)
        if rep.linkable:
            for t in _triggers(c.event):
                by_trigger[t].add(fact.key)
            if (state := _state_key(c)) is not None:
                by_state[state].add(fact.key)

    for c in sorted(known, key=lambda c: (c.fact_key or "", c.claim_id)):
        if c.fact_key:
            register(facts.setdefault(c.fact_key, _Fact(c.fact_key)), c)

    out: list = []
    for c in sorted(new_claims, key=lambda c: (c.article_id, c.start_char, c.claim_id)):
        if not linkable(c):
            out.append(_with_key(c, None))
            continue
        group, sig = _unit_group(c), _signature(c)
        near = set().union(*(index.get((*group, b), set()) for b in _buckets_near(c)))
        evidence = set().union(*(by_trigger.get(t, set()) for t in _triggers(c.event)))
        if (state := _state_key(c)) is not None:
            evidence |= by_state.get(state, set())
        candidates = near & evidence
        best, best_score = None, LINK_THRESHOLD
        for key in sorted(candidates):
            fact = facts[key]
            reps = fact.reps.values()
            if not all(_values_close(c, r.claim) for r in reps if r.group == group):
                continue
            if any(_contradicts(c, r.claim) for r in fact.by_article.get(c.article_id, {}).values()):
                continue  # an article does not contradict itself: two values there are two facts
            def score_of(r: _Rep) -> float:
                pair = (sig, r.sig)
                if (found := scores.get(pair)) is None:
                    found = scores[pair] = link_score(c, r.claim)
                return found

            if c.kind != "date" and any(
                    r.linkable and r.group == group and (len(r.articles) > 1 or c.article_id not in r.articles)
                    and not _agree(c, r.claim) and score_of(r) < LINK_THRESHOLD for r in reps):
                continue  # agreeing with one member is no licence to contradict another on weak evidence
            score = max(
                (score_of(r) for r in reps
                 if r.linkable and (len(r.claim_ids) > 1 or c.claim_id not in r.claim_ids)),
                default=0.0,
            )
            if score >= best_score:
                best, best_score = fact, score
        if best is None:
            best = _Fact(stable_id("fact", c.kind, c.claim_id))
            facts[best.key] = best
        register(best, c)
        out.append(_with_key(c, best.key))
    return out
