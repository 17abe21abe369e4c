"""The store: documents, mentions and events, through SQLAlchemy Core.

One code path serves SQLite (the default, a file in the instance folder) and
PostgreSQL (when DATABASE_URL names one). Dates are stored as ISO strings so
both backends compare and sort them the same way.

Ingest is one transaction per call. Writers serialize: `BEGIN IMMEDIATE` on
SQLite, `pg_advisory_xact_lock` on PostgreSQL, so two concurrent ingests
never both create the same event. Every write bumps a "data version" counter
that the API turns into ETags.

Range queries use overlap semantics on `start_key`/`end_key`, the interval
ends with open ends replaced by sentinels. An index on start_key alone cannot
bound "ends on or after `from`", so every event also has a `span_class` by its
length: at most SPAN_CLASS_DAYS[0] days, [1], ..., or longer/open (the last
class; the classes follow the common lengths of a resolved interval). An
event of class c that overlaps [from, to] starts within
SPAN_CLASS_DAYS[c] days before `from`, so the query is a UNION ALL of one
short index range scan per class on (span_class, start_key, end_key, id),
merged in order under the page's LIMIT (see `_page_statement`); only the
rare longer/open events are scanned without a lower bound on start_key.
`is_long` (span_class == last) is kept for databases made before span_class
existed.

Each event row also keeps `body`: the event exactly as the API serves it
(CONTRACT §2 JSON, mentions included), written whenever the event is. Pages
and single events are then read as stored text and joined, not rebuilt from
mention rows and serialized on every request.

Reads made inside `Store.snapshot()` share one connection; the API opens one
per GET and reads the data version behind its ETag first, so a tag is never
newer than the rows it tags.

The reads every GET makes (the data version, a page of bodies, one body) are
still built with Core, but compiled once per statement and run straight on the
DBAPI cursor (`DriverSQL`): SQLAlchemy's work on each execution cost more than
the database's own.
"""
from __future__ import annotations

import base64
import contextlib
import dataclasses
import contextvars
import functools
import hashlib
import json
import logging
import math
import weakref
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.pool import StaticPool

from api.extract.model import DocumentInput, DocumentResult, Event, Interval, Mention, Timeline
from schemas.timeline import event_json

log = logging.getLogger(__name__)

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"
LONG_EVENT_DAYS = 366
# The longest (end - start) of each class, one class per common length of a resolved
# interval: a day or a time (0), a night or weekend (1), a week, a month, a quarter or
# season, a year. A class's scan starts its longest span before `from`, so a class as
# wide as the lengths it holds wastes little of that scan on events that ended before
# `from` (7/62/400 days made each page's scans 2-3 times longer at a million events).
SPAN_CLASS_DAYS = (0, 1, 7, 31, 92, LONG_EVENT_DAYS)
LONG_CLASS = len(SPAN_CLASS_DAYS)           # longer than LONG_EVENT_DAYS, or an open end
# Which SPAN_CLASS_DAYS a store's span_class column was computed with (kept in meta):
# a store made with other classes is re-classed once, in create_schema.
SPAN_LAYOUT = int(hashlib.sha256(repr(SPAN_CLASS_DAYS).encode()).hexdigest()[:12], 16)
# SQLite reads through a memory map (capped by SQLite's own build limit, 2 GiB here): a
# page of events touches ~50 rows scattered over the file, and mapped pages cost no
# read() call and copy each (a one-week page's SELECT at a million events: 192 -> 146 us).
SQLITE_MMAP_BYTES = 1 << 31
KNOWN_EVENTS_LIMIT = 2000
MATCH_CANDIDATES_LIMIT = 200
ADVISORY_LOCK_KEY = 7_220_523  # any constant shared by every writer of this schema
SEED_LOCK_KEY = 7_220_524      # held by the one process that seeds an empty store
SORTS = ("start", "-start")

metadata = sa.MetaData()

meta_table = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

documents_table = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("published", sa.String(10)),
    sa.Column("reference_date", sa.String(10), nullable=False),
    sa.Column("reference_date_source", sa.String(20), nullable=False),
    sa.Column("reference_date_evidence", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
)

events_table = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(100), primary_key=True),
    sa.Column("headline", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("start_date", sa.String(10)),
    sa.Column("end_date", sa.String(10)),
    sa.Column("start_key", sa.String(10), nullable=False),
    sa.Column("end_key", sa.String(10), nullable=False),
    sa.Column("is_long", sa.Boolean, nullable=False),
    sa.Column("span_class", sa.SmallInteger, nullable=False, server_default=str(LONG_CLASS)),
    sa.Column("grain", sa.String(20), nullable=False),
    sa.Column("value", sa.String(100)),
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("updated_version", sa.BigInteger, nullable=False),
    sa.Column("body", sa.Text),  # the served JSON; NULL only until create_schema backfills old rows
    sa.Index("ix_events_start_end_id", "start_key", "end_key", "id"),
    sa.Index("ix_events_end", "end_key"),
    sa.Index("ix_events_span_start", "span_class", "start_key", "end_key", "id"),
    sa.Index("ix_events_span_end", "span_class", "end_key"),
    sa.Index("ix_events_updated", "updated_version"),
)

mentions_table = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(200),
              sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("event_id", sa.String(100), nullable=False, index=True),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("time_text", sa.Text),
    sa.Column("time_start", sa.Integer),
    sa.Column("time_end", sa.Integer),
    sa.Column("start_date", sa.String(10)),
    sa.Column("end_date", sa.String(10)),
    sa.Column("grain", sa.String(20), nullable=False),
    sa.Column("value", sa.String(100)),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("headline", sa.Text, nullable=False),
    sa.Column("keywords", sa.JSON, nullable=False),
    sa.Column("participants", sa.JSON, nullable=False),
)


class InvalidCursor(ValueError):
    """A pagination cursor this store did not hand out."""


class DocumentConflict(ValueError):
    """A document id already names a different text."""


@dataclass(frozen=True)
class EventPage:
    events: list[Event]
    next_cursor: str | None


@dataclass(frozen=True)
class BodyPage:
    bodies: list[str]  # each an event's JSON text, as `event_json` wrote it
    next_cursor: str | None


@dataclass(frozen=True)
class DocumentPage:
    documents: list[dict]
    next_cursor: str | None


@dataclass(frozen=True)
class IngestResult:
    document: dict
    events: list[Event]
    created: bool

    def __iter__(self):  # unpacks as (document, events, created)
        return iter((self.document, self.events, self.created))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_url(url: str) -> str:
    """SQLAlchemy URL for DATABASE_URL; plain postgres URLs get the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def encode_cursor(values: Sequence) -> str:
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, length: int) -> list:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError):
        raise InvalidCursor("not a cursor this API handed out") from None
    if not isinstance(values, list) or len(values) != length or not all(isinstance(v, str) for v in values):
        raise InvalidCursor("not a cursor this API handed out")
    return values


def _cut_page(rows: list, limit: int, sort: str, keys_of) -> tuple[list, str | None]:
    """The page and the cursor after it, from `limit` + 1 rows (`keys_of(row)`: its PAGE_KEYS)."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor([*keys_of(rows[-1]), sort])


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def span_class(start_key: str, end_key: str) -> int:
    """The length class of an interval given by its keys (see the module docstring)."""
    if start_key == OPEN_START or end_key == OPEN_END:
        return LONG_CLASS
    days = (date.fromisoformat(end_key) - date.fromisoformat(start_key)).days
    return next((number for number, longest in enumerate(SPAN_CLASS_DAYS) if days <= longest), LONG_CLASS)


def _keys(interval: Interval) -> tuple[str, str, int]:
    start_key = _iso(interval.start) or OPEN_START
    end_key = _iso(interval.end) or OPEN_END
    return start_key, end_key, span_class(start_key, end_key)


PAGE_KEYS = ("start_key", "end_key", "id")  # the order of every page, and its cursor
LIKE_ESCAPE = "\\"


def _fts_phrase(text: str) -> str:
    """`text` as one FTS5 phrase: with the trigram tokenizer, a substring match."""
    return '"' + text.replace('"', '""') + '"'


def _like_pattern(text: str) -> str:
    """`%text%` for LIKE, with the wildcards in `text` taken literally."""
    escaped = text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return f"%{escaped}%"


@functools.lru_cache(maxsize=256)
def _page_statement(columns: tuple[str, ...], has_start: bool, has_end: bool, filters: frozenset[str],
                    descending: bool, limit_each_branch: bool):
    """SELECT `columns` of the events overlapping [:start, :end] that pass `filters`, in page order.

    Every value is a bind parameter (`_page_query` names them), so each shape
    of query is built once per process instead of on every request. With a
    `start`, one branch per span class, each an index range scan that starts
    at most that class's longest span before `start` (:earliest_N); the
    branches are merged in page order (UNION ALL ... ORDER BY ... LIMIT), so
    no query reads more than a page from each class. SQLite merges the plain
    union that way by itself (and slows down 100x given subqueries); PostgreSQL
    sorts every overlapping event of every class unless each branch carries
    its own ORDER BY and LIMIT (`limit_each_branch`), after which it merges.
    """
    e = events_table.c
    common = []
    if "q" in filters:
        needle = sa.bindparam("needle", type_=sa.String)
        common.append(sa.or_(sa.func.lower(e.headline).like(needle, escape=LIKE_ESCAPE),
                             sa.func.lower(e.summary).like(needle, escape=LIKE_ESCAPE)))
    if "q_trigrams" in filters:
        common.append(sa.literal_column("events.rowid").in_(_TEXT_MATCH))
    if "category" in filters:
        common.append(e.category == sa.bindparam("category"))
    if "grain" in filters:
        common.append(e.grain == sa.bindparam("grain"))
    if "not_vague" in filters:
        common.append(e.grain != "vague")
    if "document" in filters:
        common.append(e.id.in_(sa.select(mentions_table.c.event_id)
                               .where(mentions_table.c.document_id == sa.bindparam("document"))))
    if "after" in filters:
        position = sa.tuple_(*(e[key] for key in PAGE_KEYS))
        after = sa.tuple_(*(sa.bindparam(f"after_{key}", type_=sa.String) for key in PAGE_KEYS))
        common.append(position < after if descending else position > after)
    if has_end:
        common.append(e.start_key <= sa.bindparam("end", type_=sa.String))
    if not has_start:
        branches = [common]
    else:
        common.append(e.end_key >= sa.bindparam("start", type_=sa.String))
        branches = [[*common, e.span_class == number, e.start_key >= sa.bindparam(f"earliest_{number}", type_=sa.String)]
                    for number in range(len(SPAN_CLASS_DAYS))]
        branches.append([*common, e.span_class == LONG_CLASS])
    selected = [e[name] for name in dict.fromkeys((*PAGE_KEYS, *columns))]
    limit = sa.bindparam("limit", type_=sa.Integer)

    def in_page_order(query):
        order = [query.selected_columns[key] for key in PAGE_KEYS]
        return query.order_by(*(c.desc() for c in order) if descending else order)

    if len(branches) == 1:
        return in_page_order(sa.select(*selected).where(*branches[0])).limit(limit)
    if not limit_each_branch:
        return in_page_order(sa.union_all(*(sa.select(*selected).where(*c) for c in branches))).limit(limit)
    parts = [sa.select(in_page_order(sa.select(*selected).where(*conditions)).limit(limit)
                       .subquery(f"span_class_{number}"))
             for number, conditions in enumerate(branches)]
    return in_page_order(sa.union_all(*parts)).limit(limit)


def _page_query(columns: Sequence[str], *, start: date | None = None, end: date | None = None,
                q: str | None = None, category: str | None = None, document: str | None = None,
                grain: str | None = None, include_vague: bool = True, sort: str = "start",
                limit: int = 50, after: Sequence[str] | None = None, limit_each_branch: bool = False,
                sqlite_text_index: bool = False):
    """(statement, parameters) for one page of events (see `_page_statement`).

    `q` is a case-insensitive substring of the headline or summary. With
    `sqlite_text_index` a `q` of three characters or more is looked up in
    SQLite's trigram index; otherwise (shorter `q`, words too common for the
    index to help, PostgreSQL, whose trigram indexes serve the LIKE itself)
    it filters with LIKE.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}")
    params: dict = {"limit": limit}
    filters: set[str] = set()
    if q and sqlite_text_index and len(q) >= TRIGRAM:
        params["phrase"] = _fts_phrase(q)
        filters.add("q_trigrams")
    elif q:
        params["needle"] = _like_pattern(q.lower())
        filters.add("q")
    for name, value in (("category", category), ("grain", grain), ("document", document)):
        if value:
            params[name] = value
            filters.add(name)
    if not include_vague:
        filters.add("not_vague")
    if after is not None:
        params.update({f"after_{key}": value for key, value in zip(PAGE_KEYS, after)})
        filters.add("after")
    if end is not None:
        params["end"] = end.isoformat()
    if start is not None:
        params["start"] = start.isoformat()
        for number, longest in enumerate(SPAN_CLASS_DAYS):
            params[f"earliest_{number}"] = (
                (start - timedelta(days=longest)).isoformat() if start.toordinal() > longest else OPEN_START)
    statement = _page_statement(tuple(columns), start is not None, end is not None, frozenset(filters),
                                sort == "-start", limit_each_branch)
    return statement, params


# Text search (SQLite): FTS5's trigram tokenizer indexes every three-character
# run of headline and summary, so a substring query becomes an index lookup.
# Triggers keep it in step with every write to events, bulk loads included.
TEXT_INDEX_DDL = (
    "CREATE VIRTUAL TABLE events_text USING fts5(headline, summary, content='events', "
    "content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER events_text_insert AFTER INSERT ON events BEGIN "
    "INSERT INTO events_text(rowid, headline, summary) VALUES (new.rowid, new.headline, new.summary); END",
    "CREATE TRIGGER events_text_delete AFTER DELETE ON events BEGIN "
    "INSERT INTO events_text(events_text, rowid, headline, summary) "
    "VALUES ('delete', old.rowid, old.headline, old.summary); END",
    "CREATE TRIGGER events_text_update AFTER UPDATE OF headline, summary ON events BEGIN "
    "INSERT INTO events_text(events_text, rowid, headline, summary) "
    "VALUES ('delete', old.rowid, old.headline, old.summary); "
    "INSERT INTO events_text(rowid, headline, summary) VALUES (new.rowid, new.headline, new.summary); END",
    "INSERT INTO events_text(events_text) VALUES ('rebuild')",
)
TRIGRAM = 3
# Which plan finds a page of events containing a word? Listing its M matches from the
# index costs ~3 us each; walking events in page order until 51 match costs ~2.2 us per
# event walked, 51 * N / M of them among N events (both measured on SQLite, 100k events).
# They cost the same at M = sqrt(37 N), so the index is asked for at most that many
# matches (the probe): more than that, and the walk is the cheaper plan.
TEXT_PROBE_FACTOR = 37
TEXT_PROBE_LIMIT = 10_000  # at most, whatever the store's size
_TEXT_PROBE = sa.text("SELECT rowid FROM events_text WHERE events_text MATCH :phrase LIMIT :probe").bindparams(
    sa.bindparam("phrase", type_=sa.String), sa.bindparam("probe", type_=sa.Integer))
_LAST_ROWID = sa.text("SELECT max(rowid) FROM events")
_TEXT_MATCH = sa.text("SELECT rowid FROM events_text WHERE events_text MATCH :phrase").columns(
    sa.column("rowid", sa.Integer)).bindparams(sa.bindparam("phrase", type_=sa.String))
# PostgreSQL: pg_trgm's GIN indexes serve `lower(column) LIKE '%...%'` directly.
TRIGRAM_COLUMNS = ("headline", "summary")

# What Event objects are built from: everything but the served JSON.
EVENT_COLUMNS = tuple(c.name for c in events_table.columns if c.name != "body")

# Statements every GET runs, built once (see `_page_statement`).
_DATA_VERSION = sa.select(meta_table.c.value).where(meta_table.c.key == "data_version")
_EVENT_BODY = sa.select(events_table.c.body).where(events_table.c.id == sa.bindparam("event_id", type_=sa.String))


@dataclass(frozen=True)
class DriverSQL:
    """A Core SELECT compiled once for one dialect, to run on the DBAPI cursor itself.

    For the reads behind every GET: SQLAlchemy's per-execution work (the cache
    key of a four-branch UNION, bind and result processing) was most of a
    one-week page's store time (SQLite, 100k events, in-process: the version
    and the page in 417 us through `Connection.execute`, 176 us this way).
    Only for statements whose binds and columns need no type processing
    (strings and integers): rows come back as the driver's tuples.
    """
    sql: str
    positions: tuple[str, ...] | None  # bind names in order, for positional (qmark) drivers
    defaults: dict                     # the values of binds Core made from literals

    @classmethod
    def compile(cls, statement, dialect) -> "DriverSQL":
        compiled = statement.compile(dialect=dialect)
        escaped = getattr(compiled, "escaped_bind_names", None) or {}
        if escaped:
            raise ValueError(f"bind names need escaping ({sorted(escaped)}); run this statement through Core")
        positions = tuple(compiled.positiontup) if compiled.positional else None
        return cls(str(compiled), positions, dict(compiled.params))

    def rows(self, conn, params: dict) -> list[tuple]:
        """Run on `conn`'s DBAPI connection (inside its transaction, if any)."""
        values = {**self.defaults, **params}
        cursor = conn.connection.cursor()
        try:
            cursor.execute(self.sql, [values[name] for name in self.positions] if self.positions is not None
                           else values)
            return cursor.fetchall()
        finally:
            cursor.close()


# The store and connection that reads share inside `Store.snapshot()`.
_snapshot: contextvars.ContextVar = contextvars.ContextVar("timeline_store_snapshot", default=None)


class Store:
    def __init__(self, url: str):
        self.url = normalize_url(url)
        self.engine = _make_engine(self.url)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        # Snapshots check out from a pool that does not ping (see `snapshot`).
        self._snapshot_engine = _make_engine(self.url, pre_ping=False) if self.is_postgres else self.engine
        self._sqlite_text_index: bool | None = None  # known after the first look
        self._driver_sql: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def _fetch(self, conn, statement, params: dict) -> list[tuple]:
        """`statement`'s rows as tuples, through its `DriverSQL` for this store's dialect.

        A connection found dead (the server restarted since it was pooled) is
        replaced and the read run once more: these reads are single
        autocommit statements, so nothing is repeated but the read itself."""
        compiled = self._driver_sql.get(statement)
        if compiled is None:
            compiled = self._driver_sql[statement] = DriverSQL.compile(statement, self.engine.dialect)
        try:
            return compiled.rows(conn, params)
        except self.engine.dialect.loaded_dbapi.Error as error:
            if conn.in_transaction() or not self.engine.dialect.is_disconnect(error, conn.connection.dbapi_connection,
                                                                               None):
                raise
            log.warning("a pooled database connection was dead (%s); reconnecting", error)
            conn.invalidate()
            return compiled.rows(conn, params)

    @property
    def sqlite_text_index(self) -> bool:
        """Whether this SQLite store has its trigram text index (never on PostgreSQL)."""
        if self.is_postgres:
            return False
        if self._sqlite_text_index is None:
            with self._reader() as conn:
                self._sqlite_text_index = sa.inspect(conn).has_table("events_text")
        return self._sqlite_text_index

    # -- schema and health -------------------------------------------------

    def create_schema(self) -> None:
        with self._write() as conn:
            metadata.create_all(conn)
            self._upgrade(conn)
            exists = conn.execute(sa.select(meta_table.c.key).where(meta_table.c.key == "data_version")).first()
            if exists is None:
                conn.execute(meta_table.insert().values(key="data_version", value=0))

    def drop_schema(self) -> None:
        self.drop_text_index()
        with self._write() as conn:
            metadata.drop_all(conn)

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.select(meta_table.c.value).limit(1))
            return True
        except sa.exc.SQLAlchemyError:
            return False

    def is_empty(self) -> bool:
        with self._reader() as conn:
            return conn.execute(sa.select(documents_table.c.id).limit(1)).first() is None

    def data_version(self) -> int:
        with self._reader() as conn:
            ((version,),) = self._fetch(conn, _DATA_VERSION, {})
            return version

    @contextlib.contextmanager
    def snapshot(self):
        """Reads inside share one connection, so a request checks out one.

        No transaction is opened for them up front: the driver reads (data
        version, pages, bodies) each see the latest commit, with no BEGIN and
        COMMIT around them (on SQLite these were a fifth of a page's store
        time; on PostgreSQL, round trips). Callers read the data version
        before the data, so an ETag can only be older than the rows it tags,
        and a stale tag never earns a 304. On SQLite, reads through Core still
        begin a transaction on their first statement (autobegin), so a view
        that reads several tables that way sees one state of them; it ends
        when the connection goes back to the pool.
        """
        if self._shared_connection() is not None:
            yield
            return
        # On PostgreSQL the snapshot's pool skips SQLAlchemy's pre-ping, a round trip
        # on every checkout: the request's first read (the data version, through
        # `_fetch`) finds a dead connection itself and reconnects.
        with self._snapshot_engine.connect() as conn:
            if self.is_postgres:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            token = _snapshot.set((self, conn))
            try:
                yield
            finally:
                _snapshot.reset(token)

    def _shared_connection(self):
        shared = _snapshot.get()
        return shared[1] if shared is not None and shared[0] is self else None

    @contextlib.contextmanager
    def _reader(self):
        """The snapshot's connection inside `snapshot()`, else a connection of its own."""
        shared = self._shared_connection()
        if shared is not None:
            yield shared
            return
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
        self._snapshot_engine.dispose()

    @contextlib.contextmanager
    def seed_lock(self):
        """Held while one process seeds the store, across machines on PostgreSQL.

        API replicas that start together against one empty PostgreSQL would
        otherwise all parse the seed articles (the writer lock would still keep
        the result right, but every replica would do the work). SQLite lives on
        one machine, where the caller's file lock does this job.
        """
        if not self.is_postgres:
            yield
            return
        with self.engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": SEED_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": SEED_LOCK_KEY})
                conn.commit()

    # -- writes ------------------------------------------------------------

    def ingest(self, doc: DocumentInput) -> IngestResult:
        return self.ingest_many([doc])[0]

    def ingest_many(self, docs: Sequence[DocumentInput]) -> list[IngestResult]:
        """Parse `docs` in one batch (so collection evidence spans them) and store them."""
        from api.extract import pipeline  # the engine is heavy; import it when first needed

        fresh = [doc for doc in docs if self._existing_document_id(doc) is None]
        timeline = pipeline.parse(fresh, known_events=self.known_events()) if fresh else Timeline((), ())
        return self.store_parsed(docs, timeline)

    def store_parsed(self, docs: Sequence[DocumentInput], timeline: Timeline) -> list[IngestResult]:
        """Store documents with the timeline already parsed from them, merging into stored events.

        The parse already merged mentions within the batch, so its events are
        matched only against events stored before it.
        """
        with self._write() as conn:
            version = self._bump_version(conn)
            created_ids: set[str] = set()
            batch_event_ids: set[str] = set()
            for doc in docs:
                if self._insert_document(conn, doc, timeline):
                    created_ids.add(doc.id)
            touched: set[str] = set()
            candidates: dict[tuple, list] = {}  # stored events by interval, read once per batch
            for parsed in timeline.events:
                mentions = [m for m in parsed.mentions if m.document in created_ids]
                if not mentions:
                    continue
                target = self._matching_event_id(conn, mentions, batch_event_ids, candidates) or parsed.id
                stored_before = self._event_exists(conn, target)
                self._insert_mentions(conn, target, mentions)
                if not stored_before and len(mentions) == len(parsed.mentions):
                    self._write_event(conn, parsed, version, insert=True)  # as parsed: nothing to rebuild
                else:
                    touched.add(target)  # joined a stored event, or lost mentions of known texts
                if not stored_before:
                    batch_event_ids.add(target)
            if touched:
                from api.extract import merge
            for event_id in sorted(touched):
                all_mentions = self._mentions_of(conn, [event_id]).get(event_id, [])
                rebuilt = merge.build_event(event_id, all_mentions)
                self._write_event(conn, rebuilt, version, insert=not self._event_exists(conn, event_id))
            results = []
            for doc in docs:
                stored_id = self._existing_document_id(doc, conn) or doc.id
                results.append(IngestResult(
                    document=self._document_json(conn, stored_id),
                    events=self._events_of_document(conn, stored_id),
                    created=doc.id in created_ids,
                ))
            return results

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its mentions; events left without mentions disappear."""
        with self._write() as conn:
            found = conn.execute(sa.select(documents_table.c.id).where(documents_table.c.id == doc_id)).first()
            if found is None:
                return False
            version = self._bump_version(conn)
            event_ids = sorted(conn.execute(
                sa.select(mentions_table.c.event_id).where(mentions_table.c.document_id == doc_id).distinct()
            ).scalars())
            conn.execute(mentions_table.delete().where(mentions_table.c.document_id == doc_id))
            conn.execute(documents_table.delete().where(documents_table.c.id == doc_id))
            remaining = self._mentions_of(conn, event_ids)
            for event_id in event_ids:
                if remaining.get(event_id):
                    from api.extract import merge

                    self._write_event(conn, merge.build_event(event_id, remaining[event_id]), version, insert=False)
                else:
                    conn.execute(events_table.delete().where(events_table.c.id == event_id))
            return True

    # -- reads -------------------------------------------------------------

    def query_events(self, *, with_mentions: bool = True, cursor: str | None = None,
                     **query) -> EventPage:
        """Events overlapping [start, end] that pass the filters, one keyset page at a time.

        `query`: start, end, q, category, document, grain, include_vague, sort, limit
        (see `_page_query`).
        """
        with self._reader() as conn:
            statement, params, limit, sort = self._page_plan(conn, EVENT_COLUMNS, cursor, query)
            rows = [row._mapping for row in conn.execute(statement, params).all()]
            rows, next_cursor = _cut_page(rows, limit, sort, lambda row: [row[key] for key in PAGE_KEYS])
            mentions = self._mentions_of(conn, [row["id"] for row in rows]) if with_mentions else {}
        return EventPage([_event_from_row(row, mentions.get(row["id"], [])) for row in rows], next_cursor)

    def query_event_bodies(self, *, cursor: str | None = None, **query) -> BodyPage:
        """The page `query_events` gives, as the events' served JSON texts."""
        with self._reader() as conn:
            statement, params, limit, sort = self._page_plan(conn, ("body",), cursor, query)
            rows = self._fetch(conn, statement, params)  # columns: PAGE_KEYS, then body
        rows, next_cursor = _cut_page(rows, limit, sort, lambda row: row[:len(PAGE_KEYS)])
        return BodyPage([row[len(PAGE_KEYS)] for row in rows], next_cursor)

    def _page_plan(self, conn, columns: tuple[str, ...], cursor: str | None, query: dict):
        """(statement, params, limit, sort) of one page: the statement asks for one row more
        than the page, which tells whether a next page exists (`_cut_page`)."""
        sort = query.get("sort", "start")
        limit = query.get("limit", 50)
        after = None
        if cursor:
            *after, cursor_sort = decode_cursor(cursor, len(PAGE_KEYS) + 1)
            if cursor_sort != sort:
                raise InvalidCursor("the cursor belongs to another sort order")
        q = query.get("q")
        use_trigrams = bool(q) and len(q) >= TRIGRAM and self.sqlite_text_index and self._is_rare(conn, q)
        statement, params = _page_query(columns, **{**query, "limit": limit + 1}, after=after,
                                        limit_each_branch=self.is_postgres, sqlite_text_index=use_trigrams)
        return statement, params, limit, sort

    def _is_rare(self, conn, q: str) -> bool:
        """Whether few enough events contain `q` for the text index to be the cheaper plan."""
        events = conn.execute(_LAST_ROWID).scalar() or 0  # rowids are dense enough to count by
        probe = min(TEXT_PROBE_LIMIT, max(100, math.isqrt(TEXT_PROBE_FACTOR * events)))
        matches = conn.execute(_TEXT_PROBE, {"phrase": _fts_phrase(q), "probe": probe + 1}).all()
        return len(matches) <= probe

    def get_event(self, event_id: str) -> Event | None:
        with self._reader() as conn:
            row = conn.execute(sa.select(events_table).where(events_table.c.id == event_id)).mappings().first()
            return self._events_with_mentions(conn, [row])[0] if row is not None else None

    def get_event_body(self, event_id: str) -> str | None:
        """The event's served JSON text, or None when there is no such event."""
        with self._reader() as conn:
            rows = self._fetch(conn, _EVENT_BODY, {"event_id": event_id})
        return rows[0][0] if rows else None

    def known_events(self, limit: int = KNOWN_EVENTS_LIMIT) -> list[Event]:
        """The most recently written events, offered to the pipeline as collection evidence."""
        with self._reader() as conn:
            rows = conn.execute(sa.select(events_table).order_by(
                events_table.c.updated_version.desc(), events_table.c.id).limit(limit)).mappings().all()
            return self._events_with_mentions(conn, rows)

    def list_documents(self, *, limit: int = 50, cursor: str | None = None) -> DocumentPage:
        query = sa.select(documents_table).order_by(documents_table.c.id).limit(limit + 1)
        if cursor:
            (after,) = decode_cursor(cursor, 1)
            query = query.where(documents_table.c.id > after)
        with self._reader() as conn:
            rows = conn.execute(query).mappings().all()
        next_cursor = encode_cursor([rows[limit - 1]["id"]]) if len(rows) > limit else None
        return DocumentPage([_document_from_row(row) for row in rows[:limit]], next_cursor)

    def get_document(self, doc_id: str) -> dict | None:
        """The document with its text and its mentions: [{"event": id, "mention": Mention}]."""
        with self._reader() as conn:
            row = conn.execute(sa.select(documents_table).where(documents_table.c.id == doc_id)).mappings().first()
            if row is None:
                return None
            mention_rows = conn.execute(
                sa.select(mentions_table).where(mentions_table.c.document_id == doc_id)
                .order_by(mentions_table.c.sentence_start, mentions_table.c.trigger_start, mentions_table.c.id)
            ).mappings().all()
        document = _document_from_row(row)
        document["text"] = row["text"]
        document["mentions"] = [{"event": m["event_id"], "mention": _mention_from_row(m)} for m in mention_rows]
        return document

    # -- internals ---------------------------------------------------------

    def _upgrade(self, conn) -> None:
        """Bring an events table made by an older version up to date (idempotent).

        span_class: its default, the long class, reads correctly (only more
        slowly), so computing it (`_reclass_spans`) is an optimisation. body:
        every read serves it, so rows get theirs here, inside the same
        transaction as the column.
        """
        columns = {column["name"] for column in sa.inspect(conn).get_columns("events")}
        if "span_class" not in columns:  # `_reclass_spans` below fills it in, whatever meta says
            conn.execute(sa.text(f"ALTER TABLE events ADD COLUMN span_class SMALLINT NOT NULL DEFAULT {LONG_CLASS}"))
            conn.execute(meta_table.delete().where(meta_table.c.key == "span_layout"))
        if "body" not in columns:
            conn.execute(sa.text("ALTER TABLE events ADD COLUMN body TEXT"))
            ids = conn.execute(sa.select(events_table.c.id).order_by(events_table.c.id)).scalars().all()
            for chunk_start in range(0, len(ids), 500):
                chunk = ids[chunk_start:chunk_start + 500]
                rows = conn.execute(sa.select(events_table).where(events_table.c.id.in_(chunk))).mappings().all()
                conn.execute(events_table.update().where(events_table.c.id == sa.bindparam("event_id"))
                             .values(body=sa.bindparam("served")),
                             [{"event_id": event.id, "served": event_json(event)}
                              for event in self._events_with_mentions(conn, rows)])
        self._reclass_spans(conn)
        existing = {index["name"] for index in sa.inspect(conn).get_indexes("events")}
        for index in events_table.indexes:
            if index.name not in existing:
                index.create(conn)
        self._add_text_index(conn, existing)

    def _reclass_spans(self, conn) -> None:
        """Recompute span_class where the store was made with other SPAN_CLASS_DAYS.

        One UPDATE in SQL (a million events: about 40 s on SQLite), in the
        schema transaction; the served bodies do not change, so neither does
        the data version."""
        known = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "span_layout")).scalar()
        if known == SPAN_LAYOUT:
            return
        e = events_table.c
        if self.is_postgres:
            days = sa.cast(e.end_key, sa.Date) - sa.cast(e.start_key, sa.Date)
        else:
            days = sa.func.julianday(e.end_key) - sa.func.julianday(e.start_key)
        klass = sa.case((sa.or_(e.start_key == OPEN_START, e.end_key == OPEN_END), LONG_CLASS),
                        *((days <= longest, number) for number, longest in enumerate(SPAN_CLASS_DAYS)),
                        else_=LONG_CLASS)
        conn.execute(events_table.update().values(span_class=klass, is_long=klass == LONG_CLASS))
        if known is None:
            conn.execute(meta_table.insert().values(key="span_layout", value=SPAN_LAYOUT))
        else:
            conn.execute(meta_table.update().where(meta_table.c.key == "span_layout").values(value=SPAN_LAYOUT))

    def drop_text_index(self) -> None:
        """For bulk loads that write rows straight into the tables: without the index
        (and, on SQLite, its per-row triggers) the load is faster, and the next
        `create_schema()` rebuilds it in one pass."""
        with self._write() as conn:
            if self.is_postgres:
                for column in TRIGRAM_COLUMNS:
                    conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_events_{column}_trgm")
            else:
                for trigger in ("insert", "delete", "update"):
                    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS events_text_{trigger}")
                conn.exec_driver_sql("DROP TABLE IF EXISTS events_text")
        self._sqlite_text_index = None

    def _add_text_index(self, conn, existing_indexes: set[str]) -> None:
        """The trigram index behind `q`, where the database can have one (else `q` scans)."""
        if self.is_postgres:
            missing = [c for c in TRIGRAM_COLUMNS if f"ix_events_{c}_trgm" not in existing_indexes]
            if not missing:
                return
            try:
                with conn.begin_nested():
                    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except sa.exc.DBAPIError as error:
                log.warning("text search will scan: the pg_trgm extension is not available (%s)",
                            str(error.orig).strip().splitlines()[0])
                return
            for column in missing:
                conn.exec_driver_sql(f"CREATE INDEX ix_events_{column}_trgm ON events "
                                     f"USING gin (lower({column}) gin_trgm_ops)")
            return
        self._sqlite_text_index = None
        if sa.inspect(conn).has_table("events_text"):
            return
        try:
            conn.exec_driver_sql(TEXT_INDEX_DDL[0])
        except sa.exc.OperationalError as error:  # an SQLite built without FTS5 or before 3.34
            log.warning("text search will scan: SQLite cannot build a trigram index (%s)", error.orig)
            return
        for statement in TEXT_INDEX_DDL[1:]:
            conn.exec_driver_sql(statement)

    def _write(self):
        """A write transaction that holds the store's writer lock until it ends."""
        return _WriteTransaction(self)

    def _bump_version(self, conn) -> int:
        conn.execute(meta_table.update().where(meta_table.c.key == "data_version")
                     .values(value=meta_table.c.value + 1))
        return conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "data_version")).scalar_one()

    def _existing_document_id(self, doc: DocumentInput, conn=None) -> str | None:
        """The id under which this text is already stored; a clash of ids with another text is refused."""
        digest = content_hash(doc.text)
        if conn is None:
            with self.engine.connect() as fresh:
                return self._existing_document_id(doc, fresh)
        stored = conn.execute(sa.select(documents_table.c.id).where(documents_table.c.content_hash == digest)).first()
        if stored is not None:
            return stored[0]
        clash = conn.execute(sa.select(documents_table.c.id).where(documents_table.c.id == doc.id)).first()
        if clash is not None:
            raise DocumentConflict(f"document id {doc.id!r} already names a different text")
        return None

    def _insert_document(self, conn, doc: DocumentInput, timeline: Timeline) -> bool:
        if self._existing_document_id(doc, conn) is not None:
            return False
        result = next((d for d in timeline.documents if d.id == doc.id), None)
        if result is None:
            raise ValueError(f"the parsed timeline has no result for document {doc.id!r}")
        conn.execute(documents_table.insert().values(
            id=doc.id, text=doc.text, content_hash=content_hash(doc.text),
            published=_iso(doc.published), reference_date=result.reference_date.isoformat(),
            reference_date_source=result.reference_date_source,
            reference_date_evidence=result.reference_date_evidence,
            title=doc.title, url=doc.url, source=doc.source,
        ))
        return True

    def _matching_event_id(self, conn, mentions: Sequence[Mention], exclude: set[str],
                           candidates: dict[tuple, list]) -> str | None:
        """The stored event the first matching mention reports, if any.

        `candidates` keeps, per interval, the events stored before this batch
        that overlap it (as merge.EventMatcher), so mentions of one day do not
        each reload up to MATCH_CANDIDATES_LIMIT events with all their mentions.
        """
        from api.extract import merge

        for mention in mentions:
            key = (mention.interval.start, mention.interval.end)
            if key not in candidates:
                candidates[key] = [merge.EventMatcher(e) for e in self._events_overlapping(conn, mention.interval)]
            eligible = [matcher for matcher in candidates[key] if matcher.event.id not in exclude]
            match = merge.best_match(mention, eligible) if eligible else None
            if match is not None:
                return match.id
        return None

    def _events_overlapping(self, conn, interval: Interval) -> list[Event]:
        statement, params = _page_query(EVENT_COLUMNS, start=interval.start,
                                        end=interval.end, limit=MATCH_CANDIDATES_LIMIT,
                                        limit_each_branch=self.is_postgres)
        return self._events_with_mentions(conn, conn.execute(statement, params).mappings().all())

    def _insert_mentions(self, conn, event_id: str, mentions: Iterable[Mention]) -> None:
        rows = [_mention_row(event_id, m) for m in mentions]
        if rows:
            conn.execute(mentions_table.insert(), rows)

    def _event_exists(self, conn, event_id: str) -> bool:
        return conn.execute(sa.select(events_table.c.id).where(events_table.c.id == event_id)).first() is not None

    def _write_event(self, conn, event: Event, version: int, insert: bool) -> None:
        start_key, end_key, span = _keys(event.interval)
        values = dict(
            headline=event.headline, summary=event.summary, category=event.category,
            start_date=_iso(event.interval.start), end_date=_iso(event.interval.end),
            start_key=start_key, end_key=end_key, is_long=span == LONG_CLASS, span_class=span,
            grain=event.interval.grain, value=event.interval.value,
            sources=sorted(set(event.sources)), updated_version=version, body=event_json(_ordered(event)),
        )
        if insert:
            conn.execute(events_table.insert().values(id=event.id, **values))
        else:
            conn.execute(events_table.update().where(events_table.c.id == event.id).values(**values))

    def _events_with_mentions(self, conn, rows) -> list[Event]:
        """Events from their rows (mappings), each with all its mentions."""
        mentions = self._mentions_of(conn, [row["id"] for row in rows])
        return [_event_from_row(row, mentions.get(row["id"], [])) for row in rows]

    def _mentions_of(self, conn, event_ids: Sequence[str]) -> dict[str, list[Mention]]:
        found: dict[str, list[Mention]] = {}
        ids = list(event_ids)
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            rows = conn.execute(
                sa.select(mentions_table).where(mentions_table.c.event_id.in_(chunk))
                .order_by(mentions_table.c.document_id, mentions_table.c.sentence_start,
                          mentions_table.c.trigger_start, mentions_table.c.id)
            ).mappings().all()
            for row in rows:
                found.setdefault(row["event_id"], []).append(_mention_from_row(row))
        for mentions in found.values():
            mentions.sort(key=mention_order)  # the database's collation may order ids otherwise
        return found

    def _events_of_document(self, conn, doc_id: str) -> list[Event]:
        event_ids = conn.execute(
            sa.select(mentions_table.c.event_id).where(mentions_table.c.document_id == doc_id).distinct()
        ).scalars().all()
        if not event_ids:
            return []
        rows = conn.execute(
            sa.select(events_table).where(events_table.c.id.in_(event_ids))
            .order_by(events_table.c.start_key, events_table.c.end_key, events_table.c.id)
        ).mappings().all()
        return self._events_with_mentions(conn, rows)

    def _document_json(self, conn, doc_id: str) -> dict:
        row = conn.execute(sa.select(documents_table).where(documents_table.c.id == doc_id)).mappings().one()
        return _document_from_row(row)


class _WriteTransaction:
    """Context manager: a connection in a transaction that holds the writer lock."""

    def __init__(self, store: Store):
        self.store = store

    def __enter__(self):
        self.conn = self.store.engine.connect()
        self.conn.execution_options(timeline_write=True)
        self.transaction = self.conn.begin()
        if self.store.is_postgres:
            self.conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.transaction.commit()
            else:
                self.transaction.rollback()
        finally:
            self.conn.close()
        return False


def _make_engine(url: str, pre_ping: bool = True) -> sa.Engine:
    if not url.startswith("sqlite"):
        # A page of 50 events is a few short index scans; parallel workers cost more to
        # start than they save (a range page at 300k events: 14.9 -> 6.2 ms without them).
        # JIT compiles any plan that looks expensive, such as a text search's index walk
        # with a LIMIT; it spent 4 ms to save nothing on a 12 ms query.
        return sa.create_engine(url, pool_pre_ping=pre_ping, future=True,
                                connect_args={"options": "-c max_parallel_workers_per_gather=0 -c jit=off"})
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = sa.create_engine(
        url, connect_args={"timeout": 30, "check_same_thread": False},
        poolclass=StaticPool if in_memory else None,
    )

    @sa_event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own
        # transaction handling cannot take the write lock up front).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take SQLite's write lock at BEGIN, so two ingests serialize
        # instead of failing with "database is locked" halfway through.
        immediate = conn.get_execution_options().get("timeline_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def mention_order(mention: Mention) -> tuple:
    """How an event lists its mentions: by document, then by place in the text."""
    return mention.document, mention.sentence_span[0], mention.trigger_span[0]


def _ordered(event: Event) -> Event:
    return dataclasses.replace(event, mentions=tuple(sorted(event.mentions, key=mention_order)))


def _event_from_row(row, mentions: list[Mention]) -> Event:
    return Event(
        id=row["id"], headline=row["headline"], summary=row["summary"], category=row["category"],
        interval=Interval(_day(row["start_date"]), _day(row["end_date"]), row["grain"], row["value"]),
        sources=tuple(row["sources"]), mentions=tuple(mentions),
    )


def _mention_row(event_id: str, m: Mention) -> dict:
    return dict(
        document_id=m.document, event_id=event_id, sentence=m.sentence,
        sentence_start=m.sentence_span[0], sentence_end=m.sentence_span[1],
        trigger=m.trigger, trigger_start=m.trigger_span[0], trigger_end=m.trigger_span[1],
        time_text=m.time_text,
        time_start=m.time_span[0] if m.time_span else None, time_end=m.time_span[1] if m.time_span else None,
        start_date=_iso(m.interval.start), end_date=_iso(m.interval.end),
        grain=m.interval.grain, value=m.interval.value, category=m.category, headline=m.headline,
        keywords=sorted(m.keywords), participants=sorted(m.participants),
    )


def _mention_from_row(row) -> Mention:
    time_span = (row["time_start"], row["time_end"]) if row["time_start"] is not None else None
    return Mention(
        document=row["document_id"], sentence=row["sentence"],
        sentence_span=(row["sentence_start"], row["sentence_end"]),
        trigger=row["trigger"], trigger_span=(row["trigger_start"], row["trigger_end"]),
        time_text=row["time_text"], time_span=time_span,
        interval=Interval(_day(row["start_date"]), _day(row["end_date"]), row["grain"], row["value"]),
        category=row["category"], headline=row["headline"],
        keywords=frozenset(row["keywords"] or ()), participants=frozenset(row["participants"] or ()),
    )


def _document_from_row(row) -> dict:
    """A stored document in the CONTRACT §2 document shape."""
    return {
        "id": row["id"], "title": row["title"], "url": row["url"], "source": row["source"],
        "published": row["published"], "reference_date": row["reference_date"],
        "reference_date_source": row["reference_date_source"],
        "reference_date_evidence": row["reference_date_evidence"],
    }


def document_result(document: dict) -> DocumentResult:
    """The model value for a stored document dict (for code that wants dataclasses)."""
    return DocumentResult(
        id=document["id"], reference_date=_day(document["reference_date"]),
        reference_date_source=document["reference_date_source"],
        reference_date_evidence=document["reference_date_evidence"],
        published=_day(document["published"]), title=document["title"], url=document["url"],
        source=document["source"],
    )


def get_store() -> Store:
    """The application's store, inside an app or request context."""
    from flask import current_app

    return current_app.extensions["timeline_store"]
