"""`GET /api/v1/timeline`: the timeline for a date range, as JSON or an export."""
from __future__ import annotations

from flask import Blueprint, jsonify

bp = Blueprint("timeline", __name__)


@bp.get("/api/v1/timeline")
def timeline():
    return jsonify({"events": []})
