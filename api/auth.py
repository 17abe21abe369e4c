"""Bearer-token protection for writes (CONTRACT §3 "Writes").

No token configured: every write is refused with 403, so a fresh deployment
is read-only until someone chooses a token. The comparison runs in constant
time so the token cannot be guessed byte by byte from response timings.
"""
from __future__ import annotations

import hmac
from functools import wraps

from flask import current_app, request

from api.errors import Problem

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="timeline"'}


def check_write_token() -> None:
    expected = current_app.config.get("TIMELINE_API_TOKEN")
    if not expected:
        raise Problem(403, "Writes are disabled: the server has no TIMELINE_API_TOKEN configured.")
    header = request.headers.get("Authorization", "")
    scheme, _, supplied = header.partition(" ")
    if scheme.lower() != "bearer" or not supplied.strip():
        raise Problem(401, "This write needs an 'Authorization: Bearer <token>' header.", CHALLENGE)
    if not hmac.compare_digest(supplied.strip().encode(), expected.encode()):
        raise Problem(401, "The bearer token is not valid.", CHALLENGE)


def write_protected(view):
    @wraps(view)
    def guarded(*args, **kwargs):
        check_write_token()
        return view(*args, **kwargs)
    return guarded
