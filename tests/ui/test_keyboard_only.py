"""A new user with a keyboard and no mouse, end to end: import a CSV file, select flowers
on Explore by a condition and by a range, train a model, activate it, predict a flower
and read History. Every step is a key press sent where the keyboard focus is (pytest-qt's
keyClick / keyClicks); nothing is clicked, no method of the app is called to act."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from iris_desktop.store import flowers
from iris_desktop.store.registry import active_version
from tests.conftest import TODAY
from tests.ui.conftest import read

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
NEW_FLOWERS = (
    "sepal_length,sepal_width,petal_length,petal_width,variety\n"
    "6.45,3.05,5.15,1.95,virginica\n6.75,3.15,4.65,1.55,versicolor\n5.15,3.45,1.45,0.25,setosa\n"
    "7.05,3.25,5.95,2.05,virginica\n6.25,2.85,4.85,1.75,virginica\n5.85,2.75,4.15,1.35,versicolor\n"
)


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on the keyboard: it goes where the focus is."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def back_to(qtbot, window) -> None:
    """What a window manager does when a dialog closes: the window under it is active
    again (the offscreen platform has no window manager to do it)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)


def test_import_select_train_activate_predict_and_read_history_with_the_keyboard_alone(
    loaded_window, trained_store, qtbot, tmp_path
):
    window = loaded_window(trained_store, today=TODAY)
    back_to(qtbot, window)
    csv = tmp_path / "keyboard.csv"
    csv.write_text(NEW_FLOWERS, encoding="utf-8")

    # ---- File ▸ Import (Ctrl+O): type the path in the file dialog, Enter; Enter imports.
    deadline, stuck = time.monotonic() + 20, []

    def answer_file_dialog():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        focus = QApplication.focusWidget()
        if shown and time.monotonic() > deadline:  # fail below rather than wait in the dialog forever
            stuck.append(f"modal {QApplication.activeModalWidget()!r}, focus {focus!r}")
            shown[0].reject()
            return
        # Typed once the dialog is up and has the focus (where a user's keys would go).
        if not shown or focus is None or not shown[0].isAncestorOf(focus):
            if shown:
                shown[0].activateWindow()  # what a window manager does for a new dialog
            QTimer.singleShot(20, answer_file_dialog)
            return
        type_text(qtbot, str(csv))
        press(qtbot, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer_file_dialog)
    press(qtbot, Qt.Key.Key_O, CTRL)
    assert not stuck, stuck
    qtbot.waitUntil(lambda: window.data_actions.dialog is not None and window.data_actions.dialog.isVisible())
    preview = window.data_actions.dialog
    qtbot.waitUntil(lambda: preview.isActiveWindow())
    assert "6 flowers" in preview.verdict.text()
    press(qtbot, Qt.Key.Key_Return)  # the default button: Import
    qtbot.waitUntil(lambda: read(window, flowers.count_by_source)["import"] == 6, timeout=30_000)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Imported 6 flowers"), timeout=30_000)
    back_to(qtbot, window)

    # ---- Explore (Ctrl+1): select where a condition holds (Alt+W), then intersect (Alt+3)
    # with a range typed in (Alt+G: two measurements, their smallest and largest values).
    press(qtbot, Qt.Key.Key_1, CTRL)
    explore = window.tab("Explore")
    qtbot.waitUntil(lambda: not explore.preparing and len(explore.data) == 150 + 31 + 6, timeout=30_000)
    X, variety = explore.data.columns.X, explore.data.variety
    press(qtbot, Qt.Key.Key_W, ALT)
    assert focused() is explore.keyboard.condition
    type_text(qtbot, "petal_length > 4.5 and variety = virginica")
    press(qtbot, Qt.Key.Key_Return)
    by_condition = (X[:, 2] > 4.5) & (variety == 2)
    assert np.array_equal(explore.selection.mask, by_condition)
    assert window.status_label.text().startswith(f"Replace: {by_condition.sum()} flowers where petal length > 4.5")

    press(qtbot, Qt.Key.Key_3, ALT)  # Alt+3: intersect
    press(qtbot, Qt.Key.Key_G, ALT)
    assert focused() is explore.keyboard.axes[0]  # petal length, the first measurement
    for value in ("5", "6.5"):  # petal length from 5 to 6.5 cm
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, value)
    press(qtbot, Qt.Key.Key_Tab)  # petal width, the second measurement
    assert focused() is explore.keyboard.axes[1]
    for value in ("1.8", "2.2"):
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, value)
    press(qtbot, Qt.Key.Key_Return)
    by_range = (X[:, 2] >= 5) & (X[:, 2] <= 6.5) & (X[:, 3] >= 1.8) & (X[:, 3] <= 2.2)
    assert np.array_equal(explore.selection.mask, by_condition & by_range)
    assert 0 < explore.selection.mask.sum() < by_condition.sum()
    assert explore.table.count_label.text().endswith(f"{int((by_condition & by_range).sum())} selected")

    # ---- Train (Ctrl+2): untick "Activate when trained" (Alt+W), train (Ctrl+Return),
    # then activate the new version selected in the registry (Alt+A).
    press(qtbot, Qt.Key.Key_2, CTRL)
    train = window.tab("Train")
    press(qtbot, Qt.Key.Key_W, ALT)  # a mnemonic clicks its button after a short flash
    qtbot.waitUntil(lambda: not train.activate_box.isChecked())
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: train.training_task is not None and train.training_task.is_done, timeout=60_000)
    qtbot.waitUntil(lambda: train.registry.table.selected() == [2], timeout=30_000)
    assert read(window, active_version) == 1
    press(qtbot, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: window.state.model is not None and window.state.model.version == 2, timeout=60_000)
    assert read(window, active_version) == 2

    # ---- Predict (Ctrl+4): each measurement typed in its box (Alt+L, W, E, D), Enter.
    press(qtbot, Qt.Key.Key_4, CTRL)
    predict = window.tab("Predict")
    qtbot.waitUntil(lambda: predict.model is not None and predict.model.version == 2, timeout=30_000)
    for key, value in ((Qt.Key.Key_L, "6.9"), (Qt.Key.Key_W, "3.1"), (Qt.Key.Key_E, "5.4"), (Qt.Key.Key_D, "2.1")):
        press(qtbot, key, ALT)
        press(qtbot, Qt.Key.Key_A, CTRL)  # the box's text, all of it
        type_text(qtbot, value)
        press(qtbot, Qt.Key.Key_Return)
    assert predict.values() == (6.9, 3.1, 5.4, 2.1)
    qtbot.waitUntil(lambda: not predict.prediction_pending)
    expected = predict.model.predict_proba(np.array([[6.9, 3.1, 5.4, 2.1]]))[0]
    assert predict.prediction_label.text() == ["Setosa", "Versicolor", "Virginica"][int(expected.argmax())]
    assert predict.chart.accessibleDescription().startswith("Setosa ")

    # ---- History (Ctrl+5): to the predictions (Alt+W, then Tab), a day with the arrows;
    # the accuracy plot's numbers as a table (Tab to it, Ctrl+T).
    press(qtbot, Qt.Key.Key_5, CTRL)
    history = window.tab("History")
    qtbot.waitUntil(lambda: history.data is not None and len(history.data.view) == 31, timeout=30_000)
    press(qtbot, Qt.Key.Key_W, ALT)
    assert focused() is history.table.outcome
    while focused() is not history.table.view:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    day = history.table.selected_day()
    assert day is not None and history.day_panel.day == day
    assert history.day_panel.heading.text() == f"{day:%A %d %B %Y}"
    while focused() is not history.plot:
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert history.plot.accessibleDescription().startswith("31 days from")
    press(qtbot, Qt.Key.Key_T, CTRL)
    table = history.plot.access.dialog
    assert table is not None and table.isVisible()
    rows = table.cell_texts()
    assert len(rows) == 32 and rows[0][0] == "Day"
    table.close()
