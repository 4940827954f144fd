"""A plot does not repaint when its window is deactivated or activated again (a dialog
opening over it): nothing it draws depends on that."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable


class Paints(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_dialog_over_a_plot_does_not_repaint_it(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    plot = pg.PlotWidget()
    plot.plot(np.arange(50.0), np.sin(np.arange(50.0)))
    PlotAccess(plot, "A curve", lambda: "a curve", lambda: PlotTable("A curve", []))
    central = QWidget()
    column = QVBoxLayout(central)
    field = QLineEdit()  # has the focus (a focused plot shows a frame, and hides it with the focus)
    column.addWidget(field)
    column.addWidget(plot)
    window.setCentralWidget(central)
    window.resize(400, 300)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field.setFocus()
    paints = Paints()
    plot.viewport().installEventFilter(paints)
    plot.viewport().repaint()
    assert paints.count == 1  # the filter sees the plot's paints

    dialog = QDialog(window)
    dialog.resize(200, 100)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.close()
    window.activateWindow()  # (the offscreen platform does not give it back by itself)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.wait(50)  # the turns in which a repaint would come
    assert paints.count == 1
    assert plot.scene().isActive()  # the scene still takes focus and keys
