"""What the packaging tests share: where things are, the packaging/ scripts as modules,
and running a built executable as a user's desktop would (but offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WINDOWS = os.name == "nt"
EXE = "iris-desktop.exe" if WINDOWS else "iris-desktop"
# Windows' iris-desktop.exe is windowed (no stdout): a terminal or a scheduler runs its
# console twin. macOS's windowed executable keeps the terminal's streams.
CLI = "iris-desktop-cli.exe" if WINDOWS else EXE


def packaging_module(name: str):
    """A module of packaging/ (bundle_trim, deb, tasks...), which is no package."""
    sys.path.insert(0, str(PACKAGING))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(PACKAGING))


def run(exe: Path, *args: str, cwd: Path, timeout: float = 300, **env_extra: str) -> subprocess.CompletedProcess:
    """`exe ARGS` with no data folder chosen by the environment, offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env_extra)
    env.pop("IRIS_DESKTOP_DATA_DIR", None)
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)
