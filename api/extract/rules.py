"""The rule registry: named patterns from data/timex_rules.yaml compiled into
one regex, plus the few checks a regex cannot express well (guards).

`find(text)` walks the text's words once and tries the combined pattern only
where an expression can start: at a start word (timex_rules.yaml), at a
"weak" start word ("the", "about") only when a time word follows closely,
at a number only when it looks like part of a date; and there only the
rules whose first character fits.  At each position the first rule (in file
order) that matches wins; when a guard rejects a match, the later rules are
tried at the same position before moving on.  `find_by_scan` tries every
position with every rule: slower, and the reference `find` is tested against.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from api.extract.lexicon import load as load_lexicon, read_data

_GROUP = re.compile(r"\(\?P<(\w+)>")
_MACRO = re.compile(r"@([A-Z]+)")
# A time expression never starts inside a word.
_START = r"(?<![\w$#@])"


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    pattern: str           # expanded, with group names prefixed by the rule's key
    key: str               # group name of the whole rule in the combined regex
    fields: tuple[str, ...]
    guard: str | None
    examples: tuple[str, ...]
    regex: re.Pattern


@dataclass(frozen=True)
class Match:
    rule: Rule
    start: int
    end: int
    fields: dict


def _expand(pattern: str, macros: dict) -> str:
    def sub(m):
        name = m.group(1)
        if name not in macros:
            raise KeyError(f"unknown macro @{name}")
        return macros[name]
    # macros may contain macros of their own only one level deep
    return _MACRO.sub(sub, pattern)


@lru_cache(maxsize=1)
def registry() -> tuple[tuple[Rule, ...], re.Pattern]:
    lex = load_lexicon()
    raw = _raw_rules()
    rules = []
    for i, r in enumerate(raw["rules"]):
        key = f"r{i}"
        body = _expand(r["pattern"], lex.macros)
        fields = tuple(dict.fromkeys(_GROUP.findall(body)))
        body = _GROUP.sub(lambda m: f"(?P<{key}_{m.group(1)}>", body)
        flags = re.I | re.X
        rules.append(Rule(
            name=r["name"], type=r["type"], pattern=body, key=key, fields=fields,
            guard=r.get("guard"), examples=tuple(r.get("examples", ())),
            regex=re.compile(_START + f"(?P<{key}>{body})", flags),
        ))
    combined = _START + "(?:" + "|".join(f"(?P<{r.key}>{r.pattern})" for r in rules) + ")"
    return tuple(rules), re.compile(combined, re.I | re.X)


_SECOND_NAME = "_2"  # the suffix of a field's second name (see _fields_of)


def _fields_of(rule: Rule, m: re.Match) -> dict:
    """The named groups that matched. A regex names a group once, so a field a pattern
    gives in two word orders ("June 19", "19 June") is named `day_2` in the second."""
    out = {}
    for f in rule.fields:
        v = m.group(f"{rule.key}_{f}")
        if v is not None:
            out[f.removesuffix(_SECOND_NAME)] = v
    return out


_TOKEN = re.compile(r"[A-Za-z]+|\d+|['’](?=\d)")
_PATTERN_WORD = re.compile(r"[a-z]{3,}")


def _first_word(phrase: str) -> str:
    return re.split(r"[\s'’-]", phrase.strip("'’"), maxsplit=1)[0].lower()


@lru_cache(maxsize=1)
def start_words() -> frozenset[str]:
    """Every word a time expression can begin with.  Matching is tried only
    where such a word starts, which keeps one pass over a long text cheap;
    tests check that this finds exactly what a full scan finds."""
    lex = load_lexicon()
    raw = _raw_rules()
    words = {_first_word(w) for w in raw.get("start_words", ())}
    for group in (lex.months, lex.weekdays, lex.parts_of_day, lex.seasons, lex.numbers,
                  lex.ordinals, lex.units, lex.unit_plurals, lex.vague_quantities,
                  lex.holidays, lex.eras):
        words.update(_first_word(w) for w in group)
    words.update(u + "s" for u in lex.units)
    words.update(w + "s" for w in lex.weekdays)  # "on Sundays"
    return frozenset(words)


@lru_cache(maxsize=1)
def _raw_rules() -> dict:
    return read_data("timex_rules.yaml")


@lru_cache(maxsize=1)
def _weak() -> tuple[frozenset[str], frozenset[str], int]:
    """(weak start words, anchor words, window): a weak start word ("the",
    "about", "early") never makes an expression by itself, so a match is
    tried there only if an anchor -- a digit, or a word of the rule
    patterns or word lists that is neither weak nor a function word --
    follows within `window` words."""
    raw = _raw_rules()
    weak = frozenset(w.lower() for w in raw.get("weak_start_words", ()))
    rules, _ = registry()
    words = set(start_words())
    for r in rules:
        words.update(_PATTERN_WORD.findall(r.pattern.lower()))
    function = frozenset(w.lower() for w in raw.get("function_words", ()))
    return weak, frozenset(words - weak - function), int(raw.get("weak_window", 6))


_DIGIT_WINDOW = 4
_YEARISH = re.compile(r"1\d\d\d|20\d\d|2100")
_DIGIT_TAIL = re.compile(r"[:/\-–'’A-Za-z]|\s*[ap]\.?\s?m\b|\s+(?:gmt|utc|hours)\b|\.\d\d\s*[ap]\.?\s?m\b"
                         r"|\.[01]?\d\.\d{4}\b|\.[0-5]\d[ \t]*(?:\n|\Z)", re.I)


def _candidates(text: str) -> list[tuple[int, str]]:
    """(offset, lowercased word) of every token where a match may start."""
    starts = start_words()
    weak, anchors, window = _weak()
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    lows = [w.lower() for _, w in toks]
    # distance (in tokens) to the next anchor, and to the next anchor word
    n = len(toks)
    nearest, nearest_word = [0] * n, [0] * n
    next_any = next_word = 1 << 30
    for i in range(n - 1, -1, -1):
        lw = lows[i]
        if lw in anchors:
            next_any = next_word = i
        elif lw[0].isdigit() or lw[0] in "'’":
            next_any = i
        nearest[i] = next_any - i
        nearest_word[i] = next_word - i
    out = []
    for i, (p, w) in enumerate(toks):
        lw = lows[i]
        if w[0] in "'’":
            out.append((p, lw))
        elif w[0].isdigit():
            # a number starts an expression only as a year, glued to a date
            # sign or suffix ("7:15", "03/05", "1990s", "9th", "24-hour"),
            # before a.m./p.m., or with a time word shortly after it
            if (nearest_word[i] <= _DIGIT_WINDOW or _YEARISH.fullmatch(w)
                    or _DIGIT_TAIL.match(text, p + len(w))):
                out.append((p, lw))
        elif lw in starts:
            if lw in weak and nearest[i] > window:
                continue
            if w[0].islower() and lw in _capital_only():
                continue  # "may", "march": month and weekday names are capitalized
            out.append((p, lw))
    return out


@lru_cache(maxsize=1)
def _capital_only() -> frozenset[str]:
    """Start words that only begin an expression when capitalized."""
    lex = load_lexicon()
    names = set(lex.months) | set(lex.weekdays) | {w + "s" for w in lex.weekdays}
    other = set()
    for group in (lex.parts_of_day, lex.seasons, lex.numbers, lex.ordinals, lex.units,
                  lex.unit_plurals, lex.vague_quantities, lex.holidays, lex.eras):
        other.update(_first_word(w) for w in group)
    other.update(_first_word(w) for w in _raw_rules().get("start_words", ()))
    return frozenset(n for n in names if n not in other)


# ------------------------------------------------- first-character dispatch --

try:  # Python 3.11+
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre  # type: ignore
    import sre_parse as _sre_parse  # type: ignore

_ANY = None  # "any character may come first"
_CATEGORY_CHARS = {
    _sre.CATEGORY_DIGIT: set("0123456789"),
    _sre.CATEGORY_SPACE: set(" \t\n\r\f\v"),
}


def _first_chars(items) -> tuple[set | None, bool]:
    """(characters a match of this parsed pattern can begin with, or None
    for any; can it match the empty string?)."""
    out: set = set()
    for op, av in items:
        chars, nullable = _first_of(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of(op, av) -> tuple[set | None, bool]:
    if op is _sre.LITERAL:
        return {chr(av)}, False
    if op is _sre.IN:
        chars: set = set()
        for kind, val in av:
            if kind is _sre.LITERAL:
                chars.add(chr(val))
            elif kind is _sre.RANGE and val[1] - val[0] < 256:
                chars.update(chr(c) for c in range(val[0], val[1] + 1))
            elif kind is _sre.CATEGORY and val in _CATEGORY_CHARS:
                chars |= _CATEGORY_CHARS[val]
            else:
                return None, False  # negated sets, \w, wide ranges: anything
        return chars, False
    if op is _sre.BRANCH:
        chars, nullable = set(), False
        for branch in av[1]:
            c, n = _first_chars(branch)
            if c is None:
                return None, False
            chars |= c
            nullable |= n
        return chars, nullable
    if op is _sre.SUBPATTERN:
        return _first_chars(av[-1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)):
        chars, nullable = _first_chars(av[2])
        return chars, nullable or av[0] == 0
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _first_chars(av)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True  # zero-width
    return None, False


@lru_cache(maxsize=1)
def _rule_first_chars() -> tuple[frozenset | None, ...]:
    """For each rule, the lower-cased characters its matches can start with."""
    rules, _ = registry()
    out = []
    for r in rules:
        chars, _ = _first_chars(_sre_parse.parse(r.pattern, re.I | re.X))
        out.append(None if chars is None else frozenset(c.lower() for c in chars))
    return tuple(out)


@lru_cache(maxsize=None)
def _combined_for(first: str) -> re.Pattern:
    """The combined pattern of only the rules that can start with `first`."""
    rules, _ = registry()
    keep = [r for r, chars in zip(rules, _rule_first_chars()) if chars is None or first in chars]
    if not keep:
        return re.compile(r"(?!)")
    return re.compile(_START + "(?:" + "|".join(f"(?P<{r.key}>{r.pattern})" for r in keep) + ")",
                      re.I | re.X)


def find(text: str) -> Iterator[Match]:
    """Matches in text order, none overlapping."""
    rules, _ = registry()
    by_key = {r.key: (i, r) for i, r in enumerate(rules)}
    done = 0
    for p, _ in _candidates(text):
        if p < done:
            continue
        m = _combined_for(text[p].lower()).match(text, p)
        if not m:
            continue
        found = _first_accepted(rules, by_key, m, text)
        if found is not None:
            yield found
            done = found.end


def find_by_scan(text: str) -> Iterator[Match]:
    """The same as find() but trying every position: slow, the reference
    that find() is tested against."""
    rules, combined = registry()
    by_key = {r.key: (i, r) for i, r in enumerate(rules)}
    pos, n = 0, len(text)
    while pos < n:
        m = combined.search(text, pos)
        if not m:
            return
        found = _first_accepted(rules, by_key, m, text)
        if found is None:
            pos = m.start() + 1
            continue
        yield found
        pos = max(found.end, m.start() + 1)


def _first_accepted(rules, by_key, m: re.Match, text: str) -> Match | None:
    i, rule = by_key[m.lastgroup]
    found = _accept(rule, m, text)
    if found is None:
        # a guard said no: the later rules may still match here
        for later in rules[i + 1:]:
            m2 = later.regex.match(text, m.start())
            if m2 and m2.end() > m2.start():
                found = _accept(later, m2, text)
                if found:
                    break
    return found


def _accept(rule: Rule, m: re.Match, text: str) -> Match | None:
    start, end = m.span(rule.key)
    fields = _fields_of(rule, m)
    if not _capitalized_names(fields, text, m, rule):
        return None
    if rule.guard and not GUARDS[rule.guard](text, start, end, fields):
        return None
    # Trailing "'s" of a possessive is not part of the expression.
    return Match(rule, start, end, fields)


_DAY_WORDS = ("yesterday", "today", "tonight", "tomorrow")  # they stand where a weekday may


def _capitalized_names(fields: dict, text: str, m: re.Match, rule: Rule) -> bool:
    """Month, weekday and holiday names are proper nouns: "may" is a verb."""
    for f in ("month", "weekday", "holiday"):
        v = fields.get(f)
        if f == "holiday" and v and v.lower().endswith("bank holiday"):
            continue  # British news writes "the spring bank holiday" in lower case
        if f == "holiday" and v and v.lower().startswith("feast of") and v.split()[-1][:1].isupper():
            continue  # "the feast of the Assumption": the feast's own name is the proper noun
        if v and v[0].isalpha() and not v[0].isupper() and v.lower() not in _DAY_WORDS:
            return False
    named = fields.get("named")
    start, end = m.span(rule.key)
    if named and named[0].isupper() and not _sentence_initial(text, start) and (
            _NAME_WORD_BEFORE.search(text, max(0, start - 40), start) or _word_after(text, end)[:1].isupper()):
        return False  # inside a name: "Ravensworth Midnight Sonata", a dog; "High Noon", a film
    return True


_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’-]*[ \t]+$")

# ------------------------------------------------------------------ guards ---

_WORD_BEFORE = re.compile(r"([\w'’.-]+)\W*$")
_WORD_AFTER = re.compile(r"^[ \t]*([\w'’]+)")  # the word right after, not across punctuation

# words after which a lone month or season name is a date ("in May", "last fall")
_DATE_CONTEXT = frozenset("""
in since by until till through from to of during before after early late mid last this next
for between and or each every throughout around about until following previous past that
the end start beginning middle as spanning at
""".split())
# Nouns that a season names the time of: "a major spring offensive", "the fall session".
_SEASONAL_EVENTS = frozenset("""
offensive offensives counteroffensive campaign campaigns session sessions election elections semester
term harvest sowing planting break holiday holidays storms floods flooding thaw meeting meetings summit
collection collections fashion season tour schedule budget review
""".split())
_SEASON_DETERMINERS = frozenset("the last this next early late in that each every of mid a its during since until by past".split())
# the words before "the fall" that make it the season: "in the fall", "by the fall"
_FALL_AFTER_THE = frozenset("in by during until till through throughout since for before after over into "
                            "from to early late".split())
_VERBISH_BEFORE = frozenset("to will would could can may might should must did does do not".split())
_COUNT_WORDS = frozenset("""
people persons men women children kids troops soldiers police officers students workers
residents voters members jobs homes houses cars votes seats deaths dead killed injured
feet foot meters metres miles kilometers kilometres km yards acres hectares tons tonnes
pounds kilograms kg dollars euros yen marks francs pesos shares points barrels units copies
of per times more less fewer than or
""".split())
_NOT_YEAR_BEFORE = frozenset("""
no no. number page pages rat route flight room model article section chapter rule
boeing airbus paragraph item line lines exit interstate highway hwy unit apt apartment
suite box code pp p. vol vol. issue channel account local lodge gate platform pier berth hangar block
""".split())


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 40):start])
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.search(text[end:end + 40])
    return m.group(1) if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


_DAY_NUMBER_AFTER = re.compile(r"\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b(?![:.,]?\d)")


def _month_alone(text: str, start: int, end: int, f: dict) -> bool:
    lex = load_lexicon()
    word = f["month"].rstrip(".").lower()
    if word not in lex.month_full:
        return False  # "Dec" or "Jan." alone is too easily something else
    if f.get("mod"):
        # "early June 9": the modifier is the part of that day, the date is June 9
        return not _DAY_NUMBER_AFTER.match(text, end)
    before = _word_before(text, start)
    if before in _DATE_CONTEXT:
        return True
    after = _word_after(text, end)
    if word in lex.ambiguous_months:
        return False
    # "January Jones": a capitalized word right after makes it a name
    if after and after[0].isupper() and after.lower() not in lex.months:
        return False
    return True


# "4:32 a.m. (2032 GMT on Tuesday)": the day of a converted clock time, in
# brackets after the local one; TimeML leaves the conversion untagged, and
# its day is not the day the story narrates
_CONVERSION_BEFORE = re.compile(r"\(\s*\d{3,4}\s+(?:gmt|utc)\s+(?:on\s+)?$", re.IGNORECASE)


def _not_a_conversion(text: str, start: int, end: int, f: dict) -> bool:
    return not _CONVERSION_BEFORE.search(text, max(0, start - 20), start)


def _weekday_not_a_name(text: str, start: int, end: int, f: dict) -> bool:
    """Not a conversion's day, nor the name of a paper or a group: "the Sunday
    Chronicle", "the Monday Club" (a capitalized word after "the <weekday>" that
    is no month, weekday or part of the day)."""
    if not _not_a_conversion(text, start, end, f):
        return False
    after = _word_after(text, end)
    if f.get("mod") or f.get("part") or not after[:1].isupper() or _word_before(text, start) != "the":
        return True
    lex = load_lexicon()
    low = after.lower()
    return low in lex.months or low in lex.weekdays or low in lex.parts_of_day


_SEASON_COMPOUNDS = frozenset("tide tides water onion onions roll rolls cleaning mattress coat coats "
                              "tyres tires".split())


def _season_alone(text: str, start: int, end: int, f: dict) -> bool:
    word = f["season"]
    before = _word_before(text, start)
    after = _word_after(text, end).lower()
    at = end - len(word)
    if word[0].isupper() and not _sentence_initial(text, at):
        return False  # "Arab Spring", "the Fall Guy", "The Summer Palace"
    if word.lower() in ("spring", "fall") and not f.get("mod") and at == start \
            and before not in _SEASON_DETERMINERS and before not in _DATE_CONTEXT \
            and after not in _SEASONAL_EVENTS:
        return False  # "a hot spring", "a coil spring", but "a major spring offensive"
    if before in _VERBISH_BEFORE:
        return False  # "to spring", "will fall"
    if after in _SEASON_COMPOUNDS:
        return False  # "a spring tide", "spring water", "winter coats": things, not times
    if after in ("of", "in", "from", "off", "back") and not re.match(r"\W*of\s+\d{4}", text[end:end + 12]):
        return False  # "the fall of Rome", "a fall in prices"
    if word.lower() == "fall" and not (f.get("mod") or before in _SEASON_DETERMINERS):
        return False
    if word.lower() == "fall" and before in ("a", "an") and at == start:
        return False  # "broke his ankle in a fall": a tumble, not a season
    if word.lower() == "fall" and not f.get("mod") and (at != start or before == "the"):
        the_at = start if at != start else text.rfind("the", 0, at)
        if _word_before(text, the_at) not in _FALL_AFTER_THE:
            return False  # "said the fall could be the first meteorite": the fall of a thing
    return True


def _bare_year(text: str, start: int, end: int, f: dict) -> bool:
    year = int(f["year"])
    if f.get("mod") or text[start:start + 8].lower() == "the year":
        return True
    before = _word_before(text, start)
    if before in _NOT_YEAR_BEFORE:
        return False
    if re.search(r"\b(?:Act|Acts|Bill|Regulations|Order|Ordinance|Code)\s+$", text[max(0, start - 14):start]):
        return False  # "the Wildlife and Countryside Act 1981": the year is part of a law's name
    if text[max(0, start - 2):start].strip().endswith(("$", "£", "€", "#")):
        return False
    if not 1600 <= year <= 2100:
        return False
    if re.match(r"[ \t]\d{3}\b", text[end:end + 5]):
        return False  # "call Crime Stoppers on 1800 333 000": a telephone number
    # only a word right after the number can be what it counts ("1945
    # people"); after "1984." or "1961," it cannot
    m = re.match(r"[ \t]+([A-Za-z][\w'’]*)", text[end:end + 40])
    after = m.group(1) if m else ""
    al = after.lower()
    if al in _COUNT_WORDS and before not in ("in", "since", "until", "during"):
        return False  # "2000 killed", but "a cyclone in 1970 killed 300,000 people"
    if before in ("the", "a", "its", "their", "his", "her", "our", "this", "that"):
        return True  # "the 1992 protests": a year used as a modifier
    if after and after.islower() and al.endswith("s") and not al.endswith(("ss", "is", "us")) and len(al) > 3 and al not in (
            "was", "has", "its", "this", "his", "as", "is", "does", "plus", "less", "across",
            "thus", "always", "versus", "whereas", "towards", "besides", "says"):
        return False  # "1945 people", "2000 troops"
    if not 1600 <= year <= 2100:
        return False
    return True


_DURATION_CONTEXT = frozenset("for in over within after take takes took taken lasted last lasts spent spend spending".split())


_THE_YEARS_CONTEXT = frozenset("over through throughout during in across".split())


def _bare_duration(text: str, start: int, end: int, f: dict) -> bool:
    """"for months", "over the years": a bare plural unit after a word of
    duration; not "months of talks", "years later"."""
    if _word_after(text, end).lower() in ("of", "old", "before", "after", "later", "earlier", "ago", "that", "when", "since"):
        return False
    before = _word_before(text, start)
    return before in (_THE_YEARS_CONTEXT if f.get("the") else _DURATION_CONTEXT)


_RATE_BEFORE = frozenset("""
million millions billion billions trillion thousand thousands hundred hundreds percent cents
dollars pounds euros yen times
""".split())
_NOT_PLURAL_NOUN = frozenset("""
was has is this its his as us less across thus always versus whereas towards besides says
perhaps yes plus bus gas
""".split())


# an amount that counts from something is no rate: "marks a year since", "comes a week after"
_COUNTS_FROM_AFTER = re.compile(r"\s+(?:since|after|before|ago)\b", re.IGNORECASE)


def _event_age(text: str, start: int, end: int, f: dict) -> bool:
    """"a 14-month-old war" is a duration; "a 6-year-old boy" is an age.
    "$2 million a year", "700 seats a week" are rates, which TimeBank leaves
    untagged."""
    if (f.get("old") or "").lower() == "-old":
        return _word_after(text, end).lower() in load_lexicon().event_nouns
    unit = (f.get("unit") or "").lower()
    if unit in ("quarter", "quarters") and re.match(r"\s+of\b", text[end:end + 4]):
        return False  # "more than a quarter of the market" is a fraction
    if (f.get("num") or "").lower() in ("a", "an") and not any(
            f.get(k) for k in ("approx", "lead", "span", "half", "half2", "hunit")) \
            and not _COUNTS_FROM_AFTER.match(text, end):  # ("Monday marks a year since ...": no rate)
        m = re.search(r"(\S+)\s+$", text[max(0, start - 30):start])
        before = m.group(1).lower().strip(",;:") if m else ""
        if before and (before[0].isdigit() or before[0] in "$£€" or before in _RATE_BEFORE
                       or (before.endswith("s") and before.isalpha() and len(before) > 3
                           and before not in _NOT_PLURAL_NOUN)):
            return False
    return True


_YEAR_WORD_BEFORE = frozenset("in since by until till of from year before after during around early late mid".split())


def _spoken_year(text: str, start: int, end: int, f: dict) -> bool:
    """"nineteen ninety-six" is a year unless it counts something; "two
    thousand" only after "in", "by", "the year"..."""
    if text[start:start + 8].lower() == "the year":
        return True
    after = _word_after(text, end).lower()
    if after in _COUNT_WORDS or (after.endswith("s") and after.islower() and len(after) > 3
                                 and after not in ("was", "has", "this", "says")):
        return False
    if f["spoken"].lower().startswith("two"):
        return _word_before(text, start) in _YEAR_WORD_BEFORE
    return True


def _decade_word(text: str, start: int, end: int, f: dict) -> bool:
    """"the sixties" is a decade; "in their sixties" is an age (no "the")."""
    return _word_after(text, end).lower() not in ("percent", "%")


def _relative_unit(text: str, start: int, end: int, f: dict) -> bool:
    """"This Week" (a television show) is a name: every word capitalized,
    not at the start of a sentence.  "The pub's last night", "its last week"
    are the final night or week of something, not the ones before the article."""
    words = text[start:end].split()
    if len(words) > 1 and all(w[0].isupper() for w in words) and not _sentence_initial(text, start):
        return False
    return _not_final(text, start, end, f)


def _final_of_something(text: str, start: int, f: dict) -> bool:
    """"the pub's last night", "in its last week": "last" after an owner."""
    return str(f.get("rel", "")).lower() == "last" and _OWNED_BEFORE.search(text, max(0, start - 8), start) is not None


def _not_final(text: str, start: int, end: int, f: dict) -> bool:
    return not _final_of_something(text, start, f)


_OWNED_BEFORE = re.compile(r"(?:['’]s|s['’]|\b(?:its|their|his|her|our|my|your))\s+$", re.IGNORECASE)


def _year_range_ok(f: dict) -> tuple[int, int] | None:
    first = int(f["year"])
    end = f["year_end"]
    last = int(end) if len(end) == 4 else first - first % 100 + int(end)
    if len(end) == 2 and last < first:
        last += 100
    return (first, last) if first < last <= first + 10 else None


def _year_range(text: str, start: int, end: int, f: dict) -> bool:
    """"2008-09", "1998–2000": a span of a few years, not a score or code."""
    return _year_range_ok(f) is not None


_MATCH_WINDOW = 300  # characters either side in which a match report shows itself


def _half_of_year(text: str, start: int, end: int, f: dict) -> bool:
    """"the second half" in a match report ("dominated the second half and scored
    the winner") is the match's half; with a year, a "this/last/next" or away from
    a match's words it is a half-year."""
    if f.get("unit", "").lower() != "half" or any(f.get(k) for k in ("year", "qyear", "ryear", "rel", "ago")):
        return True
    window = text[max(0, start - _MATCH_WINDOW):end + _MATCH_WINDOW].lower()
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)?", window))
    match_words = load_lexicon().match_words
    return not (words & match_words or any(" " in w and w in window for w in match_words))


def _consecutive_days(text: str, start: int, end: int, f: dict) -> bool:
    """"the night of 2 to 3 May" joins two days that follow each other; "from
    Tuesday to Friday" is a span of days, not a night."""
    if f.get("weekday"):
        days = load_lexicon().weekdays
        return days[f["weekday_end"].lower()] % 7 == (days[f["weekday"].lower()] + 1) % 7
    first, last = (f["day"], f["day_end"]) if f.get("day") else (f["day2"], f["day2_end"])
    return _day_number(last) == _day_number(first) + 1


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


_RENAMING_AFTER = re.compile(r"[ \t]*(?:known\s+as\b|called\b|named\b|[A-Z])")


def _not_a_former_name(text: str, start: int, end: int, fields: dict) -> bool:
    """"K'gari, formerly Fraser Island", "previously known as": an old name or title, no time."""
    return not (fields.get("word", "").lower() in ("formerly", "previously") and _RENAMING_AFTER.match(text, end))


GUARDS: dict[str, Callable[[str, int, int, dict], bool]] = {
    "not_a_former_name": _not_a_former_name,
    "consecutive_days": _consecutive_days,
    "half_of_year": _half_of_year,
    "year_range": _year_range,
    "spoken_year": _spoken_year,
    "decade_word": _decade_word,
    "relative_unit": _relative_unit,
    "not_final": _not_final,
    "event_age": _event_age,
    "month_alone": _month_alone,
    "not_a_conversion": _not_a_conversion,
    "weekday_not_a_name": _weekday_not_a_name,
    "season_alone": _season_alone,
    "bare_year": _bare_year,
    "bare_duration": _bare_duration,
}
