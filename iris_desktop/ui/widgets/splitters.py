"""The tabs' splitters: built one way, and remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSplitter, QWidget


def splitter(orientation: Qt.Orientation, widgets: list[QWidget], stretch: tuple[int, ...] = ()) -> QSplitter:
    """`widgets` side by side (or stacked), with these stretch factors; no pane can be
    dragged shut, where a user would not find it again."""
    made = QSplitter(orientation)
    for widget in widgets:
        made.addWidget(widget)
    for index, factor in enumerate(stretch):
        made.setStretchFactor(index, factor)
    made.setChildrenCollapsible(False)
    return made


def remember(split: QSplitter, settings: QSettings, key: str) -> None:
    """Restore `split`'s sizes saved under `key`, and save them whenever they are moved."""
    saved = settings.value(key)
    if saved is not None:
        split.restoreState(saved)
    split.splitterMoved.connect(lambda *_args: settings.setValue(key, split.saveState()))
