"""Health, readiness and the OpenAPI spec."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, jsonify

from api.errors import Problem
from api.store import get_store

bp = Blueprint("meta", __name__)

# The spec lives at the repository root; an installed package carries a copy
# as api/openapi.yaml (a symlink in the source tree, kept identical by a test).
SPEC_CANDIDATES = (
    Path(__file__).resolve().parent.parent / "openapi.yaml",
    Path(__file__).resolve().parent.parent.parent / "openapi.yaml",
)


def spec_path() -> Path:
    for candidate in SPEC_CANDIDATES:
        if candidate.is_file():
            return candidate
    raise Problem(404, "The OpenAPI spec is not installed with this copy of the API.")


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    if not get_store().ping():
        raise Problem(503, "The store does not answer.")
    return jsonify({"status": "ready"})


@bp.get("/openapi.yaml")
def openapi_spec():
    return Response(spec_path().read_bytes(), mimetype="application/yaml")
