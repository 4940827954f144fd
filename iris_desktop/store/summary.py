"""A few numbers that change whenever the store's contents do: read after any commit
to tell what changed (new flowers, predictions, models, another active model)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iris_desktop.store.database import Store
from iris_desktop.store.flowers import SOURCES
from iris_desktop.store.registry import ACTIVE


@dataclass(frozen=True)
class StoreSummary:
    flowers: tuple[int, ...]  # counts in SOURCES order
    last_flower_id: int
    last_daily_day: dt.date | None
    predictions: int
    models: tuple[int, ...]  # registered versions
    active_version: int | None
    active_sha256: str | None
    generator: str | None = None  # the pinned settings of the days to come (meta daily_settings)

    def count(self, source: str) -> int:
        return self.flowers[SOURCES.index(source)]

    def flowers_differ(self, other: StoreSummary | None) -> bool:
        return other is None or (self.flowers, self.last_flower_id) != (other.flowers, other.last_flower_id)


def read_summary(store: Store) -> StoreSummary:
    """All in one read transaction, so the numbers agree with each other."""
    with store.read():
        counts = dict(store.execute("SELECT source, COUNT(*) FROM flowers GROUP BY source").fetchall())
        last_id, last_day = store.execute(
            "SELECT COALESCE(MAX(id), 0), (SELECT MAX(day) FROM flowers WHERE day IS NOT NULL) FROM flowers"
        ).fetchone()
        predictions = store.execute("SELECT COUNT(*) FROM predictions").fetchone()[0]
        versions = tuple(v for (v,) in store.execute("SELECT version FROM models ORDER BY version"))
        active = store.execute(
            "SELECT m.version, m.sha256 FROM model_aliases a JOIN models m ON m.version = a.version WHERE a.alias = ?",
            (ACTIVE,),
        ).fetchone()
        generator = store.meta("daily_settings")
    return StoreSummary(
        flowers=tuple(counts.get(s, 0) for s in SOURCES),
        last_flower_id=last_id,
        last_daily_day=dt.date.fromisoformat(last_day) if last_day else None,
        predictions=predictions,
        models=versions,
        active_version=active[0] if active else None,
        active_sha256=active[1] if active else None,
        generator=generator,
    )
