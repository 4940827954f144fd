"""The History tab's work, run in a worker: read the history as columns, compare the
daily flowers with the model's training flowers, write a CSV. Each job gets its own
Store (see jobs.with_store) and returns plain numpy-backed results for the GUI to draw."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from iris_desktop.store import Store
from iris_desktop.ui.runtime.jobs import with_store

if TYPE_CHECKING:  # the modules themselves are imported in the worker, when first needed
    from iris_desktop.pipelines.drift import DriftReport
    from iris_desktop.pipelines.monitoring import HistoryColumns
    from iris_desktop.store.flowers import FlowerColumns
    from iris_desktop.store.registry import ModelRecord
    from iris_desktop.store.summary import StoreSummary


@dataclass(frozen=True)
class HistoryData:
    """Everything the tab draws, read in one go."""

    first: HistoryColumns  # each day's first prediction (as predicted at the time)
    view: HistoryColumns  # the chosen view (`first` itself when version is None)
    version: int | None  # the view: None = as predicted at the time, else by model vN
    records: tuple[ModelRecord, ...]  # every registered version, oldest first
    summary: StoreSummary | None = None  # read with them
    error: str | None = None  # why the chosen version could not be shown (view falls back to first)
    error_version: int | None = None  # the version that could not be shown
    appended: int | None = None  # rows added at the end of the previous data's view (None: new data)
    today: dt.date | None = None  # days after it are left out (stored while the clock was ahead)
    generator_changes: tuple[tuple[dt.date, str], ...] = ()  # (first day, generator) where it changed


@with_store
def load_history(
    store: Store, version: int | None, previous: HistoryData | None = None, today: dt.date | None = None
) -> HistoryData:
    """The history in the chosen view, up to `today`. Given the data shown now, and when
    all that changed since is new days at the end (a daily catch-up), only those days are read."""
    from iris_desktop.pipelines import monitoring
    from iris_desktop.pipelines.generator_changes import generator_changes
    from iris_desktop.pipelines.registry import ModelLoadError
    from iris_desktop.store.registry import list_models
    from iris_desktop.store.summary import read_summary

    today = today or dt.date.today()
    with store.read():  # one snapshot: the views, the versions and the summary agree
        summary = read_summary(store)
        since = _appended_since(store, previous, version, summary)
        if since is not None and previous is not None:  # (`since` implies `previous`)
            first = monitoring.history_columns(store, start=since, end=today)
            view = first if version is None else monitoring.version_history(store, version, start=since, end=today)
            whole = monitoring.concat(previous.view, view)
            return HistoryData(
                monitoring.concat(previous.first, first),
                whole,
                version,
                previous.records,
                summary,
                appended=len(view),
                today=today,
                generator_changes=tuple(generator_changes(store, whole)),
            )
        first = monitoring.history_columns(store, end=today)
        records = tuple(list_models(store))
        changes = tuple(generator_changes(store, first))
        if version is None:
            return HistoryData(first, first, None, records, summary, today=today, generator_changes=changes)
        try:
            view = monitoring.version_history(store, version, end=today)
        except ModelLoadError as exc:  # (said in words by the tab)
            return HistoryData(
                first,
                first,
                None,
                records,
                summary,
                str(exc),
                error_version=version,
                today=today,
                generator_changes=changes,
            )
        changes = tuple(generator_changes(store, view))
    return HistoryData(first, view, version, records, summary, today=today, generator_changes=changes)


def _appended_since(
    store: Store, previous: HistoryData | None, version: int | None, summary: StoreSummary
) -> dt.date | None:
    """The first new day, if the only change since `previous` is daily flowers added
    after its last day with predictions of those days only; else None (read it all)."""
    from iris_desktop.store.flowers import SOURCES
    from iris_desktop.store.predictions import daily_prediction_count

    if previous is None or previous.summary is None:
        return None
    before = previous.summary
    if (
        previous.error
        or previous.version != version
        or before.last_daily_day is None
        or previous.today is None  # (never: load_history always sets it)
        or before.last_daily_day > previous.today  # days were left out as after today
        or summary.last_daily_day is None
        or summary.last_daily_day <= before.last_daily_day
        or (summary.models, summary.active_version, summary.active_sha256)
        != (before.models, before.active_version, before.active_sha256)
    ):
        return None
    daily = SOURCES.index("daily")
    new_days = (summary.last_daily_day - before.last_daily_day).days
    others_same = all(a == b for i, (a, b) in enumerate(zip(summary.flowers, before.flowers)) if i != daily)
    if not others_same or summary.flowers[daily] - before.flowers[daily] != new_days:
        return None
    since = before.last_daily_day + dt.timedelta(days=1)
    if summary.predictions - before.predictions != daily_prediction_count(store, since):
        return None  # an older day got a prediction too
    return since


def drift_report(
    reference_X: np.ndarray, reference_y: np.ndarray, flowers: FlowerColumns, days: int | None, today: dt.date
) -> tuple[DriftReport, np.ndarray]:
    """The drift report of the daily flowers (from `flowers`, a FlowerColumns of every
    stored flower) of the last `days` days up to `today` (None: all) against the
    reference (training) flowers; returns (report, the daily flowers compared)."""
    from iris_desktop.pipelines import drift
    from iris_desktop.store.flowers import SOURCES

    keep = flowers.source == SOURCES.index("daily")
    if days is not None:
        keep &= flowers.day >= np.datetime64(today - dt.timedelta(days=days - 1), "D")
    current = flowers.subset(keep)
    return drift.compare(reference_X, reference_y, current.X, current.variety), current.X


def export_csv(history: HistoryColumns, path: str) -> int:
    """Write the rows shown (a HistoryColumns) as a history CSV; returns the row count."""
    from iris_desktop.pipelines.history_csv import write_history_csv

    return write_history_csv(history, path)


@with_store
def export_history(store: Store, path: str, days: int | None, today: dt.date) -> int:
    """File > Export history: the same rows and window as `iris-desktop history --csv`."""
    from iris_desktop.pipelines.history_csv import export_history_csv

    return export_history_csv(store, path, days=days, today=today)
