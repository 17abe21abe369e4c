"""A 30-second wrk run at 50 connections against a real gunicorn (issue 7).

The store holds 20,000 synthetic events (tests/benchmarks/bench_api.py's
generator). The run mixes /healthz, one-week range queries, events by id,
a one-day /api/v1/timeline and the document list, each path different from
the last. It must end with zero socket errors and zero non-2xx answers, and
the workers' memory must stay flat: each worker's RSS after the run is
compared with its RSS after a short warm-up (the same paths, so caches and
imports are already in place before the "before" figure). The report also
splits RSS into heap (RssAnon) and mapped files (RssFile): SQLite reads the
store through a memory map, whose pages count in RSS but are shared
between the workers and given back under memory pressure.
"""
from __future__ import annotations

import os
import random
import shutil
from datetime import date, timedelta

import pytest

from tests.conftest import skip_or_fail
from tests.ops.conftest import module_available

pytestmark = [pytest.mark.load, pytest.mark.server, pytest.mark.slow]

DURATION = int(os.environ.get("TIMELINE_LOAD_SECONDS", "30"))
CONNECTIONS = 50
EVENTS = 20_000
# Flat memory: a worker may grow by at most this much over the run (allocator slack,
# SQLAlchemy's statement cache filling up), never in proportion to the requests served.
RSS_GROWTH_LIMIT_KIB = 24 * 1024


def _paths(n: int = 3000) -> list[str]:
    rng = random.Random(5)
    paths = []
    for i in range(n):
        day = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        paths.append([
            "/healthz",
            f"/api/v1/events?from={day}&to={day + timedelta(days=6)}",
            f"/api/v1/events/evt_{rng.randrange(EVENTS):010d}",
            f"/api/v1/timeline?from={day}&to={day}",
            "/api/v1/documents?limit=20",
        ][i % 5])
    return paths


def _mib(kib_by_pid: dict) -> list[float]:
    return sorted(round(v / 1024, 1) for v in kib_by_pid.values())


def test_thirty_seconds_at_fifty_connections_without_errors_or_growth(tmp_path, capsys):
    if shutil.which("wrk") is None:
        skip_or_fail("wrk is not installed (Debian package 'wrk')")
    if not module_available("gunicorn"):
        skip_or_fail("gunicorn is not installed")
    from tests.benchmarks.bench_api import fill, gunicorn, rss_kib, worker_pids, wrk

    url = f"sqlite:///{tmp_path / 'load.db'}"
    fill(url, EVENTS, log=lambda *a: None)
    paths = _paths()
    with gunicorn(url, tmp_path) as (base, process):
        warm = wrk(base, paths, 5, CONNECTIONS, 2, tmp_path)
        workers = worker_pids(process.pid)
        assert workers, "no gunicorn workers found"
        before = {pid: rss_kib(pid) for pid in workers}
        heap_before = {pid: rss_kib(pid, "RssAnon") for pid in workers}
        mapped_before = {pid: rss_kib(pid, "RssFile") for pid in workers}
        figures = wrk(base, paths, DURATION, CONNECTIONS, 2, tmp_path)
        after = {pid: rss_kib(pid) for pid in worker_pids(process.pid)}
        heap_after = {pid: rss_kib(pid, "RssAnon") for pid in after}
        mapped_after = {pid: rss_kib(pid, "RssFile") for pid in after}
    report = (f"\nload: {DURATION}s at {CONNECTIONS} connections, {figures['requests']} requests, "
              f"{figures['rps']} req/s, p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, "
              f"errors {figures['errors']} (connect {figures['connect']}, read {figures['read']}, "
              f"write {figures['write']}, non-2xx {figures['status']}, timeout {figures['timeout']}); "
              f"warm-up errors {warm['errors']}\n"
              f"worker RSS MiB before: {_mib(before)}\n"
              f"worker RSS MiB after:  {_mib(after)}\n"
              f"of which heap (RssAnon) MiB: {_mib(heap_before)} -> {_mib(heap_after)}; "
              f"mapped files (RssFile) MiB: {_mib(mapped_before)} -> {_mib(mapped_after)}\n")
    with capsys.disabled():
        print(report)
    assert figures["requests"] > 0
    assert figures["errors"] == 0, report
    assert set(after) == set(before), f"workers were replaced during the run (crash or timeout): {report}"
    for pid, kib in after.items():
        assert kib - before[pid] < RSS_GROWTH_LIMIT_KIB, f"worker {pid} grew: {report}"
