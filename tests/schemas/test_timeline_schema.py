"""The timeline JSON shape of CONTRACT §2, dumped from model dataclasses."""
from datetime import date

from api.extract.model import DocumentResult, Event, Interval, Mention, Timeline
from schemas.timeline import timeline_json

NIGHT = Interval(date(2023, 5, 2), date(2023, 5, 3), "night", "2023-05-02TNI")


def _timeline(interval=NIGHT, time_span=(0, 10)):
    mention = Mention(
        document="doc-1", sentence="Last night drones attacked.", sentence_span=(0, 27),
        trigger="attacked", trigger_span=(18, 26),
        time_text="Last night" if time_span else None, time_span=time_span,
        interval=interval, category="attack",
    )
    event = Event(
        id="evt_1", headline="Drones attacked", summary=mention.sentence, category="attack",
        interval=interval, sources=("doc-1",), mentions=(mention,),
    )
    document = DocumentResult(
        id="doc-1", reference_date=date(2023, 5, 3), reference_date_source="assumed",
        reference_date_evidence="no date found",
    )
    return Timeline(documents=(document,), events=(event,))


def test_event_interval_is_flattened_into_iso_dates_with_grain_and_value():
    event = timeline_json(_timeline())["events"][0]
    assert (event["start"], event["end"], event["grain"], event["value"]) == (
        "2023-05-02", "2023-05-03", "night", "2023-05-02TNI")
    assert event["sources"] == ["doc-1"]
    assert event["mentions"][0]["trigger_span"] == [18, 26]


def test_open_end_is_null_never_a_made_up_date():
    since = Interval(date(2022, 2, 24), None, "day", None)
    event = timeline_json(_timeline(interval=since))["events"][0]
    assert event["end"] is None and event["value"] is None


def test_implicit_mention_has_null_time_text_and_span():
    mention = timeline_json(_timeline(time_span=None))["events"][0]["mentions"][0]
    assert mention["time_text"] is None and mention["time_span"] is None


def test_document_carries_reference_date_and_where_it_came_from():
    document = timeline_json(_timeline())["documents"][0]
    assert list(document) == [
        "id", "title", "url", "source", "published", "reference_date",
        "reference_date_source", "reference_date_evidence"]
    assert document["reference_date"] == "2023-05-03"
    assert document["published"] is None
