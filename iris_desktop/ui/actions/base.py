"""What every group of actions shares: the window (as the few things actions use of it),
the state, one way to add a menu item and one way to run a job."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWidget

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task


class Window(Protocol):
    """What actions use of the main window. MainWindow (a QWidget) satisfies it; nothing
    under actions/ imports the window, which imports the actions."""

    state: AppState
    reporter: ErrorReporter
    settings: QSettings
    tabs: QTabWidget
    last_catch_up_day: dt.date | None

    def show_status(self, text: str) -> None: ...
    def add_shortcut(self, action: QAction, keys: str) -> None: ...
    def task_failed(self, name: str, exc: BaseException, details: str) -> None: ...
    def model_unusable(self, reason: str) -> None: ...
    def close(self) -> bool: ...


class Actions(QObject):
    def __init__(self, window: Window):
        self.widget = cast(QWidget, window)  # the parent of menus' actions and dialogs
        super().__init__(self.widget)
        self.window = window
        self.state = window.state
        self.reporter = window.reporter

    def action(
        self, menu, text: str, slot: Callable[[], object], shortcut: str | None = None, tip: str = ""
    ) -> QAction:
        act = QAction(text, self.widget)
        act.setStatusTip(tip)
        act.triggered.connect(lambda checked=False: slot())
        if shortcut:
            self.window.add_shortcut(act, shortcut)
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
        self.window.show_status(text)
