"""Story days: "the fourth day of the strike" counts from when the story says its event began."""
from __future__ import annotations

from datetime import date

import pytest

from api.extract import story_days, timex
from api.extract.model import DocumentInput
from api.extract.pipeline import parse


def _doc(doc_id, text, published=None):
    return DocumentInput(id=doc_id, text=text, published=published)


def _dated(text, published):
    timeline = parse([_doc("a", text, published=published)])
    return {(m.trigger, m.time_text): m.interval.start for e in timeline.events for m in e.mentions}


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks broke down on the fourth day of the strike, when the minister walked out.",
     [("the fourth day of the strike", 4, "strike")]),
    ("On the 40th day of her vigil outside Parliament House, she went home.",
     [("the 40th day of her vigil", 40, "vigil")]),
    ("Teachers marched on the second day of an indefinite strike over pay.",
     [("the second day of an indefinite strike", 2, "strike")]),
    ("Kenya Power said in a statement today, the third day of rationing, that cuts would go on.",
     [("the third day of rationing", 3, "rationing")]),
    # a relative clause without "that" ends the event's phrase
    ("The union called off its strike last night, on the eighth day of the longest rail stoppage the country "
     "has seen.", [("the eighth day of the longest rail stoppage", 8, "stoppage")]),
    # "its" stands for the nearest event before it in its sentence
    ("Printers voted yesterday to accept a deal, ending their strike on its 16th day.",
     [("its 16th day", 16, "strike")]),
    ("Talks resumed as the walkout entered its 11th day.", [("its 11th day", 11, "walkout")]),
    # "the start of" a thing is its first day, when a date is set beside it
    ("Members stopped the presses at 6am on Monday, the start of an open-ended strike.",
     [("the start of an open-ended strike", 1, "strike")]),
    ("Fares rose at the start of the strike.", []),
    # the calendar's days, and an era's, are time expressions of their own
    ("Rents are due on the first day of the month.", []),
    ("He left Kyiv on the 850th day of the war in Ukraine.", []),
])
def test_a_story_day_is_found_with_its_count_and_its_event(text, expected):
    found = story_days.find(text, timex.detect(text))
    assert [(c.text, c.fields["n"], c.fields["noun"]) for c in found] == expected


def test_a_story_day_is_no_timeml_expression():
    # the TempEval tagger has no value for it: its output does not change
    text = "Talks broke down on the fourth day of the strike."
    assert [t.text for t in timex.tag(text, date(2018, 10, 22))] == []


@pytest.mark.parametrize(("text", "published", "trigger", "expected"), [
    # the article counts the start back from its own date
    ("The union called off its strike yesterday, 13 days after the walkout began. Talks had broken down "
     "on the fourth day of the strike, when the minister walked out of a meeting.",
     date(2018, 10, 22), "broken down", date(2018, 10, 11)),
    # ... or names it outright
    ("His wife went home on the 40th day of her vigil outside Parliament House. "
     "She began the vigil on May 4.", date(2025, 6, 12), "went", date(2025, 6, 12)),
    # set beside a date, it is that date
    ("Kenya Power said in a statement today, the third day of rationing, that cuts would go on.",
     date(2026, 3, 6), "said", date(2026, 3, 6)),
    # ... before it or after it, which says when the event began
    ("Printers entered the eighth day of their strike on Monday. Talks resume on the tenth day of the strike.",
     date(2025, 2, 10), "resume", date(2025, 2, 12)),
    ("Members stopped the presses on Monday, the start of an open-ended strike. Talks collapsed on the "
     "fourth day of the strike.", date(2025, 2, 12), "collapsed", date(2025, 2, 13)),
    # a ban begins the day it is imposed
    ("The regional authority banned shellfish harvesting in the lagoon on Thursday. Clam diggers protested "
     "outside its offices on the third day of the ban.", date(2025, 11, 29), "protested", date(2025, 11, 29)),
])
def test_a_story_day_is_counted_from_the_start_the_article_tells(text, published, trigger, expected):
    dated = _dated(text, published)
    assert [day for (t, time_text), day in dated.items() if t == trigger and time_text] == [expected], dated


def test_a_story_day_the_article_cannot_count_dates_nothing():
    dated = _dated("Talks broke down on the fourth day of the strike.", date(2018, 10, 22))
    assert not any(time_text and "day of the strike" in time_text for _, time_text in dated)


def test_a_story_day_is_counted_from_the_start_another_article_of_its_story_tells():
    first = _doc("first", "More than two million pupils in Chile stayed at home on Monday, the first day of the "
                          "teachers' walkout over pay.", published=date(2023, 6, 6))
    later = _doc("later", "Chile's National Teachers' Federation said on the 12th day of the strike that it would "
                          "step up its protests against the pay offer.")
    timeline = parse([first, later])
    documents = {d.id: d for d in timeline.documents}
    # the undated article is dated by it too: its lead speaks of that day
    assert (documents["later"].reference_date, documents["later"].reference_date_source) == \
        (date(2023, 6, 16), "collection")
    said = [m for e in timeline.events for m in e.mentions if m.document == "later" and m.trigger == "said"]
    assert [m.interval.start for m in said] == [date(2023, 6, 16)]


def test_a_story_day_of_a_stoppage_counts_from_the_strike_another_article_says_began():
    # "the stoppage" is the strike another outlet dates, and "last night, on the eighth day" is
    # the evening of that day: Monday 7 November is the first, the 14th the eighth
    first = _doc("first", "Belgian train drivers began an open-ended strike over the pension age on Monday, "
                          "cancelling most trains across the country.", published=date(2022, 11, 7))
    later = _doc("later", "The Belgian train drivers' union called off its strike over the pension age last night, "
                          "on the eighth day of the longest rail stoppage the country has seen.")
    documents = {d.id: d for d in parse([first, later]).documents}
    assert (documents["later"].reference_date, documents["later"].reference_date_source) == \
        (date(2022, 11, 15), "collection")


@pytest.mark.parametrize("start", ["walked out on Monday", "went on strike on Monday", "downed tools on Monday"])
def test_workers_walking_out_start_the_strike_a_later_article_counts_days_of(start):
    first = _doc("first", f"Workers at an industrial bakery near Lyon {start} in a dispute over night-shift pay.",
                 published=date(2024, 3, 4))
    later = _doc("later", "Workers at the Lyon bakery return to the ovens this week after voting yesterday, on the "
                          "ninth day of the strike, to accept a new pay deal.")
    documents = {d.id: d for d in parse([first, later]).documents}
    # the ninth day is Tuesday 12 March, "yesterday" to the article
    assert documents["later"].reference_date == date(2024, 3, 13)


def test_walking_out_of_a_room_starts_no_strike():
    first = _doc("first", "The union leader walked out of the meeting on Monday after a row over pay.",
                 published=date(2024, 3, 4))
    later = _doc("later", "Bakery workers voted yesterday, on the ninth day of the strike, to accept a pay deal.")
    documents = {d.id: d for d in parse([first, later]).documents}
    assert documents["later"].reference_date != date(2024, 3, 13)


def test_a_story_day_beside_a_date_must_fit_the_start_the_undated_article_tells():
    # Read from Wednesday 4 March, "began rationing on Wednesday" and "today, the third day of
    # rationing" cannot both hold; read from Friday 6 March they do.
    dated = _doc("dated", "A nationwide blackout hit Kenya on Monday night after the grid collapsed, Kenya Power "
                          "said on Tuesday.", published=date(2026, 3, 3))
    undated = _doc("undated", "Traders marched to the offices of Kenya Power in Nairobi this morning over the "
                              "blackout.\n\nKenya Power began rationing electricity in Nairobi on Wednesday, two days "
                              "after the grid collapse. Kenya Power said in a statement today, the third day of "
                              "rationing, that cuts in Nairobi would continue.")
    documents = {d.id: d for d in parse([dated, undated]).documents}
    assert documents["undated"].reference_date == date(2026, 3, 6)
