"""The lab's pipelines drawn as a flow: data in → daily flowers → training → inference →
monitor. Each pipeline's box shows its newest run (when, who started it, how it ended,
how long it took, the rows it read and wrote), and the daily one its next scheduled run;
"Run now" starts it, with its progress and (where the pipeline can stop) Cancel. The
stages' words are marked for translation and translated when a box is built."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.store.runs import FAILURES, RunRecord
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.widgets import colors

if TYPE_CHECKING:  # PySide6's stub says QT_TR_NOOP returns object; it returns its str argument

    def QT_TR_NOOP(message: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TR_NOOP


@dataclass(frozen=True)
class Stage:
    """A box of the flow; its words are English sources (QT_TR_NOOP), tr() where shown."""

    key: str  # the box's title is title_text(key)
    pipelines: tuple[str, ...]  # the box shows the newest run of any of these
    what: str
    run_name: str  # the Run now button's accessible name
    run_tip: str
    progress_name: str  # the progress bar's accessible name
    cancel_name: str  # the Cancel button's accessible name


STAGES = (
    Stage(
        "data",
        ("backfill", "import", "import-removal"),
        QT_TR_NOOP("Backfill of the bundled data set, and CSV imports"),
        QT_TR_NOOP("Run the backfill now"),
        QT_TR_NOOP("Store the bundled 150 flowers (nothing to do once stored); File ▸ Import CSV adds more"),
        QT_TR_NOOP("Data in: progress"),
        QT_TR_NOOP("Cancel the data in run"),
    ),
    Stage(
        "daily",
        ("catch-up", "extend-history"),
        QT_TR_NOOP("One synthetic flower a day: the catch-up makes every missed day (and predicts it)"),
        QT_TR_NOOP("Run the daily catch-up now"),
        QT_TR_NOOP("Generate and predict every missed day up to today"),
        QT_TR_NOOP("Daily flowers: progress"),
        QT_TR_NOOP("Cancel the daily flowers run"),
    ),
    Stage(
        "training",
        ("training",),
        QT_TR_NOOP("Train, evaluate and register a model; activate it and predict every day"),
        QT_TR_NOOP("Run the training now"),
        QT_TR_NOOP("Train again with the active model's settings (the default model if there is none)"),
        QT_TR_NOOP("Training: progress"),
        QT_TR_NOOP("Cancel the training run"),
    ),
    Stage(
        "inference",
        ("activation", "catch-up"),
        QT_TR_NOOP("Batch inference: the active model predicts every daily flower it has not seen"),
        QT_TR_NOOP("Run the batch inference now"),
        QT_TR_NOOP("Predict every daily flower the active model has not predicted yet"),
        QT_TR_NOOP("Inference: progress"),
        QT_TR_NOOP("Cancel the inference run"),
    ),
)
STAGE_KEYS = tuple(stage.key for stage in STAGES)


def title_text(key: str) -> str:
    """A box's title in the user's language ("Training" told apart from the step that
    failed in "Training failed")."""
    titles = {
        "data": tr("Data in"),
        "daily": tr("Daily flowers"),
        "training": tr("Training", "the title of the flow's training box"),
        "inference": tr("Inference"),
    }
    return titles[key]


def newest(last: dict[str, RunRecord], pipelines: tuple[str, ...]) -> RunRecord | None:
    runs = [last[p] for p in pipelines if p in last]
    return max(runs, key=lambda run: run.id) if runs else None


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PipelineBox(QGroupBox):
    runRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, stage: Stage, parent=None):
        super().__init__(title_text(stage.key), parent)
        self.stage = stage
        self.run: RunRecord | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(180)
        what = _wrapped(tr(stage.what))
        what.setEnabled(False)  # drawn as secondary text
        self.last = _wrapped(tr("No run recorded"))
        self.outcome = _wrapped()
        self.rows = _wrapped()
        self.next = _wrapped()
        self.next.hide()
        self.run_button = QPushButton(tr("Run now"))
        self.run_button.setAccessibleName(tr(stage.run_name))
        self.run_button.setToolTip(tr(stage.run_tip))
        self.run_button.clicked.connect(self.runRequested.emit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(tr(stage.progress_name))
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAccessibleName(tr(stage.cancel_name))
        self.cancel_button.clicked.connect(self.cancelRequested.emit)
        self.cancel_button.hide()
        self.status = _wrapped()
        self.layout_ = QVBoxLayout(self)
        for widget in (what, self.last, self.outcome, self.rows, self.next):
            self.layout_.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.status)
        self.layout_.addStretch(1)

    def show_run(self, run: RunRecord | None) -> None:
        self.run = run
        if run is None:
            self.last.setText(tr("No run recorded"))
            self.outcome.setText("")
            self.rows.setText("")
            return
        self.last.setText(
            tr("Last run: {started} · {pipeline} · by {trigger}").format(
                started=run_text.started_text(run)[:16],
                pipeline=run_text.pipeline_text(run.pipeline),
                trigger=run_text.trigger_text(run.trigger),
            )
        )
        ended = run_text.outcome_text(run.outcome)
        if run.ended:
            self.outcome.setText(
                tr("<b>{outcome}</b> in {duration}").format(outcome=ended, duration=run_text.duration_text(run))
            )
        else:
            self.outcome.setText(tr("<b>{outcome}</b>").format(outcome=ended))
        self.outcome.setStyleSheet(f"color: {_colour(run.outcome)}" if _colour(run.outcome) else "")
        self.outcome.setToolTip(run.message)  # the core's words, as stored
        rows = run_text.rows_text(run)
        self.rows.setText(rows[:1].upper() + rows[1:])

    def show_next(self, text: str) -> None:
        self.next.setText(text)
        self.next.show()

    def set_busy(self, text: str | None, cancellable: bool = False) -> None:
        busy = text is not None
        self.run_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and cancellable)
        if busy:
            self.progress.setValue(0)
            self.status.setText(text or "")

    def set_progress(self, pct: int, text: str) -> None:
        self.progress.setValue(max(0, min(100, pct)))
        if text:
            self.status.setText(text)


def _colour(outcome: str) -> str:
    scheme = colors.scheme()
    if outcome in FAILURES:
        return scheme.wrong_text
    if outcome == "ok":
        return scheme.correct_text
    return scheme.warning if outcome == "cancelled" else ""


class MonitorBox(QGroupBox):
    """The end of the flow: what the History tab monitors."""

    historyRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(tr("Monitor"), parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(160)
        what = _wrapped(tr("Each day's prediction against the flower's true variety"))
        what.setEnabled(False)
        self.figures = _wrapped()
        self.open_button = QPushButton(tr("Open in Histor&y"))
        self.open_button.setToolTip(tr("The latest day in the History tab"))
        self.open_button.clicked.connect(self.historyRequested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.figures)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_summary(self, predictions: int, days: int, last_day: dt.date | None, model: int | None) -> None:
        lines = [tr("{predictions:,} predictions of {days:,} daily flowers").format(predictions=predictions, days=days)]
        lines.append(tr("Latest day: {day}").format(day=last_day) if last_day else tr("No daily flower yet"))
        if model is not None:
            lines.append(tr("Active model: v{version}").format(version=model))
        else:
            lines.append(tr("No active model"))
        self.figures.setText("\n".join(lines))
        self.open_button.setEnabled(last_day is not None)


class FlowView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.boxes = {stage.key: PipelineBox(stage) for stage in STAGES}
        self.monitor = MonitorBox()
        self.schedule_button = QPushButton(tr("&Schedule daily run…"))
        self.schedule_button.setToolTip(tr("Run the daily catch-up every day from the system's scheduler, app closed"))
        daily = self.boxes["daily"]
        daily.layout_.insertWidget(daily.layout_.indexOf(daily.next) + 1, self.schedule_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for index, widget in enumerate([*self.boxes.values(), self.monitor]):
            if index:
                arrow = QLabel("→")
                arrow.setAccessibleName(tr("then"))
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                row.addWidget(arrow)
            row.addWidget(widget, 1)  # as tall as the tallest box (a long line wraps), its lines on top

    def show_runs(self, last: dict[str, RunRecord]) -> None:
        for box in self.boxes.values():
            box.show_run(newest(last, box.stage.pipelines))

    def controls(self) -> list[QWidget]:
        """In reading order, for Tab."""
        order: list[QWidget] = []
        for key, box in self.boxes.items():
            if key == "daily":
                order.append(self.schedule_button)
            order += [box.run_button, box.cancel_button]
        return [*order, self.monitor.open_button]
