"""The scorer's matching and counting on small hand-made system/gold pairs."""
import json
from datetime import date

import pytest

from api.extract.model import DocumentResult
from tests.benchmarks.score_events import (
    Gold, GoldEvent, GoldMention, NotEvent, SystemMention, date_is_exact, event_scores, load_documents,
    match_mentions, merge_scores, mention_scores, not_event_violations, reference_scores,
)

D1, D2 = date(2024, 3, 12), date(2024, 3, 13)


def gold(doc, key, span, start=D1, end=D1, grain="day"):
    return GoldMention(doc, key, "g", span, None, (start, start), (end, end), grain)


def system(doc, event, trigger_span, sentence_span=None, start=D1, end=D1, grain="day"):
    return SystemMention(doc, event, "s", trigger_span, sentence_span or (0, 100), None, start, end, grain)


def scores(sys_mentions, gold_mentions):
    pairs = match_mentions(sys_mentions, gold_mentions)
    return pairs, mention_scores(sys_mentions, gold_mentions, pairs), merge_scores(sys_mentions, gold_mentions, pairs)


# (name, system, gold, expected precision, recall, detection precision, detection recall)
CASES = [
    ("perfect",
     [system("a", "e1", (10, 20)), system("b", "e1", (30, 40))],
     [gold("a", "k", (12, 18)), gold("b", "k", (30, 35))],
     1.0, 1.0, 1.0, 1.0),
    ("missing",
     [system("a", "e1", (10, 20))],
     [gold("a", "k", (12, 18)), gold("b", "k", (30, 35))],
     1.0, 0.5, 1.0, 0.5),
    ("spurious",
     [system("a", "e1", (10, 20)), system("a", "e2", (210, 220), sentence_span=(200, 300))],
     [gold("a", "k", (12, 18))],
     0.5, 1.0, 0.5, 1.0),
    ("wrong date",
     [system("a", "e1", (10, 20), start=D2, end=D2)],
     [gold("a", "k", (12, 18))],
     0.0, 0.0, 1.0, 1.0),
    ("wrong grain",
     [system("a", "e1", (10, 20), grain="part-of-day")],
     [gold("a", "k", (12, 18))],
     0.0, 0.0, 1.0, 1.0),
    ("other document never matches",
     [system("b", "e1", (10, 20))],
     [gold("a", "k", (10, 20))],
     0.0, 0.0, 0.0, 0.0),
]


@pytest.mark.parametrize("name,sys_mentions,gold_mentions,p,r,dp,dr", CASES, ids=[c[0] for c in CASES])
def test_mention_precision_and_recall(name, sys_mentions, gold_mentions, p, r, dp, dr):
    _, mentions, _ = scores(sys_mentions, gold_mentions)
    assert (mentions["precision"], mentions["recall"]) == (p, r)
    assert (mentions["detection_precision"], mentions["detection_recall"]) == (dp, dr)


def test_same_sentence_counts_as_a_match_when_triggers_differ():
    pairs, mentions, _ = scores([system("a", "e1", (50, 60), sentence_span=(0, 100))], [gold("a", "k", (10, 20))])
    assert pairs == [(0, 0)]
    assert mentions["exact"] == 1


def test_trigger_overlap_wins_over_a_sentence_neighbour():
    neighbour = system("a", "e1", (50, 60), sentence_span=(0, 100))
    on_trigger = system("a", "e2", (10, 20), sentence_span=(0, 100), start=D2, end=D2)
    pairs, mentions, _ = scores([neighbour, on_trigger], [gold("a", "k", (12, 18))])
    assert pairs == [(1, 0)]
    assert (mentions["exact"], mentions["precision"]) == (0, 0.0)


def test_each_gold_mention_matches_at_most_one_system_mention():
    both_on_trigger = [system("a", "e1", (10, 20)), system("a", "e2", (11, 19))]
    pairs, mentions, _ = scores(both_on_trigger, [gold("a", "k", (12, 18))])
    assert len(pairs) == 1
    assert (mentions["precision"], mentions["recall"]) == (0.5, 1.0)


def test_wrong_merge_of_two_events_costs_merge_precision():
    sys_mentions = [system("a", "e1", (10, 20)), system("b", "e1", (10, 20)), system("c", "e1", (10, 20))]
    gold_mentions = [gold("a", "k1", (10, 20)), gold("b", "k1", (10, 20)), gold("c", "k2", (10, 20))]
    _, _, merge = scores(sys_mentions, gold_mentions)
    assert (merge["pairs_same_in_system"], merge["pairs_same_in_gold"], merge["pairs_same_in_both"]) == (3, 1, 1)
    assert (merge["precision"], merge["recall"]) == (round(1 / 3, 4), 1.0)


def test_split_event_costs_merge_recall():
    sys_mentions = [system("a", "e1", (10, 20)), system("b", "e2", (10, 20))]
    gold_mentions = [gold("a", "k", (10, 20)), gold("b", "k", (10, 20))]
    _, _, merge = scores(sys_mentions, gold_mentions)
    assert merge["recall"] == 0.0
    assert merge["precision"] is None  # the system merged nothing


def test_perfect_merge():
    sys_mentions = [system("a", "e1", (10, 20)), system("b", "e1", (10, 20)), system("b", "e2", (40, 50), (30, 60))]
    gold_mentions = [gold("a", "k1", (10, 20)), gold("b", "k1", (10, 20)), gold("b", "k2", (40, 45))]
    _, _, merge = scores(sys_mentions, gold_mentions)
    assert (merge["precision"], merge["recall"], merge["f1"]) == (1.0, 1.0, 1.0)


# Whole events: gold event "k" is reported by documents a and b on D1.
K_ON_D1 = GoldEvent("k", (D1, D1), (D1, D1), frozenset({"a", "b"}))
REPORTS_OF_K = [gold("a", "k", (10, 20)), gold("b", "k", (10, 20))]

# (name, system mentions, system events: id -> (start, end, sources), expected held whole, met, precision, recall)
WHOLE_EVENT_CASES = [
    ("one event, both reports, right dates",
     [system("a", "e1", (10, 20)), system("b", "e1", (10, 20))], {"e1": (D1, D1, ("a", "b"))},
     1, 1, 1.0, 1.0),
    ("split across two events",
     [system("a", "e1", (10, 20)), system("b", "e2", (10, 20))], {"e1": (D1, D1, ("a",)), "e2": (D1, D1, ("b",))},
     0, 0, 0.0, 0.0),
    ("merged right, but the event is dated by another day",
     [system("a", "e1", (10, 20)), system("b", "e1", (10, 20))], {"e1": (D1, D2, ("a", "b"))},
     1, 0, 0.0, 0.0),
    ("one report missing",
     [system("a", "e1", (10, 20))], {"e1": (D1, D1, ("a",))},
     0, 0, 0.0, 0.0),
    ("the event cites both articles, though one report matched another of its mentions",
     [system("a", "e1", (10, 20)), system("b", "e1", (510, 520), (500, 600))], {"e1": (D1, D1, ("a", "b"))},
     1, 1, 1.0, 1.0),
    ("a second, unrelated system event costs precision only",
     [system("a", "e1", (10, 20)), system("b", "e1", (10, 20)), system("a", "e2", (210, 220), (200, 300))],
     {"e1": (D1, D1, ("a", "b")), "e2": (D2, D2, ("a",))},
     1, 1, 0.5, 1.0),
]


@pytest.mark.parametrize("name,sys_mentions,events,held,met,p,r", WHOLE_EVENT_CASES,
                         ids=[c[0] for c in WHOLE_EVENT_CASES])
def test_whole_event_is_met_by_one_event_with_its_dates_citing_every_report(name, sys_mentions, events, held, met, p, r):
    pairs = match_mentions(sys_mentions, REPORTS_OF_K)
    whole = event_scores(sys_mentions, REPORTS_OF_K, (K_ON_D1,), pairs, events)
    assert (whole["held_whole"], whole["met"]) == (held, met)
    assert (whole["precision"], whole["recall"]) == (p, r)


def test_an_event_holding_two_gold_events_stands_for_the_one_it_reports_most():
    other = [gold("a", "k2", (210, 220)), gold("b", "k2", (210, 220)), gold("b", "k2", (310, 320))]
    k2_on_d1 = GoldEvent("k2", (D1, D1), (D1, D1), frozenset({"a", "b"}))
    swallowing = [system("a", "e1", (10, 20)), system("b", "e1", (10, 20)), system("a", "e1", (210, 220), (200, 300)),
                  system("b", "e1", (210, 220), (200, 300)), system("b", "e1", (310, 320), (300, 400))]
    pairs = match_mentions(swallowing, REPORTS_OF_K + other)
    whole = event_scores(swallowing, REPORTS_OF_K + other, (K_ON_D1, k2_on_d1), pairs, {"e1": (D1, D1, ("a", "b"))})
    assert (whole["held_whole"], whole["met"], whole["recall"], whole["precision"]) == (1, 1, 0.5, 1.0)


def test_whole_event_dates_may_fall_anywhere_inside_vague_windows():
    vague = GoldEvent("k", (date(2024, 3, 1), D1), (D1, D2), frozenset({"a", "b"}))
    sys_mentions = [system("a", "e1", (10, 20)), system("b", "e1", (10, 20))]
    pairs = match_mentions(sys_mentions, REPORTS_OF_K)
    assert event_scores(sys_mentions, REPORTS_OF_K, (vague,), pairs, {"e1": (date(2024, 3, 5), D2, ("a", "b"))})["met"] == 1
    assert event_scores(sys_mentions, REPORTS_OF_K, (vague,), pairs, {"e1": (D2, D2, ("a", "b"))})["met"] == 0


@pytest.mark.parametrize("start,end,grain,exact", [
    (date(2024, 5, 1), date(2024, 6, 7), "vague", True),
    (date(2024, 4, 20), date(2024, 6, 7), "vague", False),   # start outside its window
    (date(2024, 5, 1), date(2024, 6, 8), "vague", False),    # end outside its window
    (date(2024, 5, 1), date(2024, 6, 7), "week", False),     # grain differs
])
def test_vague_gold_accepts_dates_inside_its_windows(start, end, grain, exact):
    g = GoldMention("a", "k", "g", (0, 5), "in recent weeks",
                    (date(2024, 4, 25), date(2024, 5, 31)), (date(2024, 6, 6), date(2024, 6, 7)), "vague")
    assert date_is_exact(system("a", "e", (0, 5), start=start, end=end, grain=grain), g) is exact


def test_open_end_in_gold_needs_an_open_end():
    g = GoldMention("a", "k", "g", (0, 5), "since 2022", (D1, D1), (None, None), "year")
    assert date_is_exact(system("a", "e", (0, 5), start=D1, end=None, grain="year"), g)
    assert not date_is_exact(system("a", "e", (0, 5), start=D1, end=D2, grain="year"), g)


def test_trigger_inside_furniture_is_a_violation():
    furniture = [NotEvent("a", "Also Read: Ferry strike ends", (100, 128))]
    sys_mentions = [system("a", "e1", (115, 121)), system("a", "e2", (10, 20)), system("b", "e3", (115, 121))]
    violations = not_event_violations(sys_mentions, furniture)
    assert [v["document"] for v in violations] == ["a"]


def test_reference_date_accuracy_and_source():
    gold_refs = Gold({
        "a": {"accept": [D1], "source": ["given"]},
        "b": {"accept": [D1, D2], "source": ["collection"]},
        "c": {"accept": [D1], "source": None},
    }, (), ())
    results = [
        DocumentResult("a", D1, "given", None),
        DocumentResult("b", D2, "assumed", "nothing better"),
        DocumentResult("c", D2, "text", "dateline"),
    ]
    ref = reference_scores(results, gold_refs)
    assert (ref["right"], ref["accuracy"]) == (2, round(2 / 3, 4))
    assert (ref["source_right"], ref["source_accuracy"]) == (1, 0.5)
    assert sorted(w["document"] for w in ref["wrong"]) == ["b", "c"]


def test_documents_load_like_the_timeline_command(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_bytes("\ufeffLast night a fire broke out.".encode("utf-8"))
    (tmp_path / "sub" / "a.json").write_text(json.dumps({"text": "T", "published": "2024-03-12", "title": "x"}))
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "one", "id": "given-id"}) + "\n\n" + json.dumps({"text": "two"}) + "\n")
    (tmp_path / "notes.md").write_text("ignored")
    docs = {d.id: d for d in load_documents(tmp_path)}
    assert set(docs) == {"b", "a", "given-id", "c-3"}
    assert docs["b"].text.startswith("Last night")  # byte-order mark dropped
    assert docs["a"].published == D1 and docs["a"].title == "x"


# ---- the whole scorer on the real corpus, with the gold itself as the system

from dataclasses import replace  # noqa: E402
from datetime import timedelta  # noqa: E402

from api.extract.model import Event, Interval, Mention, Timeline  # noqa: E402
from tests.benchmarks.score_events import DEFAULT_ARTICLES, DEFAULT_GOLD, load_gold, score  # noqa: E402


def _timeline_from_gold(gold, shift_days=0, one_event=False):
    """A Timeline that reports exactly the gold (window golds take the window's
    lower start and upper end), optionally with every date shifted."""
    by_key = {}
    for g in gold.mentions:
        start = g.start_window[0] + timedelta(days=shift_days)
        end = g.end_window[1] + timedelta(days=shift_days)
        mention = Mention(document=g.document, sentence=g.trigger, sentence_span=g.trigger_span,
                          trigger=g.trigger, trigger_span=g.trigger_span, time_text=g.time_text,
                          time_span=None, interval=Interval(start, end, g.grain))
        by_key.setdefault("all" if one_event else g.key, []).append(mention)
    events = tuple(
        Event(id=f"evt_{key}", headline=key, summary="", category="other",
              interval=mentions[0].interval, sources=tuple({m.document for m in mentions}),
              mentions=tuple(mentions))
        for key, mentions in by_key.items())
    documents = tuple(DocumentResult(doc_id, ref["accept"][0], ref["source"][0], "gold")
                      for doc_id, ref in gold.reference_dates.items())
    return Timeline(documents=documents, events=events)


@pytest.fixture(scope="module")
def corpus_gold():
    return load_gold(DEFAULT_GOLD, {d.id: d.text for d in load_documents(DEFAULT_ARTICLES)})


def test_gold_scored_against_itself_is_perfect(corpus_gold):
    result = score(_timeline_from_gold(corpus_gold), corpus_gold)
    assert result["reference_dates"]["accuracy"] == 1.0
    assert result["reference_dates"]["source_accuracy"] == 1.0
    assert (result["mentions"]["precision"], result["mentions"]["recall"]) == (1.0, 1.0)
    assert (result["merge"]["precision"], result["merge"]["recall"]) == (1.0, 1.0)
    assert result["not_event_violations"] == []


def test_gold_events_each_reported_by_one_event_with_their_own_dates_are_all_met(corpus_gold):
    timeline = _timeline_from_gold(corpus_gold)
    windows = {e.key: e for e in corpus_gold.events}
    events = tuple(replace(e, interval=Interval(windows[e.headline].start_window[0],
                                                windows[e.headline].end_window[1], "day"))
                   for e in timeline.events)
    whole = score(replace(timeline, events=events), corpus_gold)["whole_events"]
    assert whole["gold_events"] == len(corpus_gold.events) > 100
    assert (whole["met"], whole["precision"], whole["recall"]) == (whole["gold_events"], 1.0, 1.0)


def test_one_event_that_swallows_the_corpus_meets_one_gold_event_at_most(corpus_gold):
    whole = score(_timeline_from_gold(corpus_gold, one_event=True), corpus_gold)["whole_events"]
    assert whole["held_whole"] == 1 and whole["met"] <= 1
    assert whole["recall"] < 0.01


def test_gold_shifted_by_a_day_keeps_detection_but_loses_exact_dates(corpus_gold):
    result = score(_timeline_from_gold(corpus_gold, shift_days=1), corpus_gold)
    assert result["mentions"]["detection_recall"] == 1.0
    assert result["mentions"]["recall"] < 0.1


def test_everything_in_one_event_has_full_merge_recall_and_poor_precision(corpus_gold):
    result = score(_timeline_from_gold(corpus_gold, one_event=True), corpus_gold)
    assert result["merge"]["recall"] == 1.0
    assert result["merge"]["precision"] < 0.05


# ---- several corpora at once: one line each, and their micro-average

from tests.benchmarks.score_events import main as score_main, micro_average, score_corpus  # noqa: E402


@pytest.fixture(scope="module")
def dev_corpus_result():
    return score_corpus(DEFAULT_GOLD.parent)


def test_micro_average_sums_the_counts_and_takes_ratios_over_the_sums(dev_corpus_result):
    one, twice = micro_average([dev_corpus_result]), micro_average([dev_corpus_result, dev_corpus_result])
    assert twice["mentions"]["exact"] == 2 * dev_corpus_result["mentions"]["exact"] > 0
    assert twice["whole_events"]["met"] == 2 * dev_corpus_result["whole_events"]["met"]
    assert twice["reference_dates"]["documents"] == 2 * dev_corpus_result["reference_dates"]["documents"]
    for section in ("mentions", "merge", "whole_events"):
        assert one[section]["f1"] == twice[section]["f1"] == dev_corpus_result[section]["f1"]


def test_micro_average_weighs_corpora_by_their_counts():
    def result(exact, system, gold):
        return {"mentions": {"exact": exact, "system_mentions": system, "gold_mentions": gold, "matched": exact},
                "reference_dates": {"right": 1, "documents": 1},
                "merge": {"pairs_same_in_system": 0, "pairs_same_in_gold": 0, "pairs_same_in_both": 0},
                "whole_events": {"met": 0, "gold_events": 1, "system_events_meeting": 0, "system_events": 1},
                "not_event_violations": []}
    average = micro_average([result(9, 10, 10), result(1, 10, 90)])
    assert (average["mentions"]["precision"], average["mentions"]["recall"]) == (0.5, 0.1)


def test_corpus_option_prints_a_line_per_corpus_and_their_micro_average(capsys):
    assert score_main(["--corpus", str(DEFAULT_GOLD.parent), "--corpus", str(DEFAULT_GOLD.parent)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["corpus", "corpus", "corpus", "micro", "micro"]
    assert lines[1].split()[1] == lines[3].split()[2]  # the same corpus twice averages to itself
    assert lines[4].startswith("micro exact recall by position: headline ")


def test_without_published_no_article_keeps_its_input_date(capsys, dev_corpus_result):
    from tests.benchmarks.score_events import load_documents, without_published

    docs = load_documents(DEFAULT_GOLD.parent / "articles")
    assert any(d.published for d in docs)
    assert not any(d.published for d in without_published(docs))
    assert [d.text for d in without_published(docs)] == [d.text for d in docs]
    assert score_main(["--without-published", "--corpus", str(DEFAULT_GOLD.parent)]) == 0
    refs = capsys.readouterr().out.splitlines()[1].split()[3]
    right, documents = map(int, refs.split("/"))
    assert documents == dev_corpus_result["reference_dates"]["documents"]
    # the given dates no longer fix their articles' days: some are missed without them
    assert right < dev_corpus_result["reference_dates"]["right"]


# ---- where in its article a gold mention stands

_PLACED_ARTICLE = ("Ferry sinks off Zanzibar\n\n"
                   "A ferry sank off Zanzibar on Tuesday, officials said.\n\n"
                   "Rescuers pulled 40 people from the water by nightfall.\n")


@pytest.mark.parametrize(("trigger", "position"), [
    ("Ferry sinks", "headline"),
    ("A ferry sank", "lead"),
    ("Rescuers pulled", "rest"),
])
def test_gold_mentions_know_whether_they_stand_in_the_headline_the_lead_or_the_rest(tmp_path, trigger, position):
    from tests.benchmarks.score_events import load_gold

    (tmp_path / "gold.yaml").write_text(json.dumps({"events": [{
        "key": "e", "start": "2024-03-12", "end": "2024-03-12",
        "mentions": [{"document": "a", "trigger": trigger, "grain": "day"}]}]}))
    (mention,) = load_gold(tmp_path / "gold.yaml", {"a": _PLACED_ARTICLE}).mentions
    assert mention.position == position


def test_exact_recall_is_counted_by_position():
    head = GoldMention("a", "e", "g", (0, 5), None, (D1, D1), (D1, D1), "day", position="headline")
    lead = GoldMention("a", "e", "g", (30, 35), None, (D1, D1), (D1, D1), "day", position="lead")
    found = [system("a", "e1", (0, 5), (0, 20))]  # only the headline's, with its date
    _, mentions, _ = scores(found, [head, lead])
    assert mentions["exact_recall_by_position"] == {
        "headline": {"exact": 1, "gold": 1, "recall": 1.0},
        "lead": {"exact": 0, "gold": 1, "recall": 0.0},
        "rest": {"exact": 0, "gold": 0, "recall": None},
    }
