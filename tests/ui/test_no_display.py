"""Issue 31: without a display the app says so in one line and exits 2 (Qt would abort
with a message about xcb libraries); a self-test runs headless anywhere."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from iris_desktop.ui.app import display_problem


@pytest.mark.parametrize(
    "env, platform, refused",
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "freebsd14", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_a_display_is_needed_only_where_there_is_none(env, platform, refused):
    assert (display_problem(env, platform) is not None) == refused


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland sessions are Linux's")
def test_the_app_without_a_display_exits_2_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "iris_desktop", "--data-dir", str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("iris-desktop: the app needs a desktop session"), done.stderr
    assert not (tmp_path / "data").exists()  # nothing made
