"""How well the collection dates undated wire articles.

    python tests/benchmarks/undated_wire.py              # 300 articles, every third undated
    python tests/benchmarks/undated_wire.py --articles 30 --json

The synthetic wire articles of bench_ingest.py (each story told by two or
three agencies in different words, on known days) go through the pipeline
with every third article's `published` removed. The script prints how many
of those undated articles the collection dates to their true day, and how
many to within two days of it. It is a figure, not a test: nothing here
asserts a score.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from api.extract.model import DocumentInput  # noqa: E402
from api.extract.pipeline import parse  # noqa: E402
from tests.benchmarks.bench_ingest import synthetic_articles  # noqa: E402


def measure(n: int) -> dict:
    documents, truth = [], {}
    for k, (doc_id, record) in enumerate(synthetic_articles(n)):
        published = date.fromisoformat(record["published"])
        undated = k % 3 == 2
        if undated:
            truth[doc_id] = published
        documents.append(DocumentInput(id=doc_id, text=record["text"], published=None if undated else published,
                                       title=record.get("title"), source=record.get("source")))
    dated = {d.id: d.reference_date for d in parse(documents).documents if d.id in truth}
    off_by = [abs((dated[doc_id] - day).days) for doc_id, day in truth.items()]
    return {"articles": n, "undated": len(truth), "exact": sum(d == 0 for d in off_by),
            "within_two_days": sum(d <= 2 for d in off_by)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.articles)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['articles']} synthetic wire articles, {result['undated']} of them undated: "
              f"{result['exact']} dated exactly, {result['within_two_days']} within two days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
