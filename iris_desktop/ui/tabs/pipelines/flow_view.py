"""The lab's pipelines drawn as a flow: data in → daily flowers → training → inference →
monitor. Each pipeline's box shows its newest run (when, who started it, how it ended,
how long it took, the rows it read and wrote), and the daily one its next scheduled run;
"Run now" starts it, with its progress and (where the pipeline can stop) Cancel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.widgets import colors


@dataclass(frozen=True)
class Stage:
    key: str
    title: str
    pipelines: tuple[str, ...]  # the box shows the newest run of any of these
    what: str
    run_name: str  # the Run now button's accessible name
    run_tip: str


STAGES = (
    Stage(
        "data",
        "Data in",
        ("backfill", "import", "import-removal"),
        "Backfill of the bundled data set, and CSV imports",
        "Run the backfill now",
        "Store the bundled 150 flowers (nothing to do once stored); File ▸ Import CSV adds more",
    ),
    Stage(
        "daily",
        "Daily flowers",
        ("catch-up", "extend-history"),
        "One synthetic flower a day: the catch-up makes every missed day (and predicts it)",
        "Run the daily catch-up now",
        "Generate and predict every missed day up to today",
    ),
    Stage(
        "training",
        "Training",
        ("training",),
        "Train, evaluate and register a model; activate it and predict every day",
        "Run the training now",
        "Train again with the active model's settings (the default model if there is none)",
    ),
    Stage(
        "inference",
        "Inference",
        ("activation", "catch-up"),
        "Batch inference: the active model predicts every daily flower it has not seen",
        "Run the batch inference now",
        "Predict every daily flower the active model has not predicted yet",
    ),
)
STAGE_KEYS = tuple(stage.key for stage in STAGES)


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
        super().__init__(stage.title, parent)
        self.stage = stage
        self.run: RunRecord | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMinimumWidth(180)
        what = _wrapped(stage.what)
        what.setEnabled(False)  # drawn as secondary text
        self.last = _wrapped("No run recorded")
        self.outcome = _wrapped()
        self.rows = _wrapped()
        self.next = _wrapped()
        self.next.hide()
        self.run_button = QPushButton("Run now")
        self.run_button.setAccessibleName(stage.run_name)
        self.run_button.setToolTip(stage.run_tip)
        self.run_button.clicked.connect(self.runRequested.emit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(f"{stage.title}: progress")
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName(f"Cancel the {stage.title.lower()} run")
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

    def show_run(self, run: RunRecord | None) -> None:
        self.run = run
        if run is None:
            self.last.setText("No run recorded")
            self.outcome.setText("")
            self.rows.setText("")
            return
        self.last.setText(f"Last run: {run_text.started_text(run)[:16]} · {run.pipeline} · by {run.trigger}")
        ended = run_text.outcome_text(run.outcome)
        took = run_text.duration_text(run)
        self.outcome.setText(f"<b>{ended}</b>" + (f" in {took}" if run.ended else ""))
        self.outcome.setStyleSheet(f"color: {_colour(run.outcome)}" if _colour(run.outcome) else "")
        self.outcome.setToolTip(run.message)
        self.rows.setText(run_text.rows_text(run).capitalize())

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
        super().__init__("Monitor", parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMinimumWidth(160)
        what = _wrapped("Each day's prediction against the flower's true variety")
        what.setEnabled(False)
        self.figures = _wrapped()
        self.open_button = QPushButton("Open in Histor&y")
        self.open_button.setToolTip("The latest day in the History tab")
        self.open_button.clicked.connect(self.historyRequested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.figures)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_summary(self, predictions: int, days: int, last_day: dt.date | None, model: int | None) -> None:
        lines = [f"{predictions:,} predictions of {days:,} daily flowers"]
        lines.append(f"Latest day: {last_day}" if last_day else "No daily flower yet")
        lines.append(f"Active model: v{model}" if model is not None else "No active model")
        self.figures.setText("\n".join(lines))
        self.open_button.setEnabled(last_day is not None)


class FlowView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.boxes = {stage.key: PipelineBox(stage) for stage in STAGES}
        self.monitor = MonitorBox()
        self.schedule_button = QPushButton("&Schedule daily run…")
        self.schedule_button.setToolTip("Run the daily catch-up every day from the system's scheduler, app closed")
        daily = self.boxes["daily"]
        daily.layout_.insertWidget(daily.layout_.indexOf(daily.next) + 1, self.schedule_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for index, widget in enumerate([*self.boxes.values(), self.monitor]):
            if index:
                arrow = QLabel("→")
                arrow.setAccessibleName("then")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                row.addWidget(arrow)
            row.addWidget(widget, 1, Qt.AlignmentFlag.AlignTop)

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
