"""One scatter of two features: a view box that turns a drag into a selection predicate,
and the layers drawn in it (all points, the selection on top).

Below POINTS_LIMIT visible flowers the layers are PointsItems; above it, density
images (a re-highlight is then one bincount and one small image per panel, whatever
the number of flowers). Nothing here loops over rows in Python.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsObject, QGraphicsPathItem, QGraphicsRectItem

from iris_desktop.domain import VARIETIES
from iris_desktop.ui.tabs.explore.data import DensityGrid, ExploreData
from iris_desktop.ui.tabs.explore.scatter_item import DensityLayer, PointsItem
from iris_desktop.ui.tabs.explore.selection import LassoPredicate, RectPredicate
from iris_desktop.ui.widgets import colors

POINTS_LIMIT = 15_000  # visible flowers above which a panel draws a density image
DIMMED = 0.22  # opacity of the unselected flowers while a selection exists
HOVER_PX = 7  # how near (pixels) the pointer must be to a point to describe it


def palette() -> np.ndarray:
    """(3, 3) RGB of the varieties in the current scheme (the density images' colours)."""
    return np.array([colors.rgb(v) for v in VARIETIES], dtype=float)


class SelectViewBox(pg.ViewBox):
    """A ViewBox whose left-button drag draws a rectangle or a lasso (or pans, with the
    pan tool); on release it emits the predicate and the modifier keys held."""

    selected = Signal(object, object)  # predicate, Qt.KeyboardModifiers at the start

    def __init__(self, x_feature: int, y_feature: int, **kwargs):
        super().__init__(**kwargs)
        self.features = (x_feature, y_feature)
        self.tool = "rectangle"
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self._path: list[tuple[float, float]] = []
        self._rect_item = QGraphicsRectItem()
        self._lasso_item = QGraphicsPathItem()
        for item in (self._rect_item, self._lasso_item):
            item.setZValue(1e6)
            item.hide()
            self.addItem(item, ignoreBounds=True)
        self.restyle()

    def restyle(self) -> None:
        """The rectangle and lasso in the scheme's ink (dark on light, light on dark)."""
        ink = colors.scheme().ink
        pen = QPen(QColor(ink), 1.2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        for item in (self._rect_item, self._lasso_item):
            item.setPen(pen)
            item.setBrush(colors.qcolor(ink, 30))

    def mouseDragEvent(self, ev, axis=None) -> None:
        if self.tool == "pan" or ev.button() != Qt.MouseButton.LeftButton or axis is not None:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        start = self.mapSceneToView(ev.buttonDownScenePos())
        here = self.mapSceneToView(ev.scenePos())
        if ev.isStart():
            self._modifiers = ev.modifiers()
            self._path = [(start.x(), start.y())]
        if self.tool == "rectangle":
            self._rect_item.setRect(QRectF(start, here).normalized())
            self._rect_item.show()
        else:
            self._path.append((here.x(), here.y()))
            path = QPainterPath(QPointF(*self._path[0]))
            for point in self._path[1:]:
                path.lineTo(QPointF(*point))
            path.closeSubpath()
            self._lasso_item.setPath(path)
            self._lasso_item.show()
        if ev.isFinish():
            self._rect_item.hide()
            self._lasso_item.hide()
            fx, fy = self.features
            predicate: RectPredicate | LassoPredicate
            if self.tool == "rectangle":
                predicate = RectPredicate(fx, fy, (start.x(), here.x()), (start.y(), here.y()))
            else:
                predicate = LassoPredicate(fx, fy, tuple(self._path))
            self._path = []
            self.selected.emit(predicate, self._modifiers)


class ScatterLayers:
    """The flowers of one feature pair in one view: every visible flower (dimmed while
    something is selected) and the selected ones on top."""

    def __init__(self, view: pg.ViewBox, size: int = 4, density_bins: int = 160):
        self.view = view
        self.size = size
        self.density_bins = density_bins
        self.points = PointsItem(colors.all_colors(200), size)
        self.highlight = PointsItem(colors.all_colors(255), size + 2, outline=QColor(colors.scheme().ink))
        self.density = DensityLayer(min_alpha=90)
        self.highlight_density = DensityLayer(min_alpha=110)
        items: tuple[QGraphicsObject, ...] = (self.density, self.points, self.highlight_density, self.highlight)
        for z, item in enumerate(items):
            item.setZValue(z)
            view.addItem(item, ignoreBounds=True)
        self.dense = False
        self.grid: DensityGrid | None = None  # while dense
        self.data: ExploreData | None = None
        self.features = (0, 1)
        self.visible_rows = np.zeros(0, dtype=bool)
        self.mask = np.zeros(0, dtype=bool)  # the selection last drawn
        self._visible = np.ones(len(VARIETIES), dtype=bool)

    def restyle(self) -> None:
        """The current scheme's colours: symbols drawn again, density images recoloured."""
        self.points.set_style(colors.all_colors(200), self.size)
        self.highlight.set_style(colors.all_colors(255), self.size + 2, outline=QColor(colors.scheme().ink))
        if self.data is not None:
            self.set_data(self.data, self.features, self._visible, self.mask)

    def set_data(self, data: ExploreData, features: tuple[int, int], visible: np.ndarray, mask: np.ndarray) -> None:
        """Draw `data` on `features`, varieties where `visible` (bool per variety);
        then `mask` (the selection) on top."""
        self.data, self.features = data, features
        fx, fy = features
        x, y = data.coords[:, fx], data.coords[:, fy]
        self.visible_rows = data.shown(visible)
        shown = int(np.count_nonzero(self.visible_rows))
        self.dense = shown > POINTS_LIMIT
        if self.dense:
            self.grid, counts = data.density(features, self.density_bins)
            self.density.show_counts(self.grid, counts, palette(), visible)
            self.points.set_data(np.empty(0), np.empty(0), np.empty(0))
        else:
            self.grid = None
            self.density.clear()
            rows = self.visible_rows
            self.points.set_data(x[rows], y[rows], data.variety[rows])
        self._visible = visible
        self.set_highlight(mask)

    def set_highlight(self, mask: np.ndarray) -> None:
        data = self.data
        if data is None or len(mask) != len(data):
            return
        self.mask = mask
        chosen = data.highlight(mask, self._visible)  # shared with the other views
        anything = len(chosen) > 0
        base = self.density if self.dense else self.points
        base.setOpacity(DIMMED if anything else 1.0)
        grid = self.grid  # set when dense
        if self.dense and grid is not None:
            self.highlight.set_data(np.empty(0), np.empty(0), np.empty(0))
            if anything:
                counts = chosen.density_counts(grid, self.features)
                self.highlight_density.show_counts(grid, counts, palette(), self._visible)
            else:
                self.highlight_density.clear()
        else:
            self.highlight_density.clear()
            fx, fy = self.features
            rows = chosen.rows
            self.highlight.set_data(data.coords[rows, fx], data.coords[rows, fy], data.variety[rows])

    def nearest(self, scene_pos: QPointF) -> int | None:
        """The row of the visible flower nearest to `scene_pos`, if within HOVER_PX."""
        data = self.data
        if data is None or not len(data) or not self.view.sceneBoundingRect().contains(scene_pos):
            return None
        here = self.view.mapSceneToView(scene_pos)
        px, py = self.view.viewPixelSize()
        if not px or not py:
            return None
        fx, fy = self.features
        dx = (data.coords[:, fx] - here.x()) / px
        dy = (data.coords[:, fy] - here.y()) / py
        near = np.flatnonzero((np.abs(dx) <= HOVER_PX) & (np.abs(dy) <= HOVER_PX) & self.visible_rows)
        if not len(near):
            return None
        d2 = dx[near] ** 2 + dy[near] ** 2
        best = int(np.argmin(d2))
        return int(near[best]) if d2[best] <= HOVER_PX**2 else None
