"""compose.yaml and deploy/nginx.conf describe the scale-out the tests run
(tests/api/test_scale_out.py): replicas of the API image on one PostgreSQL,
behind nginx. The stack itself cannot start here (no registry to pull
postgres or nginx from), so its shape is checked statically."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from api.config import DEFAULT_MAX_BODY_BYTES

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()
SERVICES = COMPOSE["services"]


def _default(value: str) -> str:
    """${NAME:-default} -> default."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value))


def test_the_api_runs_as_several_replicas_of_the_image_on_one_postgresql():
    api = SERVICES["api"]
    assert api["build"] == "."
    assert int(_default(api["deploy"]["replicas"])) >= 2
    url = _default(api["environment"]["DATABASE_URL"])
    # the password is never baked in: compose refuses to start without POSTGRES_PASSWORD
    assert re.fullmatch(r"postgresql://\w+:\$\{POSTGRES_PASSWORD:\?[^}]*\}@db:5432/\w+", url), url
    assert SERVICES["db"]["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert api["depends_on"]["db"]["condition"] == "service_healthy"
    assert "ports" not in api  # only the load balancer is published
    assert SERVICES["db"]["image"].startswith("postgres:15")
    assert "pg_isready" in " ".join(SERVICES["db"]["healthcheck"]["test"])


def test_nginx_balances_over_the_api_service_with_this_repository_config():
    lb = SERVICES["lb"]
    assert lb["image"].startswith("nginx:")
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in lb["volumes"]
    assert lb["depends_on"]["api"]["condition"] == "service_healthy"
    assert "http://api:8000" in NGINX
    assert "resolver 127.0.0.11" in NGINX  # re-resolve replicas as they come and go


@pytest.mark.parametrize("setting, expected", [
    ("client_max_body_size", "1m"),
    ("proxy_set_header Host", "$http_host"),
    ("proxy_set_header X-Forwarded-Proto", "$scheme"),
])
def test_nginx_keeps_the_api_limits_and_links(setting, expected):
    assert re.search(rf"^\s*{re.escape(setting)}\s+{re.escape(expected)};", NGINX, re.M), setting
    assert DEFAULT_MAX_BODY_BYTES == 1024 * 1024  # nginx's 1m is the API's default limit


def test_the_body_limit_is_the_same_in_compose_and_nginx():
    assert int(SERVICES["api"]["environment"]["TIMELINE_MAX_BODY_BYTES"]) == 1024 * 1024
