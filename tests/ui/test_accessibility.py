"""Usable by everyone (issue 26): every interactive widget of every tab and dialog is
announced by a name, every plot has a name and a description, and Tab visits each tab's
controls once, in reading order. tests/ui/accessibility_probe.py says what counts."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QGraphicsView, QInputDialog, QTabWidget, QWidget

from tests.conftest import TODAY
from tests.ui.accessibility_probe import (
    focusable,
    interactive_widgets,
    reading_order_breaks,
    spoken_name,
    tab_chain,
    unnamed,
)


def show_every_page(window, index: int) -> QWidget:
    """Tab `index` with each page inside it shown once (some build their parts when shown)."""
    window.tabs.setCurrentIndex(index)
    tab = window.tab_widget(index)
    for pages in tab.findChildren(QTabWidget):
        for page in range(pages.count()):
            pages.setCurrentIndex(page)
            QApplication.processEvents()
        pages.setCurrentIndex(0)
    QApplication.processEvents()
    return tab


@pytest.fixture
def window(loaded_window, trained_store, qtbot):
    made = loaded_window(trained_store, today=TODAY)
    made.resize(1280, 820)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def test_every_interactive_widget_of_the_five_tabs_has_a_name(window):
    counted = 0
    for index in range(window.tabs.count()):
        tab = show_every_page(window, index)
        widgets = interactive_widgets(tab)
        counted += len(widgets)
        assert unnamed(tab) == [], window.tabs.tabText(index)
    assert counted > 150  # the probe found the widgets it checks
    assert unnamed(window) == []  # the window's own: tab bar, status bar


def test_names_reach_the_accessibility_interface(window):
    """What Qt hands a screen reader: the names set, the plots' descriptions."""
    show_every_page(window, 0)
    explore = window.tab("Explore")
    for widget in (explore.table.day_from, explore.keyboard.condition, explore.large.plot_widget):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None and interface.text(QAccessible.Text.Name) == spoken_name(widget)
    counts = np.bincount(explore.data.variety, minlength=3)
    plot = QAccessible.queryAccessibleInterface(explore.matrix)
    assert plot.text(QAccessible.Text.Description) == (
        f"181 flowers ({counts[0]} Setosa, {counts[1]} Versicolor, {counts[2]} Virginica) "
        "in every pair of the four measurements."
    )


def test_every_plot_has_a_name_and_a_description(window):
    plots = []
    for index in range(window.tabs.count()):
        tab = show_every_page(window, index)
        plots += tab.findChildren(QGraphicsView)
    assert len(plots) == 13  # 3 on Explore, 3 on Train, 2 on Daily, 2 on Predict, 3 on History
    for plot in plots:
        assert plot.accessibleName() and plot.accessibleDescription(), type(plot).__name__
        assert plot.focusPolicy() == Qt.FocusPolicy.StrongFocus


@pytest.mark.parametrize("name", ["Explore", "Train", "Daily", "Predict", "History"])
def test_tab_visits_every_control_once_in_reading_order(window, qtbot, name):
    index = [window.tabs.tabText(i) for i in range(window.tabs.count())].index(name)
    window.tabs.setCurrentIndex(index)
    tab = window.tab_widget(index)
    qtbot.waitUntil(lambda: not window.state.runner.busy, timeout=30_000)
    QApplication.processEvents()
    chain = tab_chain(qtbot, tab)
    reachable = [w for w in tab.findChildren(QWidget) if focusable(w, tab)]
    assert len(chain) == len(set(chain))
    assert set(chain) == set(reachable), [spoken_name(w) for w in reachable if w not in chain]
    assert reading_order_breaks(chain) == []
    assert all(spoken_name(w) for w in chain)


def test_the_dialogs_name_their_controls(window, qtbot, tmp_path):
    """Import preview, restore, compare, backtest, remove-an-import, a plot's data table
    and the keyboard shortcuts: nothing in them unnamed."""
    csv = tmp_path / "more.csv"
    csv.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n5.05,3.45,1.45,0.25,setosa\n")
    window.data_actions.import_csv(str(csv))
    qtbot.waitUntil(lambda: window.data_actions.dialog is not None and window.data_actions.dialog.isVisible())
    preview = window.data_actions.dialog
    assert interactive_widgets(preview) and unnamed(preview) == []
    preview.accept()
    qtbot.waitUntil(lambda: window.state.summary is not None and window.state.summary.count("import") == 1)

    restore = window.app_actions.restore_backup()
    assert unnamed(restore) == []
    restore.reject()

    train = window.tab("Train")
    record = train.registry.entries[0].record
    from iris_desktop.ui.tabs.train.compare_dialog import CompareDialog

    compare = CompareDialog([record], record.version, record.version)
    qtbot.addWidget(compare)
    assert unnamed(compare) == []
    task = train.registry.backtest(record.version)
    qtbot.waitUntil(lambda: task.is_done and train.registry.backtest_dialog is not None)
    assert unnamed(train.registry.backtest_dialog) == []
    train.registry.backtest_dialog.close()

    window.data_actions.remove_import()
    qtbot.waitUntil(lambda: isinstance(getattr(window.data_actions, "picker", None), QInputDialog))
    picker = window.data_actions.picker
    assert unnamed(picker) == []
    picker.reject()

    data = window.tab("Explore").matrix.access.show_table()
    assert unnamed(data) == []
    data.close()
    shortcuts = window.view_actions.show_shortcuts()
    assert unnamed(shortcuts) == []


def test_f1_lists_the_keyboard_shortcuts(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.view_actions.dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    assert ("Any plot", "Ctrl+T", "Show the numbers behind the plot as a table") in rows
    assert any(where == "Explore" and keys == "Alt+W" for where, keys, _what in rows)
    assert {where for where, _keys, _what in rows} >= {"Window", "Explore", "Train", "Daily", "Predict", "History"}


def test_the_readme_lists_the_same_shortcuts_as_help():
    from pathlib import Path

    from iris_desktop.ui.widgets import strings

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| Where | Keys | What they do |\n|---|---|---|\n", 1)[1].split("\n\n", 1)[0]
    rows = [tuple(cell.strip() for cell in line.strip("|").split(" | ")) for line in table.splitlines()]
    assert rows == [tuple(row) for row in strings.SHORTCUTS]
