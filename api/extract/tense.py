"""The tense of the clause around a time expression, from its verbs.

A heuristic, not a parser: it looks at the words of the same clause on both
sides of the expression and lets the nearest tense marker decide.  News
prose is past tense by default, so "past" is the answer when nothing is
found.  Present perfect ("has said") counts as past.
"""
from __future__ import annotations

import re

_FUTURE = frozenset("""
will 'll wo shall going gonna expected scheduled planned plans plan due set slated
upcoming intends intend aims aim hopes hope next tomorrow would
""".split())
_PAST = frozenset("""
was were had did said told went came took made gave got saw began fell rose hit shot
met left won lost led held brought thought found became sent spent struck ran put
knew felt kept began stood sat wrote spoke broke chose drove flew grew threw wore
paid sold bought caught fought taught heard meant read built tried died killed
has have 's 've yesterday ago earlier last
""".split())
_PRESENT = frozenset("is are am says say tells do does remains continues".split())
_NOT_PAST_ED = frozenset("""
need speed red bed hundred indeed feed seed weed breed bleed proceed exceed succeed
embed shed sled bred fled led wed united limited based related expected scheduled planned
planed due
""".split())
# clause boundaries: sentence ends, semicolons, and quotation marks
_BOUNDARY = re.compile(r"[.!?;:\n“”\"]")
_TOKEN = re.compile(r"[A-Za-z']+")
_WINDOW = 80


def clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause text before and after [start, end)."""
    left = text[max(0, start - _WINDOW):start]
    right = text[end:end + _WINDOW]
    cut = None
    for m in _BOUNDARY.finditer(left):
        # "Sept." and "a.m." are not sentence ends
        if m.group() == "." and re.search(r"\b[A-Za-z]{1,4}\.$", left[:m.end()]):
            continue
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    m = _BOUNDARY.search(right)
    while m and m.group() == "." and re.search(r"\b[A-Za-z]{1,4}\.$", right[:m.end()]):
        m = _BOUNDARY.search(right, m.end())
    if m:
        right = right[:m.start()]
    return left, right


_AUX = frozenset("""
be been being have has had will would shall 'll wo was were is are am to not also already
n't never still just then soon likely
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
    while j >= 0 and tokens[j].lower() in _AUX:
        w = tokens[j].lower()
        if w in _AUX_FUTURE:
            return "future"
        if w in ("was", "were", "had", "has", "have"):
            kind = "past"
        elif w in ("is", "are", "am") and kind != "future":
            kind = "present" if tokens[i].lower() not in _FUTURE else "future"
        j -= 1
    return kind or "past"


def tense_at(text: str, start: int, end: int) -> str:
    left, right = clause_around(text, start, end)
    before = _TOKEN.findall(left)
    after = _TOKEN.findall(right)
    best = None
    for i in range(len(before) - 1, -1, -1):
        if _kind(before[i]):
            best = (len(before) - 1 - i, _verb_group_kind(before, i))
            break
    for i, w in enumerate(after):
        if _kind(w) or w.lower() in _AUX_FUTURE:
            if best is None or i < best[0]:
                k = _kind(w) or "future"
                # "Tuesday will see": the auxiliary decides
                best = (i, k if k != "present" or w.lower() not in _AUX else k)
            break
    return best[1] if best else "past"
