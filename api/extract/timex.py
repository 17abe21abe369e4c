"""Time expressions: detect, resolve, tag (the tagger's public interface).

    detect(text)                      -> [Candidate]   rules.py, one regex pass
    tense_of(text, candidate)         -> past|present|future   tense.py
    resolve(candidate, anchor, tense, previous) -> Timex       resolve.py
    is_anchor_free(candidate)         -> value independent of the anchor?
    tag(text, dct)                    -> [Timex]       all of the above
    tag_corpus(corpus)                -> TempEval-3 JSON with system timexes

dateparser is not used on this path: the rules normalize their own spans,
which is both more exact for TimeML values and much faster.

A Timex's `type` and `value` are TimeML's; its `interval` is what the
timeline needs.  They usually agree, with one deliberate exception: in
"[two days] later" TimeML tags the amount alone as a DURATION (P2D), yet the
interval still places it on the calendar, counted from the last date
mentioned (or from the date that follows "before"/"after").  Other
durations and sets have no interval.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from typing import Callable, Iterable

from api.extract import country, hemisphere, rules
from api.extract.lexicon import load as load_lexicon, normalize_name
from api.extract.model import Candidate, Interval, Timex
from api.extract.resolve import (
    CLOCK_VALUE, COMPLETED_PAST_SLACK_DAYS, DAY_GRAINS, EVENING_START, SMALL_HOURS_END, clock_hour, counted_ahead,
    evening_named, resolve_candidate,
)
from api.extract.tense import completed_past_at, tense_at

# Rules whose value never depends on the reference date (given all their
# fields).  Others are anchor-free only when they carry an explicit year.
_ANCHOR_FREE_RULES = frozenset({
    "era_day", "era_name", "iso_date", "numeric_date", "dashed_date", "dotted_date", "month_year", "season_year",
    "century", "year", "spoken_year",
})
_YEAR_FIELDS = ("year", "qyear", "cent")
# Relative expressions counted from the last date mentioned, not the anchor.
_CHAINED_RULES = frozenset({"offset", "relative_unit", "relative_quarter"})
# Expressions counted from another date never become the base for the next
# one: "a year earlier" after "the year-ago quarter" still means the focus
# quarter a year back.
_DERIVED_RULES = frozenset({"offset", "ago", "year_earlier_adjective", "year_period",
                            "relative_quarter", "time_of_day", "the_unit"})
# Rules that name things TimeML does not annotate as TIMEX3 (eras by name).
_NOT_TIMEML = frozenset({"era_name"})


def detect(text: str) -> list[Candidate]:
    out = []
    lexicon = load_lexicon()
    southern, nation = None, ""
    for m in rules.find(text):
        if m.fields.get("era") and lexicon.era_named(m.fields["era"], text) is None:
            continue  # "the war" of an article that never says which war
        fields = m.fields
        if fields.get("season"):
            if southern is None:
                southern = hemisphere.is_southern(text)
            if southern:
                fields = {**fields, "south": True}  # "this winter" in Melbourne: June to August
        holiday = lexicon.holidays[normalize_name(fields["holiday"])] if fields.get("holiday") else None
        if holiday is not None and holiday.by_country:
            if nation == "":
                nation = country.country_of(text)
            if nation is not None:
                fields = {**fields, "country": nation}  # "Independence Day" in Rovaniemi: 6 December
            if not holiday.for_country(nation).has_a_day or not holiday.has_a_day and fields["holiday"].islower():
                continue  # "National Day" in no country's article, "a national day of mourning"
        out.append(Candidate(m.start, m.end, text[m.start:m.end], m.rule.name, m.rule.type, fields))
    return out


def tense_of(text: str, candidate: Candidate) -> str:
    return tense_at(text, candidate.start, candidate.end)


def completed_slack(text: str, candidate: Candidate, tense: str,
                    dct_slack: int = COMPLETED_PAST_SLACK_DAYS) -> int | None:
    """`dct_slack` when a definite past verb governs the candidate ("ended on
    March 4"): a completed past, which cannot lie after the reference date
    by more than the days that date may be early; else None."""
    if tense == "past" and completed_past_at(text, candidate.start, candidate.end):
        return dct_slack
    return None


def resolve(candidate: Candidate, anchor: date, tense: str = "past",
            previous: Timex | None = None, completed_slack: int | None = None) -> Timex:
    return resolve_candidate(candidate, anchor, tense, previous, completed_slack)


def is_anchor_free(candidate: Candidate) -> bool:
    if candidate.type in ("DURATION", "SET"):
        return True
    if candidate.rule in ("numeric_date", "dashed_date"):
        # 03/05/2023 needs the reference date to choose between its readings
        a, b = int(candidate.fields["a"]), int(candidate.fields["b"])
        return len(candidate.fields["year"]) == 4 and (a == b or a > 12 or b > 12)
    if candidate.rule in _ANCHOR_FREE_RULES:
        return True
    if candidate.rule == "decade":
        return bool(candidate.fields.get("cent"))
    if candidate.rule == "fiscal_year":
        return candidate.fields.get("year", "").isdigit()
    return any(candidate.fields.get(f) for f in _YEAR_FIELDS) and candidate.rule not in _CHAINED_RULES


def _names_a_past_year(c: Candidate, t: Timex) -> bool:
    """"a decade ago", "two years ago": a year counted back from the article's own
    date, which "the following year" then counts on from."""
    return c.rule == "ago" and t.interval is not None and t.interval.grain == "year"


def _is_anchor_for_next(t: Timex) -> bool:
    """Can later relative expressions ("two days later") count from t?"""
    iv = t.interval
    return iv is not None and iv.start is not None and iv.grain != "vague"


# "..., officials said Monday.": the day of the telling, not of the story told
# ("..., police told a news conference in Sion on Monday.": where, then when)
_ATTRIBUTION_BEFORE = re.compile(r"\b(?:said|says|told\s+(?:reporters|journalists|(?:a|the)\s+(?:(?:news|press)\s+)?"
                                  r"(?:conference|briefing))(?:\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*"
                                  r"(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})?)"
                                  r"(?:\s+in\s+an?\s+(?:written\s+|short\s+|brief\s+|joint\s+)?statement)?"
                                  r"\s+(?:on\s+)?$", re.IGNORECASE)
_SENTENCE_END_AFTER = re.compile(r"\s*[.;]")
# what may date the statement: "said on Monday", "said yesterday", "said this morning"
_ATTRIBUTION_RULES = frozenset({"weekday", "day_relative", "part_of_day_relative"})


def _dates_an_attribution(text: str, c: Candidate) -> bool:
    """A date right after "said" (or "said in a statement") at the end of a
    sentence: the day a statement was made, which the next sentence's bare clock
    time ("at about 9 p.m.") does not fall on; the story's own day does."""
    return c.rule in _ATTRIBUTION_RULES and bool(_ATTRIBUTION_BEFORE.search(text, max(0, c.start - 80), c.start)) \
        and bool(_SENTENCE_END_AFTER.match(text, c.end))


def counts_clock_time(c: Candidate) -> bool:
    """"half an hour later", "20 minutes earlier": an offset a clock time anchors."""
    return str(c.fields.get("unit", "")).lower().startswith(("hour", "minute"))


_COARSE_GRAINS = frozenset({"year", "month", "quarter", "season", "half", "decade", "century"})


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# a day narrated this long before the article's date is a story told, not the week's news
STORY_TOLD_DAYS = 7


def _the_weekday_of_a_story_told(text: str, c: Candidate, previous: Timex | None, dct: date) -> bool:
    """"on the Monday", after a day narrated weeks before the article: the weekday of that story."""
    iv = previous.interval if previous is not None else None
    return iv is not None and iv.start is not None and iv.grain in DAY_GRAINS \
        and (dct - iv.start).days > STORY_TOLD_DAYS and bool(_THE_BEFORE.search(text, max(0, c.start - 5), c.start))


def _counts_days(c: Candidate) -> bool:
    """"two days later", "a week earlier": an offset a day it counts from fixes; so
    does "that afternoon" its day."""
    return str(c.fields.get("unit", "")).lower().startswith(("day", "night", "week", "fortnight", "morning",
                                                            "afternoon", "evening"))


def _names_its_day(c: Candidate) -> bool:
    """"7 a.m. on Sunday" fixes a day that a later "8 p.m." falls on."""
    return c.rule == "time_of_day" and bool(c.fields.get("weekday") or c.fields.get("month"))


def _narrates_a_day(c: Candidate) -> bool:
    """"Two weeks ago, she saw the smoke": a few days or weeks back is the
    time a story is told from, which "that Sunday" or "three days later" then
    count from.  ("A year ago" stays out: in results news it compares periods.)"""
    if c.rule == "offset":
        # "A day later, he told the radio ... The following day he apologised": the day counted to
        return str(c.fields.get("dir2", "")).lower() in ("later", "earlier") and _counts_days(c)
    return c.rule == "ago" and str(c.fields.get("unit", "")).lower().startswith(("day", "week", "night", "fortnight"))


def tag(text: str, dct: date | None, candidates: list[Candidate] | None = None,
        tense_for: Callable[[Candidate], str] | None = None,
        dct_slack: int = COMPLETED_PAST_SLACK_DAYS,
        slack_for: Callable[[Candidate, str], int | None] | None = None,
        flashback_for: Callable[[Candidate], bool] | None = None) -> list[Timex]:
    """Every time expression in text, resolved against dct (the reference
    date).  Without dct only anchor-free expressions get values.  The event
    pipeline passes the candidates it already detected, the tense of the
    clause each one dates, and `slack_for` (`completed_slack` of a candidate
    in a tense, which does not depend on dct: the pipeline keeps it while it
    tries many dates).  `dct_slack`: how many days early dct may be (a
    completed past, "ended on March 4", lies no further ahead than that).
    `flashback_for`: does a candidate date a flashback ("had searched through
    Tuesday night", "trapped since Saturday")? A later clock time with no day of its
    own then falls on the story's day before it, not on the flashback's."""
    out: list[Timex] = []
    previous: Timex | None = None
    told_before: Timex | None = None  # the last anchor not ahead of dct
    last_clock: Timex | None = None  # the last clock time: "half an hour later" counts from it
    last_day: Timex | None = None  # the last anchor of a day or finer: "two days later" counts from it
    past_midnight: Timex | None = None  # the last clock time moved into the next day's small hours
    story_day: Timex | None = None  # the last day anchor not told as a flashback
    last_evening: Timex | None = None  # the last evening named: "on Tuesday evening", "at 7.40pm on Wednesday"
    previous_is_flashback = False
    told_today = False  # an hour or a part of the article's own day has been told
    previous_is_stamp = False  # the last anchor is a live blog's entry stamp ("9.30am" on its own line)
    story_before: Timex | None = None  # the last day before dct, or an hour of it, named
    is_flashback = flashback_for or (lambda c: False)
    cands = detect(text) if candidates is None else candidates
    tense_of_candidate = tense_for or (lambda c: tense_of(text, c))
    slack_of = slack_for or (lambda c, tense: completed_slack(text, c, tense, dct_slack))
    tense_override: dict[int, str] = {}
    for i, c in enumerate(cands):
        if dct is None and not is_anchor_free(c):
            out.append(Timex(c.start, c.end, c.text, c.type, None, None, c.rule, None))
            continue
        anchor = dct or date(1, 1, 1)
        base = previous
        if c.rule == "offset" and last_clock is not None and counts_clock_time(c) and (
                previous is None or last_clock.start > previous.start
                or previous.interval.grain not in DAY_GRAINS):
            # (hours after a month or a year, "since October 2023", count from no day)
            base = last_clock  # "exploded at 4:32 a.m. ... about half an hour later"
        if c.rule == "time_of_day" and base is previous and last_day is not None and not _names_its_day(c) \
                and previous.interval.grain in _COARSE_GRAINS:
            # "were ferried across the lake late Tuesday ... toward their summer camp ... The last
            # boat left at about 11:15 p.m.": a clock time is of the last day named, not of a season
            base = last_day
        if c.rule in ("offset", "relative_unit") and base is previous and last_day is not None and _counts_days(c) \
                and previous.interval.grain in _COARSE_GRAINS | {"week"}:
            # "failed on the night of March 2 ... not tested since 2021. Power was restored
            # two days later": days count from the last day named, not from a year; so does
            # "the next day" ("filmed a stoat on Monday 11 November. The island, predator-free
            # since 2009, was closed the next day"); nor from a week ("went to investigators last week ...
            # Kaya was found by hikers the next day": the day after the shooting on Oct. 5)
            base = last_day
        if c.rule == "offset" and i + 1 < len(cands):
            # "two days before May 9": counted from the date that follows
            m = _BEFORE_AFTER.match(text, c.end)
            nxt = cands[i + 1]
            if m and m.end() == nxt.start and (dct is not None or is_anchor_free(nxt)):
                tense_next = tense_of_candidate(nxt)
                t_next = resolve(nxt, anchor, tense_next, previous)
                if _is_anchor_for_next(t_next) and _restates(text, previous, c) and not is_anchor_free(nxt):
                    # "on Monday night, five days before Sunday's vote": the offset restates
                    # the date before it, so the date it counts from is the one -- past or
                    # ahead, whatever the clause's tense -- that brings it back there
                    other = "future" if tense_next != "future" else "past"
                    t_other = resolve(nxt, anchor, other, previous)
                    if _is_anchor_for_next(t_other) and _distance(resolve(c, anchor, other, t_other), previous) \
                            < _distance(resolve(c, anchor, tense_next, t_next), previous):
                        t_next, tense_override[i + 1] = t_other, other
                if _is_anchor_for_next(t_next):
                    base = t_next
        if c.rule == "time_of_day" and not _names_its_day(c) and i + 1 < len(cands) \
                and (_ON_A_DAY.fullmatch(text, c.end, cands[i + 1].start)
                     or text[c.end:cands[i + 1].start] == " " and _A_DAY_TOLD_AGAIN.match(cands[i + 1].text)) \
                and (dct is not None or is_anchor_free(cands[i + 1])):
            # "at 6.53pm on 10 August", "at 3:40 a.m. (0240 GMT) on Thursday": the clock
            # time is on the day that follows, which the time rule's own tail does not reach
            t_next = resolve(cands[i + 1], anchor, tense_of_candidate(cands[i + 1]), previous)
            if t_next.interval is not None and t_next.interval.grain in ("day", "part-of-day"):
                base = t_next
        if c.rule == "time_of_day" and base is previous and previous_is_flashback and story_day is not None \
                and not _names_its_day(c):
            # "had searched through Tuesday night ... The cordon was lifted at 9am": the story's day
            base = story_day
        entry_stamp = c.type == "TIME" and _is_entry_stamp(text, c)
        if entry_stamp:
            base = None  # a live blog's "13:45 BST": the page's day, not the day the last entry named
        tense = tense_override.get(i) or tense_of_candidate(c)
        if tense == "past" and base is previous and _ahead_of(previous, dct):
            # "would call a vote next week. ... he said hours later": the past counts from the past
            base = told_before
        t = resolve(c, anchor, tense, base, slack_of(c, tense))
        if c.rule == "weekday" and tense != "future" and dct is not None and _the_weekday_of_a_story_told(
                text, c, previous, dct):
            # "between the afternoon of March 11 and the morning of March 13. A park ranger found the
            # stump on the Monday morning" (told in November): that story's Monday, on or after its day
            t = resolve(c, previous.interval.start, "future", base)
        if c.rule in ("time_of_day", "part_of_day_anaphoric") and base is previous and not entry_stamp \
                and not _names_its_day(c) and tense == "past" \
                and _back_to_the_evening_before(t, previous, last_evening, dct):
            # "broke out on Tuesday evening ... brought under control early this morning. The fire
            # was reported at 7.48pm": an evening hour told in the past goes back to that evening
            t = resolve(c, anchor, tense, last_evening, slack_of(c, tense))
        elif c.rule == "time_of_day" and base is previous and not entry_stamp and not _names_its_day(c) \
                and tense == "past" and not c.fields.get("tz") \
                and _back_to_the_story_day(t, previous, story_before, dct):
            # "a sheet of ice broke away on Saturday afternoon ... One man was still missing Sunday. The
            # floe began drifting south shortly after 1 p.m.": an hour after the story began is its day's
            t = _on_day(t, story_before.interval.start)
        back_to_today = False
        if c.rule == "time_of_day" and base is previous and not entry_stamp and not _names_its_day(c) \
                and tense == "past" and told_today and _before_the_part_just_told(t, previous, dct):
            # "began cutting open the squid at 10am today ... It was moved to a tank on Sunday afternoon.
            # The first visitors started queuing at 6.30am": an hour before the afternoon just told is
            # not of its day, but of the article's own, told before; and the story goes on there
            t = _on_day(t, dct)
            back_to_today = True
        if c.rule == "time_of_day" and base is previous and previous_is_stamp and tense == "past" \
                and not _names_its_day(c) and not c.fields.get("tz") and _later_on_its_day(t, previous) \
                and tense_at(text, c.start, c.end) == "past":  # (told as done: not "slams shut at 5pm")
            # "9.30am / She said the sea came over the stopbank at about 10.40pm": an entry
            # tells what was done before it was posted, so a later hour is the day before's
            t = _on_day(t, t.interval.start - timedelta(days=1))
        if c.rule == "duration" and dct is not None and tense == "future" \
                and _IN_AHEAD.search(text, max(0, c.start - 4), c.start) and tense_of(text, c) == "future":
            # "will reopen in [three weeks]": TimeML keeps the DURATION; the timeline
            # places it that far ahead, as for "[two days] later"
            ahead = counted_ahead(c.fields, anchor)
            if ahead is not None:
                t = Timex(t.start, t.end, t.text, t.type, t.value, ahead, t.rule, t.anchor)
        if c.rule == "time_of_day" and not entry_stamp and not _names_its_day(c) and base in (previous, story_day):
            if _small_hours_after_an_evening(t, last_clock) or _small_hours_late_on_its_day(text, t, previous):
                t = _on_day(t, t.interval.start + timedelta(days=1))
                # "tripped the grid at 9.47 p.m. ... Power returned shortly after 2 a.m."
                past_midnight = t
            elif past_midnight is not None and past_midnight is last_clock and t.interval is not None \
                    and t.interval.grain == "time" and t.interval.start < past_midnight.interval.start:
                t = _on_day(t, past_midnight.interval.start)  # "... and 80% by noon": that next day still
        if c.rule == "time_of_day" and not entry_stamp and _a_clock_time(t) and not _names_its_day(c) \
                and i + 1 < len(cands) and cands[i + 1].rule == "time_of_day" and _names_its_day(cands[i + 1]) \
                and _RANGE_TO.fullmatch(text, c.end, cands[i + 1].start) and dct is not None:
            # "from 7pm to 8pm tonight", "between 10pm and 6am tomorrow": the day the range ends on names
            # its start's too (the day before, when the hours wrap past midnight)
            end = resolve(cands[i + 1], anchor, tense_of_candidate(cands[i + 1]), previous)
            if _a_clock_time(end):
                t = _on_day(t, end.interval.start - timedelta(days=clock_hour(t) > clock_hour(end)))
        out.append(t)
        if dct is not None and t.interval is not None and t.interval.start == t.interval.end == dct \
                and t.interval.grain in ("time", "part-of-day") and not entry_stamp:
            told_today = True
        if c.rule == "time_of_day" and not entry_stamp and t.interval is not None and t.interval.grain == "time":
            last_clock = t
        elif entry_stamp:
            # a live entry starts afresh: "Last updated 18:40" or a later entry's evening
            # (newest first) does not carry its 5.50am into the next day
            last_clock = past_midnight = None
        if _on_the_day_before(t, dct) and not entry_stamp:
            story_before = t
        if _is_anchor_for_next(t) and not _dates_an_attribution(text, c) and (
                c.rule not in _DERIVED_RULES or _names_its_day(c) or _narrates_a_day(c) or entry_stamp or back_to_today
                or _names_a_past_year(c, t)):
            previous = t
            previous_is_flashback = is_flashback(c)
            previous_is_stamp = entry_stamp and not c.fields.get("tz")  # (an hour in its zone compares with none)
            if not _ahead_of(t, dct):
                told_before = t
            if t.interval.grain in DAY_GRAINS:
                last_day = t
                if _evening_of(t) is not None:
                    last_evening = t
                if not previous_is_flashback:
                    story_day = t
    return out


def _back_to_the_evening_before(t: Timex, previous: Timex | None, evening: Timex | None, dct: date | None) -> bool:
    """Is `t`, a clock time read on the article's own day after a morning or a day
    of it ("early this morning", "today"), an evening hour, when the text has named
    the evening before? The news is told from that evening on."""
    if dct is None or previous is None or evening is None or t.interval is None \
            or not (t.interval.grain == "time" and clock_hour(t) >= EVENING_START
                    or t.interval.grain == "part-of-day" and t.value.endswith(("TEV", "TNI"))):
        return False  # (not an evening's hour, nor "the evening" itself)
    iv = previous.interval
    # ("stayed dark until shortly after 4am today": a morning hour of it is such a morning too)
    morning_hour = iv.grain == "time" and clock_hour(previous) < 12
    return iv.start == iv.end == dct and t.interval.start == dct \
        and (iv.grain in ("day", "part-of-day") or morning_hour) \
        and evening_named(previous) is None \
        and _evening_of(evening) == dct - timedelta(days=1)


# "caused a short circuit at 5.48pm on Tuesday": the end of an afternoon told as its evening begins
LATE_AFTERNOON_START = 17


def _evening_of(t: Timex) -> date | None:
    """The day of an evening named ("on Tuesday evening", "at 7.40pm on Wednesday"), or of an
    hour from the late afternoon on, with its day."""
    named = evening_named(t)
    if named is not None:
        return named
    iv = t.interval
    if iv is not None and iv.grain == "time" and iv.start == iv.end and len(t.value) >= 13 \
            and clock_hour(t) >= LATE_AFTERNOON_START:
        return iv.start
    return None


# the hour a day's story began, as far as its words say: a clock time's own, else its part's start
_STARTS_AT = {"MO": 6, "AF": 12, "EV": 17, "NI": EVENING_START}
STORY_DAY_STARTS_AT = 12  # a day named alone ("on Saturday"): its afternoon on, as a morning may be the next day's


def _on_the_day_before(t: Timex, dct: date | None) -> bool:
    """Is `t` the day before dct, a part of it or an hour of it? (A day further back
    is more often a story's background: "ordered the evacuation on Saturday".)"""
    iv = t.interval
    return dct is not None and iv is not None and iv.start is not None \
        and iv.grain in ("day", "part-of-day", "night", "time") and (dct - iv.start).days == 1


def _back_to_the_story_day(t: Timex, previous: Timex | None, story: Timex | None, dct: date | None) -> bool:
    """Is `t`, a clock time read on the article's own day after the day or the
    morning of it ("One man was still missing Sunday", "told reporters on
    Wednesday morning"), no earlier than the hour the story told of a day before
    began ("broke away on Saturday afternoon", "caved in at about 2.30 p.m.")?
    The news tells that day's hours in order, and the next morning's apart."""
    if dct is None or previous is None or story is None or not _a_clock_time(t):
        return False
    iv = previous.interval
    if iv is None or not (iv.start == iv.end == dct and t.interval.start == dct) \
            or iv.grain not in ("day", "part-of-day") \
            or (iv.grain == "part-of-day" and not previous.value.endswith("TMO")):
        return False
    told = story.interval
    if _a_clock_time(story):
        starts = clock_hour(story)
    elif told.grain in ("night", "time"):  # ("time" without an hour: "four hours", a span's)
        starts = EVENING_START
    elif told.grain == "part-of-day":
        starts = _STARTS_AT.get(story.value[-2:], STORY_DAY_STARTS_AT)
    else:
        starts = STORY_DAY_STARTS_AT
    return clock_hour(t) >= starts


def _a_clock_time(t: Timex) -> bool:
    return t.interval is not None and t.interval.grain == "time" and bool(t.value) \
        and CLOCK_VALUE.match(t.value) is not None


def _later_on_its_day(t: Timex, stamp: Timex) -> bool:
    """Is `t` a clock time later on the day of the clock time `stamp`? (Not midnight,
    which both ends one day and opens the next.)"""
    return _a_clock_time(t) and _a_clock_time(stamp) and t.interval.start == stamp.interval.start \
        and stamp.value[11:16] < t.value[11:16] < "24:00"


def _small_hours_after_an_evening(t: Timex, last_clock: Timex | None) -> bool:
    if last_clock is None or t.interval is None or t.interval.grain != "time" \
            or last_clock.interval.start != t.interval.start:
        return False
    return clock_hour(t) < SMALL_HOURS_END and clock_hour(last_clock) >= EVENING_START


_LATE_ON = re.compile(r"\blate\s+on\s+$", re.IGNORECASE)


def _small_hours_late_on_its_day(text: str, t: Timex, previous: Timex | None) -> bool:
    """"Gusts swept through the region late on Sunday, and a gum fell across the fence
    at about 1:30am": the night went on into Monday ("late Sunday" the resolver reads)."""
    return previous is not None and previous.interval is not None and previous.interval.grain == "day" \
        and _a_clock_time(t) and t.interval.start == previous.interval.start and clock_hour(t) < SMALL_HOURS_END \
        and _LATE_ON.search(text, max(0, previous.start - 12), previous.start) is not None


def _before_the_part_just_told(t: Timex, previous: Timex | None, dct: date | None) -> bool:
    """Is `t`, a clock time read on the day of the afternoon, evening or night just
    told (a day before the article's), an hour before that part began?"""
    if dct is None or previous is None or previous.interval is None or t.interval is None \
            or t.interval.grain != "time" or previous.interval.grain != "part-of-day":
        return False
    starts = _STARTS_AT.get(previous.value[-2:])
    return starts is not None and starts >= 12 and previous.interval.start < dct \
        and t.interval.start == previous.interval.start and clock_hour(t) < starts


def _on_day(t: Timex, day: date) -> Timex:
    value = day.isoformat() + t.value[10:]
    return dataclasses.replace(t, value=value, interval=Interval(day, day, "time", value))


def _ahead_of(t: Timex | None, dct: date | None) -> bool:
    return t is not None and dct is not None and t.interval is not None and t.interval.start is not None \
        and t.interval.start > dct


def _is_entry_stamp(text: str, c: Candidate) -> bool:
    """Does the clock time stand alone on its line, as a live blog stamps its entries?"""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    return not text[line_start:c.start].strip() and not text[c.end:line_end if line_end >= 0 else len(text)].strip()


def _restates(text: str, previous: Timex | None, c: Candidate) -> bool:
    """Is c set off right after the previous expression, as an apposition
    ("on Monday night, five days before ...")?"""
    return previous is not None and previous.end <= c.start \
        and text[previous.end:c.start].strip() == ","


def _distance(t: Timex, previous: Timex) -> int:
    """Days between the starts of two resolved expressions (large if either
    has no start)."""
    if t.interval is None or t.interval.start is None or previous.interval is None \
            or previous.interval.start is None:
        return 1 << 30
    return abs((t.interval.start - previous.interval.start).days)


_IN_AHEAD = re.compile(r"\bin\s+$", re.I)
# between the clock times of a range: "from 7pm [to] 8pm tonight", "between 10pm [and] 6am tomorrow"
_RANGE_TO = re.compile(r"\s*(?:to|until|till|and|[-–])\s*", re.I)
# between a clock time and the day it is on: " on ", perhaps after a conversion in brackets
_ON_A_DAY = re.compile(r"\s*(?:\([^()\n]{1,24}\)\s*)?,?\s*on\s+", re.I)
# "at 7.30am the next morning", "at 9pm that evening": a day told again or counted on, with no "on"
_A_DAY_TOLD_AGAIN = re.compile(r"(?:the\s+(?:next|following)|that)\s", re.I)
_BEFORE_AFTER = re.compile(r"\s+(?:before|after|prior\s+to|ahead\s+of)\s+", re.I)


def timexes_json(timexes: Iterable[Timex]) -> list[dict]:
    """The CONTRACT §2 / TempEval-3 JSON form of timexes."""
    skip_words = load_lexicon().not_timeml
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in timexes
            if t.rule not in _NOT_TIMEML and normalize_name(t.text) not in skip_words]


def tag_corpus(corpus: dict) -> dict:
    """Tag every document of a TempEval-3-format corpus with its own `dct`;
    returns the same format with the system's `timexes` (CLI and benchmark
    share this)."""
    docs = []
    for doc in corpus.get("documents", []):
        dct = date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
        docs.append({"id": doc["id"], "dct": doc.get("dct"), "text": doc["text"],
                     "timexes": timexes_json(tag(doc["text"], dct))})
    return {"corpus": corpus.get("corpus", "system"), "documents": docs}
