"""Every prediction of the view in one table: sortable by any column, filtered by
outcome, variety and date, linked with the plot (select a row: the plot rings that day;
click a marker: the row is selected) and with the Daily tab (double-click or Enter);
a row's menu (right-click, the Menu key or Shift+F10) explains the day in Predict."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import number, percent, tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.column_table import Column, ColumnTableModel
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP
from iris_desktop.ui.widgets.core_words import feature_display as feature_name
from iris_desktop.ui.widgets.row_menu import add_row_menu, show_row_menu

if TYPE_CHECKING:
    from iris_desktop.pipelines.monitoring import HistoryColumns

OUTCOMES = (QT_TR_NOOP("All days"), QT_TR_NOOP("Wrong only"), QT_TR_NOOP("Correct only"))


def _variety_column(header: str, values: np.ndarray, tip: str) -> Column:
    labels = [v.label for v in VARIETIES]
    # A Column passes each value as `object`: these columns hold variety indexes.
    return Column(
        header,
        values,
        lambda i: labels[cast(int, i)],
        tip,
        decoration=lambda i: colors.color(VARIETIES[cast(int, i)]),
        align_right=False,
    )


class _Model(ColumnTableModel):
    """The roles a cell can have here answered, the others (a view asks for seven per
    cell at every paint) at once."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return super().data(index, role) if role in _ROLES else None


_ROLES = frozenset(
    (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)


class PredictionTable(QWidget):
    daySelected = Signal(object)  # a datetime.date
    dayActivated = Signal(object)  # Enter / double-click: show it in the Daily tab
    dayExplained = Signal(object)  # the row's menu: explain it in the Predict tab

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history: HistoryColumns | None = None
        self._selecting = False
        self._sized = False
        self._sorted = False
        self._day_text = np.zeros(0, dtype=str)
        self.outcome = QComboBox()
        self.outcome.addItems([tr(outcome) for outcome in OUTCOMES])
        self.outcome.setToolTip(tr("Show every day, or only the days the prediction was wrong / right"))
        self.variety = QComboBox()
        self.variety.addItem(tr("Any variety"))
        for v in VARIETIES:
            self.variety.addItem(v.label)
        self.variety.setToolTip(tr("Only days whose flower was, or was predicted as, this variety"))
        self.variety.setAccessibleName(strings.VARIETY_FILTER_NAME)
        self.date_filter = QLineEdit()
        self.date_filter.setPlaceholderText(tr("Date, e.g. 2026-05"))
        self.date_filter.setClearButtonEnabled(True)
        self.date_filter.setMinimumWidth(self.date_filter.fontMetrics().horizontalAdvance("2026-05") + 30)
        self.date_filter.setToolTip(tr("Only the days whose date (YYYY-MM-DD) starts with this text"))
        self.date_filter.setAccessibleName(strings.DATE_FILTER_NAME)
        self.count = QLabel()
        widest = tr("{total:,} days").format(total=99999)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(widest) + 4)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters = QHBoxLayout()
        show = QLabel(tr("Sho&w:"))
        show.setBuddy(self.outcome)
        filters.addWidget(show)
        filters.addWidget(self.outcome)
        filters.addWidget(self.variety)
        filters.addWidget(self.date_filter, 1)
        filters.addWidget(self.count)

        self.model = _Model(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest day first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Sizing to contents reads this many rows, not 1,000 (Qt's default): every row
        # is formatted in Python on demand, and the columns' widths do not vary by row.
        self.view.horizontalHeader().setResizeContentsPrecision(40)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.setAccessibleName(tr("Predictions"))
        self.view.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.view.activated.connect(lambda index: self._activate(index.row()))
        self.menu: QMenu | None = None  # the row's menu on screen
        add_row_menu(self.view, self.row_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        self.outcome.currentIndexChanged.connect(self._filter)
        self.variety.currentIndexChanged.connect(self._filter)
        self.date_filter.textChanged.connect(self._filter)

    # ---- data ----------------------------------------------------------------------

    def set_history(self, history: HistoryColumns) -> None:
        """Show every row of `history` (HistoryColumns); filters and sort are kept (the
        caller selects a day again: `select_day`)."""
        self.history = history
        models = [f"v{v}" for v in range(int(history.version.max()) + 1)] if len(history) else []

        def model_text(value: object) -> str:
            v = cast(int, value)  # a Column passes its values as `object`: versions here
            return models[v] if v < len(models) else f"v{v}"

        self._day_text = history.day.astype(str)
        columns = [Column(tr("Date"), history.day, str, tr("The day of the daily flower"), align_right=False)]
        columns += [
            Column(
                feature_name(f).replace(" ", "\n"),
                history.X[:, j],
                lambda x: number(cast(float, x), 1),
                tr("{feature} in cm").format(feature=feature_name(f)),
            )
            for j, f in enumerate(FEATURES)
        ]
        columns += [
            _variety_column(tr("Predicted"), history.predicted, tr("What the model predicted")),
            _variety_column(tr("Actual"), history.actual, tr("The flower's true variety")),
            Column(
                tr("Probability"),
                history.confidence,
                lambda p: percent(cast(float, p), 0),
                tr("The model's probability for its prediction"),
            ),
            Column(
                tr("Model"),
                history.version,
                model_text,
                tr("The model version that made the prediction"),
            ),
            Column(
                tr("Correct"),
                history.correct,
                lambda ok: "✓" if ok else "✗",
                tr("Was the prediction right?"),
                align_right=False,
            ),
        ]
        self.model.set_columns(columns)  # (in the model's sort order, every row shown: one reset)
        if not self._sorted:  # once: the header sorts the model from then on, and it keeps its order
            self._sorted = True
            header = self.view.horizontalHeader()
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._filter(all_shown=True)
        if not self._sized and len(history):  # once: later fills keep the user's widths
            self._sized = True
            self.view.resizeColumnsToContents()

    def _mask(self) -> np.ndarray | None:
        h = self.history
        if h is None:
            return None
        keep = np.ones(len(h), dtype=bool)
        outcome = self.outcome.currentIndex()
        if outcome == 1:
            keep &= ~h.correct
        elif outcome == 2:
            keep &= h.correct
        variety = self.variety.currentIndex() - 1
        if variety >= 0:
            keep &= (h.actual == variety) | (h.predicted == variety)
        text = self.date_filter.text().strip()
        if text:
            keep &= np.char.startswith(self._day_text, text)
        return keep

    def _filter(self, *_args, all_shown: bool = False) -> None:
        """Show the rows the filters keep (`all_shown`: the model shows every row now)."""
        keep = self._mask()
        if keep is None:
            return
        filtered = not keep.all()
        if filtered or not all_shown:
            self.model.set_rows(np.flatnonzero(keep) if filtered else None)
        shown, total = int(keep.sum()), len(keep)
        self.count.setText(
            tr("{shown:,} of {total:,} days").format(shown=shown, total=total)
            if filtered
            else tr("{total:,} days").format(total=total)
        )

    def shown_rows(self) -> np.ndarray:
        """The source rows shown, in the order shown (what an export writes)."""
        return self.model.source_rows()

    # ---- selection -------------------------------------------------------------------

    def selected_day(self) -> dt.date | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows or self.history is None:
            return None
        return self.history.day[self.model.source_row(rows[0].row())].item()

    def select_day(self, day: dt.date, emit: bool = False) -> bool:
        """Select and show the row of `day` (if it is shown); True if found."""
        if self.history is None:
            return False
        index = self.history.index_of(day)
        view_rows = self.model.view_rows([index]) if index is not None else np.zeros(0, dtype=np.intp)
        if not len(view_rows):
            self.view.clearSelection()
            return False
        model_index = self.model.index(int(view_rows[0]), 0)
        if self.view.selectionModel().isRowSelected(model_index.row()):
            return True
        self._selecting = not emit
        try:
            self.view.selectionModel().setCurrentIndex(
                model_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.scrollTo(model_index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._selecting = False
        return True

    def connect_selection(self) -> None:
        """Emit daySelected when the user picks a row (call once a model is set)."""
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _selection_changed(self, *_args) -> None:
        if self._selecting:
            return
        day = self.selected_day()
        if day is not None:
            self.daySelected.emit(day)

    def row_menu(self, pos: QPoint | None) -> QMenu | None:
        """The menu of the row at `pos` (viewport coordinates; None: the current row),
        which is selected first: explain its day in Predict, or show it in Daily."""
        index = self.view.indexAt(pos) if pos is not None else self.view.currentIndex()
        if not index.isValid() or self.history is None:
            return None
        selection = self.view.selectionModel()
        if not selection.isRowSelected(index.row()):  # the tab follows (daySelected)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        day = self.history.day[self.model.source_row(index.row())].item()
        self.menu = show_row_menu(
            self.view,
            index,
            pos,
            [
                (tr("&Explain in Predict"), lambda: self.dayExplained.emit(day)),
                (tr("Show in &Daily tab"), lambda: self.dayActivated.emit(day)),
            ],
        )
        return self.menu

    def _activate(self, view_row: int) -> None:
        if self.history is not None and 0 <= view_row < self.model.rowCount():
            self.dayActivated.emit(self.history.day[self.model.source_row(view_row)].item())
