"""Backfill: store the bundled data set once, as the original lab's first notebook did.
(Importing the user's own files is imports.py.)"""

from __future__ import annotations

import os

from iris_desktop import paths
from iris_desktop.domain import VARIETIES, Flower, plural
from iris_desktop.pipelines import csv_reader

# The import pipeline's names, for callers that knew them here (listed in __all__).
from iris_desktop.pipelines.csv_reader import normalise_header
from iris_desktop.pipelines.csv_text import CsvImportError
from iris_desktop.pipelines.imports import AlreadyImportedError, import_csv
from iris_desktop.pipelines.runs import recorded
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table


def read_csv_file(path: str | os.PathLike[str]) -> tuple[list[Flower], tuple[str, ...]]:
    """The flowers of a (small) CSV file as Flower values, and the columns ignored."""
    parsed = csv_reader.read_file(path)
    flowers = [Flower.from_measurements(x, VARIETIES[v]) for x, v in zip(parsed.X.tolist(), parsed.y.tolist())]
    return flowers, parsed.ignored_columns


def backfill(store: Store) -> int:
    """Write the bundled 150-row data set once; returns rows added (0 if already there).
    Recorded as a run (nothing-to-do when the data set is stored already)."""
    with recorded(store, "backfill") as run:
        with store.transaction():
            if flower_table.count_by_source(store)["backfill"]:
                run.nothing_to_do("the bundled data set is stored already")
                return 0
            parsed = csv_reader.read_file(paths.resource("iris.csv"))
            names = [VARIETIES[v].value for v in parsed.y.tolist()]
            added = flower_table.add_rows(store, parsed.X, names, "backfill")
        run.rows_in, run.rows_out = len(names), added
        run.message = f"stored {plural(added, 'flower')} of the bundled data set"
    return added


__all__ = [
    "AlreadyImportedError",
    "CsvImportError",
    "backfill",
    "import_csv",
    "normalise_header",
    "read_csv_file",
]
