"""Each named pattern of `tasks.quotes.subjects.resolve_subject` on made-up sentences: which
pattern answers first for the cue's subject, and the speaker it gives (None: no speaker)."""
from __future__ import annotations

import pytest

from tasks.quotes.context import ArticleContext
from tasks.quotes.cues import cue_subject
from tasks.quotes.registry import SpeakerRegistry
from tasks.quotes.subjects import SUBJECT_PATTERNS, Phrase, resolve_subject


@pytest.fixture(scope="module")
def nlp():
    from tasks.nlp import load_nlp

    return load_nlp()


@pytest.mark.parametrize("text,pattern,speaker", [
    ("Jane Okoro said the port would reopen.", "named_head", "Jane Okoro"),
    ("The Harbour Watch said the port would reopen.", "named_head", "Harbour Watch"),
    ("Jane Okoro toured the port. She said it would reopen.", "pronoun", "Jane Okoro"),
    ("The head of the union, Jane Okoro, said the port would reopen.", "named_apposition", "Jane Okoro"),
    ("The Harbour Authority met on Monday. The authority said the port would reopen.", "organisation_noun",
     "Harbour Authority"),
    ("Deputy Mayor Jane Okoro toured the port. The deputy mayor said it would reopen.", "person_role_noun",
     "Jane Okoro"),
    ("A spokesman said the port would reopen.", "person_role_noun", None),
    ("A poll by Gallup said the port would reopen.", "first_name_in_phrase", "Gallup"),
    ("Critics said the port would reopen.", None, None),
])
def test_subject_patterns(nlp, text, pattern, speaker):
    doc = nlp(text)
    cue = [t for t in doc if t.text == "said"][-1]
    head = cue_subject(cue)
    registry = SpeakerRegistry.load()
    phrase = Phrase.of(head)
    fired = next((p.__name__ for p in SUBJECT_PATTERNS if p(ArticleContext(doc, registry.fork()), phrase) is not None),
                 None)
    assert fired == pattern
    entity, _ = resolve_subject(ArticleContext(doc, registry.fork()), head)
    assert (entity.name if entity is not None else None) == speaker
