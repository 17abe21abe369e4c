"""The tagger against its phrase corpora (issue 3).

timex_phrases.yaml: news phrases with a fixed reference date per group and
the expression each must yield (extent, TIMEX3 type and value, interval and
grain).  timex_negatives.yaml: sentences in which nothing may be tagged.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from api.extract.timex import tag

HERE = Path(__file__).parent


def _phrase_cases():
    corpus = yaml.safe_load((HERE / "timex_phrases.yaml").read_text(encoding="utf-8"))
    for group in corpus["groups"]:
        reference = date.fromisoformat(group["reference"])
        for phrase in group["phrases"]:
            yield pytest.param(reference, phrase, id=f"{group['name']}: {phrase['text']}")


def _negative_cases():
    corpus = yaml.safe_load((HERE / "timex_negatives.yaml").read_text(encoding="utf-8"))
    reference = date.fromisoformat(corpus["reference"])
    for text in corpus["phrases"]:
        yield pytest.param(reference, text, id=text)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@pytest.mark.parametrize("reference, expected", list(_phrase_cases()))
def test_phrase_is_found_and_resolved_against_its_reference_date(reference, expected):
    text = expected["text"]
    found = tag(text, reference)
    by_text = {t.text: t for t in found}
    assert expected["timex"] in by_text, f"{expected['timex']!r} not found; got {sorted(by_text)}"
    timex = by_text[expected["timex"]]
    assert text[timex.start:timex.end] == timex.text
    got = {"type": timex.type, "value": timex.value,
           "start": _iso(timex.interval.start) if timex.interval else None,
           "end": _iso(timex.interval.end) if timex.interval else None,
           "grain": timex.interval.grain if timex.interval else None}
    want = {k: expected[k] for k in got if k in expected}
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("reference, text", list(_negative_cases()))
def test_phrase_that_is_not_a_time_expression_is_not_tagged(reference, text):
    assert [t.text for t in tag(text, reference)] == []


def test_every_phrase_group_has_a_reference_date_and_every_phrase_an_expectation():
    corpus = yaml.safe_load((HERE / "timex_phrases.yaml").read_text(encoding="utf-8"))
    for group in corpus["groups"]:
        date.fromisoformat(group["reference"])
        for phrase in group["phrases"]:
            assert phrase["timex"] in phrase["text"]
            assert set(phrase) - {"text", "timex"}, phrase
