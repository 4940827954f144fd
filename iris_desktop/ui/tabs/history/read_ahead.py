"""The by-model view the switch would show next, read in a worker once the tab has drawn
the days as predicted at the time: choosing "By model" then shows it without waiting
for its rows to be read. It joins the data shown only if both were read from the same
store contents (the same summary, the same last day); a later change of the store
drops it with the rest (tab.reload reads again what is shown), so it is never stale."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox

from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.tabs.history import jobs as history_jobs

IDLE_MS = 100  # after a draw: its paint first


class _Tab(Protocol):
    """What is read of the History tab."""

    data: history_jobs.HistoryData | None
    state: AppState
    version_box: QComboBox

    def isVisible(self) -> bool: ...


class ReadAhead(QObject):
    def __init__(self, tab: _Tab, parent: QObject):
        super().__init__(parent)
        self.tab = tab
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self.start)

    def schedule(self) -> None:
        self.timer.start()

    def wanted(self) -> int | None:
        """The version to read ahead: the one the switch would show, if it is not read."""
        tab, data = self.tab, self.tab.data
        if data is None or data.version is not None or data.error or not tab.isVisible():
            return None
        version = tab.version_box.currentData()
        if version is None or any(v == version for v, _view in data.views):
            return None
        return int(version)

    def start(self) -> None:
        version, data = self.wanted(), self.tab.data
        if version is None or data is None:
            return
        self.tab.state.runner.run(
            "history-ahead",
            history_jobs.load_history,
            *self.tab.state.paths(),
            version,
            data,
            data.today,
            key=("history-ahead", version),
            writes=False,
            repeat="latest",
            on_finished=self._read,
            on_failed=self._not_read,
            context=self,
        )

    def _read(self, read: history_jobs.HistoryData) -> None:
        data = self.tab.data
        if data is None or data.error or read.error or (read.summary, read.today) != (data.summary, data.today):
            return  # the store changed meanwhile: what is shown is read again
        have = {v for v, _view in data.views}
        more = tuple(view for view in read.views if view[0] not in have)
        self.tab.data = replace(data, views=(*data.views, *more)[: history_jobs.KEPT_VIEWS])

    def _not_read(self, _exc: BaseException, _details: str) -> None:
        """Nothing to say: the view is read (and a failure said) when it is chosen."""
