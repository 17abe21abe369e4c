"""Helpers for the ops tests: run the real `timeline` command, find free ports,
wait for HTTP servers started as separate processes."""
from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / "seeds"
ACCEPTANCE = REPO_ROOT.parent / "shared" / "acceptance" / "seeds-timeline.json"


def module_available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def run_timeline(*args: str, stdin: str | None = None, cwd: Path = REPO_ROOT, env: dict | None = None,
                 timeout: float = 300) -> subprocess.CompletedProcess:
    """`timeline ARGS` as a separate process (python -m api: the console script's code)."""
    return subprocess.run(
        [sys.executable, "-m", "api", *args], cwd=cwd, input=stdin, capture_output=True,
        text=True, encoding="utf-8", timeout=timeout, env={**os.environ, **(env or {})},
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float, alive=lambda: True) -> requests.Response:
    """Poll `url` until it answers 200; `alive()` returning False stops early."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        if not alive():
            break
        try:
            response = requests.get(url, timeout=5)
            if response.status_code == 200:
                return response
            last_error = f"status {response.status_code}"
        except requests.RequestException as error:
            last_error = error
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer 200 within {timeout:.0f}s (last: {last_error})")


@pytest.fixture
def port() -> int:
    return free_port()
