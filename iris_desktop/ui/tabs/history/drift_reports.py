"""Keeps the Drift page's report current: the daily flowers of the window chosen there,
compared in a worker with the active model's training flowers. Put off while the page is
hidden (a tab the user may never open should not cost the comparison); done when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.history import jobs as history_jobs
from iris_desktop.ui.tabs.history.drift_text import model_name
from iris_desktop.ui.tabs.history.drift_view import DriftView


class DriftReports:
    def __init__(self, view: DriftView, state: AppState, context: QWidget):
        self.view, self.state = view, state
        self.context = context  # the jobs' context: no result is delivered after it is gone
        self.stale = True  # the page shows an old report (or none)
        view.shown.connect(self._shown)
        view.windowChanged.connect(self.request)

    def _shown(self) -> None:
        if self.stale:
            self.request()

    def request(self) -> Task | None:
        """Compare now (None when there is nothing to compare, or the page is hidden)."""
        view = self.view
        if not view.isVisible():
            self.stale = True
            return None
        self.stale = False
        model, flowers = self.state.model, self.state.flowers
        if model is None:
            view.show_message(
                tr("There is no active model, so there are no training flowers to compare the daily flowers with.")
            )
            return None
        if flowers is None:
            view.show_message(tr("No flowers are stored yet."))
            return None
        name = model_name(model.version)
        return self.state.runner.run(
            "history-drift",
            history_jobs.drift_report,
            model.X_train,
            model.y_train,
            flowers,
            view.days(),
            self.state.today(),
            key=("drift", model.version, id(flowers), view.days()),
            writes=False,
            repeat="latest",
            context=self.context,
            on_finished=lambda result: view.show_report(result[0], model.X_train, result[1], name),
        )
