"""Numbers on made-up phrases: digits, words, hedges, ranges, glued units."""
from hypothesis import given
from hypothesis import strategies as st

from tasks.claims.numbers import canonical_unit, find_numbers, format_value, words_to_number


def one(text):
    (m,) = find_numbers(text)
    return m


def test_digits_with_thousands_separator_and_hedge():
    m = one("Roughly 12,500 residents left.")
    assert (m.value, m.hedge) == (12500, "approx")


def test_words_and_halves():
    assert words_to_number("two and a half") == 2.5
    assert words_to_number("one hundred twenty") == 120
    assert words_to_number("banana") is None


def test_word_number_with_hedge_and_glued_unit():
    m = one("over three and a half tonnes of grain")
    assert (m.value, m.hedge, m.unit, m.kind) == (3.5, "at_least", "ton", "quantity")


def test_decade_counts_as_years():
    m = one("a nearly four-decade dispute")
    assert (m.value, m.unit, m.hedge, m.kind) == (40, "year", "approx", "duration")


def test_hyphenated_duration_and_distance():
    assert (one("the 12-day strike").value, one("the 12-day strike").unit) == (12, "day")
    m = one("a 3-kilometre buffer")
    assert (m.value, m.unit, m.kind) == (3, "km", "quantity")


def test_at_most_hedges():
    assert one("up to 40 buses").hedge == "at_most"
    assert one("fewer than 9 boats").hedge == "at_most"


def test_range():
    m = one("between 60 and 80 workers")
    assert (m.low, m.high, m.value) == (60, 80, 70)


def test_percent_and_currency_scale():
    assert (one("a 7% rise").value, one("a 7% rise").unit) == (7, "percent")
    m = one("a $2.4 billion loan")
    assert (m.value, m.unit) == (2.4e9, "usd")


def test_not_numbers():
    assert find_numbers("at 10:45 (GMT+03:00) the Tu-154 and COVID-19") == []
    assert find_numbers("a 12-year-old girl") == []


def test_canonical_units():
    assert canonical_unit("decades") == ("year", 10.0, "duration")
    assert canonical_unit("kilometers") == ("km", 1.0, "quantity")
    assert canonical_unit("ferries") == ("ferry", 1.0, "count")
    assert canonical_unit("people") == ("people", 1.0, "count")


def test_format_value():
    assert format_value(30.0) == "30" and format_value(2.5) == "2.5"


@given(st.integers(min_value=1, max_value=10**9))
def test_digit_numbers_round_trip(n):
    (m,) = find_numbers(f"they counted {n:,} birds")
    assert m.value == n and m.hedge == "exact"


def test_not_amounts_phone_numbers_times_scores_ratios():
    assert find_numbers("Call 02-751-1500 for tickets.") == []
    assert find_numbers("The doors open at 7 p.m. sharp.") == []
    assert find_numbers("They won 6-4 and lost 35-30.") == []
    assert find_numbers("Outnumbered by 80 to 1 there.") == []
    assert find_numbers("More than 6 in 10 voters agreed.") == []
    assert find_numbers("Only 9 out of 12 judges agreed.") == []
    assert find_numbers("It goes from 0-60 mph quickly.") == []


def test_vague_scales_and_fractions_are_not_values():
    assert find_numbers("They picked from a few thousand applicants.") == []
    assert find_numbers("Tens of thousands marched.") == []
    assert find_numbers("About two-thirds of members voted.") == []
    assert find_numbers("It fell by a quarter of 1 percent.") == []
    assert find_numbers("a two-way street and a two-pronged plan") == []


def test_half_a_million_and_or_ranges():
    m = one("He won by half a million votes.")
    assert (m.value, m.hedge) == (500000, "exact")
    m = one("over the next four or five months")
    assert (m.low, m.high, m.hedge) == (4, 5, "approx")


def test_hyphenated_count_keeps_its_own_unit_and_percentage_points():
    m = one("He sent a two-page memo.")
    assert (m.value, m.unit, m.kind) == (2, "page", "count")
    m = one("a margin of four percentage points")
    assert (m.value, m.unit, m.kind) == (4, "percentage point", "quantity")
    assert one("a 13-inch laptop").unit == "inch"


def test_proper_noun_plurals_are_singularised():
    assert canonical_unit("Republicans", "Republicans")[0] == "republican"
    assert canonical_unit("status")[0] == "status"
