"""Story days: "on the fourth day of the strike", "the 40th day of her vigil",
"ending their strike on its 16th day", "on Monday, the start of the strike".

Like "the 434th day of the war" (an era of the lexicon: the timex rule
era_day), the phrase counts days from the start of something; here that
something is an event of the story, so its day is known only from the
article itself: an apposed date ("today, the third day of rationing") or the
day the article says the event began ("She began the vigil on May 4", "13
days after the walkout began").

"On the morning of the raid", "the night of the fire" name a part of the day
an event of the story happened on (`event_day_of`): the earliest day the
article, or another of its story, tells that event on.

Found here rather than by the timex rules because a TimeML tagger has no
value for it (the TempEval output stays as it was); resolved by the pipeline
once the article's own mentions are dated (`day_of`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Sequence

from api.extract.lexicon import load as load_timex_lexicon
from api.extract.lexicon_events import load as load_event_lexicon, stem
from api.extract.model import Candidate, Interval, Mention, Timex
from api.extract.resolve import part_of_day

RULE = "story_day"
# "on the morning of the raid", "on the night of the fire": a part of the day an event of the
# story happened on, known from when the article, or another of its story, dates that event
EVENT_DAY_RULE = "event_day"
# words that end the event's noun phrase: "the second day of an indefinite strike over pay"
# ("the third day of the trial of its owner")
_PHRASE_ENDS = ("and or but when while on in at as after before that which who outside over for by with "
                "to from against since near than into of").split()
# "the first day of the month" counts in the calendar, not from an event
_CALENDAR_NOUNS = frozenset("""month year week weekend season spring summer autumn fall winter term semester
quarter decade century holiday holidays school festival-season period""".split())
_APPOSED = re.compile(r"\s*[,–—-]\s*(?:on\s+)?$")
_DATED_AFTER = re.compile(r"\s+on\s+")
# verbs that say when the thing counted from began
# ("the trial opened on Monday", "the show opens on Thursday")
_BEGAN_AFTER = re.compile(r"\s+(?:had\s+|has\s+|will\s+)?"
                          r"(?:began|begun|started|begins|starts|begin|start|opened|opens|open)\b")
# "She began the vigil on May 4": the verb before the event noun
# ("The case will go to trial on 14 January", "will stand trial on June 3")
_BEGAN_BEFORE = re.compile(r"\b(?:began|begun|started|launched|(?:go|goes|went|gone|going)\s+(?:on|to)|stand|stood)\s+"
                           r"(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'’-]+\s+)?$")
# "the trial opened at the Campus de Justiça on January 14": the verb as the trigger, its subject before it
_OPENED = frozenset({stem("opened"), stem("opens"), stem("open")})
_SUBJECT_BEFORE = re.compile(r"\b(?:the|its|his|her|their)\s+(?P<noun>[a-z][\w'’-]*)\s+(?:had\s+|has\s+)?$",
                             re.IGNORECASE)
# "were closed this morning as staff began an open-ended strike": what began as the dated event happened
_BEGAN_AS = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?as\s+(?:[\w'’-]+\s+){1,3}?(?:began|started|launched)\s+"
                       r"(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'’-]+\s+)?(?P<noun>[a-z][\w'’-]*)")
# "workers walked out on Monday": the day a strike began, though no word says "strike"
# (not "walked out of the meeting")
_STRUCK = re.compile(r"(?:walked\s+out|went\s+on\s+strike|downed\s+tools|stopped\s+work)\b"
                     r"(?!\s+(?:of|into|onto|with|from|to)\b)", re.IGNORECASE)
_STRIKE = stem("strike")
# a past verb that puts in place the state its noun names: a ban, a blockade, a curfew
_IMPOSED = re.compile(r"(?:banned|blockaded|curfewed|embargoed|quarantined|boycotted)", re.IGNORECASE)
_BEGIN_STEMS = frozenset(stem(w) for w in ("begin", "began", "begun", "start", "started", "launch", "launched"))


def _ordinal() -> str:
    """The count of a story day: "12th", "twelfth" (not "last")."""
    ordinals = sorted((w for w in load_timex_lexicon().ordinals if w != "last"), key=len, reverse=True)
    return rf"(?P<ord>\d{{1,4}}(?:st|nd|rd|th)|{'|'.join(ordinals)})"


def _event_noun_phrase() -> str:
    """The event's noun phrase, up to three words, ending where the phrase does
    (or before a relative clause without "that": "the longest stoppage the
    country has seen")."""
    word = rf"(?!(?:{'|'.join(_PHRASE_ENDS)})\b)[a-z][\w'’-]*"
    return (rf"(?P<np>{word}(?:\s+{word}){{0,2}})"
            rf"(?=\s*(?:[,.;:!?)\"”]|$)|\s+(?:{'|'.join(_PHRASE_ENDS)}|the|it|they)\b)")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile(
        # "the start of an open-ended strike" is its first day
        rf"\b[Tt]he\s+(?:{_ordinal()}\s+(?:full\s+)?day"
        rf"|(?P<start>start|beginning))\s+of\s+"
        rf"(?:(?:the|an?|its|his|her|their|this|that)\s+)?" + _event_noun_phrase())


@lru_cache(maxsize=1)
def _event_day_pattern() -> re.Pattern:
    return re.compile(r"\b[Tt]he\s+(?P<part>morning|afternoon|evening|night|day)\s+of\s+"
                      r"(?:the|its|his|her|their)\s+" + _event_noun_phrase())


@lru_cache(maxsize=1)
def _possessive_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:its|their)\s+{_ordinal()}\s+(?:full\s+)?day\b(?!\s+of\b)", re.IGNORECASE)


def _owner_before(text: str, at: int) -> str | None:
    """The event "its" stands for in "ending their strike on its 16th day", "as the
    walkout enters its 11th day": the nearest event noun before it in its sentence."""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at), at - 160) + 1
    nouns = load_event_lexicon().noun_category
    for word in reversed(re.findall(r"[A-Za-z][\w'’-]*", text[start:at])):
        if word.lower() in nouns and word.lower() not in _CALENDAR_NOUNS:
            return word.lower()
    return None


def find(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The story days of `text` that no time expression already covers."""
    lexicon = load_timex_lexicon()
    out = []
    found = [(m, m.group("np").split()[-1].lower(), m.group("np")) for m in _pattern().finditer(text)
             if not m.group("start") or apposed_to(_span(m), text, candidates) is not None]
    for m in _possessive_pattern().finditer(text):
        owner = _owner_before(text, m.start())
        if owner is not None:
            found.append((m, owner, owner))
    for m in _event_day_pattern().finditer(text):
        noun = m.group("np").split()[-1].lower()
        if noun not in _CALENDAR_NOUNS and not any(c.start < m.end() and m.start() < c.end for c in candidates):
            out.append(Candidate(m.start(), m.end(), m.group(), EVENT_DAY_RULE, "DATE",
                                 {"noun": noun, "phrase": m.group("np"), "part": m.group("part").lower()}))
    for m, noun, phrase in sorted(found, key=lambda f: f[0].start()):
        if noun in _CALENDAR_NOUNS:
            continue
        if any(c.start < m.end() and m.start() < c.end for c in candidates):
            continue  # "the 434th day of the war in Ukraine" is an era's day
        ordinal = (m.group("ord") or "first").lower()
        n = int(ordinal[:-2]) if ordinal[0].isdigit() else lexicon.ordinal_of(ordinal)
        if not n:
            continue
        out.append(Candidate(m.start(), m.end(), m.group(), RULE, "DATE",
                             {"n": n, "noun": noun, "phrase": phrase}))
    return sorted(out, key=lambda c: c.start)


def in_(candidates: Sequence[Candidate]) -> bool:
    """Whether any of an article's time expressions is a story day."""
    return any(c.rule == RULE for c in candidates)


def event_days_in(candidates: Sequence[Candidate]) -> bool:
    """Whether any of an article's time expressions is the day of one of its story's events."""
    return any(c.rule == EVENT_DAY_RULE for c in candidates)


# one kind of event under the names outlets give it: "the eighth day of the stoppage"
# counts from the day another article says "the strike began"
_SAME_EVENT = {stem(w): stem(kind) for kind, words in {
    "strike": "walkout stoppage",
    "protest": "demonstration sit-in",
}.items() for w in words.split()}


def key_of(cand: Candidate) -> str:
    """What a story day counts from, as the stem the article's mentions are compared by."""
    key = stem(cand.fields["noun"])
    return _SAME_EVENT.get(key, key)


def day_of(cand: Candidate, text: str, candidates: Sequence[Candidate], timexes: dict[int, Timex],
           mentions: Sequence[Mention], told_elsewhere: dict[str, date] | None = None) -> Interval | None:
    """The day a story day names, or None when nothing says when its event
    began. `timexes` are the document's resolved expressions by start,
    `mentions` its dated mentions; `told_elsewhere`: when the other articles of
    its story say events began, by noun stem (`starts_told`)."""
    apposed = _apposed_day(cand, text, candidates, timexes)
    if apposed is not None:
        return apposed
    key = key_of(cand)
    started = starts_told(text, candidates, timexes, mentions).get(key) or (told_elsewhere or {}).get(key)
    if started is None:
        return None
    day = started + timedelta(days=cand.fields["n"] - 1)
    return Interval(day, day, "day", day.isoformat())


def event_day_of(cand: Candidate, mentions: Sequence[Mention],
                 told_elsewhere: dict[str, date] | None = None) -> Interval | None:
    """The part of the day an event-day names ("the morning of the raid"): of the
    earliest day the article's dated mentions, or the other articles of its
    story, tell its event on (`days_told`: a later one is a later report that
    names it, "found guilty of the raid yesterday"); None when none tells it."""
    key = key_of(cand)
    told = [day for day in (days_told(mentions).get(key), (told_elsewhere or {}).get(key)) if day is not None]
    if not told:
        return None
    day = min(told)
    part = cand.fields["part"]
    if part == "day":
        return Interval(day, day, "day", day.isoformat())
    return part_of_day(day, load_timex_lexicon().parts_of_day[part]).interval


def days_told(mentions: Sequence[Mention]) -> dict[str, date]:
    """The earliest day the dated mentions tell each event on, by the stems of
    their triggers ("raided the bank yesterday morning" tells the raid's day),
    else of their other words ("a fire destroyed the mill on Tuesday")."""
    by_trigger, by_words = [], []
    for m in mentions:
        iv = m.interval
        if m.time_text is None or iv.start is None or not (iv.start == iv.end or iv.grain == "night"):
            continue
        triggers = {stem(word) for word in re.findall(r"[\w'’-]+", m.trigger)}
        by_trigger.extend((_SAME_EVENT.get(key, key), iv.start) for key in triggers)
        by_words.extend((_SAME_EVENT.get(key, key), iv.start) for key in m.keywords - triggers)
    return {**earliest(by_words), **earliest(by_trigger)}


def starts_told(text: str, candidates: Sequence[Candidate], timexes: dict[int, Timex],
                mentions: Sequence[Mention]) -> dict[str, date]:
    """When the article says things began, by noun stem: a story day set beside
    a date ("on Monday, the first day of the walkout"), or a dated mention that
    something began ("began the vigil on May 4", "13 days after the walkout
    began"). The earliest, where it says more than once."""
    return earliest([*begun(text, mentions).items(), *_apposed_starts(text, candidates, timexes)])


def earliest(starts: Iterable[tuple[str, date]]) -> dict[str, date]:
    """The earliest day given for each noun stem."""
    out: dict[str, date] = {}
    for key, day in starts:
        if key not in out or day < out[key]:
            out[key] = day
    return out


def fits(text: str, candidates: Sequence[Candidate], timexes: dict[int, Timex],
         mentions: Sequence[Mention]) -> tuple[int, int]:
    """(agree, disagree): how many story days set beside a date agree, and how
    many disagree, with the day the article says their event began. Read from
    the wrong day, "Kenya Power began rationing on Wednesday" and "today, the
    third day of rationing" do not fit together."""
    said_begun = begun(text, mentions)
    told = [(key, day) for key, day in _apposed_starts(text, candidates, timexes) if key in said_begun]
    agree = sum(1 for key, day in told if said_begun[key] == day)
    return agree, len(told) - agree


def _apposed_starts(text: str, candidates: Sequence[Candidate], timexes: dict[int, Timex]):
    for other in candidates:
        if other.rule == RULE:
            apposed = _apposed_day(other, text, candidates, timexes)
            if apposed is not None:
                yield key_of(other), apposed.start - timedelta(days=other.fields["n"] - 1)


def begun(text: str, mentions: Sequence[Mention]) -> dict[str, date]:
    """When the article's dated mentions say things began, by noun stem (the earliest)."""
    return earliest(_begun_pairs(text, mentions))


def _begun_pairs(text: str, mentions: Sequence[Mention]):
    for m in mentions:
        iv = m.interval
        if iv.start is None or iv.start != iv.end or m.time_text is None:
            continue
        words = frozenset(stem(w) for w in re.findall(r"[\w'’-]+", m.trigger))
        # "began the vigil on May 4" (the verb or the noun as the trigger), or the event
        # itself with its beginning after it: "13 days after the walkout began"
        if words & _BEGIN_STEMS or _BEGAN_AFTER.match(text, m.trigger_span[1]) \
                or _BEGAN_BEFORE.search(text, max(0, m.trigger_span[0] - 40), m.trigger_span[0]):
            for key in (m.keywords | words) - _BEGIN_STEMS:
                yield _SAME_EVENT.get(key, key), iv.start
        elif words <= _OPENED and (subject := _SUBJECT_BEFORE.search(text, max(0, m.trigger_span[0] - 40),
                                                                     m.trigger_span[0])):
            key = stem(subject.group("noun").lower())
            yield _SAME_EVENT.get(key, key), iv.start
        elif (began_as := _BEGAN_AS.match(text, m.trigger_span[1])) and began_as.end() <= m.sentence_span[1]:
            key = stem(began_as.group("noun"))
            yield _SAME_EVENT.get(key, key), iv.start
        elif any(s.start() <= m.trigger_span[0] < s.end()
                 for s in _STRUCK.finditer(text, max(0, m.trigger_span[0] - 10), m.trigger_span[1] + 16)):
            yield _STRIKE, iv.start
        elif _IMPOSED.fullmatch(m.trigger) and len(words) == 1:
            # "banned shellfish harvesting on Thursday": the day a ban is imposed is its first
            yield next(iter(words)), iv.start


def _single_day(t: Timex | None) -> date | None:
    iv = t.interval if t is not None else None
    if iv is not None and iv.grain == "night" and iv.start is not None:
        return iv.start  # "last night, the eighth day of the strike": the day the night is the evening of
    if iv is None or iv.start is None or iv.start != iv.end:
        return None
    return iv.start


def _span(m: re.Match) -> Candidate:
    return Candidate(m.start(), m.end(), m.group(), RULE, "DATE", {})


def apposed_to(cand: Candidate, text: str, candidates: Sequence[Candidate]) -> Candidate | None:
    """The date a story day is set beside: "today" in "today, the third day of rationing",
    "on Monday" in "entered the eighth day of their strike on Monday"."""
    before = [c for c in candidates if c.end <= cand.start and c.rule != RULE]
    if before and _APPOSED.match(text[before[-1].end:cand.start]):
        return before[-1]
    after = [c for c in candidates if c.start >= cand.end and c.rule != RULE]
    if after and _DATED_AFTER.fullmatch(text, cand.end, after[0].start):
        return after[0]
    return None


def _apposed_day(cand: Candidate, text: str, candidates: Sequence[Candidate],
                 timexes: dict[int, Timex]) -> Interval | None:
    """The day of the date a story day is set beside."""
    base = apposed_to(cand, text, candidates)
    day = _single_day(timexes.get(base.start)) if base is not None else None
    return Interval(day, day, "day", day.isoformat()) if day is not None else None
