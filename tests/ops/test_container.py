"""The Docker image, built and run for real on the private engine (`.ci/run` starts it)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time

import pytest
import requests

from tests.conftest import skip_or_fail
from tests.ops.conftest import REPO_ROOT, free_port, module_available, wait_for_http

pytestmark = [pytest.mark.container, pytest.mark.slow]
IMAGE = "timeline-test"


def _docker(*args: str, timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"docker {' '.join(args)} failed ({result.returncode}):\n"
                             f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="module")
def image():
    if shutil.which("docker") is None:
        skip_or_fail("no docker client on PATH")
    if not os.environ.get("DOCKER_HOST") and not os.path.exists("/var/run/docker.sock"):
        skip_or_fail("no Docker engine: start one with ../shared/ci/container-sandbox.sh start python:3.11-slim")
    if _docker("info", timeout=30, check=False).returncode != 0:
        skip_or_fail(f"the Docker engine at {os.environ.get('DOCKER_HOST', 'the default socket')} does not answer")
    _docker("build", "--network", "host", "-t", IMAGE, str(REPO_ROOT), timeout=1500)
    return IMAGE


@pytest.fixture(scope="module")
def container(image):
    """The image run as it would be in production: read-only root, data on the /data volume,
    no Linux capabilities and no privilege escalation."""
    port = free_port()
    name = f"timeline-test-{port}"
    _docker("run", "-d", "--name", name, "--network", "host", "--read-only", "--tmpfs", "/tmp",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "-e", f"PORT={port}", image)
    base = f"http://127.0.0.1:{port}"
    try:
        running = lambda: _docker("inspect", "-f", "{{.State.Running}}", name).stdout.strip() == "true"
        wait_for_http(f"{base}/healthz", timeout=240, alive=running)
        yield {"name": name, "base": base}
    except AssertionError as error:
        logs = _docker("logs", name, check=False)
        raise AssertionError(f"{error}\ncontainer log:\n{(logs.stdout + logs.stderr)[-4000:]}") from None
    finally:
        _docker("rm", "-f", "-v", name, check=False)


def test_image_answers_health_and_events_over_http(container):
    assert requests.get(f"{container['base']}/healthz", timeout=10).status_code == 200
    response = requests.get(f"{container['base']}/api/v1/events",
                            params={"from": "2023-05-09", "to": "2023-05-09"}, timeout=60)
    assert response.status_code == 200
    events = response.json()["data"]
    if module_available("api.extract.pipeline"):
        # The image seeds itself from the copy of seeds/ installed inside the package.
        assert any(e["start"] == "2023-05-09" and len(e["sources"]) == 3 for e in events), events


def test_image_reports_healthy_through_its_own_healthcheck(container):
    deadline = time.monotonic() + 90
    status = ""
    while time.monotonic() < deadline:
        status = _docker("inspect", "-f", "{{.State.Health.Status}}", container["name"]).stdout.strip()
        if status in ("healthy", "unhealthy"):
            break
        time.sleep(2)
    assert status == "healthy"


def test_server_process_does_not_run_as_root(container):
    uid = _docker("exec", container["name"], "id", "-u").stdout.strip()
    assert uid.isdigit() and uid != "0"
    # PID 1 is gunicorn itself (exec), so `docker stop` reaches it.
    command = _docker("exec", container["name"], "cat", "/proc/1/cmdline").stdout.replace("\0", " ")
    assert "timeline" in command and "serve" in command


def test_final_image_has_no_build_tools(image):
    config = json.loads(_docker("image", "inspect", image).stdout)[0]["Config"]
    assert config["User"] not in ("", "0", "root")
    assert "8000/tcp" in config["ExposedPorts"]
    found = _docker("run", "--rm", "--entrypoint", "sh", image, "-c",
                    "for t in gcc cc make /opt/venv/bin/pip; do command -v $t; done; true").stdout.split()
    assert found == []


def test_root_filesystem_is_read_only_and_only_data_is_writable(container):
    config = json.loads(_docker("inspect", container["name"]).stdout)[0]["HostConfig"]
    assert config["ReadonlyRootfs"] is True
    assert config["CapDrop"] and "ALL" in config["CapDrop"]
    probe = ("for d in / /opt/venv /opt/venv/lib /usr /etc /data /tmp; do "
             "if touch \"$d/.probe\" 2>/dev/null; then echo \"$d writable\"; rm -f \"$d/.probe\"; "
             "else echo \"$d read-only\"; fi; done")
    lines = _docker("exec", container["name"], "sh", "-c", probe).stdout.split("\n")
    status = dict(line.split(" ", 1) for line in lines if line.strip())
    for path in ("/", "/opt/venv", "/opt/venv/lib", "/usr", "/etc"):
        assert status[path] == "read-only", status
    assert status["/data"] == "writable" and status["/tmp"] == "writable", status
    # The app's own files cannot be changed by the process serving them.
    package = _docker("exec", container["name"], "python", "-c",
                      "import api, os; print(os.path.dirname(api.__file__))").stdout.strip()
    assert _docker("exec", container["name"], "touch", f"{package}/__init__.py", check=False).returncode != 0


def test_server_has_no_capabilities_and_cannot_gain_privileges(container):
    status = _docker("exec", container["name"], "cat", "/proc/1/status").stdout
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    assert int(fields["CapEff"].strip(), 16) == 0, fields["CapEff"]
    assert int(fields["CapPrm"].strip(), 16) == 0, fields["CapPrm"]
    assert fields["NoNewPrivs"].strip() == "1"
    assert fields["Uid"].split()[0] != "0"


def test_image_installs_the_constrained_dependency_versions(image):
    """The image carries the versions constraints.txt pins (the ones CI tests and audits)."""
    pins = {}
    for line in (REPO_ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[name.strip().lower()] = version.strip()
    script = ("import importlib.metadata as m, json; "
              "print(json.dumps({d.metadata['Name'].lower().replace('_', '-'): d.version "
              "for d in m.distributions()}))")
    installed = json.loads(_docker("run", "--rm", "--entrypoint", "python", image, "-c", script).stdout)
    for name, version in pins.items():
        assert installed.get(name) == version, f"{name}: image has {installed.get(name)}, pinned {version}"
