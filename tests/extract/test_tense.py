"""The tense of the clause around a time expression decides which way a
yearless or relative expression resolves from the reference date.  The
sentences are written for these tests; the reference date is Tuesday
20 February 2024 unless a test says otherwise."""
from __future__ import annotations

from datetime import date

import pytest

from api.extract.model import DocumentInput
from api.extract.pipeline import parse
from api.extract.timex import tag

DCT = date(2024, 2, 20)


def _value(sentence: str, phrase: str, dct: date = DCT) -> str | None:
    (t,) = [t for t in tag(sentence, dct) if t.text == phrase]
    return t.value


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("Sales should recover in the second half.", "the second half", "2024-H2"),
    ("Margins should widen in September, the chief executive said.", "September", "2024-09"),
    ("Exports might pick up in October.", "October", "2024-10"),
])
def test_forecast_with_should_or_might_resolves_forwards(sentence, phrase, value):
    assert _value(sentence, phrase) == value


def test_should_have_looks_back():
    assert _value("Sales should have recovered in September.", "September") == "2023-09"


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("Prices may rise in September.", "September", "2024-09"),
    ("The rebels may have fled in September.", "September", "2023-09"),
    ("The ferry may not have sailed in September.", "September", "2023-09"),
])
def test_lower_case_may_is_a_modal_that_looks_ahead_unless_perfect(sentence, phrase, value):
    assert _value(sentence, phrase) == value


def test_could_is_not_read_as_a_forecast():
    # "could" is as often the past of "can": the clause stays past
    assert _value("Neither of them could be reached on Friday.", "Friday") == "2024-02-16"


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("Traders expect the central bank to cut rates in September.", "September", "2024-09"),
    ("The brewer forecast profits to improve in the second half.", "the second half", "2024-H2"),
    ("Officials hoped to reopen the tunnel in September.", "September", "2024-09"),
    ("Economists expect a rebound in the second half.", "the second half", "2024-H2"),
    # an invitation or a request looks ahead to what it asks for
    ("The minister invited union leaders to meet him in September.", "September", "2024-09"),
    ("The mayor urged residents to conserve water in September.", "September", "2024-09"),
])
def test_expect_forecast_and_hope_with_to_resolve_forwards(sentence, phrase, value):
    assert _value(sentence, phrase) == value


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("The engineers had hoped to reopen the tunnel in September.", "September", "2023-09"),
    ("The forecast for September was wrong.", "September", "2023-09"),
    ("The ferry was expected to sail on Friday but stayed in port.", "Friday", "2024-02-16"),
    ("The council submitted its plan to plug the sewage outfalls on November 29.", "November 29", "2023-11-29"),
])
def test_past_plans_and_nouns_of_forecast_stay_in_the_past(sentence, phrase, value):
    assert _value(sentence, phrase) == value


def _mention_start(sentence: str, trigger_word: str, published: date = DCT) -> date:
    timeline = parse([DocumentInput(id="a", text=sentence, published=published)])
    found = [m for e in timeline.events for m in e.mentions if trigger_word in m.trigger.lower()]
    assert found, f"no mention with trigger {trigger_word!r}"
    return found[0].interval.start


@pytest.mark.parametrize(("sentence", "trigger", "start"), [
    ("Officials hoped to repair the tunnel in September.", "hoped", date(2024, 9, 1)),
    ("Officials hoped to reopen the tunnel in September.", "reopen", date(2024, 9, 1)),
    ("The council planned to open the new bridge in September.", "open", date(2024, 9, 1)),
    ("The bank said it expected to cut rates in September.", "expected", date(2024, 9, 1)),
    # the plan is itself past: the pluperfect keeps the date behind
    ("Officials had hoped to repair the tunnel in September.", "hoped", date(2023, 9, 1)),
    ("Officials had hoped to reopen the tunnel in September.", "reopen", date(2023, 9, 1)),
])
def test_past_intent_with_to_dates_its_aim_ahead_in_the_pipeline(sentence, trigger, start):
    assert _mention_start(sentence, trigger) == start


def test_past_intent_with_a_second_aim_still_dates_its_first_aim_ahead():
    # "and to have ..." leaves the clause's own verb no tense: the hope still looks ahead
    timeline = parse([DocumentInput(id="a", text="He said he hoped to reopen the tunnel in September and to have "
                                                 "the trains back by Christmas.", published=date(2024, 2, 20))])
    months = [m.interval.start for e in timeline.events for m in e.mentions if m.interval.grain == "month"]
    assert months == [date(2024, 9, 1)]


@pytest.mark.parametrize(("sentence", "trigger", "start", "end"), [
    # a promise in the present perfect still stands: what it promises lies ahead
    ("The council has promised to decide the block's future before Christmas.", "promised",
     date(2024, 2, 20), date(2024, 12, 24)),
    ("The union has threatened to strike in September.", "strike", date(2024, 9, 1), date(2024, 9, 30)),
    ("The mayor has vowed to reopen the library by Friday.", "reopen", date(2024, 2, 20), date(2024, 2, 23)),
    # ... and so does a course a project is on
    ("He said the repairs were on schedule to be finished before Christmas.", "finished",
     date(2024, 2, 20), date(2024, 12, 24)),
    ("The repairs are on track to be finished in September.", "finished", date(2024, 9, 1), date(2024, 9, 30)),
])
def test_a_standing_promise_or_a_course_on_schedule_dates_its_aim_ahead(sentence, trigger, start, end):
    timeline = parse([DocumentInput(id="a", text=sentence, published=DCT)])
    found = [(m.interval.start, m.interval.end) for e in timeline.events for m in e.mentions
             if trigger in m.trigger.lower()]
    assert found == [(start, end)]


@pytest.mark.parametrize(("sentence", "trigger", "start"), [
    # a cue before the date puts it ahead, whatever the tense of the verb it dates
    ("The trust created a four-member office of the chairman, effective September 1.", "created",
     date(2024, 9, 1)),
    ("The regulator fined the bank on Monday and suspended its licence, effective September 1.", "suspended",
     date(2024, 9, 1)),
])
def test_a_date_after_effective_lies_ahead_in_the_pipeline(sentence, trigger, start):
    timeline = parse([DocumentInput(id="a", text=sentence, published=DCT)])
    dated = [m.interval.start for e in timeline.events for m in e.mentions
             if trigger in m.trigger.lower() and m.time_text and "September" in m.time_text]
    assert dated == [start]


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("The walkout ended on March 4.", "March 4", "2023-03-04"),
    ("The walkout ended March 4.", "March 4", "2023-03-04"),
    ("Two climbers were killed on March 9.", "March 9", "2023-03-09"),
    ("Talks broke down on March 4, the union said.", "March 4", "2023-03-04"),
    ("The old mill burned down in March.", "March", "2023-03"),
    ("The levy took effect on March 4.", "March 4", "2023-03-04"),
    ("The decree came into force on March 4.", "March 4", "2023-03-04"),
    ("The mayor was sworn in on March 4.", "March 4", "2023-03-04"),
    ("The cyclone made landfall on March 4.", "March 4", "2023-03-04"),
    # a part of the day between the verb and its date is the date's own
    ("The fire started in the early hours of March 4.", "March 4", "2023-03-04"),
    ("Two climbers were killed early on March 9.", "March 9", "2023-03-09"),
])
def test_completed_past_after_the_reference_date_goes_back_a_year(sentence, phrase, value):
    assert _value(sentence, phrase) == value


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("The vote was postponed to March 4.", "March 4", "2024-03-04"),
    ("The hearing was scheduled for March 4.", "March 4", "2024-03-04"),
    ("The hearing was set on March 4.", "March 4", "2024-03-04"),
    ("The union called a strike on March 4.", "March 4", "2024-03-04"),
    ("The repairs will be completed on March 4.", "March 4", "2024-03-04"),
    ("The rebels may have fled on March 4.", "March 4", "2024-03-04"),
    ("The walkout ended, officials said, and resumes on March 4.", "March 4", "2024-03-04"),
    ("The levy takes effect on March 4.", "March 4", "2024-03-04"),
    ("The mayor will be sworn in on March 4.", "March 4", "2024-03-04"),
])
def test_scheduled_or_uncertain_dates_keep_the_nearest_year(sentence, phrase, value):
    assert _value(sentence, phrase) == value


def test_completed_past_within_the_slack_of_its_reference_date_keeps_its_year():
    # a document date of unknown quality may be a few days early: a week by default
    (t,) = tag("The walkout ended on Feb. 24.", DCT)
    assert t.value == "2024-02-24"
    (t,) = tag("The walkout ended on March 4.", DCT)
    assert t.value == "2023-03-04"
    # a caller sure of its date can narrow the slack
    (t,) = tag("The walkout ended on Feb. 21.", DCT, dct_slack=1)
    assert t.value == "2024-02-21"
    (t,) = tag("The walkout ended on Feb. 24.", DCT, dct_slack=1)
    assert t.value == "2023-02-24"


def test_a_weekday_that_fits_the_nearest_year_keeps_a_completed_past_there():
    (t,) = tag("Officials spoke on Saturday, Feb. 24.", DCT, dct_slack=1)
    assert t.value == "2024-02-24"


def test_completed_past_goes_back_a_year_in_the_pipeline():
    assert _mention_start("The strike ended on March 4.", "strike") == date(2023, 3, 4)
    assert _mention_start("The strike will end on March 4.", "strike") == date(2024, 3, 4)
    # within a week: loose wording, or a reference date a few days early
    assert _mention_start("The strike ended on Feb. 24.", "strike") == date(2024, 2, 24)


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("The agency warned that the lake was expected to peak on Friday.", "Friday", "2024-02-23"),
    ("The ministry said the new ferry was due to sail in September.", "September", "2024-09"),
    ("The coach said the squad were not expected to travel until Friday night.", "Friday night", "2024-02-23TNI"),
])
def test_reported_plan_with_was_expected_to_resolves_forwards(sentence, phrase, value):
    assert _value(sentence, phrase) == value


def test_reported_plan_dates_its_mention_ahead_in_the_pipeline():
    # Tuesday 20 February: the reported "was expected to" is the speaker's "is expected to",
    # and what was expected (the cresting) is the event
    text = "Forecasters warned that the river was not expected to crest until Friday night."
    assert _mention_start(text, "crest") == date(2024, 2, 23)


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    # Tuesday 20 February: the offset restates Monday, so Sunday lies ahead
    ("The rivals clashed in a debate on Monday night, five days before Sunday's runoff.", "Sunday", "2024-02-25"),
    # ... and here behind, as the past tense says
    ("The ministers met on Monday, a day after Sunday's runoff.", "Sunday", "2024-02-18"),
])
def test_offset_in_apposition_resolves_its_weekday_to_match_the_date_it_restates(sentence, phrase, value):
    assert _value(sentence, phrase) == value


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("Bond yields slipped ahead of Friday's inflation data.", "Friday", "2024-02-23"),
    ("Turnout rose in the run-up to Sunday's ballot.", "Sunday", "2024-02-25"),
])
def test_ahead_of_a_date_resolves_forwards_whatever_the_tense(sentence, phrase, value):
    assert _value(sentence, phrase) == value


def test_ahead_of_a_date_dates_a_past_tense_mention_forwards_in_the_pipeline():
    assert _mention_start("Bond yields slipped ahead of Friday's inflation data.", "slipped") \
        == date(2024, 2, 23)


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("The council wants to reopen the footbridge in September.", "September", "2024-09"),
    ("The club sought to sign the goalkeeper in September.", "September", "2024-09"),
])
def test_want_and_seek_with_to_resolve_forwards(sentence, phrase, value):
    assert _value(sentence, phrase) == value


@pytest.mark.parametrize(("sentence", "dct", "value"), [
    # in January the fourth quarter just ended is last year's, even for a forecast
    ("The retailer expects a loss in the fourth quarter.", date(2024, 1, 20), "2023-Q4"),
    ("The retailer will report results for the fourth quarter.", date(2024, 1, 20), "2023-Q4"),
    # in May it is this year's, ahead
    ("The retailer expects a loss in the fourth quarter.", date(2024, 5, 20), "2024-Q4"),
])
def test_forecast_of_the_quarter_just_ended_keeps_it_across_the_new_year(sentence, dct, value):
    (t,) = tag(sentence, dct)
    assert t.value == value


@pytest.mark.parametrize(("sentence", "trigger", "start"), [
    # "could" with a verb of perception narrates: the past of "can"
    # (otherwise "could" is a possibility, and no event: test_pipeline's test_what_would_have_happened_is_no_event)
    ("Villagers could see the flames on Sunday night.", "see", date(2024, 2, 18)),
])
def test_could_with_a_verb_of_perception_looks_back_in_the_pipeline(sentence, trigger, start):
    assert _mention_start(sentence, trigger) == start


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("Output rose more than expected in September.", "September", "2023-09"),
    ("Margins narrowed faster than expected in the third quarter.", "the third quarter", "2023-Q3"),
    ("Exports grew as expected in September.", "September", "2023-09"),
    # a plan is still a plan
    ("Exports are expected to grow in September.", "September", "2024-09"),
    ("The vote will go ahead as planned in September.", "September", "2024-09"),
])
def test_than_expected_is_a_comparison_not_a_forecast(sentence, phrase, value):
    assert _value(sentence, phrase) == value


@pytest.mark.parametrize("sentence", ["The quake hit on March 4.", "The storm struck on March 4."])
def test_irregular_simple_past_governing_the_date_is_a_completed_past(sentence):
    assert _value(sentence, "March 4") == "2023-03-04"


@pytest.mark.parametrize(("text", "phrase", "left"), [
    # a short word before a stop ends its sentence: the next sentence's clause starts after it
    ("Sununu should remain in his post. One senior official Monday described the mood.", "Monday",
     " One senior official "),
    ("They hoped to win, he said. Officials on Friday rejected the plan.", "Friday", " Officials on "),
    # abbreviations and clock times do not end one
    ("The rights expire Sept. 5 under the plan.", "5", "The rights expire Sept. "),
    ("Gen. Lee arrived at 4 p.m. on Tuesday.", "Tuesday", "Gen. Lee arrived at 4 p.m. on "),
])
def test_a_clause_stops_at_a_sentence_end_but_not_at_an_abbreviation(text, phrase, left):
    from api.extract.tense import clause_around

    at = text.index(phrase)
    assert clause_around(text, at, at + len(phrase))[0] == left


def test_an_intent_in_the_sentence_before_does_not_put_a_past_day_ahead():
    # "should remain" belongs to the sentence before; "described" is this one's verb
    text = ("Sununu sought to prove that he should remain in his post. One senior official Monday described "
            "the White House as a collection of small groups.")
    timeline = parse([DocumentInput(id="a", text=text, published=date(1991, 12, 3))])
    days = [m.interval.start for e in timeline.events for m in e.mentions if m.time_text == "Monday"]
    assert days == [date(1991, 12, 2)]


@pytest.mark.parametrize(("sentence", "day"), [
    # a weekday that names a happening by its day is the nearest such day, whatever the clause plans
    ("The relatives said they would look for ways to get around Wednesday's ruling.", date(2024, 2, 21)),
    # unless a cue puts it ahead
    ("Officials will meet ahead of Saturday's vote.", date(2024, 2, 24)),
])
def test_a_weekday_that_names_a_happening_is_the_nearest_such_day(sentence, day):
    timeline = parse([DocumentInput(id="a", text=sentence, published=date(2024, 2, 23))])  # a Friday
    days = [m.interval.start for e in timeline.events for m in e.mentions if m.time_text]
    assert days == [day]


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    # a noun's possessive before "plan" makes it a noun, as a determiner does
    ("The council rejected Tallwood Pacific's plan to build townhouses at a hearing on Oct. 23.", "Oct. 23",
     "2023-10-23"),
    ("Residents opposed the developer's plan to fell the trees in September.", "September", "2023-09"),
    # a pronoun's contraction is no possessive: "it's set to" still looks ahead (guard: passes before and after)
    ("The mall said it's set to reopen in September.", "September", "2024-09"),
])
def test_a_possessive_plan_is_a_noun_not_an_intent(sentence, phrase, value):
    assert _value(sentence, phrase) == value
