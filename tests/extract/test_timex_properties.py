"""Properties of the tagger on arbitrary text (hypothesis).

Whatever the text: tag() never raises, every span lies inside the text and
reads back as the expression's text, spans come in order without overlap,
every interval starts no later than it ends and carries a known grain, and
the TempEval JSON form says the same thing.
"""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from api.extract import rules
from api.extract.model import GRAINS, TIMEX_TYPES
from api.extract.timex import tag, tag_corpus, timexes_json

# Words the rules are made of, so that random text often looks like dates.
VOCAB = [
    "May", "may", "March", "march", "June", "Sept.", "Dec", "Monday", "Tuesdays", "Wednesday",
    "night", "morning", "last", "next", "this", "the", "a", "few", "several", "two", "14",
    "2023", "1945", "1990s", "'90s", "mid-", "early", "late", "earlier", "later", "ago",
    "before", "after", "days", "day", "week", "weekend", "month", "months", "year", "years",
    "quarter", "third-quarter", "fiscal", "spring", "Fall", "summer", "every", "each", "daily",
    "twice", "a.m.", "p.m.", "7:15", "noon", "yesterday", "today", "tomorrow", "overnight",
    "recent", "recently", "now", "Victory Day", "Christmas", "war", "in", "Ukraine", "434th",
    "of", "on", "-old", "1/2", "03/05/2023", "2023-05-03", "T14:30", ",", ".", "'s", "’",
    "people", "Page", "1", "Rat", "6", "Sun", "Valley", "I", "\n", "—", "$", "%", "0", "31",
]

news_like = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join)
any_text = st.text(max_size=200)
references = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)))


def _check_well_formed(text: str, dct: date | None) -> None:
    found = tag(text, dct)
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= previous_end, "expressions overlap or are out of order"
        previous_end = t.end
        assert t.type in TIMEX_TYPES
        if t.interval is not None:
            iv = t.interval
            assert iv.grain in GRAINS
            if iv.start is not None and iv.end is not None:
                assert iv.start <= iv.end
    for row in timexes_json(found):
        assert text[row["start"]:row["end"]] == row["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=news_like, dct=references)
def test_news_like_text_never_crashes_the_tagger_and_spans_are_well_formed(text, dct):
    _check_well_formed(text, dct)


@settings(max_examples=150, deadline=None)
@given(text=any_text, dct=references)
def test_arbitrary_unicode_text_never_crashes_the_tagger(text, dct):
    _check_well_formed(text, dct)


@settings(max_examples=60, deadline=None)
@given(text=news_like)
def test_fast_scan_equals_full_scan_on_random_news_like_text(text):
    fast = [(m.rule.name, m.start, m.end) for m in rules.find(text)]
    slow = [(m.rule.name, m.start, m.end) for m in rules.find_by_scan(text)]
    assert fast == slow


@settings(max_examples=40, deadline=None)
@given(text=news_like, dct=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_corpus_mode_returns_each_text_with_offsets_into_it(text, dct):
    out = tag_corpus({"corpus": "c", "documents": [{"id": "d", "dct": dct.isoformat(), "text": text}]})
    (doc,) = out["documents"]
    assert doc["text"] == text and doc["id"] == "d"
    for row in doc["timexes"]:
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["type"] in TIMEX_TYPES
