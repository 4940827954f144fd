"""Where the generator of the daily flowers changed along a history: the marks on
History's accuracy plot (so a drop after a change of generator is told apart from a
worse model), one read of the generator ids and settings, then numpy."""

from __future__ import annotations

import datetime as dt

import numpy as np

from iris_desktop.pipelines import daily
from iris_desktop.pipelines.monitoring import HistoryColumns
from iris_desktop.store import Store
from iris_desktop.store import generators as generator_table

NOT_RECORDED = "a generator not recorded"


def generator_changes(store: Store, history: HistoryColumns) -> list[tuple[dt.date, str]]:
    """(first day, the generator that made it, in words) wherever the generator of the
    days of `history` changes, its first day included (the lab report's list)."""
    return changes_along(history, generator_table.daily_generator_ids(store), daily.recorded_generators(store))


def changes_along(
    history: HistoryColumns,
    generator_ids: tuple[np.ndarray, np.ndarray],
    generators: dict[int, daily.GeneratorSettings],
) -> list[tuple[dt.date, str]]:
    """The same from (flower ids, generator ids) of the daily flowers (0: not recorded)
    and the recorded generators by id."""
    if not len(history):
        return []
    ids, made_by = generator_ids
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    at = np.minimum(np.searchsorted(sorted_ids, history.flower_id), max(len(ids) - 1, 0))
    found = (sorted_ids[at] == history.flower_id) if len(ids) else np.zeros(len(history), bool)
    made = np.where(found, made_by[order][at] if len(ids) else 0, 0)
    starts = np.flatnonzero(np.concatenate([[True], made[1:] != made[:-1]]))
    changes: list[tuple[dt.date, str]] = []
    for i in starts.tolist():
        settings = generators.get(int(made[i]))
        changes.append((history.day[i].item(), settings.describe() if settings else NOT_RECORDED))
    return changes
