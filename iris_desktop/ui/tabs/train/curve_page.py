"""The Train tab's "Validation curve (KNN)" page: KNN's train and cross-validated
accuracy against k, computed in a worker on the form's other settings, with progress
and Cancel. A click on the plot sets the form's k. The curve is marked stale once the
settings it was computed with change; algorithms other than KNN see a note instead."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QStackedWidget, QVBoxLayout, QWidget

from iris_desktop.pipelines.training import TrainingConfig
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.train import core_text
from iris_desktop.ui.tabs.train import jobs as train_jobs
from iris_desktop.ui.tabs.train.progress_row import progress_row
from iris_desktop.ui.tabs.train.settings_panel import SettingsPanel
from iris_desktop.ui.tabs.train.validation_plot import ValidationPlot

CURVE_KS = range(1, 31)


def curve_key(config: TrainingConfig) -> tuple:
    """The settings a curve depends on (all but k itself): a curve computed with other
    values is stale."""
    p = config.params
    return (
        config.sources,
        config.test_fraction,
        config.seed,
        config.cv_folds,
        config.standardize,
        p.get("weights"),
        p.get("metric"),
        p.get("p"),
    )


class CurvePage(QStackedWidget):
    """Page 0: the curve with its buttons, caption and status; page 1: a note shown
    while the form's algorithm is not KNN."""

    statusChanged = Signal(str)  # a line for the tab's status (k set from the plot)
    exportRequested = Signal()  # the tab saves the plot (one place for export and its errors)

    def __init__(self, state: AppState, panel: SettingsPanel, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.panel = state, panel
        self.task: Task | None = None
        self.config_key: tuple | None = None  # the settings the curve shown was computed with
        self.button = QPushButton(tr("Compute the va&lidation curve"))  # (Alt+V: the View menu)
        self.button.setToolTip(
            tr(
                "Train and cross-validated accuracy for k = 1 to 30 with the other "
                "settings as they are (on the training flowers only)"
            )
        )
        self.progress, self.cancel_button, self.status = progress_row(tr("Stop computing the curve"))
        self.plot = ValidationPlot()
        self.export_button = QPushButton(tr("E&xport image…"))
        self.export_button.setToolTip(tr("Save the curve as PNG or SVG"))
        self.caption = QLabel(tr("Compute the curve to see how accuracy changes with k. Click the plot to set k."))
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress, 1)
        top.addStretch(0)
        top.addWidget(self.export_button)
        knn_page = QWidget()
        layout = QVBoxLayout(knn_page)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.status)
        self.note = QLabel(
            tr(
                "The validation curve shows how k, the number of neighbours, trades training "
                "accuracy for cross-validated accuracy. Choose k-nearest neighbours to use it."
            )
        )
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(knn_page)
        self.addWidget(self.note)
        self.button.clicked.connect(lambda: self.compute())
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())
        self.plot.kPicked.connect(self.set_k)
        self.export_button.clicked.connect(self.exportRequested)
        self.plot.access.set_export(self.exportRequested.emit)

    def running(self) -> bool:
        return self.task is not None and not self.task.is_done

    def settings_changed(self, config: TrainingConfig) -> None:
        """Follow the form: the page for its algorithm, its k on the plot, stale or not."""
        self.setCurrentIndex(0 if config.algorithm == "knn" else 1)
        self.plot.set_k(config.params["n_neighbors"] if config.algorithm == "knn" else None)
        stale = self.config_key is not None and curve_key(config) != self.config_key
        self.plot.set_stale(stale)
        if stale:
            self.status.setText(tr("The settings changed since this curve was computed: compute it again."))
        elif self.config_key is not None:
            self.status.clear()

    def update_buttons(self) -> None:
        """Compute while none runs and the data allow a split; Cancel while one runs."""
        limits = self.panel.limits
        self.button.setEnabled(not (limits is not None and limits.error) and not self.running())
        self.cancel_button.setEnabled(self.running())

    def compute(self) -> Task | None:
        """Compute the curve for the form's settings as a task (None unless KNN)."""
        config = self.panel.config()
        if config.algorithm != "knn":
            return None
        limits = self.panel.limits
        ks = [k for k in CURVE_KS if limits is None or limits.error or k <= limits.max_k(config.cv_folds)]
        params = dict(config.params)
        key = curve_key(config)
        task = self.state.runner.run(
            "validation-curve",
            train_jobs.validation_curve,
            self.state.flowers,
            config.sources,
            config.test_fraction,
            config.seed,
            config.cv_folds,
            params,
            config.standardize,
            ks,
            key=(id(self.state.flowers), key, tuple(ks)),
            writes=False,
            repeat="latest",
            status=tr("Computing the validation curve…"),
            context=self,
            on_finished=lambda curve: self._done(curve, key),
            on_failed=lambda exc, _d: self.status.setText(
                tr("The curve could not be computed: {error}").format(error=exc)
            ),
        )
        self.task = task
        self.progress.setValue(0)
        self.progress.show()
        task.progress.connect(self._progress)
        task.done.connect(lambda: self._ended(task))
        self.update_buttons()
        return task

    def cancel(self) -> None:
        if self.task is not None and not self.task.is_done:
            self.task.cancel()

    def set_k(self, k: int) -> None:
        cast(QSpinBox, self.panel.form.control("n_neighbors", "knn")).setValue(k)  # k is an int parameter
        self.statusChanged.emit(tr("k set to {k}").format(k=k))

    def _progress(self, pct: int, text: str) -> None:
        self.progress.setValue(pct)
        self.status.setText(core_text.step_text(text))

    def _done(self, curve, key: tuple) -> None:
        self.config_key = key
        self.plot.set_curve(curve)
        best = curve.best_k
        self.caption.setText(
            tr(
                "k = {first} to {last} on the {rows} training flowers, {folds}-fold "
                "cross-validation. Best k: {best} (CV accuracy {cv:.1%}, the star). "
                "Click the plot to set k. Training accuracy far above CV means the model learns the training "
                "flowers by heart (small k)."
            ).format(
                first=curve.ks[0],
                last=curve.ks[-1],
                rows=curve.n_rows,
                folds=curve.folds,
                best=best,
                cv=curve.cv_mean[curve.ks.index(best)],
            )
        )
        self.settings_changed(self.panel.config())

    def _ended(self, task: Task) -> None:
        if task is not self.task:
            return
        self.progress.hide()
        if task.state == "cancelled":
            self.status.setText(tr("Cancelled."))
        elif task.state == "finished":
            self.status.clear()
        self.update_buttons()
