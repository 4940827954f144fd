"""The Pipelines tab: the lab's four pipelines made visible as pipelines.

On top, the flow (data in → daily flowers → training → inference → monitor): each box
with its newest run and Run now, the daily one with its next scheduled run and Schedule
daily run…. Below, the run log (every run the pipelines layer recorded, newest first,
filtered, a run in full, Export CSV) beside the lineage of the model or day chosen.

Runs reach the tab like every change of the store: AppState's snapshot carries a mark of
the newest runs, and a change to it (a run of this app, of the CLI, of the scheduler)
makes the tab read the newest runs in a worker and merge them in (run_log.py); the whole
log (10,000 runs) is read only once. The schedule is read from the system in a worker
too, at build and every half hour: a scheduled run that did not happen is said once in
the status bar, and here for as long as it holds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from iris_desktop.store.runs import RunRecord
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.follow import Follow
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.state import AppState, Changes
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.pipelines import jobs as pipeline_jobs
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.tabs.pipelines.flow_view import FlowView
from iris_desktop.ui.tabs.pipelines.lineage_panel import LineagePanel
from iris_desktop.ui.tabs.pipelines.log_panel import RunLogPanel
from iris_desktop.ui.tabs.pipelines.pipeline_actions import PipelineActions
from iris_desktop.ui.tabs.pipelines.run_now import RunNow
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.empty_state import EmptyState
from iris_desktop.ui.widgets.focus import chain
from iris_desktop.ui.widgets.splitters import remember, splitter

SCHEDULE_CHECK_MS = 30 * 60 * 1000  # the schedule is read again every half hour
MISSED_SAID = "pipelines/missed_said"  # settings: the due time of the last missed run told


def _wanted(changes: Changes) -> bool:
    """Runs for the log and the boxes; the rest for the monitor's figures and the lineage's choices."""
    return changes.runs or changes.models or changes.predictions or changes.flowers


class PipelinesTab(QWidget):
    def __init__(
        self, state: AppState, reporter: ErrorReporter, actions: PipelineActions, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.state, self.reporter, self.menu_actions = state, reporter, actions
        self.settings = app_settings()
        self.now = lambda: dt.datetime.now().astimezone()  # tests set another clock
        self.last: dict[str, RunRecord] = {}  # the newest run of each pipeline
        self.schedule: pipeline_jobs.ScheduleCheck | None = None
        self.loaded = False  # the whole log has been read once
        self._build()
        self.reload()  # the worker reads while the tab is laid out
        self.check_schedule()
        self._follow = Follow(
            self, state, self._store_changed, lambda c: c.runs or c.models or c.predictions or c.flowers
        )
        self._show_store()
        actions.scheduleChanged.connect(self.check_schedule)
        self._schedule_timer = QTimer(self)
        self._schedule_timer.setInterval(SCHEDULE_CHECK_MS)
        self._schedule_timer.timeout.connect(self.check_schedule)
        self._schedule_timer.start()

    # ---- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(tr("Missed scheduled run"))
        self.notice.hide()
        self.flow = FlowView()
        self.flow.schedule_button.clicked.connect(self.menu_actions.schedule_daily_run)
        self.flow.monitor.historyRequested.connect(self._open_history)
        self.run_now = RunNow(self, self.state, self.reporter, self.menu_actions, self.flow, self.reload)
        self.log = RunLogPanel()
        self.log.runSelected.connect(self._run_selected)
        self.log.exportRequested.connect(lambda: self.export_csv())
        self.lineage = LineagePanel()
        self.lineage.modelRequested.connect(self._lineage_of_model)
        self.lineage.dayRequested.connect(self._lineage_of_day)
        self.split = splitter(Qt.Orientation.Horizontal, [self.log, self.lineage], (3, 1))
        remember(self.split, self.settings, "pipelines/split")
        self.empty = EmptyState(self.state, "Pipelines")  # no run yet: the first pipeline to run
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.notice)
        layout.addWidget(self.flow)
        layout.addWidget(self.split, 1)
        self.setMinimumSize(1000, 560)
        order = [self.empty.button, *self.flow.controls()]
        order += [self.log.pipeline, self.log.outcome, self.log.search, self.log.export_button]
        order += [self.log.view, self.log.details, self.lineage.model, self.lineage.day]
        chain(order)

    # ---- the log and the boxes --------------------------------------------------------

    def reload(self, whole: bool = False) -> Task:
        """Read the runs that may have changed (the whole log the first time, or `whole`)."""
        model = self.log.model
        newest = None if whole or not self.loaded else model.newest_id
        return self.state.runner.run(
            "pipelines-log",
            pipeline_jobs.read_runs,
            *self.state.paths(),
            newest,
            model.oldest_running,
            key="log",
            writes=False,
            repeat="queue",
            context=self,
            on_finished=self._runs_read,
            on_failed=lambda exc, details: self.reporter.failure(tr("Reading the run log"), exc, details),
        )

    def _runs_read(self, read: pipeline_jobs.RunsRead) -> None:
        if read.full:
            self.loaded = True
        elif not self.loaded:
            return  # a window read before the whole log: the whole log follows
        if not self.log.show_runs(read.records, read.full):
            self.reload(whole=True)  # the log was replaced (a restore): read it whole
            return
        self.last = read.last
        self.flow.show_runs(read.last)

    def _store_changed(self, changes: Changes) -> None:
        if changes.runs:
            self.reload()
            if self.notice.isVisible():  # the scheduler's run may have come late: still missed?
                self.check_schedule()
        self._show_store()

    def _show_store(self) -> None:
        """What the snapshot already holds: the monitor's figures, the versions, the days."""
        summary = self.state.summary
        self.lineage.set_models(self.state.records)
        if summary is None:
            return
        self.flow.monitor.show_summary(
            summary.predictions, summary.count("daily"), summary.last_daily_day, summary.active_version
        )
        flowers = self.state.flowers
        if flowers is not None and summary.last_daily_day is not None:
            days = flowers.day[~np.isnat(flowers.day)]
            first = days.min().item() if len(days) else summary.last_daily_day
            self.lineage.set_days(first, summary.last_daily_day)

    def _open_history(self) -> None:
        summary = self.state.summary
        if summary is not None and summary.last_daily_day is not None:
            self.state.dayRequested.emit(summary.last_daily_day, "History")

    # ---- lineage --------------------------------------------------------------------

    def _run_selected(self, run: RunRecord) -> None:
        if run.model_version is not None:
            self.lineage.pick_model(run.model_version)
        if run.import_id is not None:
            self._lineage_of_batch(run.import_id)
        else:
            self.lineage.show_batch_lineage(None)

    def _lineage_of_model(self, version: int) -> Task:
        return self._lineage(
            "model",
            pipeline_jobs.model_lineage,
            version,
            lambda found: self.lineage.show_model_lineage(found, version),
        )

    def _lineage_of_day(self, day: dt.date) -> Task:
        return self._lineage("day", pipeline_jobs.day_lineage, day, self.lineage.show_day_lineage)

    def _lineage_of_batch(self, import_id: int) -> Task:
        return self._lineage("batch", pipeline_jobs.batch_lineage, import_id, self.lineage.show_batch_lineage)

    def _lineage(self, what: str, job, value, show) -> Task:
        return self.state.runner.run(
            f"pipelines-lineage-{what}",
            job,
            *self.state.paths(),
            value,
            writes=False,
            repeat="latest",
            interactive=True,
            context=self,
            on_finished=show,
            on_failed=lambda exc, details: self.reporter.failure(
                tr("Lineage", "the step in “{what} failed”"), exc, details
            ),
        )

    # ---- the schedule ---------------------------------------------------------------

    def check_schedule(self) -> Task:
        """Read the schedule from the system (and the run it missed), in a worker."""
        return self.state.runner.run(
            "pipelines-schedule",
            pipeline_jobs.check_schedule,
            *self.state.paths(),
            self.menu_actions.schedule_target,
            Path(self.state.db).parent,
            self.now(),
            key="check",
            writes=False,
            repeat="queue",
            context=self,
            on_finished=self._schedule_checked,
            on_failed=lambda exc, details: self._schedule_unread(exc),
        )

    def _schedule_checked(self, check: pipeline_jobs.ScheduleCheck) -> None:
        self.schedule = check
        daily = self.flow.boxes["daily"]
        if check.status is None:
            daily.show_next(tr("Not scheduled: the app catches up each day it is started"))
        elif check.next_run is not None:
            daily.show_next(
                tr("Next run: {when} ({scheduler})").format(
                    when=f"{check.next_run:%Y-%m-%d %H:%M}", scheduler=check.status.backend
                )
            )
        else:
            daily.show_next(tr("Scheduled ({scheduler}), next run not known").format(scheduler=check.status.backend))
        missed = check.missed
        self.notice.setVisible(missed is not None)
        if missed is None:
            return
        said = run_text.missed_text(missed)
        text = tr("{missed}. The app caught up on start; Pipelines ▸ Schedule daily run… shows the schedule.")
        self.notice.setText(text.format(missed=said))
        self.notice.setStyleSheet(f"color: {colors.scheme().warning}; font-weight: bold")
        if self.settings.value(MISSED_SAID) != missed.due.isoformat():  # once per missed run
            self.settings.setValue(MISSED_SAID, missed.due.isoformat())
            self.reporter.status(said)

    def _schedule_unread(self, exc: BaseException) -> None:
        """A scheduler that cannot be asked (no crontab, no systemctl) is not a failure to
        show in a dialog at every check: the box says it."""
        self.flow.boxes["daily"].show_next(tr("The schedule could not be read: {error}").format(error=exc))

    # ---- export ---------------------------------------------------------------------

    def export_csv(self, path: str | None = None) -> Task | None:
        """The runs shown, as CSV at `path` (asked for when None)."""
        if path is None:
            folder = str(self.settings.value("export/last_dir", str(Path.home())))
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export the runs shown"), str(Path(folder) / "iris-runs.csv"), tr("CSV files") + " (*.csv)"
            )
            if not path:
                return None
            self.settings.setValue("export/last_dir", str(Path(path).parent))
        return self.state.runner.run(
            "export",
            pipeline_jobs.export_csv,
            self.log.model.shown(),
            path,
            key=("export-runs", path),
            writes=False,
            status=tr("Exporting the run log…"),
            context=self,
            on_finished=lambda n: self.reporter.status(
                tr("Exported {count:,} runs to {path}").format(count=n, path=path)
            ),
            on_failed=lambda exc, details: self.reporter.failure(tr("Export"), exc, details),
        )
