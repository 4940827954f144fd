"""What every group of actions shares: the parent widget of its dialogs, the state, the
reporter (how the user is told things), one way to add a menu item and one way to run
a job. Actions never see the window: the window creates them and installs their
shortcuts after its first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task


class Actions(QObject):
    def __init__(self, parent: QWidget, state: AppState, reporter: ErrorReporter):
        super().__init__(parent)
        self.widget = parent  # the parent of dialogs
        self.state = state
        self.reporter = reporter
        self.shortcuts: list[tuple[QAction, str]] = []  # set after the window's first paint

    def action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: str | None = None, tip: str = ""
    ) -> QAction:
        act = QAction(text, self.widget)
        act.setStatusTip(tip)
        act.triggered.connect(lambda checked=False: slot())
        if shortcut:
            self.shortcuts.append((act, shortcut))
        menu.addAction(act)
        return act

    def run(
        self, name: str, job, *args, status: str = "", writes: bool = True, on_finished=None, on_failed=None, **kwargs
    ) -> Task:
        """job(db, models, *args) in lane `name` of the task runner."""
        return self.state.runner.run(
            name,
            job,
            *self.state.paths(),
            *args,
            status=status,
            writes=writes,
            on_finished=on_finished,
            on_failed=on_failed,
            **kwargs,
        )

    def done(self, text: str) -> None:
        self.reporter.status(text)
