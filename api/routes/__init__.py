"""Blueprints, one per resource, and the two helpers every view shares:
`use_query` (query parameters through a marshmallow schema) and
`document_body` (the JSON or text body of a document write)."""
from __future__ import annotations

import functools
import json

from flask import Flask, request
from marshmallow import ValidationError

from api.documents_io import DocumentReadError, decode_text
from api.errors import Problem, ValidationProblem
from schemas.documents import DocumentBodySchema


def use_query(schema_class):
    """Decorator: pass the validated query parameters as the view's first argument.

    The schemas are flat (no list fields), so the first value of a repeated
    parameter is the one read, and unknown parameters are ignored (their Meta).
    """
    schema = schema_class()

    def decorate(view):
        @functools.wraps(view)
        def with_query(*args, **kwargs):
            try:
                query = schema.load(request.args.to_dict())  # first values; a dict misses keys cheaply
            except ValidationError as error:
                raise ValidationProblem(error.messages) from None
            return view(query, *args, **kwargs)
        return with_query
    return decorate


JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)


def document_body() -> dict:
    """The validated document of a write: JSON {"text", ...}, or a text/plain article."""
    mimetype = request.mimetype or ""
    is_json = mimetype in JSON_TYPES or mimetype.endswith("+json")
    if not is_json and mimetype not in TEXT_TYPES:
        raise Problem(415, "Send the document as application/json ({\"text\": ...}) or as text/plain.")
    raw = request.get_data(cache=True)  # raises 413 past MAX_CONTENT_LENGTH
    try:
        text = decode_text(raw, "body")
    except DocumentReadError:
        raise ValidationProblem({"body": ["is not valid UTF-8"]}, "The body is not valid UTF-8.") from None
    if not is_json:
        record = {"text": text}
    else:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationProblem({"body": [f"malformed JSON: {error.msg} at line {error.lineno}"]},
                                    "The body is not valid JSON.") from None
        except RecursionError:  # '[[[[…' a thousand deep fits in 2 KB; no document nests at all
            raise ValidationProblem({"body": ["JSON nested too deeply"]}, "The body is not a document.") from None
        if not isinstance(record, dict):
            raise ValidationProblem({"body": ["must be a JSON object"]})
    try:
        return DocumentBodySchema().load(record)
    except ValidationError as error:
        raise ValidationProblem(error.messages) from None


def register_blueprints(app: Flask) -> None:
    from api.routes import documents, events, meta, parse, page, timeline

    for module in (meta, events, documents, parse, timeline, page):
        app.register_blueprint(module.bp)
