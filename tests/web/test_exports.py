"""Exports are checked by parsing them back with independent readers:
icalendar for ICS, the csv module for CSV, a JSON schema for TimelineJS."""
import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import jsonschema
import pytest

from api.exports import FORMATS, UnknownFormat, export, ics_fold
from tests.web.sample_events import sample_events_json

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())


@pytest.fixture
def events():
    return sample_events_json()


def by_id(events):
    return {e["id"]: e for e in events}


# ---- iCalendar ---------------------------------------------------------------

def parse_ics(body):
    calendar = icalendar.Calendar.from_ical(body)
    return {str(c["UID"]): c for c in calendar.walk("VEVENT")}


def test_ics_round_trips_every_dated_event_with_stable_uids(events):
    content_type, body = export(events, "ics")
    assert content_type.startswith("text/calendar")
    parsed = parse_ics(body)
    assert set(parsed) == {e["id"] + "@event-timeline" for e in events}
    assert export(events, "ics")[1] == body  # no wall clock anywhere


def test_ics_all_day_events_have_exclusive_dtend(events):
    parsed = parse_ics(export(events, "ics")[1])
    for event in events:
        if event["end"] is None:
            continue
        component = parsed[event["id"] + "@event-timeline"]
        assert component["DTSTART"].params["VALUE"] == "DATE"
        assert component["DTSTART"].dt == date.fromisoformat(event["start"])
        assert component["DTEND"].dt == date.fromisoformat(event["end"]) + timedelta(days=1)


def test_ics_open_ended_event_sits_on_its_start_day_and_says_since(events):
    component = parse_ics(export(events, "ics")[1])["evt_war@event-timeline"]
    assert component["DTSTART"].dt == date(2022, 2, 24)
    assert component["DTEND"].dt == date(2022, 2, 25)
    assert str(component["DESCRIPTION"]).startswith("since 24 Feb 2022")


def test_ics_escaped_text_reads_back_exactly(events):
    parsed = parse_ics(export(events, "ics")[1])
    for event in events:
        component = parsed[event["id"] + "@event-timeline"]
        assert str(component["SUMMARY"]) == event["headline"]
        assert event["summary"] in str(component["DESCRIPTION"])
        assert str(component["CATEGORIES"].cats[0]) == event["category"]


def test_ics_lines_are_crlf_and_at_most_75_octets(events):
    body = export(events, "ics")[1]
    assert body.endswith("\r\n")
    lines = body.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # the long summary was folded


def test_ics_dtstamp_is_utc_and_derived_from_the_data(events):
    parsed = parse_ics(export(events, "ics")[1])
    stamp = parsed["evt_night@event-timeline"]["DTSTAMP"].dt
    assert stamp.tzinfo is not None and stamp.date() == date(2023, 5, 3)


@pytest.mark.parametrize("line", [
    "DESCRIPTION:" + "é" * 100,
    "SUMMARY:" + "a" * 200,
    "SUMMARY:" + "日本語" * 40,
])
def test_ics_folding_never_splits_a_character_and_unfolds_back(line):
    folded = ics_fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


# ---- CSV ---------------------------------------------------------------------

def parse_csv(body):
    return list(csv.DictReader(io.StringIO(body, newline="")))


def test_csv_has_a_header_and_one_row_per_event(events):
    content_type, body = export(events, "csv")
    assert content_type.startswith("text/csv")
    rows = parse_csv(body)
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert body.split("\r\n")[0].split(",")[:3] == ["id", "start", "end"]


def test_csv_quotes_commas_quotes_and_newlines_per_rfc_4180(events):
    rows = {r["id"]: r for r in parse_csv(export(events, "csv")[1])}
    assert rows["evt_parade"]["headline"] == by_id(events)["evt_parade"]["headline"]
    assert "\n" in rows["evt_formula"]["summary"]


@pytest.mark.parametrize(("event_id", "column"), [
    ("evt_formula", "headline"),   # starts with =
    ("evt_formula", "summary"),    # starts with +
])
def test_csv_cells_that_would_run_as_formulas_are_defused(events, event_id, column):
    original = by_id(events)[event_id][column]
    cell = {r["id"]: r for r in parse_csv(export(events, "csv")[1])}[event_id][column]
    assert cell == "'" + original


@pytest.mark.parametrize("dangerous", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_every_formula_prefix_is_guarded(dangerous):
    event = {**sample_events_json()[0], "headline": dangerous}
    row = parse_csv(export([event], "csv")[1])[0]
    assert row["headline"] == "'" + dangerous


def test_csv_open_end_is_an_empty_cell_and_when_says_since(events):
    row = {r["id"]: r for r in parse_csv(export(events, "csv")[1])}["evt_war"]
    assert row["end"] == "" and row["when"] == "since 24 Feb 2022"


# ---- TimelineJS --------------------------------------------------------------

def test_timelinejs_document_validates_against_the_schema(events):
    content_type, body = export(events, "timelinejs")
    assert content_type == "application/json"
    document = json.loads(body)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert [s["unique_id"] for s in document["events"]] == [e["id"] for e in events]


@pytest.mark.parametrize(("event_id", "start_date", "end_date"), [
    ("evt_night", {"year": 2023, "month": 5, "day": 2}, {"year": 2023, "month": 5, "day": 3}),
    ("evt_parade", {"year": 2023, "month": 5, "day": 9}, None),
    ("evt_spring", {"year": 2023, "month": 3}, {"year": 2023, "month": 5}),
    ("evt_1945", {"year": 1945}, None),
    ("evt_war", {"year": 2022, "month": 2, "day": 24}, None),
])
def test_timelinejs_partial_dates_omit_the_parts_the_grain_does_not_know(
        events, event_id, start_date, end_date):
    slide = {s["unique_id"]: s for s in json.loads(export(events, "timelinejs")[1])["events"]}[event_id]
    assert {k: v for k, v in slide["start_date"].items() if k != "display_date"} == start_date
    assert slide.get("end_date") == end_date


def test_timelinejs_clock_time_adds_hour_and_minute(events):
    timed = {**events[0], "id": "evt_timed", "start": "2023-05-03", "end": "2023-05-03",
             "grain": "time", "value": "2023-05-03T14:30"}
    document = json.loads(export([timed], "timelinejs")[1])
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    slide = document["events"][0]
    assert slide["start_date"] == {"year": 2023, "month": 5, "day": 3, "hour": 14, "minute": 30,
                                   "display_date": "3 May 2023, 14:30"}


@pytest.mark.parametrize(("event_id", "phrase"), [
    ("evt_night", "night of 2\u20133 May 2023"),
    ("evt_spring", "spring 2023"),
    ("evt_war", "since 24 Feb 2022"),
])
def test_timelinejs_display_date_carries_the_fuzzy_phrase(events, event_id, phrase):
    slide = {s["unique_id"]: s for s in json.loads(export(events, "timelinejs")[1])["events"]}[event_id]
    assert slide["start_date"]["display_date"] == phrase
    assert slide["display_date"] == phrase


def test_timelinejs_article_text_is_html_escaped(events):
    slide = {s["unique_id"]: s for s in json.loads(export(events, "timelinejs")[1])["events"]}["evt_parade"]
    assert "<b>" not in slide["text"]["headline"]
    assert "&lt;b&gt;show&lt;/b&gt;" in slide["text"]["headline"]
    assert "&quot;grand&quot;" in slide["text"]["headline"]


def test_events_without_any_date_are_left_out_of_calendar_and_axis_but_kept_in_csv(events):
    undated = {**events[0], "id": "evt_undated", "start": None, "end": None, "grain": "vague"}
    assert "evt_undated" not in export([undated], "ics")[1]
    assert json.loads(export([undated], "timelinejs")[1])["events"] == []
    assert parse_csv(export([undated], "csv")[1])[0]["when"] == "undated"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_timeline_exports_cleanly(fmt):
    content_type, body = export([], fmt)
    assert content_type and body


def test_unknown_format_is_refused():
    with pytest.raises(UnknownFormat):
        export([], "xml")
