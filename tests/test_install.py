"""A real, non-editable `pip install .` into a fresh venv runs from outside the repo.

This catches what an editable install or a source checkout hides: modules or resources
missing from the wheel, paths that only work relative to the repo.

To stay fast and offline the fresh venv gets the *dependencies* from the project's own
venv through a .pth line (a path in a .pth file only extends sys.path: .pth hooks inside
that folder, such as an editable install's finder, are not run, and the fresh venv's own
site-packages comes first). The test checks that iris_desktop itself is the installed copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _script(venv: Path, name: str) -> Path:
    """An executable a venv installs: bin/NAME on POSIX, Scripts\\NAME.exe on Windows."""
    return venv / "Scripts" / f"{name}.exe" if os.name == "nt" else venv / "bin" / name


def _copy_source(dest: Path) -> Path:
    """A clean copy of what a release is built from (no build/, egg-info or caches)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(ROOT / "iris_desktop", dest / "iris_desktop", ignore=ignore)
    shutil.copytree(ROOT / "resources", dest / "resources", ignore=ignore)
    return dest


def _run(args, cwd, env, timeout=180) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


def test_wheel_install_runs_outside_the_repo(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "IRIS_DESKTOP_DATA_DIR")
    }
    source = _copy_source(tmp_path / "src")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path, env)
    python = _script(venv, "python")
    site = Path(
        _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path, env).stdout.strip()
    )

    # A non-editable install of the project only, with this venv's pip.
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--no-deps",
            "--no-cache-dir",
            "--quiet",
            "--disable-pip-version-check",
            source,
        ],
        tmp_path,
        env,
        timeout=300,
    )
    installed = site / "iris_desktop"
    assert (installed / "resources" / "iris.csv").is_file()
    assert not (installed / "__editable__").exists()

    # Dependencies (scikit-learn, numpy, platformdirs...) from the project's venv.
    project_site = Path(sysconfig.get_paths()["purelib"])
    (site / "_project_deps.pth").write_text(str(project_site) + "\n")

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    data = tmp_path / "data"
    where = _run([python, "-c", "import iris_desktop; print(iris_desktop.__file__)"], outside, env)
    assert Path(where.stdout.strip()).resolve().is_relative_to(installed.resolve())

    info = _run([python, "-m", "iris_desktop", "--data-dir", data, "info"], outside, env).stdout
    resources = next(line for line in info.splitlines() if line.startswith("resources:"))
    resources_path = Path(resources.split(":", 1)[1].strip())
    assert resources_path.resolve() == (installed / "resources").resolve()
    assert not resources_path.resolve().is_relative_to(ROOT)
    assert f"data folder:    {data}" in info

    backfilled = _run([python, "-m", "iris_desktop", "--data-dir", data, "backfill"], outside, env).stdout
    assert "Backfilled 150 flowers" in backfilled
    info = _run([python, "-m", "iris_desktop", "--data-dir", data, "info"], outside, env).stdout
    assert "150 backfill" in info and "(150 in all)" in info

    # the console script is installed too
    version = _run([_script(venv, "iris-desktop-cli"), "--version"], outside, env).stdout
    assert version.startswith("iris-desktop ")
