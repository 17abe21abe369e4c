"""constraints.txt: the locked runtime dependencies that CI, the image and pip-audit use.

The test checks the file still covers every runtime dependency (the closure
of pyproject.toml's [project].dependencies) and that the environment the
tests run in has exactly those versions, so "tested", "shipped" and
"audited" name the same releases. It needs no network.

    python -m tests.ops.test_security_deps > constraints.txt   # regenerate

pip-audit itself cannot audit from these machines (see tests/benchmarks/README.md);
`tests.ops.pypi_audit` checks these pins against PyPI's advisories instead,
and test_security_audit.py runs it.
"""
from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
import tomllib

from packaging.markers import default_environment
from packaging.requirements import Requirement

from tests.ops.conftest import REPO_ROOT

CONSTRAINTS = REPO_ROOT / "constraints.txt"
HEADER = """\
# Pinned versions of the runtime dependencies (pyproject.toml [project].dependencies
# and everything they pull in), taken from the environment the tests pass in.
# CI (.ci/run) and the Dockerfile install with `-c constraints.txt`; pip-audit
# checks exactly these pins: pip-audit -r constraints.txt --no-deps --disable-pip
#
# Regenerate after changing a dependency (prints the file):
#   python -m tests.ops.test_security_deps > constraints.txt
"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _applies(requirement: Requirement, extras: tuple[str, ...]) -> bool:
    if requirement.marker is None:
        return True
    environment = default_environment()
    for extra in ("",) + extras:
        environment["extra"] = extra
        if requirement.marker.evaluate(environment):
            return True
    return False


def runtime_closure() -> dict[str, str]:
    """{name: installed version} for the runtime dependencies and everything they need here."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pending = [Requirement(line) for line in project["dependencies"]]
    found: dict[str, str] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    while pending:
        requirement = pending.pop()
        key = (canonical(requirement.name), tuple(sorted(requirement.extras)))
        if key in seen:
            continue
        seen.add(key)
        distribution = metadata.distribution(requirement.name)
        found[canonical(requirement.name)] = distribution.version
        for line in distribution.requires or []:
            child = Requirement(line)
            if _applies(child, tuple(requirement.extras)):
                pending.append(child)
    return dict(sorted(found.items()))


def read_pins() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact == pin"
            pins[canonical(name)] = version.strip()
    return pins


def render() -> str:
    return HEADER + "".join(f"{name}=={version}\n" for name, version in runtime_closure().items())


def test_constraints_pin_every_runtime_dependency_exactly():
    pins = read_pins()
    closure = runtime_closure()
    missing = sorted(set(closure) - set(pins))
    assert not missing, f"constraints.txt lacks {missing}; regenerate it (see its header)"


def test_the_tested_environment_has_the_pinned_versions():
    pins = read_pins()
    closure = runtime_closure()
    drift = {name: (pins[name], closure[name]) for name in closure if pins.get(name) != closure[name]}
    assert not drift, f"pinned vs installed differ: {drift}; install with -c constraints.txt or regenerate"


if __name__ == "__main__":
    sys.stdout.write(render())
