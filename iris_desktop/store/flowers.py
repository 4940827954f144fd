"""The `flowers` table: the feature group."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from iris_desktop.domain import FEATURE_NAMES, Flower, Variety
from iris_desktop.store.database import Store, utc_now

SOURCES = ("backfill", "import", "daily")
_COLUMNS = ", ".join(FEATURE_NAMES)


@dataclass(frozen=True)
class FlowerRow:
    id: int
    flower: Flower
    source: str
    day: dt.date | None
    created_at: str


def _row(r) -> FlowerRow:
    return FlowerRow(
        id=r[0],
        flower=Flower(r[1], r[2], r[3], r[4], Variety(r[5])),
        source=r[6],
        day=dt.date.fromisoformat(r[7]) if r[7] else None,
        created_at=r[8],
    )


def add_flowers(store: Store, flowers: Iterable[Flower], source: str) -> int:
    """Insert labelled, non-daily flowers in one transaction; returns how many."""
    if source not in ("backfill", "import"):
        raise ValueError(f"use add_daily_flowers for source {source!r}")
    rows = [(*f.measurements, _label(f), source) for f in flowers]
    with store.transaction() as conn:
        conn.executemany(
            f"INSERT INTO flowers ({_COLUMNS}, variety, source) VALUES (?, ?, ?, ?, ?, ?)", rows
        )
    return len(rows)


def add_daily_flowers(store: Store, days: Sequence[dt.date], flowers: Sequence[Flower]) -> list[int]:
    """Insert one flower per day (days must be new); returns their ids in order."""
    return add_daily_rows(store, days, [f.measurements for f in flowers], [_label(f) for f in flowers])


def add_daily_rows(store: Store, days: Sequence[dt.date], measurements: Sequence[Sequence[float]],
                   varieties: Sequence[str]) -> list[int]:
    """add_daily_flowers for bulk rows: four measurements and a variety name per day.
    (The table's CHECK constraints still refuse non-positive values and unknown names.)"""
    if not len(days) == len(measurements) == len(varieties):
        raise ValueError("one flower per day")
    now = utc_now()  # once, not a DEFAULT evaluated per row
    with store.transaction() as conn:
        first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM flowers").fetchone()[0]
        conn.executemany(
            f"INSERT INTO flowers (id, {_COLUMNS}, variety, source, day, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'daily', ?, ?)",
            [(first + i, *m, v, d.isoformat(), now)
             for i, (d, m, v) in enumerate(zip(days, measurements, varieties))],
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


def feature_rows(store: Store, sources: Sequence[str]) -> list[tuple]:
    """(id, four measurements, variety) for the given sources, in id order: training input."""
    _check_sources(sources)
    marks = ", ".join("?" * len(sources))
    return store.execute(
        f"SELECT id, {_COLUMNS}, variety FROM flowers WHERE source IN ({marks}) ORDER BY id",
        tuple(sources),
    ).fetchall()


_SELECT_ROWS = f"SELECT id, {_COLUMNS}, variety, source, day, created_at FROM flowers "


def list_flowers(store: Store, sources: Sequence[str] = SOURCES) -> list[FlowerRow]:
    _check_sources(sources)
    marks = ", ".join("?" * len(sources))
    sql = _SELECT_ROWS + f"WHERE source IN ({marks}) ORDER BY id"
    return [_row(r) for r in store.execute(sql, tuple(sources))]


def daily_flower(store: Store, day: dt.date) -> FlowerRow | None:
    r = store.execute(_SELECT_ROWS + "WHERE day = ?", (day.isoformat(),)).fetchone()
    return _row(r) if r else None


def daily_flowers(store: Store, start: dt.date | None = None, end: dt.date | None = None) -> list[FlowerRow]:
    lo = (start or dt.date.min).isoformat()
    hi = (end or dt.date.max).isoformat()
    sql = _SELECT_ROWS + "WHERE source = 'daily' AND day BETWEEN ? AND ? ORDER BY day"
    return [_row(r) for r in store.execute(sql, (lo, hi))]


def last_daily_day(store: Store) -> dt.date | None:
    day = store.execute("SELECT MAX(day) FROM flowers WHERE source = 'daily'").fetchone()[0]
    return dt.date.fromisoformat(day) if day else None


def _check_sources(sources: Sequence[str]) -> None:
    unknown = set(sources) - set(SOURCES)
    if unknown or not sources:
        raise ValueError(f"sources must be some of {SOURCES}, got {list(sources)}")


def record_import(store: Store, sha256: str, file_name: str, rows: int) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT INTO imports (sha256, file_name, rows) VALUES (?, ?, ?)",
                     (sha256, file_name, rows))


def previous_import(store: Store, sha256: str) -> tuple[str, int, str] | None:
    """(file name, rows, imported_at) of the last import of a file with this content."""
    return store.execute("SELECT file_name, rows, imported_at FROM imports WHERE sha256 = ? "
                         "ORDER BY id DESC LIMIT 1", (sha256,)).fetchone()
