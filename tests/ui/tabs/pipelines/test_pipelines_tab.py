"""The Pipelines tab as a user meets it: the flow's boxes and the run log show the runs
the pipelines recorded (also a run of another process, within two seconds), Run now
runs and records, Cancel records `cancelled`, the filters, a failed run in full, the
CSV export, and lineage. Driven with clicks and typing; checked against the store."""

from __future__ import annotations

import datetime as dt
import threading

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from iris_desktop.pipelines import operations
from iris_desktop.pipelines import training as training_module
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.csv_text import CsvImportError
from iris_desktop.pipelines.imports import import_csv
from iris_desktop.pipelines.runs import triggered
from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.store import Store
from iris_desktop.store import runs as run_table
from iris_desktop.store.runs import RunValues
from iris_desktop.ui.tabs.pipelines.flow_view import STAGE_KEYS
from tests.conftest import TODAY
from tests.ui.conftest import wait_done

DAY = dt.timedelta(days=1)
CSV = (
    "sepal_length,sepal_width,petal_length,petal_width,variety\n"
    "5.05,3.45,1.45,0.25,setosa\n6.1,2.9,4.6,1.4,versicolor\n"
)


def logged(tab) -> list[tuple[str, str, str]]:
    """(pipeline, trigger, outcome) of each row of the log as shown, top first."""
    model = tab.log.model
    return [tuple(model.index(r, c).data() for c in (1, 2, 3)) for r in range(model.rowCount())]


def test_the_boxes_and_the_log_show_every_recorded_run(make_tab, trained_store, tmp_path):
    store = trained_store
    operations.catch_up(store, TODAY + 2 * DAY)  # ok: two days
    backfill(store)  # nothing to do
    bad = tmp_path / "bad.csv"
    bad.write_text("sepal_length,sepal_width\n1,2\n", encoding="utf-8")
    with pytest.raises(CsvImportError):
        import_csv(store, bad)
    tab = make_tab(store, TODAY + 2 * DAY)
    runs = run_table.recent(store, 100)
    assert logged(tab) == [(r.pipeline, r.trigger, r.outcome.replace("-", " ")) for r in runs]
    assert tab.log.count.text() == f"{len(runs)} runs"
    data, daily = tab.flow.boxes["data"], tab.flow.boxes["daily"]
    assert " · import · by cli" in data.last.text() and "failed" in data.outcome.text()
    assert data.outcome.toolTip().startswith("bad.csv")
    assert " · catch-up · by cli" in daily.last.text() and "ok" in daily.outcome.text()
    assert daily.rows.text() == "2 read, 4 written"
    assert daily.next.text() == "Not scheduled: the app catches up each day it is started"
    training = tab.flow.boxes["training"]  # the template's first run trained v1: a run of its own
    assert " · training · by cli" in training.last.text() and "ok" in training.outcome.text()
    monitor = tab.flow.monitor.figures.text()
    assert monitor.startswith("33 predictions of 33 daily flowers") and "Active model: v1" in monitor


def test_a_run_of_another_process_shows_within_two_seconds(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    window.show_tab("Pipelines")
    tab = window.tab("Pipelines")
    qtbot.waitUntil(lambda: tab.loaded, timeout=10_000)
    with Store.open(*window.state.paths()) as other, triggered("cli"):  # as `iris-desktop catch-up` does
        operations.catch_up(other, TODAY + DAY)
    daily = tab.flow.boxes["daily"]
    qtbot.waitUntil(lambda: " · catch-up · by cli" in daily.last.text(), timeout=2_000)
    assert logged(tab)[0] == ("catch-up", "cli", "ok")
    assert daily.rows.text() == "1 read, 2 written"


def test_run_now_runs_the_pipeline_and_the_run_is_recorded(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store, TODAY + 3 * DAY)
    daily = tab.flow.boxes["daily"]
    qtbot.mouseClick(daily.run_button, Qt.MouseButton.LeftButton)
    task = tab.run_now.tasks["daily"]
    assert not daily.run_button.isEnabled() and daily.progress.isVisible()
    wait_done(qtbot, task)
    qtbot.waitUntil(lambda: daily.run_button.isEnabled() and logged(tab)[:1] == [("catch-up", "app", "ok")])
    last = run_table.last(trained_store, "catch-up")
    assert (last.trigger, last.outcome, last.rows_out) == ("app", "ok", 6)  # three days, three predictions
    assert daily.status.text() == "Done"
    assert "catch-up · by app" in daily.last.text()

    infer = tab.flow.boxes["inference"]
    qtbot.mouseClick(infer.run_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab.run_now.tasks["inference"])
    qtbot.waitUntil(lambda: logged(tab)[0] == ("activation", "app", "ok"))
    assert run_table.last(trained_store, "activation").model_version == 1


def test_cancel_stops_the_training_and_records_cancelled(make_tab, trained_store, qtbot, monkeypatch):
    loading = threading.Event()  # the training waits here until Cancel has been clicked
    real = training_module.feature_matrix

    def held(store, sources):
        assert loading.wait(30)
        return real(store, sources)

    monkeypatch.setattr(training_module, "feature_matrix", held)
    tab = make_tab(trained_store)
    box = tab.flow.boxes["training"]
    qtbot.mouseClick(box.run_button, Qt.MouseButton.LeftButton)
    task = tab.run_now.tasks["training"]
    assert box.cancel_button.isVisible()
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    loading.set()
    wait_done(qtbot, task)
    assert task.state == "cancelled"
    run = run_table.last(trained_store, "training")
    assert (run.outcome, run.trigger, run.message) == ("cancelled", "app", "training was cancelled")
    qtbot.waitUntil(lambda: "cancelled" in box.outcome.text())
    assert box.status.text() == "Cancelled" and not box.cancel_button.isVisible()
    assert [v for (v,) in trained_store.execute("SELECT version FROM models")] == [1]  # nothing left behind


def write_runs(store: Store) -> None:
    """30 finished runs: three pipelines, a failure in every five, a few named messages."""
    for i in range(30):
        pipeline = ("backup", "catch-up", "import")[i % 3]
        outcome = "failed" if i % 5 == 4 else "ok"
        message = f"run {i}" + (": disk full while writing the batch of today's flowers" if outcome == "failed" else "")
        stamp = f"2026-06-{1 + i % 28:02d}T00:05:00.000Z"
        values = RunValues(f"t{i}", pipeline, "scheduler", outcome, stamp, stamp, i, i, None, None, message)
        run_table.write(store, values)


def test_the_log_filters_by_pipeline_outcome_and_text(make_tab, store, qtbot):
    write_runs(store)
    tab = make_tab(store)
    log = tab.log
    assert log.model.rowCount() == 30
    log.pipeline.setCurrentIndex(log.pipeline.findData("catch-up"))
    assert {row[0] for row in logged(tab)} == {"catch-up"} and log.model.rowCount() == 10
    log.outcome.setCurrentIndex(log.outcome.findData("failures"))
    assert logged(tab) == [("catch-up", "scheduler", "failed")] * 2
    assert log.count.text() == "2 of 30 runs"
    log.pipeline.setCurrentIndex(0)
    qtbot.keyClicks(log.search, "run 2")  # runs 2, 20-29 with "run 2" in their message
    assert [log.model.record(r).message.split(":")[0] for r in range(log.model.rowCount())] == ["run 29", "run 24"]
    log.outcome.setCurrentIndex(0)
    assert log.model.rowCount() == 11
    log.search.clear()
    assert log.model.rowCount() == 30


def test_a_failed_run_shows_its_message_in_full(make_tab, trained_store, qtbot, tmp_path):
    bad = tmp_path / "broken.csv"
    bad.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n5.1,3.5,1.4,0.2,tulip\n")
    with pytest.raises(CsvImportError):
        import_csv(trained_store, bad)
    failed = run_table.last(trained_store, "import")
    tab = make_tab(trained_store)
    tab.log.outcome.setCurrentIndex(tab.log.outcome.findData("failed"))
    tab.log.view.setFocus()
    qtbot.keyClick(tab.log.view, Qt.Key.Key_Down)
    assert tab.log.selected() == failed
    text = tab.log.details.toPlainText()
    assert text.startswith(f"Run {failed.id}: import, failed") and text.endswith(failed.message)
    assert "tulip" in failed.message and len(failed.message) > 40


def test_export_csv_writes_the_runs_shown(make_tab, store, qtbot, tmp_path):
    write_runs(store)
    tab = make_tab(store)
    tab.log.outcome.setCurrentIndex(tab.log.outcome.findData("failed"))
    path = tmp_path / "runs.csv"
    wait_done(qtbot, tab.export_csv(str(path)))
    frame = pd.read_csv(path)
    shown = tab.log.model.shown()
    assert list(frame.columns) == [
        "id", "pipeline", "trigger", "outcome", "started", "ended", "duration_s",
        "rows_in", "rows_out", "model_version", "import_id", "message",
    ]  # fmt: skip
    assert len(frame) == 6 and frame["id"].tolist() == [r.id for r in shown]
    assert frame["message"].tolist() == [r.message for r in shown]
    assert set(frame["outcome"]) == {"failed"} and frame["duration_s"].tolist() == [0.0] * 6
    assert frame["rows_in"].tolist() == [r.rows_in for r in shown]


def test_lineage_of_a_model_of_a_day_and_of_an_import(make_tab, trained_store, qtbot, tmp_path):
    store = trained_store
    csv = tmp_path / "two.csv"
    csv.write_text(CSV, encoding="utf-8")
    batch = import_csv(store, csv).batch
    trained = operations.train(store, TrainingConfig(sources=("backfill", "import", "daily")))
    version = trained.record.version
    tab = make_tab(store)
    tab.log.select_run(run_table.last(store, "training").id)
    answer = tab.lineage.model_answer
    qtbot.waitUntil(lambda: answer.text().startswith(f"<b>v{version}</b>"))
    text = answer.text()
    assert f"Trained on {150 + 2 + 31} flowers from backfill, import, daily" in text
    assert f"Import batches: #{batch} two.csv (2 rows" in text
    assert f"Daily flowers: 31 days, {TODAY - 30 * DAY} to {TODAY}" in text
    assert "Made by the training run" in text and "(by cli, ok)" in text

    tab.log.select_run(run_table.last(store, "import").id)
    qtbot.waitUntil(lambda: tab.lineage.batch_answer.isVisible())
    assert f"Models trained on it: v{version}" in tab.lineage.batch_answer.text()

    tab.lineage.show_day(TODAY)
    qtbot.waitUntil(lambda: f"<b>{TODAY}</b>" in tab.lineage.day_answer.text())
    day = tab.lineage.day_answer.text()
    assert "Model v1 predicted" in day and f"Model v{version} predicted" in day
    assert f"in the training run {run_table.last(store, 'training').id}" in day  # v2 predicted it when trained


def test_every_box_has_run_now_and_the_ctrl_6_tab(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())][-1] == "Pipelines"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Pipelines"
    tab = window.tab("Pipelines")
    assert list(tab.flow.boxes) == list(STAGE_KEYS) and all(b.run_button.isEnabled() for b in tab.flow.boxes.values())
    state_runs = window.state.runs_mark
    with Store.open(*window.state.paths()) as other:
        operations.backup(other, manual=True)
    qtbot.waitUntil(lambda: window.state.runs_mark != state_runs, timeout=2_000)  # a run alone is a change
