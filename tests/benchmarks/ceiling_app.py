"""The API plus two fixed-page routes, served by gunicorn for `bench_api.py --ceiling` only.

    DATABASE_URL=... python tests/benchmarks/ceiling_app.py --port 8123 [--workers N]

At start-up it reads one real one-week page from the store. Then:

- `GET /bench/fixed-page` answers that page through the same code a range query
  ends in (`json_page_response`, the ETag, CORS and security-header hooks), but
  reads no store and parses no query string;
- `GET /bench/fixed-bytes` answers the same bytes as a plain Response.

Against the same server's `/healthz` these give the ceiling of a range query on
this stack: what it would reach if the store and webargs cost nothing
(fixed-page), and what the response size alone costs (fixed-bytes). Nothing
here is imported by the application.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PAGE_WEEK_START = date(2012, 3, 1)


def create():
    from flask import Response, g

    from api import create_app
    from api.pagination import json_page_response
    from api.store import get_store

    app = create_app()
    with app.app_context():
        page = get_store().query_event_bodies(start=PAGE_WEEK_START, end=PAGE_WEEK_START + timedelta(days=6))
    with app.test_request_context("/api/v1/events?from=2012-03-01&to=2012-03-07"):
        body = json_page_response(page.bodies, page.next_cursor).get_data()

    @app.get("/bench/fixed-page")
    def fixed_page():
        g.etag = 'W/"fixed-page"'  # the real view's tag is computed before it runs, not hashed after
        return json_page_response(page.bodies, page.next_cursor)

    @app.get("/bench/fixed-bytes")
    def fixed_bytes():
        g.etag = 'W/"fixed-bytes"'
        return Response(body, mimetype="application/json")

    return app


def main(argv=None) -> int:
    from api.cli import run_gunicorn

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    run_gunicorn(create, "127.0.0.1", args.port, args.workers)  # the settings `timeline serve` uses
    return 0


if __name__ == "__main__":
    sys.exit(main())
