"""Light, dark and high contrast follow the desktop, live, plots included; View ▸ Colours
overrides it and is remembered."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsView, QTabWidget

from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.theme import is_dark
from tests.conftest import TODAY


def every_plot(window) -> list[QGraphicsView]:
    plots = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tab_widget(index)
        for pages in tab.findChildren(QTabWidget):
            for page in range(pages.count()):
                pages.setCurrentIndex(page)
                QApplication.processEvents()
        plots += tab.findChildren(QGraphicsView)
    return plots


def pixel(view: QGraphicsView, x: int = 3, y: int = 3) -> QColor:
    """A colour drawn by `view` (near its top-left corner: the plot's background)."""
    return view.grab().toImage().pixelColor(x, y)


def platform_says(scheme: Qt.ColorScheme) -> None:
    """What Qt does when the desktop switches (the offscreen platform never does)."""
    QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)


@pytest.fixture
def window(loaded_window, trained_store, qtbot):
    made = loaded_window(trained_store, today=TODAY)
    qtbot.waitUntil(lambda: made.theme.started)
    return made


def test_a_dark_desktop_repaints_every_plot_in_the_dark_colours(window, qtbot):
    plots = every_plot(window)
    assert len(plots) == 13 and colors.scheme() is colors.LIGHT
    assert all(pixel(p).name().upper() == colors.LIGHT.background for p in plots)

    platform_says(Qt.ColorScheme.Dark)
    assert colors.scheme() is colors.DARK
    assert is_dark(QApplication.palette())  # the window too: this platform's palette stays light
    for plot in plots:
        assert plot.backgroundBrush().color().name().upper() == colors.DARK.background, plot.accessibleName()
        assert pixel(plot).name().upper() == colors.DARK.background, plot.accessibleName()
    axis = window.tab("History").plot.plot.getAxis("left")
    assert axis.textPen().color().name().upper() == colors.DARK.text
    chart = window.tab("Predict").chart
    assert [pg.mkBrush(b).color().name().upper() for b in chart.bars.opts["brushes"]] == list(colors.DARK.varieties)
    assert window.tab("History").plot.rolling.opts["pen"].color().name().upper() == colors.DARK.accent

    platform_says(Qt.ColorScheme.Light)
    assert colors.scheme() is colors.LIGHT and not is_dark(QApplication.palette())
    assert all(pixel(p).name().upper() == colors.LIGHT.background for p in plots)


def test_the_view_menu_overrides_the_desktop_and_is_remembered(window, make_window, qtbot):
    actions = window.view_actions
    actions.colour_actions["dark"].trigger()
    assert colors.scheme() is colors.DARK and is_dark(QApplication.palette())
    platform_says(Qt.ColorScheme.Light)  # the desktop no longer decides
    assert colors.scheme() is colors.DARK
    assert window.settings.value("view/colours") == "dark"

    window.close()
    QApplication.setPalette(QPalette())  # as a new process starts
    colors.set_scheme(colors.LIGHT)
    again = make_window()
    assert colors.scheme() is colors.DARK  # before its first paint
    assert again.view_actions.colour_actions["dark"].isChecked()
    again.view_actions.colour_actions["system"].trigger()
    assert colors.scheme() is colors.LIGHT and not is_dark(QApplication.palette())


def test_high_contrast_from_the_menu_or_the_desktop(window, qtbot):
    plot = window.tab("History").plot
    window.view_actions.contrast_action.trigger()
    assert colors.scheme() is colors.LIGHT_HIGH_CONTRAST
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert palette.color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert plot.rolling.opts["pen"].widthF() == pytest.approx(2.2 * 1.5)

    platform_says(Qt.ColorScheme.Dark)
    assert colors.scheme() is colors.DARK_HIGH_CONTRAST
    assert pixel(plot).name() == "#000000"

    window.view_actions.contrast_action.trigger()  # off; the desktop may still ask for it
    hints = QGuiApplication.styleHints().accessibility()
    hints.contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert colors.scheme() is colors.DARK_HIGH_CONTRAST
    hints.contrastPreferenceChanged.emit(Qt.ContrastPreference.NoPreference)
    assert colors.scheme() is colors.DARK
