"""The bundle, built once per test session from packaging/iris-desktop.spec into a temp
folder (never dist/): the bundle, Debian package and size tests share it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import EXE, PACKAGING


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """The bundle's main executable (dist/iris-desktop/iris-desktop in a temp folder)."""
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(PACKAGING / "iris-desktop.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    exe = work / "dist" / "iris-desktop" / EXE
    assert exe.is_file()
    return exe
