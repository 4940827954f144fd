"""Work the app runs in a worker thread. Each job gets a Store connection of its own
(a Store belongs to one thread) and returns plain results. Pipelines are imported inside
the jobs: this module is imported before the first paint."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from iris_desktop.store import Store
from iris_desktop.ui.runtime.worker import tell

if TYPE_CHECKING:  # for annotations only: pipelines load after the first paint
    from iris_desktop.pipelines.inference import CatchUpSummary
    from iris_desktop.pipelines.registry import LoadedModel
    from iris_desktop.store.flowers import FeatureStats, FlowerColumns
    from iris_desktop.store.summary import StoreSummary

# What the tabs need, imported off the GUI thread after the first paint. (pandas is
# loaded when a CSV is read or statistics are shown, not before.)
HEAVY_MODULES = ("sklearn.neighbors", "joblib", "pyqtgraph")


# Told to the status bar when a job's write has waited WAIT_NOTICE_S for another process's lock.
LOCK_NOTICE = "Waiting for another Iris Desktop process to finish writing…"


def with_store(job):
    """job(store, ...) becomes job(db_path, models_dir, ...) on its own connection;
    the signature (progress, should_cancel) stays visible to the worker."""

    @functools.wraps(job)
    def run(db, models, *args, **kwargs):
        with Store.open(db, models) as store:
            store.on_wait = lambda: tell(LOCK_NOTICE)
            return job(store, *args, **kwargs)

    return run


@dataclass(frozen=True)
class Snapshot:
    """What the window shows of the store, read in one go off the GUI thread."""

    summary: StoreSummary
    flowers: FlowerColumns | None  # every flower; None: unchanged since the last one
    labelled: FeatureStats | None  # of the backfilled and imported ones (None: unchanged)
    model: LoadedModel | None  # the active one (the one passed in if unchanged)
    model_error: str | None = None  # why the active model could not be loaded


@dataclass(frozen=True)
class StartupResult:
    summary: CatchUpSummary
    snapshot: Snapshot
    first_run: bool
    waiting_days: int = 0  # days not caught up: more than ASK_BEFORE_DAYS, the user is asked first
    last_day: dt.date | None = None  # the last stored day, when days wait


ASK_BEFORE_DAYS = 365  # a catch-up longer than this (the app was not used for a year) asks first


def import_heavy_modules() -> None:
    import importlib

    for name in HEAVY_MODULES:
        importlib.import_module(name)


def freeze_garbage() -> None:
    """Take every object alive now (modules, classes, functions: about a million once
    scikit-learn and Qt are loaded) out of the garbage collector's sight: otherwise each
    full collection walks them all, 50-170 ms on the GUI thread (main_thread_gc.py).
    Called on the GUI thread, after start-up."""
    import gc

    gc.collect()
    gc.freeze()


def startup(db, models, today: dt.date, progress=None) -> StartupResult:
    """Load the heavy modules, run first run or catch-up (unless it is longer than
    ASK_BEFORE_DAYS), make the day's backup, then read the snapshot."""
    report = progress or (lambda pct, text: None)
    report(2, "Loading scikit-learn and plotting…")
    import_heavy_modules()
    return _startup(db, models, today, report)


@with_store
def _startup(store: Store, today: dt.date, report) -> StartupResult:
    from iris_desktop.pipelines import inference
    from iris_desktop.store.backups import daily_backup
    from iris_desktop.store.flowers import last_daily_day

    fresh = inference.is_first_run(store)
    last = last_daily_day(store)
    if fresh:
        summary = inference.first_run(store, today, progress=lambda p, t: report(10 + p * 0.85, t))
    elif last is not None and (today - last).days > ASK_BEFORE_DAYS:
        return StartupResult(
            inference.CatchUpSummary(0, 0, None, None, None),
            _snapshot(store, None, None),
            False,
            (today - last).days,
            last,
        )
    else:
        report(50, "Catching up missed days")
        summary = inference.catch_up(store, today)
    report(97, "Backing up")
    daily_backup(store)
    return StartupResult(summary, _snapshot(store, None, None), fresh)


@with_store
def remove_future_days(store: Store, today: dt.date) -> int:
    from iris_desktop.pipelines.removal import remove_future_days as run

    return run(store, today)


@with_store
def snapshot(store: Store, previous, model) -> Snapshot:
    """A fresh Snapshot; flowers and the model are re-read only if they changed since
    `previous` (a StoreSummary) and `model` (the LoadedModel shown now)."""
    return _snapshot(store, previous, model)


def _snapshot(store: Store, previous, model) -> Snapshot:
    from iris_desktop.pipelines import registry
    from iris_desktop.store.flowers import SOURCES, feature_stats, flower_columns
    from iris_desktop.store.summary import read_summary

    summary = read_summary(store)
    flowers = labelled = None
    if summary.flowers_differ(previous):
        flowers = flower_columns(store)
        daily = SOURCES.index("daily")
        labelled = feature_stats(flowers.X[flowers.source != daily], flowers.variety[flowers.source != daily])
    error = None
    if summary.active_version is None:
        model = None
    elif model is None or (model.version, model.record.sha256) != (summary.active_version, summary.active_sha256):
        try:
            model = registry.load_model(store, summary.active_version)
        except registry.ModelLoadError as exc:
            model, error = None, str(exc)
    return Snapshot(summary, flowers, labelled, model, error)


@with_store
def catch_up(store: Store, today: dt.date):
    return _catch_up(store, today)


def _catch_up(store: Store, today: dt.date, model=None):
    """catch_up, and once more if another model was activated meanwhile (an activation
    predicts the days it sees; days this run added after it looked would be missed)."""
    from iris_desktop.pipelines.inference import catch_up as run
    from iris_desktop.store.registry import active_version

    summary = run(store, today, model=model)
    active = active_version(store)
    if summary.model_version is not None and active not in (None, summary.model_version):
        again = run(store, today)
        summary = dataclasses.replace(
            summary,
            predictions_made=summary.predictions_made + again.predictions_made,
            model_version=again.model_version,
        )
    return summary


@with_store
def activate(store: Store, version: int, today: dt.date):
    """Verify and load `version`, make it active, and predict the daily flowers it has
    not seen: one job, so a catch-up running meanwhile cannot miss it."""
    from iris_desktop.pipelines import registry
    from iris_desktop.store.registry import set_active

    model = registry.load_model(store, version)
    set_active(store, version)
    return model, _catch_up(store, today, model=model)


@with_store
def train(
    store: Store,
    today: dt.date,
    config=None,
    retrain_version: int | None = None,
    activate: bool = True,
    progress=None,
    should_cancel=None,
):
    """Train `config` (default: the default model), or retrain a version with its own
    settings; unless `activate` is False, activate it and predict the daily history
    with it. Returns (record, model) (model None when not activated)."""
    from iris_desktop.pipelines import registry
    from iris_desktop.pipelines.training import TrainingConfig, config_of
    from iris_desktop.pipelines.training import train as fit
    from iris_desktop.store.registry import UnknownModelError, get_model

    if retrain_version is not None:
        retrained = get_model(store, retrain_version)
        if retrained is None:  # deleted meanwhile, by another window or the CLI
            raise UnknownModelError(f"there is no model version {retrain_version}")
        config = config_of(retrained)
    record = fit(store, config or TrainingConfig(), activate=activate, progress=progress, should_cancel=should_cancel)
    if not activate:
        return record, None
    model = registry.load_model(store, record.version)
    _catch_up(store, today, model=model)
    return record, model


@with_store
def backfill(store: Store) -> int:
    from iris_desktop.pipelines.backfill import backfill as run

    return run(store)


@with_store
def preview_import(store: Store, path: str):
    """Read `path` once and check it under both unit choices: (preview, {mm?: Checks})."""
    from iris_desktop.pipelines.imports import ImportOptions, checks, preview

    seen = preview(store, path)
    as_is = checks(seen, ImportOptions())
    divided = (
        checks(seen, ImportOptions(millimetre_columns=seen.suggested_millimetres))
        if seen.suggested_millimetres
        else as_is
    )
    return seen, {False: as_is, True: divided}


@with_store
def import_previewed(store: Store, seen, options, path: str):
    from iris_desktop.pipelines.imports import import_preview

    return import_preview(store, seen, options, path)


@with_store
def remove_import(store: Store, batch: int):
    from iris_desktop.pipelines.removal import remove_batch

    return remove_batch(store, batch)


@with_store
def import_batches(store: Store):
    """Every import batch with what removing it would do: [(batch, Removal plan)]."""
    from iris_desktop.pipelines.removal import plan_batch
    from iris_desktop.store.imports import list_batches

    return [(batch, plan_batch(store, batch.id)) for batch in list_batches(store)]


@with_store
def backup(store: Store, path: str):
    from iris_desktop.store.backups import write_archive

    return write_archive(store, path)


def backup_list(db, models):
    """The backups in the backups folder, newest first (their manifests are read)."""
    from pathlib import Path

    from iris_desktop.store.backups import list_backups

    return list_backups(Path(db))


def restore(db, models, path: str):
    """Replace the data with the backup at `path` (the current data is backed up first)."""
    from pathlib import Path

    from iris_desktop.store.backups import restore as run

    return run(path, Path(db), Path(models))
