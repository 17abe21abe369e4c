"""The development and held-out corpora and their gold annotations are
self-consistent.

These checks keep hand annotation honest: every trigger and time expression
is really in its article, every interval is a real calendar interval of its
grain, and every weekday the gold relies on is the weekday the calendar says.
Every check runs on tests/corpus and every corpus in HELDOUT_NAMES
(tests/corpus, which the rules are tuned on; tests/corpus_heldout,
tests/corpus_heldout2, tests/corpus_heldout3, tests/corpus_heldout4,
tests/corpus_heldout5, tests/corpus_heldout7 and tests/corpus_heldout10 to
tests/corpus_heldout17, held-out sets since used for development too;
tests/corpus_heldout6, tests/corpus_heldout8, tests/corpus_heldout9 and
tests/corpus_heldout18 to tests/corpus_heldout65, held-out sets, each written
and scored once blind, whose scores have since informed rule decisions; and
tests/corpus_heldout66 and tests/corpus_heldout67, blind held-out sets that
must never be used to tune rules); only the minimum size differs.
"""
import calendar
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from api.extract.lexicon import parse_yaml
from api.extract.model import GRAINS, REFERENCE_SOURCES
from tests.benchmarks.score_events import DEFAULT_ARTICLES, DEFAULT_GOLD, REPO, load_documents, load_gold

WEEKDAYS = [name.lower() for name in calendar.day_name]  # monday .. sunday
# tests/corpus_<name>/articles and gold.yaml, in the order they were written
HELDOUT_NAMES = ["heldout"] + [f"heldout{k}" for k in range(2, 220)]
MIN_ARTICLES = {"dev": 15}  # each held-out corpus: HELDOUT_MIN_ARTICLES
HELDOUT_MIN_ARTICLES = 12
# several stories, so that an undated article's story must be found among others;
# four since heldout67 (12 articles of three each, written in a shorter time)
MIN_STORIES = 4


class Corpus:
    """One (articles, gold) pair, loaded once."""

    def __init__(self, name: str, articles: Path, gold: Path):
        self.name, self.articles, self.gold = name, articles, gold
        self.raw = parse_yaml(gold.read_text(encoding="utf-8"))
        self.docs = {d.id: d for d in load_documents(articles)}
        self.mentions = [(event, m) for event in self.raw["events"] for m in event["mentions"]]


CORPORA = [Corpus("dev", DEFAULT_ARTICLES, DEFAULT_GOLD)] + [
    Corpus(name, REPO / "tests" / f"corpus_{name}" / "articles", REPO / "tests" / f"corpus_{name}" / "gold.yaml")
    for name in HELDOUT_NAMES]
BY_NAME = {c.name: c for c in CORPORA}
corpora = pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
DOC_CASES = [(c, doc_id) for c in CORPORA for doc_id in sorted(c.docs)]
JSON_CASES = [(c, path) for c in CORPORA for path in sorted(c.articles.glob("*.json"))]


def _d(value):
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _story(doc_id: str) -> str:
    return doc_id.rsplit("-", 1)[0]


def _case_id(case):
    corpus, item = case
    if isinstance(item, Path):
        return f"{corpus.name}:{item.name}"
    return f"{corpus.name}:{item}"


def _interval(mention):
    if "start" in mention:
        return _d(mention["start"]), _d(mention["end"])
    return _d(mention["start_window"][0]), _d(mention["end_window"][1])


@pytest.mark.parametrize(("name", "at_least"), [
    (c.name, MIN_ARTICLES.get(c.name, HELDOUT_MIN_ARTICLES)) for c in CORPORA])
def test_each_corpus_has_enough_articles(name, at_least):
    assert len(BY_NAME[name].docs) >= at_least


def _stories(name: str) -> set[str]:
    return {_story(doc_id) for doc_id in BY_NAME[name].docs}


@corpora
def test_no_two_corpora_share_a_story(corpus):
    # against every corpus written before it: each pair once
    earlier = CORPORA[:CORPORA.index(corpus)]
    shared = {other.name: sorted(_stories(corpus.name) & _stories(other.name)) for other in earlier}
    assert {name: stories for name, stories in shared.items() if stories} == {}


@corpora
def test_every_story_has_two_or_more_articles_from_different_days(corpus):
    stories = {}
    for doc_id in corpus.docs:
        stories.setdefault(_story(doc_id), []).append(doc_id)
    assert len(stories) >= MIN_STORIES
    for story, members in stories.items():
        assert len(members) >= 2, story
        days = {corpus.raw["reference_dates"][m]["accept"][0] for m in members}
        assert len(days) >= 2, f"{story}: all articles from one day"


@pytest.mark.parametrize("case", DOC_CASES, ids=_case_id)
def test_article_is_wire_length(case):
    corpus, doc_id = case
    assert 150 <= len(corpus.docs[doc_id].text.split()) <= 500


@corpora
def test_articles_mix_inputs_with_and_without_dates(corpus):
    suffixes = {p.suffix for p in corpus.articles.iterdir()}
    assert {".txt", ".json"} <= suffixes
    sources = [tuple(r["source"]) for r in corpus.raw["reference_dates"].values()]
    assert sum(s == ("collection",) for s in sources) >= 3, "need undated texts dated by the collection"
    assert sum("text" in s for s in sources) >= 3, "need datelines or era arithmetic"
    assert sum(s == ("given",) for s in sources) >= 3


@pytest.mark.parametrize("case", JSON_CASES, ids=_case_id)
def test_json_article_follows_the_contract_shape(case):
    corpus, path = case
    obj = json.loads(path.read_text(encoding="utf-8"))
    assert set(obj) <= {"text", "published", "title", "url", "source"}
    assert isinstance(obj["text"], str) and obj["text"].strip()
    if "published" in obj:
        assert _d(obj["published"]) in [_d(d) for d in corpus.raw["reference_dates"][path.stem]["accept"]]


@corpora
def test_every_article_has_a_reference_date_and_nothing_else_does(corpus):
    assert set(corpus.raw["reference_dates"]) == set(corpus.docs)
    for doc_id, ref in corpus.raw["reference_dates"].items():
        assert ref["accept"], doc_id
        assert set(ref["source"]) <= set(REFERENCE_SOURCES), doc_id
        for value in ref["accept"]:
            _d(value)


@corpora
def test_event_keys_are_unique(corpus):
    keys = [event["key"] for event in corpus.raw["events"]]
    assert len(keys) == len(set(keys))


# The checks of single mentions run once per corpus and list every mention that fails
# (document: trigger: why), rather than as one test per mention: the same checks, with
# about 500 test items instead of nearly 100,000 (each a pytest item costs more than its check).

def _problems(corpus, check) -> list[str]:
    out = []
    for _, mention in corpus.mentions:
        problem = check(corpus, mention)
        if problem:
            out.append(f"{mention['document']}: {mention['trigger'][:40]!r}: {problem}")
    return out


def _trigger_problem(corpus, mention) -> str | None:
    count = corpus.docs[mention["document"]].text.count(mention["trigger"])
    return None if count == 1 else f"trigger found {count} times"


def _time_text_problem(corpus, mention) -> str | None:
    if mention["time_text"] is None:
        return None
    text = corpus.docs[mention["document"]].text
    trigger_at = text.index(mention["trigger"]) if mention["trigger"] in text else 0
    positions = [i for i in range(len(text)) if text.startswith(mention["time_text"], i)]
    if not positions:
        return "time_text not in the article"
    if min(abs(p - trigger_at) for p in positions) >= 200:
        return "time_text 200 or more characters from its trigger"
    return None


def _grain_problem(corpus, mention) -> str | None:
    grain = mention["grain"]
    if grain not in GRAINS:
        return f"unknown grain {grain}"
    if "start_window" in mention:
        if grain not in ("vague", "season"):
            return "windows are for vague or season values"
        (s0, s1), (e0, e1) = ([_d(v) for v in mention["start_window"]], [_d(v) for v in mention["end_window"]])
        return None if s0 <= s1 <= e0 <= e1 else "windows out of order"
    start, end = _interval(mention)
    if start > end:
        return "start after end"
    fits = True
    if grain in ("day", "part-of-day", "time"):
        # a stated range ("April 15 and 16") is several days at day grain
        fits = start == end or grain == "day"
    elif grain == "night":
        fits = end == start + timedelta(days=1)
    elif grain == "week":
        fits = start.weekday() == 0 and end == start + timedelta(days=6)
    elif grain == "month":
        fits = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    elif grain == "quarter":
        fits = start.day == 1 and start.month in (1, 4, 7, 10) \
            and end == date(start.year, start.month + 2, calendar.monthrange(start.year, start.month + 2)[1])
    elif grain == "year":
        fits = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    elif grain == "decade":
        fits = start == date(start.year, 1, 1) and start.year % 10 == 0 and end == date(start.year + 9, 12, 31)
    return None if fits else f"{start}..{end} is no {grain}"


def _weekday_problem(corpus, mention) -> str | None:
    named = [w for w in WEEKDAYS if mention["time_text"] and w in mention["time_text"].lower()]
    claimed = mention.get("weekday")
    if claimed and claimed.lower() not in named:
        return "weekday claim not backed by the time text"
    if named and "start" in mention and _d(mention["start"]).weekday() != WEEKDAYS.index(named[0]):
        return f"{mention['start']} is no {named[0]}"
    return None


def _direction_problem(corpus, mention) -> str | None:
    """'last X'/'yesterday' lie before the article's reference date, 'next X'/
    'tomorrow' after it (both read against the first accepted date)."""
    words = (mention["time_text"] or "").lower()
    reference = _d(corpus.raw["reference_dates"][mention["document"]]["accept"][0])
    start, end = _interval(mention)
    if (words.startswith(("last ", "yesterday")) or " ago" in words) \
            and not (end < reference or (start <= reference and mention["grain"] == "night")):
        return f"{words!r} not before {reference}"
    # ("the next day", "early the next morning" count from a day the story tells, not from the article's)
    if (words.startswith(("next ", "tomorrow")) or _NEXT_FROM_THE_ARTICLE.search(words)) and not start > reference:
        return f"{words!r} not after {reference}"
    return None


_NEXT_FROM_THE_ARTICLE = re.compile(r"(?<!\bthe )\bnext ")


@pytest.mark.parametrize(("time_text", "start", "problem"), [
    ("next week", "2024-06-10", False),
    ("next week", "2024-06-03", True),
    ("by next Friday", "2024-06-03", True),
    # anaphoric: the day after one the story tells, which may lie before the article's
    ("the next day", "2024-05-20", False),
    ("early the next morning", "2024-05-20", False),
])
def test_the_direction_check_reads_next_from_the_article_and_the_next_from_the_story(time_text, start, problem):
    corpus = type("Corpus", (), {"raw": {"reference_dates": {"a": {"accept": ["2024-06-05"]}}}})()
    mention = {"document": "a", "time_text": time_text, "start": start, "end": start, "grain": "day"}
    assert (_direction_problem(corpus, mention) is not None) is problem


MENTION_CHECKS = {
    "trigger_is_a_unique_substring_of_its_article": _trigger_problem,
    "time_text_occurs_near_its_trigger": _time_text_problem,
    "interval_is_ordered_and_fits_its_grain": _grain_problem,
    "weekday_named_in_time_text_matches_the_calendar": _weekday_problem,
    "relative_past_and_future_point_the_right_way": _direction_problem,
}


@corpora
@pytest.mark.parametrize("check", list(MENTION_CHECKS))
def test_every_gold_mention_passes(corpus, check):
    assert _problems(corpus, MENTION_CHECKS[check]) == []


@corpora
def test_not_events_are_in_their_articles_and_hold_no_gold_trigger(corpus):
    assert len(corpus.raw["not_events"]) >= len(corpus.docs)
    for item in corpus.raw["not_events"]:
        text = corpus.docs[item["document"]].text
        assert item["text"] in text, item
        for _, mention in corpus.mentions:
            if mention["document"] == item["document"]:
                assert mention["trigger"] not in item["text"]


@corpora
def test_gold_loads_through_the_scorer(corpus):
    gold = load_gold(corpus.gold, {d.id: d.text for d in corpus.docs.values()})
    assert len(gold.mentions) == len(corpus.mentions)
    assert len(gold.not_events) == len(corpus.raw["not_events"])
    assert len({m.key for m in gold.mentions}) == len(corpus.raw["events"])
    cross_document_keys = {m.key for m in gold.mentions} - {
        key for key in {m.key for m in gold.mentions}
        if len({m.document for m in gold.mentions if m.key == key}) < 2}
    assert len(cross_document_keys) >= 8, "merging needs events reported by several articles"
