"""Properties of the whole parse on random collections of news-like articles (hypothesis).

The tagger's own properties (test_timex_properties) do not reach the merge
step, which compares the events of different articles: a value only merge
reads (midnight as T24:00) once crashed it. Here every sentence is an event
clause dated by one of the phrase corpus's expressions, and articles of
random dates mix a few such sentences, so each grain and each odd value the
resolver writes meets the others inside one event. Whatever the mix: parse never raises,
every event is well formed, and every mention it cites points at its text.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from api.extract.model import GRAINS, DocumentInput
from api.extract.pipeline import parse

PHRASES = Path(__file__).with_name("timex_phrases.yaml")
PREPOSITIONS = {"on", "in", "at", "since", "by", "until", "during", "before", "after", "from", "for", "around"}
EVENT_CLAUSES = [
    "Drones attacked the refinery", "The minister said the talks had failed", "An explosion hit the port",
    "Union leaders walked out of the talks", "Voters elected a new mayor", "The ferry sank off the coast",
    "Police arrested two men", "The company recalled its cars",
]


def _time_phrase(phrase: dict) -> str:
    """The phrase's expression with the preposition the corpus sentence puts before it."""
    before = phrase["text"][:phrase["text"].find(phrase["timex"])].split()
    lead = before[-1] if before and before[-1].lower() in PREPOSITIONS else ""
    return f"{lead} {phrase['timex']}".strip()


TIME_PHRASES = sorted({_time_phrase(phrase) for group in yaml.safe_load(PHRASES.read_text())["groups"]
                       for phrase in group["phrases"] if phrase.get("timex") and phrase["timex"] in phrase["text"]})
sentences = st.builds(lambda clause, when: f"{clause} {when}.", st.sampled_from(EVENT_CLAUSES),
                      st.sampled_from(TIME_PHRASES))

published = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))


@st.composite
def collections(draw):
    """Articles drawn from one small pool of sentences, so that they report the
    same events (the same triggers) at their own dates and merge must compare them."""
    pool = draw(st.lists(sentences, min_size=1, max_size=6, unique=True))
    article = st.lists(st.sampled_from(pool), min_size=1, max_size=8).map(" ".join)
    return draw(st.lists(st.tuples(article, published), min_size=1, max_size=4))


def _check_well_formed(docs: list[DocumentInput]) -> None:
    texts = {d.id: d.text for d in docs}
    timeline = parse(docs, today=date(2024, 6, 1))
    assert {r.id for r in timeline.documents} == set(texts)
    assert len({e.id for e in timeline.events}) == len(timeline.events)
    for event in timeline.events:
        iv = event.interval
        assert iv.grain in GRAINS
        assert iv.start is None or iv.end is None or iv.start <= iv.end
        assert set(event.sources) <= set(texts)
        for m in event.mentions:
            start, end = m.trigger_span
            assert texts[m.document][start:end] == m.trigger


# hypothesis favours the first of a list, so every expression is also run once on its own
@pytest.mark.parametrize("when", TIME_PHRASES)
def test_every_corpus_expression_dating_an_event_in_two_articles_parses(when):
    sentence = f"{EVENT_CLAUSES[0]} {when}."
    _check_well_formed([DocumentInput(id="a", text=sentence, published=date(2023, 5, 3)),
                        DocumentInput(id="b", text=sentence, published=date(2023, 5, 4))])


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(collection=collections())
def test_any_mix_of_dated_sentences_in_any_articles_parses_into_well_formed_events(collection):
    _check_well_formed([DocumentInput(id=f"doc-{n}", text=text, published=day)
                        for n, (text, day) in enumerate(collection)])
