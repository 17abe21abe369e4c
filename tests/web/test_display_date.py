"""The grain-aware date phrases shown in exports and (mirrored in JS) on the page."""
import pytest

from api.exports import display_date


CASES = [
    ("2023-05-02", "2023-05-03", "night", "2023-05-02TNI", "night of 2\u20133 May 2023"),
    ("2023-04-30", "2023-05-01", "night", None, "night of 30 Apr \u2013 1 May 2023"),
    ("2022-12-31", "2023-01-01", "night", None, "night of 31 Dec 2022 \u2013 1 Jan 2023"),
    ("2023-05-03", "2023-05-03", "day", "2023-05-03", "3 May 2023"),
    ("2023-05-03", "2023-05-05", "day", None, "3\u20135 May 2023"),
    ("2023-05-03", "2023-05-03", "part-of-day", "2023-05-03TAF", "afternoon of 3 May 2023"),
    ("2023-05-03", "2023-05-03", "time", "2023-05-03T14:30", "3 May 2023, 14:30"),
    ("2023-05-01", "2023-05-07", "week", "2023-W18", "week of 1 May 2023"),
    ("2023-05-01", "2023-05-31", "month", "2023-05", "May 2023"),
    ("2023-03-01", "2023-05-31", "season", "2023-SP", "spring 2023"),
    ("2023-06-01", "2023-08-31", "season", None, "summer 2023"),
    ("2022-12-01", "2023-02-28", "season", "2022-WI", "winter 2022\u201323"),
    ("2023-04-01", "2023-06-30", "quarter", "2023-Q2", "Q2 2023"),
    ("1945-01-01", "1945-12-31", "year", "1945", "1945"),
    ("1990-01-01", "1999-12-31", "decade", "199", "the 1990s"),
    ("1901-01-01", "2000-12-31", "century", "19", "the 20th century"),
    ("2023-04-26", "2023-05-03", "vague", "PAST_REF", "recent days up to 3 May 2023"),
    ("2023-05-03", "2023-05-10", "vague", "FUTURE_REF", "coming days from 3 May 2023"),
    # the unit follows the window's width: "in recent months" is not "recent days"
    ("2023-04-20", "2023-05-03", "vague", "PAST_REF", "recent days up to 3 May 2023"),
    ("2023-04-19", "2023-05-03", "vague", "PAST_REF", "recent weeks up to 3 May 2023"),
    ("2023-03-03", "2023-05-03", "vague", "PAST_REF", "recent weeks up to 3 May 2023"),
    ("2022-11-01", "2023-05-03", "vague", "PAST_REF", "recent months up to 3 May 2023"),
    ("2020-05-03", "2023-05-03", "vague", "PAST_REF", "recent years up to 3 May 2023"),
    ("2023-05-03", "2023-08-03", "vague", "FUTURE_REF", "coming months from 3 May 2023"),
    ("2023-04-03", "2023-05-03", "vague", None, "about 3 Apr \u2013 3 May 2023"),
    ("2022-02-24", None, "day", "2022-02-24", "since 24 Feb 2022"),
    (None, "2023-05-03", "day", None, "until 3 May 2023"),
    (None, None, "vague", "PAST_REF", "undated"),
]


@pytest.mark.parametrize(("start", "end", "grain", "value", "expected"), CASES)
def test_display_date_speaks_at_the_grain_of_the_interval(start, end, grain, value, expected):
    assert display_date(start, end, grain, value) == expected


def test_display_date_accepts_date_objects_as_well_as_iso_strings():
    from datetime import date
    assert display_date(date(2023, 5, 2), date(2023, 5, 3), "night") == "night of 2\u20133 May 2023"
