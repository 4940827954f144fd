"""The frame-time recorder the benchmarks share.

- `StallWatch`: the longest gap between two turns of the GUI event loop during a phase
  (a 1 ms timer ticks at every turn the loop is free to take; a gap is the time the
  window could not react: 33 ms is two 60 Hz frames).
- `FrameRecorder`: the time from a change (a slider's new value, a key press) until every
  widget that must show it has painted, one figure per change; `p99` of those is what a
  drag feels like.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path


def p99(values: list[float]) -> float:
    return percentile(values, 0.99)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class StallWatch:
    """start() ... stop() -> the longest gap in ms between two event-loop turns."""

    def __init__(self, interval_ms: int = 1):
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last: float | None = None
        self.max_gap = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.max_gap = None, 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()  # a block that lasted until now counts too
        return self.max_gap * 1000


class PaintWatch:
    """Which of some widgets have painted since reset() (an event filter on each), while
    `when()` holds (e.g. once the data is in); with `visible_only`, a hidden widget (a
    page not shown) is not waited for."""

    def __init__(self, widgets: Iterable, when: Callable[[], bool] = lambda: True, visible_only: bool = False):
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and when():
                    watch.painted.add(obj)
                return False

        self.widgets = list(widgets)
        self.visible_only = visible_only
        self.painted: set = set()
        self.filter = Filter()
        for widget in self.widgets:
            widget.installEventFilter(self.filter)

    def reset(self) -> None:
        self.painted.clear()

    def all_painted(self) -> bool:
        return all(w in self.painted for w in self.widgets if w.isVisible() or not self.visible_only)

    def wait(self, timeout: float = 60.0) -> None:
        """Run the event loop until every visible watched widget has painted."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        deadline = time.perf_counter() + timeout
        while not self.all_painted():
            if time.perf_counter() > deadline:
                missing = [type(w).__name__ for w in self.widgets if w not in self.painted]
                raise TimeoutError(f"a widget did not paint: {missing}")
            app.processEvents()

    def close(self) -> None:
        import shiboken6

        for widget in self.widgets:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self.filter)


class LastPaint:
    """When a widget last received a Paint event (`last`, perf_counter seconds)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, obj, event):
                if event.type() == QEvent.Type.Paint:
                    self.last = time.perf_counter()
                return False

        self.last = 0.0
        self._filter = Filter(widget)
        widget.installEventFilter(self._filter)


class FrameRecorder:
    """frame(change, widgets) runs `change()` and the event loop until every one of
    `widgets` has painted (and `settled()` holds: no answer still coming from a worker),
    and keeps the time in ms; `pace` s is left between changes as between the mouse moves
    of a drag."""

    def __init__(self, pace: float = 1 / 60):
        self.pace = pace
        self.times: list[float] = []

    def frame(self, change: Callable[[], object], widgets: Iterable, settled: Callable[[], bool] = lambda: True):
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        watch = PaintWatch(widgets)
        start = time.perf_counter()
        change()
        while not (watch.all_painted() and settled()):
            app.processEvents()
        self.times.append((time.perf_counter() - start) * 1000)
        watch.close()
        while time.perf_counter() - start < self.pace:  # the next change comes a frame later
            app.processEvents()
        return self.times[-1]

    def p99(self) -> float:
        return p99(self.times)


class StallSampler:
    """Why the GUI thread stalls: a Python thread looks every 2 ms at how long ago the
    watch's last tick was; past `threshold_ms` it notes where every thread is (its
    innermost frames of our code and the libraries). A GUI thread that waits for the
    GIL shows as the line it stopped at while a worker's frame keeps the GIL."""

    def __init__(self, watch: StallWatch, threshold_ms: float = 20.0):
        import threading
        from collections import Counter

        self.watch, self.threshold = watch, threshold_ms / 1000
        self.samples: Counter = Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._main = threading.main_thread().ident

    def _run(self) -> None:
        import sys
        import threading
        import traceback

        names = {t.ident: t.name for t in threading.enumerate()}
        while not self._stop.wait(0.002):
            last = self.watch.last
            if last is None or time.perf_counter() - last < self.threshold:
                continue
            for ident, frame in sys._current_frames().items():
                if ident == threading.get_ident():
                    continue
                where = traceback.extract_stack(frame)[-3:]
                who = "GUI" if ident == self._main else names.get(ident, "worker")
                self.samples[
                    (who, " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in where[::-1]))
                ] += 1

    def start(self) -> None:
        self.samples.clear()
        self._thread.start()

    def stop(self, top: int = 8) -> list[str]:
        self._stop.set()
        self._thread.join()
        return [f"{n:5d}  {who:8} {where}" for (who, where), n in self.samples.most_common(top)]
