"""How well the collection dates undated wire articles.

    python tests/benchmarks/undated_wire.py              # 300 articles, every third undated
    python tests/benchmarks/undated_wire.py --articles 30 --json

The synthetic wire articles of bench_ingest.py (each story told by two or
three agencies in different words, on known days) go through the pipeline
with every third article's `published` removed. The script prints how many
of those undated articles get their true day, and how many a day within two
days of it: once as generated, where an undated article's yearless agency
dateline ("GDANSK, Poland, Feb 8 (EuroWire) -") gives its day and the
collection only its year, and once with that dateline cut, where the
collection alone must date it. It is a figure, not a test: nothing here
asserts a score.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from api.extract.model import DocumentInput  # noqa: E402
from api.extract.pipeline import parse  # noqa: E402
from tests.benchmarks.bench_ingest import synthetic_articles  # noqa: E402


# The agency dateline the generator opens each article with: "GDANSK, Poland, Feb 8 (EuroWire) - "
_DATELINE = re.compile(r"^[^\n(]{1,80}\([^)\n]{1,40}\) - ")


def measure(n: int, datelines: bool = True) -> dict:
    """With `datelines`, the articles as generated: an undated one still says its day and
    month in its yearless dateline, and only its year comes from the collection. Without,
    the dateline is cut, and the collection alone must date it."""
    documents, truth = [], {}
    for k, (doc_id, record) in enumerate(synthetic_articles(n)):
        published = date.fromisoformat(record["published"])
        undated = k % 3 == 2
        text = record["text"] if datelines or not undated else _DATELINE.sub("", record["text"], count=1)
        if undated:
            truth[doc_id] = published
        documents.append(DocumentInput(id=doc_id, text=text, published=None if undated else published,
                                       title=record.get("title"), source=record.get("source")))
    results = {d.id: d for d in parse(documents).documents if d.id in truth}
    off_by = [abs((results[doc_id].reference_date - day).days) for doc_id, day in truth.items()]
    return {"articles": n, "undated": len(truth), "exact": sum(d == 0 for d in off_by),
            "within_two_days": sum(d <= 2 for d in off_by),
            "by_text": sum(results[doc_id].reference_date_source == "text" for doc_id in truth)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results = {"with_datelines": measure(args.articles), "without_datelines": measure(args.articles, datelines=False)}
    if args.json:
        print(json.dumps(results))
    else:
        for label, result in results.items():
            print(f"{result['articles']} synthetic wire articles, {result['undated']} of them undated, "
                  f"{label.replace('_', ' ')}: {result['exact']} dated exactly, {result['within_two_days']} "
                  f"within two days ({result['by_text']} dated by their text)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
