"""The order Tab visits a tab's controls in: set once, in reading order (top to bottom,
left column before right), and checked by tests/ui/test_accessibility.py."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget


def chain(widgets: Iterable[QWidget]) -> None:
    """Tab goes from each widget to the next, in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def tool_buttons(toolbar: QToolBar) -> list[QToolButton]:
    """The toolbar's buttons, each reachable with Tab (a toolbar's are not by default),
    in the toolbar's order."""
    buttons = []
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if isinstance(widget, QToolButton):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.append(widget)
    return buttons
