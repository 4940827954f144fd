"""Work the app runs in a worker thread. Each job gets a Store connection of its own
(a Store belongs to one thread) and returns plain results. Pipelines are imported inside
the jobs: this module is imported before the first paint."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iris_desktop.store import Store
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.worker import tell

if TYPE_CHECKING:  # for annotations only: pipelines load after the first paint
    from iris_desktop.pipelines.inference import CatchUpSummary
    from iris_desktop.pipelines.operations import RestoreDone
    from iris_desktop.pipelines.registry import LoadedModel
    from iris_desktop.pipelines.training import TrainingConfig
    from iris_desktop.store.archives import Backup
    from iris_desktop.store.flowers import FeatureStats, FlowerColumns
    from iris_desktop.store.registry import ModelRecord
    from iris_desktop.store.summary import StoreSummary

    def QT_TR_NOOP(message: str, /) -> str: ...  # PySide6's stub returns `object`

else:
    from PySide6.QtCore import QT_TR_NOOP

# What the tabs need, imported off the GUI thread after the first paint. (pandas is
# loaded when a CSV is read or statistics are shown, not before.)
HEAVY_MODULES = ("sklearn.neighbors", "pyqtgraph")


# Told to the status bar when a job's write has waited WAIT_NOTICE_S for another process's lock
# (translated when told: `lock_notice()`).
LOCK_NOTICE = QT_TR_NOOP("Waiting for another Iris Desktop process to finish writing…")


def lock_notice() -> None:
    tell(tr(LOCK_NOTICE))


def with_store(job):
    """job(store, ...) becomes job(db_path, models_dir, ...) on its own connection;
    the signature (progress, should_cancel) stays visible to the worker."""

    @functools.wraps(job)
    def run(db, models, *args, **kwargs):
        from iris_desktop.pipelines.runs import triggered

        with triggered("app"), Store.open(db, models) as store:  # runs it records are the app's
            store.on_wait = lock_notice
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
    records: tuple[ModelRecord, ...] | None = None  # the registry's rows; None: unchanged
    runs: tuple[tuple[int, str], ...] = ()  # (id, outcome) of the newest runs: changes when one starts or ends


@dataclass(frozen=True)
class StartupResult:
    summary: CatchUpSummary
    snapshot: Snapshot
    first_run: bool
    waiting_days: int = 0  # days not caught up: more than ASK_BEFORE_DAYS, the user is asked first
    last_day: dt.date | None = None  # the last stored day, when days wait
    notes: tuple[str, ...] = ()  # what the start-up did besides (model files converted...)
    recovery: str | None = None  # a recovery the user has not acknowledged (store/recovery_notes.py)


ASK_BEFORE_DAYS = 365  # a catch-up longer than this (the app was not used for a year) asks first


def import_heavy_modules() -> None:
    import importlib

    from iris_desktop.pipelines.model_format import skops_io

    for name in HEAVY_MODULES:
        importlib.import_module(name)
    skops_io()  # model files: skops, imported its own way


def freeze_garbage() -> None:
    """Take every object alive now (modules, classes, functions: about a million once
    scikit-learn and Qt are loaded) out of the garbage collector's sight: otherwise each
    full collection walks them all, 50-170 ms on the GUI thread (main_thread_gc.py).
    Called on the GUI thread, after start-up."""
    import gc

    gc.collect()
    gc.freeze()


def startup(db, models, today: dt.date, progress=None) -> StartupResult:
    """Open the store (checked, and migrated after a backup if it is older), load the
    heavy modules, run first run or catch-up (unless it is longer than ASK_BEFORE_DAYS),
    make the day's backup, then read the snapshot: all off the GUI thread."""
    from iris_desktop.pipelines.runs import triggered
    from iris_desktop.store import SCHEMA_VERSION
    from iris_desktop.store.recovery import schema_version_of

    report = progress or (lambda pct, text: None)
    old = schema_version_of(Path(db))
    report(
        1,
        tr("Checking the database…")
        if not old or old >= SCHEMA_VERSION
        else tr("Updating the database (schema {old} to {new}; a backup is made first)…").format(
            old=old, new=SCHEMA_VERSION
        ),
    )
    with triggered("app"), Store.open(db, models) as store:  # the checks and migrations, here in the worker
        store.on_wait = lock_notice
        report(5, tr("Loading scikit-learn and plotting…"))
        import_heavy_modules()
        return _startup(store, today, report)


def _startup(store: Store, today: dt.date, report) -> StartupResult:
    from iris_desktop.pipelines import operations
    from iris_desktop.store.recovery_notes import read_note

    started = operations.start(
        store, today, ask_before_days=ASK_BEFORE_DAYS, progress=lambda p, text: report(10 + p * 0.85, text)
    )
    return StartupResult(
        started.summary,
        _snapshot(store, None, None),
        started.first_run,
        started.waiting_days,
        started.last_day,
        started.notes,
        note.said() if (note := read_note(store)) else None,
    )


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
    from iris_desktop.store.registry import list_models
    from iris_desktop.store.summary import read_summary

    summary = read_summary(store)
    records = None
    if previous is None or (previous.models, previous.active_version) != (summary.models, summary.active_version):
        records = tuple(list_models(store))  # a few rows: the Active model menu, without SQL there
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
    return Snapshot(summary, flowers, labelled, model, error, records, runs_mark(store))


RUNS_MARKED = 16  # runs in the mark: one that ends while fewer than this started after it is seen


def runs_mark(store: Store) -> tuple[tuple[int, str], ...]:
    """(id, outcome) of the newest runs: a run started or ended anywhere (this app, the
    CLI, the scheduler) changes it. A few rows read on the rowid, ~20 µs."""
    from iris_desktop.store import runs as run_table

    return tuple((run.id, run.outcome) for run in run_table.recent(store, RUNS_MARKED))


@with_store
def catch_up(store: Store, today: dt.date) -> CatchUpSummary:
    from iris_desktop.pipelines import operations

    return operations.catch_up(store, today)


@with_store
def activate(store: Store, version: int) -> tuple[LoadedModel, int]:
    """operations.activate: verify, activate, predict every stored day with it."""
    from iris_desktop.pipelines import operations

    return operations.activate(store, version)


@with_store
def train(
    store: Store,
    config: TrainingConfig | None = None,
    retrain_version: int | None = None,
    activate: bool = True,
    progress=None,
    should_cancel=None,
) -> tuple[ModelRecord, LoadedModel | None]:
    """operations.train: returns (record, model) (model None when not activated)."""
    from iris_desktop.pipelines import operations

    trained = operations.train(
        store,
        config,
        retrain_version=retrain_version,
        activate=activate,
        progress=progress,
        should_cancel=should_cancel,
    )
    return trained.record, trained.model


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
def import_previewed(store: Store, seen, options, path: str, progress=None, should_cancel=None):
    """imports.import_preview, its rows written told as a percentage: the status bar
    shows it with a Cancel button (a cancelled import writes nothing)."""
    from iris_desktop.pipelines.imports import import_preview

    def written(done: int, total: int) -> None:
        if progress is not None:
            progress(100 * done // max(total, 1), tr("Importing {rows}…").format(rows=tr("%Ln row(s)", None, total)))

    return import_preview(store, seen, options, path, progress=written, should_cancel=should_cancel)


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
    from iris_desktop.pipelines.operations import backup as back_up

    return back_up(store, path)


def backup_list(db, models):
    """The backups in the backups folder, newest first (their manifests are read)."""
    from iris_desktop.store.backups import list_backups

    return list_backups(Path(db))


def move_aside(db, models) -> Path:
    """Move the damaged database (and its WAL) aside; where it now lies."""
    from iris_desktop.store.recovery import quarantine

    return quarantine(Path(db))


def restore_newest(db, models, problem: str, moved: Path | None = None):
    """Restore the newest sound backup because the store could not be used (`problem`;
    the damaged file moved to `moved`): a restore run, and a note in the restored store
    until the user has seen it. BackupError if none can be restored."""
    from iris_desktop.pipelines.recovery import restore_newest_after
    from iris_desktop.pipelines.runs import triggered

    with triggered("app"):
        restored, _note = restore_newest_after(problem, Path(db), Path(models), moved)
    return restored


@with_store
def acknowledge_recovery(store: Store) -> None:
    """The user has seen the recovery note: it is no longer shown (nor said by commands)."""
    from iris_desktop.store.recovery_notes import acknowledge

    acknowledge(store)


def inspect_backup(db, models, path: str) -> tuple[Backup | None, bool]:
    """What the backup at `path` is (None: a bare database file) and whether another
    installation wrote it; BackupError if it is not a backup."""
    from iris_desktop.store.backups import foreign
    from iris_desktop.store.backups import inspect_backup as inspect

    backup = inspect(path)
    return backup, foreign(backup, Path(db))


def restore(db, models, path: str) -> RestoreDone:
    """Replace the data with the backup at `path` (the current data is backed up first);
    its old-format models are trained again, never loaded."""
    from iris_desktop.pipelines.operations import restore as run
    from iris_desktop.pipelines.runs import triggered

    with triggered("app"):
        return run(path, Path(db), Path(models))
