"""Daily tab: first draw and one step to the previous day, on ten years of daily
history (3,650 days), against a bare pyqtgraph plot of 3,650 points in the same run.

Store: a first run with the history started 3,649 days back (every day predicted by the
default model). Timed, as the user sees it, at 1280x800:
- first draw: DailyTab(state) built and shown, its worker read of the history done, the
  event loop run until the plots and the flower have been painted with the data;
- step: Alt+Left (a day back) STEPS times, then Alt+Right (a day forward) as often, each
  until the flower and the plots whose marker moved have repainted (tests/bench/frames.py);
  `daily_step_p99_ms` is the p99 of the forward steps (goal <= 16.7);
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
from frames import FrameRecorder, PaintWatch, p99  # noqa: E402

DAYS = 3650
ROUNDS = 7
STEPS = 40
TODAY = dt.date(2026, 6, 15)
SIZE = (1280, 800)


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
    watched = PaintWatch(
        [tab.day_panel.flower, *(p.viewport() for p in tab.generator_view.plots)], when=lambda: tab.row is not None
    )  # painted with the day shown
    tab.show()
    run_until(app, watched.all_painted)
    first = time.perf_counter() - start
    assert len(tab.data) == DAYS

    # A day back, then a day forward, with the keyboard (Alt+Left, Alt+Right): what must
    # repaint is the flower and each plot whose marker moves (two days can share a pair of
    # values, and then that plot has nothing to redraw).
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    tab.activateWindow()
    recorder = FrameRecorder()
    for key, delta in [(Qt.Key.Key_Left, -1)] * STEPS + [(Qt.Key.Key_Right, 1)] * STEPS:
        row = tab.row
        moved = [
            p.viewport()
            for p in tab.generator_view.plots
            if (tab.data.X[row + delta, list(p.axes)] != tab.data.X[row, list(p.axes)]).any()
        ]
        recorder.frame(
            lambda key=key: QTest.keyClick(tab.focusWidget() or tab, key, Qt.KeyboardModifier.AltModifier),
            [tab.day_panel.flower, *moved],
        )
        assert tab.row == row + delta, "the key did not move the day"
    steps = [t / 1000 for t in recorder.times[STEPS:]]  # forward steps, in s
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
    watched = PaintWatch([widget.viewport()])
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
        steps.append(p99(step))
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
        f"a day forward with Alt+Right, painted: p99 {step_ms:.2f} ms, median of the rounds' p99s "
        f"(rounds {min(steps) * 1000:.2f}-{max(steps) * 1000:.2f}); goal <= 16.7"
    )
    print(f"daily_first_draw_3650_ms: {first_ms:.0f}")
    print(f"daily_step_p99_ms: {step_ms:.1f}")
    store.close()


if __name__ == "__main__":
    main()
