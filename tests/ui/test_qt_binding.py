"""Guards against a broken Qt binding. PySide6-Essentials 6.12.0 on Python < 3.12 drops a
reference to None on every Qt call that returns nothing, and the app aborts after a few
hundred slider moves (`Fatal Python error: none_dealloc`); pyproject excludes it."""

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
    assert sys.getrefcount(None) >= before - 50
