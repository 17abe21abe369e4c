"""`GET /`: the timeline page, a static HTML file that draws itself from the API."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, send_from_directory

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

bp = Blueprint("page", __name__, static_folder=str(STATIC_DIR), static_url_path="/static")


@bp.get("/")
def index():
    return send_from_directory(STATIC_DIR, "index.html")
