"""A confusion matrix as a pyqtgraph heatmap: always 3x3 in variety order, actual
varieties as rows (top to bottom), predictions as columns, each cell annotated with
its count (and its share of the row when normalised)."""

from __future__ import annotations

from typing import cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from iris_desktop.domain import VARIETIES
from iris_desktop.ui.runtime.i18n import percent, tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.column_table import Column
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable

N = len(VARIETIES)
_NAMES = [v.label for v in VARIETIES]


def _rgb(hex_color: str) -> np.ndarray:
    colour = QColor(hex_color)
    return np.array([colour.red(), colour.green(), colour.blue()], dtype=float)


def describe_counts(counts: np.ndarray) -> str:
    """The matrix in words: how many, how many right, and each kind of mistake."""
    total, right = int(counts.sum()), int(np.trace(counts))
    if not total:
        return strings.CONFUSION_NONE
    mistakes = [
        strings.CONFUSION_MISTAKE.format(count=int(counts[r, c]), actual=_NAMES[r], predicted=_NAMES[c])
        for r, c in np.ndindex(N, N)
        if r != c and counts[r, c]
    ]
    return strings.CONFUSION_DESCRIPTION.format(
        total=total,
        right=right,
        share=right / total,
        mistakes=strings.CONFUSION_MISTAKES.format(mistakes=strings.LIST_SEPARATOR.join(mistakes)) if mistakes else "",
    )


def row_shares(counts: np.ndarray) -> np.ndarray:
    """Each row divided by its total (a row with no flower stays 0)."""
    counts = np.asarray(counts, dtype=float)
    totals = counts.sum(axis=1, keepdims=True)
    return np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)


class ConfusionMatrixView(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts = np.zeros((N, N), dtype=int)
        self.normalised = False
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.setAspectLocked(True)
        plot.invertY(True)  # the first actual variety on top, as a matrix is read
        plot.setRange(xRange=(0, N), yRange=(0, N), padding=0.02)
        plot.setLabel("bottom", strings.COLUMN_PREDICTED)
        plot.setLabel("left", strings.COLUMN_ACTUAL)
        ticks = [[(i + 0.5, v.label) for i, v in enumerate(VARIETIES)]]
        for side in ("bottom", "left"):
            axis = plot.getAxis(side)
            axis.setTicks(ticks)
            axis.setStyle(hideOverlappingLabels=False)  # three labels: shortened if need be
        # Room for the longest name: the axis does not widen itself for fixed ticks.
        plot.getAxis("left").setWidth(self.fontMetrics().horizontalAdvance("Versicolor") + 28)
        self.image = pg.ImageItem()
        plot.addItem(self.image)
        font = QFont(self.font())
        font.setBold(True)
        self._labels = []
        for _ in range(N * N):
            label = QGraphicsSimpleTextItem()
            label.setFont(font)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            plot.vb.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        self.access = PlotAccess(self, strings.CONFUSION_TITLE, self.describe, self.data_table)
        colors.follow(self.restyle)
        plot.vb.sigResized.connect(self._fit_labels)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.setBackground(scheme.background)
        colors.style_plot(self.getPlotItem(), scheme)
        self.set_matrix(self.counts)

    def describe(self) -> str:
        return describe_counts(self.counts)

    def data_table(self) -> PlotTable:
        """One row per actual variety: how many were predicted as each (and the shares)."""
        shares = row_shares(self.counts)
        columns = [Column(strings.COLUMN_ACTUAL, np.arange(N), lambda k: _NAMES[cast(int, k)], align_right=False)]
        columns += [
            Column(strings.COLUMN_PREDICTED_AS.format(name=name), self.counts[:, c]) for c, name in enumerate(_NAMES)
        ]
        columns += [
            Column(strings.COLUMN_SHARE_AS.format(name=name), shares[:, c], _percent) for c, name in enumerate(_NAMES)
        ]
        return PlotTable(strings.CONFUSION_TITLE, columns)

    def sizeHint(self) -> QSize:
        return QSize(320, 300)

    def _fit_labels(self) -> None:
        """Column names that no longer fit under their column are shortened (Versic.)."""
        per_pixel = self.getPlotItem().vb.viewPixelSize()[0]  # view units (cells) per pixel
        fits = per_pixel <= 0 or 1 / per_pixel >= self.fontMetrics().horizontalAdvance("Versicolor") + 8
        names = [v.label if fits or len(v.label) <= 7 else v.label[:6] + "." for v in VARIETIES]
        self.getPlotItem().getAxis("bottom").setTicks([[(i + 0.5, name) for i, name in enumerate(names)]])

    def set_matrix(self, counts, normalised: bool | None = None) -> None:
        """Show `counts` (3x3, rows actual, columns predicted); `normalised` shows each
        row's shares and colours by them (None: keep the current choice)."""
        counts = np.asarray(counts, dtype=int).reshape(N, N)
        self.counts = counts
        if normalised is not None:
            self.normalised = normalised
        shares = row_shares(counts)
        strength = shares if self.normalised else counts / max(1, counts.max())
        scheme = colors.scheme()
        low, high = _rgb(scheme.matrix_low), _rgb(scheme.matrix_high)
        rgb = low + (high - low) * strength[..., None]
        # ImageItem's first axis is x: columns (predicted) first.
        self.image.setImage(
            np.ascontiguousarray(rgb.transpose(1, 0, 2)).astype(np.uint8), autoLevels=False, levels=(0, 255)
        )
        self.image.setRect(QRectF(0, 0, N, N))  # after setImage: one cell per unit
        for (r, c), label in zip(np.ndindex(N, N), self._labels):
            text = (
                tr("{share:.0%} ({count})").format(share=shares[r, c], count=counts[r, c])
                if self.normalised
                else str(counts[r, c])
            )
            label.setText(text)
            label.setBrush(QColor(_label_colour(rgb[r, c])))
            box = label.boundingRect()
            label.setPos(c + 0.5, r + 0.5)
            label.setTransform(pg.QtGui.QTransform.fromTranslate(-box.width() / 2, -box.height() / 2))

        self.access.refresh()

    def cell_texts(self) -> list[list[str]]:
        """The annotations as shown, row by row (for tests and screen readers)."""
        return [[self._labels[r * N + c].text() for c in range(N)] for r in range(N)]


def _percent(share: object) -> str:
    return percent(cast(float, share), 0)


def _label_colour(rgb: np.ndarray) -> str:
    """Black or white, whichever reads better on a cell of colour `rgb` (WCAG luminance)."""
    linear = np.where(rgb / 255 <= 0.04045, rgb / 255 / 12.92, ((rgb / 255 + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ [0.2126, 0.7152, 0.0722])
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"
