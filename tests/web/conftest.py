"""An app whose store holds the sample events (no pipeline, no seeds)."""
import pytest

from tests.web.sample_events import sample_timeline


@pytest.fixture
def sample_app(tmp_path):
    from api import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}", "TIMELINE_SEED_DIR": "none",
                      "TESTING": True})
    docs, timeline = sample_timeline()
    app.extensions["timeline_store"].store_parsed(docs, timeline)
    yield app
    app.extensions["timeline_store"].dispose()


@pytest.fixture
def client(sample_app):
    return sample_app.test_client()
