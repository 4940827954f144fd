"""History tab: ten years of daily predictions with five model switches.

In one run, against a bare pyqtgraph plot of 3,650 points (one ScatterPlotItem, shown,
painted), times what the user sees of the History tab:
- first draw: the tab built, shown, its history read (in its worker) and painted;
- update: one more day caught up (by "another process"), the state told (as the change
  watcher does), until the tab shows the new day, painted;
- change of view: "by model vN" chosen, until that view is shown, painted (and back).
Every time ends when the event loop has painted the plot after the change (a Paint
event reached its viewport), as a user would first see it.

Prints medians over the rounds (the bare plot's first draw and its update by one point
for reference, the change of view) and
  history_first_draw_3650_ms: X   (goal <= 500)
  history_update_ms: Y            (goal <= 50)
  history_first_draw_ratio: Z     (X / the bare plot's first draw, same run)

With --days 36500 (a hundred years, tests/bench/bench_scale.py) the figures are named by
that count: history_first_draw_36500_ms (goal <= 500).

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_history.py [rounds] [--days N]
"""

from __future__ import annotations

import argparse
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
from frames import LastPaint  # noqa: E402

TODAY = dt.date(2026, 6, 15)
YEARS_OF_DAYS = 3650
SWITCHES = 5
SIZE = (1280, 800)


def build_store(folder: Path):
    """A first run 3,650 days ago, then five new models activated along the way (each
    activation predicts every day so far), caught up to TODAY."""
    from iris_desktop import paths
    from iris_desktop.pipelines import daily_calendar, registry
    from iris_desktop.pipelines.inference import catch_up
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.pipelines.training import TrainingConfig, train
    from iris_desktop.store import Store

    paths.set_data_dir(folder)
    store = Store.open(paths.database_path(), paths.models_dir())
    start = TODAY - dt.timedelta(days=YEARS_OF_DAYS - 1)
    daily_calendar.set_history_days(store, 1)
    first_run(store, start)
    configs = [TrainingConfig(params={"n_neighbors": k}) for k in (1, 3, 7, 9)] + [TrainingConfig("tree")]
    step = YEARS_OF_DAYS // (SWITCHES + 1)
    for i, config in enumerate(configs, start=1):
        day = start + dt.timedelta(days=i * step)
        catch_up(store, day)
        record = train(store, config)
        catch_up(store, day, model=registry.load_model(store, record.version))
    catch_up(store, TODAY)
    return store


class LoadWatch:
    """Notes when the tab last drew new data (its `drawn` signal)."""

    def __init__(self, tab):
        self.last = 0.0
        tab.drawn.connect(self._drawn)

    def _drawn(self) -> None:
        self.last = time.perf_counter()


def drawn_and_painted(app, watch: LoadWatch, counter: LastPaint, since: float) -> None:
    """Run the event loop until new data was drawn after `since` and painted after that."""
    wait_until(app, lambda: watch.last > since and counter.last > watch.last)


def wait_until(app, condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("waited too long")
        app.processEvents()
        time.sleep(0.0005)


def settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    wait_until(app, lambda: time.monotonic() >= end)


bare_update: list[float] = []


def delete_now(app, widget) -> None:
    """deleteLater, carried out now (processEvents alone leaves deferred deletes)."""
    from PySide6.QtCore import QEvent

    widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def bare_plot_first_draw(app, n: int) -> float:
    import numpy as np
    import pyqtgraph as pg

    x = np.arange(n, dtype=float) * 86400.0
    y = np.random.default_rng(0).integers(0, 2, n).astype(float)
    start = time.perf_counter()
    widget = pg.PlotWidget()
    counter = LastPaint(widget.viewport())
    widget.resize(*SIZE)
    widget.addItem(pg.ScatterPlotItem(x, y, size=6, pen=None, brush=pg.mkBrush("#009E73")))
    widget.show()
    wait_until(app, lambda: counter.last > start)
    elapsed = time.perf_counter() - start
    settle(app, 0.1)
    start = time.perf_counter()  # one more point, as the tab gets one more day
    scatter = widget.getPlotItem().listDataItems()[0]
    scatter.addPoints([n * 86400.0], [1.0])
    wait_until(app, lambda: counter.last > start)
    bare_update.append(time.perf_counter() - start)
    widget.close()
    delete_now(app, widget)
    return elapsed


def main() -> None:
    global YEARS_OF_DAYS
    parser = argparse.ArgumentParser()
    parser.add_argument("rounds", nargs="?", type=int, default=5)
    parser.add_argument("--days", type=int, default=YEARS_OF_DAYS)
    args = parser.parse_args()
    rounds, YEARS_OF_DAYS = args.rounds, args.days
    from iris_desktop.ui.app import application

    app = application()
    import pyqtgraph  # noqa: F401  (loaded before tabs are built, as in the app)

    from iris_desktop.pipelines.inference import catch_up
    from iris_desktop.ui.runtime import jobs
    from iris_desktop.ui.runtime.state import AppState
    from iris_desktop.ui.runtime.worker import wait_for_all
    from iris_desktop.ui.tabs.history.tab import HistoryTab

    folder = Path(tempfile.mkdtemp(prefix="bench-history-"))
    t0 = time.perf_counter()
    store = build_store(folder)
    from iris_desktop.store.predictions import prediction_count

    print(
        f"store: {YEARS_OF_DAYS} days, {prediction_count(store)} predictions, "
        f"{SWITCHES} switches, built in {time.perf_counter() - t0:.1f} s"
    )
    state = AppState(store.path, store.models_dir)
    today = [TODAY]
    state.today = lambda: today[0]
    state.apply(jobs.snapshot(*state.paths(), None, None))

    bare, first, update, view = [], [], [], []
    for _r in range(rounds):
        bare.append(bare_plot_first_draw(app, YEARS_OF_DAYS))

        start = time.perf_counter()
        tab = HistoryTab(state, harness.reporter())
        counter = LastPaint(tab.plot.viewport())
        watch = LoadWatch(tab)  # before the first load comes back
        tab.resize(*SIZE)
        tab.show()
        drawn_and_painted(app, watch, counter, start)
        first.append(time.perf_counter() - start)
        assert tab.plot.marker_count() >= YEARS_OF_DAYS and len(tab.plot.version_lines()) == SWITCHES

        settle(app, 0.3)  # the user looks at the tab before the next day comes
        # one more day, caught up elsewhere; the snapshot is read as the watcher's job would
        today[0] += dt.timedelta(days=1)
        catch_up(store, today[0])
        snapshot = jobs.snapshot(*state.paths(), state.summary, state.model)
        shown = len(tab.data.view)
        start = time.perf_counter()
        state.apply(snapshot)
        drawn_and_painted(app, watch, counter, start)
        assert len(tab.data.view) == shown + 1
        update.append(time.perf_counter() - start)

        settle(app, 0.3)
        # a change of view: by the active model, then back
        version = state.model.version
        for by_model in (True, False):
            start = time.perf_counter()
            (tab.by_model if by_model else tab.as_predicted).click()
            if by_model:
                tab.version_box.setCurrentIndex(tab.version_box.findData(version))
            wanted = version if by_model else None
            wait_until(app, lambda tab=tab, wanted=wanted: tab.data.version == wanted)
            drawn_and_painted(app, watch, counter, start)
            view.append(time.perf_counter() - start)
        wait_for_all(30_000)
        app.processEvents()
        tab.close()
        delete_now(app, tab)  # else every old tab would still follow the state's signals

    def ms(values):
        return statistics.median(values) * 1000

    print(f"bare_plot_first_draw_{YEARS_OF_DAYS}_ms: {ms(bare):.1f}")
    print(f"bare_plot_update_ms: {ms(bare_update):.1f}")
    print(f"history_view_change_ms: {ms(view):.1f}")
    print(f"history_first_draw_{YEARS_OF_DAYS}_ms: {ms(first):.1f}")
    print(f"history_update_ms: {ms(update):.1f}")
    ratios = [f / b for f, b in zip(first, bare)]
    print(f"history_first_draw_ratio: {statistics.median(ratios):.2f}")
    store.close()


if __name__ == "__main__":
    main()
