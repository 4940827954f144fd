"""Refresh a tab when it can be seen: at once if it is on screen, else when it is next
shown. A change of the store reaches every tab; redrawing the hidden ones would only
take time from the one the user is looking at (and, for a large history, make it
stutter)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], object]):
        super().__init__(widget)
        self.widget, self.refresh = widget, refresh
        self.pending = False
        widget.installEventFilter(self)

    def __call__(self, *_args) -> None:
        if self.widget.isVisible():
            self.pending = False
            self.refresh()
        else:
            self.pending = True

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget and event.type() == QEvent.Type.Show and self.pending:
            self.pending = False
            self.refresh()
        return False
