"""The confusion matrix of the view over a chosen window: all time, the last 30 or 7
days, a date range, or the days one model version was in charge. Always 3x3, whatever
was never predicted; counts, or each actual variety's row as shares."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import VARIETIES
from iris_desktop.pipelines.monitoring import HistoryColumns, confusion_counts
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.combo_items import set_items
from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP
from iris_desktop.ui.widgets.local_dates import qdate

WINDOWS = (
    QT_TR_NOOP("All time"),
    QT_TR_NOOP("Last 30 days"),
    QT_TR_NOOP("Last 7 days"),
    QT_TR_NOOP("Date range"),
    QT_TR_NOOP("Days of one model"),
)


def _pydate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class ConfusionPanel(QWidget):
    exportRequested = Signal()
    changed = Signal()  # a control changed (for settings)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view_history: HistoryColumns | None = None  # the rows counted
        self.first: HistoryColumns | None = None  # each day's first prediction: who was in charge
        self.today = dt.date.today()
        self.window_box = QComboBox()
        self.window_box.addItems([tr(window) for window in WINDOWS])
        self.window_box.setToolTip(tr("Which days the matrix counts"))
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit, tip, name in (
            (self.start, tr("First day counted"), strings.CONFUSION_START_NAME),
            (self.end, tr("Last day counted"), strings.CONFUSION_END_NAME),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setToolTip(tip)
            edit.setAccessibleName(name)
        self.version = QComboBox()
        self.version.setToolTip(tr("Count the days this model version was in charge (as predicted at the time)"))
        self.version.setAccessibleName(strings.CONFUSION_VERSION_NAME)
        self.normalised = QCheckBox(tr("Sha&res of each actual variety"))
        self.normalised.setToolTip(tr("Each row as percentages of that variety's flowers, instead of counts"))
        self.matrix = ConfusionMatrixView()
        self.matrix.setMinimumSize(240, 195)  # below that the variety names overlap
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setFixedHeight(2 * self.caption.fontMetrics().lineSpacing() + 2)  # steady layout
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.export_button = QPushButton(tr("Export &image…"))
        self.export_button.setToolTip(tr("Save the matrix as PNG or SVG"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.matrix.access.set_export(self.exportRequested.emit)

        label = QLabel(tr("Wi&ndow:"))
        label.setBuddy(self.window_box)
        controls = QGridLayout()
        controls.addWidget(label, 0, 0)
        controls.addWidget(self.window_box, 0, 1, 1, 3)
        self.range_row = QWidget()
        row = QHBoxLayout(self.range_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.end)
        controls.addWidget(self.range_row, 1, 0, 1, 4)
        controls.addWidget(self.version, 2, 0, 1, 4)
        bottom = QHBoxLayout()
        bottom.addWidget(self.normalised, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.matrix, 1)
        layout.addWidget(self.caption)
        layout.addLayout(bottom)

        for signal in (
            self.window_box.currentIndexChanged,
            self.start.dateChanged,
            self.end.dateChanged,
            self.version.currentIndexChanged,
            self.normalised.toggled,
        ):
            signal.connect(self._update)
            signal.connect(lambda *_args: self.changed.emit())
        self._show_controls()

    def set_history(
        self, view_history: HistoryColumns, first: HistoryColumns, versions: list[int], today: dt.date
    ) -> None:
        """`view_history`: the rows counted; `first`: each day's first prediction (who
        was in charge); `versions`: the choices for "Days of one model"."""
        self.view_history, self.first, self.today = view_history, first, today
        chosen = self.version.currentData()
        self.version.blockSignals(True)
        set_items(self.version, [(tr("Days model v{version} was in charge").format(version=v), v) for v in versions])
        at = self.version.findData(chosen)
        self.version.setCurrentIndex(at if at >= 0 else max(0, self.version.count() - 1))
        self.version.blockSignals(False)
        if len(view_history) and not getattr(self, "_range_set", False):
            self._range_set = True  # the first data: the range spans it all
            for edit, day in ((self.start, view_history.day[0].item()), (self.end, view_history.day[-1].item())):
                edit.blockSignals(True)
                edit.setDate(qdate(day))
                edit.blockSignals(False)
        self._update()

    def _show_controls(self) -> None:
        choice = self.window_box.currentIndex()
        self.range_row.setVisible(choice == 3)
        self.version.setVisible(choice == 4)

    def window_mask(self) -> np.ndarray:
        h = self.view_history
        if h is None:
            return np.zeros(0, dtype=bool)
        choice = self.window_box.currentIndex()
        if choice in (1, 2):
            start = np.datetime64(self.today - dt.timedelta(days=(30 if choice == 1 else 7) - 1), "D")
            return (h.day >= start) & (h.day <= np.datetime64(self.today, "D"))
        if choice == 3:
            lo, hi = sorted((_pydate(self.start.date()), _pydate(self.end.date())))
            return (h.day >= np.datetime64(lo, "D")) & (h.day <= np.datetime64(hi, "D"))
        if choice == 4:
            version = self.version.currentData()
            first = self.first if self.first is not None else HistoryColumns.empty()
            at = np.clip(np.searchsorted(first.day, h.day), 0, max(len(first) - 1, 0))
            in_charge = first.version[at] if len(first) else np.zeros(len(h), np.int64)
            found = first.day[at] == h.day if len(first) else np.zeros(len(h), bool)
            return found & (in_charge == version)
        return np.ones(len(h), dtype=bool)

    def _update(self) -> None:
        self._show_controls()
        if self.view_history is None:
            return
        mask = self.window_mask()
        h = self.view_history
        counts = confusion_counts(h.actual[mask], h.predicted[mask])
        self.matrix.set_matrix(counts, normalised=self.normalised.isChecked())
        n, right = int(counts.sum()), int(np.trace(counts))
        never = [v.label for v, c in zip(VARIETIES, counts.sum(axis=0)) if not c]
        if not n:
            self.caption.setText(tr("No predictions in this window."))
            return
        text = tr("{days}, {right:,} correct ({share:.1%})").format(
            days=tr("%Ln day(s)", None, n), right=right, share=right / n
        )
        if never:
            text = tr("{counted}. Never predicted here: {varieties}").format(
                counted=text, varieties=strings.LIST_SEPARATOR.join(never)
            )
        self.caption.setText(text)
