"""Latency of a date-range query at N stored events, on SQLite and PostgreSQL.

    python tests/benchmarks/bench_query.py                 # 100,000 events, both stores
    python tests/benchmarks/bench_query.py --events 1000000 --stores postgres

Rows are generated straight into the store's tables (no parsing), spread over
1990-2025 like a news archive: mostly one-day events, some weeks and months,
a few long or open-ended ones, one mention each. PostgreSQL is a throwaway
server started the way the test fixture starts it (initdb/pg_ctl in a
temporary folder, as the postgres user when run as root); without the
binaries that store is skipped with a note. The query is the one behind
GET /api/v1/events?from=...&to=...: events overlapping the range, first page
of 50 (their stored JSON, mentions included), run against random ranges; figures are the median
and 95th percentile in milliseconds, plus the same through the Flask app.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import sqlalchemy as sa  # noqa: E402

from api.store import (  # noqa: E402
    LONG_CLASS, LONG_EVENT_DAYS, OPEN_END, Store, documents_table, events_table, mentions_table, meta_table,
    span_class)
from tests.benchmarks.bench_api import served_json  # noqa: E402
from tests.pg_server import PostgresUnavailable, throwaway_postgres  # noqa: E402

FIRST_DAY = date(1990, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days
GRAINS = ["day"] * 80 + ["week"] * 6 + ["month"] * 6 + ["year"] * 2 + ["vague"] * 6
CATEGORIES = ["attack", "statement", "ceremony", "accident", "legal", "political", "other"]
BATCH = 5000


def event_rows(count: int, seed: int = 1):
    rng = random.Random(seed)
    for number in range(count):
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        grain = rng.choice(GRAINS)
        length = {"day": 0, "week": 6, "month": 30, "year": 364, "vague": 14}[grain]
        roll = rng.random()
        if roll < 0.01:
            end = None  # open-ended: "since the conflict began"
        elif roll < 0.03:
            end = start + timedelta(days=rng.randrange(LONG_EVENT_DAYS + 1, 4000))  # a long campaign
        else:
            end = start + timedelta(days=length)
        start_key, end_key = start.isoformat(), end.isoformat() if end else OPEN_END
        span = span_class(start_key, end_key)
        event_id = f"evt_{number:08d}"
        headline = f"Event {number} in {rng.choice(['Kyiv', 'Moscow', 'Paris', 'Lagos', 'Lima'])}"
        event = dict(id=event_id, headline=headline, summary=headline + ", officials said.",
                     category=rng.choice(CATEGORIES), start_date=start_key,
                     end_date=end.isoformat() if end else None, start_key=start_key, end_key=end_key,
                     is_long=span == LONG_CLASS, span_class=span, grain=grain, value=None,
                     sources=[f"doc_{number // 10:07d}"], updated_version=1)
        mention = dict(document_id=f"doc_{number // 10:07d}", event_id=event_id, sentence=headline + ".",
                       sentence_start=0, sentence_end=len(headline) + 1, trigger="Event", trigger_start=0,
                       trigger_end=5, time_text=None, time_start=None, time_end=None, start_date=start_key,
                       end_date=end.isoformat() if end else None, grain=grain, value=None, category="other",
                       headline=headline, keywords=["event"], participants=[])
        event["body"] = served_json(event, [mention])  # what the API serves, as the store writes it
        yield event, mention


def fill(store: Store, count: int) -> float:
    """Write `count` events (and their documents and mentions) straight into the tables."""
    began = time.perf_counter()
    store.drop_schema()
    store.create_schema()
    with store.engine.begin() as conn:
        conn.execute(documents_table.insert(), [
            dict(id=f"doc_{n:07d}", text=f"article {n}", content_hash=f"{n:064d}", published=None,
                 reference_date="2023-01-01", reference_date_source="assumed",
                 reference_date_evidence="benchmark", title=None, url=None, source=None)
            for n in range((count + 9) // 10)])
    events, mentions = [], []
    for event, mention in event_rows(count):
        events.append(event)
        mentions.append(mention)
        if len(events) == BATCH:
            _flush(store, events, mentions)
    _flush(store, events, mentions)
    with store.engine.begin() as conn:
        conn.execute(meta_table.update().values(value=1))
        if store.is_postgres:
            conn.execute(sa.text("ANALYZE"))
        else:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - began


def _flush(store, events, mentions):
    if events:
        with store.engine.begin() as conn:
            conn.execute(events_table.insert(), events)
            conn.execute(mentions_table.insert(), mentions)
        events.clear()
        mentions.clear()


def ranges(count: int, days: int, seed: int = 7) -> list[tuple[date, date]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - days))
        out.append((start, start + timedelta(days=days - 1)))
    return out


def timed(call, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def bench(name: str, url: str, count: int, repeat: int) -> list[str]:
    store = Store(url)
    fill_seconds = fill(store, count)
    lines = [f"{name}: {count:,} events written in {fill_seconds:.1f} s"]
    # query_event_bodies is what GET /api/v1/events runs: the page as the events' stored JSON
    for label, days, limit in (("1 day", 1, 50), ("1 week", 7, 50), ("1 month", 31, 50), ("1 year", 365, 50),
                               ("1 year, page of 500", 365, 500)):
        todo = iter(ranges(repeat, days) * 2)

        def one():
            start, end = next(todo)
            page = store.query_event_bodies(start=start, end=end, limit=limit)
            assert len(page.bodies) <= limit

        store.query_event_bodies(start=date(2000, 1, 1), end=date(2000, 1, 7))  # warm the pool and cache
        median, p95 = timed(one, repeat)
        lines.append(f"  query_event_bodies  {label:<20} median {median:7.2f} ms   p95 {p95:7.2f} ms")
    latest = FIRST_DAY + timedelta(days=DAYS - 31)  # the newest month: the end of every index
    median, p95 = timed(lambda: store.query_event_bodies(start=latest, end=latest + timedelta(days=30)), repeat)
    lines.append(f"  query_event_bodies  {'newest month':<20} median {median:7.2f} ms   p95 {p95:7.2f} ms")

    from api import create_app

    app = create_app({"DATABASE_URL": url, "TIMELINE_SEED_DIR": "none", "TESTING": True,
                      "TIMELINE_LOG_LEVEL": "WARNING"})
    client = app.test_client()
    todo = iter(ranges(repeat, 31, seed=11) * 2)

    def http():
        start, end = next(todo)
        response = client.get(f"/api/v1/events?from={start}&to={end}")
        assert response.status_code == 200, response.get_data(as_text=True)

    median, p95 = timed(http, repeat)
    lines.append(f"  GET /api/v1/events  {'1 month (HTTP)':<20} median {median:7.2f} ms   p95 {p95:7.2f} ms")
    lines.append("  plan: " + plan(store))
    app.extensions["timeline_store"].dispose()
    store.dispose()
    return lines


def plan(store: Store) -> str:
    """The database's plan for the SELECT behind a one-month page: it should name an index."""
    from api.store import _page_query

    query, params = _page_query(("body",), start=date(2010, 5, 1), end=date(2010, 5, 31), limit=51,
                                limit_each_branch=store.is_postgres)
    compiled = query.params(params).compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.engine.connect() as conn:
        if store.is_postgres:
            rows = conn.execute(sa.text(f"EXPLAIN {compiled}")).scalars().all()
        else:
            rows = [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")]
    return " | ".join(line.strip() for line in rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200, help="queries per measurement")
    parser.add_argument("--stores", default="sqlite,postgres")
    args = parser.parse_args(argv)
    stores = args.stores.split(",")
    print(f"date-range query latency at {args.events:,} stored events ({args.repeat} random ranges each)")
    if "sqlite" in stores:
        with tempfile.TemporaryDirectory(prefix="timeline-bench-") as folder:
            for line in bench("SQLite", f"sqlite:///{folder}/bench.db", args.events, args.repeat):
                print(line, flush=True)
    if "postgres" in stores:
        try:
            with throwaway_postgres("-c shared_buffers=256MB", prefix="timeline-bench-pg-") as url:
                for line in bench("PostgreSQL 15", url, args.events, args.repeat):
                    print(line, flush=True)
        except PostgresUnavailable as reason:
            print(f"PostgreSQL: skipped ({reason})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
