"""Undated articles of the development corpora whose dating once broke in a
way the small hand-written texts of tests/extract do not reproduce: it takes
a whole collection, with its other stories' days, to outweigh them."""
from datetime import date
from pathlib import Path

from api.extract.pipeline import parse
from tests.benchmarks.score_events import load_documents

CORPORA = Path(__file__).resolve().parents[1]


def test_a_count_landing_on_its_story_dates_an_article_whose_matches_are_all_outweighed():
    # heldout16's hunger-3 counts "exactly four weeks after" an appeals ruling; with the
    # story's earlier days among the candidates, its few matches are outweighed on every
    # day, and the count that lands on the ruling must still date it, as when nothing matches
    documents = {d.id: d for d in parse(load_documents(CORPORA / "corpus_heldout16" / "articles")).documents}
    assert documents["hunger-3"].reference_date == date(2026, 3, 21)
