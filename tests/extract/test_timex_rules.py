"""The rule registry (api/extract/data/timex_rules.yaml) and its scanner.

Every rule is a named pattern with example phrases and a resolver of the
same name; each example must be matched, whole, by its own rule.  The fast
scanner (`rules.find`, which only tries positions where a possible first
word starts) must find exactly what trying every position finds.
"""
from __future__ import annotations

from datetime import date

import pytest
import yaml

from api.extract import rules
from api.extract.lexicon import DATA_DIR
from api.extract.resolve import RESOLVERS
from api.extract.timex import detect, is_anchor_free, tense_of

REGISTRY, _ = rules.registry()
RAW_RULES = yaml.safe_load((DATA_DIR / "timex_rules.yaml").read_text(encoding="utf-8"))["rules"]
EXAMPLES = [(r.name, ex) for r in REGISTRY for ex in r.examples]

# rule names and Candidate.fields keys other modules rely on
STABLE_RULES = ("era_day", "offset", "month_day", "day_month", "holiday", "iso_date")


def test_every_rule_has_a_name_a_type_examples_and_a_resolver():
    names = [r.name for r in REGISTRY]
    assert len(names) == len(set(names)), "rule names must be unique"
    for raw in RAW_RULES:
        assert raw["type"] in ("DATE", "TIME", "DURATION", "SET"), raw["name"]
        assert raw.get("examples"), f"rule {raw['name']} has no example phrases"
        assert raw["name"] in RESOLVERS, f"rule {raw['name']} has no resolver"
        if raw.get("guard"):
            assert raw["guard"] in rules.GUARDS, raw["name"]


def _unbracket(example: str) -> tuple[str, int, int]:
    """'a [spring] offensive' -> ('a spring offensive', 2, 8); no brackets:
    the whole phrase is the expression."""
    if "[" not in example:
        return example, 0, len(example)
    start = example.index("[")
    end = example.index("]") - 1
    return example.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{r}: {e}" for r, e in EXAMPLES])
def test_example_phrase_is_matched_by_its_own_rule_with_its_extent(rule, example):
    phrase, start, end = _unbracket(example)
    # examples stand in a sentence, after a preposition, as in news text
    text = f"It was said that in {phrase} ."
    offset = text.index(phrase)
    found = [(m.rule.name, m.start - offset, m.end - offset) for m in rules.find(text)]
    assert (rule, start, end) in found, found


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{r}: {e}" for r, e in EXAMPLES])
def test_example_phrase_resolves_without_error(rule, example):
    for timex in _tag_examples(example):
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


def _tag_examples(example):
    from api.extract.timex import tag
    return tag(f"It was said that in {_unbracket(example)[0]} .", date(2023, 5, 3))


def test_rules_other_modules_rely_on_keep_their_names():
    names = {r.name for r in REGISTRY}
    assert set(STABLE_RULES) <= names


def test_offset_candidates_carry_num_and_unit_fields():
    (cand,) = [c for c in detect("Two days later the army withdrew.") if c.rule == "offset"]
    assert cand.fields["num"].lower() == "two" and cand.fields["unit"] == "days"


VARIED_TEXTS = [
    "Wednesday, May 3, 2023 (AP) -- Two drones were downed over the Kremlin last night, "
    "officials said. The 434th day of the war in Ukraine began with sirens at 2:30 a.m. "
    "Kyiv said it had nothing to do with it. On May 9, Victory Day, parades are planned.",
    "Sales rose 14% in the third quarter from a year earlier, to $1.2 billion. For the "
    "year ended Sept. 30, 1989, net income was $93.1 million. The year-earlier results "
    "included a charge. Fiscal 1990 began Oct. 1; the company expects results by mid-1990.",
    "In the 1990s and early 2000s, prices doubled every two years. Mondays and Fridays "
    "the market closes at noon. He left 2 1/2 years ago; she stayed for several months.",
    "May I ask whether March on, the Fall Guy, Sun Valley, Page 1 of 1, Rat 6 and 1,000 "
    "cars count? 1945 people said no. The 6-year-old boy and a 14-month-old war.",
    "It rained today, yesterday and tomorrow; tonight, overnight, this morning, early "
    "Wednesday and Wednesday afternoon too. Recently, in recent days, now and currently.",
    "The talks began on 20 April and collapsed two days later; a few days before May 9 "
    "they resumed. Next month, last week, earlier this year, this coming Sunday.",
    "x1999 1999x 19991 '99 '90s mid-1990s ...2023-05-03T14:30... 03/05/2023 12/31/99 "
    "Q3 3Q third-quarter fourth quarters second half Christmas Eve New Year's Day.",
    "",
    "  \n\t ",
    "Émigrés returned in März; the ’80s were long. Ukraine’s war, day 100 of the war.",
]


@pytest.mark.parametrize("text", VARIED_TEXTS)
def test_fast_scan_finds_exactly_what_scanning_every_position_finds(text):
    fast = [(m.rule.name, m.start, m.end) for m in rules.find(text)]
    slow = [(m.rule.name, m.start, m.end) for m in rules.find_by_scan(text)]
    assert fast == slow


def test_fast_scan_agrees_with_full_scan_on_every_example_in_context():
    phrases = [_unbracket(ex)[0] for _, ex in EXAMPLES]
    text = " ".join(f"On {ex}, and {ex.upper()} and {ex.lower()}." for ex in phrases)
    fast = [(m.rule.name, m.start, m.end) for m in rules.find(text)]
    slow = [(m.rule.name, m.start, m.end) for m in rules.find_by_scan(text)]
    assert fast == slow


def test_matches_come_in_text_order_and_never_overlap():
    for text in VARIED_TEXTS:
        spans = [(m.start, m.end) for m in rules.find(text)]
        assert spans == sorted(spans)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize("phrase, free", [
    ("9 May 2023", True), ("May 9", False), ("1945", True), ("yesterday", False),
    ("the 434th day of the war in Ukraine", True), ("14 months", True), ("25/12/2022", True),
    ("03/05/2023", False), ("the 1990s", True), ("last week", False),
])
def test_anchor_free_means_the_value_does_not_depend_on_the_reference_date(phrase, free):
    (cand,) = detect(phrase)
    assert is_anchor_free(cand) is free


@pytest.mark.parametrize("sentence, word, tense", [
    ("The minister resigned on Monday.", "Monday", "past"),
    ("The minister has resigned on Monday.", "Monday", "past"),
    ("The vote will go ahead on Tuesday.", "Tuesday", "future"),
    ("The talks are expected to resume on Friday, officials said.", "Friday", "future"),
    ("The deal must be completed by Dec. 15.", "Dec. 15", "future"),
    ("Until Thursday, police had not named a suspect.", "Thursday", "past"),
    ("Prices have risen since Monday.", "Monday", "past"),
])
def test_clause_tense_comes_from_its_verbs_and_deadline_cues(sentence, word, tense):
    (cand,) = [c for c in detect(sentence) if c.text == word]
    assert tense_of(sentence, cand) == tense


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{r}: {e}" for r, e in EXAMPLES])
def test_first_character_dispatch_keeps_every_example_of_its_rule(rule, example):
    phrase, start, _ = _unbracket(example)
    chars = dict(zip([r.name for r in REGISTRY], rules._rule_first_chars()))[rule]
    assert chars is None or phrase[start].lower() in chars


@pytest.mark.parametrize(("text", "expected"), [
    # Monday 9 October 2023: a third of a unit counted from today is some unsaid
    # time inside that third, like "later this month"
    ("Fuel prices rose late last month, the ministry said.", ("late last month", "2023-09", "2023-09-21", "2023-09-30")),
    ("The insurer cut its forecast early this month.", ("early this month", "2023-10", "2023-10-01", "2023-10-10")),
    ("The union voted to strike late last year.", ("late last year", "2022", "2022-09-01", "2022-12-31")),
])
def test_early_or_late_in_a_relative_unit_is_vague_inside_its_third(text, expected):
    from api.extract import timex
    t = next(t for t in timex.tag(text, date(2023, 10, 9)) if t.text == expected[0])
    iv = t.interval
    assert (t.text, t.value, iv.start.isoformat(), iv.end.isoformat(), iv.grain) == expected + ("vague",)
