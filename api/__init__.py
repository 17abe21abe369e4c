"""The Flask application: `api:create_app()` is the WSGI entry point.

With no set-up at all it opens an SQLite store in the instance folder and,
when the store is empty, fills it from the seed articles.
"""
from __future__ import annotations

import fcntl
import logging
from pathlib import Path

from flask import Flask

from api.config import load_config
from api.errors import register_error_handlers
from api.http_layer import register_http_layer
from api.routes import register_blueprints
from api.store import Store

log = logging.getLogger("api")
PACKAGED_SEEDS = Path(__file__).resolve().parent / "seeds"


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    settings = load_config()
    settings.update(config or {})
    app.config.update(settings)
    app.config["MAX_CONTENT_LENGTH"] = settings["TIMELINE_MAX_BODY_BYTES"]
    app.json.sort_keys = False  # keep the contract's field order
    _configure_logging(settings.get("TIMELINE_LOG_LEVEL", "INFO"))

    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    url = settings.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'timeline.db'}"
    store = Store(url)
    store.create_schema()
    app.extensions["timeline_store"] = store
    seed_if_empty(store, seed_dir(settings.get("TIMELINE_SEED_DIR")), Path(app.instance_path))

    register_error_handlers(app)
    register_http_layer(app)
    register_blueprints(app)
    return app


def seed_dir(setting: str | None) -> Path | None:
    """TIMELINE_SEED_DIR, else ./seeds, else the copy installed with the package; 'none' disables."""
    if setting and setting.strip().lower() == "none":
        return None
    if setting:
        return Path(setting)
    for candidate in (Path.cwd() / "seeds", PACKAGED_SEEDS):
        if candidate.is_dir():
            return candidate
    return None


def seed_if_empty(store: Store, folder: Path | None, lock_dir: Path) -> int:
    """Load the seed articles into an empty store; returns how many were stored.

    A file lock makes gunicorn workers that start together seed once: the
    first holds the lock while it ingests, the others then find the store full.
    On PostgreSQL the store's seed lock does the same for replicas on other
    machines (compose.yaml).
    """
    if folder is None or not folder.is_dir():
        return 0
    from api.documents_io import read_documents

    with open(lock_dir / "seed.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            with store.seed_lock():
                if not store.is_empty():
                    return 0
                docs = read_documents([folder])
                if not docs:
                    return 0
                try:
                    results = store.ingest_many(docs)
                except ImportError as error:  # the extraction engine is not installed
                    log.warning("seeding skipped: %s", error)
                    return 0
                stored = sum(1 for result in results if result.created)
                log.info("seeded %d documents from %s", stored, folder)
                return stored
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _configure_logging(level: str) -> None:
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    root.setLevel(getattr(logging, str(level).upper(), logging.INFO))
