"""The envelope of every paged list (`/api/v1/events`, `/api/v1/documents`)."""
from __future__ import annotations

from marshmallow import Schema, fields


class PageSchema(Schema):
    """`{"data": [...], "next": cursor|null, "next_url": url|null}`; the items come
    already dumped by their own schema (EventSchema, StoredDocumentSchema)."""

    class Meta:
        ordered = True

    data = fields.List(fields.Raw())
    next = fields.String(allow_none=True)
    next_url = fields.String(allow_none=True)
