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

# the token attributes patterns may test, in the order `_columns` reads them
_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


def _columns(doc) -> tuple[list, ...]:
    """Each attribute of every token, read once per Doc (Token properties are not free)."""
    tokens = list(doc)
    return ([t.lower_ for t in tokens], [t.tag_ for t in tokens], [t.dep_ for t in tokens],
            [t.is_space for t in tokens])


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
    if not spec or any(k not in _ATTRS for k in spec):
        raise UnsupportedPattern(f"token pattern {spec!r}")
    return tuple((_ATTRS.index(k), _predicate(v)) for k, v in spec.items())


def _keys(value) -> list | None:
    """The values a token must have to meet `value`, when there are few: equality or IN."""
    if isinstance(value, (str, bool)):
        return [value]
    if isinstance(value, dict) and list(value) == ["IN"]:
        return list(dict.fromkeys(value["IN"]))
    return None


class AttributeTable:
    """Callable pipeline component: `table(doc)` sets what `ruler(doc)` would."""

    def __init__(self, rules: list[tuple[list[list[dict]], dict, int]]):
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._rules = rules
        # (rule id, token specs) filed under the values of one attribute its first token
        # must have (`_keys`); a token is checked against the entries filed under its own values
        self._index: list[dict] = [defaultdict(list) for _ in _ATTRS]
        self._anywhere: list = []
        for rule_id, (patterns, _, _) in enumerate(rules):
            for pattern in patterns:
                entry = (rule_id, [_token_spec(s) for s in pattern])
                self._file(entry, pattern[0])

    def _file(self, entry: tuple, first: dict) -> None:
        for a, attr in enumerate(_ATTRS):
            keys = _keys(first.get(attr)) if attr in first else None
            if keys is not None:
                for key in keys:
                    self._index[a][key].append(entry)
                return
        self._anywhere.append(entry)

    @classmethod
    def from_ruler(cls, ruler) -> AttributeTable:
        """The ruler's rules in its order, with the attributes it normalised when adding them."""
        rules = [(p["patterns"], ruler.attrs[i], ruler.indices[i]) for i, p in enumerate(ruler.patterns)]
        if len(rules) != len(ruler.attrs):
            raise UnsupportedPattern("ruler rules and attributes differ in number")
        return cls(rules)

    def matches(self, doc) -> list[tuple[int, int, int]]:
        """(rule id, start, end) of every match, found before any is applied, in rule order."""
        columns = _columns(doc)
        n = len(doc)
        found = []
        for i in range(n):
            candidates = [e for a, index in enumerate(self._index) for e in index.get(columns[a][i], ())]
            for rule_id, specs in (*candidates, *self._anywhere):
                end = i + len(specs)
                if end <= n and _meets(columns, i, specs):
                    found.append((rule_id, i, end))
        found.sort()
        return found

    def __call__(self, doc):
        for rule_id, start, end in self.matches(doc):
            _, attrs, index = self._rules[rule_id]
            if not -(end - start) <= index < end - start:  # the ruler refuses this too (E1001)
                raise ValueError(f"attribute rule {rule_id}: index {index} outside its match {start}:{end}")
            self._set(doc[start + index if index >= 0 else end + index], attrs)  # = span[index]
        return doc


def _meets(columns: tuple[list, ...], start: int, specs: list) -> bool:
    for j, spec in enumerate(specs, start):
        for a, pred in spec:
            if not pred(columns[a][j]):
                return False
    return True


def table_of_ruler(nlp, name: str) -> AttributeTable:
    """spaCy factory: the table of the pipeline's own `attribute_ruler`."""
    return AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler"))
