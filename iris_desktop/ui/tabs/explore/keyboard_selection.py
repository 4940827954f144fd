"""Selecting flowers without a mouse: a condition typed in words ("petal_length > 4.5 and
variety = virginica", parsed by explore/condition.py) and a range on two measurements
(the keyboard's rectangle: each measurement's smallest and largest value). Enter in
either selects; what is picked combines with the selection by the toolbar's mode.

A condition that is not understood is said in one line under the field (and to a screen
reader), with the character where the trouble starts; the field keeps the text.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURES
from iris_desktop.ui.tabs.explore.selection import RectPredicate
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.flower_words import feature_name
from iris_desktop.ui.widgets.plot_access import announce

DEFAULT_AXES = (2, 3)  # petal length and width, where the varieties part


class KeyboardSelection(QWidget):
    conditionEntered = Signal(str)
    rangeEntered = Signal(object)  # a RectPredicate over the measurements (not the jittered points)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.condition = QLineEdit()
        self.condition.setPlaceholderText(strings.CONDITION_PLACEHOLDER)
        self.condition.setToolTip(strings.CONDITION_TIP)
        self.condition.setClearButtonEnabled(True)
        self.condition.returnPressed.connect(self._condition_entered)
        self.condition.textEdited.connect(lambda _text: self.clear_error())
        condition_label = QLabel(strings.CONDITION_LABEL)
        condition_label.setBuddy(self.condition)
        self.condition_button = QPushButton(strings.CONDITION_BUTTON)
        self.condition_button.setAccessibleName(strings.CONDITION_BUTTON_NAME)
        self.condition_button.setToolTip(strings.CONDITION_TIP)
        self.condition_button.clicked.connect(self._condition_entered)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()

        self.axes: list[QComboBox] = []
        self.lows: list[QDoubleSpinBox] = []
        self.highs: list[QDoubleSpinBox] = []
        range_label = QLabel(strings.RANGE_LABEL)
        self.range_row = QWidget()
        range_row = QHBoxLayout(self.range_row)
        range_row.setContentsMargins(0, 0, 0, 0)
        range_row.addWidget(range_label)
        for i, feature in enumerate(DEFAULT_AXES):
            combo = QComboBox()
            combo.addItems([feature_name(j) for j in range(len(FEATURES))])
            combo.setCurrentIndex(feature)
            combo.setAccessibleName(strings.RANGE_AXIS_NAMES[i])
            combo.setToolTip(strings.RANGE_TIP)
            low, high = self._spin(), self._spin()
            combo.currentIndexChanged.connect(lambda _index, i=i: self._axis_changed(i))
            if i:
                range_row.addWidget(QLabel(strings.RANGE_AND))
            for widget in (combo, low, QLabel(strings.RANGE_TO), high):
                range_row.addWidget(widget)
            self.axes.append(combo)
            self.lows.append(low)
            self.highs.append(high)
        self.range_button = QPushButton(strings.RANGE_BUTTON)
        self.range_button.setAccessibleName(strings.RANGE_BUTTON_NAME)
        self.range_button.setToolTip(strings.RANGE_TIP)
        self.range_button.clicked.connect(self._range_entered)
        range_row.addWidget(self.range_button)
        range_row.addStretch(1)
        range_label.setBuddy(self.axes[0])
        self.ranges = np.array([[0.0, 10.0]] * len(FEATURES))

        self.condition_row = QWidget()
        condition_row = QHBoxLayout(self.condition_row)
        condition_row.setContentsMargins(0, 0, 0, 0)
        condition_row.addWidget(condition_label)
        condition_row.addWidget(self.condition, 1)
        condition_row.addWidget(self.condition_button)
        # One row when the tab is wide enough, the range under the condition when not.
        self.rows = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.rows.setSpacing(2)
        self.rows.addWidget(self.condition_row, 1)
        self.rows.addWidget(self.range_row, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.rows)
        layout.addWidget(self.error)
        for i in range(len(self.axes)):
            self._axis_changed(i)
        colors.follow(self.restyle)

    def _spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        spin.setSuffix(" cm")
        spin.setKeyboardTracking(False)
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        spin.setToolTip(strings.RANGE_TIP)
        line = spin.lineEdit()
        if line is not None:  # Enter in a value selects
            line.returnPressed.connect(self._range_entered)
        return spin

    def restyle(self, scheme: colors.Scheme) -> None:
        self.error.setStyleSheet(f"color: {scheme.warning}")

    def resizeEvent(self, event) -> None:
        wide = event.size().width() >= self.range_row.sizeHint().width() + 400  # room for a condition
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.rows.direction() != direction:
            self.rows.setDirection(direction)
        super().resizeEvent(event)

    # ---- the range ----------------------------------------------------------------------

    def set_ranges(self, ranges: np.ndarray) -> None:
        """The measurements' ranges in the data ((4, 2) cm): the spin boxes' limits; a
        range still at the old limits follows the new ones."""
        old, self.ranges = self.ranges, np.asarray(ranges, dtype=float)
        for i, combo in enumerate(self.axes):
            j = combo.currentIndex()
            untouched = np.allclose((self.lows[i].value(), self.highs[i].value()), old[j], atol=0.005)
            self._limit(i, reset=untouched)

    def _axis_changed(self, i: int) -> None:
        feature = self.axes[i].currentIndex()
        for spin, which in ((self.lows[i], strings.RANGE_LOW_NAME), (self.highs[i], strings.RANGE_HIGH_NAME)):
            spin.setAccessibleName(which.format(feature=feature_name(feature).lower()))
        self._limit(i, reset=True)

    def _limit(self, i: int, reset: bool) -> None:
        lo, hi = self.ranges[self.axes[i].currentIndex()]
        for spin in (self.lows[i], self.highs[i]):
            spin.setRange(0.0, max(hi, 0.1) * 2)
        if reset:
            self.lows[i].setValue(max(0.0, lo))
            self.highs[i].setValue(hi)

    def predicate(self) -> RectPredicate:
        (fx, fy) = (combo.currentIndex() for combo in self.axes)
        return RectPredicate(
            fx,
            fy,
            (self.lows[0].value(), self.highs[0].value()),
            (self.lows[1].value(), self.highs[1].value()),
        )

    def set_range(self, x: int, x_range: tuple[float, float], y: int, y_range: tuple[float, float]) -> None:
        """Choose the measurements and values (tests, and the scenario a user types)."""
        self.axes[0].setCurrentIndex(x)
        self.axes[1].setCurrentIndex(y)
        for spin, value in zip((self.lows[0], self.highs[0], self.lows[1], self.highs[1]), (*x_range, *y_range)):
            spin.setValue(value)

    def _range_entered(self) -> None:
        for spin in (*self.lows, *self.highs):
            spin.interpretText()  # a value typed and not yet taken
        self.rangeEntered.emit(self.predicate())

    # ---- the condition ----------------------------------------------------------------------

    def _condition_entered(self) -> None:
        self.conditionEntered.emit(self.condition.text())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.condition.setAccessibleDescription(text)
        announce(self.condition, text)

    def clear_error(self) -> None:
        if self.error.isVisible():
            self.error.hide()
            self.error.clear()
            self.condition.setAccessibleDescription("")
