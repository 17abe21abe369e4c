"""Sample events built with the real model dataclasses and dumped through the
real `EventSchema`, for exercising exports, the route and the page before (and
besides) the extraction pipeline. The texts are deliberately hostile: commas,
semicolons, backslashes, HTML, newlines, spreadsheet formulas, long non-ASCII
lines, open ends and coarse grains."""
from __future__ import annotations

from datetime import date

from api.extract.model import Event, Interval, Mention
from schemas.timeline import EventSchema

DOC_A = "doc_a"
DOC_B = "doc_b"

TEXT_A = ("Last night two drones tried to hit the Kremlin, officials said. "
          "The parade will go ahead on May 9, the mayor said.")


def _mention(document, sentence, sentence_span, time_text, time_span, interval, trigger="said"):
    at = sentence_span[0] + sentence.find(trigger)  # spans are document offsets
    return Mention(
        document=document, sentence=sentence, sentence_span=sentence_span,
        trigger=trigger, trigger_span=(at, at + len(trigger)),
        time_text=time_text, time_span=time_span, interval=interval,
    )


def _event(event_id, headline, summary, category, interval, mentions):
    sources = tuple(sorted({m.document for m in mentions}))
    return Event(id=event_id, headline=headline, summary=summary, category=category,
                 interval=interval, sources=sources, mentions=tuple(mentions))


NIGHT = Interval(date(2023, 5, 2), date(2023, 5, 3), "night", "2023-05-02TNI")
PARADE_DAY = Interval(date(2023, 5, 9), date(2023, 5, 9), "day", "2023-05-09")


def sample_events() -> list:
    first_sentence = TEXT_A[:TEXT_A.index(".") + 1]
    second_start = TEXT_A.index("The parade")
    second_sentence = TEXT_A[second_start:]
    return [
        _event("evt_night", "Two drones downed over the Kremlin",
               first_sentence, "attack", NIGHT,
               [_mention(DOC_A, first_sentence, (0, len(first_sentence)), "Last night", (0, 10),
                         NIGHT, trigger="tried to hit"),
                # a second report in the same sentence: the page shows the sentence once
                _mention(DOC_A, first_sentence, (0, len(first_sentence)), "Last night", (0, 10),
                         NIGHT, trigger="said")]),
        _event("evt_parade", "Victory Day parade, Moscow; \"grand\" <b>show</b>",
               second_sentence, "ceremony", PARADE_DAY,
               [_mention(DOC_A, second_sentence, (second_start, len(TEXT_A)), "on May 9",
                         (second_start + second_sentence.index("on May 9"),
                          second_start + second_sentence.index("on May 9") + 8),
                         PARADE_DAY, trigger="go ahead")]),
        _event("evt_formula", "=HYPERLINK(\"http://evil.example\",\"click\")",
               "+1 cell\nwith a newline, a comma; a semicolon and a back\\slash "
               + "é" * 60, "other",
               Interval(date(2023, 5, 3), date(2023, 5, 3), "day", "2023-05-03"),
               [_mention(DOC_B, "@SUM(A1) said today.", (0, 20), None, None,
                         Interval(date(2023, 5, 3), date(2023, 5, 3), "day", "2023-05-03"))]),
        _event("evt_war", "War began", "The war began on 24 February 2022.", "attack",
               Interval(date(2022, 2, 24), None, "day", "2022-02-24"),
               [_mention(DOC_B, "The war began on 24 February 2022.", (30, 64), "24 February 2022",
                         (47, 63), Interval(date(2022, 2, 24), None, "day", "2022-02-24"),
                         trigger="began")]),
        _event("evt_spring", "Spring offensive", "The spring offensive.", "attack",
               Interval(date(2023, 3, 1), date(2023, 5, 31), "season", "2023-SP"),
               [_mention(DOC_B, "The spring offensive.", (70, 91), "spring", (74, 80),
                         Interval(date(2023, 3, 1), date(2023, 5, 31), "season", "2023-SP"),
                         trigger="offensive")]),
        _event("evt_1945", "Victory in 1945", "Victory in 1945.", "other",
               Interval(date(1945, 1, 1), date(1945, 12, 31), "year", "1945"),
               [_mention(DOC_B, "Victory in 1945.", (100, 116), "1945", (111, 115),
                         Interval(date(1945, 1, 1), date(1945, 12, 31), "year", "1945"),
                         trigger="Victory")]),
    ]


def sample_events_json() -> list[dict]:
    return EventSchema(many=True).dump(sample_events())


TEXT_B = ("@SUM(A1) said today. The war began on 24 February 2022. The spring offensive. "
          "Victory in 1945. " + "Filler text. " * 10)


def sample_documents():
    from api.extract.model import DocumentInput

    return [DocumentInput(id=DOC_A, text=TEXT_A), DocumentInput(id=DOC_B, text=TEXT_B)]


def sample_timeline():
    """(documents, Timeline) ready for `Store.store_parsed`, no pipeline needed."""
    from api.extract.model import DocumentResult, Timeline

    reference = date(2023, 5, 3)
    results = tuple(DocumentResult(id=doc.id, reference_date=reference,
                                   reference_date_source="assumed",
                                   reference_date_evidence="test fixture")
                    for doc in sample_documents())
    events = sorted(sample_events(), key=lambda e: (e.interval.start or date.min,
                                                    e.interval.end or date.max, e.id))
    return sample_documents(), Timeline(documents=results, events=tuple(events))
