"""The "Accuracy over time" box: the plot, the span of days it shows (following each new
day), a hint and the button to save it as an image (the tab does the saving)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.history.accuracy_plot import AccuracyPlot
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

SPANS = ((QT_TR_NOOP("Last 90 days"), 90), (QT_TR_NOOP("Last year"), 365), (QT_TR_NOOP("Everything"), None))
DEFAULT_SPAN = 1


class AccuracyBox(QGroupBox):
    spanChosen = Signal()  # the user chose a span (for settings)

    def __init__(self, parent=None):
        super().__init__(tr("Accuracy over time"), parent)
        self.plot = AccuracyPlot()
        self.span_box = QComboBox()
        for text, days in SPANS:
            self.span_box.addItem(tr(text), days)
        self.span_box.setToolTip(
            tr(
                "How many days the plot shows, following each new day (drag to pan, "
                "mouse wheel to zoom; choose again to come back)"
            )
        )
        span_label = QLabel(tr("&Span:"))
        span_label.setBuddy(self.span_box)
        self.export_button = QPushButton(tr("E&xport image…"))
        self.export_button.setToolTip(tr("Save the accuracy plot as PNG or SVG"))
        hint = QLabel(
            tr("Click a day to select it; double-click opens it in the Daily tab; right-click explains it in Predict.")
        )
        hint.setWordWrap(True)
        plot_row = QHBoxLayout()
        plot_row.addWidget(hint, 1)
        plot_row.addWidget(span_label)
        plot_row.addWidget(self.span_box)
        plot_row.addWidget(self.export_button)
        plot_layout = QVBoxLayout(self)
        plot_layout.addWidget(self.plot, 1)
        plot_layout.addLayout(plot_row)
        self.span_box.activated.connect(self._span_chosen)  # also when chosen again after a zoom
        self.plot.access.set_export(self.export_button.click)

    def show_span(self, index: int) -> None:
        """Choose span `index` of SPANS and show it (settings at start-up)."""
        self.span_box.setCurrentIndex(index)
        self.plot.show_last(self.span_box.currentData())

    def _span_chosen(self, _index: int) -> None:
        self.plot.show_last(self.span_box.currentData())
        self.spanChosen.emit()
