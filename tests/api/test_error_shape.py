"""One error shape everywhere: every failing request on every endpoint answers
RFC 9457 application/problem+json, and a 500 shows no traceback."""
from __future__ import annotations

import re

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
    ("POST", "/", {}, 405),
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


@pytest.mark.parametrize("supplied", ["not-the-token", TOKEN[:-1], TOKEN + "x", "ünïcode"])
def test_the_token_is_compared_in_constant_time(client, monkeypatch, supplied):
    import hmac

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    response = client.post("/api/v1/documents", json={"text": "x"},
                           headers={"Authorization": f"Bearer {supplied}".encode("utf-8").decode("latin-1")})
    assert_problem(response, 401)
    assert len(calls) == 1 and calls[0][1] == TOKEN.encode()  # hmac.compare_digest, never ==


NO_TOKEN = [("POST", "/api/v1/documents"), ("DELETE", "/api/v1/documents/doc-a")]


@pytest.mark.parametrize("method, url", NO_TOKEN)
def test_writes_are_refused_with_403_when_no_token_is_configured(database_url, store, method, url):
    client = make_app(database_url, TIMELINE_API_TOKEN=None).test_client()
    response = client.open(url, method=method, headers=AUTH, json={"text": "x"})
    assert_problem(response, 403)
    assert client.get("/api/v1/events").status_code == 200  # reads still work


TOO_LARGE = [("/api/v1/documents", AUTH), ("/api/v1/parse", {})]


@pytest.mark.parametrize("url, headers", TOO_LARGE)
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


# -- a forced 500 on every operation -------------------------------------------

SECRET = "secret internal detail /srv/app/store.py line 42"


def _explode(*args, **kwargs):
    raise RuntimeError(SECRET)


FORCED_500 = [
    # (method, url, kwargs, what breaks)
    ("GET", "/api/v1/events", {}, "api.store.Store.query_event_bodies"),
    ("GET", "/api/v1/events/evt_drones", {}, "api.store.Store.get_event_body"),
    ("GET", "/api/v1/timeline?from=2023", {}, "api.store.Store.query_events"),
    ("GET", "/api/v1/documents", {}, "api.store.Store.list_documents"),
    ("GET", "/api/v1/documents/doc-a", {}, "api.store.Store.get_document"),
    ("POST", "/api/v1/documents", {"headers": AUTH, "json": {"text": "A new article."}}, "api.store.Store.ingest"),
    ("DELETE", "/api/v1/documents/doc-a", {"headers": AUTH}, "api.store.Store.delete_document"),
    ("POST", "/api/v1/parse", {"json": {"text": "An article."}}, "api.extract.pipeline.parse"),
    ("GET", "/healthz", {}, "api.routes.meta.jsonify"),
    ("GET", "/readyz", {}, "api.store.Store.ping"),
    ("GET", "/openapi.yaml", {}, "api.routes.meta.spec_path"),
    ("GET", "/", {}, "api.routes.page.send_from_directory"),
]


@pytest.mark.parametrize("method, url, kwargs, target", FORCED_500)
def test_a_failure_inside_any_operation_is_a_500_problem_without_traceback(
        client, monkeypatch, method, url, kwargs, target):
    monkeypatch.setattr(target, _explode)
    response = client.open(url, method=method, **kwargs)
    assert_problem(response, 500)
    assert SECRET not in response.get_data(as_text=True)


# -- every error status the spec documents is exercised above ------------------

def _spec_path(url: str) -> str | None:
    from tests.api.test_spec import SPEC

    path = url.split("?")[0]
    for template in SPEC["paths"]:
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path):
            return template
    return None


def test_every_documented_error_status_of_every_operation_is_checked_here():
    from tests.api.test_spec import SPEC

    checked = {(_spec_path(url), method.lower(), status) for method, url, _, status in CASES}
    checked |= {(_spec_path(url), method.lower(), 403) for method, url in NO_TOKEN}
    checked |= {(_spec_path(url), "post", 413) for url, _ in TOO_LARGE}
    checked |= {(_spec_path(url), method.lower(), 500) for method, url, _, _ in FORCED_500}
    paths_with_405 = {path for path, _, status in checked if status == 405}
    missing = []
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "delete", "put", "patch"):
                continue
            for status in operation["responses"]:
                code = int(status)
                if code not in (400, 401, 403, 404, 405, 413, 415):
                    continue
                if code == 405 and path in paths_with_405:
                    continue  # a wrong method on the path, whichever operation documents it
                if (path, method, code) not in checked:
                    missing.append(f"{method.upper()} {path} {code}")
            if (path, method, 500) not in checked:
                missing.append(f"{method.upper()} {path} 500")
    assert not missing, f"documented but never provoked in this module: {missing}"


def test_the_body_limit_comes_from_timeline_max_body_bytes(monkeypatch, database_url, store):
    monkeypatch.setenv("TIMELINE_MAX_BODY_BYTES", "300")
    from api import create_app

    client = create_app({"DATABASE_URL": database_url, "TIMELINE_SEED_DIR": "none"}).test_client()
    assert_problem(client.post("/api/v1/parse", data=b"x" * 301, content_type="text/plain"), 413)
    assert client.post("/api/v1/parse", data=b"x" * 300, content_type="text/plain").status_code != 413
