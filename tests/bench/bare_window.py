"""Baseline for bench_startup: a bare PySide6 window that quits at its first paint.

With --imports it then imports what the app's tabs need (scikit-learn's neighbors
module, pandas, pyqtgraph) before quitting: the floor for "ready".
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not Window.painted:
            Window.painted = True
            QTimer.singleShot(0, after_paint)


def after_paint():
    if "--imports" in sys.argv:
        import pandas  # noqa: F401
        import pyqtgraph  # noqa: F401
        import sklearn.neighbors  # noqa: F401
    app.quit()


app = QApplication(sys.argv[:1])
window = Window()
window.resize(1280, 820)
window.show()
sys.exit(app.exec())
