"""Every message the app shows goes through the ErrorReporter (non-blocking boxes, one
per message, counted when repeated): no static QMessageBox call and no exec() of a
dialog, which would run a nested event loop inside whatever callback opened it. The
two reviewed exceptions: a warning before the window exists (no event loop yet) and
Help ▸ About, opened from a menu."""

from __future__ import annotations

import re
from pathlib import Path

import iris_desktop

UI = Path(iris_desktop.__file__).parent / "ui"
BLOCKING = re.compile(r"QMessageBox\.(warning|information|critical|question|about)\(|\.exec\(\)|\bgetItem\(")
ALLOWED = {
    ("app.py", "QtWidgets.QMessageBox.warning(None, title, text)"),  # before the window and its loop
    ("app.py", "code = app.exec()"),  # the event loop itself
    ("app_actions.py", "QtWidgets.QMessageBox.about("),  # Help ▸ About, from a menu
}


def test_no_blocking_dialog_outside_the_reviewed_places():
    found = set()
    for path in UI.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if BLOCKING.search(line) and not line.lstrip().startswith("#"):
                found.add((path.name, line.strip()))
    assert found == ALLOWED
