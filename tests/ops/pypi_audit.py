"""Known vulnerabilities of the pinned dependencies, from PyPI's JSON API.

pip-audit cannot audit from these machines: the PyPI host they reach answers
404 for the per-version JSON its PyPI service asks for, and OSV does not
resolve (tests/benchmarks/README.md, "Dependency audit"). The per-project
JSON (`/pypi/<name>/json`) does answer, and lists the advisories (PYSEC,
GHSA) of the project's latest release: the same list pip-audit's PyPI
service reads for that release. So a pin that is the latest release is
audited for real; an older pin cannot be audited this way and is reported
as such, never as clean.

    python -m tests.ops.pypi_audit        # prints one line per pin; exit 1 on a known vulnerability

`CONTROL` is a release with published advisories: if PyPI lists none for it,
the host gives no advisories at all and a clean result would mean nothing.
"""
from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field

PYPI_JSON = "https://pypi.org/pypi/{name}/json"
CONTROL = "pycrypto"  # 2.6.1, its last release, has PYSEC-2017-94 among others
TIMEOUT_SECONDS = 20


class PyPIUnavailable(Exception):
    """PyPI's JSON API did not answer."""


@dataclass
class Audit:
    clean: dict[str, str] = field(default_factory=dict)            # name: pinned version
    vulnerable: dict[str, list[str]] = field(default_factory=dict)  # name: advisory ids
    not_audited: dict[str, str] = field(default_factory=dict)       # name: why


def latest_release(name: str) -> tuple[str, list[dict]]:
    """(latest version, its advisories that are not withdrawn) as PyPI lists them."""
    try:
        with urllib.request.urlopen(PYPI_JSON.format(name=name), timeout=TIMEOUT_SECONDS) as response:
            project = json.load(response)
    except (urllib.error.URLError, TimeoutError, OSError, json.JSONDecodeError) as error:
        raise PyPIUnavailable(f"{name}: {error}") from None
    advisories = [v for v in project.get("vulnerabilities") or [] if not v.get("withdrawn")]
    return project["info"]["version"], advisories


def audit(pins: dict[str, str]) -> Audit:
    result = Audit()
    for name, version in sorted(pins.items()):
        latest, advisories = latest_release(name)
        if latest != version:
            result.not_audited[name] = f"pinned {version}, PyPI lists advisories only for the latest, {latest}"
        elif advisories:
            result.vulnerable[name] = [v.get("id", "?") for v in advisories]
        else:
            result.clean[name] = version
    return result


def advisories_are_served() -> bool:
    """Whether this PyPI host lists advisories at all (see CONTROL)."""
    return bool(latest_release(CONTROL)[1])


def main() -> int:
    from tests.ops.test_security_deps import read_pins

    try:
        if not advisories_are_served():
            print(f"PyPI lists no advisory for {CONTROL}: this host serves none, nothing can be audited")
            return 2
        result = audit(read_pins())
    except PyPIUnavailable as error:
        print(f"PyPI's JSON API did not answer ({error})")
        return 2
    for name, version in result.clean.items():
        print(f"{name:20} {version:14} no known vulnerability")
    for name, ids in result.vulnerable.items():
        print(f"{name:20} VULNERABLE: {', '.join(ids)}")
    for name, why in result.not_audited.items():
        print(f"{name:20} not audited: {why}")
    print(f"{len(result.clean)} clean, {len(result.vulnerable)} vulnerable, {len(result.not_audited)} not audited")
    return 1 if result.vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
