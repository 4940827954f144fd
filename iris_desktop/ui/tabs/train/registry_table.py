"""The model registry as a table: one row a version, the active one marked and bold,
its key parameters, metrics, data and lineage, and in its row what is wrong with it (a
missing or altered file, another scikit-learn), with the whole story on hover."""

from __future__ import annotations

import math
from typing import cast

import numpy as np
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from iris_desktop.ui.runtime.i18n import percent, tr
from iris_desktop.ui.tabs.train import core_text
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.column_table import Column, ColumnTableModel


def _pct(value: object) -> str:
    x = cast(float, value)  # a cell of the float column "Test acc."
    return "—" if not math.isfinite(x) else percent(x, 1)


def _cv(entry) -> str:
    m = entry.record.metrics
    mean = m.get("cv_mean", float("nan"))
    if mean is None or not math.isfinite(mean):
        return "—"
    return tr("{mean:.1%} ± {sd:.1%}").format(mean=mean, sd=m.get("cv_std", 0))


class RegistryModel(ColumnTableModel):
    """ColumnTableModel plus a tooltip per warning cell and the active row in bold."""

    WARNINGS = 11

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: list) -> None:
        self.entries = list(entries)
        e = self.entries

        def strings(values) -> np.ndarray:
            return np.array(list(values), dtype=object)

        active = tr("● active")
        self.set_columns(
            [
                Column(
                    "",
                    strings(active if x.record.active else "" for x in e),
                    tooltip=tr("The active model: Predict, the daily predictions and History use it"),
                ),
                Column(
                    tr("Version"),
                    np.array([x.record.version for x in e], dtype=np.int64),
                    "v{}",
                    tooltip=tr("Version numbers are never reused"),
                ),
                Column(tr("Created (UTC)"), strings(x.record.created_at[:16].replace("T", " ") for x in e)),
                Column(tr("Algorithm"), strings(core_text.algorithm_name(x.record.algorithm) for x in e)),
                Column(
                    tr("Key parameters"),
                    strings(core_text.key_parameters(x.record) for x in e),
                    tooltip=tr("The main hyper-parameters, others when not at their default; standardised or raw cm"),
                ),
                Column(
                    tr("Test acc."),
                    np.array([x.record.accuracy for x in e], dtype=float),
                    _pct,
                    tooltip=tr("Accuracy on the held-out test flowers"),
                ),
                Column(
                    tr("CV acc."),
                    strings(_cv(x) for x in e),
                    align_right=True,
                    tooltip=tr("Cross-validated accuracy on the training flowers: mean ± standard deviation"),
                ),
                Column(
                    tr("Train / test"),
                    strings(
                        f"{x.record.metrics.get('n_train', '?')} / {x.record.metrics.get('n_test', '?')}" for x in e
                    ),
                    align_right=True,
                ),
                Column(tr("Sources"), strings(core_text.source_names(x.record.sources) for x in e)),
                Column(
                    tr("Duplicates"),
                    np.array([x.record.metrics.get("duplicates_dropped", 0) for x in e], dtype=np.int64),
                    tooltip=tr("Identical flowers dropped before the split, so none is on both sides"),
                ),
                Column(
                    tr("Lineage"),
                    strings(core_text.lineage(x) for x in e),
                    tooltip=tr("Retrained from another version; trained on the same rows as earlier versions"),
                ),
                Column(
                    tr("Warnings"),
                    strings("⚠ " + "; ".join(core_text.warning_texts(x)) if x.warnings else "" for x in e),
                    tooltip=tr(
                        "A file missing or altered cannot be used: retrain it or delete it. A file saved "
                        "by another scikit-learn may predict differently: retraining is advised."
                    ),
                ),
            ]
        )

    def entry(self, view_row: int):
        return self.entries[self.source_row(view_row)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            entry = self.entries[self.source_row(index.row())]
            if role == Qt.ItemDataRole.FontRole and entry.record.active:
                return self._bold
            if index.column() == self.WARNINGS:
                if role == Qt.ItemDataRole.ToolTipRole and entry.warnings:
                    return "\n\n".join(
                        filter(
                            None,
                            [
                                entry.file_detail,
                                entry.library_warning
                                and tr("Model v{version} was {warning}; retraining is advised.").format(
                                    version=entry.record.version,
                                    warning=core_text.library_warning(entry) or entry.library_warning,
                                ),
                            ],
                        )
                    )
                if role == Qt.ItemDataRole.ForegroundRole and entry.warnings:
                    return QColor(colors.scheme().warning)
        return super().data(index, role)


class RegistryTable(QTableView):
    versionsSelected = Signal(list)  # the selected versions, in the order shown

    def __init__(self, parent=None):
        super().__init__(parent)
        self.registry = RegistryModel(self)
        self.setModel(self.registry)
        self.setAccessibleName(tr("Model registry"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # newest first
        self.selectionModel().selectionChanged.connect(lambda *_: self.versionsSelected.emit(self.selected()))

    def set_entries(self, entries: list) -> None:
        """New contents; the selected versions stay selected if they still exist."""
        keep = self.selected()
        self.registry.set_entries(entries)
        header = self.horizontalHeader()  # the model forgets a sort asked before it had columns
        self.registry.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.resizeColumnsToContents()
        self.select_versions(keep, emit=True)

    def versions(self) -> list[int]:
        return [self.registry.entry(r).record.version for r in range(self.registry.rowCount())]

    def selected(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.registry.entry(r).record.version for r in rows]

    def entry_of(self, version: int):
        return next((e for e in self.registry.entries if e.record.version == version), None)

    def select_versions(self, versions: list[int], emit: bool = False) -> None:
        selection = self.selectionModel()
        self.blockSignals(True)
        selection.blockSignals(True)
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, version in enumerate(self.versions()):
            if version in versions:
                selection.select(self.registry.index(row, 0), flags)
                selection.setCurrentIndex(self.registry.index(row, 1), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.blockSignals(False)
        self.blockSignals(False)
        self.viewport().update()
        if emit:
            self.versionsSelected.emit(self.selected())

    def row_texts(self) -> list[list[str]]:
        """The cells as shown, headers first (for tests)."""
        return self.registry.rows_as_text(self.registry.source_rows())
