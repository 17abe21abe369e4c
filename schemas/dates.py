"""Date-range bounds for query parameters (`from`, `to`).

A bound names a period, and the range takes its outer edge: `from=2023-05`
means from 2023-05-01, `to=2023-05` means up to 2023-05-31. ISO forms
(`2023`, `2023-05`, `2023-05-03`) are read exactly; anything else goes to
dateparser ("3 May 2023", "May 2023"), which reports the period it read.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from marshmallow import ValidationError, fields

ISO_BOUND = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_PHRASE_LENGTH = 100


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


def period_of(text: str) -> tuple[date, date]:
    """The first and last day of the period `text` names; ValueError if none."""
    text = text.strip()
    match = ISO_BOUND.match(text)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        if year < 1:
            raise ValueError("the year must be 1 or later")
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            if not 1 <= month <= 12:
                raise ValueError("the month must be 01-12")
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        single = date(year, month, day)  # raises ValueError on 2023-02-30
        return single, single
    if not text or len(text) > MAX_PHRASE_LENGTH or not re.search(r"[A-Za-z0-9]", text):
        raise ValueError("not a date")
    data = _date_parser().get_date_data(text)
    if data is None or data.date_obj is None:
        raise ValueError("not a date")
    day = data.date_obj.date()
    if data.period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if data.period == "month":
        return date(day.year, day.month, 1), date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day, day


class RangeBound(fields.Field):
    """`from` (side='start') or `to` (side='end') of an inclusive date range."""

    def __init__(self, side: str, **kwargs):
        super().__init__(**kwargs)
        self.side = side

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise ValidationError("must be a date: 2023, 2023-05, 2023-05-03 or a phrase such as '3 May 2023'")
        try:
            first, last = period_of(value)
        except (ValueError, OverflowError):
            raise ValidationError(
                f"{value[:MAX_PHRASE_LENGTH]!r} is not a date: use 2023, 2023-05, 2023-05-03 "
                "or a phrase such as '3 May 2023'") from None
        return first if self.side == "start" else last

    def _serialize(self, value, attr, obj, **kwargs):
        return value.isoformat() if value is not None else None
