"""One error shape everywhere: every failing request on every endpoint answers
RFC 9457 application/problem+json, and a 500 shows no traceback."""
from __future__ import annotations

import pytest

from tests.api.conftest import TOKEN, make_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
WRONG = {"Authorization": "Bearer not-the-token"}
JSON = {"Content-Type": "application/json"}

CASES = [
    # 404: unknown routes and unknown ids
    ("GET", "/api/v1/nothing-here", {}, 404),
    ("GET", "/nothing-here", {}, 404),
    ("GET", "/api/v1/events/evt_unknown", {}, 404),
    ("GET", "/api/v1/documents/unknown", {}, 404),
    ("DELETE", "/api/v1/documents/unknown", {"headers": AUTH}, 404),
    # 405: known paths, wrong methods
    ("POST", "/api/v1/events", {}, 405),
    ("DELETE", "/api/v1/events/evt_drones", {}, 405),
    ("PUT", "/api/v1/documents", {}, 405),
    ("PATCH", "/api/v1/documents/doc-a", {}, 405),
    ("GET", "/api/v1/parse", {}, 405),
    ("POST", "/api/v1/timeline", {}, 405),
    ("POST", "/healthz", {}, 405),
    ("DELETE", "/readyz", {}, 405),
    ("POST", "/openapi.yaml", {}, 405),
    # 400: bad parameters and bodies
    ("GET", "/api/v1/events?from=2023-06&to=2023-05", {}, 400),
    ("GET", "/api/v1/events?from=someday", {}, 400),
    ("GET", "/api/v1/events?limit=100000", {}, 400),
    ("GET", "/api/v1/documents?limit=-1", {}, 400),
    ("GET", "/api/v1/documents?cursor=%24%24", {}, 400),
    ("GET", "/api/v1/timeline?from=2024&to=2023", {}, 400),
    ("POST", "/api/v1/documents", {"headers": {**AUTH, **JSON}, "data": b'{"text": '}, 400),
    ("POST", "/api/v1/documents", {"headers": {**AUTH, **JSON}, "data": b'{"text": "caf\xe9"}'}, 400),
    ("POST", "/api/v1/documents", {"headers": {**AUTH, "Content-Type": "text/plain"}, "data": b"\xff\xfe\xfa"}, 400),
    ("POST", "/api/v1/documents", {"headers": AUTH, "json": {"title": "no text"}}, 400),
    ("POST", "/api/v1/documents", {"headers": AUTH, "json": {"text": ""}}, 400),
    ("POST", "/api/v1/documents", {"headers": AUTH, "json": {"text": "x", "publised": "2023-05-03"}}, 400),
    ("POST", "/api/v1/documents", {"headers": AUTH, "json": {"text": "x", "published": "3rd May"}}, 400),
    ("POST", "/api/v1/documents", {"headers": AUTH, "json": ["text"]}, 400),
    ("POST", "/api/v1/parse", {"headers": JSON, "data": b"{not json"}, 400),
    ("POST", "/api/v1/parse", {"headers": JSON, "data": b'{"text": "\xc3\x28"}'}, 400),
    ("POST", "/api/v1/parse", {"json": {"text": 42}}, 400),
    # 401: writes without the right token
    ("POST", "/api/v1/documents", {"json": {"text": "x"}}, 401),
    ("POST", "/api/v1/documents", {"headers": WRONG, "json": {"text": "x"}}, 401),
    ("POST", "/api/v1/documents", {"headers": {"Authorization": "Basic dXNlcjpwYXNz"}, "json": {"text": "x"}}, 401),
    ("DELETE", "/api/v1/documents/doc-a", {}, 401),
    ("DELETE", "/api/v1/documents/doc-a", {"headers": WRONG}, 401),
    # 415: bodies in a type the API does not read
    ("POST", "/api/v1/documents", {"headers": {**AUTH, "Content-Type": "text/html"}, "data": b"<p>x</p>"}, 415),
    ("POST", "/api/v1/documents", {"headers": AUTH, "data": b"text=x"}, 415),
    ("POST", "/api/v1/parse", {"headers": {"Content-Type": "application/xml"}, "data": b"<text/>"}, 415),
]


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and 'File "' not in text
    return body


@pytest.mark.parametrize("method, url, kwargs, status", CASES)
def test_every_error_is_problem_json(client, method, url, kwargs, status):
    body = assert_problem(client.open(url, method=method, **kwargs), status)
    if status == 400:
        assert isinstance(body["errors"], dict) and body["errors"]


@pytest.mark.parametrize("method, url", [
    ("POST", "/api/v1/events"), ("DELETE", "/api/v1/events/evt_drones"), ("GET", "/api/v1/parse"),
])
def test_405_names_the_allowed_methods(client, method, url):
    response = client.open(url, method=method)
    assert_problem(response, 405)
    assert response.headers["Allow"]


def test_401_challenges_for_a_bearer_token(client):
    response = client.post("/api/v1/documents", json={"text": "x"})
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("method, url", [("POST", "/api/v1/documents"), ("DELETE", "/api/v1/documents/doc-a")])
def test_writes_are_refused_with_403_when_no_token_is_configured(database_url, store, method, url):
    client = make_app(database_url, TIMELINE_API_TOKEN=None).test_client()
    response = client.open(url, method=method, headers=AUTH, json={"text": "x"})
    assert_problem(response, 403)
    assert client.get("/api/v1/events").status_code == 200  # reads still work


@pytest.mark.parametrize("url, headers", [
    ("/api/v1/documents", AUTH),
    ("/api/v1/parse", {}),
])
def test_a_body_over_the_limit_answers_413(database_url, store, url, headers):
    client = make_app(database_url, TIMELINE_MAX_BODY_BYTES=200).test_client()
    response = client.post(url, headers=headers, json={"text": "word " * 100})
    assert_problem(response, 413)


def test_an_unexpected_failure_is_a_500_problem_without_traceback(database_url, store):
    app = make_app(database_url)

    @app.get("/api/v1/explode")
    def explode():
        raise RuntimeError("secret internal detail /srv/app/store.py line 42")

    response = app.test_client().get("/api/v1/explode")
    body = assert_problem(response, 500)
    assert "secret internal detail" not in response.get_data(as_text=True)
    assert "RuntimeError" not in body["detail"]
