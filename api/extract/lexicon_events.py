"""The event lexicons (data/event_triggers.yaml, speech_verbs.yaml,
aliases.yaml) loaded once, with verb inflections derived from lemmas.

Kept apart from mentions.py so that mentions, merge and headline share one
view of what a word means, and so the tables stay data, not code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from api.extract.lexicon import read_data

STOPWORDS = frozenset("""
a an the and or but if then than that this these those there here it its it's he she they them his her
their our we us you your i me my of in on at to for from by with without about above below over under
into onto out off up down as is are was were be been being am has have had having do does did done
will would shall should can could may might must not no nor so such very also too just only even
which who whom whose what when where while why how all any both each few more most other some own same
after before during since until again further once per via among amid across against along around
behind beyond near toward towards upon within however though although because despite still yet
said says say according mr mrs ms one two three four five six seven eight nine ten first second
new last next several many much another s t don't doesn't didn't won't can't isn't aren't wasn't
weren't hasn't haven't hadn't said, ago today yesterday tomorrow tonight morning afternoon evening
night day days week weeks month months year years monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december time
recent recently earlier later now already previously overnight
""".split())


@dataclass(frozen=True)
class EventLexicon:
    verb_forms: dict          # surface form -> verb lemma
    verb_category: dict       # verb lemma (or "lemma particle") -> category
    noun_category: dict       # noun phrase (lower, space-joined) -> category
    max_noun_words: int
    light_verbs: frozenset    # lemma phrases
    object_taking: frozenset
    attempt_verbs: frozenset
    speech_lemmas: frozenset
    speech_nouns: frozenset
    attribution_verbs: frozenset  # speech lemmas that only attribute ("said", "told")
    evidence_verbs: frozenset  # "data showed ...": their complement is the event, they are none
    domain_words: dict        # phrase -> category
    domain_words_unless: dict  # category -> clause words that cancel its domain words
    context_verbs: frozenset  # verbs whose category a disaster noun in their clause decides
    title_words: frozenset    # capitalised words that name an office, not a participant
    sense_by_context: dict    # trigger -> {category: frozenset of the story's words that select it}
    aliases: dict             # surface (lower) -> canonical participant
    irregular_pasts: frozenset = frozenset()  # irregular pasts and participles: went, held, hit
    weather_words: frozenset = frozenset()  # weather that makes a context verb an accident
    disease_words: frozenset = frozenset()  # disease that makes a context verb neither attack nor accident
    sense_by_clause: dict = field(default_factory=dict)  # the same, by the words of the trigger's own clause
    synonyms: dict = field(default_factory=dict)  # raw stem -> its synonym group's key (data/synonyms.yaml)
    person_titles: frozenset = frozenset()  # titles before a person's given names and surname
    speech_occasions: tuple = ()  # word sequences naming a statement's occasion ("told reporters")
    compound_heads: frozenset = frozenset()  # "fire brigade": an event word before one is a modifier
    inflected_only: frozenset = frozenset()  # verb lemmas whose bare form is another word ("down")


def _inflect(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", lemma):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"(s|sh|ch|x|z)$", lemma):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    if re.search(r"(?:^|[^aeiou]|qu)[aeiou][bdgklmnprt]$", lemma):  # "qu" is a consonant
        # a short final syllable doubles its consonant: "cancelled", "travelled" (British),
        # "acquitted", "stopped"; an unused spare form ("openned") matches nothing
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _senses(table: dict | None) -> dict:
    return {trigger: {category: frozenset(str(w) for w in words) for category, words in senses.items()}
            for trigger, senses in (table or {}).items()}


@lru_cache(maxsize=1)
def load() -> EventLexicon:
    triggers = read_data("event_triggers.yaml")
    speech = read_data("speech_verbs.yaml")
    alias_table = read_data("aliases.yaml")
    synonym_table = read_data("synonyms.yaml") or {}
    order = triggers["categories"]

    verb_category: dict[str, str] = {}
    for category in order:  # the first category listing a verb wins
        for phrase in triggers["verbs"].get(category, ()):
            verb_category.setdefault(phrase, category)
    noun_category: dict[str, str] = {}
    for category in order:
        for phrase in triggers["nouns"].get(category, ()):
            noun_category.setdefault(phrase, category)
            if not phrase.endswith("s"):
                noun_category.setdefault(phrase + "s", category)

    heads = set()
    for phrase in list(verb_category) + triggers["light_verbs"] + triggers["object_taking"] \
            + triggers["attempt_verbs"] + speech["lemmas"] + ["be", "have", "do"]:
        heads.add(phrase.split()[0])
    irregular = {lemma: forms for lemma, forms in triggers["irregular"].items()}
    verb_forms: dict[str, str] = {}
    for head in sorted(heads):
        for form in _inflect(head) | set(irregular.get(head, ())):
            verb_forms.setdefault(form, head)
    for form, lemma in {"is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
                        "being": "be", "am": "be", "has": "have", "had": "have", "did": "do",
                        "does": "do"}.items():
        verb_forms[form] = lemma

    domain = {}
    for category, words in (triggers.get("domain_words") or {}).items():
        for word in words:
            domain[word] = category
    aliases = {}
    for canonical, forms in alias_table.items():
        for form in forms:
            aliases[str(form).lower()] = canonical
    lexicon = EventLexicon(
        verb_forms=verb_forms,
        verb_category=verb_category,
        noun_category=noun_category,
        max_noun_words=max(len(p.split()) for p in noun_category),
        light_verbs=frozenset(triggers["light_verbs"]),
        object_taking=frozenset(triggers["object_taking"]),
        attempt_verbs=frozenset(triggers["attempt_verbs"]),
        speech_lemmas=frozenset(speech["lemmas"]),
        speech_nouns=frozenset(speech["nouns"]),
        attribution_verbs=frozenset(speech.get("attribution", ())),
        evidence_verbs=frozenset(speech.get("evidence", ())),
        speech_occasions=tuple(tuple(o.split()) for o in speech.get("occasions", ())),
        domain_words=domain,
        domain_words_unless={category: frozenset(words) for category, words
                             in (triggers.get("domain_words_unless") or {}).items()},
        context_verbs=frozenset(triggers.get("context_verbs", ())),
        weather_words=frozenset(triggers.get("weather_words", ())),
        disease_words=frozenset(triggers.get("disease_words", ())),
        title_words=frozenset(triggers.get("title_words", ())),
        person_titles=frozenset(triggers.get("person_titles", ())),
        compound_heads=frozenset(triggers.get("compound_heads", ())),
        inflected_only=frozenset(triggers.get("inflected_only", ())),
        sense_by_context=_senses(triggers.get("sense_by_context")),
        sense_by_clause=_senses(triggers.get("sense_by_clause")),
        aliases=aliases,
        # the listed pasts of non-triggers, and every irregular form of a trigger that is
        # not a present: "held", "struck", and "hit", whose table entry lists the lemma
        # itself as its past ("hit: [hit, ...]"). A light verb such as "held" is its own
        # head, so its lemma alone cannot say it is a past.
        irregular_pasts=frozenset(triggers.get("irregular_pasts", ())) | frozenset(
            form for forms in irregular.values() for form in forms if not form.endswith(("s", "ing"))),
    )
    for key, forms in synonym_table.items():
        for form in forms:
            if " " not in str(form):
                lexicon.synonyms[_raw_stem(str(form).lower(), lexicon)] = key[:STEM_LENGTH]
    return lexicon


def stem(word: str) -> str:
    """A crude content-word stem for overlap tests: verbs to their lemma,
    plurals and possessives stripped, synonyms to their group's key
    ("walkout" is "strike", "quake" is "earthquake")."""
    lex = load()
    w = _raw_stem(word, lex)
    return lex.synonyms.get(w, w)


def _raw_stem(word: str, lex: "EventLexicon") -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in lex.aliases:
        return lex.aliases[w]
    if w in lex.verb_forms:
        w = lex.verb_forms[w]
    elif w in _EED_WORDS:
        pass  # "speed", "breed": no past of "spee" ("freed", "agreed" are "free", "agree")
    else:
        for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("eed", "ee"), ("ed", ""), ("es", "e"),
                             ("s", "")):
            if w.endswith(suffix) and len(w) - len(suffix) + (suffix == "eed") >= 3 and not w.endswith("ss"):
                w = w[: len(w) - len(suffix)] + repl
                if suffix == "es" and w.endswith(_SIBILANT_E):
                    w = w[:-1]  # "smashes", "clashes", "taxes": the "e" is the ending's
                elif suffix in ("ed", "ing") and len(w) >= 4 and w[-1] == w[-2] and w[-1] in _DOUBLED:
                    w = w[:-1]  # "shredded", "gutted", "stopping": the consonant doubles before the ending
                elif suffix in ("ed", "ing") and _lost_its_e(w):
                    w += "e"  # "biting", "saved", "faced": "bite", "save", "face", as "bites", "saves"
                break
    # truncation joins a verb and its nominalisation: "evacuated" ~ "evacuation"
    return w[:STEM_LENGTH]


def _lost_its_e(stem: str) -> bool:
    """Did an ending take a silent "e" off `stem`? One vowel between consonants at its end,
    and no other vowel before them ("bit", "sav", "clos"; not "open", "visit", "rain")."""
    vowels = "aeiou"
    if len(stem) < 3 or stem[-1] in vowels + "wxy" or stem[-2] not in vowels or stem[-3] in vowels:
        return False
    return not any(ch in vowels for ch in stem[:-2])


_EED_WORDS = frozenset("""
speed breed bleed need feed seed greed weed heed reed steed deed creed tweed indeed succeed proceed exceed
""".split())
STEM_LENGTH = 6
_SIBILANT_E = ("she", "che", "xe", "zze")
_DOUBLED = frozenset("bdgmnprt")  # ("killed", "passed": l and s stay doubled)
