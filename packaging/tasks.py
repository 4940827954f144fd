"""The development tasks on every system. The Makefile calls this script on Linux and
macOS; on Windows (no make, no POSIX shell) run it directly:

    python packaging/tasks.py test          (Windows: py packaging\\tasks.py test)

Tasks: run [ARGS...], test [PYTEST ARGS...], lint, bench, reliability, screenshots,
bundle, clean. Each makes the virtual environment in .venv/ first (bin/ on POSIX,
Scripts\\ on Windows) and installs the project into it, editable, again whenever
pyproject.toml is newer than the last install. Only the standard library is used here:
this runs under whichever Python created the environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if WINDOWS else "bin")
PYPROJECT = ROOT / "pyproject.toml"


def tool(name: str) -> Path:
    """An executable of the virtual environment (`python`, `ruff`, ...)."""
    return BIN / (f"{name}.exe" if WINDOWS else name)


def sh(*args: object, env: dict[str, str] | None = None) -> None:
    """Run a command in the repository; a failure ends the task with its exit code."""
    argv = [str(a) for a in args]
    print("+ " + " ".join(argv), flush=True)
    code = subprocess.call(argv, cwd=ROOT, env=env)
    if code:
        raise SystemExit(code)


def venv(test: bool = False) -> None:
    """.venv with the project (and, with `test`, its test extras), installed again when
    pyproject.toml changed (what the Makefile's stamps did)."""
    if not tool("python").exists():
        sh(sys.executable, "-m", "venv", VENV)
        sh(tool("python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    stamp = VENV / (".installed-test" if test else ".installed")
    if stamp.exists() and stamp.stat().st_mtime >= PYPROJECT.stat().st_mtime:
        return
    sh(tool("python"), "-m", "pip", "install", "--quiet", "-e", ".[test]" if test else ".")
    stamp.touch()
    if test:
        (VENV / ".installed").touch()  # the test install includes the plain one


def offscreen_env() -> dict[str, str]:
    """The environment of headless Qt: the offscreen platform, which on Windows does not
    find the system's fonts by itself."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if WINDOWS:
        env.setdefault("QT_QPA_FONTDIR", str(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"))
    return env


def qt_ready() -> None:
    """Qt must start offscreen. PySide6's wheels bring Qt, but on Linux it needs a few
    system libraries, which packaging/qt-system-libs.sh installs when it can."""
    check = [str(tool("python")), "-c", "from PySide6.QtWidgets import QApplication; QApplication(['x'])"]
    if subprocess.call(check, cwd=ROOT, env=offscreen_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
        return
    if sys.platform.startswith("linux"):
        sh("bash", ROOT / "packaging" / "qt-system-libs.sh", env=dict(os.environ, PY=str(tool("python"))))
        return
    raise SystemExit(f"Qt cannot start offscreen on {sys.platform}: reinstall PySide6 into {VENV}")


def lint(*_args: str) -> None:
    """Style and bugs (ruff), types (mypy, also as on Windows), layers (import-linter)."""
    venv(test=True)
    sh(tool("ruff"), "check", ".")
    sh(tool("ruff"), "format", "--check", ".")
    sh(tool("mypy"))
    if not WINDOWS:  # typeshed has Windows' own os, signal...: the types must hold there too
        sh(tool("mypy"), "--platform", "win32")
    sh(tool("lint-imports"), "--no-cache")


def test(*args: str) -> None:
    """The static checks, then the whole suite headless (pytest ARGS narrow it)."""
    lint()
    qt_ready()
    sh(tool("python"), "-m", "pytest", "-q", *args, env=offscreen_env())


def run(*args: str) -> None:
    """The app (with ARGS, e.g. --data-dir /tmp/lab)."""
    venv()
    sh(tool("python"), "-m", "iris_desktop", *args)


def bench(*_args: str) -> None:
    venv(test=True)
    for script in sorted((ROOT / "tests" / "bench").glob("bench_*.py")):
        sh(tool("python"), script, env=offscreen_env())


def reliability(*args: str) -> None:
    """Real CLI processes killed, run side by side, on damaged stores and hostile input
    (POSIX: it kills with signals); about 4 minutes on 2 cores. Not part of `test`."""
    venv(test=True)
    sh(tool("python"), ROOT / "tests" / "reliability" / "campaign.py", *args, env=offscreen_env())


def screenshots(*_args: str) -> None:
    """The README's pictures, from the real app on a demo store (fixed seed and date): at
    100 % in resources/screenshots/, and at 200 % (QT_SCALE_FACTOR=2) in its hidpi/."""
    venv(test=True)
    qt_ready()
    sh(tool("python"), ROOT / "packaging" / "screenshots.py", env=offscreen_env())
    sh(tool("python"), ROOT / "packaging" / "screenshots.py", "--scale", "2", env=offscreen_env())


def bundle(*_args: str) -> None:
    venv(test=True)
    sh(tool("python"), "-m", "PyInstaller", "--noconfirm", "--clean", ROOT / "packaging" / "iris-desktop.spec")


def clean(*_args: str) -> None:
    for name in (".venv", "build", "dist", ".pytest_cache", *[p.name for p in ROOT.glob("*.egg-info")]):
        shutil.rmtree(ROOT / name, ignore_errors=True)


TASKS = {f.__name__: f for f in (run, test, lint, bench, reliability, screenshots, bundle, clean)}


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in TASKS:
        raise SystemExit(__doc__ + f"\nunknown task: {argv[0]}" if argv else __doc__)
    TASKS[argv[0]](*argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
