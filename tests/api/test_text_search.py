"""`q`: a case-insensitive substring of headline or summary, looked up in a
trigram index (SQLite FTS5, PostgreSQL pg_trgm) instead of scanning every event."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from api.extract.model import DocumentInput, DocumentResult, Event, Interval, Mention, Timeline
from api.store import _page_query
from tests.api.conftest import BACKENDS, module_store

HEADLINES = [
    ("Ceasefire talks open in Doha", "Negotiators met on Monday."),
    ("Storm hits Lagos", "The ceasefire held overnight, officials said."),
    ("Fire closes port of Lima", "A warehouse fire burned for hours."),
    ("Parade marks Victory Day", 'The mayor said "no" to a shorter route.'),
    ("Prices rise 50% in a year", "Fuel_costs doubled, the report said."),
    ("Quiet day in Oslo", "Nothing happened."),
]
QUERIES = ["ceasefire", "CEASEFIRE", "fire", "Fi", "fi", "50%", "_costs", '"no"', "said", "zzz", "a", "in Oslo"]


def _events():
    day = date(2021, 3, 1)
    events = []
    for number, (headline, summary) in enumerate(HEADLINES * 3):  # three copies across the calendar
        start = day + timedelta(days=40 * number)
        interval = Interval(start, start, "day", start.isoformat())
        mention = Mention("d", summary, (0, len(summary)), "x", (0, 1), None, None, interval)
        events.append(Event(f"evt_{number:03d}", headline, summary, "other", interval, ("d",), (mention,)))
    return events


EVENTS = _events()


@pytest.fixture(scope="module", params=BACKENDS)
def searchable(request, tmp_path_factory):
    store = module_store(request, tmp_path_factory)
    store.store_parsed([DocumentInput(id="d", text="an article")],
                       Timeline((DocumentResult("d", date(2021, 3, 1), "given", None),), tuple(EVENTS)))
    yield store
    store.dispose()


def _search(store, q, **query):
    found, cursor = [], None
    while True:
        page = store.query_events(q=q, limit=4, cursor=cursor, with_mentions=False, **query)
        found += [event.id for event in page.events]
        cursor = page.next_cursor
        if cursor is None:
            return found


def _expected(q, start=None, end=None):
    needle = q.lower()
    return [e.id for e in EVENTS
            if (needle in e.headline.lower() or needle in e.summary.lower())
            and (start is None or e.interval.end >= start) and (end is None or e.interval.start <= end)]


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("probe_limit", [10_000, 2])
def test_a_text_query_finds_exactly_the_events_that_contain_it(searchable, q, probe_limit, monkeypatch):
    # a probe limit of 2 sends every word in three or more events down the walk-in-order path
    monkeypatch.setattr("api.store.TEXT_PROBE_LIMIT", probe_limit)
    assert _search(searchable, q) == _expected(q)


@pytest.mark.parametrize("q", ["fire", "said", "Oslo"])
def test_a_text_query_within_a_date_range_keeps_both_conditions(searchable, q):
    start, end = date(2021, 6, 1), date(2022, 6, 1)
    assert _search(searchable, q, start=start, end=end) == _expected(q, start, end)


def test_a_text_query_is_served_by_the_trigram_index(searchable):
    statement, params = _page_query(("body",), q="ceasefire", limit=51, limit_each_branch=searchable.is_postgres,
                                    sqlite_text_index=searchable.sqlite_text_index)
    compiled = str(statement.params(params).compile(searchable.engine, compile_kwargs={"literal_binds": True}))
    with searchable.engine.connect() as conn:
        if searchable.is_postgres:
            # A tiny table: ask whether the trigram index can serve it, not what is cheapest here.
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_indexscan = off")
            plan = " ".join(conn.exec_driver_sql(f"EXPLAIN {compiled}").scalars())
            assert "ix_events_headline_trgm" in plan and "ix_events_summary_trgm" in plan, plan
        else:
            plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
            assert "events_text VIRTUAL TABLE" in plan, plan


def test_writes_keep_the_text_index_in_step(empty_store):
    doc = DocumentInput(id="d", text="an article")
    result = (DocumentResult("d", date(2021, 3, 1), "given", None),)
    empty_store.store_parsed([doc], Timeline(result, tuple(EVENTS[:2])))
    assert [e.id for e in empty_store.query_events(q="ceasefire").events] == ["evt_000", "evt_001"]

    other = DocumentInput(id="e", text="another article")
    renamed = EVENTS[0]
    mention = Mention("e", "The truce collapsed.", (0, 20), "collapsed", (10, 19), None, None, renamed.interval)
    joined = Event(renamed.id, "Truce collapses", "The truce collapsed.", "other", renamed.interval, ("e",), (mention,))
    empty_store.store_parsed([other], Timeline((DocumentResult("e", date(2021, 3, 2), "given", None),), (joined,)))
    # rebuilt from both reports, the event's text changed (an UPDATE): search follows it
    stored = empty_store.get_event("evt_000")
    assert "ceasefire" not in (stored.headline + stored.summary).lower()
    assert [e.id for e in empty_store.query_events(q="ceasefire").events] == ["evt_001"]

    empty_store.delete_document("d")  # evt_001 is deleted, evt_000 rebuilt from the truce report
    assert [e.id for e in empty_store.query_events(q="storm").events] == []
    assert [e.id for e in empty_store.query_events(q="truce").events] == ["evt_000"]


def test_a_store_without_the_text_index_gets_it_built(searchable):
    searchable.drop_text_index()
    assert _search(searchable, "fire") == _expected("fire")  # still right, by scanning
    searchable.create_schema()
    if not searchable.is_postgres:
        assert searchable.sqlite_text_index
    else:
        with searchable.engine.connect() as conn:
            names = {index["name"] for index in sa.inspect(conn).get_indexes("events")}
        assert {"ix_events_headline_trgm", "ix_events_summary_trgm"} <= names
    assert _search(searchable, "fire") == _expected("fire")
