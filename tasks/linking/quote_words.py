"""The words of a quote as statement linking compares them.

A quote becomes a list of `Word`s: its surface form (for showing a difference), a
comparison form (lower case, contractions spelt out, numbers as digits) and a canonical
form (plural stripped, translation variants mapped to one head word: "talks" and
"negotiations" are both `talk`). Articles and punctuation are not words here: reports that
differ only in those quote the same words.

The word lists are general English, data at the top of the module (not fitted to any
corpus): what counts as a negation, a qualifier or a function word decides how much a
changed word matters (`tasks.linking.quote_diff`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

ARTICLES = frozenset({"a", "an", "the"})
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without",
                       "nowhere", "cannot"})
# Words that set how sure, how much or how often: dropping or changing one changes what was said.
QUALIFIERS = frozenset({
    "all", "every", "each", "some", "any", "only", "just", "most", "many", "few", "several", "much", "more",
    "less", "fewer", "least", "always", "often", "sometimes", "rarely", "seldom", "usually", "possibly",
    "probably", "perhaps", "maybe", "likely", "unlikely", "certainly", "definitely", "surely", "may", "might",
    "could", "can", "would", "should", "must", "will", "shall", "almost", "nearly", "about", "approximately",
    "around", "roughly", "fully", "partly", "partially", "completely", "entirely", "totally", "very",
    "extremely", "absolutely", "already", "still", "yet", "soon", "immediately", "even", "also", "again",
    "before", "after", "until", "unless", "if",
})
PRONOUNS = frozenset({
    "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her",
    "hers", "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those",
})
# Function words: shared ones are no evidence that two quotes report one statement.
FUNCTION_WORDS = ARTICLES | PRONOUNS | frozenset({
    "and", "or", "but", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into", "onto",
    "than", "then", "there", "here", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
    "s", "t", "let", "also", "such", "very", "own", "because", "while", "through", "out", "off", "myself",
    "ourselves", "yourself", "themselves", "itself", "himself", "herself", "across", "over", "under", "above",
    "below", "up", "down", "between", "against", "during", "within", "along", "among", "toward", "towards",
    "upon", "via", "per", "near", "behind", "beyond", "around",
}) | NEGATIONS | QUALIFIERS
# Translation variants and near-synonyms agency reports use for one original word
# ("the talks were useful and frank" / "the negotiations were frank and productive").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "talk": ("talk", "negotiation", "discussion", "consultation", "dialogue", "conversation"),
    "useful": ("useful", "productive", "fruitful", "constructive", "helpful", "beneficial"),
    "frank": ("frank", "candid", "sincere", "open", "honest", "forthright"),
    "important": ("important", "significant", "crucial", "essential", "vital", "key"),
    "big": ("big", "large", "major", "huge", "great"),
    "begin": ("begin", "start", "launch", "commence", "initiate"),
    "end": ("end", "finish", "stop", "halt", "cease"),
    "help": ("help", "assist", "aid", "support"),
    "fight": ("fight", "struggle", "combat", "battle"),
    "war": ("war", "conflict", "hostilities"),
    "attack": ("attack", "strike", "assault"),
    "country": ("country", "nation"),
    "people": ("people", "citizen", "population", "public"),
    "goal": ("goal", "aim", "objective", "target"),
    "threat": ("threat", "danger", "menace"),
    "ready": ("ready", "prepared", "willing"),
    "agreement": ("agreement", "deal", "accord"),
    "guilty": ("guilty", "responsible", "culprit", "perpetrator"),
    "punish": ("punish", "penalize", "penalise"),
    "find": ("find", "identify", "locate"),
    "say": ("say", "state", "declare"),
    "think": ("think", "believe", "consider"),
    "want": ("want", "wish", "desire"),
    "happy": ("happy", "glad", "pleased", "delighted"),
    "sad": ("sad", "regrettable", "unfortunate"),
    "problem": ("problem", "issue", "question", "matter"),
    "situation": ("situation", "circumstance", "condition"),
}
_HEAD = {w: head for head, words in SYNONYMS.items() for w in words}
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
    "million": "1000000", "billion": "1000000000", "dozen": "12", "half": "0.5", "first": "1st",
    "second": "2nd", "third": "3rd",
}
_CONTRACTIONS = {"n't": ["not"], "'re": ["are"], "'ll": ["will"], "'ve": ["have"], "'m": ["am"], "'d": ["would"]}
_IRREGULAR_NOT = {"won't": ["will", "not"], "can't": ["can", "not"], "cannot": ["can", "not"],
                  "shan't": ["shall", "not"]}
_IS_PRONOUNS = {"it's", "that's", "there's", "he's", "she's", "what's", "who's", "here's", "where's"}
# Editorial brackets belong to the outlet, not the speaker: "30 min[ute]" quotes "30 minute".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|\[?[^\W\d_]+(?:(?:'|\[|\])?[^\W\d_]+)*\]?")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")


class Word(NamedTuple):
    surface: str  # as written
    cmp: str  # compared form: lower case, contraction spelt out, number as digits
    stem: str  # plural stripped
    canon: str  # canonical form: the stem, translation variants joined
    start: int  # character offsets into the quote text
    end: int
    capital: bool  # capitalised inside a sentence: a name


def stem(cmp: str) -> str:
    """Plural -s and -ies stripped: "talks" and "talk" quote one word."""
    if len(cmp) > 4 and cmp.endswith("ies"):
        return cmp[:-3] + "y"
    if len(cmp) > 3 and cmp.endswith("s") and not cmp.endswith(("ss", "us", "is")):
        return cmp[:-1]
    return cmp


def canonical(cmp: str) -> str:
    """The stem, with translation variants mapped to one head ("negotiations" -> talk)."""
    s = stem(cmp)
    return _HEAD.get(s, _HEAD.get(cmp, s))


def _forms(raw: str) -> list[str]:
    low = raw.lower().replace("[", "").replace("]", "")
    if low in _IRREGULAR_NOT:
        return _IRREGULAR_NOT[low]
    if low in _IS_PRONOUNS:
        return [low[:-2], "is"]
    for ending, expansion in _CONTRACTIONS.items():
        if low.endswith(ending) and len(low) > len(ending):
            return [low[: -len(ending)], *expansion]
    if low.endswith("'s"):
        return [low[:-2]]  # a possessive: "Russia's" quotes the name
    if low[0].isdigit():
        return [low.replace(",", "").rstrip("%") + ("%" if low.endswith("%") else "")]
    return [NUMBER_WORDS.get(low, low)]


@lru_cache(maxsize=200_000)
def quote_words(text: str) -> tuple[Word, ...]:
    """The quote's words in order, articles and punctuation left out."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    words: list[Word] = []
    previous_end = 0
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        sentence_start = not words or bool(_SENTENCE_END.search(text[previous_end:m.start()]))
        capital = raw[0].isupper() and not sentence_start and raw != "I"
        previous_end = m.end()
        for form in _forms(raw):
            if form and form not in ARTICLES:
                words.append(Word(raw, form, stem(form), canonical(form), m.start(), m.end(), capital))
    return tuple(words)


def content(words: tuple[Word, ...]) -> frozenset[str]:
    """The canonical words that carry content (what two reports of one statement share)."""
    return frozenset(w.canon for w in words if w.cmp not in FUNCTION_WORDS)


def is_number(cmp: str) -> bool:
    return cmp[:1].isdigit()
