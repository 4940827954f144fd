"""The run log on screen: filters (pipeline, outcome, text), the table (newest first),
the selected run's details with its message in full, and Export CSV of the runs shown."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.pipelines.runs import PIPELINES
from iris_desktop.store.runs import OUTCOMES, RunRecord
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.tabs.pipelines.run_log import FAILURES_CHOICE, RunLogModel
from iris_desktop.ui.widgets.splitters import splitter

WIDTHS = (140, 110, 100, 100, 70, 70, 70, 50)  # the columns before the message, in pixels (room for Swedish)


class RunLogPanel(QWidget):
    runSelected = Signal(object)  # a RunRecord
    exportRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RunLogModel(self)
        self._restoring = False
        self.pipeline = QComboBox()
        self.pipeline.addItem(tr("All pipelines"), None)
        for name in PIPELINES:
            self.pipeline.addItem(run_text.pipeline_text(name), name)
            tip = run_text.pipeline_description(name)
            self.pipeline.setItemData(self.pipeline.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.pipeline.setAccessibleName(tr("Only the runs of this pipeline"))
        self.outcome = QComboBox()
        self.outcome.addItem(tr("Any outcome"), None)
        self.outcome.addItem(tr("Failed or interrupted"), FAILURES_CHOICE)
        for outcome in OUTCOMES:
            self.outcome.addItem(run_text.outcome_text(outcome), outcome)
        self.outcome.setAccessibleName(tr("Only the runs that ended this way"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Text in the message, e.g. import"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self.search.setAccessibleName(tr("Only the runs whose pipeline, trigger, model or message holds this text"))
        self.count = QLabel()
        self.export_button = QPushButton(tr("E&xport CSV…"))
        self.export_button.setToolTip(tr("Save the runs shown as a CSV file"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        label = QLabel(tr("&Runs of:"))
        label.setBuddy(self.pipeline)
        filters = QHBoxLayout()
        for widget in (label, self.pipeline, self.outcome, self.search):
            filters.addWidget(widget)
        filters.addWidget(self.count, 1)
        filters.addWidget(self.export_button)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Run log, newest first"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 7 + 12)  # a run whole
        self.details.setAccessibleName(tr("The selected run, its message in full"))
        self.details.setPlaceholderText(tr("Select a run to see it in full, and its lineage"))
        self.split = splitter(Qt.Orientation.Vertical, [self.view, self.details], (4, 1))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.split, 1)
        self.pipeline.currentIndexChanged.connect(self._filter)
        self.outcome.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self._show_count()

    # ---- content ----------------------------------------------------------------------

    def show_runs(self, records: list[RunRecord], full: bool) -> bool:
        """The whole log (`full`) or its newest runs; the selected run stays selected.
        False if the newest runs did not fit the log shown (read it whole then)."""
        selected = self.selected()
        if full:
            self.model.replace(records)
        elif not self.model.merge(records):
            return False
        self._reselect(selected)
        self._show_count()
        return True

    def selected(self) -> RunRecord | None:
        current = self.view.selectionModel().currentIndex()
        return self.model.record(current.row()) if current.isValid() else None

    def select_run(self, run_id: int) -> bool:
        """Select the run `run_id` (the filters are cleared if they hide it)."""
        row = self.model.view_row_of(run_id)
        if row is None and (self.model.pipeline or self.model.outcome or self.model.text):
            self.clear_filters()
            row = self.model.view_row_of(run_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        for widget in (self.pipeline, self.outcome, self.search):
            widget.blockSignals(True)
        self.pipeline.setCurrentIndex(0)
        self.outcome.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.pipeline, self.outcome, self.search):
            widget.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        selected = self.selected()
        self.model.set_filter(self.pipeline.currentData(), self.outcome.currentData(), self.search.text())
        self._reselect(selected)
        self._show_count()

    def _reselect(self, selected: RunRecord | None) -> None:
        row = None if selected is None else self.model.view_row_of(selected.id)
        if row is None:
            self.details.setPlainText("")
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self._restoring = True  # the same run again: its lineage is shown already
        try:
            self.view.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        finally:
            self._restoring = False
        self.details.setPlainText(run_text.details(self.model.record(row)))

    def _current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        run = self.model.record(current.row())
        self.details.setPlainText(run_text.details(run))
        if not self._restoring:
            self.runSelected.emit(run)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.records)
        if shown == total:
            self.count.setText(tr("{shown:,} runs").format(shown=shown))
        else:
            self.count.setText(tr("{shown:,} of {total:,} runs").format(shown=shown, total=total))
