"""Two versions side by side: settings and metrics in one table (differences in bold)
and their test confusion matrices. Either version can be changed in the dialog."""

from __future__ import annotations

from typing import cast

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from iris_desktop.pipelines.registry_overview import compare
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView
from iris_desktop.ui.widgets.model_text import describe_record

SAME_ALWAYS = ("Version", "Created (UTC)")  # differ by nature: never bold


def version_name(record) -> str:
    """Unique per version: the number leads, the creation time follows."""
    return f"{describe_record(record)} · {record.created_at[:16].replace('T', ' ')} UTC"


class CompareDialog(QDialog):
    def __init__(self, records: list, a: int, b: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Compare model versions")
        self.records = {r.version: r for r in records}
        self.boxes = []
        pickers = QHBoxLayout()
        for _column, (text, version) in enumerate((("&Left:", a), ("&Right:", b))):
            box = QComboBox()
            for record in sorted(records, key=lambda r: -r.version):
                box.addItem(version_name(record), record.version)
            box.setCurrentIndex(max(0, box.findData(version)))
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(24)
            box.currentIndexChanged.connect(self._refresh)
            label = QLabel(text)
            label.setBuddy(box)
            pickers.addWidget(label)
            pickers.addWidget(box, 1)
            self.boxes.append(box)

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(strings.COMPARE_TABLE_NAME)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.matrices = [ConfusionMatrixView(), ConfusionMatrixView()]
        self.captions = [QLabel(), QLabel()]
        grid = QGridLayout()
        for i, (matrix, caption) in enumerate(zip(self.matrices, self.captions)):
            matrix.setMinimumSize(260, 220)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(caption, 0, i)
            grid.addWidget(matrix, 1, i)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            "Rows in bold differ. Test figures come from each version's own test split; "
            "with the same data, seed and test fraction the two were tested on the same flowers."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        body = QHBoxLayout()
        body.addWidget(self.table, 5)
        body.addLayout(grid, 5)
        layout.addLayout(body, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(1240, 640)
        self._refresh()

    def versions(self) -> tuple[int, int]:
        return self.boxes[0].currentData(), self.boxes[1].currentData()

    def _refresh(self) -> None:
        a, b = (self.records[v] for v in self.versions())
        rows = compare(a, b)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(["", f"v{a.version}", f"v{b.version}"])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (what, x, y) in enumerate(rows):
            differs = x != y and what not in SAME_ALWAYS
            for c, text in enumerate((what, x, y)):
                item = QTableWidgetItem(text)
                if differs:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        for matrix, caption, record in zip(self.matrices, self.captions, (a, b)):
            matrix.set_matrix(np.asarray(record.metrics["confusion_matrix"], dtype=int))
            caption.setText(f"v{record.version}: test confusion matrix ({record.metrics.get('n_test', '?')} flowers)")
            matrix.access.set_name(strings.COMPARE_MATRIX_NAME.format(version=record.version))

    def rows(self) -> list[tuple[str, str, str, bool]]:
        """(what, left, right, shown as different) for tests."""
        out = []
        for r in range(self.table.rowCount()):
            cells = [cast(QTableWidgetItem, self.table.item(r, c)) for c in range(3)]  # update() fills every cell
            out.append((cells[0].text(), cells[1].text(), cells[2].text(), cells[1].font().bold()))
        return out
