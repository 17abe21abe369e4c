"""`GET /api/v1/timeline`: the timeline for a date range, as JSON or an export.

`format=json` (default) answers `{"from", "to", "events": [...]}` with events
in the CONTRACT §2 shape; `timelinejs`, `ics` and `csv` come from
`api.exports`. The whole range is returned (no pagination): an export is
a file, and a calendar or spreadsheet cannot follow cursors.

`q` narrows the timeline by text exactly as on `/api/v1/events`, so the page's
"download this view" links give the view the reader is looking at.
"""
from __future__ import annotations

from flask import Blueprint, Response, jsonify

from api.exports import FILE_EXTENSIONS, export
from api.routes import use_query
from api.store import get_store
from schemas.query import TimelineQuerySchema
from schemas.timeline import EventSchema

bp = Blueprint("timeline", __name__)

PAGE_SIZE = 500  # the store's largest page


def _events_in(start, end, q=None) -> list[dict]:
    store, events, cursor = get_store(), [], None
    while True:
        page = store.query_events(start=start, end=end, q=q, limit=PAGE_SIZE, cursor=cursor)
        events.extend(EventSchema(many=True).dump(page.events))
        cursor = page.next_cursor
        if not cursor:
            return events


@bp.get("/api/v1/timeline")
@use_query(TimelineQuerySchema)  # `from`/`to`/`q` read and refused exactly as on /api/v1/events
def timeline(args):
    fmt = args["format"]
    q = (args["q"] or "").strip() or None
    start, end = args["start"], args["end"]
    events = _events_in(start, end, q)
    if fmt == "json":
        return jsonify({"from": start.isoformat() if start else None,
                        "to": end.isoformat() if end else None,
                        "events": events})
    content_type, body = export(events, fmt)
    response = Response(body, content_type=content_type)
    if fmt in ("ics", "csv"):  # files for calendars and spreadsheets
        response.headers["Content-Disposition"] = (
            f'attachment; filename="timeline.{FILE_EXTENSIONS[fmt]}"')
    return response
