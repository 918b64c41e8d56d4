"""Poll results are not quotes: "55 percent of voters say she does not" reports a share of
respondents, and no one said it. A verification product checks statements of speakers, so
such frames are dropped (PolNeAR does not annotate them either)."""
from __future__ import annotations

from spacy.tokens import Token

from tasks.lexicon import SHARE_NOUNS
from tasks.quotes.mentions import relative_antecedent


def share_of_respondents(subject: Token | None) -> bool:
    """'55 percent of all voters', '18% who say', 'two in three', 'a majority of Americans',
    'almost half of respondents', 'most said': a share, not a speaker. A count of people
    ('three people briefed on the talks') or a named group ('Most Republicans') is not."""
    if subject is None:
        return False
    head = relative_antecedent(subject) or subject
    if head.ent_type_ == "PERSON":
        return False
    if head.lemma_.lower() in SHARE_NOUNS or head.lower_ in SHARE_NOUNS:
        # of people ('of voters', 'of those surveyed'), not of a thing ('most of her speech')
        whole = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return all(o.tag_ in ("NNS", "NNPS") or o.lower_ in ("those", "them", "us") for o in whole)
    # "two in three", "six in 10 Republicans": one number in another
    if head.like_num or any(c.dep_ == "nummod" for c in head.children):
        number = head if head.like_num else next(c for c in head.children if c.dep_ == "nummod")
        return any(c.lower_ == "in" and (c.dep_ == "quantmod" or any(o.like_num for o in c.children))
                   for c in number.children)
    return False
