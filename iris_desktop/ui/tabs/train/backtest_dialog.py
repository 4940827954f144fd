"""A version's backtest: what it predicts for every daily flower stored, now, against
the varieties the flowers were generated as. Nothing is stored."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView


def backtest_text(result, record=None) -> str:
    if not result.n:
        return f"Model v{result.version}: there are no daily flowers yet to backtest on."
    right = sum(result.correct)
    text = (
        f"Model v{result.version} predicts {right} of the {result.n} daily flowers "
        f"({result.days[0]} to {result.days[-1]}) right: {result.accuracy:.1%}."
    )
    if record is not None and math.isfinite(record.accuracy):
        text += f" On its own test set it scored {record.accuracy:.1%}."
    return text


class BacktestDialog(QDialog):
    def __init__(self, result, record=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Backtest of model v{result.version}")
        self.backtest = result  # not `result`: that would hide QDialog.result()
        self.summary = QLabel(backtest_text(result, record))
        self.summary.setWordWrap(True)
        note = QLabel(
            "The daily flowers are drawn from per-variety distributions that overlap for "
            "versicolor and virginica, so part of any model's misses here comes from the "
            "generator, not the model. Nothing is stored by a backtest."
        )
        note.setWordWrap(True)
        self.matrix = ConfusionMatrixView()
        self.matrix.setMinimumSize(300, 260)
        self.matrix.set_matrix(result.confusion)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.matrix, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 480)
