"""What the Train tab uses of the window that hosts it. MainWindow satisfies it; a tab
never imports the window (or the actions), which import the tabs."""

from __future__ import annotations

from typing import Protocol

from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.worker import Task


class ModelActions(Protocol):
    def train(
        self, config: TrainingConfig | None = None, retrain_version: int | None = None, activate: bool = True
    ) -> Task: ...
    def activate(self, version: int) -> Task: ...


class Host(Protocol):
    # read-only properties: the window's own attributes may be of narrower types
    @property
    def model_actions(self) -> ModelActions: ...
    @property
    def reporter(self) -> ErrorReporter: ...
    def show_status(self, text: str) -> None: ...
