"""Articles in, one merged timeline out: the steps of ARCHITECTURE.md in order.

    segment -> detect -> mentions -> reference -> resolve -> merge

Reading a document (segment, detect, mentions) needs no date, so it runs
once.  Dates come next: first the articles that carry their own (given, or a
dateline or era count in the text); then each undated article takes the
candidate date that makes its own dated reports agree with theirs
(collection); what is left is assumed.  Only then is every mention resolved
against its anchor, and all mentions of all articles are merged.

Pure: no Flask, no database, no wall clock unless a date has to be assumed.
"""
from __future__ import annotations

import bisect
import calendar
import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable, Sequence

from api.extract import merge, mentions as mention_finder, reference, resolve, segment, story_days, timex
from api.extract.lexicon import load as load_timex_lexicon, normalize_name
from api.extract.lexicon_events import STOPWORDS, load as event_lexicon, stem as word_stem
from api.extract.model import (
    Candidate, DocumentInput, DocumentResult, Event, Interval, Mention, Timeline, Timex,
)
from api.extract.tense import anticipated_at, intends_ahead

# How far from a dated article's reference date an undated one that reports
# the same events may be dated: the same news is reported over a few days.
COLLECTION_DAYS_BEFORE = 2
COLLECTION_DAYS_AFTER = 7
# How far from the day an article is written the relative dates of the reports
# it shares with other articles reach ("yesterday", "on Friday", "two weeks
# ago"): an undated article no other article's names tie to a story is tried
# only on days this close to an event whose content it shares (`_days_near_what_it_could_report`).
REPORT_REACH_DAYS = 40
# A name more of the collection's articles give than this does not tell one
# story apart: an agency in every dateline, a president in every political story.
STORY_NAME_MAX_DOCUMENTS = 12
# A story many articles tell still has names that only its articles give; but
# a name this share of the collection gives tells no story apart, however rare
# the article's other names are.
STORY_NAME_MAX_SHARE = 0.1
# An article sharing this many of those names with another is of its story; one
# sharing a single name ("Raigmore Hospital" and a strike at another hospital) is
# then not, unless no article shares more.
STORY_NAMES_TO_NARROW = 2
# What a lead that dates itself relative to the candidate day is worth, next
# to one report that matches a dated article (1.0).
LEAD_RECENCY_BONUS = 0.75
UNNAMED_MATCH_WEIGHT = 0.25
# A report whose own verb or noun the matched event does not carry shares only
# its sentence's words with it: "arrested on Tuesday" read from the day of the
# indictment matches the indictment on every name it gives.
OTHER_TRIGGER_WEIGHT = 0.5
# A lead whose news ("the hospital said on Friday"), read from a candidate day
# inside the story of the dated articles it reports, falls before that story
# began contradicts that day more than two matches support it.
LEAD_BEFORE_STORY_PENALTY = 2.0
# A report in the past of a happening the dated articles only announced
# ("the portal opened yesterday" after "the portal will open on Tuesday")
# pins the day better than a report both could date.
FULFILLED_PLAN_WEIGHT = 2.0
# A day the article names that is a day its story looked ahead to, with no
# report matched on it: a tie-breaker, worth less than any match.
PLAN_MET_BONUS = 0.1
# An event told as done ("schools reopened on March 10") on a day after the
# candidate day: news is written after what it reports.
TOLD_DONE_LATER_PENALTY = 1.0
# What a date counted from an event ("yesterday, 12 days after the first
# eruption") adds when it lands on a dated event its words share: the article
# says how long after that event it is written.  Its words are its whole
# sentence's, so the event may be another of the story: a tie-breaker.
COUNTED_MATCH_BONUS = 0.1
# ... and what a day costs on which that counted date misses every dated event
# of the story its sentence could name ("nine days after crossing the border",
# of a crossing dated the 20th, read from a day on which nine days back lands
# on no such event).
COUNTED_MISS_PENALTY = 1.0
# ... and more on a day from which the count would land before every event of the
# story it could name ("yesterday, 13 days after the walkout began" read on day 3
# of the story): only a day at least that far into the story can be right
COUNTED_TOO_EARLY_PENALTY = 2.0
# How far back from a dated article's date its story's first reported day is looked for.
STORY_DAYS_BACK = 10
# How far back the days a dated article reports events on are candidate days of
# its story's undated articles: a follow-up weeks later retells the first days.
TOLD_DAYS_BACK = 60
# Named participants an undated article must share with a dated one, when no
# report of theirs matches, to be taken as the same story.
STORY_MIN_SHARED_NAMES = 3
# an article whose lead narrates a day shortly before its own tells its undated reports of that day
LEAD_SENTENCES = 2
LEAD_DAY_BACK = 3
# How far ahead of its article's date a scheduled happening ("the portal will
# open on Tuesday") still makes its day a candidate date of a follow-up report
# (a court sets a sentencing date months ahead: "will be sentenced on 11 May").
SCHEDULED_DAYS_AHEAD = 120
# Past clauses resolve bare weekdays backwards, future ones forwards.  In a
# news story's body the simple present with a date is a schedule ("campaigning
# begins on Wednesday"): forwards too.
_RESOLVER_TENSE = {
    "past": "past", "perfect": "past", "past_perfect": "past",
    # a modal with a day ahead of it is a prospect: "talks could resume on Monday"
    "present": "future", "future": "future", "modal": "future", "none": None,
}
# A verb group the clause grammar could not place ("is expected to crest",
# "the rain would ease") still looks ahead when one of these governs it.
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|'ll|expected\s+to|due\s+to(?!\s+(?:the|a|an|his|her|its|their|this|that|bad|heavy|"
    r"poor|high|low|[a-z]+ing)\b)|set\s+to|scheduled\s+to|plans?\s+to|planned"
    r"|going\s+to|is\s+to|are\s+to|aims?\s+to|intends?\s+to|forecast)\b", re.IGNORECASE)


# a modal or a verb of intent that governs the date, in its own clause: "would make a statement
# on Thursday", "expected trains to run again from Wednesday" ("would have" looks back)
_AHEAD_IN_ITS_CLAUSE = re.compile(r"\b(?:would|will|shall)\s+(?!have\b)[^,.;:!?\n]{0,60}$"
                                  r"|\b(?:expected|hoped|set|scheduled)\s+(?:[a-z]+\s+)?to\s+[^,.;:!?\n]{0,60}$",
                                  re.IGNORECASE)
# what a present passive of blame is about is a deed done: "is accused of stealing", "are charged
# with setting", "denies taking"
_ACCUSED_OF_A_DEED = re.compile(r"\b(?:(?:accused|suspected|charged|convicted|acquitted|cleared)\s+(?:of|with)"
                                r"|denie[sd]|deny|admits?)\s+[a-z]+ing\b|\balleged\s+to\s+have\b"
                                # "is charged with theft ... over the break-in at the kennels on June 14"
                                # ("... criminal damage arising from the collision ... on April 13")
                                r"|\b(?:charged|charges|accused|sued|prosecuted)\b[^.;]{0,80}?"
                                r"\b(?:over|for|arising\s+from|in\s+connection\s+with|relating\s+to)\s+"
                                r"(?:the|a|an|his|her|their|its)\s+", re.IGNORECASE)
# "had planned to", "had hoped to": a plan made before, for a time on either side of now
_PAST_PLAN = re.compile(r"\bhad\s+(?:planned|hoped|intended|expected|aimed|been\s+(?:due|expected|scheduled))\s+to\b",
                        re.IGNORECASE)
_NEAREST_FOR_A_PAST_PLAN = frozenset({"month", "season", "month_day", "holiday"})
_DECLARED_DAY_RULES = frozenset({"weekday", "month_day", "day_month"})
_DECLARED_A_DAY_OF = re.compile(r"\s+(?:as\s+)?an?\s+(?:[a-z]+\s+){0,2}days?\s+of\b", re.IGNORECASE)
# a verb that fixes a date for something, right before it: "set his trial for", "scheduled the vote for"
_SET_FOR = re.compile(r"\b(?:set|scheduled|rescheduled|fixed|booked|slated|pencilled\s+in|penciled\s+in|called"
                      r"|planned|organi[sz]ed)\b"
                      r"(?:\s+(?!for\b)[\w'-]+){0,7}\s+for\s+$", re.IGNORECASE)
SET_FOR_REACH = 80  # characters before the date
# a court's act that names a later day: "sent the case for trial at the same court on September 22",
# "adjourned the hearing until 14 March", "bailed to appear on June 21"
_SENT_ON_TO_A_DAY = re.compile(r"\b(?:for\s+(?:a\s+)?trial|to\s+appear|adjourned|remanded|bailed)\b[^.;:!?\n]{0,60}$",
                               re.IGNORECASE)


@dataclass
class _Reading:
    """A document read once: what every later step needs, no date yet."""
    doc: DocumentInput
    sentences: list
    candidates: list[Candidate]
    drafts: list
    names: frozenset = frozenset()  # the people and places its story sentences name
    # the tense of the clause each candidate dates, by (start, end): it does not depend on
    # the date the candidate is resolved against, and dating an undated article tries many
    tenses: dict = field(default_factory=dict)
    slacks: dict = field(default_factory=dict)  # `timex.completed_slack` by (start, end, tense), for the same reason
    draft_of: dict = field(default_factory=dict)  # the draft each candidate dates, by the candidate's start
    # the story's report each undated headline report takes its date from, by id of the headline's draft
    told_in_story: dict = field(default_factory=dict)
    # the lead's report a headline with no report of its verb tells (`_lead_report_of`), likewise
    told_by_the_lead: dict = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)  # the candidates' starts, in text order
    # `resolve_timexes` of the last anchor while the collection dates this (undated) article:
    # each candidate day is scored through several steps, and each resolved the whole
    # document again; None otherwise, so a large collection does not keep its timexes
    timexes_at: dict | None = None

    def __post_init__(self) -> None:
        self.starts = [c.start for c in self.candidates]

    def first_candidate_from(self, pos: int) -> Candidate | None:
        """The first time expression that starts at or after `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        return self.candidates[k] if k < len(self.candidates) else None


def read(doc: DocumentInput) -> _Reading:
    sentences = segment.split(doc.text)
    candidates = timex.detect(doc.text)
    candidates = sorted(candidates + story_days.find(doc.text, candidates), key=lambda c: c.start)
    # "Sunday opening", "for Sunday shifts", "a 19th-century chapel": a kind of thing, no date for
    # an event or a clock time to take
    candidates = [c for c in candidates if not mention_finder.names_a_kind(doc.text, c)]
    drafts = mention_finder.find(doc.id, doc.text, sentences, candidates)
    names = frozenset().union(*(mention_finder.participants_of(tokens, 0, len(tokens) - 1)
                                for s in sentences if s.is_story
                                for tokens in [mention_finder.tokenize(s.text, s.start)]))
    draft_of = {d.candidate.start: d for d in drafts if d.candidate is not None and not d.borrows_date}
    told_in_story = {id(d): told for d in drafts if d.in_title and (told := _story_report_of(d, drafts)) is not None}
    # (only the headline's first report, "strike" in "Bakery workers strike, emptying shelves",
    # and not a deck's or a bullet's under it)
    heading = min((d for d in drafts if d.in_title), key=lambda d: d.trigger_span[0], default=None)
    told_by_the_lead = {} if heading is None or any(
        id(x) in told_in_story for x in drafts if x.in_title and x.sentence.start == heading.sentence.start) \
        or (told := _lead_report_of(heading, drafts)) is None else {id(heading): told}
    return _Reading(doc, sentences, candidates, drafts, names, draft_of=draft_of, told_in_story=told_in_story,
                    told_by_the_lead=told_by_the_lead)


# ---------------------------------------------------------------- resolving
# "since his arrest", "since the fire": a noun of a happening that a stretch of time runs from
_SINCE_A_HAPPENING = re.compile(r"\bsince\s+(?:the|his|her|its|their|a|an)\s+$", re.IGNORECASE)


def _shows_evidence(trigger: str) -> bool:
    """Is the trigger a verb of evidence alone ("show", "shows", "indicate")?"""
    lex = event_lexicon()
    return lex.verb_forms.get(trigger.lower(), trigger.lower()) in lex.evidence_verbs


def _tense_for(reading: _Reading, cand: Candidate, draft) -> str:
    mapped = _RESOLVER_TENSE.get(draft.tense if draft is not None else "none")
    if cand.rule in _DECLARED_DAY_RULES and _DECLARED_A_DAY_OF.match(reading.doc.text, cand.end):
        return "future"  # "declared Saturday a day of mourning": a day set aside is one to come
    if mapped == "past" and anticipated_at(reading.doc.text, cand.start):
        return "future"  # "created an office of the chairman, effective Feb. 1"
    if mapped in ("future", None) and cand.rule == "weekday" \
            and mention_finder.POSSESSIVE_AFTER.match(reading.doc.text, cand.end) \
            and not anticipated_at(reading.doc.text, cand.start):
        # "would look for ways to get around Wednesday's ruling": a weekday that names a
        # happening by its day is the nearest such day, whatever the clause plans; in a
        # clause of no tense, one gone by ("cut off by Monday's storm", "over Thursday's
        # closing price")
        return "present" if mapped == "future" else "past"
    if mapped == "past" and draft.tense in ("past", "perfect") \
            and intends_ahead(reading.doc.text, cand.start, cand.end):
        # "officials hoped to reopen the bridge in April": the hope is past, April ahead; so
        # is "has promised to decide before Christmas"
        return "future"
    if mapped == "past" and cand.rule in _NEAREST_FOR_A_PAST_PLAN | {"weekday"} \
            and _SET_FOR.search(reading.doc.text, max(draft.clause_span[0], cand.start - SET_FOR_REACH), cand.start):
        # "the judge set his trial for July 24" (said in May): a date fixed for what is to
        # come, or was to; the nearest such day. A weekday a perfect fixes is one to come:
        # "the union has called a strike for Monday"
        return "future" if cand.rule == "weekday" and draft.tense == "perfect" else None
    if mapped == "past" and cand.rule in ("month_day", "day_month") \
            and _SENT_ON_TO_A_DAY.search(reading.doc.text, max(draft.clause_span[0], cand.start - SET_FOR_REACH),
                                         cand.start):
        # "sent the case for trial on September 22" (said in June): the trial's day, or
        # "was remanded in custody on May 30", the remand's; the nearest such day
        return None
    if mapped == "past" and draft.tense == "past_perfect" and cand.rule in _NEAREST_FOR_A_PAST_PLAN | {"weekday"} \
            and _PAST_PLAN.search(reading.doc.text, *draft.clause_span):
        # "had planned to begin service in September" (said in June), "had planned to open on
        # Saturday": the plan lapsed, but its day may lie either side of the article; the nearest one
        return "present" if cand.rule == "weekday" else None
    if draft is not None and draft.tense in ("present", "none") \
            and reference.opens_a_dated_line(reading.doc.text, cand) \
            and not _FUTURE_CUE.search(reading.doc.text, *draft.clause_span):
        # "6 March - the suspect is charged with arson": a chronology box tells what happened
        # in the present of headlines
        return "past"
    if mapped == "past" and _AHEAD_IN_ITS_CLAUSE.search(reading.doc.text, max(draft.sentence.start, cand.start - 90),
                                                       cand.start):
        # "said he had ordered a review and would make a statement to parliament on Thursday":
        # the date is the plan's, whatever the verb the mention took its tense from
        return "future"
    if mapped in ("future", "present") and draft.trigger_span[0] < cand.start \
            and _SINCE_A_HAPPENING.search(reading.doc.text, max(0, draft.trigger_span[0] - 16), draft.trigger_span[0]):
        # "will receive credit for the days he has spent in jail since his arrest on April 12":
        # what a time is counted since has happened
        return "past"
    if mapped == "future" and draft.tense == "present" and _ACCUSED_OF_A_DEED.search(
            reading.doc.text, min(draft.clause_span[0], draft.trigger_span[0]), cand.start):
        # "are accused of cutting hoses on December 2": the accusation stands now, the deed is past
        return "past"
    if mapped == "future" and draft.tense == "present" and draft.trigger_span[1] <= cand.start \
            and _shows_evidence(draft.trigger):
        # "Security cameras show two men cutting through a perimeter fence at 1.20am on Sunday":
        # what evidence shows now has happened
        return "past"
    if mapped:
        return mapped
    if draft is not None and _FUTURE_CUE.search(reading.doc.text, *draft.clause_span):
        return "future"
    tense = timex.tense_of(reading.doc.text, cand)
    if tense == "past" and draft is not None and intends_ahead(reading.doc.text, cand.start, cand.end):
        # "hoped to reopen the aviary in September and to have the birds back by Memorial Day": an
        # infinitive with no tense of its own, after a past hope, as `mapped` past above
        return "future"
    return tense


def resolve_timexes(reading: _Reading, anchor: date) -> dict[int, Timex]:
    """Every time expression of the document resolved against `anchor`, each
    in the tense of the clause it dates, keyed by its start offset. Callers only read it."""
    cache = reading.timexes_at
    if cache is not None and anchor in cache:
        return cache[anchor]
    timexes = timex.tag(reading.doc.text, anchor, reading.candidates, lambda cand: _tense_once(reading, cand),
                        slack_for=lambda cand, tense: _slack_once(reading, cand, tense),
                        flashback_for=lambda cand: _dates_a_flashback(reading, cand))
    resolved = {t.start: t for t in timexes}
    if cache is not None:
        cache.clear()  # the day last scored only: the steps that score one day run one after another
        cache[anchor] = resolved
    return resolved


def _dates_a_flashback(reading: _Reading, cand: Candidate) -> bool:
    """Does `cand` date what happened before the story's day: a past perfect ("had
    searched through Tuesday night") or the start of a state ("trapped since Saturday")?"""
    draft = reading.draft_of.get(cand.start)
    return (draft is not None and draft.tense == "past_perfect") \
        or bool(mention_finder.SINCE_BEFORE.search(reading.doc.text, max(0, cand.start - 12), cand.start))


def _tense_once(reading: _Reading, cand: Candidate) -> str:
    key = (cand.start, cand.end)
    tense = reading.tenses.get(key)
    if tense is None:
        tense = reading.tenses[key] = _tense_for(reading, cand, reading.draft_of.get(cand.start))
    return tense


def _slack_once(reading: _Reading, cand: Candidate, tense: str) -> int | None:
    key = (cand.start, cand.end, tense)
    if key not in reading.slacks:
        reading.slacks[key] = timex.completed_slack(reading.doc.text, cand, tense)
    return reading.slacks[key]


def _resolve_alone(reading: _Reading, cand: Candidate, draft, anchor: date) -> Timex:
    """`cand` resolved against `anchor` in its draft's tense, with no expression before it to count from."""
    tense = _tense_for(reading, cand, draft)
    return timex.resolve(cand, anchor, tense, None, _slack_once(reading, cand, tense))


def _single_day(iv: Interval | None, night_from_its_evening: bool = False) -> date | None:
    """The one day an interval names; a night's is the morning it ends on (a statement
    "last night" is the next day's news), or with `night_from_its_evening` its evening."""
    if iv is None or iv.start is None or iv.grain not in merge.PRECISE:
        return None
    return iv.end if iv.grain == "night" and not night_from_its_evening else iv.start


def resolve_mentions(reading: _Reading, anchor: date, told_elsewhere: dict[str, date] | None = None,
                     days_elsewhere: dict[str, date] | None = None,
                     headlines_by_the_lead: bool = False) -> list[Mention]:
    """The document's drafts as dated mentions.  A reported event with a
    relative time of its own ("said on Wednesday that ... last night") is
    counted from the statement's day; one without a time is dated by the
    statement's day when that is known, else by the reference date.
    `told_elsewhere`: when the other articles of its story say things began
    (for "the 12th day of the strike" when the article itself does not say);
    `days_elsewhere`: the days they tell events on (for "the morning of the raid").
    `headlines_by_the_lead`: a headline whose verb the story does not repeat is dated by
    the lead's report (`_lead_report_of`); only for the timeline, not as evidence of an
    undated article's day, where a headline that only shares names would match too much."""
    resolved = resolve_timexes(reading, anchor)
    text = reading.doc.text
    out: list[Mention] = []
    statement_day: dict[int, date] = {}
    for draft in reading.drafts:  # statements first: complements may precede them
        if draft.candidate is not None:
            day = _single_day(resolved[draft.candidate.start].interval)
            if day is not None:
                statement_day[id(draft)] = day
    narrated = _narrated_days(reading, resolved, anchor)
    lead = _lead_days(reading, resolved, anchor)
    pending_titles, pending_story_days, mention_of = [], [], {}
    for draft in reading.drafts:
        said_on = statement_day.get(id(draft.statement)) if draft.statement is not None else None
        cand = draft.candidate
        if draft.counted is not None:
            counted = draft.counted
            if counted.base is None:
                day = anchor  # "Five days after the cyclone, families are still ...": counted from today
            else:
                base = resolved.get(counted.base.start)
                # "last night, four days after the road was closed": counted from the evening
                day = _single_day(base.interval if base is not None else None, night_from_its_evening=True)
            exact = _said_to_the_day(text, counted)
            interval = resolve.counted_back(counted.offset.fields, day, counted.sign, exact) if day else None
            if counted.base is not None and base is not None:
                # "a warning at 2.05pm, 67 minutes before the tent fell": the hour it fell at
                interval = resolve.counted_from_a_clock(counted.offset.fields, base.interval, counted.sign) \
                    or interval
            if interval is not None:
                span = (counted.offset.start, counted.end)
                out.append(_mention(reading, draft, interval, text[span[0]:span[1]], span))
                mention_of[id(draft)] = out[-1]
            continue  # counted from a date that names no day: no better guess than none
        if cand is not None and cand.rule in (story_days.RULE, story_days.EVENT_DAY_RULE):
            pending_story_days.append(draft)  # counted from the day its event began: the article's mentions tell
            continue
        if cand is not None:
            # a live page's clock heading ("10:42 GMT"), outside the draft's sentence, is
            # already resolved on the page's day (`timex.tag`: an entry stamp)
            t = resolved[cand.start]
            in_sentence = draft.sentence.start <= cand.start < draft.sentence.end
            if in_sentence and said_on is not None and said_on != anchor and not timex.is_anchor_free(cand):
                t = _resolve_alone(reading, cand, draft, said_on)
            if t.interval is None or (t.interval.start is None and t.interval.end is None):
                continue
            interval = t.interval
            if not in_sentence and cand.rule == "time_of_day" and not draft.is_statement \
                    and draft.category != "statement" and draft.tense != "perfect" and interval.start is not None:
                # a live entry's clock stamp says when a statement was made, and when the news
                # it gives in the perfect stood ("The operator has cancelled 140 services"), but
                # only on which day a happening it tells in the past took place
                day = interval.start
                out.append(_mention(reading, draft, Interval(day, day, "day", day.isoformat()), None, None))
                mention_of[id(draft)] = out[-1]
                continue
            if t.value == "PRESENT_REF":  # "now" in the news is the day it speaks of
                day = said_on or anchor
                interval = Interval(day, day, "day", "PRESENT_REF")
            time_text, time_span = cand.text, (cand.start, cand.end)
            clock = _clock_time_on_the_day(reading, cand, interval, resolved) \
                or _clock_time_on_the_day_after_it(reading, cand, interval, resolved)
            if clock is not None:
                # "will be held next Thursday at 7pm": the time on that day
                interval, time_span = clock
                time_text = text[time_span[0]:time_span[1]]
            counted_from = _counted_from_the_date_after(reading, cand, resolved)
            if counted_from is not None:
                interval, time_span = counted_from
                time_text = text[time_span[0]:time_span[1]]
            span_end = _span_end(reading, cand, interval, resolved, draft)
            if span_end is not None:
                second, second_end, moved_first = span_end
                if _moved_to_the_second(text, draft, cand):
                    # "the vote was moved from Tuesday to Thursday": it happens on the second date
                    interval = second
                elif moved_first is not None:  # "Tuesday and Wednesday of next week": that week's Tuesday
                    interval = Interval(moved_first.start, second.end, moved_first.grain, moved_first.value)
                else:
                    interval = Interval(interval.start, second.end, interval.grain, interval.value)
                time_span = (cand.start, second_end)
                time_text = text[time_span[0]:time_span[1]]
            # ("cut off by Monday's storm": "by" makes an agent of what the day names, no deadline)
            deadline = _DEADLINE_LEAD_IN.search(text, max(0, cand.start - 8), cand.start)
            if mention_finder.POSSESSIVE_AFTER.match(text, cand.end) or counted_from is not None:
                deadline = None  # "a week before Thanksgiving": a day, no deadline
            if deadline and interval.end is not None and interval.end > (said_on or anchor) \
                    and draft.tense != "past_perfect":
                # "will publish the rules by the end of the year", "hopes to reopen before the end
                # of the year", "be finished by June": any day from now to then ("had never won
                # before this week" is no deadline); "before Christmas" ends the day before it
                end = interval.end
                if deadline.group(0).lower().startswith("before") and interval.start is not None \
                        and not cand.text.lower().startswith("the end"):
                    end = interval.start - timedelta(days=1)
                # from the article's day, though it was said before: what is due is still ahead
                start = max(said_on or anchor, anchor)
                if end >= start:  # not "before the summer" within the summer
                    interval = Interval(start, end, "vague", interval.value)
                lead_in = None
            else:
                lead_in = _PART_OF_DAY_LEAD_IN.search(text, max(0, cand.start - 32), cand.start) or (
                    cand.rule == "month_day" and _BARE_PART_OF_DAY_LEAD_IN.search(text, max(0, cand.start - 24),
                                                                                  cand.start)) or (
                    cand.rule in ("weekday", "day_relative")
                    and _LIGHT_BEFORE_A_NAMED_DAY.search(text, max(0, cand.start - 32), cand.start))
            if lead_in and interval.grain == "day" and interval.start is not None:
                # "early on Tuesday", "late on Sunday", "on the night of Oct. 16"
                interval = _part_of_day(lead_in, interval)
                time_span = (lead_in.start(), cand.end)
                time_text = text[time_span[0]:time_span[1]]
            elif _is_one_day(interval) and (cand.fields.get("mod") or "").lower() in _PARTS:
                # wire style drops the "on": "late Monday" is "late on Monday".  The
                # TIMEX3 value keeps the day (TimeML puts "late" in its mod).
                part = _PARTS[cand.fields["mod"].lower()]
                interval = Interval(interval.start, interval.end, "part-of-day",
                                    f"{interval.start.isoformat()}T{part}")
        elif draft.in_title:
            pending_titles.append(draft)
            continue
        else:
            # the story's day for what it reports as done; statements are the article's own day's news
            story_day = lead.day if _reports_the_story(draft, text) and draft.tense in ("past", "perfect") else None
            if draft.is_statement and draft.tense == "past" and _told_at_a_sitting(draft, text):
                # the sitting is the one the lead opens on ("appeared in court on Wednesday")
                story_day = lead.opening or lead.day
            if said_on is not None and not draft.is_statement and draft.tense == "past":
                # "A bear attacked hikers on Sunday, and the park closed eight trails, officials
                # said on Monday": told beside an earlier day's report, on that day
                said_on = _day_of_a_report_before(draft, out, said_on) or said_on
            day = said_on or _carried_day(draft, narrated, text) or story_day or anchor
            interval, time_text, time_span = Interval(day, day, "day", day.isoformat()), None, None
            part = _part_of_its_day(text, draft)
            if part is not None:
                # "collided in the Dover Strait in the early hours": a part of the day it happened on
                interval = _part_of_day(part, interval)
                time_text, time_span = part.group(0), part.span()
        out.append(_mention(reading, draft, interval, time_text, time_span))
        mention_of[id(draft)] = out[-1]
    _date_after_events(reading, out, mention_of, anchor, days_elsewhere)
    for draft in pending_story_days:
        cand = draft.candidate
        interval = story_days.event_day_of(cand, out, days_elsewhere) if cand.rule == story_days.EVENT_DAY_RULE \
            else story_days.day_of(cand, text, reading.candidates, resolved, out, told_elsewhere)
        if interval is not None:
            out.append(_mention(reading, draft, interval, cand.text, (cand.start, cand.end)))
            mention_of[id(draft)] = out[-1]
    titles = []
    for draft in pending_titles:
        source = reading.told_in_story.get(id(draft))
        if source is None and headlines_by_the_lead:
            source = reading.told_by_the_lead.get(id(draft))
        told = mention_of.get(id(source)) if source is not None else None
        if told is not None:
            # a headline tells the day's news, not the hour: "Strong aftershock rattles Albania"
            iv = told.interval
            if iv.grain in ("time", "part-of-day"):
                iv = Interval(iv.start, iv.start, "day", iv.start.isoformat())
            # it tells what the report tells: its words are the report's too, so the two merge
            titles.append(dataclasses.replace(_mention(reading, draft, iv, None, None),
                                              keywords=draft.keywords | told.keywords,
                                              participants=draft.participants | told.participants))
        elif not draft.only_if_matched or draft.tense not in _AHEAD_TENSES \
                and segment.is_live_headline(text, draft.sentence):
            # (a live page's headline tells the page's day's news, matched in its entries or not)
            day = _carried_day(draft, narrated, text) or anchor
            titles.append(_mention(reading, draft, Interval(day, day, "day", day.isoformat()), None, None))
    return titles + _dated_by_their_occasion(text, out)  # in text order: the headline comes first


# "exactly a month after the fireball", "a year to the day after the quake", "Tomorrow marks one
# year since the trawler went down" (a day that marks an anniversary): counted to a day
_TO_THE_DAY_BEFORE = re.compile(r"\b(?:exactly|marks)\s+$", re.I)
_TO_THE_DAY = re.compile(r"\bto\s+the\s+(?:day|night|hour|minute)\b", re.I)


def _day_of_a_report_before(draft, out: list[Mention], said_on: date) -> date | None:
    """The day of the last report of the same sentence before this one, dated by
    its own words to a single day before the statement's."""
    before = [m for m in out if m.sentence_span[0] == draft.sentence.start and m.time_span is not None
              and m.trigger_span[1] <= draft.trigger_span[0] and m.category != "statement"]
    if not before:
        return None
    day = _single_day(before[-1].interval, night_from_its_evening=True)
    return day if day is not None and day < said_on else None


def _date_after_events(reading: _Reading, out: list[Mention], mention_of: dict, anchor: date,
                       days_elsewhere: dict[str, date] | None = None) -> None:
    """"Police arrested the driver two days after the fire": the arrest two days
    after the day the article dates the fire on (its last report before, else
    the first after, that shares the counted event's trigger), in place of the
    day an undated report would take.  When the article does not date it, the
    earliest day the other articles of its story tell it on (`days_elsewhere`,
    by stem: "closed the morning after the berg split in two")."""
    for draft in reading.drafts:
        after = draft.after_event
        mention = mention_of.get(id(draft))
        if mention is None or mention.time_span is not None:
            continue
        if after is None or not after.words:
            _drop_unless_counted(draft, mention, out, mention_of)
            continue
        dated = [m for m in out if m is not mention and m.time_span is not None and merge.is_precise(m.interval)
                 and m.interval.start is not None]
        # its own verb or noun ("the fire" / "a fire broke out"), else the day its story tells it
        # on, else its subject ("the storm" / "a storm hit")
        named = [m for m in dated if after.words & merge.trigger_stems(m.trigger)]
        elsewhere = min((days_elsewhere[w] for w in after.words if w in (days_elsewhere or {})), default=None)
        if not named and elsewhere is None:
            named = [m for m in dated if after.words <= m.keywords and m.trigger_span[0] < draft.trigger_span[0]]
        before = [m for m in named if m.trigger_span[0] < draft.trigger_span[0]]
        event = before[-1] if before else (named[0] if named else None)
        day = _single_day(event.interval, night_from_its_evening=True) if event is not None else elsewhere
        interval = resolve.counted_back(after.offset.fields, day, after.sign) if day else None
        if event is not None:
            # "the ground split at 10.57pm ... earthquakes about 40 minutes before the ground split"
            interval = resolve.counted_from_a_clock(after.offset.fields, event.interval, after.sign) or interval
        if interval is None or draft.needs_its_count and interval.start is not None \
                and interval.start > anchor and draft.tense in _TOLD_AS_DONE:
            # ("Her husband left hospital two days after the crash", counted from a day after the
            # crash that only shares its word: a report told as done lies no later than its own day)
            _drop_unless_counted(draft, mention, out, mention_of)
            continue
        span = (after.offset.start, after.end)
        k = out.index(mention)
        out[k] = dataclasses.replace(mention, interval=interval, time_text=reading.doc.text[span[0]:span[1]],
                                     time_span=span)
        mention_of[id(draft)] = out[k]


def _drop_unless_counted(draft, mention: Mention, out: list[Mention], mention_of: dict) -> None:
    """A report kept only for the count after it (`needs_its_count`) that the count
    does not date is no mention: undated, it would take a day it says nothing of."""
    if draft.needs_its_count:
        out.remove(mention)
        del mention_of[id(draft)]


# the occasion a statement was made at: "told reporters after the signing", "told the meeting"
_OCCASION = re.compile(r"\b(?:(?:after|before|at|during|following)\s+(?:the|a|an|this|that|his|her|their|its)"
                       r"|told\s+the|outside(?:\s+the)?)\s+([a-z][a-z-]+)", re.IGNORECASE)
OCCASION_REACH = 60  # characters after the statement's trigger
# a statement's occasion opening its sentence: "Outside court, his lawyer said", "Speaking after the hearing, ..."
_FRONTED_OCCASION = re.compile(r"\s*(?:speaking\s+)?(?:outside|after)(?:\s+the)?\s+([a-z][a-z-]+)\s*,", re.IGNORECASE)


def _dated_by_their_occasion(text: str, mentions: list[Mention]) -> list[Mention]:
    """An undated statement made at an occasion the article dates ("told
    lawmakers before the vote", of a vote held yesterday) is dated that day,
    not by the article's own."""
    occasions = {}
    for k, m in enumerate(mentions):
        if m.time_text is None and m.category == "statement":
            found = _OCCASION.search(text, m.trigger_span[1], min(m.sentence_span[1], m.trigger_span[1] + OCCASION_REACH))
            if found:
                occasions[k] = merge.trigger_stems(found.group(1))
    if not occasions:
        return mentions
    days: dict[str, date] = {}
    for m in mentions:
        day = _single_day(m.interval) if m.time_text else None
        if day is not None:
            for stem in merge.trigger_stems(m.trigger):
                days.setdefault(stem, day)
    out = list(mentions)
    for k, stems in occasions.items():
        day = next((days[s] for s in stems if s in days), None)
        if day is not None and day != out[k].interval.start:
            out[k] = dataclasses.replace(out[k], interval=Interval(day, day, "day", day.isoformat()))
    return out


def _mention(reading: _Reading, draft, interval: Interval, time_text: str | None,
             time_span: tuple[int, int] | None) -> Mention:
    text, sent = reading.doc.text, draft.sentence
    return Mention(
        document=reading.doc.id, sentence=text[sent.start:sent.end], sentence_span=(sent.start, sent.end),
        trigger=draft.trigger, trigger_span=draft.trigger_span,
        time_text=time_text, time_span=time_span, interval=interval,
        category=draft.category, headline=draft.headline,
        keywords=draft.keywords, participants=draft.participants,
    )


def _story_report_of(title_draft, drafts: Sequence):
    """The story's draft that reports what a headline's reports ("Ferry sinks off
    Zanzibar" / "A ferry sank off Zanzibar on Tuesday"): its trigger shares a stem with
    the headline's, and of such drafts it shares the most content (enough to merge).
    Chosen once per article: it does not depend on the date the article is read at."""
    stems = merge.trigger_stems(title_draft.trigger)

    def shared(d) -> int:
        return _content_shared(title_draft, d)
    # a headline not in the future ("Six held over match-fixing") tells what happened, not what
    # is to ("the championships are due to be held in December")
    ahead = title_draft.tense in _AHEAD_TENSES
    same_verb = [d for d in drafts if d.sentence.start > title_draft.sentence.start and not d.in_title
                 and stems & merge.trigger_stems(d.trigger) and shared(d) >= merge.MIN_SHARED
                 and not _told_of_a_past_year(d) and (ahead or d.tense not in _AHEAD_TENSES)]
    return max(same_verb, key=shared, default=None)


_COARSE_RULES = frozenset({"month", "month_year", "season", "year", "decade", "century"})


def _lead_report_of(title_draft, drafts: Sequence):
    """The lead's report a headline tells when the story never repeats its verb
    ("Fire destroys Vernon lumberyard" / "A fire broke out at the Vernon lumberyard of
    Harlow Lumber early on Sunday"): the first report of the story's first sentence,
    dated there and sharing a name and enough content with the headline.  None for a
    headline of what is to come."""
    if title_draft.tense in _AHEAD_TENSES:
        return None
    lead = min((d.sentence.start for d in drafts if d.sentence.is_story and not d.sentence.heading
                and not d.in_title), default=None)
    opening = [d for d in drafts if d.sentence.start == lead and not d.is_statement and not d.in_title
               and not _told_of_a_past_year(d) and d.tense not in _AHEAD_TENSES]
    # ("The foreman of a crew that tore down a nest in May pleaded guilty ... on Tuesday": the month
    # is background in a phrase of the subject; the news has a finer date)
    finer = [d for d in opening if d.candidate is not None and d.candidate.rule not in _COARSE_RULES]
    first = min(finer or opening, key=lambda d: d.trigger_span[0], default=None)
    if first is None or first.candidate is None:
        return None
    # a name in common (one the lead tells in passing counts: "in a village in Kerala's Palakkad
    # district"), or, with none, twice the content ("Ocelot smuggler gets 18 months in federal
    # prison" / "An Edinburg man who smuggled an ocelot ... was sentenced yesterday to 18 months")
    # (a headline's speaker is a name too: "Iguana smugglers admit export charge")
    names = {p.removeprefix(merge.SPEAKER_MARK) for p in title_draft.participants}
    named = bool(names & {p.removeprefix(merge.SPEAKER_MARK) for p in first.participants}
                 or {word_stem(name) for name in names} & first.keywords)  # (keywords are stems: "scarbo")
    # (a lead that tells the article's own news, "yesterday" or "this morning", needs no name:
    # "Hunter gets eight months in prison for killing Arizona jaguar" / "A federal judge in
    # Tucson yesterday sentenced the Sierra Vista man who shot Nube, one of the few wild jaguars")
    todays = first.candidate.rule in _THE_ARTICLES_OWN_DAY_RULES
    return first if _content_shared(title_draft, first) >= merge.MIN_SHARED * (1 if named or todays else 2) \
        else None


_THE_ARTICLES_OWN_DAY_RULES = frozenset({"day_relative", "part_of_day_relative"})


def _content_shared(a, b) -> int:
    """The content words two reports (drafts or mentions) share, participants counting double."""
    return len(a.keywords & b.keywords) + 2 * len(a.participants & b.participants)


def _told_of_a_past_year(draft) -> bool:
    """A report its own year dates, no closer than its month ("floods killed dozens in
    2005", "In December 2016, a train killed 54 reindeer"): background, not what a
    headline in the present tells."""
    cand = draft.candidate
    if cand is None or not timex.is_anchor_free(cand):
        return False
    t = timex.resolve(cand, date(2000, 1, 1), "past")
    return t.interval is not None and t.interval.grain in ("month", "year", "decade", "century")


def _narrated_days(reading: _Reading, resolved: dict[int, Timex], anchor: date) -> dict[int, date]:
    """The last day a story sentence narrates, when it is a single past day
    before the article's own ("The train, which left Kyiv on Saturday,
    reached Chisinau at 10:40 a.m. on Sunday."), by the start of the sentence
    that follows it in the same paragraph."""
    last: dict[int, tuple[int, date | None]] = {}
    for draft in reading.drafts:
        if draft.candidate is None or draft.is_statement:
            continue
        t = resolved.get(draft.candidate.start)
        # "packed the church for a prayer vigil last night": what the next sentence tells of
        # that night ("told the congregation") was told that evening; "overnight" reaches the morning
        evening = "overnight" not in draft.candidate.text.lower()
        day = _single_day(t.interval if t is not None else None, night_from_its_evening=evening)
        if draft.candidate.start >= last.get(draft.sentence.start, (-1, None))[0]:
            last[draft.sentence.start] = (draft.candidate.start, day)
    story = [s for s in reading.sentences if s.is_story and not s.heading]
    out = {}
    for before, after in zip(story, story[1:]):
        _, day = last.get(before.start, (0, None))
        if before.paragraph == after.paragraph and day is not None and day < anchor:
            out[after.start] = day
    return out


@dataclasses.dataclass(frozen=True)
class _Lead:
    day: date | None      # the day the lead narrates, shortly before the article's own
    opening: date | None  # the day of the lead's first report, when it is that day or the article's own


def _lead_days(reading: _Reading, resolved: dict[int, Timex], anchor: date) -> _Lead:
    """The days the article's lead narrates.  `day`, when a day shortly before the
    article's own ("A tornado tore through Marlow Creek late on Tuesday", in
    Wednesday's paper): the latest single day that the first `LEAD_SENTENCES`
    story sentences date a report on, at most `LEAD_DAY_BACK` days back, unless
    the lead opens on the article's own day and its first sentence tells no
    earlier one ("pleaded not guilty this morning")."""
    lead = [s for s in reading.sentences if s.is_story and not s.heading][:LEAD_SENTENCES]
    if not lead:
        return _Lead(None, None)
    told = [d for d in reading.drafts if d.sentence.start < lead[-1].end and _reports_the_story(d, reading.doc.text)]
    days, first_day = [], {}
    for draft in told:
        if draft.candidate is None:
            continue
        t = resolved.get(draft.candidate.start)
        day = _single_day(t.interval if t is not None else None, night_from_its_evening=True)
        if draft.sentence.start == lead[0].start:
            first_day[draft.trigger_span[0]] = day
        if day is not None and anchor - timedelta(days=LEAD_DAY_BACK) <= day < anchor:
            days.append((draft.sentence.start, day))
    opening = first_day.get(min((d.trigger_span[0] for d in told if d.sentence.start == lead[0].start),
                                default=None))
    if opening is not None and not anchor - timedelta(days=LEAD_DAY_BACK) <= opening <= anchor:
        opening = None
    if opening == anchor and all(start != lead[0].start for start, _ in days):
        return _Lead(None, opening)
    return _Lead(max((day for _, day in days), default=None), opening)


def _carried_day(draft, narrated: dict[int, date], text: str) -> date | None:
    """An event told in the simple past with no time of its own, right after
    a sentence that narrates an earlier day, happened on that day: "The train
    reached Chisinau on Sunday. The prime minister welcomed the passengers."
    A statement is the day's news, not the narrative's, unless told to those
    at the occasion just narrated ("The Dail debated it yesterday. The minister
    told TDs ...")."""
    if draft.tense != "past" or draft.is_statement and not _told_at_the_occasion(draft, text) \
            and not _ANNOUNCED_BY_THE_ONE_JUST_NARRATED.match(text, draft.sentence.start, draft.trigger_span[1]):
        return None
    return narrated.get(draft.sentence.start)


# "The minister visited the relief centre yesterday afternoon. He announced RM500 in aid":
# what the one just narrated announces, promises or orders is done on that occasion
_ANNOUNCED_BY_THE_ONE_JUST_NARRATED = re.compile(
    r"(?:He|She|They)\s+(?:also\s+)?(?:announced|promised|pledged|unveiled|ordered|declared)\b")


# "told reporters", "told Reuters", "told the BBC", "told the Courier": the press hears it
# when the article is written (a capitalized name after "the" is a paper's, unless an assembly's)
_TOLD_THE_PRESS = re.compile(r"\s+(?:a\s+|the\s+)?(?:reporters|journalists|press|media|news|[A-Z]{2,}\b|"
                             r"Reuters|Associated|Agence|Bloomberg|[A-Z]\w*(?:'s|’s)\s+[A-Z])"
                             r"|\s+the\s+(?!(?:D[aá]il|Senate|Commons|Lords|House|Parliament|Assembly|Congress|"
                             r"Court|Committee|Council|Tribunal|Inquiry|Cabinet)\b)[A-Z][a-z]")


def _told_at_the_occasion(draft, text: str) -> bool:
    """ "The Dail debated the shortage yesterday. The minister told TDs ...": told
    to those at the occasion just narrated, not to the press."""
    end = draft.trigger_span[1]
    if _FRONTED_OCCASION.match(text, draft.sentence.start, draft.trigger_span[0]):
        return True  # "Outside court, his lawyer said": at the occasion just narrated, as "said outside court"
    return draft.trigger.lower() == "told" and not _TOLD_THE_PRESS.match(text, end)


# "from May 20 to May 22", "between Monday and Wednesday": TimeML tags the two
# ends apart; the event spans both. The lead-in comes right before the first
# end, its connector right after it, then the second end. "April 24 and 25"
# names its second day by number alone.
_SPAN_LEAD_IN = re.compile(r"\b(?P<word>from|between)\s+$", re.IGNORECASE)
_SPAN_CONNECTOR = {"from": re.compile(r"\s*(?:to|until|till|through|thru|-|–|—)\s*", re.IGNORECASE),
                   "between": re.compile(r"\s+and\s+", re.IGNORECASE)}
_SECOND_DAY = re.compile(
    r"\s+(?:and|&)\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|at|on|when|after|before|while|as|but|with|during|amid)\b)", re.IGNORECASE)
# verbs that put a date off to a later one: "adjourned the case to October 9"
_PUT_OFF = r"postponed|pushed\s+back|put\s+off|rescheduled|adjourned|deferred"
_RESCHEDULED = re.compile(rf"\b(?:moved|delayed|brought\s+forward|shifted|{_PUT_OFF})\b", re.IGNORECASE)


def _moved_to_the_second(text: str, draft, cand: Candidate) -> bool:
    """Whether the span `cand` opens is a date put off or brought forward ("the vote
    was moved from Tuesday to Thursday"), not a stretch of time ("money moved into
    companies between 2019 and 2023")."""
    lead_in = _SPAN_LEAD_IN.search(text, max(0, cand.start - 10), cand.start)
    return lead_in is not None and lead_in.group("word").lower() == "from" \
        and _RESCHEDULED.search(text, draft.clause_span[0], cand.start) is not None


def _span_end(reading: _Reading, cand: Candidate, first: Interval, resolved: dict[int, Timex],
              draft) -> tuple[Interval, int, Interval | None] | None:
    """(the second end's interval, where its text ends, the first end's if the second
    moves it) when `cand` is X in "from X to Y", "between X and Y", "<Month> X and
    <day>" or "<weekday> and <next weekday>", and Y, counted onwards from X, has X's
    grain and does not end before X starts; else None."""
    text = reading.doc.text
    if first.start is None:
        return None
    day = _SECOND_DAY.match(text, cand.end)
    if day is not None and cand.rule == "month_day" and first.grain == "day":
        try:  # "April 24 and 25": the 25th of the same month
            second_day = first.start.replace(day=int(day.group("day")))
        except ValueError:
            return None
        if second_day <= first.start:
            return None
        return Interval(second_day, second_day, "day", second_day.isoformat()), day.end("day"), None
    if cand.rule == "weekday" and first.grain == "day":
        # "closed on Tuesday and Wednesday": the two days in a row; "on Tuesday and
        # Wednesday of next week": the week the second names is the first's too
        second = reading.first_candidate_from(cand.end + 1)
        if second is not None and mention_finder.next_day_of_pair(text, cand, second):
            own = resolved.get(second.start) if second.rule == "weekday_of_week" else None
            if own is not None and own.interval is not None and own.interval.start is not None:
                before = own.interval.start - timedelta(days=1)
                return own.interval, second.end, Interval(before, before, "day", before.isoformat())
            following = first.start + timedelta(days=1)
            return Interval(following, following, "day", following.isoformat()), second.end, None
    if cand.rule == "year" and first.grain == "year":
        # "melted down in 1942 and 1943" (not "in 2005 and 2015", two floods)
        and_next = _SPAN_CONNECTOR["between"].match(text, cand.end)
        second = and_next and reading.first_candidate_from(and_next.end())
        if second and second.start == and_next.end() and mention_finder.consecutive_years(cand, second):
            end = timex.resolve(second, first.start, "past").interval
            if end is not None and end.grain == "year":
                return end, second.end, None
    lead_in = _SPAN_LEAD_IN.search(text, max(0, cand.start - 10), cand.start)
    if lead_in is None:
        return None
    connector = _SPAN_CONNECTOR[lead_in.group("word").lower()].match(text, cand.end)
    second = connector and reading.first_candidate_from(connector.end())
    if second and second.start != connector.end():
        second = None
    if not second:
        return None
    if cand.rule == second.rule == "time_of_day" and not _names_its_day(cand) and _names_its_day(second):
        # "from 8 a.m. to noon on Saturday": both hours are Saturday's, read from the day the
        # bare first hour was read on (the chain would read Saturday from that hour)
        end = timex.resolve(second, first.start, _tense_for(reading, second, draft)).interval
        if end is None or end.start is None or first.value is None or len(first.value) <= 10:
            return None
        moved = Interval(end.start, end.start, first.grain, end.start.isoformat() + first.value[10:])
        return end, second.end, moved
    own = resolved.get(second.start)
    if cand.rule == "month" and second.rule in ("month_year", "month_relative_year") and first.grain == "month" \
            and own is not None and own.interval is not None and own.interval.grain == "month":
        # "between October and December last year", "from May to July 2016": the year the
        # second end names is the first's too
        end = own.interval
        year = end.start.year - (first.start.month > end.start.month)
        month = first.start.month
        moved = Interval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month",
                         f"{year:04d}-{month:02d}")
        return end, second.end, moved
    # "to Wednesday", "to May 22": the Wednesday or May 22 on or after X
    end = timex.resolve(second, first.start, "future").interval
    if end is None or end.end is None or end.grain != first.grain or end.end < first.start:
        return None
    return end, second.end, None


# "the day after Labor Day", "two days before Christmas": an amount counted from the date after it
_COUNTED_FROM_THE_DATE = re.compile(r"\s+(?P<dir>after|before)\s+", re.IGNORECASE)
_DAYS_IN = {"day": 1, "week": 7, "fortnight": 14}


def _counted_from_the_date_after(reading: _Reading, cand: Candidate,
                                 resolved: dict[int, Timex]) -> tuple[Interval, tuple[int, int]] | None:
    """(the day, the text span from the amount to the date) when `cand` is the
    amount or the date of "the day after Labor Day", "a week before Thanksgiving",
    "three days after 12 January": TimeML tags the amount and the date apart, and
    the amount alone reads from the date before it; the event is on the counted day."""
    k = bisect.bisect_left(reading.starts, cand.start)
    pair = None
    for first, second in ((k - 1, k), (k, k + 1)):
        if 0 <= first and second < len(reading.candidates):
            amount, day = reading.candidates[first], reading.candidates[second]
            link = _COUNTED_FROM_THE_DATE.fullmatch(reading.doc.text, amount.end, day.start)
            if amount.rule == "offset" and link is not None and cand in (amount, day):
                pair = amount, day, link.group("dir").lower()
                break
    if pair is None:
        return None
    amount, day, direction = pair
    if mention_finder.POSSESSIVE_AFTER.match(reading.doc.text, day.end):
        return None  # "two days after Tuesday's countdown": the countdown was on Tuesday
    base = resolved.get(day.start)
    iv = base.interval if base is not None else None
    if iv is None or iv.start is None or iv.grain != "day" or iv.start != iv.end:
        return None
    lex = load_timex_lexicon()
    n = resolve.offset_amount(amount.fields, lex)
    unit = lex.unit_of(str(amount.fields.get("unit", ""))) or ""
    if n is None or n != int(n) or unit not in _DAYS_IN:
        return None
    counted = resolve.shift(iv.start, unit, (1 if direction == "after" else -1) * int(n))
    return Interval(counted, counted, "day", counted.isoformat()), (amount.start, day.end)


def _names_its_day(clock: Candidate) -> bool:
    """"noon on Saturday", "6 a.m. yesterday", "9pm on May 3" say which day; "8 a.m." does not."""
    return any(clock.fields.get(f) for f in ("weekday", "month", "day"))


# "told the meeting", "told senators", "told the inquiry": a statement made at a sitting,
# which a next-day article's lead dates ("400 people crammed into the hall last night")
_TOLD_AN_ASSEMBLY = re.compile(
    r"\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:meeting|council|committee|hearing|inquiry|inquest|court|jury|"
    r"tribunal|senators|lawmakers|mps|legislators|councillors|councilors|parliament|assembly|"
    r"session|board|shareholders|analysts|judge|sheriff|magistrate|coroner|bench)\b", re.IGNORECASE)
# what is said to the press on the court's steps is said the day of the hearing
_COURT = r"(?:court|courthouse|court\s+house|hearing|inquest|tribunal)\b"
_TOLD_THE_PRESS_OUTSIDE_COURT = re.compile(
    r"\s+(?:(?:the\s+)?(?:reporters|journalists|press|media)\s+)?outside\s+(?:the\s+)?" + _COURT, re.IGNORECASE)
_FRONTED_OUTSIDE_COURT = re.compile(r"\s*(?:speaking\s+)?outside\s+(?:the\s+)?" + _COURT + r"[^.]*,", re.IGNORECASE)


# "has admitted starting the fire", "admitted three charges", "has admitted careless driving"
_ADMITTED_A_CHARGE = re.compile(r"\s+(?:\w+ing\b|(?:\w+\s+){0,2}(?:charges?|counts?|offences?|offenses?|"
                                r"guilt|driving|theft|arson|assault|manslaughter|fraud)\b)", re.IGNORECASE)


def _a_plea(draft, text: str) -> bool:
    """"A kennel hand has admitted starting a fire": an admission of a charge, made in
    court as a plea is, on the day the lead narrates, not a statement of the article's day."""
    return draft.trigger.lower().endswith(("admitted", "admits")) \
        and _ADMITTED_A_CHARGE.match(text, draft.trigger_span[1]) is not None


def _reports_the_story(draft, text: str) -> bool:
    """A report of what happened, not a statement of the article's own day; an admitted
    charge is a plea, made on the day the lead narrates ("admitted the offence at Oban
    Sheriff Court yesterday")."""
    return not draft.is_statement or _a_plea(draft, text)


def _told_at_a_sitting(draft, text: str) -> bool:
    """A statement made to a sitting ("told the court", "told the sheriff") or on
    its steps ("told reporters outside the court", "Outside court, his lawyer said"):
    made the day the sitting is held."""
    end = draft.trigger_span[1]
    return _TOLD_AN_ASSEMBLY.match(text, end) is not None or _TOLD_THE_PRESS_OUTSIDE_COURT.match(text, end) \
        is not None or _FRONTED_OUTSIDE_COURT.match(text, draft.sentence.start, draft.trigger_span[0]) is not None


# "by" or "before" a date ahead makes it a deadline: the event falls in a
# window that ends then.
_DEADLINE_LEAD_IN = re.compile(r"\b(?:by|before)\s+$", re.IGNORECASE)  # searched in the 8 characters before
# Words before a day that narrow it (the tagger leaves them outside the TIMEX3
# extent, as TimeML does), with the TIMEX3 part-of-day they stand for.
_PART_OF_DAY_LEAD_IN = re.compile(
    # not "three hours late on Sunday", where "late" says how late, not when
    r"(?<!hours )(?<!minutes )(?<!days )(?<!hour )(?<!minute )(?<!day )"
    r"\b(?:(?P<part>early|late|before\s+dawn|at\s+(?:first\s+light|dawn|daybreak|dusk|sunrise|sunset|nightfall))"
    r"\s+on|(?P<hours>(?:in|until|till|into|through)\s+the\s+(?:early|small|wee)\s+hours)\s+(?:on|of)"
    r"|(?P<night>on\s+the\s+night\s+of|(?:through|during)\s+the\s+night\s+on))\s+$",
    re.IGNORECASE)
# Wire style drops the "on" before a full date too: "early June 9" is "early on June 9".
_BARE_PART_OF_DAY_LEAD_IN = re.compile(
    r"(?<!hours )(?<!minutes )(?<!days )(?<!hour )(?<!minute )(?<!day )\b(?P<part>early|late)\s+$", re.IGNORECASE)
_PARTS = {"early": "MO", "late": "EV", "before dawn": "MO",  # "in the early hours" is always MO
          "at first light": "MO", "at dawn": "MO", "at daybreak": "MO", "at sunrise": "MO",
          "at dusk": "EV", "at sunset": "EV", "at nightfall": "EV", "after dawn": "MO",
          "in early trading": "MO", "before the market opened": "MO", "before markets opened": "MO",
          "first thing": "MO"}
# The light of a day named right after it, with no "on": "at first light Sunday",
# "shortly after dawn yesterday".
_LIGHT_BEFORE_A_NAMED_DAY = re.compile(
    r"\b(?:shortly\s+)?(?P<part>at\s+(?:first\s+light|dawn|daybreak|dusk|sunrise|sunset|nightfall)"
    r"|(?:after|before)\s+dawn)\s+$", re.IGNORECASE)
# A part of the day standing alone after an event with no date of its own: "the ships
# collided in the early hours", "shares fell 12% in early trading", "at first light".
_PART_OF_DAY_ALONE = re.compile(
    r"\b(?:shortly\s+)?(?:(?P<hours>(?:in|until|till|into|through)\s+the\s+(?:early|small|wee)\s+hours)"
    r"|(?P<part>at\s+(?:first\s+light|dawn|daybreak|dusk|sunrise|sunset|nightfall)|(?:after|before)\s+dawn"
    r"|in\s+early\s+trading|before\s+(?:the\s+market|markets)\s+opened|first\s+thing))\b(?!\s+(?:on|of)\b)",
    re.IGNORECASE)
PART_OF_DAY_ALONE_REACH = 80  # characters after the trigger


# between a day and the clock time on it: "Thursday at 7pm", "on Sunday, at about 9 a.m."
_CLOCK_OF_THE_DAY = re.compile(r",?\s+at\s+(?:about\s+|around\s+|approximately\s+)?", re.IGNORECASE)


def _clock_time_on_the_day(reading: _Reading, cand: Candidate, interval: Interval,
                           resolved: dict[int, Timex]) -> tuple[Interval, tuple[int, int]] | None:
    """(the time, the span from the day to it) when a clock time follows the one
    day `cand` names: "next Thursday at 7pm". The clock time is read on the day
    as the mention resolved it, whatever day the tagger gave it alone."""
    if interval.grain != "day" or interval.start is None or interval.start != interval.end:
        return None
    clock = reading.first_candidate_from(cand.end)
    if clock is None or clock.rule != "time_of_day" or clock.fields.get("weekday") or clock.fields.get("month") \
            or not _CLOCK_OF_THE_DAY.fullmatch(reading.doc.text, cand.end, clock.start):
        return None
    t = resolved.get(clock.start)
    value = t.value if t is not None else None
    if not value or len(value) < 16 or value[10] != "T":
        return None
    on_the_day = f"{interval.start.isoformat()}{value[10:16]}"
    return Interval(interval.start, interval.end, "time", on_the_day), (cand.start, clock.end)


# "at 5.50am the following day", "at 6pm the next day", "at 9pm the day before"
_DAY_AFTER_ITS_CLOCK_RULES = frozenset({"relative_unit", "offset"})
_CLOCK_BEFORE_ITS_DAY = re.compile(r",?\s+")
# "at 11.20pm last night", "at 2am overnight", "at 4am this morning"
_PART_OF_A_DAY_AFTER_ITS_CLOCK_RULES = frozenset({"part_of_day_relative", "day_relative"})


def _clock_time_on_the_day_after_it(reading: _Reading, cand: Candidate, interval: Interval,
                                    resolved: dict[int, Timex]) -> tuple[Interval, tuple[int, int]] | None:
    """(the time, the span from the clock time to its day) when a day counted from
    the story's last one follows a clock time: "was found at 5.50am the following
    day" is found on the day after, not at 5.50am of the day before."""
    if interval.grain != "time" or interval.start is None or cand.rule != "time_of_day" \
            or cand.fields.get("weekday") or cand.fields.get("month"):
        return None
    day_cand = reading.first_candidate_from(cand.end)
    if day_cand is None or day_cand.rule not in _DAY_AFTER_ITS_CLOCK_RULES | _PART_OF_A_DAY_AFTER_ITS_CLOCK_RULES \
            or not _CLOCK_BEFORE_ITS_DAY.fullmatch(reading.doc.text, cand.end, day_cand.start):
        return None
    if day_cand.rule == "offset" and "," in reading.doc.text[cand.end:day_cand.start] \
            and mention_finder.counts_from_an_event(reading.doc.text, day_cand):
        return None  # "began the strike at 6 a.m., two days after talks broke down": the talks' day
    t = resolved.get(day_cand.start)
    day = t.interval if t is not None else None
    if day is None or day.start is None or not interval.value or len(interval.value) < 13:
        return None
    if day_cand.rule in _PART_OF_A_DAY_AFTER_ITS_CLOCK_RULES and day.grain == "night" and day.end is not None:
        # "at 11.20pm last night": the night's evening; "at 2am overnight": its morning
        on = day.start if int(interval.value[11:13]) >= 12 else day.end
    elif day.start == day.end and (day.grain == "day" or (
            day.grain == "part-of-day" and day_cand.rule in _PART_OF_A_DAY_AFTER_ITS_CLOCK_RULES)):
        on = day.start  # "at 5.50am the following day", "at 4am this morning"
    else:
        return None
    return (Interval(on, on, "time", f"{on.isoformat()}{interval.value[10:]}"), (cand.start, day_cand.end))


def _part_of_its_day(text: str, draft) -> re.Match | None:
    """A part of the day (`_PART_OF_DAY_ALONE`) in the clause after an undated
    event's trigger, before any comma or semicolon ends the clause."""
    start = draft.trigger_span[1]
    end = min(draft.sentence.end, start + PART_OF_DAY_ALONE_REACH)
    found = _PART_OF_DAY_ALONE.search(text, start, end)
    if found is None or re.search(r"[,;:]", text[start:found.start()]):
        return None
    return found


def _is_one_day(iv: Interval) -> bool:
    return iv.grain == "day" and iv.start is not None and iv.start == iv.end


def _part_of_day(lead_in: re.Match, day: Interval) -> Interval:
    groups = lead_in.groupdict()
    if groups.get("night"):
        return Interval(day.start, day.start + timedelta(days=1), "night", f"{day.start.isoformat()}TNI")
    part = "MO" if groups.get("hours") else _PARTS[" ".join(groups["part"].lower().split())]
    return Interval(day.start, day.end, "part-of-day", f"{day.start.isoformat()}T{part}")


# ---------------------------------------------------------------- reference dates
class _EvidenceIndex:
    """Events of dated articles (and of the store), bucketed by day so that an
    undated article's mention is compared only with events near its date."""

    def __init__(self) -> None:
        self.by_day: dict[date, list[merge.EventMatcher]] = defaultdict(list)
        self.vague: list[merge.EventMatcher] = []
        self.days: set[date] = set()
        # each dated article's earliest recent day it dates a report by: where its story starts
        self.first_day: dict[str, date] = {}
        self.planned: set[str] = set()  # ids of events reported only ahead of their day
        self.plan_days: dict[str, set[date]] = defaultdict(set)  # the days each dated article looks ahead to
        # precise events by each content word and participant, and the documents behind them
        self.by_word: dict[str, list[merge.EventMatcher]] = defaultdict(list)
        self.documents: set[str] = set()
        # each document's names and the days it adds to `days`: which articles tell which story, when
        self.documents_naming: dict[str, set[str]] = defaultdict(set)
        self.days_of_document: dict[str, set[date]] = defaultdict(set)
        # whether a counted mention names an event of the index, by (document, trigger span, story):
        # the same on every candidate day; emptied whenever events are added
        self.counts_named: dict[tuple[str, tuple[int, int], frozenset], bool] = {}
        # when each dated article says things began, by noun stem ("the walkout began on Monday")
        self.story_starts: dict[str, dict[str, date]] = {}

    def add(self, events: Sequence[Event], reference_days: Sequence[date] = (),
            names_of_document: dict[str, frozenset] | None = None) -> None:
        self.counts_named.clear()
        for parsed in events:
            # the names its articles mention anywhere: a story, not a sentence
            names = frozenset().union(*(names_of_document.get(d, frozenset()) for d in parsed.sources)) \
                if names_of_document else _names(parsed.mentions)
            event = merge.EventMatcher(parsed, names)
            iv = parsed.interval
            if not merge.is_precise(iv):
                self.vague.append(event)
                continue
            day = iv.start
            while day <= iv.end:
                self.by_day[day].append(event)
                day += timedelta(days=1)
            for word in event.cluster.words | event.cluster.parts:
                self.by_word[word].append(event)
            self.documents.update(parsed.sources)
        self.days.update(reference_days)

    def add_document(self, doc_id: str, names: frozenset, days: set[date]) -> None:
        for name in names:
            self.documents_naming[name].add(doc_id)
        self.days_of_document[doc_id] |= days

    def documents_of_its_story(self, names: frozenset) -> set[str]:
        """The documents that give one of these names that few documents give (a
        name that many give, such as an agency's, does not tell a story apart).
        When every one of them is that common, as in a story many articles tell,
        the documents that give its rarest names, unless those are given by more
        than STORY_NAME_MAX_SHARE of the documents.  Of those, only the ones that
        give STORY_NAMES_TO_NARROW of its names, where any does."""
        given = [(len(docs), docs) for name in names if (docs := self.documents_naming.get(name))]
        if not given:
            return set()
        rarest = min(count for count, _ in given)
        if rarest > max(STORY_NAME_MAX_DOCUMENTS, STORY_NAME_MAX_SHARE * len(self.days_of_document)):
            return set()
        most = max(STORY_NAME_MAX_DOCUMENTS, rarest)
        shared = Counter(doc for count, docs in given if count <= most for doc in docs)
        if max(shared.values(), default=0) >= STORY_NAMES_TO_NARROW:
            return {doc for doc, n in shared.items() if n >= STORY_NAMES_TO_NARROW}
        return set(shared)

    def sharing_content(self, words: frozenset, participants: frozenset) -> list[tuple[merge.EventMatcher, int]]:
        """The precise events a report with this content could match on some date
        (`merge.could_match`), each with how much it shares with them."""
        seen: dict[int, merge.EventMatcher] = {}
        for word in words | participants:
            for event in self.by_word.get(word, ()):
                seen.setdefault(id(event), event)
        shares = ((event, merge.shared_content(words, participants, event)) for event in seen.values())
        return [(event, shared) for event, shared in shares if shared >= merge.MIN_SHARED]

    def near(self, iv: Interval) -> list[merge.EventMatcher]:
        if not merge.is_precise(iv):
            return self.vague
        seen: dict[str, merge.EventMatcher] = {}
        day = iv.start - merge.IMPLICIT_SLACK
        while day <= iv.end:
            for event in self.by_day.get(day, ()):
                seen.setdefault(event.event.id, event)
            day += timedelta(days=1)
        return list(seen.values())


@dataclass
class _Reports:
    """What an undated article's reports, dated as if it appeared on one day,
    share with the dated events: a score, what matched, and whose."""
    value: float
    matched: list
    sources: frozenset
    named: bool
    # read off the reports dated on that day, so they need not be kept (days x reports)
    lead_reports_the_day: bool
    told_done_after: list


_TOLD_AS_DONE = frozenset({"past", "perfect", "past_perfect"})
_AHEAD_TENSES = frozenset({"future", "modal"})  # a report of what is to come
# an event noun with a past date of its own ("after a flawless launch yesterday") is told as done too
_FULFILS_A_PLAN = _TOLD_AS_DONE | {"none"}


def _report_matches(reading: _Reading, day: date, index: _EvidenceIndex) -> _Reports:
    """How many of this article's reports, dated as if it appeared on `day`,
    match an event of the dated articles.  A report with its own time
    expression is stronger evidence than one dated by `day` itself."""
    best: dict[str, tuple[float, str]] = {}
    sources, named = set(), False
    resolved = resolve_mentions(reading, day)
    tense_of = {d.trigger_span: d.tense for d in reading.drafts}
    counted = {d.trigger_span for d in reading.drafts if d.counted is not None}
    own_names = _names(resolved)
    # `could_match` does not hold of reports of an article's own events
    prune = reading.doc.id not in index.documents
    for m in resolved:
        if not merge.is_precise(m.interval):
            continue
        near = index.near(m.interval)
        if prune:
            # what shares too little content to match on any day is not worth the full comparison,
            # and a busy day holds many such events
            words = merge.words_of(m)
            near = [x for x in near if merge.could_match(words, m.participants, x)]
        if m.trigger_span in counted and _names_a_dated_event(m, reading.doc.id, index):
            # "nine days after crossing the border" names a crossing, not whatever its sentence shares words with
            stems = merge.trigger_stems(m.trigger)
            near = [x for x in near if stems & x.cluster.words]
        # events of articles that name the same people and places as this one
        event = merge.best_match(m, [x for x in near if x.names & own_names])
        weight, named = 1.0, named or event is not None
        if event is None:
            # sharing only vocabulary is weak evidence: unrelated stories share words too
            event, weight = merge.best_match(m, near), UNNAMED_MATCH_WEIGHT
            if event is None:
                continue
        weight *= 0.5 if merge.is_implicit(m) else 1.0
        names_it = bool(merge.trigger_stems(m.trigger) & next(x.cluster.words for x in near if x.event.id == event.id))
        if not names_it and m.trigger_span not in counted:
            weight *= OTHER_TRIGGER_WEIGHT
        if m.trigger_span in counted:
            # "12 days after the first eruption" says which event and how far: a tie-breaker
            weight += COUNTED_MATCH_BONUS
        if event.id in index.planned and not merge.is_implicit(m) and m.interval.end <= day \
                and tense_of.get(m.trigger_span) in _FULFILS_A_PLAN and names_it:
            # "opened yesterday" of what was to open on Tuesday: the plan's day pins the article's.
            # The same verb or noun, not only the sentence's words: "nine days after a fault forced
            # a scrub" shares the words of "will launch on Thursday, after the fault was fixed"
            weight *= FULFILLED_PLAN_WEIGHT
        # one event reported twice is no more evidence than once
        if weight > best.get(event.id, (0.0, ""))[0]:
            best[event.id] = (weight, f"{event.headline!r} ({', '.join(event.sources)})")
        sources.update(event.sources)
    value = sum(w for w, _ in best.values())
    return _Reports(value, sorted({text for _, text in best.values()}), frozenset(sources), named,
                    lead_reports_the_day=_lead_reports_the_day(reading, resolved, day),
                    told_done_after=_told_done_after(reading, resolved, day))


def _agreement(reading: _Reading, day: date, index: _EvidenceIndex) -> tuple[float, list[str]]:
    """`_report_matches`, with the bonus of a lead that reports the day."""
    found = _report_matches(reading, day, index)
    if not found.matched:
        return 0.0, []  # a lead alone is no evidence of sharing this collection's events
    value = found.value
    if found.named and found.lead_reports_the_day:
        value += LEAD_RECENCY_BONUS
    return value, found.matched


# Time expressions that name a day counted from the article's own date.
_DAY_OF_THE_ARTICLE_RULES = frozenset({"weekday", "day_relative", "part_of_day_relative"})


def _days_named_from_the_article(reading: _Reading, day: date) -> list[tuple[Candidate, Interval]]:
    """The days the story's time expressions name, counted back from `day`:
    "on Friday", "yesterday", "last night", "last Sunday", "7 p.m. Monday"."""
    timexes = resolve_timexes(reading, day)
    story = [(s.start, s.end) for s in reading.sentences if s.is_story]
    out = []
    for cand in reading.candidates:
        named_day = cand.rule in _DAY_OF_THE_ARTICLE_RULES or (
            cand.rule in ("relative_named", "time_of_day") and cand.fields.get("weekday"))
        if not named_day or not any(a <= cand.start < b for a, b in story):
            continue
        t = timexes.get(cand.start)
        iv = t.interval if t is not None else None
        if iv is None or iv.start is None or iv.end is None or iv.grain not in merge.PRECISE or iv.end > day:
            continue
        out.append((cand, iv))
    return out


def _named_before_the_story(reading: _Reading, day: date, start: date | None) -> list[str]:
    """The lead's news day, read from `day`, when it falls before the story
    began: "the hospital said on Friday" read from Sunday the 21st, of a story
    whose dated articles begin on Saturday the 20th.  Only for a `day` inside
    the story (on or after `start`): an article from before it may well name
    earlier days.  Only the lead's first such day ("said on Friday", "on
    Friday", "yesterday"; not "last Friday", nor a plan): later sentences
    often recall what went before the story ("a smaller tremor on Saturday")."""
    if start is None or day < start:
        return []
    lead = [s for s in reading.sentences if s.is_story and not s.heading][:2]
    if not lead:
        return []
    for cand, iv in _days_named_from_the_article(reading, day):
        if cand.start >= lead[-1].end:
            break
        if cand.fields.get("weekday") and str(cand.fields.get("rel", "")).lower() in _FURTHER_BACK:
            continue
        return [cand.text] if iv.end < start else []
    return []


# A past tense that tells a plan, not a happening: "the hearing was set for June 12",
# "adjourned the case to October 9".
_PLANNED_IN_THE_PAST = re.compile(
    r"\b(?:scheduled|set\s+(?:for|to)|planned|due|expected|fixed\s+for|called\s+for|announced|agreed\s+to|"
    r"would|will|to\s+be\s+held"
    rf"|(?:{_PUT_OFF})\b[^.;]{{0,60}}?\b(?:to|until|till))\b",
    re.IGNORECASE)


def _tells_as_done(text: str, draft) -> bool:
    """A past the clause tells as a thing done, not a plan made then ("was set for June 12")."""
    return draft.tense in _TOLD_AS_DONE and not _PLANNED_IN_THE_PAST.search(text, *draft.clause_span)


def _told_done_after(reading: _Reading, resolved: Sequence[Mention], day: date) -> list[str]:
    """Events the article tells as done ("schools reopened on March 10"), on
    a day of their own after `day`: news is written after what it reports."""
    by_span = {d.trigger_span: d for d in reading.drafts}
    out = []
    for m in resolved:
        draft = by_span.get(m.trigger_span)
        if draft is None or m.time_span is None or not _tells_as_done(reading.doc.text, draft):
            continue
        if m.interval.grain not in merge.PRECISE or m.interval.start is None or m.interval.start <= day:
            continue
        if _RESCHEDULED.search(reading.doc.text, *draft.clause_span):
            continue
        out.append(m.time_text)
    return out


def _plans_met(reading: _Reading, day: date, plans: set[date]) -> int:
    """How many days the article names, counted back from `day`, are days its
    story's dated articles looked ahead to: "last night" read from the day
    after the evening a reception was planned for."""
    if not plans:
        return 0
    return sum(1 for _, iv in _days_named_from_the_article(reading, day)
               if any((iv.start == p) if iv.grain == "night" else (iv.start <= p <= iv.end) for p in plans))


def _collection_score(reading: _Reading, candidates: Sequence[date], index: _EvidenceIndex,
                      landings: bool = False):
    """The score `reference.from_collection` ranks candidate days by.

    Reports that match dated events say which story the article belongs to;
    then every day near those matches is weighed by all the article says of
    it: the matches themselves, a lead that reports the day ("said on
    Friday"), days it names that its story looked ahead to (a tie-breaker),
    and, against it, a lead whose news would fall before that story began
    ("said on Friday" read from a Sunday, of a story that began on Saturday).
    With `landings`, the days its counts land on an event carrying the counted
    word are scored too, as they are when none of its reports matches."""
    every_day = candidates
    candidates, story_docs = _days_of_its_story(reading, every_day, index)
    by_names = bool(story_docs)
    # far from the days of its story's dated articles, a day must fit better than those to win
    far = _days_after_its_storys_events(reading, index, story_docs) - set(candidates) if by_names else set()
    candidates = sorted(set(candidates) | far)
    after_done = _days_after_the_dates_it_tells_done(reading, candidates, index)
    counted_sets, like_story_days = _days_counted_to_what_it_names(reading, index)
    story_day_sets = _days_its_story_days_name(reading, index) + _days_its_counts_between_dates_fix(reading, index) \
        + _days_counted_from_its_story_event(reading, index) + _days_its_own_starts_name(reading, index) \
        + _days_its_own_dated_starts_fix(reading, index) + like_story_days + after_done
    counted_days = counted_sets + story_day_sets
    if counted_days:
        candidates = sorted(set(candidates).union(*counted_days))
    found = {day: _report_matches(reading, day, index) for day in candidates}

    beside_today = _weekdays_beside_its_today(reading)  # the same on every day: found once
    weekday_starts = _bare_weekdays(reading)
    apposed_story_days = any(c.rule == story_days.RULE and story_days.apposed_to(c, reading.doc.text,
                                                                                reading.candidates)
                             for c in reading.candidates)

    landing_sets: list[set[date]] = []

    def story_days_named(day: date) -> int:
        return sum(day in days for days in story_day_sets)

    def counts_landing(day: date) -> int:
        return sum(day in days for days in landing_sets)
    positive = [day for day in candidates if found[day].value > 0 or story_days_named(day)]
    if not positive and by_names:
        # Its names picked a story none of its reports match (a name it shares
        # with another story): the narrowing only saves time, so look where its
        # reports' content is before giving up.
        wider = _days_near_what_it_could_report(reading, every_day, index, only_closest=True)
        found.update((day, _report_matches(reading, day, index)) for day in wider if day not in found)
        candidates = sorted(found)
        positive = [day for day in candidates if found[day].value > 0 or story_days_named(day)]
    if not positive or landings:
        # None of its reports matches a dated event on any day: a count that lands on an event
        # carrying its trigger still names the day ("five weeks to the day after the trial opened")
        landing_sets, _ = _days_counted_to_what_it_names(reading, index, by_trigger=True)
        positive = sorted(set(positive).union(*landing_sets))
        found.update((day, _report_matches(reading, day, index)) for day in positive if day not in found)
        candidates = sorted(found)
    if not positive:
        return _Score(lambda day: (0.0, []), named=False, days=())
    reach = (timedelta(days=COLLECTION_DAYS_BEFORE), timedelta(days=COLLECTION_DAYS_AFTER))

    def score(day: date) -> tuple[float, list[str]]:
        if day not in found:
            return 0.0, []  # too far from every event it could report to match one
        # the story: the dated articles whose events it matches on days within reach of this one
        # (`positive` is in day order: candidates are)
        near = positive[bisect.bisect_left(positive, day - reach[1]):bisect.bisect_right(positive, day + reach[0])]
        named_days, landing = story_days_named(day), counts_landing(day)
        if not near or (found[day].value <= 0 and not (named_days or landing) and day < min(near)):
            # a day none of its reports match is only a follow-up's day: after days they match
            return 0.0, []
        story = frozenset().union(*(found[p].sources for p in near))
        named = any(found[p].named for p in near) or named_days > 0 or landing > 0
        here = found[day]
        value, notes = here.value, []
        if apposed_story_days:
            agree, disagree = story_days.fits(reading.doc.text, reading.candidates, resolve_timexes(reading, day),
                                              resolve_mentions(reading, day))
            value += STORY_DAY_FIT_BONUS * agree - STORY_DAY_MISS_PENALTY * disagree
            if agree:
                notes.append(f"{agree} story day(s) set beside a date (\"today, the third day of rationing\") "
                             f"agree with when it says they began")
            if disagree:
                notes.append(f"{disagree} story day(s) set beside a date disagree with when it says they began")
        if named_days:
            # "the 12th day of the strike" of a strike its story says began on June 5
            value += STORY_DAY_WEIGHT * named_days
            counted_to = named_days - sum(day in days for days in after_done)
            if counted_to:
                notes.append(f"{counted_to} day(s) it counts to (\"the 12th day of the strike\", \"yesterday, 22 "
                             f"days after March 19\") fall on this day")
            if counted_to < named_days:
                notes.append(f"it is written within {FOLLOW_UP_REACH_DAYS} days after the latest of the dates it "
                             f"tells as done, later than its story's other articles")
        if landing:
            value += STORY_DAY_WEIGHT * landing
            notes.append(f"{landing} date(s) it counts land on an event of its story that carries the counted word")
        if named and here.lead_reports_the_day:
            value += LEAD_RECENCY_BONUS
            if not here.matched and story:
                notes.append(f"shares the story of {', '.join(sorted(story))} (its reports match on nearby days), "
                             f"and its lead reports this day")
        starts = [index.first_day[doc] for doc in story if doc in index.first_day]
        value -= LEAD_BEFORE_STORY_PENALTY * len(_named_before_the_story(reading, day, min(starts, default=None)))
        value -= TOLD_DONE_LATER_PENALTY * len(here.told_done_after)
        too_early = sum(day < min(days) for days in counted_days)
        if too_early:
            value -= COUNTED_TOO_EARLY_PENALTY * too_early
            notes.append(f"{too_early} date(s) it counts would fall before every event of the story it could name")
        missed = sum(day not in days for days in counted_days)
        if missed:
            value -= COUNTED_MISS_PENALTY * missed
            notes.append(f"{missed} date(s) it counts from an event of the story would miss that event")
        clashes = _weekdays_naming_the_day(reading, beside_today, day)
        if clashes:
            value -= WEEKDAY_NAMES_TODAY_PENALTY * clashes
            notes.append(f"{clashes} weekday name(s) would name the day it calls today or this morning")
        met = _plans_met(reading, day, set().union(*(index.plan_days.get(doc, set()) for doc in story)))
        if named and met:
            value += PLAN_MET_BONUS * met
            notes.append(f"the days it names meet days {', '.join(sorted(story))} looked ahead to")
        if day in far:
            value -= FAR_DAY_PENALTY
        return value, here.matched, *notes
    return _Score(score, named=any(found[p].named for p in positive) or bool(story_day_sets or landing_sets),
                  days=candidates, tie_break=lambda day: _days_back_to_its_weekdays(reading, weekday_starts, day))


# A writer who says "this morning" does not call that day "Tuesday" too: a day on
# which a weekday it names in the past would be today is less likely its day (a
# tie-breaker: "returned to work this morning ... the strike began on Tuesday").
WEEKDAY_NAMES_TODAY_PENALTY = 0.1
_TODAY_WORDS = frozenset({"today", "tonight"})


def _weekdays_beside_its_today(reading: _Reading) -> list[int]:
    """The starts of the weekday names of an article that also names its own day
    deictically ("today", "tonight", "this morning"); none in any other article."""
    if not any(c.rule == "day_relative" and str(c.fields.get("word", "")).lower() in _TODAY_WORDS
               or c.rule == "part_of_day_relative" and str(c.fields.get("rel", "")).lower() == "this"
               for c in reading.candidates):
        return []
    return [c.start for c in reading.candidates if c.fields.get("weekday")]


def _bare_weekdays(reading: _Reading) -> list[int]:
    """The starts of the weekday names an article uses alone ("on Friday", "late
    Wednesday"): not "last Saturday", "that Sunday" or "the Friday before"."""
    text = reading.doc.text
    return [c.start for c in reading.candidates
            if c.rule == "weekday" and not text[max(0, c.start - 4):c.start].lower().endswith("the ")]


def _days_back_to_its_weekdays(reading: _Reading, starts: Sequence[int], day: date) -> int:
    """How many days back from `day` the weekday names at `starts` reach, in all
    (those it resolves ahead of `day` count nothing). News names a weekday of
    the last few days by its name, an older one by its date or "last ...": of
    days its reports fit equally well, the one from which its weekdays reach
    back least is likelier its own ("lost a vote on Tuesday. On Thursday ...
    and on Friday she said" is written on the Friday or after it, not on the
    Thursday, which would put that Friday six days back)."""
    if not starts:
        return 0
    timexes = resolve_timexes(reading, day)
    return sum((day - t.interval.start).days for start in starts
               if (t := timexes.get(start)) is not None and t.interval is not None
               and t.interval.start is not None and t.interval.start <= day)


def _weekdays_naming_the_day(reading: _Reading, starts: Sequence[int], day: date) -> int:
    """How many of these weekday names, read from `day`, fall on `day` itself."""
    if not starts:
        return 0
    timexes = resolve_timexes(reading, day)
    return sum(1 for start in starts if (t := timexes.get(start)) is not None and t.interval is not None
               and t.interval.start == day)


# How far after the day a counted date points to an article may be written
# when the date counts from a weekday ("on Friday, four days after"): Friday
# is any of the seven days before the article's.
WEEKDAY_COUNT_SPREAD = 6


# "[18 days] earlier", "[two weeks] before": an offset back from the time before it
_BACK_OFFSET_WORDS = frozenset({"earlier", "before", "previously"})


def _counts_back_beyond_the_window(cand: Candidate) -> bool:
    """ "two weeks ago", "10 days ago" (or "18 days earlier"): a day counted back
    further than COLLECTION_DAYS_AFTER, the latest an undated report is otherwise tried."""
    if not (cand.rule == "ago" or cand.rule == "offset"
            and str(cand.fields.get("dir2", "")).lower() in _BACK_OFFSET_WORDS):
        return False
    if _anniversary(cand) is not None:
        return True
    unit, amount = _unit_and_amount(cand, str(cand.fields.get("num", "")))
    days = _DAYS_IN.get(unit)
    return amount is not None and days is not None and amount * days > COLLECTION_DAYS_AFTER


def _unit_and_amount(cand: Candidate, num: str) -> tuple[str | None, float | None]:
    """An amount's unit ("month") and the number `num` says (3.0), each None when none."""
    lex = load_timex_lexicon()
    try:
        unit = lex.unit_of(str(cand.fields.get("unit", "")))
    except KeyError:
        return None, None
    return unit, lex.number_of(num)


def _anniversary(cand: Candidate) -> tuple[str, int, int] | None:
    """(unit, amount, days from the article's day to the day it names) for "three months
    ago today", "a year ago tonight", "a year ago tomorrow": the article is written that
    many months or years to the day after the event, as a story day names its day."""
    today = str(cand.fields.get("today") or "").lower()
    if cand.rule != "ago" or not today:
        return None
    unit, amount = _unit_and_amount(cand, str(cand.fields.get("num") or "a"))  # "a year ago today"
    if unit not in ("month", "quarter", "year") or amount is None or amount != int(amount):
        return None
    return unit, int(amount), {"yesterday": -1, "tomorrow": 1}.get(today, 0)


def _moving_with_its_day(reading: _Reading, starts: set[int], day: date) -> set[int]:
    """Of the time expressions at `starts`, those that date a day counted from the
    article's own: read from the day before `day`, a day earlier ("told the
    committee yesterday that an update which crippled the bank 18 days earlier"),
    not "on March 3 ... two weeks earlier"."""
    if not starts:
        return starts
    here, before = resolve_timexes(reading, day), resolve_timexes(reading, day - timedelta(days=1))
    return {start for start in starts if _a_day_later(here.get(start), before.get(start))}


def _a_day_later(read_from_day, read_from_day_before) -> bool:
    """Whether a time expression or mention (None when missing) read from an article's
    day falls a day after its reading from the day before: it counts from that day."""
    a = read_from_day.interval if read_from_day is not None else None
    b = read_from_day_before.interval if read_from_day_before is not None else None
    return a is not None and b is not None and a.start is not None and b.start is not None \
        and a.start - b.start == timedelta(days=1)


def _names_a_weekday(cand: Candidate) -> bool:
    """"on Friday" does; "at 6 a.m. yesterday" (its day word in the same field) does not."""
    word = (cand.fields.get("weekday") or "").lower()
    return any(word.startswith(name[:3]) for name in load_timex_lexicon().weekdays)


def _days_counted_to_what_it_names(reading: _Reading, index: _EvidenceIndex,
                                   by_trigger: bool = False) -> tuple[list[set[date]], list[set[date]]]:
    """For each date an undated article counts from an event ("yesterday, 12
    days after the volcano's first eruption", "on Friday, a week after the
    leopard was recaptured") or back from its own day ("destroyed by fire two
    weeks ago") that names a dated event of the collection, the
    days the article would be written on for the count to land on that event:
    a follow-up written after the days the other articles make candidates,
    that says how far after.  Any event of the story that shares the counted
    mention's content (its whole sentence's words) may be the one it names:
    outlets name one event with different verbs, so its own trigger is not
    required here (`_report_matches` asks for it where an event carries it).
    Only events of their articles' stories count: "the last major eruption,
    in 2020" is background they recall. `by_trigger`: only events that carry
    the counted mention's trigger ("after the trial opened": a trial).
    Returned apart, second: the days of counts in months or years from the
    article's own day ("A month after the tornado, families are still in
    trailers"), the same day of the month that many months after the event,
    and of counts from a noun that names its story's first event of a kind
    ("12 weeks after the evacuation", `_first_day_of_its_kind`), which name the
    article's day as a story day does."""
    counted = {d.trigger_span: d.counted for d in reading.drafts if d.counted is not None}
    # a report counted back from the article's own day further than the days an undated
    # report is tried on counts too: "destroyed by fire two weeks ago"
    ago = {c.start for c in reading.candidates if _counts_back_beyond_the_window(c)}
    if not (counted or ago) or not index.days:
        return [], []
    tried = max(index.days)
    ago = _moving_with_its_day(reading, ago, tried)
    # with articles that give its rarer names, only their events: the same words tell other stories too
    story = index.documents_of_its_story(_names(reading.drafts))
    out: list[set[date]] = []
    like_story_days: list[set[date]] = []
    timexes, day_before = None, None
    at = {c.start: c for c in reading.candidates}
    mentions = resolve_mentions(reading, tried)
    for m in mentions:
        count = counted.get(m.trigger_span)
        if count is None and (m.time_span is None or m.time_span[0] not in ago):
            continue
        if count is not None and count.base_told_before and _dates_its_kind_apart(m, mentions, counted):
            # "The search came a day after the company widened its recall ... the packs it recalled on
            # Wednesday": the article dates that kind of event itself, so the count may name another one
            continue
        calendar = _calendar_count(count) if count is not None else None
        # "A month after a tornado flattened the town, families are still in trailers": months
        # counted from the article's own day date the event at a month's grain only
        from_its_day = calendar is not None and count.base is None and m.interval.grain not in merge.PRECISE
        if from_its_day and by_trigger \
                or not from_its_day and (not merge.is_precise(m.interval) or m.interval.start is None):
            continue
        if count is not None and count.base is not None and (count.base.fields.get("month")
                                                             or count.base.fields.get("year")):
            continue  # "three days after 12 January": a calendar date, whatever the article's day
        from_a_weekday = count is not None and count.base is not None and _names_a_weekday(count.base)
        if count is not None and not from_its_day and not from_a_weekday:
            # "phoned the owner at 3.44am, three minutes before a guest dialled 112", the clock time
            # on the "January 14" named before it: a count that stays put when the article's day
            # moves says nothing of that day
            if day_before is None:  # (a trigger may be reported twice: with its count and without)
                day_before = {(x.trigger_span, x.time_span): x
                              for x in resolve_mentions(reading, tried - timedelta(days=1))}
            if not _a_day_later(m, day_before.get((m.trigger_span, m.time_span))):
                continue
        spread, back = 0, 0
        if from_a_weekday:
            # "on Friday, four days after X": read from `tried`, Friday is the one `back` days
            # before it; from the article's own day it may be any of the week before that day
            timexes = timexes if timexes is not None else resolve_timexes(reading, tried)
            base = timexes.get(count.base.start)
            base_day = base.interval.start if base is not None and base.interval is not None else None
            spread, back = WEEKDAY_COUNT_SPREAD, (tried - base_day).days if base_day is not None else 0
        days: set[date] = set()
        stems = merge.trigger_stems(m.trigger) if by_trigger else None
        # (the counted phrase's own words too: "charged ... 100 days after the parking garage gave way")
        words, names = (merge.words_of(m) | count.words, m.participants | count.names) if count is not None \
            else (merge.words_of(m), m.participants)
        named = [event for event, _ in index.sharing_content(words, names)
                 if (stems is None or stems & event.cluster.words) and _in_its_story(event, index)
                 and (not story or story & set(event.event.sources))]
        from_its_own_day = count is not None and count.base is not None and _names_its_own_day(count.base)
        to_the_day = from_its_own_day and _said_to_the_day(reading.doc.text, count)
        if count is not None:
            # "Yesterday, 26 weeks after gardaí carried the first boxes out of a house, the library
            # opened an exhibition": an event the counted phrase shares nothing with is the exhibition's
            named = [event for event in named if count.words & event.cluster.words
                     or count.names & event.cluster.parts] or named
        if stems is None:
            # of the events that share its content, those its own word tells are the one it
            # names ("two days after the rescue": the rescue, not what was said of it that day)
            own = merge.trigger_stems(m.trigger)
            telling = [event for event in named if own & event.cluster.words]
            if telling and to_the_day:
                # "yesterday, six months to the day after five people died in a crush": of the events
                # its word tells as their own, a follow-up counting to the day counts from the first
                # (later deaths are the story's news); narrowing a count not said to the day to one
                # event would make it weigh as a story day (below) on a guess
                told = [event for event in telling
                        if any(own & merge.trigger_stems(report.trigger) for report in event.event.mentions)] \
                    or telling
                first_told = min(event.event.interval.start for event in told)
                telling = [event for event in told if event.event.interval.start == first_told]
            named = telling or named
        # "12 weeks after the evacuation", not "after it ran aground in a storm"
        bare = count is not None and not by_trigger \
            and _BARE_EVENT_NOUN.fullmatch(reading.doc.text, count.end, m.trigger_span[1]) is not None
        first = _first_day_of_its_kind(m, index, story, named) if bare else None
        named_days = {event.event.interval.start for event in named}
        anniversary = _anniversary(at[m.time_span[0]]) if count is None and m.time_span[0] in at else None
        for start in [first] if first is not None else [_day_counted_from(event.event.interval, named_days)
                                                         for event in named]:
            if anniversary is not None:  # "three months ago today": to the day, whatever the months' lengths
                unit, n, named_day = anniversary
                days.add(resolve.shift(start, unit, n) - timedelta(days=named_day))
                continue
            day = resolve.shift(start, *calendar) if from_its_day \
                else tried + _gap(start, m.interval.start, calendar) - timedelta(days=back)
            days.update(day + timedelta(days=k) for k in range(spread + 1))
        if days:
            # (told to the day, or naming one event: a count from "yesterday" that content matches
            # to several events of its story only weighs against the days it misses)
            names_the_day = to_the_day or from_its_own_day and len(days) == 1
            (like_story_days if from_its_day or first is not None or anniversary or names_the_day
             else out).append(days)
    return out, like_story_days


# the words by which an article names its own day or the day before it
_OWN_DAY_WORDS = frozenset({"yesterday", "today", "tonight", "last", "this"})


def _said_to_the_day(text: str, count) -> bool:
    """"exactly a month after", "a year to the day after", "on the first anniversary of": a
    count that lands on a day, whatever its unit."""
    return bool(_TO_THE_DAY_BEFORE.search(text, max(0, count.offset.start - 12), count.offset.start)
                or _TO_THE_DAY.search(text, count.offset.start, count.end + 16)
                or count.offset.rule == mention_finder.ANNIVERSARY_RULE)


def _names_its_own_day(base: Candidate) -> bool:
    """"yesterday, 26 days after she was stung", "last night, a week after the flood": a count
    from the day the article names as its own or the day before it lands on the event it names
    as a story day does: to the day, whatever day the article has."""
    word = str(base.fields.get("word") or base.fields.get("rel") or "").lower()
    return base.rule in ("day_relative", "part_of_day_relative") and word in _OWN_DAY_WORDS


def _day_counted_from(iv: Interval, named_days: set[date]) -> date:
    """The day an amount counts from an event on: a night's is its morning when
    another report of the happening is dated on that morning ("16 weeks after a
    tank split", told as "overnight" and as "in the early hours of February 9")."""
    return iv.end if iv.grain == "night" and iv.end in named_days else iv.start


def _first_day_of_its_kind(m: Mention, index: _EvidenceIndex, story: set[str],
                           named: Sequence[merge.EventMatcher]) -> date | None:
    """For a count from a noun that names one kind of happening ("12 weeks after
    the evacuation", "100 days after the fire"), the day its story's earliest
    event of that kind began.  The noun names the happening the story is
    about, not the later reports whose sentences share more of the count's
    words ("engineers said a safety review of the tower would begin on
    Friday").  Only when some event of the story is told by the noun or its
    verb ("were evacuated"); then the events that share the count's content
    (`named`) and carry the noun are of the kind too ("the fire broke out").
    A story that never uses the word ("plunged into a ravine") leaves the count
    to the content match."""
    kinds = merge.trigger_stems(m.trigger) & merge.kind_words()
    told = [event for word in kinds for event in index.by_word.get(word, ())
            if _in_its_story(event, index) and (not story or story & set(event.event.sources))
            and any(kinds & merge.trigger_stems(report.trigger) for report in event.event.mentions)]
    if not told:
        return None
    carrying = [event for event in named if kinds & event.cluster.words]
    return min(event.event.interval.start for event in told + carrying)


def _gap(event_day: date, counted_to: date, calendar: tuple[str, int] | None) -> timedelta:
    """How far the day a count lands on (read from the trial day) is from the event it
    names: a plain difference, or, for "exactly a month after" (`calendar`), the same day
    of another month, whose length varies."""
    if calendar is None:
        return event_day - counted_to
    unit, n = calendar
    return resolve.shift(event_day, unit, n) - resolve.shift(counted_to, unit, n)


def _calendar_count(count) -> tuple[str, int] | None:
    """(unit, amount from the event to the day it is counted from) for a count in
    months or years ("exactly a month after the fireball"); None in days or weeks."""
    lex = load_timex_lexicon()
    unit, n = lex.unit_of(count.offset.fields.get("unit") or ""), lex.number_of(count.offset.fields.get("num") or "")
    if unit not in ("month", "quarter", "year") or n is None or n != int(n):
        return None
    return unit, -count.sign * int(n)


# "24 days after the blaze": a bare noun of harm names the harm its story began with
_BARE_EVENT_NOUN = re.compile(r"\s+(?:the\s+)?(?P<noun>[a-z]+)", re.IGNORECASE)
_HARM_KINDS = frozenset({"accident", "attack", "sabotage"})


def _dates_its_kind_apart(m: Mention, mentions: list[Mention], counted: dict) -> bool:
    """Does the article date, by a time of its own, another report with `m`'s trigger word?"""
    stems = merge.trigger_stems(m.trigger)
    return any(o is not m and o.time_span is not None and o.trigger_span not in counted
               and stems & merge.trigger_stems(o.trigger) for o in mentions)


def _days_counted_from_its_story_event(reading: _Reading, index: _EvidenceIndex) -> list[set[date]]:
    """For each count from "yesterday" or "today" back to a bare noun of harm
    that shares nothing else with a dated event ("announced yesterday, 24 days
    after the blaze"), the days the article can be written on for the count to
    land on the earliest harm of that kind its story's dated articles report.
    A follow-up names the harm its story began with by a word of its kind."""
    counted = {d.trigger_span: d.counted for d in reading.drafts if d.counted is not None}
    if not counted or not index.days:
        return []
    lex = event_lexicon()
    tried = max(index.days)
    story = index.documents_of_its_story(_names(reading.drafts))
    events = {id(e): e for day_events in index.by_day.values() for e in day_events}.values()
    out: list[set[date]] = []
    for m in resolve_mentions(reading, tried):
        count = counted.get(m.trigger_span)
        if count is None or m.interval.start is None or not merge.is_precise(m.interval):
            continue
        # the noun right after "after": not "after it ran aground in a storm"
        bare = _BARE_EVENT_NOUN.fullmatch(reading.doc.text, count.end, m.trigger_span[1])
        if bare is None:
            continue
        if count.base is None or count.base.rule != "day_relative":
            continue  # a weekday or a calendar date: the rules above read those
        kind = lex.noun_category.get(bare.group("noun").lower())
        if kind not in _HARM_KINDS or _names_a_dated_event(m, reading.doc.id, index, frozenset(story)):
            continue
        harms = [e.event.interval.start for e in events if e.event.category == kind and _in_its_story(e, index)
                 and (not story or story & set(e.event.sources))]
        if not harms:
            continue
        out.append({tried + _gap(min(harms), m.interval.start, _calendar_count(count))})
    return out


# The lead's "the 12th day of the strike" is the article's day or the day before it.
STORY_DAY_LEAD_SPREAD = 1
# A day on which a story day it names falls weighs like a report matched by name;
# one on which a story day disagrees with the article's own start, like a missed count.
STORY_DAY_WEIGHT = 1.0
STORY_DAY_MISS_PENALTY = 1.0
STORY_DAY_FIT_BONUS = 0.1  # a tie-breaker: a weekday fits every seventh day


def _starts_told_by(story: set[str], index: _EvidenceIndex) -> dict[str, date]:
    """When the dated articles of `story` say things began, by noun stem (the earliest)."""
    return story_days.earliest(pair for doc_id in story for pair in index.story_starts.get(doc_id, {}).items())


def _days_its_story_days_name(reading: _Reading, index: _EvidenceIndex) -> list[set[date]]:
    """For each story day of an undated article whose start its story's dated
    articles tell ("the 12th day of the strike", the strike begun on June 5),
    the days the article can have been written on: those on which the date it
    is set beside names that day ("today, the third day of rationing"), or, in
    its lead, that day and the next."""
    days_of = [c for c in reading.candidates if c.rule == story_days.RULE]
    if not days_of or not index.story_starts:
        return []
    story = index.documents_of_its_story(_names(reading.drafts)) or set(index.story_starts)
    told = _starts_told_by(story, index)
    lead = [s for s in reading.sentences if s.is_story and not s.heading][:2]
    lead_end = lead[-1].end if lead else 0
    out = []
    for cand in days_of:
        start = told.get(story_days.key_of(cand))
        if start is None:
            continue
        named = start + timedelta(days=cand.fields["n"] - 1)
        base = story_days.apposed_to(cand, reading.doc.text, reading.candidates)
        if base is not None:
            # the article's days on which its apposed date ("today", "on Friday") is that day
            days = {day for day in (named + timedelta(days=k) for k in range(-1, 8))
                    if _single_day(resolve_timexes(reading, day)[base.start].interval, night_from_its_evening=True)
                    == named}
        elif cand.start < lead_end:
            days = {named + timedelta(days=k) for k in range(STORY_DAY_LEAD_SPREAD + 1)}
        else:
            continue
        if days:
            out.append(days)
    return out


def _days_its_own_dated_starts_fix(reading: _Reading, index: _EvidenceIndex) -> list[set[date]]:
    """For each story day an undated article sets beside a day of its own whose
    start it tells itself by a calendar date its story's articles do not ("told the
    court yesterday, on the third day of the trial" and "the trial opened on
    January 14"), the days it can be written on: those on which its own day is
    that story day, the start read in a year of its story or the next (a trial
    follows what it tries by months; the date gives no year)."""
    apposed = [(c, base) for c in reading.candidates if c.rule == story_days.RULE
               and (base := story_days.apposed_to(c, reading.doc.text, reading.candidates)) is not None]
    if not apposed or not index.days:
        return []
    text = reading.doc.text
    tried = max(index.days)
    begun = story_days.begun(text, resolve_mentions(reading, tried))
    # a date of the calendar reads the same from a fortnight earlier; "began on Wednesday" does not
    fortnight_before = story_days.begun(text, resolve_mentions(reading, tried - timedelta(days=14)))
    begun = {key: day for key, day in begun.items()
             if key in fortnight_before and (fortnight_before[key].month, fortnight_before[key].day)
             == (day.month, day.day)}
    story = index.documents_of_its_story(_names(reading.drafts))
    told = _starts_told_by(story, index)
    keys = {story_days.key_of(c) for c, _ in apposed} & begun.keys() - told.keys()
    years = {index.first_day[doc].year for doc in story if doc in index.first_day}
    if not keys or not years:
        return []
    out = []
    for cand, base in apposed:
        key = story_days.key_of(cand)
        if key not in keys:
            continue
        days = set()
        for year in sorted(years | {y + 1 for y in years}):
            try:
                start = begun[key].replace(year=year)
            except ValueError:  # 29 February
                continue
            named = start + timedelta(days=cand.fields["n"] - 1)
            days.update(day for day in (named + timedelta(days=k) for k in range(-1, 8))
                        if _single_day(resolve_timexes(reading, day)[base.start].interval,
                                       night_from_its_evening=True) == named
                        and story_days.begun(text, resolve_mentions(reading, day)).get(key) == start)
        if days:
            out.append(days)
    return out


# "staff began an open-ended strike this morning": a beginning told by a day of the article's own
_OWN_START_RULES = frozenset({"day_relative", "part_of_day_relative"})  # a weekday fits a week of days
OWN_START_REACH_DAYS = 7


def _days_its_own_starts_name(reading: _Reading, index: _EvidenceIndex) -> list[set[date]]:
    """For each beginning an undated article tells by a day of its own ("staff
    began an open-ended strike this morning") of something whose start its
    story's dated articles tell (the strike that began on 3 February), the days
    it can be written on: those, up to a week on, on which its own day is that
    start."""
    if not index.story_starts or not index.days:
        return []
    own = {c.start for c in reading.candidates if c.rule in _OWN_START_RULES}
    if not own:
        return []

    def own_starts(day: date) -> dict[str, date]:
        return story_days.begun(reading.doc.text, [m for m in resolve_mentions(reading, day)
                                                   if m.time_span is not None and m.time_span[0] in own])
    keys = set(own_starts(max(index.days)))
    if not keys:
        return []
    # only its own story's: every word of a beginning's sentence is a key ("work", "road")
    story = index.documents_of_its_story(_names(reading.drafts))
    told = _starts_told_by(story, index)
    out = []
    for key in sorted(keys & told.keys()):
        start = told[key]
        days = {day for day in (start + timedelta(days=k) for k in range(OWN_START_REACH_DAYS + 1))
                if own_starts(day).get(key) == start}
        if days:
            out.append(days)
    return out


# "yesterday, 22 days after the election of Tuesday, March 19": a day of the article's
# own ("yesterday", "on Wednesday", "this morning"), an exact count after, and a
# calendar date in the same clause
_OWN_DAY_RULES = frozenset({"day_relative", "part_of_day_relative", "weekday", "time_of_day"})
_BASE_TO_COUNT = re.compile(r",?\s*(?:exactly\s+|just\s+)?", re.I)
_COUNT_TO_DATE = re.compile(r"\s+(?:after|before)\b[^.;:!?]{0,60}$", re.I)
_CALENDAR_RULES = frozenset({"month_day", "day_month", "iso_date"})
_COUNT_SIGN = {"after": 1, "before": -1}


def _days_its_counts_between_dates_fix(reading: _Reading, index: _EvidenceIndex) -> list[set[date]]:
    """For each count an undated article sets between a day of its own and a
    calendar date or a holiday ("certified the results yesterday, 22 days after
    the election of Tuesday, March 19", "were jailed yesterday, a week before
    Christmas"), the days it can be written on: those on which its own day
    falls that many days after (or before) the date.  The date needs no
    other article, but its year is one of the story's (or the year it gives)."""
    text, cands, lex = reading.doc.text, reading.candidates, load_timex_lexicon()
    # the years of its story's articles, when its names say which story (a collection of many
    # stories has many years: "a week before Christmas" would name a day in each)
    story = index.documents_of_its_story(_names(reading.drafts))
    years = {day.year for doc in story for day in index.days_of_document.get(doc, ())} \
        or {day.year for day in index.days}
    out = []
    for k in range(1, len(cands) - 1):
        base, count, target = cands[k - 1], cands[k], cands[k + 1]
        if count.rule != "offset" or count.fields.get("dir2") not in _COUNT_SIGN \
                or target.rule not in _CALENDAR_RULES | {"holiday"} \
                or base.rule not in _OWN_DAY_RULES or (base.rule == "time_of_day" and not base.fields.get("weekday")) \
                or not _BASE_TO_COUNT.fullmatch(text, base.end, count.start) \
                or not _COUNT_TO_DATE.search(text, count.end, target.start):
            continue
        n, unit = lex.number_of(count.fields.get("num") or ""), lex.unit_of(count.fields.get("unit") or "")
        if n is None or n != int(n) or unit not in ("day", "week", "month"):
            continue  # "a few days after": no exact day
        days = set()
        for named in _calendar_dates(target, sorted(years)):
            own_day = resolve.shift(named, unit, _COUNT_SIGN[count.fields["dir2"]] * int(n))
            for day in (own_day + timedelta(days=k) for k in range(0, 8)):
                timexes = resolve_timexes(reading, day)
                if _single_day(timexes[base.start].interval) == own_day \
                        and _single_day(timexes[target.start].interval) == named:
                    days.add(day)
        if days:
            out.append(days)
    return out


def _calendar_dates(cand: Candidate, years: Sequence[int]) -> list[date]:
    """The days a calendar date may be: in the year it gives, else in each of `years`
    ("March 19"); none when it is no day of them (a 29 February)."""
    lex = load_timex_lexicon()
    if cand.rule == "holiday":  # "a week before Christmas"
        holiday = lex.holidays[normalize_name(cand.fields["holiday"])].for_country(cand.fields.get("country"))
        return [holiday.on(y) for y in years] if holiday.has_a_day else []
    try:
        month, day_of_month = lex.month_of(cand.fields["month"]), int(cand.fields["day"])
        given = cand.fields.get("year") or ""
        if given.isdigit() and len(given) == 4:
            return [date(int(given), month, day_of_month)]
        return [date(y, month, day_of_month) for y in years]
    except (KeyError, ValueError):
        return []


# A follow-up is written within this many days after the latest date it tells as done,
# which lies at most FOLLOW_UP_GAP_DAYS after the last day its story made a candidate
FOLLOW_UP_REACH_DAYS = 14
FOLLOW_UP_GAP_DAYS = 92
# A date without its year told as done lies at most this far before the story's first candidate
# day (a date of the story's own year, or of its year before)
YEARLESS_BACK_DAYS = 60
_AN_INFINITIVE = re.compile(r"\bto\s+[a-z]+")


def _past_verb_form(trigger: str) -> bool:
    """Whether a trigger ends in a past form ("bitten", "closed", "found"), not a noun
    whose tense its clause lends it ("the couriers caught ... go on trial on May 7")."""
    word = trigger.split()[-1].lower() if trigger.split() else ""
    forms = event_lexicon().verb_forms
    return word.endswith(("ed", "en")) or forms.get(word, word) != word


def _days_after_the_dates_it_tells_done(reading: _Reading, candidates: Sequence[date],
                                        index: _EvidenceIndex) -> list[set[date]]:
    """When the article tells as done an event on a calendar date later than every
    day its story made a candidate ("the boy was bitten on Nov. 12", of a story
    whose dated articles are of early October), the days it can be written on:
    that date and the FOLLOW_UP_REACH_DAYS after it.  A follow-up weeks after its
    story was otherwise dated near the story's days, the only ones tried.  Not
    a date without its year that, a year earlier, is the day of an event of the
    collection its sentence tells ("the ferry struck the quay in the early hours
    of January 9", of a trial in October: the crash the first report dated)."""
    if not candidates:
        return []
    first, last = min(candidates), max(candidates)
    text = reading.doc.text
    beyond: set[date] = set()
    plain_past = False
    for draft in reading.drafts:
        cand = draft.candidate
        if cand is None or cand.rule not in _CALENDAR_RULES or not _tells_as_done(text, draft) \
                or draft.only_if_matched \
                or _AN_INFINITIVE.search(text, min(draft.clause_span[0], cand.start), cand.start) \
                or _DEADLINE_LEAD_IN.search(text, max(0, cand.start - 4), cand.start) \
                or _tense_for(reading, cand, draft) not in _TOLD_AS_DONE:
            # "was remanded in custody to reappear on March 4", "asked for submissions by
            # March 20", "remain in custody and go on trial on May 7": no date of a thing done
            continue
        told = min((d for d in _calendar_dates(cand, [first.year - 1, first.year, first.year + 1])
                    if d >= first - timedelta(days=YEARLESS_BACK_DAYS)), default=None)
        if told is not None and last < told <= last + timedelta(days=FOLLOW_UP_GAP_DAYS) \
                and not _a_reported_day(draft, _calendar_dates(cand, [told.year - 1]), index):
            beyond.add(told)
            plain_past = plain_past or _past_verb_form(draft.trigger)
    if not (len(beyond) >= 2 or plain_past):
        return []  # one date of a noun alone may be a misread tense ("caught ... go on trial on May 7")
    latest = max(beyond)
    return [{latest + timedelta(days=k) for k in range(FOLLOW_UP_REACH_DAYS + 1)}]


def _a_reported_day(draft: mention_finder.Draft, days: Sequence[date], index: _EvidenceIndex) -> bool:
    """Whether one of `days` is the day of an event of the collection that shares
    the draft's content."""
    return any(event.event.interval.start <= day <= event.event.interval.end
               for event, _ in index.sharing_content(draft.keywords, draft.participants) for day in days)


def _names_a_dated_event(m: Mention, doc_id: str, index: _EvidenceIndex, story: frozenset = frozenset()) -> bool:
    """Whether an event of the collection, on any day, shares a counted mention's
    content and its trigger: when none does, the count names something no dated
    article reports, and its sentence's words are all there is to match.  Only
    events dated to a day or less: a gym's roof that "caved in" a year ago is not
    named by a bowling alley's that "caved in" in February 2014, recalled as
    background.  With a `story` (the documents of the article's story), only
    their events: "the fire" of a lodge's story is not named by another story's
    "fire chief"."""
    key = (doc_id, m.trigger_span, story)
    if key not in index.counts_named:
        stems = merge.trigger_stems(m.trigger)
        index.counts_named[key] = any(stems & event.cluster.words and (not story or story & set(event.event.sources))
                                      and event.event.interval.grain in merge.PRECISE
                                      for event, _ in index.sharing_content(merge.words_of(m), m.participants))
    return index.counts_named[key]


def _in_its_story(event: merge.EventMatcher, index: _EvidenceIndex) -> bool:
    """A precise event on or after the day its articles' story starts."""
    iv = event.event.interval
    starts = [index.first_day[doc] for doc in event.event.sources if doc in index.first_day]
    return iv.start is not None and merge.is_precise(iv) and bool(starts) and iv.start >= min(starts)


def _days_of_its_story(reading: _Reading, candidates: Sequence[date],
                       index: _EvidenceIndex) -> tuple[list[date], set[str]]:
    """The candidate days that belong to this article's story, and the articles of
    that story when its names chose them (else none): the days the collection's
    articles that give its rarer names (see `documents_of_its_story`) made
    candidates.  With no such article, the days near the events its reports could match
    (`_days_near_what_it_could_report`).  On a day far from all of those,
    nothing it reports can match, or only what unrelated stories share ("said
    in a statement"), so it scores nothing; trying every day of the collection
    made dating undated articles quadratic in the collection's size (each new
    day was tried for each)."""
    if reading.doc.id in index.documents:
        return list(candidates), set()  # its own sentences are evidence: they match on content alone
    story = index.documents_of_its_story(_names(reading.drafts))
    story_days = {day for doc in story for day in index.days_of_document[doc]}
    if not story_days:
        return _days_near_what_it_could_report(reading, candidates, index), set()
    # as `_collection_dates` makes candidates of them
    spans = [(day - timedelta(days=COLLECTION_DAYS_BEFORE), day + timedelta(days=COLLECTION_DAYS_AFTER))
             for day in story_days]
    return _within(candidates, spans), story


# how many content words and names a report shares with an event of its story for the days
# after that event to be tried; and what such a day far from the story's articles gives up
# (a tie goes to a day near them: "gave his last concert in Accra" recalled in April names December)
STORY_EVENT_SHARED_MIN = 2
FAR_DAY_PENALTY = 0.05


def _days_after_its_storys_events(reading: _Reading, index: _EvidenceIndex, story: set[str]) -> set[date]:
    """The days just after the events of its story that its reports share content
    with (STORY_EVENT_SHARED_MIN), however far from the days of the story's dated
    articles: the first report of a story is written long before the follow-ups
    that recall its events ("seized in the early hours of August 8", in October).
    Only events those articles tell as done, not what they look ahead to; and not
    for an article that counts from an event, which says itself how long after it
    it was written."""
    if any(d.counted is not None for d in reading.drafts) \
            or any(_counts_back_beyond_the_window(c) for c in reading.candidates):
        return set()
    days: set[date] = set()
    for event, n in _events_its_reports_share(reading, index).values():
        written = [day for doc in event.event.sources for day in index.days_of_document.get(doc, ())]
        end = event.event.interval.end
        if n >= STORY_EVENT_SHARED_MIN and story & set(event.event.sources) and written and end <= max(written):
            days.update(end + timedelta(days=k) for k in range(COLLECTION_DAYS_AFTER + 1))
    return days


def _events_its_reports_share(reading: _Reading, index: _EvidenceIndex) -> dict[int, tuple[merge.EventMatcher, int]]:
    """The precise events its reports share content with, by id, each with the most
    any one report shares with it."""
    text = reading.doc.text
    matchable: dict[int, tuple[merge.EventMatcher, int]] = {}
    for draft in reading.drafts:
        if draft.only_if_matched:
            continue  # a headline that only restates the story points nowhere new
        words = merge.words_in(draft.keywords, text[draft.sentence.start:draft.sentence.end])
        for event, shared in index.sharing_content(words, draft.participants):
            if shared > matchable.get(id(event), (None, 0))[1]:
                matchable[id(event)] = (event, shared)
    return matchable


def _days_near_what_it_could_report(reading: _Reading, candidates: Sequence[date],
                                    index: _EvidenceIndex, only_closest: bool = False) -> list[date]:
    """The candidate days within REPORT_REACH_DAYS of an event whose content
    one of its reports shares; `only_closest`: of the events that share the
    most with one of them (the few a report's own words point to, where
    "officials said" reaches most of a large collection)."""
    matchable = _events_its_reports_share(reading, index)
    events = [event for event, _ in matchable.values()]
    if only_closest and matchable:
        most = max(shared for _, shared in matchable.values())
        events = [event for event, shared in matchable.values() if shared == most]
    reach = timedelta(days=REPORT_REACH_DAYS + COLLECTION_DAYS_AFTER + 1)
    return _within(candidates, [(e.event.interval.start - reach, e.event.interval.end + reach) for e in events])


def _within(days: Sequence[date], spans: list[tuple[date, date]]) -> list[date]:
    """Those of `days` (in order) inside any of the (first, last) spans."""
    if not spans:
        return []
    spans = sorted(spans)
    merged = [list(spans[0])]
    for lo, hi in spans[1:]:
        if lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out: list[date] = []
    for lo, hi in merged:  # a few spans, many days: find each span's days by bisection
        out.extend(days[bisect.bisect_left(days, lo):bisect.bisect_right(days, hi)])
    return out


@dataclass
class _Score:
    """A day's score for `reference.from_collection`, whether any report
    matched an event of an article naming the same people and places, and
    the days worth scoring (on any other the score is 0)."""
    function: Callable[[date], tuple]
    named: bool
    days: Sequence[date]
    tie_break: Callable[[date], int] | None = None  # among days that score alike, the lowest wins

    def __call__(self, day: date) -> tuple:
        return self.function(day)


def _names_shared_near(reading: _Reading, day: date, dated: Sequence[_Reading],
                       decisions: dict[str, reference.Decision], within_days: int = 183,
                       stated: Sequence[tuple[_Reading, date]] = ()) -> int:
    """The most names this article shares with one dated article from within
    half a year of `day`, or with an undated one that states a day so near:
    how much it looks like that story."""
    near = [(other, decisions[other.doc.id].date) for other in dated] + list(stated)
    return max((len(reading.names & other.names) for other, near_day in near
                if abs((near_day - day).days) <= within_days), default=0)


def _story_by_names(reading: _Reading, dated: Sequence[_Reading],
                    decisions: dict[str, reference.Decision],
                    index: _EvidenceIndex | None = None) -> reference.Decision | None:
    """An article none of whose reports match a dated event, but which names
    the people and places of one dated article more than any other, belongs to
    that story: it takes that article's date (its relative dates then miss by
    days, not by the months or years an assumed date can), or the nearest day
    from which its lead's news does not fall before that story began, and
    the days it names ("last night") meet most of the days that story looked
    ahead to ("a reception is planned on Monday evening")."""
    best = min(dated, default=None, key=lambda o: (-len(reading.names & o.names), decisions[o.doc.id].date,
                                                   o.doc.id))
    if best is None or len(reading.names & best.names) < STORY_MIN_SHARED_NAMES:
        return None
    ref, doc_id = decisions[best.doc.id].date, best.doc.id
    start = index.first_day.get(doc_id, ref) if index is not None else ref
    plans = index.plan_days.get(doc_id, set()) if index is not None else set()

    def early(day: date) -> list[str]:
        return _named_before_the_story(reading, day, start)

    def plans_met(day: date) -> int:
        return _plans_met(reading, day, plans)
    def lead_reports(day: date) -> bool:
        return _lead_reports_the_day(reading, resolve_mentions(reading, day), day)
    window = [ref + timedelta(days=k) for k in range(-COLLECTION_DAYS_BEFORE, COLLECTION_DAYS_AFTER + 1)]
    day = min(window, key=lambda d: (len(early(d)), not lead_reports(d), -plans_met(d), abs((d - ref).days), d))
    names = ", ".join(sorted(reading.names & best.names)[:6])
    evidence = f"no report matches an event of an article naming its people and places; names those of " \
               f"{doc_id} ({names}), dated {ref.isoformat()}"
    if day != ref and lead_reports(day):
        evidence += "; its lead reports the day"
    if early(ref) and not early(day):
        evidence += f"; read from that day, {', '.join(repr(t) for t in early(ref)[:3])} would fall before " \
                    f"its story began ({start.isoformat()})"
    if plans_met(day):
        evidence += f"; the days it names meet the days {doc_id} looked ahead to"
    return reference.Decision(day, "collection", evidence)


def _names(mentions: Sequence) -> frozenset:
    """The named participants of mentions (or of the drafts they are made from), speakers aside."""
    return frozenset(p for m in mentions for p in m.participants if not p.startswith(merge.SPEAKER_MARK))


# A weekday with one of these ("last Friday", "this past Friday") names a day
# further back than yesterday: no sign of when the article was written.
_FURTHER_BACK = frozenset({"last", "past", "this past"})


def _lead_reports_the_day(reading: _Reading, resolved: Sequence[Mention], day: date) -> bool:
    """News leads report the day's news: "the hospital said on Friday" or
    "yesterday" in the first sentences most likely names the article's own day
    or the day before; "last Friday" does not, nor a plan ("will reopen on
    Friday")."""
    lead = [s for s in reading.sentences if s.is_story and not s.heading][:2]
    if not lead:
        return False
    lead_end = lead[-1].end
    for m in resolved:
        if m.time_span is None or m.time_span[0] >= lead_end or m.interval.grain not in merge.PRECISE:
            continue
        # "late on Wednesday" spans its lead-in too: the candidate is inside the span
        cand = next((c for c in reading.candidates
                     if m.time_span[0] <= c.start and c.end <= m.time_span[1]), None)
        if cand is None or timex.is_anchor_free(cand):
            continue
        if cand.fields.get("weekday") and str(cand.fields.get("rel", "")).lower() in _FURTHER_BACK:
            continue  # "last Friday": the day before is "yesterday"; this one is further back
        if _in_aside(reading.doc.text, cand.start):
            continue  # "Wanjiru, who broke the record on Sunday, has been suspended": who she is
        if _tense_for(reading, cand, reading.draft_of.get(cand.start)) == "future":
            continue  # "will return on Thursday" is written before that day, not on it
        if m.interval.grain != "night" and m.interval.start != m.interval.end:
            continue  # "over the weekend" names no day: it is said as well on Monday as on Wednesday
        last = m.interval.end
        return last is not None and day - timedelta(days=1) <= last <= day
    return False


_ASIDE_OPENING = re.compile(r",\s+(?:who|which|whose)\b[^,.;:!?\n]*$", re.IGNORECASE)


def _in_aside(text: str, pos: int) -> bool:
    """Whether `pos` is inside a relative clause between commas, which says
    who or what the subject is, not the news."""
    return bool(_ASIDE_OPENING.search(text, max(0, pos - 200), pos))


def _collection_dates(index: _EvidenceIndex) -> list[date]:
    dates = set()
    for day in index.days:
        for k in range(-COLLECTION_DAYS_BEFORE, COLLECTION_DAYS_AFTER + 1):
            dates.add(day + timedelta(days=k))
    return sorted(dates)


def reference_dates(readings: Sequence[_Reading], known_events: Sequence[Event] = (),
                    today: date | None = None) -> dict[str, reference.Decision]:
    """Each document's reference date, by the precedence of CONTRACT §2."""
    decisions: dict[str, reference.Decision] = {}
    for r in readings:
        decision = reference.from_input(r.doc.published) or reference.from_text(r.doc.text, r.sentences, r.candidates)
        if decision is not None:
            decisions[r.doc.id] = decision
    undated = [r for r in readings if r.doc.id not in decisions]
    for r in undated:
        r.timexes_at = {}
    try:
        return _dated_by_the_collection(readings, decisions, known_events, today)
    finally:
        for r in undated:
            r.timexes_at = None


def _dated_by_the_collection(readings: Sequence[_Reading], decisions: dict[str, reference.Decision],
                             known_events: Sequence[Event], today: date | None) -> dict[str, reference.Decision]:
    """`decisions` completed for the articles neither their input nor their text dates."""
    index = _EvidenceIndex()
    precise_known = [e for e in known_events if e.interval.start is not None and merge.is_precise(e.interval)]
    index.add(known_events, [e.interval.start for e in precise_known])
    for e in precise_known:
        for doc_id in e.sources:
            index.add_document(doc_id, _names(e.mentions), {e.interval.start})
    dated = [r for r in readings if r.doc.id in decisions]
    _add_evidence(index, dated, decisions)
    # A yearless dateline ("PLOVDIV, June 2") takes the year in which the
    # article agrees best with the collection.
    years = sorted({day.year for day in index.days})
    # an undated article of its story that states a year ("Updated: 09/03/2023") tells
    # a dateline's year as well as a dated one: each counts near the day it states
    stated = [(r, day) for r in readings if r.doc.id not in decisions
              for day in reference.stated_days(r.doc.text, r.candidates)]
    yearless = []
    options_of: dict[str, dict[date, reference.Decision]] = {}
    fits: dict[str, dict[date, tuple[int, int]]] = {}
    for r in readings:
        if r.doc.id in decisions:
            continue
        options = {d.date: d for year in _dateline_years(years, (today or date.today()).year)
                   if (d := reference.from_text(r.doc.text, r.sentences, r.candidates,
                                                year_hint=date(year, 7, 1))) is not None}
        if options:
            decisions[r.doc.id], by_weekdays = _dateline_year(r, options, years, index, dated, decisions,
                                                              [(o, day) for o, day in stated if o is not r])
            yearless.append(r)
            options_of[r.doc.id] = options
            if by_weekdays is not None:
                fits[r.doc.id] = by_weekdays
    _one_year_for_a_story(yearless, fits, options_of, decisions)
    _add_evidence(index, yearless, decisions)
    # Undated articles, repeatedly: one dated by the collection may be the
    # evidence another needs.
    pending = [r for r in readings if r.doc.id not in decisions]
    while pending and index.days:
        candidates = _collection_dates(index)
        newly = []
        for r in pending:
            constraints = reference.clues(r.doc.text, r.candidates)
            score = _collection_score(r, candidates, index)
            if not score.named:
                continue  # words shared with unrelated stories at most: wait for the rest to be dated
            decision = _from_collection(r, candidates, index, score, constraints)
            if decision is not None:
                decisions[r.doc.id] = decision
                newly.append(r)
        if not newly:
            break
        _add_evidence(index, newly, decisions)
        pending = [r for r in pending if r.doc.id not in decisions]

    candidates = _collection_dates(index)
    for r in pending:
        # the people and places of one story outweigh words shared with unrelated ones
        story = _story_by_names(r, dated + yearless, decisions, index)
        constraints = reference.clues(r.doc.text, r.candidates)
        if story is not None and all(test(story.date) for _, test in constraints):
            decisions[r.doc.id] = story
            continue
        score = _collection_score(r, candidates, index) if candidates else None
        decision = _from_collection(r, candidates, index, score, constraints) if score is not None else None
        if decision is not None:
            decisions[r.doc.id] = decision
            continue
        decisions[r.doc.id] = reference.assumed([d.date for d in decisions.values()], today, r.candidates,
                                                reference.yearless_dateline(r.doc.text, r.sentences, r.candidates),
                                                r.doc.text)
    return decisions


# A date falls on each weekday within this many years of any year, so that the
# years a dateline is tried in include one where it is any weekday its lead names.
WEEKDAY_CYCLE_YEARS = 6


def _dateline_years(evidenced: Sequence[int], this_year: int) -> list[int]:
    """The years to try a yearless dateline in: those the collection evidences, and
    enough around them that its day falls on every weekday in one of them, up to now."""
    if not evidenced:
        return []
    last = max(max(evidenced), min(max(evidenced) + WEEKDAY_CYCLE_YEARS, this_year))
    return list(range(min(evidenced) - WEEKDAY_CYCLE_YEARS, last + 1))


def _dateline_year(reading: _Reading, options: dict[date, reference.Decision], years: Sequence[int],
                   index: _EvidenceIndex, dated: Sequence[_Reading],
                   decisions: dict[str, reference.Decision],
                   stated: Sequence[tuple[_Reading, date]] = ()
                   ) -> tuple[reference.Decision, dict[date, tuple[int, int]] | None]:
    """Of the days a yearless dateline names in the years tried, the one the
    collection agrees with best; with no report to compare, the story it shares
    names with decides (a dated article's, or an undated one's that states a day
    near: `stated`); with none, a year from whose dateline day the weekdays
    the lead names reach back least (wire copy names its dateline's own day by
    its weekday: "MANILA, Aug 11 - ... erupted early on Wednesday", and what led
    to it by the days before), then any names, then the nearest year the
    collection evidences. Never before a year the article tells something past
    in ("the coalition that took office in 2023")."""
    floor = _latest_past_year(reading)
    if floor is not None and any(day.year >= floor for day in options):
        options = {day: d for day, d in options.items() if day.year >= floor}
    named = reference.lead_weekdays(reading.sentences, reading.candidates)

    def evidence(day: date) -> tuple:
        names = _names_shared_near(reading, day, dated, decisions, stated=stated)
        reach = sum((day.isoweekday() - weekday) % 7 for weekday in named)
        # no report can match in a year the collection evidences nothing near
        near = min(abs(day.year - y) for y in years)
        agreement = _agreement(reading, day, index)[0] if near <= 1 else 0.0
        # "fares were last raised in June 2015": news tells the last few years as past
        recent = floor is not None and 0 <= day.year - floor <= RECENT_PAST_YEARS
        return agreement, names >= STORY_MIN_SHARED_NAMES, -reach, names, recent, -near
    scored = {day: evidence(day) for day in sorted(options)}
    best = max(scored, key=scored.__getitem__)
    agreement, story, _, names, _, _ = scored[best]
    decision = options[best]
    if not agreement and not story and named:
        decision = dataclasses.replace(decision, evidence=_by_weekdays(decision, best) + (
            f", near a report sharing {names} of its names" if names else ""))
        return decision, {day: (-less_reach, -less_near) for day, (_, _, less_reach, _, _, less_near)
                          in scored.items()}
    return decision, None


def _by_weekdays(decision: reference.Decision, day: date, story: Sequence[str] = ()) -> str:
    """The evidence of a dateline placed in the year its lead's weekdays fit best."""
    with_story = f", and those of {', '.join(story)} of its story," if story else ""
    return decision.evidence.split(", year from")[0] + (
        f", in {day.year}: the year from whose {calendar.day_name[day.weekday()]} the weekdays its lead "
        f"names{with_story} reach back least")


# articles of one story whose yearless datelines are this close are placed in one stretch of time
STORY_DATELINES_WITHIN_DAYS = 183


def _one_year_for_a_story(yearless: Sequence[_Reading], fits: dict[str, dict[date, tuple[int, int]]],
                          options: dict[str, dict[date, reference.Decision]],
                          decisions: dict[str, reference.Decision]) -> None:
    """Yearless datelines of one story (articles that share its people and
    places), each placed only by the weekdays its lead names, are placed
    together: in the stretch of time where all their leads' weekdays reach
    back least, then nearest the years the collection evidences.  Alone,
    "PORTO, Oct 16 ... the deal was struck late on Tuesday" fits 2018, when
    the 16th was a Tuesday, as well as its story's year; with "LISBON, Oct 6
    ... voted at a mass meeting on Monday" of the same strike, only 2025 fits
    both.  `fits`: by article, each day tried and its (reach, distance in
    years from the collection's)."""
    placed: set[str] = set()
    for r in yearless:
        if r.doc.id not in fits or r.doc.id in placed:
            continue
        story = [r] + [o for o in yearless if o is not r and o.doc.id in fits and o.doc.id not in placed
                       and len(r.names & o.names) >= STORY_MIN_SHARED_NAMES]
        if len(story) < 2:
            continue
        placed.update(o.doc.id for o in story)
        best: tuple[tuple[int, int], list[date]] | None = None
        for anchor in sorted(fits[r.doc.id]):
            days = [min((d for d in fits[o.doc.id] if abs((d - anchor).days) <= STORY_DATELINES_WITHIN_DAYS),
                        key=lambda d: abs((d - anchor).days), default=None) for o in story]
            if None in days:
                continue
            total = tuple(map(sum, zip(*(fits[o.doc.id][d] for o, d in zip(story, days)))))
            if best is None or total < best[0]:
                best = (total, days)
        if best is None:
            continue
        for o, day in zip(story, best[1]):
            if day != decisions[o.doc.id].date:
                others = [x.doc.id for x in story if x is not o]
                decisions[o.doc.id] = dataclasses.replace(options[o.doc.id][day],
                                                          evidence=_by_weekdays(options[o.doc.id][day], day, others))


_PAST_TENSES = frozenset({"past", "perfect", "past_perfect"})
# of the years a yearless dateline fits equally, one this close after the latest year
# the article tells something past in is its likelier year
RECENT_PAST_YEARS = 2


def _latest_past_year(reading: _Reading) -> int | None:
    """The latest year the article dates something it tells as past ("the coalition
    that took office in 2023"): its own year is no earlier. A statement's year is
    its complement's, which may lie ahead ("said it would cut 2026 revenue"), and
    an expectation told in the past looks ahead ("results had been expected in 2026")."""
    years = [int(year) for c in reading.candidates
             if (year := c.fields.get("year")) and str(year).isdigit() and len(str(year)) == 4
             and not _attributive_year(reading.doc.text, c.end)
             and (d := reading.draft_of.get(c.start)) is not None and d.tense in _PAST_TENSES
             and not d.is_statement and _tense_for(reading, c, d) == "past"
             and not _LOOKS_AHEAD.search(reading.doc.text, d.clause_span[0], c.start)]
    return max(years, default=None)


# "results had been expected in 2026", "was due to open in 2027": a year ahead, told in the past
# ("has agreed to build by the end of 2017": a promise's year)
_LOOKS_AHEAD = re.compile(r"\b(?:expect\w*|due|scheduled|planned|plans?|forecast\w*|target\w*|aim\w*|hop\w*"
                          r"|projected|would|will|(?:agree|promise|pledge|vow|undert[ao]ok|commit|intend)\w*\s+to)\b",
                          re.IGNORECASE)
# "cut its 2026 revenue", "the 2024 season": a year that says which thing, not when
_WORD_AFTER = re.compile(r"\s+([a-z][\w'’-]*)")


def _attributive_year(text: str, end: int) -> bool:
    """A year before a noun ("its 2026 revenue"), not before a function word ("a loan
    programme in 2015 and has been cutting subsidies")."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1) not in STOPWORDS


def _from_collection(reading: _Reading, candidates: Sequence[date], index: _EvidenceIndex, score: _Score,
                     constraints: Sequence[tuple[str, Callable[[date], bool]]]) -> reference.Decision | None:
    """`reference.from_collection` by `score`; when no day scores above nothing
    (its matches all outweighed), a count that lands on an event carrying its
    trigger is tried as well, as when nothing matches at all."""
    decision = reference.from_collection(score.days, score, constraints, score.tie_break)
    if decision is None and score.days:
        score = _collection_score(reading, candidates, index, landings=True)
        decision = reference.from_collection(score.days, score, constraints, score.tie_break)
    return decision


def _add_evidence(index: _EvidenceIndex, readings: Sequence[_Reading],
                  decisions: dict[str, reference.Decision]) -> None:
    by_document = {r.doc.id: resolve_mentions(r, decisions[r.doc.id].date) for r in readings}
    for r in readings:
        index.story_starts[r.doc.id] = _starts_told(r, by_document[r.doc.id], decisions[r.doc.id].date)
    found = [m for mentions in by_document.values() for m in mentions]
    # A plan ("sentencing is set for May 23") is reported when it has happened:
    # its day is as good a place to look for the follow-up as the article's own.
    scheduled = []
    for doc_id, mentions in by_document.items():
        for m in mentions:
            if m.time_span is not None and _is_one_day(m.interval) \
                    and 0 < (m.interval.start - decisions[doc_id].date).days <= SCHEDULED_DAYS_AHEAD:
                scheduled.append(m.interval.start)
                index.plan_days[doc_id].add(m.interval.start)
    events = merge.merge(found)
    index.add(events, [decisions[r.doc.id].date for r in readings] + scheduled,
              {doc_id: _names(mentions) for doc_id, mentions in by_document.items()})
    # events every dated report of which looks ahead of its article: plans
    index.planned.update(e.id for e in events
                         if e.interval.grain in merge.PRECISE
                         and all(m.time_span is not None and m.interval.start is not None
                                and m.interval.start > decisions[m.document].date for m in e.mentions))
    for doc_id, mentions in by_document.items():
        ref = decisions[doc_id].date
        told = [m.interval.start for m in mentions
                if m.time_span is not None and m.interval.grain in merge.PRECISE
                and ref - timedelta(days=TOLD_DAYS_BACK) <= m.interval.start <= ref]
        index.first_day[doc_id] = min((day for day in told if day >= ref - timedelta(days=STORY_DAYS_BACK)),
                                      default=ref)
        # a roundup's earlier days were reported on the day too: look for undated reports there
        index.days.update(told)
        index.add_document(doc_id, _names(mentions), {ref, *told, *index.plan_days.get(doc_id, ())})


def _starts_told(reading: _Reading, mentions: Sequence[Mention], anchor: date) -> dict[str, date]:
    """`story_days.starts_told` of one article read at `anchor`."""
    timexes = resolve_timexes(reading, anchor) if story_days.in_(reading.candidates) else {}
    return story_days.starts_told(reading.doc.text, reading.candidates, timexes, mentions)


def _earliest_told_by_its_story(reading: _Reading, told: dict[str, dict[str, date]],
                                names: dict[str, frozenset]) -> dict[str, date]:
    """The earliest day, by noun stem, the other articles that name one of its
    people or places tell (every other article's, when none names them: as in
    dating it by its collection, `_days_its_story_days_name`): when things
    began (`story_days.starts_told`), or when they happened (`story_days.days_told`)."""
    others = [doc_id for doc_id in told if doc_id != reading.doc.id]
    story = [doc_id for doc_id in others if names.get(doc_id, frozenset()) & reading.names] or others
    return story_days.earliest(pair for doc_id in story for pair in told[doc_id].items())


def _names_what_it_tells(reading: _Reading, days_told: dict[str, date]) -> bool:
    """Whether an event day ("the morning of the raid") or a count from an event
    ("two days after the fire") of the article names an event its story's other
    articles date (`days_told`): only then does reading it again with them change it."""
    return bool(days_told) and (
        any(c.rule == story_days.EVENT_DAY_RULE and story_days.key_of(c) in days_told for c in reading.candidates)
        or any(d.after_event is not None and not d.after_event.words.isdisjoint(days_told) for d in reading.drafts))


_LASTING = re.compile(r"\b(?:until|till|through|throughout|over|for)\b", re.IGNORECASE)


def _a_lasting_state(m: Mention) -> bool:
    """"Will stay closed until Friday", "through the summer", "for the rest of the week":
    a state that lasts, which the golds do not count as an event.  Dropped from the
    timeline only: while an undated article is dated, what its story says stays shut
    until when is still evidence of the days it looks ahead to."""
    if m.time_span is None or m.trigger.split()[0].lower() not in mention_finder.STATE_VERBS \
            or m.time_span[0] < m.trigger_span[1]:
        return False
    between = m.sentence[m.trigger_span[1] - m.sentence_span[0]:m.time_span[0] - m.sentence_span[0]]
    return bool(_LASTING.search(between))


# "the fire that destroyed the roof", "the man who hijacked the flight", "when the
# wall collapsed": words that point back to a happening told before.  "The" counts with
# up to two words between it and the trigger ("where the tower crane collapsed"), so a
# subject such as "The three judges ruled" passes too; the earlier report with the same
# verb and three shared words is what decides.  Narrower patterns measured worse.
_POINTS_BACK = re.compile(r"(?:\b(?:that|which|who|when|after|since)|\bthe)\s+(?:[\w'’-]+\s+){0,2}$",
                          re.IGNORECASE)
BACK_REFERENCE_SHARED = 3  # content shared with the earlier report (participants count double)
BACK_REFERENCE_GAP = timedelta(days=2)  # how much earlier that report must be, to tell it from the day's news


def _back_references_dated_by_their_story(mentions: list[Mention], names: dict[str, frozenset]) -> list[Mention]:
    """An undated report that points back to a happening ("the explosion that cut
    the gas pipeline", in a follow-up a month on) took its article's day.  When
    another article of its story (one naming the same people or places) reports
    it days before, with the same verb or noun and enough of the same words, it
    takes that report's day.  Candidates are looked up by trigger stem, so the
    work grows with the reports that share a stem, not with all of them."""
    by_stem: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.category != "statement" and merge.is_precise(m.interval) and m.interval.start is not None:
            for s in merge.trigger_stems(m.trigger):
                by_stem[s].append(m)
    out = []
    for m in mentions:
        if m.time_text is None and m.category != "statement" and m.interval.grain == "day" \
                and m.interval.start is not None and _POINTS_BACK.search(
                    m.sentence[max(0, m.trigger_span[0] - m.sentence_span[0] - 40):
                               m.trigger_span[0] - m.sentence_span[0]]):
            story = names.get(m.document, frozenset())
            best, most = None, BACK_REFERENCE_SHARED - 1
            for s in sorted(merge.trigger_stems(m.trigger)):
                for d in by_stem.get(s, ()):
                    if d.document == m.document or d.interval.start > m.interval.start - BACK_REFERENCE_GAP \
                            or not names.get(d.document, frozenset()) & story:
                        continue
                    shared = _content_shared(m, d)
                    if shared > most:
                        best, most = d, shared
            if best is not None:
                day = best.interval.start
                m = dataclasses.replace(m, interval=Interval(day, day, "day", day.isoformat()))
        out.append(m)
    return out


# ---------------------------------------------------------------- the whole
def parse(documents: Sequence[DocumentInput], known_events: Sequence[Event] = (),
          today: date | None = None) -> Timeline:
    """One merged timeline of `documents`.  `known_events` (already stored)
    only serve as evidence for dating undated articles; `today` is used only
    when a date must be assumed."""
    readings = [read(doc) for doc in documents]
    decisions = reference_dates(readings, known_events, today)
    by_document = {r.doc.id: resolve_mentions(r, decisions[r.doc.id].date, headlines_by_the_lead=True)
                   for r in readings}
    starts = {r.doc.id: _starts_told(r, by_document[r.doc.id], decisions[r.doc.id].date) for r in readings} \
        if any(story_days.in_(r.candidates) for r in readings) else {}
    # "the morning of the raid", "closed the morning after the berg split": what the other
    # articles of its story date
    told_of_others = {r.doc.id for r in readings if story_days.event_days_in(r.candidates)
                      or any(d.after_event is not None for d in r.drafts)}
    days = {r.doc.id: story_days.days_told(by_document[r.doc.id]) for r in readings} if told_of_others else {}
    names = {x.doc.id: x.names for x in readings}
    all_mentions: list[Mention] = []
    for r in readings:
        mentions = by_document[r.doc.id]
        told = _earliest_told_by_its_story(r, starts, names) if story_days.in_(r.candidates) else {}
        days_told = _earliest_told_by_its_story(r, days, names) if r.doc.id in told_of_others else {}
        if told or _names_what_it_tells(r, days_told):
            mentions = resolve_mentions(r, decisions[r.doc.id].date, told, days_told, headlines_by_the_lead=True)
        all_mentions.extend(mentions)
    all_mentions = _back_references_dated_by_their_story(all_mentions, names)
    all_mentions = [m for m in all_mentions if not _a_lasting_state(m)]
    results = tuple(
        DocumentResult(
            id=r.doc.id, reference_date=decisions[r.doc.id].date,
            reference_date_source=decisions[r.doc.id].source,
            reference_date_evidence=decisions[r.doc.id].evidence,
            published=r.doc.published, title=r.doc.title, url=r.doc.url, source=r.doc.source,
        )
        for r in readings
    )
    return Timeline(documents=results, events=tuple(merge.merge(all_mentions)))
