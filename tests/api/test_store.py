"""The store on its own: dedupe, conflicts, deletes, versions, paging."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from api.extract.model import DocumentInput, DocumentResult, Event, Interval, Mention, Timeline
from api.store import DocumentConflict, InvalidCursor
from tests.api.conftest import DOC_A, DOC_B, FIXTURE_TIMELINE, mention


def test_storing_the_same_text_twice_keeps_one_copy(store):
    again = DocumentInput(id="doc-a-again", text=DOC_A.text)
    [result] = store.store_parsed([again], Timeline((), ()))
    assert result.created is False
    assert result.document["id"] == "doc-a"
    assert [d["id"] for d in store.list_documents().documents] == ["doc-a", "doc-b"]


def test_a_known_id_with_another_text_is_a_conflict(store):
    with pytest.raises(DocumentConflict):
        store.store_parsed([DocumentInput(id="doc-a", text="A different article.")], FIXTURE_TIMELINE)


def test_deleting_a_document_removes_the_events_it_alone_reported(store):
    assert store.delete_document("doc-b") is True
    remaining = [e.id for e in store.query_events().events]
    assert remaining == ["evt_invasion", "evt_drones", "evt_parade"]
    assert store.get_document("doc-b") is None
    assert store.delete_document("doc-b") is False


def test_every_write_bumps_the_data_version(store):
    before = store.data_version()
    store.delete_document("doc-b")
    assert store.data_version() == before + 1


def test_a_stored_document_keeps_its_reference_date_text_and_mentions(store):
    document = store.get_document("doc-a")
    assert document["reference_date"] == "2023-05-03"
    assert document["reference_date_source"] == "text"
    assert document["text"] == DOC_A.text
    assert sorted(m["event"] for m in document["mentions"]) == ["evt_drones", "evt_invasion", "evt_parade"]
    for item in document["mentions"]:
        start, end = item["mention"].trigger_span
        assert DOC_A.text[start:end] == item["mention"].trigger


def test_a_foreign_cursor_is_refused(store):
    with pytest.raises(InvalidCursor):
        store.query_events(cursor="bm90LWEtY3Vyc29y")


def _many_events(count: int, first: date) -> tuple[DocumentInput, Timeline]:
    text = "x" * 10
    doc = DocumentInput(id="bulk", text="bulk article")
    events = []
    for number in range(count):
        day = first + timedelta(days=number // 3)
        mention = Mention("bulk", text, (0, 10), "x", (0, 1), None, None, Interval(day, day, "day"))
        events.append(Event(f"evt_{number:05d}", "h", "s", "other", mention.interval, ("bulk",), (mention,)))
    result = DocumentResult("bulk", first, "assumed", "nothing better")
    return doc, Timeline((result,), tuple(events))


@pytest.mark.parametrize("limit", [1, 7, 50])
def test_keyset_pages_cover_a_range_without_gaps_or_repeats(empty_store, limit):
    doc, timeline = _many_events(120, date(2020, 1, 1))
    empty_store.store_parsed([doc], timeline)
    start, end = date(2020, 1, 5), date(2020, 1, 30)
    expected = sorted(e.id for e in timeline.events if e.interval.end >= start and e.interval.start <= end)
    seen, cursor = [], None
    while True:
        page = empty_store.query_events(start=start, end=end, limit=limit, cursor=cursor, with_mentions=False)
        seen.extend(e.id for e in page.events)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected


def test_a_long_event_that_began_years_before_the_range_still_overlaps_it(empty_store):
    doc = DocumentInput(id="long", text="long article")
    m = Mention("long", "s", (0, 1), "s", (0, 1), None, None, Interval(date(2001, 1, 1), date(2030, 1, 1), "year"))
    event = Event("evt_long", "h", "s", "other", m.interval, ("long",), (m,))
    empty_store.store_parsed([doc], Timeline((DocumentResult("long", date(2001, 1, 1), "given", None),), (event,)))
    found = empty_store.query_events(start=date(2023, 5, 9), end=date(2023, 5, 9)).events
    assert [e.id for e in found] == ["evt_long"]


# -- concurrent writers ------------------------------------------------------
#
# Two Store objects are two connection pools, as two gunicorn processes have.
# Each write is held open for a moment after its document row is written, so
# the second writer arrives while the first transaction is still running: the
# writer lock (BEGIN IMMEDIATE on SQLite, pg_advisory_xact_lock on PostgreSQL,
# taken before anything is read) must make it wait and then see the first
# one's rows, instead of failing or writing them twice. Checked: without the
# locks, and with the data-version bump moved after the reads, these fail.

def _parade_report(doc_id: str, text: str) -> tuple[DocumentInput, Timeline]:
    sentence, at = text, text.index("parade")
    m = Mention(doc_id, sentence, (0, len(sentence)), "parade", (at, at + len("parade")),
                "9 May", (sentence.index("9 May"), sentence.index("9 May") + 5),
                Interval(date(2023, 5, 9), date(2023, 5, 9), "day", "2023-05-09"), "ceremony",
                "Victory Day parade", frozenset({"victory", "day", "parade"}), frozenset({"Red Square"}))
    event = Event("evt_parade", "Victory Day parade", sentence, "ceremony", m.interval, (doc_id,), (m,))
    doc = DocumentInput(id=doc_id, text=text, published=date(2023, 5, 9))
    return doc, Timeline((DocumentResult(doc_id, date(2023, 5, 9), "given", None),), (event,))


def _race(database_url, monkeypatch, writes):
    import threading
    import time

    from api.store import Store

    original = Store._insert_document

    def slow_insert(self, conn, doc, timeline):
        inserted = original(self, conn, doc, timeline)
        time.sleep(0.3)  # keep the transaction open while the other writer arrives
        return inserted

    monkeypatch.setattr(Store, "_insert_document", slow_insert)
    stores = [Store(database_url) for _ in writes]
    results, errors = [None] * len(writes), []
    start = threading.Barrier(len(writes))

    def write(index):
        try:
            start.wait(timeout=30)
            results[index] = stores[index].store_parsed(*writes[index])
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(writes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for store in stores:
        store.dispose()
    assert not errors, errors
    return results


def test_two_writers_storing_the_same_text_at_once_store_it_once(empty_store, database_url, monkeypatch):
    doc, timeline = _parade_report("tass-1", "Russia held the Victory Day parade on 9 May.")
    results = _race(database_url, monkeypatch, [([doc], timeline), ([doc], timeline)])
    assert sorted(result[0].created for result in results) == [False, True]
    assert [d["id"] for d in empty_store.list_documents().documents] == ["tass-1"]
    [event] = empty_store.query_events().events
    assert len(event.mentions) == 1


def test_two_writers_reporting_the_same_event_at_once_share_one_event(empty_store, database_url, monkeypatch):
    first = _parade_report("tass-1", "Russia held the Victory Day parade on 9 May.")
    second = _parade_report("ria-1", "The Victory Day parade went ahead on 9 May.")
    _race(database_url, monkeypatch, [([first[0]], first[1]), ([second[0]], second[1])])
    [event] = empty_store.query_events().events
    assert sorted(event.sources) == ["ria-1", "tass-1"]
    assert sorted(m.document for m in event.mentions) == ["ria-1", "tass-1"]


def test_a_served_event_is_the_json_its_schema_gives_for_the_stored_event(store):
    from schemas.timeline import EventSchema

    page = store.query_events(limit=500)
    bodies = store.query_event_bodies(limit=500).bodies
    assert [json.loads(body) for body in bodies] == EventSchema(many=True).dump(page.events)
    assert json.loads(store.get_event_body("evt_parade")) == EventSchema().dump(store.get_event("evt_parade"))
    assert store.get_event_body("evt_missing") is None


@pytest.mark.parametrize("query", [
    {},
    {"start": date(2023, 5, 1), "end": date(2023, 5, 9)},
    {"start": date(2023, 5, 3)},
    {"end": date(2023, 5, 2), "sort": "-start"},
    {"q": "drone"}, {"q": "dr"}, {"q": "100%_"},
    {"category": "attack", "grain": "day"},
    {"include_vague": False, "start": date(1900, 1, 1), "end": date(2030, 1, 1)},
    {"document": "doc-b"},
    {"start": date(2023, 4, 1), "end": date(2023, 6, 1), "q": "the", "sort": "-start"},
])
def test_served_pages_are_the_pages_of_the_core_query_for_every_filter(store, query):
    """Bodies are read straight through the driver (DriverSQL); every filter and cursor
    must give the same events, in the same order, as the Core statement does."""
    for limit in (1, 2, 50):
        core_cursor = body_cursor = None
        while True:
            core = store.query_events(limit=limit, cursor=core_cursor, with_mentions=False, **query)
            served = store.query_event_bodies(limit=limit, cursor=body_cursor, **query)
            assert [json.loads(body)["id"] for body in served.bodies] == [event.id for event in core.events]
            assert served.next_cursor == core.next_cursor
            if core.next_cursor is None:
                break
            core_cursor = body_cursor = core.next_cursor


def test_an_event_joined_by_a_new_report_and_left_by_a_delete_serves_its_current_mentions(store):
    doc_c = DocumentInput(id="doc-c", text="The parade on 9 May will be shorter this year.")
    report = mention("doc-c", doc_c.text, "parade", date(2023, 5, 9), date(2023, 5, 9), "day", "2023-05-09",
                     "9 May", "ceremony")
    parade = store.get_event("evt_parade")
    joined = Event("evt_parade", parade.headline, parade.summary, "ceremony", report.interval, ("doc-c",), (report,))
    store.store_parsed([doc_c], Timeline((DocumentResult("doc-c", date(2023, 5, 4), "given", None),), (joined,)))

    served = json.loads(store.get_event_body("evt_parade"))
    assert served["sources"] == ["doc-a", "doc-c"]
    assert [m["document"] for m in served["mentions"]] == ["doc-a", "doc-c"]
    store.delete_document("doc-c")
    served = json.loads(store.get_event_body("evt_parade"))
    assert served["sources"] == ["doc-a"]
    assert [m["document"] for m in served["mentions"]] == ["doc-a"]


def test_a_database_made_before_event_bodies_is_upgraded_in_place(store):
    served_before = store.query_event_bodies(limit=500).bodies
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN body")
    store.create_schema()
    assert store.query_event_bodies(limit=500).bodies == served_before


def test_reads_in_one_snapshot_share_one_connection(store):
    with store.snapshot():
        with store._reader() as first, store._reader() as second:
            assert first is second
        assert store.data_version() >= 1
    with store._reader() as outside_one, store._reader() as outside_two:
        assert outside_one is not outside_two
