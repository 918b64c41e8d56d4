"""Publication date and the anchor of undated articles, on made-up bodies."""
import datetime as dt

from tasks.claims.pubdate import (
    article_anchor,
    body_dates,
    infer_publication_date,
    latest_absolute_date,
    lower_bound,
    since_bound,
)

D = dt.date


def test_stated_header_date_wins():
    assert infer_publication_date("LIMA, May 2. Text.", "14 March 2019") == (D(2019, 3, 14), "day", "header")


def test_leading_date_line():
    body = " date 2018-06-30 30 June 2018 10:02\n\nThe harbour reopened."
    assert infer_publication_date(body, None) == (D(2018, 6, 30), "day", "text")


def test_dateline_with_year():
    body = "Headline here\n\nOSLO, March 9, 2017 (Agency) - The fjord froze."
    assert infer_publication_date(body, None) == (D(2017, 3, 9), "day", "dateline")


def test_dateline_year_inferred_from_latest_absolute_date():
    body = ("Title\n\nQUITO, February 5. /XN/. The accords of August 3, 2015 and December 1, 2015 "
            "still hold, the minister said.")
    assert infer_publication_date(body, None) == (D(2016, 2, 5), "day", "dateline+inferred-year")


def test_dateline_without_any_year_is_unknown():
    assert infer_publication_date("Title\n\nQUITO, February 5. Rain fell.", None) == (
        None, "unknown", "dateline-without-year")


def test_undated_article_is_unknown():
    assert infer_publication_date("Officials met again. Nothing was agreed.", None) == (None, "unknown", None)


def test_since_plus_duration_bounds_the_date():
    body = "Since March 1, 2019, the strike has gone on for more than 40 days now."
    assert since_bound(body, body_dates(body)) == D(2019, 4, 10)
    assert lower_bound(body) == D(2019, 4, 10)


def test_lower_bound_is_latest_of_absolute_and_since():
    body = "The dam opened on June 2, 2010. Since May 2009 the river has flowed for two years."
    assert latest_absolute_date(body_dates(body)) == D(2010, 6, 2)
    assert lower_bound(body) == D(2011, 5, 31)


def test_anchor_exact_for_dated_and_bound_for_undated():
    assert article_anchor("x", D(2020, 1, 1), "day").exact is True
    a = article_anchor("It began on July 4, 2012.", None, "unknown")
    assert (a.present, a.exact, a.floor) == (D(2012, 7, 4), False, D(2012, 7, 4))
    assert article_anchor("No dates here.", None, "unknown") is None


def test_date_from_url_paths():
    import datetime as dt

    from tasks.claims.pubdate import date_from_url, infer_publication_date

    assert date_from_url("https://news.example.com/2019/11/19/talks-resume/") == (dt.date(2019, 11, 19), "day")
    assert date_from_url("https://example.org/world/2021-03-07-vote.html") == (dt.date(2021, 3, 7), "day")
    assert date_from_url("https://example.org/2018/02/budget-deal") == (dt.date(2018, 2, 1), "month")
    assert date_from_url("https://example.org/item/20191119/story") is None
    assert date_from_url("https://example.org/2019/13/40/x") is None
    assert date_from_url(None) is None
    # A stated date beats the URL; the URL beats guessing from the text.
    assert infer_publication_date("Title\n\nText.", "2020-01-02", "https://x.org/2019/11/19/a")[2] == "header"
    assert infer_publication_date("Title\n\nText.", None, "https://x.org/2019/11/19/a") == (
        dt.date(2019, 11, 19), "day", "url")
