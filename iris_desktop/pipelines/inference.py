"""Batch inference with catch-up, the monitoring queries, backtests and first run."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.pipelines import daily, registry
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import predictions as prediction_table
from iris_desktop.store import registry as model_rows
from iris_desktop.store.predictions import PredictionRow

@dataclass(frozen=True)
class CatchUpSummary:
    days_added: int
    predictions_made: int
    first_day: dt.date | None
    last_day: dt.date | None
    model_version: int | None  # None: no usable active model, predictions are pending
    pending: int = 0  # daily flowers still without a prediction
    model_error: str | None = None  # why the active model could not be used

    def message(self) -> str:
        if self.days_added:
            text = f"Caught up {self.days_added} missed day{'s' * (self.days_added != 1)}"
            if self.first_day != self.last_day:
                text += f" (from {self.first_day} to {self.last_day})"
            else:
                text += f" ({self.first_day})"
        elif self.predictions_made:
            text = f"Predicted {self.predictions_made} daily flower{'s' * (self.predictions_made != 1)}"
        else:
            text = "Up to date"
        if self.model_version is None and self.pending:
            why = "the active model cannot be used" if self.model_error else "no active model"
            text += f"; {self.pending} prediction{'s' * (self.pending != 1)} pending: {why}"
        return text


def catch_up(store: Store, today: dt.date | None = None,
             model: registry.LoadedModel | None = None) -> CatchUpSummary:
    """Generate every missed day's flower, then predict every daily flower the active
    model has not predicted, in one batch; flowers and predictions commit together.

    A model that cannot be loaded (file missing or altered) does not stop the days:
    they are generated and their predictions left pending, with the reason."""
    today = today or dt.date.today()
    error = None
    if model is None:
        try:
            model = registry.load_active(store)
        except registry.ModelLoadError as exc:
            error = str(exc)
    with store.transaction():
        days = daily.missing_days(store, today)
        if days:
            values, variety = daily.generate_arrays(store.installation_seed(), daily.pin_settings(store), days)
            names = [v.value for v in VARIETIES]
            flower_table.add_daily_rows(store, days, values.tolist(), [names[i] for i in variety.tolist()])
        made = 0
        pending = 0
        if model is not None:
            made = predict_pending(store, model)
        else:
            pending = prediction_table.unpredicted_daily_count(store)
    return CatchUpSummary(len(days), made, days[0] if days else None, days[-1] if days else None,
                          model.version if model else None, pending, error)


def predict_pending(store: Store, model: registry.LoadedModel) -> int:
    """Predict, in one batch, every daily flower `model` has not predicted yet."""
    todo = prediction_table.daily_without_prediction(store, model.version)
    if not todo:
        return 0
    X = np.array([r[1:] for r in todo], dtype=float)
    proba = model.predict_proba(X)
    best = proba.argmax(axis=1)
    rows = [(r[0], VARIETIES[b].value, p) for r, b, p in zip(todo, best.tolist(), proba.tolist())]
    return prediction_table.add_predictions(store, model.version, rows)


def first_run(store: Store, today: dt.date | None = None,
              progress: Callable[[int, str], None] | None = None) -> CatchUpSummary:
    """Backfill, train and activate the default model, catch up. Idempotent."""
    from iris_desktop.pipelines.training import TrainingConfig, train

    report = progress or (lambda pct, text: None)
    report(5, "Storing the bundled Iris data set")
    backfill(store)
    if model_rows.active_version(store) is None:
        report(20, "Training the default model (KNN, k=5)")
        train(store, TrainingConfig(), activate=True)
    report(80, "Generating the daily flowers")
    summary = catch_up(store, today)
    report(100, summary.message())
    return summary


# ---- monitoring -------------------------------------------------------------------

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
    """Write the monitor's history to `path` as CSV; returns the number of rows."""
    import csv

    table = history_table(window_predictions(store, days=days))
    with open(path, "w", newline="", encoding="utf-8") as f:
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
