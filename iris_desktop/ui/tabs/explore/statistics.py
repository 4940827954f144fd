"""Statistics per variety (count, mean, std, min, quartiles, max) of every flower and of
the selection, as pandas' describe() gives them (std with ddof=1, quartiles by linear
interpolation), computed with numpy: a brush recomputes the selection's in milliseconds.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import count, number, tr
from iris_desktop.ui.tabs.explore.toolbar import swatch
from iris_desktop.ui.widgets.flower_words import feature_label

STATS = ("count", "mean", "std", "min", "25%", "50%", "75%", "max")  # keys, and pandas' names
GROUPS = (*tuple(v.label for v in VARIETIES), "All varieties")  # keys; variety names are not translated


def stat_title(stat: str) -> str:
    """A column's title, in the user's language."""
    titles = {
        "count": tr("count", "statistic"),
        "mean": tr("mean", "statistic"),
        "std": tr("std", "statistic"),
        "min": tr("min", "statistic"),
        "25%": tr("25%", "statistic"),
        "50%": tr("50%", "statistic"),
        "75%": tr("75%", "statistic"),
        "max": tr("max", "statistic"),
    }
    return titles.get(stat, stat)


def stat_tip(stat: str) -> str | None:
    tips = {
        "std": tr("Standard deviation (n − 1)"),
        "25%": tr("First quartile"),
        "50%": tr("Median"),
        "75%": tr("Third quartile"),
    }
    return tips.get(stat)


def group_title(group: str) -> str:
    return tr("All varieties") if group == "All varieties" else group


MAX_DISTINCT = 20_000  # distinct values per feature up to which statistics come from counts


def describe(X: np.ndarray, variety: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """(4 groups: the three varieties then all, 4 features, 8 STATS) of `rows` (a bool
    mask; None: all). A group with no flower has count 0 and NaN elsewhere; with one
    flower its std is NaN, as in pandas."""
    return Describer(X, variety).describe(rows)


class Describer:
    """describe() for many subsets of one data set. Measurements take few distinct
    values (one decimal), so each feature is coded once as an index into its sorted
    distinct values; a subset's statistics are then one bincount per feature, exact
    order statistics included. Features with too many distinct values use np.percentile."""

    def __init__(self, X: np.ndarray, variety: np.ndarray):
        self.X = np.asarray(X, dtype=float).reshape(-1, 4)
        self.variety = np.asarray(variety, dtype=np.intp)
        self.values: list[np.ndarray | None] = []  # sorted distinct values per feature
        self.codes: list[np.ndarray | None] = []  # variety * len(values) + value index, per row
        for j in range(self.X.shape[1]):
            distinct, inverse = distinct_values(self.X[:, j])
            if len(distinct) <= MAX_DISTINCT:
                self.values.append(distinct)
                self.codes.append(self.variety * len(distinct) + inverse)
            else:
                self.values.append(None)
                self.codes.append(None)

    def describe(self, rows: np.ndarray | None = None) -> np.ndarray:
        if rows is not None and rows.dtype == bool:
            rows = np.flatnonzero(rows)  # one pass over the mask, then gathers of the selected only
        out = np.full((len(GROUPS), self.X.shape[1], len(STATS)), np.nan)
        k = len(VARIETIES)
        for j, (values, codes) in enumerate(zip(self.values, self.codes)):
            if values is None or codes is None:  # both None together: too many distinct values
                picked = self.X[:, j] if rows is None else self.X[rows, j]
                kinds = self.variety if rows is None else self.variety[rows]
                for g in range(len(GROUPS)):
                    out[g, j] = _stats_of(picked if g == k else picked[kinds == g])
                continue
            u = len(values)
            counts = np.bincount(codes if rows is None else codes[rows], minlength=k * u)[: k * u].reshape(k, u)
            for g, group in enumerate((*counts, counts.sum(axis=0))):
                out[g, j] = _stats_of_counts(values, group)
        return out


def distinct_values(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(x, return_inverse=True), counted instead of sorted when every value is
    a whole number of tenths (one-decimal measurements, the usual case): a million rows
    in a fifth of the time. Exact: only when each value is the double nearest its tenths,
    as parsing "5.1" gives, and so equal to the distinct value found for it."""
    if len(x):
        tenths = np.rint(x * 10)
        lo, span = tenths.min(), tenths.max() - tenths.min()
        if span < MAX_TENTHS_SPAN and np.array_equal(tenths / 10, x):
            code = (tenths - lo).astype(np.intp)
            present = np.bincount(code, minlength=int(span) + 1) > 0
            return (np.flatnonzero(present) + lo) / 10, (np.cumsum(present) - 1)[code]
    distinct, inverse = np.unique(x, return_inverse=True)
    return distinct, inverse.reshape(-1)


MAX_TENTHS_SPAN = 1_000_000  # counted in an array of this many cells at most (100 km in tenths of cm)


def _stats_of(values: np.ndarray) -> np.ndarray:
    n = len(values)
    out = np.full(len(STATS), np.nan)
    out[0] = n
    if n:
        out[1] = values.mean()
        if n > 1:
            out[2] = values.std(ddof=1)
        out[3], out[4], out[5], out[6], out[7] = np.percentile(values, [0, 25, 50, 75, 100])
    return out


def _stats_of_counts(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The STATS of a multiset given as distinct `values` and their `counts`."""
    n = int(counts.sum())
    out = np.full(len(STATS), np.nan)
    out[0] = n
    if not n:
        return out
    mean = float(counts @ values) / n
    out[1] = mean
    if n > 1:
        out[2] = np.sqrt(float(counts @ (values - mean) ** 2) / (n - 1))
    ends = np.cumsum(counts)
    # numpy's (and pandas') "linear" quantile: between the sorted values at floor and ceil of (n-1)q.
    position = (n - 1) * np.array([0.0, 0.25, 0.5, 0.75, 1.0])
    below = np.floor(position)
    a = values[np.searchsorted(ends, below, side="right")]
    b = values[np.searchsorted(ends, np.ceil(position), side="right")]
    t = position - below
    out[3:8] = np.where(t >= 0.5, b - (b - a) * (1 - t), a + (b - a) * t)
    return out


class StatisticsModel(QAbstractTableModel):
    """Rows: the four groups for one feature; columns: STATS. One model shows the
    statistics of every flower, another those of the selection."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.feature = 2
        self.stats = np.full((len(GROUPS), 4, len(STATS)), np.nan)
        self.stats[:, :, 0] = 0
        self._bold = QFont()
        self._bold.setBold(True)

    def set_stats(self, stats: np.ndarray | None = None) -> None:
        if stats is not None:
            self.stats = stats
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_feature(self, feature: int) -> None:
        self.feature = feature
        self.set_stats()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(GROUPS)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(STATS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = float(self.stats[row, self.feature, column])
            if column == 0:
                return count(int(value))
            return "—" if np.isnan(value) else number(value, 3)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row == len(GROUPS) - 1:
            return self._bold
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                stat_title(STATS[section]) if orientation == Qt.Orientation.Horizontal else group_title(GROUPS[section])
            )
        if role == Qt.ItemDataRole.DecorationRole and orientation == Qt.Orientation.Vertical:
            return swatch(VARIETIES[section]) if section < len(VARIETIES) else None
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return stat_tip(STATS[section])
        return super().headerData(section, orientation, role)


class StatisticsPanel(QWidget):
    """A feature picker over two tables: every flower, and the selection."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.all_model = StatisticsModel(self)
        self.selection_model = StatisticsModel(self)
        self.feature_combo = QComboBox()
        self.feature_combo.addItems([feature_label(j) for j in range(len(FEATURES))])
        self.feature_combo.setCurrentIndex(2)
        self.feature_combo.currentIndexChanged.connect(self._feature_changed)
        label = QLabel(tr("St&atistics of:"))
        label.setBuddy(self.feature_combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.feature_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        self.views = []
        for title, model in ((tr("All flowers"), self.all_model), (tr("Selection"), self.selection_model)):
            caption = QLabel(f"<b>{title}</b>")
            view = QTableView()
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.setTabKeyNavigation(False)
            view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reads it cell by cell
            view.verticalHeader().setDefaultSectionSize(22)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(44)
            view.setAccessibleName(tr("Statistics per variety: {title}").format(title=title.lower()))
            # Room for a horizontal scroll bar: a narrow window scrolls, it does not hide a row.
            view.setFixedHeight(
                header.sizeHint().height()
                + 22 * len(GROUPS)
                + 2 * view.frameWidth()
                + 2
                + view.horizontalScrollBar().sizeHint().height()
            )
            layout.addWidget(caption)
            layout.addWidget(view)
            self.views.append(view)
        layout.addStretch(1)

    @property
    def view(self) -> QTableView:
        return self.views[0]

    def _feature_changed(self, feature: int) -> None:
        self.all_model.set_feature(feature)
        self.selection_model.set_feature(feature)

    def cell_text(self, group: str, stat: str, selection: bool = False) -> str:
        """What the table shows, for tests and screen readers alike."""
        model = self.selection_model if selection else self.all_model
        return model.data(model.index(GROUPS.index(group), STATS.index(stat)))
