"""Steering the daily pipeline: the generator of the days to come, the history's start,
and "Catch up now", each run as a task whose progress shows here."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
)

from iris_desktop.domain import MAX_HISTORY_DAYS
from iris_desktop.pipelines.daily import GENERATORS, LABELS
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.daily.words import basis_text, generator_description, generator_label, kind_label
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP, reword

TIPS = {
    "mvnormal": QT_TR_NOOP(
        "A multivariate normal per variety, fitted to the stored flowers with its full "
        "covariance: generated flowers keep the shape of real ones (long petals are wide). "
        "Values stay positive and are rounded to 0.1 cm, as measured."
    ),
    "measured": QT_TR_NOOP(
        "Uniform within each variety's measured min-max box: every corner of the box is as "
        "likely as its centre, so it makes flowers no iris has."
    ),
    "original": QT_TR_NOOP(
        "Uniform within the original lab's hand-written per-variety bounds (their swapped "
        "arguments fixed). Versicolor and virginica boxes overlap widely."
    ),
}
# What the pipeline's tasks say as they go (pipelines/inference.py and jobs.py), read back.
PROGRESS = (
    QT_TR_NOOP("Generating and predicting the days before {day}"),
    QT_TR_NOOP("Generating and predicting the days after {day}"),
    QT_TR_NOOP("Catching up to today"),
    QT_TR_NOOP("Measuring the stored flowers"),
    QT_TR_NOOP("Generator saved"),
)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SteeringBox(QGroupBox):
    generatorRequested = Signal(str)  # a kind, for the days to come
    historyStartRequested = Signal(object)  # a date: start the history there
    catchUpRequested = Signal()
    stopRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(tr("Daily pipeline"), parent)
        self.upcoming = QLabel()
        self.upcoming.setWordWrap(True)
        self.combo = QComboBox()
        for kind in GENERATORS:
            self.combo.addItem(kind_label(kind, LABELS[kind]), kind)
            self.combo.setItemData(self.combo.count() - 1, tr(TIPS[kind]), Qt.ItemDataRole.ToolTipRole)
        self.combo.setToolTip(
            tr("How the days not yet stored will be made. Stored days keep the generator that made them.")
        )
        self.combo.currentIndexChanged.connect(self._update_apply)
        self.apply = QPushButton(tr("&Apply"))
        self.apply.setToolTip(
            tr("Use this generator from the next day not yet stored on (measured on the stored flowers now)")
        )
        self.apply.clicked.connect(lambda: self.generatorRequested.emit(self.combo.currentData()))
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setToolTip(
            tr(
                "The first day of the daily history. It can only move earlier: the "
                "days before the first stored one are made by the generator of the "
                "days to come and predicted by the active model. Stored days never change."
            )
        )
        self.start.dateChanged.connect(self._update_extend)
        self.extend = QPushButton(tr("&Extend"))
        self.extend.setToolTip(tr("Generate and predict the days from this date to the first stored day"))
        self.extend.clicked.connect(self._extend_clicked)
        self.catch_up = QPushButton(tr("Catch &up now"))
        self.catch_up.setToolTip(tr("Generate and predict every missed day up to today (F5)"))
        self.catch_up.clicked.connect(self.catchUpRequested.emit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.stop = QPushButton(tr("Stop"))
        self.stop.setToolTip(tr("Stop after the batch of days being stored (the days stored stay)"))
        self.stop.clicked.connect(self.stopRequested.emit)
        self.stop.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        generator_caption = QLabel(tr("Generator for the days to &come:"))
        generator_caption.setBuddy(self.combo)
        start_label = QLabel(tr("History &starts on:"))
        start_label.setBuddy(self.start)
        grid = QGridLayout(self)
        grid.addWidget(self.upcoming, 0, 0, 1, 3)
        grid.addWidget(generator_caption, 1, 0, 1, 3)
        grid.addWidget(self.combo, 2, 0, 1, 2)
        grid.addWidget(self.apply, 2, 2)
        grid.addWidget(start_label, 3, 0)
        grid.addWidget(self.start, 3, 1)
        grid.addWidget(self.extend, 3, 2)
        grid.addWidget(self.catch_up, 4, 0, 1, 3)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.stop)
        grid.addLayout(busy, 5, 0, 1, 3)
        grid.addWidget(self.status, 6, 0, 1, 3)
        grid.setRowStretch(7, 1)
        grid.setColumnStretch(1, 1)
        self._kind: str | None = None
        self._refit = False
        self._first: dt.date | None = None
        self._busy = False

    def set_data(self, data, today: dt.date) -> None:
        upcoming = data.upcoming
        name = generator_label(upcoming)
        if upcoming.basis:
            text = tr("Days to come (from {day}): <b>{generator}</b>, on {basis}.").format(
                day=data.next_day, generator=name, basis=basis_text(upcoming.basis)
            )
        else:
            text = tr("Days to come (from {day}): <b>{generator}</b>.").format(day=data.next_day, generator=name)
        self.upcoming.setText(text)
        self.upcoming.setToolTip(generator_description(upcoming))
        self._kind, self._refit = upcoming.kind, data.refit_differs
        if upcoming.kind in GENERATORS:
            self.combo.setCurrentIndex(GENERATORS.index(upcoming.kind))
        self._first = data.history_start
        self.start.blockSignals(True)
        self.start.setDateRange(qdate(today - dt.timedelta(days=MAX_HISTORY_DAYS)), qdate(data.history_start))
        self.start.setDate(qdate(data.history_start))
        self.start.blockSignals(False)
        self._update_apply()
        self._update_extend()

    def _update_apply(self) -> None:
        kind = self.combo.currentData()
        changes = kind != self._kind or self._refit
        self.apply.setEnabled(changes and not self._busy)
        self.apply.setText(tr("Re-fit") if kind == self._kind and self._refit else tr("&Apply"))

    def _update_extend(self) -> None:
        self.extend.setEnabled(self._first is not None and self.chosen_start() < self._first and not self._busy)

    def chosen_start(self) -> dt.date:
        return cast(dt.date, self.start.date().toPython())  # a QDate gives a date

    def _extend_clicked(self) -> None:
        self.historyStartRequested.emit(self.chosen_start())

    def set_busy(self, text: str | None, cancellable: bool = False) -> None:
        """While one of the pipeline's tasks runs: its text and a progress bar."""
        self._busy = text is not None
        self.progress.setVisible(self._busy)
        self.stop.setVisible(self._busy and cancellable)
        if text is not None:  # (busy)
            self.progress.setValue(0)
            self.status.setText(text)
        self._update_apply()
        self._update_extend()

    def set_progress(self, pct: int, text: str) -> None:
        self.progress.setValue(max(0, min(100, pct)))
        if text:
            self.status.setText(reword(text, PROGRESS) or text)
