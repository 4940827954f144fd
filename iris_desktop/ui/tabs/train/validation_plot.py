"""KNN's validation curve: training and cross-validated accuracy against k, the CV
spread as a band, the best k marked, and the k of the form as a line. Clicking picks
the nearest k (the tab sets the form to it)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.column_table import Column
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable


class ValidationPlot(pg.PlotWidget):
    kPicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.curve = None
        self.k: int | None = None
        self.stale = False
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setLabel("bottom", tr("Neighbours k"))
        plot.setLabel("left", tr("Accuracy"))
        self.legend = plot.addLegend(offset=(-10, -10))
        # the CV spread's edges (not `lower`: that would hide QWidget.lower())
        self.band_top = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.band_bottom = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.band_top, self.band_bottom)
        plot.addItem(self.band)
        self.train_line = plot.plot(symbol="o", symbolSize=5, symbolPen=None, name=tr("Training accuracy"))
        self.cv_line = plot.plot(symbol="o", symbolSize=6, symbolPen=None, name=tr("Cross-validated accuracy (± 1 sd)"))
        self.best = pg.ScatterPlotItem(size=16, symbol="star")
        plot.addItem(self.best)
        self.k_line = pg.InfiniteLine(angle=90, movable=False, label="k = {value:.0f}", labelOpts={"position": 0.08})
        plot.addItem(self.k_line, ignoreBounds=True)
        self.k_line.hide()
        self.scene().sigMouseClicked.connect(self._clicked)
        self.access = PlotAccess(
            self, tr("Validation curve: accuracy against the number of neighbours k"), self.describe, self.data_table
        )
        colors.follow(self.restyle)
        self.set_curve(None)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.setBackground(scheme.background)
        plot = self.getPlotItem()
        colors.style_plot(plot, scheme)
        wide = scheme.pen_scale
        self.band.setBrush(colors.qcolor(scheme.accent, 45))
        self.train_line.setPen(pg.mkPen(scheme.muted, width=2 * wide, style=Qt.PenStyle.DashLine))
        self.train_line.setSymbolBrush(scheme.muted)
        self.cv_line.setPen(pg.mkPen(scheme.accent, width=2.5 * wide))
        self.cv_line.setSymbolBrush(scheme.accent)
        self.best.setBrush(pg.mkBrush(scheme.star))
        self.best.setPen(pg.mkPen(scheme.ink, width=1))
        self.k_line.setPen(pg.mkPen(scheme.warning, width=1.5 * wide, style=Qt.PenStyle.DotLine))
        self.k_line.label.setColor(scheme.warning)
        colors.style_legend(self.legend, scheme)

    def describe(self) -> str:
        curve = self.curve
        if curve is None or not curve.ks:
            return strings.CURVE_EMPTY
        at = curve.ks.index(curve.best_k)
        chosen = ""
        if self.k is not None and self.k in curve.ks:
            chosen = strings.CURVE_CHOSEN.format(k=self.k, cv=curve.cv_mean[curve.ks.index(self.k)])
        text = strings.CURVE_DESCRIPTION.format(
            first=curve.ks[0],
            last=curve.ks[-1],
            best=curve.best_k,
            best_cv=curve.cv_mean[at],
            best_train=curve.train_mean[at],
            chosen=chosen,
        )
        return text + (strings.CURVE_STALE if self.stale else "")

    def data_table(self) -> PlotTable:
        curve = self.curve
        if curve is None or not curve.ks:
            return PlotTable(strings.CURVE_TITLE, [])
        return PlotTable(
            strings.CURVE_TITLE,
            [
                Column(strings.COLUMN_K, np.asarray(curve.ks)),
                Column(strings.COLUMN_TRAIN_ACCURACY, np.asarray(curve.train_mean, dtype=float), "{:.1%}"),
                Column(strings.COLUMN_CV_ACCURACY, np.asarray(curve.cv_mean, dtype=float), "{:.1%}"),
                Column(strings.COLUMN_CV_SD, np.asarray(curve.cv_std, dtype=float), "{:.1%}"),
            ],
        )

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
            self.access.refresh()
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
        self.access.refresh()

    def set_k(self, k: int | None) -> None:
        self.k = k
        self.k_line.setVisible(k is not None)
        if k is not None:
            self.k_line.setValue(k)
        self.access.refresh()

    def set_stale(self, stale: bool) -> None:
        """Dim the curves when the settings no longer match them."""
        self.stale = stale
        for item in (self.train_line, self.cv_line, self.band, self.best):
            item.setOpacity(0.35 if stale else 1.0)
        self.access.refresh()

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
