"""The `flowers` table: the feature group."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Flower, Variety
from iris_desktop.store.bulk import insert_rows
from iris_desktop.store.database import Store, utc_now

SOURCES = ("backfill", "import", "daily")
# Daily flowers are found with `day IS NOT NULL`, never `source = 'daily'`: the schema's
# CHECK makes them the same rows, and only the first can use the partial index on day
# (flowers_by_day): 1.3-2.4 ms instead of a 17-21 ms scan at 200,000 flowers.
_COLUMNS = ", ".join(FEATURE_NAMES)


@dataclass(frozen=True)
class FlowerRow:
    id: int
    flower: Flower
    source: str
    day: dt.date | None
    created_at: str


def _row(r: tuple[Any, ...]) -> FlowerRow:
    return FlowerRow(
        id=r[0],
        flower=Flower(r[1], r[2], r[3], r[4], Variety(r[5])),
        source=r[6],
        day=dt.date.fromisoformat(r[7]) if r[7] else None,
        created_at=r[8],
    )


def add_flowers(store: Store, flowers: Iterable[Flower], source: str) -> int:
    """Insert labelled, non-daily flowers in one transaction; returns how many."""
    flowers = list(flowers)
    return add_rows(store, [f.measurements for f in flowers], [_label(f) for f in flowers], source)


def add_rows(
    store: Store,
    measurements: ArrayLike,
    varieties: Sequence[str],
    source: str,
    import_id: int | None = None,
    after: Callable[[int], object] | None = None,
) -> int:
    """add_flowers for bulk rows: an (n, 4) array of measurements and n variety names;
    imported rows point at their batch. (CHECK constraints still refuse bad values.)
    `after(rows so far)`: see bulk.insert_rows."""
    if source not in ("backfill", "import"):
        raise ValueError(f"use add_daily_flowers for source {source!r}")
    columns = np.asarray(measurements, dtype=float).reshape(-1, 4).T.tolist()
    if len(columns[0]) != len(varieties):
        raise ValueError("one variety per row")
    # The rows are zipped in C from four flat lists: no Python code runs per row.
    rows = zip(*columns, varieties, repeat(source), repeat(import_id), repeat(utc_now()))
    with store.transaction() as conn:
        insert_rows(conn, f"INSERT INTO flowers ({_COLUMNS}, variety, source, import_id, created_at)", rows, 8, after)
    return len(varieties)


def add_daily_flowers(
    store: Store, days: Sequence[dt.date], flowers: Sequence[Flower], generator_id: int | None = None
) -> list[int]:
    """Insert one flower per day (days must be new); returns their ids in order.
    `generator_id` (store/generators.py) records what made them."""
    return add_daily_rows(store, days, [f.measurements for f in flowers], [_label(f) for f in flowers], generator_id)


def add_daily_rows(
    store: Store,
    days: Sequence[dt.date],
    measurements: Sequence[Sequence[float]],
    varieties: Sequence[str],
    generator_id: int | None = None,
) -> list[int]:
    """add_daily_flowers for bulk rows: four measurements and a variety name per day.
    (The table's CHECK constraints still refuse non-positive values and unknown names.)"""
    if not len(days) == len(measurements) == len(varieties):
        raise ValueError("one flower per day")
    now = utc_now()  # once, not a DEFAULT evaluated per row
    with store.transaction() as conn:
        first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM flowers").fetchone()[0]
        insert_rows(
            conn,
            f"INSERT INTO flowers (id, {_COLUMNS}, variety, source, day, generator_id, created_at)",
            [
                (first + i, *m, v, "daily", d.isoformat(), generator_id, now)
                for i, (d, m, v) in enumerate(zip(days, measurements, varieties))
            ],
            10,
        )
    return list(range(first, first + len(days)))


def _label(flower: Flower) -> str:
    if flower.variety is None:
        raise ValueError("a stored flower needs its variety")
    return flower.variety.value


def count_by_source(store: Store) -> dict[str, int]:
    counts = dict.fromkeys(SOURCES, 0)
    counts.update(store.execute("SELECT source, COUNT(*) FROM flowers GROUP BY source").fetchall())
    return counts


@dataclass(frozen=True)
class FlowerColumns:
    """Flowers as parallel numpy arrays, in id order: what tabs that draw thousands of
    points and training read. Built without a Python object per row."""

    id: np.ndarray  # int64
    X: np.ndarray  # (n, 4) float64, cm, FEATURES order
    variety: np.ndarray  # int8, index into VARIETIES
    source: np.ndarray  # int8, index into SOURCES
    day: np.ndarray  # datetime64[D], NaT unless daily
    import_id: np.ndarray  # int64, 0 unless imported in a recorded batch

    def __len__(self) -> int:
        return len(self.id)

    def subset(self, rows: np.ndarray | slice) -> FlowerColumns:
        """The rows picked by a boolean mask or an index array."""
        return FlowerColumns(
            self.id[rows], self.X[rows], self.variety[rows], self.source[rows], self.day[rows], self.import_id[rows]
        )


@dataclass(frozen=True)
class FeatureStats:
    """Per-feature range and mean, and each variety's mean and count, of a set of
    flowers: what sliders and presets need, computed once per change of the data."""

    n: int
    low: np.ndarray  # (4,)
    high: np.ndarray  # (4,)
    mean: np.ndarray  # (4,)
    variety_means: np.ndarray  # (3, 4), NaN for a variety with no flower
    variety_counts: np.ndarray  # (3,)


def feature_stats(X: np.ndarray, y: np.ndarray) -> FeatureStats:
    X = np.asarray(X, dtype=float).reshape(-1, 4)
    y = np.asarray(y, dtype=np.intp)
    k = len(VARIETIES)
    counts = np.bincount(y, minlength=k)[:k]
    sums = np.column_stack([np.bincount(y, weights=X[:, j], minlength=k)[:k] for j in range(4)])
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / counts[:, None]
    if not len(X):
        nan = np.full(4, np.nan)
        return FeatureStats(0, nan, nan, nan, means, counts)
    return FeatureStats(len(X), X.min(axis=0), X.max(axis=0), X.mean(axis=0), means, counts)


_ROW_DTYPE = np.dtype(
    [
        ("id", "i8"),
        *((n, "f8") for n in FEATURE_NAMES),
        ("variety", "i1"),
        ("source", "i1"),
        ("day", "i8"),
        ("import_id", "i8"),
    ]
)
_NO_DAY = -(2**62)


def _case(column: str, names: Sequence[str]) -> str:
    whens = " ".join(f"WHEN '{name}' THEN {i}" for i, name in enumerate(names))
    return f"CASE {column} {whens} END"


_SELECT_COLUMNS = (
    f"SELECT id, {_COLUMNS}, {_case('variety', [v.value for v in VARIETIES])}, "
    f"{_case('source', SOURCES)}, "
    # days since 1970-01-01, the epoch of numpy's datetime64[D]
    f"COALESCE(CAST(julianday(day) - 2440587.5 AS INTEGER), {_NO_DAY}), "
    "COALESCE(import_id, 0) FROM flowers "
)


def flower_columns(
    store: Store, sources: Sequence[str] = SOURCES, start: dt.date | None = None, end: dt.date | None = None
) -> FlowerColumns:
    """The flowers from `sources` (daily ones between `start` and `end` when given) as
    columns. Rows stream from the cursor straight into one structured array."""
    _check_sources(sources)
    span = [(start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()]
    if tuple(sources) == ("daily",):  # the monitor's read: on the day index
        # (with `day IS NOT NULL` alone the planner scans the table to spare the sort by
        # id; a range on day, all days when none is given, makes it use the index)
        where, params = "WHERE day IS NOT NULL AND day BETWEEN ? AND ?", span
    else:
        where = f"WHERE source IN ({', '.join('?' * len(sources))})"
        params = list(sources)
        if start is not None or end is not None:
            where += " AND (day IS NULL OR day BETWEEN ? AND ?)"
            params += span
    cursor = store.execute(_SELECT_COLUMNS + where + " ORDER BY id", params)
    rows = np.fromiter(cursor, dtype=_ROW_DTYPE)
    day = rows["day"].astype("datetime64[D]")
    day[rows["day"] == _NO_DAY] = np.datetime64("NaT")
    # Each column its own contiguous array, not a strided view of the records: every later
    # pass over a million of them (a gather, a mask) runs several times faster.
    return FlowerColumns(
        np.ascontiguousarray(rows["id"]),
        np.column_stack([rows[n] for n in FEATURE_NAMES]).reshape(-1, 4),
        np.ascontiguousarray(rows["variety"]),
        np.ascontiguousarray(rows["source"]),
        day,
        np.ascontiguousarray(rows["import_id"]),
    )


def feature_matrix(store: Store, sources: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(n x 4 measurements, n variety indices) of the flowers from `sources`: training input."""
    columns = flower_columns(store, sources)
    return columns.X, columns.variety.astype(int)


_SELECT_ROWS = f"SELECT id, {_COLUMNS}, variety, source, day, created_at FROM flowers "


def daily_flower(store: Store, day: dt.date) -> FlowerRow | None:
    r = store.execute(_SELECT_ROWS + "WHERE day = ?", (day.isoformat(),)).fetchone()
    return _row(r) if r else None


def daily_flowers(store: Store, start: dt.date | None = None, end: dt.date | None = None) -> list[FlowerRow]:
    """Daily flowers as rows, oldest first (a few thousand at most: one per day)."""
    lo = (start or dt.date.min).isoformat()
    hi = (end or dt.date.max).isoformat()
    sql = _SELECT_ROWS + "WHERE day IS NOT NULL AND day BETWEEN ? AND ? ORDER BY day"
    return [_row(r) for r in store.execute(sql, (lo, hi))]


def last_daily_day(store: Store) -> dt.date | None:
    day = store.execute("SELECT MAX(day) FROM flowers WHERE day IS NOT NULL").fetchone()[0]
    return dt.date.fromisoformat(day) if day else None


def daily_span_after(store: Store, day: dt.date) -> tuple[int, str | None, str | None]:
    """(count, first day, last day) of the daily flowers after `day`."""
    span: tuple[int, str | None, str | None] = store.execute(
        "SELECT COUNT(*), MIN(day), MAX(day) FROM flowers WHERE day IS NOT NULL AND day > ?", (day.isoformat(),)
    ).fetchone()
    return span


def delete_daily_after(store: Store, day: dt.date) -> int:
    """Delete the daily flowers after `day` (their predictions go with them)."""
    with store.transaction() as conn:
        return conn.execute("DELETE FROM flowers WHERE day IS NOT NULL AND day > ?", (day.isoformat(),)).rowcount


def _check_sources(sources: Sequence[str]) -> None:
    unknown = set(sources) - set(SOURCES)
    if unknown or not sources:
        raise ValueError(f"sources must be some of {SOURCES}, got {list(sources)}")
