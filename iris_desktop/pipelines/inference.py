"""Batch inference: catch up every missed day, and the first run. (What the monitor
shows of the predictions is in monitoring.py.)"""
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
