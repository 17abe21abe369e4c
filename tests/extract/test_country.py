from datetime import date

import pytest

from api.extract import timex
from api.extract.country import country_of


@pytest.mark.parametrize(("text", "code"), [
    ("A freight train hit a herd of reindeer near Rovaniemi, in Finnish Lapland, on Tuesday.", "FI"),
    ("HYDERABAD, Aug 14 (PTI) The Cyberabad police arrested six people, officials in India said.", "IN"),
    ("The gantry came down on State Highway 1 in Auckland, New Zealand police said.", "NZ"),
    # a story that names one country in passing and another more often keeps the second
    ("Finnish tourists were among those rescued near Churchill, Manitoba, Canada's polar bear capital, "
     "the Canadian coast guard said.", "CA"),
    ("The council met on Monday.", None),  # no place at all
    ("Delegates flew from Oslo to Nairobi.", None),  # a tie names no country
], ids=["Rovaniemi", "Hyderabad", "Auckland", "two countries", "no place", "tie"])
def test_an_article_is_the_country_it_names_most(text, code):
    assert country_of(text) == code


@pytest.mark.parametrize(("text", "day"), [
    ("Herders drove reindeer sleds through Rovaniemi on Independence Day.", date(2019, 12, 6)),
    ("The school in Pune closed on Independence Day.", date(2019, 8, 15)),
    ("A jet ski hit a swimmer on Independence Day.", date(2019, 7, 4)),  # no country: the 4th of July
    ("The gantry fell on Labour Day, Auckland police said.", date(2019, 10, 28)),
    ("The lacrosse final was played in Winnipeg on Labour Day.", date(2019, 9, 2)),
    ("Families in Toronto sat down to dinner on Thanksgiving.", date(2019, 10, 14)),
    ("Families in Chicago sat down to dinner on Thanksgiving.", date(2019, 11, 28)),
    ("Florists in Manchester sold out before Mother's Day.", date(2019, 3, 31)),
    ("The track in Auckland reopened on Queen's Birthday Monday.", date(2019, 6, 3)),
    ("The bells rang in Sydney on the Queen's Birthday holiday.", date(2019, 6, 10)),
    ("The carillon of Bruges rang out on Belgium's National Day.", date(2019, 7, 21)),
    ("Fireworks lit the sky over Singapore on National Day.", date(2019, 8, 9)),
    ("Pupils in Pune saw free shows on Children's Day.", date(2019, 11, 14)),
    # the nearest third Monday of February to 20 December
    ("The bagpipes were played in Antigonish, Nova Scotia, on Heritage Day.", date(2020, 2, 17)),
    ("Hundreds joined hands around the vlei in Cape Town on Women's Day.", date(2019, 8, 9)),
    ("Marchers filled the streets of Chicago on Women's Day.", date(2019, 3, 8)),
], ids=["Finland", "India", "no country", "New Zealand", "Canada Labour Day", "Canada Thanksgiving",
        "US Thanksgiving", "Britain Mother's Day", "New Zealand Queen's Birthday", "Australia Queen's Birthday",
        "Belgium National Day", "Singapore National Day", "India Children's Day", "Canada Heritage Day",
        "South Africa Women's Day", "US Women's Day"])
def test_a_holiday_many_countries_keep_is_the_articles_countrys(text, day):
    [cand] = [c for c in timex.detect(text) if c.rule == "holiday"]
    assert timex.resolve(cand, date(2019, 12, 20), "past").interval.start == day


@pytest.mark.parametrize("text", [
    "Crowds gathered for the National Day parade.",  # no country: no day
    "Fireworks lit the sky over Chicago on National Day.",  # a country that keeps none
    "The government declared a national day of mourning in Belgium.",  # a common noun
])
def test_a_holiday_only_countries_keep_names_no_day_without_one_of_them(text):
    assert [c.text for c in timex.detect(text) if c.rule == "holiday"] == []
