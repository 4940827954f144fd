"""Daily tab: first draw and one step to the previous day, on ten years of daily
history (3,650 days), against a bare pyqtgraph plot of 3,650 points in the same run.

Store: a first run with the history started 3,649 days back (every day predicted by the
default model). Timed, as the user sees it, at 1280x800:
- first draw: DailyTab(state) built and shown, its worker read of the history done, the
  event loop run until the plots and the flower have been painted with the data;
- step: a press of "Previous day" (the button's click), then the event loop run until
  the flower and the plots have repainted;
- baseline: a PlotWidget with one ScatterPlotItem of 3,650 points built and shown, the
  event loop run until it is painted.
Medians of ROUNDS rounds (steps: STEPS per round). Run:
QT_QPA_PLATFORM=offscreen python tests/bench/bench_daily.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

DAYS = 3650
ROUNDS = 7
STEPS = 40
TODAY = dt.date(2026, 6, 15)
SIZE = (1280, 800)


class PaintCounter:
    """Counts paint events of some widgets (an event filter), to run the loop until
    what the user sees has been drawn."""

    def __init__(self, widgets, when=lambda: True):
        """Counts paints made while `when()` holds (e.g. once the data is in)."""
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and when():
                    counter.painted.add(obj)
                return False

        self.painted: set = set()
        self.filter = Filter()
        self.widgets = list(widgets)
        for w in self.widgets:
            w.installEventFilter(self.filter)

    def reset(self) -> None:
        self.painted.clear()

    def all_painted(self) -> bool:
        return all(w in self.painted for w in self.widgets)


def run_until(app, condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("waited too long")
        app.processEvents()


def build_store(folder: Path):
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.store import Store

    store = Store.open(folder / "iris.sqlite3", folder / "models")
    summary = first_run(store, TODAY, history_days=DAYS)
    assert summary.days_added == DAYS and summary.predictions_made == DAYS, summary
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store


def time_tab(app, state) -> tuple[float, list[float]]:
    from iris_desktop.ui.tabs.daily.tab import DailyTab

    start = time.perf_counter()
    from iris_desktop.ui.actions.daily_actions import DailyActions

    tab = DailyTab(state, harness.reporter(), harness.actions(DailyActions, state))
    tab.resize(*SIZE)
    watched = PaintCounter(
        [tab.day_panel.flower, *(p.viewport() for p in tab.generator_view.plots)], when=lambda: tab.row is not None
    )  # painted with the day shown
    tab.show()
    run_until(app, watched.all_painted)
    first = time.perf_counter() - start
    assert len(tab.data) == DAYS

    steps = []
    for _ in range(STEPS):
        row = tab.row
        # What must repaint: the flower, and each plot whose marker moves (two days can
        # share a pair of values, and then that plot has nothing to redraw).
        moved = [
            p.viewport()
            for p in tab.generator_view.plots
            if (tab.data.X[row - 1, list(p.axes)] != tab.data.X[row, list(p.axes)]).any()
        ]
        must = PaintCounter([tab.day_panel.flower, *moved])
        start = time.perf_counter()
        tab.prev_button.click()
        run_until(app, must.all_painted)
        steps.append(time.perf_counter() - start)
        assert tab.row == row - 1
    tab.close()
    tab.deleteLater()
    app.processEvents()
    return first, steps


def time_bare_plot(app) -> float:
    import numpy as np
    import pyqtgraph as pg

    rng = np.random.default_rng(1)
    x, y = rng.normal(4, 1.5, DAYS), rng.normal(1.2, 0.7, DAYS)
    start = time.perf_counter()
    widget = pg.PlotWidget(background=None)
    widget.addItem(pg.ScatterPlotItem(x, y, size=8, symbol="d", brush=pg.mkBrush("#E69F00")))
    widget.resize(*SIZE)
    widget.show()
    watched = PaintCounter([widget.viewport()])
    run_until(app, watched.all_painted)
    elapsed = time.perf_counter() - start
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return elapsed


def main() -> None:
    from iris_desktop import paths
    from iris_desktop.ui.app import application
    from iris_desktop.ui.runtime import jobs
    from iris_desktop.ui.runtime.state import AppState
    from iris_desktop.ui.runtime.worker import wait_for_all

    app = application()
    folder = Path(tempfile.mkdtemp(prefix="bench-daily-"))
    paths.set_data_dir(folder)  # the tab's settings file goes there too
    build_started = time.perf_counter()
    store = build_store(folder)
    print(f"store with {DAYS} daily days built in {time.perf_counter() - build_started:.1f} s")
    jobs.import_heavy_modules()
    state = AppState(store.path, store.models_dir)
    state.today = lambda: TODAY
    state.apply(jobs.snapshot(*state.paths(), None, None))  # as the window has it when tabs are built

    time_bare_plot(app)  # warm-up: first pyqtgraph use
    time_tab(app, state)
    firsts, steps, bares = [], [], []
    for _ in range(ROUNDS):
        bares.append(time_bare_plot(app))
        first, step = time_tab(app, state)
        firsts.append(first)
        steps.append(statistics.median(step))
    wait_for_all()
    first_ms = statistics.median(firsts) * 1000
    step_ms = statistics.median(steps) * 1000
    bare_ms = statistics.median(bares) * 1000
    print(
        f"bare pyqtgraph plot of {DAYS} points, first draw: median {bare_ms:.1f} ms "
        f"(min {min(bares) * 1000:.1f}, max {max(bares) * 1000:.1f})"
    )
    print(
        f"Daily tab first draw: median {first_ms:.1f} ms (min {min(firsts) * 1000:.1f}, "
        f"max {max(firsts) * 1000:.1f}); {first_ms / bare_ms:.1f}x the bare plot"
    )
    print(
        f"step to the previous day: median of round medians {step_ms:.2f} ms "
        f"(rounds {min(steps) * 1000:.2f}-{max(steps) * 1000:.2f}); {step_ms / bare_ms:.2f}x the bare plot's first draw"
    )
    print(f"daily_first_draw_3650_ms: {first_ms:.0f}")
    print(f"daily_step_ms: {step_ms:.1f}")
    store.close()


if __name__ == "__main__":
    main()
