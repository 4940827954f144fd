"""A scatter item fast at 100,000 points, and the density image used above that.

`PointsItem` keeps x, y and a palette index per point, renders one symbol pixmap per
palette entry once, and paints every point with a single `drawPixmapFragments` call
(pyqtgraph's own ScatterPlotItem spends ~2 µs per point in Python on every setData;
this spends none: shared/notes/fast-plots.md measured it 4-7x faster to draw).
`DensityLayer` is an ImageItem of a 2-D histogram, for when points would be too many.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPen, QPixmap

from iris_desktop.ui.tabs.explore.data import DensityGrid, density_rgba


def symbol_atlas(fills: list[QColor], size: int, outline: QColor | None = None) -> tuple[QPixmap, np.ndarray]:
    """One row of round symbols, one per colour; returns the pixmap and each symbol's
    source rect (x, y, w, h) in it, in device pixels: drawn at the screen's pixel ratio,
    so the points stay crisp at 200 % scaling."""
    cell = size + 2
    app = QGuiApplication.instance()
    ratio = max(1.0, app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1.0
    pixmap = QPixmap(round(cell * len(fills) * ratio), round(cell * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, fill in enumerate(fills):
        painter.setBrush(fill)
        if outline is None:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(QPen(outline, 1.2))
        painter.drawEllipse(QRectF(i * cell + 1.0, 1.0, size, size))
    painter.end()
    rects = np.array([[i * cell, 0, cell, cell] for i in range(len(fills))], dtype=float) * ratio
    return pixmap, rects


def points_to_draw(
    dx: np.ndarray, dy: np.ndarray, kind: np.ndarray, size: tuple[float, float], pad: float
) -> np.ndarray:
    """Indices of the points worth drawing: inside the device (`size`, plus `pad` pixels
    for the symbol), and one point per kind in each device pixel.

    Measurements come in steps of 0.1 cm, so thousands of flowers share a pixel; one
    symbol per pixel and kind looks the same and keeps a repaint of the scatter matrix at
    10,000 flowers within a frame (gui_max_stall_ms in tests/bench). One pass, no sort:
    every point writes its index into its cell, and a point is kept if its index stayed
    there, so row order (later rows on top) is kept too."""
    inside = np.flatnonzero((dx > -pad) & (dx < size[0] + pad) & (dy > -pad) & (dy < size[1] + pad))
    if len(inside) < 2:
        return inside
    ix = np.rint(dx[inside]).astype(np.int64)
    iy = np.rint(dy[inside]).astype(np.int64)
    kinds = int(kind.max()) + 1
    x0, y0 = int(ix.min()), int(iy.min())
    key = ((iy - y0) * (int(ix.max()) - x0 + 1) + (ix - x0)) * kinds + kind[inside]
    owner = np.empty(int(key.max()) + 1, dtype=np.int64)  # read only where just written
    order = np.arange(len(key))
    owner[key] = order
    return inside[owner[key] == order]


class PointsItem(pg.GraphicsObject):
    """Points in data coordinates, drawn at a fixed size in pixels."""

    def __init__(self, fills: list[QColor], size: int = 5, outline: QColor | None = None):
        super().__init__()
        self._x = np.empty(0)
        self._y = np.empty(0)
        self._kind = np.empty(0, dtype=np.intp)
        # ((x min, x max), (y min, y max)), None while there is no point
        self._bounds: tuple[tuple[float, float] | None, tuple[float, float] | None] = (None, None)
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self.set_style(fills, size, outline)

    def set_style(self, fills: list[QColor], size: int, outline: QColor | None = None) -> None:
        self._size = size
        self._pixmap, self._rects = symbol_atlas(fills, size, outline)
        self.prepareGeometryChange()
        self.update()

    def set_data(self, x: np.ndarray, y: np.ndarray, kind: np.ndarray) -> None:
        """Points at (x, y) drawn with symbol `kind` (an index into the fills)."""
        self.prepareGeometryChange()
        self._x = np.asarray(x, dtype=float)
        self._y = np.asarray(y, dtype=float)
        self._kind = np.asarray(kind, dtype=np.intp)
        if len(self._x):
            self._bounds = ((float(self._x.min()), float(self._x.max())), (float(self._y.min()), float(self._y.max())))
        else:
            self._bounds = (None, None)
        self.informViewBoundsChanged()
        self.update()

    def __len__(self) -> int:
        return len(self._x)

    # ---- geometry for pyqtgraph's auto-range ------------------------------------------

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        bounds = self._bounds[ax]
        return (None, None) if bounds is None else bounds

    def pixelPadding(self) -> float:
        return self._size

    def boundingRect(self) -> QRectF:
        (x0, x1), (y0, y1) = (b if b is not None else (0.0, 0.0) for b in self._bounds)
        px, py = self.pixelVectors()
        pad_x = (px.length() if px is not None else 0.0) * self._size
        pad_y = (py.length() if py is not None else 0.0) * self._size
        return QRectF(x0 - pad_x, y0 - pad_y, x1 - x0 + 2 * pad_x, y1 - y0 + 2 * pad_y)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()

    # ---- drawing ----------------------------------------------------------------------

    def paint(self, painter: QPainter, option, widget=None) -> None:
        n = len(self._x)
        if not n:
            return
        t = painter.transform()
        # Device coordinates with numpy, then one call for all points.
        dx = t.m11() * self._x + t.m21() * self._y + t.dx()
        dy = t.m12() * self._x + t.m22() * self._y + t.dy()
        device = painter.device()
        keep = points_to_draw(dx, dy, self._kind, (device.width(), device.height()), self._size + 2)
        painter.resetTransform()
        self._fragments.resize(len(keep))
        frags = self._fragments.ndarray()
        frags[:, 0] = dx[keep]
        frags[:, 1] = dy[keep]
        frags[:, 2:6] = self._rects[self._kind[keep]]
        dpr = self._pixmap.devicePixelRatioF() or 1.0
        frags[:, 6:10] = (1 / dpr, 1 / dpr, 0.0, 1.0)
        fragments, count = self._fragments.drawargs()  # with PySide6: (the first fragment, how many)
        painter.drawPixmapFragments(fragments, count, self._pixmap)


class DensityLayer(pg.ImageItem):
    """A 2-D histogram coloured by variety, for many points (see data.density_rgba)."""

    def __init__(self, min_alpha: int = 70):
        super().__init__(axisOrder="col-major")
        self.min_alpha = min_alpha
        self.grid: DensityGrid | None = None

    def show_counts(self, grid: DensityGrid, counts: np.ndarray, palette: np.ndarray, visible: np.ndarray) -> None:
        self.grid = grid
        self.setImage(density_rgba(counts, palette, visible, self.min_alpha), autoLevels=False)
        self.setRect(QRectF(*grid.rect))
        self.show()

    def clear(self) -> None:
        self.grid = None
        self.hide()
