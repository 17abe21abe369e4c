"""The benchmark scripts keep working: each runs end to end at a toy size.

They are scripts that print figures (tests/benchmarks/README.md), not timed
tests: nothing here asserts a speed, only that they run and report.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import skip_or_fail
from tests.ops.conftest import REPO_ROOT, module_available

pytestmark = [pytest.mark.slow, pytest.mark.server]


def _run(script: str, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO_ROOT / "tests" / "benchmarks" / script), *args],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout)


def _stores(request) -> str:
    """sqlite, plus postgres when its binaries are there (CI requires them)."""
    from tests.benchmarks.bench_api import PG_BIN

    if (PG_BIN / "initdb").exists():
        return "sqlite,postgres"
    skip_or_fail(f"PostgreSQL binaries not found in {PG_BIN}")


@pytest.mark.postgres
def test_bench_api_runs_at_a_toy_size(request):
    if shutil.which("wrk") is None:
        skip_or_fail("wrk is not installed (Debian package 'wrk')")
    done = _run("bench_api.py", "--events", "2000", "--duration", "1", "--warmup", "0", "--connections", "4",
                "--workers", "2", "--rounds", "2", "--stores", _stores(request), "--analyse", "--ceiling", "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    assert [r["store"] for r in results] == ["sqlite", "postgres"]
    for result in results:
        assert result["fill"]["rows"]["events"] == 2000
        for name in ("healthz", "range_week", "text_q", "text_q_absent", "event_by_id"):
            figures = result["endpoints"][name]
            assert figures["requests"] > 0 and figures["errors"] == 0, (name, figures)
            assert "ratio_to_healthz" in figures and figures["p99_ms"] > 0
            assert len(figures["each_round"]) == 2 and figures["ratio_spread"][0] <= figures["ratio_to_healthz"]
        assert result["first_requests"]["range_week"]["events_in_page"] > 0
        assert result["analysis"]["plans"]["range_week"] and result["analysis"]["cpu_ms_per_request"]["healthz"] > 0
        ceiling = result["ceiling"]  # the same page without the store, from ceiling_app.py
        for name in ("healthz", "fixed_page", "fixed_bytes"):
            assert ceiling["endpoints"][name]["requests"] > 0 and ceiling["endpoints"][name]["errors"] == 0
        assert ceiling["first_requests"]["fixed_page"]["events_in_page"] > 0


@pytest.mark.postgres
def test_bench_query_runs_at_a_toy_size(request):
    done = _run("bench_query.py", "--events", "3000", "--repeat", "20", "--stores", _stores(request))
    assert done.returncode == 0, done.stderr[-3000:]
    for store in ("SQLite", "PostgreSQL 15"):
        assert f"{store}: 3,000 events written" in done.stdout, done.stdout
    assert done.stdout.count("GET /api/v1/events  1 month (HTTP)") == 2, done.stdout
    assert "ix_events_span_start" in done.stdout, done.stdout


def test_bench_ingest_runs_at_a_toy_size(request):
    # PostgreSQL's side of ingest is exercised by tests/ops/test_reliability_kill.py; one store keeps this short.
    done = _run("bench_ingest.py", "--articles", "6", "--stores", "sqlite", "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    if not module_available("api.extract.pipeline"):
        assert "not there yet" in done.stdout
        skip_or_fail("api.extract.pipeline has not landed: the script only said so")
    results = json.loads(done.stdout)
    assert [r["store"] for r in results] == ["sqlite"]
    for result in results:
        assert result["stored"]["documents"] == 6
        assert result["articles_per_s"] > 0
        assert "0 new" in result["reingest_summary"]


@pytest.mark.parametrize(("flags", "size"), [([], "12"), (["--stories"], "70")])
def test_bench_parse_runs_at_a_toy_size(flags, size):
    done = _run("bench_parse.py", *flags, "--sizes", size, "--dateparser-max", "2", "--no-tracemalloc", "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    (row,) = json.loads(done.stdout)
    assert "error" not in row, row
    assert row["articles"] == int(size) and row["events"] > 0 and row["s_per_article"] > 0
    # the rates are the same measurement as s/article, over documents and over characters
    assert row["docs_per_s"] == pytest.approx(1 / row["s_per_article"], rel=0.01)
    assert row["chars_per_s"] == pytest.approx(row["characters"] * row["docs_per_s"] / row["articles"], rel=0.01)
    assert row["cli_s"] > 0 and row["ratio_parse_to_dateparser"] > 0


def test_undated_wire_runs_at_a_toy_size():
    done = _run("undated_wire.py", "--articles", "30", "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    for result in results.values():
        assert result["articles"] == 30 and result["undated"] == 10
        assert 0 <= result["exact"] <= result["within_two_days"] <= result["undated"]
    # as generated, an undated article's agency dateline gives its day; cut, it gives nothing
    assert results["with_datelines"]["by_text"] > 0 == results["without_datelines"]["by_text"]
