"""Keyset pagination in the datasette style: an opaque `next` cursor, the
ready-made `next_url`, and the same link in a `Link: <...>; rel="next"` header."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import jsonify, request

from schemas.pages import PageSchema


def next_url(cursor: str | None) -> str | None:
    """This request's URL with `cursor` replaced, or None on the last page."""
    if cursor is None:
        return None
    args = [(key, value) for key, value in request.args.items(multi=True) if key != "cursor"]
    args.append(("cursor", cursor))
    return f"{request.base_url}?{urlencode(args)}"


def page_response(data: list, cursor: str | None):
    url = next_url(cursor)
    response = jsonify(PageSchema().dump({"data": data, "next": cursor, "next_url": url}))
    if url:
        response.headers["Link"] = f'<{url}>; rel="next"'
    return response
