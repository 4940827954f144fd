"""Work the window runs in a worker thread. Each job gets a Store connection of its own
(a Store belongs to one thread) and returns plain results. Pipelines are imported inside
the jobs: this module is imported before the first paint."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from iris_desktop.store import Store

# What the tabs need, imported off the GUI thread after the first paint. (pandas is a
# dependency for CSV work to come, but nothing on screen uses it yet: not loaded.)
HEAVY_MODULES = ("sklearn.neighbors", "joblib", "pyqtgraph")


def _with_store(job):
    """job(store, ...) becomes job(db_path, models_dir, ...) on its own connection;
    the signature (progress, should_cancel) stays visible to the worker."""
    @functools.wraps(job)
    def run(db, models, *args, **kwargs):
        with Store.open(db, models) as store:
            return job(store, *args, **kwargs)
    return run


@dataclass(frozen=True)
class StartupResult:
    summary: object  # CatchUpSummary
    model: object  # LoadedModel | None
    first_run: bool
    history_start: dt.date | None


def import_heavy_modules() -> None:
    import importlib

    for name in HEAVY_MODULES:
        importlib.import_module(name)


def startup(db, models, today: dt.date, progress=None) -> StartupResult:
    """Load the heavy modules, run first run or catch-up, load the active model."""
    report = progress or (lambda pct, text: None)
    report(2, "Loading scikit-learn and plotting…")
    import_heavy_modules()
    return _startup(db, models, today, report)


@_with_store
def _startup(store: Store, today: dt.date, report) -> StartupResult:
    from iris_desktop.pipelines import daily, inference, registry
    from iris_desktop.store import registry as model_rows

    fresh = not model_rows.list_models(store)
    if fresh:
        summary = inference.first_run(store, today, progress=lambda p, t: report(10 + p * 0.85, t))
    else:
        report(50, "Catching up missed days")
        summary = inference.catch_up(store, today)
    try:
        model = registry.load_active(store)
    except registry.ModelLoadError:
        model = None  # summary.model_error says why
    return StartupResult(summary, model, fresh, daily.history_start(store, today) if fresh else None)


@_with_store
def catch_up(store: Store, today: dt.date):
    from iris_desktop.pipelines.inference import catch_up as run

    return run(store, today)


@_with_store
def train(store: Store, today: dt.date, retrain_version: int | None = None,
          progress=None, should_cancel=None):
    """Train the default model (or retrain a version with its own settings), activate
    it, then predict the daily history with it."""
    from iris_desktop.pipelines.inference import catch_up as run
    from iris_desktop.pipelines.training import TrainingConfig, config_of, train as fit
    from iris_desktop.store.registry import get_model

    config = TrainingConfig() if retrain_version is None else config_of(get_model(store, retrain_version))
    record = fit(store, config, activate=True, progress=progress, should_cancel=should_cancel)
    run(store, today)
    return record


@_with_store
def backfill(store: Store) -> int:
    from iris_desktop.pipelines.backfill import backfill as run

    return run(store)


@_with_store
def import_csv(store: Store, path: str, again: bool = False):
    from iris_desktop.pipelines.backfill import import_csv as run

    return run(store, path, again=again)


@_with_store
def export_history(store: Store, path: str) -> int:
    from iris_desktop.pipelines.inference import export_history_csv

    return export_history_csv(store, path)


@_with_store
def backup(store: Store, path: str):
    from iris_desktop.store.database import backup as run

    return run(store, path)
