"""Frames with no one behind them, which are dropped rather than kept as speakerless quotes.

A verification product checks what speakers said. "55 percent of voters say she does not"
reports a share of respondents (a poll result), and "Some observers say ..." an indefinite
group that no speaker stands for; neither is anyone's statement to check (PolNeAR, whose
annotators mark attributions, leaves most of them out as well).
"""
from __future__ import annotations

from spacy.tokens import Token

from tasks.lexicon import GROUP_QUANTIFIERS, SHARE_NOUNS
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


def indefinite_group(subject: Token | None) -> bool:
    """'Some observers say', 'Several senators said', 'Others argue', 'Many spoke about':
    plural people no name or earlier mention pins down (judged only when no speaker was
    found). A count ('three people briefed on the talks') is an anonymous source and stays,
    and so does a floating quantifier after names ('with Doe and Roe all calling for ...')."""
    if subject is None:
        return False
    head = relative_antecedent(subject) or subject
    if head.lower_ in GROUP_QUANTIFIERS:
        return not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in head.head.children if t.i < head.i) \
            and head.dep_ in ("nsubj", "nsubjpass")
    return head.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("det", "amod") and c.lower_ in GROUP_QUANTIFIERS for c in head.children)
