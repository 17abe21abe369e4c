"""`GET /api/v1/timeline` over a real SQLite store, through the Flask test client."""
import csv
import io
import json
from pathlib import Path

import icalendar
import jsonschema
import pytest

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())


def test_json_timeline_lists_every_event_in_date_order(client):
    response = client.get("/api/v1/timeline")
    assert response.status_code == 200
    events = response.get_json()["events"]
    keys = [(e["start"] or "", e["end"] or "9999", e["id"]) for e in events]
    assert keys == sorted(keys) and len(events) == 6
    assert {"headline", "mentions", "sources", "grain"} <= set(events[0])


@pytest.mark.parametrize(("query", "expected_ids"), [
    ("from=2023-05-09&to=2023-05-09", {"evt_parade", "evt_spring", "evt_war"}),
    ("from=2023-05-02&to=2023-05-02", {"evt_night", "evt_spring", "evt_war"}),
    ("from=1945&to=1945", {"evt_1945"}),
    ("to=1999", {"evt_1945"}),
    ("from=9+May+2023&to=9+May+2023", {"evt_parade", "evt_spring", "evt_war"}),
])
def test_range_keeps_events_that_overlap_it(client, query, expected_ids):
    body = client.get(f"/api/v1/timeline?{query}").get_json()
    assert {e["id"] for e in body["events"]} == expected_ids


@pytest.mark.parametrize("fmt", ["json", "csv", "ics", "timelinejs"])
def test_text_search_narrows_every_format_like_the_events_list(client, fmt):
    """The page's download links carry q, so a download is the view on screen."""
    listed = {e["id"] for e in client.get("/api/v1/events?q=PARADE").get_json()["data"]}
    assert listed == {"evt_parade"}
    body = client.get(f"/api/v1/timeline?q=PARADE&format={fmt}").get_data(as_text=True)
    assert "evt_parade" in body and "evt_night" not in body and "evt_1945" not in body


def test_blank_search_is_no_search(client):
    assert len(client.get("/api/v1/timeline?q=").get_json()["events"]) == 6


def test_json_echoes_the_range_it_answered(client):
    body = client.get("/api/v1/timeline?from=2023-05&to=2023-05").get_json()
    assert (body["from"], body["to"]) == ("2023-05-01", "2023-05-31")


def test_ics_format_is_a_calendar_attachment_that_parses(client):
    response = client.get("/api/v1/timeline?format=ics&from=2023-05-01&to=2023-05-31")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.get_data(as_text=True))
    uids = {str(c["UID"]) for c in calendar.walk("VEVENT")}
    assert uids == {"evt_night@event-timeline", "evt_parade@event-timeline",
                    "evt_formula@event-timeline", "evt_spring@event-timeline",
                    "evt_war@event-timeline"}


def test_csv_format_parses_with_a_header_row(client):
    response = client.get("/api/v1/timeline?format=csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True), newline="")))
    assert len(rows) == 6 and rows[0].keys() >= {"id", "start", "end", "headline"}


def test_timelinejs_format_validates(client):
    response = client.get("/api/v1/timeline?format=timelinejs")
    assert response.mimetype == "application/json"
    document = response.get_json()
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert len(document["events"]) == 6


def test_exports_are_identical_on_repeat_so_etags_hold(client):
    first = client.get("/api/v1/timeline?format=ics")
    second = client.get("/api/v1/timeline?format=ics")
    assert first.get_data() == second.get_data()
    if "ETag" in first.headers:
        again = client.get("/api/v1/timeline?format=ics", headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304


@pytest.mark.parametrize(("query", "field"), [
    ("format=xml", "format"),
    ("format=", "format"),
    ("from=not-a-date", "from"),
    ("from=2023-06-01&to=2023-05-01", "from"),
    ("from=2023-13", "from"),
    ("q=" + "x" * 201, "q"),
])
def test_bad_parameters_are_400_problem_json_naming_the_field(client, query, field):
    response = client.get(f"/api/v1/timeline?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 400 and field in body["errors"]
    assert "Traceback" not in response.get_data(as_text=True)


def test_the_page_is_served_at_the_root_with_its_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "<script type=\"module\" src=\"/static/app.js\">" in html
    for asset, mimetype in (("/static/app.js", "javascript"), ("/static/dates.js", "javascript"),
                            ("/static/style.css", "text/css")):
        response = client.get(asset)
        assert response.status_code == 200 and mimetype in response.mimetype


def test_the_page_has_no_inline_script_or_style_and_no_external_urls(client):
    """So a strict Content-Security-Policy (self only) can be added and nothing leaves the host."""
    import re
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html and " style=" not in html and " on" + "click=" not in html
    static = Path(__file__).resolve().parents[2] / "api" / "static"
    for path in [static / "index.html", *static.glob("*.js"), *static.glob("*.css")]:
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", path.read_text()), path.name
