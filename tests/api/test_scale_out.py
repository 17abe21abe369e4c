"""Scale-out: two gunicorn servers (two workers each) share one PostgreSQL.

This is what compose.yaml runs behind nginx. Writes through one server are
read through the other, and concurrent POSTs of the same and of different
articles, spread over both servers, lose nothing and duplicate nothing.
These tests POST real articles, so they run the event pipeline.
"""
from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import requests

from api.documents_io import read_documents
from api.extract.model import DocumentInput
from api.store import Store
from tests.api.conftest import TOKEN
from tests.api.live import free_port, live_server
from tests.conftest import skip_or_fail

pytestmark = [pytest.mark.postgres, pytest.mark.server, pytest.mark.slow]

AUTH = {"Authorization": f"Bearer {TOKEN}"}
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"
server_logs: dict[str, Path] = {}  # base URL -> the folder of its gunicorn log
OUTLETS = ["Reuters", "AP", "AFP", "BBC", "DPA", "Kyodo", "EFE", "ANSA"]


def parade_report(outlet: str) -> dict:
    """Eight agencies' copies of one story: the same two events, told eight times."""
    return {"text": f"MOSCOW ({outlet}) - Russia held the Victory Day parade on Red Square on 9 May 2023. "
                    "Officials said security was tight.",
            "published": "2023-05-09", "source": outlet}


@pytest.fixture(scope="module")
def servers(postgres_url, tmp_path_factory):
    store = Store(postgres_url)
    store.drop_schema()
    store.create_schema()
    store.dispose()
    workdir = tmp_path_factory.mktemp("scale-out")
    with live_server(postgres_url, workdir / "a", TIMELINE_API_TOKEN=TOKEN) as a, \
            live_server(postgres_url, workdir / "b", TIMELINE_API_TOKEN=TOKEN) as b:
        server_logs.update({a: workdir / "a", b: workdir / "b"})
        yield a, b, postgres_url


@pytest.fixture
def fresh(servers):
    """Both servers, on a store emptied before the test."""
    a, b, url = servers
    store = Store(url)
    for page in iter(lambda: store.list_documents(limit=500).documents, []):
        for document in page:
            store.delete_document(document["id"])
    store.dispose()
    return a, b


def post(base: str, body: dict) -> requests.Response:
    return requests.post(f"{base}/api/v1/documents", json=body, headers=AUTH, timeout=120)


def all_pages(url: str) -> list[dict]:
    """Every item of a paged listing, following next_url."""
    items = []
    while url:
        page = requests.get(url, timeout=60).json()
        items += page["data"]
        url = page["next_url"]
    return items


def all_events(base: str) -> list[dict]:
    return all_pages(f"{base}/api/v1/events?limit=500")


def all_documents(base: str) -> list[dict]:
    return all_pages(f"{base}/api/v1/documents?limit=500")


def test_a_document_written_through_one_server_is_read_and_deleted_through_the_other(fresh):
    a, b = fresh
    before = requests.get(f"{b}/api/v1/events", timeout=30)
    created = post(a, parade_report("Reuters"))
    assert created.status_code == 201, created.text
    doc_id = created.json()["document"]["id"]

    read = requests.get(f"{b}/api/v1/documents/{doc_id}", timeout=30)
    assert read.status_code == 200
    assert read.json()["text"] == parade_report("Reuters")["text"]
    assert {e["id"] for e in created.json()["events"]} == {e["id"] for e in all_events(b)}
    # B's cached page is stale now: its ETag must not match any more
    revalidated = requests.get(f"{b}/api/v1/events", headers={"If-None-Match": before.headers["ETag"]},
                               timeout=30)
    assert revalidated.status_code == 200

    assert post(b, parade_report("Reuters")).status_code == 200  # the same text, through the other server
    assert requests.delete(f"{b}/api/v1/documents/{doc_id}", headers=AUTH, timeout=30).status_code == 204
    assert requests.get(f"{a}/api/v1/documents/{doc_id}", timeout=30).status_code == 404
    assert all_events(a) == []


def post_together(jobs: list[tuple[str, dict]]) -> list[requests.Response]:
    """All POSTs released at the same instant, so their transactions really overlap."""
    start = threading.Barrier(len(jobs))

    def send(job):
        start.wait(timeout=60)
        return post(*job)

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(send, jobs))


def test_concurrent_copies_of_one_story_merge_into_the_same_events_on_both_servers(fresh, tmp_path):
    a, b = fresh
    for outlet in OUTLETS:
        # one agency's copy twice through each server: four requests released at the same
        # instant, one per gunicorn worker, racing to store the same text and merge its events
        responses = post_together([(server, parade_report(outlet)) for server in (a, b, a, b)])
        assert all(r.status_code in (200, 201) for r in responses), \
            [r.text for r in responses if r.status_code > 201]
        assert sorted(r.status_code for r in responses) == [200, 200, 200, 201]  # stored once, then found
        assert len({r.json()["document"]["id"] for r in responses}) == 1

    assert len(all_documents(a)) == len(OUTLETS)
    events = all_events(b)
    # the same events as a one-by-one ingest gives: nothing duplicated, every copy a source
    reference = one_by_one([DocumentInput(id=f"doc-{outlet}", text=parade_report(outlet)["text"],
                                          published=date(2023, 5, 9), source=outlet) for outlet in OUTLETS],
                           tmp_path)
    assert sorted(len(e["sources"]) for e in events) == sorted(len(e.sources) for e in reference)
    assert sorted(len(e["mentions"]) for e in events) == sorted(len(e.mentions) for e in reference)
    assert all(len(e["sources"]) == len(OUTLETS) for e in events)  # every agency's copy joined every event


def one_by_one(documents, folder: Path):
    """The events of these documents ingested one at a time into a private SQLite store."""
    store = Store(f"sqlite:///{folder / 'reference.db'}")
    store.create_schema()
    for document in documents:
        store.ingest(document)
    events = store.query_events(limit=500).events
    store.dispose()
    return events


def test_a_concurrent_bulk_load_through_both_servers_stores_every_mention_once(fresh, tmp_path):
    a, b = fresh
    documents = read_documents([CORPUS])
    bodies = [{"text": d.text, "published": d.published.isoformat() if d.published else None,
               "title": d.title, "url": d.url, "source": d.source} for d in documents]
    # the expected mentions: the same articles ingested one by one into a private SQLite store
    expected_mentions = sum(len(e.mentions) for e in one_by_one(documents, tmp_path))

    jobs = [(server, body) for body, server in zip(bodies + bodies, itertools.cycle((a, b, b, a)))]
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda job: post(*job), jobs))
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {200, 201}, [r.text for r in responses if r.status_code > 201][:3]
    assert statuses.count(201) == len(documents)

    stored = all_documents(b)
    assert len(stored) == len(documents)
    events = all_events(a)
    mentions = [(m["document"], tuple(m["sentence_span"]), tuple(m["trigger_span"]), str(m["time_span"]))
                for event in events for m in event["mentions"]]
    assert len(mentions) == len(set(mentions)) == expected_mentions  # none lost, none stored twice
    for event in events:
        assert event["mentions"], event["id"]
        assert sorted(event["sources"]) == sorted({m["document"] for m in event["mentions"]})
    assert {m[0] for m in mentions} <= {d["id"] for d in stored}
    assert date.fromisoformat(stored[0]["reference_date"])  # documents came back whole


# -- the same two servers behind deploy/nginx.conf ---------------------------

def local_nginx_conf(ports: tuple[int, int], listen: int, workdir: Path) -> str:
    """deploy/nginx.conf with the compose service `api` replaced by the two local servers."""
    conf = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf").read_text()
    replacements = {
        "resolver 127.0.0.11 valid=10s ipv6=off;":
            "upstream timeline_api { server 127.0.0.1:%d; server 127.0.0.1:%d; }" % ports,
        "set $api_upstream http://api:8000;": "set $api_upstream http://timeline_api;",
        "listen 8080;": f"listen 127.0.0.1:{listen};",
        "pid /tmp/nginx.pid;": f"pid {workdir / 'nginx.pid'};",
        "access_log /dev/stdout combined;": f"access_log {workdir / 'access.log'} combined;",
        "error_log /dev/stderr warn;": f"error_log {workdir / 'error.log'} warn;",
        "server_tokens off;": f"server_tokens off; client_body_temp_path {workdir / 'client_body'}; "
                              f"proxy_temp_path {workdir / 'proxy'};",
    }
    if os.geteuid() == 0:  # workers would run as nobody, who cannot enter pytest's private tmp folders
        replacements["worker_processes auto;"] = "worker_processes 2; user root;"
    for old, new in replacements.items():
        assert old in conf, f"deploy/nginx.conf no longer has {old!r}; update this test"
        conf = conf.replace(old, new)
    return conf


@pytest.fixture(scope="module")
def balancer(servers, tmp_path_factory):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        skip_or_fail("nginx is not installed (apt-get install nginx-light; .ci/run does)")
    a, b, _ = servers
    workdir = tmp_path_factory.mktemp("nginx")
    port = free_port()
    ports = tuple(int(base.rsplit(":", 1)[1]) for base in (a, b))
    (workdir / "nginx.conf").write_text(local_nginx_conf(ports, port, workdir))
    for temp in ("client_body", "proxy"):
        (workdir / temp).mkdir()
    command = [nginx, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-e", str(workdir / "error.log"),
               "-g", "daemon off;"]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        yield base, (a, b)
    finally:
        process.terminate()
        process.wait(timeout=30)


def served_by(server: str, marker: str) -> int:
    """How many requests for `marker` the server at this base URL has logged."""
    port = server.rsplit(":", 1)[1]
    return (server_logs[server] / f"server-{port}.log").read_text().count(marker)


def test_the_load_balancer_spreads_reads_over_both_servers_and_passes_writes_and_errors_through(
        fresh, balancer, servers):
    lb, _ = balancer
    for article in read_documents([CORPUS])[:2]:
        created = post(lb, {"text": article.text, "published": str(article.published or "2023-05-09")})
        assert created.status_code == 201, created.text
    page = requests.get(f"{lb}/api/v1/events?limit=1&lb-check=1", timeout=30)
    assert page.status_code == 200
    assert page.json()["next_url"].startswith(f"{lb}/api/v1/events?")  # links name the balancer, not a replica
    for _ in range(10):
        assert requests.get(f"{lb}/api/v1/events?lb-check=1", timeout=30).status_code == 200
    assert all(served_by(server, "lb-check=1") > 0 for server in servers[:2])

    too_large = requests.post(f"{lb}/api/v1/documents", headers=AUTH, timeout=30,
                              json={"text": "word " * 300_000})  # 1.5 MB: over the API's 1 MiB
    assert too_large.status_code == 413
    assert too_large.headers["Content-Type"].startswith("application/problem+json")
    missing = requests.get(f"{lb}/api/v1/nowhere", timeout=30)
    assert missing.status_code == 404 and missing.json()["status"] == 404
