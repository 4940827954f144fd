"""The `predictions` table: the monitoring group, joined to flowers for the true label."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Flower, Variety
from iris_desktop.store.bulk import insert_rows
from iris_desktop.store.database import Store, utc_now


@dataclass(frozen=True)
class PredictionRow:
    flower_id: int
    day: dt.date
    flower: Flower  # carries the true variety
    model_version: int
    predicted: Variety
    probabilities: tuple[float, float, float]
    predicted_at: str

    @property
    def actual(self) -> Variety:
        return cast(Variety, self.flower.variety)  # a daily flower always has its variety

    @property
    def correct(self) -> bool:
        return self.predicted is self.actual


def daily_without_prediction(store: Store, model_version: int) -> list[tuple[Any, ...]]:
    """(id, four measurements) of daily flowers that `model_version` has not predicted."""
    return store.execute(
        f"SELECT f.id, {', '.join('f.' + n for n in FEATURE_NAMES)} FROM flowers f "
        "WHERE f.day IS NOT NULL AND NOT EXISTS (SELECT 1 FROM predictions p "
        "WHERE p.flower_id = f.id AND p.model_version = ?) ORDER BY f.day",
        (model_version,),
    ).fetchall()


def unpredicted_daily_count(store: Store) -> int:
    """Daily flowers that no model has predicted."""
    count: int = store.execute(
        "SELECT COUNT(*) FROM flowers f WHERE f.day IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM predictions p WHERE p.flower_id = f.id)"
    ).fetchone()[0]
    return count


def add_predictions(store: Store, model_version: int, rows: Sequence[tuple[int, str, Sequence[float]]]) -> int:
    """rows: (flower id, predicted variety, three probabilities). Existing pairs are kept."""
    with store.transaction() as conn:
        now = utc_now()
        return insert_rows(
            conn,
            "INSERT OR IGNORE INTO predictions (flower_id, model_version, predicted, "
            "proba_setosa, proba_versicolor, proba_virginica, predicted_at)",
            [(fid, model_version, label, *proba, now) for fid, label, proba in rows],
            7,
        )


_SELECT = (
    f"SELECT f.id, f.day, {', '.join('f.' + n for n in FEATURE_NAMES)}, f.variety, "
    "p.model_version, p.predicted, p.proba_setosa, p.proba_versicolor, p.proba_virginica, "
    "p.predicted_at FROM predictions p JOIN flowers f ON f.id = p.flower_id "
)


def _row(r: tuple[Any, ...]) -> PredictionRow:
    return PredictionRow(
        flower_id=r[0],
        day=dt.date.fromisoformat(r[1]),
        flower=Flower(r[2], r[3], r[4], r[5], Variety(r[6])),
        model_version=r[7],
        predicted=Variety(r[8]),
        probabilities=(r[9], r[10], r[11]),
        predicted_at=r[12],
    )


def daily_predictions(
    store: Store,
    model_version: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[PredictionRow]:
    """Predictions of daily flowers, oldest day first; one model version or all of them."""
    where = ["f.day IS NOT NULL", "f.day BETWEEN ? AND ?"]
    params: list[object] = [(start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()]
    if model_version is not None:
        where.append("p.model_version = ?")
        params.append(model_version)
    sql = _SELECT + "WHERE " + " AND ".join(where) + " ORDER BY f.day, p.predicted_at, p.model_version"
    return [_row(r) for r in store.execute(sql, params)]


def prediction_count(store: Store) -> int:
    count: int = store.execute("SELECT COUNT(*) FROM predictions").fetchone()[0]
    return count


# ---- columns: the monitor's read of thousands of days without a Python object each ----

PREDICTION_DTYPE = np.dtype(
    [
        ("flower_id", "i8"),
        ("day", "i8"),
        *((n, "f8") for n in FEATURE_NAMES),
        ("actual", "i1"),
        ("model_version", "i8"),
        ("predicted", "i1"),
        ("p_setosa", "f8"),
        ("p_versicolor", "f8"),
        ("p_virginica", "f8"),
    ]
)  # day: days since 1970-01-01 (numpy's datetime64[D] epoch); varieties as indices


def _variety_index(column: str) -> str:
    return "CASE " + column + " " + " ".join(f"WHEN '{v.value}' THEN {i}" for i, v in enumerate(VARIETIES)) + " END"


def prediction_columns(
    store: Store,
    model_version: int | None = None,
    first_only: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> np.ndarray:
    """Predictions of daily flowers as one structured array (PREDICTION_DTYPE), oldest
    day first, rows streamed from the cursor. `model_version`: that version's only;
    `first_only`: each day's first prediction (the monitor as it happened: earliest
    predicted_at, then lowest version, as `daily_predictions` orders them); else all."""
    where = ["f.day IS NOT NULL", "f.day BETWEEN ? AND ?"]
    params: list[object] = [(start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()]
    if model_version is not None:
        where.append("p.model_version = ?")
        params.append(model_version)
    if first_only:  # a look-up per day along the primary key: faster than a window function
        where.append(
            "p.model_version = (SELECT q.model_version FROM predictions q WHERE q.flower_id = f.id "
            "ORDER BY q.predicted_at, q.model_version LIMIT 1)"
        )
    sql = (
        f"SELECT f.id, CAST(julianday(f.day) - 2440587.5 AS INTEGER), "
        f"{', '.join('f.' + n for n in FEATURE_NAMES)}, {_variety_index('f.variety')}, "
        f"p.model_version, {_variety_index('p.predicted')}, p.proba_setosa, p.proba_versicolor, "
        f"p.proba_virginica FROM flowers f JOIN predictions p ON p.flower_id = f.id "
        f"WHERE {' AND '.join(where)} ORDER BY f.day, p.predicted_at, p.model_version"
    )
    try:
        return np.fromiter(store.execute(sql, params), dtype=PREDICTION_DTYPE)
    except (TypeError, ValueError) as exc:  # text where a number goes: edited while we run
        from iris_desktop.store.errors import StoreContentError
        from iris_desktop.store.schema import content_problem

        raise StoreContentError.found(store.path, content_problem(store.conn) or f"a prediction: {exc}") from exc


def daily_prediction_count(store: Store, start: dt.date | None = None) -> int:
    """Predictions (of any version) of the daily flowers from `start` on (all without)."""
    count: int = store.execute(
        "SELECT COUNT(*) FROM flowers f JOIN predictions p ON p.flower_id = f.id "
        "WHERE f.day IS NOT NULL AND f.day >= ?",
        ((start or dt.date.min).isoformat(),),
    ).fetchone()[0]
    return count
