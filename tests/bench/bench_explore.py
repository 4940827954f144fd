"""Explore tab at 100,000 flowers: first draw, and a brush against a bare pyqtgraph redraw.

A store with 100,000 flowers (the bundled 150 resampled with noise, one decimal, as
imports) and the real ExploreTab shown at 1280x760. Each round:
- baseline: a bare pyqtgraph window with one 100,000-point ScatterPlotItem is given a
  new brush (alternating colours) and the event loop runs until its view has painted;
- brush: a rectangle drag on the large scatter (real mouse events; alternating between
  two rectangles so each one changes the selection), timed from the button's release
  until every visible view (scatter matrix, the current page, the table) has painted.
  The current page cycles through Scatter, Distributions and Statistics, so each is
  painted in a third of the rounds; all are updated in every round.
First draw: from building the tab to every visible view painted (median of 3 tabs).

Redraw stall: new flowers arrive (the state takes a snapshot, as after an import) and the
tab prepares and draws them; the longest gap between two event-loop turns meanwhile
(frames.StallWatch), median of 3 (goal <= 33: two frames).

Prints the medians, then `explore_first_draw_100k_ms`, `brush_100k_ms`, `brush_100k_ratio`,
`explore_redraw_stall_100k_ms` (with --flowers 1000000: `explore_first_draw_1m_ms`,
`explore_brush_1m_ms`, `brush_1m_ratio`, `explore_redraw_stall_1m_ms`).
Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_explore.py [rounds] [--flowers N]
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
from frames import PaintWatch, StallWatch  # noqa: E402


def hook_prepared(tab, watch) -> list:
    """The tab prepares its data in a worker once shown: count paints only from the moment
    the prepared data is drawn."""
    drawn = []
    prepared = tab._prepared

    def hooked(result):
        watch.reset()
        prepared(result)
        drawn.append(True)

    tab._prepared = hooked
    return drawn


def wait_drawn(app, tab, watch, drawn) -> None:
    end = time.perf_counter() + 60
    while not drawn and time.perf_counter() < end:
        app.processEvents()
    watch.wait()


def make_store(folder: Path, n: int):
    import numpy as np

    from iris_desktop import paths
    from iris_desktop.domain import VARIETIES
    from iris_desktop.pipelines.backfill import backfill
    from iris_desktop.store import Store
    from iris_desktop.store.flowers import add_rows, flower_columns

    paths.set_data_dir(folder)
    store = Store.open(paths.database_path(), paths.models_dir())
    backfill(store)
    base = flower_columns(store)
    rng = np.random.default_rng(7)
    pick = rng.integers(0, len(base), n - len(base))
    X = np.round(np.clip(base.X[pick] + rng.normal(0, 0.12, (len(pick), 4)), 0.1, None), 1)
    add_rows(store, X.tolist(), [VARIETIES[k].value for k in base.variety[pick]], "import")
    return store


def send(viewport, kind, pos, buttons, button):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    event = QMouseEvent(
        kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, event)


def drag_until_release(large, start, end) -> object:
    """Press and move; returns a function that sends the release."""
    from PySide6.QtCore import QEvent, QPointF, Qt

    widget, view = large.plot_widget, large.view
    viewport = widget.viewport()

    def at(point):
        return widget.mapFromScene(view.mapViewToScene(QPointF(*point)))

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(viewport, QEvent.Type.MouseButtonPress, at(start), left, left)
    for t in (0.3, 0.6, 1.0):
        point = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        send(viewport, QEvent.Type.MouseMove, at(point), left, none)
    return lambda: send(viewport, QEvent.Type.MouseButtonRelease, at(end), none, left)


def baseline_window(n: int):
    import numpy as np
    import pyqtgraph as pg

    rng = np.random.default_rng(1)
    widget = pg.PlotWidget(background=None)
    item = pg.ScatterPlotItem(
        rng.normal(4, 1.7, n), rng.normal(1.2, 0.7, n), size=5, pen=None, brush=pg.mkBrush(58, 127, 193)
    )
    widget.addItem(item)
    widget.resize(1280, 760)
    return widget, item


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rounds", nargs="?", type=int, default=15)
    parser.add_argument("--flowers", type=int, default=100_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    import pyqtgraph as pg  # the window has it loaded before building tabs

    from iris_desktop.ui.runtime import jobs
    from iris_desktop.ui.runtime.state import AppState
    from iris_desktop.ui.tabs.explore.tab import ExploreTab

    folder = Path(tempfile.mkdtemp(prefix="bench-explore-"))
    store = make_store(folder, args.flowers)
    state = AppState(store.path, store.models_dir)
    state.today = lambda: dt.date(2026, 6, 15)
    state.apply(jobs.snapshot(*state.paths(), None, None))
    print(f"{len(state.flowers):,} flowers")

    first_draws = []
    for _ in range(3):
        start = time.perf_counter()
        tab = ExploreTab(state, harness.reporter())
        tab.resize(1280, 760)
        watch = PaintWatch(
            [tab.matrix.viewport(), tab.large.plot_widget.viewport(), tab.table.view.viewport()], visible_only=True
        )
        drawn = hook_prepared(tab, watch)
        tab.show()
        wait_drawn(app, tab, watch, drawn)
        first_draws.append((time.perf_counter() - start) * 1000)
        tab.close()
        tab.deleteLater()
        app.processEvents()
    tab = ExploreTab(state, harness.reporter())
    tab.resize(1280, 760)
    views = [
        tab.matrix.viewport(),
        tab.large.plot_widget.viewport(),
        tab.distributions.plot_widget.viewport(),
        tab.statistics.views[1].viewport(),
        tab.table.view.viewport(),
    ]  # the selection's statistics
    watch = PaintWatch(views, visible_only=True)
    drawn = hook_prepared(tab, watch)
    tab.show()
    wait_drawn(app, tab, watch, drawn)

    base_widget, base_item = baseline_window(args.flowers)
    base_watch = PaintWatch([base_widget.viewport()])
    base_widget.show()
    base_watch.wait()

    brushes = [pg.mkBrush(230, 159, 0), pg.mkBrush(58, 127, 193)]
    boxes = [((0.95, 0.05), (2.05, 0.65)), ((2.95, 0.85), (5.05, 1.75))]
    baseline, brush = [], []
    selected = []
    for i in range(args.rounds):
        base_watch.reset()
        start = time.perf_counter()
        base_item.setBrush(brushes[i % 2])
        base_watch.wait()
        baseline.append((time.perf_counter() - start) * 1000)

        tab.pages.setCurrentIndex(i % 3)
        for _ in range(3):  # the page shown and painted before the timed part
            app.processEvents()
        release = drag_until_release(tab.large, *boxes[i % 2])
        app.processEvents()
        watch.reset()
        start = time.perf_counter()
        release()
        watch.wait()
        brush.append((time.perf_counter() - start) * 1000)
        selected.append(len(tab.selection))

    # New flowers arrive (an import, a catch-up): the longest the window stops reacting
    # while the tab takes them in (prepared in a worker, drawn a view a frame).
    redraw_stalls = []
    beat = StallWatch()
    for _ in range(3):
        snapshot = jobs.snapshot(*state.paths(), None, None)  # read in a worker in the app
        harness.settle(0.2)
        drawn.clear()
        beat.start()
        state.apply(snapshot)
        harness.wait_until(lambda: bool(drawn) and not tab.preparing)
        harness.settle(0.1)
        redraw_stalls.append(beat.stop())
    base_widget.close()
    tab.close()
    store.close()

    first = statistics.median(first_draws)
    brush_ms = statistics.median(brush)
    base_ms = statistics.median(baseline)
    print(f"selected per brush: {sorted(set(selected))}")
    print(f"first draw ms (3 tabs): {[round(t) for t in first_draws]}")
    size = "1m" if args.flowers == 1_000_000 else f"{args.flowers // 1000}k"
    print(f"baseline: bare pyqtgraph, {size}-point ScatterPlotItem, new brush, median ms: {base_ms:.1f}")
    print(
        f"brush: rectangle release to all visible views painted, median ms: {brush_ms:.1f} "
        f"(p90 {sorted(brush)[int(0.9 * (len(brush) - 1))]:.1f})"
    )
    print(f"explore_first_draw_{size}_ms: {first:.0f}")
    print(f"{'explore_brush' if size == '1m' else 'brush'}_{size}_ms: {brush_ms:.1f}")
    print(f"brush_{size}_ratio: {brush_ms / base_ms:.2f}")
    print(f"explore_redraw_stall_{size}_ms: {statistics.median(redraw_stalls):.1f}")


if __name__ == "__main__":
    main()
