"""Train tab: the KNN validation curve (k = 1..30, 5-fold CV) as the user sees it,
against scikit-learn's validation_curve on the same data and folds.

Tab figure: the Train tab is shown on its curve page; a round clicks "Compute the
validation curve" and runs the event loop until the curve is drawn and the plot has
repainted (the worker's de-duplication and split included). Baseline, in the same run:
sklearn.model_selection.validation_curve(KNeighborsClassifier(), X_train, y_train,
param_name="n_neighbors", param_range=1..30, cv=StratifiedKFold(5, shuffle=True,
random_state=42)) on the very training split the tab uses. The two results are
compared (they must be equal), then timed: medians of the rounds.

Data: the 150 bundled flowers, then 10,000 stored flowers (the bundled set resampled
with a 6 % jitter, two decimals, so they stay distinct; a one-decimal variant, full of
equidistant neighbours, is timed too). Goal: validation_curve_ratio (10,000) <= 1.3.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_train.py [rounds]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import harness
import numpy as np

KS = list(range(1, 31))
FOLDS, SEED, TEST_FRACTION = 5, 42, 0.2


def make_store(folder: Path, total: int, decimals: int):
    from iris_desktop.pipelines.backfill import backfill
    from iris_desktop.store import Store
    from iris_desktop.store.flowers import add_rows, feature_matrix

    store = Store.open(folder / "iris.sqlite3", folder / "models")
    backfill(store)
    extra = total - 150
    if extra > 0:
        rng = np.random.default_rng(7)
        X, y = feature_matrix(store, ("backfill",))
        pick = rng.integers(0, len(y), extra)
        noisy = np.maximum(0.1, np.round(X[pick] + rng.normal(0, 0.06 * X.std(axis=0), (extra, 4)), decimals))
        add_rows(store, noisy.tolist(), [("setosa", "versicolor", "virginica")[v] for v in y[pick]], "import")
    return store


def sklearn_curve(X, y):
    from sklearn.model_selection import StratifiedKFold, validation_curve
    from sklearn.neighbors import KNeighborsClassifier

    return validation_curve(
        KNeighborsClassifier(),
        X,
        y,
        param_name="n_neighbors",
        param_range=KS,
        cv=StratifiedKFold(FOLDS, shuffle=True, random_state=SEED),
        n_jobs=1,
    )


def measure(label: str, total: int, decimals: int, rounds: int) -> float:
    from iris_desktop import paths
    from iris_desktop.pipelines.training import split_data
    from iris_desktop.store.flowers import feature_matrix
    from iris_desktop.ui.runtime import jobs
    from iris_desktop.ui.runtime.state import AppState
    from iris_desktop.ui.tabs.train.tab import TrainTab

    folder = Path(tempfile.mkdtemp(prefix="bench-train-"))
    paths.set_data_dir(folder)  # the tab's settings file too: defaults, nothing remembered
    store = make_store(folder, total, decimals)
    state = AppState(store.path, store.models_dir)
    state.today = lambda: dt.date(2026, 6, 15)
    state.apply(jobs.snapshot(store.path, store.models_dir, None, None))
    from iris_desktop.ui.actions.model_actions import ModelActions

    tab = TrainTab(state, harness.reporter(), harness.actions(ModelActions, state))
    tab.resize(1280, 800)
    tab.show()
    tab.pages.setCurrentIndex(1)
    harness.wait_until(lambda: tab.panel.limits is not None and tab.registry.loaded)
    config = tab.panel.config()
    assert (config.algorithm, config.cv_folds, config.seed, config.test_fraction) == ("knn", FOLDS, SEED, TEST_FRACTION)

    X, y = feature_matrix(store, config.sources)
    data = split_data(X, y, TEST_FRACTION, SEED, config.sources)
    print(
        f"{label}: {total:,} flowers stored, {len(data.y_train):,} in the training split "
        f"({data.duplicates_dropped} duplicates dropped)"
    )

    tab_times, sk_times = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        tab.curve_button.click()
        task = tab.curve_task
        harness.wait_until(lambda task=task: task.is_done, timeout=600)
        tab.curve_plot.viewport().repaint()  # painted, as the user sees it
        tab_times.append(time.perf_counter() - start)
        assert task.state == "finished", task.details

        start = time.perf_counter()
        train_scores, test_scores = sklearn_curve(data.X_train, data.y_train)
        sk_times.append(time.perf_counter() - start)

    curve = tab.curve_plot.curve
    difference = max(
        np.abs(np.array(curve.cv_mean) - test_scores.mean(axis=1)).max(),
        np.abs(np.array(curve.train_mean) - train_scores.mean(axis=1)).max(),
    )
    assert curve.ks == KS and difference < 1e-12, f"the tab's curve differs from scikit-learn's by {difference}"
    tab_s, sk_s = statistics.median(tab_times), statistics.median(sk_times)
    rounds_ms = ", ".join(f"{t * 1e3:.0f}" for t in tab_times)
    print(f"  tab, click to painted curve: median {tab_s * 1e3:.0f} ms  ({rounds_ms})")
    print(
        f"  sklearn validation_curve:    median {sk_s * 1e3:.0f} ms  ({', '.join(f'{t * 1e3:.0f}' for t in sk_times)})"
    )
    print(f"  same numbers (largest difference {difference:.1e}); best k {curve.best_k}")
    tab.close()
    tab.deleteLater()
    store.close()
    return tab_s / sk_s


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    harness.app()
    import sklearn.neighbors  # noqa: F401  (imported before timing, as the app does at start-up)

    small = measure("150 flowers", 150, 1, rounds)
    print(f"validation_curve_ratio_150: {small:.2f}")
    one_decimal = measure("10,000 flowers, one decimal (many equidistant neighbours)", 10_000, 1, rounds)
    print(f"validation_curve_ratio_one_decimal: {one_decimal:.2f}")
    large = measure("10,000 flowers", 10_000, 2, rounds)
    print(f"validation_curve_ratio: {large:.2f}")


if __name__ == "__main__":
    main()
