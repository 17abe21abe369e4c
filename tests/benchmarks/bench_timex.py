"""TempEval-3 scores and throughput of the temporal tagger (issue 3).

    python tests/benchmarks/bench_timex.py
    python tests/benchmarks/bench_timex.py --shared /path/to/shared --json
    python tests/benchmarks/bench_timex.py --dateparser-max 64   # a quicker yardstick

Scores: each corpus of `<shared>/data/tempeval3/` (te3-platinum.json, the
test set; tbaq-train.json, the development set) is tagged with its own
document dates through `api.extract.timex.tag_corpus` and scored by the
project's TempEval-3 scorer, `<shared>/bench/timex_score.py` (imported, not
copied): strict, relaxed, value and type F1.  A second row per corpus, "(in
the pipeline)", scores the same expressions as `timeline parse` resolves them:
the pipeline reads each document with its date as the reference date and
resolves each expression in the tense of the event mention it dates, where
the tagger alone reads the tense from the words around it.

Throughput: on the same tbaq-train documents, in the same process and run,
our `tag()` and dateparser's `search_dates` (languages=['en'], each
document's date as RELATIVE_BASE) are timed after one warm-up call each;
docs/s, chars/s and the ratio are printed (wall clock, and CPU time of this
process, which a busy machine disturbs less).  The issue's bar is a ratio of at
least 10 (aim: 500+ docs/s).

`<shared>` is --shared, else $SHARED_DIR, else ../shared next to the
repository.  Without the data the script says so and exits 0: the TempEval
files are licensed research data and are never copied into this repository.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from api.extract import pipeline  # noqa: E402
from api.extract.model import DocumentInput  # noqa: E402
from api.extract.timex import tag, tag_corpus, timexes_json  # noqa: E402

CORPORA = (("te3-platinum", "te3-platinum.json"), ("tbaq-train", "tbaq-train.json"))
THROUGHPUT_CORPUS = "tbaq-train"
MEASURES = ("strict", "relaxed", "value", "type")


def shared_dir(given: str | None = None) -> Path:
    if given:
        return Path(given)
    if os.environ.get("SHARED_DIR"):
        return Path(os.environ["SHARED_DIR"])
    return REPO.parent / "shared"


def load_scorer(path: Path):
    name = "_shared_timex_score"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def score(scorer, gold_path: Path, system: dict) -> dict:
    """The scorer's own figures (its --json output) for a system corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        system_path = Path(tmp) / "system.json"
        system_path.write_text(json.dumps(system), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = scorer.main([str(gold_path), str(system_path), "--json"])
    if status:
        raise RuntimeError(f"the scorer failed on {gold_path} (exit {status})")
    return json.loads(out.getvalue())


def _dct(doc: dict) -> date | None:
    return date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None


def pipeline_corpus(corpus: dict) -> dict:
    """The corpus's expressions as the event pipeline resolves them (documents
    without a date are left without values, as the tagger leaves them)."""
    docs = []
    for doc in corpus.get("documents", []):
        dct = _dct(doc)
        timexes = []
        if dct is not None:
            reading = pipeline.read(DocumentInput(id=doc["id"], text=doc["text"], published=dct))
            timexes = timexes_json(sorted(pipeline.resolve_timexes(reading, dct).values(), key=lambda t: t.start))
        else:
            timexes = tag_corpus({"documents": [doc]})["documents"][0]["timexes"]
        docs.append({"id": doc["id"], "dct": doc.get("dct"), "text": doc["text"], "timexes": timexes})
    return {"corpus": corpus.get("corpus", "system"), "documents": docs}


def time_ours(docs: list[dict], repeat: int = 3) -> tuple[float, float]:
    """Best of `repeat` passes of tag() over every document: (wall, CPU) seconds."""
    tag("Warm-up on Tuesday, May 9, 2023.", date(2023, 5, 3))
    best = (float("inf"), float("inf"))
    for _ in range(max(1, repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        for doc in docs:
            tag(doc["text"], _dct(doc))
        best = min(best, (time.perf_counter() - t0, time.process_time() - c0))
    return best


def time_search_dates(docs: list[dict]) -> tuple[float, float]:
    """One pass of dateparser's search_dates over every document: (wall, CPU) seconds."""
    from dateparser.search import search_dates

    def settings(doc):
        d = _dct(doc) or date(2000, 1, 1)
        return {"RELATIVE_BASE": datetime(d.year, d.month, d.day)}

    search_dates("Warm-up on Tuesday, May 9, 2023.", languages=["en"],
                 settings={"RELATIVE_BASE": datetime(2023, 5, 3)})
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        search_dates(doc["text"], languages=["en"], settings=settings(doc))
    return time.perf_counter() - t0, time.process_time() - c0


def throughput(docs: list[dict], dateparser_max: int | None, repeat: int) -> dict:
    sample = docs if not dateparser_max else docs[:dateparser_max]
    chars = sum(len(d["text"]) for d in sample)
    (ours, ours_cpu), (theirs, theirs_cpu) = time_ours(sample, repeat), time_search_dates(sample)
    rate = lambda n, s: n / s if s > 0 else float("inf")  # noqa: E731

    def row(wall, cpu):
        return {"seconds": wall, "cpu_seconds": cpu, "docs_per_s": rate(len(sample), wall),
                "chars_per_s": rate(chars, wall), "cpu_docs_per_s": rate(len(sample), cpu)}
    return {
        "documents": len(sample), "characters": chars,
        "ours": row(ours, ours_cpu), "search_dates": row(theirs, theirs_cpu),
        "ratio": theirs / ours if ours > 0 else float("inf"),
        "cpu_ratio": theirs_cpu / ours_cpu if ours_cpu > 0 else float("inf"),
    }


def run(shared: Path, dateparser_max: int | None = None, repeat: int = 3) -> dict | None:
    data, scorer_path = shared / "data" / "tempeval3", shared / "bench" / "timex_score.py"
    present = [(name, data / file) for name, file in CORPORA if (data / file).is_file()]
    if not present or not scorer_path.is_file():
        return None
    scorer = load_scorer(scorer_path)
    report: dict = {"shared": str(shared), "scores": {}}
    for name, path in present:
        gold = json.loads(path.read_text(encoding="utf-8"))
        for label, system in ((name, tag_corpus(gold)), (f"{name} (in the pipeline)", pipeline_corpus(gold))):
            figures = score(scorer, path, system)
            report["scores"][label] = {"documents": figures["documents"],
                                       **{m: round(figures[m]["f1"], 2) for m in MEASURES}}
        if name == THROUGHPUT_CORPUS:
            report["throughput"] = throughput(gold["documents"], dateparser_max, repeat)
    return report


def print_report(report: dict) -> None:
    print("TempEval-3 TIMEX3 F1 (%), our tagger, scored by shared/bench/timex_score.py")
    print(f"{'corpus':32}{'docs':>6}" + "".join(f"{m:>9}" for m in MEASURES))
    for name, row in report["scores"].items():
        print(f"{name:32}{row['documents']:>6}" + "".join(f"{row[m]:>9.2f}" for m in MEASURES))
    tp = report.get("throughput")
    if tp:
        print()
        print(f"Throughput on {tp['documents']} {THROUGHPUT_CORPUS} documents "
              f"({tp['characters']:,} characters), one process, same run:")
        for key, label in (("ours", "our tag()"), ("search_dates", "dateparser search_dates")):
            row = tp[key]
            print(f"  {label:26}{row['docs_per_s']:>10.1f} docs/s{row['chars_per_s']:>14,.0f} chars/s"
                  f"   ({row['seconds']:.2f} s wall; {row['cpu_docs_per_s']:.1f} docs/s of CPU time)")
        print(f"  ratio: ours is {tp['ratio']:.1f}x the docs/s of search_dates "
              f"({tp['cpu_ratio']:.1f}x in CPU time)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $SHARED_DIR, else ../shared)")
    ap.add_argument("--dateparser-max", type=int, default=None, metavar="N",
                    help="time both taggers on the first N tbaq-train documents only")
    ap.add_argument("--repeat", type=int, default=3, help="passes of our tagger; the best counts")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    report = run(shared, args.dateparser_max, args.repeat)
    if report is None:
        print(f"The TempEval-3 data or scorer is not available under {shared} "
              f"(data/tempeval3/*.json, bench/timex_score.py); nothing to benchmark. "
              f"Point --shared or $SHARED_DIR at the shared folder to run it.")
        return 0
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
