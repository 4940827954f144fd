"""Issue 31: Explore's shortcuts (Alt+1…4, Esc, Alt+R/L/N, Alt+J, Alt+0) work as soon as
the tab is shown, wherever the focus is in the window (after a click on the tab's label
too), and never while another tab is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from iris_desktop.ui.tabs.explore.selection import Mode
from tests.conftest import TODAY

ALT = Qt.KeyboardModifier.AltModifier


def test_explore_shortcuts_after_a_click_on_its_label(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, TODAY)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())  # the "Explore" label
    explore = window.tab("Explore")
    assert window.tabs.currentWidget() is not None and bar.currentIndex() == 0
    assert not explore.isAncestorOf(QApplication.focusWidget())  # the focus is on the tab bar

    qtbot.keyClick(bar, Qt.Key.Key_2, ALT)
    assert explore.mode is Mode.ADD
    qtbot.keyClick(bar, Qt.Key.Key_L, ALT)
    assert explore.toolbar.tool_actions["lasso"].isChecked()
    explore.selection.apply(explore.data.columns.X[:, 2] < 2)  # setosa's petals
    assert not explore.selection.empty
    qtbot.keyClick(bar, Qt.Key.Key_Escape)
    assert explore.selection.empty

    window.show_tab("History")  # Explore hidden: its keys are not its to take
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_3, ALT)
    assert explore.mode is Mode.ADD
