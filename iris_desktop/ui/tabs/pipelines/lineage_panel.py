"""Lineage: which flowers a model was trained on (its sources, the import batches, how
many rows, the day range), which model predicted a day (and in which run), and which
models were trained on an import batch. A run selected in the log shows its model (and
its batch); the model and the day can also be picked here. The answers are read in a
worker (jobs.model_lineage, day_lineage, batch_lineage) and written here in words, in the
user's language (file names and variety names as they are)."""

from __future__ import annotations

import datetime as dt
import html
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QGroupBox, QLabel

from iris_desktop.store.registry import ModelRecord
from iris_desktop.store.runs import RunRecord
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.tabs.pipelines.jobs import BatchLineage, DayLineage, ModelLineage
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.local_dates import qdate


def _when(stamp: str) -> str:
    return f"{run_text.local_time(stamp):%Y-%m-%d %H:%M}"


def _run_words(run: RunRecord | None) -> str:
    if run is None:
        return tr("no run recorded")
    return tr("the {pipeline} run {id} of {when} (by {trigger}, {outcome})").format(
        pipeline=run_text.pipeline_text(run.pipeline),
        id=run.id,
        when=_when(run.started),
        trigger=run_text.trigger_text(run.trigger),
        outcome=run_text.outcome_text(run.outcome),
    )


def _sources(sources: list[str] | tuple[str, ...]) -> str:
    return strings.LIST_SEPARATOR.join(run_text.source_text(s) for s in sources)


def model_text(lineage: ModelLineage | None, version: int) -> str:
    if lineage is None:
        return tr("There is no model v{version} (deleted?).").format(version=version)
    record = lineage.record
    if record.active:
        heading = tr("<b>v{version}</b> {algorithm}, registered {when} (active)")
    else:
        heading = tr("<b>v{version}</b> {algorithm}, registered {when}")
    lines = [
        heading.format(version=record.version, algorithm=html.escape(record.algorithm), when=_when(record.created_at)),
        tr(
            "Trained on {rows:,} flowers from {sources} (split seed {seed}, {held_out:.0%} held out for the test)"
        ).format(
            rows=record.n_rows,
            sources=html.escape(_sources(record.sources)),
            seed=record.split_seed,
            held_out=record.test_fraction,
        ),
    ]
    if "import" in record.sources:
        if lineage.batches:
            named = [
                tr("#{id} {file} ({rows:,} rows, {when})").format(
                    id=b.id, file=html.escape(b.file_name), rows=b.rows, when=_when(b.imported_at)
                )
                for b in lineage.batches
            ]
            lines.append(tr("Import batches: {batches}").format(batches=tr("; ").join(named)))
        else:
            lines.append(tr("Import batches: none stored then (or removed since)"))
    if "daily" in record.sources:
        if lineage.days is not None:
            first, last, days = lineage.days
            said = tr("Daily flowers: {days:,} days, {first} to {last}")
            lines.append(said.format(days=days, first=first, last=last))
        else:
            lines.append(tr("Daily flowers: none stored then"))
    retrained = record.metrics.get("retrained_from")
    if retrained:
        lines.append(tr("Settings of v{version}, trained again").format(version=retrained))
    lines.append(tr("Made by {run}").format(run=html.escape(_run_words(lineage.trained_by))))
    return "<br>".join(lines)


def day_text(lineage: DayLineage) -> str:
    if lineage.variety is None:
        return tr("No daily flower is stored for {day}.").format(day=lineage.day)
    lines = [tr("<b>{day}</b>: a {variety} flower").format(day=lineage.day, variety=lineage.variety)]
    if not lineage.predictions:
        lines.append(tr("Not predicted yet (no usable active model when it was made)"))
    for p in lineage.predictions:
        if p.predicted == lineage.variety:
            said = tr("Model v{version} predicted {predicted} ({probability:.0%}, right) on {when}, in {run}")
        else:
            said = tr("Model v{version} predicted {predicted} ({probability:.0%}, wrong) on {when}, in {run}")
        lines.append(
            said.format(
                version=p.version,
                predicted=p.predicted,
                probability=p.probability,
                when=_when(p.predicted_at),
                run=html.escape(_run_words(p.run)),
            )
        )
    return "<br>".join(lines)


def batch_text(lineage: BatchLineage) -> str:
    if lineage.batch is None:
        return tr("Import batch #{id} has been removed.").format(id=lineage.import_id)
    b = lineage.batch
    models = strings.LIST_SEPARATOR.join(f"v{v}" for v in lineage.models) or tr("none yet")
    return tr(
        "<b>Import batch #{id}</b> {file}: {rows:,} rows imported {when}, {remaining:,} still stored<br>"
        "Models trained on it: {models}"
    ).format(
        id=b.id,
        file=html.escape(b.file_name),
        rows=b.rows,
        when=_when(b.imported_at),
        remaining=b.remaining,
        models=models,
    )


class LineagePanel(QGroupBox):
    modelRequested = Signal(int)
    dayRequested = Signal(object)  # a date

    def __init__(self, parent=None):
        super().__init__(tr("Lineage"), parent)
        self.setMinimumWidth(300)
        self.model = QComboBox()
        self.model.setToolTip(tr("The flowers this model was trained on"))
        self.model.setAccessibleName(tr("Model whose training data is shown"))
        self.model.activated.connect(lambda _i: self._model_picked())
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setToolTip(tr("Which model predicted this day, and in which run"))
        self.day.setAccessibleName(tr("Day whose predictions are shown"))
        self.day.dateChanged.connect(lambda _d: self.dayRequested.emit(self.chosen_day()))
        self.model_answer = self._answer(tr("Pick a model, or select a run of it in the log"))
        self.day_answer = self._answer(tr("Pick a day"))
        self.batch_answer = self._answer("")
        self.batch_answer.hide()
        self._days_set = False
        model_label = QLabel(tr("&Model:"))
        model_label.setBuddy(self.model)
        day_label = QLabel(tr("D&ay:"))
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
            if record.active:
                text = tr("v{version} {algorithm} (active)").format(version=record.version, algorithm=record.algorithm)
            else:
                text = f"v{record.version} {record.algorithm}"
            self.model.addItem(text, record.version)
        at = self.model.findData(chosen)
        self.model.setCurrentIndex(at if at >= 0 else -1)
        self.model.blockSignals(False)

    def set_days(self, first: dt.date | None, last: dt.date | None) -> None:
        """The days a flower may be stored for; the day shown is kept if it still is one."""
        if first is None or last is None:
            return
        self.day.blockSignals(True)
        self.day.setDateRange(qdate(first), qdate(last))
        if not self._days_set:  # the latest day, until the user picks another
            self.day.setDate(qdate(last))
            self._days_set = True
        self.day.blockSignals(False)

    def chosen_day(self) -> dt.date:
        return cast(dt.date, self.day.date().toPython())

    def show_day(self, day: dt.date) -> None:
        """Pick `day` (its answer is asked for)."""
        if self.chosen_day() == day:
            self.dayRequested.emit(day)
        self.day.setDate(qdate(day))

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
