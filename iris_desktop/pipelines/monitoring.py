"""The monitor's queries: which predictions a window shows, accuracy over time with its
uncertainty, confusion matrices and backtests of any version. (The history as CSV, which
File ▸ Export history and `history --csv` write, is history_csv.py.)

Two views of the past:
- as predicted at the time: each day's first prediction (what the user saw that day);
- by model vN: what one version predicts for every day (every activation predicts all
  days; days it never saw, because it was registered without activation or a later
  day came after it was replaced, are predicted now and not stored).

Thousands of days are read as columns (`HistoryColumns`, numpy), never a Python object
per day; the older row-based functions stay for callers that want rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from iris_desktop.domain import FEATURE_NAMES, VARIETIES
from iris_desktop.pipelines import registry
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import predictions as prediction_table
from iris_desktop.store.predictions import PredictionRow

ROLLING_DAYS = 7
Z95 = 1.959963984540054  # two-sided 95% normal quantile


# ---- columns ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryColumns:
    """One row per shown prediction, oldest day first, as parallel numpy arrays."""

    flower_id: np.ndarray  # int64
    day: np.ndarray  # datetime64[D]
    X: np.ndarray  # (n, 4) cm, FEATURES order
    actual: np.ndarray  # int8 variety index (the flower's true variety)
    predicted: np.ndarray  # int8 variety index
    proba: np.ndarray  # (n, 3), fixed variety order
    version: np.ndarray  # int64 model version
    stored: np.ndarray  # bool: False for a prediction made now for a day the version never saw

    def __len__(self) -> int:
        return len(self.day)

    @property
    def correct(self) -> np.ndarray:
        correct: np.ndarray = self.actual == self.predicted
        return correct

    @property
    def confidence(self) -> np.ndarray:
        """The probability of the predicted variety."""
        return self.proba[np.arange(len(self)), self.predicted.astype(np.intp)] if len(self) else np.zeros(0)

    def subset(self, rows: np.ndarray | slice) -> HistoryColumns:
        return HistoryColumns(
            self.flower_id[rows],
            self.day[rows],
            self.X[rows],
            self.actual[rows],
            self.predicted[rows],
            self.proba[rows],
            self.version[rows],
            self.stored[rows],
        )

    def index_of(self, day: dt.date) -> int | None:
        """The row of `day`, or None if it is not shown."""
        at = int(np.searchsorted(self.day, np.datetime64(day, "D")))
        return at if at < len(self) and self.day[at] == np.datetime64(day, "D") else None

    @classmethod
    def empty(cls) -> HistoryColumns:
        return cls(
            np.zeros(0, np.int64),
            np.zeros(0, "datetime64[D]"),
            np.zeros((0, 4)),
            np.zeros(0, np.int8),
            np.zeros(0, np.int8),
            np.zeros((0, 3)),
            np.zeros(0, np.int64),
            np.zeros(0, bool),
        )


def _from_rows(rows: np.ndarray) -> HistoryColumns:
    return HistoryColumns(
        rows["flower_id"],
        rows["day"].astype("datetime64[D]"),
        np.column_stack([rows[n] for n in FEATURE_NAMES]).reshape(-1, 4),
        rows["actual"],
        rows["predicted"],
        np.column_stack([rows["p_setosa"], rows["p_versicolor"], rows["p_virginica"]]).reshape(-1, 3),
        rows["model_version"],
        np.ones(len(rows), dtype=bool),
    )


def history_columns(
    store: Store, model_version: int | None = None, start: dt.date | None = None, end: dt.date | None = None
) -> HistoryColumns:
    """Stored predictions as columns: each day's first (no version), or one version's."""
    return _from_rows(
        prediction_table.prediction_columns(
            store, model_version, first_only=model_version is None, start=start, end=end
        )
    )


def version_history(
    store: Store, version: int, start: dt.date | None = None, end: dt.date | None = None
) -> HistoryColumns:
    """What model `version` predicts for every daily flower: its stored predictions, and
    for days it never predicted, its prediction made now (not stored, `stored` False).
    Raises ModelLoadError for an unknown version or one whose file cannot be used."""
    stored = history_columns(store, version, start, end)
    flowers = flower_table.flower_columns(store, ("daily",), start, end)
    missing = ~np.isin(flowers.id, stored.flower_id)
    if not missing.any():
        if not len(stored):  # no daily flower at all: still say so for an unknown version
            _check_version(store, version)
        return stored
    new = flowers.subset(missing)
    proba = registry.load_model(store, version).predict_proba(new.X)
    made = HistoryColumns(
        new.id,
        new.day,
        new.X,
        new.variety,
        proba.argmax(axis=1).astype(np.int8),
        proba,
        np.full(len(new), version, dtype=np.int64),
        np.zeros(len(new), dtype=bool),
    )
    both = concat(stored, made)
    return both.subset(np.argsort(both.day, kind="stable"))


def _check_version(store: Store, version: int) -> None:
    from iris_desktop.store.registry import get_model

    if get_model(store, version) is None:
        raise registry.ModelLoadError(f"there is no model version {version}")


def concat(a: HistoryColumns, b: HistoryColumns) -> HistoryColumns:
    """`a`'s rows, then `b`'s."""
    return HistoryColumns(
        *(np.concatenate([getattr(a, f), getattr(b, f)]) for f in HistoryColumns.__dataclass_fields__)
    )


def last_days(history: HistoryColumns, days: int | None, today: dt.date) -> HistoryColumns:
    """The rows of the last `days` days up to `today` (None: all)."""
    if days is None:
        return history
    start = np.datetime64(today - dt.timedelta(days=days - 1), "D")
    return history.subset((history.day >= start) & (history.day <= np.datetime64(today, "D")))


# ---- accuracy over time -------------------------------------------------------------------


def wilson_interval(k: ArrayLike, n: ArrayLike, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """The Wilson score interval of k successes in n trials (arrays welcome); n = 0 gives
    (0, 1). Unlike k/n +- 2 s.e. it stays inside [0, 1] and is honest for small n: 5 of 7
    is (0.36, 0.92), overlapping 7 of 7's (0.65, 1)."""
    successes, trials = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    safe = np.maximum(trials, 1)
    p = successes / safe
    denominator = 1 + z * z / safe
    centre = (p + z * z / (2 * safe)) / denominator
    half = z * np.sqrt(p * (1 - p) / safe + z * z / (4 * safe * safe)) / denominator
    low, high = np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)
    return np.where(trials > 0, low, 0.0), np.where(trials > 0, high, 1.0)


@dataclass(frozen=True)
class AccuracyColumns:
    """Accuracy per shown day: the rolling window of calendar days ending that day (with
    its Wilson 95% interval) and everything up to that day."""

    day: np.ndarray  # datetime64[D]
    correct: np.ndarray  # bool
    rolling: np.ndarray  # float 0..1
    rolling_n: np.ndarray  # predictions in the window
    low: np.ndarray  # Wilson 95% interval of the rolling accuracy
    high: np.ndarray
    cumulative: np.ndarray
    window: int


def accuracy_columns(day: np.ndarray, correct: np.ndarray, window: int = ROLLING_DAYS) -> AccuracyColumns:
    """Rolling accuracy over the last `window` calendar days (days without a prediction
    just count nothing), and the cumulative accuracy; `day` sorted."""
    day = np.asarray(day, dtype="datetime64[D]")
    ok = np.asarray(correct, dtype=bool)
    total = np.concatenate([[0], np.cumsum(ok)])
    end = np.arange(1, len(ok) + 1)
    start = np.searchsorted(day, day - np.timedelta64(window - 1, "D"), side="left")
    k, n = total[end] - total[start], end - start
    low, high = wilson_interval(k, n)
    with np.errstate(invalid="ignore", divide="ignore"):
        rolling = np.where(n > 0, k / np.maximum(n, 1), np.nan)
    return AccuracyColumns(day, ok, rolling, n, low, high, total[1:] / np.maximum(end, 1), window)


def model_switches(history: HistoryColumns) -> list[tuple[dt.date, int]]:
    """(first day, version) wherever the model in charge changed from the day before."""
    if len(history) < 2:
        return []
    at = np.flatnonzero(history.version[1:] != history.version[:-1]) + 1
    return [(history.day[i].astype(dt.date), int(history.version[i])) for i in at]


def confusion_counts(actual: ArrayLike, predicted: ArrayLike) -> np.ndarray:
    """3x3 counts, rows = actual, columns = predicted; always 3x3, whatever is missing."""
    k = len(VARIETIES)
    flat = np.asarray(actual, dtype=np.intp) * k + np.asarray(predicted, dtype=np.intp)
    return np.bincount(flat, minlength=k * k).reshape(k, k)


# ---- rows (small windows, and callers that want PredictionRow) -------------------------------


def window_predictions(
    store: Store, days: int | None = None, model_version: int | None = None, today: dt.date | None = None
) -> list[PredictionRow]:
    """Predictions in a window: all, the last `days` days, and/or one model version
    (stored ones only). With no version, each day's first prediction."""
    start = None
    if days is not None:
        start = (today or dt.date.today()) - dt.timedelta(days=days - 1)
    rows = prediction_table.daily_predictions(store, model_version, start, today or dt.date.today())
    if model_version is not None:
        return rows
    first: dict[dt.date, PredictionRow] = {}
    for row in rows:  # ordered by day, then prediction time: the first one wins
        first.setdefault(row.day, row)
    return list(first.values())


def confusion(rows: list[PredictionRow]) -> np.ndarray:
    """3x3 counts, rows = actual, columns = predicted, fixed variety order."""
    return confusion_counts([r.actual.index for r in rows], [r.predicted.index for r in rows])


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
    return AccuracySeries(
        [r.day for r in rows], correct.tolist(), rolling.tolist(), cumulative.tolist(), changes, window
    )


# ---- backtests ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Backtest:
    version: int
    n: int
    accuracy: float
    confusion: np.ndarray
    days: list[dt.date]
    correct: list[bool]
    predicted: np.ndarray | None = None  # variety index per day (in `days` order)
    proba: np.ndarray | None = None  # (n, 3)


def backtest(store: Store, version: int) -> Backtest:
    """Evaluate any registered version on the whole daily history, predicting every day
    now; stores nothing. Equal to `version_history` for the same version."""
    model = registry.load_model(store, version)
    flowers = flower_table.flower_columns(store, ("daily",))
    flowers = flowers.subset(np.argsort(flowers.day, kind="stable"))
    if not len(flowers):
        return Backtest(
            version, 0, float("nan"), np.zeros((3, 3), dtype=int), [], [], np.zeros(0, np.int8), np.zeros((0, 3))
        )
    proba = model.predict_proba(flowers.X)
    pred = proba.argmax(axis=1)
    ok = pred == flowers.variety
    return Backtest(
        version,
        len(flowers),
        float(ok.mean()),
        confusion_counts(flowers.variety, pred),
        flowers.day.astype(dt.date).tolist(),
        ok.tolist(),
        pred.astype(np.int8),
        proba,
    )
