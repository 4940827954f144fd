"""A table's row menu, opened as on every desktop: a right-click, the Menu key (Qt sends
it as a context-menu request) or Shift+F10 on the focused table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView


def add_row_menu(view: QAbstractItemView, open_menu: Callable[[QPoint | None], object]) -> None:
    """`open_menu(position)` on a right-click; `open_menu(None)` (the current row's) on Shift+F10."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(open_menu)
    menu_key = QAction(view)
    menu_key.setShortcut(QKeySequence("Shift+F10"))
    menu_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    menu_key.triggered.connect(lambda _checked=False: open_menu(None))
    view.addAction(menu_key)
