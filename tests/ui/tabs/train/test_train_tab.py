"""The Train tab as a user meets it: the settings form, training with progress and
Cancel, results, the validation curve, decision regions and the registry's actions.

Widgets are driven as a user would (spin boxes, check boxes, buttons, a click on the
plot) and the assertions read what is shown: table cells, labels, the plot's data.
Every wait is on a state (qtbot.waitUntil), never on a signal that may have fired.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox

pg = pytest.importorskip("pyqtgraph")

from iris_desktop.pipelines import registry  # noqa: E402
from iris_desktop.pipelines.knn_curve import knn_validation_curve  # noqa: E402
from iris_desktop.pipelines.training import TrainingConfig, train  # noqa: E402
from iris_desktop.store import registry as rows  # noqa: E402
from iris_desktop.ui.actions.model_actions import ModelActions  # noqa: E402
from iris_desktop.ui.tabs.predict.tab import PredictTab  # noqa: E402
from iris_desktop.ui.tabs.train.tab import TrainTab  # noqa: E402
from tests.conftest import TODAY  # noqa: E402
from tests.ui.conftest import wait_done  # noqa: E402

COLUMNS = [
    "",
    "Version",
    "Created (UTC)",
    "Algorithm",
    "Key parameters",
    "Test acc.",
    "CV acc.",
    "Train / test",
    "Sources",
    "Duplicates",
    "Lineage",
    "Warnings",
]
WARNINGS = COLUMNS.index("Warnings")


@pytest.fixture
def make_tab(qtbot, make_state, reporter, actions):
    """make_tab(store, state=None) -> TrainTab with the registry read and the form's limits known."""

    def make(store, state=None) -> TrainTab:
        state = state or make_state(store, TODAY)
        tab = TrainTab(state, reporter, actions(ModelActions, state))
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        qtbot.waitUntil(lambda: tab.registry.loaded and tab.panel.limits is not None, timeout=10_000)
        return tab

    return make


def rows_by_version(tab) -> dict[str, dict[str, str]]:
    texts = tab.registry.table.row_texts()
    assert texts[0] == COLUMNS
    return {row[1]: dict(zip(COLUMNS, row)) for row in texts[1:]}


def select(qtbot, tab, version: int) -> None:
    """Click the version's row, as a user picks it."""
    table = tab.registry.table
    row = table.versions().index(version)
    rect = table.visualRect(table.registry.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.selected() == [version]


def test_train_through_the_form_shows_the_stored_metrics(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    assert list(rows_by_version(tab)) == ["v1"]
    form = tab.panel.form
    form.control("n_neighbors").setValue(7)
    form.control("weights").setCurrentText("distance")
    tab.panel.folds.setValue(4)
    tab.activate_box.setChecked(False)
    qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    task = tab.training_task
    assert not tab.train_button.isEnabled() and tab.cancel_button.isEnabled()
    wait_done(qtbot, task, timeout=60_000)
    assert task.state == "finished", task.details
    qtbot.waitUntil(lambda: "v2" in rows_by_version(tab) and tab.registry.table.selected() == [2], timeout=10_000)

    record = rows.get_model(trained_store, 2)
    assert record.params == {"n_neighbors": 7, "weights": "distance", "metric": "minkowski", "p": 2}
    assert not record.active and rows.active_version(trained_store) == 1
    m = record.metrics
    row = rows_by_version(tab)["v2"]
    assert row["Test acc."] == f"{m['accuracy']:.1%}"
    assert row["CV acc."] == f"{m['cv_mean']:.1%} ± {m['cv_std']:.1%}"
    assert row["Train / test"] == f"{m['n_train']} / {m['n_test']}" == "119 / 30"
    assert row["Duplicates"] == "1" and row["Key parameters"] == "k=7, distance-weighted, raw cm"
    assert row[""] == "" and rows_by_version(tab)["v1"][""] == "● active"
    shown = tab.results.shown()
    assert shown["Test accuracy"] == f"{m['accuracy']:.1%}"
    assert shown["Macro F1"] == f"{m['macro_f1']:.1%}"
    assert shown["CV accuracy"] == f"{m['cv_mean']:.1%} ± {m['cv_std']:.1%} (4 folds)"
    assert tab.results.table_texts()[0][3] == str(m["per_class"]["setosa"]["support"])
    assert tab.results.matrix.cell_texts() == [[str(c) for c in r] for r in m["confusion_matrix"]]
    assert "one flower is 3.3 points" in tab.results.note.text()
    assert tab.train_status.text().startswith("Registered Model v2")


def test_cancel_mid_way_leaves_no_version(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    files = set(trained_store.models_dir.iterdir())
    tab.panel.form.set_algorithm("forest")
    tab.panel.form.control("n_estimators").setValue(2000)
    qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    task = tab.training_task
    qtbot.waitUntil(lambda: "fold" in tab.train_status.text(), timeout=30_000)  # well under way
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, task, timeout=5_000)  # a forest checks between chunks of trees
    assert task.state == "cancelled"
    assert tab.train_status.text() == "Cancelled: no version was registered."
    assert [m.version for m in rows.list_models(trained_store)] == [1]
    assert set(trained_store.models_dir.iterdir()) == files
    assert tab.train_button.isEnabled() and not tab.cancel_button.isEnabled()


def test_a_forest_too_large_to_keep_is_explained_and_not_registered(make_tab, trained_store, qtbot, monkeypatch):
    from iris_desktop.pipelines import model_caps

    monkeypatch.setattr(model_caps, "MAX_MEMBER_BYTES", 2_000)  # a 2,000-tree forest on 10,000 flowers, in small
    tab = make_tab(trained_store)
    files = set(trained_store.models_dir.iterdir())
    tab.panel.form.set_algorithm("forest")
    tab.panel.form.control("n_estimators").setValue(10)
    qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab.training_task, timeout=60_000)
    assert tab.training_task.state == "failed"  # (the window shows a task's failure in a dialog too)
    status = tab.train_status.text()
    assert status.startswith("Training failed: the trained model is too large to keep") and "fewer trees" in status
    assert [m.version for m in rows.list_models(trained_store)] == [1] and rows.active_version(trained_store) == 1
    assert set(trained_store.models_dir.iterdir()) == files
    assert list(rows_by_version(tab)) == ["v1"] and tab.train_button.isEnabled()


def test_activating_in_the_table_changes_what_predict_uses(make_tab, make_state, trained_store, qtbot):
    second = train(trained_store, TrainingConfig("tree", {"max_depth": 2}), activate=False)
    state = make_state(trained_store, TODAY)
    predict = PredictTab(state)
    qtbot.addWidget(predict)
    predict.show()  # a hidden Predict tab follows the model when it is shown
    tab = make_tab(trained_store, state)
    select(qtbot, tab, second.version)
    assert tab.registry.activate_button.isEnabled()
    qtbot.mouseClick(tab.registry.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state.model is not None and state.model.version == second.version, timeout=15_000)
    assert predict.model_label.text().startswith(f"Model v{second.version} · Decision tree")
    assert rows.active_version(trained_store) == second.version
    qtbot.waitUntil(lambda: rows_by_version(tab)[f"v{second.version}"][""] == "● active", timeout=10_000)
    assert rows_by_version(tab)["v1"][""] == ""
    assert not tab.registry.activate_button.isEnabled()  # already active


def test_activating_through_the_window(loaded_window, trained_store, qtbot):
    """Hosted in the window, the tab activates through its model actions: the status bar
    and every tab follow, and the daily history is predicted by the new version."""
    second = train(trained_store, TrainingConfig("logreg"), activate=False)
    window = loaded_window(trained_store, today=TODAY)
    tab = TrainTab(window.state, window.reporter, window.model_actions)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.registry.loaded, timeout=10_000)
    select(qtbot, tab, second.version)
    qtbot.mouseClick(tab.registry.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.model.version == second.version, timeout=15_000)
    qtbot.waitUntil(lambda: window.status_label.text().startswith(f"Model v{second.version} is active"), timeout=30_000)

    tab.activate_box.setChecked(False)  # and a training through the window's model actions
    qtbot.mouseClick(tab.train_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab.training_task, timeout=60_000)
    third = second.version + 1
    assert window.status_label.text().startswith(f"Trained and registered: Model v{third}")
    qtbot.waitUntil(lambda: f"v{third}" in rows_by_version(tab), timeout=10_000)
    assert window.state.model.version == second.version


def test_the_form_is_generated_from_the_algorithm_table(make_tab, trained_store):
    from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox

    from iris_desktop.pipelines.algorithms import ALGORITHMS

    form = make_tab(trained_store).panel.form
    assert [form.algorithm_box.itemData(i) for i in range(form.algorithm_box.count())] == list(ALGORITHMS)
    kinds = {"int": QSpinBox, "float": QDoubleSpinBox, "choice": QComboBox}
    for key, algo in ALGORITHMS.items():
        assert list(form.controls[key]) == [p.name for p in algo.params]
        assert form.params(key) == algo.resolve({})  # the table's defaults
        for spec in algo.params:
            control = form.controls[key][spec.name]
            assert isinstance(control, kinds[spec.kind]) and control.toolTip().startswith(spec.help)
            if spec.kind == "choice":
                assert [control.itemText(i) for i in range(control.count())] == list(spec.choices)
            elif not spec.optional:
                assert control.minimum() == spec.minimum


def test_delete_is_refused_for_the_active_version_and_confirmed_for_others(make_tab, trained_store, qtbot):
    second = train(trained_store, TrainingConfig(params={"n_neighbors": 3}), activate=False)
    tab = make_tab(trained_store)
    panel = tab.registry
    select(qtbot, tab, 1)
    assert not panel.delete_button.isEnabled()
    assert "cannot be deleted" in panel.delete_button.toolTip()
    panel.ask_delete(1)  # e.g. from the context menu's shortcut path: refused with a message
    (box,) = panel.reporter.dialogs
    assert "Activate another version first" in box.text()
    box.close()
    assert rows.get_model(trained_store, 1) is not None

    select(qtbot, tab, second.version)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.confirm_box is not None and panel.confirm_box.isVisible(), timeout=10_000)
    assert f"Delete model v{second.version}" in panel.confirm_box.text()
    panel.confirm_box.button(QMessageBox.StandardButton.Cancel).click()  # first: changed my mind
    assert rows.get_model(trained_store, second.version) is not None
    panel.confirm_box = None
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.confirm_box is not None and panel.confirm_box.isVisible(), timeout=10_000)
    panel.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: list(rows_by_version(tab)) == ["v1"], timeout=10_000)
    assert rows.get_model(trained_store, second.version) is None
    assert not (trained_store.models_dir / second.artifact).exists()


def test_a_tampered_artifact_shows_its_warning_and_can_be_retrained(make_tab, trained_store, qtbot):
    second = train(trained_store, TrainingConfig("tree"), activate=False)
    with open(trained_store.models_dir / second.artifact, "ab") as f:
        f.write(b"tampered")
    tab = make_tab(trained_store)
    row = rows_by_version(tab)[f"v{second.version}"]
    assert row["Warnings"] == "⚠ file altered"
    assert rows_by_version(tab)["v1"]["Warnings"] == ""
    table = tab.registry.table
    index = table.registry.index(table.versions().index(second.version), WARNINGS)
    assert f"iris-desktop delete {second.version}" in table.registry.data(index, Qt.ItemDataRole.ToolTipRole)
    select(qtbot, tab, second.version)
    panel = tab.registry
    assert not panel.activate_button.isEnabled() and not panel.export_button.isEnabled()
    assert panel.retrain_button.isEnabled() and panel.retrain_button.toolTip().startswith("Recommended: file altered")
    qtbot.mouseClick(panel.retrain_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab.training_task, timeout=60_000)
    third = second.version + 1
    qtbot.waitUntil(lambda: f"v{third}" in rows_by_version(tab), timeout=10_000)
    assert rows_by_version(tab)[f"v{third}"]["Lineage"].startswith(f"retrained from v{second.version}")
    assert rows_by_version(tab)[f"v{third}"]["Warnings"] == ""
    assert rows.get_model(trained_store, third).params == second.params


def test_the_form_cannot_hold_an_invalid_combination(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    form, panel = tab.panel.form, tab.panel
    p = form.control("p")
    assert p.isEnabled()
    form.control("metric").setCurrentText("euclidean")
    assert not p.isEnabled() and p.value() == 2
    assert panel.folds.maximum() == 39  # 39 virginica in the training split
    panel.folds.setValue(99)
    assert panel.folds.value() == 39
    panel.folds.setValue(5)
    assert form.control("n_neighbors").maximum() == 95  # a CV training fold of 119 flowers
    panel.sources["backfill"].setChecked(False)  # leaves "import": allowed
    panel.sources["import"].setChecked(False)  # the last one: refused
    assert panel.chosen_sources() == ("import",)
    qtbot.waitUntil(lambda: not tab.train_button.isEnabled(), timeout=10_000)  # no imported flowers
    assert "no import flowers" in panel.split_text.text()
    panel.sources["backfill"].setChecked(True)
    qtbot.waitUntil(lambda: tab.train_button.isEnabled(), timeout=10_000)
    form.set_algorithm("tree")
    depth = form.control("max_depth")
    depth.setValue(depth.minimum())
    assert depth.text() == "No limit" and form.params()["max_depth"] is None


def test_settings_persist(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.panel.form.set_algorithm("svm")
    tab.panel.form.control("C").setValue(2.5)
    tab.panel.standardize.setChecked(True)
    tab.panel.sources["daily"].setChecked(True)
    tab.panel.test_percent.setValue(30)
    tab.panel.seed.setValue(7)
    tab.activate_box.setChecked(False)
    tab.settings.sync()
    again = make_tab(trained_store)
    config = again.panel.config()
    assert config.algorithm == "svm" and config.params["C"] == 2.5 and config.standardize
    assert config.sources == ("backfill", "import", "daily")
    assert (config.test_fraction, config.seed) == (0.3, 7)
    assert not again.activate_box.isChecked()


def test_validation_curve_equals_the_pipeline_and_a_click_sets_k(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.pages.setCurrentIndex(1)
    qtbot.mouseClick(tab.curve_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab.curve_task, timeout=30_000)
    curve = tab.curve_plot.curve
    expected = knn_validation_curve(trained_store, ks=range(1, 31))
    assert curve.ks == list(range(1, 31)) and np.allclose(curve.cv_mean, expected.cv_mean)
    assert f"Best k: {expected.best_k}" in tab.curve_caption.text()
    _x, y = tab.curve_plot.cv_line.getData()
    assert np.allclose(y, expected.cv_mean)

    plot = tab.curve_plot
    view = plot.getPlotItem().vb
    scene_point = view.mapViewToScene(QPointF(12.2, float(np.mean(expected.cv_mean))))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene_point))
    assert tab.panel.form.control("n_neighbors").value() == 12
    assert plot.k_line.value() == 12
    tab.panel.seed.setValue(43)  # the curve no longer matches the settings
    assert "compute it again" in tab.curve_status.text()


def test_validation_curve_can_be_cancelled(make_tab, trained_store, qtbot, monkeypatch):
    from iris_desktop.ui.tabs.train import jobs as train_jobs

    real = train_jobs.validation_curve

    def slow(*args, should_cancel=None, progress=None):
        deadline = time.monotonic() + 10
        while not should_cancel() and time.monotonic() < deadline:  # busy until Cancel is pressed
            time.sleep(0.005)
        return real(*args, should_cancel=should_cancel, progress=progress)

    monkeypatch.setattr(train_jobs, "validation_curve", slow)
    tab = make_tab(trained_store)
    tab.pages.setCurrentIndex(1)
    qtbot.mouseClick(tab.curve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.curve_cancel.isEnabled(), timeout=5_000)
    qtbot.mouseClick(tab.curve_cancel, Qt.MouseButton.LeftButton)
    wait_done(qtbot, tab.curve_task, timeout=10_000)
    assert tab.curve_task.state == "cancelled" and tab.curve_status.text() == "Cancelled."
    assert tab.curve_plot.curve is None and tab.curve_button.isEnabled()


def test_other_algorithms_get_a_note_instead_of_the_curve(make_tab, trained_store):
    tab = make_tab(trained_store)
    tab.panel.form.set_algorithm("logreg")
    assert tab.curve_stack.currentWidget() is tab.curve_note


def test_decision_regions_of_the_selected_version_with_its_test_flowers(make_tab, trained_store, qtbot):
    second = train(trained_store, TrainingConfig("tree", {"max_depth": 2}), activate=False)
    tab = make_tab(trained_store)
    tab.pages.setCurrentIndex(2)
    select(qtbot, tab, second.version)
    regions = tab.regions
    qtbot.waitUntil(
        lambda: (
            regions.model is not None
            and regions.model.version == second.version
            and regions.map.image_data is not None
            and not regions.map.regions_pending
        ),
        timeout=15_000,
    )
    assert regions.map.dots_shown == 30  # the test flowers
    assert f"Model v{second.version}: dots are its 30 test flowers" in regions.caption.text()
    model = registry.load_model(trained_store, second.version)
    x, y = 1.5, 0.3  # a setosa-sized petal
    assert regions.map.region_at(x, y).value == model.predict([[5.0, 3.0, x, y]])[0].value
    regions.x_box.setCurrentIndex(0)  # sepal length across
    qtbot.waitUntil(lambda: regions.map.axes == (0, 3) and regions.map.image_data is not None, timeout=15_000)


def test_compare_backtest_and_export(make_tab, trained_store, qtbot, tmp_path):
    second = train(trained_store, TrainingConfig("logreg", standardize=True), activate=False)
    tab = make_tab(trained_store)
    panel = tab.registry
    select(qtbot, tab, second.version)
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    dialog = panel.compare_dialog
    assert dialog.versions() == (second.version, 1)  # the selected one against the active one
    table = {what: (a, b, bold) for what, a, b, bold in dialog.rows()}
    assert table["Algorithm"] == ("Logistic regression", "k-nearest neighbours", True)
    assert table["Standardised"] == ("yes", "no", True) and not table["Same data"][2]
    assert dialog.matrices[1].cell_texts() == [
        [str(c) for c in r] for r in rows.get_model(trained_store, 1).metrics["confusion_matrix"]
    ]
    dialog.close()

    qtbot.mouseClick(panel.backtest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.backtest_dialog is not None and panel.backtest_dialog.isVisible(), timeout=15_000)
    assert panel.backtest_dialog.backtest.n == 31
    assert "of the 31 daily flowers" in panel.backtest_dialog.summary.text()
    panel.backtest_dialog.close()

    task = panel.export(second.version, str(tmp_path / "out"))
    wait_done(qtbot, task)
    assert (tmp_path / "out" / f"iris-model-v{second.version}.skops").is_file()
    assert (tmp_path / "out" / f"iris-model-v{second.version}.json").is_file()
    assert tab.train_status.text().startswith(f"Exported model v{second.version}")


def test_changes_made_elsewhere_reach_the_registry(make_tab, trained_store, qtbot):
    from tests.ui.conftest import sync

    tab = make_tab(trained_store)
    tab.show()  # a hidden tab reads the registry again when it is shown, not before
    train(trained_store, TrainingConfig(params={"n_neighbors": 9}), activate=False)  # e.g. by the CLI
    sync(tab.state)  # what the change watcher does after any commit
    qtbot.waitUntil(lambda: "v2" in rows_by_version(tab), timeout=10_000)
    assert rows_by_version(tab)["v2"]["Key parameters"] == "k=9, raw cm"
