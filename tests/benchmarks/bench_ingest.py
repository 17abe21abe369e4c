"""Articles per second through `timeline ingest` in bulk, on SQLite and PostgreSQL.

    python tests/benchmarks/bench_ingest.py                       # 500 articles, both stores
    python tests/benchmarks/bench_ingest.py --articles 50 --stores sqlite   # a quick run
    python tests/benchmarks/bench_ingest.py --json

Synthetic wire-style articles (a dateline, a lead sentence with an event and a
time expression, follow-up paragraphs with more dated events, a quote and
some furniture; every story is reported by two or three agencies in
different words so merging has work to do) are written as one .json file
each into a temporary folder. Then, for each store, the real command
`python -m api ingest FOLDER --progress never` runs against a fresh database
(DATABASE_URL; PostgreSQL is a throwaway server like the `postgres_url`
fixture's), once cold and once more on the same folder (every text already
stored: the idempotent path). Wall time includes the process start-up, which
is also shown on its own (a one-article ingest).

Until `api.extract.pipeline` exists the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CITIES = [("LYON", "France"), ("LAGOS", "Nigeria"), ("LIMA", "Peru"), ("OSLO", "Norway"),
          ("DHAKA", "Bangladesh"), ("QUITO", "Ecuador"), ("HANOI", "Vietnam"), ("ACCRA", "Ghana"),
          ("PORTO", "Portugal"), ("TUNIS", "Tunisia"), ("RIGA", "Latvia"), ("PERTH", "Australia"),
          ("CUSCO", "Peru"), ("DAVAO", "Philippines"), ("NANTES", "France"), ("BERGEN", "Norway"),
          ("SENDAI", "Japan"), ("LEEDS", "Britain"), ("GDANSK", "Poland"), ("MOMBASA", "Kenya")]
AGENCIES = ["EuroWire", "Global Press", "Coastal News Agency", "Reuters-like Wire", "Daily Dispatch"]
STORIES = [
    ("A fire tore through a {thing} in {place}", "The blaze broke out", "firefighters", "warehouse"),
    ("Floods forced hundreds of residents from their homes in {place}", "The river burst its banks",
     "rescue teams", "riverside district"),
    ("Dock workers went on strike at the port of {place}", "The strike began", "union leaders", "container terminal"),
    ("Police arrested {n} people after a protest in {place}", "The protest started", "police", "central square"),
    ("A cyber attack shut down the ticketing system of {place}'s metro", "The attack was detected",
     "engineers", "metro network"),
    ("An earthquake of magnitude {mag} struck near {place}", "The quake hit", "seismologists", "coastal town"),
    ("A court in {place} sentenced a former mayor to {n} years in prison", "The trial opened",
     "prosecutors", "city hall"),
    ("Voters in {place} elected a new regional council", "Polls opened", "election officials", "polling stations"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]


def _article(rng: random.Random, story: int, place: str, country: str, day: date, agency: str,
             variant: int) -> dict:
    lead, follow, actors, thing = STORIES[story]
    lead = lead.format(thing=thing, place=place.title(), n=rng.randint(3, 40), mag=f"{rng.uniform(4, 7):.1f}")
    published = day + timedelta(days=variant % 2)
    when = {0: "on " + WEEKDAYS[day.weekday()], 1: "last night" if published != day else "overnight",
            2: f"on {day.day} {MONTHS[day.month - 1]}"}[variant % 3]
    past = day - timedelta(days=rng.randint(20, 900))
    future = published + timedelta(days=rng.randint(2, 40))
    paragraphs = [
        f"{place}, {country}, {MONTHS[published.month - 1]} {published.day} ({agency}) - {lead} {when}, "
        f"officials said.",
        f"{follow} at about {rng.randint(1, 11)} p.m. on {WEEKDAYS[day.weekday()]}, {actors} said. "
        f"{rng.randint(2, 60)} people were treated for minor injuries.",
        f"A similar incident in {past.year} led to an inquiry that reported in {MONTHS[past.month - 1]} "
        f"{past.year}. The minister will visit the {thing} on {WEEKDAYS[future.weekday()]} "
        f"{future.day} {MONTHS[future.month - 1]}.",
        f"\"We are doing everything we can,\" a spokesperson for the {actors} said in a statement "
        f"on {WEEKDAYS[published.weekday()]}.",
        "Download our app for live updates",
    ]
    if rng.random() < 0.3:  # some longer pieces
        paragraphs.insert(3, " ".join(
            f"Residents said the {thing} had been a worry for years, and {actors} had warned in "
            f"{MONTHS[rng.randrange(12)]} {past.year - k % 3} that it needed repairs." for k in range(4)))
    return {"text": "\n\n".join(paragraphs) + "\n", "published": published.isoformat(),
            "title": lead, "source": agency}


def synthetic_articles(n: int, seed: int = 3) -> list[tuple[str, dict]]:
    """`n` (id, record) pairs: stories each told by 2-3 agencies in different words."""
    rng = random.Random(seed)
    out: list[tuple[str, dict]] = []
    story_number = 0
    while len(out) < n:
        story = rng.randrange(len(STORIES))
        place, country = rng.choice(CITIES)
        day = date(2018, 1, 1) + timedelta(days=rng.randrange(2500))
        tellers = rng.sample(AGENCIES, rng.randint(2, 3))
        for variant, agency in enumerate(tellers):
            if len(out) >= n:
                break
            out.append((f"wire-{story_number:05d}-{variant}",
                        _article(rng, story, place, country, day, agency, variant + story_number)))
        story_number += 1
    return out


def write_articles(folder: Path, n: int, seed: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id, record in synthetic_articles(n, seed):
        path = folder / f"{doc_id}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def pipeline_missing() -> str | None:
    try:
        import api.extract.pipeline  # noqa: F401
    except ImportError as error:
        return str(error)
    return None


def ingest(folder: Path, url: str, timeout: float = 3600) -> tuple[float, str]:
    env = {**os.environ, "DATABASE_URL": url, "TIMELINE_SEED_DIR": "none", "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "api", "ingest", "--progress", "never", str(folder)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"timeline ingest failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return elapsed, done.stdout.strip()


def stored_counts(url: str) -> dict:
    import sqlalchemy as sa

    from api.store import Store, documents_table, events_table, mentions_table

    store = Store(url)
    try:
        with store.engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in (documents_table, events_table, mentions_table)}
    finally:
        store.dispose()


def measure(label: str, url: str, folder: Path, one: Path, n: int, log=print) -> dict:
    startup, _ = ingest(one, url)        # one article: process start-up and imports
    cold, summary = ingest(folder, url)  # the one article is in the folder too: n - 1 new
    warm, warm_summary = ingest(folder, url)
    counts = stored_counts(url)
    result = {"store": label, "articles": n, "startup_s": round(startup, 2), "ingest_s": round(cold, 2),
              "articles_per_s": round(n / cold, 2),
              "articles_per_s_excluding_startup": round(n / max(cold - startup, 1e-9), 2),
              "reingest_s": round(warm, 2), "reingest_articles_per_s": round(n / warm, 2),
              "stored": counts, "summary": summary, "reingest_summary": warm_summary}
    log(f"  {label:<9} {n} articles in {cold:.2f}s = {result['articles_per_s']} articles/s "
        f"({result['articles_per_s_excluding_startup']}/s without the {startup:.2f}s start-up); "
        f"re-ingest {warm:.2f}s; stored {counts}")
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500, help="synthetic articles (default 500)")
    parser.add_argument("--stores", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    missing = pipeline_missing()
    if missing:
        print(f"api.extract.pipeline is not there yet ({missing}); nothing to ingest, nothing measured")
        return 0
    log = (lambda *a, **k: print(*a, file=sys.stderr, **k)) if args.json else print
    results = []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-ingest-") as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / "articles"
        paths = write_articles(folder, args.articles)
        one = paths[0]
        size = sum(p.stat().st_size for p in paths)
        log(f"{len(paths)} synthetic articles, {size / len(paths):.0f} bytes each on average")
        for label in [s.strip() for s in args.stores.split(",") if s.strip()]:
            if label == "sqlite":
                results.append(measure("sqlite", f"sqlite:///{tmp_path / 'ingest.db'}", folder, one,
                                       len(paths), log))
            elif label == "postgres":
                from tests.benchmarks.bench_api import throwaway_postgres

                with throwaway_postgres() as url:
                    results.append(measure("postgres", url, folder, one, len(paths), log))
            else:
                parser.error(f"unknown store {label!r}")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
