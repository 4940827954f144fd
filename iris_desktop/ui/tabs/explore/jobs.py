"""The Explore tab's work off the GUI thread: what the plots draw (prepared once per
change of the data), import batch names (for hover text and the table), removing
imported flowers, and writing flowers as CSV."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import numpy as np

from iris_desktop.store import Store
from iris_desktop.ui.runtime.jobs import with_store


def prepare(columns, jitter: bool, bin_width: float):
    """(ExploreData, Describer, statistics of all flowers, histogram bins) for `columns`:
    numpy work of a few hundred ms at 100,000 flowers, done here, not on the GUI thread."""
    from iris_desktop.ui.tabs.explore.data import ExploreData, make_bins
    from iris_desktop.ui.tabs.explore.scatter_matrix import DENSITY_CELLS
    from iris_desktop.ui.tabs.explore.scatter_panel import POINTS_LIMIT
    from iris_desktop.ui.tabs.explore.statistics import Describer

    data = ExploreData.build(columns, jitter)
    if len(data) > POINTS_LIMIT:  # the matrix will draw density images: their grids made here
        for pair in itertools.permutations(range(4), 2):
            data.density(pair, DENSITY_CELLS)
    describer = Describer(columns.X, columns.variety)
    bins = [make_bins(columns.X[:, j], columns.variety, tuple(data.ranges[j]), bin_width) for j in range(4)]
    return data, describer, describer.describe(), bins


@with_store
def batch_names(store: Store) -> dict[int, str]:
    """{import batch id: its file name} of every recorded batch."""
    from iris_desktop.store.imports import list_batches

    return {b.id: b.file_name for b in list_batches(store)}


@with_store
def plan_removal(store: Store, ids: list[int]):
    """What removing these flowers would do (a Removal); RemovalError if none is imported."""
    from iris_desktop.pipelines.removal import plan_flowers

    return plan_flowers(store, ids)


@with_store
def remove(store: Store, ids: list[int]):
    from iris_desktop.pipelines.removal import remove_flowers

    return remove_flowers(store, ids)


def write_csv(path: str, columns, rows: np.ndarray, batch_names: dict[int, str]) -> int:
    """Write the flowers at `rows` (of a FlowerColumns) to `path`, in that order; returns
    how many. Numbers keep the stored precision; empty cells for no batch or no day."""
    from iris_desktop.domain import FEATURE_NAMES, VARIETIES
    from iris_desktop.store.flowers import SOURCES

    rows = np.asarray(rows, dtype=np.intp)
    X = columns.X[rows]
    variety = np.array([v.value for v in VARIETIES])[columns.variety[rows]]
    source = np.array(SOURCES)[columns.source[rows]]
    batch_ids = columns.import_id[rows]
    known = np.array([batch_names.get(int(b), "") for b in np.unique(batch_ids)], dtype=object)
    batch = known[np.searchsorted(np.unique(batch_ids), batch_ids)] if len(rows) else np.empty(0, object)
    day = np.where(np.isnat(columns.day[rows]), "", columns.day[rows].astype(str))
    ids = columns.id[rows]
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", *FEATURE_NAMES, "variety", "source", "import_batch", "day"])
        writer.writerows(
            zip(
                ids.tolist(),
                *(np.round(X[:, j], 6).tolist() for j in range(X.shape[1])),
                variety.tolist(),
                source.tolist(),
                batch.tolist(),
                day.tolist(),
            )
        )
    return len(rows)
