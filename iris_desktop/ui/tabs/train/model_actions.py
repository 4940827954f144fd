"""What the Train tab asks of the model actions (training, activation), which the window
creates and passes in: a tab never imports the actions, which import the tabs."""

from __future__ import annotations

from typing import Protocol

from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.ui.runtime.worker import Task


class ModelActions(Protocol):
    def train(
        self, config: TrainingConfig | None = None, retrain_version: int | None = None, activate: bool = True
    ) -> Task: ...
    def activate(self, version: int) -> Task: ...
