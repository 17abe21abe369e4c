"""The `timeline` command (CONTRACT §2): parse, timex, serve, ingest, export.

Every failure a user can cause (bad arguments, unreadable input) ends with
exit status 2 and exactly one line on stderr, never a traceback. Heavy
modules (the pipeline, Flask, gunicorn) are imported inside the subcommand
that needs them so `timeline --help` and argument errors stay instant.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

PROG = "timeline"
EXPORT_FORMATS = ("timelinejs", "ics", "csv")


class UsageError(Exception):
    """Something the user can fix: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr (no usage dump) and exit 2."""

    def error(self, message: str):  # noqa: D401 - argparse hook
        raise UsageError(message)


# ---------------------------------------------------------------- arguments

def _iso_date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {raw!r}") from None


def _port(raw: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a TCP port: {raw!r}")
    return port


def _positive_int(raw: str) -> int:
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {raw!r}")
    return number


def _range_bound(raw: str) -> str:
    """An ISO date, year-month or year for --from/--to; kept as text, checked here."""
    try:
        _widen(raw, first=True)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {raw!r}") from None
    return raw


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Turn news articles into a timeline of dated events.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser("parse", help="print the merged timeline of articles (no store)")
    parse.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                       help="publication date for files that do not carry their own")
    parse.add_argument("--format", choices=("json", "text"), default="json")
    parse.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .json, .jsonl files or folders")
    parse.set_defaults(handler=cmd_parse)

    timex = commands.add_parser("timex", help="tag time expressions only")
    timex.add_argument("--dct", type=_iso_date, metavar="YYYY-MM-DD", help="document creation time")
    timex.add_argument("--corpus", metavar="IN.json", help="a TempEval-3 style corpus to tag")
    timex.add_argument("path", nargs="?", default="-", metavar="PATH|-", help="a text file, - for stdin")
    timex.set_defaults(handler=cmd_timex)

    serve = commands.add_parser("serve", help="run the HTTP API under gunicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8000)
    serve.add_argument("--workers", type=_positive_int, default=None,
                       help="worker processes (default: WEB_CONCURRENCY, else CPUs + 1, at most 8)")
    serve.set_defaults(handler=cmd_serve)

    ingest = commands.add_parser("ingest", help="parse articles into the configured store")
    ingest.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD")
    ingest.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                        help="progress bar on stderr (auto: when stderr is a terminal)")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.set_defaults(handler=cmd_ingest)

    export = commands.add_parser("export", help="export events as TimelineJS JSON, iCalendar or CSV")
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    export.add_argument("--from", dest="date_from", type=_range_bound, metavar="DATE")
    export.add_argument("--to", dest="date_to", type=_range_bound, metavar="DATE")
    export.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD")
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    export.add_argument("paths", nargs="*", metavar="PATH",
                        help="articles to parse; without any, the configured store is exported")
    export.set_defaults(handler=cmd_export)
    return parser


# ---------------------------------------------------------------- helpers

def _read_documents(paths, published):
    from api.documents_io import DocumentReadError, read_documents

    try:
        documents = read_documents(paths, published)
    except DocumentReadError as error:
        raise UsageError(f"cannot read {error}") from None
    if not documents:
        raise UsageError(f"no .txt, .json or .jsonl documents in {' '.join(map(str, paths))}")
    seen: dict[str, None] = {}
    for document in documents:
        if document.id in seen:
            raise UsageError(f"two documents share the id {document.id!r}; ids must be unique")
        seen[document.id] = None
    return documents


def _parse_timeline_json(paths, published) -> dict:
    documents = _read_documents(paths, published)  # input errors first: they are the user's to fix
    from api.extract.pipeline import parse
    from schemas.timeline import TimelineSchema

    return TimelineSchema().dump(parse(documents))


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _event_line(event: dict) -> str:
    start, end = event.get("start") or "…", event.get("end") or "…"
    when = start if start == end else f"{start} – {end}"
    sources = len(event.get("sources") or ())
    return (f"{when:<23}  {event.get('grain', ''):<11}  {event.get('category', ''):<18}  "
            f"{event.get('headline', '')}  [{sources} source{'s' if sources != 1 else ''}]")


def _widen(raw: str, first: bool) -> date:
    """'2023' / '2023-05' / '2023-05-03' -> the first (or last) day it covers."""
    parts = raw.strip().split("-")
    if len(parts) == 1 and len(parts[0]) == 4:
        year = int(parts[0])
        return date(year, 1, 1) if first else date(year, 12, 31)
    if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
        year, month = int(parts[0]), int(parts[1])
        if first:
            return date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date.fromisoformat(raw.strip())


def _overlaps(event: dict, low: date | None, high: date | None) -> bool:
    """Inclusive overlap of the event's interval with [low, high]; open ends reach forever."""
    start = date.fromisoformat(event["start"]) if event.get("start") else None
    end = date.fromisoformat(event["end"]) if event.get("end") else None
    if high is not None and start is not None and start > high:
        return False
    if low is not None and end is not None and end < low:
        return False
    return True


def _store():
    """The store the configured app uses (DATABASE_URL, else the instance SQLite file).

    Seeding is off here: `ingest` and `export` work on the user's own data.
    """
    from api import create_app

    app = create_app({"TIMELINE_SEED_DIR": "none"})
    with app.app_context():
        try:
            from api.store import get_store
        except ImportError:
            return app.extensions["timeline_store"]
        return get_store()


class _Progress:
    """A one-line progress bar on stderr, redrawn in place."""

    WIDTH = 30

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.done = total, enabled, 0

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


# ---------------------------------------------------------------- subcommands

def cmd_parse(args) -> int:
    timeline = _parse_timeline_json(args.paths, args.published)
    if args.format == "json":
        _print_json(timeline)
    else:
        for event in timeline["events"]:
            sys.stdout.write(_event_line(event) + "\n")
    return 0


def cmd_timex(args) -> int:
    if args.corpus:
        from api.extract.timex import tag_corpus

        try:
            corpus = json.loads(Path(args.corpus).read_text(encoding="utf-8"))
        except OSError as error:
            raise UsageError(f"cannot read {args.corpus}: {error.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise UsageError(f"cannot read {args.corpus}: not a UTF-8 JSON corpus ({error})") from None
        if not isinstance(corpus, dict) or not isinstance(corpus.get("documents"), list):
            raise UsageError(f"cannot read {args.corpus}: expected {{\"documents\": [...]}}")
        _print_json(tag_corpus(corpus))
        return 0
    if args.dct is None:
        raise UsageError("timex needs --dct YYYY-MM-DD (or --corpus IN.json)")
    from api.documents_io import DocumentReadError, decode_text
    from api.extract.timex import tag

    try:
        raw = sys.stdin.buffer.read() if args.path == "-" else Path(args.path).read_bytes()
        text = decode_text(raw, "stdin" if args.path == "-" else args.path)
    except OSError as error:
        raise UsageError(f"cannot read {args.path}: {error.strerror}") from None
    except DocumentReadError as error:
        raise UsageError(f"cannot read {error}") from None
    timexes = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
               for t in tag(text, args.dct)]
    _print_json({"timexes": timexes})
    return 0


def cmd_serve(args) -> int:
    def load():
        from api import create_app

        return create_app()

    run_gunicorn(load, args.host, args.port, args.workers)
    return 0


def run_gunicorn(load, host: str, port: int, workers: int | None) -> None:
    """gunicorn serving the WSGI app `load()` returns in each worker, with `gunicorn_options`
    rather than gunicorn's own argv; the store is prepared once before the fork."""
    from gunicorn.app.base import BaseApplication

    class TimelineServer(BaseApplication):
        def load_config(self):
            for key, value in gunicorn_options(host, port, workers).items():
                self.cfg.set(key, value)

        def load(self):
            return load()

    _prepare_store()
    TimelineServer().run()


def gunicorn_options(host: str, port: int, workers: int | None) -> dict:
    """Production settings: logs to stdout/stderr, heartbeat files in memory."""
    bind_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    level = os.environ.get("TIMELINE_LOG_LEVEL", "info").lower()
    options = {
        "bind": f"{bind_host}:{port}",
        "workers": workers or _default_workers(),
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": level if level in ("debug", "info", "warning", "error", "critical") else "info",
        "proc_name": PROG,
        "timeout": 60,          # parsing a long article on POST can take a few seconds
        "graceful_timeout": 20,
        "keepalive": 5,
        "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    }
    # A read-only root filesystem (the container) has no writable /tmp for worker heartbeats.
    if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
        options["worker_tmp_dir"] = "/dev/shm"
    return options


def _default_workers() -> int:
    raw = os.environ.get("WEB_CONCURRENCY", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    # A request here is CPU work (Flask, the store on a local file or a nearby server), not
    # a long wait, so gunicorn's usual 2 x CPUs + 1 only adds context switches: on 2 cores,
    # 3 workers served 1.1-1.6x the range queries of 5 (tests/benchmarks/README.md).
    return min((os.cpu_count() or 1) + 1, 8)


def _prepare_store() -> None:
    """Create the schema and load the seeds once, before gunicorn forks its workers,
    so the workers start on a ready store instead of queueing to seed it."""
    from api import create_app

    store = create_app().extensions.get("timeline_store")
    if hasattr(store, "dispose"):
        store.dispose()  # no pooled connection may cross the fork into the workers


INGEST_BATCH = 20  # documents parsed together share collection evidence for reference dates


def cmd_ingest(args) -> int:
    documents = _read_documents(args.paths, args.published)
    store = _store()
    show = args.progress == "always" or (args.progress == "auto" and len(documents) > 1
                                         and sys.stderr.isatty())
    progress = _Progress(len(documents), show)
    from api.store import DocumentConflict

    created = events = 0
    try:
        for first in range(0, len(documents), INGEST_BATCH):
            batch = documents[first:first + INGEST_BATCH]
            try:
                results = store.ingest_many(batch)
            except DocumentConflict as conflict:
                # the batch was one transaction and is rolled back; the batches before it stay
                raise UsageError(f"{conflict}; nothing of this batch was stored ({created} new documents "
                                 f"stored before it): rename the file or give the document its own id") from None
            for document, (_, touched, was_new) in zip(batch, results):
                created += bool(was_new)
                events += len(touched) if was_new else 0  # a text stored before touches nothing
                progress.step(document.id)
    finally:
        progress.close()
    sys.stdout.write(f"{len(documents)} documents read: {created} new, "
                     f"{len(documents) - created} already stored; {events} events touched\n")
    return 0


def cmd_export(args) -> int:
    from api.exports import export

    low = _widen(args.date_from, first=True) if args.date_from else None
    high = _widen(args.date_to, first=False) if args.date_to else None
    if low and high and low > high:
        raise UsageError(f"--from {args.date_from} is after --to {args.date_to}")
    if args.paths:
        events = _parse_timeline_json(args.paths, args.published)["events"]
    else:
        events = _stored_events_json()
    events = [event for event in events if _overlaps(event, low, high)]
    _, body = export(events, args.format)
    if args.output:
        try:
            Path(args.output).write_text(body, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror}") from None
    else:
        sys.stdout.write(body if body.endswith("\n") else body + "\n")
    return 0


def _stored_events_json() -> list[dict]:
    """Every stored event in the CONTRACT §2 shape, all pages."""
    from schemas.timeline import EventSchema

    store = _store()
    events, cursor = [], None
    while True:
        page = store.query_events(limit=500, cursor=cursor)
        events.extend(EventSchema(many=True).dump(page.events))
        cursor = page.next_cursor
        if not cursor:
            return events


# ---------------------------------------------------------------- entry point

def main(argv: list[str] | None = None) -> int:
    _utf8_stdio()
    try:
        args = build_parser().parse_args(argv)
        if not getattr(args, "handler", None):
            raise UsageError("choose a command: parse, timex, serve, ingest or export (see --help)")
        return args.handler(args)
    except UsageError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        # `timeline parse ... | head`: the reader left; not an error worth a traceback.
        _silence_stdout()
        return 0
    except Exception as error:  # a bug, not a user mistake: still one line, unless debugging
        if os.environ.get("TIMELINE_LOG_LEVEL", "").upper() == "DEBUG":
            raise
        sys.stderr.write(f"{PROG}: internal error: {type(error).__name__}: {error}"
                         " (set TIMELINE_LOG_LEVEL=DEBUG for details)\n")
        return 1


def _utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
