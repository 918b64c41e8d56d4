"""An exact, table-driven stand-in for the model's `attribute_ruler` (13-16 % of parse time).

The ruler runs a spaCy `Matcher` over every token for its 179 patterns, nearly all of them
one token with a TAG and/or LOWER value. Here the same patterns, read from the loaded
ruler itself, are indexed by their LOWER or TAG value, so a token is checked only against
the few patterns that can match it. The semantics are the ruler's: every match is found on
the Doc as it comes in, then the matches are applied in rule order (a later rule wins) with
spaCy's own `set_token_attrs` and the ruler's normalised attributes. A pattern using
anything beyond equality, IN, NOT_IN and REGEX on LOWER, TAG, DEP and IS_SPACE makes
`AttributeTable.from_ruler` refuse, and the model keeps its ruler
(tests/unit/test_attribute_table.py compares both on made-up text).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

# token attribute -> how to read it from a Token
_READERS = {
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


class UnsupportedPattern(ValueError):
    """A ruler pattern this table cannot evaluate exactly."""


def _predicate(value) -> Callable[[object], bool]:
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            refused = frozenset(arg)
            return lambda v: v not in refused
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: rx.search(v) is not None
    raise UnsupportedPattern(f"pattern value {value!r}")


def _token_spec(spec: dict) -> tuple:
    if not spec or any(k not in _READERS for k in spec):
        raise UnsupportedPattern(f"token pattern {spec!r}")
    return tuple((_READERS[k], _predicate(v)) for k, v in spec.items())


class AttributeTable:
    """Callable pipeline component: `table(doc)` sets what `ruler(doc)` would."""

    def __init__(self, rules: list[tuple[list[list[dict]], dict, int]]):
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._rules = rules
        # (rule id, pattern, its token specs) under the first token's LOWER or TAG value
        self._by_lower: dict[str, list] = defaultdict(list)
        self._by_tag: dict[str, list] = defaultdict(list)
        self._anywhere: list = []
        for rule_id, (patterns, _, _) in enumerate(rules):
            for pattern in patterns:
                entry = (rule_id, [_token_spec(s) for s in pattern])
                bucket, keys = self._bucket(pattern[0])
                for key in keys:
                    bucket[key].append(entry)
                if bucket is None:
                    self._anywhere.append(entry)

    def _bucket(self, first: dict) -> tuple:
        """Where a pattern is filed: under each LOWER (else TAG) value its first token may have."""
        for attr, bucket in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
            value = first.get(attr)
            if isinstance(value, str):
                return bucket, [value]
            if isinstance(value, dict) and list(value) == ["IN"]:
                return bucket, list(dict.fromkeys(value["IN"]))
        return None, []

    @classmethod
    def from_ruler(cls, ruler) -> AttributeTable:
        """The ruler's rules in its order, with the attributes it normalised when adding them."""
        rules = [(p["patterns"], ruler.attrs[i], ruler.indices[i]) for i, p in enumerate(ruler.patterns)]
        if len(rules) != len(ruler.attrs):
            raise UnsupportedPattern("ruler rules and attributes differ in number")
        return cls(rules)

    def matches(self, doc) -> list[tuple[int, int, int]]:
        """(rule id, start, end) of every match, found before any is applied, in rule order."""
        found = []
        n = len(doc)
        for token in doc:
            i = token.i
            for rule_id, specs in (*self._by_lower.get(token.lower_, ()), *self._by_tag.get(token.tag_, ()),
                                   *self._anywhere):
                end = i + len(specs)
                if end <= n and all(pred(read(doc[j])) for j, spec in zip(range(i, end), specs)
                                    for read, pred in spec):
                    found.append((rule_id, i, end))
        found.sort()
        return found

    def __call__(self, doc):
        for rule_id, start, end in self.matches(doc):
            _, attrs, index = self._rules[rule_id]
            self._set(doc[start:end][index], attrs)
        return doc


def table_of_ruler(nlp, name: str) -> AttributeTable:
    """spaCy factory: the table of the pipeline's own `attribute_ruler`."""
    return AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler"))
