"""Every daily flower in a table (date, values, variety, prediction, right or wrong, the
generator and how sure it is itself), numpy-backed: 3,650 days sort and filter at once.
Selecting a row shows that day; a double-click (or Enter) shows it in the History tab;
a row's menu (right-click, the Menu key or Shift+F10) explains it in the Predict tab."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import number, percent, tr
from iris_desktop.ui.tabs.daily.words import GENERATOR_LABELS, generator_label
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.column_table import Column, ColumnTableModel
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP, feature_label
from iris_desktop.ui.widgets.row_menu import add_row_menu, show_row_menu

if TYPE_CHECKING:
    from iris_desktop.ui.tabs.daily.jobs import DailyData

_LABELS = [v.label for v in VARIETIES]
_SHORT = (QT_TR_NOOP("Sepal L"), QT_TR_NOOP("Sepal W"), QT_TR_NOOP("Petal L"), QT_TR_NOOP("Petal W"))


def _variety(i) -> str:
    return _LABELS[i] if i >= 0 else "—"


def _swatch(i):
    return colors.color(VARIETIES[i]) if i >= 0 else None


def day_columns(data: DailyData) -> list[Column]:
    """The table's columns over a DailyData (one value per day, no per-row Python work
    until a cell is shown). A Column passes each value as `object`: the casts say what
    each column holds."""
    n = len(data)
    rows = np.arange(n)
    has = data.predicted >= 0
    confidence = np.full(n, np.nan)
    confidence[has] = data.proba[rows[has], data.predicted[has]]
    verdict = np.where(has, (data.predicted == data.variety).astype(np.int8), -1)
    sure = np.nanmax(np.where(np.isnan(data.posterior), -1.0, data.posterior), axis=1) if n else np.zeros(0)
    names = {
        gid: tr("{generator} #{id}").format(generator=generator_label(s), id=gid) for gid, s in data.generators.items()
    }
    not_recorded = tr("not recorded")
    columns = [Column(tr("Date"), data.day, lambda d: str(d), tr("The day (local calendar date)"))]
    columns += [
        Column(
            tr(short),
            data.X[:, i],
            lambda x: number(cast(float, x), 1),
            feature_label(f),
        )
        for i, (f, short) in enumerate(zip(FEATURES, _SHORT))
    ]
    columns += [
        Column(tr("Variety"), data.variety, _variety, tr("The true variety (the one generated)"), _swatch),
        Column(tr("Predicted"), data.predicted, _variety, tr("The prediction made for the day at the time"), _swatch),
        Column(tr("Model"), data.version, lambda v: f"v{v}" if v else "", tr("The model version that predicted it")),
        Column(
            tr("P", "the probability column's header"),
            confidence,
            lambda p: "" if np.isnan(cast(float, p)) else percent(cast(float, p), 0),
            tr("The probability the model gave its prediction"),
        ),
        Column(
            tr("Right"),
            verdict,
            lambda k: {1: "✓", 0: "✗"}.get(int(cast(int, k)), ""),
            tr("✓ right, ✗ wrong"),
            align_right=False,
        ),
        Column(
            tr("Generator"),
            data.generator,
            lambda g: names.get(int(cast(int, g)), not_recorded),
            tr("The generator that made the day"),
        ),
        Column(
            tr("Gen. sure"),
            sure,
            lambda p: "" if cast(float, p) < 0 else percent(cast(float, p), 0),
            tr("How sure the day's own generator is of its variety (low: a hard day, where its varieties overlap)"),
        ),
    ]
    return columns


class DayList(QWidget):
    daySelected = Signal(int)  # a row of the tab's DailyData
    dayActivated = Signal(int)  # double-click or Enter: show it in the History tab
    dayExplained = Signal(int)  # the row's menu: explain it in the Predict tab

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ColumnTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setAccessibleName(tr("Daily flowers"))
        self.view.doubleClicked.connect(lambda index: self.dayActivated.emit(self.model.source_row(index.row())))
        self.view.activated.connect(lambda index: self.dayActivated.emit(self.model.source_row(index.row())))
        self.menu: QMenu | None = None  # the row's menu on screen
        add_row_menu(self.view, self.row_menu)
        self.wrong_only = QCheckBox(tr("&Wrong predictions only"))
        self.wrong_only.setToolTip(tr("List only the days whose prediction was wrong"))
        self.wrong_only.toggled.connect(self._filter)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.wrong_only)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._wrong = np.zeros(0, bool)
        self._selecting = False
        self._sized = False
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_data(self, data: DailyData) -> None:
        self._selecting = True
        try:
            self.model.set_columns(day_columns(data))
            self._wrong = (data.predicted >= 0) & (data.predicted != data.variety)
            if not self._sized and len(data):
                self._sized = True
                self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
                width = self.view.fontMetrics().horizontalAdvance
                samples = [  # (the headers' and the widest values' widths)
                    "2026-06-15",
                    *[max((tr(s) for s in _SHORT), key=len)] * 4,
                    "Versicolor" + "MM",
                    "Versicolor" + "MM",
                    tr("Model"),
                    percent(1.0, 0),
                    tr("Right"),
                    tr("{generator} #{id}").format(generator=tr(GENERATOR_LABELS["mvnormal"]), id=1),
                ]
                for column, sample in enumerate(samples):
                    self.view.setColumnWidth(column, width(sample) + 18)
            self._filter()
        finally:
            self._selecting = False

    def _filter(self) -> None:
        self.model.set_rows(np.flatnonzero(self._wrong) if self.wrong_only.isChecked() else None)
        shown, total = self.model.rowCount(), len(self._wrong)
        self.count.setText(
            tr("{shown:,} of {total:,} days").format(shown=shown, total=total)
            if shown != total
            else tr("{total:,} days").format(total=total)
        )

    def select(self, row: int) -> None:
        """Make day `row` the current row (scrolled into view), without echoing daySelected."""
        found = self.model.view_rows([row]) if 0 <= row < len(self._wrong) else np.zeros(0, dtype=np.intp)
        self._selecting = True
        try:
            selection = self.view.selectionModel()
            if not len(found):
                selection.clearSelection()
                return
            index = self.model.index(int(found[0]), 0)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.scrollTo(index)
        finally:
            self._selecting = False

    def row_menu(self, pos: QPoint | None) -> QMenu | None:
        """The menu of the row at `pos` (viewport coordinates; None: the current row),
        which is shown first: explain the day in Predict, or show it in History."""
        index = self.view.indexAt(pos) if pos is not None else self.view.currentIndex()
        if not index.isValid():
            return None
        row = self.model.source_row(index.row())
        self.daySelected.emit(row)
        self.menu = show_row_menu(
            self.view,
            index,
            pos,
            [
                (tr("&Explain in Predict"), lambda: self.dayExplained.emit(row)),
                (tr("Show in &History"), lambda: self.dayActivated.emit(row)),
            ],
        )
        return self.menu

    def _current_changed(self, current, _previous) -> None:
        if not self._selecting and current.isValid():
            self.daySelected.emit(self.model.source_row(current.row()))
