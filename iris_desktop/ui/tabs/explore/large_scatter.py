"""One large scatter of two chosen features, with a legend that shows or hides a
variety (click an entry)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.explore import plot_texts
from iris_desktop.ui.tabs.explore.data import ExploreData
from iris_desktop.ui.tabs.explore.scatter_panel import ScatterLayers, SelectViewBox
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.flower_words import feature_label, feature_name
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable


class LargeScatter(QWidget):
    selected = Signal(object, object)  # predicate, modifiers
    hovered = Signal(object, object)  # row (or None), global position
    axesChanged = Signal()  # the user picked another X or Y
    varietyClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.x_combo, self.y_combo = QComboBox(), QComboBox()
        for combo, tip in (
            (self.x_combo, tr("The measurement along the horizontal axis")),
            (self.y_combo, tr("The measurement along the vertical axis")),
        ):
            combo.addItems([feature_label(j) for j in range(len(FEATURES))])
            combo.setToolTip(tip)
        self.x_combo.setCurrentIndex(2)
        self.y_combo.setCurrentIndex(3)
        self.swap_button = QPushButton(tr("Sw&ap"))
        self.swap_button.setToolTip(tr("Swap the X and Y measurements"))
        self.swap_button.clicked.connect(self.swap)
        controls = QHBoxLayout()
        for combo, text in ((self.x_combo, tr("&X:")), (self.y_combo, tr("&Y:"))):
            label = QLabel(text)
            label.setBuddy(combo)
            controls.addWidget(label)
            controls.addWidget(combo)
        controls.addWidget(self.swap_button)
        controls.addStretch(1)

        self.view = SelectViewBox(2, 3, enableMenu=False)  # the widget's own menu: table, copy, export
        self.view.selected.connect(self.selected.emit)
        self.plot_widget = pg.PlotWidget(viewBox=self.view)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.12)
        self.layers = ScatterLayers(self.view, size=5, density_bins=260)
        # Empty stand-ins give the legend its samples; clicks go to the shared visibility.
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.legend_samples = []
        for v in VARIETIES:
            sample = pg.ScatterPlotItem(symbol="o", size=8, pen=None)
            self.legend.addItem(sample, v.label)
            self.legend_samples.append(sample)
        self.legend.sigSampleClicked.connect(self._legend_clicked)
        self.data: ExploreData | None = None
        self.visible = np.ones(len(VARIETIES), dtype=bool)
        self.access = PlotAccess(self.plot_widget, self._name(), self.describe, self.data_table)
        colors.follow(self.restyle)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.plot_widget, 1)
        self.x_combo.currentIndexChanged.connect(lambda _i: self.axesChanged.emit())
        self.y_combo.currentIndexChanged.connect(lambda _i: self.axesChanged.emit())

    @property
    def features(self) -> tuple[int, int]:
        return self.x_combo.currentIndex(), self.y_combo.currentIndex()

    def swap(self) -> None:
        x, y = self.features
        self.x_combo.blockSignals(True)
        self.x_combo.setCurrentIndex(y)
        self.x_combo.blockSignals(False)
        self.y_combo.setCurrentIndex(x)  # one axesChanged for both

    def set_tool(self, tool: str) -> None:
        self.view.tool = tool

    def restyle(self, scheme: colors.Scheme) -> None:
        self.plot_widget.setBackground(scheme.background)
        colors.style_plot(self.plot, scheme)
        for v, sample in zip(VARIETIES, self.legend_samples):
            sample.setBrush(colors.color(v))
        colors.style_legend(self.legend, scheme)
        self.view.restyle()
        self.layers.restyle()

    def _name(self) -> str:
        fx, fy = self.features
        return strings.SCATTER_NAME.format(x=feature_name(fx).lower(), y=feature_name(fy).lower())

    def describe(self) -> str:
        return plot_texts.scatter_description(self.data, self.features, self.visible, self.layers.mask)

    def data_table(self) -> PlotTable:
        return plot_texts.flowers_table(self._name(), self.data, self.features, self.visible, self.layers.mask)

    def show_data(self, data: ExploreData, visible: np.ndarray, mask: np.ndarray) -> None:
        fx, fy = self.features
        self.data, self.visible = data, visible.copy()
        self.view.features = (fx, fy)
        self.plot.setLabel("bottom", feature_label(fx))
        self.plot.setLabel("left", feature_label(fy))
        self.layers.set_data(data, (fx, fy), visible, mask)
        for sample, shown in zip(self.legend_samples, visible):
            sample.setVisible(bool(shown))  # a hidden variety's sample is drawn faded
        self.reset_zoom(data)
        self.access.set_name(self._name())
        self.access.refresh()

    def reset_zoom(self, data: ExploreData) -> None:
        fx, fy = self.features
        self.view.setRange(xRange=tuple(data.ranges[fx]), yRange=tuple(data.ranges[fy]), padding=0)

    def set_highlight(self, mask: np.ndarray) -> None:
        self.layers.set_highlight(mask)
        self.access.refresh()

    def _legend_clicked(self, item) -> None:
        if item in self.legend_samples:
            self.varietyClicked.emit(self.legend_samples.index(item))

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        row = self.layers.nearest(scene_pos)
        where = self.plot_widget.mapToGlobal(self.plot_widget.mapFromScene(scene_pos))
        self.hovered.emit(row, where if row is not None else None)
