"""What pyflakes finds in the application's own code: nothing.

A module that defines a function twice keeps only the second, silently, for
every caller (e4aeafd did that to `mentions._inside_a_name`); an undefined
name or a stray import is found only when its line runs. pyflakes reads the
source without importing it, in about a second.
"""
from __future__ import annotations

from pathlib import Path

import pytest

pyflakes_api = pytest.importorskip("pyflakes.api")
pyflakes_reporter = pytest.importorskip("pyflakes.reporter")

REPO = Path(__file__).resolve().parents[2]


class _Collected:
    """A pyflakes reporter that keeps every message as one line."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def unexpectedError(self, filename, msg):  # noqa: N802 (pyflakes' interface)
        self.lines.append(f"{filename}: {msg}")

    def syntaxError(self, filename, msg, lineno, offset, text):  # noqa: N802
        self.lines.append(f"{filename}:{lineno}: {msg}")

    def flake(self, message):
        self.lines.append(str(message))


@pytest.mark.parametrize("package", ["api", "schemas"])
def test_the_application_code_has_no_redefinition_undefined_name_or_unused_import(package):
    found = _Collected()
    pyflakes_api.checkRecursive([str(REPO / package)], found)
    assert found.lines == []


def test_the_check_reports_a_function_defined_twice(tmp_path):
    module = tmp_path / "twice.py"
    module.write_text("def f():\n    return 1\n\n\ndef f():\n    return 2\n", encoding="utf-8")
    found = _Collected()
    pyflakes_api.checkRecursive([str(tmp_path)], found)
    assert len(found.lines) == 1 and "redefinition of unused 'f'" in found.lines[0]
