"""Split an article into paragraphs and sentences, with character spans.

Page furniture ("Also Read:" links, photo credits, live-blog banners, app
promotions, bylines, date stamps) is flagged, not removed: it never yields an event, but
its dates may still fix the article's reference date ("the 434th day of the
war" in a live-blog banner). Short unpunctuated lines are flagged as headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from api.extract.lexicon import read_data


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    furniture: str | None = None  # the furniture kind, e.g. "photo_credit"
    heading: bool = False
    # a "Moscow:" / "(Moscow)" place dateline at the start, excluded from the span
    dateline: str | None = None

    @property
    def is_story(self) -> bool:
        return self.furniture is None


# a page's date line: a line that holds nothing but a full date, perhaps with its
# label, a weekday abbreviation, a clock time and a time zone ("Friday 7 February
# 2025", "Updated Thu 14 Mar 2024 10.42 GMT", "Posted: March 3, 2021 at 4:05 p.m. EST")
DATE_LINE_WORDS = frozenset("""
published first updated update last modified posted date dated issued released publication on at
reviewed print online edition
mon tue tues wed thu thur thurs fri sat sun
gmt bst utc cet cest eet eest est edt cst cdt mst mdt pst pdt et pt ist jst aest aedt local time
min mins minute minutes read ago hr hrs hour hours day days
""".split())  # the last row: a reading time ("4 min read") and an update counted back ("Updated 2 hours ago")
# the zones the list does not name are abbreviated alike: "ART", "WAT", "EAT", "NZST"
ZONE_ABBREVIATION = re.compile(r"[A-Z]{1,3}S?T")
_CALENDAR_WORDS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday am pm a m p
""".split())
_STAMP_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b")


def is_date_line(line: str) -> bool:
    """A line that is nothing but a page's time stamp, whatever its order ("May 3,
    2023 4:05 PM GMT+2 Updated 2 hours ago", "Last modified on Wed 3 May 2023
    19.05 BST"): a year, and no word but dates, labels, clock times and zones."""
    if not _STAMP_DATE.search(line):
        return False
    words = re.findall(r"[A-Za-z]+", line)
    return all(w.lower() in DATE_LINE_WORDS or w.lower() in _CALENDAR_WORDS or ZONE_ABBREVIATION.fullmatch(w)
               for w in words)


@lru_cache(maxsize=1)
def _furniture_rules():
    raw = read_data("furniture.yaml")
    rules = [
        (kind, re.compile(pattern, re.IGNORECASE))
        for kind, patterns in raw["line_patterns"].items()
        for pattern in patterns
    ]
    return rules, int(raw.get("heading_max_words", 14)), frozenset(raw.get("list_headings", ()))


def furniture_kind(line: str) -> str | None:
    """The furniture kind of one line of text, or None for story text."""
    rules, _, _ = _furniture_rules()
    for kind, pattern in rules:
        if pattern.search(line):
            return kind
    return "date_line" if is_date_line(line) else None


def _is_heading(line: str) -> bool:
    _, max_words, _ = _furniture_rules()
    stripped = line.strip().rstrip("\"'”’")
    words = stripped.split()
    return 0 < len(words) <= max_words and not re.search(r"[.!?:;,]$", stripped)


# Words whose final period does not end a sentence; the states' abbreviations of
# American datelines ("MARLOW, Kan. (AP) -") that are no common word ("Ill.", "Mass.").
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep st mt ft jr sr
coun insp supt det const cst cpl pte pvt brig hon rev fr atty ald
no vs etc inc ltd co corp dept univ approx est fig jan feb mar apr jun jul aug
sep sept oct nov dec u.s u.k u.n e.u a.m p.m e.g i.e
ala ariz ark calif colo conn fla kan kans ky md mich minn mont neb nev okla tenn vt wis wyo
n.h n.j n.m n.y n.c n.d s.c s.d r.i w.va b.c
""".split())

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets)
# when whitespace and an opening capital, digit or quote follow.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["“'‘(\[]?[A-Z0-9])""")
# "(Moscow)", "Moscow:", "MOSCOW (Reuters) -", "KYIV, May 3 (AP) —", "PORT ALDER, B.C., July 7,
# 2021 /The Canadian Press/ -", "MARLOW, Kan. (AP) -", "BERGEN, Norway —", "CAPE TOWN, 11 June
# 2016 -": the place is kept,
# the rest of the dateline is left out of the first sentence's span
_DATELINE = re.compile(
    r"""^\s*(?:\((?P<p>[A-Z][\w .'-]{1,40})\)"""
    r"""|(?P<c>[A-Z][A-Za-z .'-]{1,40}?)"""
    r"""(?:,\s*[A-Z][A-Za-z.']{1,12}(?:\s[A-Z][A-Za-z.']{1,12})?"""
    r"""(?=,\s*[A-Z][a-z]{2,8}\.?\s+\d|\s*[(/]|\s*(?::|—|–|\s-\s)))?"""
    r"""(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"""
    r"""(?:\s*(?:\([A-Za-z .&/-]{1,30}\)|/[A-Za-z .&-]{1,30}/))?\s*(?::|—|–|\s-\s|\s-(?=\s)))\s*(?=[A-Z"“])""")


def _split_sentences(text: str, start: int, end: int):
    """Yield (start, end) spans of sentences within text[start:end]."""
    chunk = text[start:end]
    pos = 0
    for match in _BOUNDARY.finditer(chunk):
        cut = match.end()
        word = re.search(r"([\w.]+)[.]$", chunk[pos:match.start() + 1])
        if match.group(0).startswith(".") and word:
            token = word.group(1).lower().rstrip(".")
            # abbreviations and single initials ("J. Smith") do not end a sentence
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        yield from _trimmed(chunk, pos, cut, start)
        pos = cut
    yield from _trimmed(chunk, pos, len(chunk), start)


def _trimmed(chunk: str, a: int, b: int, offset: int):
    piece = chunk[a:b]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right > left:
        yield offset + a + left, offset + a + right


# "LIVE: Train derails near Yeovil": a live page's headline behind its label, the page's first line
_LIVE_HEADLINE = re.compile(r"\s*(?:LIVE|Live)(?:\s+(?i:updates?|blog))?\s*:\s*(?=\w)")


def is_live_headline(text: str, sentence: Sentence) -> bool:
    """Whether `sentence` is a live page's headline, after its "LIVE:" label."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    label = _LIVE_HEADLINE.match(text, line_start)
    return sentence.heading and label is not None and label.end() == sentence.start


def split(text: str) -> list[Sentence]:
    """Paragraphs are lines (blank lines are separators); each is split into sentences."""
    sentences: list[Sentence] = []
    paragraph = 0
    _, _, list_headings = _furniture_rules()
    in_link_list = False
    story_begun = False  # a dateline opens the story's first line, under any headline or stamp
    for line in re.finditer(r"[^\n]+", text):
        if not line.group(0).strip():
            continue
        kind = furniture_kind(line.group(0))
        heading = kind is None and _is_heading(line.group(0))
        live = _LIVE_HEADLINE.match(line.group(0)) if kind == "live_banner" and not sentences else None
        if live is not None:
            # the label is the banner; the words after it are the headline
            a = line.start() + live.end()
            sentences.append(Sentence(a, line.end(), text[a:line.end()], paragraph, None, True, None))
            paragraph += 1
            continue
        if line.group(0).strip().rstrip(":").strip().lower() in list_headings:
            kind, heading, in_link_list = "related_link", False, True
        elif in_link_list and heading:
            kind, heading = "related_link", False  # a headline in the list under "Most read"
        elif kind is None:
            in_link_list = False
        spans = list(_split_sentences(text, line.start(), line.end()))
        # "Welcome to our live coverage. An ice floe broke away ...": the banner is
        # one sentence of the entry, not the whole entry
        banner_per_sentence = kind == "live_banner" and len(spans) > 1
        first = True
        for a, b in spans:
            sentence_kind = kind
            if banner_per_sentence:
                sentence_kind = "live_banner" if furniture_kind(text[a:b]) == "live_banner" else None
            dateline = None
            if first and not story_begun and sentence_kind is None and not heading:
                dl = _DATELINE.match(text[a:b])  # its "^" holds at the string's start only
                if dl and a + dl.end() < b:
                    dateline = (dl.group("p") or dl.group("c")).strip()
                    a += dl.end()
            first = False
            story_begun = story_begun or (sentence_kind is None and not heading)
            sentences.append(Sentence(a, b, text[a:b], paragraph, sentence_kind, heading, dateline))
        paragraph += 1
    return sentences
