"""What the Daily tab uses of the window that hosts it. MainWindow satisfies it; a tab
never imports the window (or the actions), which import the tabs."""

from __future__ import annotations

from typing import Protocol

from iris_desktop.ui.runtime.worker import Task


class DailyActions(Protocol):
    def catch_up_now(self) -> Task: ...


class Host(Protocol):
    # a read-only property: the window's own attribute may be of a narrower type
    @property
    def daily_actions(self) -> DailyActions: ...
    def show_status(self, text: str) -> None: ...
