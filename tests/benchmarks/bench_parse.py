"""Seconds per article for the event pipeline, against dateparser as a yardstick.

    python tests/benchmarks/bench_parse.py                  # sizes 10, 100, 1000
    python tests/benchmarks/bench_parse.py --sizes 100 --json

The development corpus (tests/corpus/articles) is replicated with changed ids
up to each size and parsed as one collection by `api.extract.pipeline.parse`
in a fresh single process per size, so peak memory (ru_maxrss) belongs to that
size alone. A warm-up parse of one article first loads the rules and
lexicons; its time is shown apart. The same texts then go through
`dateparser.search.search_dates` (at most --dateparser-max of them, which is
slow) for a seconds-per-article ratio. Finally the real command,
`python -m api parse FOLDER`, runs on the replicated files, start-up included.

Issue bar: 100 articles should parse in a few seconds on one core.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.benchmarks.score_events import DEFAULT_ARTICLES, load_documents  # noqa: E402


def replicate(docs, size: int):
    """`size` documents cycling through `docs`; copies get ids `<id>~<n>`."""
    out = []
    for n in range(size):
        doc = docs[n % len(docs)]
        copy = n // len(docs)
        out.append(doc if copy == 0 else replace(doc, id=f"{doc.id}~{copy}"))
    return out


def _write_folder(docs, folder: Path) -> None:
    for doc in docs:
        body = {"text": doc.text}
        if doc.published:
            body["published"] = doc.published.isoformat()
        (folder / f"{doc.id}.json").write_text(json.dumps(body), encoding="utf-8")


def measure_one_size(size: int, articles: Path, dateparser_max: int, with_tracemalloc: bool) -> dict:
    """Runs inside a fresh child process (see main)."""
    from api.extract.pipeline import parse

    corpus = load_documents(articles)
    docs = replicate(corpus, size)
    started = time.perf_counter()
    parse(docs[:1])
    warm_up = time.perf_counter() - started

    started = time.perf_counter()
    timeline = parse(docs)
    elapsed = time.perf_counter() - started
    result = {
        "articles": size, "warm_up_s": round(warm_up, 4), "parse_s": round(elapsed, 4),
        "s_per_article": round(elapsed / size, 5), "events": len(timeline.events),
        "mentions": sum(len(e.mentions) for e in timeline.events),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if with_tracemalloc:
        tracemalloc.start()
        parse(docs)
        result["tracemalloc_peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()

    from dateparser.search import search_dates
    sample = docs[:min(size, dateparser_max)]
    started = time.perf_counter()
    for doc in sample:
        base = datetime.combine(doc.published, datetime.min.time()) if doc.published else None
        search_dates(doc.text, settings={"RELATIVE_BASE": base} if base else None)
    dateparser_per_article = (time.perf_counter() - started) / len(sample)
    result["dateparser_s_per_article"] = round(dateparser_per_article, 5)
    result["dateparser_articles"] = len(sample)
    result["ratio_parse_to_dateparser"] = round(result["s_per_article"] / dateparser_per_article, 3)
    return result


def measure_cli(size: int, articles: Path) -> dict:
    """Wall time of `python -m api parse FOLDER` over `size` article files."""
    docs = replicate(load_documents(articles), size)
    with tempfile.TemporaryDirectory() as folder:
        _write_folder(docs, Path(folder))
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "api", "parse", folder], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              preexec_fn=_pin_to_one_core)
        elapsed = time.perf_counter() - started
    if done.returncode != 0:
        return {"cli_error": done.stderr.strip().splitlines()[-1:]}
    return {"cli_s": round(elapsed, 3), "cli_s_per_article": round(elapsed / size, 5)}


def _pin_to_one_core() -> None:
    """The issue bar is per core: keep the measured process on one CPU."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def format_table(rows: list[dict]) -> str:
    header = (f"{'articles':>8} {'parse s':>9} {'s/article':>10} {'warm-up s':>9} {'events':>7} "
              f"{'peak RSS MiB':>12} {'tracemalloc MiB':>15} {'dateparser s/art':>16} {'ratio':>7} "
              f"{'CLI s':>7} {'CLI s/art':>9}")
    lines = [header, "-" * len(header)]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['articles']:>8} error: {r['error']}")
            continue
        lines.append(
            f"{r['articles']:>8} {r['parse_s']:>9.3f} {r['s_per_article']:>10.5f} {r['warm_up_s']:>9.3f} "
            f"{r['events']:>7} {r['peak_rss_mib']:>12} {r.get('tracemalloc_peak_mib', '-'):>15} "
            f"{r['dateparser_s_per_article']:>16.5f} {r['ratio_parse_to_dateparser']:>7} "
            f"{r.get('cli_s', '-'):>7} {r.get('cli_s_per_article', '-'):>9}")
    lines.append("ratio = pipeline s/article / dateparser.search_dates s/article (lower is faster); "
                 "dateparser timed on at most the first --dateparser-max articles")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated article counts")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--dateparser-max", type=int, default=100)
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the traced (slower) extra pass")
    parser.add_argument("--no-cli", action="store_true", help="skip timing the `python -m api parse` command")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        _pin_to_one_core()
        print(json.dumps(measure_one_size(args.child, args.articles, args.dateparser_max, not args.no_tracemalloc)))
        return 0
    try:
        import api.extract.pipeline  # noqa: F401
    except ImportError as exc:
        print(f"api.extract.pipeline is not available yet ({exc}); nothing to benchmark")
        return 0

    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        command = [sys.executable, __file__, "--child", str(size), "--articles", str(args.articles),
                   "--dateparser-max", str(args.dateparser_max)] + (["--no-tracemalloc"] if args.no_tracemalloc else [])
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            rows.append({"articles": size, "error": (done.stderr.strip().splitlines() or ["?"])[-1]})
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        if not args.no_cli:
            row.update(measure_cli(size, args.articles))
        rows.append(row)
    print(json.dumps(rows, indent=1) if args.json else format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
