"""Every flower in a sortable, filterable table (model/view over numpy columns).

The shared selection shows as the rows' background (one dataChanged: milliseconds at
100,000 rows, where mirroring it into Qt's selection model takes seconds); "Selected
only" filters to it. Rows the user selects in the table become the shared selection.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

import numpy as np
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.store.flowers import SOURCES, FlowerColumns
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.explore.data import IMPORT
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.column_table import Column, ColumnTableModel
from iris_desktop.ui.widgets.flower_words import feature_label, feature_name, source_name, source_title


def day_text(day) -> str:
    return "" if np.isnat(day) else str(day)


class FlowerTable(QWidget):
    rowsPicked = Signal(object)  # source rows the user selected in the table
    removeRequested = Signal()
    exportRequested = Signal(bool)  # True: only the selection

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: FlowerColumns | None = None
        self.batch_names: dict[int, str] = {}
        self.selected_mask = np.zeros(0, dtype=bool)  # the shared selection (not `mask`: QWidget.mask())
        self._picking = False  # the table itself is setting the shared selection

        self.source_combo = QComboBox()
        self.source_combo.addItems([tr("All sources")] + [source_title(s) for s in SOURCES])
        self.source_combo.setToolTip(
            tr("Backfill: the bundled data set; Import: flowers from CSV files; Daily: one generated flower per day")
        )
        self.variety_combo = QComboBox()
        self.variety_combo.addItems([tr("All varieties")] + [v.label for v in VARIETIES])
        self.days_check = QCheckBox(tr("Day&s from"))
        self.days_check.setToolTip(tr("Show only daily flowers of these days"))
        self.day_from, self.day_to = QDateEdit(), QDateEdit()
        for edit in (self.day_from, self.day_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.day_from.setAccessibleName(strings.DAYS_FROM_NAME)
        self.day_to.setAccessibleName(strings.DAYS_TO_NAME)
        self.days_check.toggled.connect(self.day_from.setEnabled)
        self.days_check.toggled.connect(self.day_to.setEnabled)
        self.selected_only = QCheckBox(tr("Selected &only"))
        self.selected_only.setToolTip(tr("Show only the selected flowers"))
        source_label = QLabel(tr("Sour&ce:"))
        source_label.setBuddy(self.source_combo)
        variety_label = QLabel(tr("Var&iety:"))  # (Alt+V opens the View menu)
        variety_label.setBuddy(self.variety_combo)
        to_label = QLabel(tr("to"))
        filters = QHBoxLayout()
        for widget in (
            source_label,
            self.source_combo,
            variety_label,
            self.variety_combo,
            self.days_check,
            self.day_from,
            to_label,
            self.day_to,
            self.selected_only,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.model = ColumnTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setAccessibleName(tr("Every stored flower"))
        self.view.setAccessibleDescription(strings.EXPLORE_TABLE_DESCRIPTION)
        self.view.setToolTip(
            tr("Select rows to select those flowers in every plot; a brush on a plot shows here as highlighted rows")
        )

        self.count_label = QLabel()
        self.export_button = QPushButton(tr("&Export table…"))
        self.export_button.setToolTip(tr("Save the rows shown (filtered and sorted) as CSV"))
        self.export_selection_button = QPushButton(tr("Expor&t selection…"))
        self.export_selection_button.setToolTip(tr("Save the selected flowers as CSV"))
        self.remove_button = QPushButton(tr("Re&move selected imported flowers…"))
        self.remove_button.setToolTip(
            tr("Delete the selected flowers that came from CSV imports (backfilled and daily flowers stay); asks first")
        )
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(False))
        self.export_selection_button.clicked.connect(lambda: self.exportRequested.emit(True))
        self.remove_button.clicked.connect(self.removeRequested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.export_button, self.export_selection_button, self.remove_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        for signal in (
            self.source_combo.currentIndexChanged,
            self.variety_combo.currentIndexChanged,
            self.days_check.toggled,
            self.day_from.dateChanged,
            self.day_to.dateChanged,
            self.selected_only.toggled,
        ):
            signal.connect(self.apply_filters)
        self.view.selectionModel().selectionChanged.connect(self._table_selection_changed)

    # ---- content ----------------------------------------------------------------------

    def set_columns(self, columns: FlowerColumns, batch_names: dict[int, str], mask: np.ndarray) -> None:
        self.columns, self.batch_names, self.selected_mask = columns, batch_names, mask
        names = batch_names
        sources = [source_name(s) for s in SOURCES]
        batch = tr("batch {batch}")
        self.model.set_columns(
            [
                Column(tr("Id"), columns.id, "{}", tr("The flower's id in the store")),
                *(Column(feature_name(j), columns.X[:, j], "{:.1f}", feature_label(j)) for j in range(len(FEATURES))),
                Column(
                    tr("Variety"),
                    columns.variety,
                    lambda k: VARIETIES[cast(int, k)].label,  # cells of an integer column
                    decoration=lambda k: colors.color(VARIETIES[cast(int, k)]),
                    align_right=False,
                ),
                Column(tr("Source"), columns.source, lambda k: sources[cast(int, k)], align_right=False),
                Column(
                    tr("Import batch"),
                    columns.import_id,
                    lambda b: names.get(int(cast(int, b)), batch.format(batch=b)) if b else "",
                    tr("The CSV file an imported flower came from"),
                    align_right=False,
                ),
                Column(tr("Day"), columns.day, day_text, tr("The day of a daily flower")),
            ]
        )
        days = columns.day[~np.isnat(columns.day)]
        if len(days):
            first, last = (dt.date.fromisoformat(str(d)) for d in (days.min(), days.max()))
            for edit in (self.day_from, self.day_to):
                edit.blockSignals(True)
                edit.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day))
                edit.blockSignals(False)
            if not self.days_check.isChecked():
                self.day_from.setDate(QDate(first.year, first.month, first.day))
                self.day_to.setDate(QDate(last.year, last.month, last.day))
        self.days_check.setEnabled(bool(len(days)))
        header = self.view.horizontalHeader()
        for column, width in enumerate((64, 92, 92, 92, 92, 98, 70, 120)):
            header.resizeSection(column, width)
        self.apply_filters()

    def filter_mask(self) -> np.ndarray:
        """The rows the filters let through (bool per row)."""
        c = self.columns
        if c is None:
            return np.zeros(0, dtype=bool)
        keep = np.ones(len(c), dtype=bool)
        if self.source_combo.currentIndex() > 0:
            keep &= c.source == self.source_combo.currentIndex() - 1
        if self.variety_combo.currentIndex() > 0:
            keep &= c.variety == self.variety_combo.currentIndex() - 1
        if self.days_check.isChecked():
            lo = np.datetime64(self.day_from.date().toString("yyyy-MM-dd"), "D")
            hi = np.datetime64(self.day_to.date().toString("yyyy-MM-dd"), "D")
            keep &= ~np.isnat(c.day) & (c.day >= lo) & (c.day <= hi)
        if self.selected_only.isChecked() and len(self.selected_mask) == len(keep):
            keep &= self.selected_mask
        return keep

    def apply_filters(self) -> None:
        if self.columns is None:
            return
        keep = self.filter_mask()
        everything = bool(keep.all())
        self.model.set_rows(None if everything else np.flatnonzero(keep))
        self.model.set_highlight(self.selected_mask)
        self._update_labels()

    def set_highlight(self, mask: np.ndarray) -> None:
        """The shared selection changed: highlight it (and follow it when filtered to it)."""
        self.selected_mask = mask
        if not self._picking:
            if self.view.selectionModel().hasSelection():
                self.view.selectionModel().blockSignals(True)
                self.view.clearSelection()
                self.view.selectionModel().blockSignals(False)
                self.view.viewport().update()
            if self.selected_only.isChecked():
                self.apply_filters()
                return
            self.model.set_highlight(mask)
            self._scroll_to_first(mask)
        else:
            self.model.set_highlight(mask)
        self._update_labels()

    def _scroll_to_first(self, mask: np.ndarray) -> None:
        if not mask.any() or not self.model.rowCount():
            return
        shown = self.model.view_rows(np.flatnonzero(mask))
        if len(shown):
            self.view.scrollTo(self.model.index(int(shown.min()), 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _update_labels(self) -> None:
        total = len(self.columns) if self.columns is not None else 0
        selected = int(np.count_nonzero(self.selected_mask))
        flowers = tr("%Ln flower(s)", None, total)
        if selected:
            text = tr("Showing {shown:,} of {flowers} · {selected:,} selected").format(
                shown=self.model.rowCount(), flowers=flowers, selected=selected
            )
        else:
            text = tr("Showing {shown:,} of {flowers}").format(shown=self.model.rowCount(), flowers=flowers)
        self.count_label.setText(text)
        has_import = (
            bool(np.any(self.selected_mask & (self.columns.source == IMPORT)))
            if self.columns is not None and len(self.selected_mask) == total
            else False
        )
        self.remove_button.setEnabled(has_import)
        self.export_selection_button.setEnabled(bool(selected))
        self.export_button.setEnabled(bool(self.model.rowCount()))

    def shown_rows(self) -> np.ndarray:
        """The source rows shown, in view order (what 'Export table' writes)."""
        return self.model.source_rows()

    # ---- the user selects rows --------------------------------------------------------

    def selected_view_rows(self) -> np.ndarray:
        ranges = self.view.selectionModel().selection().toList()
        parts = [np.arange(r.top(), r.bottom() + 1) for r in ranges]
        return np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.intp)

    def _table_selection_changed(self, *_args) -> None:
        rows = self.model.source_rows()[self.selected_view_rows()]
        self._picking = True
        try:
            self.rowsPicked.emit(rows)
        finally:
            self._picking = False
