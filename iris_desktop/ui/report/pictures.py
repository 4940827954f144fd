"""The lab report's pictures, drawn by the tabs' own plot widgets, offscreen: what the
report shows is what the app shows. Each function builds one widget, gives it the data
and returns a PNG; they run on the GUI thread, one per turn of the event loop."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from iris_desktop.domain import VARIETIES
from iris_desktop.pipelines.explain import Explanation
from iris_desktop.pipelines.report_data import ReportData
from iris_desktop.store.flowers import SOURCES
from iris_desktop.ui.runtime.i18n import tr

SIZE = (900, 520)


def _png(widget: QWidget, size: tuple[int, int] = SIZE) -> bytes:
    """`widget` laid out at `size`, painted, as PNG bytes (never shown on a screen)."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    pixmap = widget.grab()
    widget.close()
    widget.deleteLater()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data.data())


def scatter_matrix(data: ReportData) -> bytes:
    """The Explore tab's scatter-plot matrix of every stored flower."""
    from iris_desktop.ui.tabs.explore.jobs import prepare
    from iris_desktop.ui.tabs.explore.scatter_matrix import ScatterMatrix

    explore, _describer, _stats, bins = prepare(data.flowers, False, 0.2)
    matrix = ScatterMatrix()
    n = len(data.flowers)
    matrix.show_data(explore, bins, np.ones(len(VARIETIES), bool), np.zeros(n, bool))
    return _png(matrix, (900, 820))


def test_confusion(data: ReportData) -> bytes | None:
    """The active model's confusion matrix on its test flowers (the Train tab's)."""
    if data.model is None or "confusion_matrix" not in data.model.record.metrics:
        return None
    from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView

    view = ConfusionMatrixView()
    view.set_matrix(np.asarray(data.model.record.metrics["confusion_matrix"]))
    return _png(view, (520, 440))


def validation_curve(data: ReportData) -> bytes | None:
    if data.curve is None or data.model is None:
        return None
    from iris_desktop.ui.tabs.train.validation_plot import ValidationPlot

    plot = ValidationPlot()
    plot.set_curve(data.curve)
    plot.set_k(int(data.model.record.params.get("n_neighbors", data.curve.best_k)))
    return _png(plot, (700, 400))


def daily_flowers(data: ReportData) -> bytes | None:
    """The Daily tab's plot: the daily flowers over the stored ones, wrong days ringed."""
    if not data.days:
        return None
    from iris_desktop.ui.tabs.daily.generator_plot import GeneratorPlot

    plot = GeneratorPlot()
    stored = data.flowers.source != SOURCES.index("daily")
    plot.set_background(data.flowers.X[stored], data.flowers.variety[stored])
    h = data.history
    plot.set_days(h.X, h.actual, ~h.correct, np.arange(len(h.day)))
    return _png(plot, (700, 480))


def accuracy(data: ReportData) -> bytes | None:
    """The History tab's accuracy over time, model and generator changes marked."""
    if not data.days:
        return None
    from iris_desktop.ui.tabs.history.accuracy_plot import AccuracyPlot

    plot = AccuracyPlot()
    plot.set_history(data.history, data.accuracy, data.model_switches)
    plot.set_generator_changes(data.generator_changes)
    plot.show_last(None)
    return _png(plot, (900, 420))


def monitor_confusion(data: ReportData) -> bytes | None:
    if not data.days:
        return None
    from iris_desktop.ui.widgets.confusion_matrix import ConfusionMatrixView

    view = ConfusionMatrixView()
    view.set_matrix(data.confusion)
    return _png(view, (520, 440))


def drift(data: ReportData) -> bytes | None:
    if data.drift is None or data.model is None:
        return None
    from iris_desktop.ui.tabs.history.drift_view import DriftView

    daily_rows = data.flowers.source == SOURCES.index("daily")
    view = DriftView()
    view.build_plots()
    view.show_report(data.drift, data.model.X_train, data.flowers.X[daily_rows], f"v{data.model.version}")
    return _png(view, (900, 620))


def worst_day(facts: Explanation) -> bytes:
    """The day's flower as predicted and as it really was, drawn to scale."""
    from iris_desktop.ui.widgets.flower_widget import FlowerWidget

    panel = QWidget()
    row = QHBoxLayout(panel)
    titles = (tr("<b>Predicted: {variety}</b>"), tr("<b>Actually: {variety}</b>"))
    for title, variety in zip(titles, (facts.predicted, facts.actual)):
        column = QVBoxLayout()
        label = QLabel(title.format(variety=variety.label))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        flower = FlowerWidget()
        flower.set_flower(facts.measurements, variety)
        column.addWidget(label)
        column.addWidget(flower, 1)
        row.addLayout(column)
    return _png(panel, (520, 300))
