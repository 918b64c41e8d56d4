"""Number shapes from outside benchmarks (money codes and short scales, decimal commas,
dozens, word ranges, ratios), on made-up phrases; each rule with its "not a claim" rows."""
import pytest

from tasks.claims.numbers import find_numbers, words_to_number


@pytest.mark.parametrize(("text", "value", "unit", "hedge"), [
    ("the fund holds EUR 200 million in bonds", 2e8, "eur", "exact"),
    ("a USD 3 billion programme", 3e9, "usd", "exact"),
    ("the club paid £40m for him", 4e7, "gbp", "exact"),
    ("a $5m settlement", 5e6, "usd", "exact"),
    ("a salary of $90k a year", 9e4, "usd", "exact"),
    ("inflation of 12,5 % was recorded", 12.5, "percent", "exact"),
    ("a share of 3,25 per cent", 3.25, "percent", "exact"),
    ("the 2,500 percent rise", 2500, "percent", "exact"),
    ("a 900 MW reactor", 900, "mw", "exact"),
    ("the 2 GW link", 2, "gw", "exact"),
    ("a 10km race", 10, "km", "quantity" and "exact"),
    ("as many as 60 boats", 60, None, "at_most"),
    ("as much as 5%", 5, "percent", "at_most"),
])
def test_money_percent_and_units(text, value, unit, hedge):
    (m,) = find_numbers(text)
    assert (m.value, m.unit, m.hedge) == (pytest.approx(value), unit, hedge)


@pytest.mark.parametrize("text", [
    "a 5m wall",            # metres or millions: unsaid without a currency
    "the eur 200 plan",      # ISO codes only in capitals
    "items 1,2 and 3",       # no percentage after it: not a decimal comma
])
def test_no_amount_read_from_ambiguous_shapes(text):
    assert all(m.unit not in ("usd", "eur", "percent") and m.value not in (5e6, 1.2) for m in find_numbers(text))


@pytest.mark.parametrize(("words", "value"), [
    ("two dozen", 24), ("a dozen", 12), ("dozen", 12), ("three dozen", 36), ("a hundred", 100),
    ("an eighty", None), ("a million", 1e6), ("banana dozen", None),
])
def test_dozens_and_the_article_one(words, value):
    assert words_to_number(words) == value


@pytest.mark.parametrize(("text", "value", "hedge"), [
    ("more than a dozen shops", 12, "at_least"),
    ("about a dozen boats", 12, "approx"),
    ("two dozen lorries", 24, "exact"),
    ("half a million people", 5e5, "exact"),
    ("a million people", 1e6, "exact"),
    ("after a decade of war", 1, "exact"),   # the unit (decade -> 10 years) comes from the parse
    ("more than a century ago", 1, "at_least"),
])
def test_article_before_a_scale_or_a_long_time_unit(text, value, hedge):
    (m,) = find_numbers(text)
    assert (m.value, m.hedge) == (value, hedge)


@pytest.mark.parametrize("text", ["a day of talks", "a week later", "a few people", "a lot of money"])
def test_article_alone_is_no_number(text):
    assert find_numbers(text) == []


@pytest.mark.parametrize(("text", "low", "high"), [
    ("between six and eight weeks", 6, 8),
    ("between two and three thousand people", 2000, 3000),   # the scale word is shared
    ("from five to seven days", 5, 7),
])
def test_word_ranges(text, low, high):
    found = find_numbers(text)
    if low is None:
        assert all(m.low is None for m in found)
    else:
        (m,) = found
        assert (m.low, m.high) == (low, high)


def test_six_and_eight_without_between_is_no_range():
    assert all(m.low is None for m in find_numbers("six and eight"))


@pytest.mark.parametrize(("text", "kept"), [
    ("about 1 in 5 adults smoke", []),
    ("one in three voters", []),
    ("2 out of 7 judges", []),
    ("killed 5 in 2023", [5, 2023]),    # a count and a year (dropped later as a date), not a ratio
    ("arrested 12 in 3 cities", [12, 3]),  # the first is larger: no ratio
])
def test_ratios(text, kept):
    assert [m.value for m in find_numbers(text)] == kept
