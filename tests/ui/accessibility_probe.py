"""What a screen reader and a keyboard user meet in a window: every interactive widget
with the name it is announced by, and the order Tab visits them in.

A widget's spoken name is what Qt hands the platform's accessibility bridge: its
accessible name, else the text of the label whose buddy it is (the "labelled by"
relation), else its own text (a button, a check box, a group box title). Combo boxes,
spin boxes and line edits are announced by their value otherwise, which names nothing.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QAbstractSlider,
    QAbstractItemView,
    QTabBar,
    QGraphicsView,
)

# Qt's own parts of composite widgets, named through the widget they belong to (reviewed):
# - the line edit inside a spin box or an editable combo box;
# - a combo box's popup list, a date edit's calendar popup;
# - a scroll area's scroll bars, a table's header views and its corner button;
# - a toolbar's "more" button (QToolBarExtension) and a line edit's clear button.
# - the menu bar's "more" button.
INTERNAL_CLASSES = {"QTableCornerButton", "QToolBarExtension", "QLineEditIconButton"}
INTERNAL_NAMES = {"qt_menubar_ext_button"}


def is_internal(widget: QWidget) -> bool:
    if type(widget).__name__ in INTERNAL_CLASSES or widget.metaObject().className() in INTERNAL_CLASSES:
        return True
    if widget.objectName() in INTERNAL_NAMES:
        return True
    if isinstance(widget, QHeaderView):
        return True
    if isinstance(widget, QScrollBar) and isinstance(_ancestor(widget, QAbstractScrollArea), QAbstractScrollArea):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False


def _ancestor(widget: QWidget, kind):
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, kind):
        parent = parent.parentWidget()
    return parent


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every interactive widget under `root` (shown or not), Qt's internals left out."""
    found = []
    for widget in root.findChildren(QWidget):
        interactive = isinstance(widget, INTERACTIVE) or (isinstance(widget, QGroupBox) and widget.isCheckable())
        if interactive and not is_internal(widget):
            found.append(widget)
    return found


def buddy_text(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    return ""


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader announces `widget` by ('' if none)."""
    name = widget.accessibleName().strip() or buddy_text(widget)
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "").strip()
    if not name and isinstance(widget, QGroupBox):
        name = widget.title().replace("&", "").strip()
    return name


def unnamed(root: QWidget) -> list[str]:
    """A line for each interactive widget under `root` that announces no name, and for
    each plot without a description."""
    problems = []
    for widget in interactive_widgets(root):
        where = f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}"
        if not spoken_name(widget):
            problems.append(f"no name: {where} (tooltip {widget.toolTip()[:40]!r})")
        if isinstance(widget, QGraphicsView) and not widget.accessibleDescription().strip():
            problems.append(f"no description: {where} {widget.accessibleName()!r}")
    return problems


def focusable(widget: QWidget, root: QWidget) -> bool:
    return (
        widget.isVisibleTo(root)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def tab_chain(qtbot, root: QWidget, limit: int = 300) -> list[QWidget]:
    """The widgets Tab visits inside `root`, from its first focusable one until Tab
    comes back to it or leaves `root` (pressed as a user would, with key events)."""
    from PySide6.QtWidgets import QApplication

    candidates = [w for w in root.findChildren(QWidget) if focusable(w, root)]
    if not candidates:
        return []
    start = candidates[0]
    while start.previousInFocusChain() in candidates and start.previousInFocusChain() is not start:
        start = start.previousInFocusChain()
        if start is candidates[0]:
            break
    start.setFocus()
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(limit):
        here = QApplication.focusWidget()
        if seen and here is seen[-1]:  # a date edit: Tab walks its sections first
            qtbot.keyClick(here, Qt.Key.Key_Tab)
            continue
        if here is None or not (here is root or root.isAncestorOf(here)) or here in seen:
            break
        seen.append(here)
        qtbot.keyClick(here, Qt.Key.Key_Tab)
    return seen


def reading_order_breaks(chain: list[QWidget], slack: int = 6) -> list[str]:
    """Consecutive pairs where Tab goes back up and to the left (against reading order):
    the next control must be lower down, or in a column further right."""
    breaks = []
    for a, b in itertools.pairwise(chain):
        ra = a.rect().translated(a.mapTo(a.window(), a.rect().topLeft()))
        rb = b.rect().translated(b.mapTo(b.window(), b.rect().topLeft()))
        if rb.top() < ra.top() - slack and rb.left() < ra.right() - slack:
            breaks.append(f"{_label(a)} -> {_label(b)}")
    return breaks


def _label(widget: QWidget) -> str:
    return f"{type(widget).__name__}({spoken_name(widget) or widget.objectName()!r})"
