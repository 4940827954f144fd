"""Lineage: which flowers a model was trained on (its sources, the import batches, how
many rows, the day range), which model predicted a day (and in which run), and which
models were trained on an import batch. A run selected in the log shows its model (and
its batch); the model and the day can also be picked here. The answers are read in a
worker (jobs.model_lineage, day_lineage, batch_lineage) and written here in words."""

from __future__ import annotations

import datetime as dt
import html
from typing import cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QGroupBox, QLabel

from iris_desktop.store.registry import ModelRecord
from iris_desktop.store.runs import RunRecord
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.tabs.pipelines.jobs import BatchLineage, DayLineage, ModelLineage


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _when(stamp: str) -> str:
    return f"{run_text.local_time(stamp):%Y-%m-%d %H:%M}"


def _run_words(run: RunRecord | None) -> str:
    if run is None:
        return "no run recorded"
    return f"the {run.pipeline} run {run.id} of {_when(run.started)} (by {run.trigger}, {run.outcome})"


def model_text(lineage: ModelLineage | None, version: int) -> str:
    if lineage is None:
        return f"There is no model v{version} (deleted?)."
    record = lineage.record
    lines = [
        f"<b>v{record.version}</b> {html.escape(record.algorithm)}, registered {_when(record.created_at)}"
        + (" (active)" if record.active else ""),
        f"Trained on {record.n_rows:,} flowers from {', '.join(record.sources)} "
        f"(split seed {record.split_seed}, {record.test_fraction:.0%} held out for the test)",
    ]
    if "import" in record.sources:
        if lineage.batches:
            named = [
                f"#{b.id} {html.escape(b.file_name)} ({b.rows:,} rows, {_when(b.imported_at)})" for b in lineage.batches
            ]
            lines.append("Import batches: " + "; ".join(named))
        else:
            lines.append("Import batches: none stored then (or removed since)")
    if "daily" in record.sources:
        if lineage.days is not None:
            first, last, count = lineage.days
            lines.append(f"Daily flowers: {count:,} days, {first} to {last}")
        else:
            lines.append("Daily flowers: none stored then")
    retrained = record.metrics.get("retrained_from")
    if retrained:
        lines.append(f"Settings of v{retrained}, trained again")
    lines.append("Made by " + html.escape(_run_words(lineage.trained_by)))
    return "<br>".join(lines)


def day_text(lineage: DayLineage) -> str:
    if lineage.variety is None:
        return f"No daily flower is stored for {lineage.day}."
    lines = [f"<b>{lineage.day}</b>: a {lineage.variety} flower"]
    if not lineage.predictions:
        lines.append("Not predicted yet (no usable active model when it was made)")
    for p in lineage.predictions:
        verdict = "right" if p.predicted == lineage.variety else "wrong"
        lines.append(
            f"Model v{p.version} predicted {p.predicted} ({p.probability:.0%}, {verdict}) on "
            f"{_when(p.predicted_at)}, in {html.escape(_run_words(p.run))}"
        )
    return "<br>".join(lines)


def batch_text(lineage: BatchLineage) -> str:
    if lineage.batch is None:
        return f"Import batch #{lineage.import_id} has been removed."
    b = lineage.batch
    models = ", ".join(f"v{v}" for v in lineage.models) or "none yet"
    return (
        f"<b>Import batch #{b.id}</b> {html.escape(b.file_name)}: {b.rows:,} rows imported {_when(b.imported_at)}, "
        f"{b.remaining:,} still stored<br>Models trained on it: {models}"
    )


class LineagePanel(QGroupBox):
    modelRequested = Signal(int)
    dayRequested = Signal(object)  # a date

    def __init__(self, parent=None):
        super().__init__("Lineage", parent)
        self.setMinimumWidth(300)
        self.model = QComboBox()
        self.model.setToolTip("The flowers this model was trained on")
        self.model.setAccessibleName("Model whose training data is shown")
        self.model.activated.connect(lambda _i: self._model_picked())
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setToolTip("Which model predicted this day, and in which run")
        self.day.setAccessibleName("Day whose predictions are shown")
        self.day.dateChanged.connect(lambda _d: self.dayRequested.emit(self.chosen_day()))
        self.model_answer = self._answer("Pick a model, or select a run of it in the log")
        self.day_answer = self._answer("Pick a day")
        self.batch_answer = self._answer("")
        self.batch_answer.hide()
        self._days_set = False
        model_label = QLabel("&Model:")
        model_label.setBuddy(self.model)
        day_label = QLabel("D&ay:")
        day_label.setBuddy(self.day)
        grid = QGridLayout(self)
        grid.addWidget(model_label, 0, 0)
        grid.addWidget(self.model, 0, 1)
        grid.addWidget(self.model_answer, 1, 0, 1, 2)
        grid.addWidget(self.batch_answer, 2, 0, 1, 2)
        grid.addWidget(day_label, 3, 0)
        grid.addWidget(self.day, 3, 1)
        grid.addWidget(self.day_answer, 4, 0, 1, 2)
        grid.setRowStretch(5, 1)
        grid.setColumnStretch(1, 1)

    @staticmethod
    def _answer(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    def set_models(self, records: tuple[ModelRecord, ...]) -> None:
        """The registry's versions, newest first; the one shown stays chosen."""
        chosen = self.model.currentData()
        self.model.blockSignals(True)
        self.model.clear()
        for record in reversed(records):
            self.model.addItem(
                f"v{record.version} {record.algorithm}" + (" (active)" if record.active else ""), record.version
            )
        at = self.model.findData(chosen)
        self.model.setCurrentIndex(at if at >= 0 else -1)
        self.model.blockSignals(False)

    def set_days(self, first: dt.date | None, last: dt.date | None) -> None:
        """The days a flower may be stored for; the day shown is kept if it still is one."""
        if first is None or last is None:
            return
        self.day.blockSignals(True)
        self.day.setDateRange(_qdate(first), _qdate(last))
        if not self._days_set:  # the latest day, until the user picks another
            self.day.setDate(_qdate(last))
            self._days_set = True
        self.day.blockSignals(False)

    def chosen_day(self) -> dt.date:
        return cast(dt.date, self.day.date().toPython())

    def show_day(self, day: dt.date) -> None:
        """Pick `day` (its answer is asked for)."""
        if self.chosen_day() == day:
            self.dayRequested.emit(day)
        self.day.setDate(_qdate(day))

    def pick_model(self, version: int) -> None:
        at = self.model.findData(version)
        if at >= 0:
            self.model.setCurrentIndex(at)
        self.modelRequested.emit(version)

    def _model_picked(self) -> None:
        version = self.model.currentData()
        if version is not None:
            self.modelRequested.emit(int(version))

    def show_model_lineage(self, lineage: ModelLineage | None, version: int) -> None:
        self.model_answer.setText(model_text(lineage, version))

    def show_day_lineage(self, lineage: DayLineage) -> None:
        self.day_answer.setText(day_text(lineage))

    def show_batch_lineage(self, lineage: BatchLineage | None) -> None:
        self.batch_answer.setVisible(lineage is not None)
        if lineage is not None:
            self.batch_answer.setText(batch_text(lineage))
