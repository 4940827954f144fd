"""What the Daily tab asks of the daily actions (the menu's Catch up now), which the window
creates and passes in: a tab never imports the actions, which import the tabs."""

from __future__ import annotations

from typing import Protocol

from iris_desktop.ui.runtime.worker import Task


class DailyActions(Protocol):
    def catch_up_now(self) -> Task: ...
