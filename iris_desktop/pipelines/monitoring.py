"""The monitor's queries: which predictions a window shows, accuracy over time,
confusion matrices, backtests of any version, and the history as CSV."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from iris_desktop.pipelines import registry
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import predictions as prediction_table
from iris_desktop.store.predictions import PredictionRow


def window_predictions(store: Store, days: int | None = None, model_version: int | None = None,
                       today: dt.date | None = None) -> list[PredictionRow]:
    """Predictions in a window: all, the last `days` days, and/or one model version.

    With no version given, each day shows the monitor as it happened: the first
    prediction made for that day. (Activating a model later also predicts the past
    days; those rows are seen when asking for that version.)
    """
    start = None
    if days is not None:
        start = (today or dt.date.today()) - dt.timedelta(days=days - 1)
    rows = prediction_table.daily_predictions(store, model_version, start)
    if model_version is not None:
        return rows
    first: dict[dt.date, PredictionRow] = {}
    for row in rows:  # ordered by day, then prediction time: the first one wins
        first.setdefault(row.day, row)
    return list(first.values())


HISTORY_COLUMNS = ["day", "sepal_length", "sepal_width", "petal_length", "petal_width",
                   "actual", "predicted", "correct", "model_version",
                   "p_setosa", "p_versicolor", "p_virginica"]


def history_table(rows: list[PredictionRow]) -> list[list]:
    """Rows for a CSV export or a table view, matching HISTORY_COLUMNS."""
    return [[r.day.isoformat(), *r.flower.measurements, r.actual.value, r.predicted.value,
             "yes" if r.correct else "no", r.model_version, *(round(p, 4) for p in r.probabilities)]
            for r in rows]


def export_history_csv(store: Store, path, days: int | None = None) -> int:
    """Write the monitor's history to `path` (a file name, or an open text file) as CSV;
    returns the number of rows."""
    import contextlib
    import csv

    table = history_table(window_predictions(store, days=days))
    with contextlib.ExitStack() as stack:
        f = path if hasattr(path, "write") else stack.enter_context(
            open(path, "w", newline="", encoding="utf-8"))
        writer = csv.writer(f)
        writer.writerow(HISTORY_COLUMNS)
        writer.writerows(table)
    return len(table)


def confusion(rows: list[PredictionRow]) -> np.ndarray:
    """3x3 counts, rows = actual, columns = predicted, fixed variety order."""
    matrix = np.zeros((3, 3), dtype=int)
    for row in rows:
        matrix[row.actual.index, row.predicted.index] += 1
    return matrix


@dataclass(frozen=True)
class AccuracySeries:
    days: list[dt.date]
    daily: list[float]  # 1.0 / 0.0 per day
    rolling: list[float]  # mean over the last `window` days with a prediction
    cumulative: list[float]
    model_changes: list[tuple[dt.date, int]]  # (first day predicted by a version, version)
    window: int = 7


def accuracy_series(rows: list[PredictionRow], window: int = 7) -> AccuracySeries:
    correct = np.array([r.correct for r in rows], dtype=float)
    if not len(correct):
        return AccuracySeries([], [], [], [], [], window)
    cumulative = np.cumsum(correct) / np.arange(1, len(correct) + 1)
    kernel = np.cumsum(np.insert(correct, 0, 0.0))
    idx = np.arange(1, len(correct) + 1)
    lo = np.maximum(idx - window, 0)
    rolling = (kernel[idx] - kernel[lo]) / (idx - lo)
    changes, current = [], None
    for r in rows:
        if r.model_version != current:
            changes.append((r.day, r.model_version))
            current = r.model_version
    return AccuracySeries([r.day for r in rows], correct.tolist(), rolling.tolist(),
                          cumulative.tolist(), changes, window)


@dataclass(frozen=True)
class Backtest:
    version: int
    n: int
    accuracy: float
    confusion: np.ndarray
    days: list[dt.date]
    correct: list[bool]


def backtest(store: Store, version: int) -> Backtest:
    """Evaluate any registered version on the whole daily history; stores nothing."""
    model = registry.load_model(store, version)
    rows = flower_table.daily_flowers(store)
    if not rows:
        return Backtest(version, 0, float("nan"), np.zeros((3, 3), dtype=int), [], [])
    X = np.array([r.flower.measurements for r in rows])
    y = np.array([r.flower.variety.index for r in rows])  # type: ignore[union-attr]
    pred = model.predict_proba(X).argmax(axis=1)
    matrix = np.zeros((3, 3), dtype=int)
    np.add.at(matrix, (y, pred), 1)
    ok = (pred == y)
    return Backtest(version, len(rows), float(ok.mean()), matrix, [r.day for r in rows], ok.tolist())  # type: ignore[misc]
