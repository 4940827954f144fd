"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate past a threshold,
often a worker. When the garbage holds a Qt object (a finished Task, a closed dialog's
wrapper), its C++ destructor then runs in that worker: Qt forbids it, and PySide can
deadlock there (seen: ~QObject waiting for the GIL inside gc_collect_main). So automatic
collection is switched off, and a timer on the GUI thread collects instead, by the same
thresholds. (Objects alive after start-up are frozen, see jobs.freeze_garbage, so these
collections are short.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadGC(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations the counts say are due, as automatic collection would."""
        young, middle, old = gc.get_count()
        if old > self.threshold[2]:
            gc.collect(2)
        elif middle > self.threshold[1]:
            gc.collect(1)
        elif young > self.threshold[0]:
            gc.collect(0)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
