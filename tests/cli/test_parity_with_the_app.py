"""One core, one truth: the same sequence of operations run through the command line
and through the app's jobs leaves the same tables: flowers, models, predictions,
import batches, the active model. (Times and file names aside.)"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from iris_desktop import paths
from iris_desktop.cli import main
from iris_desktop.pipelines.imports import ImportOptions
from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.store import Store
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.tabs.train import jobs as train_jobs
from tests.conftest import TODAY

SEED = "20261204"
LATER = TODAY + dt.timedelta(days=3)
CSV = "sepal_length,sepal_width,petal_length,petal_width,variety\n5.0,3.3,1.5,0.3,setosa\n6.1,2.9,4.4,1.3,versicolor\n"
# What may differ between two runs of the same operations: when, and what files are called.
TIMES = {"created_at", "imported_at", "predicted_at", "artifact"}


def _new_store(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    db, models = folder / paths.DB_NAME, folder / "models"
    with Store.open(db, models) as store:
        store.set_meta("installation_seed", SEED)
    return db, models


def _by_cli(folder: Path, csv: Path) -> None:
    def cli(*args: str) -> None:
        assert main(["--data-dir", str(folder), *args]) == 0, args

    cli("backfill")
    cli("import", str(csv))
    cli("catch-up", "--today", TODAY.isoformat(), "--history-days", "10")
    cli("train", "--algorithm", "tree")
    cli("activate", "1")
    cli("delete", "2", "--yes")
    cli("catch-up", "--today", LATER.isoformat())
    cli("retrain", "1", "--no-activate")


def _by_app_jobs(db: Path, models: Path, csv: Path) -> None:
    jobs.backfill(db, models)
    seen, _checks = jobs.preview_import(db, models, str(csv))
    jobs.import_previewed(db, models, seen, ImportOptions(), str(csv))
    with Store.open(db, models) as store:  # what --history-days does before the first run
        from iris_desktop.pipelines.daily_calendar import set_history_days

        set_history_days(store, 10)
    jobs.startup(db, models, TODAY)
    jobs.train(db, models, TrainingConfig(algorithm="tree"))
    jobs.activate(db, models, 1)
    train_jobs.delete_version(db, models, 2)
    jobs.catch_up(db, models, LATER)
    jobs.train(db, models, retrain_version=1, activate=False)


def _tables(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        tables = {}
        for name in ("flowers", "imports", "models", "model_aliases", "predictions", "generators"):
            rows = []
            for row in conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2"):
                values = {k: row[k] for k in row.keys() if k not in TIMES}  # noqa: SIM118 (a Row iterates values)
                rows.append(tuple(sorted(values.items())))
            tables[name] = rows
        return tables
    finally:
        conn.close()


def test_the_cli_and_the_app_leave_the_same_tables(tmp_path):
    csv = tmp_path / "two.csv"
    csv.write_text(CSV, encoding="utf-8")
    cli_db, _ = _new_store(tmp_path / "cli")
    app_db, app_models = _new_store(tmp_path / "app")
    _by_cli(tmp_path / "cli", csv)
    _by_app_jobs(app_db, app_models, csv)
    by_cli, by_app = _tables(cli_db), _tables(app_db)
    for name in by_cli:
        assert by_cli[name] == by_app[name], name
    # and what it is about: the active model predicted every daily flower, both ways
    daily = sum(1 for row in by_cli["flowers"] if dict(row)["source"] == "daily")
    assert daily == 10 + 3  # --history-days 10: ten days
    predicted_by_1 = [r for r in by_cli["predictions"] if dict(r)["model_version"] == 1]
    assert len(predicted_by_1) == daily
