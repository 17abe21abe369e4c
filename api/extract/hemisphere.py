"""Which hemisphere an article's seasons are in.

"This winter" in a Melbourne story is June to August, in a Montreal one
December to February.  The article's own place names decide: more names of the
south than of the north (data/hemispheres.yaml) make it southern.  A season's
TimeML value ("2025-WI") does not change; its calendar interval does
(`resolve.season`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from api.extract.lexicon import names_pattern, read_data

# a vowel with a macron: Māori words and names ("Ōtautahi", "hāngī") are New Zealand's
_MACRON = re.compile(r"[āēīōūĀĒĪŌŪ]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = read_data("hemispheres.yaml")
    return names_pattern(data["southern"]), names_pattern(data["northern"])


def is_southern(text: str) -> bool:
    """Does the article name more places of the southern hemisphere than of the northern?"""
    south, north = _patterns()
    southern = len(south.findall(text)) + (1 if _MACRON.search(text) else 0)
    return southern > 0 and southern > len(north.findall(text))
