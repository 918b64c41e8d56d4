"""Date shapes from outside benchmarks (TIMEX3-style), on made-up sentences: ordinal words,
numeric day/month orders, period ends, decades ago, years modifying a noun, a weekday
naming the date after it; each rule with its "not a date" rows."""
import datetime as dt

import pytest

from tasks.claims.dates import Anchor, find_dates, resolve
from tasks.claims.daymath import date_label

THURSDAY = Anchor(present=dt.date(2024, 3, 14), exact=True)


def values(text, anchor=THURSDAY):
    return [date_label(*r) for m in find_dates(text) if (r := resolve(m, anchor))]


@pytest.mark.parametrize(("text", "want"), [
    ("The museum reopened on the first of May 2019.", ["2019-05-01"]),
    ("It closed on the twenty-third of June, 2011.", ["2011-06-23"]),
    ("The Thirty-First of December 1999 passed quietly.", ["1999-12-31"]),
    ("The fair opened on the second of March.", ["2024-03-02"]),
    ("He came first of many in May.", ["2024-05"]),       # no "the N-th of": just the month
    ("The thirty-second of May never came.", ["2023-05"]),  # no such day: just the month
])
def test_ordinal_word_days(text, want):
    assert values(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Filed on 14/02/2024 in Rome.", ["2024-02-14"]),
    ("Filed on 02/14/2024 in Boston.", ["2024-02-14"]),
    ("Filed on 03.02.2024 in Berlin.", ["2024-02-03"]),   # dots: day first
    ("Filed on 3.2.2024.", ["2024-02-03"]),
    ("Filed on 02/03/2024.", []),                          # either order: left alone
    ("Filed on 31/02/2024.", []),                          # no such day
    ("Version 4.10.2 shipped.", []),
    ("The score was 3/4 in 2019 polls.", ["2019"]),
])
def test_numeric_day_month_year(text, want):
    assert values(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The law comes into force by the end of the year.", ["2024"]),
    ("Talks resume at the start of the month.", ["2024-03"]),
    ("Prices peaked at the end of the war.", []),
    ("The end of the year was hard for him.", ["2024"]),
])
def test_the_end_of_the_year_or_month(text, want):
    assert values(text) == want


def test_period_end_needs_a_dated_article():
    assert values("by the end of the year", Anchor(present=dt.date(2024, 3, 14), exact=False)) == []


@pytest.mark.parametrize(("text", "want"), [
    ("The mine closed two decades ago.", ["2004"]),
    ("A decade ago it was a village.", ["2014"]),
    ("Ten decades ago the town was founded.", ["1924"]),
])
def test_decades_ago(text, want):
    assert values(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The 2022 floods destroyed the bridge.", ["2022"]),
    ("Its 2019 report was withdrawn.", ["2019"]),
    ("In the 2016 election, turnout fell.", ["2016"]),
    ("The 1990s were calm.", []),                   # a decade
    ("The 2023-24 season ended.", []),              # a season, not the calendar year
    ("The 2,022 delegates voted.", []),             # a count
    ("The 2000 and 2004 races were close.", ["2000", "2004"]),
    ("The 2019 Toyota recall", ["2019"]),
    ("The 2019, 2020 and 2021 reports", ["2021"]),  # a list: only the cue-word rule reads the last
])
def test_year_modifying_a_noun(text, want):
    assert values(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Production stopped on Wednesday, March 6.", ["2024-03-06"]),
    ("He died Friday, March 25, 2016, at home.", ["2016-03-25"]),
    ("The vote is on Friday, the 15th of March.", ["2024-03-15"]),
    ("She left on Tuesday, and on March 6 he followed.", ["2024-03-12", "2024-03-06"]),  # two dates
])
def test_weekday_naming_the_date_after_it(text, want):
    assert values(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Fifteen years ago the mill closed.", ["2009"]),
    ("Twenty-one days ago the river rose.", ["2024-02-22"]),
    ("Many years ago the mill closed.", []),
    ("Several months ago it rained.", []),
])
def test_ago_with_any_number_word(text, want):
    assert values(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Work should finish by mid-2025.", ["2025"]),
    ("The line opened in late-2019.", ["2019"]),
    ("A mid-1990s boom.", []),
    ("The report covers the years 2015 to 2020.", ["2015", "2020"]),
])
def test_hyphenated_and_listed_years(text, want):
    assert values(text) == want
