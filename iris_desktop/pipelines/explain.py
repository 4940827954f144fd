"""Why a day was predicted as it was: from "the model was wrong on the 14th" to the
facts a student can reason with. The Predict tab pinned to a day and `iris-desktop
explain` show the same `Explanation`:

- the day's flower, its true variety, the model (the one that predicted it at the time,
  or a chosen version) and its class probabilities;
- the stored flowers nearest to it (cm), each marked if it was in the model's training data;
- for each measurement, the smallest change along that axis alone that changes the
  prediction (None: none within the range of the stored flowers);
- the model's permutation importances on its test rows, computed once per version and
  kept with its metrics.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, FEATURES, VARIETIES, Variety
from iris_desktop.errors import InvalidValue, UserError
from iris_desktop.pipelines import registry
from iris_desktop.pipelines.loaded_model import LoadedModel
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import predictions as prediction_table
from iris_desktop.store import registry as model_rows

NEIGHBOURS = 5
IMPORTANCE_KEY = "permutation_importance"  # in a version's metrics: {feature: mean accuracy drop}
IMPORTANCE_REPEATS = 20
_STEP = 0.01  # cm between the points tried along an axis; the boundary is then bisected
_TOLERANCE = 1e-6  # cm: how close to the boundary a change is placed (just beyond it)


@dataclass(frozen=True)
class Neighbour:
    measurements: tuple[float, float, float, float]
    variety: Variety
    distance: float  # cm, Euclidean over the four measurements
    in_training: bool  # one of the rows the model was fitted on


@dataclass(frozen=True)
class Flip:
    feature: str  # a FEATURE_NAMES entry
    change: float | None  # signed cm along this axis alone that changes the prediction; None: none in range
    becomes: Variety | None  # the prediction after that change


@dataclass(frozen=True)
class Explanation:
    day: dt.date
    measurements: tuple[float, float, float, float]
    actual: Variety
    model_version: int
    at_the_time: bool  # the model that predicted the day first (else a version asked for)
    predicted: Variety
    probabilities: tuple[float, float, float]  # VARIETIES order
    neighbours: tuple[Neighbour, ...]
    flips: tuple[Flip, ...]
    importances: dict[str, float] | None  # None: the model has no test rows to measure on

    @property
    def correct(self) -> bool:
        return self.predicted is self.actual

    def headline(self) -> str:
        when = "at the time" if self.at_the_time else "asked for"
        verdict = "right" if self.correct else "wrong"
        return (
            f"Day {self.day}: predicted {self.predicted.value}, actually {self.actual.value} ({verdict}), "
            f"model v{self.model_version} ({when})"
        )

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["actual"], data["predicted"] = self.actual.value, self.predicted.value
        data["correct"] = self.correct
        data["probabilities"] = {v.value: p for v, p in zip(VARIETIES, self.probabilities)}
        for n in data["neighbours"]:
            n["variety"] = n["variety"].value
        for f in data["flips"]:
            f["becomes"] = f["becomes"].value if f["becomes"] is not None else None
        return data

    def lines(self) -> list[str]:
        """The same facts as text, for the command line."""
        out = [self.headline()]
        out.append("measurements: " + ", ".join(f"{f.name} {v:.1f} cm" for f, v in zip(FEATURES, self.measurements)))
        out.append("probabilities: " + ", ".join(f"{v.value} {p:.1%}" for v, p in zip(VARIETIES, self.probabilities)))
        out.append("nearest stored flowers (cm):")
        for n in self.neighbours:
            mark = "in its training data" if n.in_training else "not in its training data"
            values = " ".join(f"{v:.1f}" for v in n.measurements)
            out.append(f"  {values}  {n.variety.value:<10}  distance {n.distance:.2f}  {mark}")
        out.append("smallest change that changes the prediction, one measurement at a time:")
        for flip in self.flips:
            if flip.change is None or flip.becomes is None:
                out.append(f"  {flip.feature}: none within the data range")
            else:
                out.append(f"  {flip.feature}: {flip.change:+.2f} cm makes it {flip.becomes.value}")
        if self.importances:
            ranked = sorted(self.importances.items(), key=lambda kv: -kv[1])
            out.append(
                "permutation importance (accuracy lost when shuffled): "
                + ", ".join(f"{name} {value:.3f}" for name, value in ranked)
            )
        return out


def explain_day(store: Store, day: dt.date, model_version: int | None = None) -> Explanation:
    """The facts of `day` as predicted at the time (its first prediction's model), or as
    version `model_version` predicts it."""
    row = flower_table.daily_flower(store, day)
    if row is None:
        raise InvalidValue(f"no daily flower is stored for {day}")
    at_the_time = model_version is None
    if model_version is None:
        first = prediction_table.daily_predictions(store, start=day, end=day)
        if not first:
            raise UserError(f"the flower of {day} has no prediction yet (a usable active model predicts it)")
        model_version = first[0].model_version
    model = registry.load_model(store, model_version)
    x = np.asarray(row.flower.measurements, dtype=float)
    proba = model.predict_proba(x)[0]
    predicted = VARIETIES[int(proba.argmax())]
    actual = row.flower.variety
    assert actual is not None  # a daily flower always has its variety
    labelled = flower_table.flower_columns(store, ("backfill", "import"))
    return Explanation(
        day=day,
        measurements=_four(x),
        actual=actual,
        model_version=model_version,
        at_the_time=at_the_time,
        predicted=predicted,
        probabilities=(float(proba[0]), float(proba[1]), float(proba[2])),
        neighbours=nearest(labelled.X, labelled.variety, x, model),
        flips=flips(model, x, labelled.X),
        importances=importances(store, model),
    )


def _four(values: np.ndarray) -> tuple[float, float, float, float]:
    return (float(values[0]), float(values[1]), float(values[2]), float(values[3]))


def nearest(
    X: np.ndarray, y: np.ndarray, x: np.ndarray, model: LoadedModel, k: int = NEIGHBOURS
) -> tuple[Neighbour, ...]:
    """The `k` stored flowers nearest to `x` in cm, marked if the model was fitted on them."""
    if not len(X):
        return ()
    distances = np.sqrt(((X - x) ** 2).sum(axis=1))
    order = np.argsort(distances, kind="stable")[:k]
    trained = {(tuple(np.round(r, 6)), int(v)) for r, v in zip(model.X_train, model.y_train)}
    return tuple(
        Neighbour(
            _four(X[i]), VARIETIES[int(y[i])], float(distances[i]), (tuple(np.round(X[i], 6)), int(y[i])) in trained
        )
        for i in order
    )


def flips(model: LoadedModel, x: np.ndarray, data: np.ndarray) -> tuple[Flip, ...]:
    """Per measurement, the smallest change (either way, the others held) that changes
    the predicted variety, searched within the range of `data` (the stored flowers)."""
    now = int(model.predict_proba(x).argmax())
    found = []
    for f, name in enumerate(FEATURE_NAMES):
        low, high = (float(data[:, f].min()), float(data[:, f].max())) if len(data) else (x[f], x[f])
        best: tuple[float, int] | None = None
        for end in (low, high):
            crossing = _first_crossing(model, x, f, float(x[f]), end, now)
            if crossing is not None and (best is None or abs(crossing[0] - x[f]) < abs(best[0] - x[f])):
                best = crossing
        if best is None:
            found.append(Flip(name, None, None))
        else:
            found.append(Flip(name, best[0] - float(x[f]), VARIETIES[best[1]]))
    return tuple(found)


def _first_crossing(
    model: LoadedModel, x: np.ndarray, f: int, start: float, end: float, now: int
) -> tuple[float, int] | None:
    """(the value of measurement `f` just past the first change of prediction going from
    `start` to `end`, the prediction there); None if it never changes on the way."""
    if end == start:
        return None
    steps = max(2, int(np.ceil(abs(end - start) / _STEP)) + 1)
    values = np.linspace(start, end, steps)
    rows = np.repeat(x[None, :], steps, axis=0)
    rows[:, f] = values
    classes = model.predict_proba(rows).argmax(axis=1)
    changed = np.flatnonzero(classes != now)
    if not len(changed):
        return None
    i = int(changed[0])
    same, other = float(values[i - 1]), float(values[i])
    while abs(other - same) > _TOLERANCE:  # bisect to the boundary
        middle = (same + other) / 2
        row = x.copy()
        row[f] = middle
        if int(model.predict_proba(row).argmax()) == now:
            same = middle
        else:
            other = middle
    row = x.copy()
    row[f] = other
    return other, int(model.predict_proba(row).argmax())


def importances(store: Store, model: LoadedModel) -> dict[str, float] | None:
    """The model's permutation importances on its own test rows: read from its metrics,
    or computed now (once per version; seconds for a large forest) and kept there."""
    kept = model.record.metrics.get(IMPORTANCE_KEY)
    if isinstance(kept, dict) and set(kept) == set(FEATURE_NAMES):
        return {name: float(kept[name]) for name in FEATURE_NAMES}
    if model.X_test is None or model.y_test is None or not len(model.y_test):
        return None
    from sklearn.inspection import permutation_importance

    result = permutation_importance(
        model.estimator, model.X_test, model.y_test, n_repeats=IMPORTANCE_REPEATS, random_state=0, scoring="accuracy"
    )
    measured = {name: float(value) for name, value in zip(FEATURE_NAMES, result.importances_mean)}
    model_rows.add_metric(store, model.version, IMPORTANCE_KEY, measured)
    return measured
