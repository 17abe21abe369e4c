"""The date-range query: right on every span class boundary, served by the
span-class index, and still right on a database made before span_class."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from api.extract.model import DocumentInput, DocumentResult, Event, Interval, Mention, Timeline
from api.store import LONG_CLASS, SPAN_CLASS_DAYS, SPAN_LAYOUT, _page_query, events_table, meta_table, span_class
from tests.api.conftest import BACKENDS, module_store

ANCHOR = date(2020, 6, 15)
LENGTHS = sorted({0, 1, 6, 30, 364, *(d + k for d in SPAN_CLASS_DAYS for k in (-1, 0, 1) if d + k >= 0), 900, 5000})


def _events() -> list[Interval]:
    """Intervals of every length around every class boundary, ending just before, on and
    after the anchor day, plus open starts and ends."""
    intervals = []
    for length in LENGTHS:
        for shift in (-2, -1, 0, 1, 2, length // 2):
            start = ANCHOR - timedelta(days=length + shift)
            intervals.append(Interval(start, start + timedelta(days=length), "day"))
    intervals += [Interval(ANCHOR - timedelta(days=3000), None, "day"), Interval(None, ANCHOR, "day"),
                  Interval(ANCHOR + timedelta(days=5), None, "day"), Interval(None, None, "vague")]
    return intervals


INTERVALS = _events()


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request, tmp_path_factory):
    store = module_store(request, tmp_path_factory)
    doc = DocumentInput(id="d", text="an article")
    events = []
    for number, interval in enumerate(INTERVALS):
        m = Mention("d", "s", (0, 1), "s", (0, 1), None, None, interval)
        events.append(Event(f"evt_{number:04d}", "h", "s", "other", interval, ("d",), (m,)))
    store.store_parsed([doc], Timeline((DocumentResult("d", ANCHOR, "given", None),), tuple(events)))
    yield store
    store.dispose()


def expected(start, end) -> list[str]:
    def overlaps(iv):
        return (end is None or iv.start is None or iv.start <= end) and \
               (start is None or iv.end is None or iv.end >= start)
    return sorted(f"evt_{n:04d}" for n, iv in enumerate(INTERVALS) if overlaps(iv))


RANGES = [(ANCHOR, ANCHOR), (ANCHOR - timedelta(days=1), ANCHOR), (ANCHOR, ANCHOR + timedelta(days=400)),
          (ANCHOR - timedelta(days=62), ANCHOR - timedelta(days=8)), (None, ANCHOR), (ANCHOR, None), (None, None),
          (date(1, 1, 1), date(1, 1, 10))]
rng = random.Random(5)
RANGES += [(ANCHOR - timedelta(days=a), ANCHOR - timedelta(days=a) + timedelta(days=b))
           for a, b in ((rng.randrange(-50, 6000), rng.randrange(0, 500)) for _ in range(12))]


@pytest.mark.parametrize("start, end", RANGES)
def test_a_range_finds_exactly_the_events_that_overlap_it(filled, start, end):
    found, cursor = [], None
    while True:
        page = filled.query_events(start=start, end=end, limit=7, cursor=cursor, with_mentions=False)
        found += [e.id for e in page.events]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(found) == expected(start, end)
    assert len(found) == len(set(found))


@pytest.mark.parametrize("days, klass", [(0, 0), (1, 1), (2, 2), (6, 2), (7, 2), (8, 3), (30, 3), (31, 3), (32, 4),
                                         (91, 4), (92, 4), (93, 5), (365, 5), (366, 5), (367, LONG_CLASS)])
def test_span_classes_follow_the_length_of_the_interval(days, klass):
    assert span_class("2020-01-01", (date(2020, 1, 1) + timedelta(days=days)).isoformat()) == klass


def test_a_range_query_is_served_by_the_span_class_index(filled):
    statement, params = _page_query(("body",), start=date(2020, 5, 1), end=date(2020, 5, 31), limit=51,
                                    limit_each_branch=filled.is_postgres)
    compiled = str(statement.params(params).compile(filled.engine, compile_kwargs={"literal_binds": True}))
    with filled.engine.connect() as conn:
        if filled.is_postgres:
            conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: ask whether the index can serve it
            plan = " ".join(conn.exec_driver_sql(f"EXPLAIN {compiled}").scalars())
        else:
            plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "ix_events_span_" in plan, plan
    if filled.is_postgres:  # each class's scan stops after a page instead of feeding one big sort
        assert "Merge Append" in plan, plan
    assert "Seq Scan" not in plan and "SCAN events" not in plan.replace("SCAN events USING", ""), plan


def test_a_database_made_before_span_classes_is_upgraded_in_place(filled):
    with filled.engine.begin() as conn:
        for index in ("ix_events_span_start", "ix_events_span_end"):
            conn.exec_driver_sql(f"DROP INDEX {index}")
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN span_class")
    filled.create_schema()
    with filled.engine.connect() as conn:
        classes = dict(conn.execute(sa.select(events_table.c.id, events_table.c.span_class)).all())
    assert len(set(classes.values())) == LONG_CLASS + 1  # backfilled, not left at the default
    start, end = RANGES[2]
    found = filled.query_events(start=start, end=end, limit=500, with_mentions=False).events
    assert sorted(e.id for e in found) == expected(start, end)


def test_a_store_made_with_other_span_classes_is_reclassed_on_start(filled):
    with filled.engine.connect() as conn:
        right = dict(conn.execute(sa.select(events_table.c.id, events_table.c.span_class)).all())
    with filled.engine.begin() as conn:  # as an older layout left it: every event in one class
        conn.execute(events_table.update().values(span_class=LONG_CLASS, is_long=True))
        conn.execute(meta_table.update().where(meta_table.c.key == "span_layout").values(value=SPAN_LAYOUT + 1))
    filled.create_schema()
    with filled.engine.connect() as conn:
        reclassed = dict(conn.execute(sa.select(events_table.c.id, events_table.c.span_class)).all())
        layout = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "span_layout")).scalar_one()
        long_flags = set(conn.execute(sa.select(events_table.c.is_long, events_table.c.span_class)).all())
    assert reclassed == right and len(set(right.values())) == LONG_CLASS + 1
    assert layout == SPAN_LAYOUT
    assert long_flags == {(klass == LONG_CLASS, klass) for klass in set(right.values())}
