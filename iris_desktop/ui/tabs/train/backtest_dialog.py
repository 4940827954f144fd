"""A version's backtest: what it predicts for every daily flower stored, now, against
the varieties the flowers were generated as. Nothing is stored."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView


def backtest_text(result, record=None) -> str:
    if not result.n:
        return tr("Model v{version}: there are no daily flowers yet to backtest on.").format(version=result.version)
    facts = {
        "version": result.version,
        "right": sum(result.correct),
        "count": result.n,
        "first": result.days[0],
        "last": result.days[-1],
        "accuracy": result.accuracy,
    }
    if record is not None and math.isfinite(record.accuracy):
        return tr(
            "Model v{version} predicts {right} of the {count} daily flowers ({first} to {last}) right: "
            "{accuracy:.1%}. On its own test set it scored {test:.1%}."
        ).format(test=record.accuracy, **facts)
    return tr(
        "Model v{version} predicts {right} of the {count} daily flowers ({first} to {last}) right: {accuracy:.1%}."
    ).format(**facts)


class BacktestDialog(QDialog):
    def __init__(self, result, record=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Backtest of model v{version}").format(version=result.version))
        self.backtest = result  # not `result`: that would hide QDialog.result()
        self.summary = QLabel(backtest_text(result, record))
        self.summary.setWordWrap(True)
        note = QLabel(
            tr(
                "The daily flowers are drawn from per-variety distributions that overlap for "
                "versicolor and virginica, so part of any model's misses here comes from the "
                "generator, not the model. Nothing is stored by a backtest."
            )
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
