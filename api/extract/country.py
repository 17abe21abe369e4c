"""Which country an article's holidays are those of.

"Independence Day" in a Rovaniemi story is Finland's, 6 December; in a Pune one
India's, 15 August; elsewhere the 4th of July.  The article's own place names and
people decide (data/countries.yaml): the country it names most often, when one
leads.  Only holidays whose date differs by country ask (`Holiday.by_country`).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from api.extract.lexicon import names_pattern, read_data


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    countries = read_data("countries.yaml")["countries"]
    code_of = {name: code for code, names in countries.items() for name in names}
    return names_pattern(code_of), code_of


def country_of(text: str) -> str | None:
    """The code of the country the article names most often, or None when none leads."""
    pattern, code_of = _pattern()
    counts = Counter(code_of[" ".join(m.group(0).split())] for m in pattern.finditer(text))
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
