"""The window's menus, filled right after its first paint: every group of actions made
and put in its menu (File, Pipelines, View, Help), and the keys they answer to. The
window shows the menu bar's titles in its first paint; importing the groups (their
dialogs, jobs and words) waits until then (MainWindow.complete)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from iris_desktop.ui.actions.app_actions import AppActions
from iris_desktop.ui.actions.daily_actions import DailyActions
from iris_desktop.ui.actions.data_actions import DataActions
from iris_desktop.ui.actions.history_actions import HistoryActions
from iris_desktop.ui.actions.model_actions import ModelActions
from iris_desktop.ui.actions.pipeline_actions import PipelineActions
from iris_desktop.ui.actions.report_actions import ReportActions
from iris_desktop.ui.actions.view_actions import ViewActions
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.widgets.theme import Theme


class MenuActions:
    """The groups of actions, by subject, each in its menu; `parent` is their dialogs'."""

    def __init__(
        self,
        parent: QWidget,
        state: AppState,
        reporter: ErrorReporter,
        theme: Theme,
        menus: dict[str, QMenu],
        tab_names: Callable[[], list[str]],
    ):
        made = (parent, state, reporter)
        self.data = DataActions(*made)
        self.history = HistoryActions(*made)
        self.report = ReportActions(*made)
        self.daily = DailyActions(*made)
        self.model = ModelActions(*made)
        self.pipeline = PipelineActions(*made, self.data, self.model)
        self.view = ViewActions(*made, theme)
        self.app = AppActions(*made, tab_names)
        self.data.populate(menus)
        self.history.populate(menus["file"])
        self.report.populate(menus["file"])
        self.view.populate(menus)  # Help ▸ Keyboard shortcuts before About
        self.app.populate(menus)
        self.daily.populate(menus["pipelines"])
        self.model.populate(menus["pipelines"])
        self.pipeline.populate(menus["pipelines"])

    def shortcuts(self) -> Iterator[tuple[QAction, str]]:
        """(action, key sequence) of every group that has keys."""
        for group in (self.data, self.history, self.daily, self.model, self.view, self.app):
            yield from group.shortcuts
