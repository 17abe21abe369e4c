"""Seconds per article (and documents and characters per second) for the event
pipeline, against dateparser as a yardstick.

    python tests/benchmarks/bench_parse.py                  # sizes 10, 100, 1000
    python tests/benchmarks/bench_parse.py --sizes 100 --json
    python tests/benchmarks/bench_parse.py --stories --sizes 63,126,252,504,1008

The development corpus (tests/corpus/articles) is replicated with changed ids
up to each size and parsed as one collection by `api.extract.pipeline.parse`
in a fresh single process per size, so peak memory (ru_maxrss) belongs to that
size alone.  That repeats the same stories on the same days, which hides any
cost that grows with the number of days and stories in a collection; with
`--stories` the four annotated corpora are copied instead, each copy with
its capitalised names changed and its dates moved 45 days on (`distinct_stories`):
a collection of many different stories over many days, half of whose
articles are undated, as a large ingest would be. A warm-up parse of one
article first loads the rules and lexicons; its time is shown apart. The same texts then go through
`dateparser.search.search_dates` (at most --dateparser-max of them, which is
slow) for a seconds-per-article ratio. Finally the real command,
`python -m api parse FOLDER`, runs on the replicated files, start-up included.

Issue bar: 100 articles should parse in a few seconds on one core.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import datetime, timedelta
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


STORY_CORPORA = [REPO / "tests" / name / "articles"
                 for name in ("corpus", "corpus_heldout", "corpus_heldout2", "corpus_heldout3")]
_WORD = re.compile(r"\b[^\W\d_]{3,}\b")


def distinct_stories(docs, size: int, days_apart: int = 45):
    """`size` documents cycling through `docs`; each later copy tells other
    stories: every capitalised word outside a time expression and not a
    stopword gets the copy's suffix ("Corvanta" -> "Corvantabc"), and the
    given publication date moves `days_apart` days per copy (the texts' own
    dates stay, so copies of undated articles must be dated by their copy's story)."""
    from api.extract import timex
    from api.extract.lexicon_events import STOPWORDS

    out = []
    for n in range(size):
        doc = docs[n % len(docs)]
        copy = n // len(docs)
        if copy == 0:
            out.append(doc)
            continue
        suffix = "".join(chr(ord("a") + int(digit)) for digit in str(copy))
        times = [(c.start, c.end) for c in timex.detect(doc.text)]

        def renamed(match, times=times, suffix=suffix):
            word = match.group()
            if not word[0].isupper() or word.lower() in STOPWORDS or any(a <= match.start() < b for a, b in times):
                return word
            return word + suffix
        published = doc.published + timedelta(days=days_apart * copy) if doc.published else None
        out.append(replace(doc, id=f"{doc.id}~{copy}", text=_WORD.sub(renamed, doc.text), published=published))
    return out


def load_corpora(folders) -> list:
    return [doc for folder in folders for doc in load_documents(folder)]


def _write_folder(docs, folder: Path) -> None:
    for doc in docs:
        body = {"text": doc.text}
        if doc.published:
            body["published"] = doc.published.isoformat()
        (folder / f"{doc.id}.json").write_text(json.dumps(body), encoding="utf-8")


def collection(size: int, articles: list[Path], stories: bool) -> list:
    corpus = load_corpora(articles)
    return distinct_stories(corpus, size) if stories else replicate(corpus, size)


def measure_one_size(size: int, articles: list[Path], dateparser_max: int, with_tracemalloc: bool,
                     stories: bool = False) -> dict:
    """Runs inside a fresh child process (see main)."""
    from api.extract.pipeline import parse

    docs = collection(size, articles, stories)
    started = time.perf_counter()
    parse(docs[:1])
    warm_up = time.perf_counter() - started

    started = time.perf_counter()
    timeline = parse(docs)
    elapsed = time.perf_counter() - started
    characters = sum(len(doc.text) for doc in docs)
    result = {
        "articles": size, "characters": characters, "warm_up_s": round(warm_up, 4), "parse_s": round(elapsed, 4),
        "s_per_article": round(elapsed / size, 5), "docs_per_s": round(size / elapsed, 1),
        "chars_per_s": round(characters / elapsed), "events": len(timeline.events),
        "mentions": sum(len(e.mentions) for e in timeline.events),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if with_tracemalloc:
        tracemalloc.start()
        parse(docs)
        result["tracemalloc_peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()

    sample = docs[:min(size, dateparser_max)]
    if not sample:  # --dateparser-max 0: the pipeline alone, no yardstick
        result.update(dateparser_s_per_article=None, dateparser_articles=0, ratio_parse_to_dateparser=None)
        return result
    from dateparser.search import search_dates
    started = time.perf_counter()
    for doc in sample:
        base = datetime.combine(doc.published, datetime.min.time()) if doc.published else None
        search_dates(doc.text, settings={"RELATIVE_BASE": base} if base else None)
    dateparser_per_article = (time.perf_counter() - started) / len(sample)
    result["dateparser_s_per_article"] = round(dateparser_per_article, 5)
    result["dateparser_articles"] = len(sample)
    result["ratio_parse_to_dateparser"] = round(result["s_per_article"] / dateparser_per_article, 3)
    return result


def _or_dash(value, spec: str = "") -> str:
    return "-" if value is None else format(value, spec)


def measure_cli(size: int, articles: list[Path], stories: bool = False) -> dict:
    """Wall time of `python -m api parse FOLDER` over `size` article files."""
    docs = collection(size, articles, stories)
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
    header = (f"{'articles':>8} {'parse s':>9} {'s/article':>10} {'docs/s':>7} {'chars/s':>9} {'warm-up s':>9} "
              f"{'events':>7} "
              f"{'peak RSS MiB':>12} {'tracemalloc MiB':>15} {'dateparser s/art':>16} {'ratio':>7} "
              f"{'CLI s':>7} {'CLI s/art':>9}")
    lines = [header, "-" * len(header)]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['articles']:>8} error: {r['error']}")
            continue
        lines.append(
            f"{r['articles']:>8} {r['parse_s']:>9.3f} {r['s_per_article']:>10.5f} {r['docs_per_s']:>7.1f} "
            f"{r['chars_per_s']:>9,} {r['warm_up_s']:>9.3f} "
            f"{r['events']:>7} {r['peak_rss_mib']:>12} {r.get('tracemalloc_peak_mib', '-'):>15} "
            f"{_or_dash(r['dateparser_s_per_article'], '.5f'):>16} {_or_dash(r['ratio_parse_to_dateparser']):>7} "
            f"{r.get('cli_s', '-'):>7} {r.get('cli_s_per_article', '-'):>9}")
    lines.append("docs/s and chars/s: the whole pipeline, in-process, one core; "
                 "ratio = pipeline s/article / dateparser.search_dates s/article (lower is faster); "
                 "dateparser timed on at most the first --dateparser-max articles")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated article counts")
    parser.add_argument("--articles", default=None,
                        help="comma-separated article folders (default: tests/corpus; with --stories all four corpora)")
    parser.add_argument("--stories", action="store_true",
                        help="copies tell different stories on other days (see distinct_stories), not the same ones")
    parser.add_argument("--dateparser-max", type=int, default=100,
                        help="articles dateparser is timed on (0: skip the yardstick)")
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the traced (slower) extra pass")
    parser.add_argument("--no-cli", action="store_true", help="skip timing the `python -m api parse` command")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    folders = [Path(f) for f in args.articles.split(",")] if args.articles else \
        (STORY_CORPORA if args.stories else [DEFAULT_ARTICLES])
    if args.child:
        _pin_to_one_core()
        print(json.dumps(measure_one_size(args.child, folders, args.dateparser_max, not args.no_tracemalloc,
                                          args.stories)))
        return 0
    try:
        import api.extract.pipeline  # noqa: F401
    except ImportError as exc:
        print(f"api.extract.pipeline is not available yet ({exc}); nothing to benchmark")
        return 0

    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        command = [sys.executable, __file__, "--child", str(size), "--articles", ",".join(map(str, folders)),
                   "--dateparser-max", str(args.dateparser_max)] + (["--no-tracemalloc"] if args.no_tracemalloc else []) \
            + (["--stories"] if args.stories else [])
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            rows.append({"articles": size, "error": (done.stderr.strip().splitlines() or ["?"])[-1]})
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        if not args.no_cli:
            row.update(measure_cli(size, folders, args.stories))
        rows.append(row)
    print(json.dumps(rows, indent=1) if args.json else format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
