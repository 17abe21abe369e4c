"""Shared test helpers.

Slow parts (container, browser, PostgreSQL, gunicorn) skip politely on a
machine that lacks them, but CI sets TIMELINE_REQUIRE_ALL=1 so that a skip
becomes a failure there: a green CI run means they really ran.
"""
import os

import pytest

REQUIRE_ALL = os.environ.get("TIMELINE_REQUIRE_ALL") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip the current test, or fail it when CI requires every part to run."""
    if REQUIRE_ALL:
        pytest.fail(f"required in CI but unavailable: {reason}", pytrace=False)
    pytest.skip(reason)


# -- a throwaway PostgreSQL server for the store and API tests -------------

from tests.pg_server import PostgresUnavailable, throwaway_postgres  # noqa: E402


@pytest.fixture(scope="session")
def postgres_url():
    """URL of a PostgreSQL 15 server started in a temporary folder for this session."""
    try:
        with throwaway_postgres() as url:
            yield url
    except PostgresUnavailable as reason:
        skip_or_fail(str(reason))
