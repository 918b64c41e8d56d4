"""Link claims about the same real-world fact across articles (`Claim.fact_key`).

Two claims may describe the same fact when their kinds and units are compatible, their
values are close (tasks.linking.compare: a ceasefire signed "November 9" and "November
10" is one fact, a date years apart is another) and the events around them match
(tasks.linking.evidence). A claim joins the best-matching existing fact (facts already in
the warehouse keep their keys, so incremental runs link to them) or founds a new one.
Clusters never merge afterwards: one doubtful claim cannot chain two facts together.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from models.base import stable_id
from models.link import LinkClaim
from tasks.linking.compare import (
    EVENT_NUMBER_RATIO,
    agree,
    bucket,
    buckets_near,
    contradicts,
    unit_group,
    values_close,
)
from tasks.linking.evidence import LINK_THRESHOLD, link_score, linkable, same_event_measure, state_key, view

__all__ = ["LINK_THRESHOLD", "link_facts", "link_score"]


def _signature(c: LinkClaim) -> tuple:
    """Everything the comparisons read: claims with one signature compare alike."""
    return (c.kind, c.base_unit, c.unit, c.value_base, c.value_lo, c.value_hi, c.hedge, c.date_value,
            c.date_precision, c.measure, c.event_id, c.published if c.measure else None, c.event)


@dataclass
class _Rep:
    """The members of a fact that share one signature: one comparison stands for all."""

    claim: LinkClaim
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


class _Linker:
    """Facts so far, indexed for blocking: by unit group and value bucket (as the value
    checks require) and by a shared event trigger or same-day state date (without one,
    `link_score` is 0 and the fact could never win)."""

    def __init__(self) -> None:
        self.facts: dict[str, _Fact] = {}
        self.index: dict[tuple, set[str]] = defaultdict(set)
        self.by_trigger: dict[str, set[str]] = defaultdict(set)
        self.by_state: dict[tuple, set[str]] = defaultdict(set)
        self.by_measure: dict[tuple, set[str]] = defaultdict(set)  # (event, measure, unit group)
        self.scores: dict[tuple, float] = {}  # link_score by (signature, signature): it reads nothing else

    def register(self, fact: _Fact, c: LinkClaim) -> None:
        sig = _signature(c)
        rep = fact.reps.get(sig)
        group = unit_group(c)
        if rep is None:
            rep = fact.reps[sig] = _Rep(c, sig, group, linkable(c))
        rep.articles.add(c.article_id)
        rep.claim_ids.add(c.claim_id)
        fact.by_article.setdefault(c.article_id, {})[sig] = rep
        self.index[(*group, bucket(c))].add(fact.key)
        if rep.linkable:
            for t in view(c.event).triggers:
                self.by_trigger[t].add(fact.key)
            if (state := state_key(c)) is not None:
                self.by_state[state].add(fact.key)
            if c.measure and c.event_id:
                self.by_measure[(c.event_id, c.measure, *group)].add(fact.key)

    def candidates(self, c: LinkClaim) -> list[str]:
        group = unit_group(c)
        near = set().union(*(self.index.get((*group, b), set()) for b in buckets_near(c)))
        evidence = set().union(*(self.by_trigger.get(t, set()) for t in view(c.event).triggers))
        if (state := state_key(c)) is not None:
            evidence |= self.by_state.get(state, set())
        same_event = self.by_measure.get((c.event_id, c.measure, *group), set()) if c.measure else set()
        return sorted((near & evidence) | same_event)

    def _score(self, c: LinkClaim, sig: tuple, r: _Rep) -> float:
        pair = (sig, r.sig)
        if (found := self.scores.get(pair)) is None:
            found = self.scores[pair] = link_score(c, r.claim)
        return found

    def fit(self, c: LinkClaim, fact: _Fact) -> float:
        """How well `c` joins `fact` (0 when it may not)."""
        group, sig = unit_group(c), _signature(c)
        reps = fact.reps.values()
        if not all(values_close(c, r.claim, EVENT_NUMBER_RATIO if same_event_measure(c, r.claim) else None)
                   for r in reps if r.group == group):
            return 0.0
        if any(contradicts(c, r.claim) for r in fact.by_article.get(c.article_id, {}).values()):
            return 0.0  # an article does not contradict itself: two values there are two facts
        if c.kind != "date" and any(
                r.linkable and r.group == group and (len(r.articles) > 1 or c.article_id not in r.articles)
                and not agree(c, r.claim) and self._score(c, sig, r) < LINK_THRESHOLD for r in reps):
            return 0.0  # agreeing with one member is no licence to contradict another on weak evidence
        return max((self._score(c, sig, r) for r in reps
                    if r.linkable and (len(r.claim_ids) > 1 or c.claim_id not in r.claim_ids)), default=0.0)

    def link(self, c: LinkClaim) -> str:
        best, best_rank = None, (LINK_THRESHOLD, -math.inf)
        for key in self.candidates(c):
            fact = self.facts[key]
            rank = (self.fit(c, fact), -_distance(c, fact))
            if rank >= best_rank:
                best, best_rank = fact, rank
        if best is None:
            best = _Fact(stable_id("fact", c.kind, c.claim_id))
            self.facts[best.key] = best
        self.register(best, c)
        return best.key


def _distance(c: LinkClaim, fact: _Fact) -> float:
    """How far `c`'s value is from the fact's nearest one: of two facts that fit alike, the
    nearer wins ("11 killed" joins the day's "8 killed", not the season's "19 killed")."""
    group = unit_group(c)
    return min((_gap(c, r.claim) for r in fact.reps.values() if r.group == group), default=math.inf)


def _gap(a: LinkClaim, b: LinkClaim) -> float:
    if a.kind == "date":
        return abs(a.value_base - b.value_base)
    if a.value_base > 0 and b.value_base > 0:
        return abs(math.log(a.value_base / b.value_base))
    return 0.0 if a.value_base == b.value_base else math.inf


def _light(c) -> LinkClaim:
    return c if isinstance(c, LinkClaim) else LinkClaim.of_claim(c)


def _with_key(c, key: str | None):
    if isinstance(c, tuple):
        return c._replace(fact_key=key)
    return c.model_copy(update={"fact_key": key})


def link_facts(new_claims: list, known: list) -> list:
    """The new claims with `fact_key` set (None when there is nothing to link on).

    Claims may be `Claim` models or `LinkClaim` rows; each comes back as the same type.
    Members of a fact are compared once per distinct signature (a story reprinted by many
    outlets adds members, not comparisons).
    """
    linker = _Linker()
    for c in sorted(map(_light, known), key=lambda c: (c.fact_key or "", c.claim_id)):
        if c.fact_key:
            linker.register(linker.facts.setdefault(c.fact_key, _Fact(c.fact_key)), c)
    out: list = []
    for original in sorted(new_claims, key=lambda c: (c.article_id, c.start_char, c.claim_id)):
        c = _light(original)
        out.append(_with_key(original, linker.link(c) if linkable(c) else None))
    return out
