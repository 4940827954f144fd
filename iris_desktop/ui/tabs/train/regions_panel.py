"""Any version's decision regions on two chosen features (the Predict tab's map), with
its test flowers over them; the other two features are held at the training means."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.core_words import feature_display as feature_name
from iris_desktop.ui.widgets.decision_map import DecisionMap

DEFAULT_AXES = (2, 3)  # petal length x petal width: where the varieties part


def _legend(test_flowers: bool) -> str:
    dots = " ".join(f'<span style="color:{colors.hex_of(v)}">●</span>&nbsp;{v.label}&nbsp;' for v in VARIETIES)
    if test_flowers:
        key = tr("dots: test flowers; shading: the predicted variety (paler where the model hesitates)")
    else:
        key = tr("dots: training flowers; shading: the predicted variety (paler where the model hesitates)")
    return f"{dots} &nbsp;{key}"


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
            (self.x_box, self.axes[0], tr("The feature across")),
            (self.y_box, self.axes[1], tr("The feature up")),
        ):
            for feature in FEATURES:
                box.addItem(feature_name(feature))
            box.setCurrentIndex(chosen)
            box.setToolTip(tip)
            box.currentIndexChanged.connect(self._axes_picked)
        x_label, y_label = QLabel(tr("&Across:")), QLabel(tr("&Up:"))
        x_label.setBuddy(self.x_box)
        y_label.setBuddy(self.y_box)
        self.export_button = QPushButton(tr("Export imag&e…"))
        self.export_button.setToolTip(tr("Save the map as PNG or SVG"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        row = QHBoxLayout()
        for widget in (x_label, self.x_box, y_label, self.y_box):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self._test_flowers = True  # what the dots are: test flowers, else training flowers
        self.legend = QLabel(_legend(self._test_flowers))
        self.legend.setWordWrap(True)
        self.caption = QLabel(tr("Select a version to see its decision regions."))
        self.caption.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.legend)
        self.map = self._new_map()
        self.layout_.addWidget(self.map, 1)
        self.layout_.addWidget(self.caption)
        colors.follow(self.restyle)

    def restyle(self, _scheme: colors.Scheme) -> None:
        self.legend.setText(_legend(self._test_flowers))  # the dots' colours

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
            self.caption.setText(tr("Select a version to see its decision regions."))
            return
        has_test = model.X_test is not None and len(model.X_test)
        X, y = (model.X_test, model.y_test) if has_test else (model.X_train, model.y_train)
        self._test_flowers = bool(has_test)
        self.legend.setText(_legend(self._test_flowers))
        stats = model.train_stats
        low = np.minimum(stats.low, X.min(axis=0)) if len(X) else stats.low
        high = np.maximum(stats.high, X.max(axis=0)) if len(X) else stats.high
        margin = np.maximum(0.3, 0.1 * (high - low))
        i, j = self.axes
        self.map.set_ranges(
            (max(0.1, low[i] - margin[i]), high[i] + margin[i]), (max(0.1, low[j] - margin[j]), high[j] + margin[j])
        )
        self.map.set_model(model, X, np.asarray(y, dtype=int))
        self.caption.setText(tr("Computing the regions of model v{version}…").format(version=model.version))
        self.map.compute_regions(stats.mean)

    def _computed(self, held) -> None:
        model = self.model
        if model is None:
            return
        first, second = (
            strings.REGIONS_HELD.format(feature=feature_name(FEATURES[k]).lower(), value=held[k])
            for k in range(len(FEATURES))
            if k not in self.axes
        )
        if model.X_test is not None and len(model.X_test):
            text = tr(
                "Model v{version}: dots are its {count} test flowers. Regions: its prediction with "
                "{first} and {second} held at the training means."
            )
            count = len(model.X_test)
        else:
            text = tr(
                "Model v{version}: dots are its {count} training flowers (this file keeps no test flowers). "
                "Regions: its prediction with {first} and {second} held at the training means."
            )
            count = len(model.y_train)
        self.caption.setText(text.format(version=model.version, count=count, first=first, second=second))
