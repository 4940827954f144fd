"""Notices commits made by any other connection: this app's workers, the CLI, a cron
catch-up, a second window. SQLite's `PRAGMA data_version` changes whenever another
connection commits; reading it costs microseconds, so a timer polls it on the GUI
thread and asks the state for a new snapshot (read in a worker) when it moved."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer

from iris_desktop.ui.runtime.state import AppState

POLL_MS = 400  # changes elsewhere show within half a second, a refresh included


class ChangeWatcher(QObject):
    def __init__(self, state: AppState, interval_ms: int = POLL_MS):
        super().__init__(state)
        self.state = state
        self._version: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        state.runner.writeFinished.connect(self.check)  # our own commits: at once

    def start(self) -> None:
        self._version = self._read()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        if not self._timer.isActive():
            return
        version = self._read()
        if version is not None and version != self._version:
            self._version = version
            self.state.refresh()

    def _read(self) -> int | None:
        try:
            return self.state.store.data_version()
        except sqlite3.Error:  # busy or gone for a moment: the next tick tries again
            return None
