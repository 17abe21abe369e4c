"""Real gunicorn processes for the API tests that need a live server
(schemathesis, scale-out): `timeline serve` exactly as a user runs it."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.conftest import skip_or_fail

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class LiveServer:
    base: str
    process: subprocess.Popen
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8")


@contextlib.contextmanager
def live_server(database_url: str, workdir: Path, *, workers: int = 2, **env):
    """`python -m api serve` on a free loopback port; yields its base URL."""
    with gunicorn_process(database_url, workdir, workers=workers, **env) as server:
        yield server.base


@contextlib.contextmanager
def gunicorn_process(database_url: str, workdir: Path, *, workers: int = 2, **env):
    """`python -m api serve` on a free loopback port; yields a LiveServer.

    Seeding is off unless TIMELINE_SEED_DIR is passed: the tests fill the store
    themselves. The server's output goes to workdir/server-<port>.log and is
    shown when it fails to come up.
    """
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        skip_or_fail("gunicorn is not installed")
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    log_path = workdir / f"server-{port}.log"
    environment = {**os.environ, "DATABASE_URL": database_url, "TIMELINE_SEED_DIR": "none",
                   "PYTHONPATH": str(REPO_ROOT), "TIMELINE_LOG_LEVEL": "warning", **env}
    with open(log_path, "w+", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(workers)],
            cwd=workdir, env=environment, stdout=log, stderr=subprocess.STDOUT, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, process, log)
            yield LiveServer(base, process, log_path)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_ready(base: str, process: subprocess.Popen, log, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if requests.get(f"{base}/readyz", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    process.kill()
    log.flush()
    log.seek(0)
    raise AssertionError(f"gunicorn at {base} did not become ready:\n{log.read()[-3000:]}")
