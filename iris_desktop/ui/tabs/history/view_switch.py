"""The one switch between the two views of the past: as predicted at the time (each
day's first prediction, what the monitor showed that day) or by model vN (what one
version predicts for every day)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QRadioButton, QWidget

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.combo_items import set_items


class ViewSwitch(QWidget):
    changed = Signal()  # the user chose another view

    def __init__(self, parent=None):
        super().__init__(parent)
        self.wanted: int | None = None  # the version asked for before the list is filled
        self._filling = False
        self.as_predicted = QRadioButton(tr("&As predicted at the time"))
        self.as_predicted.setToolTip(tr("Each day's first prediction: what the monitor showed that day"))
        self.by_model = QRadioButton(tr("By &model:"))
        self.by_model.setToolTip(tr("What one model version predicts for every day, even days before it existed"))
        self.as_predicted.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_predicted)
        group.addButton(self.by_model)
        self.version_box = QComboBox()
        self.version_box.setToolTip(tr("The model version whose predictions are shown"))
        self.version_box.setAccessibleName(strings.VERSION_BOX_NAME)
        self.version_box.setMinimumContentsLength(14)
        self.version_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.version_box.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("View:")))
        layout.addWidget(self.as_predicted)
        layout.addWidget(self.by_model)
        layout.addWidget(self.version_box, 1)
        self.as_predicted.toggled.connect(self._view_toggled)
        self.version_box.currentIndexChanged.connect(self._version_chosen)

    def version(self) -> int | None:
        """The view: None for "as predicted at the time", else the version shown."""
        if not self.by_model.isChecked():
            return None
        return self.version_box.currentData() or self.wanted

    def restore(self, by_model: bool, version: int | None) -> None:
        """Set the view without announcing it (settings at start-up)."""
        self.wanted = version
        if by_model and version:
            self.by_model.blockSignals(True)
            self.as_predicted.blockSignals(True)
            self.by_model.setChecked(True)
            self.as_predicted.blockSignals(False)
            self.by_model.blockSignals(False)

    def fall_back(self) -> None:
        """The chosen version cannot be shown: back to the days as predicted, quietly."""
        self.as_predicted.blockSignals(True)
        self.as_predicted.setChecked(True)
        self.as_predicted.blockSignals(False)
        self.version_box.setEnabled(False)

    def set_versions(self, records, names: dict[int, str], active: int | None) -> None:
        """The registered versions, newest first, the one shown kept (or the active one)."""
        self._filling = True
        try:
            keep = self.version_box.currentData() or self.wanted or active
            items: list[tuple[str, object]] = [
                (tr("{model} (active)").format(model=names[r.version]) if r.active else names[r.version], r.version)
                for r in reversed(records)
            ]
            set_items(self.version_box, items)
            at = self.version_box.findData(keep)
            self.version_box.setCurrentIndex(at if at >= 0 else max(0, self.version_box.findData(active)))
        finally:
            self._filling = False
        self.by_model.setEnabled(bool(records))
        self.version_box.setEnabled(bool(records) and self.by_model.isChecked())

    def _view_toggled(self, _checked: bool) -> None:
        self.version_box.setEnabled(self.by_model.isChecked() and self.version_box.count() > 0)
        self.changed.emit()

    def _version_chosen(self, _index: int) -> None:
        if self._filling:
            return
        self.wanted = self.version_box.currentData()
        if self.by_model.isChecked():
            self.changed.emit()
