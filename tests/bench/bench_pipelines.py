"""Pipelines tab: a store holding 10,000 runs (KEEP, the most the log keeps whole).

In one run, times what the user sees of the Pipelines tab:
- first draw: the tab built and shown, the whole log read (in its worker) and the run
  log's table painted with it;
- update: one more run recorded by "another process" (a backup on its own connection),
  the state told (as the change watcher does: a snapshot read in a worker), until the
  log's table has painted the new run on top; also the tab's own part of it (from the
  state's change to the paint).
Baseline in the same run: the same 10,000 runs put in a QTableWidget (one item a cell,
90,000 items) and painted, as a table without a model over columns would.

Prints medians over the rounds and
  pipelines_first_draw_10k_runs_ms: X   (goal <= 200)
  pipelines_update_ms: Y                (goal <= 33)
  pipelines_first_draw_ratio: Z         (X / the QTableWidget's first draw, same run)

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_pipelines.py [rounds]
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
from bench_history import delete_now, settle, wait_until  # noqa: E402
from frames import LastPaint  # noqa: E402

TODAY = dt.date(2026, 6, 15)
RUNS = 10_000
SIZE = (1400, 900)


def build_store(folder: Path):
    """A first run (its runs recorded), then 10,000 finished runs."""
    from bench_runs import fill

    from iris_desktop import paths
    from iris_desktop.pipelines import operations
    from iris_desktop.store import Store

    paths.set_data_dir(folder)
    store = Store.open(paths.database_path(), paths.models_dir())
    operations.start(store, TODAY)
    fill(store, RUNS - len(_all_runs(store)))
    return store


def _all_runs(store):
    from iris_desktop.store import runs as run_table

    return run_table.recent(store, 2 * RUNS)


def make_state(store):
    from iris_desktop.ui.runtime import jobs
    from iris_desktop.ui.runtime.state import AppState

    state = AppState(store.path, store.models_dir)
    state.today = lambda: TODAY
    state.apply(jobs.snapshot(*state.paths(), None, None))
    return state


def make_tab(state, crontab: Path):
    from PySide6.QtWidgets import QWidget

    from iris_desktop.ui.actions.data_actions import DataActions
    from iris_desktop.ui.actions.model_actions import ModelActions
    from iris_desktop.ui.actions.pipeline_actions import PipelineActions
    from iris_desktop.ui.tabs.pipelines import schedule_target
    from iris_desktop.ui.tabs.pipelines.schedule_target import ScheduleTarget
    from iris_desktop.ui.tabs.pipelines.tab import PipelinesTab

    schedule_target.DEFAULT = ScheduleTarget(crontab_file=crontab)  # never the system's scheduler
    parent = QWidget()
    made = (parent, state, harness.reporter())
    actions = PipelineActions(*made, DataActions(*made), ModelActions(*made))
    tab = PipelinesTab(state, made[2], actions)
    tab._bench_parent = parent  # kept alive with the tab
    return tab


class ResetWatch:
    """Notes when the log's model last took new runs."""

    def __init__(self, model):
        self.last = 0.0
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.last = time.perf_counter()


def first_draw(app, state, crontab: Path) -> tuple[float, object]:
    start = time.perf_counter()
    tab = make_tab(state, crontab)
    counter = LastPaint(tab.log.view.viewport())
    watch = ResetWatch(tab.log.model)
    tab.resize(*SIZE)
    tab.show()
    wait_until(app, lambda: tab.loaded and counter.last > watch.last > start)
    return time.perf_counter() - start, tab


def update(app, store, state, tab) -> tuple[float, float]:
    """(from the state told to the paint, from the state's change to the paint)"""
    from iris_desktop.pipelines import operations
    from iris_desktop.store import Store

    counter = LastPaint(tab.log.view.viewport())
    changed: list[float] = []
    state.changed.connect(lambda _c: changed.append(time.perf_counter()))
    with Store.open(store.path, store.models_dir) as other:
        operations.backup(other, manual=True)
    newest = _all_runs(store)[0].id
    start = time.perf_counter()
    state.refresh()
    wait_until(app, lambda: bool(changed) and tab.log.model.newest_id == newest and counter.last > changed[-1])
    end = counter.last
    return end - start, end - changed[-1]


def bare_table_first_draw(app, store) -> float:
    """The same runs, one QTableWidgetItem a cell, shown and painted."""
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    from iris_desktop.ui.tabs.pipelines.run_log import COLUMNS, _cell

    runs = _all_runs(store)  # read outside the timing: the tab's read is in its worker
    start = time.perf_counter()
    table = QTableWidget(len(runs), len(COLUMNS))
    table.setHorizontalHeaderLabels(list(COLUMNS))
    for row, run in enumerate(runs):
        for column in range(len(COLUMNS)):
            table.setItem(row, column, QTableWidgetItem(_cell(run, column)))
    counter = LastPaint(table.viewport())
    table.resize(*SIZE)
    table.show()
    wait_until(app, lambda: counter.last > start)
    elapsed = time.perf_counter() - start
    table.close()
    delete_now(app, table)
    return elapsed


def main(rounds: int = 5) -> None:
    app = harness.app()
    with tempfile.TemporaryDirectory(prefix="iris-bench-pipelines-") as temp:
        folder = Path(temp) / "data"
        store = build_store(folder)
        crontab = Path(temp) / "crontab"
        state = make_state(store)
        print(f"runs stored: {len(_all_runs(store)):,}")
        firsts, bares, updates, tab_parts = [], [], [], []
        for _ in range(rounds):
            bares.append(bare_table_first_draw(app, store))
            elapsed, tab = first_draw(app, state, crontab)
            firsts.append(elapsed)
            settle(app, 0.2)
            for _ in range(2):
                total, part = update(app, store, state, tab)
                updates.append(total)
                tab_parts.append(part)
                settle(app, 0.05)
            tab.close()
            delete_now(app, tab)
            harness.wait_until(lambda: not state.runner.busy)
        store.close()
        state.runner.shutdown(10_000)

    first = statistics.median(firsts) * 1000
    bare = statistics.median(bares) * 1000
    print(f"qtablewidget_first_draw_10k_runs_ms: {bare:.0f}")
    print(f"pipelines_update_tab_part_ms: {statistics.median(tab_parts) * 1000:.1f}")
    print(f"pipelines_first_draw_10k_runs_ms: {first:.0f}   (goal <= 200)")
    print(f"pipelines_update_ms: {statistics.median(updates) * 1000:.1f}   (goal <= 33)")
    print(f"pipelines_first_draw_ratio: {first / bare:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
