"""One statement's record and its quote discrepancies, from its member quotes.

`verbatim` are quotes an official transcript confirms word for word (tasks.linking.transcripts):
their wording is the reference.

- `wording`: direct and partial quotes (not headlines, which trim by habit, nor
  paraphrases) are grouped into variants of the same words (case, punctuation, articles
  and plurals aside). The reference is the variant most articles report (then the
  longest); every other variant is compared with it word by word
  (`tasks.linking.quote_diff`); one that changes what was said (severity not None) is a
  side, when an article reports it and not the reference (an article quoting a sentence and
  then a piece of it does not disagree with itself).
- `attribution`: the words are credited to different speakers by different articles,
  and the credits are firm enough to conflict (`tasks.linking.credits`): high when both
  articles print the speaker's name (a wrong speaker is the worst error for a verification
  product), low when one side is our reading of a pronoun or role noun (the explanation
  says which); none when a side is a fallback or neither side prints a name.

Status: `disputed` with a discrepancy, `corroborated` when several articles report it
alike, `single` otherwise.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from models import Discrepancy, DiscrepancyMember, Statement, StatementQuote
from models.base import stable_id
from tasks.linking.credits import CREDIT_RANK, Credit, conflict_severity, credit_of
from tasks.linking.quote_diff import SEVERITY_RANK, WordDiff, word_diff
from tasks.linking.quote_match import _name_tokens
from tasks.linking.quote_words import content, quote_words

WORDING_KINDS = frozenset({"direct", "partial"})
MAX_NAMED_ARTICLES = 3
MAX_CENTRAL = 50


@dataclass
class _Variant:
    text: str
    quotes: list[StatementQuote] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {q.article_id for q in self.quotes}


def _variants(members: list[tuple[StatementQuote, str]], verbatim: frozenset = frozenset()) -> list[_Variant]:
    found: dict[tuple, _Variant] = {}
    for q, relation in sorted(members, key=lambda m: m[0].quote_id):
        if q.kind not in WORDING_KINDS or relation == "paraphrase":
            continue
        key = tuple(w.stem for w in quote_words(q.text))
        found.setdefault(key, _Variant(" ".join(q.text.split()))).quotes.append(q)
    variants = list(found.values())
    words = {v.text: content(quote_words(v.text)) for v in variants}
    # Among equally reported wordings the reference is the most central one (most content
    # words shared with the others), so a stray fragment never becomes the yardstick.
    central = {v.text: sum(len(words[v.text] & words[o.text]) for o in variants[:MAX_CENTRAL] if o is not v)
               for v in variants}
    # A wording an official transcript confirms is the reference before any count of articles.
    confirmed = {v.text: any(q.quote_id in verbatim for q in v.quotes) for v in variants}
    return sorted(variants, key=lambda v: (not confirmed[v.text], -len(v.articles), -central[v.text],
                                           -len(quote_words(v.text)), v.text))


def _articles(ids: set[str]) -> str:
    shown = sorted(ids)[:MAX_NAMED_ARTICLES]
    more = len(ids) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _quote_by(ids: set[str]) -> str:
    return f"{_articles(ids)} {'quotes' if len(ids) == 1 else 'quote'}"


def wording_discrepancy(statement_id: str, speaker: str | None, members,
                        verbatim: frozenset = frozenset()) -> tuple[Discrepancy, list] | None:
    variants = _variants(members, verbatim)
    if len(variants) < 2:
        return None
    ref, differing = variants[0], []
    for v in variants[1:]:
        if not (v.articles - ref.articles and ref.articles - v.articles):
            continue
        diff: WordDiff = word_diff(ref.text, v.text)
        if diff.severity is not None:
            differing.append((v, diff))
    if not differing:
        return None
    severity = max((d.severity for _, d in differing), key=SEVERITY_RANK.__getitem__)
    sides = [ref] + [v for v, _ in differing]
    did = stable_id("quote-discrepancy", statement_id, "wording", *sorted(v.text for v in sides))
    who = f" by {speaker}" if speaker else ""
    parts = [f"{_quote_by(v.articles)} \u201c{d.var_window}\u201d where {_quote_by(ref.articles)} "
             f"\u201c{d.ref_window}\u201d ({', '.join(d.reasons)})" for v, d in differing]
    explanation = f"Reports of one statement{who} quote different words. " + "; ".join(parts) + "."
    members_out = [DiscrepancyMember(discrepancy_id=did, quote_id=q.quote_id, article_id=q.article_id, side=v.text)
                   for v in sides for q in v.quotes]
    return Discrepancy(discrepancy_id=did, kind="wording", severity=severity, explanation=explanation,
                       statement_id=statement_id), members_out


def _speaker_classes(members) -> dict[str, list[StatementQuote]]:
    """Quotes by speaker: one speaker id, and names inside one another ("Zakharova",
    "Maria Zakharova"), as one."""
    by_name: dict[str, list[StatementQuote]] = {}
    name_of_id: dict[str, str] = {}
    for q, _ in sorted(members, key=lambda m: m[0].quote_id):
        if q.speaker_name:
            name = name_of_id.setdefault(q.speaker_id, q.speaker_name) if q.speaker_id else q.speaker_name
            by_name.setdefault(name, []).append(q)
    classes: dict[str, list[StatementQuote]] = {}
    for name in sorted(by_name, key=lambda n: (-len(_name_tokens(n)), n)):
        tokens = _name_tokens(name)
        home = next((c for c in classes if tokens and tokens <= _name_tokens(c)), None)
        classes.setdefault(home or name, []).extend(by_name[name])
    return classes


def _credit(quotes: list[StatementQuote]) -> tuple[Credit, StatementQuote]:
    """A speaker's firmest credit among its quotes, and the quote that gives it."""
    rated = [(credit_of(q.speaker_name, q.speaker_text, q.confidence), q) for q in quotes]
    return max(rated, key=lambda r: (CREDIT_RANK[r[0]], r[1].quote_id))


def attribution_discrepancy(statement_id: str, text: str, members) -> tuple[Discrepancy, list] | None:
    """Different speakers credited by different articles, when the credits can carry a
    conflict (`tasks.linking.credits.conflict_severity`)."""
    classes = _speaker_classes(members)
    articles = {name: {q.article_id for q in qs} for name, qs in classes.items()}
    credit = {name: _credit(qs) for name, qs in classes.items()}
    pairs = [(a, b, conflict_severity(credit[a][0], credit[b][0])) for a in sorted(classes) for b in sorted(classes)
             if a < b and articles[a] - articles[b] and articles[b] - articles[a]]
    pairs = [p for p in pairs if p[2]]
    if not pairs:
        return None
    names = sorted({n for a, b, _ in pairs for n in (a, b)})
    severity = "high" if any(s == "high" for *_, s in pairs) else "low"
    did = stable_id("quote-discrepancy", statement_id, "attribution", *names)
    credits = " / ".join(f"{n} ({_articles(articles[n])})" for n in names)
    explanation = (f"The same words are credited to different speakers: {credits}. "
                   f"\u201c{_short(text)}\u201d")
    weak = [n for n in names if credit[n][0] != "named"]
    if severity == "low":
        explanation += " " + "; ".join(
            f"{n} is our reading of \u201c{_short(credit[n][1].speaker_text or '', 60)}\u201d in {credit[n][1].article_id}, "
            f"not a name the article prints" for n in weak) + ": this may be our error, not the outlets'."
    members_out = [DiscrepancyMember(discrepancy_id=did, quote_id=q.quote_id, article_id=q.article_id, side=n)
                   for n in names for q in classes[n]]
    return Discrepancy(discrepancy_id=did, kind="attribution", severity=severity, explanation=explanation,
                       statement_id=statement_id), members_out


def _short(text: str, at_most: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= at_most else text[: at_most - 1].rstrip() + "\u2026"


def summarise_statement(statement_id: str, members: list[tuple[StatementQuote, str]],
                        verbatim: frozenset = frozenset()):
    """(Statement, discrepancies, discrepancy members) of one statement's quotes."""
    quotes = [q for q, _ in members]
    # The statement's speaker: the firmest credit (a printed name before our reading of a
    # pronoun), then the most quotes.
    named = Counter(q.speaker_name for q in quotes if q.speaker_name)
    firm = {n: max(CREDIT_RANK[credit_of(q.speaker_name, q.speaker_text, q.confidence)]
                   for q in quotes if q.speaker_name == n) for n in named}
    speaker = min(named, key=lambda n: (-firm[n], -named[n], n)) if named else None
    speaker_id = min((q.speaker_id for q in quotes if q.speaker_name == speaker and q.speaker_id), default=None)
    variants = _variants(members, verbatim)
    text = variants[0].text if variants else " ".join(
        min(quotes, key=lambda q: (-len(quote_words(q.text)), q.quote_id)).text.split())
    found = [d for d in (wording_discrepancy(statement_id, speaker, members, verbatim),
                         attribution_discrepancy(statement_id, text, members)) if d]
    n_articles = len({q.article_id for q in quotes})
    status = "disputed" if found else "corroborated" if n_articles >= 2 else "single"
    statement = Statement(statement_id=statement_id, speaker_id=speaker_id, speaker_name=speaker, text=text,
                          n_quotes=len(quotes), n_articles=n_articles, status=status)
    return statement, [d for d, _ in found], [m for _, ms in found for m in ms]
