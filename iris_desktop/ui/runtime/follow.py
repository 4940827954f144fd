"""A tab follows the store's changes when it can be seen: at once if it is on screen,
else once when it is next shown, with every change that came meanwhile merged into one.
A hidden tab does no work (redrawing it would take time from the one the user looks at),
and a tab shown again after nothing changed does none either."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from iris_desktop.ui.runtime.state import AppState, Changes


class Follow(QObject):
    def __init__(
        self,
        widget: QWidget,
        state: AppState,
        refresh: Callable[[Changes], object],
        wants: Callable[[Changes], bool] = lambda changes: True,
    ):
        """refresh(changes) when `wants(changes)`: the changes this tab draws."""
        super().__init__(widget)
        self.widget, self.refresh, self.wants = widget, refresh, wants
        self.pending: Changes | None = None
        widget.installEventFilter(self)
        state.changed.connect(self._changed)  # a slot of ours: dropped with the widget

    def _changed(self, changes: Changes) -> None:
        if not self.wants(changes):
            return
        self.pending = changes if self.pending is None else self.pending | changes
        if self.widget.isVisible():
            self._flush()

    def _flush(self) -> None:
        changes, self.pending = self.pending, None
        if changes is not None:
            self.refresh(changes)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget and event.type() == QEvent.Type.Show and self.pending is not None:
            self._flush()
        return False
