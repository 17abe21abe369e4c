"""`/api/v1/documents` and `/api/v1/parse` over HTTP, on both stores.

Reads run on the hand-built fixture store; writes POST real articles, so they
run the event pipeline (their assertions hold for whatever events it finds).
"""
from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from api.store import content_hash
from tests.api.test_spec import SPEC, response_schema

ARTICLE = ("MOSCOW, Wednesday May 3, 2023 - Two drones tried to hit the Kremlin last night, "
           "officials said. The Victory Day parade will go ahead on 9 May.")


def assert_valid(body, path: str, method: str, status: int) -> None:
    schema = response_schema(path, method, status, "application/json")
    errors = sorted(Draft202012Validator({**schema, "components": SPEC["components"]}).iter_errors(body), key=str)
    assert not errors, errors[0]


def test_documents_are_listed_by_id_with_their_reference_dates(client):
    response = client.get("/api/v1/documents")
    assert response.status_code == 200
    body = response.get_json()
    assert [(d["id"], d["reference_date"], d["reference_date_source"]) for d in body["data"]] == [
        ("doc-a", "2023-05-03", "text"), ("doc-b", "2023-05-04", "given")]
    assert body["next"] is None and body["next_url"] is None


def test_the_document_list_pages_with_a_cursor_and_a_link_header(client):
    first = client.get("/api/v1/documents?limit=1")
    assert [d["id"] for d in first.get_json()["data"]] == ["doc-a"]
    assert first.headers["Link"] == f'<{first.get_json()["next_url"]}>; rel="next"'
    second = client.get(first.get_json()["next_url"]).get_json()
    assert [d["id"] for d in second["data"]] == ["doc-b"] and second["next"] is None


def test_one_document_carries_its_text_and_mentions_naming_their_events(client):
    document = client.get("/api/v1/documents/doc-b").get_json()
    assert document["source"] == "wire" and document["published"] == "2023-05-04"
    assert sorted(m["event"] for m in document["mentions"]) == ["evt_officials", "evt_war1945"]
    for mention in document["mentions"]:
        start, end = mention["sentence_span"]
        assert document["text"][start:end] == mention["sentence"]


@pytest.mark.parametrize("body, kwargs", [
    ({"text": ARTICLE, "title": "Drones", "source": "wire"}, {}),
    (None, {"data": ARTICLE.encode(), "content_type": "text/plain; charset=utf-8"}),
])
def test_posting_an_article_stores_it_once_and_answers_its_document_and_events(client, auth, body, kwargs):
    send = (lambda: client.post("/api/v1/documents", json=body, headers=auth)) if body else \
        (lambda: client.post("/api/v1/documents", headers=auth, **kwargs))
    before = client.get("/api/v1/documents").headers["ETag"]
    created = send()
    assert created.status_code == 201, created.get_json()
    result = created.get_json()
    assert_valid(result, "/api/v1/documents", "post", 201)
    doc_id = result["document"]["id"]
    assert doc_id == f"doc_{content_hash(ARTICLE)[:16]}"  # the id comes from the text
    assert created.headers["Location"].endswith(f"/api/v1/documents/{doc_id}")
    for event in result["events"]:
        assert doc_id in event["sources"]

    again = send()
    assert again.status_code == 200
    assert again.get_json()["document"]["id"] == doc_id
    listed = client.get("/api/v1/documents", headers={"If-None-Match": before})
    assert listed.status_code == 200  # the data changed, so the old ETag no longer matches
    assert [d["id"] for d in listed.get_json()["data"]].count(doc_id) == 1
    assert client.get(f"/api/v1/documents/{doc_id}").get_json()["text"] == ARTICLE


def test_deleting_a_document_removes_it_and_the_events_only_it_reported(client, auth):
    response = client.delete("/api/v1/documents/doc-b", headers=auth)
    assert response.status_code == 204 and response.get_data() == b""
    assert client.get("/api/v1/documents/doc-b").status_code == 404
    assert client.get("/api/v1/events/evt_war1945").status_code == 404
    remaining = [e["id"] for e in client.get("/api/v1/events").get_json()["data"]]
    assert remaining == ["evt_invasion", "evt_drones", "evt_parade"]
    assert client.delete("/api/v1/documents/doc-b", headers=auth).status_code == 404


def test_parse_answers_the_timeline_json_and_stores_nothing(client):
    response = client.post("/api/v1/parse", json={"text": ARTICLE, "published": "2023-05-03"})
    assert response.status_code == 200
    timeline = response.get_json()
    assert_valid(timeline, "/api/v1/parse", "post", 200)
    [document] = timeline["documents"]
    assert document["reference_date"] == "2023-05-03"
    assert [d["id"] for d in client.get("/api/v1/documents").get_json()["data"]] == ["doc-a", "doc-b"]


def test_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json() == {"status": "ready"}


def test_readiness_fails_with_503_when_the_store_does_not_answer(client, monkeypatch):
    monkeypatch.setattr("api.store.Store.ping", lambda self: False)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
