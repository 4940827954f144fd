"""`make screenshots` keeps working: the tool drives the real window on a demo store and
writes one picture per tab plus the import preview, each the size it was asked for and
not blank."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_screenshots_show_every_tab_and_the_import_preview(tmp_path):
    from PySide6.QtGui import QImage

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("IRIS_DESKTOP_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == sorted(
        f"{n}.png" for n in ("explore", "train", "daily", "predict", "history", "pipelines", "import-preview")
    )
    for name in names:
        image = QImage(str(tmp_path / name))
        assert not image.isNull()
        if name != "import-preview.png":
            assert (image.width(), image.height()) == (1280, 800), name
        # not blank: text and plots make many colours (a dialog of text, fewer)
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
        assert len(colours) > (8 if name == "import-preview.png" else 20), name
