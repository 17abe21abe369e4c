"""`GET /api/v1/timeline`: the timeline for a date range, as JSON or an export.

`format=json` (default) answers `{"from", "to", "events": [...]}` with events
in the CONTRACT §2 shape; `timelinejs`, `ics` and `csv` come from
`api.exports`. The whole range is returned (no pagination): an export is
a file, and a calendar or spreadsheet cannot follow cursors.
"""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from api.errors import ValidationProblem
from api.exports import FILE_EXTENSIONS, FORMATS, export
from api.routes import use_query
from api.store import get_store
from schemas.query import RangeQuerySchema
from schemas.timeline import EventSchema

bp = Blueprint("timeline", __name__)

TIMELINE_FORMATS = ("json",) + FORMATS
PAGE_SIZE = 500  # the store's largest page


def _events_in(start, end) -> list[dict]:
    store, events, cursor = get_store(), [], None
    while True:
        page = store.query_events(start=start, end=end, limit=PAGE_SIZE, cursor=cursor)
        events.extend(EventSchema(many=True).dump(page.events))
        cursor = page.next_cursor
        if not cursor:
            return events


@bp.get("/api/v1/timeline")
@use_query(RangeQuerySchema)  # `from`/`to` read and refused exactly as on /api/v1/events
def timeline(args):
    fmt = request.args.get("format", "json")
    if fmt not in TIMELINE_FORMATS:
        raise ValidationProblem(
            {"format": [f"must be one of: {', '.join(TIMELINE_FORMATS)}"]},
            detail=f"Unknown format {fmt!r}.")
    start, end = args["start"], args["end"]
    events = _events_in(start, end)
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
