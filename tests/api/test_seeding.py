"""Seeding an empty store: once, even when replicas on different machines
(different instance folders, so different file locks) start together on one
PostgreSQL."""
from __future__ import annotations

import threading
import time

import pytest

from api import seed_if_empty
from api.store import Store

pytestmark = pytest.mark.postgres


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.json").write_text('{"text": "The parade was held on 9 May 2023.", "published": "2023-05-10"}')
    (folder / "b.json").write_text('{"text": "Officials met in Moscow on 8 May 2023.", "published": "2023-05-10"}')
    return folder


def test_replicas_starting_together_on_one_postgresql_seed_it_once(postgres_url, seeds, tmp_path, monkeypatch):
    Store(postgres_url).drop_schema()
    original, calls = Store.ingest_many, []

    def counted(self, docs):
        calls.append(len(docs))
        time.sleep(0.3)  # a slow parse: the other replica arrives meanwhile
        return original(self, docs)

    monkeypatch.setattr(Store, "ingest_many", counted)
    stores = [Store(postgres_url) for _ in range(3)]
    for store in stores:
        store.create_schema()
    stored = [None] * len(stores)
    start = threading.Barrier(len(stores))

    def replica(index):
        machine = tmp_path / f"machine-{index}"  # its own instance folder, so its own file lock
        machine.mkdir()
        start.wait(timeout=30)
        stored[index] = seed_if_empty(stores[index], seeds, machine)

    threads = [threading.Thread(target=replica, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(stored) == [0, 0, 2]
    assert calls == [2]  # one replica parsed the seeds; the others found the store full
    assert len(stores[0].list_documents().documents) == 2
    for store in stores:
        store.dispose()
