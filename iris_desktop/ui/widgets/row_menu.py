"""A table's row menu, opened as on every desktop: a right-click, the Menu key (Qt sends
it as a context-menu request) or Shift+F10 on the focused table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu


def add_row_menu(view: QAbstractItemView, open_menu: Callable[[QPoint | None], object]) -> None:
    """`open_menu(position)` on a right-click; `open_menu(None)` (the current row's) on Shift+F10."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(open_menu)
    menu_key = QAction(view)
    menu_key.setShortcut(QKeySequence("Shift+F10"))
    menu_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    menu_key.triggered.connect(lambda _checked=False: open_menu(None))
    view.addAction(menu_key)


def show_row_menu(
    view: QAbstractItemView, index: QModelIndex, pos: QPoint | None, items: list[tuple[str, Callable[[], object]]]
) -> QMenu:
    """The menu of `items` (text, what it does) for the row of `index`, at `pos` (viewport
    coordinates), or by the row itself when the keyboard opened it."""
    menu = QMenu(view)
    for text, action in items:
        menu.addAction(text, action)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    at = pos if pos is not None else view.visualRect(index).center()
    menu.popup(view.viewport().mapToGlobal(at))
    return menu
