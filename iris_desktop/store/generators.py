"""The `generators` table: every generator setting that made daily flowers, and which
one made each day (`flowers.generator_id`).

A row is written the first time a setting makes a day and never changes: its `key` is
part of the seed of every day it made, so a stored day can always say how it was made,
and changing the generator for the days to come leaves the stored ones alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from iris_desktop.domain import FEATURE_NAMES
from iris_desktop.store.content import decoded
from iris_desktop.store.database import Store


@dataclass(frozen=True)
class GeneratorRow:
    id: int
    key: str
    kind: str
    settings: str  # the settings as JSON (pipelines/daily.py GeneratorSettings)
    created_at: str


def record(store: Store, key: str, kind: str, settings: str) -> int:
    """The id of the generator with `key`, added if it is new."""
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO generators (key, kind, settings) VALUES (?, ?, ?)", (key, kind, settings))
        generator_id: int = conn.execute("SELECT id FROM generators WHERE key = ?", (key,)).fetchone()[0]
        return generator_id


def generator_rows(store: Store) -> list[GeneratorRow]:
    """Every recorded generator, oldest first."""
    rows = store.execute("SELECT id, key, kind, settings, created_at FROM generators ORDER BY id").fetchall()
    for r in rows:  # checked (store/content.py); the settings stay text, as pipelines/daily.py reads them
        for index, column in ((1, "key"), (2, "kind"), (3, "settings")):
            decoded(store.path, "generators", r[0], column, r[index])
    return [GeneratorRow(*r) for r in rows]


def daily_generator_ids(store: Store) -> tuple[np.ndarray, np.ndarray]:
    """(flower ids, generator ids) of every daily flower in day order; generator id 0:
    not recorded (a day stored before generators were recorded, matching none)."""
    rows = np.fromiter(
        store.execute("SELECT id, COALESCE(generator_id, 0) FROM flowers WHERE day IS NOT NULL ORDER BY day"),
        dtype=np.dtype([("id", "i8"), ("generator", "i8")]),
    )
    return rows["id"], rows["generator"]


def unrecorded_days(store: Store) -> list[tuple[Any, ...]]:
    """(flower id, day, four measurements, variety) of daily flowers with no generator."""
    return store.execute(
        f"SELECT id, day, {', '.join(FEATURE_NAMES)}, variety FROM flowers "
        "WHERE day IS NOT NULL AND generator_id IS NULL ORDER BY day"
    ).fetchall()


def set_generator_of(store: Store, flower_ids: Sequence[int], generator_id: int) -> None:
    """Record that `generator_id` made these (unrecorded) daily flowers."""
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE flowers SET generator_id = ? WHERE id = ? AND generator_id IS NULL",
            [(generator_id, int(i)) for i in flower_ids],
        )


def first_daily_day(store: Store) -> dt.date | None:
    day = store.execute("SELECT MIN(day) FROM flowers WHERE day IS NOT NULL").fetchone()[0]
    return dt.date.fromisoformat(day) if day else None
