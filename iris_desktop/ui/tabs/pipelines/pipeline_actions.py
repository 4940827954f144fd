"""What the Pipelines tab asks of the window's actions (ui/actions/pipeline_actions.py,
which the window creates and passes in): the menu's own backfill, training and
activation, and the schedule dialog. A tab never imports the actions, which import it."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QDialog

from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.pipelines.schedule_target import ScheduleTarget


class PipelineActions(Protocol):
    schedule_target: ScheduleTarget
    scheduleChanged: Any  # a Signal(): a schedule was installed or removed

    def backfill(self) -> Task: ...

    def train(
        self, config: Any = None, retrain_version: int | None = None, activate: bool = True, on_finished: Any = None
    ) -> Task: ...

    def activate(self, version: int) -> Task: ...

    def schedule_daily_run(self) -> QDialog: ...
