"""The tagger's word lists, read once from api/extract/data/.

Everything a user may want to extend (month and weekday names, holidays,
named eras, number words) lives in YAML; this module loads it and turns the
lists into regex fragments (`macros`) that the rule patterns refer to as
@NAME.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).with_name("data")
# libyaml's loader when PyYAML has it: the same values, about seven times faster to read
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """YAML text as plain Python values (safe: no tags that build objects)."""
    return yaml.load(text, Loader=_YAML_LOADER)


def read_data(name: str):
    """One YAML file of data/."""
    return parse_yaml((DATA_DIR / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Era:
    names: tuple[str, ...]
    start: date
    end: date | None
    day_count: bool
    timex: bool
    generic: frozenset[str] = frozenset()   # names that need a context word in the text
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Holiday:
    names: tuple[str, ...]
    month_day: tuple[int, int] | None = None       # fixed date
    nth_weekday: tuple[int, int, int] | None = None  # (month, weekday 1=Mon, n; -1 = last)
    easter_offset: int | None = None
    offset_days: int = 0                             # added to the date above
    by_country: tuple = ()                           # (country code, Holiday): a country's own day of this name

    @property
    def has_a_day(self) -> bool:
        """Whether the name has a day of its own ("National Day" has only countries')."""
        return self.month_day is not None or self.nth_weekday is not None or self.easter_offset is not None

    def for_country(self, code: str | None) -> "Holiday":
        """The holiday of this name as `code`'s articles mean it ("Independence Day" in Finland)."""
        return next((h for c, h in self.by_country if c == code), self)

    def on(self, year: int) -> date:
        if self.month_day:
            d = date(year, *self.month_day)
        elif self.nth_weekday:
            month, weekday, n = self.nth_weekday
            d = nth_weekday_of_month(year, month, weekday, n)
        else:
            d = easter(year) + timedelta(days=self.easter_offset or 0)
        return d + timedelta(days=self.offset_days)


def _holiday(h: dict | str, names: tuple[str, ...]) -> Holiday:
    """A holiday from its lexicon entry; a country's own day is an entry or a bare "--MM-DD"."""
    if isinstance(h, str):
        h = {"date": h}
    md = None
    if "date" in h:
        _, _, mm, dd = h["date"].split("-")
        md = (int(mm), int(dd))
    by_country = tuple((code, _holiday(own, names)) for code, own in (h.get("by_country") or {}).items())
    return Holiday(names, md, tuple(h["nth_weekday"]) if "nth_weekday" in h else None,
                   h.get("easter_offset"), int(h.get("offset_days", 0)), by_country)


def nth_weekday_of_month(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=shift + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace("’", "'")).strip()


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


def _mentions_any(text: str, words: tuple[str, ...]) -> bool:
    return bool(words) and _words_pattern(words).search(text) is not None


def names_pattern(names) -> re.Pattern:
    """Any of `names` as whole words, the longest first ("New York" before "York"), with
    any spacing inside; not right after a letter, a digit or a dot."""
    parts = (re.escape(n).replace(r"\ ", r"\s+") for n in sorted(set(names), key=len, reverse=True))
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?!\w)")


def _alternation(words, *, boundary_abbr=()) -> str:
    """A regex alternation of phrases, longest first so the longest wins."""
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        p = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]").replace(r"\-", "[-\\s]")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Lexicon:
    months: dict            # name or abbreviation -> month number
    month_full: frozenset   # full month names
    ambiguous_months: frozenset
    weekdays: dict          # name -> ISO weekday
    parts_of_day: dict      # word -> TIMEX part code (MO, AF, EV, NI)
    seasons: dict           # word -> SP/SU/FA/WI
    units: dict             # singular unit -> spec
    unit_plurals: dict
    numbers: dict           # number word -> value
    vague_quantities: frozenset
    ordinals: dict
    numeric_date_order: str
    holidays: dict          # normalized name -> Holiday
    eras: dict              # normalized name -> Era
    macros: dict
    not_timeml: frozenset = frozenset()
    match_words: frozenset = frozenset()
    event_nouns: frozenset = frozenset()

    def era_named(self, name: str, text: str) -> Era | None:
        """The era `name` stands for in `text`: a generic name ("the war") only in
        an article that also names one of the era's context words."""
        era = self.eras.get(_norm(name))
        if era is None or _norm(name) not in era.generic:
            return era
        return era if _mentions_any(text, era.context) else None

    def unit_of(self, word: str) -> str:
        w = _norm(word)
        if w in self.unit_plurals:
            return self.unit_plurals[w]
        if w in self.units:
            return w
        if w.endswith("s") and w[:-1] in self.units:
            return w[:-1]
        raise KeyError(word)

    def number_of(self, word: str) -> float | None:
        """The value of a numeral ("14", "two", "twenty-five"); None if vague."""
        w = _norm(word).replace(",", "")
        if w in self.vague_quantities:
            return None
        half = re.fullmatch(r"(\d+)(?:\s+|-)1/2", w)
        if half:
            return int(half.group(1)) + 0.5
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            return float(w)
        if w in self.numbers:
            return float(self.numbers[w])
        parts = re.split(r"[-\s]+", w)
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            return float(self.numbers[parts[0]] + self.numbers[parts[1]])
        return None

    def ordinal_of(self, word: str) -> int | None:
        w = _norm(word)
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", w)
        if m:
            return int(m.group(1))
        return self.ordinals.get(w)

    def month_of(self, word: str) -> int:
        return self.months[_norm(word).rstrip(".")]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    raw = read_data("timex_lexicon.yaml")
    eras_raw = read_data("eras.yaml")

    months, month_full = {}, set()
    month_patterns = []
    for number, names in raw["months"].items():
        full, *abbrs = names
        months[full] = int(number)
        month_full.add(full)
        month_patterns.append(re.escape(full))
        for a in abbrs:
            months[a] = int(number)
            month_patterns.append(re.escape(a) + r"\b\.?")
    month_patterns.sort(key=lambda p: -len(p))
    weekdays = {n: int(k) for k, names in raw["weekdays"].items() for n in names}
    numbers = {_norm(k): v for k, v in raw["number_words"].items()}
    ordinals = {_norm(k): v for k, v in raw["ordinals"].items()}
    units = raw["units"]
    unit_words = set(units) | set(raw["unit_plurals"])
    unit_words |= {u + "s" for u in units if u != "century"}

    holidays = {}
    for h in raw["holidays"]:
        hol = _holiday(h, tuple(h["names"]))
        for n in h["names"]:
            holidays[_norm(n)] = hol

    eras = {}
    for e in eras_raw["eras"]:
        generic = frozenset(_norm(n) for n in e.get("generic", ()))
        era = Era(tuple(e["names"]), _as_date(e["start"]), _as_date(e.get("end")),
                  bool(e.get("day_count")), bool(e.get("timex")), generic,
                  tuple(_norm(w) for w in e.get("context", ())))
        for n in [*e["names"], *e.get("generic", ())]:
            eras.setdefault(_norm(n), era)

    number_words = [w for w in numbers]
    tens = [w for w, v in numbers.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    ones = [w for w, v in numbers.items() if 1 <= v <= 9 and w not in ("a", "an")]
    num = (r"(?:\d+(?:\s+|-)1/2|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
           + _alternation(tens) + r"[-\s]" + _alternation(ones) + "|"
           + _alternation(number_words) + ")")
    macros = {
        "MONTH": "(?:" + "|".join(month_patterns) + ")",
        "WEEKDAY": _alternation(weekdays),
        "PART": _alternation(raw["parts_of_day"]),
        "SEASON": _alternation(raw["seasons"]),
        "UNIT": _alternation(unit_words),
        "NUM": num,
        "NUMWORD": _alternation(w for w in number_words if w not in ("a", "an")),
        "VAGUEQ": _alternation(raw["vague_quantities"]),
        "ORDWORD": _alternation(w for w in ordinals if w != "last"),
        "DAYNUM": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "YEAR": r"(?:1[0-9]\d\d|20\d\d|2100)",
        "HOLIDAY": _alternation(holidays),
        "DAYERA": _alternation(n for n, e in eras.items() if e.day_count),
        "NAMEDERA": _alternation(n for n, e in eras.items() if e.timex),
        "MOD": r"(?:(?P<mod>early|late|mid|earlier|later|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of)(?:\s*-\s*|\s+))?",
        # before a weekday or "today", TimeML leaves "earlier"/"later" outside
        "MODDAY": r"(?:(?P<mod>early|late|mid|(?:the\s+)?(?:end|beginning|start|middle|close)\s+of)(?:\s*-\s*|\s+))?",
        "UNITONE": _alternation(units),
        "SPOKENYEAR": _spoken_year_pattern(numbers),
    }
    return Lexicon(
        months=months, month_full=frozenset(month_full),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays=weekdays, parts_of_day=raw["parts_of_day"], seasons=raw["seasons"],
        units=units, unit_plurals=raw["unit_plurals"], numbers=numbers,
        vague_quantities=frozenset(_norm(v) for v in raw["vague_quantities"]),
        ordinals=ordinals, numeric_date_order=raw.get("numeric_date_order", "MDY"),
        holidays=holidays, eras=eras, macros=macros,
        not_timeml=frozenset(_norm(w) for w in raw.get("not_timeml", ())),
        match_words=frozenset(_norm(w) for w in raw.get("match_words", ())),
        event_nouns=frozenset(_norm(w) for w in raw.get("event_nouns", ())),
    )


_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
          "nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ONES = "one two three four five six seven eight nine".split()


def _spoken_year_pattern(numbers: dict) -> str:
    """Years read out as words, as in broadcast transcripts: "nineteen
    ninety-six", "nineteen oh five", "two thousand and one"."""
    ones = "(?:" + "|".join(_ONES) + ")"
    below_hundred = ("(?:" + "|".join(_TEENS) + "|(?:" + "|".join(_TENS) + r")(?:[-\s]" + ones
                     + r")?|oh[-\s]" + ones + ")")
    return (r"(?:(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
            r"[-\s]+(?:" + below_hundred + r"|hundred)"
            r"|two\s+thousand(?:(?:\s+and)?[-\s]+(?:" + "|".join(_TEENS) + "|" + ones + r"))?)")


def spoken_year(words: str) -> int:
    """The number of a spoken year matched by @SPOKENYEAR."""
    w = re.sub(r"[-\s]+", " ", words.lower()).replace(" and ", " ").split()
    small = {n: i + 1 for i, n in enumerate(_ONES)}
    small.update({n: 10 + i for i, n in enumerate(_TEENS)})
    small.update({n: 20 + 10 * i for i, n in enumerate(_TENS)})
    if w[:2] == ["two", "thousand"]:
        return 2000 + sum(small.get(x, 0) for x in w[2:])
    head, rest = small[w[0]], w[1:]
    if rest == ["hundred"]:
        return head * 100
    if rest and rest[0] == "oh":
        rest = rest[1:]
    return head * 100 + sum(small.get(x, 0) for x in rest)


def _as_date(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def normalize_name(name: str) -> str:
    return _norm(name)
