"""Two versions side by side: settings and metrics in one table (differences in bold)
and their test confusion matrices. Either version can be changed in the dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy as np
from PySide6.QtCore import QLocale, Qt
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
from iris_desktop.ui.runtime.i18n import Text, tr
from iris_desktop.ui.tabs.train import core_text
from iris_desktop.ui.tabs.train.results import cv_text, pct
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP
from iris_desktop.ui.widgets.model_text import describe_record

SAME_ALWAYS = ("Version", "Created (UTC)")  # differ by nature: never bold

# The rows of registry_overview.compare, named by the core's English words (its
# parameters' rows keep their names: n_neighbors, C... as the command line spells them).
ROW_NAMES = {
    "Version": QT_TR_NOOP("Version"),
    "Created (UTC)": QT_TR_NOOP("Created (UTC)"),
    "Algorithm": QT_TR_NOOP("Algorithm"),
    "Standardised": QT_TR_NOOP("Standardised"),
    "Sources": QT_TR_NOOP("Sources"),
    "Rows stored": QT_TR_NOOP("Rows stored"),
    "Duplicates dropped": QT_TR_NOOP("Duplicates dropped"),
    "Same data": QT_TR_NOOP("Same data"),
    "Retrained from": QT_TR_NOOP("Retrained from"),
    "Split seed / test fraction": QT_TR_NOOP("Split seed / test fraction"),
    "Train / test rows": QT_TR_NOOP("Train / test rows"),
    "Test accuracy": QT_TR_NOOP("Test accuracy"),
    "Macro F1": QT_TR_NOOP("Macro F1"),
    "CV accuracy": QT_TR_NOOP("CV accuracy"),
    "Train accuracy": QT_TR_NOOP("Train accuracy"),
}
YES_NO = {"yes": QT_TR_NOOP("yes"), "no": QT_TR_NOOP("no")}

# A version's value in the user's language, by row; other rows show the core's text.
VALUES: dict[str, Callable[[Any], str]] = {
    "Algorithm": lambda r: core_text.algorithm_name(r.algorithm),
    "Sources": lambda r: core_text.source_names(r.sources),
    "Split seed / test fraction": lambda r: Text("{seed} / {fraction:g}").format(
        seed=r.split_seed, fraction=r.test_fraction
    ),
    "Test accuracy": lambda r: pct(r.accuracy),
    "Macro F1": lambda r: pct(r.metrics.get("macro_f1")),
    "CV accuracy": lambda r: cv_text(r.metrics),
    "Train accuracy": lambda r: pct(r.metrics.get("train_accuracy")),
}


def shown_rows(a, b) -> list[tuple[str, str, str, bool]]:
    """(what, a's value, b's value, differs) as the dialog shows them: compare()'s rows
    in the user's language; whether they differ is read from the core's values."""
    out = []
    for what, x, y in compare(a, b):
        differs = x != y and what not in SAME_ALWAYS
        if what in VALUES:
            x, y = VALUES[what](a), VALUES[what](b)
        elif what in a.params or what in b.params:
            x, y = _param_value(a, what, x), _param_value(b, what, y)
        else:
            x, y = (tr(YES_NO[v]) if v in YES_NO else v for v in (x, y))
        out.append((tr(ROW_NAMES[what]) if what in ROW_NAMES else what, x, y, differs))
    return out


def _param_value(record, name: str, text: str) -> str:
    if name not in record.params:
        return text
    value = record.params[name]
    if value is None:
        return tr("None")
    if isinstance(value, float):
        return text.replace(".", QLocale().decimalPoint())
    return core_text.choice_label(name, value) if isinstance(value, str) else text


def version_name(record) -> str:
    """Unique per version: the number leads, the creation time follows."""
    return f"{describe_record(record)} · {record.created_at[:16].replace('T', ' ')} UTC"


class CompareDialog(QDialog):
    def __init__(self, records: list, a: int, b: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Compare model versions"))
        self.records = {r.version: r for r in records}
        self.boxes = []
        pickers = QHBoxLayout()
        for _column, (text, version) in enumerate(((tr("&Left:"), a), (tr("&Right:"), b))):
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
            tr(
                "Rows in bold differ. Test figures come from each version's own test split; "
                "with the same data, seed and test fraction the two were tested on the same flowers."
            )
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
        rows = shown_rows(a, b)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(["", f"v{a.version}", f"v{b.version}"])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (what, x, y, differs) in enumerate(rows):
            for c, text in enumerate((what, x, y)):
                item = QTableWidgetItem(text)
                if differs:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        for matrix, caption, record in zip(self.matrices, self.captions, (a, b)):
            matrix.set_matrix(np.asarray(record.metrics["confusion_matrix"], dtype=int))
            caption.setText(
                tr("v{version}: test confusion matrix ({count} flowers)").format(
                    version=record.version, count=record.metrics.get("n_test", "?")
                )
            )
            matrix.access.set_name(strings.COMPARE_MATRIX_NAME.format(version=record.version))

    def rows(self) -> list[tuple[str, str, str, bool]]:
        """(what, left, right, shown as different) for tests."""
        out = []
        for r in range(self.table.rowCount()):
            cells = [cast(QTableWidgetItem, self.table.item(r, c)) for c in range(3)]  # update() fills every cell
            out.append((cells[0].text(), cells[1].text(), cells[2].text(), cells[1].font().bold()))
        return out
