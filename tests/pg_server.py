"""A throwaway PostgreSQL server on a loopback port, for tests and benchmarks.

initdb and pg_ctl from Debian's `postgresql` package, in a temporary folder,
as the postgres user when run as root (PostgreSQL refuses to run as root),
with fsync off: the data lives only as long as the `with` block.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path(os.environ.get("TIMELINE_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PostgresUnavailable(RuntimeError):
    """No server can be started here; the message says why."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@contextlib.contextmanager
def throwaway_postgres(settings: str = "-c max_connections=50", prefix: str = "timeline-pg-"):
    """Yield the URL of a fresh server; `settings` are extra `postgres` options."""
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        raise PostgresUnavailable(f"PostgreSQL binaries not found in {PG_BIN}")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        raise PostgresUnavailable("running as root without runuser to start PostgreSQL as another user")
    base = Path(tempfile.mkdtemp(prefix=prefix))
    data, log = base / "data", base / "server.log"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    port = free_port()
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off {settings}"
    try:
        try:
            subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                         "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
            subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log),
                                         "-w", "-t", "60", "start"]), check=True, capture_output=True)
        except (subprocess.CalledProcessError, OSError) as error:
            raise PostgresUnavailable(f"could not start PostgreSQL: {error}") from None
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
