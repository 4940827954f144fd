"""The wheel and the sdist as `make dist` makes them (python -m build: the sdist, then the
wheel built from it), checked by twine, then the wheel installed, not editable, into a
fresh venv and run from outside the repository: the self-test, the headless commands,
the launchers.

This catches what an editable install or a source checkout hides: modules, resources
or the desktop file missing from the wheel, paths that only work relative to the repo.

To stay fast and offline, the build uses this venv's hatchling (--no-isolation) and the
fresh venv gets the *dependencies* from this venv through a .pth line (a path in a .pth
file only extends sys.path: .pth hooks inside that folder, such as an editable
install's finder, are not run, and the fresh venv's own site-packages comes first). The
test checks that iris_desktop itself is the installed copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from iris_desktop import APP_ID, __version__
from tests.packaging.helpers import ROOT

pytestmark = pytest.mark.slow


def _script(venv: Path, name: str) -> Path:
    """An executable a venv installs: bin/NAME on POSIX, Scripts\\NAME.exe on Windows."""
    return venv / "Scripts" / f"{name}.exe" if os.name == "nt" else venv / "bin" / name


def _copy_source(dest: Path) -> Path:
    """A clean copy of what a release is built from (no build/, dist/, venv or caches)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", "ARCHITECTURE.md", "CONTRIBUTING.md", "Makefile", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    for folder in ("iris_desktop", "resources", "packaging", "tests"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=ignore)
    return dest


def _run(args, cwd, env, timeout=300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(wheel, sdist) built from a clean copy of the sources."""
    pytest.importorskip("build")
    pytest.importorskip("hatchling")
    work = tmp_path_factory.mktemp("dist")
    source = _copy_source(work / "src")
    out = work / "out"
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, source], work, dict(os.environ))
    wheel, sdist = next(out.glob("*.whl")), next(out.glob("*.tar.gz"))
    return wheel, sdist


def test_twine_accepts_the_wheel_and_the_sdist(built):
    pytest.importorskip("twine")
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, built)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_wheel_holds_the_code_resources_and_launchers(built):
    wheel, sdist = built
    assert wheel.name == f"iris_desktop-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(f"iris_desktop-{__version__}.dist-info/entry_points.txt").decode()
    for resource in ("iris.csv", "iris-desktop.svg", f"{APP_ID}.desktop", "icons/iris-desktop-256.png"):
        assert f"iris_desktop/resources/{resource}" in names, resource
    assert "iris_desktop/ui/tabs/explore/tab.py" in names
    assert not [n for n in names if n.startswith(("tests/", "packaging/"))]
    assert "[gui_scripts]\niris-desktop = iris_desktop.cli:entry" in entry_points
    assert "[console_scripts]\niris-desktop-cli = iris_desktop.cli:entry" in entry_points
    with tarfile.open(sdist) as archive:  # a rebuild from the sdist needs these
        members = {Path(m.name).relative_to(Path(m.name).parts[0]).as_posix() for m in archive.getmembers()}
    for needed in ("pyproject.toml", "resources/iris.csv", "packaging/iris-desktop.spec", "tests/conftest.py"):
        assert needed in members, needed


def test_the_wheel_installed_in_a_fresh_venv_passes_the_self_test(built, tmp_path):
    wheel, _ = built
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "IRIS_DESKTOP_DATA_DIR")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path, env)
    python = _script(venv, "python")
    site = Path(
        _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path, env).stdout.strip()
    )
    # The wheel alone, with this venv's pip; no index is asked.
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--quiet"]
    _run([*pip, "--disable-pip-version-check", wheel], tmp_path, env)
    installed = site / "iris_desktop"
    assert (installed / "resources" / "iris.csv").is_file()
    assert not (installed / "__editable__").exists()

    # Dependencies (PySide6, scikit-learn, numpy...) from the project's venv.
    (site / "_project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = _run([python, "-c", "import iris_desktop; print(iris_desktop.__file__)"], outside, env)
    assert Path(where.stdout.strip()).resolve().is_relative_to(installed.resolve())

    verdict = tmp_path / "verdict.txt"
    _run([_script(venv, "iris-desktop"), "--self-test", "--self-test-output", verdict], outside, env)
    assert verdict.read_text(encoding="utf-8").startswith("self-test passed: ")

    data = tmp_path / "data"
    backfilled = _run([_script(venv, "iris-desktop-cli"), "--data-dir", data, "backfill"], outside, env).stdout
    assert "Backfilled 150 flowers" in backfilled
    info = _run([python, "-m", "iris_desktop", "--data-dir", data, "info"], outside, env).stdout
    assert "150 backfill" in info and "(150 in all)" in info
    assert f"data folder:    {data}" in info
    resources = next(line for line in info.splitlines() if line.startswith("resources:"))
    resources_path = Path(resources.split(":", 1)[1].strip())
    assert resources_path.resolve() == (installed / "resources").resolve()  # the bundled data came from there
    assert not resources_path.resolve().is_relative_to(ROOT)
