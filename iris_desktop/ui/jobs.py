"""Work the window runs in a worker thread. Each job opens its own Store connection
(a Store belongs to one thread) and returns plain results."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from iris_desktop.store import Store

HEAVY_MODULES = ("sklearn.neighbors", "pandas", "joblib", "pyqtgraph")


def import_heavy_modules() -> None:
    """Import what the tabs need, off the GUI thread, after the first paint."""
    import importlib

    for name in HEAVY_MODULES:
        importlib.import_module(name)


@dataclass(frozen=True)
class StartupResult:
    summary: object  # CatchUpSummary
    model: object  # LoadedModel | None
    first_run: bool
    history_start: dt.date | None


def startup(db: Path, models: Path, today: dt.date, progress=None) -> StartupResult:
    """Load the heavy modules, run first run or catch-up, load the active model."""
    report = progress or (lambda pct, text: None)
    report(2, "Loading scikit-learn and plotting…")
    import_heavy_modules()
    from iris_desktop.pipelines import daily, inference, registry
    from iris_desktop.store import registry as model_rows

    with Store.open(db, models) as store:
        fresh = not model_rows.list_models(store)
        if fresh:
            summary = inference.first_run(store, today, progress=lambda p, t: report(10 + p * 0.85, t))
        else:
            report(30, "Loading the active model")
            model = registry.load_model(store) if model_rows.active_version(store) is not None else None
            report(50, "Catching up missed days")
            summary = inference.catch_up(store, today, model)
        model = registry.load_model(store) if model_rows.active_version(store) is not None else None
        start = daily.history_start(store, today) if fresh else None
    return StartupResult(summary, model, fresh, start)


def catch_up(db: Path, models: Path, today: dt.date):
    from iris_desktop.pipelines.inference import catch_up as run

    with Store.open(db, models) as store:
        return run(store, today)


def train_default(db: Path, models: Path, today: dt.date, progress=None, should_cancel=None):
    """Train, register and activate the default model, then predict the daily history."""
    from iris_desktop.pipelines.inference import catch_up as run
    from iris_desktop.pipelines.training import TrainingConfig, train

    with Store.open(db, models) as store:
        record = train(store, TrainingConfig(), activate=True, progress=progress,
                       should_cancel=should_cancel)
        run(store, today)
        return record


def backfill(db: Path, models: Path) -> int:
    from iris_desktop.pipelines.backfill import backfill as run

    with Store.open(db, models) as store:
        return run(store)


def import_csv(db: Path, models: Path, path: str):
    from iris_desktop.pipelines.backfill import import_csv as run

    with Store.open(db, models) as store:
        return run(store, path)


def export_history(db: Path, models: Path, path: str) -> int:
    from iris_desktop.pipelines.inference import export_history_csv

    with Store.open(db, models) as store:
        return export_history_csv(store, path)


def backup(db: Path, models: Path, path: str) -> Path:
    from iris_desktop.store.database import backup as run

    with Store.open(db, models) as store:
        return run(store, path)
