"""Merging mentions into events: what joins and what stays apart."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from api.extract.merge import (
    SPEAKER_MARK, category_gap, common_participants, event_id_for, event_interval, merge, trigger_stems,
)
from api.extract.model import Interval, Mention


def _m(doc, sentence, trigger, day, category, time_text="on Tuesday", grain="day", end=None, participants=(),
       at=0):
    start = sentence.index(trigger)
    return Mention(
        document=doc, sentence=sentence, sentence_span=(at, at + len(sentence)), trigger=trigger,
        trigger_span=(at + start, at + start + len(trigger)), time_text=time_text,
        time_span=None if time_text is None else (at, at + 1),
        interval=Interval(day, end or day, grain), category=category, headline=sentence[:40],
        keywords=frozenset(), participants=frozenset(participants))


TUE = date(2024, 3, 12)


def test_reports_of_one_event_in_two_articles_merge():
    a = _m("a", "An earthquake struck southern Albania on Tuesday, killing eleven people.", "struck", TUE,
           "accident", participants={"albania"})
    b = _m("b", "Eleven people died when the earthquake struck Albania early on Tuesday.", "struck", TUE,
           "accident", participants={"albania"})
    (event,) = merge([a, b])
    assert event.sources == ("a", "b")


def test_different_categories_on_the_same_day_stay_apart():
    attack = _m("a", "Drones attacked the refinery in Tuapse on Tuesday.", "attacked", TUE, "attack",
                participants={"tuapse"})
    statement = _m("b", "The governor of Tuapse condemned the drone attack on the refinery on Tuesday.",
                   "condemned", TUE, "statement", participants={"tuapse", SPEAKER_MARK + "governor"})
    assert len(merge([attack, statement])) == 2


def test_statements_of_different_speakers_stay_apart():
    text1 = "Russia said on Tuesday that the drone attack on the Kremlin was an act of terrorism."
    text2 = "Ukraine said on Tuesday that it had nothing to do with the drone attack on the Kremlin."
    one = _m("a", text1, "said", TUE, "statement", participants={"kremlin", SPEAKER_MARK + "russia"})
    two = _m("b", text2, "said", TUE, "statement", participants={"kremlin", SPEAKER_MARK + "ukraine"})
    assert len(merge([one, two])) == 2


def test_explicit_dates_that_differ_stay_apart_even_inside_a_night():
    night = _m("a", "Drones attacked the port overnight, officials said.", "attacked", date(2024, 3, 11), "attack",
               time_text="overnight", grain="night", end=TUE)
    monday = _m("b", "Drones attacked the port on Monday, damaging a crane.", "attacked", date(2024, 3, 11), "attack",
                time_text="on Monday")
    tuesday = _m("c", "Drones attacked the port on Tuesday, damaging a crane.", "attacked", TUE, "attack")
    events = merge([night, monday, tuesday])
    assert not any({"b", "c"} <= set(e.sources) for e in events)


def test_an_uninformative_category_joins_only_with_real_overlap():
    fire = _m("a", "A fire destroyed part of the Voltera battery plant near Lyon on Tuesday.", "destroyed", TUE,
              "accident", participants={"voltera", "lyon"})
    broke_out = _m("b", "The fire broke out at the Voltera battery plant near Lyon on Tuesday.", "broke out", TUE,
                   "other", participants={"voltera", "lyon"})
    unrelated = _m("c", "The minister was working in Paris on Tuesday.", "working", TUE, "other",
                   participants={"paris"})
    events = merge([fire, broke_out, unrelated])
    assert sorted(e.sources for e in events) == [("a", "b"), ("c",)]
    assert category_gap("other", "accident") == 1 and category_gap("statement", "other") is None


def _article(doc, reports):
    """An article's reports, one sentence each: (sentence, trigger, participants)."""
    out, at = [], 0
    for sentence, trigger, participants in reports:
        out.append(_m(doc, sentence, trigger, TUE, "other", participants=participants, at=at))
        at += len(sentence) + 1
    return out


_OKAFOR = {"okafor", "dunmore"}
_LINDQVIST = {"lindqvist", "malmo"}


@pytest.mark.parametrize(("second", "died_events"), [
    # the same story: the two deaths share only the verb, and are one event
    ([("Okafor recorded his first album in Dunmore in 1962.", "recorded", _OKAFOR),
      ("Okafor played his last Dunmore concert in May.", "played", _OKAFOR),
      ("The guitarist died on Tuesday, his label said.", "died", set())], 1),
    # another story: even sharing a word more, two deaths
    ([("Lindqvist recorded his first album in Malmo in 1962.", "recorded", _LINDQVIST),
      ("Lindqvist played his last Malmo concert in May.", "played", _LINDQVIST),
      ("The guitarist died on Tuesday after an illness, his label said.", "died", set())], 2),
])
def test_the_same_verb_on_the_same_day_is_one_event_only_within_one_story(second, died_events):
    first = _article("a", [("Okafor was born in Dunmore in 1941.", "born", _OKAFOR),
                           ("Okafor toured Dunmore with his band until 2019.", "toured", _OKAFOR),
                           ("He died on Tuesday in hospital after a short illness.", "died", set())])
    died = [e for e in merge(first + _article("b", second)) if any(m.trigger == "died" for m in e.mentions)]
    assert len(died) == died_events
    assert died_events == 2 or died[0].sources == ("a", "b")


def test_protagonists_of_the_whole_batch_are_weak_evidence():
    mentions = [_m(str(k), f"Event number {k} happened in Russia.", "happened", TUE, "other",
                   participants={"russia"}) for k in range(4)]
    assert common_participants(mentions) == {"russia"}


def test_event_ids_depend_only_on_the_founding_mention():
    a = _m("a", "Rebels attacked a convoy on Tuesday.", "attacked", TUE, "attack")
    assert event_id_for(a) == event_id_for(a)
    (first,), (again,) = merge([a]), merge([a])
    assert first.id == again.id and first.id.startswith("evt_")


# Outlets name one happening with different words, at different grains.
SYNONYM_PAIRS = [
    (("The walkout began at 5 a.m. on Tuesday.", "walkout", "time", "5 a.m. on Tuesday"),
     ("The strike began on Tuesday, union officials said.", "strike", "day", "on Tuesday")),
    (("The quake was felt in Santiago early on Tuesday.", "quake", "part-of-day", "early on Tuesday"),
     ("The earthquake was felt across the capital on Tuesday.", "earthquake", "day", "on Tuesday")),
    (("The verdict was read out in court on Tuesday.", "verdict", "day", "on Tuesday"),
     ("Judges read out their ruling late on Tuesday.", "ruling", "part-of-day", "late on Tuesday")),
    (("Police detained two suspects on Tuesday.", "detained", "day", "on Tuesday"),
     ("Two suspects were arrested late on Tuesday.", "arrested", "part-of-day", "late on Tuesday")),
    (("A ferry capsized on Tuesday.", "capsized", "day", "on Tuesday"),
     ("The overloaded ferry sank early on Tuesday.", "sank", "part-of-day", "early on Tuesday")),
]


@pytest.mark.parametrize("first,second", SYNONYM_PAIRS,
                         ids=["walkout~strike", "quake~earthquake", "verdict~ruling", "detained~arrested",
                              "capsized~sank"])
def test_synonymous_triggers_at_different_grains_merge(first, second):
    category = {"walkout": "political", "strike": "political", "quake": "accident", "earthquake": "accident",
                "verdict": "legal", "ruling": "legal", "detained": "legal", "arrested": "legal",
                "capsized": "accident", "sank": "accident"}
    a = _m("a", first[0], first[1], TUE, category[first[1]], time_text=first[3], grain=first[2])
    b = _m("b", second[0], second[1], TUE, category[second[1]], time_text=second[3], grain=second[2])
    (event,) = merge([a, b])
    assert event.sources == ("a", "b")


def test_two_strikes_of_one_day_in_different_places_stay_apart():
    lyon = _m("a", "Teachers in Lyon went on strike on Tuesday over class sizes.", "strike", TUE, "political",
              participants={"lyon"})
    hamburg = _m("b", "Dockers in Hamburg staged a walkout on Tuesday.", "walkout", TUE, "political",
                 participants={"hamburg"})
    assert len(merge([lyon, hamburg])) == 2


@pytest.mark.parametrize(("sentence", "person", "not_a_participant"), [
    ("Infrastructure Minister Marek Zalewski met both sides in Gdansk.", "zalewski", "marek"),
    ("The terminal's chief executive Marek Duda said the port lost ten days.", "duda", "marek"),
    ("Hospital director Eva Lindqvist told reporters the data was old.", "lindqvist", "eva"),
    ("Prime Minister Ana Lucia Ferreira opened the bridge.", "ferreira", "lucia"),
])
def test_a_titled_persons_given_name_is_no_shared_participant(sentence, person, not_a_participant):
    from api.extract import mentions
    names = mentions.participants_of(mentions.tokenize(sentence, 0), 0, len(mentions.tokenize(sentence, 0)) - 1)
    assert person in names and not_a_participant not in names


def _timed(mention, time_text):
    at = mention.sentence.index(time_text) + mention.sentence_span[0]
    return replace(mention, time_text=time_text, time_span=(at, at + len(time_text)))


def test_one_trigger_with_two_dates_founds_two_events_with_distinct_ids():
    sentence = "Under the accord, pensions will go up by 3% in March and by another 2% in September."
    march = _timed(_m("a", sentence, "accord", date(2026, 3, 1), "political", grain="month",
                      end=date(2026, 3, 31)), "in March")
    september = _timed(_m("a", sentence, "accord", date(2026, 9, 1), "political", grain="month",
                          end=date(2026, 9, 30)), "in September")
    events = merge([september, march])
    assert len(events) == 2
    assert len({e.id for e in events}) == 2
    # the event dated by the earlier time expression keeps the plain id
    assert event_id_for(march) in {e.id for e in events}


def test_a_sentence_that_dates_two_triggers_apart_reports_two_events():
    sentence = "The team flies home on Monday and the town holds a reception for the squad on Monday evening."
    flight = _timed(_m("a", sentence, "flies", date(2026, 3, 2), "other"), "on Monday")
    reception = _timed(_m("a", sentence, "reception", date(2026, 3, 2), "other", grain="part-of-day"),
                       "on Monday evening")
    assert len(merge([flight, reception])) == 2


def test_one_trigger_with_two_overlapping_dates_is_not_folded_into_one_event():
    sentence = "The blaze spread at 3 p.m. on Sunday and jumped the motorway overnight into Monday."
    afternoon = _timed(_m("a", sentence, "blaze", date(2026, 3, 1), "accident", grain="time"), "at 3 p.m. on Sunday")
    night = _timed(_m("a", sentence, "blaze", date(2026, 3, 1), "accident", grain="night", end=date(2026, 3, 2)),
                   "overnight into Monday")
    assert len(merge([afternoon, night])) == 2


def _clock(mention, hhmm):
    iv = mention.interval
    return replace(mention, interval=Interval(iv.start, iv.end, "time", f"{iv.start.isoformat()}T{hhmm}"))


def test_a_report_naming_the_kind_of_event_joins_it_on_the_same_day():
    main = _m("a", "A strong earthquake struck the coast of Chile early on Tuesday, killing nine people.",
              "struck", TUE, "accident", time_text="early on Tuesday", grain="part-of-day", participants={"chile"})
    detail = _clock(_m("b", "The quake hit at 3:14 a.m., seismologists said.", "hit", TUE, "accident",
                       time_text="at 3:14 a.m."), "03:14")
    (event,) = merge([main, detail])
    assert event.sources == ("a", "b")


def test_the_kind_word_a_statement_talks_about_does_not_make_two_statements_one():
    one = _m("a", "The mayor said the fire had destroyed forty homes.", "said", TUE, "statement",
             time_text=None)
    two = _m("b", "The fire chief told radio listeners that crews were tired.", "told", TUE, "statement",
             time_text=None)
    assert len(merge([one, two])) == 2


def test_statements_at_clock_times_far_apart_stay_apart():
    speaker = {SPEAKER_MARK + "airline", "airline"}
    early = _clock(_m("a", "At 09:15 GMT the airline said its booking system had failed.", "said", TUE,
                      "statement", time_text="At 09:15 GMT", participants=speaker), "09:15")
    later = _clock(_m("a", "At 12:31 GMT the airline said its booking system had failed after an update.", "said",
                      TUE, "statement", time_text="At 12:31 GMT", participants=speaker, at=200), "12:31")
    assert len(merge([early, later])) == 2


def test_events_at_clock_times_hours_apart_stay_apart():
    began = _clock(_m("a", "The outage at the airline's booking system began at 5.30am.", "began", TUE, "accident",
                      time_text="at 5.30am"), "05:30")
    over = _clock(_m("b", "The outage at the airline's booking system ended at 2 p.m.", "ended", TUE, "accident",
                     time_text="at 2 p.m."), "14:00")
    assert len(merge([began, over])) == 2


def test_midnight_written_as_hour_24_is_the_next_days_first_moment():
    walkout = _clock(_m("a", "Union leaders walked out of the talks shortly before midnight.", "walked out", TUE,
                        "politics", time_text="shortly before midnight"), "24:00")
    talks = _clock(_m("b", "Union leaders walked out of the talks at 11.50pm.", "walked out", TUE, "politics",
                      time_text="at 11.50pm"), "23:50")
    (event,) = merge([walkout, talks])
    assert event.sources == ("a", "b")


def test_a_follow_up_naming_the_year_joins_the_day_event_of_its_kind():
    day = _m("a", "A flood on 14 June 2021 swept through Rivera, killing six people.", "swept", date(2021, 6, 14),
             "accident", time_text="on 14 June 2021", participants={"rivera"})
    year = _m("b", "Residents still remember the 2021 flood in the valley.", "flood", date(2021, 1, 1), "accident",
              time_text="2021", grain="year", end=date(2021, 12, 31))
    (event,) = merge([day, year])
    assert event.sources == ("a", "b")
    assert event.interval.grain == "day"  # the event keeps its finest date; the mention keeps its own
    assert {m.interval.grain for m in event.mentions} == {"day", "year"}


def test_a_year_report_that_does_not_name_the_kind_of_event_stays_apart():
    day = _m("a", "Drones attacked the Rivera refinery on Tuesday.", "attacked", TUE, "attack",
             participants={"rivera", "north"})
    season = _m("b", "North and Rivera forces prepare a spring offensive around Rivera.", "offensive",
                date(2024, 3, 1), "attack", time_text="spring", grain="season", end=date(2024, 5, 31),
                participants={"rivera", "north"})
    assert len(merge([day, season])) == 2


def test_a_year_report_of_another_year_stays_apart():
    day = _m("a", "A flood on 14 June 2021 swept through Rivera, killing six people.", "swept", date(2021, 6, 14),
             "accident", time_text="on 14 June 2021", participants={"rivera"})
    year = _m("b", "Residents still remember the 2019 flood in Rivera.", "flood", date(2019, 1, 1), "accident",
              time_text="2019", grain="year", end=date(2019, 12, 31), participants={"rivera"})
    assert len(merge([day, year])) == 2


def test_a_verb_and_its_nominalization_name_one_event():
    verb = _m("a", "A gas tank exploded at a chemical depot on Tuesday.", "exploded", TUE, "accident")
    noun = _m("b", "Tuesday's explosion shook the depot, firefighters said.", "explosion", TUE, "accident",
              time_text="Tuesday's")
    (event,) = merge([verb, noun])
    assert event.sources == ("a", "b")


def test_a_clock_time_outside_the_night_is_not_what_happened_that_night():
    night = _m("a", "Hundreds of villagers near Rivera were evacuated overnight as the flames spread.", "evacuated",
               date(2024, 3, 11), "ban or restriction", time_text="overnight", grain="night", end=TUE,
               participants={"rivera"})
    night = replace(night, interval=Interval(night.interval.start, TUE, "night", "2024-03-11TNI"))
    noon = _clock(_m("a", "At 12:31 the prime minister cancelled his trip to Rivera as the flames spread.",
                     "cancelled", TUE, "ban or restriction", time_text="At 12:31", participants={"rivera"},
                     at=300), "12:31")
    assert len(merge([night, noon])) == 2


def test_a_clock_time_inside_the_night_joins_the_night_event():
    night = _m("a", "Drones attacked the Rivera refinery overnight, setting a tank on fire.", "attacked",
               date(2024, 3, 11), "attack", time_text="overnight", grain="night", end=TUE, participants={"rivera"})
    night = replace(night, interval=Interval(night.interval.start, TUE, "night", "2024-03-11TNI"))
    early = _clock(_m("b", "Drones attacked the Rivera refinery at 2:40 a.m., setting a tank on fire.", "attacked",
                      TUE, "attack", time_text="at 2:40 a.m.", participants={"rivera"}), "02:40")
    (event,) = merge([night, early])
    assert event.sources == ("a", "b")


@pytest.mark.parametrize(("sentence", "trigger", "time_text", "grain", "start", "end"), [
    ("Repairs to schools damaged in last week's earthquake will cost millions.", "earthquake", "last week's",
     "week", date(2024, 3, 11), date(2024, 3, 17)),
    ("Insurers put the damage from last month's earthquake at millions of euros.", "earthquake", "last month's",
     "month", date(2024, 3, 1), date(2024, 3, 31)),
    ("Engineers inspected schools cracked by Tuesday's quake.", "quake", "Tuesday's", "day", TUE, TUE),
])
def test_a_follow_up_at_a_coarser_grain_joins_the_day_event(sentence, trigger, time_text, grain, start, end):
    day = _m("a", "A strong earthquake struck southern Chile early on Tuesday, damaging schools.", "struck", TUE,
             "accident", time_text="early on Tuesday", grain="part-of-day", participants={"chile"})
    follow_up = _m("b", sentence, trigger, start, "accident", time_text=time_text, grain=grain, end=end)
    (event,) = merge([day, follow_up])
    assert event.sources == ("a", "b") and event.interval.grain == "part-of-day"


def test_an_uninformative_report_naming_the_kind_of_event_joins_it():
    fire = _m("a", "A wildfire broke out in the hills above Rivera on Tuesday, forcing villagers to flee.",
              "wildfire", TUE, "accident", participants={"rivera"})
    started = _m("b", "The wildfire started on Tuesday, the civil protection agency told a briefing, as "
                      "villagers were moved and water-bombing aircraft and two hundred firefighters were deployed.",
                 "started", TUE, "other")
    (event,) = merge([fire, started])
    assert event.sources == ("a", "b")


def test_an_undated_report_beside_a_dated_one_in_its_article_must_say_more_to_join_it():
    verdict = "A Nairobi court on Tuesday convicted the former head of the farmers' cooperative of fraud."
    acquittal = "Two co-accused, the cooperative's former finance manager and its auditor, were acquitted."
    convicted = _m("a", verdict, "convicted", TUE, "legal", time_text="on Tuesday")
    same_article = _m("a", acquittal, "acquitted", TUE, "legal", time_text=None, at=200)
    assert len(merge([convicted, same_article])) == 2
    # in another article, the undated report of the day still joins on the same evidence
    other_article = _m("b", acquittal, "acquitted", TUE, "legal", time_text=None)
    (event,) = merge([convicted, other_article])
    assert event.sources == ("a", "b")


def test_merging_does_not_depend_on_the_order_of_its_input():
    sentence = "Fares rise by 4% in March and by 2% in March next year, the operator said on Tuesday."
    first = _timed(_m("a", sentence, "rise", date(2026, 3, 1), "other", grain="month", end=date(2026, 3, 31)),
                   "in March")
    second = _timed(_m("a", sentence, "rise", date(2027, 3, 1), "other", grain="month", end=date(2027, 3, 31)),
                    "in March next year")
    follow_up = _m("b", "Fares rise by 4% in March, passengers were told.", "rise", date(2026, 3, 1), "other",
                   time_text="in March", grain="month", end=date(2026, 3, 31))
    forward = merge([first, second, follow_up])
    backward = merge([follow_up, second, first])
    assert [(e.id, e.sources) for e in forward] == [(e.id, e.sources) for e in backward]


@pytest.mark.parametrize(("first", "second", "merged"), [
    # the same shares on the same day, moving opposite ways: two events
    (("Audella shares fell 6 per cent in Stockholm on Tuesday.", "fell"),
     ("Audella shares rose 4 per cent in Stockholm on Tuesday.", "rose"), False),
    # the same way in other words: one event
    (("Audella shares fell 6 per cent in Stockholm on Tuesday.", "fell"),
     ("Audella shares slumped 6 per cent in Stockholm on Tuesday.", "slumped"), True),
])
def test_a_rise_and_a_fall_of_the_same_thing_stay_apart(first, second, merged):
    one = _m("a", first[0], first[1], TUE, "other", participants={"audella", "stockholm"})
    two = _m("b", second[0], second[1], TUE, "other", participants={"audella", "stockholm"})
    assert (len(merge([one, two])) == 1) is merged


WED = date(2024, 3, 13)
_FIRE = "Fire swept through the warehouse."
_GRAINED = {  # grain -> (start, end) of one fire told at that grain
    "night": (TUE, WED), "time": (TUE, TUE), "day": (TUE, TUE),
    "week": (date(2024, 3, 11), date(2024, 3, 17)), "month": (date(2024, 3, 1), date(2024, 3, 31)),
}


@pytest.mark.parametrize(("grains", "expected"), [
    # what most articles say of the day, not the one clock time a single article gives
    (("night", "night", "time"), "night"),
    (("night", "time"), "time"),  # a tie goes to the finer
    (("day", "month", "month"), "day"),  # a coarse date never outvotes a day
    (("week", "month", "month"), "week"),  # among coarse ones, the finest
])
def test_an_event_takes_the_precise_date_most_of_its_reports_give(grains, expected):
    mentions = [_m(doc, _FIRE, "swept", _GRAINED[g][0], "accident", grain=g, end=_GRAINED[g][1])
                for doc, g in zip("abc", grains)]
    assert event_interval(mentions).grain == expected


@pytest.mark.parametrize(("headline_word", "story_word"), [
    ("smashes", "smashed"),  # the "e" of "-es" after a sibilant is the ending's
    ("shreds", "shredded"),  # a consonant doubled before "-ed" is one
    ("guts", "gutted"),
    ("stops", "stopping"),
    ("taxes", "taxed"),
    # a silent "e" an ending took off a short stem comes back
    ("bites", "biting"),
    ("saves", "saved"),
    ("faces", "faced"),
    ("frees", "freed"),
    ("speeds", "speeding"),
])
def test_a_headline_verb_and_the_storys_past_share_a_stem(headline_word, story_word):
    assert trigger_stems(headline_word) == trigger_stems(story_word)


@pytest.mark.parametrize(("one", "other"), [("killed", "kiln"), ("passed", "pasta"), ("added", "adder"),
                                             ("planned", "planes"), ("opened", "opener"), ("rats", "rated")])
def test_a_doubled_l_or_s_and_a_short_word_keep_their_stems_apart(one, other):
    assert not trigger_stems(one) & trigger_stems(other)
