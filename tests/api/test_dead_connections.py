"""The server drops every connection (a restart, a failover): the API reconnects.

Pooled connections are killed for real, server-side, with
pg_terminate_backend; the next requests of every kind must still answer.
"""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from api.store import Store, normalize_url
from tests.api.conftest import DOC_A, DOC_B, FIXTURE_TIMELINE, make_app

pytestmark = pytest.mark.postgres


@pytest.fixture
def database_url(postgres_url):
    store = Store(postgres_url)
    store.drop_schema()
    store.create_schema()
    store.store_parsed([DOC_A, DOC_B], FIXTURE_TIMELINE)
    store.dispose()
    return postgres_url


@pytest.fixture
def postgres_client(database_url):
    app = make_app(database_url)
    yield app.test_client()
    app.extensions["timeline_store"].dispose()


def terminate_other_connections(url: str) -> int:
    killer = sa.create_engine(normalize_url(url), poolclass=sa.pool.NullPool)
    with killer.connect() as conn:
        killed = conn.exec_driver_sql(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND datname = current_database()"
        ).scalar()
    killer.dispose()
    return killed


@pytest.mark.parametrize("path", [
    "/api/v1/events?from=2023-05-01&to=2023-05-09", "/api/v1/events/evt_parade", "/api/v1/documents/doc-a",
    "/api/v1/timeline?from=2023&format=ics", "/readyz",
])
def test_a_read_after_the_server_dropped_every_connection_still_answers(postgres_client, database_url, path):
    before = postgres_client.get(path)
    assert before.status_code == 200
    assert terminate_other_connections(database_url) >= 1
    for _ in range(3):  # the first finds the dead connection; none may fail
        after = postgres_client.get(path)
        assert after.status_code == 200, after.get_data(as_text=True)
        assert after.get_data() == before.get_data()


def test_a_write_after_the_server_dropped_every_connection_is_stored(postgres_client, database_url, auth):
    assert postgres_client.get("/api/v1/events").status_code == 200
    assert terminate_other_connections(database_url) >= 1
    response = postgres_client.post("/api/v1/documents", headers=auth, json={
        "text": "Officials said the bridge reopened on Monday.", "published": "2023-05-10"})
    assert response.status_code == 201, response.get_data(as_text=True)
    assert postgres_client.get(f"/api/v1/documents/{response.get_json()['document']['id']}").status_code == 200
