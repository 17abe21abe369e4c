"""Find event mentions: clauses with a trigger (the verb or noun that names
what happened) and the time expression that dates it.

Rule-based, in three steps per paragraph:
  1. tokens and triggers (from data/event_triggers.yaml), with attempt verbs
     folded in ("tried to hit") and light verbs handing over to their subject
     noun ("the parade will go ahead");
  2. clauses: split at punctuation, subordinators, "that" after a speech verb,
     and quotations; a clause that a speech verb introduces (or a quotation it
     attributes) is that statement's complement;
  3. attachment: a time expression dates the nearest trigger in its own
     clause (left first: "said on Wednesday", "celebrations on May 9"), never
     every verb of the sentence.  A clause without one is kept as an implicit
     mention only when it reports the day's news: past or present perfect,
     affirmative, factual, about this story.

The output is a list of `Draft`s holding the *unresolved* time candidate:
the pipeline resolves it once the reference date is known, anchoring a
complement's relative times on its statement's date.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from api.extract.lexicon import load as load_timex_lexicon
from api.extract.lexicon_events import STOPWORDS, load, stem
from api.extract.model import Candidate
from api.extract.merge import SPEAKER_MARK, trigger_stems
from api.extract.segment import Sentence
from api.extract.timex import counts_clock_time, is_anchor_free

# Clause analysis is quadratic in a sentence's length; news sentences stay far
# below this (the development corpus's longest has 55 tokens).
MAX_SENTENCE_TOKENS = 200
# a clock time ("10:42") is one token: its colon is no clause boundary
_TOKEN = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[’'\-.]\w+)*|[^\w\s]")
_HARD_BOUNDARY = frozenset(";:—–()“”\"[]")
_COMMA_SUBORDINATORS = frozenset("""
which who whom whose where when while but and as after before although though because despite
adding saying causing citing including whereas so yet or until since if unless following
""".split())
_BARE_SUBORDINATORS = frozenset("when while where because although whereas but unless".split())
_CLAUSAL_PREPOSITIONS = frozenset("after before since until".split())
_AUX_PAST = frozenset("was were did".split())
_AUX_PERFECT = frozenset("has have 've".split())
_AUX_PRESENT = frozenset("is are am does do".split())
_CONTRACTED = {"won't": "will", "can't": "can", "cannot": "can", "shan't": "shall", "ain't": "is"}
_BE_FORMS = frozenset("be been being had".split())
_FUTURE = frozenset("will 'll shall would".split())
_MODAL = frozenset("could may might should must can cannot".split())
_PERSONAL_PRONOUNS = frozenset("i we you they he she it".split())
_AUXILIARIES = frozenset("do does did be is are was were been have has had".split()) | _FUTURE | _MODAL
# "would have", "could have", "should have": what did not happen ("may have", "must have" guess at what did)
_COUNTERFACTUAL = frozenset("would could should".split())
# "could", "might", "may" before a bare verb: a possibility, not a plan ("should", "must", "can" stay modal)
_SPECULATIVE = frozenset("could might may".split())
# "could" with a verb of perception is the past of "can": "residents could
# see the flames on Sunday night" narrates what they saw.
_PERCEPTION = frozenset("see hear feel smell taste sense notice spot watch".split())
_NEGATION = frozenset("not n't never no".split())
_ADVERBS = frozenset("also already reportedly allegedly originally later previously now still just "
                     "recently then again even further officially finally initially apparently yet "
                     "however immediately subsequently first successfully".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our any no some every "
                         "each another such several many few various both all most numerous multiple "
                         "two three four five six seven eight nine ten dozens hundreds thousands".split())
# after these a bare verb form is a noun or modifier: "the state agency", "its leave"
_ARTICLES = frozenset("the a an its his their our".split())
_SUBJECT_STARTERS = frozenset("it he she they we i there this these the a an".split())
_PREPOSITIONS = frozenset("on in at to from by with over under into onto across through near above "
                          "below behind towards toward for during after before around up down out off "
                          "outside inside along against beside between within without".split())
# verbs after which a bare verb form is an adjective: "came close", "remained open"
_LINKING_VERBS = frozenset("come comes came coming get gets got getting seem seems seemed remain remains remained "
                           "stay stays stayed become becomes became keep keeps kept look looks looked feel feels "
                           "felt prove proves proved".split())
# a window that runs up to now measures a period: "over the past year", "during the last 12 months"
_WINDOW_UP_TO_NOW = re.compile(r"\b(?:over|during|throughout|across)\s+$", re.IGNORECASE)
_PAST_PERIOD = re.compile(r"the\s+(?:past|last)\b", re.IGNORECASE)
# "had raised more than $38,000 by this afternoon", "had been shared 14,000 times by last night":
# a running count as of a time, no event of that time
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# (money raised, a post's views, sign-ups: not a level that "rose 7.4% by midday" or passengers
# who "had reached their destinations by Wednesday evening", which the golds date as events)
_TALLIED = re.compile(r"\b(?:raised\s+(?:more\s+than\s+|over\s+|about\s+|almost\s+|nearly\s+)?"
                      r"(?:[$£€¥₹]|R\d|Tk\s?\d)"
                      r"|(?:shared|viewed|watched|liked|retweeted)\b[^.;:]{0,40}\d[\d,.]*\s+times"
                      r"|(?:collected|signed|registered|donated|pledged)\b)", re.IGNORECASE)
_A_NUMBER = re.compile(r"\d")
_NO_REPLY = re.compile(r"\b(?:did|does|do|has|have|had|could|would|was|were)\s*(?:not|n['’]t)\s+"
                       r"(?:immediately\s+|yet\s+)?(?:respond|return|answer|reply|comment)(?:s|ed)?\b", re.IGNORECASE)
_MEASURED_OVER_A_WINDOW = re.compile(r"\b(?:over|during|throughout|across)\s+the\s+(?:past|last)\b", re.IGNORECASE)
# a habit, dated or not, is background: "open from 6am to 9pm every day", "celebrated
# on May 10 every year".  (Not a rate: "cut supplies to four days a week in June" is an
# event.  Undated clauses also drop the adverbs of habit, _GENERIC; dropping them from
# dated clauses lost two exact dates of a blind corpus.)
_HABITUAL = re.compile(
    r"\b(?:(?:every|each)\s+(?:single\s+)?(?:day|night|morning|afternoon|evening|week|weekend|month|year|summer|"
    r"winter|spring|autumn|season|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|on\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekdays|weekends))\b"
    # "would now be tested weekly" (not "the weekly market", where it describes a thing)
    r"|\b(?:hourly|nightly|daily|weekly|monthly|yearly|annually)\b(?!\s+[a-z])",
    re.IGNORECASE)
# verbs after which a participle describes a state: "stayed closed", "remain suspended"
# before "to" and a verb, a plan: "are due to inspect", "is set to open", "was scheduled to land"
_SCHEDULED = frozenset("due set scheduled expected slated".split())
# a verb of intent in the present right before "to" and the verb it intends ("plans to buy", "hopes
# to hold"; a past form, "hoped to", is a verb the fallback finds itself)
_INTENT_BEFORE_TO = frozenset("plan plans hope hopes intend intends aim aims want wants".split())
_POSSESSIVES = frozenset("its his her their our my your".split())
# forms of saying that modify no noun: "Police say investigators have seized ..."
_SAYING = frozenset("say says said tell tells told".split())
# verbs of a state: "the lifts stayed closed", "will stay shut until Friday"
STATE_VERBS = frozenset("stay stays stayed staying remain remains remained remaining".split())
# prepositions of time and circumstance, which govern a noun ("during maintenance work"); not
# "of", "in", "for" and the like, whose phrase may end a subject before its verb ("Residents of
# Dacope return home", "Lawyers for the family say")
_NOUN_PHRASE_PREPOSITIONS = frozenset("during after before amid despite without until".split())
# habitual or durative clauses are background, not the day's news
_GENERIC = frozenset("often usually always generally typically traditionally regularly since".split())
_PAST_IRREGULAR_HINT = re.compile(r"(ed|en|ght|wn|ung|ook|ade|ent|ew|ame|ost|eld|ound|old|aid|ot|it)$")


@dataclass
class Token:
    text: str
    low: str
    start: int
    end: int
    time: bool = False  # inside a time expression


@dataclass
class Trigger:
    first: int            # token index of the first token of the trigger span
    last: int             # token index of the last token (inclusive)
    head: int             # token index of the word that names the event
    lemma: str
    category: str
    pos: str              # "verb" | "noun"
    speech: bool = False
    light: bool = False
    shows_complement: bool = False  # a verb of evidence whose complement clause tells the event


@dataclass
class CountedDate:
    """A date counted from another: the event after "four days after" is four
    days before `base` (`sign` -1; +1 for "before"), or before the article's
    own day when `base` is None; the time text runs from the amount to `end`,
    its "after"."""
    offset: Candidate
    base: Candidate | None
    sign: int
    end: int
    # the content words and names of the counted phrase alone ("gardaí carried the first boxes out
    # of a house"), not of the sentence around it
    words: frozenset = frozenset()
    names: frozenset = frozenset()
    # "The decision came five days after ...": `base` is the sentence before's date, which a
    # reference date read from the count would move with it (so the count is no evidence of one)
    base_told_before: bool = False


@dataclass
class AfterEvent:
    """An undated event an amount counts from another ("arrested two days after
    the fire"): `sign` days of `offset` from the day of the event whose trigger
    shares a stem with `words`, when the article dates it; the time text runs
    from the amount to `end`."""
    offset: Candidate
    words: frozenset
    sign: int
    end: int


@dataclass
class Draft:
    """An event mention before its time expression is resolved."""
    document: str
    sentence: Sentence
    trigger: str
    trigger_span: tuple[int, int]
    category: str
    candidate: Candidate | None
    tense: str                      # past | perfect | present | future | modal | past_perfect | none
    keywords: frozenset
    participants: frozenset
    headline: str
    speaker: str | None = None
    statement: "Draft | None" = None  # the statement whose date anchors this complement
    is_statement: bool = False
    index: int = 0                  # order within the document
    clause_span: tuple[int, int] = (0, 0)
    # dated by an expression of the clause before ("announced Jan. 27, when it
    # reported ..."): that clause's own mention decides the expression's tense
    borrows_date: bool = False
    # an undated report of the page's headline: dated by the story's own report of
    # the same happening (pipeline); `only_if_matched` when nothing else would keep it
    in_title: bool = False
    only_if_matched: bool = False
    counted: CountedDate | None = None  # "four days after thieves broke in": dated from the sentence's date
    # "arrested two days after the fire": dated from the day the article gives the fire (pipeline)
    after_event: "AfterEvent | None" = None
    # kept only for the count after it ("found the boy two days after the slide"): no mention
    # unless the count dates it
    needs_its_count: bool = False
    extra: dict = field(default_factory=dict)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(0), m.group(0).lower().replace("’", "'"), offset + m.start(), offset + m.end())
            for m in _TOKEN.finditer(text)]


# ---------------------------------------------------------------- triggers
def _is_noun_context(tokens: list[Token], i: int) -> bool:
    """A word listed as both verb and noun ("attack", "ban") reads as a noun
    after a determiner, possessive, number, adjective or another noun."""
    if i == 0 or tokens[i - 1].low == ",":
        # "Storms cut power", "Attacks rose": a plural opening the sentence (or the clause after a
        # fronted phrase: "Over the weekend, storms killed three people") before a verb is its subject
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        lex = load()
        return tokens[i].low.endswith("s") and (nxt in lex.irregular_pasts or nxt in _AUX_PAST | _AUX_PERFECT
                                                | _AUX_PRESENT | _FUTURE | _MODAL | {"had"}
                                                or (nxt.endswith("ed") and nxt in lex.verb_forms)
                                                or (nxt.endswith("ed") and len(nxt) > 4))
    prev = tokens[i - 1].low
    if tokens[i - 1].time:
        return True  # "Victory Day parade", "Monday's attack"
    if prev in _DETERMINERS or prev.endswith("'s") or prev.isdigit():
        return True  # before the capital test: a sentence opens "The attack came ..."
    if tokens[i - 1].text[:1].isupper() and tokens[i - 1].text[:1].isalpha():
        # "the Kremlin statement said" (noun) vs "Russia attacks Ukraine" (verb)
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else "."
        return nxt in _FUTURE | _MODAL | _AUX_PAST | _AUX_PRESENT | _AUX_PERFECT or not nxt.isalnum() \
            or nxt in load().verb_forms
    if prev in _FUTURE | _MODAL | _AUX_PAST | _AUX_PERFECT | _AUX_PRESENT | _NEGATION | {"to", "and", "or"}:
        return False
    if prev in _ADVERBS or prev.endswith("ly"):
        return False
    lex = load()
    if lex.verb_forms.get(prev) == prev and prev not in _AUXILIARIES and (
            tokens[i].low.endswith("s") or (i >= 2 and tokens[i - 2].text.isalpha()
                                            and tokens[i - 2].low not in lex.verb_forms
                                            and tokens[i - 2].low not in _PERSONAL_PRONOUNS | _AUXILIARIES | {"to"})):
        # "bomb attacks": no verb agrees with a bare verb before it; "a car bomb attack":
        # nor does one follow a noun and a bare verb
        return True
    if prev in lex.verb_forms or not prev.replace("-", "").isalpha():  # "a pre-dawn raid": a modifier
        return False
    # "drone attack", "spring offensive", "military parade": a lower-case modifier
    return tokens[i - 1].text[0].islower()


def _subject_of_a_past_verb(tokens: list[Token], j: int) -> bool:
    """", lightning destroyed a barn", ", flooding closed the road": an -ing noun right
    before a past verb and its object is the subject (", prompting renewed calls": a
    participle and its object)."""
    if j + 2 >= len(tokens):
        return False
    verb, after = tokens[j + 1].low, tokens[j + 2].low
    return _past_form(verb, load()) and (after in _DETERMINERS or after in _PREPOSITIONS or after.isdigit()
                                         or after in _PERSONAL_PRONOUNS)


def _plural_subject_of_a_past_verb(tokens: list[Token], j: int) -> bool:
    """Do tokens[j:] open a plural subject, a lower-case plural noun after up to two
    modifiers, then perhaps a place ("at Swan Quay Terminals"), followed by a past verb
    ("workers rejected", "waterside workers at Swan Quay Terminals had walked out")?"""
    lex, n = load(), len(tokens)

    def plain(k: int) -> bool:
        return k < n and tokens[k].text.isalpha() and tokens[k].text.islower() and tokens[k].low not in lex.verb_forms \
            and tokens[k].low not in STOPWORDS  # (", triggering what doctors described": a clause)

    def plural(k: int) -> bool:
        return tokens[k].low.endswith("s") and not tokens[k].low.endswith("ss")
    k = j
    while plain(k) and k < j + 3 and not plural(k):
        k += 1
    if not (plain(k) and plural(k)):
        return False
    k += 1
    if k < n and tokens[k].low in {"at", "in", "from", "on"}:
        k += 1
        while k < n and (tokens[k].text[:1].isupper() or tokens[k].low in {"the", "and"}):
            k += 1
    if k >= n:
        return False
    nxt = tokens[k].low
    return nxt in lex.irregular_pasts or nxt in _AUX_PAST | _AUX_PERFECT | {"had"} \
        or nxt.endswith("ed") and nxt in lex.verb_forms


# "was reported missing", "were declared dead": a verb of saying whose complement is a
# state says what befell someone, not what anyone said
_REPORTED_STATES = frozenset("missing dead killed injured wounded stolen lost safe kidnapped".split())


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    lex = load()
    found: list[Trigger] = []
    used = set()
    n = len(tokens)
    in_running_text = not _title_case(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.time or not tok.text[0].isalnum():
            i += 1
            continue
        if i + 1 < n and _bare(tokens[i + 1].low) in lex.compound_heads and tok.low not in _SAYING:
            i += 1  # "the fire brigade", "crash investigators": a modifier, no event
            continue
        # nouns first, longest phrase wins ("press release", "acts of sabotage")
        noun = None
        for size in range(min(lex.max_noun_words, n - i), 0, -1):
            words = tokens[i:i + size]
            if any(w.time for w in words):
                continue
            phrase = " ".join(w.low for w in words)
            if phrase in lex.noun_category:
                noun = (size, lex.noun_category[phrase])
                break
        lemma = lex.verb_forms.get(tok.low)
        verb = None
        if in_running_text and _inside_a_name(tokens, i):
            # "near Carter Bar", "the Boston Marathon Association": a name, no event
            noun = noun if noun and noun[0] > 1 else None
            lemma = None
        elif in_running_text and _a_name_after_a_lower_case_word(tokens, i):
            # "outside the Falls Crest", "partner Mark Ostrowski": no verb is capitalised mid-sentence
            # (its noun stays: "after Cyclone Hira tore through" names its event)
            lemma = None
        elif lemma is not None and tok.low != lemma and tok.low.endswith("s") and noun is None \
                and (i == 0 or tokens[i - 1].low == ",") and _is_noun_context(tokens, i):
            # "Signs went up on Sunday", "Pickets went up at dawn": a plural opening its clause
            # before a past verb is its subject, a noun the clause's verb gives its tense
            noun = (1, lex.verb_category[lemma]) if lemma in lex.verb_category else None
            lemma = None
        if lemma is not None and tok.low.endswith("ing") and noun is None \
                and (i == 0 or tokens[i - 1].low == "," or tokens[i - 1].low in _DETERMINERS) \
                and _plural_subject_of_a_past_verb(tokens, i + 1):
            lemma = None  # "On Tuesday, striking workers rejected a call": a participle describing them
        elif lemma in lex.inflected_only and tok.low == lemma:
            lemma = None  # "closed down 4%": a particle
        elif lemma is not None and tok.low != lemma and i > 0 and tokens[i - 1].low in STATE_VERBS \
                and not tok.low.endswith("ing"):
            lemma = None  # "would stay suspended for a month", "remained closed": a state
        elif lemma is not None and tok.low == lemma and i > 0 and _after_finite_verb(tokens[i - 1].low, lex):
            # "had come close to catching him", "stayed open", "overturned close to the shore":
            # an adjective or adverb, not a second verb
            lemma = None
        elif lemma is not None and tok.low != lemma and i > 0 and tokens[i - 1].low in _DETERMINERS \
                and tokens[i - 1].low not in _RELATIVE and not tok.low.endswith(("s", "ing")) \
                and not _headline_count_of_people(tokens, i):
            lemma = None  # "a fallen tree", "the collapsed building": a participle describing a thing
        elif lemma is not None and tok.low.endswith("s") and tok.low != lemma and i > 0 \
                and (tokens[i - 1].low in _NUMBER_WORDS
                     or (_NUMBER.fullmatch(tokens[i - 1].low) and i > 1 and not tokens[i - 2].text[:1].isupper())):
            # "the second of three shows", "1.8353 marks": a plural noun after a number ("Ferry 12 sinks": a name)
            lemma = None
        elif lemma is not None and tok.low != lemma and tok.low.endswith("s") and _counted_kind_before(tokens, i, lex):
            lemma = None  # "offered him 40 cedar blocks": a plural noun after a count and its modifier
        elif lemma is not None and tok.low != lemma and tok.low.endswith("s") and not tok.low.endswith("ss") \
                and i > 1 and tokens[i - 2].low in _PREPOSITIONS - _CLAUSAL_PREPOSITIONS - {"to"} \
                and tokens[i - 1].text.isalpha() \
                and tokens[i - 1].text.islower() and tokens[i - 1].low not in lex.verb_forms \
                and tokens[i - 1].low not in STOPWORDS:
            lemma = None  # "found gaps in stock records": a plural noun behind a preposition and a modifier
        elif lemma is not None and tok.low != lemma and tok.low.endswith("s") and not tok.low.endswith("ss") \
                and i > 0 and _object_of_a_past_verb(tokens, i, lex):
            # "suffered serious burns on Sunday": the object, a plural noun, not "it burns"
            noun = noun or ((1, lex.verb_category[lemma]) if lemma in lex.verb_category else None)
            lemma = None
        elif lemma is not None and i > 0 and tokens[i - 1].low.endswith(_ADJECTIVE_ENDINGS) \
                and tokens[i - 1].text.isalpha() and tokens[i - 1].text.islower():
            lemma = None  # "wilful damage", "dangerous driving": the noun an adjective describes
        elif lemma is not None and tok.low != lemma and i > 1 and tokens[i - 1].low.endswith("ly") \
                and (tokens[i - 2].low in _DETERMINERS or tokens[i - 2].low.isdigit()
                     or tokens[i - 2].low in _NUMBER_WORDS) and not tok.low.endswith(("s", "ing")):
            lemma = None  # "the four seriously injured passengers": so after an adverb in a noun phrase
        elif lemma is not None and i > 1 and tokens[i - 1].low in _RELATIVE \
                and _tells_of_event_noun(tokens, found, i - 1) and not _dated_before_punctuation(tokens, i + 1):
            # "the earthquake that killed 11": the relative clause tells of the noun's event, and
            # only its own date ("the tornado that hit Moore on Monday") makes it worth a mention
            lemma = None
        elif lemma is not None and i > 1 and tokens[i - 1].low == "to" and tokens[i - 2].low in {"close", "near"}:
            lemma = None  # "had come close to catching him": what nearly happened did not
        elif lemma is not None and tok.low.endswith("ing") and i > 1 and tokens[i - 1].low == "by":
            lemma = None  # "surprised markets on Wednesday by raising rates": how, not a second event
        elif lemma is not None and tok.low == lemma and i > 0 and i + 1 < n and tokens[i + 1].low == "of" \
                and (tokens[i - 1].low.endswith(("'s", "s'")) or tokens[i - 1].low in _POSSESSIVES):
            lemma = None  # "the resort's head of piste safety": a person, no event
        elif lemma is not None and tok.low == lemma and i > 0 and tokens[i - 1].low in _PREPOSITIONS - {"to"} | {"of"} \
                and not (i > 1 and tokens[i - 2].low == "to"):
            # "lay in state", "went on display", "holders of record": a bare verb form after a preposition is a noun
            lemma = None
        elif lemma is not None and tok.low != lemma and not tok.low.endswith(("s", "ing")) and i > 0 \
                and tokens[i - 1].low in _PREPOSITIONS - {"to"} and i + 1 < n and tokens[i + 1].text.isalpha() \
                and (tokens[i + 1].text.islower() or _a_named_noun(tokens, i + 1)) \
                and tokens[i + 1].low not in _PREPOSITIONS | _DETERMINERS:
            # "will discuss it behind closed doors", "in sealed bags", "on frozen Lapland lake":
            # a participle describing a thing
            lemma = None
        elif lemma is not None and tok.low == lemma and i > 0 and tokens[i - 1].low in _DEGREE_WORDS:
            lemma = None  # "became more open": an adjective
        elif lemma is not None and tok.low != lemma and i == 0 and tok.text[0].isupper() and n > 2 \
                and not tok.low.endswith(("s", "ing")) and tokens[1].text.isalpha() \
                and tokens[1].low not in _DETERMINERS | _PREPOSITIONS | _POSSESSIVES | STOPWORDS | {"to"} \
                and tokens[1].low not in lex.verb_forms:
            # "Crashed Hornet lifted off Lapland lake", "Injured climber rescued": the opening
            # participle describes its noun
            lemma = None
        elif lemma is not None and tok.low == lemma and i == 0 and tok.text[0].isupper() and n > 1 \
                and tokens[1].text.isalpha() and tokens[1].text.islower() \
                and tokens[1].low not in _DETERMINERS | _PREPOSITIONS | _POSSESSIVES | _SUBJECT_STARTERS | {"to"}:
            lemma = None  # "State oil firm NNPC began ...": a sentence opening with a modifier, no command
        elif tok.low == "state" and i > 1 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].text.isalpha() \
                and tokens[i - 2].low in _PREPOSITIONS | _DETERMINERS:
            lemma = None  # "in Ogun state on Tuesday", "the Lagos state government": a region
        elif tok.low == "state" and i > 0 and tokens[i - 1].low.endswith(("'s", "’s")):
            lemma = None  # "Spain's state weather agency said": the state's, no statement
        elif lemma is not None and tok.low != lemma and tok.low.endswith("s") and noun is None and i > 0 \
                and i + 1 < n and tokens[i + 1].low in _AUX_PAST | _AUX_PRESENT | _AUX_PERFECT | _FUTURE | {"had"}:
            lemma = None  # "real estate issues were dashed Friday": a plural noun before its own verb
        elif lemma is not None and tok.low == lemma and noun is None and i > 0 \
                and _is_possessive(tokens[i - 1].low) and lemma in lex.verb_category:
            # "the calf's rescue on Wednesday had drawn a crowd": a verb's bare form after a
            # possessive names the event as a noun, and the clause's verb gives its tense
            noun, lemma = (1, lex.verb_category[lemma]), None
        elif lemma is not None and tok.low == lemma and _after_article(tokens, i) \
                and not _opens_a_verb_phrase(tokens, i, lemma, lex):
            # "the state agency", "the Rotterdam Marathon course record": a bare verb form
            # in a noun phrase is a noun
            lemma = None
        if lemma is not None:
            verb = _verb_phrase(tokens, i, lemma, lex)
        if noun and (verb is None or _is_noun_context(tokens, i) or noun[0] > 1):
            size, category = noun
            found.append(Trigger(i, i + size - 1, i + size - 1, " ".join(t.low for t in tokens[i:i + size]),
                                 category, "noun", speech=" ".join(t.low for t in tokens[i:i + size]) in lex.speech_nouns))
            i += size
            continue
        if verb:
            phrase, size = verb
            light = phrase in lex.light_verbs and phrase not in lex.verb_category
            if phrase in lex.light_verbs and lemma in ("begin", "start", "end", "come", "continue"):
                light = True
            category, speech = lex.verb_category.get(phrase, "other"), phrase in lex.speech_lemmas
            if speech and i + size < n and tokens[i + size].low in _REPORTED_STATES:
                category, speech = "other", False  # "was reported missing": what befell him, no statement
            found.append(Trigger(i, i + size - 1, i, phrase, category, "verb", speech=speech, light=light))
            used.add(i)
            i += size
            continue
        i += 1
    _fold_attempts(tokens, found)
    _fold_objects(tokens, found)
    return found


TITLE_CASE_SHARE = 0.6


def _headline_count_of_people(tokens: list[Token], i: int) -> bool:
    """"Three killed in blast", "Two charged over opal theft": a number opening the
    clause and a participle with no noun after it is a headline's passive, people
    it happened to, not "two damaged ships"."""
    opens = i == 1 or not tokens[i - 2].text[:1].isalnum()
    after = tokens[i + 1].low if i + 1 < len(tokens) else ""
    return opens and tokens[i - 1].low in _NUMBER_WORDS and (after in _PREPOSITIONS | {"as", "after", ""}
                                                               or not after.isalnum())


def _verb_phrase(tokens: list[Token], i: int, lemma: str, lex) -> tuple[str, int] | None:
    """The longest listed verb phrase the verb at `i` opens ("went to the polls"), and
    its length in words."""
    words = [lemma] + [tokens[k].low if k < len(tokens) else "" for k in (i + 1, i + 2, i + 3)]
    for size in (4, 3, 2, 1):
        phrase = " ".join(words[:size])
        if phrase in lex.verb_category or phrase in lex.light_verbs:
            return phrase, size
    return None


def _opens_a_verb_phrase(tokens: list[Token], i: int, lemma: str, lex) -> bool:
    """"Voters in the borough go to the polls": a bare form that opens a verb phrase of
    three words or more is the clause's verb, whatever noun phrase comes before it."""
    phrase = _verb_phrase(tokens, i, lemma, lex)
    return phrase is not None and phrase[1] >= 3 and phrase[0] in lex.verb_category


def _title_case(tokens: list[Token]) -> bool:
    """A headline in title case ("Kielder Lynx Crosses Into Scotland"), where capitals mark no names."""
    words = [t.text for t in tokens if t.text.isalpha() and len(t.text) > 3]
    lower = sum(w[0].islower() for w in words)
    # ("Surf Life Saving NSW closed seven beaches between Lake Cathie and Crowdy Head": names
    # crowd it, but a title-case headline leaves no three longer words in lower case)
    return bool(words) and len(words) - lower >= TITLE_CASE_SHARE * len(words) and lower < 3


def _a_name_after_a_lower_case_word(tokens: list[Token], i: int) -> bool:
    """A capitalised word that another follows, after a word in lower case: "outside the
    Falls Crest" is a place, mid-sentence, where no verb is capitalised."""
    return 0 < i < len(tokens) - 1 and tokens[i].text[0].isupper() and tokens[i - 1].text.isalpha() \
        and tokens[i - 1].text.islower() and tokens[i + 1].text[:1].isupper() and tokens[i + 1].text.isalpha()


def _inside_a_name(tokens: list[Token], i: int) -> bool:
    """A capitalised word right after another, in running text: part of a name."""
    return i > 0 and tokens[i].text[0].isupper() and tokens[i - 1].text[:1].isupper() \
        and tokens[i - 1].text.isalpha() and not tokens[i - 1].time


def _object_of_a_past_verb(tokens: list[Token], i: int, lex) -> bool:
    """Right after a past verb, or after it and one lower-case word that is no verb:
    the verb's object ("suffered burns", "suffered serious burns"). A participle
    that opens the sentence or follows an article describes a noun instead
    ("Overloaded ferry capsizes", "an overloaded ferry capsizes")."""
    def past_verb(k: int) -> bool:
        return k > 0 and _past_form(tokens[k].low, lex) and tokens[k - 1].low not in _BEFORE_A_PARTICIPLE
    def verb_at(k: int) -> int | None:
        # "had put up warning signs": the verb with its particle
        if past_verb(k):
            return k
        return k - 1 if k > 1 and tokens[k].low in _VERB_PARTICLES and past_verb(k - 1) else None
    before = tokens[i - 1]
    if verb_at(i - 1) is not None:
        return True
    verb = verb_at(i - 2)
    return verb is not None and before.text.isalpha() and before.text.islower() \
        and (before.low not in lex.verb_forms or before.low.endswith("ing") and tokens[verb].low not in _SAYING) \
        and before.low not in _NO_MODIFIER_OF_AN_OBJECT


_VERB_PARTICLES = frozenset("up out down off".split())
_CLAUSE_OPENERS = frozenset("as when while after before and but or if because since".split())
# a participle after these describes a noun: "an overloaded ferry", "as overloaded ferry capsizes"
_BEFORE_A_PARTICIPLE = _DETERMINERS | _PREPOSITIONS | _CLAUSE_OPENERS
# what, between a past verb and an -s form, makes that form no object: "said it reopens"
_NO_MODIFIER_OF_AN_OBJECT = _DETERMINERS | _PREPOSITIONS | _SUBJECT_STARTERS | frozenset("who which that and or to".split())


# adjectives by their ending: no verb follows them in a clause ("wilful damage", "dangerous driving")
_ADJECTIVE_ENDINGS = ("ful", "ous")


def _counted_kind_before(tokens: list[Token], i: int, lex) -> bool:
    """"40 cedar blocks", "200 warning signs": a count above one, then one lower-case
    word that is no plural, before an -s form: a noun phrase ("one man dies": a verb)."""
    if i < 2:
        return False
    count, kind = tokens[i - 2].low, tokens[i - 1]
    more_than_one = count in _NUMBER_WORDS or (count.isdigit() and int(count) > 1)
    return more_than_one and kind.text.isalpha() and kind.text.islower() and not kind.low.endswith("s") \
        and kind.low not in STOPWORDS and (kind.low not in lex.verb_forms or kind.low.endswith("ing"))


def _past_form(low: str, lex) -> bool:
    return low in lex.irregular_pasts or (low.isalpha() and len(low) > 4 and low.endswith("ed"))


def _after_finite_verb(low: str, lex) -> bool:
    """A linking verb, or a past form ("overturned", "went") that no bare verb follows."""
    return low in _LINKING_VERBS or _past_form(low, lex)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DEGREE_WORDS = frozenset("more most less least too so very".split())
_PRONOUN_CONTRACTIONS = frozenset("he's she's it's that's there's here's what's who's let's".split())


def _is_possessive(low: str) -> bool:
    """ "the calf's", "the workers'", "its": not "it's" (it is)."""
    return low in _POSSESSIVES or (low.endswith(("'s", "s'")) and low not in _PRONOUN_CONTRACTIONS)


def _after_article(tokens: list[Token], i: int, reach: int = 3) -> bool:
    """Whether token `i` ends a noun phrase an article opens, past at most
    `reach` modifiers that are no verb forms: "the state", "the Rotterdam
    Marathon course record"."""
    verb_forms = load().verb_forms
    for j in range(i - 1, max(-1, i - 2 - reach), -1):
        low = tokens[j].low
        if low in _ARTICLES or (low in _NOUN_PHRASE_PREPOSITIONS and j < i - 1):
            return True  # "during maintenance work": a preposition opens a noun phrase too
        if j < i - 1 and low.endswith(("'s", "s'")) and low not in _PRONOUN_CONTRACTIONS:
            return True  # "in Hamilton's east end": a named owner opens one too
        if _A_SCORE.fullmatch(low) or _A_MEASURE_BEFORE_A_NOUN.fullmatch(low) or _A_COMPOUND_MODIFIER.fullmatch(low):
            continue  # "the 23-22 defeat", "a 3-1 win", "a 22-storey block", "the British-made bomb"
        if _is_possessive(low) and j < i - 1 and all(_A_SCORE.fullmatch(t.low) for t in tokens[j + 1:i]):
            return True  # "Draguignan's 23-22 defeat": the score after an owner is a noun's
        if not tokens[j].text.isalpha() or low in verb_forms or (low in STOPWORDS and low not in _ADJECTIVE_STOPWORDS):
            return False
    return False


# "the British-made bomb", "a hand-built boat": a hyphenated modifier, no verb of its own
_A_COMPOUND_MODIFIER = re.compile(r"[a-z]+(?:-[a-z]+)+")
# a score or a tally before a noun: "the 23-22 defeat", "a 3-1 win", "a 19-8 vote"
_A_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
# stopwords that modify a noun as adjectives do: "a new head of compliance", "the last stand"
_ADJECTIVE_STOPWORDS = frozenset("new first second last next own other same several many few".split())


def _tells_of_event_noun(tokens: list[Token], found: list[Trigger], relative: int, reach: int = 6) -> bool:
    """Whether the relative pronoun at `relative` follows an event noun, at
    most `reach` words back through its "of" phrase: "the earthquake that
    killed", "the collapse of a slag heap near Chingola that killed"."""
    if not found or found[-1].pos != "noun":
        return False
    verb_forms = load().verb_forms
    j = relative - 1
    while j > found[-1].last and relative - j <= reach:
        if not tokens[j].text.isalpha() or tokens[j].low in verb_forms:
            return False
        j -= 1
    return j == found[-1].last


def _dated_before_punctuation(tokens: list[Token], j: int, reach: int = 10) -> bool:
    """Whether a time expression follows token `j` before any punctuation."""
    for tok in tokens[j:j + reach]:
        if tok.time:
            return True
        if not tok.text[0].isalnum():
            return False
    return False


def _fold_objects(tokens: list[Token], triggers: list[Trigger]) -> None:
    """"announced a ban", "ordered the evacuation": the object noun names the event."""
    lex = load()
    for trig in list(triggers):
        if trig.pos != "verb" or trig.lemma.split()[0] not in lex.object_taking:
            continue
        obj = next((t for t in triggers if t.pos == "noun" and trig.last < t.first <= trig.last + 4
                    and t.category not in ("statement", "other")
                    and not any(tokens[k].low in {",", "that", ".", ";"} for k in range(trig.last + 1, t.first))),
                   None)
        if obj is None:
            continue
        trig.last, trig.head, trig.category, trig.speech = obj.last, obj.head, obj.category, False
        trig.pos = "verb"
        triggers.remove(obj)


def _fold_attempts(tokens: list[Token], triggers: list[Trigger]) -> None:
    """"tried to hit": the attempt verb joins the trigger span of the act."""
    lex = load()
    by_first = {t.first: t for t in triggers}
    for trig in list(triggers):
        if trig.pos != "verb" or trig.first < 2 or tokens[trig.first - 1].low != "to":
            continue
        lemma = lex.verb_forms.get(tokens[trig.first - 2].low)
        if lemma in lex.attempt_verbs:
            trig.first -= 2
            attempt = by_first.get(trig.first)
            if attempt is not None and attempt is not trig:
                triggers.remove(attempt)


# ---------------------------------------------------------------- clauses
@dataclass
class Clause:
    first: int
    last: int            # inclusive token indices
    parent: Trigger | None = None  # speech trigger whose complement this is
    parent_clause: "Clause | None" = None
    quoted: bool = False
    resumed: bool = False  # the main clause going on after a relative clause between commas
    subject_end: int | None = None  # a resumed clause's subject ends before this token ("The train, which ...")


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}s?")
_MEASURE = re.compile(r"\d[\d.,]*")


_NAMED_UNITS = frozenset("fahrenheit celsius f c kelvin".split())


def _measure_in_brackets(tokens: list[Token], i: int) -> int | None:
    """Where a bracketed measure opened at `i` closes: "(37 miles)", "(9,416-foot)",
    "(116.4 Fahrenheit)"."""
    for close in range(i + 2, min(len(tokens), i + 5)):
        if tokens[close].low == ")":
            inner = tokens[i + 1:close]
            if _MEASURE.fullmatch(inner[0].low) and all(
                    t.text == "-" or (t.text.isalpha() and (t.text.islower() or t.low in _NAMED_UNITS))
                    for t in inner[1:]):
                return close
            return None
    return None


def split_clauses(tokens: list[Token], triggers: list[Trigger]) -> list[Clause]:
    starts = {0}
    speech_at = {t.first: t for t in triggers if t.speech and t.pos == "verb"}
    complement_of: dict[int, Trigger] = {}
    n = len(tokens)
    scare = set()
    for i, tok in enumerate(tokens):
        if tok.low == "“":
            close = next((k for k in range(i + 1, n) if tokens[k].low == "”"), None)
            if close is not None and close - i <= 5:
                scare |= {i, close}
        elif tok.low == '"' and i not in scare:
            # 'spotted "suspicious activity" on its network': straight quotes around a few
            # words with no punctuation inside (a quotation's close follows its comma or stop)
            close = next((k for k in range(i + 1, min(n, i + 6)) if tokens[k].low == '"'), None)
            if close is not None and close > i + 1 and all(t.text[:1].isalnum() for t in tokens[i + 1:close]):
                scare |= {i, close}
        elif tok.low == "(" and 0 < i and i + 2 < n and tokens[i + 2].low == ")" \
                and _ACRONYM.fullmatch(tokens[i + 1].text) and tokens[i - 1].text.isalpha() \
                and tokens[i - 1].text[0].isupper() and not tokens[i - 1].time:
            # "the Crime and Corruption Commission (CCC) at a media conference ...": a name's
            # acronym in brackets does not end the clause around it (a dateline's "(PTI)" does)
            scare |= {i, i + 2}
        elif tok.low == "(" and (close := _measure_in_brackets(tokens, i)) is not None:
            scare |= {i, close}  # "floating about 60 kilometers (37 miles) southwest of ...": a conversion
    for i, tok in enumerate(tokens):
        low = tok.low
        if low in _HARD_BOUNDARY and i not in scare:
            starts.add(i)
            starts.add(i + 1)
        elif low == "," and i + 1 < n:
            nxt = tokens[i + 1].low
            if nxt in {"and", "or"} and not _verb_before_sentence_end(tokens, i + 2):
                continue  # "arrested Ono, 63, and builder Hoshino, 58, early Tuesday": one more object
            if nxt in _COMMA_SUBORDINATORS or (nxt.endswith("ing") and nxt.isalpha() and len(nxt) > 5
                                               and not _plural_subject_of_a_past_verb(tokens, i + 2)
                                               and not _subject_of_a_past_verb(tokens, i + 1)):
                # (", striking workers rejected", "In 2016, lightning destroyed a barn": the clause's
                # subject, no clause of its own)
                starts.add(i + 1)
        elif low in _BARE_SUBORDINATORS and i > 0:
            starts.add(i)
        elif low == "as" and i > 1 and tokens[i - 1].low in {"just", "even"} and tokens[i - 2].low == ",":
            starts.add(i - 1)  # ", just as the Fed is easing policy": a clause of its own
        elif low in _CLAUSAL_PREPOSITIONS and i > 0 and i + 1 < n and _verb_follows(tokens, i + 2) \
                and (tokens[i + 1].low in _SUBJECT_STARTERS | {"neither", "both", "police", "officials"}
                     or tokens[i + 1].text[:1].isupper()):
            starts.add(i)  # "... on June 1 after neither won a majority"
        elif low in {"who", "which", "whose"} and i > 0 and tokens[i - 1].low != ",":
            starts.add(i)  # "the driver who went missing on Monday was found on Wednesday"
        elif low in {"and", "but"} and i > 0 and i + 2 < n and tokens[i + 1].low in _FUTURE | _MODAL \
                and _starts_verb_group(tokens, i + 1) and _verb_since_clause_start(tokens, starts, i):
            starts.add(i)  # "went to the course on Saturday evening and will return on Monday": a tense of its own
        elif low in {"and", "but"} and i > 0 and i + 2 < n and tokens[i + 1].low in {"the", "it", "they", "he", "she"} \
                and _verb_follows(tokens, i + 2) and _verb_since_clause_start(tokens, starts, i):
            # "... have gone through and the rest will be processed overnight" (not "X and the
            # maker, Y, set up a board", where "and" joins two subjects before their verb)
            starts.add(i)
    # "The train, which left Kyiv on Saturday, reached Chisinau ...": the relative
    # clause ends at the comma after which the main clause's verb resumes
    resumed_at = set()
    subject_end_at: dict[int, int] = {}
    for i in range(n - 2):
        participle = tokens[i].low == "," and _past_participle(tokens, i + 1)
        relative = tokens[i + 1].low in {"which", "who"} and tokens[i].low == ","
        # "Ampofo, the guitarist whose band ... in the 1970s, has died": no comma before "whose"
        relative = relative or (tokens[i + 1].low == "whose" and i > 0)
        if participle or relative:
            for k in range(i + 2, min(n - 1, i + 30)):
                if tokens[k].low in _HARD_BOUNDARY or tokens[k].low in {".", "!", "?"}:
                    break
                if tokens[k].low == "," and _starts_verb_group(tokens, k + 1):
                    if participle:  # "The two females, caught in Romania in March, were driven ...":
                        starts.add(i + 1)  # the participle's phrase has a date of its own
                    starts.add(k + 1)
                    resumed_at.add(k + 1)
                    subject_end_at[k + 1] = i
                    subject_end_at[i + 1] = i  # the relative clause tells of the same subject
                    break
    # "The driver who got the pupils off a burning coach on Tuesday will receive a medal":
    # a relative clause with no commas ends where the main clause's verb group resumes
    for i in range(1, n - 3):
        if tokens[i].low not in {"who", "which", "that"} or tokens[i - 1].low == ",":
            continue
        if tokens[i].low == "that" and not _relative_that(tokens, i):
            continue
        own_verb = tokens[i + 1]  # "who got": any lower-case word after "who" that opens no phrase
        if not (_starts_verb_group(tokens, i + 1) or (
                tokens[i].low in ("who", "that") and own_verb.text.isalpha() and own_verb.text.islower()
                and own_verb.low not in _DETERMINERS | _PREPOSITIONS | _PERSONAL_PRONOUNS)):
            continue
        for k in range(i + 3, min(n - 1, i + 25)):
            if not tokens[k].text[:1].isalnum() and tokens[k].text not in _CURRENCY_SIGNS:
                break  # (a price inside goes on: "that sold for a record $41,500 on Sunday was stolen")
            before = tokens[k - 1]
            if tokens[k].low in _FUTURE | _MODAL | _AUX_PERFECT | _AUX_PAST | {"had"} \
                    and before.low not in _PERSONAL_PRONOUNS \
                    and before.low not in _AUXILIARIES | _ADVERBS and before.text[:1].isalnum() \
                    and _starts_verb_group(tokens, k):
                starts.add(k)
                resumed_at.add(k)
                subject_end_at[k] = i
                break
            if before.time and tokens[k].text.islower() and _past_form(tokens[k].low, load()) \
                    and any(t.first == k for t in triggers) and _dated_before_punctuation(tokens, k + 1):
                # "a crew that tore down a nest in May pleaded guilty ... on Tuesday": a past verb right
                # after the clause's date, with a date of its own, is the main clause's ("the quake that
                # struck early on Tuesday killed nine people": the killing is the striking's)
                starts.add(k)
                resumed_at.add(k)
                subject_end_at[k] = i
                break
    # reported speech: "X said (on Wednesday) that ...", "X said it shot down ...";
    # and evidence: "GPS data showed the female crossed the border"
    evidence_at = {t.first: t for t in triggers if t.pos == "verb" and t.lemma in load().evidence_verbs}
    for first, trig in (speech_at | evidence_at).items():
        j = trig.last + 1
        if _inverted(tokens, first):
            continue
        while j < n and (tokens[j].time or tokens[j].low in _ADVERBS or tokens[j].low in {"on", "in", "at", "late", "early"}
                         and j + 1 < n and tokens[j + 1].time):
            j += 1
        if j >= n:
            continue
        low = tokens[j].low
        # "told a media briefing in Canberra that ...": what follows "told" is its audience,
        # however much it looks like a subject
        audience_that = _that_after_audience(tokens, j) if trig.lemma == "tell" and low != "that" else None
        if audience_that is not None and first not in evidence_at:
            starts.add(audience_that)
            complement_of[audience_that] = trig
        elif low == "that" or ((low in _SUBJECT_STARTERS | _POSSESSIVES or tokens[j].text[0].isupper()
                                or _noun_like(tokens[j]))
                               and _verb_follows(tokens, j + 1, nouns_after_articles=True)):
            # "said it ...", "said Kyiv ...", "said sales in the first quarter fell", "records show its
            # ventilation system was last inspected in December"
            starts.add(j)
            if first in evidence_at:
                trig.shows_complement = True  # no statement: what it shows is dated as itself
            else:
                complement_of[j] = trig
        elif (that := _that_after_audience(tokens, j)) is not None and first not in evidence_at:
            # "told a news conference at city hall that he would resign on Monday"
            starts.add(that)
            complement_of[that] = trig
        elif (subject := _subject_after_occasion(tokens, j)) is not None and first not in evidence_at:
            # "said in a statement it was devastated and had hired a laboratory"
            starts.add(subject)
            complement_of[subject] = trig
    # a trailing attribution: "Russian forces attacked overnight, officials said Thursday."
    reported_before: dict[int, Trigger] = {}
    for first, trig in speech_at.items():
        comma = _attribution_comma(tokens, first, trig)
        if comma is not None:
            starts.add(comma + 1)
            reported_before[comma] = trig
    ordered = sorted(s for s in starts if s < n)
    clauses = []
    for k, a in enumerate(ordered):
        b = (ordered[k + 1] - 1) if k + 1 < len(ordered) else n - 1
        parent = complement_of.get(a) or next((t for c, t in reported_before.items() if a <= c <= b), None)
        clauses.append(Clause(a, b, parent=parent, resumed=a in resumed_at, subject_end=subject_end_at.get(a)))
    # a complement runs on through the clauses that a bare "and"/"but" does not restart
    return [c for c in clauses if any(tokens[i].text[0].isalnum() for i in range(c.first, c.last + 1))]


_CURRENCY_SIGNS = frozenset("$ £ € ¥ ₹".split())


def _relative_that(tokens: list[Token], i: int) -> bool:
    """"a kelpie that sold for a record $41,500 on Sunday was stolen": "that" after a
    noun and before a past verb opens a relative clause ("said that", "so that": no)."""
    lex = load()
    noun, verb = tokens[i - 1], tokens[i + 1]
    return noun.text.isalpha() and noun.low not in lex.verb_forms and noun.low not in STOPWORDS \
        and noun.low not in _DETERMINERS and not _past_form(noun.low, lex) and _past_form(verb.low, lex)


def _verb_since_clause_start(tokens: list[Token], starts: set[int], i: int, reach: int = 30) -> bool:
    """Is there a finite verb (or an auxiliary) between the clause start before
    token `i` and `i`? Looks back at most `reach` tokens, so that a very long
    sentence costs no more than a short one."""
    for k in range(i - 1, max(-1, i - 1 - reach), -1):
        if _could_be_verb(tokens[k]):
            return True
        if k in starts:
            return False
    return False


def _a_named_noun(tokens: list[Token], k: int) -> bool:
    """"Lapland lake": a capitalized name before the lower-case noun it modifies."""
    return tokens[k].text[:1].isupper() and k + 1 < len(tokens) and tokens[k + 1].text.isalpha() \
        and tokens[k + 1].text.islower() and tokens[k + 1].low not in _PREPOSITIONS | _DETERMINERS | STOPWORDS


def _past_participle(tokens: list[Token], j: int) -> bool:
    """A past participle and its phrase after a noun: "the females, caught in March, were"
    (not the verb after an aside: "Peskov, however, said on Wednesday")."""
    if j < 2 or j + 1 >= len(tokens) or not tokens[j - 2].text.isalpha():
        return False
    before, low, lex = tokens[j - 2].low, tokens[j].low, load()
    if before in _ADVERBS or before.endswith("ly") or before in _COMMA_SUBORDINATORS:
        return False
    lemma = lex.verb_forms.get(low)
    if lemma is None:
        # "Vyom, founded in 2018 by ...": a regular participle the lexicon need not know, or
        # an irregular one ("The old wall, built in 1874, ...")
        participle = low.isalpha() and (low.endswith("ed") and len(low) > 4 or low in lex.irregular_pasts)
    else:
        participle = low != lemma and not low.endswith(("ing", "s")) and low not in _AUX_PAST | {"had"} \
            and lemma not in lex.speech_lemmas
    return participle and tokens[j + 1].low in _PREPOSITIONS | {"by"}


def _noun_like(tok: Token) -> bool:
    """A lower-case word that may head a subject: not a verb form, function word,
    adverb or preposition ("sales", "protesters", "exports")."""
    low = tok.low
    return low.isalpha() and len(low) > 2 and low not in load().verb_forms and low not in STOPWORDS \
        and low not in _PREPOSITIONS | _ADVERBS | _DETERMINERS | _NEGATION | _FUTURE | _MODAL \
        and not low.endswith("ly") and not tok.time


def _attribution_comma(tokens: list[Token], first: int, trig: Trigger) -> int | None:
    """The comma before ", <speaker> said <time>." that ends its sentence, else None."""
    j = trig.last + 1
    while j < len(tokens) and (tokens[j].time or tokens[j].low in _ADVERBS | {"on", "in", "at", "late", "early"}):
        j += 1
    if j < len(tokens) and tokens[j].text[:1].isalnum() and not (
            _names_occasion(tokens, trig) and _ends_in_a_phrase(tokens, j)):
        return None  # the statement goes on: "said it would ...", "said that ..."
    k = first - 1
    while k >= 0 and first - k <= 6 and tokens[k].low != ",":
        if tokens[k].low in load().verb_forms and tokens[k].low not in _AUX_PAST | _AUX_PRESENT:
            return None  # not a bare speaker: "..., which she said"
        k -= 1
    return k if k > 0 and tokens[k].low == "," and k < first - 1 else None


def _ends_in_a_phrase(tokens: list[Token], j: int, reach: int = 10) -> bool:
    """Whether the sentence ends within `reach` tokens of `j` with no verb or
    "that" on the way: ", Mwita told reporters at the jetty."."""
    rest = tokens[j:]
    words = [t for t in rest if t.text[:1].isalnum()]
    if len(words) > reach or any(t.low in _HARD_BOUNDARY or t.low == "," for t in rest):
        return False
    verb_forms = load().verb_forms
    # a bare lemma may be a noun ("the border post"); an inflected form or an auxiliary is a verb
    return not any(t.low == "that" or t.low in _AUX_PAST | _AUX_PRESENT | _AUX_PERFECT | _FUTURE | _MODAL
                   or verb_forms.get(t.low, t.low) != t.low for t in words)


def _inverted(tokens: list[Token], first: int) -> bool:
    """An attribution after a quotation: '“…,” said the Kremlin'."""
    window = [t.low for t in tokens[max(0, first - 6):first]]
    return bool(window) and window[-1] in {",", "”", '"'} and any(w in {"”", '"'} for w in window)


# verbs that end as adverbs do: "can apply for grants from July 3" (not "can quickly apply")
_LY_VERBS = frozenset("apply reapply supply reply rely comply fly rally tally multiply imply ally bully".split())


def _an_ly_adverb(low: str) -> bool:
    return low.endswith("ly") and low not in _LY_VERBS


def _starts_verb_group(tokens: list[Token], j: int) -> bool:
    """Does a finite verb group start at token j ("has closed", "said", "reached")?"""
    while j < len(tokens) and (tokens[j].low in _ADVERBS or _an_ly_adverb(tokens[j].low)):
        j += 1
    if j >= len(tokens) or not tokens[j].text.isalpha() or not tokens[j].text.islower():
        return False
    low = tokens[j].low
    lex = load()
    if low in _AUX_PAST | _AUX_PERFECT | _AUX_PRESENT | _FUTURE | _MODAL | {"had"}:
        return True
    return low in lex.irregular_pasts or (low.endswith("ed") and len(low) > 4) \
        or (low in lex.verb_forms and low != lex.verb_forms[low] and not low.endswith("ing"))


APPOSITION_MAX_TOKENS = 5


_AUDIENCE_REACH = 12


def _that_after_audience(tokens: list[Token], j: int) -> int | None:
    """The "that" opening a statement's complement after its audience or occasion
    ("told reporters that", "said in a statement on Monday that"), if there is one."""
    lex = load()
    for k in range(j, min(len(tokens) - 1, j + _AUDIENCE_REACH)):
        low = tokens[k].low
        if low == "that":
            nxt = tokens[k + 1]
            return k if nxt.low in _SUBJECT_STARTERS or nxt.text[:1].isupper() or _verb_follows(tokens, k + 2) \
                else None
        # "a media briefing", "the weekly meeting", "a conference call": a noun inside the audience
        noun_form = (low.endswith("ing") or lex.verb_forms.get(low) == low) and k > j \
            and tokens[k - 1].low not in _SUBJECT_STARTERS | {"that"} and tokens[k - 1].text[:1].isalpha()
        if not tokens[k].text[:1].isalnum() or (low in lex.verb_forms and not noun_form) \
                or low in _FUTURE | _MODAL | _AUX_PAST:
            return None
    return None


_PRONOUN_SUBJECTS = frozenset("it he she they we i".split())


def _subject_after_occasion(tokens: list[Token], j: int) -> int | None:
    """Where a statement's complement starts after a short occasion phrase with no
    "that": "said in a statement it ...", "said on Twitter they ..."."""
    if tokens[j].low not in {"in", "on", "at"}:
        return None
    for k in range(j + 1, min(len(tokens) - 1, j + 6)):
        if not tokens[k].text[:1].isalnum():
            return None
        if tokens[k].low in _PRONOUN_SUBJECTS and k > j + 1 and _verb_follows(tokens, k + 1):
            return k
    return None


def _could_be_verb(tok: Token) -> bool:
    """A verb form, an irregular past or an auxiliary, outside a time expression."""
    lex, low = load(), tok.low
    return not tok.time and (low in lex.verb_forms or low in lex.irregular_pasts or low in _FUTURE | _MODAL
                             | _AUX_PAST | _AUX_PERFECT | _AUX_PRESENT or (low.endswith("ed") and len(low) > 4))


def _verb_before_sentence_end(tokens: list[Token], j: int, reach: int = 20) -> bool:
    """Is there a verb (or an auxiliary) between token j and the end of the sentence?"""
    for tok in tokens[j:j + reach]:
        if tok.low in {".", ";", "!", "?"}:
            return False
        if _could_be_verb(tok):
            return True
    return True  # too far to tell: a clause, as before


def _verb_follows(tokens: list[Token], j: int, nouns_after_articles: bool = False) -> bool:
    """Does a finite verb follow within a few words (so a clause starts here)?
    An apposition between commas is skipped: "the female, named Ria, crossed".
    `nouns_after_articles`: a verb form right after an article is a noun there."""
    lex = load()
    k, end = j, min(len(tokens), j + 5)
    while k < end:
        low = tokens[k].low
        if low == "," and k > j:
            close = next((c for c in range(k + 2, min(len(tokens), k + APPOSITION_MAX_TOKENS + 2))
                          if tokens[c].low in {",", ".", ";"}), None)
            if close is not None and tokens[close].low == ",":
                k, end = close + 1, min(len(tokens), close + 1 + (end - k))
                continue
        if low in {",", ".", ";", "of", "to", "for", "with", "about"}:
            return False
        # "declared a state of emergency": right after an article, a noun
        after_article = nouns_after_articles and k > 0 and tokens[k - 1].low in _ARTICLES
        if not tokens[k].time and not after_article and (
                low in lex.verb_forms or low in lex.irregular_pasts or low in _FUTURE | _MODAL
                or (low.endswith("ed") and len(low) > 4 and not tokens[k].text[0].isupper())):
            return True  # ("May 22" is a date, not the modal; "The Associated Press" is a name)
        k += 1
    return False


# ---------------------------------------------------------------- tense
def _negative_subject(tokens: list[Token], j: int) -> bool:
    """Does a negative subject end right before the verb group ("neither would be
    delivered", "no one was hurt", "nobody died")?"""
    if j < 0:
        return False
    low = tokens[j].low
    return low in {"neither", "nobody", "none"} or (low == "one" and j > 0 and tokens[j - 1].low == "no")


def verb_group(tokens: list[Token], trig: Trigger, clause: Clause) -> tuple[str, bool]:
    """(tense, negated) of the verb group ending at a verb trigger."""
    lex = load()
    head = trig.first
    words = []
    j = head - 1
    while j >= clause.first and j >= head - 5:
        if tokens[j].time and tokens[j].low not in _ADVERBS | {"now", "then"}:
            break  # "tore down a nest in May pleaded guilty": the month, no modal (but "will now be held")
        low = tokens[j].low
        contracted = _CONTRACTED.get(low) or (low[:-3] if low.endswith("n't") else None)
        if contracted in _FUTURE | _MODAL | _AUX_PAST | _AUX_PERFECT | _AUX_PRESENT | {"had"}:
            words += [contracted, "not"]  # "won't", "didn't", "cannot": the auxiliary and its negation
            j -= 1
            continue
        if low in _FUTURE | _MODAL | _AUX_PAST | _AUX_PERFECT | _AUX_PRESENT | _NEGATION | _ADVERBS \
                or low in {"had", "been", "be", "being", "to", "going", "about"} or low.endswith("ly"):
            words.append(low)
            j -= 1
            continue
        if lex.verb_forms.get(low) in lex.attempt_verbs:
            words.append(low)
            j -= 1
            continue
        if low in _SCHEDULED and words and words[-1] == "to":
            words.append("scheduled")  # "are due to inspect", "is set to open": a plan
            j -= 1
            continue
        break
    # a trigger that begins with its own auxiliary ("was held", "has been closed"):
    # the auxiliaries inside it count, and the last word is the verb
    while head < trig.last and tokens[head].low in _AUX_PAST | _AUX_PRESENT | _AUX_PERFECT | _BE_FORMS:
        words.append(tokens[head].low)
        head += 1
    negated = any(w in _NEGATION for w in words) or (
        head + 1 < len(tokens) and tokens[head + 1].low in {"not", "n't"}) or _negative_subject(tokens, j)
    aux = set(words)
    form = tokens[head].low
    if "still" in aux and form.endswith("ing"):
        return "ongoing", negated  # "was still burning this afternoon": a state the day is in, no event
    if aux & _COUNTERFACTUAL and "have" in aux:
        return "counterfactual", negated  # "whose term would have ended today": it did not
    if aux & _FUTURE or ({"going", "to"} <= aux and "be" not in aux) or ("about" in aux) or "scheduled" in aux:
        return "future", negated
    if aux & _MODAL:
        # "may have closed" looks back, and so does "could not leave" (past inability);
        # "may close", "could resume" look ahead
        looks_back = aux & _AUX_PERFECT or ("could" in aux and (negated or form in _PERCEPTION))
        if not looks_back and aux & _SPECULATIVE:
            return "speculative", negated  # "heavy rain could turn the ash into mudflows": what may happen
        return ("past" if looks_back else "modal"), negated
    if "had" in aux:
        return "past_perfect", negated
    if aux & _AUX_PERFECT:
        return "perfect", negated
    if aux & _AUX_PAST:
        return "past", negated
    if "to" in aux and not (aux & _AUX_PAST):
        return "none", negated
    if aux & _AUX_PRESENT:
        return "present", negated
    lemma = lex.verb_forms.get(form, "")
    # irregular_pasts holds "hit" too: with no auxiliary, "a missile hit a hospital on
    # Monday" narrates the past far more often than it states a present ("hits")
    if form.endswith("ed") or (form != lemma and not form.endswith(("s", "ing")) and lemma) \
            or form in lex.irregular_pasts:
        return "past", negated
    if form.endswith("ing"):
        return "none", negated
    return "present", negated


# participles no past form shares, which only an auxiliary shows as verbs: "was first run in 1871",
# "were cast in London in 1873" (alone, "run" and "cast" are as often nouns)
_PARTICIPLES_NOT_PAST = frozenset("run rerun overrun outrun cast recast broadcast forecast upset reset swum".split())


def _fallback_verb(tokens: list[Token], clause: Clause, subject_reach: int = 0) -> int | None:
    """The finite verb of a clause with no lexicon trigger: the word after an
    auxiliary ("were heading"), else a past form ("appeared").  `subject_reach`:
    how many words its subject may have, when not `SUBJECT_MAX_TOKENS`."""
    for j in range(clause.first, clause.last):
        if tokens[j].low in _INTENT_BEFORE_TO and j + 2 <= clause.last and tokens[j + 1].low == "to" \
                and j > clause.first and tokens[j - 1].low not in _DETERMINERS \
                and tokens[j + 2].text.isalpha() and tokens[j + 2].text.islower() and len(tokens[j + 2].low) > 2 \
                and tokens[j + 2].low not in STOPWORDS | _DETERMINERS | {"be", "have"}:
            return j + 2  # "plans to buy a second airboat next winter": the plan's verb (tense.py looks ahead)
        if tokens[j].low in _AUX_PAST | _AUX_PERFECT | _AUX_PRESENT | {"had", "been"}:
            k = j + 1
            # "were last seen", "was last heard from"
            while k <= clause.last and (tokens[k].low in _ADVERBS | _NEGATION | {"been", "being", "last"}
                                        or _an_ly_adverb(tokens[k].low)):
                k += 1
            if k + 2 <= clause.last and tokens[k].low in _SCHEDULED and tokens[k + 1].low == "to" \
                    and tokens[k + 2].text.isalpha() and tokens[k + 2].text.islower() \
                    and tokens[k + 2].low not in STOPWORDS | _DETERMINERS | {"be", "have"}:
                return k + 2  # "are due to inspect the gorge on Monday"
            if k <= clause.last and tokens[k].low.replace("-", "").isalpha() and (  # "was cross-examined"
                    tokens[k].low.endswith(("ed", "ing", "en", "wn")) or tokens[k].low in load().irregular_pasts
                    or tokens[k].low in _PARTICIPLES_NOT_PAST
                    or (tokens[k].low.startswith("re") and tokens[k].low[2:] in load().irregular_pasts)) \
                    and tokens[k].low not in STOPWORDS:
                return k  # "were heading", "was found", "were brought"
        if tokens[j].low in _FUTURE | _MODAL:  # "the bridge would reopen on Monday"
            k = j + 1
            while k <= clause.last and (tokens[k].low in _ADVERBS | _NEGATION or _an_ly_adverb(tokens[k].low)):
                k += 1
            # "would be able to apply", "will have to leave": the verb after the periphrasis
            for words in (("be", "able", "to"), ("have", "to"), ("need", "to"), ("be", "due", "to")):
                if tuple(t.low for t in tokens[k:k + len(words)]) == words:
                    k += len(words)
                    break
            # "will be paid in May", "would have been made": a passive, whose participle is the verb
            while k < clause.last and tokens[k].low in ("be", "have", "been") \
                    and (tokens[k + 1].low == "been" or _participle_form(tokens[k + 1].low)):
                k += 1
            if k <= clause.last and tokens[k].text.isalpha() and tokens[k].text.islower() \
                    and len(tokens[k].low) > 2 and tokens[k].low not in STOPWORDS | _DETERMINERS | {"be", "have"} \
                    and not tokens[k].time:
                return k
    # a clause opens with its verb only where the main clause resumes after a comma, or
    # with the participle that opens a sentence: "Founded in 1998, the firm employs 300"
    if clause.first == 0 and _opening_participle(tokens) is not None:
        return 0
    resumed = clause.first > 0 and tokens[clause.first - 1].low == ","
    for j in range(clause.first + (0 if resumed else 1), clause.last + 1):
        low = tokens[j].low
        nxt = tokens[j + 1].low if j + 1 <= clause.last else "."
        if low in STATE_VERBS or tokens[j - 1].low in STATE_VERBS:
            continue  # "the lifts stayed closed on Sunday": a state, no event
        if _inside_a_name(tokens, j):
            continue
        if low.endswith("ed") and low.isalpha() and len(low) > 4 and tokens[j - 1].low not in _DETERMINERS \
                and not tokens[j].time and (nxt in _PREPOSITIONS or nxt in _DETERMINERS or not nxt.isalpha()
                                            or nxt in _ADVERBS or _after_subject(tokens, j, clause, subject_reach)
                                            or (resumed and j == clause.first)):
            return j
        if low in load().irregular_pasts and not tokens[j].time and (
                _after_subject(tokens, j, clause, subject_reach)
                or (resumed and j == clause.first and nxt in _PREPOSITIONS)):
            return j  # "The old wall, built in 1874, ...": an apposed participle, as "founded in" is
    return None


# participles that open a sentence with what the subject is, not what befell it:
# "Based in Lyon since 2019, ...", "Asked on Monday whether ..., she said"
_OPENING_STATES = frozenset("asked pressed based located pictured dubbed known compared faced".split())


def _opening_participle(tokens: list[Token], reach: int = 12) -> int | None:
    """"Founded in 1998, the firm ...", "Built in the Netherlands in 1998, the wheel
    ...": a capitalised past participle, a preposition, then a comma before the subject
    within `reach` tokens; where that comma is."""
    if len(tokens) < 4 or not tokens[0].text[:1].isupper() or tokens[1].low not in ("in", "on", "by", "at"):
        return None
    low = tokens[0].low
    if low in _OPENING_STATES or not low.isalpha() or tokens[0].time:
        return None
    if not (low.endswith("ed") and len(low) > 4 or low in load().irregular_pasts):
        return None
    return next((k for k in range(2, min(reach, len(tokens))) if tokens[k].low == ","), None)


OPENING_PARTICIPLE_REACH = 20  # tokens to the comma that ends "Built in 1842 by local families ...,"


# "ministers expected a difficult autumn": an attitude towards a time, no event in it
_ATTITUDE_PASTS = frozenset("expected hoped feared wanted planned needed intended wished preferred".split())


# irregular pasts that are also presents and nouns: "a set", "the cut", "a hit"
_SAME_IN_PRESENT = frozenset("set cut hit put let shut hurt cost spread read quit bet cast burst split upset beat bid "
                             "broadcast forecast".split())
# ... and the relative pronouns: "signed off a CCTV system that was installed last weekend"
_CLAUSE_OPENERS = frozenset("after before when as because while until since that which who".split())


# the next appearance a court sets: "to reappear", "is due back in court", "bailed to appear"
_COURT_DATE_AHEAD = re.compile(r"\b(?:to\s+(?:re)?(?P<appear>appear)|(?P<due>due)\s+(?:back\s+)?(?:in|at|before)\s)",
                               re.IGNORECASE)


def _court_date_ahead(text: str, tokens: list[Token], after: int, ci: int) -> int | None:
    """The token of "appear" or "due" when a court's next date follows it after token
    `after`, the trigger's last ("remanded on bail to reappear on August 5", "is due back
    in court on June 10"): that date is the hearing's, not the remand's."""
    hit = None
    for hit in _COURT_DATE_AHEAD.finditer(text, tokens[after].end, tokens[ci].start):
        pass
    if hit is None:
        return None
    at = hit.start("appear") if hit.group("appear") else hit.start("due")
    return next((k for k in range(after + 1, ci) if tokens[k].start <= at < tokens[k].end), None)


def _gathering_called_ahead(tokens: list[Token], clause: Clause, trig: Trigger, ci: int) -> bool:
    """A gathering called to a day or set for one: "has called both sides to a meeting on
    Friday", "called a vigil at the tower for 10 a.m. Saturday", "set sentencing for Nov. 19".
    One calls a gathering ahead of its day, so the day lies ahead of the call."""
    low = tokens[trig.first].low
    if trig.first != trig.last or low not in _CALLABLE or not (trig.pos == "noun" or low.endswith("ing")):
        return False  # ("sentencing" is read as a verb)
    for v in range(trig.first - 1, max(clause.first, trig.first - 6) - 1, -1):
        if tokens[v].low in _CALLS_FOR:
            between = [t.low for t in tokens[v + 1:trig.first]]
            if between[-2:-1] in (["to"], ["for"]) and between[-1] in _ARTICLES \
                    or between[-1:] in (["to"], ["for"]):
                return True  # "called both sides to a meeting", "back for talks"
            # "called a vigil ... for Saturday": the day follows "for"
            return set(between) <= _ARTICLES and (tokens[ci].low == "for" or ci > 0 and tokens[ci - 1].low == "for")
        if not tokens[v].text.isalpha() or tokens[v].low in {"and", "but", "who", "which", "that"}:
            return False
    return False


def _a_date_that_names_a_thing(tokens: list[Token], triggers: list[Trigger], clause: Clause, ci: int,
                               cand: Candidate, cands: list[Candidate]) -> bool:
    """A bare year that says which thing, not when: between an article and a
    noun that is no event, when its clause has another date ("The 1757 Guadagnini
    cello ... landed yesterday"), or after a capitalised name, as part of it
    ("organizers have cancelled Lakeshore Sound 2019").  A decade likewise, its
    article often part of it: "The 1930s lido was officially opened on 8 June";
    and a holiday: "will run extra trams to the Christmas market on Christmas Eve"."""
    another_date = any(other is not cand and tokens[clause.first].start <= other.start < tokens[clause.last].end
                       for other in cands)
    if cand.rule in ("decade", "holiday"):
        if cand.rule == "holiday" and cand.fields.get("part"):
            return False  # "Christmas night" says when
        last = max(k for k, t in enumerate(tokens) if t.start < cand.end)
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        # its article: "The 1930s lido", "a 1950s lido", not "was laid in the 1930s"; or its owner:
        # "Lingen's Easter market will go ahead on Easter Monday"
        article = ci > 0 and (tokens[ci - 1].low in _ARTICLES or _is_possessive(tokens[ci - 1].low)) \
            or tokens[ci].low in _ARTICLES and (ci == 0 or tokens[ci - 1].low not in _PREPOSITIONS)
        # (the date of the thing it names comes after it: "the Christmas market on Christmas Eve", not
        # "reopened on Feb. 16, three days before its Louis Riel Day bonspiel")
        date_after = cand.rule == "decade" or any(other.start >= cand.end and other.start < tokens[clause.last].end
                                                  for other in cands)
        return article and after is not None \
            and after.text.isalpha() and after.text.islower() and after.low not in _ARTICLES \
            and after.low not in _PREPOSITIONS | _JOINING_TIMES and after.low not in load().verb_forms \
            and not any(last < t.first <= last + 2 for t in triggers) and another_date and date_after
    if 0 < ci < len(tokens) - 1 and tokens[ci - 1].low in _ARTICLES and tokens[ci + 1].text[:1].isalpha() \
            and not any(t.pos == "noun" and ci < t.first <= ci + 3 for t in triggers) and another_date:
        return True
    before = tokens[ci - 1] if ci > 1 else None
    return before is not None and before.text[:1].isupper() and before.text.isalpha() \
        and before.low not in _PREPOSITIONS and not before.time


def _unlisted_verb_nearer(tokens: list[Token], clause: Clause, ci: int, trig: Trigger) -> int | None:
    """A past verb the lexicon lacks that stands between a date and the trigger it
    would attach to: "a ship that ran aground on Saturday washed up on the shore last
    night" (the trigger on the left has its own date first), "lowered the alert level
    yesterday, 12 days after the first eruption" (the one on the right is past a comma)."""
    opener_needed = False
    if trig.last < ci:
        # ("evacuated after a torrent of mud swept through early Saturday": a clause of its own)
        opener_needed = not any(tokens[k].time for k in range(trig.last + 1, ci))
        lowest = trig.last + 1
    elif trig.pos == "noun" and _modifies(tokens, ci, trig):
        return None  # "“Independence Day” celebrations on July 4": the date names which celebrations
    elif ci > clause.first and (any(t.low in {",", "that"} for t in tokens[ci:trig.first])
                                # ("failed this morning and took down ...": one subject, one time)
                                or any(tokens[k].low in {"and", "but"} and k + 1 != trig.first
                                       for k in range(ci, trig.first))
                                or _another_date_between(tokens, ci, trig.first)
                                or any(t.time for t in tokens[trig.last + 1:min(trig.last + 7, clause.last + 1)])
                                or _noun_of_a_phrase_after(tokens, ci, trig)):
        # ("a cooling system had failed shortly before noon and that servers had shut down";
        # "pupils who were sent home on 18 January returned on 12 February": it has its own)
        lowest = clause.first
    else:
        return None
    j = _past_verb_before(tokens, clause, ci, lowest)
    # a verb past the trigger's own clause needs an opener or a comma to set its clause apart
    # ("will be pulled down, the council decided on Monday evening"); ("have recovered a hoard
    # stolen from a museum last month": a present perfect takes no past date of its own, so the
    # participle on its object does)
    if j is not None and opener_needed and not any(tokens[k].low in _CLAUSE_OPENERS or tokens[k].low == ","
                                                   for k in range(lowest, j)) \
            and not (trig.pos == "verb" and verb_group(tokens, trig, clause)[0] == "perfect"):
        return None
    return j


def _noun_of_a_phrase_after(tokens: list[Token], ci: int, trig: Trigger) -> bool:
    """A noun in a phrase of its own after the date ("had asked German authorities on Tuesday
    for any record of ..."), even one the lexicon reads as a verb: what was asked is not what
    happened that day."""
    k = trig.first
    # (not "The court fixed April 24 for a hearing": the date is what was fixed, and the hearing's)
    return k - 2 > ci and tokens[k - 1].low in _DETERMINERS \
        and tokens[k - 2].low in _PREPOSITIONS and not tokens[k - 2].time \
        and not (ci > 0 and _past_form(tokens[ci - 1].low, load()))


def _past_verb_before(tokens: list[Token], clause: Clause, ci: int, lowest: int) -> int | None:
    """The nearest past verb form before the date at `ci`, back to token `lowest`, that
    a preposition, determiner, adverb, -ing form, bare noun or name, or the date itself
    follows: "washed up on the shore last night", "were sent home on 18 January", "took
    samples" (none when another date comes first, and no state: "stayed closed")."""
    lex = load()
    for j in range(ci - 1, lowest - 1, -1):
        if tokens[j].time:
            return None  # a date nearer than any verb: that verb is its own
        low = tokens[j].low
        nxt = tokens[j + 1]
        before = tokens[j - 1].low if j > clause.first else ","
        regular = low.endswith("ed") and len(low) > 4 and before not in _DETERMINERS | _PREPOSITIONS | {","}
        irregular = low in lex.irregular_pasts and (
            before in {"was", "were", "been", "be"}  # "were sent home", "had to be put down"
            or (low not in _SAME_IN_PRESENT and before.isalpha()  # "mud and rock swept through"
                and before not in _DETERMINERS | _PREPOSITIONS | _FUTURE | _MODAL | _AUX_PRESENT | {"to"}))
        if before in STATE_VERBS or low in STATE_VERBS or _inside_a_name(tokens, j):
            continue  # "the lifts stayed closed on Sunday": a state, no event
        if low.isalpha() and (regular or irregular) and low not in _ATTITUDE_PASTS and nxt.low != "to" \
                and (nxt.low in _PREPOSITIONS | _DETERMINERS | _POSSESSIVES | {"up", "home"} or nxt.time
                     or (nxt.low.endswith(("ly", "ing")) and nxt.low.isalpha())  # "stopped rising overnight"
                     or nxt.text[:1].isdigit() or nxt.text[:1] in "$€£"  # "plunged 23%", "raised $4 million"
                     # "took samples", "resumed service", "granted Galway City Council an injunction"
                     or (nxt.text.isalpha() and nxt.low not in lex.verb_forms and nxt.low not in STOPWORDS)):
            return j
    return None


def _modifies(tokens: list[Token], ci: int, trig: Trigger) -> bool:
    """Does the date at `ci` stand right before the trigger, as its modifier?"""
    k = ci
    while k < trig.first and tokens[k].time:
        k += 1
    return not any(tokens[j].text[:1].isalnum() for j in range(k, trig.first))


def _resumes_after_a_relative(tokens: list[Token], clause: Clause, ci: int) -> bool:
    """Does the date at `ci` follow, after a comma, a ", which ..." relative clause
    it would otherwise end, and close its sentence or phrase?"""
    first = clause.first
    if first == 0 or tokens[first - 1].low != "," or tokens[first].low not in {"which", "who"}:
        return False
    k = ci - 1
    while k > first and tokens[k].low in {"on", "at", "late", "early", "in"}:
        k -= 1
    if k <= first + 2 or tokens[k].low != ",":
        return False
    end = ci
    while end <= clause.last and tokens[end].time:
        end += 1
    return end > clause.last or tokens[end].low in {",", ".", ";"}


def _verb_of_clause_before(triggers: list[Trigger], clauses: list[Clause], clause: Clause) -> Trigger | None:
    """"shut the Avonmead Bridge, which carries the A4320 across the Avon, late on Tuesday,
    saying ...": the verb of the clause a relative clause interrupts."""
    before = next((c for c in reversed(clauses) if c.last < clause.first), None)
    return next((t for t in triggers if t.pos == "verb" and before is not None
                 and before.first <= t.first and t.last <= before.last), None)


def _verb_joined_after(tokens: list[Token], triggers: list[Trigger], ci: int, cand: Candidate) -> Trigger | None:
    """"failed this morning and took down the systems": the trigger an "and" right after
    the date joins to the verb before it, which shares its time."""
    after = next((k for k in range(ci, len(tokens)) if tokens[k].end >= cand.end), ci) + 1
    if after + 1 >= len(tokens) or tokens[after].low != "and":
        return None
    return next((t for t in triggers if t.first == after + 1 and t.pos == "verb"), None)


def _another_date_between(tokens: list[Token], ci: int, end: int) -> bool:
    """Is there a second date after the one at `ci` before token `end`? ("an update
    installed overnight failed this morning and took down ...": the later one is nearer)"""
    k = ci
    while k < end and tokens[k].time:
        k += 1
    return any(tokens[j].time for j in range(k, end))


def _participle_form(low: str) -> bool:
    """A past participle by its form: "paid", "made", "taken", "shown"."""
    return low.isalpha() and (low.endswith(("ed", "en", "wn")) or low in load().irregular_pasts)


def _bare(word: str) -> str:
    """A word without its possessive ending: "iceland's" -> "iceland"."""
    return word[:-2] if word.endswith("'s") else word


# "a 1.2-metre water main", "a 22-storey block": a measure that describes the noun after it
_A_MEASURE_BEFORE_A_NOUN = re.compile(r"\d+(?:[.,]\d+)?(?:-[a-z]+)+")


def _after_subject(tokens: list[Token], j: int, clause: Clause, reach: int = 0) -> bool:
    """Token j follows the clause's subject: every word before it in the clause is a name
    or a noun phrase (no verb, preposition or time word), and the clause opens with it."""
    before = tokens[clause.first:j]
    # "exports in March rose": a time phrase inside the subject is no verb
    # ... and so is a fronted one with its comma: "On Monday, the company cut 200 jobs"
    before = [t for k, t in enumerate(before)
              if not t.time and not (t.low in _PREPOSITIONS and k + 1 < len(before) and before[k + 1].time)
              and not (t.low == "," and k > 0 and before[k - 1].time)]
    before = _without_appositions(before)
    if not before or len(before) > (reach or SUBJECT_MAX_TOKENS):
        return False
    forms = load().verb_forms
    # a base form may be a noun ("the storm", "the attack"); an inflected verb form is a verb,
    # unless a determiner makes it a participle describing the subject ("the damaged ship"),
    # or a capital makes it a name ("Halsted"); a preposition joins a noun to its complement
    # ("the pod of 71 whales", "shares in Coolabah", "analysts at Carnegie", "lawyers for the
    # family"), and a number counts things
    return all(((_bare(t.low).isalpha() and t.low not in _PREPOSITIONS)
                or (0 < k < len(before) - 1 and t.low in _SUBJECT_PREPOSITIONS)
                or t.low.replace(",", "").isdigit() or _A_MEASURE_BEFORE_A_NOUN.fullmatch(t.low)) and not t.time
               and ((forms.get(t.low, t.low) == t.low and (not t.low.endswith("ed") or t.text[0].isupper()))
                    or (k > 0 and before[k - 1].low in _DETERMINERS))
               for k, t in enumerate(before))


def _without_appositions(words: list[Token]) -> list[Token]:
    """A subject without its name or age set between commas: "The ship's captain,
    Arnel Bautista,", "Julian Vance, 61,"."""
    commas = [k for k, t in enumerate(words) if t.low == ","]
    if len(commas) != 2 or commas[1] != len(words) - 1 or commas[1] - commas[0] > APPOSITION_NAME_TOKENS + 1:
        return words
    inside = words[commas[0] + 1:commas[1]]
    if not inside or not all(t.text[:1].isupper() or t.text.isdigit() for t in inside):
        return words
    return words[:commas[0]]


APPOSITION_NAME_TOKENS = 4
SUBJECT_MAX_TOKENS = 7
COUNTED_SUBJECT_MAX_TOKENS = 12  # in the clause an amount counts from ("two days after ...")
_SUBJECT_PREPOSITIONS = frozenset({"of", "in", "at", "for", "from"})


# ---------------------------------------------------------------- words
def participants_of(tokens: list[Token], first: int, last: int) -> frozenset:
    """Named participants: capitalised word runs, canonicalised through aliases.tsv."""
    lex = load()
    names = set()
    j = first
    while j <= last:
        tok = tokens[j]
        if tok.text[:1].isupper() and tok.text.isalpha() is not False and not tok.time and tok.text[:1].isalpha():
            k = j
            while k + 1 <= last and tokens[k + 1].text[:1].isupper() and not tokens[k + 1].time:
                k += 1
            phrase = " ".join(t.low for t in tokens[j:k + 1]).replace("'s", "")
            sentence_initial = j == 0 or tokens[j - 1].low in {"“", '"', "(", "—"}
            given = _given_names(tokens, j, k, lex.person_titles)
            if phrase in lex.aliases:
                names.add(lex.aliases[phrase])
            else:
                for i, t in enumerate(tokens[j:k + 1], start=j):
                    w = t.low.replace("'s", "")
                    if i in given:
                        continue
                    if w in lex.aliases:
                        names.add(lex.aliases[w])
                    elif not (sentence_initial and k == j) and w not in STOPWORDS and len(w) > 1 \
                            and w not in lex.title_words:
                        names.add(w)
            j = k + 1
        else:
            j += 1
    return frozenset(names)


def _given_names(tokens: list[Token], j: int, k: int, titles: frozenset) -> range:
    """The positions of given names in the capitalised run tokens[j..k]: the
    words between a person's title ("Minister", "chief executive") and the
    surname that ends the run."""
    title = j - 1 if j > 0 and tokens[j - 1].low in titles else None
    for i in range(j, k + 1):
        if tokens[i].low in titles:
            title = i
    if title is None or k - title < 2:
        return range(0)
    return range(title + 1, k)


def keywords_of(tokens: list[Token], first: int, last: int) -> frozenset:
    words = set()
    for tok in tokens[first:last + 1]:
        if tok.time or not tok.text[:1].isalpha():
            continue
        low = tok.low.replace("'s", "")
        if low in STOPWORDS or len(low) < 3:
            continue
        words.add(stem(low))
    return frozenset(words)


def _speaker(tokens: list[Token], trig: Trigger, clause: Clause) -> str | None:
    """The subject of a speech verb: the nearest named run before it in its
    clause, or after it when the attribution is inverted ("said the Kremlin")."""
    lex = load()

    def name_of(run):
        phrase = " ".join(t.low.replace("'s", "") for t in run)
        if phrase in lex.aliases:
            return lex.aliases[phrase]
        for t in run:
            if t.low.replace("'s", "") in lex.aliases:
                return lex.aliases[t.low.replace("'s", "")]
        return run[-1].low.replace("'s", "")

    masked = _appositions(tokens, clause.first, clause.last)

    def is_name(tok: Token) -> bool:
        return tok.text[:1].isupper() and tok.text[:1].isalpha() and not tok.time

    def runs(first, last, masked=masked):
        out, j = [], first
        while j <= last:
            if j not in masked and is_name(tokens[j]) and tokens[j].low not in STOPWORDS:
                k = j
                while k + 1 <= last and is_name(tokens[k + 1]):
                    k += 1
                out.append(tokens[j:k + 1])
                j = k + 1
            else:
                j += 1
        return out

    def runs_named(first, last, masked=masked):
        return [r for r in runs(first, last, masked) if not (len(r) == 1 and r[0].low in STOPWORDS)]

    if _inverted(tokens, trig.first):
        after = runs_named(trig.last + 1, min(clause.last, trig.last + 5))
        return name_of(after[0]) if after else None
    before = runs_named(clause.first, trig.first - 1)
    if before:
        return name_of(before[-1])
    # "The mayor of the capital, Sergei Sobyanin, announced": the apposition names the subject
    before = runs_named(clause.first, trig.first - 1, masked=frozenset())
    if before:
        return name_of(before[-1])
    # "Kyiv has not taken ... but has welcomed them": a coordinated verb shares the sentence's subject
    if clause.first > 0 and tokens[clause.first].low in {"but", "and", "yet"}:
        first = runs_named(0, clause.first - 1)
        if first:
            return name_of(first[0])
    return None


# ---------------------------------------------------------------- headline
def _appositions(tokens: list[Token], first: int, last: int) -> set[int]:
    """Token indices inside short comma-delimited insertions (", however,",
    ", one of Russia's news agencies,"): left out of headlines and speakers."""
    commas = [k for k in range(first, last + 1) if tokens[k].low == ","]
    masked = set()
    for a, b in zip(commas, commas[1:]):
        inside = tokens[a + 1:b]
        if not inside or len(inside) > 7 or inside[0].low in _COMMA_SUBORDINATORS:
            continue
        if any(t.low in load().verb_forms and t.low not in {"one"} for t in inside):
            continue
        masked |= set(range(a, b))
    return masked


_LEADING = frozenset("that and but while when where whereas as which who however , ; : — –".split())
_PRONOUNS = frozenset("it he she they".split())
_ADVERBIAL_STARTERS = frozenset("in on at after following despite during according amid with as since for "
                                "however later earlier meanwhile also then".split())
_TRAILING = _PREPOSITIONS | _DETERMINERS | _LEADING | {"and", "or", "of", "to", "be", "was", "were", "is", "are"}


def headline_for(tokens: list[Token], clause: Clause, trig: Trigger, subject: str | None,
                 subject_span: tuple[int, int] | None = None) -> str:
    """A short headline (<= 12 words) from the clause around the trigger:
    subject, trigger and what follows, without dates, quotes or insertions.
    `subject_span`: the tokens of a resumed clause's subject, before the
    insertion that split it off ("The minister, who took office in March,")."""
    masked = _appositions(tokens, clause.first, clause.last)
    words: list[int] = []
    if subject_span is not None:
        words = [k for k in range(*subject_span) if not tokens[k].time and tokens[k].text[:1].isalnum()][-5:]
    for k in range(clause.first, clause.last + 1):
        t = tokens[k]
        # a comma that closed a dropped insertion would dangle: "Putin's spokesman, said"
        beside_insertion = t.low == "," and (k - 1 in masked or k + 1 in masked)
        if k in masked or beside_insertion or t.time or t.text in {"“", "”", '"', "[", "]", "…", "(", ")"}:
            continue
        if subject_span is not None and k == clause.first and t.low in {"who", "which", "that"}:
            continue  # "The train, which left Kyiv": the subject stands in for its pronoun
        if t.low in _PREPOSITIONS | {"early", "late", "last", "this", "next"} and k + 1 <= clause.last \
                and tokens[k + 1].time:
            continue
        if t.low in _PREPOSITIONS and k + 2 <= clause.last and tokens[k + 1].low == "the" and tokens[k + 2].time:
            continue  # "collapsed on the Fourth of July": the date's own article goes with it
        if t.low == "the" and k > clause.first and tokens[k - 1].low in _PREPOSITIONS and k + 1 <= clause.last \
                and tokens[k + 1].time:
            continue
        if t.low in {"early", "late"} and k + 2 <= clause.last and tokens[k + 1].low == "on" and tokens[k + 2].time:
            continue  # "gave way late on Monday": the part of the day goes with its date
        if t.low in {"and", "or", "&"} and k > clause.first and tokens[k - 1].time and k + 1 <= clause.last \
                and tokens[k + 1].time:
            continue  # "on Tuesday and Wednesday": the "and" goes with the dates
        words.append(k)
    trig_at = next((w for w, k in enumerate(words) if k >= trig.first), 0)
    # a leading adverbial phrase ("Following the incident,") says nothing of what happened
    if words and tokens[words[0]].low in _ADVERBIAL_STARTERS:
        comma = next((w for w in range(trig_at) if tokens[words[w]].low == ","), None)
        if comma is not None:
            words, trig_at = words[comma + 1:], trig_at - comma - 1
    while words and tokens[words[0]].low in _LEADING and trig_at > 0:
        words, trig_at = words[1:], trig_at - 1
    start = 0 if trig_at <= 9 else trig_at - 5
    words = words[start:start + 12]
    while len(words) > 3 and tokens[words[-1]].low in _TRAILING and not trig.first <= words[-1] <= trig.last:
        words = words[:-1]
    parts = [tokens[k].text for k in words]
    if subject and parts and parts[0].lower() in _PRONOUNS:
        parts[0] = subject.title()
    text = " ".join(parts)
    text = re.sub(r"\s+([,.;:!?’'])", r"\1", text)
    text = re.sub(r"\s*[,;:]\s*$", "", text).strip(" ,.;:")
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- main
def _quote_regions(text: str) -> list[tuple[int, int]]:
    regions = []
    for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"", text):
        regions.append((m.start(), m.end()))
    return regions


_FROM_NOW_ON = re.compile(r"\b(?:will|would|shall|'ll|must|can|could|may|might)\s+$", re.IGNORECASE)


def dates_events(cand: Candidate, text: str) -> bool:
    """Can this time expression date an event against the calendar?  Not a
    duration or set, and not an offset from another event ("a few days
    before major celebrations"): that one has no calendar anchor of its own."""
    if cand.type not in ("DATE", "TIME") and not _ahead_in(cand, text):
        return False
    if re.search(r"\b(before|after|ahead of|prior to|since)$", cand.text, re.I):
        return False
    if SINCE_BEFORE.search(text, max(0, cand.start - 12), cand.start) and not _WHEN_NEXT.match(text, cand.end):
        # "have collapsed since 2015": how long a state has lasted, not when anything
        # happened; "since 2011, when a walkout paralysed the port" still dates that walkout
        return False
    if cand.rule == "present_ref" and cand.text.lower() in ("current", "now", "currently", "right now") \
            and not _FROM_NOW_ON.search(text, max(0, cand.start - 12), cand.start):
        # "in its current form": a thing's description; "one in six nurses now working",
        # "had now been settled": the state things are in, no time anything happened.
        # "Flights would now be prohibited" starts now, though.
        return False
    # "a few days before major celebrations", "the day after the vote": an amount
    # counts from the event named next; "last year after a scandal" is a calendar date
    if cand.rule == "offset" and _RELATIVE_TO_EVENT.match(text, cand.end):
        return False
    if _FOR_PART_OF_A_PERIOD.search(text, max(0, cand.start - 30), cand.start) \
            or _PART_OF_A_PERIOD.match(cand.text) and _after_for(text, cand):
        # "kept villagers indoors for most of the week", "closed for the rest of the day": how
        # long a state lasted, not when anything happened
        return False
    if _PART_OF_A_WHOLE.search(text, max(0, cand.start - 40), cand.start):
        # "on one of the busiest days of the month", "the hottest day of the year": which
        # day among many it was, not a date the event had
        return False
    return True


_PART_OF = r"(?:most|much|all|part|the\s+rest|the\s+remainder|the\s+bulk)\s+of\b"
_FOR_PART_OF_A_PERIOD = re.compile(rf"\bfor\s+{_PART_OF}\s+$", re.IGNORECASE)
_PART_OF_A_PERIOD = re.compile(_PART_OF, re.IGNORECASE)
# a superlative picking days out of a period: "(one of) the busiest days of"
_PART_OF_A_WHOLE = re.compile(r"\b(?:\w+est|most\s+\w+|worst|best)\s+(?:days?|weeks?|nights?|months?)\s+of\s+$",
                              re.IGNORECASE)


# after a season, these start a phrase of their own ("the summer in Paris"), not the noun it modifies
_FUNCTION_WORD_AFTER = re.compile(r"\s+(?:of|in|on|at|to|for|and|or|but|when|as|with|before|after|is|was|will|"
                                  r"would|has|had|the|a|an|that|which|this|months?|season)\b")


_PAIR_JOINER = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def next_day_of_pair(text: str, first: Candidate, second: Candidate) -> bool:
    """"Tuesday and Wednesday": two weekdays in a row, joined by "and", with no
    part of the day; together they name a two-day span ("Monday and Friday"
    are two days)."""
    if first.rule != "weekday" or second.rule not in ("weekday", "weekday_of_week") \
            or first.fields.get("part") or second.fields.get("part"):
        return False
    if not _PAIR_JOINER.fullmatch(text, first.end, second.start):
        return False
    weekdays = load_timex_lexicon().weekdays
    one, two = (weekdays.get(str(c.fields.get("weekday", "")).lower()) for c in (first, second))
    return one is not None and two is not None and (two - one) % 7 == 1


def _period_adjective(cand: Candidate, text: str) -> bool:
    """A quarter or half written as an adjective before its noun ("fourth-quarter
    GDP", "first-half sales"): the period some figures cover; a year or month that
    names a thing ("the 2026 budget", "its 2024 accounts", "the March primary"); or
    a season that does ("the winter holidays", "the summer recess")."""
    after = text[cand.end:cand.end + 2]
    if cand.rule == "season" and cand.text.lower().startswith("the "):
        return bool(re.match(r"\s+[a-z]", after)) and not _FUNCTION_WORD_AFTER.match(text, cand.end)
    if cand.rule in ("year", "month", "month_year"):  # ... or a month that does ("the March primary")
        return bool(re.match(r"\s+[a-z]", after)) and bool(
            _DETERMINER_BEFORE.search(text, max(0, cand.start - 8), cand.start)) and not (
            cand.rule != "year" and _FUNCTION_WORD_AFTER.match(text, cand.end))
    return cand.rule == "quarter" and "-" in cand.text and bool(re.match(r"\s+[a-zA-Z]", after))


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|a)\s+$", re.I)


_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
_LOOKS_AHEAD = re.compile(r"\b(?:will|'ll|would|shall|due\s+to|expected\s+to|set\s+to|scheduled\s+to|plans?\s+to"
                          r"|is\s+to|are\s+to|going\s+to)\b", re.I)


def _ahead_in(cand: Candidate, text: str) -> bool:
    """"will reopen in three weeks": an amount after "in", in a clause that looks
    ahead, places its event that far after the article's day ("the first strike
    in three years" does not)."""
    if cand.rule != "duration" or cand.fields.get("approx") or cand.fields.get("span") \
            or not _IN_BEFORE.search(text, max(0, cand.start - 4), cand.start):
        return False
    start = max(text.rfind(".", 0, cand.start), text.rfind("\n", 0, cand.start), cand.start - 80)
    return bool(_LOOKS_AHEAD.search(text, start + 1, cand.start))


# a date a state lasts until, not when its clause's event happened
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|til)\s+$", re.I)
SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.I)  # "trapped since Saturday"
_WHEN_NEXT = re.compile(r"\s*,?\s+when\b", re.I)
_RELATIVE_TO_EVENT = re.compile(r"\s+(?:before|after|ahead\s+of|prior\s+to|since|following)\b", re.I)


def find(document: str, text: str, sentences: list[Sentence], candidates: list[Candidate]) -> list[Draft]:
    """All event-mention drafts of one document, in text order."""
    dating = [c for c in candidates if dates_events(c, text)]
    counting = [c for c in candidates if c.rule == "offset" and counts_from_an_event(text, c)
                or c.rule == "duration" and _SINCE_AFTER.match(text, c.end)
                and _IT_IS_NOW.search(text, max(0, c.start - 30), c.start)]
    counting = sorted(counting + _anniversaries(text), key=lambda c: c.start)
    parsed = []
    dating_starts = [c.start for c in dating]
    for sent in sentences:
        tokens = tokenize(sent.text, sent.start)
        if len(tokens) > MAX_SENTENCE_TOKENS:
            continue  # a list, a table or run-on noise, not a sentence a reader would date
        window = dating[bisect.bisect_left(dating_starts, sent.start):bisect.bisect_left(dating_starts, sent.end)]
        cands = [c for c in window if c.end <= sent.end]
        for tok in tokens:
            tok.time = any(c.start <= tok.start and tok.end <= c.end for c in cands)
        triggers = find_triggers(tokens)
        clauses = split_clauses(tokens, triggers)
        triggers = [t for t in triggers if not t.shows_complement]
        parsed.append((sent, tokens, triggers, clauses, cands))

    story = [p for p in parsed if p[0].is_story and not p[0].heading]
    lead_words: set = set()
    for sent, tokens, *_ in story[:2]:
        lead_words |= keywords_of(tokens, 0, len(tokens) - 1) | participants_of(tokens, 0, len(tokens) - 1)

    document_words = frozenset(t.low for _, tokens, *_ in parsed for t in tokens)
    _attribute_quotations(text, parsed)
    drafts: list[Draft] = []
    draft_of_trigger: dict[int, Draft] = {}
    pending_parent: list[tuple[Draft, Trigger]] = []
    entry_times = _live_entry_times(parsed, dating, text)
    title = _title_lines(parsed)
    for sent, tokens, triggers, clauses, cands in parsed:
        if not sent.is_story:
            continue  # page furniture: its dates may fix the reference date, never an event
        in_title = sent.start in title
        entry_time = entry_times.get(sent.start)
        clause_of = {}
        for trig in triggers:
            clause_of[id(trig)] = next((c for c in clauses if c.first <= trig.head <= c.last), None)
        attached: dict[int, list[Candidate]] = {}
        statistics: set[int] = set()  # triggers a window up to now measures ("over the past year")
        opening_comma = _opening_participle(tokens, OPENING_PARTICIPLE_REACH)  # "Built in 1842 by ...,"
        labels: set[int] = set()  # where the dates printed on a product end
        ahead: set[int] = set()  # triggers of a court's next date ("to reappear on August 5")
        # 1. each time expression dates the nearest trigger of its own clause
        for k_cand, cand in enumerate(cands):
            if k_cand and next_day_of_pair(text, cands[k_cand - 1], cand):
                continue  # "on Tuesday and Wednesday": the end of a two-day span the first day opens
            if cand.rule == "holiday" and k_cand + 1 < len(cands) and cands[k_cand + 1].rule in _DAY_OF_A_MONTH \
                    and _HOLIDAY_TO_ITS_DATE.fullmatch(text, cand.end, cands[k_cand + 1].start):
                continue  # "Independence Day falls on August 24": the date says which day, not the name
            ci = next((k for k, t in enumerate(tokens) if t.start >= cand.start), None)
            clause = next((c for c in clauses if ci is not None and c.first <= ci <= c.last), None)
            if clause is None:
                continue
            clause = _clause_after_a_fronted_date(tokens, triggers, clauses, clause) or clause
            if cand.rule in ("year", "decade", "holiday") \
                    and _a_date_that_names_a_thing(tokens, triggers, clause, ci, cand, cands):
                continue
            if _period_adjective(cand, text) and not (cand.rule in ("month", "month_year") and any(
                    t.pos == "noun" and 0 < tokens[t.first].start - cand.end <= 1 for t in triggers)) and any(
                    other is not cand and not _period_adjective(other, text)
                    and tokens[clause.first].start <= other.start < tokens[clause.last].end for other in cands):
                continue  # "will publish fourth-quarter GDP figures on Friday": Friday dates it
            if POSSESSIVE_AFTER.match(text, cand.end) and not any(_owned_by(text, tokens, cand, t) for t in triggers) \
                    and any(not POSSESSIVE_AFTER.match(text, other.end)
                            and tokens[clause.first].start <= other.start < tokens[clause.last].end for other in cands):
                # "Last year's winner, Almaz Gebre, pulled out on Friday": the year says who, Friday when
                continue
            if _season_of_a_thing(tokens, triggers, cand, ci, cands):
                continue  # "cancelled its summer programme on Thursday": which programme, not when
            if cand.rule in ("season", "year") and _after_for(text, cand) and any(
                    other.rule != cand.rule and not _after_for(text, other)
                    and tokens[clause.first].start <= other.start < tokens[clause.last].end for other in cands):
                # "closed for the winter on 3 November": how long it stays shut; "will present its budget
                # for 2018 on December 4": what it is for; the other date says when
                continue
            if _UNTIL_BEFORE.search(text, max(0, cand.start - 10), cand.start) and any(
                    other is not cand and tokens[clause.first].start <= other.start < tokens[clause.last].end
                    and not _UNTIL_BEFORE.search(text, max(0, other.start - 10), other.start) for other in cands):
                continue  # "remanded in custody till November 2 by a court on Sunday": Sunday dates it
            if _PRODUCT_DATE_BEFORE.search(text, max(0, cand.start - 40), cand.start) or any(
                    _RANGE_JOINER.fullmatch(text, end, cand.start) for end in labels):
                labels.add(cand.end)  # "jars with best-by dates between June and October 2025": a label
                continue
            opening = opening_comma if clause.first == 0 else None
            after_count = _main_clause_after_count(text, tokens, clauses, clause, ci, cand, counting)
            if after_count is not None:
                # "On Tuesday, four weeks after the fire, police arrested a man": the arrest's day
                trig = next((t for t in triggers if after_count.first <= t.first and t.head <= after_count.last),
                            None)
                if trig is None:
                    fb = _fallback_verb(tokens, after_count)
                    if fb is None:
                        continue
                    trig = _domain_trigger(tokens, after_count, fb)
                    triggers.append(trig)
                    clause_of[id(trig)] = next(c for c in clauses if c.first <= fb <= c.last)
            elif opening is not None and ci < opening and not any(t.head < opening for t in triggers):
                # "Built in 1842 by local families ..., the chapel was restored a decade ago": the
                # participle's phrase dates the participle, not the verb of the clause after it
                trig = _domain_trigger(tokens, clause, 0)
                triggers.append(trig)
                clause_of[id(trig)] = clause
            else:
                trig = _attach(tokens, triggers, clause, ci, cand)
            if _resumes_after_a_relative(tokens, clause, ci):
                trig = _verb_of_clause_before(triggers, clauses, clause) or trig
            if trig is not None and not _owned_by(text, tokens, cand, trig) \
                    and (own := _unlisted_verb_nearer(tokens, clause, ci, trig)) is not None:
                trig = _verb_joined_after(tokens, triggers, ci, cand)
                if trig is None:
                    trig = _domain_trigger(tokens, clause, own)
                    triggers.append(trig)
                    clause_of[id(trig)] = clause
            if trig is None:
                trig = _statement_after_its_occasion(tokens, triggers, ci)
            if trig is None and ci > clause.first \
                    and (due := _court_date_ahead(text, tokens, clause.first, ci)) is not None:
                # "He is due back in court on Dec. 12": no trigger but the court's next date
                trig = _domain_trigger(tokens, clause, due)
                triggers.append(trig)
                clause_of[id(trig)] = clause
                ahead.add(id(trig))
            if trig is None:
                fb = _fallback_verb(tokens, clause)
                if fb is None:
                    # "... inspectors took samples at the company's plant on Tuesday": the past verb before it
                    fb = _past_verb_before(tokens, clause, ci, clause.first)
                if fb is None:
                    continue
                trig = _domain_trigger(tokens, clause, fb)
                if fb < ci and (own := _unlisted_verb_nearer(tokens, clause, ci, trig)) is not None:
                    trig = _domain_trigger(tokens, clause, own)  # "have recovered a hoard stolen ... last month"
                triggers.append(trig)
                clause_of[id(trig)] = clause
            if trig.last < ci and (due := _court_date_ahead(text, tokens, trig.last, ci)) is not None:
                # "was remanded in custody to reappear on August 5": the date is the next hearing's
                trig = _domain_trigger(tokens, clause, due)
                triggers.append(trig)
                clause_of[id(trig)] = clause
                ahead.add(id(trig))
            elif trig.last < ci and _gathering_called_ahead(tokens, clause, trig, ci):
                ahead.add(id(trig))
            in_clause = [t for t in triggers if clause_of.get(id(t)) is clause]
            trig = _redirect(tokens, in_clause, trig)
            if trig.pos == "noun":  # "told a media briefing on Tuesday": the date is the statement's
                trig = _statement_of_occasion(tokens, in_clause, trig) or trig
            trig = _deed_at_an_occasion(tokens, in_clause, trig) or trig
            if _UNTIL_BEFORE.search(text, max(0, cand.start - 24), cand.start) and any(
                    tokens[k].low in ("can", "may") and tokens[k].text != "May"
                    for k in range(clause.first, min(ci, clause.last + 1))):
                continue  # "Passengers can rebook free of charge until 31 October": a rule until a date
            if _WINDOW_UP_TO_NOW.search(text, max(0, cand.start - 12), cand.start) and _PAST_PERIOD.match(cand.text):
                statistics.add(id(trig))  # "had risen about 40% over the past year": a statistic, no event
                continue
            if _BY_BEFORE.search(text, max(0, cand.start - 4), cand.start) \
                    and _TALLIED.search(text, tokens[clause.first].start, cand.start) \
                    and _A_NUMBER.search(text, tokens[clause.first].start, cand.start):
                # "had raised $84,000 by this afternoon": a tally, no event; but "a page set up on
                # Saturday had raised ..." keeps its own date
                if not attached.get(id(trig)):
                    statistics.add(id(trig))
                continue
            if attached.get(id(trig)) and _owned_by(text, tokens, attached[id(trig)][-1], trig) \
                    and not POSSESSIVE_AFTER.match(text, cand.end):
                # "revised the magnitude of Wednesday's tremor down to 4.4 yesterday": the
                # possessive dates the noun it owns; the other date, the clause's verb
                other = _attach(tokens, [t for t in triggers if t is not trig], clause, ci, cand)
                fb = _fallback_verb(tokens, clause) if other is None else None
                if fb is not None and fb != trig.head:
                    other = _domain_trigger(tokens, clause, fb)
                    triggers.append(other)
                    clause_of[id(other)] = clause
                trig = other or trig
            dates = attached.setdefault(id(trig), [])
            # one date per trigger, unless coordination repeats the event:
            # "in Lyon on Tuesday and in Paris on Wednesday"
            if dates and dates[-1].text.lower() in _NOW_WORDS:
                dates[-1] = cand  # "will now take place on April 15": the date, not "now"
            elif dates and _dates_a_participle_of_its_object(tokens, trig, dates[-1], cand):
                # "grounded its three other A320s built in the same year on Monday night":
                # the first time dates how the object was made, the second the verb
                dates[-1] = cand
            elif dates and _apposed_date(text, dates[-1], cand):
                dates[-1] = cand  # "a decade ago, in 2012": the date the count stands for
            elif dates and (passive := _passive_of_its_subject(tokens, clause, trig, dates[-1], cand)) is not None:
                # "A hospital hit by a ransomware attack earlier this month reopened its emergency
                # department on Monday": the first time dates what happened to the subject
                agent = next((t for t in triggers if passive < t.head and tokens[t.last].end <= dates[-1].start), None)
                if agent is not None:
                    attached.setdefault(id(agent), []).append(dates[-1])
                dates[-1] = cand
            elif dates and _nearer_before(tokens, clause, dates[-1], cand, trig):
                # "an update installed overnight failed this morning and took down ...":
                # the farther time belongs to a phrase of the subject
                dates[-1] = cand
            elif not dates or _coordinated(tokens, dates[-1], cand):
                dates.append(cand)
        # 2. per clause: dated triggers, and the clause's main trigger when it reports news
        dated_clauses = set()
        for clause in clauses:
            if any(id(t) in attached for t in triggers if clause_of.get(id(t)) is clause):
                dated_clauses.add(clause.first)
        for k_clause, clause in enumerate(clauses):
            if _habitual(text, tokens, clause):
                continue  # "open from 6am to 9pm every day": nothing in it happened once
            in_clause = [t for t in triggers if clause_of.get(id(t)) is clause]
            chosen = [t for t in in_clause if id(t) in attached]
            main = _main_trigger(tokens, in_clause, clause)
            if main is None and not chosen:
                fb = _fallback_verb(tokens, clause)
                if fb is None and in_title:
                    fb = _headline_verb(tokens, clause)  # kept only if the story reports it (pipeline)
                if fb is not None:
                    main = _domain_trigger(tokens, clause, fb)
            if not chosen and k_clause > 0 and _result_clause(tokens, clause):
                # "raised fuel prices in 2019, prompting protests in Nairobi": the result happened then
                before = clauses[k_clause - 1]
                dated_before = {(c.start, c.end): c for t in triggers if clause_of.get(id(t)) is before
                                for c in attached.get(id(t), ())}
                result = next((t for t in in_clause
                               if t.first > clause.first and tokens[t.first - 1].low != "to"), None)
                if result is not None and len(dated_before) == 1:
                    attached[id(result)] = list(dated_before.values())
                    chosen = [result]
            if main is not None and all(main is not t for t in chosen):
                named = _dated_phrase_noun(tokens, main, chosen, attached)
                if named is not None:
                    # "were killed in clashes on Thursday": the date of the event its phrase names
                    attached[id(main)] = attached[id(named)]
                chosen.append(main)
            for trig, cand in [(t, c) for t in sorted(chosen, key=lambda t: t.first)
                               for c in attached.get(id(t)) or [None] if id(t) not in statistics]:
                if trig.pos == "verb":
                    tense, negated = verb_group(tokens, trig, clause)
                    if tense == "none" and sent.heading and _headline_infinitive(tokens, trig, clause):
                        tense = "future"  # "Labour minister to meet union leaders on Thursday"
                    elif tense == "none" and trig.first > clause.first and tokens[trig.first - 1].low in _ARTICLES:
                        # "who got pupils off a burning coach on Tuesday": a participle describing a
                        # thing takes the tense of its clause's verb
                        tense, negated = _noun_tense(tokens, [t for t in in_clause if t is not trig], trig, clause)
                else:
                    tense, negated = _noun_tense(tokens, in_clause, trig, clause)
                if id(trig) in ahead:
                    tense = "future"
                if tense in ("counterfactual", "speculative", "ongoing") or _told_of_anyone(tokens, clause, trig):
                    continue
                no_reply = _NO_REPLY.search(text, tokens[clause.first].start, tokens[clause.last].end)
                if no_reply and tokens[trig.head].start >= no_reply.start():
                    continue  # "did not respond to requests for comment Sunday": nothing happened then
                if trig.pos == "noun" and _occasion_of_a_statement(tokens, in_clause, trig) \
                        or _deed_at_an_occasion(tokens, in_clause, trig):
                    continue  # "said in a statement yesterday": one statement, told by its verb
                if clause.quoted and _witness_story(tokens, clause, trig, tense):
                    continue
                category = _category(tokens, clause, trig, document_words)
                borrows_date = False
                if cand is None and trig is main and trig.pos == "verb" and tense in ("past", "past_perfect") \
                        and not negated:  # "when Russia marks Victory Day": a habit, not an event of that day
                    before = clauses[k_clause - 1] if k_clause > 0 else None
                    dated_before = [c for t in triggers if before is not None and clause_of.get(id(t)) is before
                                    for c in attached.get(id(t), ())]
                    cand = _when_antecedent(tokens, clause, cands, text, dated_before)
                    borrows_date = cand is not None
                if cand is None and entry_time is not None and _reports_entry(
                        tokens, clause, trig, tense, negated, category):
                    cand = entry_time  # the clock heading of its live-page entry dates it
                only_if_matched = cand is None and (category == "other" or not _reports_news(
                    tokens, clause, trig, tense, negated, sent, lead_words))
                needs_its_count = only_if_matched and not in_title and not negated \
                    and _counted_from_an_event_after(text, tokens, clause, trig, counting)
                only_if_matched = only_if_matched and not needs_its_count
                if only_if_matched and not (in_title and trig is main and not negated):
                    continue
                if cand is None and _MEASURED_OVER_A_WINDOW.search(text, tokens[clause.first].start,
                                                                   tokens[clause.last].end):
                    continue  # "have lost a third of their value over the past 12 months": a statistic
                if cand is None and clause.resumed and k_clause > 0 and clauses[k_clause - 1].first in dated_clauses:
                    # "The quake, which struck on March 12, killed 11 people": the
                    # subject's own date was given; today's date would be a guess
                    continue
                if cand is None and (trig.light or trig.lemma in load().light_verbs
                                     or (trig.lemma in load().context_verbs and category in ("accident", "attack"))) \
                        and any(t.pos == "noun" and t.last < trig.first and id(t) in attached for t in in_clause):
                    # ("Over the weekend, storms killed three people": the harm is the dated storm's)
                    # "Two acts of sabotage have occurred in recent days": the dated noun is the
                    # event the light verb says took place; undated, the verb would be a second one
                    continue
                draft = _draft(document, text, sent, tokens, clauses, clause, trig, category, cand, tense,
                               index=len(drafts), borrows_date=borrows_date, in_title=in_title and cand is None,
                               only_if_matched=only_if_matched, needs_its_count=needs_its_count)
                drafts.append(draft)
                draft_of_trigger.setdefault(id(trig), draft)
                if clause.parent is not None:
                    pending_parent.append((draft, clause.parent))
        for offset in counting:
            if sent.start <= offset.start < sent.end:
                _date_counted_event(document, text, sent, tokens, triggers, clauses, cands, offset, drafts,
                                    document_words)
        for cand in cands:
            if cand.rule == "eve_of_holiday":
                _date_occasion_of_eve(document, text, sent, tokens, clauses, cands, cand, drafts)
    # complements link to their statement once every statement is known (a
    # quotation often comes before its "… the Kremlin said")
    for draft, parent in pending_parent:
        draft.statement = draft_of_trigger.get(id(parent))
    for draft in drafts:
        subject = draft.statement.speaker if draft.statement else None
        draft.headline = headline_for(draft.extra["tokens"], draft.extra["clause"], draft.extra["trigger"], subject,
                                      draft.extra.pop("subject_span", None))
        del draft.extra["tokens"], draft.extra["clause"], draft.extra["trigger"]
    return drafts


# a quoted clause in which the speaker takes part is a witness's own story ("I joined the
# queue at 4am", "He told me in 1990", "played at my wedding"), not the news the
# article dates. "We" and "us" tell a group's own past too ("We were told on Sunday"),
# but what a group plans is news ("We will appeal next week"), and a named event
# it recalls is not its story ("After the 2019 earthquake we learned ...").
_FIRST_PERSON_SINGULAR = frozenset({"me", "my", "mine", "myself"})
_FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})


def _told_of_anyone(tokens: list[Token], clause: Clause, trig: Trigger) -> bool:
    """An appeal's "anyone who saw a boat setting a net on Saturday", "whoever took the
    eggs": what anyone may have done, no event (but "appealed for anyone who was near
    the park" is the appeal)."""
    for k in range(max(0, clause.first - 1), trig.first):
        low = tokens[k].low
        if low == "whoever" or low in ("anyone", "anybody") and k + 1 < len(tokens) \
                and tokens[k + 1].low in ("who", "that", "with"):
            return True
    return False


def _witness_story(tokens: list[Token], clause: Clause, trig: Trigger, tense: str) -> bool:
    words = [tokens[k] for k in range(clause.first, clause.last + 1)]
    if any(t.low in _FIRST_PERSON_SINGULAR or t.text == "I" or t.low.startswith(("i'", "i’")) for t in words):
        return True
    return trig.pos == "verb" and tense != "future" and any(t.low in _FIRST_PERSON_PLURAL for t in words)


def _occasion_of_a_statement(tokens: list[Token], in_clause: list, trig: Trigger) -> bool:
    return _statement_of_occasion(tokens, in_clause, trig) is not None


def _statement_of_occasion(tokens: list[Token], in_clause: list, trig: Trigger) -> Trigger | None:
    """The speech verb whose occasion a speech noun names: "said in a statement", "said
    in a press release", "told the jury in her closing address" say how the statement
    was made, not a second one."""
    if trig.lemma not in load().speech_nouns and trig.category != "statement":
        return None
    for t in in_clause:
        if not (t.speech and t.pos == "verb" and t.last < trig.first):
            continue
        between = [tokens[k] for k in range(t.last + 1, trig.first)]
        if len(between) <= 3 and all(b.low in _OCCASION_LEAD_INS for b in between):
            return t
        # "told" names its audience first: "told a media briefing", "told MPs at a hearing"
        if t.lemma == "tell" and len(between) <= 6 and all(b.text[:1].isalnum() and b.low != "that" for b in between):
            return t
    return None


_GATHERINGS = frozenset("hearing meeting session".split())
# ... the gatherings one calls or sets a day for, and the verbs that do it
_CALLABLE = _GATHERINGS | frozenset("meetings talks vigil summit conference rally sentencing trial march protest "
                                    "debate vote".split())
_CALLS_FOR = frozenset("called summoned invited convened set fixed scheduled".split())


def _deed_at_an_occasion(tokens: list[Token], in_clause: list, trig: Trigger) -> Trigger | None:
    """The verb done at the gathering a noun names: "rejected the plan at a public hearing on
    Oct. 23", "approved the budget at a meeting on Tuesday": the date is the deed's."""
    if trig.first != trig.last or tokens[trig.first].low not in _GATHERINGS:
        return None  # (a noun, or "meeting" read as a verb)
    k = trig.first - 1
    while k >= 0 and trig.first - k <= 3 and tokens[k].low != "at" and tokens[k].text.isalpha() \
            and tokens[k].text.islower():
        k -= 1  # "at a public hearing", "at its monthly meeting"
    if k < 0 or tokens[k].low != "at":
        return None
    return next((t for t in reversed(in_clause) if t.pos == "verb" and t.last < k), None)


def _headline_infinitive(tokens: list[Token], trig: Trigger, clause: Clause) -> bool:
    """A headline's "Subject to <verb>": what is to happen, written with no finite verb."""
    to = trig.first - 1
    if to <= clause.first or tokens[to].low != "to":
        return False
    before = tokens[to - 1]
    return before.low not in load().verb_forms and not before.low.endswith("ed") and before.text.isalpha()


def _habitual(text: str, tokens: list[Token], clause: Clause) -> bool:
    """Whether the clause tells a habit, not something that happened once (not
    a habit only planned: "began a strike over plans to make them work on Sundays")."""
    start = tokens[clause.first].start
    return any(not _PLANNED_HABIT.search(text, start, m.start())
               for m in _HABITUAL.finditer(text, start, tokens[clause.last].end))


# a plan, proposal or demand, and the infinitive it wants, a few words before the habit
_PLANNED_HABIT = re.compile(r"\b(?:plans?|proposals?|bids?|moves?|orders?|demands?|calls?)\s+to\s+[a-z]+"
                            r"(?:\s+[\w'-]+){0,5}\s+$", re.IGNORECASE)


def _draft(document: str, text: str, sent: Sentence, tokens: list[Token], clauses: list[Clause], clause: Clause,
           trig: Trigger, category: str, cand: Candidate | None, tense: str, **flags) -> Draft:
    speaker = _speaker(tokens, trig, clause) if trig.speech or category == "statement" else None
    a, b = tokens[trig.first].start, tokens[trig.last].end
    head_clause = clause
    if trig.speech:
        # a statement's headline says what was said: run on into its complement
        follow = [c for c in clauses if c.parent is trig and c.first > clause.last]
        if follow:
            head_clause = Clause(clause.first, follow[-1].last)
    draft = Draft(
        document=document, sentence=sent, trigger=text[a:b], trigger_span=(a, b),
        category=category, candidate=cand, tense=tense,
        keywords=keywords_of(tokens, 0, len(tokens) - 1),
        participants=participants_of(tokens, 0, len(tokens) - 1) | (
            {SPEAKER_MARK + speaker} if speaker else frozenset()),
        headline="", speaker=speaker, is_statement=trig.speech and category == "statement",
        clause_span=(tokens[clause.first].start, tokens[clause.last].end), **flags,
    )
    draft.extra["tokens"] = tokens
    draft.extra["clause"] = head_clause
    draft.extra["trigger"] = trig
    if clause.subject_end is not None:
        # "The minister, who took office in March, resigned on Tuesday": the subject before the insertion
        opening = next((c for c in clauses if c.first <= clause.subject_end - 1 <= c.last), None)
        if opening is not None:
            draft.extra["subject_span"] = (opening.first, clause.subject_end)
    return draft


# "four days after thieves broke in", "two weeks before the vote": an amount counted from an event
_COUNTS_FROM_EVENT = re.compile(r"\s+(?P<dir>after|before|ahead\s+of|prior\s+to|following)\s+", re.IGNORECASE)


def counts_from_an_event(text: str, offset: Candidate) -> bool:
    """Whether an amount counts from the event after it: "two days after talks broke down"."""
    return _COUNTS_FROM_EVENT.match(text, offset.end) is not None


# "It is two days since the sea wall gave way": an amount up to now, counted back from the article's day
_SINCE_AFTER = re.compile(r"\s+(?P<dir>since)\s+", re.IGNORECASE)
# ... and "Tomorrow marks one year since the trawler went down": from the day that marks it
_IT_IS_NOW = re.compile(r"\b(?:it(?:\s+is|['’]s|\s+has\s+been|['’]s\s+been)|marks)"
                        r"\s+(?:now\s+|exactly\s+|just\s+)?$", re.IGNORECASE)


# "on the first anniversary of the fire", "the 10th anniversary of the crash": whole years counted
# from an event, to the day (not a time expression: TimeML tags none)
_ANNIVERSARY = re.compile(r"\b(?:on\s+)?the\s+(?P<nth>[a-z]+|\d{1,3}(?:st|nd|rd|th))\s+anniversary(?=\s+of\s)",
                          re.IGNORECASE)
_ANNIVERSARY_OF = re.compile(r"\s+(?P<dir>of)\s+", re.IGNORECASE)
ANNIVERSARY_RULE = "anniversary"


def _anniversaries(text: str) -> list[Candidate]:
    """An amount, in the shape of an offset ("a year after"), for each anniversary of an event."""
    lex = load_timex_lexicon()
    out = []
    for m in _ANNIVERSARY.finditer(text):
        n = lex.ordinal_of(m.group("nth"))
        if n is not None and n > 0:
            out.append(Candidate(m.start(), m.end(), m.group(0), ANNIVERSARY_RULE, "DATE",
                                 {"num": str(n), "unit": "years", "dir2": "after"}))
    return out


# a sentence told as of the article's own day: present or present perfect
_TOLD_AS_NOW = re.compile(r"\b(?:is|are|am|has|have|remains?|still)\b", re.IGNORECASE)


# what may stand before an amount that opens its sentence: "Exactly four days after the raid, ..."
_OPENING_WORDS = re.compile(r"[\s\"'“‘(]*(?:(?:but|and|yet|so|exactly|just|only|almost|nearly|some|about|barely|"
                            r"precisely|less\s+than|more\s+than|then)\s+)*", re.IGNORECASE)


# "about", "nearly": an amount near the one said; "more than", "up to": a bound
_ABOUT_WORDS = ("nearly", "almost", "about", "around", "some", "roughly", "approximately")
_ABOUT = re.compile(rf"\b(?:{'|'.join(_ABOUT_WORDS)})\s+$", re.IGNORECASE)
_APPROXIMATELY = re.compile(rf"\b(?:more|less|fewer)\s+than\s+$|\b(?:over|under|{'|'.join(_ABOUT_WORDS)}|"
                            r"at\s+least|at\s+most|up\s+to)\s+$", re.IGNORECASE)


_FOR_A_SPAN = re.compile(r"\bfor\s+$", re.IGNORECASE)


def _after_for(text: str, cand: Candidate) -> bool:
    """"for the winter", "for 2018": what a thing lasts or is for."""
    return bool(_FOR_A_SPAN.search(text, max(0, cand.start - 8), cand.start))


def _a_season_of_a_thing(tokens: list[Token], k: int) -> bool:
    """"went down in a winter storm", "missing from their winter barn": a season between "a" or a
    possessive and a noun says what kind, not when."""
    return tokens[k].low in load_timex_lexicon().seasons and k > 0 and tokens[k - 1].low in _A_OR_POSSESSIVE \
        and k + 1 < len(tokens) and tokens[k + 1].text.isalpha() and tokens[k + 1].text.islower()


_A_OR_POSSESSIVE = frozenset({"a", "an"}) | _POSSESSIVES
# what opens a clause that tells more of the counted event: a relative clause, or a cause or
# circumstance ("after the paper was withdrawn because images of it had leaked")
_RELATIVE_AFTER_A_NOUN = frozenset({"that", "which", "who", "whose", "because", "when", "while", "although",
                                    "though", "until"})


def _a_modifier_after_an_article(tokens: list[Token], trig: Trigger) -> bool:
    """"a flying gazebo": a verb's -ing form between an article and a noun modifies the noun."""
    k = trig.first
    return trig.pos == "verb" and trig.first == trig.last and tokens[k].low.endswith("ing") and k > 0 \
        and tokens[k - 1].low in _ARTICLES and k + 1 < len(tokens) and tokens[k + 1].text.isalpha() \
        and tokens[k + 1].text.islower()


def _counted_from_an_event_after(text: str, tokens: list[Token], clause: Clause, trig: Trigger,
                                 counting: list[Candidate]) -> bool:
    """"Rescuers found the boy two days after the slide": an amount after the trigger, in
    its clause, that counts from an event dates it (`_date_counted_event`), as a time would."""
    return any(tokens[trig.last].end <= c.start < tokens[clause.last].end
               and counts_from_an_event(text, c) for c in counting)


def _date_counted_event(document, text, sent, tokens, triggers, clauses, cands, offset, drafts,
                        document_words) -> None:
    """Date the event an amount counts from by the sentence's own date: in "were
    remanded on Friday, four days after thieves broke into the museum", the
    break-in was on the Tuesday.  Its draft (made now, or the undated one the
    clause already gave it) carries the offset and the date it counts back from."""
    m = _ANNIVERSARY_OF.match(text, offset.end) if offset.rule == ANNIVERSARY_RULE \
        else _COUNTS_FROM_EVENT.match(text, offset.end) or _SINCE_AFTER.match(text, offset.end)
    approximate = offset.fields.get("approx") or _APPROXIMATELY.search(text, max(0, offset.start - 20), offset.start)
    about = str(offset.fields.get("approx", "")).lower() in _ABOUT_WORDS \
        or _ABOUT.search(text, max(0, offset.start - 20), offset.start)
    if approximate and not (counts_clock_time(offset) and about):
        # "a little more than a day before": no day to count to; "more than 11 hours after it started", a
        # bound, no hour (but "about 90 minutes after the first impact" says its hour)
        return
    if _after_for(text, offset):
        return  # "banned for ten years after a panel found ...": how long, then why
    first = next((k for k, t in enumerate(tokens) if t.start >= m.end()), None)
    if first is None:
        return
    last = first
    # "12 weeks after the radar failure that grounded flights": the relative clause tells more of
    # what is counted from, and a date in it is its own ("the bomb that emptied the town in April")
    # (`_RELATIVE_AFTER_A_NOUN`)
    lex = load()
    while last + 1 < len(tokens) and tokens[last + 1].text[0].isalnum() \
            and not (tokens[last + 1].low in _RELATIVE_AFTER_A_NOUN and last > first) \
            and not _the_main_clause_goes_on(tokens, first, last, lex):
        last += 1
    # ("17 days after a bull injured six people during the Pioneer Day Rodeo": a holiday names the
    # occasion, and the count says the same day)
    holidays = [c for c in cands if c.rule == "holiday" and tokens[first].start <= c.start < tokens[last].end]
    # ("eight months after a power failure left 74 people stranded overnight": a night, an hour or a
    # part of the day with no day of its own tells when in the counted day)
    dayless = [c for c in cands if tokens[first].start <= c.start < tokens[last].end and _names_no_day(c)]
    if any(t.time and not _a_season_of_a_thing(tokens, k)
           and not any(h.start <= t.start < h.end for h in holidays + dayless)
           for k, t in enumerate(tokens[first:last + 1], first)):
        return  # "days after the scandal broke on Monday": the event has a date of its own
    phrase = Clause(first, last)
    # ("two days after a steel leg of a flying gazebo struck her": "flying" is the gazebo's)
    trig = next((t for t in triggers if first <= t.head <= last and not _a_modifier_after_an_article(tokens, t)),
                None)
    if trig is not None and trig.pos == "noun":
        # "13 days after a rider was swept to his death": the verb, not the noun it leads to (but
        # "after villagers lodged their appeal", "logged off in protest": the noun names the event)
        fb = _fallback_verb(tokens, phrase, COUNTED_SUBJECT_MAX_TOKENS)
        if fb is not None and fb < trig.first and any(t.low in ("to", "into") for t in tokens[fb + 1:trig.first]):
            trig = _domain_trigger(tokens, phrase, fb)
    if trig is None:
        # the phrase after "after" is one clause, whose subject may be long: "a year to the day after
        # the wall of the Cefn Du quarry pit burst"
        fb = _fallback_verb(tokens, phrase, COUNTED_SUBJECT_MAX_TOKENS)
        if fb is None:
            fb = _counted_noun(tokens, phrase)
        if fb is None:
            return
        trig = _domain_trigger(tokens, phrase, fb)
    # the date it counts from: the sentence's own, before the amount ("on Friday, four days
    # after"), else after the event ("Four days after the raid, police on Friday ...")
    # ("ordered ... drivers it blocked during February's strike, ruling five months after":
    # a date that owns a noun dates that noun only)
    # (but "Wednesday's decision came eight days after": a date owning the sentence's subject dates its clause)
    before = [c for c in cands if c.end <= offset.start and (
        not POSSESSIVE_AFTER.match(text, c.end) or _OPENING_WORDS.fullmatch(text, sent.start, c.start))]
    # a date after the event is the sentence's only when the amount opens it: in "a man arrested
    # two days after the fire, was released on September 16" the date is the release's
    opens = _OPENING_WORDS.fullmatch(text, sent.start, offset.start) is not None
    after = [c for c in cands if c.start >= tokens[last].end] if opens else []
    if len(before) > 1 and before[-1].rule == "holiday" and text[before[-2].end:before[-1].start].strip() == "," \
            and (before[-2].rule in ("day_relative", "weekday") or before[-2].fields.get("weekday")):
        # "at 6 a.m. yesterday, Memorial Day, a year to the day after": the holiday is apposed to
        # the day the article counts from
        before.pop()
    base = before[-1] if before else (after[0] if after else None)
    if approximate and base is not None and base.rule != "time_of_day":
        return  # "on Monday, about 20 hours after": no hour to count from, and so no day
    told_before = False
    subject = _A_SUBJECT_TOLD_BEFORE.fullmatch(text, sent.start, offset.start) if base is None and not opens else None
    if subject is not None:
        # "Track NZ announced on Tuesday ... The decision came five days after the roof collapsed":
        # the decision is the last sentence's news, and the amount counts from its day
        base = _date_of_the_sentence_before(text, sent, drafts, subject.group("subject"))
        told_before = base is not None
    if base is None and offset.rule == ANNIVERSARY_RULE:
        return  # "the first anniversary of the fire is on Sunday": no day told to count back from
    sign = 1 if m.group("dir").lower().startswith(("before", "ahead", "prior")) else -1
    span = (tokens[trig.first].start, tokens[trig.last].end)
    # with no date of its own, a sentence in the present counts from the article's day
    # (base None): "Five days after the cyclone tore through the coast, families are still ..."
    if base is None and m.group("dir").lower() != "since" and not _TOLD_AS_NOW.search(text, sent.start, offset.start) \
            and not (opens and _TOLD_AS_NOW.search(text, tokens[last].end, sent.end)):
        if not opens:
            # "Police arrested the driver two days after the fire": the arrest counts from the fire
            told = [d for d in drafts if sent.start <= d.trigger_span[0] and d.trigger_span[1] <= offset.start
                    and d.clause_span[0] <= offset.start <= d.clause_span[1]]
            if told and told[-1].candidate is None and told[-1].counted is None:
                told[-1].after_event = AfterEvent(offset, trigger_stems(text[span[0]:span[1]]), -sign,
                                                  m.end("dir"))
        return
    counted = CountedDate(offset, base, sign, m.end("dir"), keywords_of(tokens, first, last),
                          participants_of(tokens, first, last), told_before)
    for other in drafts:
        if other.candidate in dayless and other.trigger_span != span \
                and tokens[first].start <= other.trigger_span[0] < tokens[last].end:
            # ("after a power failure left 74 people stranded overnight": the night is the counted day's)
            other.candidate, other.counted = None, counted
    same = next((d for d in drafts if d.trigger_span == span), None)
    if same is not None:
        if same.candidate is None or same.candidate is base or same.candidate.start >= tokens[last].end \
                or same.candidate in holidays or same.candidate in dayless:
            # undated, or given the date its amount counts from ("Four days after the explosion,
            # investigators on Friday ...": Friday is the investigators'), or one after what is counted
            # from ("after a dredger brought up the bomb that emptied the town in April")
            same.candidate, same.counted, same.only_if_matched, same.in_title = None, counted, False, False
        return
    draft = _draft(document, text, sent, tokens, clauses, phrase, trig,
                   _category(tokens, phrase, trig, document_words), None, "past", index=len(drafts))
    draft.counted = counted
    drafts.append(draft)


def _the_main_clause_goes_on(tokens: list[Token], first: int, last: int, lex) -> bool:
    """"arrested at his home two days after the fire and charged on September 13": after
    a counted noun with no verb of its own, "and" and a past form go on with the main
    clause, not with what is counted from ("after thieves broke in and stole ...")."""
    return last + 2 < len(tokens) and tokens[last + 1].low in ("and", "but") \
        and _past_form(tokens[last + 2].low, lex) \
        and not any(_past_form(t.low, lex) for t in tokens[first:last + 1])


def _names_no_day(cand: Candidate) -> bool:
    """"overnight", "at 10.40pm", "in the early hours": a time that says when in a day
    but not which day."""
    named = {k for k, v in cand.fields.items() if v}
    if cand.rule == "day_relative":
        return named == {"word"} and str(cand.fields["word"]).lower() == "overnight"
    return cand.rule in ("time_of_day", "part_of_day_anaphoric") \
        and not named & {"weekday", "day", "month", "year", "word", "rel"}


# "The decision came", "His arrest comes": a subject that names the news just told, before an amount
_A_SUBJECT_TOLD_BEFORE = re.compile(r"[\s\"'“‘(]*(?:the|this|that|his|her|its|their)\s+"
                                    r"(?P<subject>(?:[a-z]+\s+){1,2}?)"
                                    r"(?:came|comes|followed|follows)\s+(?:just\s+|only\s+|exactly\s+)?",
                                    re.IGNORECASE)
_SENTENCE_END_BETWEEN = re.compile(r"[.!?]")


def _date_of_the_sentence_before(text: str, sent, drafts: list, subject: str) -> Candidate | None:
    """The date of the report told as done in the sentence just before `sent` that
    its subject names ("Investigators searched ... on Friday ... The search came"),
    else of its first (the main clause's, before what it recalls: "the fire that
    destroyed part of its factory nine days ago")."""
    before = [d for d in drafts if d.sentence.end <= sent.start]
    if not before or _SENTENCE_END_BETWEEN.search(text, before[-1].sentence.end, sent.start):
        return None
    last = before[-1].sentence
    told = [d for d in before if d.sentence is last and d.candidate is not None and d.counted is None
            and d.tense in ("past", "perfect")]
    stems = trigger_stems(subject)
    named = [d for d in told if stems & trigger_stems(d.trigger)]
    return (named or told)[0].candidate if told else None


def _counted_noun(tokens: list[Token], phrase: Clause) -> int | None:
    """The head of the noun phrase an amount counts from when no lexicon word or
    verb tells it: in "five days after the Roundhay Park show" only a
    happening can be counted from, so "show" names one.  A bare noun after an
    article, before the phrase goes on ("of", "in", a comma); a capitalized
    head is a name ("the Grand National"), not a word we can match."""
    if tokens[phrase.first].low not in _ARTICLES:
        return None
    head = None
    for k in range(phrase.first + 1, phrase.last + 1):
        if _is_possessive(tokens[k].low) and tokens[k].low[:-2].isalpha() and k < phrase.last:
            head = None  # "after the club's shootout win": the owner's noun phrase goes on
            continue
        if _A_COMPOUND_MODIFIER.fullmatch(tokens[k].low) and k < phrase.last:
            continue  # "19 days after his deadline-day move"
        if tokens[k].low in STOPWORDS or tokens[k].low in _PREPOSITIONS or not tokens[k].text.isalpha():
            break
        head = k
    if head is None or not tokens[head].text.islower() or len(tokens[head].text) < 3 \
            or (head < phrase.last and tokens[head + 1].low == "of"):
        return None  # "after the end of a hearing": the noun it counts from is further on
    return head


_DATE_RESTATED = re.compile(r",?\s+on\s+")


def _date_occasion_of_eve(document, text, sent, tokens, clauses, cands, eve, drafts) -> None:
    """"carried out on the eve of the Victory Day parade on May 9": the date after
    an eve restates the occasion's own day, so the event noun the eve names
    ("parade", "celebrations") is an event of that day."""
    m = _DATE_RESTATED.match(text, eve.end)
    day = next((c for c in cands if m is not None and c.start == m.end()), None)
    if day is None or any(d.candidate is day for d in drafts):
        return
    lex = load()
    inside = [k for k, t in enumerate(tokens) if eve.start <= t.start and t.end <= eve.end]
    named = next((k for k in reversed(inside) if tokens[k].low in lex.noun_category), None)
    if named is None:
        return
    clause = next((c for c in clauses if c.first <= named <= c.last), None)
    if clause is None:
        return
    trig = Trigger(named, named, named, tokens[named].low, lex.noun_category[tokens[named].low], "noun")
    drafts.append(_draft(document, text, sent, tokens, clauses, clause, trig, trig.category, day, "none",
                         index=len(drafts)))


POSSESSIVE_AFTER = re.compile(r"['’]s\b")  # "Tuesday's", "last year's"
# the dates printed on a product, which say which batches, not when anything happened
_PRODUCT_DATE_BEFORE = re.compile(
    r"\b(?:best[- ]before|best[- ]by|use[- ]by|sell[- ]by|expiry|expiration|lot)\s+(?:dates?|codes?)\s+"
    r"(?:of\s+|between\s+|from\s+|up\s+to\s+|through\s+|until\s+|to\s+|before\s+)?$", re.IGNORECASE)
_RANGE_JOINER = re.compile(r"\s*(?:and|to|through|-|–)\s*", re.IGNORECASE)
_POSSESSOR_REACH = 30  # characters: "Tuesday's magnitude 6.1 quake", not a noun a clause away


_NOW_WORDS = frozenset({"now", "currently", "at present", "at the moment", "right now"})
_DAY_OF_A_MONTH = frozenset({"month_day", "day_month"})
# what may stand between a holiday's name and its date: "Independence Day, August 24",
# "Victory Day (May 9)", "Independence Day falls on August 24 this year"
_HOLIDAY_TO_ITS_DATE = re.compile(r"\s*(?:[,(]|\s(?:falls|fell|is|was|will\s+be)\s+on|\s+on)?\s*", re.IGNORECASE)
_EVENT_PHRASE_PREPOSITIONS = frozenset("in during at amid by".split())


TITLE_LINES_MAX = 3  # a kicker, the headline and a deck; a page of short lines is no headline


def _title_lines(parsed) -> set[int]:
    """The starts of the headline lines above the story ("Ferry sinks off Zanzibar"),
    the kicker and deck included: the first headings before the first sentence of the story."""
    starts = set()
    for sent, *_ in parsed:
        if (sent.is_story and not sent.heading) or len(starts) == TITLE_LINES_MAX:
            break
        if sent.is_story:
            starts.add(sent.start)
    return starts


def _season_of_a_thing(tokens: list[Token], triggers: list[Trigger], cand: Candidate, ci: int,
                       cands: list[Candidate]) -> bool:
    """A bare season before a noun that names no event says which thing, not when:
    "its summer programme", "winter tyres" ("a spring offensive" is the
    offensive's season, and dates it, unless the sentence gives a date of
    another kind: "lost 46 containers in a winter storm overnight on Sunday").
    "The summer" is a time of its own."""
    if cand.rule != "season" or len(cand.text.split()) != 1:
        return False
    k = next((j for j in range(ci, len(tokens)) if tokens[j].start >= cand.end), None)
    if k is None or not tokens[k].text.isalpha() or not tokens[k].text.islower() or tokens[k].low in STOPWORDS:
        return False
    if not any(t.pos == "noun" and t.first <= k <= t.last for t in triggers):
        return True
    return any(other.rule != "season" for other in cands)


_KIND_WEEKDAY_BEFORE = re.compile(r"(?:^|[\n.!?:;]\s*|,\s+"
                                  r"|\b(?:the|a|an|its|his|her|their|our|for|of|about|with|and)\s+)$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]*)\b")


def names_a_kind(text: str, cand: Candidate) -> bool:
    """A time expression that says which kind of thing, not when anything
    happened: a weekday opening a noun phrase (`weekday_names_a_kind`), or a
    century compounded before a noun ("a fire that destroyed a 19th-century
    chapel": the chapel's age, not the fire's date)."""
    if cand.rule == "century" and cand.text.lower().endswith("-century"):
        return re.match(r"[ \t]+[A-Za-z]", text[cand.end:cand.end + 3]) is not None
    return weekday_names_a_kind(text, cand)


def weekday_names_a_kind(text: str, cand: Candidate) -> bool:
    """A bare weekday that opens a noun phrase before a noun that names no event
    says which kind of thing, not when: "Sunday opening will start in September",
    "time and a half for Sunday shifts" ("the Tuesday meeting" is the meeting's
    day, "Saturday's clinic" the clinic's, and "said Sunday" says when)."""
    if cand.rule != "weekday" or " " in cand.text.strip() \
            or not _KIND_WEEKDAY_BEFORE.search(text, max(0, cand.start - 12), cand.start):
        return False
    after = _WORD_AFTER.match(text, cand.end)
    if after is None:
        return False
    low, lex = after.group(1), load()
    if low in STOPWORDS or low.endswith("ed") or (low in lex.verb_forms and not low.endswith("ing")):
        return False  # "Tuesday saw the first ...": the weekday is the subject, a time
    if low.endswith("ing"):
        # "Sunday opening will start", "chosen for Sunday opening.": a noun; not the participle
        # in "spent most of Sunday ferrying residents"
        then = _WORD_AFTER.match(text, after.end())
        if not (re.match(r"\s*[.,;:]", text[after.end():after.end() + 3])
                or then is not None and then.group(1) in _FUTURE | _MODAL | _AUX_PRESENT | _AUX_PAST | _AUX_PERFECT):
            return False
    return low not in lex.noun_category


# ", prompting protests", ", sparking a riot": a participle that opens what the clause before caused
_RESULT_PARTICIPLES = frozenset("prompting sparking triggering causing forcing".split())


def _result_clause(tokens: list[Token], clause: Clause) -> bool:
    first = clause.first
    return first > 0 and tokens[first - 1].low == "," and tokens[first].low in _RESULT_PARTICIPLES


_WHOLE_YEAR_OR_MONTH_RULES = frozenset({"year", "month_year", "month"})
_WHEN_OR_AFTER_NEXT = re.compile(r"\s*,?\s+(?:when|after)\b", re.I)


def _when_antecedent(tokens: list[Token], clause, cands: list[Candidate], text: str,
                     dated_before: list[Candidate]) -> Candidate | None:
    """"announced Jan. 27, when it reported its results", "In 2019, ten people were
    killed when a slag heap collapsed": a when-clause tells what happened at the date
    set right before it, or else at the one date of the clause it follows.  What came
    right "after" a year or a month falls in it too ("was replaced in 2016 after a storm
    damaged it"); after a day it may be days earlier."""
    def opening(word: str) -> int | None:
        return next((k for k in (clause.first, clause.first - 1) if 0 <= k < len(tokens) and tokens[k].low == word),
                    None)

    def right_before(k: int, rules=None) -> Candidate | None:
        return next((c for c in cands if (rules is None or c.rule in rules)
                     and (m := _WHEN_OR_AFTER_NEXT.match(text, c.end)) and m.end() == tokens[k].end), None)
    when = opening("when")
    one_before = dated_before[0] if len({(c.start, c.end) for c in dated_before}) == 1 else None
    if when is None:
        after = opening("after")
        if after is None:
            return None
        # ("In 2011, 22 players were treated in hospital after a resurfacer leaked carbon monoxide")
        return right_before(after, _WHOLE_YEAR_OR_MONTH_RULES) \
            or (one_before if one_before is not None and one_before.rule in _WHOLE_YEAR_OR_MONTH_RULES else None)
    found = right_before(when)
    if found is not None:
        return found
    return one_before


def _dated_phrase_noun(tokens: list[Token], verb: Trigger, dated: list[Trigger], attached: dict) -> Trigger | None:
    """The dated event noun of the verb's own phrase ("killed in clashes with police on
    Thursday", "died in an ambush on Sunday", a passive's agent: "destroyed by fire two
    weeks ago"): right after the verb, behind a preposition and at most a determiner and
    a modifier, else None."""
    if verb.pos != "verb":
        return None
    for noun in dated:
        if noun.pos != "noun" or id(noun) not in attached or noun.first <= verb.last:
            continue
        between = [t.low for t in tokens[verb.last + 1:noun.first]]
        # "lost 80 pipes in a similar raid two years ago": past a short object first
        lead = next((k for k, w in enumerate(between) if w in _EVENT_PHRASE_PREPOSITIONS), None)
        if lead is None or lead > OBJECT_BEFORE_PHRASE_TOKENS or len(between) - lead > 3 \
                or not all(w.replace(",", "").isalnum() and w not in load().verb_forms and w not in _PREPOSITIONS
                           for w in between[:lead]):
            continue
        if all(w.isalpha() and w not in load().verb_forms for w in between[lead + 1:]):
            return noun
    return None


OBJECT_BEFORE_PHRASE_TOKENS = 3


def _nearer_before(tokens: list[Token], clause, earlier: Candidate, later: Candidate, trig: Trigger) -> bool:
    """Both times stand before the verb they were attached to, the later one
    nearer to it, and the earlier one does not open the clause ("Last night
    the regime ..."), which would date the whole clause."""
    verb_start = tokens[trig.first].start
    if not (earlier.end <= later.start and later.end <= verb_start):
        return False
    before = [t.low for t in tokens[clause.first:clause.last + 1]
              if t.end <= earlier.start and t.text[:1].isalnum()]
    return any(w not in _OPENING_PREPOSITIONS for w in before)


def _passive_of_its_subject(tokens: list[Token], clause, trig: Trigger, earlier: Candidate,
                            later: Candidate) -> int | None:
    """Where the participle is, when the earlier time stands before the verb, after
    a participle and "by" that describe the subject ("A hospital hit by a ransomware
    attack earlier this month"), or in a participle's phrase set off by a comma
    ("The novel, set in a Pune village during the plague of 1897, was published in
    November"), and the later one after the verb: each dates its own event."""
    verb_start, verb_end = tokens[trig.first].start, tokens[trig.last].end
    if trig.pos != "verb" or not (earlier.end <= verb_start and later.start >= verb_end):
        return None
    return next((k for k in range(clause.first + 1, clause.last)
                 if tokens[k + 1].end <= earlier.start and _participle_form(tokens[k].low)
                 and (tokens[k + 1].low == "by" or tokens[k - 1].text == "," and tokens[k + 1].low in _PREPOSITIONS)),
                None)


def _dates_a_participle_of_its_object(tokens: list[Token], trig: Trigger, earlier: Candidate,
                                      later: Candidate) -> bool:
    """Both times follow the verb, and the earlier one is the complement of a
    participle after its object ("A320s built in the same year", "cars made
    at the plant in 2019"), not of the verb itself. Times joined by a
    conjunction or a span's "and"/"to" are left as they are."""
    if trig.pos != "verb" or not (tokens[trig.last].end <= earlier.start and earlier.end <= later.start):
        return False
    first = next((k for k, tok in enumerate(tokens) if tok.start >= earlier.start), None)
    if first is None or any(not tok.text.isalnum() or tok.low in _JOINING_TIMES
                            for tok in tokens if earlier.end <= tok.start and tok.end <= later.start):
        return False
    lex = load()
    for k in range(first - 1, trig.last + 1, -1):  # back over the participle's phrase
        low = tokens[k].low
        participle = low.isalpha() and low not in _SIMPLE_PASTS and (
            (low.endswith("ed") and len(low) > 4) or low in lex.irregular_pasts)
        if participle and k + 1 < first and tokens[k + 1].low in _PREPOSITIONS:
            before = tokens[k - 1]
            return k - 1 > trig.last and before.text.isalnum() and before.low not in (
                _AUX_PAST | _AUX_PERFECT | _AUX_PRESENT | _ADVERBS | _BARE_SUBORDINATORS
                | {"had", "be", "been", "being", "as", "than"})
        if not tokens[k].text.isalnum() or low in _BARE_SUBORDINATORS or low in {"and", "or", "but", "as"}:
            return False
    return False


# verbs that ask for what the infinitive after them names (which has not happened yet)
_REQUESTS = frozenset("asked invited pressed begged encouraged advised instructed requested authorised authorized "
                      "permitted allowed persuaded".split())
# the end of what may be done: "can rebook until 31 October"
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|up\s+to)\s+(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
# numbers before a plural noun: "three shows", "the four seriously injured passengers"
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozen".split())
# words between two times that join them (a span, a second clause), so neither is a participle's
_JOINING_TIMES = frozenset("and or but that to until till through between as".split())
# irregular pasts that are no participle ("came", not "come"): a finite verb, not a modifier
_SIMPLE_PASTS = frozenset("""went came took gave saw ran grew drew rose fell began broke chose drove flew froze hid
knew rode rang spoke stole swore threw woke wore wrote became withdrew overtook""".split())


_OPENING_PREPOSITIONS = frozenset("on at in by from since during until early late and but then".split())


def _apposed_date(text: str, first: Candidate, second: Candidate) -> bool:
    """"two years ago, in January 2024", "seven months later, in February 2019": a
    date with its year set beside a count says which day or month the count means;
    so does a day of the year beside a count back ("six months ago, on Easter Monday")."""
    if _APPOSITION.fullmatch(text, first.end, second.start) is None or is_anchor_free(first):
        return False
    # ("Six months ago, on Easter Monday": a day counted back to is the day set beside it)
    return _A_COUNT.search(first.text) is not None and is_anchor_free(second) \
        or _LESS_THAN_A_YEAR_AGO.search(first.text) is not None and second.rule in _DAYS_OF_THE_YEAR \
        or _A_RECENT_STRETCH.fullmatch(first.text) is not None and second.rule in _DAYS_OF_THE_YEAR


_APPOSITION = re.compile(r",\s*(?:in|on)?\s*", re.I)
_DAYS_OF_THE_YEAR = frozenset({"holiday", "month_day", "day_month"})
# (in years the day of the year would need the year counted back to: "two years ago, on May 9")
_LESS_THAN_A_YEAR_AGO = re.compile(r"\b(?:days?|weeks?|months?)\s+ago$", re.I)
_A_COUNT = re.compile(r"\b(?:ago|later|earlier)$", re.I)
# "Last week, on Halloween": the day of the year says which day of the stretch (a weekday
# would not: "last week, on Tuesday" is no Tuesday counted back from today)
_A_RECENT_STRETCH = re.compile(r"(?:last|this|earlier\s+this)\s+(?:week|month|weekend)", re.I)


def consecutive_years(first: Candidate, second: Candidate) -> bool:
    """"in 1942 and 1943": two years in a row, one stretch of time when only "and"
    stands between them (the pipeline spans it); "in 2005 and 2015" are two."""
    return first.rule == second.rule == "year" and first.text.isdigit() and second.text.isdigit() \
        and int(second.text) == int(first.text) + 1


def _coordinated(tokens: list[Token], first: Candidate, second: Candidate) -> bool:
    """Two dates of one trigger that repeat its event ("on Tuesday and on Wednesday"),
    not the two ends of one span ("between Tuesday and Wednesday": the pipeline spans it)."""
    before_first = [t.low for t in tokens if t.end <= first.start]
    if before_first and before_first[-1] == "between":
        return False
    between = [t.low for t in tokens if first.end <= t.start and t.end <= second.start]
    if between == ["and"] and consecutive_years(first, second):
        return False
    return bool(set(between) & {"and", "or", "then"})


def _attribute_quotations(text: str, parsed) -> None:
    """A quotation is the complement of the speech verb that attributes it:
    one just after its closing mark ('…,” the presidency said') or just
    before its opening mark ('Peskov said: “…').  Quotations may span
    sentences, so this runs over the whole document."""
    regions = _quote_regions(text)
    if not regions:
        return
    region_starts = [a for a, _ in regions]

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(region_starts, pos) - 1
        return k >= 0 and regions[k][0] < pos < regions[k][1]

    speech = []  # (char position, end, trigger) of speech verbs outside quotations, in text order
    for sent, tokens, triggers, clauses, cands in parsed:
        for trig in triggers:
            pos = tokens[trig.first].start
            if (trig.speech or trig.lemma in load().speech_nouns) and not quoted(pos):
                speech.append((pos, tokens[trig.last].end, trig))
    speech.sort(key=lambda item: item[0])
    speech_starts = [pos for pos, _, _ in speech]
    sentence_starts = [p[0].start for p in parsed]
    previous: tuple[int, Trigger] | None = None  # the end of the last attributed quotation, and its speech verb
    for a, b in regions:
        after = [t for pos, _, t in speech[bisect.bisect_left(speech_starts, b):bisect.bisect_left(speech_starts, b + 80)]
                 if "\n" not in text[b:pos]]
        before = [t for pos, end, t in speech[bisect.bisect_left(speech_starts, a - 200):bisect.bisect_right(speech_starts, a)]
                  if a - 40 <= end <= a and "\n" not in text[end:a]]
        attributing = after[0] if after else (before[-1] if before else None)
        if attributing is None and previous is not None and "\n" not in text[previous[0]:a]:
            # '"...," said Jenna Trevorrow, who runs a gallery. "She told me in 2019 ..."':
            # the same speaker goes on in the same paragraph
            attributing = previous[1]
        if attributing is None:
            continue
        previous = (b, attributing)
        first = max(0, bisect.bisect_right(sentence_starts, a) - 1)
        for sent, tokens, triggers, clauses, cands in parsed[first:bisect.bisect_left(sentence_starts, b)]:
            if sent.end <= a or sent.start >= b:
                continue
            for clause in clauses:
                pos = tokens[clause.first].start
                if a <= pos < b and clause.parent is None:
                    clause.parent = attributing
                    clause.quoted = True


# what may open a sentence before its fronted date: "On Wednesday, Ricardo Alarcon, head of ..., said"
_FRONTING_WORDS = frozenset("on in at early late last this by".split())


# a noun's own schedule between it and its date
_SCHEDULED_FOR = frozenset((verb, prep) for verb in ("planned", "scheduled", "set", "slated", "due", "booked", "timed")
                           for prep in ("for", "on"))


def _owned_by(text: str, tokens: list[Token], date: Candidate, trig: Trigger) -> bool:
    """Is `trig` the noun the possessive date `date` owns ("Wednesday's tremor")?"""
    return trig.pos == "noun" and bool(POSSESSIVE_AFTER.match(text, date.end)) \
        and 0 <= tokens[trig.first].start - date.end <= _POSSESSOR_REACH


def _attach(tokens, triggers, clause, ci, cand) -> Trigger | None:
    """The trigger a time expression modifies: the nearest trigger on its left
    in the same clause, else the nearest on its right."""
    left = [t for t in triggers if clause.first <= t.first and t.last < ci and t.head <= clause.last]
    right = [t for t in triggers if t.first > ci and t.last <= clause.last]
    # '…on Monday, the government said': a date never dates the attribution after it
    # (a date that opens the clause is fronted, not inverted: "Last Friday, Nordlys told investors that ...")
    fronted = all(tokens[k].low in _FRONTING_WORDS for k in range(clause.first, ci)) \
        or _opening_ing_phrase(tokens, clause, ci)  # "On Wednesday, ...", "Giving evidence yesterday, X said"
    right = [t for t in right if not (t.speech and not fronted and _inverted_after_comma(tokens, ci, t)
                                      and not _fronted_occasion(tokens, clause, ci, t))]
    best_left = max(left, key=lambda t: t.last) if left else None
    best_right = min(right, key=lambda t: t.first) if right else None
    if best_left and best_right:
        gap_left = ci - best_left.last
        end_tok = next((k for k in range(ci, clause.last + 1) if tokens[k].end >= cand.end), ci)
        gap_right = sum(1 for t in tokens[end_tok + 1:best_right.first] if t.text[:1].isalnum())
        between = {t.low for t in tokens[end_tok + 1:best_right.first]}
        # a clause-initial date ("Last night the regime tried ...") modifies what follows;
        # so does a date used as a modifier ("spring offensive", "Victory Day parade"),
        # and one placed before its verb ("would now be prohibited")
        if ci == clause.first:
            return best_right
        if tokens[best_right.first - 1].low == "and" and any(tokens[k].time for k in range(best_left.last + 1, ci)):
            return best_right  # "The dam built in 1962 burst on Tuesday and flooded ...": that one has its date
        if best_left.pos == "noun" and _fronted_occasion(tokens, clause, ci, best_right):
            return best_right
        if best_left.pos == "noun" and best_right.pos == "verb" and gap_right == 1 and between == {"to"} \
                and not any(t.pos == "verb" for t in left):
            # "defied a snowstorm on Monday to welcome home the squad": the object of a verb
            # the lexicon does not list, then the purpose that was carried out on that day
            fb = _fallback_verb(tokens, clause)
            if not (fb is not None and fb < ci and tokens[fb].low in _REQUESTS):
                return best_right
        # "... in a debate on Monday night, five days before Sunday's vote": the
        # comma closes the phrase the date belongs to
        if "," in between:
            return best_left
        # "formed over the bay on Thursday and strengthened into a storm": so does a
        # coordinator, which opens the next conjunct
        if between & {"and", "but"}:
            return best_left
        # "recalled baby cereal made at the plant in 2017 after metal fragments were found":
        # so does a conjunction that opens a clause of its own
        if between & (_BARE_SUBORDINATORS | _CLAUSAL_PREPOSITIONS):
            return best_left
        if gap_left > 8 and gap_right < gap_left:
            return best_right
        if gap_right == 0 and best_right.pos == "noun":
            return best_right
        if best_left.pos == "noun" and tuple(t.low for t in tokens[best_left.last + 1:ci]) in _SCHEDULED_FOR:
            return best_left  # "A concert planned for March 20 has been cancelled": the concert's day
        if best_right.pos == "verb" and best_left.pos == "noun" and gap_right <= 2 \
                and between <= (_FUTURE | _MODAL | _AUX_PAST | _AUX_PRESENT | _AUX_PERFECT | {"be", "been"}) \
                and (between or not tokens[best_right.head].low.endswith("ing")) \
                and (between or not _reduced_passive(tokens, best_right, clause)):
            # ("issued a joint statement Friday saying ...": a participle after the date hangs on
            # what came before, and the date is that)
            return best_right
        return _verb_of_object(tokens, left, best_left, ci)
    if best_right is not None and best_left is None and best_right.pos == "verb":
        # "asked Rome on Sunday to declare a state of emergency": the date belongs to the
        # request before it (no lexicon verb: the clause's fallback), not to what it asks for
        # ("defied a snowstorm last night to welcome home the squad": that one happened)
        end_tok = next((k for k in range(ci, clause.last + 1) if tokens[k].end >= cand.end), ci)
        if [t.low for t in tokens[end_tok + 1:best_right.first]] == ["to"]:
            fb = _fallback_verb(tokens, clause)
            if fb is not None and fb < ci and tokens[fb].low in _REQUESTS:
                return None
    return _verb_of_object(tokens, left, best_left, ci) if best_left else best_right


def _reduced_passive(tokens, trig: Trigger, clause) -> bool:
    """A participle with its agent and no auxiliary ("a ceremony on Sunday attended by
    the minister", "the attack reported by the Kremlin"): it tells of the noun before
    it, not the clause's event."""
    return trig.last + 1 <= clause.last and tokens[trig.last + 1].low == "by" \
        and tokens[trig.first - 1].low not in _AUX_PAST | _AUX_PRESENT | _AUX_PERFECT | {"been", "be"}


# what may stand between a sentence's opening date and the amount counted after it
_DATE_THEN_AMOUNT = re.compile(r",\s*(?:(?:exactly|just|only|almost|nearly|precisely)\s+)?")


def _main_clause_after_count(text: str, tokens: list[Token], clauses: list[Clause], clause: Clause, ci: int,
                             cand: Candidate, counting: list[Candidate]) -> Clause | None:
    """In "On Tuesday, four weeks after the fire, police arrested a man" the date
    that opens the sentence is the main clause's, not the fire's (the amount
    counts the fire back from it): the part of the sentence after the comma
    that closes the counted phrase, when there is one."""
    if clause.first != 0 or not all(tokens[k].low in _FRONTING_WORDS for k in range(clause.first, ci)):
        return None
    amount = next((c for c in counting if c.start > cand.end
                   and _DATE_THEN_AMOUNT.fullmatch(text, cand.end, c.start)), None)
    if amount is None:
        return None
    comma = next((k for k, t in enumerate(tokens) if t.start >= amount.end and t.text == ","), None)
    if comma is None or comma + 1 >= len(tokens):
        return None
    rest = next((c for c in clauses if c.first <= comma + 1 <= c.last), None)
    return Clause(comma + 1, rest.last) if rest is not None else None


def _verb_of_object(tokens, left: list[Trigger], noun: Trigger, ci: int) -> Trigger:
    """A date right after a verb's object dates the verb: "called off its strike yesterday"
    (a statement stays its own event: "issued a statement on Monday")."""
    if noun.pos != "noun" or noun.category == "statement" or ci - noun.last > 2:
        return noun
    verb = max((t for t in left if t.pos == "verb" and t.last < noun.first), key=lambda t: t.last, default=None)
    if verb is None or noun.first - verb.last > 3:
        return noun
    between = [tokens[k].low for k in range(verb.last + 1, noun.first)]
    return verb if all(w in _DETERMINERS or w.endswith(("'s", "’s")) for w in between) else noun


# "At an extraordinary meeting on 29 October, councillors voted ...", "In a statement late
# on Thursday, the firm said ...": a fronted phrase names the occasion of the main clause's
# event, and its date is that event's
_OCCASION_PREPOSITIONS = frozenset({"at", "during", "in"})


def _clause_after_a_fronted_date(tokens, triggers, clauses, clause) -> Clause | None:
    """The clause a sentence's opening date dates when the date stands alone before a
    comma and a clause of its own opens after it: "On the ninth day of the strike, as
    about 3,000 strikers marched through Rustenburg, the company raised its offer"."""
    if clause.first != 0 or tokens[clause.last].low != "," or any(
            not tokens[k].time and tokens[k].low not in _FRONTING_WORDS | {","}
            for k in range(clause.first, clause.last)):
        return None
    if any(clause.first <= t.head <= clause.last for t in triggers):
        return None
    return next((c for c in clauses if c.first == clause.last + 1), None)


def _fronted_occasion(tokens, clause, ci: int, verb: Trigger) -> bool:
    """Does the date at `ci` stand in a sentence-opening "At/During/In ..." phrase whose
    comma is followed, a subject later, by `verb`?"""
    first = clause.first
    if first != 0 or tokens[first].low not in _OCCASION_PREPOSITIONS or verb.pos != "verb":
        return False
    comma = next((k for k in range(first, verb.first) if tokens[k].low == ","), None)
    return comma is not None and ci < comma and verb.first - comma <= 6 \
        and not any(tokens[k].low == "," for k in range(comma + 1, verb.first))


# "Speaking at his parents' home last night, Pryce told the Post ...": a participle
# phrase that opens the sentence sets the scene of the statement that follows it
_SPEAKING = frozenset({"speaking", "talking", "addressing", "testifying", "appearing", "writing"})


def _statement_after_its_occasion(tokens, triggers, ci: int) -> Trigger | None:
    """The statement a sentence-opening "Speaking ... <time>," phrase dates: the
    first speech trigger after the phrase's closing comma."""
    if not tokens or tokens[0].low not in _SPEAKING or any(t.low == "," for t in tokens[:ci]):
        return None
    comma = next((k for k in range(ci, len(tokens)) if tokens[k].low == ","), None)
    if comma is None:
        return None
    return next((t for t in triggers if t.speech and t.first > comma), None)


def _opening_ing_phrase(tokens, clause, ci: int) -> bool:
    """Does the sentence open with an -ing phrase that holds the date ("Giving evidence
    yesterday morning, Dunstan said ...")? What it tells is what the speaker did then."""
    first = tokens[clause.first]
    return clause.first == 0 and ci > 0 and first.text[:1].isupper() and first.low.endswith("ing") \
        and len(first.low) > 5 and not any(tokens[k].low == "," for k in range(clause.first, ci))


def _inverted_after_comma(tokens, ci: int, trig: Trigger) -> bool:
    return any(tokens[k].low in {",", "”", '"'} for k in range(ci, trig.first))


def _redirect(tokens, in_clause, trig: Trigger) -> Trigger:
    """A light verb names no event: hand over to its subject noun."""
    if not (trig.pos == "verb" and trig.light):
        return trig
    nouns = [t for t in in_clause if t.pos == "noun" and t.last < trig.first]
    return max(nouns, key=lambda t: t.last) if nouns else trig


def _main_trigger(tokens, in_clause, clause) -> Trigger | None:
    """The trigger that heads a clause: its first finite verb (an object noun
    for "announced a ban"), or the subject noun of a light verb."""
    for trig in in_clause:
        if trig.pos != "verb":
            continue
        if trig.first > clause.first and tokens[trig.first - 1].low == "to":
            continue
        # "the attack reported by the Kremlin": a reduced passive relative, not the clause's verb
        if trig.first > clause.first and _reduced_passive(tokens, trig, clause):
            continue
        if tokens[trig.head].low.endswith("ing") and not (
                trig.first > clause.first and tokens[trig.first - 1].low in _AUX_PAST | _AUX_PRESENT | {"been"}):
            continue
        if trig.light:
            return _redirect(tokens, in_clause, trig)
        return trig
    return None


def _headline_verb(tokens: list[Token], clause: Clause) -> int | None:
    """A headline's verb in the present, which no lexicon lists: "Barge smashes Dutch
    canal lock", "Blackwater swamps Ashe Quay" (its subject before it, a word or a
    number). Only a clause with no lexicon trigger asks ("Hailstorm shreds crops" has one)."""
    for j in range(clause.first + 1, clause.last + 1):
        t, before = tokens[j], tokens[j - 1]
        if not t.text.isalpha() or len(t.low) < 4 or not t.low.endswith("s") or t.low.endswith(("ss", "us", "is")) \
                or t.low in STOPWORDS or before.low in _DETERMINERS or before.low in _PREPOSITIONS \
                or before.low in _NUMBER_WORDS or t.time or before.time:
            continue
        return j
    return None


def _domain_trigger(tokens, clause, index) -> Trigger:
    return Trigger(index, index, index, tokens[index].low, "other", "verb")


def _category(tokens, clause, trig, document_words: frozenset = frozenset()) -> str:
    """The trigger's category; a generic one takes the clause's weapons or means
    ("drones were heading towards the Kremlin" is an attack)."""
    lex = load()
    # the story decides: "the strike began at 6 a.m." in an article about dockworkers
    context = document_words or {t.low for t in tokens}
    words = [t.low for t in tokens[clause.first:clause.last + 1]]
    head = tokens[trig.head].low
    by_clause = _sense(head, set(words), lex.sense_by_clause) if head in lex.sense_by_clause else None
    sensed = by_clause or _sense(head, context)
    if sensed:
        return sensed
    if trig.pos == "verb" and trig.lemma in lex.context_verbs:
        words = _antecedent(tokens, clause, trig) + words
        present = set(words)
        if present & lex.weather_words:
            return "accident"  # "heavy rain hit northern Italy"
        if present & lex.disease_words:
            return "other"  # "the cholera outbreak killed 150 people"
        for size in (2, 1):
            for k in range(len(words) - size + 1):
                phrase = " ".join(words[k:k + size])
                if (_sense(phrase, context) or lex.noun_category.get(phrase)) == "accident":
                    return "accident"
    if trig.category != "other":
        return trig.category
    phrases = [" ".join(words[k:k + size]) for size in (3, 2, 1) for k in range(len(words) - size + 1)]
    for phrase in phrases:
        category = lex.domain_words.get(phrase)
        if category and lex.domain_words_unless.get(category, frozenset()).isdisjoint(phrases):
            return category
    return "other"


def _sense(word: str, context, senses: dict | None = None) -> str | None:
    """The category the story's words (or its clause's, with `senses`
    `sense_by_clause`) select for a word of several senses."""
    for category, cues in (load().sense_by_context if senses is None else senses).get(word, {}).items():
        if context & cues:
            return category
    return None


_RELATIVE = frozenset({"which", "that"})


def _antecedent(tokens, clause, trig) -> list[str]:
    """The noun a relative clause's subject stands for: in "the quake, which
    struck before dawn" what struck is the quake, just before "which"."""
    k = trig.first - 1
    while k >= clause.first and tokens[k].low not in _RELATIVE:
        k -= 1
    if k < clause.first:
        k = clause.first - 1  # the clause may start after its relative pronoun
        if k < 0 or tokens[k].low not in _RELATIVE:
            return []
    j = k - 1
    if j >= 0 and tokens[j].low == ",":
        j -= 1
    return [t.low for t in tokens[max(0, j - 1):j + 1]]


def _noun_tense(tokens, in_clause, trig, clause) -> tuple[str, bool]:
    verbs = [t for t in in_clause if t.pos == "verb"]
    if verbs:
        ahead = _future_joined(tokens, verbs[0].last + 1, trig.first)
        return ahead if ahead is not None else verb_group(tokens, verbs[0], clause)
    fb = _fallback_verb(tokens, clause)  # "the storm made landfall late Tuesday"
    if fb is not None:
        return verb_group(tokens, _domain_trigger(tokens, clause, fb), clause)
    return "none", False


def _future_joined(tokens, first: int, last: int) -> tuple[str, bool] | None:
    """A future verb group joined on between a verb and the noun it does not
    govern: "canceled a trip and will chair a meeting on Wednesday"."""
    for k in range(first, last - 1):
        if tokens[k].low in ("and", "but", "then") and tokens[k + 1].low in _FUTURE:
            return "future", any(t.low in _NEGATION for t in tokens[k + 2:k + 4])
    return None


def _live_entry_times(parsed, dating: list[Candidate], text: str) -> dict[int, Candidate]:
    """Live pages head each entry with a clock time on its own line ("10:42 GMT"):
    the story sentences under such a heading, up to the next one, by start offset,
    mapped to its time expression."""
    out: dict[int, Candidate] = {}
    clocks = {c.start: c for c in dating if c.rule == "time_of_day"}
    current = None
    for sent, *_ in parsed:
        # a heading, or a line that is nothing but the clock time ("9:52 p.m." ends
        # in a full stop, so it reads as a sentence)
        clock = clocks.get(sent.start)
        if clock is not None and sent.furniture and (clock.fields.get("weekday") or clock.fields.get("month")):
            continue  # "5:00 AM Thursday Jan 12, 2017" under the byline: the page's stamp, no entry's
        if clock is not None and clock.end >= sent.end - 1 and (sent.heading or _alone_on_its_line(text, sent)):
            current = clock
            continue
        if current is not None and sent.is_story and not sent.heading:
            out[sent.start] = current
    return out


def _alone_on_its_line(text: str, sent) -> bool:
    before = text[max(0, sent.start - 1):sent.start]
    after = text[sent.end:sent.end + 1]
    return before in ("", "\n") and after in ("", "\n")


def _reports_entry(tokens, clause, trig, tense, negated, category) -> bool:
    """May a clause of a live-page entry be dated by the entry's clock heading?
    What the entry reports as done or as being said: past, perfect or present
    ("Gatwick says ..."), affirmative, factual. A happening of no particular kind
    is the entry's news only in the perfect ("A second helicopter has joined the
    operation"); in the past it is as often background."""
    if negated or tense not in ("past", "perfect", "present") or (category == "other" and tense != "perfect"):
        return False
    if tense == "present" and category != "statement":
        return False  # "the airport remains closed" describes, it does not report
    if trig.lemma in load().attribution_verbs and not _names_occasion(tokens, trig) and (
            tense != "present" or (clause.first > 0 and tokens[clause.first - 1].low == ",")):
        # "..., the water agency said" and "..., the airline says" attribute the entry's
        # news; "Red Cross says ..." reports it
        return False
    return tokens[clause.first].low not in {"if", "unless", "whether"}


_OBJECT_PRONOUNS = frozenset("me us you him her them it one".split())
_OCCASION_LEAD_INS = frozenset("in at on to a an the outside after".split())


def _opens_with_its_occasion(tokens, trig, occasions) -> bool:
    """"Outside court, his lawyer said", "Speaking after the hearing, she said": the occasion
    opens the sentence, before a comma and the statement's subject."""
    k = 1 if tokens and tokens[0].low == "speaking" else 0
    if k >= len(tokens) or tokens[k].low not in ("outside", "after"):
        return False
    words = tuple(t.low for t in tokens[k + 1:k + 4])
    return any(words[:len(o)] == o and k + 1 + len(o) < trig.first and tokens[k + 1 + len(o)].text == ","
               for o in occasions)


def _names_occasion(tokens, trig) -> bool:
    """"told reporters", "said in a statement", "told a news conference": right
    after the verb (past a preposition and an article), the occasion or audience
    of the statement, which makes it something that happened."""
    occasions = load().speech_occasions
    j = trig.last + 1
    if trig.lemma == "tell" and j < len(tokens):
        # "told Reuters", "told the Gazette", "told DZMM radio": a named outlet or audience
        name = j + 1 if tokens[j].low == "the" and j + 1 < len(tokens) else j
        if tokens[name].text[:1].isupper() and tokens[name].text.isalpha():
            return True
        # "Owner Jari Palokangas has told us": a live page's news, in the present perfect
        if tokens[j].low == "us" and trig.first > 0 and tokens[trig.first - 1].low in ("has", "have"):
            return True
        # "told local radio", "told a news agency": any audience but a pronoun ("told us")
        if tokens[j].low in ("a", "an", "the") or (tokens[j].text.isalpha() and tokens[j].low not in STOPWORDS
                                                   and tokens[j].low not in _OBJECT_PRONOUNS):
            return True
    if _opens_with_its_occasion(tokens, trig, occasions):
        return True
    for _ in range(3):
        words = tuple(t.low for t in tokens[j:j + 3])
        # "say" takes no audience as its object: in "said staff were devastated" the staff speak next
        direct_after_say = trig.lemma == "say" and j == trig.last + 1
        if not direct_after_say and any(words[:len(o)] == o for o in occasions):
            return True
        if j < len(tokens) and tokens[j].low in _OCCASION_LEAD_INS:
            j += 1
        else:
            break
    return False


def _reports_news(tokens, clause, trig, tense, negated, sent, lead_words) -> bool:
    """May a clause with no time expression of its own be dated by the
    article's reference date?  Only when it reports the day's news."""
    if sent.heading or negated or tense not in ("past", "perfect"):
        return False
    occasion = trig.speech and _names_occasion(tokens, trig)
    if trig.lemma in load().attribution_verbs and not occasion:
        return False  # "…, police said": attributing the day's reporting is no event of its own
    words = {t.low for t in tokens[clause.first:clause.last + 1]}
    if words & _GENERIC or tokens[clause.first].low in {"if", "unless", "whether"}:
        return False
    if tokens[clause.first].low in {"who", "whose"} and trig.pos == "verb":
        return False  # "a widow who lost her life savings": who she is, not the day's news
    if occasion and tense == "past":
        return True  # "the foreign minister told a news conference": an occasion of the news, whoever speaks
    about = keywords_of(tokens, 0, len(tokens) - 1) | participants_of(tokens, 0, len(tokens) - 1)
    return bool(about & lead_words)
