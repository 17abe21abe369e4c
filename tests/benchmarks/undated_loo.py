"""What an article loses when it comes without its date.

    python tests/benchmarks/undated_loo.py --corpus tests/corpus_heldout10 --corpus tests/corpus_heldout11
    python tests/benchmarks/undated_loo.py --corpus tests/corpus_heldout10 --json

Leave one out, over hand-annotated corpora: each article the gold dates by
its input (`given`) or its own text (`text`) is taken out of its corpus and
put back without its date, while the rest of the corpus stays as it is.
Its `published` is dropped; then, as long as the parser still reads a date
from its text, the stamp the parser cites as its evidence is cut (the whole
line when the stamp stands on a line of its own, else the quoted words), so
that only the other articles can date it, as `timeline parse` must date an
undated article.

For each corpus it prints how many such articles there are, how many the
collection then dates to the gold day and to within a day of it, and how
many of the article's gold mentions get exact dates with its date and
without (scored as `score_events.py` scores them). Articles whose story has
no other dated article are counted apart: nothing in their collection can
date them. It is a figure, not a test: nothing here asserts a score.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from api.extract.pipeline import parse  # noqa: E402
from tests.benchmarks.score_events import (  # noqa: E402
    date_is_exact, load_documents, load_gold, match_mentions, system_mentions,
)

DATED_SOURCES = {"given", "text"}
MAX_CUTS = 3  # a page may carry its date twice ("Updated ..." under a banner)
STAMP_LINE_MAX = 120  # longer lines are sentences: cut only the quoted stamp


def cut_stamp(text: str, evidence: str | None) -> str | None:
    """`text` without the stamp an evidence string quotes ("date line 'Friday,
    12 October 2018'"), or None when the quote is not in the text."""
    if not evidence or evidence.count("'") < 2:
        return None
    quoted = evidence.split("'", 1)[1].rsplit("'", 1)[0]
    at = text.find(quoted)
    if not quoted or at < 0:
        return None
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at + len(quoted))
    line_end = len(text) if line_end < 0 else line_end + 1
    if line_end - line_start <= STAMP_LINE_MAX:
        return text[:line_start] + text[line_end:]
    return text[:at] + text[at + len(quoted):]


def story_of(doc_id: str) -> str:
    """The corpora name articles `<story>-<n>`."""
    return doc_id.rsplit("-", 1)[0]


def _exact_mentions(timeline, gold, doc_id: str) -> tuple[int, int]:
    system = [m for m in system_mentions(timeline) if m.document == doc_id]
    wanted = [m for m in gold.mentions if m.document == doc_id]
    pairs = match_mentions(system, wanted)
    return sum(date_is_exact(system[s], wanted[g]) for s, g in pairs), len(wanted)


def undated_rows(folder: Path) -> list[dict]:
    """One row per article of `folder` that the gold dates by input or text."""
    docs = load_documents(folder / "articles")
    texts = {d.id: d.text for d in docs}
    gold = load_gold(folder / "gold.yaml", texts)
    dated = {doc_id for doc_id, ref in gold.reference_dates.items() if set(ref.get("source") or []) & DATED_SOURCES}
    whole = parse(docs)
    rows = []
    for i, original in enumerate(docs):
        if original.id not in dated:
            continue
        doc = dataclasses.replace(original, published=None)
        for _ in range(MAX_CUTS + 1):
            timeline = parse(docs[:i] + [doc] + docs[i + 1:])
            result = next(r for r in timeline.documents if r.id == doc.id)
            cut = cut_stamp(doc.text, result.reference_date_evidence) \
                if result.reference_date_source == "text" else None
            if cut is None or cut == doc.text:
                break
            doc = dataclasses.replace(doc, text=cut)
        accept = gold.reference_dates[doc.id]["accept"]
        with_date, mentions = _exact_mentions(whole, gold, doc.id)
        # offsets moved with the cut: the gold is read again against the cut text
        without_date, _ = _exact_mentions(timeline, load_gold(folder / "gold.yaml", {**texts, doc.id: doc.text}),
                                          doc.id)
        rows.append({
            "document": doc.id,
            "datable": any(other != doc.id and story_of(other) == story_of(doc.id) for other in dated),
            "source": result.reference_date_source,
            "got": result.reference_date.isoformat(),
            "accept": [day.isoformat() for day in accept],
            "right": result.reference_date in accept,
            "within_a_day": any(abs((result.reference_date - day).days) <= 1 for day in accept),
            "gold_mentions": mentions, "exact_with_date": with_date, "exact_without": without_date,
        })
    return rows


def summary(rows: list[dict]) -> dict:
    datable = [r for r in rows if r["datable"]]
    return {
        "articles": len(rows), "datable": len(datable),
        "right": sum(r["right"] for r in datable),
        "within_a_day": sum(r["within_a_day"] for r in datable),
        "still_dated_by_text": sum(r["source"] == "text" for r in datable),
        "gold_mentions": sum(r["gold_mentions"] for r in datable),
        "exact_with_date": sum(r["exact_with_date"] for r in datable),
        "exact_without": sum(r["exact_without"] for r in datable),
    }


def _line(name: str, s: dict) -> str:
    n = s["datable"] or 1
    return (f"{name:22s} {s['datable']:4d} of {s['articles']:<4d} {s['right']:4d} ({100 * s['right'] / n:5.1f}%)"
            f" {s['within_a_day']:4d} ({100 * s['within_a_day'] / n:5.1f}%)"
            f"   {s['exact_with_date']:5d} -> {s['exact_without']:5d} of {s['gold_mentions']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", required=True,
                        help="a folder with gold.yaml and articles/ (repeatable)")
    parser.add_argument("--json", action="store_true", help="every row and summary as JSON")
    args = parser.parse_args(argv)
    by_corpus = {folder.name: undated_rows(folder) for folder in args.corpus}
    totals = summary([r for rows in by_corpus.values() for r in rows])
    if args.json:
        print(json.dumps({"corpora": {name: {"summary": summary(rows), "rows": rows}
                                      for name, rows in by_corpus.items()},
                          "micro": totals}, indent=1))
        return 0
    print(f"{'corpus':22s} datable of all  right (share)  within a day   exact mentions: dated -> undated")
    for name, rows in by_corpus.items():
        print(_line(name, summary(rows)))
    print(_line(f"micro ({len(by_corpus)})", totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
