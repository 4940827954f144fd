"""Run now, from a pipeline's box: the same operations the menus start (the backfill,
the catch-up, training with the active model's settings, the active model predicting
what it has not), through the task runner; the box shows the task's progress until it
ends, with Cancel where the pipeline can stop (training). The run itself is recorded by
the pipelines layer, and reaches the log like any other."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QWidget

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.pipelines import jobs as pipeline_jobs
from iris_desktop.ui.tabs.pipelines.flow_view import FlowView, PipelineBox
from iris_desktop.ui.tabs.pipelines.pipeline_actions import PipelineActions
from iris_desktop.ui.widgets.pipeline_words import catch_up_text

if TYPE_CHECKING:  # PySide6's stub says QT_TR_NOOP returns object; it returns its str argument

    def QT_TR_NOOP(message: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TR_NOOP

ENDED = {"finished": QT_TR_NOOP("Done"), "failed": QT_TR_NOOP("Failed"), "cancelled": QT_TR_NOOP("Cancelled")}


class RunNow:
    def __init__(
        self,
        tab: QWidget,
        state: AppState,
        reporter: ErrorReporter,
        actions: PipelineActions,
        flow: FlowView,
        ended: Callable[[], object],
    ):
        self.tab, self.state, self.reporter, self.actions, self.flow = tab, state, reporter, actions, flow
        self.ended = ended  # the tab reads the log again
        self.tasks: dict[str, Task] = {}  # the task each box follows, by stage key
        starts = {"data": self.backfill, "daily": self.catch_up, "training": self.train, "inference": self.infer}
        for key, box in flow.boxes.items():
            box.runRequested.connect(starts[key])
            box.cancelRequested.connect(lambda key=key: self.cancel(key))

    def backfill(self) -> Task:
        return self._follow("data", self.actions.backfill(), tr("Storing the bundled data set…"))

    def catch_up(self) -> Task:
        task = self.state.runner.run(
            "catch-up",
            pipeline_jobs.catch_up,
            *self.state.paths(),
            self.state.today(),
            status=tr("Catching up…"),
            context=self.tab,
            on_finished=lambda summary: self.reporter.status(catch_up_text(summary)),
            on_failed=lambda exc, details: self.reporter.failure(tr("Catch-up"), exc, details),
        )
        return self._follow("daily", task, tr("Catching up…"))

    def train(self) -> Task:
        """Train again with the active model's settings; the default model if none is active."""
        active = self.state.summary.active_version if self.state.summary else None
        if active is not None:
            text = tr("Training with the settings of v{version}…").format(version=active)
        else:
            text = tr("Training the default model…")
        return self._follow("training", self.actions.train(None, retrain_version=active), text)

    def infer(self) -> Task | None:
        active = self.state.summary.active_version if self.state.summary else None
        if active is None:
            self.flow.boxes["inference"].status.setText(tr("No active model: run the training first."))
            return None
        text = tr("Predicting with v{version}…").format(version=active)
        return self._follow("inference", self.actions.activate(active), text)

    def cancel(self, key: str) -> None:
        task = self.tasks.get(key)
        if task is not None:
            task.cancel()

    def _follow(self, key: str, task: Task, text: str) -> Task:
        box = self.flow.boxes[key]
        self.tasks[key] = task
        box.set_busy(text, task.cancellable)
        task.progress.connect(box.set_progress)
        task.done.connect(self._alive(lambda: self._done(key, task, box)))
        if task.is_done:  # joined one that had just ended
            self._done(key, task, box)
        return task

    def _done(self, key: str, task: Task, box: PipelineBox) -> None:
        if self.tasks.get(key) is not task:
            return
        del self.tasks[key]
        box.set_busy(None)
        said = tr(ENDED[task.state]) if task.state in ENDED else task.state
        if task.error is not None:
            box.status.setText(tr("{outcome}: {error}").format(outcome=said, error=task.error))
        else:
            box.status.setText(said)
        self.ended()

    def _alive(self, handler: Callable[[], object]) -> Callable[[], object]:
        """`handler`, skipped once the tab is gone (a task may end after it)."""
        return lambda: handler() if shiboken6.isValid(self.tab) else None
