"""Fixtures for the store and API tests: every store-backed test runs on
SQLite and on a throwaway PostgreSQL server (marked `postgres`).

The fixture store is filled through `Store.store_parsed` with a timeline
built from the model dataclasses, so these tests do not depend on how well
the extraction pipeline reads any article.
"""
from __future__ import annotations

from datetime import date

import pytest

from api import create_app
from api.extract.model import DocumentInput, DocumentResult, Event, Interval, Mention, Timeline
from api.store import Store

TOKEN = "test-token-0123456789"

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'timeline.db'}"
    url = request.getfixturevalue("postgres_url")
    Store(url).drop_schema()  # each test starts from an empty schema
    return url


def module_store(request, tmp_path_factory) -> Store:
    """An empty store on `request.param`'s backend, for a module-scoped fixture
    parametrized over BACKENDS (filling a store once per module is the slow part)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp(request.module.__name__.rsplit('.', 1)[-1]) / 'timeline.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
        Store(url).drop_schema()
    store = Store(url)
    store.create_schema()
    return store


@pytest.fixture
def empty_store(database_url):
    store = Store(database_url)
    store.create_schema()
    yield store
    store.dispose()


def mention(doc, sentence, trigger, start, end, grain, value=None, time_text=None, category="other", offset=0):
    trigger_at = sentence.index(trigger)
    time_span = None
    if time_text:
        at = sentence.index(time_text)
        time_span = (offset + at, offset + at + len(time_text))
    return Mention(
        document=doc, sentence=sentence, sentence_span=(offset, offset + len(sentence)),
        trigger=trigger, trigger_span=(offset + trigger_at, offset + trigger_at + len(trigger)),
        time_text=time_text, time_span=time_span, interval=Interval(start, end, grain, value),
        category=category, headline=sentence[:60], keywords=frozenset(trigger.split()),
    )


DOC_A = DocumentInput(id="doc-a", text=(
    "Last night two drones tried to hit the Kremlin. "
    "The Victory Day parade will go ahead on 9 May. "
    "Fighting has gone on since the invasion began."), title="Drones over Moscow")
DOC_B = DocumentInput(id="doc-b", text=(
    "In 1945 the war in Europe ended. In recent days officials spoke about drones."),
    published=date(2023, 5, 4), source="wire")


def _fixture_timeline() -> Timeline:
    def at(doc, sentence):
        return sentence, doc.text.index(sentence)

    a1, a1_at = at(DOC_A, "Last night two drones tried to hit the Kremlin.")
    a2, a2_at = at(DOC_A, "The Victory Day parade will go ahead on 9 May.")
    a3, a3_at = at(DOC_A, "Fighting has gone on since the invasion began.")
    b1, b1_at = at(DOC_B, "In 1945 the war in Europe ended.")
    b2, b2_at = at(DOC_B, "In recent days officials spoke about drones.")
    drone = mention("doc-a", a1, "tried to hit", date(2023, 5, 2), date(2023, 5, 3), "night",
                    "2023-05-02TNI", "Last night", "attack", a1_at)
    parade = mention("doc-a", a2, "parade", date(2023, 5, 9), date(2023, 5, 9), "day", "2023-05-09",
                     "9 May", "ceremony", a2_at)
    war = mention("doc-a", a3, "Fighting", date(2022, 2, 24), None, "day", None, "since the invasion began",
                  "attack", a3_at)
    ended = mention("doc-b", b1, "ended", date(1945, 1, 1), date(1945, 12, 31), "year", "1945", "In 1945",
                    "other", b1_at)
    spoke = mention("doc-b", b2, "spoke", date(2023, 4, 20), date(2023, 5, 4), "vague", "PAST_REF",
                    "In recent days", "statement", b2_at)

    def event(event_id, m, summary_source=None):
        return Event(id=event_id, headline=m.headline, summary=m.sentence, category=m.category,
                     interval=m.interval, sources=(m.document,), mentions=(m,))

    events = (event("evt_war1945", ended), event("evt_invasion", war), event("evt_officials", spoke),
              event("evt_drones", drone), event("evt_parade", parade))
    documents = (
        DocumentResult("doc-a", date(2023, 5, 3), "text", "Wednesday May 3, 2023", title=DOC_A.title),
        DocumentResult("doc-b", date(2023, 5, 4), "given", None, published=date(2023, 5, 4), source="wire"),
    )
    return Timeline(documents=documents, events=events)


FIXTURE_TIMELINE = _fixture_timeline()


@pytest.fixture
def store(empty_store):
    empty_store.store_parsed([DOC_A, DOC_B], FIXTURE_TIMELINE)
    return empty_store


def make_app(database_url, **overrides):
    config = {"DATABASE_URL": database_url, "TIMELINE_SEED_DIR": "none", "TIMELINE_API_TOKEN": TOKEN,
              "TESTING": True}
    config.update(overrides)
    return create_app(config)


@pytest.fixture
def app(store, database_url):
    app = make_app(database_url)
    yield app
    app.extensions["timeline_store"].dispose()  # no pooled connections left open on the shared server


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}
