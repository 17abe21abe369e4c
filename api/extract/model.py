"""The value types that flow through the extraction pipeline.

Pure data: no Flask, no database, no I/O. Every later step (store, API, CLI,
exports) consumes these, so changing a field here is a contract change
(see CONTRACT.md §1-2).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# CONTRACT §1: every dated thing carries one of these grains.
GRAINS = (
    "time", "part-of-day", "night", "day", "week", "month", "season",
    "quarter", "year", "decade", "century", "vague",
)
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
TENSES = ("past", "present", "future")
REFERENCE_SOURCES = ("given", "text", "collection", "assumed")
CATEGORIES = (
    "attack", "statement", "ban or restriction", "ceremony", "sabotage",
    "accident", "legal", "political", "economic", "sport", "other",
)


@dataclass(frozen=True)
class Interval:
    """An inclusive calendar interval with its grain; an open end is None."""
    start: date | None
    end: date | None
    grain: str
    value: str | None = None  # TIMEX3 value, e.g. "2023-05-02TNI", "PAST_REF"

    def __post_init__(self) -> None:
        if self.grain not in GRAINS:
            raise ValueError(f"unknown grain {self.grain!r}")
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"interval starts after it ends: {self.start} > {self.end}")


@dataclass(frozen=True)
class Candidate:
    """A detected time expression before resolution (underspecified).

    `fields` holds what the rule read off the text, e.g.
    {"weekday": 2, "part": "AF"} or {"month": 5, "day": 9}; its keys are the
    tagger's business. `rule` names the registry rule that matched.
    """
    start: int
    end: int
    text: str
    rule: str
    type: str
    fields: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Timex:
    """A resolved time expression: TIMEX3 type and value, and, for DATE/TIME,
    the calendar interval it denotes (None for DURATION, SET or when the
    value cannot be placed on the calendar)."""
    start: int
    end: int
    text: str
    type: str
    value: str | None
    interval: Interval | None
    rule: str
    anchor: date | None = None  # the date it was resolved against, for traceability


@dataclass(frozen=True)
class DocumentInput:
    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class DocumentResult:
    id: str
    reference_date: date
    reference_date_source: str  # one of REFERENCE_SOURCES
    reference_date_evidence: str | None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Mention:
    """One report of an event in one sentence of one document.

    Spans are [start, end) offsets into the document text. An implicit
    mention (dated only by the reference date) has time_text/time_span None.
    """
    document: str
    sentence: str
    sentence_span: tuple[int, int]
    trigger: str
    trigger_span: tuple[int, int]
    time_text: str | None
    time_span: tuple[int, int] | None
    interval: Interval
    category: str = "other"
    headline: str = ""
    # content words and named participants, used to merge mentions into events
    keywords: frozenset[str] = field(default_factory=frozenset, compare=False)
    participants: frozenset[str] = field(default_factory=frozenset, compare=False)


@dataclass(frozen=True)
class Event:
    id: str
    headline: str
    summary: str
    category: str
    interval: Interval
    sources: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Timeline:
    documents: tuple[DocumentResult, ...]
    events: tuple[Event, ...]  # sorted by (start, end, id)
