"""Notices commits made by any other connection: this app's workers, the CLI, a cron
catch-up, a second window. SQLite's `PRAGMA data_version` changes whenever another
connection commits; reading it costs microseconds, so a timer polls it on the GUI
thread and asks the state for a new snapshot (read in a worker) when it moved.

This is the GUI thread's only connection: opened once the start-up (in a worker) has
checked and migrated the file, never written through, closed when watching stops."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer

from iris_desktop.ui.runtime.state import AppState

POLL_MS = 400  # changes elsewhere show within half a second, a refresh included
BUSY_MS = 200  # the longest a poll waits for a lock: the GUI thread never waits long


class ChangeWatcher(QObject):
    def __init__(self, state: AppState, interval_ms: int = POLL_MS):
        super().__init__(state)
        self.state = state
        self._version: int | None = None
        self._conn: sqlite3.Connection | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        state.runner.writeFinished.connect(self.check)  # our own commits: at once

    def start(self) -> None:
        self.stop()  # a store replaced meanwhile (a recovery) is watched anew
        try:
            self._conn = sqlite3.connect(self.state.db, isolation_level=None, timeout=BUSY_MS / 1000)
        except sqlite3.Error:
            self._conn = None  # the next start (after a recovery) tries again
        self._version = self._read()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._conn is not None:
            self._conn.close()  # also lets Windows move the file aside
            self._conn = None

    def check(self) -> None:
        if not self._timer.isActive():
            return
        version = self._read()
        if version is not None and version != self._version:
            self._version = version
            self.state.refresh()

    def _read(self) -> int | None:
        if self._conn is None:
            return None
        try:
            version: int = self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:  # busy or gone for a moment: the next tick tries again
            return None
        return version
