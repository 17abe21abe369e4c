"""Dating undated articles by their collection stays near linear in its size.

An undated article is scored only on the days of its own story (the articles
that give its rarer names, or its rarest when a story is told by many) or,
without one, near the events it could report (and when none of its reports
match on its story's days, near the events that share the most with them);
before that it was scored on every day the collection held, so each new story
made every undated article slower. Counted, not timed: how many days each
undated article is scored on (`pipeline._report_matches` calls).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from api.extract import merge, pipeline
from tests.benchmarks.bench_parse import distinct_stories, replicate
from tests.benchmarks.score_events import load_documents

DEV_CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


@pytest.fixture(scope="module")
def dev_corpus():
    return load_documents(DEV_CORPUS)


def _days_scored(documents, monkeypatch) -> tuple[Counter, object]:
    scored: Counter = Counter()
    score_day = pipeline._report_matches

    def counting(reading, day, index):
        scored[reading.doc.id] += 1
        return score_day(reading, day, index)

    monkeypatch.setattr(pipeline, "_report_matches", counting)
    timeline = pipeline.parse(documents)
    monkeypatch.setattr(pipeline, "_report_matches", score_day)
    return scored, timeline


def test_days_scored_for_an_undated_article_do_not_grow_with_unrelated_stories(dev_corpus, monkeypatch):
    undated = [doc.id for doc in dev_corpus if doc.published is None]
    assert undated, "the development corpus has undated articles"
    alone, _ = _days_scored(dev_corpus, monkeypatch)
    crowd, _ = _days_scored(distinct_stories(dev_corpus, 5 * len(dev_corpus)), monkeypatch)
    before = sum(alone[doc_id] for doc_id in undated)
    among_others = sum(crowd[doc_id] for doc_id in undated)
    assert before > 0
    # four other copies of every story, on other days: the same articles are scored on about as many days
    # (on every day of the collection, before: 2.1 times as many for three copies of the four corpora)
    assert among_others <= 1.25 * before, (before, among_others)


def test_days_scored_stay_few_when_many_articles_tell_the_same_story(dev_corpus, monkeypatch):
    """Fifteen articles give each of a story's names here, more than
    STORY_NAME_MAX_DOCUMENTS: its rarest names still tell it apart."""
    undated = [doc.id for doc in dev_corpus if doc.published is None]
    alone, _ = _days_scored(dev_corpus, monkeypatch)
    copies = 15
    told_often, _ = _days_scored(replicate(dev_corpus, copies * len(dev_corpus)), monkeypatch)
    before = sum(alone[doc_id] for doc_id in undated)
    assert before > 0
    per_copy = sum(n for doc_id, n in told_often.items() if doc_id.split("~")[0] in undated) / copies
    # with only the rarer names, each copy was scored near every event it could report: 5.6 times as many days
    assert per_copy <= 1.25 * before, (before, per_copy)


def test_undated_articles_keep_their_dates_among_unrelated_stories(dev_corpus, monkeypatch):
    _, alone = _days_scored(dev_corpus, monkeypatch)
    _, crowd = _days_scored(distinct_stories(dev_corpus, 5 * len(dev_corpus)), monkeypatch)
    dated_alone = {d.id: (d.reference_date, d.reference_date_source) for d in alone.documents}
    dated_in_crowd = {d.id: (d.reference_date, d.reference_date_source) for d in crowd.documents
                      if d.id in dated_alone}
    assert dated_in_crowd == dated_alone


def test_a_report_that_matches_an_event_shares_the_content_could_match_asks_for(dev_corpus):
    """`merge.could_match` prunes the events an undated article is compared
    with, so it must hold of every report `EventMatcher.score` accepts: here
    each report of an event told by several articles, against that event as
    the other articles tell it, and against every other event."""
    timeline = pipeline.parse(dev_corpus)
    accepted = 0
    for event in timeline.events:
        for m in event.mentions:
            others = tuple(x for x in event.mentions if x.document != m.document)
            told_elsewhere = [replace(event, mentions=others, sources=tuple(sorted({x.document for x in others})))] \
                if others else []
            for candidate in told_elsewhere + [e for e in timeline.events if m.document not in e.sources]:
                matcher = merge.EventMatcher(candidate)
                if matcher.score(m) is not None:
                    accepted += 1
                    assert merge.could_match(merge.words_of(m), m.participants, matcher), (m, candidate.id)
    assert accepted > 20  # not vacuous: reports of one event in several articles match each other
