"""Schedule daily run…: the daily catch-up in the system's scheduler (a systemd user
timer, a crontab line, a LaunchAgent, a Task Scheduler task), so the history grows with
the app closed. What installing would write and run is shown first (as `schedule
install --dry-run` prints it); the status is read back from the system. Every step runs
in a worker: they call system commands."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.errors import UserError, user_message
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.pipelines import jobs as pipeline_jobs
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.tabs.pipelines.schedule_target import ScheduleTarget

LANE = "schedule"
DEFAULT_TIME = dt.time(0, 5)  # pipelines/schedule's own default


def schedulers_here() -> tuple[str, ...]:
    """The schedulers this platform has (pipelines/schedule looks for a schedule in these)."""
    if sys.platform == "win32":
        return ("schtasks",)
    return ("launchd", "cron") if sys.platform == "darwin" else ("systemd", "cron")


def status_text(check: pipeline_jobs.ScheduleCheck) -> str:
    """The schedule as the system has it, in a few lines (the scheduler's notes as the
    core wrote them)."""
    status = check.status
    if status is None:
        return tr("Not scheduled: the app catches up each day it is started.")
    lines = [
        tr("Scheduled: {scheduler} {name} ({where})").format(
            scheduler=status.backend, name=status.name, where=status.where
        )
    ]
    if status.time:
        lines.append(tr("Every day at {time}").format(time=f"{status.time:%H:%M}"))
    else:
        lines.append(tr("Not a daily time"))
    if status.enabled is not None:
        lines.append(tr("Enabled") if status.enabled else tr("Disabled"))
    if status.last_trigger:
        lines.append(tr("Last started by the system: {when}").format(when=f"{status.last_trigger:%Y-%m-%d %H:%M}"))
    if check.next_run:
        lines.append(tr("Next run: {when}").format(when=f"{check.next_run:%Y-%m-%d %H:%M}"))
    if check.missed is not None:
        lines.append(tr("Warning: {missed}.").format(missed=run_text.missed_text(check.missed)))
    lines += [tr("Note: {note}").format(note=note) for note in status.notes]
    return "\n".join(lines)


class ScheduleDialog(QDialog):
    changed = Signal()  # installed or removed: the tab reads the schedule again

    def __init__(
        self,
        state: AppState,
        reporter: ErrorReporter,
        target: ScheduleTarget,
        now=None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.state, self.reporter, self.target = state, reporter, target
        self.now = now or (lambda: dt.datetime.now().astimezone())
        self.data_dir = Path(state.db).parent
        self.check: pipeline_jobs.ScheduleCheck | None = None
        self.plan: pipeline_jobs.SchedulePlan | None = None
        self.setWindowTitle(tr("Schedule the daily run"))
        intro = QLabel(
            tr(
                "Run the daily catch-up every day from the system's scheduler, even when Iris Desktop is closed: "
                "it generates and predicts the missed days of {folder}, and records its runs as the scheduler's."
            ).format(folder=self.data_dir)
        )
        intro.setWordWrap(True)
        self.time = QTimeEdit(QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(tr("Time of day of the daily run"))
        self.time.timeChanged.connect(lambda _t: self.read_plan())
        time_label = QLabel(tr("Every day &at:"))
        time_label.setBuddy(self.time)
        self.scheduler = QComboBox()
        self.scheduler.setAccessibleName(tr("Scheduler"))
        self.scheduler.setToolTip(tr("Which of the system's schedulers runs it"))
        if target.on_the_system:
            self.scheduler.addItem(tr("The system's own"), target.backend)
            for name in schedulers_here():
                self.scheduler.addItem(name, name)
        else:  # a folder or file of its own: its backend only
            self.scheduler.addItem(target.make().name, target.backend)
            self.scheduler.setEnabled(False)
        self.scheduler.currentIndexChanged.connect(lambda _i: self._scheduler_changed())
        scheduler_label = QLabel(tr("&Scheduler:"))
        scheduler_label.setBuddy(self.scheduler)
        row = QHBoxLayout()
        row.addWidget(time_label)
        row.addWidget(self.time)
        row.addSpacing(12)
        row.addWidget(scheduler_label)
        row.addWidget(self.scheduler)
        row.addStretch(1)
        self.plan_label = QLabel(tr("What installing does:"))
        self.plan_label.setWordWrap(True)
        self.plan_text = QPlainTextEdit()
        self.plan_text.setReadOnly(True)
        self.plan_text.setTabChangesFocus(True)
        self.plan_text.setAccessibleName(tr("What installing writes and runs"))
        self.plan_text.setMinimumSize(560, 160)
        self.status = QLabel(tr("Reading the schedule…"))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("The schedule as the system has it"))
        self.install_button = QPushButton(tr("&Install"))
        self.install_button.setToolTip(tr("Write and enable what is shown above"))
        self.install_button.clicked.connect(self.install)
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.setToolTip(tr("Take the schedule out of the system's scheduler"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.plan_text, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._busy(True)
        self.read_plan()
        self.read_status()

    def chosen_target(self) -> ScheduleTarget:
        return dataclasses.replace(self.target, backend=self.scheduler.currentData())

    def _scheduler_changed(self) -> None:
        self.plan = self.check = None
        self._busy(True)
        self.read_plan()
        self.read_status()

    def chosen_time(self) -> dt.time:
        return cast(dt.time, self.time.time().toPython())

    def _busy(self, busy: bool) -> None:
        self.install_button.setEnabled(not busy and self.plan is not None)
        self.remove_button.setEnabled(not busy and self.check is not None and self.check.status is not None)

    def _failed(self, what: str):
        """`what`: the step, in the user's language ("Scheduling")."""

        def failed(exc: BaseException, details: str) -> None:
            self.status.setText(tr("{what} failed: {error}").format(what=what, error=exc))
            self._busy(False)
            self.reporter.failure(what, exc, details)

        return failed

    def _unreadable(self, exc: BaseException, details: str) -> None:
        """A scheduler this system does not have (no crontab, no user systemd) is said
        here, where another can be chosen; anything else is a failure to report."""
        if not isinstance(exc, UserError):
            return self._failed(tr("Reading the schedule"))(exc, details)
        self.plan_text.setPlainText(
            tr("Cannot be installed with this scheduler: {problem}").format(problem=user_message(exc))
        )
        self.status.setText(tr("Choose another scheduler, or run `iris-desktop schedule install --backend …`."))
        self._busy(False)
        return None

    def read_plan(self) -> Task:
        at = self.chosen_time()
        return self.state.runner.run(
            LANE,
            pipeline_jobs.schedule_plan,
            self.chosen_target(),
            self.data_dir,
            at,
            key=("plan", at, self.chosen_target()),
            writes=False,
            repeat="latest",
            context=self,
            on_finished=self._planned,
            on_failed=self._unreadable,
        )

    def _planned(self, plan: pipeline_jobs.SchedulePlan) -> None:
        self.plan = plan
        self.plan_label.setText(
            tr("What installing does ({scheduler}, in {where}):").format(scheduler=plan.label, where=plan.where)
        )
        self.plan_text.setPlainText("\n".join(plan.lines))
        self._busy(False)

    def read_status(self) -> Task:
        return self.state.runner.run(
            LANE,
            pipeline_jobs.check_schedule,
            *self.state.paths(),
            self.chosen_target(),
            self.data_dir,
            self.now(),
            key=("status", self.chosen_target()),
            writes=False,
            context=self,
            on_finished=self._checked,
            on_failed=self._unreadable,
        )

    def _checked(self, check: pipeline_jobs.ScheduleCheck) -> None:
        self.check = check
        self.status.setText(status_text(check))
        self._busy(False)

    def install(self) -> Task:
        self._busy(True)
        self.status.setText(tr("Installing…"))
        return self.state.runner.run(
            LANE,
            pipeline_jobs.install_schedule,
            self.chosen_target(),
            self.data_dir,
            self.chosen_time(),
            key=("install",),
            writes=False,
            status=tr("Installing the daily schedule…"),
            context=self,
            on_finished=lambda _status: self._done(tr("Scheduled the daily run")),
            on_failed=self._failed(tr("Scheduling")),
        )

    def remove(self) -> Task:
        self._busy(True)
        self.status.setText(tr("Removing…"))
        return self.state.runner.run(
            LANE,
            pipeline_jobs.remove_schedule,
            self.chosen_target(),
            self.data_dir,
            key=("remove",),
            writes=False,
            status=tr("Removing the daily schedule…"),
            context=self,
            on_finished=lambda removed: self._done(
                tr("Removed the daily schedule") if removed else tr("Nothing to remove")
            ),
            on_failed=self._failed(tr("Removing the schedule")),
        )

    def _done(self, text: str) -> None:
        self.reporter.status(text)
        self.changed.emit()
        self.read_plan()
        self.read_status()
