"""Security checks of the production configuration (issue 7 "Security").

- no debug mode, reloader or traceback in the configuration `timeline serve` runs;
- security headers: X-Content-Type-Options on every response, a
  Content-Security-Policy on the page, Referrer-Policy;
- secrets only from the environment (the write token), nothing baked in.

The container half (non-root, read-only root filesystem, no capabilities)
lives in tests/ops/test_container.py.

The headers are set in api/http_layer.py (the page's policy is the one
tests/web/test_browser.py proves the page works under).
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.ops.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from api import create_app

    folder = tmp_path_factory.mktemp("security")
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 's.db'}", "TIMELINE_SEED_DIR": "none"})

    def boom():
        raise RuntimeError("secret internal detail: /etc/shadow password=hunter2")

    app.add_url_rule("/__test_boom", "test_boom", boom)
    yield app
    app.extensions["timeline_store"].dispose()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


# ------------------------------------------------------------------ debug and tracebacks

def test_production_app_is_not_in_debug_or_testing_mode(app):
    assert app.debug is False
    assert app.testing is False
    assert not app.config.get("PROPAGATE_EXCEPTIONS")
    assert app.config.get("SECRET_KEY") is None  # no baked-in secret (the API uses no sessions)


def test_an_unexpected_error_is_a_bare_500_problem_without_traceback(client):
    response = client.get("/__test_boom")
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    text = response.get_data(as_text=True)
    for leak in ("Traceback", "RuntimeError", "hunter2", "/etc/shadow", "File \"", ".py"):
        assert leak not in text


def test_gunicorn_runs_without_reload_or_debug_logging():
    from api.cli import gunicorn_options

    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_LOG_LEVEL"}
    old = os.environ.copy()
    try:
        os.environ.clear()
        os.environ.update(env)
        options = gunicorn_options("127.0.0.1", 8000, 2)
    finally:
        os.environ.clear()
        os.environ.update(old)
    assert not options.get("reload") and not options.get("spew")
    assert options["loglevel"] == "info"
    assert options["timeout"] <= 120


def test_werkzeug_debugger_is_not_reachable(client):
    for path in ("/console", "/?__debugger__=yes&cmd=resource&f=style.css"):
        response = client.get(path)
        assert response.status_code in (200, 404)
        assert b"Werkzeug Debugger" not in response.get_data() and b"__debugger__" not in response.get_data()


# ------------------------------------------------------------------ headers

HEADER_PATHS = ["/", "/healthz", "/api/v1/events", "/api/v1/nowhere", "/openapi.yaml"]


@pytest.mark.parametrize("path", HEADER_PATHS)
def test_every_response_says_nosniff_and_sets_a_referrer_policy(client, path):
    response = client.get(path)
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") in ("no-referrer", "same-origin", "strict-origin",
                                                       "strict-origin-when-cross-origin")


def test_the_page_has_a_content_security_policy_without_unsafe_sources(client):
    policy = client.get("/").headers.get("Content-Security-Policy", "")
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip())
    assert "default-src" in directives
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "*" not in policy.split()
    assert directives.get("frame-ancestors", "").strip() in ("'none'", "'self'")


def test_api_errors_are_not_html(client):
    response = client.get("/api/v1/events?from=<script>alert(1)</script>")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"  # never rendered as a page


# ------------------------------------------------------------------ secrets

def test_write_token_comes_only_from_the_environment(tmp_path, monkeypatch):
    from api import create_app

    url = f"sqlite:///{tmp_path / 'tok.db'}"
    monkeypatch.delenv("TIMELINE_API_TOKEN", raising=False)
    app = create_app({"DATABASE_URL": url, "TIMELINE_SEED_DIR": "none"})
    assert app.config["TIMELINE_API_TOKEN"] is None
    assert app.test_client().post("/api/v1/documents", json={"text": "x"}).status_code == 403
    app.extensions["timeline_store"].dispose()

    monkeypatch.setenv("TIMELINE_API_TOKEN", "from-the-environment")
    app = create_app({"DATABASE_URL": url, "TIMELINE_SEED_DIR": "none"})
    client = app.test_client()
    wrong = client.delete("/api/v1/documents/none", headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401 and "from-the-environment" not in wrong.get_data(as_text=True)
    right = client.delete("/api/v1/documents/none", headers={"Authorization": "Bearer from-the-environment"})
    assert right.status_code == 404
    app.extensions["timeline_store"].dispose()


SECRET_PATTERNS = [
    re.compile(r"(?i)(api[_-]?token|secret[_-]?key|password)\s*[=:]\s*['\"][A-Za-z0-9+/_\-]{12,}['\"]"),
    re.compile(r"-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----"),
    # a URL with a literal password in it (a ${VARIABLE} from the environment is fine)
    re.compile(r"postgres(ql)?://[^:@/\s]+:(?!\$\{)[^@/\s]+@"),
]


def test_no_secret_is_committed_to_the_app_or_its_image():
    tracked = subprocess.run(["git", "ls-files", "api", "schemas", "Dockerfile", "compose.yaml", "pyproject.toml",
                              "seeds", ".ci"], cwd=REPO_ROOT, capture_output=True, text=True)
    files = [REPO_ROOT / name for name in tracked.stdout.split()] if tracked.returncode == 0 else \
        [p for p in (REPO_ROOT / "api").rglob("*.py")]
    for path in files:
        if not path.is_file() or path.suffix in (".svg", ".png", ".ico"):
            continue
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        for pattern in SECRET_PATTERNS:
            assert not pattern.search(text), f"{path.relative_to(REPO_ROOT)} looks like it holds a secret"
