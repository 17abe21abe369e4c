"""SIGKILL in the middle of a bulk `timeline ingest`, then restart (issue 7).

A reference ingest of the same folder into a fresh store gives the expected
result. Then the real command runs again into another fresh store and is
killed with SIGKILL as soon as its first batch is committed (so it dies while
parsing or writing a later one). After the kill:

- every stored document is whole: exactly the mentions the reference stored
  for it, every mention's event exists, every event has a mention;
- rerunning the same command completes the set: the same documents, mentions
  and events as the reference, no duplicate document or mention.

On SQLite (the WAL is recovered on the next open) and on PostgreSQL (the
server rolls back the dead client's transaction and frees its advisory lock).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail
from tests.ops.conftest import REPO_ROOT, module_available

pytestmark = [pytest.mark.slow]

ARTICLES = 60  # three batches of api.cli.INGEST_BATCH (20)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    if not module_available("api.extract.pipeline"):
        skip_or_fail("api.extract.pipeline has not landed: nothing to ingest")
    from tests.benchmarks.bench_ingest import write_articles

    folder = tmp_path_factory.mktemp("kill-articles")
    write_articles(folder, ARTICLES, seed=17)
    return folder


def _fresh_database(kind: str, tmp_path: Path, request) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex[:8]}.db'}"
    import sqlalchemy as sa

    from api.store import normalize_url

    server = request.getfixturevalue("postgres_url")
    name = f"kill_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(normalize_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


def _ingest_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "api", "ingest", "--progress", "never", str(folder)]


def _env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "TIMELINE_SEED_DIR": "none", "PYTHONPATH": str(REPO_ROOT)}


def _run_ingest(folder: Path, url: str) -> subprocess.CompletedProcess:
    done = subprocess.run(_ingest_command(folder), cwd=REPO_ROOT, env=_env(url), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _snapshot(url: str) -> dict:
    """What the store holds, in comparable form."""
    import sqlalchemy as sa

    from api.store import Store, documents_table, events_table, mentions_table

    store = Store(url)
    try:
        with store.engine.connect() as conn:
            documents = conn.execute(sa.select(documents_table.c.id, documents_table.c.content_hash)).all()
            mentions = conn.execute(sa.select(
                mentions_table.c.document_id, mentions_table.c.event_id, mentions_table.c.sentence_start,
                mentions_table.c.trigger_start, mentions_table.c.trigger_end)).all()
            events = conn.execute(sa.select(events_table.c.id, events_table.c.sources)).all()
    finally:
        store.dispose()
    per_document: dict[str, list] = {doc_id: [] for doc_id, _ in documents}
    for document_id, _event, sentence_start, trigger_start, trigger_end in mentions:
        per_document.setdefault(document_id, []).append((sentence_start, trigger_start, trigger_end))
    return {
        "documents": [doc_id for doc_id, _ in documents],
        "hashes": [digest for _, digest in documents],
        "mentions": mentions,
        "per_document": {k: sorted(v) for k, v in per_document.items()},
        "event_ids": {event_id for event_id, _ in events},
        "mention_event_ids": {m[1] for m in mentions},
        "sources": {event_id: sources for event_id, sources in events},
    }


def _assert_consistent(state: dict, reference: dict) -> None:
    assert len(state["documents"]) == len(set(state["documents"]))
    assert len(state["hashes"]) == len(set(state["hashes"]))
    keys = [(m[0], m[2], m[3], m[4]) for m in state["mentions"]]
    assert len(keys) == len(set(keys)), "a mention was stored twice"
    # No half-stored document: each one has exactly the mentions a clean ingest gives it.
    for doc_id, spans in state["per_document"].items():
        assert doc_id in reference["per_document"], f"{doc_id} is not one of the ingested documents"
        assert spans == reference["per_document"][doc_id], f"{doc_id} is half-stored"
    assert state["mention_event_ids"] <= state["event_ids"], "a mention points at a missing event"
    assert state["event_ids"] <= state["mention_event_ids"], "an event without mentions was left behind"
    stored = set(state["documents"])
    for event_id, sources in state["sources"].items():
        assert set(sources) <= stored, f"{event_id} cites a document that is not stored"


def _count_documents(url: str) -> int:
    import sqlalchemy as sa

    from api.store import Store, documents_table

    store = Store(url)
    try:
        with store.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(documents_table)).scalar_one()
    except sa.exc.SQLAlchemyError:
        return 0  # the schema is not there yet
    finally:
        store.dispose()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_sigkill_mid_ingest_leaves_whole_documents_and_rerun_completes(kind, articles, tmp_path, request):
    reference_url = _fresh_database(kind, tmp_path, request)
    _run_ingest(articles, reference_url)
    reference = _snapshot(reference_url)
    assert len(reference["documents"]) == ARTICLES
    assert reference["mentions"], "the pipeline found no mentions in the synthetic articles"

    url = _fresh_database(kind, tmp_path, request)
    process = subprocess.Popen(_ingest_command(articles), cwd=REPO_ROOT, env=_env(url),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stored_at_kill = 0
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and process.poll() is None:
            stored_at_kill = _count_documents(url)
            if stored_at_kill > 0:
                break
            time.sleep(0.02)
        if process.poll() is not None:
            pytest.fail(f"ingest finished (exit {process.returncode}) before it could be killed; "
                        f"stderr: {process.stderr.read()[-2000:]}")
        process.send_signal(signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    after_kill = _snapshot(url)
    assert 0 < len(after_kill["documents"]) < ARTICLES, "the kill did not land in the middle of the ingest"
    _assert_consistent(after_kill, reference)

    rerun = _run_ingest(articles, url)
    assert f"{ARTICLES - len(after_kill['documents'])} new" in rerun.stdout, rerun.stdout
    final = _snapshot(url)
    _assert_consistent(final, reference)
    assert sorted(final["documents"]) == sorted(reference["documents"])
    assert len(final["mentions"]) == len(reference["mentions"])
    assert len(final["event_ids"]) == len(reference["event_ids"])
