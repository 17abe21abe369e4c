"""The leave-one-out benchmark takes an article's date away, and only that."""
import json
from pathlib import Path

import pytest

from tests.benchmarks.undated_loo import cut_stamp, main, summary

CORPUS = Path(__file__).resolve().parents[1] / "corpus_heldout10"


@pytest.mark.parametrize(("text", "evidence", "expected"), [
    ("Friday, 12 October 2018\n\nStrike live\n", "live-blog date line 'Friday, 12 October 2018'",
     "\nStrike live\n"),
    ("By Jo Bloggs | Updated May 10, 2024\nBody.\n", "date line 'By Jo Bloggs | Updated May 10, 2024'",
     "Body.\n"),
    ("CHIBA, June 9 (Kyodo) -- " + "Prosecutors on Tuesday arrested the speaker of the assembly. " * 3,
     "dateline 'June 9', year from the collection (2026)",
     "CHIBA,  (Kyodo) -- " + "Prosecutors on Tuesday arrested the speaker of the assembly. " * 3),
    ("No stamp here.\n", "date line 'March 3, 2023'", None),
    ("March 3, 2023\n", "published 2023-03-03", None),
])
def test_cut_stamp_takes_the_cited_stamp_out_of_the_text(text, evidence, expected):
    assert cut_stamp(text, evidence) == expected


def test_every_article_dated_by_input_or_text_is_tried_without_its_date(capsys):
    assert main(["--corpus", str(CORPUS), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = result["corpora"]["corpus_heldout10"]["rows"]
    # heldout10's gold dates 10 of its 14 articles by input or text, 4 by the collection alone
    assert len(rows) == 10
    # neither the input nor a stamp left in the text dates them any more
    assert {r["source"] for r in rows} <= {"collection", "assumed"}
    assert {r["document"] for r in rows if not r["datable"]} == {"bird-1"}  # bird-2 is undated too
    totals = result["micro"]
    assert totals == summary(rows)
    assert totals["datable"] == 9
    assert totals["right"] <= totals["within_a_day"] <= totals["datable"]
    assert totals["exact_without"] <= totals["gold_mentions"]
    assert 0 < totals["exact_with_date"] <= totals["gold_mentions"]
