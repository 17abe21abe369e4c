"""Requests/s and p50/p99 latency of the API at a million events, as ratios to /healthz.

    python tests/benchmarks/bench_api.py                         # 1,000,000 events, SQLite and PostgreSQL
    python tests/benchmarks/bench_api.py --events 20000 --duration 3 --stores sqlite   # a quick run
    python tests/benchmarks/bench_api.py --json

For each store the script:

1. fills a fresh database with --events synthetic events (one mention each,
   every 5th event a second one, 50 mentions per synthetic document),
   generated straight into the store's own tables (`api.store`): bulk
   executemany INSERTs with the indexes dropped and rebuilt afterwards on
   SQLite, COPY into the same columns on PostgreSQL (then VACUUM ANALYZE);
2. runs `timeline serve` (gunicorn, its default worker count unless
   --workers) on a free loopback port with that DATABASE_URL and
   TIMELINE_SEED_DIR=none;
3. runs `wrk` against it, one endpoint after the other in the same server run:
   `/healthz`, a one-week `from`/`to` range query (a different week on every
   request), a text query (`q=` a word in ~1% of headlines, no range), and an
   event by id (a random id on every request);
4. prints requests/s, p50/p99 latency and non-2xx/socket errors, each
   endpoint's throughput as a ratio to /healthz, and whether the issue's target
   (range queries >= 60% of /healthz throughput with p99 < 50 ms) is met.

PostgreSQL is a throwaway server started the same way as the `postgres_url`
fixture in tests/conftest.py (initdb in a temporary folder, fsync off, as the
postgres user when run as root). Nothing leaves 127.0.0.1.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import statistics
import sqlite3  # noqa: F401  (the SQLite driver must be there)
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests import pg_server  # noqa: E402
from tests.pg_server import PG_BIN, free_port  # noqa: E402,F401  (PG_BIN: tests/ops look it up here)

FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2025, 12, 31)
TEXT_NEEDLE = "ceasefire"          # in about 1% of headlines
ABSENT_WORD = "zyzzyva"            # in no event: without a text index, a pass over all of them
MENTIONS_PER_DOCUMENT = 50
CHUNK = 20_000
TARGET_RATIO, TARGET_P99_MS = 0.60, 50.0

PLACES = ["Kyiv", "Lagos", "Lima", "Oslo", "Dhaka", "Quito", "Hanoi", "Accra", "Porto", "Tunis",
          "Riga", "Perth", "Cusco", "Davao", "Mosul", "Nantes", "Bergen", "Malmo", "Sendai", "Leeds"]
SUBJECTS = ["fire", "flood", "strike", "protest", "election", "storm", "port closure", "court ruling",
            "drone attack", "cyber attack", "earthquake", "summit", "parade", "ban", "blackout"]
VERBS = ["hit", "closed", "reported in", "announced in", "spread across", "halted traffic in", "ended in"]
CATEGORIES = ["attack", "statement", "ban or restriction", "ceremony", "sabotage", "accident",
              "legal", "political", "other"]


# ------------------------------------------------------------------ synthetic data

class _Day:
    """Every string the generator needs for one calendar day, computed once."""
    __slots__ = ("day", "iso", "long", "short", "week", "month", "year")

    def __init__(self, day: date):
        self.day, self.iso = day, day.isoformat()
        self.long, self.short = day.strftime("%A %d %B %Y"), day.strftime("%d %B %Y")
        iso_year, iso_week, _ = day.isocalendar()
        self.week, self.month, self.year = f"{iso_year}-W{iso_week:02d}", self.iso[:7], self.iso[:4]


def _grain_and_end(rng: random.Random, start: _Day) -> tuple[str, date | None, str]:
    """A grain, end date and TIMEX value with a news-like mix (mostly single days)."""
    roll = rng.random()
    if roll < 0.70:
        return "day", start.day, start.iso
    if roll < 0.80:
        return "week", start.day + timedelta(days=6), start.week
    if roll < 0.90:
        return "month", start.day + timedelta(days=29), start.month
    if roll < 0.95:
        return "vague", start.day + timedelta(days=13), "PAST_REF"
    if roll < 0.99:
        return "year", start.day + timedelta(days=364), start.year
    if roll < 0.995:  # long: a multi-year stretch
        return "decade", start.day + timedelta(days=3650), start.year[:3]
    return "vague", None, "PAST_REF"  # open end: "since ..."


def generate(n_events: int, seed: int = 7):
    """Yields (documents, events, mentions) row chunks in the store's column names."""
    import api.store as store_module
    from api.store import OPEN_END

    # The store's own classification of an interval, whichever generation of the schema this is:
    # a span_class column (with is_long = the last class), or only is_long.
    classify = getattr(store_module, "span_class", None)
    # ... and, where events keep their served JSON, the store's own serializer for it
    serve = "body" in store_module.events_table.c and served_json
    long_class = getattr(store_module, "LONG_CLASS", None)
    long_days = getattr(store_module, "LONG_EVENT_DAYS", 400)
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    days = [_Day(FIRST_DAY + timedelta(days=k)) for k in range(span + 4000)]
    n_docs = max(1, -(-n_events // MENTIONS_PER_DOCUMENT))
    docs, events, mentions = [], [], []
    for d in range(n_docs):
        published = days[rng.randrange(span)].iso
        text = f"Synthetic benchmark article number {d}, published {published}."
        docs.append(dict(id=f"bench-doc-{d:07d}", text=text,
                         content_hash=hashlib.sha256(text.encode()).hexdigest(),
                         published=published, reference_date=published,
                         reference_date_source="given", reference_date_evidence=None,
                         title=f"Synthetic article {d}", url=None, source="bench"))
        if len(docs) >= CHUNK:
            yield docs, [], []
            docs = []
    yield docs, [], []
    docs = []
    for i in range(n_events):
        start = days[rng.randrange(span)]
        grain, end, value = _grain_and_end(rng, start)
        end_iso = end.isoformat() if end else None
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        if rng.random() < 0.01:
            subject = TEXT_NEEDLE + " " + subject
        headline = f"{subject.capitalize()} {rng.choice(VERBS)} {place}"
        summary = f"Officials said the {subject} {rng.choice(VERBS)} {place} on {start.long}."
        category = rng.choice(CATEGORIES)
        doc_ids = [f"bench-doc-{(i // MENTIONS_PER_DOCUMENT):07d}"]
        if i % 5 == 0:
            doc_ids.append(f"bench-doc-{rng.randrange(n_docs):07d}")
        event_id = f"evt_{i:010d}"
        row = dict(id=event_id, headline=headline, summary=summary, category=category,
                   start_date=start.iso, end_date=end_iso, start_key=start.iso, end_key=end_iso or OPEN_END,
                   grain=grain, value=value, sources=sorted(set(doc_ids)), updated_version=1)
        if classify is not None:
            row["span_class"] = classify(row["start_key"], row["end_key"])
            row["is_long"] = row["span_class"] == long_class
        else:
            row["is_long"] = end is None or (end - start.day).days > long_days
        events.append(row)
        trigger = subject.rsplit(" ", 1)[-1]
        first_mention = len(mentions)
        for doc_id in doc_ids:
            mentions.append(dict(document_id=doc_id, event_id=event_id, sentence=summary,
                                 sentence_start=0, sentence_end=len(summary),
                                 trigger=trigger, trigger_start=4, trigger_end=8,
                                 time_text=start.short, time_start=30, time_end=45,
                                 start_date=start.iso, end_date=end_iso,
                                 grain=grain, value=value, category=category, headline=headline,
                                 keywords=[trigger, place.lower()], participants=[place]))
        if serve:
            row["body"] = serve(row, mentions[first_mention:])
        if len(events) >= CHUNK:
            yield [], events, mentions
            events, mentions = [], []
    yield [], events, mentions


def served_json(event_row: dict, mention_rows: list[dict]) -> str:
    """The body the store would write for this event: its own row readers and serializer
    (for scripts that write rows straight into the tables; bench_query.py too)."""
    from api.store import _event_from_row, _mention_from_row, mention_order
    from schemas.timeline import event_json

    mentions = sorted((_mention_from_row(m) for m in mention_rows), key=mention_order)
    return event_json(_event_from_row(event_row, mentions))


def fill(url: str, n_events: int, log=print) -> dict:
    """A fresh store at `url` holding `n_events` synthetic events. Returns timings."""
    import sqlalchemy as sa

    from api.store import Store, documents_table, events_table, mentions_table, metadata

    store = Store(url)
    store.drop_schema()
    store.create_schema()
    if hasattr(store, "drop_text_index"):
        store.drop_text_index()  # rebuilt in one pass by create_schema() after the load
    started = time.perf_counter()
    tables = (documents_table, events_table, mentions_table)
    indexes = [index for table in tables for index in table.indexes]
    counts = {"documents": 0, "events": 0, "mentions": 0}
    with store.engine.begin() as conn:
        for index in indexes:  # rebuilt once at the end: much faster than row-by-row upkeep
            conn.execute(sa.text(f"DROP INDEX IF EXISTS {index.name}"))
        if store.is_postgres:
            raw = conn.connection.driver_connection
            with raw.cursor() as cursor:
                for docs, events, mentions in generate(n_events):
                    for table, rows in ((documents_table, docs), (events_table, events),
                                        (mentions_table, mentions)):
                        if rows:
                            _copy(cursor, table, rows)
                            counts[table.name] += len(rows)
        else:
            cursor = conn.connection.driver_connection.cursor()
            for docs, events, mentions in generate(n_events):
                for table, rows in ((documents_table, docs), (events_table, events),
                                    (mentions_table, mentions)):
                    if rows:
                        # The INSERT SQLAlchemy compiles for the store's table, fed tuples straight
                        # to the driver: the per-row bind processing is what makes 2M rows slow.
                        columns = [c.name for c in table.columns if c.name in rows[0]]
                        statement = table.insert().compile(conn, column_keys=columns)
                        json_columns = _json_columns(table)
                        order = [statement.binds[name].key if name in statement.binds else name
                                 for name in statement.positiontup]
                        cursor.executemany(str(statement), [
                            tuple(json.dumps(row[c]) if c in json_columns else row[c] for c in order)
                            for row in rows])
                        counts[table.name] += len(rows)
        loaded = time.perf_counter()
        for index in indexes:
            index.create(conn)
    indexed = time.perf_counter()
    store.create_schema()  # the text index, in one pass over the loaded rows
    text_indexed = time.perf_counter()
    if store.is_postgres:
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    finished = time.perf_counter()
    store.dispose()
    assert metadata is not None
    timings = {"rows": counts, "insert_s": round(loaded - started, 1),
               "index_s": round(indexed - loaded, 1), "text_index_s": round(text_indexed - indexed, 1),
               "analyze_s": round(finished - text_indexed, 1), "total_s": round(finished - started, 1)}
    log(f"  filled: {counts['events']:,} events, {counts['mentions']:,} mentions, "
        f"{counts['documents']:,} documents in {timings['total_s']}s "
        f"(insert {timings['insert_s']}s, indexes {timings['index_s']}s, "
        f"text index {timings['text_index_s']}s, analyze {timings['analyze_s']}s)")
    return timings


def _json_columns(table) -> set[str]:
    return {c.name for c in table.columns if c.type.__class__.__name__ == "JSON"}


def _copy(cursor, table, rows) -> None:
    """COPY rows into `table` (PostgreSQL), in the store's own column order."""
    columns = [c.name for c in table.columns if c.name in rows[0]]
    json_columns = _json_columns(table)
    quoted = ", ".join(f'"{name}"' for name in columns)
    with cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(row[c]) if c in json_columns else row[c] for c in columns])


# ------------------------------------------------------------------ PostgreSQL

@contextlib.contextmanager
def throwaway_postgres():
    """A PostgreSQL 15 server sized for a million events (tests/pg_server.py)."""
    with pg_server.throwaway_postgres("-c max_connections=100 -c shared_buffers=256MB -c maintenance_work_mem=256MB",
                                      prefix="timeline-bench-pg-") as url:
        yield url


# ------------------------------------------------------------------ the server

@contextlib.contextmanager
def gunicorn(url: str, workdir: Path, workers: int | None = None, port: int | None = None,
             ceiling: bool = False):
    """`timeline serve` on a free loopback port; yields (base URL, process).

    With `ceiling`, the same server settings run ceiling_app.py instead: the API plus
    two routes that answer a fixed one-week page (see its docstring)."""
    port = port or free_port()
    env = {**os.environ, "DATABASE_URL": url, "TIMELINE_SEED_DIR": "none",
           "PYTHONPATH": str(REPO), "TIMELINE_LOG_LEVEL": "WARNING"}
    if ceiling:
        command = [sys.executable, str(Path(__file__).with_name("ceiling_app.py")), "--port", str(port)]
    else:
        command = [sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    log_path = workdir / f"gunicorn-{port}.log"
    with open(log_path, "w+", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"gunicorn did not come up:\n{log.read()[-3000:]}")
                try:
                    with urllib.request.urlopen(f"{base}/readyz", timeout=5) as response:
                        if response.status == 200:
                            break
                except OSError:
                    time.sleep(0.3)
            yield base, process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


def worker_pids(master_pid: int) -> list[int]:
    """gunicorn's worker processes: the children of the master."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == master_pid:
            pids.append(int(entry.name))
    return sorted(pids)


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    """A process's resident memory in KiB; `field` "RssAnon" is its heap and stacks
    alone, "RssFile" the file pages it has mapped (SQLite's memory map among them)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


# ------------------------------------------------------------------ wrk

LUA_TEMPLATE = """
local paths = {%(paths)s}
local counter = 0
local headers = {%(headers)s}
setup = function(thread) thread:set("offset", math.random(#paths)) end
request = function()
  counter = counter + 1
  local i = ((offset or 0) + counter) %% #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency, requests)
  io.write(string.format(
    'WRKJSON {"requests":%%d,"duration_us":%%d,"bytes":%%d,"p50_us":%%d,"p90_us":%%d,"p99_us":%%d,' ..
    '"max_us":%%d,"mean_us":%%.1f,"connect":%%d,"read":%%d,"write":%%d,"status":%%d,"timeout":%%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
end
"""


def wrk(base: str, paths: list[str], duration: float, connections: int, threads: int, workdir: Path,
        headers: dict | None = None, timeout_s: int = 5) -> dict:
    """Runs wrk over `paths` (cycled) and returns its figures as a dict."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian package 'wrk')")
    lua_paths = ",".join(json.dumps(p) for p in paths)
    lua_headers = ",".join(f"[{json.dumps(k)}]={json.dumps(v)}" for k, v in (headers or {}).items())
    script = workdir / f"wrk-{abs(hash(tuple(paths))) % 10**8}.lua"
    script.write_text(LUA_TEMPLATE % {"paths": lua_paths, "headers": lua_headers})
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(duration))}s",
               "--timeout", f"{timeout_s}s", "-s", str(script), base]
    done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    match = re.search(r"^WRKJSON (\{.*\})$", done.stdout, re.M)
    if done.returncode != 0 or not match:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout[-2000:]} {done.stderr[-2000:]}")
    figures = json.loads(match.group(1))
    seconds = figures["duration_us"] / 1e6
    figures["rps"] = round(figures["requests"] / seconds, 1) if seconds else 0.0
    figures["p50_ms"] = round(figures["p50_us"] / 1000, 2)
    figures["p99_ms"] = round(figures["p99_us"] / 1000, 2)
    figures["errors"] = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return figures


def settle(base: str, timeout: float = 60) -> None:
    """Wait until the server has drained what the last wrk run left queued (gunicorn keeps
    working through accepted requests after wrk stops), so it does not bleed into the next run."""
    deadline = time.monotonic() + timeout
    quick = 0
    while time.monotonic() < deadline and quick < 3:
        time.sleep(0.3)
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=10) as response:
                response.read()
        except OSError:
            quick = 0
            continue
        quick = quick + 1 if time.perf_counter() - started < 0.02 else 0


def workload(n_events: int, count: int = 2000, seed: int = 11) -> dict[str, list[str]]:
    """The request paths of each measured endpoint."""
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days - 7
    weeks = []
    for _ in range(count):
        start = FIRST_DAY + timedelta(days=rng.randrange(span))
        weeks.append(f"/api/v1/events?from={start.isoformat()}&to={(start + timedelta(days=6)).isoformat()}")
    ids = [f"/api/v1/events/evt_{rng.randrange(n_events):010d}" for _ in range(count)]
    return {
        "healthz": ["/healthz"],
        "range_week": weeks,
        "text_q": [f"/api/v1/events?q={TEXT_NEEDLE}"],
        "text_q_absent": [f"/api/v1/events?q={ABSENT_WORD}"],
        "event_by_id": ids,
    }


def check_paths(base: str, paths: dict[str, list[str]]) -> dict[str, dict]:
    """One plain request per endpoint first: status, size, and how many events came back."""
    seen = {}
    for name, options in paths.items():
        started = time.perf_counter()
        with urllib.request.urlopen(base + options[0], timeout=60) as response:
            body = response.read()
            status = response.status
        elapsed = time.perf_counter() - started
        info = {"status": status, "bytes": len(body), "first_ms": round(elapsed * 1000, 1)}
        if name in ("range_week", "text_q", "fixed_page"):
            info["events_in_page"] = len(json.loads(body)["data"])
        seen[name] = info
    return seen


def code_version() -> str:
    """The commit measured, and whether the query path had uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "api", "schemas"], cwd=REPO,
                               capture_output=True, text=True, timeout=10).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    changed = sorted({path for path in dirty if path.endswith(".py")})
    return head + (f" + uncommitted {', '.join(changed)}" if changed else "")


def analyse(url: str, n_events: int, log=print) -> dict:
    """Where a request's time goes, in-process (no gunicorn, no wrk): CPU ms per request
    through Flask's test client (CPU time, so other processes on the machine do not count;
    PostgreSQL's own work happens in the server and is not included), the store call alone,
    and the plans of the SQL the store actually sends for a one-week range and a text query."""

    from api import create_app
    from api.store import get_store

    app = create_app({"DATABASE_URL": url, "TIMELINE_SEED_DIR": "none"})
    client = app.test_client()
    paths = workload(n_events, count=200, seed=23)
    out: dict = {"cpu_ms_per_request": {}, "plans": {}}

    def cpu_ms(fn, repeat: int) -> float:
        for _ in range(min(5, repeat)):
            fn(0)
        started = time.process_time()
        for i in range(repeat):
            fn(i)
        return round((time.process_time() - started) / repeat * 1000, 2)

    for name, repeat in (("healthz", 300), ("range_week", 100), ("text_q", 10), ("text_q_absent", 10),
                         ("event_by_id", 100)):
        options = paths[name]
        out["cpu_ms_per_request"][name] = cpu_ms(lambda i: client.get(options[i % len(options)]), repeat)
    weeks = [date.fromisoformat(p.split("from=")[1][:10]) for p in paths["range_week"]]
    with app.app_context():
        store = get_store()
        # what the API serves (stored JSON), and Event objects built from rows for comparison
        out["cpu_ms_per_request"]["store_range_served_json"] = cpu_ms(lambda i: store.query_event_bodies(
            start=weeks[i % len(weeks)], end=weeks[i % len(weeks)] + timedelta(days=6)), 100)
        for label, with_mentions in (("store_range_events_only", False), ("store_range_with_mentions", True)):
            out["cpu_ms_per_request"][label] = cpu_ms(lambda i: store.query_events(
                start=weeks[i % len(weeks)], end=weeks[i % len(weeks)] + timedelta(days=6),
                with_mentions=with_mentions), 100)
        captured: list = []
        # The SELECTs of a page run on the driver cursor (api.store.DriverSQL): record them there.
        from api.store import DriverSQL

        run_on_driver = DriverSQL.rows

        def recording(compiled, conn, params):
            values = {**compiled.defaults, **params}
            captured.append((compiled.sql, tuple(values[n] for n in compiled.positions)
                             if compiled.positions is not None else values))
            return run_on_driver(compiled, conn, params)

        DriverSQL.rows = recording
        try:
            for label, kwargs in (("range_week", dict(start=date(2012, 3, 1), end=date(2012, 3, 7))),
                                  ("text_q", dict(q=TEXT_NEEDLE)), ("text_q_absent", dict(q=ABSENT_WORD))):
                captured.clear()
                store.query_event_bodies(**kwargs)  # the SELECT the events endpoint sends
                statement, parameters = max(captured, key=lambda c: len(c[0]))
                prefix = "EXPLAIN ANALYZE " if store.is_postgres else "EXPLAIN QUERY PLAN "
                with store.engine.connect() as conn:
                    rows = conn.exec_driver_sql(prefix + statement, parameters).all()
                out["plans"][label] = [row[0] if store.is_postgres else row[-1] for row in rows]
        finally:
            DriverSQL.rows = run_on_driver
        store.dispose()
    log("  in-process CPU ms per request: " + ", ".join(f"{k} {v}" for k, v in out["cpu_ms_per_request"].items()))
    for label, plan in out["plans"].items():
        log(f"  plan of the {label} SELECT:")
        for line in plan:
            log(f"    {line}")
    return out


CEILING_PATHS = {"healthz": ["/healthz"], "fixed_page": ["/bench/fixed-page"], "fixed_bytes": ["/bench/fixed-bytes"]}


def measure_store(label: str, url: str, args, workdir: Path, log=print) -> dict:
    log(f"[{label}] filling {args.events:,} events")
    fill_timings = fill(url, args.events, log=log)
    analysis = analyse(url, args.events, log=log) if args.analyse else None
    results = {"store": label, "events": args.events, "fill": fill_timings, "endpoints": {},
               "code": code_version(), "analysis": analysis}
    measure_server(results, url, workload(args.events), args, workdir, log)
    if args.ceiling:
        ceiling = {"store": f"{label} (ceiling)", "events": args.events, "fill": fill_timings, "endpoints": {},
                   "code": results["code"]}
        measure_server(ceiling, url, CEILING_PATHS, args, workdir, log, ceiling=True)
        results["ceiling"] = ceiling
    return results


def measure_server(results: dict, url: str, paths: dict[str, list[str]], args, workdir: Path, log=print,
                   ceiling: bool = False) -> None:
    """wrk over each of `paths` against one gunicorn; figures and ratios into `results`."""
    with gunicorn(url, workdir, workers=args.workers, ceiling=ceiling) as (base, process):
        results["first_requests"] = check_paths(base, paths)
        headers = {"Accept-Encoding": "gzip"} if args.gzip else None
        # A short warm-up so every worker has its connections and imports in place.
        for name, endpoint_paths in paths.items():
            if args.warmup > 0:
                wrk(base, endpoint_paths, args.warmup, args.connections, args.threads, workdir, headers)
                settle(base)
        results["workers"] = len(worker_pids(process.pid))
        results["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
        rounds: dict[str, list[dict]] = {name: [] for name in paths}
        for number in range(1, args.rounds + 1):
            for name, endpoint_paths in paths.items():
                figures = wrk(base, endpoint_paths, args.duration, args.connections, args.threads, workdir, headers)
                settle(base)
                rounds[name].append(figures)
                log(f"  round {number} {name:<13} {figures['rps']:>9.1f} req/s  p50 {figures['p50_ms']:>8.2f} ms  "
                    f"p99 {figures['p99_ms']:>8.2f} ms  errors {figures['errors']}")
        results["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    results["rounds"] = args.rounds
    results["endpoints"] = {name: combine_rounds(each, rounds["healthz"]) for name, each in rounds.items()}
    week = results["endpoints"].get("range_week")
    if week:
        results["target_met"] = week["ratio_to_healthz"] >= TARGET_RATIO and week["p99_ms_worst"] < TARGET_P99_MS


def combine_rounds(each: list[dict], healthz: list[dict]) -> dict:
    """One endpoint's figures over the rounds: medians of req/s and latency, errors summed.

    The ratio to /healthz is taken within each round (the endpoint and /healthz
    measured minutes apart at most) and its median reported with its spread: on a
    shared machine the load moves between runs, and a single pass let it decide."""
    ratios = [mine["rps"] / (health["rps"] or 1.0) for mine, health in zip(each, healthz)]
    combined = {key: sum(r[key] for r in each) for key in
                ("requests", "bytes", "connect", "read", "write", "status", "timeout", "errors")}
    for key in ("rps", "p50_ms", "p99_ms"):
        combined[key] = round(statistics.median(r[key] for r in each), 2)
    combined["p99_ms_worst"] = max(r["p99_ms"] for r in each)
    combined["ratio_to_healthz"] = round(statistics.median(ratios), 3)
    combined["ratio_spread"] = [round(min(ratios), 3), round(max(ratios), 3)]
    combined["each_round"] = each
    return combined


def format_table(all_results: list[dict]) -> str:
    header = (f"{'store':<10} {'endpoint':<13} {'req/s':>9} {'ratio':>6} {'ratios (min-max)':>16} "
              f"{'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    lines = []
    for result in [r for top in all_results for r in (top, top.get("ceiling")) if r]:
        lines.append(f"{result['store']}: {result['events']:,} events, {result.get('workers', '?')} gunicorn "
                     f"workers, {result.get('rounds', 1)} rounds (medians; ratios within each round), "
                     f"fill {result['fill']['total_s']}s, load average "
                     f"{result.get('load_average_before')} -> {result.get('load_average_after')} "
                     f"on {os.cpu_count()} CPUs; code {result.get('code')}")
        lines.append(header)
        lines.append("-" * len(header))
        for name, f in result["endpoints"].items():
            spread = "{:.3f}-{:.3f}".format(*f["ratio_spread"])
            lines.append(f"{result['store']:<10} {name:<13} {f['rps']:>9.1f} {f['ratio_to_healthz']:>6.3f} "
                         f"{spread:>16} {f['p50_ms']:>8.2f} {f['p99_ms']:>8.2f} {f['errors']:>6}")
        week = result["endpoints"].get("range_week")
        if week:
            verdict = "MET" if result["target_met"] else "MISSED"
            lines.append(f"target (range >= {TARGET_RATIO:.0%} of /healthz req/s, p99 < {TARGET_P99_MS:.0f} ms): "
                         f"{verdict} (median ratio {week['ratio_to_healthz']:.3f}, "
                         f"worst round's p99 {week['p99_ms_worst']} ms)")
        else:
            lines.append("ceiling: a fixed one-week page without the store (fixed_page) and its bytes alone "
                         "(fixed_bytes), same server settings")
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events (default 1,000,000)")
    parser.add_argument("--duration", type=float, default=10, help="seconds of wrk per endpoint and round (default 10)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="measure every endpoint in turn this many times (default 3); medians are reported")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of wrk per endpoint before measuring")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn workers (default: what `timeline serve` picks)")
    parser.add_argument("--stores", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--analyse", action="store_true",
                        help="also print in-process CPU per request and the query plans (where the time goes)")
    parser.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip like a browser")
    parser.add_argument("--ceiling", action="store_true",
                        help="also serve a fixed one-week page with the same settings (ceiling_app.py): "
                             "what a range query could reach if the store and the query string cost nothing")
    parser.add_argument("--postgres-url", help="use this (empty, disposable!) database instead of a throwaway server")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian package 'wrk'); nothing to measure")
        return 2
    log = (lambda *a, **k: print(*a, file=sys.stderr, **k)) if args.json else print
    results = []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-api-") as tmp:
        workdir = Path(tmp)
        for label in [s.strip() for s in args.stores.split(",") if s.strip()]:
            if label == "sqlite":
                results.append(measure_store("sqlite", f"sqlite:///{workdir / 'bench.db'}", args, workdir, log))
            elif label == "postgres":
                if args.postgres_url:
                    results.append(measure_store("postgres", args.postgres_url, args, workdir, log))
                else:
                    with throwaway_postgres() as url:
                        results.append(measure_store("postgres", url, args, workdir, log))
            else:
                parser.error(f"unknown store {label!r}")
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print()
        print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
