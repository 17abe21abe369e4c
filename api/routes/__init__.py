"""Blueprints, one per resource, and the two helpers every view shares:
`use_query` (query parameters through a marshmallow schema via webargs) and
`document_body` (the JSON or text body of a document write)."""
from __future__ import annotations

import json

from flask import Flask, request
from marshmallow import ValidationError
from webargs.flaskparser import FlaskParser

from api.documents_io import DocumentReadError, decode_text
from api.errors import Problem, ValidationProblem
from schemas.documents import DocumentBodySchema


class _Parser(FlaskParser):
    DEFAULT_VALIDATION_STATUS = 400


parser = _Parser()


@parser.error_handler
def _raise_problem(error, req, schema, *, error_status_code, error_headers):
    messages = error.messages
    # webargs nests messages under the location ("query"); callers want the fields.
    if isinstance(messages, dict) and set(messages) <= {"query", "json", "form", "view_args"} and messages:
        flattened = {}
        for fields_of_location in messages.values():
            flattened.update(fields_of_location)
        messages = flattened
    raise ValidationProblem(messages)


def use_query(schema_class):
    """Decorator: pass the validated query parameters as the view's first argument."""
    return parser.use_args(schema_class(), location="query")


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
