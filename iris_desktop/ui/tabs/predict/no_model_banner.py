"""The banner the Predict tab shows while there is no model: what is missing, and a
button that asks for the default model (the window trains it; see AppState)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.widgets import strings


class NoModelBanner(QFrame):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame { background: palette(alternate-base); }")
        text = QLabel(
            tr(
                "There is no trained model yet, so there is nothing to predict with. "
                "The flower below still follows the sliders."
            )
        )
        text.setWordWrap(True)
        self.train_button = QPushButton(tr("&Train the default model"))
        self.train_button.setToolTip(strings.EMPTY_TRAIN_DEFAULT_TIP)
        self.train_button.clicked.connect(state.trainDefaultRequested.emit)
        row = QHBoxLayout(self)
        row.addWidget(text, 1)
        row.addWidget(self.train_button)
        self.hide()
