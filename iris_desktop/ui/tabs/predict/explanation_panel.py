"""What would change a day's prediction, one measurement at a time: the smallest move
along each axis that flips it (the others held; "none within the data range" when no
move within the stored flowers' range does), and the model's permutation importances
when it has test flowers to measure them on."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from iris_desktop.domain import FEATURES
from iris_desktop.pipelines.explain import Explanation
from iris_desktop.ui.runtime.i18n import number, tr
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP
from iris_desktop.ui.widgets.core_words import feature_display as feature_name

NO_FLIP = QT_TR_NOOP("none within the data range")
# the Daily tab's column names
SHORT = (QT_TR_NOOP("Sepal L"), QT_TR_NOOP("Sepal W"), QT_TR_NOOP("Petal L"), QT_TR_NOOP("Petal W"))


def flip_text(change: float | None, becomes) -> str:
    if change is None or becomes is None:
        return tr(NO_FLIP)
    return tr("{change:+.2f} cm → {variety}").format(change=change, variety=becomes.label)


class FlipsModel(QAbstractTableModel):
    HEADERS = (QT_TR_NOOP("Measured (cm)"), QT_TR_NOOP("Change that flips it"), QT_TR_NOOP("Importance"))
    TIPS = (
        QT_TR_NOOP("The day's flower"),
        QT_TR_NOOP(
            "The smallest move of this measurement alone (the others held) that changes the prediction, "
            "searched within the stored flowers' range"
        ),
        QT_TR_NOOP(
            "Accuracy the model loses on its test flowers when this measurement is shuffled (permutation importance)"
        ),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.facts: Explanation | None = None

    def set_facts(self, facts: Explanation | None) -> None:
        self.beginResetModel()
        self.facts = facts
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.facts is None else len(FEATURES)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        facts = self.facts
        if facts is None:
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return tr("{feature} {value:.1f}").format(feature=tr(SHORT[r]), value=facts.measurements[r])
            if c == 1:
                return flip_text(facts.flips[r].change, facts.flips[r].becomes)
            if facts.importances is None:
                return "—"
            return number(facts.importances[FEATURES[r].name], 3)
        if role == Qt.ItemDataRole.TextAlignmentRole and c == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and c == 0:
            return tr("{feature}: {value:.1f} cm").format(
                feature=feature_name(FEATURES[r]), value=facts.measurements[r]
            )
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr(self.TIPS[section]) or None
        return super().headerData(section, orientation, role)


class ExplanationPanel(QGroupBox):
    """Shown only while the tab explains a day."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(tr("What would change the prediction"), parent)
        self.model = FlipsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("What would change the prediction, one measurement at a time"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = len(FEATURES) * 22 + header.sizeHint().height() + 2 * self.view.frameWidth() + 2
        self.view.setFixedHeight(rows)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        self.hide()

    def show_facts(self, facts: Explanation) -> None:
        self.model.set_facts(facts)
        self.note.setText(
            tr("Importance: the accuracy the model loses on its test flowers when that measurement is shuffled.")
            if facts.importances is not None
            else tr("This model has no test flowers to measure its feature importances on.")
        )
        self.show()

    def clear(self) -> None:
        self.model.set_facts(None)
        self.hide()
