"""Configuration from the environment (CONTRACT §4), with safe defaults.

`load_config()` reads the environment once; `create_app(config)` lets tests
override any key without touching os.environ.
"""
from __future__ import annotations

import os

DEFAULT_MAX_BODY_BYTES = 1024 * 1024


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None


def _origins(raw: str | None) -> list[str] | str:
    """'*' (the default) or the explicit list of allowed origins."""
    if raw is None or raw.strip() in ("", "*"):
        return "*"
    return [origin.strip().rstrip("/") for origin in raw.split(",") if origin.strip()]


def load_config() -> dict:
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or None,
        "TIMELINE_API_TOKEN": os.environ.get("TIMELINE_API_TOKEN") or None,
        "TIMELINE_SEED_DIR": os.environ.get("TIMELINE_SEED_DIR") or None,
        "TIMELINE_CORS_ORIGINS": _origins(os.environ.get("TIMELINE_CORS_ORIGINS")),
        "TIMELINE_MAX_BODY_BYTES": _int_env("TIMELINE_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
        "TIMELINE_LOG_LEVEL": os.environ.get("TIMELINE_LOG_LEVEL", "INFO").upper(),
    }
