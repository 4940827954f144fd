"""The main window as a user meets it: start-up, first run, catch-up, errors, settings."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from iris_desktop import paths
from iris_desktop.pipelines.monitoring import window_predictions
from iris_desktop.store import Store, backups, flowers, predictions
from iris_desktop.store.registry import list_models
from iris_desktop.ui.main_window import TABS
from iris_desktop.ui.runtime.single_instance import SingleInstance
from tests.conftest import TODAY
from tests.ui.conftest import read, wait_done

HEAVY = ["numpy", "sklearn", "pandas", "joblib", "pyqtgraph", "scipy"]


def _python(code: str, data_dir, timeout=120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IRIS_DESKTOP_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True, timeout=timeout
    )


def test_window_paints_before_heavy_modules_are_imported(tmp_path):
    result = _python(
        f"""
        import json, sys
        from iris_desktop.ui import main_window
        seen = {{}}
        original = main_window.MainWindow.paintEvent
        def paint(self, event):
            if not seen:
                seen.update({{m: m in sys.modules for m in {HEAVY!r}}})
            original(self, event)
        main_window.MainWindow.paintEvent = paint
        from iris_desktop.cli import main
        code = main(["--quit-after-startup"])
        print(json.dumps(seen))
        sys.exit(code)
    """,
        tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen and not any(seen.values()), f"imported before first paint: {seen}"


def test_first_run_fills_the_store_and_says_so(loaded_window):
    window = loaded_window(today=TODAY)
    counts = read(window, flowers.count_by_source)
    assert (counts["backfill"], counts["daily"]) == (150, 31)
    assert read(window, predictions.prediction_count) == 31
    message = window.status_label.text()
    assert message.startswith("First run")
    assert message.endswith("simulated 31 days of daily history (2026-05-16 to 2026-06-15)")
    assert window.model_label.text() == "Active model v1 · KNN"
    assert window.model_label.toolTip().startswith("Model v1 · k-nearest neighbours (k=5)")
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [name for name, _ in TABS]
    assert type(window.tab("Predict")).__name__ == "PredictTab"


def test_launch_catches_up_missed_days(loaded_window, trained_store):
    later = TODAY + dt.timedelta(days=12)
    window = loaded_window(trained_store, today=later)
    assert window.status_label.text() == (f"Caught up 12 missed days (from {TODAY + dt.timedelta(days=1)} to {later})")
    assert flowers.last_daily_day(trained_store) == later
    assert predictions.prediction_count(trained_store) == 31 + 12


def test_launch_when_up_to_date_says_so(loaded_window, trained_store):
    window = loaded_window(trained_store, today=TODAY)
    assert window.status_label.text() == "Up to date"


def test_new_day_while_open_is_caught_up(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    window.state.today = lambda: TODAY + dt.timedelta(days=1)
    window._check_new_day()
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Caught up"), timeout=30_000)
    assert window.status_label.text() == f"Caught up 1 missed day ({TODAY + dt.timedelta(days=1)})"


def test_worker_exception_shows_dialog_and_app_survives(make_window, qtbot):
    window = make_window()
    window.show()

    def explode():
        raise RuntimeError("the flux capacitor is empty")

    window.runner.run("demo", explode)
    qtbot.waitUntil(lambda: bool(window.reporter.dialogs), timeout=10_000)
    box = window.reporter.dialogs[-1]
    assert "the flux capacitor is empty" in box.text()
    assert "Traceback" in box.detailedText() and "explode" in box.detailedText()
    assert window.isVisible()
    log = paths.logs_dir() / "iris-desktop.log"
    qtbot.waitUntil(log.exists, timeout=5_000)
    assert "the flux capacitor is empty" in log.read_text()
    # the app still works: a real job runs afterwards
    wait_done(qtbot, window.data_actions.backfill())
    assert read(window, flowers.count_by_source)["backfill"] == 150


def test_gui_exception_goes_to_the_same_dialog(make_window, qtbot):
    window = make_window()
    window.reporter.install()
    try:
        raise ValueError("bad slider value")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert "bad slider value" in window.reporter.dialogs[-1].text()


def test_settings_persist_across_windows(make_window, qtbot):
    first = make_window()
    first.show()
    first.resize(790, 570)  # the offscreen screen is 800x600
    first.tabs.setCurrentIndex(first.tabs.count() - 1)
    qtbot.waitExposed(first)
    first.close()
    second = make_window(Store.open(paths.database_path(), paths.models_dir()))
    assert (second.width(), second.height()) == (790, 570)
    assert second.tabs.currentIndex() == first.tabs.count() - 1
    assert (paths.config_dir() / "settings.ini").exists()


def test_import_csv_from_the_menu_adds_rows_or_nothing(make_window, qtbot, tmp_path):
    window = make_window()
    good = tmp_path / "more.csv"
    good.write_text(
        "sepal_length,sepal_width,petal_length,petal_width,variety\n"
        "5.0,3.3,1.4,0.2,Iris-setosa\n6.1,2.8,4.7,1.2,versicolor\n"
    )
    window.data_actions.import_csv(str(good))
    dialog = wait_for_dialog(qtbot, window)
    assert "2 flowers" in dialog.verdict.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: read(window, flowers.count_by_source)["import"] == 2, timeout=30_000)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Imported 2 flowers from more.csv"))

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sepal_length,sepal_width,petal_length,petal_width,variety\n5.0,3.3,1.4,0.2,setosa\n5.0,abc,1.4,0.2,setosa\n"
    )
    wait_done(qtbot, window.data_actions.import_csv(str(bad)))
    assert read(window, flowers.count_by_source)["import"] == 2
    box = window.reporter.dialogs[-1]
    assert box.text().startswith("Nothing was imported")
    assert "line 3" in box.text() and "sepal_width" in box.text() and "abc" in box.text()


def wait_for_dialog(qtbot, window):
    qtbot.waitUntil(
        lambda: window.data_actions.dialog is not None and window.data_actions.dialog.isVisible(), timeout=30_000
    )
    return window.data_actions.dialog


def test_export_history_and_backup(loaded_window, trained_store, qtbot, tmp_path):
    window = loaded_window(trained_store, today=TODAY)
    out = tmp_path / "history.csv"
    wait_done(qtbot, window.history_actions.export_history(str(out)))
    lines = out.read_text().splitlines()
    assert lines[0].startswith("day,sepal_length") and len(lines) == 32
    archive = tmp_path / "backup.zip"
    wait_done(qtbot, window.app_actions.backup_database(str(archive)))
    assert backups.read_manifest(archive).flowers == sum(flowers.count_by_source(trained_store).values())


def test_ctrl_number_switches_tabs(make_window, qtbot):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_second_instance_hands_over(qtbot):
    folder = paths.data_dir()
    first = SingleInstance(folder)
    assert first.acquire()
    first.listen()
    try:
        second = SingleInstance(folder)
        assert not second.acquire()
        with qtbot.waitSignal(first.activationRequested, timeout=5_000):
            assert second.hand_over()
        # a real second launch of the app hands over and exits 0
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        proc = subprocess.Popen(
            [sys.executable, "-m", "iris_desktop", "--data-dir", str(folder), "--quit-after-startup"],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        with qtbot.waitSignal(first.activationRequested, timeout=30_000):
            pass
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
        assert proc.returncode == 0
        assert "already running" in proc.stdout.read()
    finally:
        first.release()


def test_stale_lock_from_a_crash_does_not_block(tmp_path):
    folder = paths.data_dir()
    crashed = _python(
        f"""
        import os
        from PySide6.QtCore import QCoreApplication
        from iris_desktop.ui.runtime.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance(__import__('pathlib').Path({str(folder)!r}))
        assert instance.acquire()
        os._exit(0)  # dies holding the lock
    """,
        folder,
    )
    assert crashed.returncode == 0, crashed.stderr
    assert (folder / "iris-desktop.lock").exists()
    instance = SingleInstance(folder)
    assert instance.acquire()
    instance.release()


@pytest.mark.slow
def test_self_test_flag_passes(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "iris_desktop", "--self-test"], env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout


def test_train_default_model_from_the_menu_activates_it_once(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    task = window.model_actions.train_default_model()
    assert window.model_actions.train_default_model() is task  # a second request joins the running one
    wait_done(qtbot, task, timeout=60_000)
    qtbot.waitUntil(lambda: window.state.model.version == 2)  # through the state's next snapshot
    assert window.model_label.text() == "Active model v2 · KNN"
    assert window.status_label.text().startswith("Trained and activated: Model v2 · k-nearest neighbours")
    assert window.runner.running("training") is None and not window.runner.waiting("training")
    assert [r.version for r in list_models(trained_store)] == [1, 2]


def test_active_model_menu_switches_the_model_everywhere(loaded_window, trained_store, qtbot):
    from iris_desktop.pipelines.training import TrainingConfig, train

    second = train(trained_store, TrainingConfig(algorithm="tree"), activate=False)
    window = loaded_window(trained_store, today=TODAY)
    menu = window.model_actions.models_menu
    window.model_actions._fill_models_menu()
    entries = [a.text() for a in menu.actions()]
    assert entries[0].startswith(f"Model v{second.version} · Decision tree")
    assert entries[1].startswith("Model v1 · k-nearest neighbours")
    assert menu.actions()[1].isChecked()
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: window.state.model.version == second.version, timeout=10_000)
    assert window.model_label.text() == f"Active model v{second.version} · TREE"
    window.show_tab("Predict")  # a hidden tab follows when it is shown
    assert window.tab("Predict").model_label.text().startswith(f"Model v{second.version} · Decision tree")
    # the new model predicts the past daily flowers too (catch-up after activation)
    qtbot.waitUntil(
        lambda: window.status_label.text() == (f"Model v{second.version} is active; it predicted 31 daily flowers"),
        timeout=30_000,
    )
    assert len(window_predictions(trained_store, model_version=second.version)) == 31


def test_a_tampered_model_is_not_activated(loaded_window, trained_store, qtbot):
    from iris_desktop.pipelines.training import TrainingConfig, train
    from iris_desktop.store.registry import active_version

    second = train(trained_store, TrainingConfig(algorithm="logreg"), activate=False)
    window = loaded_window(trained_store, today=TODAY)
    with open(trained_store.models_dir / second.artifact, "ab") as f:
        f.write(b"x")
    wait_done(qtbot, window.model_actions.activate(second.version))
    assert "does not match the registry" in window.reporter.dialogs[-1].text()
    assert active_version(trained_store) == 1 and window.state.model.version == 1


def test_a_data_folder_that_is_a_file_gets_a_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "iris_desktop", "--data-dir", str(blocker), "--quit-after-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "The data folder cannot be used" in result.stderr and "Traceback" not in result.stderr


def test_startup_with_an_unusable_model_still_opens_the_tabs(loaded_window, trained_store):
    from iris_desktop.pipelines import registry
    from iris_desktop.store.registry import active_model

    (trained_store.models_dir / active_model(trained_store).artifact).write_bytes(b"tampered")
    registry._cache.clear()
    window = loaded_window(trained_store, today=TODAY + dt.timedelta(days=2))
    assert type(window.tab("Predict")).__name__ == "PredictTab"
    assert window.state.model is None and window.model_label.text() == "No active model"
    assert window.status_label.text().endswith("2 predictions pending: the active model cannot be used")
    assert window.reporter.dialogs[-1].windowTitle() == "The active model cannot be used"
    assert flowers.last_daily_day(trained_store) == TODAY + dt.timedelta(days=2)


def test_a_failed_catch_up_is_not_repeated_every_minute(loaded_window, trained_store, qtbot, monkeypatch):
    from iris_desktop.ui.runtime import jobs

    window = loaded_window(trained_store, today=TODAY)
    window.state.today = lambda: TODAY + dt.timedelta(days=1)

    def broken(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(jobs, "catch_up", broken)
    window._check_new_day()
    qtbot.waitUntil(lambda: bool(window.reporter.dialogs), timeout=10_000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    for _ in range(3):  # the timer fires again: the failed day is not retried in a loop
        window._check_new_day()
        assert not window.runner.busy  # no new catch-up was even started
    assert len(window.reporter.dialogs) == 1


@pytest.mark.filterwarnings("ignore:model v1 was saved with scikit-learn 0.0.1")
def test_a_model_from_another_scikit_learn_is_offered_a_retrain(loaded_window, trained_store, qtbot):
    from iris_desktop.pipelines import registry

    with trained_store.transaction() as conn:
        conn.execute("UPDATE models SET library_versions = json_set(library_versions, '$.scikit-learn', '0.0.1')")
    registry._cache.clear()
    window = loaded_window(trained_store, today=TODAY)
    box = next(b for b in window.reporter.dialogs if b.windowTitle() == "Model saved with another scikit-learn")
    assert "0.0.1" in box.text()
    retrain = next(b for b in box.buttons() if b.text() == "Retrain now")
    retrain.click()
    qtbot.waitUntil(lambda: window.state.model is not None and window.state.model.version == 2, timeout=60_000)
    record = window.state.model.record
    assert record.version == 2 and window.state.model.version_warning is None
    assert (record.algorithm, record.params, record.split_seed) == ("knn", registry_params(trained_store, 1), 42)


def registry_params(store, version):
    from iris_desktop.store.registry import get_model

    return get_model(store, version).params


def test_menu_status_tips_do_not_wipe_the_last_result(loaded_window, trained_store):
    from PySide6.QtGui import QStatusTipEvent
    from PySide6.QtWidgets import QApplication

    window = loaded_window(trained_store, today=TODAY)
    QApplication.sendEvent(window, QStatusTipEvent("Generate and predict every missed day"))
    QApplication.sendEvent(window, QStatusTipEvent(""))  # the menu closes
    assert window.status_label.text() == "Up to date"


def test_tabs_scroll_rather_than_squeeze_in_a_small_window(loaded_window, trained_store, qtbot):
    from PySide6.QtWidgets import QScrollArea

    window = loaded_window(trained_store, today=TODAY)
    window.show_tab("Predict")
    area = window.tabs.currentWidget()
    assert isinstance(area, QScrollArea) and area.widget() is window.tab("Predict")
    window.resize(640, 420)
    qtbot.waitUntil(lambda: area.viewport().width() < 640)
    tab = window.tab("Predict")
    assert tab.width() >= tab.minimumSizeHint().width()
    assert tab.height() >= tab.minimumSizeHint().height()


def test_importing_the_same_file_again_asks_first(make_window, qtbot, tmp_path):
    window = make_window()
    good = tmp_path / "twice.csv"
    good.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n5.0,3.3,1.4,0.2,setosa\n")
    window.data_actions.import_csv(str(good))
    qtbot.mouseClick(wait_for_dialog(qtbot, window).import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: read(window, flowers.count_by_source)["import"] == 1, timeout=30_000)
    window.data_actions.dialog = None
    window.data_actions.import_csv(str(good))
    dialog = wait_for_dialog(qtbot, window)
    assert "already" not in dialog.verdict.text() and "import it again" in dialog.verdict.text()
    assert not dialog.import_button.isEnabled()
    assert "imported on" in dialog.again.text()
    dialog.again.setChecked(True)
    assert not dialog.import_button.isEnabled()  # the one row repeats a stored flower
    dialog.keep.setChecked(True)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: read(window, flowers.count_by_source)["import"] == 2, timeout=30_000)
