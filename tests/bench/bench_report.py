"""Benchmark: the lab report of ten years of days with five models, as `report --out
FILE.html` makes it in-process (numbers gathered from the store, the tabs' plot widgets
drawn offscreen, the HTML written), against the floor of the same run: the bare reads
of the history and the flowers (what any report must read). Then "Explain in Predict"
on that store, in the app's window: from the click in History to the window painted
on Predict with the banner and the day's flower, and to the explanation painted once
the worker has it, against going from History to Predict by hand (painted).

Run: `QT_QPA_PLATFORM=offscreen python tests/bench/bench_report.py [reps]`.
Prints `report_3650_ms` (goal <= 3000), `report_floor_ratio`, `explain_open_ms` (goal
<= 100), `explain_shown_ms`, `explain_open_switch_ratio` and `explain_first_forest_ms`
(a version explained for the first time: its importances measured, then kept).
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

TODAY = dt.date(2026, 6, 15)
DAYS = 3650
ALGORITHMS = ("logreg", "tree", "forest", "svm")  # with the first run's KNN: five models


def make_store(folder: Path):
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.pipelines.training import TrainingConfig, train
    from iris_desktop.store import Store

    store = Store.open(folder / "iris.sqlite3", folder / "models")
    first_run(store, TODAY, history_days=DAYS)
    for key in ALGORITHMS:
        train(store, TrainingConfig(key), activate=False)
    return store


def main(reps: int = 3) -> None:
    from iris_desktop.pipelines import monitoring
    from iris_desktop.pipelines.report_data import gather
    from iris_desktop.store import flowers
    from iris_desktop.ui.app import application
    from iris_desktop.ui.report.export import write_report

    application()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as temp:
        store = make_store(Path(temp))
        days = len(monitoring.history_columns(store, end=TODAY))
        assert days == DAYS, days
        write_report(gather(store, TODAY), Path(temp) / "warm.html")  # imports and first-call costs
        made, floor = [], []
        for i in range(reps):
            start = time.perf_counter()
            write_report(gather(store, TODAY), Path(temp) / f"r{i}.html")
            made.append(time.perf_counter() - start)
            start = time.perf_counter()
            monitoring.history_columns(store, end=TODAY)
            flowers.flower_columns(store)
            floor.append(time.perf_counter() - start)
        explained = measure_explain(store, reps)
        store.close()
    report_ms, floor_ms = statistics.median(made) * 1e3, statistics.median(floor) * 1e3
    print(f"report of {DAYS} days, 5 models: median {report_ms:.0f} ms ({', '.join(f'{t * 1e3:.0f}' for t in made)})")
    print(f"report_3650_ms: {report_ms:.0f}")
    print(f"report_floor_ratio: {report_ms / floor_ms:.1f}")
    print("goal: report_3650_ms <= 3000")
    for name, value in explained.items():
        print(f"{name}: {value:.{2 if name.endswith('ratio') else 0}f}")
    print("goal: explain_open_ms <= 100")


def measure_explain(store, reps: int) -> dict[str, float]:
    """The app's window on that store: History asks for wrong days spread over the ten
    years, as its Explain button does; timed until the window, now on Predict, has painted."""
    from PySide6.QtWidgets import QApplication

    from iris_desktop.pipelines import monitoring
    from tests.bench.harness import open_window, wait_until

    app = QApplication.instance()
    history = monitoring.history_columns(store, end=TODAY)
    wrong = [d.item() for d in history.day[~history.correct]]
    days = wrong[:: max(1, len(wrong) // (reps + 1))][: reps + 1]
    window = open_window(store.path.parent, today=TODAY)
    history_tab, predict = window.tab("History"), window.tab("Predict")

    def pinned(day, version=None) -> tuple[float, float]:
        window.show_tab("History")
        wait_until(lambda: history_tab.data is not None and not window.state.runner.busy)
        history_tab.select_day(day)
        app.processEvents()
        start = time.perf_counter()
        if version is None:
            history_tab.explain_day(day)  # what the day panel's Explain button does
        else:
            window.state.explainRequested.emit(day, version)
        app.processEvents()
        window.grab()  # painted: Predict, its banner and the day's flower
        opened = time.perf_counter() - start
        wait_until(lambda: predict.pinned.facts is not None and predict.pinned.facts.day == day, step_ms=1)
        wait_until(lambda: not predict.map.regions_pending, step_ms=1)
        app.processEvents()
        window.grab()
        shown = time.perf_counter() - start
        predict.banner.back_button.click()
        wait_until(lambda: not predict.map.regions_pending and not window.state.runner.busy)
        return opened, shown

    def switch() -> float:
        """The floor: History to Predict by hand, painted (what any request must cost)."""
        window.show_tab("History")
        wait_until(lambda: not window.state.runner.busy)
        app.processEvents()
        start = time.perf_counter()
        window.show_tab("Predict")
        app.processEvents()
        window.grab()
        return time.perf_counter() - start

    pinned(days[0])  # warm-up: first-call costs
    switch()
    times, floor = [], []
    for day in days[1:]:
        floor.append(switch())
        times.append(pinned(day))
    first_forest = pinned(days[1], 4)[1]  # v4 (the forest): importances measured now, then kept
    window.close()
    app.processEvents()
    opened = statistics.median(t[0] for t in times)
    each = [", ".join(f"{t[i] * 1e3:.0f}" for t in times) for i in (0, 1)]
    print(f"explain in Predict, {len(times)} wrong days of {len(history):,}: opened {each[0]}; explained {each[1]} ms")
    return {
        "explain_open_ms": opened * 1e3,
        "explain_shown_ms": statistics.median(t[1] for t in times) * 1e3,
        "explain_open_switch_ratio": opened / statistics.median(floor),
        "explain_first_forest_ms": first_forest * 1e3,
    }


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
