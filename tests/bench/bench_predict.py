"""Predict tab: what a user sees of one slider step, against one raw predict_proba.

The tab is shown. Each step sets a slider, then runs the event loop until the tab has
repainted (every dirty widget painted: bars, flower, map marker, table) and no grid or
prediction is still coming for it. Steps are paced as a 60 Hz drag (one every 16.7 ms,
not back to back), so the deferred decision-region grid is recomputed as often as in a
real drag, in its worker. The baseline, in the same run, is the model's own
predict_proba on one numpy row under the same input validation the app uses.

Printed: the old figure (the update path with the tab hidden: no painting) and the new,
user-visible one, with the 150 bundled flowers and then with 100,000 stored flowers
(the tab's build time too). Goals: slider_visible_p99_ratio <= 25, p99 step < 16.7 ms.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_predict.py [steps] [--algorithm knn]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import harness
import numpy as np

FRAME = 1 / 60


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def sweep(slider, steps: int):
    """Slider values of a drag back and forth over the slider's range, one step at a time."""
    lo, hi = slider.minimum(), slider.maximum()
    value, direction = slider.value(), 1
    for _ in range(steps):
        if not lo <= value + direction <= hi:
            direction = -direction
        value += direction
        yield value


def drag(tab, steps: int, shown: bool, block: int = 50) -> list[float]:
    """Step times (s): 50 steps on one slider, then the next, paced at 60 Hz."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    sweeps = [sweep(f.slider, steps) for f in tab.fields]
    times = []
    for i in range(steps):
        field = i // block % len(tab.fields)
        value = next(sweeps[field])
        start = time.perf_counter()
        tab.fields[field].slider.setValue(value)
        app.processEvents()  # the posted repaints (and any answer that arrived) happen here
        if shown:
            while tab.prediction_pending:  # a slow model answers from its worker
                app.processEvents()
        times.append(time.perf_counter() - start)
        while time.perf_counter() - start < FRAME:  # the next mouse move comes a frame later
            app.processEvents()
    return times


def raw_times(model, tab, steps: int) -> list[float]:
    import sklearn

    times = []
    row = np.array([tab.values()], dtype=float)
    for _ in range(steps):
        start = time.perf_counter()
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            model.estimator.predict_proba(row)
        times.append(time.perf_counter() - start)
    return times


def make_store(folder: Path, extra: int, algorithm: str | None):
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.pipelines.training import TrainingConfig, train
    from iris_desktop.store import Store
    from iris_desktop.store.flowers import add_rows, feature_matrix

    with Store.open(folder / "iris.sqlite3", folder / "models") as store:
        first_run(store, today=dt.date(2026, 6, 15))
        if extra:
            rng = np.random.default_rng(3)
            X, y = feature_matrix(store, ("backfill",))
            pick = rng.integers(0, len(y), extra)
            noisy = np.maximum(0.1, np.round(X[pick] + rng.normal(0, 0.2, (extra, 4)), 1))
            add_rows(store, noisy, [("setosa", "versicolor", "virginica")[v] for v in y[pick]], "import")
        if extra or algorithm:
            train(store, TrainingConfig(algorithm=algorithm or "knn", cv_folds=2), activate=True)


def measure(label: str, folder: Path, steps: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from iris_desktop.store import Store
    from iris_desktop.ui.runtime import jobs
    from iris_desktop.ui.runtime.state import AppState
    from iris_desktop.ui.tabs.predict.tab import PredictTab

    app = QApplication.instance()
    store = Store.open(folder / "iris.sqlite3", folder / "models")
    state = AppState(store.path, store.models_dir)
    state.apply(jobs.snapshot(store.path, store.models_dir, None, None))  # what a worker reads
    start = time.perf_counter()
    tab = PredictTab(state)
    tab.resize(1300, 760)
    tab.show()
    app.processEvents()
    build = time.perf_counter() - start
    harness.wait_until(lambda: not tab.map.regions_pending)
    model = state.model
    print(f"{label}: {tab.model_label.text()}; {len(state.flowers):,} flowers stored")

    drag(tab, 100, shown=True)  # warm-up: caches, first-call costs
    before = tab.map.recompute_count
    shown = drag(tab, steps, shown=True)
    grids = tab.map.recompute_count - before
    raw = raw_times(model, tab, steps)
    harness.wait_until(lambda: not tab.map.regions_pending and not tab.prediction_pending)
    expected = model.predict_proba(np.array([tab.values()]))[0]
    assert np.allclose(tab.chart.heights(), expected), "bars do not show the last prediction"
    tab.hide()
    hidden = drag(tab, min(steps, 500), shown=False)
    ms = lambda s: f"{s * 1e3:.2f} ms"  # noqa: E731
    print(f"  tab built and first painted: {ms(build)}")
    print(f"  raw predict_proba, one row:   median {ms(statistics.median(raw))}, p99 {ms(percentile(raw, 0.99))}")
    print(f"  old figure, step not painted: median {ms(statistics.median(hidden))}, p99 {ms(percentile(hidden, 0.99))}")
    print(
        f"  new figure, step shown+painted: median {ms(statistics.median(shown))}, "
        f"p99 {ms(percentile(shown, 0.99))}, max {ms(max(shown))}; {grids} region grids during the drag"
    )
    tab.deleteLater()
    app.processEvents()
    store.close()
    return {"build": build, "p99": percentile(shown, 0.99), "ratio": percentile(shown, 0.99) / percentile(raw, 0.99)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("steps", nargs="?", type=int, default=1000)
    parser.add_argument("--algorithm", default=None, help="train and activate this algorithm first")
    args = parser.parse_args()
    harness.app()
    import pyqtgraph  # noqa: F401  (the window imports it before building tabs)

    work = Path(tempfile.mkdtemp(prefix="bench-predict-"))
    try:
        small, big = work / "small", work / "big"
        make_store(small, 0, args.algorithm)
        make_store(big, 100_000, args.algorithm)
        first = measure("150 flowers", small, args.steps)
        second = measure("100,000 flowers", big, args.steps)
        print(f"slider_visible_p99_ms: {first['p99'] * 1e3:.2f}")
        print(f"slider_visible_p99_ratio: {first['ratio']:.2f}")
        print(f"slider_visible_p99_100k_ms: {second['p99'] * 1e3:.2f}")
        print(f"predict_tab_build_100k_ms: {second['build'] * 1e3:.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
