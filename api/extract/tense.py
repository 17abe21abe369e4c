"""The tense of the clause around a time expression, from its verbs.

A heuristic, not a parser: it looks at the words of the same clause on both
sides of the expression and lets the nearest tense marker decide.  News
prose is past tense by default, so "past" is the answer when nothing is
found.  Present perfect ("has said") counts as past.
"""
from __future__ import annotations

import re

# Words that make a clause look ahead of its own verb's tense, besides intents
# and forecasts with their "to" and "may" (which _intent rewrites).
_LOOKS_AHEAD = frozenset(
    "should might ought expect expects predict predicts anticipate anticipates foresee foresees".split())
_FUTURE = frozenset("""
will 'll wo shall going gonna expected scheduled planned due slated
upcoming intends tomorrow would planning
""".split()) | _LOOKS_AHEAD
# "should", "might": modals look ahead ("sales should recover in the second
# half"), but they are not auxiliaries: "should have recovered by June" is read
# from its participle, and looks back.  "may" only in lower case ("May" is a
# month) and not perfect or negated (see _modal).  "could" stays out: in news
# it is as often the past of "can" ("could not be located Wednesday",
# "residents could see the flames on Tuesday").
_MODALS_WHEN_AFFIRMED = frozenset("may".split())
# Verbs of intent, hope and forecast that are also nouns ("the bailout plan")
# or past forms ("hoped"): future only when a "to" follows within a few words
# ("plans to visit", "expect the bank to cut rates", "forecast profits to
# improve").  "had hoped to" stays past: the auxiliary decides.
_INTENT = frozenset("""
plan plans aim aims aimed hope hopes hoped intend intended set forecast forecasts
want wants wanted seek seeks sought prepare prepares prepared promise promises promised
vow vows vowed pledge pledges pledged threaten threatens threatened
""".split())
# ... and these also when their "to" comes after an object: "expect the bank
# to cut rates", "forecast profits to improve" (not "set": "set the stage to")
_INTENT_OBJECT = frozenset("expect expects expected forecast forecasts hope hopes hoped planned "
                           # an invitation or a request looks ahead to what it asks for:
                           # "invited union leaders to meet him on Thursday"
                           "invite invites invited ask asks asked urge urges urged".split())
# "on schedule to", "on track to": a course that looks ahead as an intent does
_ON_COURSE = frozenset("schedule track course target".split())
_INTENT_REACH = 4  # words between the verb and its "to": "expect the central bank to"
# after these an intent word is a noun: "submitted its plan to plug ..." (not "had long hoped to")
_BEFORE_A_NOUN = frozenset("a an the this that these those its his her their our your my no any some".split())
_PAST = frozenset("""
was were had did said told went came took made gave got saw began fell rose hit shot
met left won lost led held brought thought found became sent spent struck ran put
knew felt kept began stood sat wrote spoke broke chose drove flew grew threw wore
paid sold bought caught fought taught heard meant read built tried died killed
has have 's 've yesterday ago earlier last
says say tells
""".split())  # "says Tuesday" reports a day that has come, like "said"
_PRESENT = frozenset("""
is are am do does remains continues expires ends begins starts opens closes
runs meets resumes arrives leaves visits holds heads travels returns faces hosts launches
""".split())
_NOT_PAST_ED = frozenset("""
need speed red bed hundred indeed feed seed weed breed bleed proceed exceed succeed
embed shed sled bred fled led wed united limited based related expected scheduled planned
planed due
""".split())
# clause boundaries: sentence ends, semicolons, and quotation marks
_BOUNDARY = re.compile(r"[.!?;:\n“”\"]")
_TOKEN = re.compile(r"[A-Za-z']+")
_WINDOW = 80


# Words whose stop is no sentence end: "Sept. 5", "Mr. Smith", "4 p.m. on Tuesday" (a
# single letter); not "in his post. One official ..." nor "he said. On Monday ...".
_ABBREVIATIONS = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
mr mrs ms dr gen sen rep gov lt col sgt capt cmdr adm st mt ft jr sr prof rev corp inc ltd co
bros dept univ vs etc no nos est approx
""".split())
_WORD_BEFORE_STOP = re.compile(r"\b([A-Za-z]{1,5})\.$")


def _abbreviated(before_and_stop: str) -> bool:
    m = _WORD_BEFORE_STOP.search(before_and_stop)
    return m is not None and (len(m.group(1)) == 1 or m.group(1).lower() in _ABBREVIATIONS)


def clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause text before and after [start, end)."""
    left = text[max(0, start - _WINDOW):start]
    right = text[end:end + _WINDOW]
    cut = None
    for m in _BOUNDARY.finditer(left):
        if m.group() == "." and _abbreviated(left[:m.end()]):
            continue
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    m = _BOUNDARY.search(right)
    while m and m.group() == "." and _abbreviated(right[:m.end()]):
        m = _BOUNDARY.search(right, m.end())
    if m:
        right = right[:m.start()]
    return left, right


_AUX = frozenset("""
be been being have has had will would shall 'll wo was were is are am to not also already
n't never still just then soon likely rather probably possibly certainly even only now
""".split())
_AUX_FUTURE = frozenset("will 'll shall wo would going".split())


def _kind(word: str) -> str | None:
    w = word.lower()
    if w in _FUTURE:
        return "future"
    if w in _PAST:
        return "past"
    if w in _PRESENT:
        return "present"
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
        return "past"
    return None


def _verb_group_kind(tokens: list[str], i: int) -> str:
    """The tense of the verb at tokens[i], read through its auxiliaries to the
    left ("will be held" is future, "has been" is past)."""
    kind = _kind(tokens[i])
    j = i - 1
    while j >= 0 and (tokens[j].lower() in _AUX or tokens[j].lower().endswith("ly")):
        # auxiliaries, and adverbs between them ("will be formally installed")
        if tokens[j].lower() not in _AUX:
            j -= 1
            continue
        w = tokens[j].lower()
        if w in _AUX_FUTURE:
            return "future"
        if w in ("has", "have") and tokens[i] == "will" and kind == "future":
            # "has promised to decide before Christmas": an intent _intent rewrote, still
            # standing ("had hoped to" is one that lapsed: past)
            j -= 1
            continue
        if w in ("was", "were", "had", "has", "have"):
            kind = "past"
        elif w in ("is", "are", "am") and kind != "future":
            kind = "present" if tokens[i].lower() not in _FUTURE else "future"
        j -= 1
    return kind or "past"


# Words right before a date that make it a deadline or a plan ("by May",
# "until Tuesday", "as early as Monday", "payable Dec. 7", "ahead of
# Friday's jobs report"): the date lies ahead whatever the tense of the
# clause.
# Cues that anticipate what they date whatever the verb's tense.
_ANTICIPATING = (("ahead", "of"), ("in", "the", "run", "up", "to"))
_FUTURE_CUES = (
    ("by",), ("until",), ("till",), ("as", "soon", "as"), ("as", "early", "as"),
    ("no", "later", "than"), ("payable",), ("effective",), ("scheduled", "for"),
    ("set", "for"), ("planned", "for"), ("due",), ("starting",), ("expected",),
    *_ANTICIPATING,
)
_PLAN_WORDS = frozenset("scheduled set planned due expected".split())
_CUE_GAP = frozenset("on early late mid next in".split())


_PAST_AUX = frozenset("was were had".split())


_COMPARISON = frozenset("than as".split())


def _cue(before: list[str]) -> str | None:
    low = [w.lower() for w in before[-6:]]
    for cue in _FUTURE_CUES:
        n = len(cue)
        if tuple(low[-n:]) == cue:
            if cue[0] in _PLAN_WORDS and len(low) > n and low[-n - 1] in _PAST_AUX | _COMPARISON:
                return None  # "was scheduled for Feb. 20": a plan in the past; "than expected"
            return "future"
        # "until 9 a.m. Tuesday" is one expression; "by early May": one word between
        if len(low) > n and tuple(low[-n - 1:-1]) == cue and low[-1] in _CUE_GAP:
            if cue[0] in _PLAN_WORDS and len(low) > n + 1 and low[-n - 2] in _COMPARISON:
                return None  # "rose more than expected in May": a comparison, not a plan
            return "future"
    if low and low[-1] == "since":
        return "past"
    return None


def _intent(tokens: list[str]) -> list[str]:
    """"plans to" -> a future marker; "the plan" -> no marker at all; "may"
    -> a future marker when it is a modal that looks ahead; "than expected"
    -> no marker."""
    out = []
    for i, w in enumerate(tokens):
        low = w.lower()
        if i > 0 and tokens[i - 1].lower() in _COMPARISON and (
                low in _FUTURE or low in _INTENT or low in _INTENT_OBJECT):
            out.append("-")  # "rose more than expected in May", "as planned": a comparison
        elif low in ("was", "were") and i + 1 < len(tokens) and tokens[i + 1].lower() == "to":
            out.append("will")  # "were to begin on Monday": the future of the past
        elif low in _ON_COURSE and i > 0 and tokens[i - 1].lower() == "on" \
                and i + 1 < len(tokens) and tokens[i + 1].lower() == "to":
            out.append("will")  # "the repairs were on schedule to be finished before Christmas"
        elif low in _INTENT and i > 0 and (tokens[i - 1].lower() in _BEFORE_A_NOUN or _possessive(tokens[i - 1])):
            # "submitted its plan to plug the outfalls on March 29", "rejected Tallwood Pacific's plan
            # to build townhouses at a hearing on Oct. 23": a noun, not an intent
            out.append("-")
        elif low in _INTENT or low in _INTENT_OBJECT:
            reach = _INTENT_REACH if low in _INTENT_OBJECT else 0
            ahead = [t.lower() for t in tokens[i + 1:i + 2 + reach]]
            if "to" in ahead:
                out.append("will")
            else:
                out.append(w if low in _FUTURE else "-")
        elif low in _MODALS_WHEN_AFFIRMED:
            out.append("will" if _modal(tokens, i) else "-")
        else:
            out.append(w)
    return out


_CONTRACTED_IS = frozenset("it's he's she's that's there's what's who's here's it’s he’s she’s that’s there’s".split())


def _possessive(token: str) -> bool:
    """"Pacific's", "the council's", "residents'": a noun's possessive ("it's set to": no)."""
    low = token.lower()
    return low.endswith(("'s", "’s", "s'", "s’")) and low not in _CONTRACTED_IS


def _modal(tokens: list[str], i: int) -> bool:
    """"may" at tokens[i] as a modal that looks ahead: lower case ("in May"
    is the month), and neither negated ("may not have known") nor perfect
    ("may have fled")."""
    if tokens[i] not in _MODALS_WHEN_AFFIRMED:
        return False
    nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    return nxt not in ("not", "n't", "have", "never", "")


_DETERMINERS = frozenset("""
a an the this that these those its his her their our your my still very newly recently
already previously long much more most less least no any some
""".split())


def _adjective(tokens: list[str], i: int) -> bool:
    """"a still unspecified date": an -ed word after a determiner is an
    adjective, not a past-tense verb."""
    w = tokens[i].lower()
    return (w.endswith("ed") and w not in _PAST and w not in _FUTURE and i > 0
            and tokens[i - 1].lower() in _DETERMINERS)


_PLUPERFECT = re.compile(r"\bhad\b", re.I)
_GOING_TO = frozenset("planning scheduled expected due set going slated".split())


# Reported speech shifts a plan's tense back ("the agency warned that the
# river was expected to crest on Wednesday"): after a verb of saying, "was
# expected to" is the speaker's "is expected to", and looks ahead.
_REPORTED_PLAN = re.compile(
    r"\b(?:said|says|warned|announced|added|stated|predicted|forecast|told\s+\w+)\s+(?:that\s+)?"
    r"(?:[^,]*\b(?:was|were)\s+(?:not\s+|also\s+|now\s+|still\s+)?"
    r"(?:expected|due|set|scheduled|slated|going|planning|about)\s+to\b[^,]*"
    # "said he had ordered a review and would make a statement on Thursday": the future of then
    r"|[^,.;]*\bwould\s+(?!have\b|not\b|never\b)[^,.;]*)$", re.I)


def tense_at(text: str, start: int, end: int) -> str:
    """past, present or future.  A cue right before the expression decides
    ("by", "until", "as early as", "since"); else the nearest verb of the
    clause, to the left or to the right up to a comma (", officials said"
    is attribution, not the clause's verb); else the first verb after that
    comma ("On Tuesday, the minister resigned").  News defaults to past."""
    left, right = clause_around(text, start, end)
    raw_before = _TOKEN.findall(left)
    cue = _cue(raw_before)
    before = _intent(raw_before)
    if cue == "future" and _PLUPERFECT.search(left + " " + right):
        cue = "past"  # "Until Thursday, they had not called him a suspect"
    if cue:
        return cue
    if _REPORTED_PLAN.search(left):
        return "future"
    comma = right.find(",")
    near, far = (right, "") if comma < 0 else (right[:comma], right[comma + 1:])
    best = None
    for i in range(len(before) - 1, -1, -1):
        if _kind(before[i]) and not _adjective(before, i):
            best = (len(before) - 1 - i, _verb_group_kind(before, i))
            break
    for tokens, is_far in ((_intent(_TOKEN.findall(near)), False), (_intent(_TOKEN.findall(far)), True)):
        if is_far and best is not None:
            break
        for i, w in enumerate(tokens):
            if _kind(w) or w.lower() in _AUX_FUTURE:
                if best is None or i < best[0]:
                    k = _kind(w) or "future"
                    if w.lower() in ("was", "were", "is", "are") and i + 1 < len(tokens) \
                            and tokens[i + 1].lower() in _GOING_TO:
                        k = "future"
                    best = (i, k)
                break
    return best[1] if best else "past"


# Cues that put their date ahead whatever the verb of the clause: "created an office,
# effective Feb. 1", "a dividend payable Dec. 7", "ahead of Friday's vote".  Not "by"
# or "until": those end a span, which the pipeline reads as a span.
_AHEAD_CUES = (("effective",), ("payable",), ("as", "early", "as"), ("no", "later", "than"), *_ANTICIPATING)


def _ends_with_cue(words: list[str], cues) -> bool:
    """Do `words` end with one of `cues` (tuples of lower-case words)?"""
    low = tuple(w.lower() for w in words[-5:])
    return any(low[-len(cue):] == cue for cue in cues)


def anticipated_at(text: str, start: int) -> bool:
    """Is the expression at `start` placed ahead by the words right before it?"""
    return _ends_with_cue(_TOKEN.findall(text[max(0, start - 40):start]), _AHEAD_CUES)


# "hoped to clear the backlog by Christmas": a deadline is a cue of its own, but under
# an intent it is the intent's date that lies ahead
_DEADLINE_AFTER_INTENT = re.compile(r"\bby\s+(?:\w+\s+)?$", re.I)


def intends_ahead(text: str, start: int, end: int) -> bool:
    """Does the expression at [start, end) date what an intent, a forecast or
    a modal looks ahead to ("officials hoped to reopen the bridge in April",
    "analysts expected the bank to cut rates in June")?  Then it lies ahead,
    even though the verb that carries the clause's tense is in the past.
    So does "ahead of" ("shares fell ahead of Friday's jobs report").
    "had hoped to" and "was expected to" do not: their plan is itself past,
    unless reported speech shifted it ("warned that the river was expected
    to crest on Wednesday")."""
    left, _ = clause_around(text, start, end)
    raw = _TOKEN.findall(left)
    if _REPORTED_PLAN.search(left):
        return True
    if _ends_with_cue(raw, _ANTICIPATING):
        return True  # "shares fell ahead of Friday's jobs report"
    if _cue(raw) and not _DEADLINE_AFTER_INTENT.search(left):
        return False
    before = _intent(raw)
    for i in range(len(before) - 1, -1, -1):
        if _kind(before[i]) and not _adjective(before, i):
            rewritten = before[i] == "will" and raw[i].lower() != "will"
            return (rewritten or raw[i].lower() in _LOOKS_AHEAD) and _verb_group_kind(before, i) == "future"
    return False


# Completed pasts: a past-tense verb that governs the date directly ("the
# strike ended on March 4", "was killed in June", "talks broke down on
# Friday").  Verbs of scheduling, planning and agreeing on a date are left
# out: "was scheduled for", "postponed to", "agreed on" date a plan, which
# can lie ahead.
_SCHEDULING = frozenset("""
scheduled rescheduled set due postponed delayed deferred moved pushed brought put planned
expected slated adjourned fixed booked timed pencilled penciled earmarked targeted tipped
tabled extended called proposed agreed decided settled
""".split())
_IRREGULAR_PAST = _PAST - frozenset("""
was were had did has have 's 've yesterday ago earlier last says say tells said told
""".split())
_PARTICLES = frozenset("down up out off over away in".split())
# The objects of light-verb idioms, which the verb governs with its date:
# "took effect on", "took office in", "made landfall on", "came into force".
_IDIOM_OBJECTS = frozenset("effect place office power landfall force shape hold root".split())
_IDIOM_LINKS = frozenset("into".split())
# Irregular past participles that are no simple pasts, after was/were/had/been
# ("was sworn in on").
_PARTICIPLES = frozenset("""
sworn taken given driven begun broken chosen stolen seen written born thrown beaten fallen
risen shaken torn worn hidden bitten frozen
""".split())
_PERFECT_OR_PASSIVE = frozenset("was were had been".split())
_GOVERNING = frozenset("on in at during".split())
_PART_OF_DAY_BEFORE = re.compile(
    r"\s(?:in|until|into|through)\s+the\s+(?:early|small|wee)\s+hours\s+of\s*$"
    r"|\s(?:on\s+)?the\s+(?:morning|afternoon|evening|night)\s+of\s*$"
    r"|\s(?:early|late)\s+(?=on\s*$)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z']+")
# What before a past participle makes it no completed past: "will be
# completed", "to be reopened", "may have ended", "could have closed".
_NOT_COMPLETED_BEFORE = frozenset("""
to be being will would shall 'll should may might could must can cannot not n't never
""".split())


def completed_past_at(text: str, start: int, end: int) -> bool:
    """Does a definite past verb directly govern the expression at [start,
    end) ("ended on March 4", "died in June", "was killed Tuesday")?"""
    left, _ = clause_around(text, start, end)
    # a part of the day between them is the date's own: "started in the early hours of May 3"
    left = _PART_OF_DAY_BEFORE.sub(" ", left)
    # the verb, a particle ("broke down"), one preposition, then the
    # expression, with nothing but spaces between them
    words = left.split()[-5:]
    if words and words[-1].lower() in _GOVERNING:
        words.pop()
    if words and words[-1].lower() in _PARTICLES:
        words.pop()
    elif words and words[-1].lower() in _IDIOM_OBJECTS:
        words.pop()
        if words and words[-1].lower() in _IDIOM_LINKS:
            words.pop()  # "came into force"
    if not words or not _WORD.fullmatch(words[-1]):
        return False
    w = words[-1].lower()
    before = words[-2].lower() if len(words) > 1 else ""
    if w in _SCHEDULING or w in _FUTURE or before in _NOT_COMPLETED_BEFORE \
            or (before in _DETERMINERS and before != "that"):  # "a newly elected", not "that ended"
        return False
    if w in _IRREGULAR_PAST:  # "the quake hit on March 4"
        return True
    if w in _PARTICIPLES:  # "was sworn in on March 4"
        return before in _PERFECT_OR_PASSIVE
    return len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED
