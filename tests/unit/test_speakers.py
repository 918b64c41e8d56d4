"""The speaker registry: exact aliases, surnames, fuzzy spellings, registration."""
from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from tasks.quotes.registry import FUZZY_MIN_SINGLE_TOKEN, FUZZY_THRESHOLD, SpeakerRegistry, fold_name

# The measurement behind FUZZY_THRESHOLD (see tasks/speakers.py): spelling variants of one
# person, and pairs of different people or places that look alike.
SAME = [("zhakarova", "zakharova"), ("sergei lavrov", "sergey lavrov"), ("dmitri peskov", "dmitry peskov"),
        ("ilham aliev", "ilham aliyev"), ("pashinian", "pashinyan"), ("zelenskiy", "zelensky"),
        ("galouzin", "galuzin"), ("mariya zakharova", "maria zakharova"), ("lavrow", "lavrov"),
        ("nebenzia", "nebenzya"), ("hilary clinton", "hillary clinton"), ("bernie sandres", "bernie sanders"),
        ("shoygu", "shoigu"), ("aliyev", "aliev"), ("medvedyev", "medvedev"), ("erdogan", "erdogan")]
DIFFERENT = [("rubin", "rubio"), ("bill clinton", "hillary clinton"), ("kasich", "kaine"),
             ("paul ryan", "rand paul"), ("george bush", "jeb bush"), ("harris", "harry reid"),
             ("mccain", "mcconnell"), ("warren", "aaron"), ("carson", "clinton"), ("graham", "grant"),
             ("ivanka trump", "donald trump"), ("obama", "osama"), ("kerry", "perry"),
             ("lavrov", "lazarev"), ("cruz", "cruise"), ("pence", "pelosi"), ("sanders", "sandra"),
             ("reid", "reed"), ("christie", "christine"), ("russia", "prussia"), ("peskov", "pesko"),
             ("putin", "puttin")]


@pytest.fixture()
def registry():
    return SpeakerRegistry.load()


def test_threshold_separates_multiword_names():
    multi_same = [fuzz.ratio(a, b) for a, b in SAME if " " in a]
    multi_diff = [fuzz.ratio(a, b) for a, b in DIFFERENT if " " in a]
    assert min(multi_same) >= FUZZY_THRESHOLD
    assert max(multi_diff) < FUZZY_THRESHOLD
    accepted = sum(fuzz.ratio(a, b) >= FUZZY_THRESHOLD for a, b in SAME)
    assert accepted >= 13  # lavrow, shoygu (83) fall below: better missed than merged


def test_exact_alias_and_transliteration(registry):
    assert registry.resolve("Sergei Lavrov").canonical_name == "Sergey Lavrov"
    assert registry.resolve("Russia's Foreign Ministry").canonical_name == "Russian Foreign Ministry"
    assert registry.resolve("the Russian MFA").canonical_name == "Russian Foreign Ministry"
    assert registry.resolve("Mr. Lavrov").canonical_name == "Sergey Lavrov"


def test_surname_and_title(registry):
    assert registry.resolve("Galuzin").canonical_name == "Mikhail Galuzin"
    assert registry.resolve("President Ilham Aliyev").canonical_name == "Ilham Aliyev"


def test_misspelling_is_merged_by_fuzzy_match(registry):
    assert registry.resolve("Zhakarova").canonical_name == "Maria Zakharova"
    assert registry.resolve("Dmitri Peskov").canonical_name == "Dmitry Peskov"


def test_look_alikes_are_not_merged(registry):
    assert registry.resolve("Rubin") is None
    assert registry.resolve("Osama") is None
    assert registry.resolve("Pesko") is None  # too short for a single-token fuzzy match
    assert len("pesko") < FUZZY_MIN_SINGLE_TOKEN


def test_kind_and_gender_filter(registry):
    assert registry.resolve("Zakharova", gender="male") is None
    assert registry.resolve("Kremlin", kind="person") is None
    assert registry.resolve("the Kremlin").kind == "organisation"


def test_register_new_speaker_from_text(registry):
    before = len(registry.speakers())
    s = registry.register("Tomas Berg", role="deputy finance minister", gender="male")
    assert s.origin == "text" and s.speaker_id == "tomas-berg" and s.role == "deputy finance minister"
    assert len(registry.speakers()) == before + 1
    assert registry.resolve("Tomas Berg") is s
    again = registry.register("Tomas Berg")
    assert again is s and len(registry.speakers()) == before + 1
    assert any(a.speaker_id == "tomas-berg" and a.alias == "Tomas Berg" for a in registry.aliases())


def test_register_known_name_returns_registry_entry(registry):
    s = registry.register("Sergey Lavrov", role="minister")
    assert s.origin == "registry" and s.role == "foreign minister"


def test_fold_name():
    assert fold_name("the Kremlin's") == "kremlin"
    assert fold_name("Recep Tayyip Erdoğan") == "recep tayyip erdogan"


def test_gender_of_name_from_first_names():
    from tasks.quotes.registry import gender_of_name

    assert gender_of_name("Laura Pinto") == "female"
    assert gender_of_name("Mr. Samuel Okoro") == "male"
    assert gender_of_name("Okoro") == "unknown"  # a surname alone says nothing
    assert gender_of_name("Quillon Okoro") == "unknown"
