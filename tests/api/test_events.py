"""`GET /api/v1/events` and `GET /api/v1/events/{id}` over the fixture store."""
from __future__ import annotations

import pytest

ALL_IDS = ["evt_war1945", "evt_invasion", "evt_officials", "evt_drones", "evt_parade"]


def ids(response):
    return [event["id"] for event in response.get_json()["data"]]


@pytest.mark.parametrize("query, expected", [
    ("", ALL_IDS),
    ("from=2023-05-09&to=2023-05-09", ["evt_invasion", "evt_parade"]),
    ("from=2023-05-03&to=2023-05-03", ["evt_invasion", "evt_officials", "evt_drones"]),
    ("from=2023-05-10", ["evt_invasion"]),
    ("to=1945", ["evt_war1945"]),
    ("from=1946&to=2021", []),
    ("from=2023-05", ["evt_invasion", "evt_officials", "evt_drones", "evt_parade"]),
    ("from=2023-04&to=2023-04", ["evt_invasion", "evt_officials"]),
    ("from=9 May 2023&to=9 May 2023", ["evt_invasion", "evt_parade"]),
    ("from=May 2023&to=May 2023", ["evt_invasion", "evt_officials", "evt_drones", "evt_parade"]),
    ("include_vague=false", ["evt_war1945", "evt_invasion", "evt_drones", "evt_parade"]),
    ("grain=year", ["evt_war1945"]),
    ("category=ceremony", ["evt_parade"]),
    ("document=doc-b", ["evt_war1945", "evt_officials"]),
    ("q=kremlin", ["evt_drones"]),
    ("q=VICTORY", ["evt_parade"]),
    ("q=100%25", []),
    ("sort=-start", list(reversed(ALL_IDS))),
    ("from=2023-05-02&to=2023-05-09&sort=-start", ["evt_parade", "evt_drones", "evt_officials", "evt_invasion"]),
])
def test_events_overlapping_the_range_and_passing_the_filters_are_listed_in_order(client, query, expected):
    response = client.get(f"/api/v1/events?{query}")
    assert response.status_code == 200
    assert ids(response) == expected


@pytest.mark.parametrize("query, field", [
    ("from=not-a-date", "from"),
    ("to=the 45th of Smarch", "to"),
    ("from=2023-02-30", "from"),
    ("from=2023-13", "from"),
    ("from=2023-05-10&to=2023-05-09", "from"),
    ("from=2024&to=2023", "from"),
    ("limit=0", "limit"),
    ("limit=501", "limit"),
    ("limit=ten", "limit"),
    ("grain=fortnight", "grain"),
    ("sort=end", "sort"),
    ("include_vague=perhaps", "include_vague"),
    ("cursor=not-a-cursor", "cursor"),
    ("cursor=abc%24def", "cursor"),
    ("q=" + "x" * 201, "q"),
])
def test_bad_query_parameters_answer_400_naming_the_field(client, query, field):
    response = client.get(f"/api/v1/events?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 400
    assert field in body["errors"]


def test_an_open_ended_event_has_a_null_end(client):
    event = client.get("/api/v1/events/evt_invasion").get_json()
    assert event["start"] == "2022-02-24"
    assert event["end"] is None


@pytest.mark.parametrize("sort", ["start", "-start"])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_following_next_url_visits_every_event_once(client, sort, limit):
    seen, url, pages = [], f"/api/v1/events?sort={sort}&limit={limit}", 0
    while url:
        response = client.get(url)
        body = response.get_json()
        assert len(body["data"]) <= limit
        seen.extend(event["id"] for event in body["data"])
        if body["next"]:
            assert response.headers["Link"] == f'<{body["next_url"]}>; rel="next"'
            assert f"limit={limit}" in body["next_url"]
        else:
            assert body["next_url"] is None and "Link" not in response.headers
        url, pages = body["next_url"], pages + 1
    expected = ALL_IDS if sort == "start" else list(reversed(ALL_IDS))
    assert seen == expected
    assert pages == -(-len(ALL_IDS) // limit)


def test_a_cursor_keeps_the_filters_of_its_request(client):
    first = client.get("/api/v1/events?from=2023-05-01&limit=2").get_json()
    assert "from=2023-05-01" in first["next_url"]
    second = client.get(first["next_url"]).get_json()
    assert [e["id"] for e in first["data"] + second["data"]] == [
        "evt_invasion", "evt_officials", "evt_drones", "evt_parade"]


def test_next_url_is_an_absolute_ascii_uri_that_keeps_non_ascii_parameters(client):
    response = client.get("/api/v1/events?limit=1&from=2023&utm=caf%C3%A9", base_url="http://timeline.example:8080")
    body = response.get_json()
    assert body["next_url"].startswith("http://timeline.example:8080/api/v1/events?")
    assert "utm=caf%C3%A9" in body["next_url"]  # unknown parameters are ignored, and kept
    body["next_url"].encode("ascii")  # a URI, fit for the Link header as it is
    assert response.headers["Link"] == f'<{body["next_url"]}>; rel="next"'


def test_a_cursor_for_one_sort_is_refused_for_the_other(client):
    cursor = client.get("/api/v1/events?limit=1").get_json()["next"]
    response = client.get(f"/api/v1/events?sort=-start&cursor={cursor}")
    assert response.status_code == 400
    assert "cursor" in response.get_json()["errors"]


def test_one_event_carries_its_mentions_with_spans_into_the_document(client):
    response = client.get("/api/v1/events/evt_drones")
    assert response.status_code == 200
    event = response.get_json()
    assert (event["start"], event["end"], event["grain"], event["value"]) == (
        "2023-05-02", "2023-05-03", "night", "2023-05-02TNI")
    assert event["sources"] == ["doc-a"]
    [only] = event["mentions"]
    assert only["trigger"] == "tried to hit"
    assert only["time_text"] == "Last night" and only["time_span"] == [0, 10]


@pytest.mark.parametrize("path", ["/api/v1/events/evt_nothing", "/api/v1/events/%20"])
def test_an_unknown_event_id_answers_404_problem(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 404
