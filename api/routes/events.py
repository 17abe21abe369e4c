"""`/api/v1/events`: events overlapping a date range, filtered and paged.

Events are served as the JSON text the store keeps with each one
(`schemas.timeline.event_json`), so a page costs one query and a join.
"""
from __future__ import annotations

from flask import Blueprint, current_app

from api.errors import Problem, ValidationProblem
from api.pagination import json_page_response
from api.routes import use_query
from api.store import InvalidCursor, get_store
from schemas.query import EventsQuerySchema

bp = Blueprint("events", __name__, url_prefix="/api/v1/events")


@bp.get("")
@use_query(EventsQuerySchema)
def list_events(args):
    try:
        page = get_store().query_event_bodies(**args)
    except InvalidCursor as error:
        raise ValidationProblem({"cursor": [str(error)]}) from None
    return json_page_response(page.bodies, page.next_cursor)


@bp.get("/<event_id>")
def get_event(event_id):
    body = get_store().get_event_body(event_id)
    if body is None:
        raise Problem(404, f"No event has the id {event_id!r}.")
    return current_app.response_class(body + "\n", mimetype="application/json")
