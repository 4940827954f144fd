"""One day of the monitor, the original "iris-monitor" pictures made live: what the model
said (a typical flower of the predicted variety) beside what it was (the day's own
flower, in its true variety's colour), both drawn to the same scale, with the variety
names, the probability and a plain correct / wrong mark."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from iris_desktop.domain import VARIETIES, Variety
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.flower_widget import FlowerWidget
from iris_desktop.ui.widgets.local_dates import long_date


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _fixed_lines(label: QLabel, lines: int) -> None:
    """Room for `lines` lines, always: a new day's text must not move the layout (a
    relayout repaints the whole tab)."""
    label.setFixedHeight(lines * label.fontMetrics().lineSpacing() + 2)


def _colour(label: QLabel, colour) -> None:
    palette, role = label.palette(), QPalette.ColorRole.WindowText
    if not palette.isBrushSet(QPalette.ColorGroup.Active, role) or palette.color(role) != colour:  # (else: no repaint)
        palette.setColor(role, colour)
        label.setPalette(palette)


def _show_flower(widget: FlowerWidget, values, variety: Variety) -> None:
    """The flower in `widget`, unless it shows it already (set_flower repaints)."""
    if widget.measurements != tuple(float(v) for v in values) or widget.variety is not variety:
        widget.set_flower(values, variety)


class DayPanel(QGroupBox):
    dailyRequested = Signal(object)  # the date to show in the Daily tab
    explainRequested = Signal(object)  # the date to explain in the Predict tab
    latestRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(tr("Latest day"), parent)
        self.day: dt.date | None = None
        self.is_latest = True
        self._max_cm: float | None = None  # the flowers' scale, as set last
        self.heading = _bold(QLabel(tr("No predictions yet")), 1.1)
        _fixed_lines(self.heading, 1)
        self.mark = _bold(QLabel(""), 1.5)
        self.mark.setAccessibleName(tr("Correct or wrong"))
        self.predicted_name, self.actual_name = _bold(QLabel("—")), _bold(QLabel("—"))
        self.predicted_note, self.actual_note = QLabel(), QLabel()
        self.predicted_flower = FlowerWidget(show_caption=False)
        self.actual_flower = FlowerWidget(show_caption=False)
        grid = QGridLayout()
        for column, (title, name, flower, note) in enumerate(
            (
                (tr("Predicted"), self.predicted_name, self.predicted_flower, self.predicted_note),
                (tr("Actual"), self.actual_name, self.actual_flower, self.actual_note),
            )
        ):
            grid.addWidget(QLabel(title), 0, column, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(name, 1, column, Qt.AlignmentFlag.AlignHCenter)
            flower.setMinimumSize(110, 100)
            grid.addWidget(flower, 2, column)
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            _fixed_lines(note, 3)
            grid.addWidget(note, 3, column)
        grid.setRowStretch(2, 1)
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        _fixed_lines(self.model_label, 2)
        self.daily_button = QPushButton(tr("Show in &Daily tab"))
        self.daily_button.setToolTip(tr("Open this day in the Daily tab"))
        self.daily_button.clicked.connect(lambda: self.day and self.dailyRequested.emit(self.day))
        self.explain_button = QPushButton(tr("&Explain in Predict"))
        self.explain_button.setToolTip(
            tr(
                "Open Predict on this day's flower and the model that predicted it: its probabilities, "
                "the nearest stored flowers and what would have changed the prediction"
            )
        )
        self.explain_button.clicked.connect(lambda: self.day and self.explainRequested.emit(self.day))
        self.latest_button = QPushButton(tr("&Latest day"))
        self.latest_button.setToolTip(tr("Back to the most recent day"))
        self.latest_button.clicked.connect(self.latestRequested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.daily_button)
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.latest_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self.model_label)
        layout.addLayout(buttons)
        self.show_day(None)

    def show_day(
        self,
        history=None,
        index: int | None = None,
        latest: bool = True,
        model_name: str = "",
        typical: np.ndarray | None = None,
        max_cm: float = 8.0,
    ) -> None:
        """Show row `index` of `history` (HistoryColumns); None: nothing to show.
        `typical`: (3, 4) mean flower per variety, to draw what the prediction looks like."""
        self.is_latest = latest
        self.setTitle(tr("Latest day") if latest else tr("Selected day"))
        self.latest_button.setEnabled(not latest)
        if history is None or index is None:
            self.day = None
            self.heading.setText(tr("No predictions yet"))
            self.mark.setText("")
            for widget in (self.predicted_flower, self.actual_flower):
                widget.set_flower(None)
            for label in (self.predicted_name, self.actual_name, self.predicted_note, self.actual_note):
                label.setText("—" if label in (self.predicted_name, self.actual_name) else "")
            self.model_label.setText(tr("They appear after the first catch-up (Pipelines ▸ Catch up now)."))
            self.daily_button.setEnabled(False)
            self.explain_button.setEnabled(False)
            return
        self.day = history.day[index].item()
        predicted, actual = VARIETIES[history.predicted[index]], VARIETIES[history.actual[index]]
        correct = predicted is actual
        self.heading.setText(long_date(self.day))
        self.mark.setText(tr("✓ Correct") if correct else tr("✗ Wrong"))
        scheme = colors.scheme()
        _colour(self.mark, QColor(scheme.correct_text if correct else scheme.wrong_text))
        self.mark.setToolTip(
            tr("The prediction matched the flower's true variety")
            if correct
            else tr("The model said {predicted}; the flower was a {actual}").format(
                predicted=predicted.label, actual=actual.label
            )
        )
        self._name(
            self.predicted_name,
            predicted,
            tr("{variety} · {probability:.0%}").format(
                variety=predicted.label, probability=float(history.confidence[index])
            ),
        )
        self._name(self.actual_name, actual, actual.label)
        values = history.X[index]
        if max_cm != self._max_cm:  # each setter repaints: only what changed (a new view often shows the same day)
            self._max_cm = max_cm
            for widget in (self.predicted_flower, self.actual_flower):
                widget.set_max_cm(max_cm)
        if typical is not None and np.isfinite(typical[predicted.index]).all():
            _show_flower(self.predicted_flower, typical[predicted.index], predicted)
            self.predicted_note.setText(tr("a typical {variety}").format(variety=predicted.label))
        else:
            _show_flower(self.predicted_flower, values, predicted)
            self.predicted_note.setText(tr("the day's flower, as the model saw it"))
        _show_flower(self.actual_flower, values, actual)
        sl, sw, pl, pw = (float(v) for v in values)
        self.actual_note.setText(
            tr("the day's flower: sepals {sl:.1f} × {sw:.1f} cm, petals {pl:.1f} × {pw:.1f} cm").format(
                sl=sl, sw=sw, pl=pl, pw=pw
            )
        )
        if history.stored[index]:
            self.model_label.setText(tr("Predicted by {model}").format(model=model_name))
        else:
            self.model_label.setText(tr("Predicted by {model} (now: it never saw this day)").format(model=model_name))
        self.daily_button.setEnabled(True)
        self.explain_button.setEnabled(True)

    @staticmethod
    def _name(label: QLabel, variety: Variety, text: str) -> None:
        label.setText(text)
        _colour(label, QColor(colors.text_hex(variety)))
