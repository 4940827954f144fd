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


ChangesAlong = tuple[tuple[dt.date, str], ...]  # (first day, generator) where it changed
KEPT_VIEWS = 3  # the by-model views kept with the data (the shown one and the last others seen)


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
    generator_changes: ChangesAlong = ()  # of the view: (first day, generator) where it changed
    first_changes: ChangesAlong = ()  # the same along `first`
    # By-model views read from the same store contents ((version, view) each, the last
    # shown first): a change of view to one of them reads none of its rows again.
    views: tuple[tuple[int, HistoryColumns], ...] = ()


@with_store
def load_history(
    store: Store, version: int | None, previous: HistoryData | None = None, today: dt.date | None = None
) -> HistoryData:
    """The history in the chosen view, up to `today`. Given the data shown now (of any
    view): when the store holds the predictions it held then, they are not read again
    (only a by-model view not read yet is); when all that changed since is new days at
    the end (a daily catch-up), only those days are read (and the registry is kept: its
    versions are the same). The generators are read every time."""
    from iris_desktop.store.registry import list_models
    from iris_desktop.store.summary import read_summary

    today = today or dt.date.today()
    with store.read():  # one snapshot: the views, the versions and the summary agree
        summary = read_summary(store)
        generators = _generators(store)
        appended = None
        if previous is not None and _unchanged(previous, summary, today):
            first, views, records = previous.first, previous.views, previous.records
        else:
            since = _appended_since(store, previous, summary)
            if since is not None and previous is not None:  # (`since` implies `previous`)
                first, views = _extended(store, previous, since, today, version)
                records = previous.records
                if previous.version == version and (version is None or views):
                    appended = len(views[0][1] if views else first) - len(previous.view)
            else:
                first, views = _monitoring().history_columns(store, end=today), ()
                records = tuple(list_models(store))
        base = HistoryData(
            first,
            first,
            None,
            records,
            summary,
            today=today,
            first_changes=_changes(first, generators),
            views=views,
        )
        return _in_view(store, base, version, appended, generators)


def _monitoring():
    from iris_desktop.pipelines import monitoring

    return monitoring


def _unchanged(previous: HistoryData, summary: StoreSummary, today: dt.date) -> bool:
    """Whether the store holds the predictions it held when `previous` was read (as told
    by its summary, which every change of flowers, predictions or models moves) and the
    days end on the same day."""
    return previous.summary == summary and previous.today == today and previous.error is None


def _generators(store: Store):
    """What generator_changes reads: the daily flowers' generator ids and the generators."""
    from iris_desktop.pipelines.daily import recorded_generators
    from iris_desktop.store.generators import daily_generator_ids

    return daily_generator_ids(store), recorded_generators(store)


def _changes(history: HistoryColumns, generators) -> ChangesAlong:
    from iris_desktop.pipelines.generator_changes import changes_along

    return tuple(changes_along(history, *generators))


def _extended(
    store: Store, previous: HistoryData, since: dt.date, today: dt.date, version: int | None
) -> tuple[HistoryColumns, tuple[tuple[int, HistoryColumns], ...]]:
    """`previous`'s first days with the days from `since` on added, and its view of
    `version` if it showed it (the other views are left: read again if chosen)."""
    from iris_desktop.pipelines.registry import ModelLoadError

    monitoring = _monitoring()
    first = monitoring.concat(previous.first, monitoring.history_columns(store, start=since, end=today))
    shown = dict(previous.views).get(version) if version is not None and previous.version == version else None
    if shown is None or version is None:
        return first, ()
    try:
        new = monitoring.version_history(store, version, start=since, end=today)
    except ModelLoadError:  # (read again, and said)
        return first, ()
    return first, ((version, monitoring.concat(shown, new)),)


def _in_view(store: Store, base: HistoryData, version: int | None, appended: int | None, generators) -> HistoryData:
    """`base` (its first days read, and its views) shown in `version`'s view: a by-model
    view not among its views is read now."""
    from dataclasses import replace

    from iris_desktop.pipelines.registry import ModelLoadError

    if version is None:
        return replace(base, appended=appended, generator_changes=base.first_changes)
    kept = dict(base.views)
    view = kept.pop(version, None)
    if view is None:
        try:
            view = _monitoring().version_history(store, version, end=base.today)
        except ModelLoadError as exc:  # (said in words by the tab)
            return replace(base, generator_changes=base.first_changes, error=str(exc), error_version=version)
    changes = _changes(view, generators)
    return replace(
        base,
        view=view,
        version=version,
        appended=appended,
        generator_changes=changes,
        views=((version, view), *kept.items())[:KEPT_VIEWS],
    )


def _appended_since(store: Store, previous: HistoryData | None, summary: StoreSummary) -> dt.date | None:
    """The first new day, if the only change since `previous` is daily flowers added
    after its last day with predictions of those days only; else None (read it all)."""
    from iris_desktop.store.flowers import SOURCES
    from iris_desktop.store.predictions import daily_prediction_count

    if previous is None or previous.summary is None:
        return None
    before = previous.summary
    if (
        previous.error
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
