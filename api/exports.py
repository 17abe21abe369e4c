"""Timeline exports for tools people already use: TimelineJS, iCalendar, CSV.

Input is a list of events in the CONTRACT §2 JSON shape (as dumped by
`schemas.timeline.EventSchema`); output is `(content_type, body)`. Pure
functions: no Flask, no store, and nothing depends on the wall clock, so the
same events always give byte-identical exports (stable ETags, stable diffs).

Open ends (`start` or `end` null): a calendar cannot hold an open interval, so
ICS places the event on its one known day and says "since …" / "until …" in
the description; TimelineJS gets only the known date plus the same phrase as
`display_date`; CSV leaves the cell empty. An event with neither end has no
place on a calendar or a TimelineJS axis and is left out of those two exports
(CSV keeps it).
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date, timedelta

FORMATS = ("timelinejs", "ics", "csv")

CONTENT_TYPES = {
    "json": "application/json",
    "timelinejs": "application/json",
    "ics": "text/calendar; charset=utf-8",
    "csv": "text/csv; charset=utf-8; header=present",
}

FILE_EXTENSIONS = {"json": "json", "timelinejs": "json", "ics": "ics", "csv": "csv"}

UID_DOMAIN = "event-timeline"
PRODID = "-//event-timeline//Event timeline export//EN"


class UnknownFormat(ValueError):
    """Raised for a format name outside FORMATS."""


def export(events_json: list[dict], fmt: str) -> tuple[str, str]:
    """Render events (CONTRACT §2 JSON) as `fmt`: 'timelinejs', 'ics' or 'csv'."""
    writers = {"timelinejs": _timelinejs_body, "ics": to_ics, "csv": to_csv}
    if fmt not in writers:
        raise UnknownFormat(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return CONTENT_TYPES[fmt], writers[fmt](events_json)


# --------------------------------------------------------------------------
# Grain-aware display dates ("night of 2–3 May 2023", "spring 2023", ...)
# --------------------------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                "Oct", "Nov", "Dec")
# TIMEX3 season codes, and the season a start month falls in (northern hemisphere,
# meteorological seasons) when the value does not carry one.
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
SEASON_OF_MONTH = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                   9: "FA", 10: "FA", 11: "FA", 12: "WI", 1: "WI", 2: "WI"}
PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                "NI": "night", "DT": "daytime"}
VAGUE_PHRASES = {  # TIMEX3 vague values: how the window relates to its known end
    "PAST_REF": "recent {unit} up to {end}",
    "FUTURE_REF": "coming {unit} from {start}",
    "PRESENT_REF": "around {end}",
}
# A vague window is named by its width, so "in recent months" (six months
# wide) does not read as "recent days": (at most this many days, unit).
VAGUE_UNITS = ((14, "days"), (62, "weeks"), (730, "months"))
EN_DASH = "\u2013"


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _day(d: date) -> str:
    return f"{d.day} {MONTHS_SHORT[d.month - 1]} {d.year}"


def _day_range(start: date, end: date) -> str:
    """'2–3 May 2023', '30 Apr – 1 May 2023', '31 Dec 2022 – 1 Jan 2023'."""
    if start == end:
        return _day(start)
    if start.year != end.year:
        return f"{_day(start)} {EN_DASH} {_day(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS_SHORT[start.month - 1]} {EN_DASH} {_day(end)}"
    return f"{start.day}{EN_DASH}{end.day} {MONTHS_SHORT[end.month - 1]} {end.year}"


def _vague_unit(start: date, end: date) -> str:
    width = (end - start).days + 1
    for most, unit in VAGUE_UNITS:
        if width <= most:
            return unit
    return "years"


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _season(start: date, end: date, value: str | None) -> str:
    match = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value or "")
    code = match.group(2) if match else SEASON_OF_MONTH[start.month]
    name = SEASONS[code]
    if code == "WI" and start.year != end.year:
        return f"{name} {start.year}{EN_DASH}{str(end.year)[-2:]}"
    return f"{name} {start.year}"


def _part_of_day(start: date, value: str | None) -> str:
    match = re.search(r"T(MO|MI|AF|EV|NI|DT)$", value or "")
    if not match:
        return _day(start)
    return f"{PARTS_OF_DAY[match.group(1)]} of {_day(start)}"


def _time(start: date, value: str | None) -> str:
    match = re.search(r"T(\d{2}:\d{2})", value or "")
    return f"{_day(start)}, {match.group(1)}" if match else _day(start)


def display_date(start, end, grain: str, value: str | None = None) -> str:
    """A human date for an interval at its grain, as a reader would say it.

    >>> display_date("2023-05-02", "2023-05-03", "night")
    'night of 2–3 May 2023'
    """
    start, end = _as_date(start), _as_date(end)
    if start is None and end is None:
        return "undated"
    if end is None:
        return f"since {_day(start)}"
    if start is None:
        return f"until {_day(end)}"
    if grain == "vague":
        phrase = VAGUE_PHRASES.get(value or "", "{start_end}")
        return phrase.format(start=_day(start), end=_day(end), unit=_vague_unit(start, end),
                             start_end=f"about {_day_range(start, end)}")
    if grain == "night":
        return f"night of {_day_range(start, end)}"
    if grain == "time" and start == end:
        return _time(start, value)
    if grain == "part-of-day" and start == end:
        return _part_of_day(start, value)
    if grain == "week":
        return f"week of {_day(start)}"
    if grain == "month" and (start.year, start.month) == (end.year, end.month):
        return f"{MONTHS[start.month - 1]} {start.year}"
    if grain == "month":
        return f"{MONTHS[start.month - 1]} {start.year} {EN_DASH} {MONTHS[end.month - 1]} {end.year}"
    if grain == "season":
        return _season(start, end, value)
    if grain == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if grain == "year":
        return str(start.year) if start.year == end.year else f"{start.year}{EN_DASH}{end.year}"
    if grain == "decade":
        return f"the {start.year // 10 * 10}s"
    if grain == "century":
        return f"the {_ordinal(start.year // 100 + 1)} century"
    return _day_range(start, end)


def event_display_date(event: dict) -> str:
    return display_date(event.get("start"), event.get("end"), event.get("grain", "day"),
                        event.get("value"))


# --------------------------------------------------------------------------
# TimelineJS (Knight Lab) JSON
# --------------------------------------------------------------------------

# Which date parts a grain knows: partial dates omit the parts they do not know.
_TIMELINEJS_PARTS = {
    "year": ("year",), "decade": ("year",), "century": ("year",),
    "month": ("year", "month"), "season": ("year", "month"), "quarter": ("year", "month"),
}


def _timelinejs_date(d: date, grain: str, value: str | None = None) -> dict:
    parts = _TIMELINEJS_PARTS.get(grain, ("year", "month", "day"))
    full = {"year": d.year, "month": d.month, "day": d.day}
    date_parts = {part: full[part] for part in parts}
    clock = re.search(r"T(\d{2}):(\d{2})", value or "") if grain == "time" else None
    if clock and f"{d.isoformat()}T" in (value or ""):  # a clock time of this very day
        date_parts.update(hour=int(clock.group(1)), minute=int(clock.group(2)))
    return date_parts


def _timelinejs_text(event: dict) -> str:
    # TimelineJS renders `text` as HTML: every article-derived string is escaped.
    paragraphs = [f"<p>{html.escape(event.get('summary') or '')}</p>"]
    sources = event.get("sources") or []
    if sources:
        paragraphs.append("<p>Sources: " + ", ".join(html.escape(s) for s in sources) + "</p>")
    return "".join(paragraphs)


def to_timelinejs(events_json: list[dict], title: str = "Event timeline") -> dict:
    """A Knight Lab TimelineJS document (https://timeline.knightlab.com/docs/json-format.html)."""
    slides = []
    for event in events_json:
        start, end = _as_date(event.get("start")), _as_date(event.get("end"))
        if start is None and end is None:
            continue  # nowhere to put it on the axis
        grain = event.get("grain") or "day"
        when = event_display_date(event)
        slide = {
            "start_date": {**_timelinejs_date(start or end, grain, event.get("value")),
                           "display_date": when},
            "text": {"headline": html.escape(event.get("headline") or ""),
                     "text": _timelinejs_text(event)},
            "unique_id": event["id"],
            "display_date": when,
        }
        if start and end and end != start:
            end_date = _timelinejs_date(end, grain)
            if end_date != _timelinejs_date(start, grain):  # e.g. one month at month grain
                slide["end_date"] = end_date
        if event.get("category"):
            slide["group"] = html.escape(event["category"])
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title),
                               "text": f"<p>Events: {len(slides)}</p>"}},
            "events": slides}


def _timelinejs_body(events_json: list[dict]) -> str:
    return json.dumps(to_timelinejs(events_json), ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------
# iCalendar (RFC 5545), written by hand: all-day events only
# --------------------------------------------------------------------------

def ics_escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


def ics_fold(line: str, limit: int = 75) -> str:
    """Fold a content line at `limit` octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    out, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        # continuation lines start with a space that counts toward their 75 octets
        budget = limit if not out else limit - 1
        if size + width > budget:
            out.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _ics_date(d: date) -> str:
    return d.strftime("%Y%m%d")


def _ics_event(event: dict) -> list[str] | None:
    start, end = _as_date(event.get("start")), _as_date(event.get("end"))
    if start is None and end is None:
        return None
    first, last = start or end, end or start  # an open end: the one known day
    description = [event_display_date(event)]
    if event.get("summary"):
        description.append(event["summary"])
    if event.get("sources"):
        description.append("Sources: " + ", ".join(event["sources"]))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ics_escape(event['id'])}@{UID_DOMAIN}",
        # DTSTAMP must be UTC; deriving it from the event's own latest date keeps
        # exports reproducible instead of changing on every request.
        f"DTSTAMP:{_ics_date(last)}T000000Z",
        f"DTSTART;VALUE=DATE:{_ics_date(first)}",
        f"DTEND;VALUE=DATE:{_ics_date(last + timedelta(days=1))}",  # exclusive
        f"SUMMARY:{ics_escape(event.get('headline') or '')}",
        f"DESCRIPTION:{ics_escape(chr(10).join(description))}",
    ]
    if event.get("category"):
        lines.append(f"CATEGORIES:{ics_escape(event['category'])}")
    lines.append("TRANSP:TRANSPARENT")  # a news event does not make anyone busy
    lines.append("END:VEVENT")
    return lines


def to_ics(events_json: list[dict]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Event timeline"]
    for event in events_json:
        lines.extend(_ics_event(event) or [])
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)


# --------------------------------------------------------------------------
# CSV (RFC 4180)
# --------------------------------------------------------------------------

CSV_COLUMNS = ("id", "start", "end", "grain", "value", "when", "headline", "summary",
               "category", "sources", "mentions")
# Spreadsheets run a cell starting with these as a formula (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell) -> str:
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


def to_csv(events_json: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for event in events_json:
        row = {
            **{key: event.get(key) for key in ("id", "start", "end", "grain", "value",
                                                "headline", "summary", "category")},
            "when": event_display_date(event),
            "sources": "; ".join(event.get("sources") or []),
            "mentions": len(event.get("mentions") or []),
        }
        writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()
