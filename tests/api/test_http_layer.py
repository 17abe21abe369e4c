"""ETag/304, gzip and CORS on the real app (CONTRACT §3 "Caching and CORS")."""
from __future__ import annotations

import gzip
import json

import pytest

from tests.api.conftest import make_app

GET_URLS = ["/api/v1/events", "/api/v1/events/evt_drones", "/api/v1/documents", "/api/v1/documents/doc-a",
            "/api/v1/timeline?from=2023", "/healthz", "/openapi.yaml"]


@pytest.mark.parametrize("url", GET_URLS)
def test_a_get_carries_an_etag_and_a_matching_if_none_match_answers_304(client, url):
    first = client.get(url)
    assert first.status_code == 200
    tag = first.headers["ETag"]
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert again.headers["ETag"] == tag
    assert client.get(url, headers={"If-None-Match": 'W/"something-else"'}).status_code == 200


def test_the_etag_differs_between_queries(client):
    assert client.get("/api/v1/events?limit=1").headers["ETag"] != client.get("/api/v1/events?limit=2").headers["ETag"]


def test_the_etag_changes_when_the_data_changes(client, store):
    before = client.get("/api/v1/events").headers["ETag"]
    assert store.delete_document("doc-b")
    response = client.get("/api/v1/events", headers={"If-None-Match": before})
    assert response.status_code == 200
    assert response.headers["ETag"] != before
    assert "evt_war1945" not in [event["id"] for event in response.get_json()["data"]]


def test_gzip_is_used_only_when_the_client_asks(client):
    plain = client.get("/api/v1/events")
    assert "Content-Encoding" not in plain.headers
    zipped = client.get("/api/v1/events", headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert json.loads(gzip.decompress(zipped.get_data())) == plain.get_json()
    refused = client.get("/api/v1/events", headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers


def test_any_origin_may_read_and_sees_link_and_etag(client):
    response = client.get("/api/v1/events?limit=1", headers={"Origin": "https://news.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    exposed = {h.strip() for h in response.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"Link", "ETag"} <= exposed


def test_a_preflight_for_a_read_is_allowed_from_any_origin(client):
    response = client.options("/api/v1/events", headers={
        "Origin": "https://news.example", "Access-Control-Request-Method": "GET"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]


def test_by_default_no_origin_is_allowed_to_write(client):
    response = client.options("/api/v1/documents", headers={
        "Origin": "https://news.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("origin, allowed", [
    ("https://newsroom.example", True),
    ("https://other.example", False),
])
def test_configured_origins_are_the_only_ones_allowed(database_url, store, origin, allowed):
    app = make_app(database_url, TIMELINE_CORS_ORIGINS=["https://newsroom.example"])
    response = app.test_client().get("/api/v1/events", headers={"Origin": origin})
    assert response.status_code == 200
    assert ("Access-Control-Allow-Origin" in response.headers) is allowed
    if allowed:
        assert response.headers["Access-Control-Allow-Origin"] == origin
        assert "Origin" in response.headers["Vary"]


def test_cors_origins_come_from_the_environment(monkeypatch, database_url, store):
    monkeypatch.setenv("TIMELINE_CORS_ORIGINS", "https://a.example, https://b.example/")
    from api import create_app

    app = create_app({"DATABASE_URL": database_url, "TIMELINE_SEED_DIR": "none"})
    response = app.test_client().get("/healthz", headers={"Origin": "https://b.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://b.example"


@pytest.mark.parametrize("url, status", [
    ("/api/v1/events/evt_unknown", 404),
    ("/api/v1/events?limit=0", 400),
    ("/api/v1/events/evt_drones", 304),
])
def test_if_none_match_star_is_answered_only_for_a_resource_that_exists(client, url, status):
    assert client.get(url, headers={"If-None-Match": "*"}).status_code == status
