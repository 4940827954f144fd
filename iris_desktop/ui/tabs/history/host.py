"""What the History tab uses of the window that hosts it. MainWindow satisfies it; a tab
never imports the window (or the actions), which import the tabs."""

from __future__ import annotations

from typing import Protocol


class Host(Protocol):
    def show_status(self, text: str) -> None: ...
