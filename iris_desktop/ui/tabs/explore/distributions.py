"""Histograms of one feature split by variety, with an optional density curve and the
selection as its own series: the panel of the Distributions page, and the layers the
scatter matrix's diagonal reuses. Counts come from precomputed bin indices (one
bincount per update), so a brush costs the same at 150 or 100,000 flowers.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.explore import plot_texts
from iris_desktop.ui.tabs.explore.data import Bins, ExploreData, density_curve
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.flower_words import feature_label, feature_name
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable

DENSITY_POINTS = 300


class HistogramLayers:
    """Per-variety step histograms (and density curves) plus the selection's, in `view`."""

    def __init__(self, view, fill_alpha: int = 80, pen_width: float = 1.2):
        self.view = view
        self.fill_alpha, self.pen_width = fill_alpha, pen_width
        self.curves = []
        self.density_curves = []
        for _v in VARIETIES:
            curve = pg.PlotCurveItem(x=np.zeros(1), y=np.zeros(0), stepMode="center", fillLevel=0)
            curve.setZValue(1)
            density = pg.PlotCurveItem()
            density.setZValue(3)
            for item in (curve, density):
                view.addItem(item)
            self.curves.append(curve)
            self.density_curves.append(density)
        self.selection = pg.PlotCurveItem(x=np.zeros(1), y=np.zeros(0), stepMode="center", fillLevel=0)
        self.selection.setZValue(2)
        view.addItem(self.selection)
        self.restyle()
        self.bins: Bins | None = None
        self.data: ExploreData | None = None
        self.visible = np.ones(len(VARIETIES), dtype=bool)
        self.counts = np.zeros((len(VARIETIES), 0))
        self.selected_counts = np.zeros(0)
        self.selected_mask = np.zeros(0, dtype=bool)

    def restyle(self) -> None:
        """Pens and fills in the current scheme (the selection in its ink)."""
        scale = colors.scheme().pen_scale
        for v, curve, density in zip(VARIETIES, self.curves, self.density_curves):
            curve.setBrush(colors.color(v, self.fill_alpha))
            curve.setPen(pg.mkPen(colors.color(v), width=self.pen_width * scale))
            density.setPen(pg.mkPen(colors.outline(v, 0.2), width=2 * scale))
        ink = colors.scheme().ink
        self.selection.setBrush(colors.qcolor(ink, 40))
        self.selection.setPen(pg.mkPen(ink, width=1.6 * scale))

    def set_data(
        self, bins: Bins, data: ExploreData, feature: int, visible: np.ndarray, mask: np.ndarray, density: bool = False
    ) -> None:
        """`feature`'s histograms of `data` in `bins`: counts counted with the bins, so
        nothing here passes over all the rows unless a density curve is asked for."""
        self.bins, self.data, self.visible = bins, data, visible.copy()
        self.counts = bins.totals
        for k, curve in enumerate(self.curves):
            curve.setData(bins.edges, self.counts[k].astype(float))
            curve.setVisible(bool(visible[k]))
        width = bins.edges[1] - bins.edges[0] if bins.n else 1.0
        grid = np.linspace(bins.edges[0], bins.edges[-1], DENSITY_POINTS)
        for k, curve in enumerate(self.density_curves):
            show = bool(density and visible[k] and self.counts[k].sum() > 1)
            if show:
                picked = data.columns.X[data.variety == k, feature]
                curve.setData(grid, density_curve(picked, grid) * len(picked) * width)
            curve.setVisible(show)
        self.set_highlight(mask)

    def set_highlight(self, mask: np.ndarray) -> None:
        if self.bins is None or self.data is None or len(mask) != len(self.data):
            return
        self.selected_mask = mask
        rows = self.data.highlight(mask, self.visible).rows  # found once for every view
        if len(rows):
            counts = np.bincount(self.bins.index[rows], minlength=self.bins.n)[: self.bins.n]
            self.selected_counts = counts.astype(float)
            self.selection.setData(self.bins.edges, self.selected_counts)
            self.selection.show()
        else:
            self.selected_counts = np.zeros(self.bins.n)
            self.selection.hide()


class DistributionsPanel(QWidget):
    """Feature picker, bin width and density switch over one histogram plot."""

    settingsChanged = Signal()  # feature, bin width or density changed
    varietyClicked = Signal(int)  # a variety's legend entry was clicked: show or hide it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.feature_combo = QComboBox()
        self.feature_combo.addItems([feature_label(j) for j in range(len(FEATURES))])
        self.feature_combo.setCurrentIndex(2)
        self.feature_combo.setToolTip(tr("The measurement whose distribution is shown"))
        self.bin_spin = QDoubleSpinBox()
        self.bin_spin.setRange(0.1, 2.0)
        self.bin_spin.setSingleStep(0.1)
        self.bin_spin.setDecimals(1)
        self.bin_spin.setSuffix(" cm")
        self.bin_spin.setValue(0.2)
        self.bin_spin.setToolTip(
            tr(
                "Width of each histogram bin (the diagonal of the scatter matrix too). "
                "Measurements have one decimal, so 0.1 cm is the finest useful width."
            )
        )
        self.density_check = QCheckBox(tr("&Density curve"))
        self.density_check.setToolTip(
            tr(
                "A smooth estimate of each variety's distribution (Gaussian kernel, "
                "Scott's bandwidth), scaled to the histogram's counts"
            )
        )
        feature_caption = QLabel(tr("Feat&ure:"))
        feature_caption.setBuddy(self.feature_combo)
        bin_label = QLabel(tr("&Bin width:"))
        bin_label.setBuddy(self.bin_spin)
        controls = QHBoxLayout()
        for widget in (feature_caption, self.feature_combo, bin_label, self.bin_spin, self.density_check):
            controls.addWidget(widget)
        controls.addStretch(1)

        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setLabel("left", tr("Flowers"))
        self.plot.setMenuEnabled(False)  # the widget's own menu: table, copy, export
        self.plot.setMouseEnabled(y=False)
        self.plot.showGrid(y=True, alpha=0.15)
        self.legend = self.plot.addLegend(offset=(-10, 10))
        self.layers = HistogramLayers(self.plot)
        self._shown: tuple = ()  # (data, visible) drawn, for the description
        for v, curve in zip(VARIETIES, self.layers.curves):
            self.legend.addItem(curve, v.label)
        self.legend.addItem(self.layers.selection, tr("Selection"))
        self.legend.sigSampleClicked.connect(self._legend_clicked)
        self.access = PlotAccess(self.plot_widget, self._name(), self.describe, self.data_table)
        colors.follow(self.restyle)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.plot_widget, 1)
        for signal in (self.feature_combo.currentIndexChanged, self.bin_spin.valueChanged, self.density_check.toggled):
            signal.connect(lambda *_: self.settingsChanged.emit())

    @property
    def feature(self) -> int:
        return self.feature_combo.currentIndex()

    @property
    def bin_width(self) -> float:
        return round(self.bin_spin.value(), 1)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.plot_widget.setBackground(scheme.background)
        colors.style_plot(self.plot, scheme)
        colors.style_legend(self.legend, scheme)
        self.layers.restyle()

    def _name(self) -> str:
        return strings.DISTRIBUTION_NAME.format(feature=feature_name(self.feature).lower())

    def describe(self) -> str:
        if not self._shown:
            return strings.EMPTY_PLOT.format(name=strings.DISTRIBUTION_TITLE)
        data, visible = self._shown
        return plot_texts.distribution_description(
            self.feature, self.bin_width, data, visible, self.layers.selected_mask
        )

    def data_table(self) -> PlotTable:
        visible = self._shown[1] if self._shown else np.ones(len(VARIETIES), dtype=bool)
        return plot_texts.distribution_table(
            self._name(), self.layers.bins, self.layers.counts, self.layers.selected_counts, visible
        )

    def show_data(self, bins: Bins, data: ExploreData, visible: np.ndarray, mask: np.ndarray) -> None:
        self.plot.setLabel("bottom", feature_label(self.feature))
        self.layers.set_data(bins, data, self.feature, visible, mask, self.density_check.isChecked())
        self.plot.setXRange(*data.ranges[self.feature], padding=0)
        self.plot.enableAutoRange(axis="y")
        self._shown = (data, visible.copy())
        self.access.set_name(self._name())
        self.access.refresh()

    def set_highlight(self, mask: np.ndarray) -> None:
        self.layers.set_highlight(mask)
        self.access.refresh()

    def _legend_clicked(self, item) -> None:
        if item in self.layers.curves:
            self.varietyClicked.emit(self.layers.curves.index(item))
        elif item is self.layers.selection:  # the selection series is not for hiding
            item.setVisible(bool(self.layers.selected_counts.any()))
