"""What every group of actions shares: the window, the state, one way to add a menu
item and one way to run a job."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from iris_desktop.ui.worker import Task

if TYPE_CHECKING:
    from iris_desktop.ui.main_window import MainWindow


class Actions(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.reporter = window.reporter

    def action(self, menu, text: str, slot: Callable[[], object], shortcut: str | None = None,
               tip: str = "") -> QAction:
        act = QAction(text, self.window)
        act.setStatusTip(tip)
        act.triggered.connect(lambda checked=False: slot())
        if shortcut:
            self.window.add_shortcut(act, shortcut)
        menu.addAction(act)
        return act

    def run(self, name: str, job, *args, status: str = "", writes: bool = True, on_finished=None,
            on_failed=None, **kwargs) -> Task:
        """job(db, models, *args) in lane `name` of the task runner."""
        return self.state.runner.run(name, job, *self.state.paths(), *args, status=status,
                                     writes=writes, on_finished=on_finished, on_failed=on_failed,
                                     **kwargs)

    def done(self, text: str) -> None:
        self.window.show_status(text)
