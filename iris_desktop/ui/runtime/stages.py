"""A redraw in stages a frame apart, each painted before the next begins.

New data redraw a dozen plots; drawn in one event-loop turn, their paints hold the
window for more than two frames (at 60 Hz a frame is 16.7 ms). Staged, each turn paints
one part and input and timers are served between: the whole is on screen a frame or two
later, and nothing the user does waits behind it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FRAME_MS = 16


class Stages(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._steps: list[Callable[[], object]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)  # a timer, not a posted call: the paint comes first
        self._timer.timeout.connect(self._next)

    def run(self, *steps: Callable[[], object]) -> None:
        """The first step now, each next one a frame after the one before. Steps of an
        earlier run not yet taken are dropped: this run redraws everything."""
        self._steps = list(steps)
        self._next()

    def cancel(self) -> None:
        """Drop the steps not yet taken (everything was just drawn another way)."""
        self._steps.clear()
        self._timer.stop()

    @property
    def pending(self) -> bool:
        return bool(self._steps)

    def _next(self) -> None:
        if not self._steps:
            return
        step = self._steps.pop(0)
        if self._steps:
            self._timer.start()
        step()
