"""The monitor's history as CSV: what File ▸ Export history and `iris-desktop history
--csv` write (one row per shown day, HISTORY_COLUMNS), and reading such a file back.
Which predictions a window shows is monitoring.py's business."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
from typing import TextIO

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.errors import InvalidValue
from iris_desktop.pipelines.monitoring import HistoryColumns, history_columns, last_days, version_history
from iris_desktop.store import Store
from iris_desktop.store.predictions import PredictionRow

HISTORY_COLUMNS = [
    "day",
    "sepal_length",
    "sepal_width",
    "petal_length",
    "petal_width",
    "actual",
    "predicted",
    "correct",
    "model_version",
    "p_setosa",
    "p_versicolor",
    "p_virginica",
]


def history_csv_rows(history: HistoryColumns) -> list[list[str | float]]:
    """Rows matching HISTORY_COLUMNS (numbers as plain Python values)."""
    names = [v.value for v in VARIETIES]
    days = history.day.astype(str).tolist()
    X, proba = history.X.tolist(), np.round(history.proba, 4).tolist()
    actual, predicted = history.actual.tolist(), history.predicted.tolist()
    return [
        [d, *x, names[a], names[p], "yes" if a == p else "no", v, *pr]
        for d, x, a, p, v, pr in zip(days, X, actual, predicted, history.version.tolist(), proba)
    ]


def write_history_csv(history: HistoryColumns, path: str | os.PathLike[str] | TextIO) -> int:
    """Write `history` to `path` (a file name, or an open text file); returns the rows.
    A file gets the CSV standard's CRLF line ends; an open stream gets LF, which it
    translates itself (stdout on Windows is text mode: CRLF there would become CR CR LF,
    a blank row after every row in Excel and pandas)."""
    rows = history_csv_rows(history)
    with contextlib.ExitStack() as stack:
        if isinstance(path, (str, os.PathLike)):
            f: TextIO = stack.enter_context(open(path, "w", newline="", encoding="utf-8"))
            writer = csv.writer(f)
        else:
            writer = csv.writer(path, lineterminator="\n")
        writer.writerow(HISTORY_COLUMNS)
        writer.writerows(rows)
    return len(rows)


def read_history_csv(path: str | os.PathLike[str]) -> HistoryColumns:
    """A history CSV written by `write_history_csv` read back (flower ids are not in it: 0)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != HISTORY_COLUMNS:
            raise InvalidValue(f"{path} is not a history export (columns {header})")
        rows = list(reader)
    index = {v.value: i for i, v in enumerate(VARIETIES)}
    n = len(rows)
    table = np.array(rows, dtype=object).reshape(n, len(HISTORY_COLUMNS))
    return HistoryColumns(
        np.zeros(n, np.int64),
        table[:, 0].astype("datetime64[D]"),
        table[:, 1:5].astype(float),
        np.array([index[v] for v in table[:, 5]], dtype=np.int8),
        np.array([index[v] for v in table[:, 6]], dtype=np.int8),
        table[:, 9:12].astype(float),
        table[:, 8].astype(np.int64),
        np.ones(n, dtype=bool),
    )


def export_history_csv(
    store: Store,
    path: str | os.PathLike[str] | TextIO,
    days: int | None = None,
    model_version: int | None = None,
    today: dt.date | None = None,
) -> int:
    """Write the history (as predicted at the time, or by `model_version`; the last
    `days` days up to `today`, or all) as CSV; returns the number of rows. The CLI's
    `history --csv` and File > Export history both come here: same default window."""
    today = today or dt.date.today()
    history = (
        version_history(store, model_version, end=today)
        if model_version is not None
        else history_columns(store, end=today)
    )
    return write_history_csv(last_days(history, days, today), path)


def history_table(rows: list[PredictionRow]) -> list[list[str | float]]:
    """Rows for a CSV export or a table view, matching HISTORY_COLUMNS."""
    return [
        [
            r.day.isoformat(),
            *r.flower.measurements,
            r.actual.value,
            r.predicted.value,
            "yes" if r.correct else "no",
            r.model_version,
            *(round(p, 4) for p in r.probabilities),
        ]
        for r in rows
    ]
