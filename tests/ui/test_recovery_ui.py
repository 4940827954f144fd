"""Backups, restore and the clock in the window: File ▸ Restore from backup…, days
stored after today offered for removal, a catch-up of more than a year asked first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import Store, backups
from iris_desktop.store import flowers as flower_table
from tests.conftest import TODAY


def question(window, title: str) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.windowTitle() == title and b.isVisible()]
    assert len(boxes) == 1, [b.windowTitle() for b in window.findChildren(QMessageBox)]
    return boxes[0]


def click(qtbot, box: QMessageBox, text: str) -> None:
    (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_restore_from_backup_brings_back_the_data_and_its_model(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, TODAY)
    (_daily,) = backups.list_backups(trained_store.path)  # made by the start-up
    with Store.open(trained_store.path, trained_store.models_dir) as other:  # as another program would
        train(other, TrainingConfig(params={"n_neighbors": 9}), activate=True)
    qtbot.waitUntil(lambda: window.state.model is not None and window.state.model.version == 2, timeout=10_000)

    dialog = window.app_actions.restore_backup()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == "daily" and dialog.table.item(0, 3).text() == "1"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "confirmation", None) is not None, timeout=10_000)
    assert "another Iris Desktop installation" not in dialog.confirmation.text()  # our own backup
    click(qtbot, dialog.confirmation, "Restore")

    qtbot.waitUntil(lambda: window.state.model is not None and window.state.model.version == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Restored"), timeout=10_000)
    assert window.state.summary.models == (1,)
    kept = backups.list_backups(trained_store.path)
    assert [b.reason for b in kept] == ["restore", "daily"] and kept[0].models == 2  # the undo


def test_days_stored_after_today_are_offered_for_removal(loaded_window, trained_store, qtbot):
    catch_up(trained_store, TODAY + dt.timedelta(days=40))  # the clock was 40 days ahead
    window = loaded_window(trained_store, TODAY)
    box = question(window, "Days stored after today")
    assert "40 stored days lie after today" in box.text()
    window.show_tab("History")
    history = window.tab("History")
    qtbot.waitUntil(lambda: history.data is not None, timeout=10_000)
    assert history.data.first.day.max() == TODAY  # never a day after today

    click(qtbot, box, "Remove them")
    qtbot.waitUntil(lambda: flower_table.daily_span_after(trained_store, TODAY)[0] == 0, timeout=10_000)
    assert flower_table.last_daily_day(trained_store) == TODAY


def test_a_catch_up_of_more_than_a_year_asks_first(loaded_window, trained_store, qtbot):
    later = TODAY + dt.timedelta(days=400)
    window = loaded_window(trained_store, later)
    box = question(window, "Catch up more than a year?")
    assert f"The last daily flower is from {TODAY}: 400 days have passed" in box.text()
    assert flower_table.last_daily_day(trained_store) == TODAY  # nothing done before the answer
    click(qtbot, box, "Catch up 400 days")
    qtbot.waitUntil(lambda: flower_table.last_daily_day(trained_store) == later, timeout=30_000)
