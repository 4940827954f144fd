"""The k nearest training flowers: a table model, and the panel that shows it (or a note
when the model has no neighbours to show). A day explained shows the stored flowers
nearest to it instead, each marked if the model was fitted on it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
)

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import number, tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP, feature_label
from iris_desktop.ui.widgets.core_words import feature_display as feature_name

STANDARDISED = "standardised"  # the distance unit of a model that standardises (else "cm")
# The measurements' columns, on two lines (narrow columns; Swedish abbreviates)
FEATURE_HEADERS = {
    "sepal_length": QT_TR_NOOP("Sepal\nlength"),
    "sepal_width": QT_TR_NOOP("Sepal\nwidth"),
    "petal_length": QT_TR_NOOP("Petal\nlength"),
    "petal_width": QT_TR_NOOP("Petal\nwidth"),
}


def distance_header(unit: str) -> str:
    """The distance column's header for a unit other than cm."""
    if unit == STANDARDISED:
        return tr("Distance\n(standardised)")
    return tr("Distance\n({unit})").format(unit=unit)


def _widest_line(text: str, metrics) -> str:
    return max(text.split("\n"), key=metrics.horizontalAdvance)


class NeighboursModel(QAbstractTableModel):
    """The k nearest training flowers: four measurements, variety, distance (and, for a
    day explained, whether the model was fitted on the flower)."""

    # the four measurements' names, then these (translated when shown)
    HEADERS = [f.display.replace(" ", "\n") for f in FEATURES] + [
        QT_TR_NOOP("Variety"),
        QT_TR_NOOP("Distance"),
        QT_TR_NOOP("In training\ndata"),
    ]
    IN_TRAINING = 6  # the column shown only for a day explained

    def __init__(self, parent=None):
        super().__init__(parent)
        self.X = np.empty((0, 4))
        self.y = np.empty(0, dtype=int)
        self.distances = np.empty(0)
        self.in_training: np.ndarray | None = None
        self.distance_unit = "cm"

    def set_rows(
        self, X: np.ndarray, y: np.ndarray, distances: np.ndarray, in_training: np.ndarray | None = None
    ) -> None:
        """Show these rows, telling the view only what changed: during a drag the same k
        flowers usually stay nearest and only their distances move."""
        if len(y) != len(self.y) or in_training is not None or self.in_training is not None:
            self.beginResetModel()
            self.X, self.y, self.distances, self.in_training = X, y, distances, in_training
            self.endResetModel()
            return
        same_rows = np.array_equal(X, self.X) and np.array_equal(y, self.y)
        if same_rows and np.array_equal(distances, self.distances):
            return
        first = len(self.HEADERS) - 1 if same_rows else 0
        self.X, self.y, self.distances = X, y, distances
        self.dataChanged.emit(self.index(0, first), self.index(len(y) - 1, len(self.HEADERS) - 1))

    def clear(self) -> None:
        self.set_rows(np.empty((0, 4)), np.empty(0, dtype=int), np.empty(0))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.y)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c < 4:
                return number(self.X[r, c], 1)
            if c == self.IN_TRAINING:
                if self.in_training is None:
                    return ""
                return strings.COLUMN_YES if self.in_training[r] else strings.COLUMN_NO
            return VARIETIES[self.y[r]].label if c == 4 else number(self.distances[r], 2)
        if role == Qt.ItemDataRole.DecorationRole and c == 4:
            return colors.color(VARIETIES[self.y[r]])
        if role == Qt.ItemDataRole.TextAlignmentRole and c != 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 5 and self.distance_unit != "cm":
                return distance_header(self.distance_unit)
            if section < len(FEATURES):
                feature = FEATURES[section]
                header = FEATURE_HEADERS.get(feature.name)
                return tr(header) if header else feature_name(feature).replace(" ", "\n")
            return tr(self.HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == self.IN_TRAINING:
                return tr("Was the model fitted on this flower? (No: a test flower, or stored after it was trained)")
            return feature_label(FEATURES[section]) if section < 4 else None
        return super().headerData(section, orientation, role)

    def set_distance_unit(self, unit: str) -> None:
        self.distance_unit = unit
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 5, 5)


class NeighboursPanel(QStackedWidget):
    """The neighbours table, exactly as tall as k rows (up to 8), or a note instead."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = NeighboursModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(strings.NEIGHBOURS_NAME)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        # Read-only: one Tab stop, not a trap that walks all its cells; no selection that
        # would stay put while the rows change under it.
        self.view.setTabKeyNavigation(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Variety and distance get fixed widths measured once: ResizeToContents would
        # re-measure every cell after every slider step.
        metrics = self.view.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("00.0") + 12)
        samples = (
            (4, "Versicolor", 40),
            (5, _widest_line(distance_header(STANDARDISED), metrics).strip("()"), 16),
            (6, _widest_line(tr(NeighboursModel.HEADERS[6]), metrics), 16),
        )
        for column, sample, extra in samples:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + extra)
        self.view.setColumnHidden(NeighboursModel.IN_TRAINING, True)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.view)
        self.addWidget(self.note)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height(5))

    def show_table(self, k: int, unit: str) -> None:
        """The model's k nearest training flowers, as the flower moves."""
        self.setFixedHeight(self._height(k))
        self.model.set_distance_unit(unit)
        if self.model.in_training is not None:
            self.model.clear()
        self.view.setColumnHidden(NeighboursModel.IN_TRAINING, True)
        self.setCurrentWidget(self.view)

    def show_explained(self, X: np.ndarray, y: np.ndarray, distances: np.ndarray, in_training: np.ndarray) -> None:
        """A day explained: the stored flowers nearest to it (cm), marked if trained on."""
        self.setFixedHeight(self._height(len(y)))
        self.model.set_distance_unit("cm")
        self.model.set_rows(X, y, distances, in_training)
        self.view.setColumnHidden(NeighboursModel.IN_TRAINING, False)
        self.setCurrentWidget(self.view)

    def show_note(self, text: str) -> None:
        self.model.clear()
        self.view.setColumnHidden(NeighboursModel.IN_TRAINING, True)
        self.note.setText(text)
        self.setCurrentWidget(self.note)

    def _height(self, rows: int) -> int:
        """Tall enough for `rows` neighbours (up to 8; more scroll), no empty rows below."""
        view = self.view
        row = view.verticalHeader().defaultSectionSize()
        header = max(view.horizontalHeader().sizeHint().height(), 2 * view.fontMetrics().height() + 8)
        return header + row * max(3, min(rows, 8)) + 2 * view.frameWidth() + 4
