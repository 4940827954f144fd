"""Predict tab: the cost of one slider step against one raw scikit-learn predict_proba.

Drives N slider steps through the real PredictTab (slider.setValue -> valueChanged ->
spin box, prediction label, bars, flower, neighbours table, map marker, then
QApplication.processEvents()) and, interleaved with each step, times the active model's
raw `estimator.predict_proba` on one numpy row. The sliders are driven in turn, in
back-and-forth sweeps like a drag, so the deferred decision-region grid is scheduled as in
real use; any grid recompute that fires lands inside a timed step and is counted.

The tab is not shown: the steps measure the update path, not painting (Qt paints at most
once per frame however many steps arrive). `--shown` adds an informative pass that shows
the tab and includes painting. Prints medians and p99s; the last line is the ratio.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_predict.py [steps] [--shown] [--algorithm knn]
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


def run(tab, app, model, steps: int, block: int = 50) -> tuple[list[float], list[float]]:
    import numpy as np

    slider_times, raw_times = [], []
    sweeps = [sweep(f.slider, steps) for f in tab.fields]
    estimator = model.estimator
    for i in range(steps):
        field = i // block % len(tab.fields)  # 50 steps on one slider, then the next
        value = next(sweeps[field])
        start = time.perf_counter()
        tab.fields[field].slider.setValue(value)
        app.processEvents()
        slider_times.append(time.perf_counter() - start)
        row = np.array([tab.values()], dtype=float)
        start = time.perf_counter()
        estimator.predict_proba(row)
        raw_times.append(time.perf_counter() - start)
    return slider_times, raw_times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("steps", nargs="?", type=int, default=2000)
    parser.add_argument("--shown", action="store_true", help="also time steps with the tab shown")
    parser.add_argument("--algorithm", default=None, help="train and activate this algorithm first")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    import numpy as np
    import pyqtgraph  # noqa: F401  (the window imports it before building tabs)

    from iris_desktop.pipelines.inference import first_run
    from iris_desktop.pipelines.training import TrainingConfig, train
    from iris_desktop.store import Store
    from iris_desktop.ui.predict_tab import PredictTab
    from iris_desktop.ui.state import AppState

    folder = Path(tempfile.mkdtemp(prefix="bench-predict-"))
    store = Store.open(folder / "iris.sqlite3", folder / "models")
    first_run(store, today=dt.date(2026, 6, 15))
    if args.algorithm:
        train(store, TrainingConfig(algorithm=args.algorithm), activate=True)
    state = AppState(store)
    state.reload_active_model()
    tab = PredictTab(state)
    tab.resize(1300, 760)
    model = state.model
    print(f"model: {tab.model_label.text()}")

    run(tab, app, model, 200)  # warm-up: caches, first-call costs
    before = tab.map.recompute_count
    slider, raw = run(tab, app, model, args.steps)
    recomputes = tab.map.recompute_count - before

    expected = model.predict_proba(np.array([tab.values()]))[0]  # what is shown is right
    assert np.allclose(tab.chart.heights(), expected), "bars do not show the last prediction"
    assert tab.fields[0].spin.value() == tab.fields[0].slider.value() / 10

    ms = lambda s: f"{s * 1e3:.3f} ms"  # noqa: E731
    print(f"steps: {args.steps} (tab not shown); region grids recomputed inside the loop: {recomputes}")
    print(f"raw predict_proba, one row: median {ms(statistics.median(raw))}, p99 {ms(percentile(raw, 0.99))}")
    print(f"slider step to screen data: median {ms(statistics.median(slider))}, "
          f"p99 {ms(percentile(slider, 0.99))}, max {ms(max(slider))}")
    if args.shown:
        tab.show()
        for _ in range(20):
            app.processEvents()
        painted, _ = run(tab, app, model, min(args.steps, 500))
        print(f"with the tab shown and painted (informative): median {ms(statistics.median(painted))}, "
              f"p99 {ms(percentile(painted, 0.99))}")
        tab.hide()
    start = time.perf_counter()
    tab.map.compute_regions(*tab.values()[:2])
    nx, ny = tab.map.image_data.shape[:2]
    print(f"one decision-region grid ({nx} x {ny} cells): "
          f"{ms(time.perf_counter() - start)}")
    print(f"slider_update_median_ratio: {statistics.median(slider) / statistics.median(raw):.2f}")
    print(f"slider_update_p99_ratio: {percentile(slider, 0.99) / percentile(raw, 0.99):.2f}")
    tab.deleteLater()
    store.close()


if __name__ == "__main__":
    main()
