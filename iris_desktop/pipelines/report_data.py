"""What the lab report says, gathered by the same queries the tabs use: the data, the
active model and the registry, the daily pipeline, the monitor, and the worst days
explained. Qt-free: the report's pictures are drawn from this by ui/report/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.errors import Cancelled
from iris_desktop.pipelines import daily, drift, explain, monitoring, registry
from iris_desktop.pipelines.explain import Explanation
from iris_desktop.pipelines.generator_changes import changes_along
from iris_desktop.pipelines.inference import Progress
from iris_desktop.pipelines.knn_curve import ValidationCurve, knn_curve
from iris_desktop.pipelines.loaded_model import LoadedModel
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import generators as generator_table
from iris_desktop.store.flowers import SOURCES, FlowerColumns
from iris_desktop.store.registry import ModelRecord, list_models

WORST_DAYS = 3
CURVE_KS = range(1, 31)  # the Train tab's validation curve


@dataclass(frozen=True)
class ReportData:
    made: dt.datetime
    start: dt.date | None  # the window of days reported (None: from the first)
    end: dt.date
    flowers: FlowerColumns  # every stored flower (the scatter matrix)
    counts: dict[str, dict[str, int]]  # source -> variety -> flowers
    records: tuple[ModelRecord, ...]  # the registry, oldest first
    model: LoadedModel | None  # the active one (None: none, or its file cannot be used)
    model_problem: str | None
    curve: ValidationCurve | None  # KNN's validation curve for the active model's settings
    generator: str  # the generator of the days to come, in words
    history: monitoring.HistoryColumns  # each day's first prediction, in the window
    accuracy: monitoring.AccuracyColumns
    model_switches: list[tuple[dt.date, int]]
    generator_changes: list[tuple[dt.date, str]]  # (first day, the generator that made it)
    confusion: np.ndarray  # 3x3 counts over the window
    drift: drift.DriftReport | None  # the window's daily flowers against the training flowers
    worst: tuple[Explanation, ...]  # the wrong days predicted most confidently, explained

    @property
    def days(self) -> int:
        return len(self.history.day)

    @property
    def correct(self) -> int:
        return int(self.history.correct.sum())


def gather(
    store: Store,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ReportData:
    """Everything the report shows of the days from `start` to `end` (default: all, up
    to `today`), read in one snapshot of the store."""
    report = progress or (lambda pct, text: None)

    def step(pct: int, text: str) -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled("the report was cancelled")
        report(pct, text)

    end = min(end or today, today)
    with store.read():
        step(5, "Reading the flowers")
        flowers = flower_table.flower_columns(store)
        records = tuple(list_models(store))
        step(15, "Reading the history")
        history = monitoring.history_columns(store, start=start, end=end)
        generator_ids = generator_table.daily_generator_ids(store)
        generators = daily.recorded_generators(store)
        generator_now = daily.settings_for(store).describe()
    model, problem = _active_model(store)
    step(30, "Measuring the model")
    curve = _curve(flowers, model)
    step(60, "Comparing the daily flowers with the training data")
    drifted = _drift(model, flowers, history)
    step(75, "Explaining the worst days")
    worst = tuple(explain.explain_day(store, day) for day in worst_days(history))
    accuracy = monitoring.accuracy_columns(history.day, history.correct)
    return ReportData(
        made=dt.datetime.now().replace(microsecond=0),
        start=start,
        end=end,
        flowers=flowers,
        counts=_counts(flowers),
        records=records,
        model=model,
        model_problem=problem,
        curve=curve,
        generator=generator_now,
        history=history,
        accuracy=accuracy,
        model_switches=monitoring.model_switches(history),
        generator_changes=changes_along(history, generator_ids, generators),
        confusion=monitoring.confusion_counts(history.actual, history.predicted),
        drift=drifted,
        worst=worst,
    )


def _active_model(store: Store) -> tuple[LoadedModel | None, str | None]:
    try:
        return registry.load_active(store), None
    except registry.ModelLoadError as exc:
        return None, str(exc)


def _counts(flowers: FlowerColumns) -> dict[str, dict[str, int]]:
    table = np.zeros((len(SOURCES), len(VARIETIES)), dtype=int)
    np.add.at(table, (flowers.source.astype(int), flowers.variety.astype(int)), 1)
    return {s: {v.value: int(table[i, j]) for j, v in enumerate(VARIETIES)} for i, s in enumerate(SOURCES)}


def _curve(flowers: FlowerColumns, model: LoadedModel | None) -> ValidationCurve | None:
    """KNN's validation curve on the active model's own training rows and settings."""
    if model is None or model.record.algorithm != "knn":
        return None
    params = {k: v for k, v in model.record.params.items() if k != "n_neighbors"}
    folds = int(model.record.metrics.get("cv_folds", 5))
    counts = np.bincount(model.y_train, minlength=len(VARIETIES))
    folds = max(2, min(folds, int(counts[counts > 0].min())))
    ks = [k for k in CURVE_KS if k <= len(model.y_train) * (folds - 1) // folds]
    if not ks:
        return None
    return knn_curve(model.X_train, model.y_train, ks, folds, model.record.split_seed, params, model.record.standardize)


def _drift(
    model: LoadedModel | None, flowers: FlowerColumns, history: monitoring.HistoryColumns
) -> drift.DriftReport | None:
    if model is None or not len(history.day):
        return None
    daily_rows = flowers.source == SOURCES.index("daily")
    keep = daily_rows & (flowers.day >= history.day.min()) & (flowers.day <= history.day.max())
    if keep.sum() < 2:
        return None
    return drift.compare(model.X_train, model.y_train, flowers.X[keep], flowers.variety[keep])


def worst_days(history: monitoring.HistoryColumns, n: int = WORST_DAYS) -> list[dt.date]:
    """The wrong days whose wrong prediction was the most confident (newest first on a tie)."""
    wrong = np.flatnonzero(~history.correct)
    if not len(wrong):
        return []
    confidence = history.confidence[wrong]
    order = np.lexsort((-history.day[wrong].astype("int64"), -confidence))[:n]
    return [history.day[wrong[i]].item() for i in order]
