"""`POST /api/v1/parse`: parse one article without storing it."""
from __future__ import annotations

from flask import Blueprint, jsonify

from api.routes import document_body
from api.routes.documents import document_input
from schemas.timeline import timeline_json

bp = Blueprint("parse", __name__)


@bp.post("/api/v1/parse")
def parse_document():
    doc = document_input(document_body())  # refuse a bad body before loading the engine
    from api.extract import pipeline

    timeline = pipeline.parse([doc])
    return jsonify(timeline_json(timeline))
