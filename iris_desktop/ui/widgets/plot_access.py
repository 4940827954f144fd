"""A plot for everyone: its accessible name, a description of what it shows now (kept
current by the plot), and the numbers behind it from the keyboard: "Show as table"
(Ctrl+T) and "Copy data" (Ctrl+C) while the plot has focus, and in its context menu
(right-click, the Menu key or Shift+F10), beside "Export image…" where the plot has one.

    self.access = PlotAccess(self, strings.PLOT_NAME, self.describe, self.data_table)
    ...
    self.access.refresh()  # whenever what the plot shows changes

A plot takes focus with Tab (a frame in the highlight colour shows it); the table opens
in a dialog of its own, the copy is tab-separated text (a spreadsheet pastes it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAction,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.column_table import Column, ColumnTableModel

COPY_IN_WORKER = 20_000  # rows above which "Copy data" formats them in a worker


@dataclass
class PlotTable:
    """The numbers behind a plot: a title and columns of equal length."""

    title: str
    columns: list[Column]

    def __len__(self) -> int:
        return len(self.columns[0].values) if self.columns else 0


def table_text(table: PlotTable) -> str:
    """Tab-separated, headers first, one line per row (a pure function: may run in a worker)."""
    lines = ["\t".join(c.header.replace("\n", " ") for c in table.columns)]
    for row in range(len(table)):
        lines.append("\t".join(c.text(row) for c in table.columns))
    return "\n".join(lines) + "\n"


class PlotAccess(QObject):
    def __init__(
        self,
        view: QGraphicsView,
        name: str,
        describe: Callable[[], str],
        data: Callable[[], PlotTable],
        export: Callable[[], object] | None = None,
        runner=None,
    ):
        """`describe()` says what `view` shows now; `data()` gives the numbers behind it;
        `export()` saves it as an image; `runner` (a TaskRunner) formats a large copy."""
        super().__init__(view)
        self.view, self.describe, self.data, self.runner = view, describe, data, runner
        self.dialog: PlotDataDialog | None = None
        view.setAccessibleName(name)
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.frame = FocusFrame(view)
        view.viewport().installEventFilter(_SteadyScene(view))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table_action = self._action(strings.SHOW_AS_TABLE, "Ctrl+T", self.show_table)
        self.copy_action = self._action(strings.COPY_DATA, "Ctrl+C", self.copy)
        self.export_action: QAction | None = None
        self._export: Callable[[], object] | None = None
        if export is not None:
            self.set_export(export)
        menu_key = QAction(view)  # Shift+F10 opens the context menu, as on other desktops
        menu_key.setShortcut(QKeySequence("Shift+F10"))
        menu_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu_key.triggered.connect(self.popup_menu)
        view.addAction(menu_key)  # (a QAction without text is left out of the menu)
        self.refresh()

    def _action(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self.view)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    def set_export(self, export: Callable[[], object]) -> None:
        """ "Export image…" in the plot's menu runs `export()` (the tab saves the image)."""
        if self.export_action is None:
            self.export_action = self._action(strings.EXPORT_IMAGE, "", lambda: self._export and self._export())
        self._export = export

    def set_name(self, name: str) -> None:
        self.view.setAccessibleName(name)

    def refresh(self) -> None:
        """The description again, for what the plot shows now."""
        text = self.describe()
        if text != self.view.accessibleDescription():
            self.view.setAccessibleDescription(text)

    def popup_menu(self) -> QMenu:
        menu = QMenu(self.view)
        for action in self.view.actions():
            if action.text():
                menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.mapToGlobal(QPoint(self.view.width() // 2, self.view.height() // 2)))
        return menu

    def show_table(self) -> PlotDataDialog:
        """The numbers behind the plot in a table of their own (one dialog per plot)."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = self.dialog = PlotDataDialog(self.data(), self.view.accessibleDescription(), self.view.window())
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.show()
        dialog.table.setFocus()
        return dialog

    def copy(self):
        """The numbers behind the plot to the clipboard, as tab-separated text."""
        table = self.data()
        if self.runner is None or len(table) <= COPY_IN_WORKER:
            return self._copied(table_text(table), len(table))
        return self.runner.run(
            "copy-data",
            table_text,
            table,
            writes=False,
            status=strings.COPYING,
            context=self.view,
            on_finished=lambda text: self._copied(text, len(table)),
        )

    def _copied(self, text: str, rows: int) -> str:
        QGuiApplication.clipboard().setText(text)
        announce(self.view, strings.COPIED.format(rows=rows), tooltip=True)
        return text


def announce(widget: QWidget, text: str, tooltip: bool = False) -> None:
    """Have a screen reader say `text` (it need not have the focus); with `tooltip`, show
    it over `widget` too, for what nothing else on screen says."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
    if tooltip:
        QToolTip.showText(widget.mapToGlobal(QPoint(widget.width() // 2, widget.height() // 2)), text, widget)


class _SteadyScene(QObject):
    """Keeps a plot's scene active when its window is not. A scene told that its window
    went inactive (a dialog opened, another application came forward) has each pyqtgraph
    item (a QGraphicsWidget) repaint itself, and again when the window is active again:
    nothing a plot draws changes, and at 100,000 flowers it holds the window for a frame
    or two. The scene still becomes active when its view is first shown in an active
    window; an active scene ignores a second activation."""

    def eventFilter(self, obj, event) -> bool:
        return event.type() == QEvent.Type.WindowDeactivate


class FocusFrame(QWidget):
    """A frame in the highlight colour over a plot while it has the keyboard focus. Drawn
    by a child above the plot, not as a border: a border would shrink the viewport under
    pyqtgraph, which lays the plot out on the whole widget and would clip its edges."""

    WIDTH = 2

    def __init__(self, view: QGraphicsView):
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setVisible(kind == QEvent.Type.FocusIn)
            self.setGeometry(self.view.rect())
            self.raise_()
        elif kind == QEvent.Type.Resize:
            self.setGeometry(self.view.rect())
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        half = self.WIDTH / 2
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), self.WIDTH))
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()


class PlotDataDialog(QDialog):
    """A plot's numbers: what the plot shows in words, then every row, with Copy."""

    def __init__(self, table: PlotTable, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(strings.DATA_DIALOG_TITLE.format(title=table.title))
        self.plot_table = table
        summary = QLabel(description)
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = ColumnTableModel(self)
        self.model.set_columns(table.columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(strings.DATA_TABLE_NAME.format(title=table.title))
        self.table.setAccessibleDescription(description)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the plot's order first
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(strings.COPY_ALL)
        self.copy_button.setToolTip(strings.COPY_ALL_TIP)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def copy(self) -> str:
        text = table_text(self.plot_table)
        QGuiApplication.clipboard().setText(text)
        return text

    def cell_texts(self) -> list[list[str]]:
        """The rows as shown, headers first (for tests and screen readers alike)."""
        return self.model.rows_as_text()


def counts_text(counts, names) -> str:
    """ "50 Setosa, 50 Versicolor, 81 Virginica" (zero counts left out)."""
    parts = [strings.COUNT_OF.format(count=int(n), name=name) for n, name in zip(np.asarray(counts), names) if n]
    return strings.LIST_SEPARATOR.join(parts) if parts else strings.NONE_SHOWN
