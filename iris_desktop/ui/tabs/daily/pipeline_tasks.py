"""The daily pipeline, run from the Daily tab: catch up now, change the generator of the
days to come, start the history earlier. Each runs as a task whose progress the
pipeline box (SteeringBox) shows until it ends; the tab then reads the history again.
A task may end after the tab is gone: its handlers are skipped then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QWidget

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.daily import jobs as daily_jobs
from iris_desktop.ui.tabs.daily.daily_actions import DailyActions
from iris_desktop.ui.tabs.daily.steering import SteeringBox
from iris_desktop.ui.tabs.daily.words import generator_label
from iris_desktop.ui.widgets.pipeline_words import catch_up_text

if TYPE_CHECKING:
    from iris_desktop.pipelines.inference import CatchUpSummary


class PipelineTasks:
    def __init__(
        self,
        tab: QWidget,
        state: AppState,
        reporter: ErrorReporter,
        daily: DailyActions,
        steering: SteeringBox,
        reload: Callable[[], None],
    ):
        self.tab = tab  # the jobs' context
        self.state, self.reporter, self.daily, self.steering, self.reload = state, reporter, daily, steering, reload
        self.task: Task | None = None  # the pipeline task the tab started and follows
        steering.generatorRequested.connect(self.change_generator)
        steering.historyStartRequested.connect(self.extend_history)
        steering.catchUpRequested.connect(self.catch_up_now)
        steering.stopRequested.connect(self.stop)

    def say(self, text: str) -> None:
        """In the pipeline box, and in the window's status bar."""
        self.steering.status.setText(text)
        self.reporter.status(text)

    def _alive(self, handler: Callable[..., object]) -> Callable[..., object]:
        """`handler`, skipped once the tab is gone (a task may end after it)."""
        return lambda *args: handler(*args) if shiboken6.isValid(self.tab) else None

    def _follow(self, task: Task, text: str, cancellable: bool = False) -> None:
        """Show `task`'s progress in the pipeline box until it ends."""
        self.task = task
        self.steering.set_busy(text, cancellable)
        task.progress.connect(self.steering.set_progress)
        task.done.connect(self._alive(lambda: self._ended(task)))
        if task.is_done:
            self._unfollow()

    def _ended(self, task: Task) -> None:
        if self.task is task:
            self._unfollow()

    def _unfollow(self) -> None:
        self.task = None
        self.steering.set_busy(None)

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.steering.status.setText(tr("Not done: {error}").format(error=exc))
        self.reporter.failure(tr("Daily pipeline"), exc, details)

    def catch_up_now(self) -> Task:
        """Catch up every missed day: the menu's action (so a catch-up already running is
        joined, and the status bar says how it went), followed here."""
        task = self.daily.catch_up_now()
        self._follow(task, tr("Catching up…"))
        task.finished.connect(self._alive(self._caught_up))
        task.failed.connect(self._alive(self._catch_up_failed))
        task.done.connect(self._alive(self.reload))
        if task.is_done:  # joined one that had just ended
            self.reload()
        return task

    def _caught_up(self, summary: CatchUpSummary) -> None:
        self.steering.status.setText(catch_up_text(summary) + ".")

    def _catch_up_failed(self, exc: BaseException, _details: str) -> None:
        self.steering.status.setText(tr("Not done: {error}").format(error=exc))  # the window reports it in full

    def change_generator(self, kind: str) -> Task:
        """Make `kind` the generator of the days to come (a task in lane daily-settings)."""
        task = self.state.runner.run(
            "daily-settings",
            daily_jobs.change_generator,
            *self.state.paths(),
            kind,
            self.state.today(),
            key=("generator", kind),
            status=tr("Changing the generator…"),
            writes=True,
            on_finished=self._generator_changed,
            on_failed=self._failed,
            context=self.tab,
        )
        self._follow(task, tr("Measuring the stored flowers…"))
        return task

    def _generator_changed(self, change: daily_jobs.GeneratorChange) -> None:
        self.say(
            tr(
                "From {day} on, days are made by “{generator}”; "
                "the {stored:,} stored days keep the generator that made them."
            ).format(day=change.next_day, generator=generator_label(change.settings), stored=change.stored_days)
        )
        self.reload()

    def extend_history(self, start: dt.date) -> Task:
        """Start the history on `start` (earlier): generate and predict the days before."""
        task = self.state.runner.run(
            "daily-settings",
            daily_jobs.extend_history,
            *self.state.paths(),
            start,
            self.state.today(),
            key=("history", start),
            status=tr("Extending the daily history…"),
            writes=True,
            on_finished=self._extended,
            on_failed=self._failed,
            context=self.tab,
        )
        self._follow(task, tr("Generating the days from {day}…").format(day=start), cancellable=True)
        task.cancelled.connect(self._alive(self._history_stopped))
        return task

    def _history_stopped(self) -> None:
        self.say(tr("Stopped: the days stored so far stay, without a gap."))
        self.reload()

    def _extended(self, summary: CatchUpSummary) -> None:
        if summary.days_added:
            text = tr("Added {days:,} days from {first} to {last}").format(
                days=summary.days_added, first=summary.first_day, last=summary.last_day
            )
        else:
            text = tr("No day to add")
        if summary.predictions_made:
            text = tr("{added}, {predicted:,} predicted by model v{version}").format(
                added=text, predicted=summary.predictions_made, version=summary.model_version
            )
        elif summary.pending:
            text = tr("{added}; {pending:,} predictions pending (no usable active model)").format(
                added=text, pending=summary.pending
            )
        self.say(text + ".")
        self.reload()
