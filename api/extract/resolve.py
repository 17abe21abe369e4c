"""Resolution: an underspecified Candidate + anchor date + tense -> Timex.

One resolver per rule of data/timex_rules.yaml, registered under the rule's
name.  Every value comes with its calendar interval and grain (CONTRACT §1);
DURATION and SET values have no interval.  Nothing here reads the clock.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable

from api.extract.lexicon import Lexicon, load as load_lexicon, normalize_name, spoken_year
from api.extract.model import Candidate, Interval, Timex

# How far back (days) a vague past reference reaches, and forward for future.
VAGUE_WINDOWS = {
    "recent days": 7, "recent weeks": 28, "recent months": 183, "recent years": 3 * 365,
    "recent decades": 30 * 365, "recent times": 365, "recently": 31, "lately": 31,
    "previously": 365, "formerly": 3 * 365, "the past": 10 * 365, "earlier times": 10 * 365,
}
DEFAULT_PAST_WINDOW = 365
DEFAULT_FUTURE_WINDOW = 365
FUTURE_WINDOWS = {"soon": 31, "the near future": 183, "the coming days": 7, "the coming weeks": 31,
                  "coming days": 7, "coming weeks": 31, "the coming months": 183, "coming months": 183}
# Meteorological seasons: their first months, in the northern hemisphere and in the southern.
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SOUTHERN_SEASON_MONTHS = {"SP": 9, "SU": 12, "FA": 3, "WI": 6}
PART_CODES = ("MO", "AF", "EV", "NI", "MI")


@dataclass(frozen=True)
class Resolved:
    """What a resolver returns; `timex()` wraps it with the candidate's span."""
    type: str
    value: str | None
    interval: Interval | None


# ------------------------------------------------------------ calendar bits --

def day(d: date, grain: str = "day") -> Resolved:
    return Resolved("DATE", d.isoformat(), Interval(d, d, grain, d.isoformat()))


def month(y: int, m: int) -> Resolved:
    last = calendar.monthrange(y, m)[1]
    v = f"{y:04d}-{m:02d}"
    return Resolved("DATE", v, Interval(date(y, m, 1), date(y, m, last), "month", v))


def year(y: int) -> Resolved:
    v = f"{y:04d}"
    return Resolved("DATE", v, Interval(date(y, 1, 1), date(y, 12, 31), "year", v))


def week(d: date) -> Resolved:
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.isoweekday() - 1)
    v = f"{y:04d}-W{w:02d}"
    return Resolved("DATE", v, Interval(monday, monday + timedelta(days=6), "week", v))


def weekend(d: date) -> Resolved:
    y, w, _ = d.isocalendar()
    saturday = d + timedelta(days=6 - d.isoweekday())
    v = f"{y:04d}-W{w:02d}-WE"
    # a weekend is its two days, not a week: it sits with the days on a timeline
    return Resolved("DATE", v, Interval(saturday, saturday + timedelta(days=1), "day", v))


def quarter(y: int, q: int) -> Resolved:
    v = f"{y:04d}-Q{q}"
    start = date(y, 3 * q - 2, 1)
    end = date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    return Resolved("DATE", v, Interval(start, end, "quarter", v))


def half(y: int, h: int) -> Resolved:
    v = f"{y:04d}-H{h}"
    start = date(y, 6 * h - 5, 1)
    end = date(y, 6 * h, 30 if h == 1 else 31)
    return Resolved("DATE", v, Interval(start, end, "quarter", v))


def season(y: int, code: str, south: bool = False) -> Resolved:
    """The season `code` of year `y` (a winter, or a southern summer, runs into the next year)."""
    first = (SOUTHERN_SEASON_MONTHS if south else SEASON_MONTHS)[code]
    start = date(y, first, 1)
    end_y, end_m = (y + 1, first - 10) if first > 10 else (y, first + 2)
    end = date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
    v = f"{y:04d}-{code}"
    return Resolved("DATE", v, Interval(start, end, "season", v))


def decade(first_year: int) -> Resolved:
    v = f"{first_year // 10:03d}"
    return Resolved("DATE", v, Interval(date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade", v))


def century(n_minus_1: int) -> Resolved:
    v = f"{n_minus_1:02d}"
    y0 = max(1, n_minus_1 * 100)
    return Resolved("DATE", v, Interval(date(y0, 1, 1), date(n_minus_1 * 100 + 99, 12, 31), "century", v))


def part_of_day(d: date, code: str) -> Resolved:
    v = f"{d.isoformat()}T{code}"
    if code == "NI":
        return Resolved("TIME", v, Interval(d, d + timedelta(days=1), "night", v))
    return Resolved("TIME", v, Interval(d, d, "part-of-day", v))


def time_on(d: date, hour: int, minute: int) -> Resolved:
    v = f"{d.isoformat()}T{hour:02d}:{minute:02d}"
    return Resolved("TIME", v, Interval(d, d, "time", v))


def vague(value: str, start: date | None, end: date | None) -> Resolved:
    return Resolved("DATE", value, Interval(start, end, "vague", value))


def duration(value: str) -> Resolved:
    return Resolved("DURATION", value, None)


def as_set(value: str) -> Resolved:
    return Resolved("SET", value, None)


def add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date:
    if unit in ("day", "night"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    if unit == "hour":
        return d + timedelta(days=int(n / 24))  # "48 hours ago": two days back; "six hours later": the same day
    if unit == "minute":
        return d + timedelta(days=int(n / 1440))
    return d  # seconds: the day stays


def at_grain(d: date, unit: str) -> Resolved:
    """The calendar unit of that kind that contains d."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return day(d)
    if unit in ("week", "fortnight"):
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "decade":
        return decade(d.year - d.year % 10)
    if unit == "century":
        return century(d.year // 100)
    return year(d.year)


def with_mod(r: Resolved, mod: str | None) -> Resolved:
    """Narrow the interval for early/mid/late (the TIMEX3 value stays: TimeML
    puts these in the `mod` attribute)."""
    if not mod or r.interval is None or r.interval.start is None or r.interval.end is None:
        return r
    mod = mod.lower()
    iv = r.interval
    if mod in ("early",) or "beginning" in mod or "start" in mod:
        part = 0
    elif mod in ("late",) or "end" in mod or "close" in mod:
        part = 2
    elif mod == "mid" or "middle" in mod:
        part = 1
    else:
        return r
    new = _third(iv.start, iv.end, iv.grain, part)
    if new is None:
        return r
    # "in early June" is some unsaid days in that third, not the month: vague, like "late last month"
    grain = "vague" if iv.grain in _NARROWED_TO_VAGUE else iv.grain
    return Resolved(r.type, r.value, Interval(new[0], new[1], grain, iv.value))


_NARROWED_TO_VAGUE = frozenset({"month", "season", "quarter", "year", "decade", "century"})


def _third(start: date, end: date, grain: str, part: int) -> tuple[date, date] | None:
    """The first, middle or last third of an interval, on the boundaries of
    the next smaller unit: "late 2022" is September to December, "the early
    1990s" 1990-1993, "mid-May" 11 to 20 May."""
    if grain in ("year", "decade", "century", "season", "quarter") or (end - start).days > 62:
        # whole months, or whole years for a decade or more
        step = 12 if grain in ("decade", "century") else 1
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        units = max(1, months // step)
        cuts = [0, round(units / 3), units - round(units / 3), units]
        if part == 1 and units >= 3:
            cuts[1], cuts[2] = units // 3, units - units // 3
        lo, hi = cuts[part] * step, cuts[part + 1] * step
        if hi <= lo:
            return None
        first = add_months(date(start.year, start.month, 1), lo)
        last_month = add_months(date(start.year, start.month, 1), hi - 1)
        return first, date(last_month.year, last_month.month, calendar.monthrange(last_month.year, last_month.month)[1])
    days = (end - start).days + 1
    if days < 3:
        return None
    a, b = days // 3, days - days // 3
    cuts = [0, a + (1 if days % 3 == 2 else 0), b, days]
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1] and start.month == end.month:
        cuts = [0, 10, 20, days]  # a month's thirds are its tens of days, the last one long or short
    lo, hi = cuts[part], cuts[part + 1]
    return start + timedelta(days=lo), start + timedelta(days=hi - 1)


def earlier_later(r: Resolved, mod: str | None, anchor: date) -> Resolved:
    """"earlier this year" ends at the anchor, "later this month" starts there:
    some unsaid time in that stretch, so the grain is vague (the TIMEX3 value
    stays the unit's)."""
    if not mod or r.interval is None:
        return r
    iv = r.interval
    m = mod.lower()
    if m == "earlier" and iv.start and iv.start <= anchor <= (iv.end or anchor):
        return Resolved(r.type, r.value, Interval(iv.start, anchor, "vague", iv.value))
    if m == "later" and iv.end and (iv.start or anchor) <= anchor <= iv.end:
        return Resolved(r.type, r.value, Interval(anchor, iv.end, "vague", iv.value))
    return with_mod(r, mod)


# ---------------------------------------------------------- choosing years --

# A completed past ("the strike ended on March 4") cannot lie after its
# article's date.  But a reference date inferred from other articles can be a
# few days early, and news is loose with near dates ("carried out on the eve
# of the parade on May 9", said a week before): only a date more than this
# many days ahead goes back a year.
COMPLETED_PAST_SLACK_DAYS = 7
# The field under which resolve_candidate hands a completed past's slack to
# the resolvers (the clause's tense stays "past": every other rule reads it
# as before).
COMPLETED = "_completed_past_slack"


def pick_year(anchor: date, tense: str, build: Callable[[int], date],
              completed_slack: int | None = None) -> int:
    """The year for a date given without one ("May 9", "June", "Victory
    Day"): the occurrence nearest the anchor, unless the clause's tense
    clearly points the other way by more than a month -- or, for a completed
    past, lies ahead of the anchor by more than `completed_slack` days."""
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append((y, build(y)))
        except ValueError:  # 29 February
            continue
    y, d = min(options, key=lambda o: abs((o[1] - anchor).days))
    if tense == "past" and (d - anchor).days > (62 if completed_slack is None else completed_slack):
        y -= 1
    elif tense == "future" and (anchor - d).days > 31:
        y += 1
    elif tense == "present" and (anchor - d).days > 62:
        y += 1  # "the deal expires at the end of September" (said in March)
    return y


def weekday_near(anchor: date, weekday: int, tense: str) -> date:
    """Bare weekday: past tense -> the most recent such day, the anchor
    included; future -> the next such day, the anchor included; present ->
    whichever of the two is nearer."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if tense == "future" or (tense == "present" and ahead < back):
        # present tense in news often announces ("the summit opens
        # Friday"): the nearer of the two, the past one on a tie
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


# --------------------------------------------------------------- resolvers --

RESOLVERS: dict[str, Callable[..., Resolved | None]] = {}


def resolver(name: str):
    def register(fn):
        RESOLVERS[name] = fn
        return fn
    return register


def _era(name: str):
    return load_lexicon().eras[normalize_name(name)]


@resolver("era_day")
def _era_day(f, anchor, tense, previous, lex):
    n = int(f["n"]) if f.get("n") else lex.ordinal_of(f["ord"])
    if not n or n < 1:
        return None
    return day(_era(f["era"]).start + timedelta(days=n - 1))


@resolver("era_name")
def _era_name(f, anchor, tense, previous, lex):
    era = _era(f["era"])
    return Resolved("DATE", None, Interval(era.start, era.end, "year", None))


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _holiday_date(f, anchor, tense, lex) -> date:
    hol = lex.holidays[normalize_name(f["holiday"])].for_country(f.get("country"))
    if f.get("year"):
        return hol.on(int(f["year"]))
    if f.get("year_rel"):  # "on Christmas Day last year": that year's, whatever the tense
        return hol.on(anchor.year + _YEAR_STEP[f["year_rel"].lower()])
    rel = (f.get("rel") or "").lower()
    if rel:  # "next Midsummer Eve": the first one after the anchor; "last Christmas": the latest before it
        options = [hol.on(y) for y in range(anchor.year - 1, anchor.year + 2)]
        return min(d for d in options if d > anchor) if rel == "next" else max(d for d in options if d < anchor)
    return hol.on(pick_year(anchor, tense, hol.on, f.get(COMPLETED)))


@resolver("eve_of_holiday")
def _eve(f, anchor, tense, previous, lex):
    return day(_holiday_date(f, anchor, tense, lex) - timedelta(days=1))


@resolver("part_of_day_by_holiday")
def _part_of_day_by_holiday(f, anchor, tense, previous, lex):
    """"the night before National Day" is the night into it; "the night after Christmas"
    the one that follows it; "the morning after Christmas" the next day's."""
    holiday = _holiday_date(f, anchor, tense, lex)
    code = lex.parts_of_day[f["part"].lower()]
    if f["dir"].lower() == "before":
        return part_of_day(holiday - timedelta(days=1), code)
    return part_of_day(holiday if code == "NI" else holiday + timedelta(days=1), code)


@resolver("holiday")
def _holiday(f, anchor, tense, previous, lex):
    if f.get("part"):  # "on Thanksgiving morning", "on Christmas night"
        return part_of_day(_holiday_date(f, anchor, tense, lex), lex.parts_of_day[f["part"].lower()])
    if f.get("weekend"):
        return _holiday_weekend(_holiday_date(f, anchor, tense, lex), "long" in f["weekend"].lower())
    return with_mod(day(_holiday_date(f, anchor, tense, lex)), f.get("mod"))


# the days of a holiday's weekend, from the holiday's weekday: a Monday's are the Saturday
# before it to the Monday, Thanksgiving Thursday's run to the Sunday; an Easter Sunday's
# long weekend is Good Friday to Easter Monday
_WEEKEND_AROUND = {1: (-2, 0), 4: (0, 3), 5: (0, 2), 6: (0, 1), 7: (-1, 0)}
_LONG_WEEKEND_AROUND = {**_WEEKEND_AROUND, 6: (0, 2), 7: (-2, 1)}


def _holiday_weekend(d: date, long: bool) -> Resolved:
    """"Labor Day weekend", "the Easter long weekend": the days off around the holiday
    (a holiday midweek has no weekend of its own: its day)."""
    around = (_LONG_WEEKEND_AROUND if long else _WEEKEND_AROUND).get(d.isoweekday())
    if around is None:
        return day(d)
    start, end = d + timedelta(days=around[0]), d + timedelta(days=around[1])
    v = weekend(start if start.isoweekday() >= 6 else end).value
    return Resolved("DATE", v, Interval(start, end, "day", v))


@resolver("iso_date")
def _iso(f, anchor, tense, previous, lex):
    d = date(int(f["year"]), int(f["month"]), int(f["day"]))
    if f.get("hour"):
        return time_on(d, int(f["hour"]), int(f["minute"]))
    return day(d)


def _two_digit_year(yy: int, anchor: date) -> int:
    """'99 -> 1999 and '05 -> 2005: the century that puts it at most ~20
    years after the anchor."""
    base = anchor.year - anchor.year % 100
    y = base + yy
    if y > anchor.year + 20:
        y -= 100
    return y


@resolver("dotted_date")
def _dotted(f, anchor, tense, previous, lex):
    return day(date(int(f["year"]), int(f["month"]), int(f["day"])))


@resolver("numeric_date")
@resolver("dashed_date")
def _numeric(f, anchor, tense, previous, lex):
    return day(numeric_date(int(f["a"]), int(f["b"]), f["year"], anchor, lex))


def numeric_date(a: int, b: int, y: str, anchor: date | None, lex: Lexicon) -> date:
    """The locale rule for all-numeric dates such as 03/05/2023: a number
    above 12 cannot be the month, so it is the day.  When both readings are
    real dates, news dates its numbers close to the article: the reading
    nearer the reference date wins (03/05/2023 in an article of 3 May 2023
    is 3 May), and without a reference date, or at equal distance, the
    lexicon's numeric_date_order (MDY, US usage) decides."""
    yy = int(y) if len(y) == 4 else _two_digit_year(int(y), anchor or date(2000, 1, 1))
    first = (a, b) if lex.numeric_date_order == "MDY" else (b, a)
    readings = []
    for m, d in (first, first[::-1]):
        try:
            readings.append(date(yy, m, d))
        except ValueError:
            continue
    if not readings:
        raise ValueError(f"no date in {a}/{b}/{y}")
    if anchor is None or len(readings) == 1:
        return readings[0]
    return min(readings, key=lambda r: abs((r - anchor).days))  # min keeps the first on a tie


# "last year", "this year", "next year": how many years from the anchor's
_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _month_day(f, anchor, tense, lex):
    m = lex.month_of(f["month"])
    d = int(re.match(r"\d+", f["day"]).group())
    if f.get("year"):
        return day(date(int(f["year"]), m, d))
    if f.get("rel_year"):  # "July 6 last year": that date of the year before the anchor's
        return day(date(anchor.year + _YEAR_STEP[f["rel_year"].lower()], m, d))
    completed = f.get(COMPLETED)
    wd = lex.weekdays.get((f.get("weekday") or "").lower())
    if completed is not None and wd is not None:
        # "spoke on Thursday, May 4": the weekday pins the year the date falls on
        nearest = pick_year(anchor, tense, lambda yy: date(yy, m, d))
        if date(nearest, m, d).isoweekday() == wd:
            completed = None
    y = pick_year(anchor, tense, lambda yy: date(yy, m, d), completed)
    return day(date(y, m, d))


@resolver("weekday_week_on")
@resolver("weekday_week")
def _weekday_week_on(f, anchor, tense, previous, lex):
    """"a week on Friday", "Sunday week": the weekday after next (the next one
    strictly after the anchor, then a week more)."""
    weekday = lex.weekdays[f["weekday"].lower()]
    ahead = (weekday - anchor.isoweekday()) % 7 or 7
    return day(anchor + timedelta(days=ahead + 7))


@resolver("night_span")
def _night_span(f, anchor, tense, previous, lex):
    """"the night of 2 to 3 May", "overnight from Tuesday to Wednesday": the
    night that begins on the first day (2023-05-02TNI)."""
    if f.get("weekday"):
        first = weekday_near(anchor, lex.weekdays[f["weekday"].lower()], tense)
    else:
        g = {"month": f.get("month") or f["month2"], "day": f.get("day") or f["day2"], "year": f.get("year")}
        first = _month_day(g, anchor, tense, lex).interval.start
    return part_of_day(first, "NI")


@resolver("part_of_date")
def _part_of_date(f, anchor, tense, previous, lex):
    """"the night of Oct. 16": that date's night (2024-10-16TNI)."""
    g = dict(f)
    if g.get("day2"):
        g["day"], g["month"] = g["day2"], g["month2"]
    d = _month_day(g, anchor, tense, lex).interval.start
    return part_of_day(d, lex.parts_of_day[f["part"].lower()])


@resolver("month_span_quarter")
def _month_span_quarter(f, anchor, tense, previous, lex):
    """"the October-December quarter": that calendar quarter."""
    m1, m2 = lex.month_of(f["month"]), lex.month_of(f["month_end"])
    if m1 % 3 != 1 or m2 != m1 + 2:
        return None
    y = pick_year(anchor, "past" if tense != "future" else tense, lambda yy: date(yy, m2, 28))
    return quarter(y, (m1 - 1) // 3 + 1)


@resolver("year_range")
def _year_range(f, anchor, tense, previous, lex):
    """"2008-09": TIMEX3 has no value for a span of years, so the value is
    its first year; the interval covers them all."""
    from api.extract.rules import _year_range_ok
    first, last = _year_range_ok(f)
    v = f"{first:04d}"
    return Resolved("DATE", v, Interval(date(first, 1, 1), date(last, 12, 31), "year", v))


@resolver("week_of")
def _week_of(f, anchor, tense, previous, lex):
    d = _month_day(f, anchor, tense, lex).interval.start
    return weekend(d) if f["unit"].lower() == "weekend" else week(d)


@resolver("week_of_month")
def _week_of_month(f, anchor, tense, previous, lex):
    """"the first week of May", "the last week of July": a month's first (last) week
    is the Monday-to-Sunday week with four or more of its days in the month."""
    m = lex.month_of(f["month"])
    y = _year_of(f) if f.get("year") else pick_year(anchor, tense, lambda yy: date(yy, m, 15))
    nth = f["nth"].lower()
    if nth in ("last", "final"):
        last_day = month(y, m).interval.end
        sunday = last_day - timedelta(days=last_day.isoweekday() % 7)  # the last Sunday in the month
        return week(last_day if (last_day - sunday).days >= 4 else sunday)
    first_day = date(y, m, 1)
    monday = first_day + timedelta(days=(8 - first_day.isoweekday()) % 7)  # the first Monday in it
    if monday.day > 4:
        monday -= timedelta(days=7)
    return week(monday + timedelta(days=7 * ("first", "second", "third", "fourth").index(nth)))


@resolver("month_day_range")
@resolver("day_month_range")
@resolver("day_pair_month")
def _md_range(f, anchor, tense, previous, lex):
    """"Feb. 20-21", "20-21 February": TIMEX3 has no value for a range, so the
    value is its first day; the interval runs to the last."""
    first = _month_day(f, anchor, tense, lex).interval.start
    last = first.replace(day=int(re.match(r"\d+", f["day_end"]).group()))
    if last <= first:
        return None
    return Resolved("DATE", first.isoformat(), Interval(first, last, "day", first.isoformat()))


@resolver("month_day")
def _md(f, anchor, tense, previous, lex):
    return _month_day(f, anchor, tense, lex)


@resolver("day_month")
def _dm(f, anchor, tense, previous, lex):
    return _month_day(f, anchor, tense, lex)


def _year_of(f) -> int:
    """The year field, written in digits or spoken ("nineteen ninety-six")."""
    return int(f["year"]) if f.get("year") else spoken_year(f["spoken"])


@resolver("month_year")
def _my(f, anchor, tense, previous, lex):
    return with_mod(month(_year_of(f), lex.month_of(f["month"])), f.get("mod"))


@resolver("spoken_year")
def _spoken(f, anchor, tense, previous, lex):
    return year(_year_of(f))


@resolver("year_end")
def _year_end(f, anchor, tense, previous, lex):
    """"year-end": the reference year (TimeML: value YYYY, mod END); the
    interval is its December."""
    y = year(anchor.year)
    return Resolved(y.type, y.value, Interval(date(anchor.year, 12, 1), date(anchor.year, 12, 31),
                                             "year", y.value))


@resolver("decade_word")
def _decade_word(f, anchor, tense, previous, lex):
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}[f["dword"].lower()]
    first = anchor.year - anchor.year % 100 + tens * 10
    if first > anchor.year:
        first -= 100
    return with_mod(decade(first), f.get("mod"))


@resolver("month")
def _month(f, anchor, tense, previous, lex):
    m = lex.month_of(f["month"])
    # a completed past is measured from the month's first day: "ended in
    # March" cannot be said in February of the same year
    y = pick_year(anchor, tense, lambda yy: date(yy, m, 15 if f.get(COMPLETED) is None else 1),
                  f.get(COMPLETED))
    return earlier_later(month(y, m), f.get("mod"), anchor)


def _year_named(f, anchor: date) -> int:
    """"last year's first quarter", "the first quarter of last year": the year it names."""
    return anchor.year + {"this": 0, "last": -1, "next": 1}[(f.get("ryear") or f["ofyear"]).lower()]


def _ord_quarter(word: str) -> int:
    return {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[word.lower()]


def _current_quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


@resolver("quarter")
def _quarter(f, anchor, tense, previous, lex):
    n = _ord_quarter(f["ord"])
    is_half = f["unit"].lower() == "half"
    if n > 2 and is_half:
        return None
    explicit = f.get("year") or f.get("qyear")
    ago = (f.get("ago") or "").lower()
    if explicit:
        y = int(explicit)
    elif f.get("ryear") or f.get("ofyear"):
        y = _year_named(f, anchor)
    else:
        cur = _current_quarter(anchor) if not is_half else (1 if anchor.month <= 6 else 2)
        y = anchor.year
        rel = (f.get("rel") or "").lower()
        if not rel and n == cur - 1:
            pass  # the quarter just ended: the one results news reports on
        elif not rel and not is_half and cur == 1 and n == 4:
            y -= 1  # ... also across the new year, whatever the tense ("will report fourth-quarter results")
        elif rel == "next" or (tense == "future" and n < cur):
            y += 1 if n < cur or rel == "next" else 0
        elif rel == "last" or (tense != "future" and n > cur):
            y -= 1
    if ago in ("year-ago", "year-earlier", "prior-year", "comparable"):
        y -= 1
    return half(y, n) if is_half else quarter(y, n)


@resolver("year_period")
def _year_period(f, anchor, tense, previous, lex):
    """"the 1988 period": the quarter being reported on, in that year."""
    prev_q = previous and previous.value and re.fullmatch(r"(\d{4})-Q([1-4])", previous.value)
    if prev_q:
        q = int(prev_q.group(2))
    else:
        q = _current_quarter(add_months(anchor, -3))
    if f.get("qyear"):
        y = int(f["qyear"])
    elif f.get("ryear") or f.get("ofyear"):
        y = _year_named(f, anchor)
    else:
        y = (int(prev_q.group(1)) if prev_q else anchor.year) - 1
    return quarter(y, q)


@resolver("year_earlier_adjective")
def _year_earlier_adj(f, anchor, tense, previous, lex):
    prev_q = previous and previous.value and re.fullmatch(r"(\d{4})-Q([1-4])", previous.value)
    if prev_q:
        return quarter(int(prev_q.group(1)) - 1, int(prev_q.group(2)))
    base, _ = _base_of(previous, anchor)
    return year(base.year - 1)


@resolver("month_relative_year")
def _month_rel_year(f, anchor, tense, previous, lex):
    rel = re.sub(r"\s+", " ", f["rel"].lower())
    if rel in ("that", "the same"):
        # "in 2019 ... in February of that year": the year last mentioned
        y = _base_of(previous, anchor)[0].year
    else:
        y = anchor.year + _YEAR_STEP[rel]
    return with_mod(month(y, lex.month_of(f["month"])), f.get("mod"))


@resolver("weekend")
def _weekend(f, anchor, tense, previous, lex):
    rel = f["rel"].lower()
    if (rel == "the" and tense != "future" or rel == "this" and tense == "past") and anchor.isoweekday() < 6:
        return weekend(anchor - timedelta(days=7))
    return weekend(anchor)


@resolver("relative_quarter")
def _relative_quarter(f, anchor, tense, previous, lex):
    rel = (f.get("rel") or "").lower()
    prev_q = previous and previous.value and re.fullmatch(r"(\d{4})-Q([1-4])", previous.value)
    if prev_q:
        y, q = int(prev_q.group(1)), int(prev_q.group(2))
    else:
        # the quarter most recently reported on: the last completed one
        d = add_months(anchor, -3)
        y, q = d.year, _current_quarter(d)
    if rel in ("year-ago", "year-earlier", "prior-year", "comparable") or f.get("yearago"):
        return quarter(y - 1, q)
    if rel == "current":
        return quarter(anchor.year, _current_quarter(anchor))
    if rel in ("latest", "just-ended", "recent"):
        d = add_months(anchor, -3)
        return quarter(d.year, _current_quarter(d))
    if rel in ("previous", "past", "last") and prev_q:
        d = add_months(date(y, 3 * q - 2, 1), -3)
        return quarter(d.year, _current_quarter(d))
    return quarter(y, q)


@resolver("fiscal_year")
def _fiscal(f, anchor, tense, previous, lex):
    y = f["year"]
    y = int(y) if not y.startswith(("'", "’")) else _two_digit_year(int(y[1:]), anchor)
    return year(y)


@resolver("relative_fiscal_year")
def _rel_fiscal(f, anchor, tense, previous, lex):
    rel = f["rel"].lower()
    off = {"latest": -1, "last": -1, "past": -1, "previous": -1, "current": 0, "this": 0,
           "next": 1, "coming": 1, "new": 1}[rel]
    return year(anchor.year + off)


@resolver("decade")
def _decade(f, anchor, tense, previous, lex):
    if f.get("cent"):
        first = int(f["cent"]) * 100 + int(f["dec"]) * 10
    else:
        d = int(f["short"]) * 10
        first = anchor.year - anchor.year % 100 + d
        if first > anchor.year:
            first -= 100
    return with_mod(decade(first), f.get("mod"))


@resolver("century")
def _century(f, anchor, tense, previous, lex):
    n = lex.ordinal_of(f["ord"])
    if not n or n < 1 or n > 21:
        return None
    return with_mod(century(n - 1), f.get("mod"))


def _season_code(word: str, lex: Lexicon) -> str:
    return lex.seasons[word.lower()]


@resolver("season_year")
def _season_year(f, anchor, tense, previous, lex):
    return with_mod(season(_year_of(f), _season_code(f["season"], lex), bool(f.get("south"))), f.get("mod"))


@resolver("season_relative_year")
def _season_rel_year(f, anchor, tense, previous, lex):
    rel = re.sub(r"\s+", " ", f["rel"].lower())
    # "in 2019 ... in the autumn of that year": the year last mentioned
    y = _base_of(previous, anchor)[0].year if rel in ("that", "the same") else anchor.year + _YEAR_STEP[rel]
    return with_mod(season(y, _season_code(f["season"], lex), bool(f.get("south"))), f.get("mod"))


def _season_near(code: str, anchor: date, tense: str, south: bool = False) -> Resolved:
    for y in (anchor.year - 1, anchor.year):
        r = season(y, code, south)
        if r.interval.start <= anchor <= r.interval.end:
            return r
    r = season(anchor.year, code, south)
    if r.interval.start > anchor and tense == "past":
        return season(anchor.year - 1, code, south)
    if r.interval.end < anchor and tense == "future":
        return season(anchor.year + 1, code, south)
    return r


@resolver("season")
def _season(f, anchor, tense, previous, lex):
    near = _season_near(_season_code(f["season"], lex), anchor, tense, bool(f.get("south")))
    return earlier_later(near, f.get("mod"), anchor)


def amount(f, lex) -> float | None:
    return lex.number_of(f["num"]) if f.get("num") else None


def offset_amount(f, lex) -> float | None:
    """An offset's amount: "[the day] after", "[the week] before" count one."""
    return 1.0 if f.get("the") else amount(f, lex)


def _second_amount(f: dict, lex) -> tuple[float, str] | None:
    """(amount, unit) of an offset's second amount: "a year and [three days] after"."""
    if not (f.get("unit2") and f.get("num2")):
        return None
    second = lex.number_of(f["num2"])
    return (second, lex.unit_of(f["unit2"])) if second is not None else None


def shift_by_amount(base: date, f: dict, unit: str, n: int, lex) -> tuple[date, str]:
    """(the day, its unit) `n` units from `base`, and on by a second amount when the
    offset has one: "a year and three days after" is counted in days at the end."""
    target = shift(base, unit, n)
    second = _second_amount(f, lex)
    if second is not None and second[0] == int(second[0]):
        unit = second[1]
        target = shift(target, unit, (1 if n >= 0 else -1) * int(second[0]))
    return target, unit


def _shifted_clock_by_amount(value: str | None, f: dict, unit: str, amount: float, lex) -> Resolved | None:
    """`shifted_clock`, on by the second amount too: "two hours and 20 minutes later"."""
    shifted = shifted_clock(value, unit, amount)
    second = _second_amount(f, lex)
    if shifted is not None and second is not None:
        shifted = shifted_clock(shifted.value, second[1], (1 if amount >= 0 else -1) * second[0]) or shifted
    return shifted


@resolver("ago")
def _ago(f, anchor, tense, previous, lex):
    unit = lex.unit_of(f["unit"])
    n = amount(f, lex)
    prev_q = previous and previous.value and re.fullmatch(r"(\d{4})-Q([1-4])", previous.value)
    if prev_q and unit == "year" and n == 1:
        # results news: "a year ago" is the reported quarter, a year before
        return quarter(int(prev_q.group(1)) - 1, int(prev_q.group(2)))
    if n is None:
        return vague("PAST_REF", anchor - timedelta(days=_unit_days(unit) * 7), anchor)
    if n != int(n):
        return vague("PAST_REF", shift(anchor, unit, -int(n) - 1), anchor)
    if f.get("today"):
        # "a year ago today", "a year ago tomorrow": counted from the day the article names, to the day
        which = f["today"].lower()
        named = anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(which, 0))
        if which == "tonight":
            return part_of_day(shift(named, unit, -int(n)), "NI")
        return day(shift(named, unit, -int(n)))
    if unit in ("decade", "century"):
        # "a decade ago" is about the year ten years back, not the whole 2000s
        return year(shift(anchor, unit, -int(n)).year)
    target = shift(anchor, unit, -int(n))
    if unit in ("week", "fortnight"):
        # "two weeks ago, she saw the smoke": TimeML's value is the week, but the
        # news means the day that many weeks back, and the timeline places it there
        r = at_grain(target, unit)
        return Resolved(r.type, r.value, Interval(target, target, "day", r.value))
    return at_grain(target, unit)


def _unit_days(unit: str) -> int:
    return {"second": 0, "minute": 0, "hour": 1, "day": 1, "night": 1, "week": 7, "weekend": 7,
            "fortnight": 14, "month": 30, "quarter": 91, "year": 365, "decade": 3650,
            "century": 36500}.get(unit, 1)


# a TIMEX3 clock-time value, "2024-06-03T21:47" (timex.py reads it too)
CLOCK_VALUE = re.compile(r"(?P<day>\d{4}-\d\d-\d\d)T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d)")


def _base_of(previous: Timex | None, anchor: date) -> tuple[date, str | None]:
    """The date a relative expression counts from: the last date mentioned,
    else the anchor."""
    if previous and previous.interval and previous.interval.start and previous.interval.grain not in ("vague",):
        return previous.interval.start, previous.value
    return anchor, None


def _counts_from_a_day(previous: Timex | None) -> bool:
    """Whether a count ("two weeks later") reads from a day or a moment of one."""
    iv = previous.interval if previous is not None else None
    return iv is not None and iv.start is not None and iv.start == iv.end and iv.grain != "vague"


def shifted_clock(value: str | None, unit: str, amount: float) -> Resolved | None:
    """A TIMEX3 clock value moved by `amount` hours or minutes (midnight that ends
    a day, "T24:00", too); None for another unit or a value that is no clock time."""
    clock = CLOCK_VALUE.fullmatch(value or "")
    if clock is None or unit not in ("hour", "minute"):
        return None
    then = datetime.combine(date.fromisoformat(clock["day"]), time()) + timedelta(
        hours=int(clock["hour"]), minutes=int(clock["minute"])) + timedelta(**{f"{unit}s": amount})
    return time_on(then.date(), then.hour, then.minute)


@resolver("offset")
def _offset(f, anchor, tense, previous, lex):
    unit = lex.unit_of(f["unit"])
    n = offset_amount(f, lex)
    direction = re.sub(r"\s+", " ", (f.get("dir") or f.get("dir2")).lower())
    sign = -1 if direction in ("earlier", "before", "previously") else 1
    if direction.startswith("from") or direction == "hence":
        base, base_value = anchor, None
    else:
        base, base_value = _base_of(previous, anchor)
    # "about half an hour later" than "at 4:32 a.m.": a clock time again
    shifted = _shifted_clock_by_amount(base_value, f, unit, sign * n, lex) if n is not None else None
    if shifted is not None:
        r = shifted
    elif (n is None or n != int(n)) and unit in ("hour", "minute", "second"):
        r = day(base)  # "hours later", "minutes earlier": still the day counted from
    elif n is None or n != int(n):
        # "a few days before": a window on that side of the base, no exact day
        reach = timedelta(days=max(1, _unit_days(unit)) * 7)
        if sign < 0:
            r = vague("PAST_REF", base - reach, base - timedelta(days=1))
        else:
            r = vague("FUTURE_REF", base + timedelta(days=1), base + reach)
    else:
        target, unit = shift_by_amount(base, f, unit, sign * int(n), lex)
        # "a year earlier" than a quarter is that quarter a year before
        if base_value and re.fullmatch(r"\d{4}-Q[1-4]", base_value) and unit == "year":
            r = quarter(target.year, _current_quarter(target))
        elif unit in ("decade", "century"):
            r = year(target.year)  # "in 1996 ... a decade later": 2006, not the whole 2000s
        elif unit in ("week", "fortnight") and f.get("dir2") and not f.get("the") and _counts_from_a_day(previous):
            r = day(target)  # "two weeks later" than a day: that many weeks to the day
        else:
            r = at_grain(target, unit)
    if unit in ("minute", "second") and r.interval is not None and r.interval.grain == "day":
        # "five minutes later", "41 seconds later" than a day's event, "minutes later" than
        # a clock time: a moment of that day, whose clock time the text does not give
        r = day(r.interval.start, grain="time")
    if f.get("dir2") and not f.get("the"):
        # "[two days] later": TimeML tags the amount alone, as a DURATION
        # (the "later" is a signal); the interval still places it on the
        # calendar for the timeline.
        return Resolved("DURATION", _offset_duration_value(f, n, lex), r.interval)
    return r


def _offset_duration_value(f: dict, n: float | None, lex: Lexicon) -> str:
    """"P2D"; "P1Y3D" for "a year and three days", "PT2H20M" for "two hours and 20 minutes"."""
    value = _duration_value(n, lex.unit_of(f["unit"]), lex)
    second = _second_amount(f, lex)
    if second is None:
        return value
    tail = _duration_value(second[0], second[1], lex)[1:]  # "3D", "T20M"
    if "T" not in value:
        return value + tail
    return value + tail[1:] if tail.startswith("T") else value


@resolver("part_of_day_relative")
def _pod_rel(f, anchor, tense, previous, lex):
    rel = (f.get("rel") or f["rel2"]).lower()
    code = lex.parts_of_day[(f.get("part") or f["part2"]).lower()]
    offset = {"last": -1 if code == "NI" else 0, "this": 0, "tonight": 0, "today": 0,
              "tomorrow": 1, "yesterday": -1}[rel]
    if rel == "last" and code != "NI":
        offset = -1
    return part_of_day(anchor + timedelta(days=offset), code)


EVENING_START = 18  # a clock time from 18:00 is the evening's


def clock_hour(t: Timex) -> int:
    """The hour of a clock time's value ("2024-06-03T21:47" -> 21)."""
    return int(t.value[11:13])


def _small_hours_named(previous) -> date | None:
    """The day of the small hours just told ("at 2:07 a.m. Sunday"), when the last date mentioned is one."""
    iv = previous.interval if previous is not None else None
    if iv is None or iv.start is None or iv.grain != "time" or len(previous.value) < 13:
        return None
    return iv.start if clock_hour(previous) < SMALL_HOURS_END else None


def evening_named(previous) -> date | None:
    """The day of the evening just told ("at 10.38pm on Tuesday", "on Tuesday
    evening"), when the last date mentioned is one."""
    iv = previous.interval if previous is not None else None
    if iv is None or iv.start is None or iv.start != iv.end:
        return None
    if iv.grain == "time" and len(previous.value) >= 13 and clock_hour(previous) >= EVENING_START:
        return iv.start
    if iv.grain == "part-of-day" and previous.value.endswith(("TEV", "TNI")):
        return iv.start
    return None


@resolver("day_relative")
def _day_rel(f, anchor, tense, previous, lex):
    w = re.sub(r"\s+", " ", f["word"].lower())
    if f.get("weekday"):
        # "overnight Thursday": the night from Thursday into Friday
        return part_of_day(weekday_near(anchor, lex.weekdays[f["weekday"].lower()], tense), "NI")
    if f.get("month"):
        # "overnight on Feb. 6": the night from Feb. 6 into Feb. 7
        return part_of_day(_month_day({"month": f["month"], "day": f["day"]}, anchor, tense, lex).interval.start, "NI")
    if w == "tonight":
        return part_of_day(anchor, "NI")
    if w == "overnight":
        # CONTRACT: the night from the day before into the reference day; what
        # "will be processed overnight" is the night ahead, as "tonight" is
        evening = evening_named(previous)
        if tense == "past" and evening is not None and evening < anchor - timedelta(days=1):
            # "The fire started at 10.38pm on Tuesday ... all were rescued overnight": that night
            return part_of_day(evening, "NI")
        small_hours = _small_hours_named(previous)
        if tense == "past" and small_hours is not None and small_hours < anchor:
            # "reported at 2:07 a.m. Sunday ... homes were evacuated overnight": the night Sunday's small hours end
            return part_of_day(small_hours - timedelta(days=1), "NI")
        return part_of_day(anchor if tense == "future" else anchor - timedelta(days=1), "NI")
    off = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2,
           "the day after tomorrow": 2}[w]
    return day(anchor + timedelta(days=off))


@resolver("weekday_of_week")
def _weekday_of_week(f, anchor, tense, previous, lex):
    """"Wednesday of next week": that weekday in the week named."""
    rel = re.sub(r"\s+", " ", f["rel"].lower())
    if rel in ("the following", "the previous"):
        anchor, _ = _base_of(previous, anchor)
    weeks = {"next": 1, "the following": 1, "last": -1, "the previous": -1}.get(rel, 0)
    monday = anchor - timedelta(days=anchor.isoweekday() - 1) + timedelta(weeks=weeks)
    return day(monday + timedelta(days=lex.weekdays[f["weekday"].lower()] - 1))


def weekday_by_rel(anchor: date, wd: int, rel: str) -> date:
    """"last Friday", "next Friday", "this Friday" (the one in the current week).
    Said on a Saturday, "last Friday" is the week before's: the day before is
    "yesterday" or "Friday" ("this past Friday" and "the previous Friday" may be it)."""
    if rel in ("last", "past", "this past"):
        back = (anchor.isoweekday() - wd - 1) % 7 + 1
        return anchor - timedelta(days=back + 7 if rel == "last" and back == 1 else back)
    if rel in ("next", "coming", "this coming"):
        return anchor + timedelta(days=(wd - anchor.isoweekday() - 1) % 7 + 1)
    return anchor + timedelta(days=wd - anchor.isoweekday())


@resolver("relative_named")
def _rel_named(f, anchor, tense, previous, lex):
    rel = re.sub(r"\s+", " ", f["rel"].lower())
    if rel in ("the previous", "the preceding", "the following", "the next"):
        anchor, _ = _base_of(previous, anchor)
        rel = "past" if rel in ("the previous", "the preceding") else "next"
    backwards = rel in ("last", "past", "this past")
    forwards = rel in ("next", "coming", "this coming")
    if f.get("weekday"):
        d = weekday_by_rel(anchor, lex.weekdays[f["weekday"].lower()], rel)
        if f.get("part"):
            return part_of_day(d, lex.parts_of_day[f["part"].lower()])
        return with_mod(day(d), f.get("mod"))
    if f.get("month"):
        m = lex.month_of(f["month"])
        dd = int(re.match(r"\d+", f["day"]).group()) if f.get("day") else None
        here = (m, dd or 1) < (anchor.month, anchor.day) if dd else m < anchor.month
        ahead = (m, dd or 1) > (anchor.month, anchor.day) if dd else m > anchor.month
        if backwards:
            y = anchor.year if here else anchor.year - 1
        elif forwards:
            y = anchor.year if ahead else anchor.year + 1
        else:
            y = anchor.year
        if dd:  # "last Oct. 23"
            return day(date(y, m, dd))
        return earlier_later(month(y, m), f.get("mod"), anchor)
    code, south = _season_code(f["season"], lex), bool(f.get("south"))
    if not backwards and not forwards:  # "this summer": the one of this year (or running into it)
        y = anchor.year - 1 if season(anchor.year - 1, code, south).interval.end >= anchor else anchor.year
        return earlier_later(season(y, code, south), f.get("mod"), anchor)
    current = _season_near(code, anchor, "past", south)
    y = int(current.value[:4])
    if backwards:
        if current.interval.end >= anchor:
            y -= 1
    elif forwards:
        if current.interval.start <= anchor:
            y += 1
    return earlier_later(season(y, code, south), f.get("mod"), anchor)


_ANCHORED_RELS = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1,
                  "the preceding": -1, "the same": 0, "that": 0}


@resolver("relative_unit")
def _rel_unit(f, anchor, tense, previous, lex):
    rel = re.sub(r"\s+", " ", f["rel"].lower())
    unit = f["unit"].lower()
    mod = f.get("mod")
    if unit in ("morning", "afternoon", "evening", "night"):
        code = lex.parts_of_day[unit]
        if rel in _ANCHORED_RELS:
            # "that afternoon" after "rebuilt in 2012" is no afternoon of 2012: only a day
            # just narrated has one, else the reference date's
            base = _day_narrated(previous) or (anchor if previous is None else None)
            if base is None:
                return None
            return part_of_day(base + timedelta(days=_ANCHORED_RELS[rel]), code)
        off = {"last": -1, "this": 0, "next": 1}.get(rel)
        if off is None:
            return None
        if rel == "last" and code == "NI":
            off = -1
        return part_of_day(anchor + timedelta(days=off), code)
    if rel in ("the past", "the last") and unit in ("week", "month", "year"):
        # "over the past year", "the last week": TimeBank dates them (4 of 4
        # times): the calendar unit holding most of the stretch that ends on
        # the reference date -- the current one when it is past its middle
        window = {"week": 7, "month": 30, "year": 365}[unit]
        middle = anchor - timedelta(days=window // 2)
        return at_grain(middle, unit)
    if rel == "the next" and tense == "past" and previous is not None and unit in ("week", "month", "year"):
        # "was photographed in November 2021 ... named him the next year": told in the past,
        # the one after the date just told, as "the following year" (not "over the next year", ahead)
        base, _ = _base_of(previous, anchor)
        return at_grain(shift(base, unit, 1), unit)
    if rel in ("the past", "the last", "past", "the coming", "the next") and unit not in ("day", "night"):
        return duration(_duration_value(1, unit, lex))  # "the past week": P1W
    if rel in _ANCHORED_RELS:
        base, base_value = _base_of(previous, anchor)
        if unit == "quarter" and base_value and re.fullmatch(r"\d{4}-Q[1-4]", base_value):
            base = date(int(base_value[:4]), 3 * int(base_value[-1]) - 2, 1)
        return at_grain(shift(base, unit, _ANCHORED_RELS[rel]), unit)
    off = {"last": -1, "previous": -1, "past": -1, "the prior": -1, "this": 0, "current": 0,
           "the current": 0, "next": 1, "coming": 1, "this past": -1, "this coming": 1}.get(rel)
    if off is None:
        return None
    if unit == "day":
        return None  # "last day", "this day": not a calendar reference
    if unit == "weekend" and rel == "this" and tense == "past" and anchor.isoweekday() < 6:
        return weekend(anchor - timedelta(days=7))  # "marched this weekend", told on a weekday
    r = at_grain(shift(anchor, unit, off), unit)
    narrowed = earlier_later(r, mod, anchor)
    if narrowed.interval is not None and r.interval is not None and narrowed.interval.grain == r.interval.grain \
            and (narrowed.interval.start, narrowed.interval.end) != (r.interval.start, r.interval.end):
        # "late last month": some unsaid time in that third, like "later this month"
        iv = narrowed.interval
        return Resolved(narrowed.type, narrowed.value, Interval(iv.start, iv.end, "vague", iv.value))
    return narrowed


@resolver("the_day_anaphoric")
def _the_day_anaphoric(f, anchor, tense, previous, lex):
    """"later in the day", "during the day": the day just narrated (the last date
    mentioned, when it is one day or part of one), else the reference date."""
    iv = previous.interval if previous is not None else None
    if iv is not None and iv.start is not None and iv.grain in ("day", "part-of-day", "time"):
        return day(iv.start)
    return day(anchor)


# grains of one day or part of one: what a later clock time or part of the day can fall on
DAY_GRAINS = frozenset({"day", "part-of-day", "night", "time"})


def _day_narrated(previous) -> date | None:
    """The day the last date mentioned names, when it is one day or part of one."""
    iv = previous.interval if previous is not None else None
    if iv is not None and iv.start is not None and iv.grain in DAY_GRAINS:
        return iv.start
    return None


# the part of the day a light or an hour falls in: "at first light", "before dark"
_LIGHT_PART = {"dawn": "MO", "daybreak": "MO", "sunrise": "MO", "first light": "MO", "dark": "AF",
               "dusk": "EV", "sunset": "EV", "nightfall": "EV"}


@resolver("part_of_day_anaphoric")
def _part_of_day_anaphoric(f, anchor, tense, previous, lex):
    """"before dark", "through the night": that part of the day just narrated (the
    last date mentioned, when it is one day or part of one), else of the reference
    date. A clause that looks ahead is not dated before the reference date: "will
    keep searching through the night" is tonight, "will resume at dawn" tomorrow's
    dawn. "Crews worked through the night", told on the reference date, is last night."""
    if f.get("hours"):
        code = "MO"
    elif f.get("light"):
        code = _LIGHT_PART[" ".join(f["light"].lower().split())]
    else:
        word = (f.get("part") or f.get("part2") or f["meal"]).lower()
        code = {"mid-afternoon": "AF", "mid-morning": "MO", "lunchtime": "MI"}.get(word) or lex.parts_of_day[word]
    narrated = _day_narrated(previous)
    if narrated is not None and code == "MO" and previous.interval.grain == "night":
        narrated = previous.interval.end  # "overnight ... in the early hours": the morning the night ends on
    elif narrated is not None and code == "MO" and evening_named(previous) == narrated:
        # "searched until dark on Saturday evening. The search resumed at first light": the next morning
        narrated += timedelta(days=1)
    if tense == "future":
        first_ahead = anchor + timedelta(days=1) if code == "MO" else anchor
        d = narrated if narrated is not None and narrated >= anchor else first_ahead
    else:
        d = narrated or anchor
        if tense == "past" and code == "NI" and d == anchor:
            d = anchor - timedelta(days=1)
    return part_of_day(d, code)


@resolver("part_of_day_adjacent")
def _part_of_day_adjacent(f, anchor, tense, previous, lex):
    """"the evening before": that part of the day before the one just narrated
    (else before the reference date); "the morning after": of the day after it."""
    base = _day_narrated(previous) or anchor
    step = -1 if f["dir"].lower() == "before" else 1
    return part_of_day(base + timedelta(days=step), lex.parts_of_day[f["part"].lower()])


@resolver("weekday_anaphoric")
def _weekday_anaphoric(f, anchor, tense, previous, lex):
    """"that Sunday": the weekday in the ISO week of the date just narrated
    (the last one mentioned, of at most a week's grain); with none, a bare weekday."""
    iv = previous.interval if previous is not None else None
    if iv is None or iv.start is None or iv.grain not in DAY_GRAINS | {"week"}:
        return _weekday(f, anchor, tense, previous, lex)
    wd = lex.weekdays[f["weekday"].lower()]
    d = iv.start + timedelta(days=wd - iv.start.isoweekday())
    if f.get("part"):
        return part_of_day(d, lex.parts_of_day[f["part"].lower()])
    return day(d)


@resolver("then_anaphoric")
def _then_anaphoric(f, anchor, tense, previous, lex):
    """"back then", "at the time": the period of the last date mentioned."""
    iv = previous.interval if previous is not None else None
    if iv is None or iv.start is None or iv.grain == "vague":
        return vague("PAST_REF", anchor - timedelta(days=DEFAULT_PAST_WINDOW), anchor)
    return Resolved(previous.type if previous.type in ("DATE", "TIME") else "DATE", previous.value, iv)


@resolver("weekday")
def _weekday(f, anchor, tense, previous, lex):
    d = weekday_near(anchor, lex.weekdays[f["weekday"].lower()], tense)
    if f.get("part"):
        return part_of_day(d, lex.parts_of_day[f["part"].lower()])
    return with_mod(day(d), f.get("mod"))


# A clock time from this hour on, after a night was named, is that night's evening.
NIGHT_BEGINS_HOUR = 18
SMALL_HOURS_END = 6  # a clock time before 06:00, told after an evening, falls on the next day
_LATE = re.compile(r"late\b", re.IGNORECASE)


def _an_evening(previous) -> bool:
    """"Saturday evening", "Monday night" (a part of a day, not a night's span), "late Wednesday"."""
    return (previous.value or "").endswith(("TEV", "TNI")) \
        or (previous.interval.grain == "day" and bool(_LATE.match(previous.text)))


def _after_noon(previous) -> bool:
    """"at 4:05pm on Tuesday": a clock time of a day's second half."""
    value = previous.value or ""
    return previous.interval.grain == "time" and value[11:13].isdigit() and int(value[11:13]) >= 12


def _clock_hour(f) -> int | None:
    """The 24-hour hour of a time_of_day match; None for midnight, and for an
    hour no 12-hour clock shows ("13 p.m.", "0 a.m.")."""
    if f.get("hour24") or f.get("hour_at"):
        return int(f.get("hour24") or f["hour_at"])
    if f.get("hour") and f.get("ampm"):
        h = int(f["hour"])
        if h > 12 or h == 0:
            return None
        return h % 12 + (12 if f["ampm"].lower().startswith("p") else 0)
    if (f.get("named") or "").lower() in ("noon", "midday"):
        return 12
    return None


@resolver("time_of_day")
def _time(f, anchor, tense, previous, lex):
    d = anchor
    wd = (f.get("weekday") or "").lower()
    if f.get("month"):
        d = _month_day(f, anchor, tense, lex).interval.start
    elif wd in lex.weekdays and f.get("rel"):  # "9 a.m. next Monday"
        d = weekday_by_rel(anchor, lex.weekdays[wd], re.sub(r"\s+", " ", f["rel"].lower()))
    elif wd in lex.weekdays:
        d = weekday_near(anchor, lex.weekdays[wd], tense)
    elif wd in ("yesterday", "tomorrow"):
        d = anchor + timedelta(days=-1 if wd == "yesterday" else 1)
    narrated = not wd and not f.get("month") and previous is not None and previous.interval is not None \
        and previous.interval.grain in DAY_GRAINS and previous.interval.start is not None
    if narrated:
        # "He was shot on Oct. 23 ... at 10 p.m.": a bare clock time belongs
        # to the day last mentioned; after a night, to the morning or day that
        # ends it unless it is the evening that begins it
        d = previous.interval.start
        hour = _clock_hour(f)
        if previous.interval.grain == "night" and previous.interval.end is not None \
                and hour is not None and hour < NIGHT_BEGINS_HOUR:
            d = previous.interval.end
        elif hour is not None and hour < SMALL_HOURS_END and _an_evening(previous):
            # "joined the search on Saturday evening ... stopped at about 1 a.m.": the night went on
            d = d + timedelta(days=1)
    if f.get("after_midnight"):
        # "shortly after midnight" after a day told: the next day has begun; "after midnight on
        # Friday" is early Friday; alone, the midnight that began the article's day, unless ahead
        # (after an evening, an afternoon's clock time or a whole earlier day: not after a live page's
        # date line, the article's own day, nor after "8am on Sunday" when the fire began late Saturday)
        next_day = narrated and (_an_evening(previous) or _after_noon(previous)
                                 or previous.interval.grain == "day" and previous.interval.start != anchor) \
            or (not wd and not f.get("month") and tense == "future")
        return time_on(d + timedelta(days=1) if next_day else d, 0, 0)
    if f.get("named"):
        named = f["named"].lower()
        if named == "midnight":
            # "midnight Friday" ends Friday: ISO 8601 and TimeML write T24:00
            v = f"{d.isoformat()}T24:00"
            return Resolved("TIME", v, Interval(d, d, "time", v))
        return time_on(d, 12, 0)
    hour = _clock_hour(f)
    if hour is None:
        return None
    return time_on(d, hour, int(f.get("minute24") or f.get("minute_at") or f.get("minute") or 0))


@resolver("year")
def _year(f, anchor, tense, previous, lex):
    return earlier_later(year(int(f["year"])), f.get("mod"), anchor)


@resolver("present_ref")
def _present(f, anchor, tense, previous, lex):
    return vague("PRESENT_REF", anchor, anchor)


@resolver("past_ref")
def _past(f, anchor, tense, previous, lex):
    w = re.sub(r"\s+", " ", f["word"].lower())
    w = re.sub(r"\s+and\s+\w+$", "", w)
    days = VAGUE_WINDOWS.get(w, DEFAULT_PAST_WINDOW)
    return vague("PAST_REF", anchor - timedelta(days=days), anchor)


@resolver("future_ref")
def _future(f, anchor, tense, previous, lex):
    w = re.sub(r"\s+", " ", f["word"].lower())
    days = FUTURE_WINDOWS.get(w, DEFAULT_FUTURE_WINDOW)
    return vague("FUTURE_REF", anchor, anchor + timedelta(days=days))


def _duration_value(n: float | None, unit: str, lex: Lexicon) -> str:
    spec = lex.units[unit]
    letter = spec["letter"]
    # TimeML writes several quarters in months and decades in years
    if unit == "quarter" and n not in (None, 1):
        n, letter = n * 3, "M"
    elif unit == "decade" and n is not None:
        n, letter = n * 10, "Y"
    elif unit == "century" and n is not None:
        n, letter = n * 100, "Y"
    if n is None:
        amount = "X"
    else:
        n = n * spec.get("multiplier", 1)
        if n != int(n) and (unit, letter) in _SPLIT_FRACTION:
            # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
            small_letter, per = _SPLIT_FRACTION[(unit, letter)]
            whole, rest = int(n), round((n - int(n)) * per)
            time = spec.get("time") or small_letter in ("H", "S") or (small_letter == "M" and unit in ("hour",))
            head = "PT" if spec.get("time") else "P"
            if whole == 0:
                return ("PT" if time else "P") + f"{rest}{small_letter}"
            sep = "T" if time and not spec.get("time") else ""
            return f"{head}{whole}{letter}{sep}{rest}{small_letter}"
        amount = str(int(n)) if n == int(n) else f"{n:g}"
    if letter == "WE":
        return f"P{amount}WE"
    return ("PT" if spec.get("time") else "P") + amount + letter


# A fractional amount is written in the next smaller unit: (unit, letter) ->
# (smaller letter, how many of it make one).
_SPLIT_FRACTION = {
    ("year", "Y"): ("M", 12), ("month", "M"): ("D", 30), ("week", "W"): ("D", 7),
    ("day", "D"): ("H", 24), ("hour", "H"): ("M", 60), ("minute", "M"): ("S", 60),
}


@resolver("duration")
def _duration(f, anchor, tense, previous, lex):
    unit = lex.unit_of(f.get("unit") or f["hunit"])
    n = amount(f, lex)
    if n is not None and (f.get("half") or f.get("half2")):
        n += 0.5
    return duration(_duration_value(n, unit, lex))


def counted_ahead(f: dict, anchor: date) -> Interval | None:
    """"(will reopen) in three weeks": the unit that many units after the anchor,
    as "three weeks from now" is; None for vague or fractional amounts."""
    lex = load_lexicon()
    unit = lex.unit_of(f.get("unit") or f.get("hunit") or "")
    n = amount(f, lex)
    if n is None or n != int(n) or unit not in ("day", "week", "month", "year") or f.get("span") \
            or f.get("approx") or f.get("half") or f.get("half2"):
        return None
    return at_grain(shift(anchor, unit, int(n)), unit).interval


@resolver("duration_bare")
def _duration_bare(f, anchor, tense, previous, lex):
    return duration(_duration_value(None, lex.unit_of(f["unit"]), lex))


_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
              "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W"}


@resolver("the_unit")
def _the_unit(f, anchor, tense, previous, lex):
    """"the year": the reference date's year ("the year ended ...": P1Y)."""
    unit = f["unit"].lower()
    if "ended" in f:  # "the year ended Sept. 30": a reporting period
        return duration(f"P1{lex.units[unit]['letter']}")
    return earlier_later(at_grain(anchor, unit), f.get("mod"), anchor)


@resolver("set_every")
def _set_every(f, anchor, tense, previous, lex):
    if f.get("weekday"):
        return as_set(f"XXXX-WXX-{lex.weekdays[f['weekday'].lower()]}")
    if f.get("month"):
        return as_set(f"XXXX-{lex.month_of(f['month']):02d}")
    if f.get("season"):
        return as_set(f"XXXX-{_season_code(f['season'], lex)}")
    unit = f["unit"].lower()
    if unit in lex.parts_of_day:
        return as_set(f"XXXX-XX-XXT{lex.parts_of_day[unit]}")
    num = re.sub(r"\s+", " ", (f.get("num") or "").lower())
    n = 2 if num in ("other", "couple of") else (lex.number_of(num) if num else 1)
    return as_set(_duration_value(n, lex.unit_of(unit), lex))


@resolver("set_adverb")
def _set_adverb(f, anchor, tense, previous, lex):
    if f.get("word"):
        return as_set(_SET_WORDS[f["word"].lower()])
    return as_set(_duration_value(1, lex.unit_of(f["unit"]), lex))


@resolver("set_plural_weekday")
def _set_weekday(f, anchor, tense, previous, lex):
    if f.get("weekend"):
        return as_set("XXXX-WXX-WE")
    part_word = f.get("part") or f.get("part2")
    part = f"T{lex.parts_of_day[part_word.lower()]}" if part_word else ""
    return as_set(f"XXXX-WXX-{lex.weekdays[f['weekday'].lower()]}{part}")


@resolver("duration_long")
def _duration_long(f, anchor, tense, previous, lex):
    """"a day-long meeting" P1D; "a decades-long battle": some decades, PXY."""
    word = f["unit"].lower()
    unit = lex.unit_of(word)
    plural = word != unit
    if plural and unit == "decade":
        return duration("PXY")
    return duration(_duration_value(None if plural else 1, unit, lex))


def resolve_candidate(c: Candidate, anchor: date, tense: str = "past",
                      previous: Timex | None = None, completed_slack: int | None = None) -> Timex:
    """`completed_slack`, when not None: the expression dates a completed past
    ("ended on March 4"), which a yearless date puts no more than that many
    days after the anchor (see pick_year)."""
    lex = load_lexicon()
    fn = RESOLVERS.get(c.rule)
    r = None
    if fn is not None:
        fields = c.fields if completed_slack is None or tense != "past" \
            else {**c.fields, COMPLETED: completed_slack}
        try:
            r = fn(fields, anchor, tense, previous, lex)
        except (ValueError, KeyError, OverflowError, AttributeError):
            r = None  # e.g. "February 30": found, but not a real date
    if r is None:
        return Timex(c.start, c.end, c.text, c.type, None, None, c.rule, anchor)
    return Timex(c.start, c.end, c.text, r.type, r.value, r.interval, c.rule, anchor)


def counted_from_a_clock(fields: dict, base: Interval | None, sign: int) -> Interval | None:
    """The time of an event some minutes or hours count from a clock time: in
    "issued a warning at 2.05pm, 67 minutes before the tent fell", the tent fell
    at 3.12pm (`sign` +1; -1 for "after"). None when the amount is not of minutes
    or hours, or `base` is no clock time. An approximate amount ("about 90
    minutes after") still says the hour, and so the day."""
    if base is None or base.grain != "time":
        return None
    lex = load_lexicon()
    try:
        unit = lex.unit_of(fields["unit"])
    except KeyError:
        return None
    n = offset_amount(fields, lex)
    shifted = _shifted_clock_by_amount(base.value, fields, unit, sign * n, lex) if n is not None else None
    return shifted.interval if shifted is not None else None


def counted_back(fields: dict, base: date, sign: int, exact: bool = False) -> Interval | None:
    """The day of an event an amount of time counts from: in "on Friday, four
    days after thieves broke in", the break-in is four days before Friday
    (`sign` -1; +1 for "before"). The day it falls on, not the amount's unit:
    "two weeks after the vote" dates the vote to a day. None for a vague
    amount ("a few days after"), which places it on no day.  `exact`: the
    amount is said to the day ("exactly a month after"), so months and years
    count to a day too."""
    lex = load_lexicon()
    try:
        unit = lex.unit_of(fields["unit"])
    except KeyError:
        return None
    n = offset_amount(fields, lex)  # "the day after the slide": one
    if n is None or n != int(n):
        return None
    target, unit = shift_by_amount(base, fields, unit, sign * int(n), lex)
    if unit in ("month", "quarter", "year", "decade", "century") and not exact:
        return at_grain(target, unit).interval  # "a year after the war began": that year, no day
    return day(target).interval
