"""Reference dates: datelines, era counts, an article's clues about its own date."""
from __future__ import annotations

from datetime import date

import pytest

from api.extract import reference, segment, timex


def _from_text(text, year_hint=None):
    return reference.from_text(text, segment.split(text), timex.detect(text), year_hint=year_hint)


@pytest.mark.parametrize(("text", "expected"), [
    ("Wednesday May 3, 2023 – Russia said drones attacked the Kremlin.", date(2023, 5, 3)),
    ("2024-06-22 - The first train left Odesa.", date(2024, 6, 22)),
    ("Drones attacked.\n\nFollow the 434th day of the war in Ukraine LIVE.", date(2023, 5, 3)),
    ("Day 100 of the war in Ukraine: fighting continued in the east.", date(2022, 6, 3)),
])
def test_the_text_dates_itself(text, expected):
    decision = _from_text(text)
    assert decision is not None and (decision.date, decision.source) == (expected, "text")


@pytest.mark.parametrize("text", [
    "Day 100 of the war: Israeli strikes continued in Gaza, officials in Jerusalem said.",
    "On the 500th day of the war, Sudan's army and the RSF fought on in Khartoum.",
])
def test_the_war_of_another_story_is_not_the_war_in_ukraine(text):
    assert _from_text(text) is None


def test_the_bare_war_is_the_war_in_ukraine_when_the_article_names_it():
    decision = _from_text("Day 100 of the war: Russian shelling hit Kharkiv, Ukrainian officials said.")
    assert decision is not None and decision.date == date(2022, 6, 3)


@pytest.mark.parametrize(("text", "year_hint", "expected"), [
    # the lead sets a holiday beside "yesterday": the day after it, in the year of the hint
    ("Yesterday, on Easter Monday, the allotment society threw open its gates for an open day.",
     date(2017, 7, 1), date(2017, 4, 18)),
    ("Today, May 9, veterans marched through the square.", date(2023, 7, 1), date(2023, 5, 9)),
    # a country's own holiday, named as its
    ("The bells of the belfry in Bruges rang out yesterday, Belgium's National Day, for the first time since "
     "the fire.", date(2019, 7, 1), date(2019, 7, 22)),
    # a full date needs no hint
    ("Yesterday, on 3 May 2021, the ferry ran aground off the island.", None, date(2021, 5, 4)),
])
def test_a_date_set_beside_yesterday_in_the_lead_dates_the_article(text, year_hint, expected):
    decision = _from_text(text, year_hint=year_hint)
    assert decision is not None and (decision.date, decision.source) == (expected, "text")


def test_a_yearless_date_beside_yesterday_needs_a_year_from_somewhere():
    assert _from_text("Yesterday, on Easter Monday, the allotment society threw open its gates.") is None


def test_a_date_inside_the_story_is_no_dateline():
    assert _from_text("Officials said the bridge, opened on May 3, 2023, was safe.") is None


def test_a_chronology_box_below_the_story_is_no_dateline():
    # its lines start with a date and a dash, as datelines do, but stand after the story
    text = ("The first regular train since the fire crossed the bridge yesterday morning.\n\n"
            "Freight trains are to follow next month. Repairs began on March 15.\n\n"
            "The judge ordered an assessment. The union said the scheme was too slow.\n\n"
            "Work on the cables is to be finished by the end of June.\n\n"
            "How the fire unfolded\n\n"
            "4 March - police arrest a suspect\n"
            "20 April - the line reopens\n")
    assert _from_text(text, year_hint=date(2022, 3, 4)) is None
    assert reference.yearless_dateline(text, segment.split(text), timex.detect(text)) is None


@pytest.mark.parametrize("dateline", [
    "PLOVDIV, June 2 -", "PLOVDIV, June 2 (Reuters) -",
    # the agency's name without brackets, as AAP writes it
    "PERTH, June 2 AAP -"])
def test_a_yearless_dateline_takes_its_year_from_the_hint(dateline):
    decision = _from_text(f"{dateline} The runoff was won by Petrova.", year_hint=date(2025, 7, 1))
    assert decision is not None and decision.date == date(2025, 6, 2)


@pytest.mark.parametrize("copyright_line", [
    "Copyright 2018 The Associated Press. All rights reserved.", "© 2018 Thomson Reuters. All rights reserved."])
def test_a_yearless_dateline_takes_the_year_of_its_pages_copyright_line(copyright_line):
    # the collection's nearest year is another story's; the page says its own
    text = f"HELSINKI, June 14 (Reuters) - Investigators blamed a renovation for the collapse.\n\n{copyright_line}"
    decision = _from_text(text, year_hint=date(2019, 7, 1))
    assert decision is not None and decision.date == date(2018, 6, 14), decision
    assert "copyright line" in decision.evidence


@pytest.mark.parametrize(("text", "inside", "outside"), [
    ("The 14-month-old war between Russia and Ukraine goes on.", date(2023, 5, 3), date(2023, 8, 1)),
    ("The attack came a few days before the Victory Day parade on May 9.", date(2023, 5, 5), date(2023, 4, 1)),
])
def test_clues_constrain_the_articles_own_date(text, inside, outside):
    tests = [test for _, test in reference.clues(text, timex.detect(text))]
    assert tests, "no clue found"
    assert all(test(inside) for test in tests)
    assert not all(test(outside) for test in tests)


@pytest.mark.parametrize("text", [
    "The 14-month-old war in Sudan has displaced millions.",
    "The three-year-old pandemic of cholera in Haiti is ebbing.",
])
def test_an_unnamed_era_of_another_story_is_no_clue(text):
    assert reference.clues(text, timex.detect(text)) == []


@pytest.mark.parametrize("text", [
    # the date is in the next sentence: the amount counts to "it ignited", not to it
    "Gas leaked for about 40 minutes before it ignited. The shutdown had begun on February 28.",
    # minutes or hours before a date say nothing of the article's own day
    "The alarm sounded 40 minutes before midnight on March 14.",
    # set beside a date, the amount counts from that date, not from the article's own day
    "The rink reopened on Feb. 16, three days before its Louis Riel Day bonspiel.",
    "The rink reopened on Feb. 16, just three days before Christmas Day.",
])
def test_an_amount_before_something_else_is_no_clue_to_a_later_date(text):
    assert reference.clues(text, timex.detect(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # with no date at all, the era's age places the article within its month
    ("Moscow has reserved the right to retaliate in the 14-month-old war between Russia and Ukraine.",
     date(2023, 5, 8)),
    # and a yearless dateline names the day within it
    ("MOSCOW, May 3 (Reuters) - The Kremlin spoke of escalation in the 14-month-old war in Ukraine.",
     date(2023, 5, 3)),
])
def test_an_eras_age_places_an_undated_article_alone(text, expected):
    candidates = timex.detect(text)
    decision = reference.assumed([], date(2026, 12, 5), candidates, reference.yearless_dateline(text, segment.split(text), candidates),
                                 text)
    assert (decision.date, decision.source) == (expected, "assumed")
    assert "14-month-old war" in decision.evidence


def test_an_assumed_date_says_where_it_came_from():
    decision = reference.assumed([date(2024, 1, 2), date(2024, 1, 5)])
    assert (decision.date, decision.source) == (date(2024, 1, 5), "assumed")
    assert decision.evidence.startswith("assumed")
    assert reference.assumed([], today=date(2030, 1, 1)).date == date(2030, 1, 1)


@pytest.mark.parametrize(("text", "expected"), [
    # a live page's date line on its own, before the first entry
    ("Storm Ciara live: roads closed across Wales\n\nSaturday 8 February 2020\n\nUpdated 11:20 GMT\n\n"
     "11:20 GMT\nThe Met Office has issued an amber warning for wind.", date(2020, 2, 8)),
    # banners that label the date: published, updated, last modified, posted
    ("Farmers block motorways in protest at diesel tax\n\nUpdated Thu 14 Mar 2024 10.42 GMT\n\n"
     "Hundreds of tractors blocked the A1 on Wednesday.", date(2024, 3, 14)),
    ("Council approves new bus lanes\n\nPublished 14 March 2024\n\nThe council voted on Tuesday.",
     date(2024, 3, 14)),
    ("Heat records fall across Spain\n\nLast modified on Tue 5 Sep 2023 18.02 BST\n\n"
     "Temperatures reached 44C in Seville on Monday.", date(2023, 9, 5)),
    ("Posted: March 3, 2021 at 4:05 p.m. EST\n\nThe school board met on Tuesday night.", date(2021, 3, 3)),
    # a clock time before the date, as US local papers write their stamps
    ("School board delays vote\n\nPublished 7:15 a.m. ET March 2, 2021 | Updated 9:40 a.m. ET March 2, 2021\n\n"
     "The school board met on Monday night.", date(2021, 3, 2)),
    # a stamp beside an update that is counted back from now
    ("Water main bursts downtown\n\nPosted: Jan 9, 2022 6:30 AM CT | Last Updated: 3 hours ago\n\n"
     "Crews shut the street on Saturday.", date(2022, 1, 9)),
    # a byline beside the stamp, and a zone the list does not name (Argentina Time)
    ("Singer cancels show\n\nBy Ana Ruiz | Published November 9, 2024, 10:15 a.m. ART\n\n"
     "The singer cancelled the concert last night.", date(2024, 11, 9)),
    # a byline and its date behind a dash, as wire pages set them
    ("Launch moved to Thursday\n\nBy Jo Park — September 22, 2026\n\nThe agency said late Monday that it will try again.",
     date(2026, 9, 22)),
    ("Mayor resigns\n\nBy Sam Hale, City Hall reporter - March 3, 2024 at 5:10 p.m.\n\nThe mayor quit on Sunday.",
     date(2024, 3, 3)),
    ("Satellite lost\n\nby Erik Lund — June 17, 2025\n\nThe operator declared the satellite lost.",
     date(2025, 6, 17)),
    # a labelled stamp after a standfirst of a few sentences, in the day-first dotted form
    ("Canoeist's B sample confirms positive test\n\nSports | Germany\n\nThe world silver medallist faces a "
     "hearing in June. His lawyer blames his father's pills.\n\nDate 16.04.2026\nAuthor Stefan Horn\n\n"
     "The sample was opened on Monday.", date(2026, 4, 16)),
    ("Fuel strike live\n\nLast updated: 19:20 WAT, 12 October 2018\n\n"
     "The union rejected the order.", date(2018, 10, 12)),
    # a first stamp and its update on one line, with a comma between them
    ("Ferry operator cuts winter timetable\n\nThe Harbour Times\nPosted Tue 4 Nov 2025 at 9:05am, updated "
     "Tue 4 Nov 2025 at 11:48am\n\nThe operator said on Monday it would drop two sailings.", date(2025, 11, 4)),
    ("Library to close for repairs\n\nPublished 2 June 2024, last updated 3 June 2024\n\n"
     "The council announced the closure on Friday.", date(2024, 6, 2)),
    # a published line beats a later update
    ("Bridge reopens\n\nFirst published on Mon 4 Sep 2023 09.00 BST\nUpdated Wed 6 Sep 2023 12.00 BST\n\n"
     "The bridge reopened on Monday.", date(2023, 9, 4)),
    # a reading time beside the date, an update counted back from now, an aggregator's byline
    ("Warehouse fire under control\n\n3 March 2023 · 4 min read\n\nThe fire broke out on Thursday night.",
     date(2023, 3, 3)),
    ("Warehouse fire under control\n\nMarch 3, 2023 2:32 PM GMT Updated 2 hours ago\n\n"
     "The fire broke out on Thursday night.", date(2023, 3, 3)),
    ("Warehouse fire under control\n\nStory by Jane Doe • March 3, 2023\n\nThe fire broke out on Thursday night.",
     date(2023, 3, 3)),
])
def test_a_date_line_of_its_own_at_the_top_dates_the_page(text, expected):
    decision = _from_text(text)
    assert decision is not None and (decision.date, decision.source) == (expected, "text")


@pytest.mark.parametrize("text", [
    # a full date alone on a line far into the story is a heading inside it, not the page's date
    "Flood waters rise in the valley.\n\nResidents were moved on Monday. Roads were shut on Tuesday.\n\n"
    "More rain is due.\n\n14 March 2019\n\nThe last big flood came in 2019.",
    # a sentence that merely contains a full date
    "Published on 14 March 2024, the report found that rents rose.",
    # a sentence that opens with "By" is no byline
    "Rents rose sharply.\n\nBy the spring of 2024 — 14 March 2024 — most tenants had moved.",
    # time words in a sentence of the story do not make its date a page's stamp
    "Rents rose sharply.\n\nOn 14 March 2024, two hours after the vote, the minister read a statement.",
    # "by" and "on" around a date in a sentence of the story: no byline and no stamp
    "Rescue crews were stretched.\n\nBy Friday, crews had reached the miners on 14 March 2024.",
    "Rents rose sharply.\n\nReleased on 14 March 2024, the report found that rents rose.",
])
def test_a_date_inside_the_story_is_no_date_line(text):
    assert _from_text(text) is None


# Page stamps as news sites print them, each tried at the very top of an article and
# again under its headline; all name Friday 3 March 2023.
REAL_WORLD_STAMPS = [
    "Published: 14:32 GMT, 3 March 2023",
    "Updated March 3, 2023 at 2:32 p.m. ET",
    "Mar 3, 2023, 2:32 PM EST",
    "3 March 2023 · 4 min read",
    "Fri 3 Mar 2023 09.12 GMT",
    "Last modified on Fri 3 Mar 2023 10.05 GMT",
    "PUBLISHED: 09:12 EST, 3 March 2023 | UPDATED: 10:05 EST, 3 March 2023",
    "March 3, 2023 2:32 PM GMT Updated 2 hours ago",
    "By Jane Doe, Associated Press · March 3, 2023",
    "By Jane Doe | March 3, 2023",
    "2023-03-03T14:32:00Z",
    "Date: 03.03.2023",
    "First published on Fri 3 Mar 2023 09.12 GMT",
    "Fri, Mar 3, 2023, 2:32 PM",
    "Updated: 3/3/2023 2:32 PM",
    "March 3 2023 6:00 AM EST",
    "Published 03 March 2023",
    "Friday, March 3, 2023",
    "03 Mar 2023",
    "Posted: Mar 03, 2023 9:12 AM ET | Last Updated: March 3, 2023",
    "Friday 3 March 2023 at 9:12am",
    "3 Mar 2023 09:12",
    "Published on 3rd March 2023",
    "Updated 03/03/2023 09:12",
    "By Jane Doe\nMarch 3, 2023",
    "Jane Doe\nFri 3 Mar 2023 09.12 GMT",
    "3 March 2023, 09:12 GMT",
    "Published March 3, 2023 9:12 a.m. PT",
    "MARCH 3, 2023",
    "Mar. 3, 2023 9:12 a.m. ET",
    "Posted Friday, March 3, 2023 9:12AM",
    "Updated Fri, March 3 2023 9:12 AM EST",
    "Published 9:12 AM EST Mar 3, 2023",
    "By JANE DOE Associated Press\nMarch 3, 2023, 9:12 AM",
    "LONDON, March 3, 2023 (Reuters) -",
    "Story by Jane Doe • March 3, 2023",
    "NAIROBI, Kenya, March 3, 2023 —",
    "By Jane Doe / March 3, 2023",
    "ISSUED: 3 March 2023",
    "Released: 03 March 2023",
    "Dated: 3 March 2023",
    "Posted by Jane Doe on March 3, 2023",
    "Written by Jane Doe on 3 March 2023",
    "3 March 2023 | 09:12",
    "Published at 09:12 on 3 March 2023",
    "03/03/2023 - 09:12",
    "By Jane Doe - 3 March 2023 - 09:12",
    "Jane Doe, Staff Writer | 3 March 2023",
    "Updated: 3 hours ago | Published: 3 March 2023",
    "Jane Doe\nStaff reporter\n3 March 2023",
    "March 3rd, 2023",
    "Friday 3rd March 2023",
    "Last updated on March 3, 2023 9:12 AM EST",
    "Published: Friday, March 3, 2023 @ 9:12 AM",
    "WASHINGTON — March 3, 2023 —",
    "NEW YORK, March 3, 2023 /PRNewswire/ --",
    "VELLORE, March 3, 2023",
    "Jane Doe - March 3, 2023",
    "Jane Doe · Reporter · 3 March 2023",
    "Publication date: 3 March 2023",
    "Last update: 3 March 2023",
    "Published 3 Mar 2023, 9:12 am",
    "FOR IMMEDIATE RELEASE\nMarch 3, 2023",
    "Mar 3, 2023 · 9:12 AM ET",
    "Friday, 3 March 2023, 09:12 CET",
    "BY JANE DOE | MARCH 3, 2023",
    "First published: March 3, 2023",
    "Updated: 03-03-2023 14:32 IST",
    "Published: 03-03-2023",
    "MÂCON, Friday 3 March 2023 –",
    "SÃO PAULO — March 3, 2023 —",
    "Print edition: Friday, 3 March 2023",
]
_HEADLINE = "Warehouse fire brought under control\n\n"
_STORY = ("Firefighters battled a blaze at a warehouse in the city centre on Thursday night.\n\n"
          "The fire was brought under control early on Friday, officials said.\n")


@pytest.mark.parametrize("stamp", REAL_WORLD_STAMPS)
@pytest.mark.parametrize("above_the_headline", [True, False], ids=["top", "under headline"])
def test_real_world_page_stamps_date_the_article(stamp, above_the_headline):
    from api.extract.model import DocumentInput
    from api.extract.pipeline import parse

    text = stamp + "\n\n" + _HEADLINE + _STORY if above_the_headline else _HEADLINE + stamp + "\n\n" + _STORY
    (document,) = parse([DocumentInput(id="a", text=text)], today=date(2026, 12, 5)).documents
    assert (document.reference_date, document.reference_date_source) == (date(2023, 3, 3), "text")


def _scores(values: dict):
    """A `from_collection` score that gives each listed day its value, with no notes."""
    return lambda day: (values.get(day, 0.0), [])


_TUE, _WED, _THU, _FRI, _SAT, _SUN, _NEXT_TUE = (date(2025, 3, d) for d in (4, 5, 6, 7, 8, 9, 11))


@pytest.mark.parametrize(("values", "tie_break", "expected"), [
    # days that score alike: the earliest, news being reported soon after it happens ...
    ({_TUE: 1.0, _WED: 1.0, _FRI: 1.0}, None, _TUE),
    # ... unless a tie-break prefers the day after it
    ({_TUE: 1.0, _WED: 1.0, _FRI: 1.0}, {_TUE: 9, _WED: 4, _FRI: 1}, _WED),
    # never one further on (a weekday names the same day from a week later too)
    ({_TUE: 1.0, _THU: 1.0}, {_TUE: 9, _THU: 2}, _TUE),
    ({_TUE: 1.0, _NEXT_TUE: 1.0}, {_TUE: 9, _NEXT_TUE: 2}, _TUE),
    # and never against a better score
    ({_TUE: 1.0, _FRI: 0.9}, {_TUE: 9, _FRI: 0}, _TUE),
])
def test_a_tie_break_chooses_among_equally_good_collection_days_only(values, tie_break, expected):
    decision = reference.from_collection(sorted(values), _scores(values), [],
                                         None if tie_break is None else tie_break.__getitem__)
    assert decision.date == expected
    # the evidence says when the tie-break, not the reports, chose the day
    assert ("weekday names reach back less" in decision.evidence) == (expected != min(values))


def test_weekday_names_reach_back_least_from_the_day_after_the_last_of_them():
    from api.extract.model import DocumentInput
    from api.extract.pipeline import _bare_weekdays, _days_back_to_its_weekdays, read

    reading = read(DocumentInput(id="b", text=(
        "The vote on Tuesday went 51 to 36 against him. On Thursday the president began talks with "
        "party leaders, and on Friday she said she would name a new prime minister within days. Her "
        "predecessor had resigned the Friday before.")))
    starts = _bare_weekdays(reading)
    assert len(starts) == 3  # "the Friday before" counts from another day
    reach = {day: _days_back_to_its_weekdays(reading, starts, day) for day in (_THU, _FRI, _SAT, _SUN)}
    assert min(reach, key=reach.get) == _FRI
    assert reach[_THU] > reach[_SAT]  # from Thursday, that Friday would be six days back
