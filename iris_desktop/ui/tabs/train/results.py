"""A version's results, as stored in the registry: test accuracy, macro F1, CV mean ±
std (beside the test figure: on 30 test flowers one flower is 3.3 points), per-class
precision / recall / F1 / support, and the test confusion matrix (counts or shares)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import VARIETIES
from iris_desktop.ui.runtime.i18n import percent, tr
from iris_desktop.ui.tabs.train import core_text
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

SMALL_TEST_SET = 100  # below this many test flowers, say how coarse the figure is
# The figures' captions, also the keys of ResultsPanel.values and the labels' object names
# (English: tests and screen-reader scripts find them so); translated where shown.
METRICS = (QT_TR_NOOP("Test accuracy"), QT_TR_NOOP("Macro F1"), QT_TR_NOOP("CV accuracy"), QT_TR_NOOP("Train accuracy"))


def pct(value) -> str:
    return "—" if value is None or not math.isfinite(value) else percent(value, 1)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item else ""


def cv_text(metrics: dict) -> str:
    mean, std = metrics.get("cv_mean"), metrics.get("cv_std")
    if mean is None or not math.isfinite(mean):
        return "—"
    folds = metrics.get("cv_folds") or len(metrics.get("cv_scores", []))
    return tr("{mean:.1%} ± {sd:.1%} ({folds} folds)").format(mean=mean, sd=std, folds=folds)


def small_test_note(metrics: dict) -> str:
    """Plain words on how much one test flower weighs, when the test set is small."""
    n = int(metrics.get("n_test", 0))
    if not n or n >= SMALL_TEST_SET:
        return ""
    return tr(
        "The test set is small: {count} flowers, so one flower is {points:.1f} points of test "
        "accuracy. The cross-validated figure ({cv}, on the {train} "
        "training flowers) is the steadier estimate."
    ).format(count=n, points=100 / n, cv=cv_text(metrics), train=metrics.get("n_train", "?"))


class ResultsPanel(QWidget):
    exportRequested = Signal()  # export the confusion matrix image
    normalisedChanged = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.record = None
        self.title = QLabel(tr("No model selected"))
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.values: dict[str, QLabel] = {}
        for i, name in enumerate(METRICS):
            caption = QLabel(tr(name))
            value = QLabel("—")
            value.setFont(big if i != 3 else self.font())
            value.setObjectName(name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 2 * (i // 2), i % 2)
            grid.addWidget(value, 2 * (i // 2) + 1, i % 2)
            self.values[name] = value
        grid.setColumnStretch(2, 1)
        self.values["CV accuracy"].setToolTip(
            tr("Mean ± standard deviation of the accuracy over the cross-validation folds of the training flowers")
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)

        self.table = QTableWidget(len(VARIETIES), 4)
        self.table.setHorizontalHeaderLabels([tr("Precision"), tr("Recall"), "F1", tr("Support")])
        self.table.setVerticalHeaderLabels([v.label for v in VARIETIES])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(strings.PER_VARIETY_NAME)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 3 * 24 + 6)

        self.matrix = ConfusionMatrixView()
        self.matrix.setMinimumSize(240, 200)
        self.normalised = QCheckBox(tr("Normal&ised: shares of each actual variety"))
        self.normalised.setToolTip(tr("Each row as percentages of that variety's test flowers, instead of counts"))
        self.normalised.toggled.connect(self._normalised)
        self.export_button = QPushButton(tr("E&xport image…"))  # (Alt+M: the registry's Compare)
        self.export_button.setToolTip(tr("Save the confusion matrix as PNG or SVG"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.matrix.access.set_export(self.exportRequested.emit)

        left = QVBoxLayout()
        left.addLayout(grid)
        left.addWidget(self.note)
        left.addWidget(QLabel(tr("Per variety, on the test set:")))
        left.addWidget(self.table)
        left.addWidget(self.details)
        left.addStretch(1)
        self.left = left
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Confusion matrix (test set; rows actual):")))
        right.addWidget(self.matrix, 1)
        row = QHBoxLayout()
        row.addWidget(self.normalised, 1)
        row.addWidget(self.export_button)
        right.addLayout(row)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.columns, 1)
        self.show_record(None)
        colors.follow(self.restyle)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.note.setStyleSheet(f"color: {scheme.warning};")
        for r, v in enumerate(VARIETIES):
            self.table.verticalHeaderItem(r).setForeground(QColor(colors.text_hex(v)))

    def minimumSizeHint(self) -> QSize:
        # As narrow as the stacked layout: the tab puts this panel in a scroll area of
        # its own, so a narrow window stacks and scrolls here instead of widening the tab.
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 340), hint.height())

    def resizeEvent(self, event) -> None:
        # Narrow: the matrix goes below the figures (the tab scrolls) rather than squeezing both.
        direction = QBoxLayout.Direction.TopToBottom if event.size().width() < 640 else QBoxLayout.Direction.LeftToRight
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
            # Side by side the figures sit at the top; stacked, the matrix follows them closely.
            self.left.setStretch(self.left.count() - 1, int(direction == QBoxLayout.Direction.LeftToRight))
        super().resizeEvent(event)

    def _normalised(self, on: bool) -> None:
        self.matrix.set_matrix(self.matrix.counts, normalised=on)
        self.normalisedChanged.emit(on)

    def show_record(self, record, title: str = "") -> None:
        """The stored results of a registry record (None: nothing selected)."""
        self.record = record
        enabled = record is not None
        self.export_button.setEnabled(enabled)
        if record is None:
            self.title.setText(tr("Select a version in the registry below, or train one, to see its results."))
            for label in self.values.values():
                label.setText("—")
            self.note.clear()
            self.details.clear()
            self.table.clearContents()
            self.matrix.set_matrix(np.zeros((3, 3), dtype=int))
            return
        m = record.metrics
        self.title.setText(title or tr("Model v{version}").format(version=record.version))
        self.values["Test accuracy"].setText(pct(m.get("accuracy")))
        self.values["Macro F1"].setText(pct(m.get("macro_f1")))
        self.values["CV accuracy"].setText(cv_text(m))
        self.values["Train accuracy"].setText(pct(m.get("train_accuracy")))
        self.note.setText(small_test_note(m))
        self.note.setVisible(bool(self.note.text()))
        for r, v in enumerate(VARIETIES):
            c = m.get("per_class", {}).get(v.value, {})
            cells = [pct(c.get("precision")), pct(c.get("recall")), pct(c.get("f1")), str(c.get("support", "—"))]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, item)
        dropped = m.get("duplicates_dropped", 0)
        data = {
            "train": m.get("n_train", "?"),
            "test": m.get("n_test", "?"),
            "stored": record.n_rows,
            "sources": core_text.source_names(record.sources),
            "seed": record.split_seed,
        }
        if dropped:
            details = tr(
                "Trained on {train} flowers and tested on {test}, of {stored} stored ({sources}); "
                "{dropped} so none is on both sides. Split seed {seed}."
            ).format(dropped=tr("%n identical flower(s) dropped", None, dropped), **data)
        else:
            details = tr(
                "Trained on {train} flowers and tested on {test}, of {stored} stored ({sources}). Split seed {seed}."
            ).format(**data)
        self.details.setText(details + "".join(f"\n⚠ {w}" for w in m.get("warnings", [])))
        self.matrix.set_matrix(np.asarray(m.get("confusion_matrix", np.zeros((3, 3))), dtype=int))

    def shown(self) -> dict[str, str]:
        """The figures as shown (for tests and screen readers)."""
        return {name: label.text() for name, label in self.values.items()}

    def table_texts(self) -> list[list[str]]:
        return [[_text(self.table.item(r, c)) for c in range(4)] for r in range(len(VARIETIES))]
