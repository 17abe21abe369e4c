"""`timeline serve`: the API under a real gunicorn process, queried over HTTP."""
from __future__ import annotations

import signal
import time

import pytest
import requests

from tests.api.live import gunicorn_process
from tests.ops.conftest import SEEDS

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn with two workers on a free port, a fresh SQLite file, seeded from seeds/."""
    workdir = tmp_path_factory.mktemp("serve")
    with gunicorn_process(f"sqlite:///{workdir / 'timeline.db'}", workdir, workers=2,
                          TIMELINE_SEED_DIR=str(SEEDS), TIMELINE_LOG_LEVEL="info") as live:
        yield live


def test_health_and_readiness_answer_through_gunicorn(server):
    assert requests.get(f"{server.base}/healthz", timeout=10).status_code == 200
    assert requests.get(f"{server.base}/readyz", timeout=10).status_code == 200


def test_events_of_the_parade_day_include_the_parade(server):
    response = requests.get(f"{server.base}/api/v1/events",
                            params={"from": "2023-05-09", "to": "2023-05-09"}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"data", "next", "next_url"}
    for event in body["data"]:
        assert event["start"] is None or event["start"] <= "2023-05-09"
        assert event["end"] is None or event["end"] >= "2023-05-09"
    parade = [e for e in body["data"] if (e["start"], e["end"]) == ("2023-05-09", "2023-05-09")
              and any("parade" in m["sentence"].lower() for m in e["mentions"])]
    assert parade, f"no parade among {[e['headline'] for e in body['data']]}"
    assert len(parade[0]["sources"]) == 3  # all three seed articles report it


def test_unknown_route_is_problem_json_without_a_traceback(server):
    response = requests.get(f"{server.base}/api/v1/nowhere", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert "Traceback" not in response.text


def test_access_log_goes_to_the_process_output(server):
    requests.get(f"{server.base}/healthz?logged=1", timeout=10)
    # gunicorn writes the access line after the response; give it a moment.
    for _ in range(20):
        if "/healthz?logged=1" in server.log_text():
            break
        time.sleep(0.1)
    assert "GET /healthz?logged=1" in server.log_text()


def test_sigterm_stops_gunicorn_gracefully(server):
    process = server.process
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert "Traceback" not in server.log_text()
