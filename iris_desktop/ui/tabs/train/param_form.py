"""The algorithm picker and its hyper-parameters, generated from the algorithm table
(pipelines/algorithms.py): a spin box per number, a list per choice, "No limit" for an
optional one. What the table forbids cannot be entered: ranges are the table's (and the
data's, for k), and a parameter that means nothing with the others' values (Minkowski p
with another metric) is disabled and kept at its default."""

from __future__ import annotations

import math
from typing import Any, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.pipelines.algorithms import ALGORITHMS, DEFAULT_ALGORITHM, Algorithm, Param
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.train import core_text

Control = QComboBox | QSpinBox | QDoubleSpinBox  # one per parameter kind: choice, int, float


def _control(spec: Param) -> Control:
    if spec.kind == "choice":
        box = QComboBox()
        box.addItems([core_text.choice_label(spec.name, c) for c in spec.choices])
        return box
    if spec.kind == "int":
        spin = QSpinBox()
        low = int(spec.minimum if spec.minimum is not None else 0)
        # An optional limit: one step below the minimum reads "No limit" (None).
        spin.setRange(low - 1 if spec.optional else low, int(spec.maximum if spec.maximum is not None else 10**6))
        if spec.optional:
            spin.setSpecialValueText(core_text.no_limit())
        return spin
    real = QDoubleSpinBox()
    real.setDecimals(4)
    real.setRange(spec.minimum if spec.minimum is not None else 0.0, spec.maximum if spec.maximum is not None else 1e9)
    real.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)  # 0.001 … 100: one step each
    return real


class ParamForm(QWidget):
    """Algorithm + parameters. `changed` fires on any edit (after the form made the
    combination valid)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.algorithm_box = QComboBox()
        self.algorithm_box.setToolTip(tr("The kind of classifier to train"))
        self.pages = QStackedWidget()
        self.controls: dict[str, dict[str, Control]] = {}
        self.labels: dict[str, dict[str, QLabel]] = {}
        for key, algo in ALGORITHMS.items():
            self.algorithm_box.addItem(core_text.algorithm_name(key), key)
            self.pages.addWidget(self._page(algo))
        self.algorithm_box.currentIndexChanged.connect(self._algorithm_changed)
        algorithm_label = QLabel(tr("Al&gorithm:"))
        algorithm_label.setBuddy(self.algorithm_box)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow(algorithm_label, self.algorithm_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        self.set_algorithm(DEFAULT_ALGORITHM)

    def _page(self, algo: Algorithm) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.controls[algo.key], self.labels[algo.key] = {}, {}
        for spec in algo.params:
            control = _control(spec)
            tip = tr("{help} (default {value})").format(
                help=core_text.param_help(algo, spec), value=core_text.value_text(spec, spec.default)
            )
            control.setToolTip(tip)
            name = core_text.param_label(algo, spec)
            control.setAccessibleName(name)
            label = QLabel(tr("{label}:").format(label=name))
            label.setBuddy(control)
            label.setToolTip(tip)
            form.addRow(label, control)
            self.controls[algo.key][spec.name] = control
            self.labels[algo.key][spec.name] = label
            self._set_value(control, spec, spec.default)
            signal = control.currentIndexChanged if isinstance(control, QComboBox) else control.valueChanged
            signal.connect(lambda *_a, key=algo.key: self._edited(key))
        return page

    # ---- values ----------------------------------------------------------------------------

    def algorithm(self) -> str:
        return self.algorithm_box.currentData()

    def set_algorithm(self, key: str) -> None:
        index = self.algorithm_box.findData(key)
        if index >= 0:
            self.algorithm_box.setCurrentIndex(index)
            self.pages.setCurrentIndex(index)
            self._update_dependencies(key)

    def params(self, key: str | None = None) -> dict[str, Any]:
        """The parameters of `key` (default: the chosen algorithm) as the table resolves them."""
        key = key or self.algorithm()
        algo = ALGORITHMS[key]
        values = {spec.name: self._value(self.controls[key][spec.name], spec) for spec in algo.params}
        return algo.resolve(values)

    def set_params(self, key: str, params: dict[str, Any]) -> None:
        """Show `params` for `key`; values the table refuses are left as they were."""
        algo = ALGORITHMS[key]
        for spec in algo.params:
            if spec.name not in params:
                continue
            try:
                value = spec.check(params[spec.name])
            except ValueError:
                continue
            self._set_value(self.controls[key][spec.name], spec, value)
        self._update_dependencies(key)

    def control(self, name: str, key: str | None = None) -> Control:
        return self.controls[key or self.algorithm()][name]

    def set_maximum(self, key: str, name: str, maximum: int) -> None:
        """Narrow an integer parameter to what the data allows (k to a CV fold's size);
        the value follows if it was above."""
        algo = ALGORITHMS[key]
        spec = algo.param(name)
        control = cast(QSpinBox, self.controls[key][name])  # only integer parameters have a data limit
        table_max = int(spec.maximum if spec.maximum is not None else 10**6)
        control.setMaximum(max(control.minimum(), min(table_max, maximum)))
        help_text = core_text.param_help(algo, spec)
        if control.maximum() < table_max:
            help_text = tr("{help} At most {maximum} with these data and folds.").format(
                help=help_text, maximum=control.maximum()
            )
        control.setToolTip(help_text)

    # ---- internals ------------------------------------------------------------------------

    @staticmethod
    def _value(control: Control, spec: Param):
        if isinstance(control, QComboBox):
            return spec.choices[control.currentIndex()]
        value = control.value()
        if spec.optional and spec.minimum is not None and value < spec.minimum:
            return None
        return value

    @staticmethod
    def _set_value(control: Control, spec: Param, value) -> None:
        # None (no limit) and a non-finite float read as the minimum
        if isinstance(control, QComboBox):
            control.setCurrentIndex(list(spec.choices).index(value))
        elif isinstance(control, QSpinBox):
            control.setValue(control.minimum() if value is None else int(value))
        else:
            control.setValue(control.minimum() if value is None or not math.isfinite(value) else float(value))

    def _algorithm_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._update_dependencies(self.algorithm())
        self.changed.emit()

    def _edited(self, key: str) -> None:
        self._update_dependencies(key)
        if key == self.algorithm():
            self.changed.emit()

    def _update_dependencies(self, key: str) -> None:
        """Disable (and reset) what the other values make meaningless."""
        algo = ALGORITHMS[key]
        values = {spec.name: self._value(self.controls[key][spec.name], spec) for spec in algo.params}
        for spec in algo.params:
            if spec.only_if is None:
                continue
            applies = algo.applies(spec, values)
            control = self.controls[key][spec.name]
            if not applies and self._value(control, spec) != spec.default:
                control.blockSignals(True)
                self._set_value(control, spec, spec.default)
                control.blockSignals(False)
            control.setEnabled(applies)
            self.labels[key][spec.name].setEnabled(applies)
            help_text = core_text.param_help(algo, spec)
            if not applies:
                other, wanted = spec.only_if
                help_text = tr("{help} (only with {parameter} {value})").format(
                    help=help_text,
                    parameter=core_text.param_label(algo, algo.param(other)).lower(),
                    value=core_text.choice_label(other, wanted),
                )
            control.setToolTip(help_text)
