"""Each article's reference date, by the precedence of CONTRACT §2:

  1. given       the input's `published`;
  2. text        a dateline ("Friday June 7, 2024 –", "PLOVDIV, June 2") or era
                 arithmetic ("the 434th day of the war in Ukraine") in a banner
                 or the lead;
  3. collection  the date that makes this article's own dated reports agree
                 with the dated articles (and stored events) it shares events
                 with, among dates its clues allow ("a 14-month-old war",
                 "a few days before May 9"); the pipeline also weighs what
                 the article says of the day itself (a lead that reports
                 it, a lead whose news would fall before the story began,
                 events told as done after it, plans of the story met), and
                 failing any named match, the story whose people it names;
  4. assumed     nothing better: the latest date the collection evidences, else
                 today, and the evidence says so.

The functions here only decide dates; resolving and matching mentions is
passed in by the pipeline (`resolve_with`, `match`) so this module stays a
small, testable search.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Sequence

from api.extract import timex
from api.extract.lexicon import load as load_lexicon
from api.extract.model import Candidate
from api.extract.segment import DATE_LINE_WORDS, ZONE_ABBREVIATION, Sentence, furniture_kind, is_date_line

# a dateline: the date at the very start of the article or of a line, then a dash,
# or a "PLACE, Month Day" opening
# (an agency in brackets or between slashes may stand between: "(AP) —", "/PRNewswire/ --")
# ("PERTH, Jan 14 AAP -": the agency's name without brackets, as AAP writes it)
_DATELINE_TAIL = re.compile(r"^\s*(\([^)]{1,40}\)|/[^/\n]{1,40}/|[A-Z]{2,6}(?=\s+[-–—]))?\s*[-–—:|]")
# "PLOVDIV,", "NAIROBI, Kenya,", or a place in capitals and a dash: "WASHINGTON —"
# (accented capitals too: "MÂCON,", "SÃO PAULO —")
_DATELINE_HEAD = re.compile(r"^\s*(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ .'-]{1,40},"
                            r"(?:\s*[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ .'-]{1,30},)?"
                            r"|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'-]{1,40}\s+[—–])\s*$")
# a byline before the stamp on its line: "By Jordan Whitlock — September 22, 2026",
# "Story by Jane Doe • March 3, 2023", "By Jane Doe / March 3, 2023", a name and "on":
# "Posted by Jane Doe on March 3, 2023" (a name, so "By Friday, crews ... on" is none),
# or names and roles in capitals between separators: "Jane Doe · Reporter · 3 March 2023"
_BYLINE_BEFORE_STAMP = re.compile(
    r"\s*(?:(?:[Ss]tory\s+|[Ww]ords\s+)?[Bb]y\s+[^\n—–|·•/]{2,80}?(?:[—–|·•/]| - )"
    r"|(?:(?:[Pp]osted|[Ww]ritten|[Pp]ublished)\s+)?[Bb]y\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s+on\s"
    r"|(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*(?:[—–|·•/]| - )\s*){1,3})")
# a stamp that says what its date is, which a standfirst may come before
_STAMP_LABEL = re.compile(r"\s*(?:date[d:]?|published|updated|posted|issued|released|first\s+published|"
                          r"last\s+(?:updated|modified))\b",
                          re.IGNORECASE)
LABELLED_STAMP_SENTENCES = 5
_UPDATE_LABEL = re.compile(r"^\s*(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Decision:
    date: date
    source: str      # given | text | collection | assumed
    evidence: str | None


def from_input(published: date | None) -> Decision | None:
    if published is None:
        return None
    return Decision(published, "given", f"published {published.isoformat()}")


def _resolved_day(cand: Candidate, anchor: date) -> date | None:
    t = timex.resolve(cand, anchor, "past")
    iv = t.interval
    if iv is None or iv.start is None or iv.start != iv.end:
        return None
    return iv.start


# "Copyright 2018 The Associated Press. All rights reserved.", "© 2025 Thomson Reuters": the
# page's year (in every read corpus the year of the article's date)
_COPYRIGHT_YEAR = re.compile(r"^[ \t]*(?:copyright|\(c\)|©)[ \t]*(?:©[ \t]*)?(?P<year>(?:19|20)\d\d)\b",
                             re.IGNORECASE | re.MULTILINE)


def copyright_year(text: str) -> int | None:
    """The year of the page's copyright line, if it has one."""
    hit = _COPYRIGHT_YEAR.search(text)
    return int(hit.group("year")) if hit else None


def from_text(text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate],
              year_hint: date | None = None) -> Decision | None:
    """A dateline or era-day count.  A dateline without a year ("June 2")
    takes its year from the page's copyright line, else from `year_hint` (a
    date the collection evidences)."""
    lead_end = _lead_end(sentences)
    year_source = "the collection"
    if (own_year := copyright_year(text)) is not None:
        year_hint, year_source = date(own_year, 7, 1), "its copyright line"
    for cand in _datelines(text, candidates, _lead_end(sentences, LABELLED_STAMP_SENTENCES)):
        if timex.is_anchor_free(cand):
            day = _resolved_day(cand, date(2000, 1, 1))
            if day:
                return Decision(day, "text", f"dateline {cand.text!r}")
        elif year_hint is not None and cand.rule in ("month_day", "day_month"):
            day = _nearest_year(cand, year_hint)
            if day:
                return Decision(day, "text", f"dateline {cand.text!r}, year from {year_source} ({year_hint.year})")
    lines = list(_date_lines(text, candidates, lead_end, _lead_end(sentences, LABELLED_STAMP_SENTENCES)))
    # the first publication, not a later update, is the day the page reports
    for cand in sorted(lines, key=lambda c: bool(_UPDATE_LABEL.match(_line_of(text, c.start)))):
        day = _resolved_day(cand, date(2000, 1, 1))
        if day:
            return Decision(day, "text", f"date line {_line_of(text, cand.start).strip()!r}")
    stated = _day_its_lead_names_as_a_date(text, candidates, lead_end, year_hint, year_source)
    if stated is not None:
        return stated
    for cand in candidates:
        if cand.rule != "era_day":
            continue
        in_furniture = any(s.furniture and s.start <= cand.start < s.end for s in sentences)
        if in_furniture or cand.start < lead_end:
            day = _resolved_day(cand, date(2000, 1, 1))
            if day:
                where = "a page banner" if in_furniture else "the lead"
                return Decision(day, "text", f"{cand.text} ({where}; era day count)")
    return None


# "Yesterday, on Easter Monday, ...", "today, May 9,": a deictic day set beside its date
_DEICTIC_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
# ("yesterday, Belgium's National Day": a country's own holiday, named as its)
_APPOSED_DATE = re.compile(r"\s*,\s*(?:on\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s\s+)?")


def _day_its_lead_names_as_a_date(text: str, candidates: Sequence[Candidate], lead_end: int,
                                  year_hint: date | None, year_source: str = "the collection") -> Decision | None:
    """The article's day when its lead sets a date beside "yesterday", "today" or
    "tomorrow": that date, less or more a day.  A date without a year takes the
    year of `year_hint` (none without it)."""
    ordered = sorted(candidates, key=lambda c: c.start)
    for cand, named in zip(ordered, ordered[1:]):
        shift = _DEICTIC_DAYS.get(str(cand.fields.get("word", "")).lower()) if cand.rule == "day_relative" else None
        if shift is None or named.start >= lead_end or named.rule not in ("holiday", "month_day", "day_month") \
                or not _APPOSED_DATE.fullmatch(text, cand.end, named.start):
            continue
        if timex.is_anchor_free(named):
            day, year_from = _resolved_day(named, date(2000, 1, 1)), ""
        elif year_hint is not None:
            day, year_from = _nearest_year(named, year_hint), f", year from {year_source} ({year_hint.year})"
        else:
            continue
        if day is not None:
            return Decision(day - timedelta(days=shift), "text",
                            f"{text[cand.start:named.end]!r} in the lead{year_from}")
    return None


def _datelines(text: str, candidates: Sequence[Candidate], end: int):
    """The time expressions placed as a dateline: at the start of a line (or after
    "PLACE,") and followed by a dash, a colon or a bar, above `end`.  Further down,
    such lines are a chronology box ("4 March - police arrest a suspect")."""
    for cand in candidates:
        if cand.start < end and opens_a_dated_line(text, cand, after_a_place=True):
            yield cand


def opens_a_dated_line(text: str, cand: Candidate, after_a_place: bool = False) -> bool:
    """"4 March - police arrest a suspect": a date that opens its line before a dash,
    a colon or a bar, as a dateline or a chronology box's entry does (`after_a_place`:
    or after "PLACE,", as only a dateline does)."""
    before = text[text.rfind("\n", 0, cand.start) + 1:cand.start]
    after_place = bool(before.strip()) and after_a_place and _DATELINE_HEAD.match(before) is not None
    if after_place and _LINE_ENDS.match(text, cand.end):
        return True  # "VELLORE, October 29, 2017" on a line of its own, above the story
    return (not before.strip() or after_place) and _DATELINE_TAIL.match(text[cand.end:cand.end + 60]) is not None


_LINE_ENDS = re.compile(r"[ \t]*(?:\n|$)")


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _date_lines(text: str, candidates: Sequence[Candidate], lead_end: int, labelled_end: int):
    """Full dates that stand on a line of their own above the end of the lead:
    the page's date line or publication banner, not a date of the story. A line
    that labels its date ("Date 16.04.2026", "Published ...") may come after a
    standfirst of a few sentences, up to `labelled_end`."""
    for cand in candidates:
        # a clock time with its full date counts: "Published 6:04 a.m. CT Feb. 5, 2026"
        if cand.start >= labelled_end or cand.type not in ("DATE", "TIME") or not timex.is_anchor_free(cand):
            continue
        line_start, line = _stamp_of(text, cand.start)
        if cand.start >= lead_end and not _STAMP_LABEL.match(line):
            continue
        byline = _BYLINE_BEFORE_STAMP.match(line, 0, cand.start - line_start)
        rest = list(" " * byline.end() + line[byline.end():] if byline else line)
        # the date, a clock time beside it, and a second stamp on the same line
        # ("Posted Mon 17 Mar 2025 at 3:40pm, updated Mon 17 Mar 2025 at 7:12pm")
        for other in candidates:
            a, b = other.start - line_start, other.end - line_start
            if 0 <= a and b <= len(line) and (other is cand or other.type == "TIME" or timex.is_anchor_free(other)):
                rest[a:b] = " " * (b - a)
        words = re.findall(r"[A-Za-z]+", "".join(rest))
        if all(w.lower() in DATE_LINE_WORDS or ZONE_ABBREVIATION.fullmatch(w) for w in words):
            yield cand


def _numeric_with_year(cand: Candidate) -> bool:
    """An all-numeric date with its full year ("03/05/2023"), whose day and
    month may swap."""
    return cand.rule in ("numeric_date", "dashed_date") and len(cand.fields.get("year") or "") == 4


# Time zones of places that write the day first: "03/05/2023 10:42 BST" is 3 May.
_DAY_FIRST_ZONE = re.compile(r"\b(?:BST|GMT|IST|CET|CEST|EET|EEST|WET|WEST|AEST|AEDT|ACST|AWST|NZST|NZDT|SAST|"
                             r"WAT|EAT|CAT|MSK|SGT|HKT|PHT|WIB)\b")


def _ambiguous_stamps(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """All-numeric dates whose day and month could swap, on a line that is a
    page's stamp ("Updated: 09/03/2023 17:40", "Published on 05/03/2023")."""
    return [c for c in candidates if _numeric_with_year(c) and not timex.is_anchor_free(c)
            and (is_date_line(_line_of(text, c.start)) or furniture_kind(_line_of(text, c.start)) == "byline")]


def _readings(cand: Candidate) -> frozenset:
    a, b, year = int(cand.fields["a"]), int(cand.fields["b"]), int(cand.fields["year"])
    out = set()
    for month, day in ((a, b), (b, a)):
        try:
            out.add(date(year, month, day))
        except ValueError:
            continue
    return frozenset(out)


def _stamp_day(cand: Candidate, line: str) -> date | None:
    """An ambiguous stamp's day when nothing else tells: day first when the
    stamp's time zone is a day-first place's, else month first
    (`numeric_date_order`)."""
    a, b, year = int(cand.fields["a"]), int(cand.fields["b"]), int(cand.fields["year"])
    month, day = (b, a) if _DAY_FIRST_ZONE.search(line) else (a, b)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _stamp_of(text: str, pos: int) -> tuple[int, str]:
    """(where it starts, the text) of the stamp around `pos`: its line, or the part
    of it between bars ("Posted: Nov 18, 2021 4:12 PM ET | Last Updated: 7 hours ago")."""
    start = text.rfind("\n", 0, pos) + 1
    line = _line_of(text, pos)
    bar = line.rfind("|", 0, pos - start)
    end = line.find("|", pos - start)
    if end >= 0:
        line = line[:end]
    return start + bar + 1, line[bar + 1:]


def yearless_dateline(text: str, sentences: Sequence[Sentence],
                      candidates: Sequence[Candidate]) -> Candidate | None:
    """A dateline that names its day but not its year ("LONDON, March 14 (Reuters) -")."""
    return next((c for c in _datelines(text, candidates, _lead_end(sentences, LABELLED_STAMP_SENTENCES))
                 if c.rule in ("month_day", "day_month") and not timex.is_anchor_free(c)), None)


LEAD_WEEKDAY_SENTENCES = 3  # the lead may tell the night's event before the day's statement


def lead_weekdays(sentences: Sequence[Sentence], candidates: Sequence[Candidate]) -> frozenset[int]:
    """The ISO weekdays (1 = Monday) that the first story sentences name by their
    names alone ("said on Tuesday"). Wire copy names its dateline's own day so,
    never as "today", and the days before it likewise."""
    lead_end = _lead_end(sentences, LEAD_WEEKDAY_SENTENCES)
    weekdays = load_lexicon().weekdays
    return frozenset(weekdays[str(c.fields["weekday"]).lower()] for c in candidates
                     if c.rule == "weekday" and c.start < lead_end and c.fields.get("weekday"))


def _latest_up_to(cand: Candidate, limit: date) -> date | None:
    """The day `cand` names in the latest year that does not put it after `limit`."""
    for year in (limit.year, limit.year - 1):
        day = _resolved_day(cand, date(year, 12, 31))
        if day is not None and day <= limit:
            return day
    return None


def _lead_end(sentences: Sequence[Sentence], count: int = 2) -> int:
    """Where the first `count` story sentences end."""
    story = [s for s in sentences if s.is_story and not s.heading]
    return story[min(count, len(story)) - 1].end if story else 0


def _nearest_year(cand: Candidate, hint: date) -> date | None:
    best = None
    for year in (hint.year - 1, hint.year, hint.year + 1):
        day = _resolved_day(cand, date(year, 12, 31))
        if day and (best is None or abs((day - hint).days) < abs((best - hint).days)):
            best = day
    return best


# ---------------------------------------------------------------- clues
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "a": 1, "an": 1}
_AGE = re.compile(r"\b(\d+|[a-z]+)[- ](day|week|month|year)[- ]old\s+([a-z' ]{3,40}?)\b(?=[\s,.;]|$)", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    m += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(y, m, d)
        except ValueError:
            continue
    raise ValueError(day)


def era_ages(text: str) -> list[tuple[str, date, date]]:
    """The spans an era's stated age puts the article in: "the 14-month-old war"
    in an article about Ukraine lies 14 months after 24 February 2022,
    (evidence, first day, last day)."""
    found = []
    for m in _AGE.finditer(text):
        num = m.group(1).lower()
        n = int(num) if num.isdigit() else _NUMBER_WORDS.get(num)
        if not n:
            continue
        unit = m.group(2).lower()
        noun = m.group(3).lower().strip()
        lexicon = load_lexicon()
        for name, era in lexicon.eras.items():
            if not (noun == name or noun.endswith(" " + name) or noun.startswith(name)):
                continue
            if lexicon.era_named(name, text) is None:
                continue  # "a 14-month-old war" in an article that never says which war
            start = era.start
            if unit == "month":
                lo, hi = _add_months(start, n), _add_months(start, n + 1) - timedelta(days=1)
            elif unit == "year":
                lo, hi = _add_months(start, 12 * n), _add_months(start, 12 * n + 12) - timedelta(days=1)
            else:
                lo = start + timedelta(days=n * _UNIT_DAYS[unit])
                hi = lo + timedelta(days=_UNIT_DAYS[unit] - 1)
            found.append((f"{m.group(0)} (since {start.isoformat()})", lo, hi))
            break
    return found


def clues(text: str, candidates: Sequence[Candidate]) -> list[tuple[str, Callable[[date], bool]]]:
    """Constraints the article puts on its own date: (evidence, test)."""
    found: list[tuple[str, Callable[[date], bool]]] = [
        (evidence, lambda d, lo=lo, hi=hi: lo <= d <= hi) for evidence, lo, hi in era_ages(text)]
    # "Updated: 09/03/2023 17:40": one of the stamp's two readings, which the collection may tell apart
    for cand in _ambiguous_stamps(text, candidates):
        readings = _readings(cand)
        found.append((f"date stamp {_line_of(text, cand.start).strip()!r}", lambda d, r=readings: d in r))
    # "a few days before May 9": the article's date lies a few days before that date
    by_start = sorted(candidates, key=lambda c: c.start)
    for k, cand in enumerate(by_start):
        if cand.rule != "offset":
            continue
        tail = re.match(r"\s+(before|ahead of|prior to)\b", text[cand.end:cand.end + 20])
        if not tail:
            continue
        if k > 0 and _SET_BESIDE.fullmatch(text, by_start[k - 1].end, cand.start):
            continue  # "reopened on Feb. 16, three days before its bonspiel": counted from Feb. 16
        target = next((c for c in by_start[k + 1:k + 3]
                       if c.start - cand.end < 60 and c.rule in ("month_day", "day_month", "holiday", "iso_date")),
                      None)
        # the date must be what the amount counts to, in the same clause: not "40 minutes
        # before it ignited. The shutdown had begun on February 28"
        if target is None or _BEYOND_THE_CLAUSE.search(text, cand.end + tail.end(), target.start) \
                or str(cand.fields.get("unit", "days")).lower().rstrip("s") not in ("day", "week", "month"):
            continue
        lo_days, hi_days = _offset_range(cand)
        evidence = text[cand.start:target.end]

        def fits(d, target=target, lo_days=lo_days, hi_days=hi_days):
            t = timex.resolve(target, d, "future")
            if t.interval is None or t.interval.start is None:
                return True
            gap = (t.interval.start - d).days
            return lo_days <= gap <= hi_days
        found.append((evidence, fits))
    return found


_BEYOND_THE_CLAUSE = re.compile(r"[.;:!?]")
_SET_BESIDE = re.compile(r",\s*(?:just\s+|only\s+|exactly\s+)?")


def _offset_range(cand: Candidate) -> tuple[int, int]:
    num = str(cand.fields.get("num", "")).lower()
    unit = str(cand.fields.get("unit", "days")).lower().rstrip("s")
    scale = {"day": 1, "week": 7, "month": 30}.get(unit, 1)
    n = int(num) if num.isdigit() else _NUMBER_WORDS.get(num)
    if n:
        return max(0, (n - 1) * scale), (n + 1) * scale
    return 1 * scale, 10 * scale  # "a few days", "days", "several days"


# ---------------------------------------------------------------- collection
# How far after the earliest of the days that score best a tie-break may move
# the article: the day after it (written the next morning), no further. Three
# days gained as much on undated articles (leave-one-out) but moved undated
# follow-ups written as such two or three days late.
TIE_BREAK_DAYS = 1


def from_collection(candidate_dates: Sequence[date], score: Callable[[date], tuple[float, list[str]]],
                    constraints: Sequence[tuple[str, Callable[[date], bool]]],
                    tie_break: Callable[[date], int] | None = None) -> Decision | None:
    """The candidate date whose resolution makes the most of this article's
    reports agree with dated ones; ties go to the earliest (news is reported
    soon after it happens), or with `tie_break`, to the lowest it gives among
    the tied days up to TIE_BREAK_DAYS after the earliest.  `score` returns
    (value, matched events, *notes): notes are further evidence for the day,
    in words."""
    scored = []
    for day in sorted(set(candidate_dates)):
        if not all(test(day) for _, test in constraints):
            continue
        value, matched, *notes = score(day)
        if value > 0:
            scored.append((value, day, matched, notes))
    if not scored:
        return None
    top = max(value for value, *_ in scored)
    tied = [entry for entry in scored if entry[0] > top - 1e-9]
    first = tied[0][1]
    if tie_break is not None:
        tied = [entry for entry in tied if (entry[1] - first).days <= TIE_BREAK_DAYS]
        tied.sort(key=lambda entry: (tie_break(entry[1]), entry[1]))
    value, day, matched, notes = tied[0]
    if day != first:
        notes = [*notes, f"its weekday names reach back less from it than from {first.isoformat()}, "
                         f"which its reports fit as well"]
    parts = (["reports the same events as " + "; ".join(matched[:4])] if matched else []) + list(notes)
    if constraints:
        parts.append("consistent with " + "; ".join(repr(e) for e, _ in constraints[:3]))
    return Decision(day, "collection", ", ".join(parts))


def stated_days(text: str, candidates: Sequence[Candidate]) -> list[date]:
    """Near which days an undated article's own words put it: both readings of
    its ambiguous date stamp ("Updated: 09/03/2023 17:40": 9 March or 3
    September), else the latest full date it states. Not its date: the year it
    is in."""
    stamps = _ambiguous_stamps(text, candidates)
    if stamps:
        return sorted(_readings(stamps[0]))
    latest = _latest_full_date(candidates)
    return [latest] if latest is not None else []


def _latest_full_date(candidates: Sequence[Candidate]) -> date | None:
    """The latest date the article states in full ("May 3, 2023"), anywhere in it."""
    return max((day for cand in candidates if cand.type == "DATE" and timex.is_anchor_free(cand)
                and (day := _resolved_day(cand, date(2000, 1, 1))) is not None), default=None)


def assumed(evidenced: Sequence[date], today: date | None = None,
            candidates: Sequence[Candidate] = (), dateline: Candidate | None = None, text: str = "") -> Decision:
    """Nothing better: the latest full date the article itself states
    ("May 3, 2023" in its body), else the day of its yearless dateline in the
    latest year up to the last date the collection evidences or today, else
    that date itself."""
    latest = _latest_full_date(candidates)
    if latest is not None:
        return Decision(latest, "assumed", f"assumed: the latest full date the article states ({latest.isoformat()})")
    stamps = [(day, c) for c in _ambiguous_stamps(text, candidates)
              if (day := _stamp_day(c, _line_of(text, c.start))) is not None] if text else []
    if stamps:
        day, cand = stamps[0]
        return Decision(day, "assumed", f"assumed: the date stamp {_line_of(text, cand.start).strip()!r}, "
                                        f"read {'day' if _DAY_FIRST_ZONE.search(_line_of(text, cand.start)) else 'month'} first")
    ages = era_ages(text) if text else []
    lo, hi = (max(a[1] for a in ages), min(a[2] for a in ages)) if ages else (None, None)
    if ages and lo <= hi:
        # the age of a known era places the article within a month or a year: its
        # dateline's day in that span, else the span's middle, beats today's date
        span = f"assumed: {'; '.join(a[0] for a in ages)} puts it between {lo.isoformat()} and {hi.isoformat()}"
        day = _latest_up_to(dateline, hi) if dateline is not None else None
        if day is not None and day >= lo:
            return Decision(day, "assumed", f"{span}; its dateline {dateline.text!r} names the day")
        return Decision(lo + (hi - lo) / 2, "assumed", f"{span}; the middle of that span")
    limit = max(evidenced) if evidenced else (today or date.today())
    day = _latest_up_to(dateline, limit) if dateline is not None else None
    if day is not None:
        whose = "the latest date the collection evidences" if evidenced else "today"
        return Decision(day, "assumed", f"assumed: dateline {dateline.text!r} without a year; the year of "
                                        f"its latest occurrence up to {whose} ({limit.isoformat()})")
    if evidenced:
        latest = max(evidenced)
        return Decision(latest, "assumed",
                        f"assumed: no date in the article or its collection; the latest date the collection evidences ({latest.isoformat()})")
    day = today or date.today()
    return Decision(day, "assumed", f"assumed: no date anywhere; today's date ({day.isoformat()})")
