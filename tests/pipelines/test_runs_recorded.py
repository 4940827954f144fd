"""Every pipeline records exactly one run per invocation, with the right outcome: ok,
nothing-to-do, failed (with the error's text; its row commits although the operation's
transaction rolled back), cancelled. Who started it (the trigger) follows the scope
that says so. Recording never makes an operation fail."""

from __future__ import annotations

import datetime as dt
import logging
import threading

import pytest

from iris_desktop.errors import Cancelled, InvalidValue
from iris_desktop.pipelines import operations, removal
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.csv_text import CsvImportError
from iris_desktop.pipelines.imports import AlreadyImportedError, ImportOptions, import_csv, import_preview, preview
from iris_desktop.pipelines.registry import ModelLoadError
from iris_desktop.pipelines.runs import current_trigger, recorded, triggered
from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.store import Store, StoreError
from iris_desktop.store import runs as run_table
from iris_desktop.store.backups import BackupError
from iris_desktop.store.registry import UnknownModelError
from tests.conftest import TODAY
from tests.pipelines.dumps import data_dump

CSV = "sepal_length,sepal_width,petal_length,petal_width,variety\n5.0,3.3,1.5,0.3,setosa\n6.1,2.9,4.4,1.3,versicolor\n"


def _last_id(store: Store) -> int:
    return store.execute("SELECT COALESCE(MAX(id), 0) FROM runs").fetchone()[0]


class Runs:
    """The runs recorded since it was made, oldest first."""

    def __init__(self, store: Store):
        self.store, self.before = store, _last_id(store)

    def new(self) -> list[run_table.RunRecord]:
        found = [r for r in run_table.recent(self.store, 10_000) if r.id > self.before]
        self.before = _last_id(self.store)
        return found[::-1]

    def one(self) -> run_table.RunRecord:
        [run] = self.new()
        assert run.ended is not None and run.ended >= run.started
        return run


@pytest.fixture
def csv(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_backfill_is_ok_then_nothing_to_do(store):
    runs = Runs(store)
    backfill(store)
    run = runs.one()
    assert (run.pipeline, run.trigger, run.outcome, run.rows_in, run.rows_out) == ("backfill", "cli", "ok", 150, 150)
    backfill(store)
    assert runs.one().outcome == "nothing-to-do"


def test_an_import_records_its_batch_and_a_bad_file_records_failed_and_changes_nothing(store, csv, tmp_path):
    backfill(store)
    runs = Runs(store)
    result = import_csv(store, csv)
    run = runs.one()
    assert (run.pipeline, run.outcome, run.rows_in, run.rows_out) == ("import", "ok", 2, 2)
    assert run.import_id == result.batch and f"batch {result.batch}" in run.message
    bad = tmp_path / "bad.csv"
    bad.write_text("sepal_length,sepal_width\n1,2\n", encoding="utf-8")
    before = data_dump(store)
    with pytest.raises(CsvImportError):
        import_csv(store, bad)
    run = runs.one()
    assert (run.pipeline, run.outcome) == ("import", "failed")
    assert run.message.startswith("bad.csv") and "missing column" in run.message
    assert data_dump(store) == before


def test_the_apps_import_of_a_preview_is_one_run_and_importing_again_fails(store, csv):
    runs = Runs(store)
    seen = preview(store, csv)
    assert runs.new() == []  # a preview writes nothing, records nothing
    import_preview(store, seen, ImportOptions(), str(csv))
    assert runs.one().outcome == "ok"
    before = data_dump(store)
    with pytest.raises(AlreadyImportedError):  # raised inside the import's transaction, rolled back
        import_preview(store, preview(store, csv), ImportOptions(), str(csv))
    run = runs.one()
    assert run.outcome == "failed" and "already imported" in run.message
    assert data_dump(store) == before


def test_a_catch_up_is_ok_then_nothing_to_do_and_failed_when_the_model_cannot_be_used(trained_store):
    store = trained_store
    runs = Runs(store)
    operations.catch_up(store, TODAY + dt.timedelta(days=2))
    run = runs.one()
    assert (run.pipeline, run.outcome, run.rows_in, run.rows_out, run.model_version) == ("catch-up", "ok", 2, 4, 1)
    operations.catch_up(store, TODAY + dt.timedelta(days=2))
    assert runs.one().outcome == "nothing-to-do"
    artifact = store.execute("SELECT artifact FROM models WHERE version = 1").fetchone()[0]
    (store.models_dir / artifact).unlink()
    summary = operations.catch_up(store, TODAY + dt.timedelta(days=3))
    run = runs.one()
    assert run.outcome == "failed" and summary.model_error in run.message
    assert run.rows_out == 1  # the day was stored; its prediction waits


def test_training_is_ok_cancelled_or_failed(trained_store):
    store = trained_store
    runs = Runs(store)
    trained = operations.train(store, TrainingConfig(algorithm="tree"))
    run = runs.one()
    assert (run.pipeline, run.outcome, run.model_version) == ("training", "ok", trained.record.version)
    assert (run.rows_in, run.rows_out) == (150, 31)
    with pytest.raises(Cancelled):
        operations.train(store, TrainingConfig(), should_cancel=lambda: True)
    run = runs.one()
    assert (run.outcome, run.message) == ("cancelled", "training was cancelled")
    with pytest.raises(UnknownModelError):
        operations.train(store, retrain_version=99)
    assert runs.one().outcome == "failed"


def test_activation_and_deletion_are_recorded_with_their_model(trained_store):
    store = trained_store
    operations.train(store, TrainingConfig(algorithm="tree"), activate=False)
    runs = Runs(store)
    operations.activate(store, 2)
    run = runs.one()
    assert (run.pipeline, run.outcome, run.model_version, run.rows_out) == ("activation", "ok", 2, 31)
    with pytest.raises(InvalidValue):
        operations.delete_model(store, 2)  # the active one
    run = runs.one()
    assert (run.pipeline, run.outcome, run.model_version) == ("model-deletion", "failed", 2)
    assert operations.delete_model(store, 1) == 31
    run = runs.one()
    assert (run.outcome, run.model_version, run.rows_out) == ("ok", 1, 31)
    with pytest.raises(ModelLoadError):
        operations.activate(store, 7)
    assert runs.one().outcome == "failed"


def test_removals_are_recorded(store, csv):
    batch = import_csv(store, csv).batch
    runs = Runs(store)
    removal.remove_batch(store, batch)
    run = runs.one()
    assert (run.pipeline, run.outcome, run.import_id, run.rows_out) == ("import-removal", "ok", batch, 2)
    with pytest.raises(removal.RemovalError):
        removal.remove_batch(store, batch)
    assert runs.one().outcome == "failed"
    assert removal.remove_future_days(store, TODAY) == 0
    run = runs.one()
    assert (run.pipeline, run.outcome) == ("future-days-removal", "nothing-to-do")


def test_backups_are_recorded_and_the_days_second_is_nothing_to_do(store, tmp_path):
    runs = Runs(store)
    path = operations.backup(store, tmp_path / "mine.zip")
    run = runs.one()
    assert (run.pipeline, run.outcome) == ("backup", "ok") and str(path) in run.message
    operations.backup(store)
    operations.backup(store)
    assert [r.outcome for r in runs.new()] == ["ok", "nothing-to-do"]


def test_a_restore_keeps_the_installations_run_log_and_records_itself(trained_store, tmp_path):
    store = trained_store
    archive = operations.backup(store, tmp_path / "then.zip")
    backfill(store)  # a run after the backup was made: the log keeps it
    before = [(r.id, r.pipeline, r.outcome) for r in run_table.recent(store, 1000)]
    db, models = store.path, store.models_dir
    store.close()
    operations.restore(archive, db, models)
    with Store.open(db, models) as again:
        runs = run_table.recent(again, 1000)
        assert [(r.id, r.pipeline, r.outcome) for r in runs[1:]] == before
        assert (runs[0].pipeline, runs[0].outcome, runs[0].rows_in) == ("restore", "ok", 181)
        assert "Restored" in runs[0].message
        with pytest.raises(BackupError):
            operations.restore(tmp_path / "missing.zip", db, models)
        run = run_table.recent(again, 1)[0]
        assert (run.pipeline, run.outcome) == ("restore", "failed")


def test_a_restore_into_an_empty_folder_that_fails_makes_no_database(tmp_path):
    db = tmp_path / "new" / "iris.sqlite3"
    with pytest.raises(BackupError):
        operations.restore(tmp_path / "missing.zip", db, tmp_path / "new" / "models")
    assert not db.exists()


def test_a_first_run_records_each_pipeline_as_first_run(store):
    runs = Runs(store)
    operations.start(store, TODAY)
    found = runs.new()
    assert [(r.pipeline, r.trigger, r.outcome) for r in found] == [
        ("backfill", "first-run", "ok"),
        ("training", "first-run", "ok"),
        ("catch-up", "first-run", "ok"),
        ("backup", "first-run", "ok"),
    ]
    assert found[1].model_version == 1 and found[2].rows_out == 31 * 2
    with triggered("app"):
        operations.start(store, TODAY)
    assert [(r.pipeline, r.trigger, r.outcome) for r in runs.new()] == [
        ("catch-up", "app", "nothing-to-do"),
        ("backup", "app", "nothing-to-do"),
    ]


def test_extending_the_history_is_recorded(trained_store):
    runs = Runs(trained_store)
    operations.extend_history(trained_store, TODAY - dt.timedelta(days=40), TODAY)
    run = runs.one()
    assert (run.pipeline, run.outcome, run.rows_out) == ("extend-history", "ok", 2 * 10)


def test_a_trigger_lasts_its_scope_and_thread(store):
    assert current_trigger() == "cli"
    seen = []
    with triggered("scheduler"):
        backfill(store)
        thread = threading.Thread(target=lambda: seen.append(current_trigger()))
        thread.start()
        thread.join()
    assert seen == ["cli"]  # a thread starts at the default
    assert current_trigger() == "cli"
    assert run_table.last(store, "backfill").trigger == "scheduler"
    with pytest.raises(InvalidValue), triggered("cron"):
        pass


def test_ctrl_c_is_cancelled_and_any_other_error_failed_with_its_text(store):
    runs = Runs(store)
    with pytest.raises(KeyboardInterrupt), recorded(store, "catch-up"):
        raise KeyboardInterrupt
    assert runs.one().outcome == "cancelled"
    with pytest.raises(ZeroDivisionError), recorded(store, "catch-up"):
        1 / 0  # noqa: B018
    run = runs.one()
    assert (run.outcome, run.message) == ("failed", "ZeroDivisionError: division by zero")


def test_recording_that_fails_never_fails_the_operation(store, monkeypatch, caplog):
    def full(*_args):
        raise StoreError("the disk holding the data folder is full; nothing was changed")

    monkeypatch.setattr(run_table, "write", full)
    with caplog.at_level(logging.WARNING):
        assert backfill(store) == 150
        with pytest.raises(ModelLoadError):  # the operation's own error, not the recording's
            operations.activate(store, 3)
    assert "the backfill run could not be recorded (the disk holding the data folder is full" in caplog.text
    monkeypatch.undo()
    assert store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0] == 150


def test_a_run_inside_a_callers_transaction_goes_with_it(store):
    with pytest.raises(RuntimeError), store.transaction():
        backfill(store)
        raise RuntimeError("the caller's transaction rolls back")
    assert run_table.recent(store) == []
    assert store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0] == 0
