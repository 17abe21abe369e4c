"""`/api/v1/events`: events overlapping a date range, filtered and paged."""
from __future__ import annotations

from flask import Blueprint, jsonify

from api.errors import Problem, ValidationProblem
from api.pagination import page_response
from api.routes import use_query
from api.store import InvalidCursor, get_store
from schemas.query import EventsQuerySchema
from schemas.timeline import EventSchema

bp = Blueprint("events", __name__, url_prefix="/api/v1/events")


@bp.get("")
@use_query(EventsQuerySchema)
def list_events(args):
    try:
        page = get_store().query_events(**args)
    except InvalidCursor as error:
        raise ValidationProblem({"cursor": [str(error)]}) from None
    return page_response(EventSchema(many=True).dump(page.events), page.next_cursor)


@bp.get("/<event_id>")
def get_event(event_id):
    event = get_store().get_event(event_id)
    if event is None:
        raise Problem(404, f"No event has the id {event_id!r}.")
    return jsonify(EventSchema().dump(event))
