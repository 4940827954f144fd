"""The window keeps every request and sees every change: two imports or exports in a row
both happen, an activation during a catch-up misses no day, a model trained by the CLI
shows up by itself, the same error fifty times is one dialog, closing mid-training
leaves nothing half-made."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from PySide6.QtCore import Qt

from iris_desktop.pipelines.imports import ImportOptions
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import flowers
from iris_desktop.store.registry import list_models
from tests.conftest import TODAY
from tests.ui.conftest import read, wait_done

HEADER = "sepal_length,sepal_width,petal_length,petal_width,variety\n"


def test_two_imports_in_a_row_both_land(make_window, qtbot, tmp_path):
    window = make_window()
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(HEADER + "5.0,3.3,1.4,0.2,setosa\n")
    b.write_text(HEADER + "6.1,2.8,4.7,1.2,versicolor\n6.9,3.1,5.4,2.1,virginica\n")
    first = window.data_actions.import_csv(str(a), options=ImportOptions())
    second = window.data_actions.import_csv(str(b), options=ImportOptions())
    assert second is not first
    qtbot.waitUntil(lambda: read(window, flowers.count_by_source)["import"] == 3, timeout=30_000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)


def test_two_exports_to_two_paths_both_exist(loaded_window, trained_store, qtbot, tmp_path):
    window = loaded_window(trained_store, today=TODAY)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    tasks = [window.history_actions.export_history(str(one)), window.history_actions.export_history(str(two))]
    for task in tasks:
        wait_done(qtbot, task)
    assert one.read_text() == two.read_text() and len(one.read_text().splitlines()) > 1


def test_an_activation_during_a_catch_up_predicts_every_day(loaded_window, trained_store, qtbot):
    second = train(trained_store, TrainingConfig(algorithm="logreg"), activate=False)
    window = loaded_window(trained_store, today=TODAY)
    window.state.today = lambda: TODAY + dt.timedelta(days=400)
    catching_up = window.daily_actions.catch_up_now()
    activating = window.model_actions.activate(second.version)
    wait_done(qtbot, catching_up)
    wait_done(qtbot, activating)
    daily = flowers.count_by_source(trained_store)["daily"]
    assert daily == 31 + 400
    predicted = trained_store.execute(
        "SELECT COUNT(*) FROM predictions WHERE model_version = ?", (second.version,)
    ).fetchone()[0]
    assert predicted == daily  # no F5 needed
    qtbot.waitUntil(lambda: window.state.model.version == second.version, timeout=5000)


def test_a_model_trained_by_the_cli_shows_up_within_two_seconds(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    env = dict(os.environ, IRIS_DESKTOP_DATA_DIR=str(trained_store.path.parent))
    done = subprocess.run(
        [sys.executable, "-m", "iris_desktop", "train", "--algorithm", "tree"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.state.model is not None and window.state.model.version == 2, timeout=2000)
    assert window.model_label.text() == "Active model v2 · TREE"
    window.show_tab("Predict")  # a hidden tab follows when it is shown
    assert window.tab("Predict").model_label.text().startswith("Model v2 · Decision tree")
    assert window.status_label.text() == "Model v2 was activated elsewhere"


def test_fifty_identical_errors_open_one_dialog(make_window):
    window = make_window()
    for _ in range(50):
        window.reporter.report(ValueError("slider out of range"))
    assert len(window.reporter.dialogs) == 1
    box = window.reporter.dialogs[0]
    assert "slider out of range" in box.text() and "50 times" in box.text()
    box.close()
    assert window.reporter.dialogs == []
    window.reporter.report(ValueError("slider out of range"))  # after closing: shown again
    assert len(window.reporter.dialogs) == 1


def test_closing_during_a_long_training_leaves_no_model(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    config = TrainingConfig(algorithm="forest", params={"n_estimators": 400}, cv_folds=10)
    task = window.model_actions.train(config)
    qtbot.waitUntil(lambda: task.state == "running", timeout=5000)
    window.close()
    wait_done(qtbot, task, timeout=60_000)
    assert task.state == "cancelled"
    assert [m.version for m in list_models(trained_store)] == [1]
    assert not list(trained_store.models_dir.glob(".tmp-*"))
    assert window.reporter.dialogs == []


def test_the_status_bar_cancels_a_training(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    task = window.model_actions.train(TrainingConfig(algorithm="forest", params={"n_estimators": 400}, cv_folds=10))
    qtbot.waitUntil(lambda: window.cancel_button.isVisible(), timeout=10_000)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, task, timeout=60_000)
    assert task.state == "cancelled" and [m.version for m in list_models(trained_store)] == [1]
    qtbot.waitUntil(lambda: not window.cancel_button.isVisible())


def test_a_hidden_tab_catches_up_when_it_is_shown(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    window.show_tab("Explore")
    history = window.tab("History")
    qtbot.waitUntil(lambda: history.data is not None, timeout=10_000)
    window.state.today = lambda: TODAY + dt.timedelta(days=2)
    wait_done(qtbot, window.daily_actions.catch_up_now())
    qtbot.waitUntil(lambda: window.state.summary.count("daily") == 33, timeout=5000)
    assert len(history.data.view) == 31  # not redrawn behind the user's back
    window.show_tab("History")
    qtbot.waitUntil(lambda: len(history.data.view) == 33, timeout=10_000)


HOLD_UNTIL_TOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def test_a_write_waiting_for_another_process_says_so_then_runs(loaded_window, trained_store, qtbot):
    from iris_desktop.ui.runtime import jobs

    window = loaded_window(trained_store, TODAY)
    window.state.today = lambda: TODAY + dt.timedelta(days=2)  # two days later
    # Another process writing (a CLI import), until the test has seen the notice.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_TOLD, str(trained_store.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    task = window.daily_actions.catch_up_now()
    qtbot.waitUntil(lambda: window.status_label.text() == jobs.LOCK_NOTICE, timeout=8_000)
    holder.communicate("done\n", timeout=10)
    wait_done(qtbot, task, timeout=15_000)
    assert task.error is None
    assert flowers.last_daily_day(trained_store) == TODAY + dt.timedelta(days=2)


def _count_calls(monkeypatch, obj, name: str) -> list:
    calls: list = []
    original = getattr(obj, name)
    monkeypatch.setattr(obj, name, lambda *a, **k: calls.append(a) or original(*a, **k))
    return calls


def test_one_activation_reloads_the_history_on_screen_once(loaded_window, trained_store, qtbot, monkeypatch):
    """An activation changes the model and adds its predictions: one change set, one
    read of the history (the Follow helper merges what one snapshot says)."""
    second = train(trained_store, TrainingConfig(algorithm="tree"), activate=False)
    window = loaded_window(trained_store, today=TODAY)
    window.show_tab("History")
    history = window.tab("History")
    qtbot.waitUntil(lambda: history.data is not None and not window.runner.busy, timeout=30_000)
    reloads = _count_calls(monkeypatch, history, "reload")
    wait_done(qtbot, window.model_actions.activate(second.version))
    qtbot.waitUntil(lambda: window.state.model.version == second.version and not window.runner.busy, timeout=30_000)
    qtbot.waitUntil(lambda: history.data.summary.active_version == second.version)
    assert len(reloads) == 1


def test_showing_a_tab_again_after_nothing_changed_reads_nothing(loaded_window, trained_store, qtbot, monkeypatch):
    window = loaded_window(trained_store, today=TODAY)
    window.show_tab("Daily")
    daily = window.tab("Daily")
    qtbot.waitUntil(lambda: daily.data is not None and not window.runner.busy, timeout=30_000)
    reloads = _count_calls(monkeypatch, daily, "reload")
    window.show_tab("Explore")
    window.show_tab("Daily")
    qtbot.wait(50)
    assert reloads == []
    window.show_tab("Explore")  # and a change made while it was hidden: read once, when shown
    window.daily_actions.last_catch_up_day = None
    window.state.today = lambda: TODAY + dt.timedelta(days=1)
    wait_done(qtbot, window.daily_actions.catch_up_now())
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    assert reloads == []
    window.show_tab("Daily")
    qtbot.waitUntil(lambda: len(reloads) == 1)
