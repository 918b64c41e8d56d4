"""Role compatibility and institutions, read from `data/roles.json`.

A role noun ("the envoy", "the Russian leader", "Russian diplomat: ...") matches only a
person whose role, organisation or country can fit it; an institution ("Police said",
"the army said", "prosecutors said") speaks as the organisation of its country (the one
the phrase names, else the one the article is about), never as a city or a person.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Token

from tasks.data_files import load_json
from tasks.lexicon import DATELINE_LEAD
from tasks.nlp import doc_text
from tasks.quotes.mentions import DEMONYMS
from tasks.quotes.registry import SpeakerRegistry, fold_name

_ROLES = load_json("roles.json")
ROLE_FITS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _ROLES["fits"].items()}
INSTITUTIONS: dict[str, str] = _ROLES["institutions"]
_PHRASES: dict[frozenset[str], frozenset[str]] = {frozenset(k.split()): frozenset(v.split()) for k, v in _ROLES["phrases"].items()}
_QUALIFIERS = frozenset(_ROLES["qualifiers"])
_VAGUE = frozenset(_ROLES["vague"])
# folded country name -> the country as DEMONYMS spells it
_COUNTRIES: dict[str, str] = {fold_name(c): c for c in DEMONYMS.values()}
# the place and country of a dateline match: "KYIV, Ukraine (AP) — " -> "KYIV", "Ukraine"
_DATELINE_PARTS = re.compile(r",| \(| [-\u2013\u2014] |\. ")


def role_fits(word: str, role_words: set[str]) -> bool:
    """A role word is held by a person whose role words hold it or one that fits it
    ("envoy" by an ambassador)."""
    return word in role_words or bool(ROLE_FITS.get(word, frozenset()) & role_words)


def phrase_words(words: set[str]) -> set[str]:
    """A role phrase's words, idioms read as roles ("top diplomat" -> "foreign minister") and
    vague words ("senior") dropped."""
    words = set(words) - _VAGUE
    for idiom, meaning in _PHRASES.items():
        if idiom <= words:
            words = (words - idiom) | meaning
    return words


def idiom_in(words: set[str]) -> bool:
    return any(idiom <= words for idiom in _PHRASES)


def outranked(words: set[str], entity) -> bool:
    """The holder's role puts a rank before one of the phrase's words that the phrase lacks:
    "the foreign minister" is no deputy foreign minister, "the president" no vice president
    (a vice president may still be "the governor")."""
    roles = [*entity.roles, *([entity.speaker.role] if entity.speaker is not None and entity.speaker.role else [])]
    for role in roles:
        folded = fold_name(role).split()
        if any(w in _QUALIFIERS and w not in words and nxt in words for w, nxt in pairwise(folded)):
            return True
    return False


def compatible(entity, words: set[str], country: str | None) -> bool:
    """Whether a person may be what a role phrase describes: a known country other than the
    phrase's demonym, or a known role that fits none of its listed role nouns, rules them out."""
    own = entity_country(entity)
    if country and own and own != country:
        return False
    listed = [w for w in words if w in ROLE_FITS]
    known = entity.role_words()
    return not (listed and known and not any(role_fits(w, known) for w in listed))


def entity_country(entity) -> str | None:
    """An entity's country; a person found only in text has their role's ("Armenian Economy Minister")."""
    return entity.country or (demonym_country(w for r in entity.roles for w in r.split()) if entity.roles else None)


def demonym_country(words) -> str | None:
    """The country a demonym or a country name among the words names ("Russian", "Ukraine's")."""
    for w in words:
        w = fold_name(w)
        if w in DEMONYMS:
            return DEMONYMS[w]
        if w in _COUNTRIES:
            return _COUNTRIES[w]
    return None


@cache
def demonym_of(country: str) -> str:
    """'Russia' -> 'Russian' (the first demonym the data lists for it), else the country."""
    return next((d.title() for d, c in DEMONYMS.items() if c == country and d.isalpha()), country)


def institution(head: Token) -> str | None:
    """The institution a subject head names ('police', 'air force'), when it is one and
    definite or bare: "an army of volunteers" is no institution."""
    lemma = head.lemma_.lower()
    compound = next((t.lower_ for t in head.lefts if t.dep_ == "compound"), None)
    name = INSTITUTIONS.get(f"{compound} {lemma}") if compound else None
    name = name or INSTITUTIONS.get(lemma) or INSTITUTIONS.get(head.lower_)
    if name is None:
        return None
    if any(t.dep_ == "det" and t.lower_ not in ("the",) for t in head.lefts):
        return None
    if any(t.dep_ == "prep" and t.lower_ == "of" for t in head.rights):
        return None
    return name


def article_country(doc: Doc, registry: SpeakerRegistry) -> str | None:
    """The country a story is about: its dateline's ("KYIV, Ukraine (AP)", "MOSCOW, ... /TASS/"),
    else the one country named most often (a tie gives none)."""
    cached = doc.user_data.get("claimcheck_country", False)
    if cached is not False:
        return cached
    found = None
    for line in doc_text(doc).split("\n")[:4]:
        m = DATELINE_LEAD.match(line.strip())
        if m:
            parts = _DATELINE_PARTS.split(m.group(0))[:2]
            found = next((c for part in parts if (c := _country_of_place(part.strip(), registry))), None)
            break
    if found is None:
        counts = Counter(c for e in doc.ents if e.label_ in ("GPE", "NORP")
                         if (c := demonym_country([e.text]) or _country_of_place(e.text, registry)))
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            found = ranked[0][0]
    doc.user_data["claimcheck_country"] = found
    return found


def _country_of_place(place: str, registry: SpeakerRegistry) -> str | None:
    name = place.title() if place.isupper() else place
    if fold_name(name) in _COUNTRIES:
        return _COUNTRIES[fold_name(name)]
    state = registry.resolve(name, kind="organisation")
    if state is not None and state.role == "state":
        return registry.country_of(state)
    return None
