"""Request and response schemas for documents (`/api/v1/documents`, `/api/v1/parse`)."""
from __future__ import annotations

from marshmallow import RAISE, Schema, fields, post_dump, validate

from schemas.timeline import EventSchema, MentionSchema

MAX_META_LENGTH = 2000


class DocumentBodySchema(Schema):
    """`POST /api/v1/documents` and `POST /api/v1/parse`: one article."""

    class Meta:
        unknown = RAISE  # a misspelt field ("publised") is an error, not silently dropped

    text = fields.String(required=True, validate=validate.Length(min=1))
    published = fields.Date(format="%Y-%m-%d", load_default=None, allow_none=True)
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=MAX_META_LENGTH))
    url = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=MAX_META_LENGTH))
    source = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=MAX_META_LENGTH))


class StoredDocumentSchema(Schema):
    """A stored document as listed: its reference date and where it came from."""

    class Meta:
        ordered = True

    id = fields.String()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    reference_date = fields.String()
    reference_date_source = fields.String()
    reference_date_evidence = fields.String(allow_none=True)


class DocumentMentionSchema(Schema):
    """A mention as the single document lists it: {"event": id, "mention": Mention}, flattened."""

    class Meta:
        ordered = True

    event = fields.String()

    @post_dump(pass_original=True)
    def _flatten(self, data, original, **kwargs):
        return {"event": data["event"], **MentionSchema().dump(original["mention"])}


class DocumentDetailSchema(StoredDocumentSchema):
    """One document: also its text and its mentions, each naming its event."""
    text = fields.String()
    mentions = fields.Function(lambda d: DocumentMentionSchema(many=True).dump(d["mentions"]))


class IngestResultSchema(Schema):
    """`POST /api/v1/documents`: the stored document and its events."""

    class Meta:
        ordered = True

    document = fields.Function(lambda r: StoredDocumentSchema().dump(r["document"]))
    events = fields.Function(lambda r: EventSchema(many=True).dump(r["events"]))
