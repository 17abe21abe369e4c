"""Hostile input against the parser and every endpoint: never a 5xx, never a hang (issue 7).

Hypothesis sends random Unicode (lone surrogates and control characters
included), invalid and extreme dates, odd content types, random bytes,
deeply nested JSON and bodies past the size limit, through Flask's test
client, to every route of the app with every method. Each request runs under
an alarm (HANG_SECONDS): a hang fails the test instead of blocking it.

The bounds, as they stand (measured on this 2-core machine under load):

- size: a request body is capped at TIMELINE_MAX_BODY_BYTES (default 1 MiB,
  answered 413, chunked bodies too); `from`/`to` phrases at 100 characters,
  `q` at 200, `limit` at 500.
- time: `api.extract.pipeline.parse` has no deadline and no input cap of its
  own; its speed is the bound. `test_parse_endpoint_time_at_the_body_cap`
  requires 1 MiB of wire text repeating one event (the worst shape found) to
  parse through POST /api/v1/parse within CAP_BOUND_SECONDS (30 s, half of
  gunicorn's 60 s worker timeout); it took 11.4 s at 03:10 UTC on this
  machine. `test_parse_endpoint_time_on_hostile_text` holds PARSE_PROBE_BYTES
  (128 KiB) of each hostile shape to PARSE_BOUND_SECONDS (15 s).
  History: before commits 270064b (merge: explicit dates checked in constant
  time) and the pipeline's long-sentence fix, 1 MiB of wire text took ~110 s
  and 16 KiB of one endless sentence 22 s.
- deeply nested JSON (up to the 1 MiB cap, 500,000 levels) answers 400 since
  commit 616220a; it was a 500 (RecursionError) before.
"""
from __future__ import annotations

import contextlib
import json
import signal
import time
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import skip_or_fail
from tests.ops.conftest import module_available

pytestmark = [pytest.mark.slow]

HANG_SECONDS = 30
PARSE_BOUND_SECONDS = 15
PARSE_PROBE_BYTES = 128 * 1024
CAP_BOUND_SECONDS = 30
TOKEN = "hostile-input-token"
MIB = 1024 * 1024

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so Flask's error handlers cannot turn it into a 500."""


@contextlib.contextmanager
def time_limit(seconds: int, what: str):
    def _expired(signum, frame):
        raise Hang(f"{what} took more than {seconds}s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from api import create_app
    from tests.benchmarks.bench_api import fill

    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.db'}"
    fill(url, 500, log=lambda *a: None)  # real ids, ranges and documents to aim at
    app = create_app({"DATABASE_URL": url, "TIMELINE_SEED_DIR": "none", "TIMELINE_API_TOKEN": TOKEN})
    yield app
    app.extensions["timeline_store"].dispose()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def _check(response, what: str) -> None:
    body = response.get_data()
    assert response.status_code < 500, f"{what} -> {response.status_code}: {body[:500]!r}"
    assert b"Traceback" not in body, f"{what} leaked a traceback"


def request(client, method: str, path: str, what: str | None = None, **kwargs):
    what = what or f"{method} {path[:200]!r}"
    with time_limit(HANG_SECONDS, what):
        response = client.open(path, method=method, **kwargs)
    _check(response, what)
    return response


# ------------------------------------------------------------------ strategies

ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
CONTROL = st.sampled_from(["\x00", "\x01", "\x08", "\x1b[31m", "\r", "\n", "\r\n", "\t", "\x7f", "\x85",
                           "\u2028", "\u202e", "\ufeff", "\ufffe", "\ud800", "\udfff", "\U0010ffff", "%00",
                           "%", "%zz", "'", "\"", "\\", "<script>", "../../etc/passwd", ";--"])
BAD_DATES = st.sampled_from([
    "2023-02-30", "2023-13", "2023-00-10", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01",
    "-1", "-2023-05-01", "99999999999999999999", "1e308", "NaN", "inf", "", " ", "2023-05-03T25:00",
    "31/12/9999", "in 10000 years", "10000 years ago", "the day after the end of time", "tomorrow",
    "3 May 2023" * 20, "May 0", "February 29 2023", "0", "2023-W99", "2023-05-03/2023-05-01",
    "\x00", "٢٠٢٣-٠٥-٠٣", "２０２３-０５-０３", "3 mai 2023", "yesterday" * 30,
])
HOSTILE_TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=200),
    st.lists(st.one_of(CONTROL, BAD_DATES, st.text(ANY_CHAR, max_size=20)), max_size=12).map("".join),
    BAD_DATES,
)
QUERY_KEYS = ["from", "to", "q", "category", "document", "grain", "include_vague", "sort", "limit",
              "cursor", "format", "from", "to"]
QUERY = st.dictionaries(st.one_of(st.sampled_from(QUERY_KEYS), st.text(ANY_CHAR, max_size=10)),
                        st.one_of(HOSTILE_TEXT, st.integers(-10**30, 10**30).map(str)), max_size=6)
JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40), st.floats(), HOSTILE_TEXT)
JSON_VALUE = st.recursive(JSON_LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(ANY_CHAR, max_size=8), inner, max_size=4)), max_leaves=12)
DOCUMENT_BODY = st.fixed_dictionaries(
    {}, optional={"text": st.one_of(HOSTILE_TEXT, JSON_VALUE), "published": st.one_of(BAD_DATES, JSON_LEAF),
                  "title": st.one_of(HOSTILE_TEXT, JSON_LEAF), "url": HOSTILE_TEXT,
                  "source": st.one_of(HOSTILE_TEXT, JSON_LEAF), "id": HOSTILE_TEXT})
CONTENT_TYPES = st.sampled_from(["application/json", "text/plain", "application/problem+json",
                                 "application/json; charset=latin-1", "text/plain; charset=utf-16",
                                 "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                                 "application/octet-stream", "", "*/*", "application/merge-patch+json"])


def encode_query(params: dict) -> str:
    """Percent-encode every byte, lone surrogates included (as a browser never would)."""
    return "&".join(f"{quote(k.encode('utf-8', 'surrogatepass'), safe='')}="
                    f"{quote(v.encode('utf-8', 'surrogatepass'), safe='')}" for k, v in params.items())


def json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=True, allow_nan=True).encode()  # \ud800 escapes stay lone


# ------------------------------------------------------------------ endpoints

READ_PATHS = ["/api/v1/events", "/api/v1/timeline", "/api/v1/documents"]


@SETTINGS
@given(path=st.sampled_from(READ_PATHS), params=QUERY)
def test_query_parameters_never_5xx(client, path, params):
    request(client, "GET", f"{path}?{encode_query(params)}")


@SETTINGS
@given(kind=st.sampled_from(["events", "documents"]), ident=HOSTILE_TEXT)
def test_unknown_or_hostile_ids_never_5xx(client, kind, ident):
    encoded = quote(ident.encode("utf-8", "surrogatepass"), safe="")
    response = request(client, "GET", f"/api/v1/{kind}/{encoded}")
    assert response.status_code in (200, 404, 400, 308)


@SETTINGS
@given(body=st.one_of(DOCUMENT_BODY.map(json_bytes), JSON_VALUE.map(json_bytes), st.binary(max_size=300),
                      HOSTILE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       content_type=CONTENT_TYPES, path=st.sampled_from(["/api/v1/parse", "/api/v1/documents"]))
def test_write_bodies_never_5xx(client, body, content_type, path):
    if not module_available("api.extract.pipeline"):
        skip_or_fail("api.extract.pipeline has not landed: a valid body would reach a missing engine")
    headers = {"Authorization": f"Bearer {TOKEN}"}
    if content_type:
        headers["Content-Type"] = content_type
    request(client, "POST", path, data=body, headers=headers)


@pytest.mark.parametrize("depth", [100, 1_000, 100_000, 500_000])
@pytest.mark.parametrize("path", ["/api/v1/parse", "/api/v1/documents"])
def test_deeply_nested_json_is_refused_not_crashed(client, path, depth):
    body = b"[" * depth + b"]" * depth
    nested_object = b'{"text":' * depth + b'"x"' + b"}" * depth
    for payload in (body, nested_object):
        if len(payload) > MIB:
            payload = payload[:MIB]  # still unbalanced and deep: the parser must refuse it
        response = request(client, "POST", path, data=payload, what=f"{depth}-deep JSON to {path}",
                           headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
        assert 400 <= response.status_code < 500


@pytest.mark.parametrize("path", ["/api/v1/parse", "/api/v1/documents"])
def test_bodies_over_the_limit_get_413(client, path):
    body = json.dumps({"text": "x" * (MIB + 10)}).encode()
    response = request(client, "POST", path, data=body, what=f"huge body to {path}",
                       headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    # No Content-Length (chunked): the cap must hold while streaming too.
    response = request(client, "POST", path, input_stream=__import__("io").BytesIO(body),
                       what=f"huge chunked body to {path}",
                       headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked",
                                "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (400, 411, 413)


def test_every_route_with_every_method_never_5xx(app, client):
    rules = sorted({rule.rule for rule in app.url_map.iter_rules()})
    assert "/api/v1/events" in rules
    for rule in rules:
        path = rule.replace("<path:filename>", "nowhere.css")
        for name in ("doc_id", "event_id"):
            path = path.replace(f"<{name}>", "no-such-id")
        for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"):
            request(client, method, path, data=b"\x00\xff{", headers={"Content-Type": "application/json"})


def test_delete_of_hostile_ids_never_5xx(client):
    for ident in ["no-such-id", "%00", "..%2F..%2Fetc", "x" * 5000, "%ED%A0%80", "evt_0000000001"]:
        request(client, "DELETE", f"/api/v1/documents/{ident}", headers={"Authorization": f"Bearer {TOKEN}"})


# ------------------------------------------------------------------ the parser itself

@SETTINGS
@given(text=HOSTILE_TEXT, published=st.one_of(st.none(), st.dates()))
def test_parser_entry_survives_hostile_text(text, published):
    if not module_available("api.extract.pipeline"):
        skip_or_fail("api.extract.pipeline has not landed")
    from api.extract.model import DocumentInput
    from api.extract.pipeline import parse

    with time_limit(HANG_SECONDS, "pipeline.parse"):
        timeline = parse([DocumentInput(id="hostile", text=text, published=published)])
    for event in timeline.events:
        for mention in event.mentions:
            assert 0 <= mention.sentence_span[0] <= mention.sentence_span[1] <= len(text)


HOSTILE_SHAPES = {
    "wire text": ("LYON, France, May 3 (Wire) - A fire broke out on Tuesday night and burned until "
                  "3 May 2023, officials said on Wednesday. "),
    "no spaces": "a",
    "digits": "2023-05-03 12 1999 ",
    "control and unicode": "\x00\u202e日本語 2023年5月3日 \ufeff\r\n",
    "one endless clause": "and then on Tuesday they said ",
    "short lines": "Ferry sinks off Zanzibar\n",  # every line a heading
}
def _shape(name: str, size: int) -> str:
    unit = HOSTILE_SHAPES[name]
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("name", list(HOSTILE_SHAPES))
def test_parse_endpoint_time_on_hostile_text(client, name):
    """The time bound that holds today: PARSE_PROBE_BYTES of hostile text answered within
    PARSE_BOUND_SECONDS through POST /api/v1/parse (far below the 1 MiB body cap: see the module doc)."""
    if not module_available("api.extract.pipeline"):
        skip_or_fail("api.extract.pipeline has not landed")
    body = json.dumps({"text": _shape(name, PARSE_PROBE_BYTES), "published": "2023-05-03"}).encode()
    started = time.perf_counter()
    with time_limit(PARSE_BOUND_SECONDS, f"POST /api/v1/parse of {PARSE_PROBE_BYTES} bytes of {name!r}"):
        response = client.post("/api/v1/parse", data=body, headers={"Content-Type": "application/json"})
    elapsed = time.perf_counter() - started
    _check(response, name)
    assert response.status_code == 200
    print(f"{name}: {PARSE_PROBE_BYTES} bytes parsed in {elapsed:.2f}s")


def test_parse_endpoint_time_at_the_body_cap(client):
    """The bound the issue asks for: a body at the 1 MiB cap parses within CAP_BOUND_SECONDS,
    well inside gunicorn's 60 s worker timeout."""
    if not module_available("api.extract.pipeline"):
        skip_or_fail("api.extract.pipeline has not landed")
    text = _shape("wire text", MIB - 200)
    body = json.dumps({"text": text, "published": "2023-05-03"}).encode()
    assert len(body) <= MIB
    started = time.perf_counter()
    with time_limit(CAP_BOUND_SECONDS, "POST /api/v1/parse of 1 MiB of wire text"):
        response = client.post("/api/v1/parse", data=body, headers={"Content-Type": "application/json"})
    elapsed = time.perf_counter() - started
    _check(response, "1 MiB of wire text")
    assert response.status_code == 200
    print(f"wire text at the body cap: {len(body)} bytes parsed in {elapsed:.2f}s")
