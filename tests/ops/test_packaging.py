"""`pip install .` (not editable) ships a working command, the seeds and the spec."""
from __future__ import annotations

import json
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail
from tests.ops.conftest import REPO_ROOT, module_available

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtualenv with the project installed from a wheel, used from outside the checkout.

    Dependencies come from the environment running the tests (the system's, or
    the virtualenv the README's commands were run in), so the test needs no
    index beyond the build backend.  Its directories are listed in a .pth file:
    their own .pth files, among them the editable install of this checkout, are
    not run from there, so `api` is the installed wheel's."""
    root = tmp_path_factory.mktemp("install")
    venv.create(root / "venv", with_pip=True, system_site_packages=True)
    python = root / "venv" / "bin" / "python"
    site_packages = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    ours = dict.fromkeys((sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]))
    Path(site_packages, "_tests_dependencies.pth").write_text("\n".join(ours) + "\n")
    result = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(REPO_ROOT)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    workdir = root / "elsewhere"
    workdir.mkdir()
    return {"python": python, "timeline": root / "venv" / "bin" / "timeline", "cwd": workdir, "root": root}


def _run(installed, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=installed["cwd"], capture_output=True, text=True,
                          timeout=300)


def test_installed_package_carries_seeds_and_openapi_spec(installed):
    probe = ("import api, json, importlib.resources as r; p = r.files('api'); "
             "print(json.dumps({'file': api.__file__, 'seeds': sorted(x.name for x in (p / 'seeds').iterdir()), "
             "'spec': (p / 'openapi.yaml').read_text()[:200]}))")
    result = _run(installed, installed["python"], "-c", probe)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["file"].startswith(str(installed["root"]))  # the installed copy, not the checkout
    assert found["seeds"] == sorted(p.name for p in (REPO_ROOT / "seeds").iterdir())
    assert found["spec"].lstrip().startswith("openapi")


def test_installed_console_script_parses_the_packaged_seeds(installed):
    result = _run(installed, installed["python"], "-c",
                  "import importlib.resources as r; print(r.files('api') / 'seeds')")
    seeds = result.stdout.strip()
    help_text = _run(installed, installed["timeline"], "--help")
    assert help_text.returncode == 0 and "parse" in help_text.stdout
    if not module_available("api.extract.pipeline"):
        skip_or_fail("the event pipeline has not landed yet")
    parsed = _run(installed, installed["timeline"], "parse", seeds)
    assert parsed.returncode == 0, parsed.stderr
    timeline = json.loads(parsed.stdout)
    assert len(timeline["documents"]) == 3 and timeline["events"]
