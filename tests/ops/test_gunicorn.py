"""`timeline serve`: the API under a real gunicorn process, queried over HTTP."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from tests.conftest import skip_or_fail
from tests.ops.conftest import REPO_ROOT, SEEDS, module_available, wait_for_http

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn with two workers on a free port, a fresh SQLite file, seeded from seeds/."""
    if not module_available("gunicorn"):
        skip_or_fail("gunicorn is not installed")
    from tests.ops.conftest import free_port

    workdir = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'timeline.db'}",
           "TIMELINE_SEED_DIR": str(SEEDS), "PYTHONPATH": str(REPO_ROOT)}
    log = open(workdir / "server.log", "w+", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/healthz", timeout=180, alive=lambda: process.poll() is None)
    except AssertionError:
        process.kill()
        log.seek(0)
        pytest.fail(f"gunicorn did not come up:\n{log.read()[-3000:]}")
    yield {"base": base, "process": process, "log": log}
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    log.close()


def _log_text(server) -> str:
    server["log"].flush()
    server["log"].seek(0)
    return server["log"].read()


def test_health_and_readiness_answer_through_gunicorn(server):
    assert requests.get(f"{server['base']}/healthz", timeout=10).status_code == 200
    assert requests.get(f"{server['base']}/readyz", timeout=10).status_code == 200


def test_events_of_the_parade_day_include_the_parade(server):
    response = requests.get(f"{server['base']}/api/v1/events",
                            params={"from": "2023-05-09", "to": "2023-05-09"}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"data", "next", "next_url"}
    for event in body["data"]:
        assert event["start"] is None or event["start"] <= "2023-05-09"
        assert event["end"] is None or event["end"] >= "2023-05-09"
    if not module_available("api.extract.pipeline"):
        skip_or_fail("the event pipeline has not landed: no seeded events to look for")
    parade = [e for e in body["data"] if (e["start"], e["end"]) == ("2023-05-09", "2023-05-09")
              and any("parade" in m["sentence"].lower() for m in e["mentions"])]
    assert parade, f"no parade among {[e['headline'] for e in body['data']]}"
    assert len(parade[0]["sources"]) == 3  # all three seed articles report it


def test_unknown_route_is_problem_json_without_a_traceback(server):
    response = requests.get(f"{server['base']}/api/v1/nowhere", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert "Traceback" not in response.text


def test_access_log_goes_to_the_process_output(server):
    requests.get(f"{server['base']}/healthz?logged=1", timeout=10)
    # gunicorn writes the access line after the response; give it a moment.
    for _ in range(20):
        if "/healthz?logged=1" in _log_text(server):
            break
        time.sleep(0.1)
    assert "GET /healthz?logged=1" in _log_text(server)


def test_sigterm_stops_gunicorn_gracefully(server):
    process = server["process"]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert "Traceback" not in _log_text(server)
