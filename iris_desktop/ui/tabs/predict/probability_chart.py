"""Class probabilities as three pyqtgraph bars in the variety colours.

`set_probabilities` runs on every slider step, so it only calls setOpts on one
BarGraphItem and touches a percentage label when its rounded text actually changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from iris_desktop.domain import VARIETIES
from iris_desktop.ui.runtime.i18n import percent, tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.column_table import Column
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable

_X = np.arange(len(VARIETIES), dtype=float)


class ProbabilityChart(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.probabilities: np.ndarray | None = None  # as drawn (None: no model)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(y=True, alpha=0.25)
        plot.setXRange(-0.6, len(VARIETIES) - 0.4, padding=0)
        plot.setYRange(0, 1.12, padding=0)  # room for the percentages above a full bar
        plot.setLabel("left", tr("Probability"))
        plot.getAxis("bottom").setTicks([[(i, v.label) for i, v in enumerate(VARIETIES)]])
        plot.getAxis("left").setTicks([[(t, percent(t, 0)) for t in (0, 0.25, 0.5, 0.75, 1.0)]])
        self.bars = pg.BarGraphItem(x=_X, height=np.zeros(len(VARIETIES)), width=0.62)
        plot.addItem(self.bars)
        # Percentages above the bars: plain text items drawn in pixels. pyqtgraph's TextItem
        # keeps a QTextDocument and costs 7x more per change.
        self._labels = []
        self._texts: list[str] = [""] * len(VARIETIES)
        for _ in VARIETIES:
            label = QGraphicsSimpleTextItem()
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            plot.vb.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        self.access = PlotAccess(self, strings.PROBABILITIES_TITLE, self.describe, self.data_table)
        colors.follow(self.restyle)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.setBackground(scheme.background)
        colors.style_plot(self.getPlotItem(), scheme)
        self.bars.setOpts(brushes=colors.all_colors(), pens=[pg.mkPen(colors.outline(v, 0.4)) for v in VARIETIES])
        for label in self._labels:
            label.setBrush(QColor(scheme.text))

    def describe(self) -> str:
        if self.probabilities is None:
            return strings.PROBABILITIES_NONE
        parts = (
            strings.PROBABILITY_OF.format(name=v.label, probability=float(p))
            for v, p in zip(VARIETIES, self.probabilities)
        )
        return strings.PROBABILITIES_DESCRIPTION.format(parts=strings.LIST_SEPARATOR.join(parts))

    def data_table(self) -> PlotTable:
        heights = self.heights() if self.probabilities is not None else np.zeros(0)
        return PlotTable(
            strings.PROBABILITIES_TITLE,
            [
                Column(
                    strings.COLUMN_VARIETY,
                    np.arange(len(heights)),
                    lambda k: VARIETIES[cast(int, k)].label,
                    align_right=False,
                ),
                Column(strings.COLUMN_PROBABILITY, heights, "{:.1%}"),
            ],
        )

    def sizeHint(self) -> QSize:
        return QSize(320, 190)

    def heights(self) -> np.ndarray:
        """The bar heights as drawn (for tests and screen readers)."""
        return np.asarray(self.bars.opts["height"], dtype=float)

    def set_probabilities(self, proba: Sequence[float] | None) -> None:
        """Bars to `proba` (fixed variety order); None empties the chart."""
        heights = np.zeros(len(VARIETIES)) if proba is None else np.asarray(proba, dtype=float)
        if np.array_equal(heights, self.bars.opts["height"]) and (proba is None) == (self.probabilities is None):
            return  # KNN probabilities are multiples of 1/k: most slider steps change nothing
        self.probabilities = None if proba is None else heights.copy()
        self.bars.setOpts(height=heights.copy())
        for i, (label, h) in enumerate(zip(self._labels, heights)):
            text = "" if proba is None else percent(h, 0)
            if text != self._texts[i]:  # rounded text unchanged: the label barely moves
                self._texts[i] = text
                label.setText(text)
                box = label.boundingRect()  # centred above the bar, in pixels
                label.setTransform(QTransform.fromTranslate(-box.width() / 2, -box.height() - 2))
                label.setPos(i, float(h))
        self.access.refresh()

    def texts(self) -> list[str]:
        """The percentages shown above the bars."""
        return list(self._texts)
