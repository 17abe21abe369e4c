"""The timeline JSON of CONTRACT §2, dumped from the extraction model.

The CLI (`timeline parse`), `POST /api/v1/parse` and the event endpoints all
serialize through these schemas, so the shape lives in exactly one place.
Intervals are flattened: `start`, `end`, `grain`, `value` sit on the event or
mention itself, as the contract shows.
"""
from __future__ import annotations

import json

from marshmallow import Schema, fields


def _span(value):
    return list(value) if value is not None else None


class _IntervalFields(Schema):
    """Flattens `obj.interval` into start/end/grain/value."""
    start = fields.Function(lambda obj: _iso(obj.interval.start))
    end = fields.Function(lambda obj: _iso(obj.interval.end))
    grain = fields.Function(lambda obj: obj.interval.grain)
    value = fields.Function(lambda obj: obj.interval.value)


def _iso(day):
    return day.isoformat() if day is not None else None


class MentionSchema(_IntervalFields):
    class Meta:
        ordered = True
        fields = (
            "document", "sentence", "sentence_span", "trigger", "trigger_span",
            "time_text", "time_span", "start", "end", "grain", "value", "category",
        )

    document = fields.String()
    sentence = fields.String()
    sentence_span = fields.Function(lambda m: _span(m.sentence_span))
    trigger = fields.String()
    trigger_span = fields.Function(lambda m: _span(m.trigger_span))
    time_text = fields.String(allow_none=True)
    time_span = fields.Function(lambda m: _span(m.time_span))
    category = fields.String()


class EventSchema(_IntervalFields):
    class Meta:
        ordered = True
        fields = (
            "id", "headline", "summary", "category", "start", "end", "grain",
            "value", "sources", "mentions",
        )

    id = fields.String()
    headline = fields.String()
    summary = fields.String()
    category = fields.String()
    sources = fields.Function(lambda e: list(e.sources))
    # Nested builds the mention schema once per event schema, not once per event
    mentions = fields.Nested(MentionSchema, many=True)


class DocumentResultSchema(Schema):
    class Meta:
        ordered = True
        fields = (
            "id", "title", "url", "source", "published", "reference_date",
            "reference_date_source", "reference_date_evidence",
        )

    id = fields.String()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published = fields.Function(lambda d: _iso(d.published))
    reference_date = fields.Function(lambda d: _iso(d.reference_date))
    reference_date_source = fields.String()
    reference_date_evidence = fields.String(allow_none=True)


class TimelineSchema(Schema):
    class Meta:
        ordered = True

    documents = fields.Function(lambda t: DocumentResultSchema(many=True).dump(t.documents))
    events = fields.Function(lambda t: EventSchema(many=True).dump(t.events))


_EVENT = EventSchema()


def event_json(event) -> str:
    """One event as the API sends it: compact JSON text, ASCII-escaped like Flask's jsonify.

    The store keeps this text with the event, so the event endpoints serve it
    without serializing on every request.
    """
    return json.dumps(_EVENT.dump(event), separators=(",", ":"))


def timeline_json(timeline) -> dict:
    """The `timeline parse` document for a Timeline."""
    return TimelineSchema().dump(timeline)
