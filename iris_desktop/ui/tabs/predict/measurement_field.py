"""One measurement: a slider and a spin box kept in sync, with an out-of-range flag."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QLabel, QSlider, QWidget

from iris_desktop.domain import MAX_CM, Feature
from iris_desktop.store.flowers import FeatureStats
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.core_words import feature_display as feature_name
from iris_desktop.ui.widgets.core_words import feature_label

MIN_CM = 0.1  # the spin boxes: any length a flower can have; the sliders cover the data
# Slider ranges when the store holds no data at all (the classic set's, with a margin).
FALLBACK_RANGES = np.array([[3.4, 8.8], [1.4, 5.0], [0.1, 8.4], [0.1, 3.1]])


def slider_ranges(stats: list[FeatureStats]) -> np.ndarray:
    """(4, 2) slider ranges in cm: what every set of flowers in `stats` spans, with a
    margin of a quarter of the span (at least 0.5 cm), to 0.1 cm; FALLBACK_RANGES
    when there are none."""
    if not stats:
        return FALLBACK_RANGES
    low = np.min([s.low for s in stats], axis=0)
    high = np.max([s.high for s in stats], axis=0)
    margin = np.maximum(0.5, 0.25 * (high - low))
    return np.column_stack(
        [
            np.maximum(MIN_CM, np.floor((low - margin) * 10) / 10),
            np.minimum(MAX_CM, np.ceil((high + margin) * 10) / 10),
        ]
    )


class MeasurementField(QObject):
    """One measurement: a slider (0.1 cm steps) and a spin box kept in sync both ways,
    and a caption that flags values outside what the model was trained on."""

    valueChanged = Signal(float)

    def __init__(self, feature: Feature, text: str, parent: QWidget):
        super().__init__(parent)
        self.feature = feature
        self.label = QLabel(text, parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, parent)
        self.slider.setSingleStep(1)  # tenths of a cm: arrows step 0.1 cm
        self.slider.setPageStep(5)  # Page Up/Down step 0.5 cm
        self.spin = QDoubleSpinBox(parent)
        self.spin.setDecimals(1)
        self.spin.setSingleStep(0.1)
        self.spin.setRange(MIN_CM, MAX_CM)
        self.spin.setSuffix(" cm")
        self.spin.setAccelerated(True)
        self.spin.setKeyboardTracking(False)  # typed "12" applies on Enter, not as "1" first
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.label.setBuddy(self.spin)
        # The slider counts tenths of a centimetre: a screen reader says its value as such.
        self.slider.setAccessibleName(strings.SLIDER_NAME.format(feature=feature_name(feature)))
        self.flag = QLabel(parent)
        self.flag.setObjectName("rangeFlag")
        self._looks: dict[bool, tuple[QFont, QPalette]] = {}
        self._training: tuple[float, float] | None = None
        self._outside: bool | None = None
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        colors.follow(self.restyle)

    def restyle(self, scheme: colors.Scheme) -> None:
        """Two looks for the caption, made once per scheme and swapped by palette and font:
        a style sheet change would re-polish the widget, slow enough to show in a drag."""
        small = QFont(self.label.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        warning = QFont(small)
        warning.setBold(True)
        app_palette = QApplication.palette()
        quiet = QPalette(app_palette)
        quiet.setColor(QPalette.ColorRole.WindowText, app_palette.color(QPalette.ColorRole.PlaceholderText))
        loud = QPalette(app_palette)
        loud.setColor(QPalette.ColorRole.WindowText, QColor(scheme.warning))
        self._looks = {False: (small, quiet), True: (warning, loud)}
        if self._outside is not None:
            self._look(self._outside)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float, emit: bool = True) -> None:
        value = min(max(round(float(value), 1), MIN_CM), MAX_CM)
        with _blocked(self.spin), _blocked(self.slider):
            self.spin.setValue(value)
            self.slider.setValue(round(value * 10))
        self._update_flag()
        if emit:
            self.valueChanged.emit(self.spin.value())

    def set_slider_range(self, low: float, high: float) -> None:
        with _blocked(self.slider):
            self.slider.setRange(round(low * 10), round(high * 10))
            self.slider.setValue(round(self.spin.value() * 10))

    def set_training_range(self, training: tuple[float, float] | None) -> None:
        """The model's training range for this measurement; None when there is no model."""
        self._training = training
        self._outside = None  # force the caption to be rewritten
        label = feature_label(self.feature)
        if training is None:
            tip = tr("{feature}: 0.1 cm steps; arrows ±0.1 cm, Page Up/Down ±0.5 cm.").format(feature=label)
        else:
            tip = tr(
                "{feature}: 0.1 cm steps; arrows ±0.1 cm, Page Up/Down ±0.5 cm. The model was trained on "
                "{low:.1f}–{high:.1f} cm; any length above 0 is allowed, values outside that range are flagged."
            ).format(feature=label, low=training[0], high=training[1])
        for w in (self.label, self.slider, self.spin):
            w.setToolTip(tip)
        self._update_flag()

    @property
    def outside(self) -> bool:
        """True when the value lies outside the model's training range (flagged)."""
        if self._training is None:
            return False
        low, high = self._training
        return not (low - 1e-9 <= self.spin.value() <= high + 1e-9)

    def _slider_moved(self, tenths: int) -> None:
        with _blocked(self.spin):
            self.spin.setValue(tenths / 10)
        self._update_flag()
        self.valueChanged.emit(self.spin.value())

    def _spin_changed(self, value: float) -> None:
        with _blocked(self.slider):  # beyond the slider's range it rests at its end
            self.slider.setValue(round(value * 10))
        self._update_flag()
        self.valueChanged.emit(value)

    def _update_flag(self) -> None:
        outside = self.outside
        if outside == self._outside:  # unchanged: no text or style work on a slider step
            return
        self._outside = outside
        if self._training is None:
            self.flag.setText("")
            return
        low, high = self._training
        if outside:
            self.flag.setText(tr("⚠ outside the training data ({low:.1f}–{high:.1f} cm)").format(low=low, high=high))
            self._look(True)
        else:
            self.flag.setText(tr("trained on {low:.1f}–{high:.1f} cm").format(low=low, high=high))
            self._look(False)

    def _look(self, warning: bool) -> None:
        font, palette = self._looks[warning]
        self.flag.setFont(font)
        self.flag.setPalette(palette)


class _blocked:
    """`with _blocked(widget):` silences its signals and restores the previous state."""

    def __init__(self, obj: QObject):
        self.obj = obj

    def __enter__(self):
        self.was = self.obj.blockSignals(True)

    def __exit__(self, *exc):
        self.obj.blockSignals(self.was)
