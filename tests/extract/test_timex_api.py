"""The tagger's public interface (api/extract/timex.py) beyond single phrases."""
from __future__ import annotations

from datetime import date

from api.extract.timex import detect, resolve, tag, tag_corpus, tense_of, timexes_json


def test_corpus_mode_returns_every_document_with_its_id_dct_text_and_timexes():
    corpus = {"corpus": "tiny", "documents": [
        {"id": "a", "dct": "1999-03-05", "text": "\nSales fell in 1998 and rose on Tuesday.", "timexes": []},
        {"id": "b", "dct": "2023-05-03", "text": "No dates here.", "timexes": []},
    ]}
    out = tag_corpus(corpus)
    assert out["corpus"] == "tiny"
    assert [(d["id"], d["dct"], d["text"]) for d in out["documents"]] == [
        ("a", "1999-03-05", corpus["documents"][0]["text"]), ("b", "2023-05-03", "No dates here.")]
    values = {(t["text"], t["type"], t["value"]) for t in out["documents"][0]["timexes"]}
    assert values == {("1998", "DATE", "1998"), ("Tuesday", "DATE", "1999-03-02")}
    assert out["documents"][1]["timexes"] == []


def test_without_a_reference_date_only_anchor_free_expressions_get_values():
    found = {t.text: t for t in tag("On 9 May 2023 and on Tuesday, 14 months on.", None)}
    assert found["9 May 2023"].value == "2023-05-09"
    assert found["14 months"].value == "P14M"
    assert found["Tuesday"].value is None and found["Tuesday"].interval is None


def test_named_eras_are_resolved_for_the_timeline_but_left_out_of_timeml_output():
    found = tag("Veterans of World War II marched.", date(2023, 5, 3))
    assert [t.text for t in found] == ["World War II"]
    assert timexes_json(found) == []


def test_resolve_keeps_the_span_and_records_the_anchor():
    text = "The drones struck last night."
    (cand,) = detect(text)
    timex = resolve(cand, date(2023, 5, 3), tense_of(text, cand))
    assert (timex.start, timex.end, timex.text, timex.rule) == (cand.start, cand.end, "last night", cand.rule)
    assert timex.anchor == date(2023, 5, 3)
    assert (timex.interval.start, timex.interval.end, timex.interval.grain) == (
        date(2023, 5, 2), date(2023, 5, 3), "night")


def test_a_date_that_does_not_exist_is_found_but_left_without_a_value():
    (timex,) = tag("The vote was set for February 30.", date(2023, 5, 3))
    assert timex.text == "February 30" and timex.value is None and timex.interval is None


def test_counted_expressions_follow_the_last_date_mentioned_not_each_other():
    text = "The treaty was signed in 1991. A year later it collapsed. Two years later it was revived."
    found = [(t.text, t.interval.start.year) for t in tag(text, date(2023, 5, 3)) if t.type == "DURATION"]
    assert found == [("A year", 1992), ("Two years", 1993)]
