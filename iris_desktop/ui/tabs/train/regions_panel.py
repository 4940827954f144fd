"""Any version's decision regions on two chosen features (the Predict tab's map), with
its test flowers over them; the other two features are held at the training means."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.decision_map import DecisionMap

DEFAULT_AXES = (2, 3)  # petal length x petal width: where the varieties part


def _legend(what: str) -> str:
    dots = " ".join(f'<span style="color:{colors.hex_of(v)}">●</span>&nbsp;{v.label}&nbsp;' for v in VARIETIES)
    return f"{dots} &nbsp;dots: {what}; shading: the predicted variety (paler where the model hesitates)"


class RegionsPanel(QWidget):
    axesChanged = Signal(int, int)
    exportRequested = Signal()

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.model = None
        self.axes = DEFAULT_AXES
        self.x_box, self.y_box = QComboBox(), QComboBox()
        for box, chosen, tip in (
            (self.x_box, self.axes[0], "The feature across"),
            (self.y_box, self.axes[1], "The feature up"),
        ):
            for feature in FEATURES:
                box.addItem(feature.display)
            box.setCurrentIndex(chosen)
            box.setToolTip(tip)
            box.currentIndexChanged.connect(self._axes_picked)
        x_label, y_label = QLabel("&Across:"), QLabel("&Up:")
        x_label.setBuddy(self.x_box)
        y_label.setBuddy(self.y_box)
        self.export_button = QPushButton("Export imag&e…")
        self.export_button.setToolTip("Save the map as PNG or SVG")
        self.export_button.clicked.connect(self.exportRequested.emit)
        row = QHBoxLayout()
        for widget in (x_label, self.x_box, y_label, self.y_box):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self._what = "test flowers"
        self.legend = QLabel(_legend(self._what))
        self.legend.setWordWrap(True)
        self.caption = QLabel("Select a version to see its decision regions.")
        self.caption.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.legend)
        self.map = self._new_map()
        self.layout_.addWidget(self.map, 1)
        self.layout_.addWidget(self.caption)
        colors.follow(self.restyle)

    def restyle(self, _scheme: colors.Scheme) -> None:
        self.legend.setText(_legend(self._what))  # the dots' colours

    def _new_map(self) -> DecisionMap:
        view = DecisionMap(runner=self.runner, axes=self.axes)
        view.point.hide()  # no "current flower" here
        view.access.set_export(self.exportRequested.emit)
        view.regionsComputed.connect(self._computed)
        view.setMinimumSize(300, 220)
        return view

    def set_axes(self, x: int, y: int) -> None:
        for box, value in ((self.x_box, x), (self.y_box, y)):
            box.blockSignals(True)
            box.setCurrentIndex(value)
            box.blockSignals(False)
        self._axes_picked()

    def _axes_picked(self) -> None:
        x, y = self.x_box.currentIndex(), self.y_box.currentIndex()
        if x == y:  # one feature against itself shows nothing: swap the other box
            other = self.axes[0] if self.sender() is self.y_box else self.axes[1]
            box = self.x_box if self.sender() is self.y_box else self.y_box
            box.blockSignals(True)
            box.setCurrentIndex(other if other != x else (x + 1) % len(FEATURES))
            box.blockSignals(False)
            x, y = self.x_box.currentIndex(), self.y_box.currentIndex()
        if (x, y) == self.axes:
            return
        self.axes = (x, y)
        old = self.map
        self.map = self._new_map()  # the map's axes are fixed at construction
        self.layout_.replaceWidget(old, self.map)
        QWidget.setTabOrder(self.export_button, self.map)  # where the old one was in the Tab order
        old.deleteLater()
        self.axesChanged.emit(x, y)
        self.set_model(self.model)

    def set_model(self, model) -> None:
        """Show `model`'s regions with its test flowers (its training flowers if the file
        predates stored test flowers)."""
        self.model = model
        if model is None:
            self.map.set_model(None)
            self.caption.setText("Select a version to see its decision regions.")
            return
        has_test = model.X_test is not None and len(model.X_test)
        X, y = (model.X_test, model.y_test) if has_test else (model.X_train, model.y_train)
        self._what = "test flowers" if has_test else "training flowers"
        self.legend.setText(_legend(self._what))
        stats = model.train_stats
        low = np.minimum(stats.low, X.min(axis=0)) if len(X) else stats.low
        high = np.maximum(stats.high, X.max(axis=0)) if len(X) else stats.high
        margin = np.maximum(0.3, 0.1 * (high - low))
        i, j = self.axes
        self.map.set_ranges(
            (max(0.1, low[i] - margin[i]), high[i] + margin[i]), (max(0.1, low[j] - margin[j]), high[j] + margin[j])
        )
        self.map.set_model(model, X, np.asarray(y, dtype=int))
        self.caption.setText(f"Computing the regions of model v{model.version}…")
        self.map.compute_regions(stats.mean)

    def _computed(self, held) -> None:
        model = self.model
        if model is None:
            return
        others = [k for k in range(len(FEATURES)) if k not in self.axes]
        held_text = " and ".join(f"{FEATURES[k].display.lower()} {held[k]:.1f} cm" for k in others)
        has_test = model.X_test is not None and len(model.X_test)
        what = (
            f"its {len(model.X_test)} test flowers"
            if has_test
            else f"its {len(model.y_train)} training flowers (this file keeps no test flowers)"
        )
        self.caption.setText(
            f"Model v{model.version}: dots are {what}. Regions: its prediction with "
            f"{held_text} held at the training means."
        )
