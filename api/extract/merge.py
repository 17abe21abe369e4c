"""Merge event mentions, within and across articles, into events.

Two mentions report the same real-world event when their dates are
compatible, their categories agree, and they share participants and content
words.  Candidates come from date buckets, so the work grows with the number
of mentions on each day, not with the square of all mentions.  Different
events on the same day stay apart because the content test is not about the
date: the Kremlin's statement and the drone attack differ in category; the
parade and the drone ban differ in category and words; two statements by
different speakers stay apart.

What counts as evidence: shared content words (synonyms.yaml maps outlets'
words and nominalizations to one), shared participants (double), and a
shared kind-of-event noun (event_kinds.yaml, double; not for statements,
nor for the same kind of thing in two different places).  Dates: a
follow-up at a coarser grain ("last week's earthquake", "the 2019
earthquake") joins the precise event its interval holds, a year only when
it names the event's kind; clock times that disagree with each other or
with a night or part of the day, and two dates in one sentence, keep
mentions apart.

Pure functions: `merge`, `best_match` and `build_event` are also what the
store uses for incremental ingest.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Iterable, Sequence

from api.extract.lexicon import read_data
from api.extract.lexicon_events import STOPWORDS, stem
from api.extract.model import CATEGORIES, GRAINS, Event, Interval, Mention

GRAIN_RANK = {g: i for i, g in enumerate(GRAINS)}
PRECISE = frozenset({"time", "part-of-day", "night", "day"})
SPEAKER_MARK = "@"   # participants starting with this name the speaker of a statement
MIN_SHARED = 2       # shared content words (participants count double) to merge
STORY_NAMES = 2      # names two articles share to tell one story
RETOLD_BONUS = 2     # with the shared verb itself, the three words an "other" event needs
IMPLICIT_SLACK = timedelta(days=1)
# Share of its content words an "other" mention must share with an event of
# a definite category (or two such clusters with each other) to join it.
CROSS_CATEGORY_COVERAGE = 0.4  # a day's news may report the night or day before
_WORD = re.compile(r"[A-Za-z][\w'’-]+")
# Two clock times further apart than this date different happenings ("began
# at 5.30am", "restored at 2 p.m."); a statement is a moment, so two of them
# half an hour apart are two statements.  The slack allows for local time
# against GMT in a neighbouring zone.
CLOCK_SLACK = timedelta(hours=2)
STATEMENT_CLOCK_SLACK = timedelta(minutes=30)
_CLOCK = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)")


# ---------------------------------------------------------------- helpers
@lru_cache(maxsize=1)
def kind_words() -> frozenset:
    """Stems of the nouns that name one kind of happening (data/event_kinds.yaml)."""
    data = read_data("event_kinds.yaml") or {}
    return frozenset(stem(str(w)) for w in data.get("kinds", ()))


def is_implicit(m: Mention) -> bool:
    return m.time_text is None


def _window(m: Mention) -> tuple[date | None, date | None]:
    """The dates a mention may refer to; an implicit one also the day before."""
    iv = m.interval
    if is_implicit(m) and iv.start is not None:
        return iv.start - IMPLICIT_SLACK, iv.end
    return iv.start, iv.end


def _is_vague(iv: Interval) -> bool:
    if iv.grain == "vague" or iv.start is None or iv.end is None:
        return True
    return (iv.end - iv.start).days > 31


COARSE = frozenset({"season", "quarter", "year"})


def _contains(coarse: Interval, fine: Interval) -> bool:
    """A named season, quarter or year ("the 2019 earthquake") that holds a
    precise interval ("on 26 November 2019"): a coarser report of that event."""
    return (coarse.grain in COARSE and coarse.start is not None and coarse.end is not None
            and not _is_vague(fine) and coarse.start <= fine.start and fine.end <= coarse.end)


def is_precise(iv: Interval) -> bool:
    """A bounded interval of at most a month: one that dates a single event."""
    return not _is_vague(iv)


def words_of(m: Mention) -> frozenset:
    return words_in(m.keywords, m.sentence)


def words_in(keywords: frozenset, sentence: str) -> frozenset:
    """A report's content words: its keywords, else the words of its sentence."""
    if keywords:
        return keywords
    return frozenset(stem(w) for w in _WORD.findall(sentence) if w.lower() not in STOPWORDS and len(w) > 2)


def clock_time(m: Mention):
    """The moment a time-grain mention names ("at 3:14 a.m."), else None."""
    if m.interval.grain != "time" or not m.interval.value or is_implicit(m):
        return None
    hit = _CLOCK.match(m.interval.value)
    if hit is None:
        return None
    y, mo, d, h, mi = map(int, hit.groups())
    # TimeML writes the midnight that ends a day as T24:00
    return datetime(y, mo, d) + timedelta(hours=h, minutes=mi)


_PLACE_LEAD = ("in", "near", "at", "outside", "across", "around")


def places_of(m: Mention) -> frozenset:
    """Participants the sentence puts a place preposition before ("in Lyon",
    "near Hamburg"): where the event happened."""
    low = m.sentence.lower()
    return frozenset(p for p in m.participants if not p.startswith(SPEAKER_MARK)
                     and any(f"{lead} {p}" in low for lead in _PLACE_LEAD))


# the hours a part of the day spans (TIMEX3 codes), as offsets from its day's midnight
_PART_HOURS = {"MO": (0, 12), "AF": (12, 18), "EV": (16, 24), "NI": (20, 30)}
_NIGHT_HOURS = (17, 33)  # a night grain: from the evening of its first day to the next morning


def clock_window(m: Mention):
    """The span of clock time a night or part-of-day mention names, else None."""
    iv = m.interval
    if is_implicit(m) or iv.start is None or not iv.value:
        return None
    if iv.grain == "night":
        hours = _NIGHT_HOURS
    elif iv.grain == "part-of-day":
        hours = _PART_HOURS.get(iv.value[-2:])
    else:
        return None
    if hours is None:
        return None
    midnight = datetime(iv.start.year, iv.start.month, iv.start.day)
    return midnight + timedelta(hours=hours[0]), midnight + timedelta(hours=hours[1])


def _speakers(parts: Iterable[str]) -> frozenset:
    return frozenset(p for p in parts if p.startswith(SPEAKER_MARK))


def _overlap(a: tuple, b: tuple) -> bool:
    a0, a1 = a
    b0, b1 = b
    return (a0 is None or b1 is None or a0 <= b1) and (b0 is None or a1 is None or b0 <= a1)


def event_id_for(mention: Mention, with_time: bool = False) -> str:
    """Stable id from the founding mention's document and trigger span.
    One trigger with two dates ("wages rise in July and again next January")
    founds two events: all but the first of them add the time span."""
    key = f"{mention.document}:{mention.trigger_span[0]}:{mention.trigger_span[1]}"
    if with_time and mention.time_span is not None:
        key += f":t{mention.time_span[0]}:{mention.time_span[1]}"
    return "evt_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _founder_key(m: Mention):
    return (m.document, m.trigger_span, m.time_span is not None, m.time_span or (0, 0))


def _event_ids(founders: Sequence[Mention]) -> list[str]:
    """An id per founder, unique within the batch: founders sharing a
    trigger span differ by their time span, the earliest keeping the plain id."""
    plain = [event_id_for(f) for f in founders]
    counts = Counter(plain)
    first: dict = {}
    for k, f in enumerate(founders):
        if counts[plain[k]] > 1:
            key = _founder_key(f)
            if plain[k] not in first or key < first[plain[k]]:
                first[plain[k]] = key
    return [eid if counts[eid] == 1 or _founder_key(f) == first[eid] else event_id_for(f, with_time=True)
            for eid, f in zip(plain, founders)]


def _order_key(m: Mention):
    """Explicit before implicit, finer grain first, then text position (a
    trigger read with two dates: its time expressions' positions)."""
    return (is_implicit(m), GRAIN_RANK.get(m.interval.grain, 99), m.document, m.trigger_span,
            m.time_span or (0, 0))


# ---------------------------------------------------------------- matching
def _content_score(m: Mention, words: frozenset, parts: frozenset, sentences: dict,
                   common: frozenset = frozenset(), kinds: frozenset = frozenset(),
                   places: frozenset = frozenset()) -> float:
    times = sentences.get((m.document, m.sentence_span))
    if times is not None and (m.time_text is None or times <= {None, m.time_text}):
        # the same sentence, the same category, no second date: one event
        return float(MIN_SHARED + 1)
    own_parts = frozenset(p for p in m.participants if not p.startswith(SPEAKER_MARK))
    own_places = places_of(m)
    if m.category == "statement" or (own_places and places and not own_parts & parts):
        kinds = frozenset()  # what a statement is about is not what it is; strikes in two cities are two
    shared_words = words_of(m) & words
    shared_parts = own_parts & parts
    return len(shared_words | shared_parts) + len(shared_parts - common) + len(shared_words & kinds)


def category_gap(a: str, b: str) -> int | None:
    """0 when two categories agree; 1 when one is "other", which says
    nothing either way ("the fire broke out" and "the fire destroyed"), so
    more shared content is needed; None when they disagree.  A statement
    never joins a non-statement."""
    if a == b:
        return 0
    if "statement" in (a, b):
        return None
    return 1 if "other" in (a, b) else None


def _compatible(m: Mention, interval: Interval, explicit: bool, category: str,
                speakers: frozenset) -> bool:
    if category_gap(m.category, category) is None:
        return False
    mine = _speakers(m.participants)
    if category == "statement" and mine and speakers and not (mine & speakers):
        return False
    iv = m.interval
    if _is_vague(iv) != _is_vague(interval):
        # only an explicit year (season, quarter) holding an explicitly dated event joins it
        return explicit and not is_implicit(m) and (_contains(iv, interval) or _contains(interval, iv))
    if _is_vague(iv) and not is_implicit(m) and explicit and iv.grain != interval.grain:
        return False  # "spring" and "in recent months" are not the same span of time
    if is_implicit(m) and not explicit:
        return _overlap(_window(m), (interval.start, interval.end))
    if is_implicit(m):
        # a day's news joins an explicitly dated event of that day or the night before
        return not _is_vague(interval) and _overlap(_window(m), (interval.start, interval.end))
    if not explicit:
        lo = interval.start - IMPLICIT_SLACK if interval.start else None
        return _overlap((iv.start, iv.end), (lo, interval.end))
    return _overlap((iv.start, iv.end), (interval.start, interval.end))


# Which way a measured thing moved, read from the trigger's words: a rise and a
# fall of the same shares or prices are two events.
_UP_WORDS = frozenset("""rise rises rose risen rising gain gains gained climb climbs climbed jump jumps jumped
soar soars soared surge surges surged rebound rebounds rebounded""".split())
_DOWN_WORDS = frozenset("""fall falls fell fallen falling drop drops dropped slide slides slid plunge plunges
plunged slump slumps slumped tumble tumbles tumbled decline declines declined""".split())


def _directions(m: Mention) -> frozenset:
    words = set(m.trigger.lower().split())
    return frozenset(({"up"} if words & _UP_WORDS else set()) | ({"down"} if words & _DOWN_WORDS else set()))


class _Cluster:
    """An event under construction."""

    def __init__(self, first: Mention, order: int, common: frozenset = frozenset(),
                 kinds: frozenset = frozenset(), stories: dict | None = None):
        self.stories = stories or {}  # document -> the names it tells its story with
        self.common = common  # participants so frequent in the batch that they say little
        self.kinds = kinds  # kind words that count double (none when dating articles: see EventMatcher)
        # overlapping every explicit date is overlapping [latest start, earliest end]
        self.latest_start: date | None = None
        self.earliest_end: date | None = None
        if not is_implicit(first):
            self._narrow(first.interval)
        self.mentions = [first]
        self.order = order
        self.words = set(words_of(first))
        self.parts = {p for p in first.participants if not p.startswith(SPEAKER_MARK)}
        self.places = set(places_of(first))
        self.speakers = set(_speakers(first.participants))
        self.sentences = {(first.document, first.sentence_span): {first.time_text}}
        self.triggers = {(first.document, first.trigger_span)}
        self.directions = _directions(first)
        self.verbs = set(trigger_stems(first.trigger))
        self.documents = {first.document}
        self.clocks = {clock_time(first)} - {None}
        self.windows = {clock_window(first)} - {None}
        self.category = first.category
        self.interval = first.interval
        self.explicit = not is_implicit(first)

    def add(self, m: Mention) -> None:
        if self.category == "other":
            self.category = m.category  # the first mention that says what kind of event it is
        self.mentions.append(m)
        self.words |= words_of(m)
        self.parts |= {p for p in m.participants if not p.startswith(SPEAKER_MARK)}
        self.places |= places_of(m)
        self.speakers |= _speakers(m.participants)
        self.sentences.setdefault((m.document, m.sentence_span), set()).add(m.time_text)
        self.triggers.add((m.document, m.trigger_span))
        self.directions |= _directions(m)
        self.verbs |= trigger_stems(m.trigger)
        self.documents.add(m.document)
        self.clocks |= {clock_time(m)} - {None}
        self.windows |= {clock_window(m)} - {None}
        if not is_implicit(m):
            self._narrow(m.interval)
            if not self.explicit or GRAIN_RANK[m.interval.grain] < GRAIN_RANK[self.interval.grain]:
                self.interval = m.interval
            self.explicit = True

    def absorb(self, other: "_Cluster") -> None:
        for m in sorted(other.mentions, key=_order_key):
            self.add(m)

    def fits_dates(self, m: Mention) -> bool:
        """An explicitly dated mention must agree with every explicit date of
        the event, not just its finest one ("on Tuesday" and "on Wednesday"
        both fall in the night between them, yet differ)."""
        if is_implicit(m):
            return True
        iv = m.interval
        return (self.earliest_end is None or iv.start is None or iv.start <= self.earliest_end) and \
               (self.latest_start is None or iv.end is None or self.latest_start <= iv.end)

    def clashes(self, m: Mention) -> bool:
        """A sentence that dates two things apart reports two events: a
        trigger read twice with two dates ("rose in July and again in
        January"), or two triggers with their own time expressions ("flew
        home on Monday; a reception is planned for Monday evening")."""
        if (m.document, m.trigger_span) in self.triggers:
            return True
        moved = _directions(m) if self.directions else frozenset()
        if moved and not moved & self.directions:
            return True  # "shares rose 4%" is not the day "shares fell 6%", whatever else they share
        clock, window = clock_time(m), clock_window(m)
        statement = "statement" in (m.category, self.category)
        if clock is not None:
            slack = STATEMENT_CLOCK_SLACK if statement else CLOCK_SLACK
            if any(abs(clock - other) > slack for other in self.clocks):
                return True
            # "cancelled at 12:31" is not what happened "overnight"; a statement's
            # part of the day often dates what it talks about, so it is not tested
            if not statement and any(not lo - CLOCK_SLACK <= clock <= hi + CLOCK_SLACK for lo, hi in self.windows):
                return True
        if window is not None and not statement:
            lo, hi = window
            if any(not lo - CLOCK_SLACK <= other <= hi + CLOCK_SLACK for other in self.clocks):
                return True
        times = self.sentences.get((m.document, m.sentence_span))
        return bool(times) and m.time_text is not None and any(t is not None and t != m.time_text for t in times)

    def _narrow(self, iv: Interval) -> None:
        if iv.start is not None and (self.latest_start is None or iv.start > self.latest_start):
            self.latest_start = iv.start
        if iv.end is not None and (self.earliest_end is None or iv.end < self.earliest_end):
            self.earliest_end = iv.end

    def matches(self, other: "_Cluster") -> bool:
        """Do two clusters built apart report one event?  Each of the other's
        mentions must fit this one's date, category and speaker, and the two
        must share more content than a single mention needs."""
        gap = category_gap(other.category, self.category)
        if gap is None:
            return False
        if self.speakers and other.speakers and not (self.speakers & other.speakers):
            return False
        # content first: it is a few set operations, and on a busy day most clusters share too little
        shared_parts = self.parts & other.parts
        shared = (self.words & other.words) | shared_parts
        if _is_vague(self.interval) != _is_vague(other.interval) and not (shared & self.kinds):
            return False
        apart = self.places and other.places and not shared_parts  # the same kind of thing, elsewhere
        kinds = frozenset() if "statement" in (self.category, other.category) or apart else self.kinds
        value = len(shared) + len(shared_parts - self.common) + len(shared & kinds)
        if gap and len(shared) < CROSS_CATEGORY_COVERAGE * min(len(self.words), len(other.words)):
            return False  # a big event shares a few words with anything: ask for a real overlap
        if value < self.needed(other.category) + 1:
            return False
        if any(self.clashes(m) for m in other.mentions):
            return False
        return all(_compatible(m, self.interval, self.explicit, self.category, self.speakers) and self.fits_dates(m)
                   for m in other.mentions)

    def needed(self, category: str) -> int:
        # "other" is no evidence of sameness: such events need more shared content
        gap = category_gap(category, self.category) or 0
        return MIN_SHARED + (1 if self.category == "other" or gap else 0)

    def _retold(self, m: Mention) -> bool:
        """Another article of the same story reports the same verb on the same
        precise date: the story's names, not the sentence's, say it is one event."""
        if is_implicit(m) or not self.explicit or m.document in self.documents or not is_precise(m.interval):
            return False
        if (m.interval.start, m.interval.end) != (self.interval.start, self.interval.end):
            return False
        if not (trigger_stems(m.trigger) & self.verbs):
            return False
        mine = self.stories.get(m.document, frozenset())
        return any(len(mine & self.stories.get(d, frozenset())) >= STORY_NAMES for d in self.documents)

    def score(self, m: Mention) -> float | None:
        if not _compatible(m, self.interval, self.explicit, self.category, self.speakers):
            return None
        if not self.fits_dates(m) or self.clashes(m):
            return None
        if _is_vague(m.interval) != _is_vague(self.interval) and not (words_of(m) & self.words & self.kinds):
            return None  # "the 2019 earthquake" names the kind of event it is about; "in spring" does not
        value = _content_score(m, self.words, self.parts, self.sentences, self.common, self.kinds, self.places)
        if category_gap(m.category, self.category):
            own = words_of(m)
            if not (own & self.words & self.kinds) and len(own & self.words) < CROSS_CATEGORY_COVERAGE * len(own):
                return None
        needed = self.needed(m.category)
        if self._retold(m):
            value += RETOLD_BONUS
        if is_implicit(m) and m.document in self.documents \
                and (m.document, m.sentence_span) not in self.sentences:
            needed += 1  # the article dated the event elsewhere; an undated report of it must say more
        return value if value >= needed else None


@lru_cache(maxsize=8192)
def trigger_stems(trigger: str) -> frozenset:
    """The content stems of a trigger: "begins" and "have begun", "sinks" and "sank"."""
    words = (w.lower().replace("’", "'").replace("'s", "") for w in _WORD.findall(trigger))
    return frozenset(stem(w) for w in words if w not in STOPWORDS and len(w) >= 3)


def _days(iv: Interval) -> list:
    """Bucket keys for an interval: its days when precise, else one shared key."""
    if _is_vague(iv):
        return ["vague"]
    start = iv.start - IMPLICIT_SLACK
    return [start + timedelta(days=k) for k in range((iv.end - start).days + 1)]


def _tokens(m: Mention, kinds: frozenset) -> set:
    """What a coarse report must share with a precise event to be compared
    with it at all: a named participant or a kind-of-event noun."""
    return {p for p in m.participants if not p.startswith(SPEAKER_MARK)} | (words_of(m) & kinds)


def _years(iv: Interval) -> range:
    return range(iv.start.year, iv.end.year + 1)


def _candidate_keys(m: Mention, kinds: frozenset) -> list:
    """Date buckets; for an explicit year, season or quarter also the precise
    events of its years that share a participant or kind word (not every
    event of the year: that would make merging quadratic)."""
    keys = _days(m.interval)
    iv = m.interval
    if iv.grain in COARSE and not is_implicit(m) and iv.start is not None and iv.end is not None:
        keys = keys + [("year", y, t) for y in _years(iv) for t in sorted(_tokens(m, kinds))]
    return keys


def merge(mentions: Sequence[Mention]) -> list[Event]:
    """Deterministic clustering: mentions in a fixed order each join their
    best-scoring compatible event from the same date buckets, else found one."""
    clusters: list[_Cluster] = []
    buckets: dict = defaultdict(list)
    common = common_participants(mentions)
    kinds = kind_words()
    stories = story_names(mentions)
    for m in sorted(mentions, key=_order_key):
        seen = set()
        best, best_score = None, None
        for key in _candidate_keys(m, kinds):
            for cluster in buckets[key]:
                if id(cluster) in seen:
                    continue
                seen.add(id(cluster))
                value = cluster.score(m)
                if value is not None and (best_score is None or value > best_score
                                          or (value == best_score and cluster.order < best.order)):
                    best, best_score = cluster, value
        if best is None:
            best = _Cluster(m, len(clusters), common, kinds, stories)
            clusters.append(best)
            keys = _days(m.interval)
        else:
            before = set(map(str, _days(best.interval)))
            best.add(m)
            keys = [k for k in _days(best.interval) if str(k) not in before]
            if _is_vague(m.interval) == _is_vague(best.interval):
                keys += _days(m.interval)
        if best.explicit and not _is_vague(best.interval):
            keys += [("year", y, t) for y in _years(best.interval) for t in sorted(_tokens(m, kinds))]
        for key in keys:
            if best not in buckets[key]:
                buckets[key].append(best)
    clusters = _merge_clusters(clusters, buckets)
    founders = [min(cluster.mentions, key=_founder_key) for cluster in clusters]
    events = [build_event(eid, cluster.mentions) for eid, cluster in zip(_event_ids(founders), clusters)]
    return sort_events(events)


def common_participants(mentions: Sequence[Mention]) -> frozenset:
    """Participants named in at least half of the mentions (of four or more):
    the story's protagonists, shared by its every event, so weak evidence."""
    if len(mentions) < 4:
        return frozenset()
    counts = Counter(p for m in mentions for p in set(m.participants) if not p.startswith(SPEAKER_MARK))
    return frozenset(p for p, n in counts.items() if n * 2 >= len(mentions))


def story_names(mentions: Sequence[Mention]) -> dict:
    """Each document's names that at least two of its reports give: whom and
    where its story is about."""
    counts: dict = defaultdict(Counter)
    for m in mentions:
        counts[m.document].update(p for p in set(m.participants) if not p.startswith(SPEAKER_MARK))
    return {doc: frozenset(p for p, n in c.items() if n >= 2) for doc, c in counts.items()}


def _merge_clusters(clusters: list[_Cluster], buckets: dict) -> list[_Cluster]:
    """Join clusters that one pass in a fixed order left apart: a mention met
    an event before the mentions that would have shown they match.  Only
    clusters sharing a date bucket are compared."""
    alive = {id(c): c for c in clusters}
    for cluster in clusters:
        if id(cluster) not in alive:
            continue
        grown = True
        while grown:  # a cluster that absorbed another may now match more
            grown = False
            near = {id(o): o for key in _days(cluster.interval) for o in buckets.get(key, ())
                    if id(o) in alive and o is not cluster}
            for other in sorted(near.values(), key=lambda c: c.order):
                if cluster.matches(other):
                    cluster.absorb(other)
                    del alive[id(other)]
                    for key in _days(cluster.interval):
                        if cluster not in buckets[key]:
                            buckets[key].append(cluster)
                    grown = True
    return sorted(alive.values(), key=lambda c: c.order)


def sort_events(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.interval.start or date.min, e.interval.end or date.max, e.id))


class EventMatcher:
    """Stored events, each turned into a cluster once, so that many mentions
    can ask which of them they report.  Kind words get no extra weight here:
    an undated article is tried against many candidate days, and a word that
    runs through its whole story ("strike") would make every shifted day agree."""

    def __init__(self, event: Event, names: frozenset = frozenset()):
        self.event = event
        self.names = names  # who and what the event's articles name: its story
        self.cluster = _Cluster(event.mentions[0], 0)
        for other in event.mentions[1:]:
            self.cluster.add(other)
        self.cluster.category = event.category

    def score(self, mention: Mention) -> float | None:
        return self.cluster.score(mention)


def could_match(words: frozenset, participants: frozenset, event: EventMatcher) -> bool:
    """Whether a report with these content words and participants shares enough
    with `event` for `EventMatcher.score` to accept it on any date: the content
    test of `_Cluster.score` alone (an EventMatcher counts no kind words and no
    common participants), cheap enough to sort a collection's events by.  Not
    for reports from an article of the event's own (`_content_score` lets a
    sentence the event already holds join it whatever it shares)."""
    return shared_content(words, participants, event) >= MIN_SHARED


def shared_content(words: frozenset, participants: frozenset, event: EventMatcher) -> int:
    """How much a report with these content words and participants shares with
    `event`, counted as `_Cluster.score`'s content test counts (participants
    double)."""
    cluster = event.cluster
    shared_parts = participants & cluster.parts  # a cluster's parts hold no speakers: they drop out here
    return len((words & cluster.words) | shared_parts) + len(shared_parts)


def best_match(mention: Mention, events: Sequence[Event | EventMatcher]) -> Event | None:
    """The stored event this mention reports, if any (for incremental ingest
    and for dating an article by its collection)."""
    best, best_score = None, None
    matchers = [e if isinstance(e, EventMatcher) else EventMatcher(e) for e in events]
    for matcher in sorted(matchers, key=lambda x: x.event.id):
        value = matcher.score(mention)
        if value is not None and (best_score is None or value > best_score):
            best, best_score = matcher.event, value
    return best


# ---------------------------------------------------------------- events
def event_interval(mentions: Sequence[Mention]) -> Interval:
    """The explicit interval of the grain most reports give, among the precise
    ones (a day or finer: a clock time one article gives does not outvote the
    night two others name; a tie goes to the finer); with no precise one, the
    finest. Implicit mentions never override one. Of that grain, the interval
    most mentions give, then the earliest."""
    explicit = [m.interval for m in mentions if not is_implicit(m)]
    pool = explicit or [m.interval for m in mentions]
    precise = [iv for iv in pool if iv.grain in PRECISE]
    grains = Counter(iv.grain for iv in precise or pool)
    best = min(grains, key=lambda g: (-grains[g] if precise else 0, GRAIN_RANK.get(g, 99)))
    pool = [iv for iv in pool if iv.grain == best]
    counts = Counter(pool)
    return sorted(counts, key=lambda iv: (-counts[iv], iv.start or date.min, iv.end or date.max))[0]


def _headline_score(m: Mention):
    words = len(m.headline.split())
    fit = 0 if 4 <= words <= 12 else 1
    return (fit, is_implicit(m), m.category == "statement" and False, m.document, m.trigger_span)


def build_event(event_id: str, mentions: Sequence[Mention]) -> Event:
    mentions = sorted(mentions, key=lambda m: (m.document, m.trigger_span))
    category_counts = Counter(m.category for m in mentions)
    category = sorted(category_counts, key=lambda c: (-category_counts[c], CATEGORIES.index(c)
                                                      if c in CATEGORIES else 99))[0]
    typed = [m for m in mentions if m.category == category] or list(mentions)
    head = min(typed, key=_headline_score)
    headline = head.headline or head.trigger
    headline = " ".join(headline.split()[:12])
    # the most informative sentence: the most of the event's words, a date, not too long
    all_words = Counter(w for m in mentions for w in words_of(m))

    def informative(m: Mention):
        shared = sum(1 for w in words_of(m) if all_words[w] > 1)
        return (-(shared + (2 if not is_implicit(m) else 0)), len(m.sentence) > 400, m.document, m.trigger_span)
    summary = min(mentions, key=informative).sentence
    return Event(
        id=event_id, headline=headline, summary=summary, category=category,
        interval=event_interval(mentions),
        sources=tuple(sorted({m.document for m in mentions})),
        mentions=tuple(mentions),
    )
