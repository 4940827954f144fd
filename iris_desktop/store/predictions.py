"""The `predictions` table: the monitoring group, joined to flowers for the true label."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from iris_desktop.domain import FEATURE_NAMES, Flower, Variety
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
        return self.flower.variety  # type: ignore[return-value]

    @property
    def correct(self) -> bool:
        return self.predicted is self.actual


def daily_without_prediction(store: Store, model_version: int) -> list[tuple]:
    """(id, four measurements) of daily flowers that `model_version` has not predicted."""
    return store.execute(
        f"SELECT f.id, {', '.join('f.' + n for n in FEATURE_NAMES)} FROM flowers f "
        "WHERE f.source = 'daily' AND NOT EXISTS (SELECT 1 FROM predictions p "
        "WHERE p.flower_id = f.id AND p.model_version = ?) ORDER BY f.day",
        (model_version,),
    ).fetchall()


def unpredicted_daily_count(store: Store) -> int:
    """Daily flowers that no model has predicted."""
    return store.execute(
        "SELECT COUNT(*) FROM flowers f WHERE f.source = 'daily' AND NOT EXISTS "
        "(SELECT 1 FROM predictions p WHERE p.flower_id = f.id)"
    ).fetchone()[0]


def add_predictions(store: Store, model_version: int, rows: Sequence[tuple[int, str, Sequence[float]]]) -> int:
    """rows: (flower id, predicted variety, three probabilities). Existing pairs are kept."""
    with store.transaction() as conn:
        before = conn.total_changes
        now = utc_now()
        conn.executemany(
            "INSERT OR IGNORE INTO predictions (flower_id, model_version, predicted, "
            "proba_setosa, proba_versicolor, proba_virginica, predicted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(fid, model_version, label, *proba, now) for fid, label, proba in rows],
        )
        return conn.total_changes - before


_SELECT = (
    f"SELECT f.id, f.day, {', '.join('f.' + n for n in FEATURE_NAMES)}, f.variety, "
    "p.model_version, p.predicted, p.proba_setosa, p.proba_versicolor, p.proba_virginica, "
    "p.predicted_at FROM predictions p JOIN flowers f ON f.id = p.flower_id "
)


def _row(r) -> PredictionRow:
    return PredictionRow(
        flower_id=r[0], day=dt.date.fromisoformat(r[1]),
        flower=Flower(r[2], r[3], r[4], r[5], Variety(r[6])), model_version=r[7],
        predicted=Variety(r[8]), probabilities=(r[9], r[10], r[11]), predicted_at=r[12],
    )


def daily_predictions(
    store: Store,
    model_version: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[PredictionRow]:
    """Predictions of daily flowers, oldest day first; one model version or all of them."""
    where, params = ["f.source = 'daily'", "f.day BETWEEN ? AND ?"], [
        (start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()]
    if model_version is not None:
        where.append("p.model_version = ?")
        params.append(model_version)
    sql = _SELECT + "WHERE " + " AND ".join(where) + " ORDER BY f.day, p.predicted_at, p.model_version"
    return [_row(r) for r in store.execute(sql, params)]


def prediction_count(store: Store) -> int:
    return store.execute("SELECT COUNT(*) FROM predictions").fetchone()[0]
