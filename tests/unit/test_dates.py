"""Date expressions on made-up sentences: absolute, month/year, relative, ranges, anchoring."""
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tasks.claims.dates import Anchor, find_dates, resolve
from tasks.claims.daymath import add_duration, date_label, period_end

D = dt.date


def values(text, anchor=None, future=False, tense=None):
    out = []
    for m in find_dates(text):
        r = resolve(m, anchor, future, tense)
        if r:
            out.append(date_label(*r))
    return out


def test_absolute_day_dates_in_several_spellings():
    text = "Talks opened on March 3, 2019, resumed Aug. 14, 2019 and closed 2 December 2019."
    assert values(text) == ["2019-03-03", "2019-08-14", "2019-12-02"]


def test_abbreviated_month_with_period_and_sept():
    assert values("The bridge reopened on Sept. 5, 2018.") == ["2018-09-05"]


def test_iso_date_line():
    assert values("posted 2022-07-30 09:15") == ["2022-07-30"]


def test_month_and_year_precision():
    text = "The mine closed in June 2015 and unrest has lasted since 1998, peaking in the spring of 2004."
    assert values(text) == ["2015-06", "1998", "2004"]


def test_decade_is_not_a_year():
    assert values("It was built in the late 1970s.") == []


def test_day_range_gives_both_ends():
    assert values("The fair ran on May 10-12, 2016.") == ["2016-05-10", "2016-05-12"]


def test_yearless_date_takes_latest_past_occurrence_of_dated_article():
    anchor = Anchor(D(2019, 2, 10), exact=True)
    assert values("The mayor resigned on December 28.", anchor) == ["2018-12-28"]
    assert values("The mayor resigned on February 3.", anchor) == ["2019-02-03"]


def test_yearless_date_just_ahead_of_article_is_the_coming_one():
    anchor = Anchor(D(2016, 12, 20), exact=True)
    assert values("Voters prepare for the January 9 runoff.", anchor) == ["2017-01-09"]
    assert values("Crews expect repairs in February.", anchor) == ["2017-02"]
    assert values("Repairs began in November.", anchor) == ["2016-11"]


def test_yearless_date_in_future_clause_goes_forward():
    anchor = Anchor(D(2019, 12, 20), exact=True)
    assert values("The council will vote on January 4.", anchor, future=True) == ["2020-01-04"]


def test_yearless_date_in_undated_article_never_precedes_floor():
    # bound and floor both 2017-10-20: "October 18" is the next one, not two days earlier
    anchor = Anchor(D(2017, 10, 20), exact=False, floor=D(2017, 10, 20))
    assert values("Crowds gathered on Oct. 18.", anchor) == ["2018-10-18"]


def test_yearless_month_in_undated_article_uses_bound():
    anchor = Anchor(D(2016, 4, 2), exact=False, floor=D(2015, 11, 20))
    assert values("Earlier in January, the port reopened.", anchor) == ["2016-01"]
    assert values("Prices spiked last November.", anchor) == ["2015-11"]


def test_relative_days_need_an_exact_anchor():
    exact = Anchor(D(2021, 1, 1), exact=True)
    assert values("He spoke to reporters the day before.", exact) == ["2020-12-31"]
    assert values("He spoke to reporters yesterday.", exact) == ["2020-12-31"]
    bound = Anchor(D(2021, 1, 1), exact=False)
    assert values("He spoke to reporters the day before.", bound) == []


def test_the_day_before_an_event_is_not_relative_to_the_article():
    assert values("They met the day before the vote.", Anchor(D(2021, 1, 1), exact=True)) == []


def test_weekday_relative_to_article_date():
    anchor = Anchor(D(2022, 3, 7), exact=True)  # a Monday
    assert values("Officials on Saturday denied it.", anchor) == ["2022-03-05"]
    assert values("Officials last Monday denied it.", anchor) == ["2022-02-28"]
    assert values("Officials on Saturday denied it.") == []  # undated: not in the key


def test_last_december_across_year_boundary():
    anchor = Anchor(D(2021, 1, 3), exact=True)
    assert values("Fighting resumed last December.", anchor) == ["2020-12"]
    assert values("Fighting resumed in January.", anchor) == ["2021-01"]


def test_last_month_and_last_year_across_year_boundary():
    anchor = Anchor(D(2020, 1, 15), exact=True)
    assert values("Sales fell last month and rose last year.", anchor) == ["2019-12", "2019"]


def test_leap_day_yearless_goes_back_to_last_leap_year():
    anchor = Anchor(D(2021, 3, 1), exact=True)
    assert values("The record was set on February 29.", anchor) == ["2020-02-29"]


def test_leap_day_absolute_and_invalid_day():
    assert values("It happened on February 29, 2024.") == ["2024-02-29"]
    assert values("It happened on February 30, 2023.") == []


def test_add_duration_clamps_leap_day():
    assert add_duration(D(2020, 2, 29), 1, "year") == D(2021, 2, 28)
    assert add_duration(D(2022, 12, 12), 100, "day") == D(2023, 3, 22)


def test_period_end():
    assert period_end(D(2024, 2, 1), "month") == D(2024, 2, 29)
    assert period_end(D(2023, 1, 1), "year") == D(2023, 12, 31)


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2080, 12, 31)), st.integers(1, 12), st.integers(1, 28))
def test_yearless_past_resolution_is_within_a_year_before_anchor(anchor_day, month, day):
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    (m,) = find_dates(f"It opened on {months[month - 1]} {day}.")
    value, precision = resolve(m, Anchor(anchor_day, exact=True))
    assert precision == "day"
    assert (value.month, value.day) == (month, day)
    assert anchor_day - dt.timedelta(days=366) < value <= anchor_day + dt.timedelta(days=60)


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2080, 12, 31)))
def test_absolute_dates_round_trip(day):
    text = f"It opened on {day.strftime('%B')} {day.day}, {day.year}."
    assert values(text) == [day.isoformat()]


def test_month_comma_year_and_year_ranges():
    assert values("The story broke in March, 2015.") == ["2015-03"]
    assert values("It raised money between 2006 and 2012.") == ["2006", "2012"]


def test_names_and_fiscal_years_are_not_dates():
    anchor = Anchor(D(2016, 3, 10), exact=True)
    assert values("Rubio lost on Super Tuesday.", anchor) == []
    assert values("A USA Today poll and a USA TODAY survey.", anchor) == []
    assert values("Sales growth in fiscal year 2019 slowed.") == []
    assert values("It earned a total score of 2072.") == []
    assert values("He said things in the last year.", anchor) == []


def test_tense_decides_past_or_coming_yearless_month():
    anchor = Anchor(D(2016, 1, 7), exact=True)
    assert values("It earned $40 million in March.", anchor, tense="past") == ["2015-03"]
    anchor = Anchor(D(2016, 7, 6), exact=True)
    assert values("Voters go to the polls in November.", anchor, tense="present") == ["2016-11"]
    # a past verb governing a noun the date modifies: no tense told, the last August
    assert values("He lit into her at a debate in August.", Anchor(D(2016, 3, 1), exact=True)) == ["2015-08"]


def test_tense_decides_yearless_day():
    anchor = Anchor(D(2016, 7, 6), exact=True)
    assert values("On Dec. 1, that changes.", anchor, tense="present") == ["2016-12-01"]
    assert values("The rule changed on Dec. 1.", anchor, tense="past") == ["2015-12-01"]


def test_offsets_need_a_dated_article():
    bound = Anchor(D(2019, 11, 20), exact=False, floor=D(2019, 11, 20))
    assert values("Sales rose this year and fell last month.", bound) == []
