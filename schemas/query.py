"""Query-parameter schemas, loaded from the request's arguments by `api.routes.use_query`."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from api.exports import FORMATS as EXPORT_FORMATS
from api.extract.model import GRAINS
from schemas.dates import RangeBound

TIMELINE_FORMATS = ("json",) + EXPORT_FORMATS
MAX_Q = 200
MAX_LIMIT = 500
DEFAULT_LIMIT = 50


class _Query(Schema):
    class Meta:
        unknown = EXCLUDE  # cache-busters and the like are ignored, not refused


class RangeQuerySchema(_Query):
    """An inclusive date range; an event matches when its interval overlaps it."""
    start = RangeBound("start", data_key="from", load_default=None)
    end = RangeBound("end", data_key="to", load_default=None)

    @validates_schema
    def _from_not_after_to(self, data, **kwargs):
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError(
                f"'from' ({data['start']}) is after 'to' ({data['end']})", field_name="from")


class TimelineQuerySchema(RangeQuerySchema):
    """`from`/`to` exactly as on /api/v1/events, plus its `q` and the export `format`."""
    q = fields.String(load_default=None, validate=validate.Length(max=MAX_Q))
    format = fields.String(load_default="json", validate=validate.OneOf(TIMELINE_FORMATS))


class PageQuerySchema(_Query):
    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(min=1, max=MAX_LIMIT),
                           strict=False)
    cursor = fields.String(load_default=None, validate=[
        validate.Length(min=1, max=2000),
        validate.Regexp(r"^[A-Za-z0-9_-]+$", error="not a cursor this API handed out")])


class EventsQuerySchema(RangeQuerySchema, PageQuerySchema):
    q = fields.String(load_default=None, validate=validate.Length(max=MAX_Q))
    category = fields.String(load_default=None, validate=validate.Length(min=1, max=40))
    document = fields.String(load_default=None, validate=validate.Length(min=1, max=200))
    grain = fields.String(load_default=None, validate=validate.OneOf(GRAINS))
    include_vague = fields.Boolean(load_default=True)
    sort = fields.String(load_default="start", validate=validate.OneOf(("start", "-start")))


class DocumentsQuerySchema(PageQuerySchema):
    pass
