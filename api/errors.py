"""The one place that turns every failure into RFC 9457 problem+json.

Views raise; they never build error responses. HTTP errors (404, 405, 413,
...) keep their status, validation failures become 400 with field-level
`errors`, and anything unexpected becomes a 500 whose body says nothing about
the code (the traceback goes to the log only).
"""
from __future__ import annotations

import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("api.errors")


class ValidationProblem(Exception):
    """Bad input: 400 with field-level errors, e.g. {"from": ["is after 'to'"]}."""

    def __init__(self, errors: dict, detail: str | None = None, status: int = 400):
        super().__init__(detail or "the request has invalid fields")
        self.errors = errors
        self.detail = detail or "The request has invalid fields; see 'errors'."
        self.status = status


class Problem(Exception):
    """Any other error a view wants to answer with a specific status."""

    def __init__(self, status: int, detail: str, headers: dict | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


TITLES = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 409: "Conflict", 413: "Content Too Large",
    415: "Unsupported Media Type", 422: "Unprocessable Content", 429: "Too Many Requests",
    500: "Internal Server Error", 503: "Service Unavailable",
}


def problem_response(status: int, detail: str, errors: dict | None = None, headers: dict | None = None):
    body = {"type": "about:blank", "title": TITLES.get(status, "Error"), "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _http_error(error: HTTPException):
    status = error.code or 500
    if status >= 500:
        return _unexpected(error)
    headers = {}
    allow = error.get_headers() if status == 405 else []
    for name, value in allow:
        if name.lower() == "allow":
            headers["Allow"] = value
    detail = error.description or TITLES.get(status, "Error")
    if status == 404:
        detail = f"Nothing is found at {request.path}."
    elif status == 405:
        detail = f"{request.method} is not allowed on {request.path}."
    return problem_response(status, detail, headers=headers)


def _unexpected(error: Exception):
    if not isinstance(error, HTTPException) or (error.code or 500) >= 500:
        log.error("unhandled error on %s %s", request.method, request.path, exc_info=error)
    status = error.code if isinstance(error, HTTPException) and error.code else 500
    return problem_response(status, "The server could not complete the request. The error has been logged.")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(
        ValidationProblem, lambda e: problem_response(e.status, e.detail, errors=e.errors))
    app.register_error_handler(Problem, lambda e: problem_response(e.status, e.detail, headers=e.headers))
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(InternalServerError, _unexpected)
    app.register_error_handler(Exception, _unexpected)
