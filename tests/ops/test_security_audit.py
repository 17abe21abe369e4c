"""The pinned dependencies against PyPI's advisories (`tests.ops.pypi_audit`).

Needs PyPI's JSON API: skipped without it locally, a failure in CI. A new
advisory for a pin fails the suite, as an audit gate should; a new upstream
release only leaves that pin unaudited until constraints.txt follows it.
"""
from __future__ import annotations

import pytest

from tests.conftest import skip_or_fail
from tests.ops import pypi_audit
from tests.ops.test_security_deps import read_pins

pytestmark = pytest.mark.network


@pytest.fixture(scope="module")
def advisories_served():
    try:
        served = pypi_audit.advisories_are_served()
    except pypi_audit.PyPIUnavailable as error:
        skip_or_fail(f"PyPI's JSON API did not answer: {error}")
    if not served:
        skip_or_fail(f"PyPI lists no advisory for {pypi_audit.CONTROL}: this host serves none")


def test_a_release_with_published_advisories_is_reported_vulnerable(advisories_served):
    result = pypi_audit.audit({pypi_audit.CONTROL: pypi_audit.latest_release(pypi_audit.CONTROL)[0]})
    assert list(result.vulnerable) == [pypi_audit.CONTROL]
    assert any(advisory.startswith(("PYSEC-", "GHSA-")) for advisory in result.vulnerable[pypi_audit.CONTROL])


def test_a_pin_older_than_the_latest_release_is_not_called_clean(advisories_served):
    result = pypi_audit.audit({"flask": "0.12"})
    assert list(result.not_audited) == ["flask"] and not result.clean


def test_pinned_dependencies_have_no_known_vulnerability(advisories_served):
    pins = read_pins()
    result = pypi_audit.audit(pins)
    assert not result.vulnerable, result.vulnerable
    # most pins must really be audited, or "no vulnerability" would say little
    assert len(result.clean) >= len(pins) // 2, result.not_audited
