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
])
def test_expect_forecast_and_hope_with_to_resolve_forwards(sentence, phrase, value):
    assert _value(sentence, phrase) == value


@pytest.mark.parametrize(("sentence", "phrase", "value"), [
    ("The engineers had hoped to reopen the tunnel in September.", "September", "2023-09"),
    ("The forecast for September was wrong.", "September", "2023-09"),
    ("The ferry was expected to sail on Friday but stayed in port.", "Friday", "2024-02-16"),
])
def test_past_plans_and_nouns_of_forecast_stay_in_the_past(sentence, phrase, value):
    assert _value(sentence, phrase) == value


def _mention_start(sentence: str, trigger_word: str, published: date = DCT) -> date:
    timeline = parse([DocumentInput(id="a", text=sentence, published=published)])
    found = [m for e in timeline.events for m in e.mentions if trigger_word in m.trigger.lower()]
    assert found, f"no mention with trigger {trigger_word!r}"
    return found[0].interval.start


@pytest.mark.parametrize(("sentence", "trigger", "start"), [
    ("Officials hoped to reopen the tunnel in September.", "hoped", date(2024, 9, 1)),
    ("The council planned to open the new bridge in September.", "open", date(2024, 9, 1)),
    ("The bank said it expected to cut rates in September.", "expected", date(2024, 9, 1)),
    # the plan is itself past: the pluperfect keeps the date behind
    ("Officials had hoped to reopen the tunnel in September.", "hoped", date(2023, 9, 1)),
])
def test_past_intent_with_to_dates_its_aim_ahead_in_the_pipeline(sentence, trigger, start):
    assert _mention_start(sentence, trigger) == start
