"""Corpus-level speaker linking: pure functions on made-up speakers and mentions."""
from __future__ import annotations

import itertools

import pytest

from models import Speaker, SpeakerMention
from tasks.linking.speakers import SpeakerPool, link_mentions
from tasks.quotes.registry import SpeakerRegistry


def person(name: str, origin: str = "text", **kw) -> Speaker:
    from models.speaker import speaker_id_for

    return Speaker(speaker_id=speaker_id_for(name), canonical_name=name, origin=origin, **kw)


def mention(quote_id: str, name: str, kind: str = "person") -> SpeakerMention:
    return SpeakerMention(quote_id=quote_id, article_id="a", speaker_id=name.lower(), speaker_name=name,
                          mention=name.lower(), kind=kind)


@pytest.mark.parametrize("known,name,kind,want", [
    (["Peter Okafor"], "Okafor", "person", "Peter Okafor"),
    (["Dr. Peter Okafor"], "Okafor", "person", "Dr. Peter Okafor"),  # titles are not the surname
    (["Peter Okafor"], "Okafor", "organisation", "Okafor"),  # "Bloomberg said": an outlet, not a surname
    (["Peter Okafor", "Grace Okafor"], "Okafor", "person", "Okafor"),  # two namesakes: no guess
    (["Okafor"], "Okafor", "person", "Okafor"),  # only the bare surname itself: nothing to link to
    (["Peter Okafor"], "Adeyemi", "person", "Adeyemi"),  # nobody of that surname
    ([], "Okafor", "person", "Okafor"),
])
def test_link_mentions(known, name, kind, want):
    [linked] = link_mentions([mention("q1", name, kind)], [person(n) for n in known])
    assert linked.speaker_name == want
    assert linked.quote_id == "q1"


def test_organisations_are_never_link_targets():
    org = Speaker(speaker_id="okafor-shipping", canonical_name="Okafor Shipping", kind="organisation")
    [linked] = link_mentions([mention("q1", "Shipping")], [org])
    assert linked.speaker_name == "Shipping"


def test_pool_merges_the_same_whatever_the_order():
    a = [person("Peter Okafor", role="admiral")]
    b = [person("Peter Okafor", gender="male", aliases=["P. Okafor"])]
    one, two = SpeakerPool(), SpeakerPool()
    one.add("art-1", a)
    one.add("art-2", b)
    two.add("art-2", b)
    two.add("art-1", a)
    assert one.merged([]) == two.merged([])
    [merged] = one.merged([])
    assert (merged.role, merged.gender, merged.aliases) == ("admiral", "male", ["P. Okafor"])


@pytest.mark.parametrize("arrival", list(itertools.permutations(["art-1", "art-2", "art-3"])))
def test_pool_keeps_a_repeated_record_once_at_its_first_place(arrival):
    admiral, speaker = person("Peter Okafor", role="admiral"), person("Peter Okafor", role="speaker")
    lists = {"art-1": [admiral], "art-2": [speaker], "art-3": [admiral, speaker]}
    pool = SpeakerPool()
    for article in arrival:
        pool.add(article, lists[article])
    [merged] = pool.merged([])
    assert merged.role == "admiral"  # art-1's record comes first, whichever article arrived first
    assert len(pool.records) == 2


def test_pool_orders_an_articles_own_speakers_as_given():
    pool = SpeakerPool()
    pool.add("art-1", [person("Peter Okafor", role="speaker"), person("Peter Okafor", role="admiral")])
    assert pool.merged([])[0].role == "speaker"


def test_pool_keeps_known_fields_first():
    known = person("Peter Okafor", origin="registry", role="retired admiral")
    pool = SpeakerPool()
    pool.add("art-1", [person("Peter Okafor", role="speaker")])
    [merged] = pool.merged([known])
    assert merged.role == "retired admiral" and merged.origin == "registry"


def test_forked_registry_learns_nothing_for_the_parent():
    parent = SpeakerRegistry.load()
    before = len(parent.speakers())
    child = parent.fork()
    child.register("Peter Okafor", role="admiral")
    loaded = next(s for s in parent.speakers() if s.gender == "unknown")
    child.register(loaded.canonical_name, gender="female")
    assert len(parent.speakers()) == before
    assert parent.resolve("Peter Okafor") is None
    assert parent.get(loaded.speaker_id).gender == "unknown"
    assert child.get(loaded.speaker_id).gender == "female"
    assert {s.canonical_name for s in child.found_in_text()} == {"Peter Okafor", loaded.canonical_name}
