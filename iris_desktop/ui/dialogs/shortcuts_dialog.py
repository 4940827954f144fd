"""Help ▸ Keyboard shortcuts (F1): every key the app answers to, tab by tab, in a table a
screen reader reads row by row (strings.SHORTCUTS; keys as this system writes them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.key_text import held_text, shortcut_text


def keys_text(keys: str) -> str:
    """`keys` with each key sequence in it as this system writes it (⌘ on macOS); words
    that are no key sequence ("Arrows", "or") stay as they are."""
    parts = []
    for part in keys.split(", "):
        words = []
        for word in part.split(" "):
            sequence = QKeySequence(word)
            known = word and sequence.count() == 1 and sequence.toString().lower() == word.lower()
            words.append(shortcut_text(word) if known else word)
        parts.append(" ".join(words))
    return ", ".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(strings.SHORTCUTS_TITLE)
        intro_text = strings.SHORTCUTS_INTRO.format(
            back_tab=shortcut_text("Shift+Tab"), alt=held_text("Alt"), next_page=shortcut_text("Ctrl+Tab")
        )
        intro = QLabel(intro_text)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(strings.SHORTCUTS), len(strings.SHORTCUTS_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(strings.SHORTCUTS_COLUMNS))
        self.table.setAccessibleName(strings.SHORTCUTS_TABLE_NAME)
        self.table.setAccessibleDescription(intro_text)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for row, (where, keys, what) in enumerate(strings.SHORTCUTS):
            for column, text in enumerate((where, keys_text(keys), what)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as shown (for tests)."""
        rows = []
        for r in range(self.table.rowCount()):
            where, keys, what = (self.table.item(r, c) for c in range(3))
            rows.append((where.text() if where else "", keys.text() if keys else "", what.text() if what else ""))
        return rows
