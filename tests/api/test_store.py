"""The store on its own: dedupe, conflicts, deletes, versions, paging."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.extract.model import DocumentInput, DocumentResult, Event, Interval, Mention, Timeline
from api.store import DocumentConflict, InvalidCursor
from tests.api.conftest import DOC_A, DOC_B, FIXTURE_TIMELINE


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
    for mention in document["mentions"]:
        start, end = mention["trigger_span"]
        assert DOC_A.text[start:end] == mention["trigger"]


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
