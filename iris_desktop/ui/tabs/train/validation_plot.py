"""KNN's validation curve: training and cross-validated accuracy against k, the CV
spread as a band, the best k marked, and the k of the form as a line. Clicking picks
the nearest k (the tab sets the form to it)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor

from iris_desktop.ui.widgets import colors

TRAIN_HEX, CV_HEX = "#7F7F7F", "#2166AC"


class ValidationPlot(pg.PlotWidget):
    kPicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent, background=None)
        self.setAccessibleName("Validation curve: accuracy against the number of neighbours k")
        self.curve = None
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setLabel("bottom", "Neighbours k")
        plot.setLabel("left", "Accuracy")
        colors.style_plot(plot, self.palette())
        self.legend = plot.addLegend(offset=(-10, -10), labelTextColor=self.palette().windowText().color())
        band = QColor(CV_HEX)
        band.setAlpha(45)
        # the CV spread's edges (not `lower`: that would hide QWidget.lower())
        self.band_top = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.band_bottom = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.band_top, self.band_bottom, brush=band)
        plot.addItem(self.band)
        self.train_line = plot.plot(
            pen=pg.mkPen(TRAIN_HEX, width=2, style=Qt.PenStyle.DashLine),
            symbol="o",
            symbolSize=5,
            symbolBrush=TRAIN_HEX,
            symbolPen=None,
            name="Training accuracy",
        )
        self.cv_line = plot.plot(
            pen=pg.mkPen(CV_HEX, width=2.5),
            symbol="o",
            symbolSize=6,
            symbolBrush=CV_HEX,
            symbolPen=None,
            name="Cross-validated accuracy (± 1 sd)",
        )
        self.best = pg.ScatterPlotItem(
            size=16, symbol="star", brush=pg.mkBrush("#F2B701"), pen=pg.mkPen("#202020", width=1)
        )
        plot.addItem(self.best)
        self.k_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(colors.WARNING_HEX, width=1.5, style=Qt.PenStyle.DotLine),
            label="k = {value:.0f}",
            labelOpts={"position": 0.08, "color": colors.WARNING_HEX},
        )
        plot.addItem(self.k_line, ignoreBounds=True)
        self.k_line.hide()
        self.scene().sigMouseClicked.connect(self._clicked)
        self.set_curve(None)

    def sizeHint(self) -> QSize:
        return QSize(480, 300)

    def set_curve(self, curve) -> None:
        """Draw a ValidationCurve (None: empty)."""
        self.curve = curve
        if curve is None or not curve.ks:
            for item in (self.train_line, self.cv_line):
                item.setData([], [])
            for item in (self.band_top, self.band_bottom):
                item.setData(np.zeros(0), np.zeros(0))
            self.best.setData([], [])
            return
        ks = np.asarray(curve.ks, dtype=float)
        cv, sd = np.asarray(curve.cv_mean), np.asarray(curve.cv_std)
        self.train_line.setData(ks, curve.train_mean)
        self.cv_line.setData(ks, cv)
        self.band_top.setData(ks, np.minimum(1.0, cv + sd))
        self.band_bottom.setData(ks, cv - sd)
        self.best.setData([curve.best_k], [cv[curve.ks.index(curve.best_k)]])
        low = float(min(np.min(cv - sd), np.min(curve.train_mean)))
        self.getPlotItem().setRange(xRange=(ks[0] - 0.5, ks[-1] + 0.5), yRange=(max(0.0, low - 0.02), 1.005), padding=0)

    def set_k(self, k: int | None) -> None:
        self.k_line.setVisible(k is not None)
        if k is not None:
            self.k_line.setValue(k)

    def set_stale(self, stale: bool) -> None:
        """Dim the curves when the settings no longer match them."""
        for item in (self.train_line, self.cv_line, self.band, self.best):
            item.setOpacity(0.35 if stale else 1.0)

    def k_at(self, x: float) -> int | None:
        if self.curve is None or not self.curve.ks:
            return None
        ks = np.asarray(self.curve.ks)
        return int(ks[np.argmin(np.abs(ks - x))])

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        k = self.k_at(view.mapSceneToView(event.scenePos()).x())
        if k is not None:
            self.kPicked.emit(k)
