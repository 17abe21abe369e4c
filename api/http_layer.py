"""Response-wide HTTP behaviour: ETag/304, gzip and CORS (CONTRACT §3).

ETags on store-backed GETs come from the store's data version (bumped on
every write) plus the request's path and query, so a client revalidating an
unchanged page gets its 304 before any query runs. Such a GET reads through
one store snapshot (`Store.snapshot`), opened here before the version is read
and closed when the request ends: one database connection per request, and
a tag never newer than the rows it tags. Other GETs (health, the spec) are
tagged by a hash of their body. Tags are weak because gzip changes the bytes
but not the meaning.
"""
from __future__ import annotations

import contextlib
import gzip
import hashlib

from flask import Flask, Response, current_app, g, request

STORE_BLUEPRINTS = ("events", "documents", "timeline")
COMPRESSIBLE = ("application/json", "application/problem+json", "application/yaml",
                "application/javascript", "text/")
MIN_GZIP_BYTES = 500
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
EXPOSED_HEADERS = "Link, ETag"
ALLOWED_REQUEST_HEADERS = "Authorization, Content-Type, If-None-Match"


def _weak_tag(*parts: str) -> str:
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def _client_has(tag: str, star_matches: bool = True) -> bool:
    header = request.headers.get("If-None-Match", "")
    if header.strip() == "*":
        return star_matches
    wanted = tag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == wanted for candidate in header.split(","))


def _not_modified(tag: str) -> Response:
    response = Response(status=304)
    response.headers["ETag"] = tag
    return response


def _store_tag() -> str | None:
    if request.method not in ("GET", "HEAD") or request.blueprint not in STORE_BLUEPRINTS:
        return None
    from api.store import get_store

    store = get_store()
    g.store_snapshot = contextlib.ExitStack()
    g.store_snapshot.enter_context(store.snapshot())
    return _weak_tag(str(store.data_version()), request.full_path)


def teardown_request(_error=None) -> None:
    snapshot = g.pop("store_snapshot", None)
    if snapshot is not None:
        snapshot.close()


def before_request():
    tag = _store_tag()
    if tag:
        g.etag = tag
        # Before the view runs we do not know that the resource exists or that
        # the query is valid, so "*" waits for a 200 (after_request).
        if _client_has(tag, star_matches=False):
            return _not_modified(tag)
    return None


def after_request(response: Response) -> Response:
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.direct_passthrough:
        tag = g.get("etag") or response.headers.get("ETag") or _weak_tag(response.get_data(as_text=False).hex())
        response.headers["ETag"] = tag
        if _client_has(tag):
            response = _not_modified(tag)
    _gzip(response)
    _cors(response)
    _security_headers(response)
    return response


# The page is plain files from the app itself: nothing inline, nothing from elsewhere.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _security_headers(response: Response) -> None:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", PAGE_CSP)


def _gzip(response: Response) -> None:
    if (response.status_code < 200 or response.status_code in (204, 304) or response.direct_passthrough
            or "Content-Encoding" in response.headers
            or not (response.mimetype or "").startswith(COMPRESSIBLE)):
        return
    response.vary.add("Accept-Encoding")
    if request.accept_encodings["gzip"] <= 0:
        return
    data = response.get_data()
    if len(data) < MIN_GZIP_BYTES:
        return
    response.set_data(gzip.compress(data, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"


def _cors(response: Response) -> None:
    origin = request.headers.get("Origin")
    if not origin:
        return
    allowed = current_app.config.get("TIMELINE_CORS_ORIGINS", "*")
    method = request.headers.get("Access-Control-Request-Method", request.method).upper() \
        if request.method == "OPTIONS" else request.method
    if allowed == "*":
        if method not in SAFE_METHODS:
            return  # any origin may read; only configured origins may write
        response.headers["Access-Control-Allow-Origin"] = "*"
    elif origin.rstrip("/") in allowed:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.vary.add("Origin")
    else:
        response.vary.add("Origin")
        return
    response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        methods = "GET, HEAD, OPTIONS" if allowed == "*" else "GET, HEAD, OPTIONS, POST, DELETE"
        response.headers["Access-Control-Allow-Methods"] = methods
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_REQUEST_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"


def register_http_layer(app: Flask) -> None:
    app.before_request(before_request)
    app.after_request(after_request)
    app.teardown_request(teardown_request)
