"""The 4x4 scatter-plot matrix: scatters off the diagonal, per-variety histograms on it.

Built from bare ViewBoxes and separate axis items in one GraphicsLayout (lighter than
16 PlotItems, and every panel gets the same size): axes only along the left column and
the bottom row, each linked to the panels of its row or column. Ranges are set, not
auto-ranged: linked auto-ranging repaints the grid several times.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.explore import plot_texts
from iris_desktop.ui.tabs.explore.data import Bins, ExploreData
from iris_desktop.ui.tabs.explore.distributions import HistogramLayers
from iris_desktop.ui.tabs.explore.scatter_panel import ScatterLayers, SelectViewBox
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.flower_words import feature_name
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable

N = len(FEATURES)
DENSITY_CELLS = 120  # a panel's density image: at most this many cells a side


class ScatterMatrix(pg.GraphicsLayoutWidget):
    selected = Signal(object, object)  # predicate, modifiers: a drag ended in a panel
    hovered = Signal(object, object)  # row (or None), global screen position

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data: ExploreData | None = None
        self.visible = np.ones(len(VARIETIES), dtype=bool)
        self.mask = np.zeros(0, dtype=bool)
        self.ci.setSpacing(3)  # pyqtgraph's GraphicsLayout: the panels and their axes
        self.views: dict[tuple[int, int], pg.ViewBox] = {}
        self.scatters: dict[tuple[int, int], ScatterLayers] = {}
        self.histograms: dict[int, HistogramLayers] = {}
        self.titles: list[pg.TextItem] = []
        for row in range(N):
            for column in range(N):
                if row == column:
                    view = pg.ViewBox(enableMenu=False)
                    view.setMouseEnabled(x=True, y=False)
                    self.histograms[row] = HistogramLayers(view, fill_alpha=70, pen_width=1.0)
                    title = pg.TextItem(feature_name(row), anchor=(0, 0))
                    title.setParentItem(view)
                    title.setPos(2, 0)
                    self.titles.append(title)
                else:
                    view = SelectViewBox(column, row, enableMenu=False)  # the widget's menu instead
                    view.selected.connect(self.selected.emit)
                    self.scatters[row, column] = ScatterLayers(view, size=3, density_bins=DENSITY_CELLS)
                self.views[row, column] = view
                self.ci.addItem(view, row, column + 1)
        self.axes: list[pg.AxisItem] = []
        for row in range(N):  # a left axis per row, a bottom axis per column
            axis = pg.AxisItem("left")
            self.axes.append(axis)
            axis.linkToView(self.views[row, 1 if row == 0 else 0])
            axis.setWidth(34)
            self.ci.addItem(axis, row, 0)
        for column in range(N):
            axis = pg.AxisItem("bottom")
            self.axes.append(axis)
            axis.linkToView(self.views[N - 1, column])
            self.ci.addItem(axis, N, column + 1)
        grid = self.ci.layout
        for column in range(1, N + 1):
            grid.setColumnStretchFactor(column, 1)
        for row in range(N):
            grid.setRowStretchFactor(row, 1)
        for column in range(N):  # one x range per column, one y range per row
            reference = self._reference(column)
            for row in range(N):
                view = self.views[row, column]
                if view is not reference:
                    view.setXLink(reference)
        for row in range(N):
            reference = self.views[row, 1 if row == 0 else 0]
            for column in range(N):
                if column != row and self.views[row, column] is not reference:
                    self.views[row, column].setYLink(reference)
        for view in self.views.values():
            view.disableAutoRange()
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.access = PlotAccess(
            self, tr("Scatter-plot matrix of the four measurements"), self.describe, self.data_table
        )
        colors.follow(self.restyle)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.setBackground(scheme.background)
        text, line = colors.qcolor(scheme.text), colors.qcolor(scheme.text, 150)
        for title in self.titles:
            title.setColor(text)
        for axis in self.axes:
            axis.setPen(line)
            axis.setTextPen(text)
        for layers in self.scatters.values():
            layers.restyle()
        for view in self.views.values():
            if isinstance(view, SelectViewBox):
                view.restyle()
        for histogram in self.histograms.values():
            histogram.restyle()

    def describe(self) -> str:
        return plot_texts.matrix_description(self.data, self.visible, self.mask)

    def data_table(self) -> PlotTable:
        return plot_texts.flowers_table(strings.MATRIX_TITLE, self.data, range(N), self.visible, self.mask)

    def _reference(self, column: int) -> pg.ViewBox:
        """The panel whose x range a column follows (an off-diagonal one)."""
        return self.views[1 if column == 0 else 0, column]

    # ---- content ----------------------------------------------------------------------

    def set_tool(self, tool: str) -> None:
        for view in self.views.values():
            if isinstance(view, SelectViewBox):
                view.tool = tool

    def show_data(self, data: ExploreData, bins: list[Bins], visible: np.ndarray, mask: np.ndarray) -> None:
        self.show_scatters(data, visible, mask, upper=True)
        self.show_scatters(data, visible, mask, upper=False)
        self.show_histograms(data, bins, visible, mask)

    def show_scatters(self, data: ExploreData, visible: np.ndarray, mask: np.ndarray, upper: bool) -> None:
        """The panels above the diagonal (`upper`) or below it: at a million flowers a
        redraw draws the two halves a frame apart (the lower ones reuse the upper ones'
        density counts, transposed)."""
        self.data, self.visible, self.mask = data, visible.copy(), mask
        for (row, column), layers in self.scatters.items():
            if (row < column) == upper:
                layers.set_data(data, (column, row), visible, mask)

    def show_histograms(self, data: ExploreData, bins: list[Bins], visible: np.ndarray, mask: np.ndarray) -> None:
        """The diagonal's histograms and every axis range (after show_scatters)."""
        for feature, histogram in self.histograms.items():
            histogram.set_data(bins[feature], data, feature, visible, mask)
        for feature in range(N):
            lo, hi = data.ranges[feature]
            self._reference(feature).setXRange(lo, hi, padding=0)
            self.views[feature, 1 if feature == 0 else 0].setYRange(lo, hi, padding=0)
            counts = self.histograms[feature].counts[visible]
            top = float(counts.max()) if counts.size else 1.0
            self.views[feature, feature].setYRange(0, max(top, 1.0) * 1.3, padding=0)
        self.access.refresh()

    def set_highlight(self, mask: np.ndarray) -> None:
        self.mask = mask
        for layers in self.scatters.values():
            layers.set_highlight(mask)
        for histogram in self.histograms.values():
            histogram.set_highlight(mask)
        self.access.refresh()

    def reset_zoom(self, data: ExploreData) -> None:
        for feature in range(N):
            lo, hi = data.ranges[feature]
            self._reference(feature).setXRange(lo, hi, padding=0)
            self.views[feature, 1 if feature == 0 else 0].setYRange(lo, hi, padding=0)

    # ---- hover ------------------------------------------------------------------------

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        for layers in self.scatters.values():
            if layers.view.sceneBoundingRect().contains(scene_pos):
                row = layers.nearest(scene_pos)
                self.hovered.emit(row, self.mapToGlobal(self.mapFromScene(scene_pos)))
                return
        self.hovered.emit(None, None)
