"""Petal length x petal width: the training flowers over the active model's decision regions.

The regions are the model's prediction over a grid of petal values (0.1 cm cells) with the two
sepal values held at the current flower's. Predicting a grid costs 0.1-10 ms depending on
the algorithm, too much for every slider step, so it is deferred: a single-shot timer
restarted by each change (debounce) that still fires at least every MAX_WAIT_MS during a
long drag, so the regions follow a moving sepal slider a few times a second.

Per step, only the flower's marker and its neighbours' rings move (a setData each).
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from iris_desktop.domain import VARIETIES, Variety
from iris_desktop.ui import colors
from iris_desktop.ui.colors import HEX

MAX_CELLS = 100  # per axis; the default ranges need 87 x 32 = 2,784 rows, ~3 ms for KNN
DEBOUNCE_MS = 90
MAX_WAIT_MS = 300
REGION_ALPHA = (35, 110)  # alpha of a cell at the least and the most confident prediction


def _region_lut() -> np.ndarray:
    return np.array([[*colors.rgb(v), 0] for v in VARIETIES], dtype=np.uint8)


def grid_axis(low: float, high: float) -> np.ndarray:
    """Cell centres from `low` to `high` on multiples of 0.1 cm (coarser only past
    MAX_CELLS), never below 0.1 cm. Slider values are multiples of 0.1 cm too, so the
    flower's marker sits on a cell centre and the region under it is exactly the
    model's prediction for it, even right at a boundary."""
    step = 0.1 * max(1, math.ceil((high - low) / (0.1 * (MAX_CELLS - 1))))
    start = max(0.1, math.ceil(round(low / step, 6)) * step)
    count = max(2, int(math.floor(round((high - start) / step, 6))) + 1)
    return np.round(start + step * np.arange(count), 6)


class DecisionMap(pg.PlotWidget):
    pointPicked = Signal(float, float)  # petal length, petal width (cm) clicked on the map
    regionsComputed = Signal(float, float)  # the sepal length and width the regions hold

    def __init__(self, parent=None):
        super().__init__(parent, background=None)
        self.setAccessibleName("Decision regions over petal length and petal width")
        self.model = None
        self.held: tuple[float, float] | None = None  # sepal values of the regions shown
        self.image_data: np.ndarray | None = None  # (nx, ny, 4) RGBA, x first
        self._axes: tuple[np.ndarray, np.ndarray] | None = None  # the grid's cell centres
        self.recompute_count = 0
        self._lut = _region_lut()
        self._pending: tuple[float, float] | None = None
        self._since = QElapsedTimer()
        self._timer = QTimer(self, singleShot=True, timeout=self._compute_pending)
        self._point_variety: object = ()
        self._xr, self._yr = (0.5, 7.5), (0.1, 3.0)

        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.setLabel("bottom", "Petal length (cm)")
        plot.setLabel("left", "Petal width (cm)")
        colors.style_plot(plot, self.palette())
        # Bilinear scaling of the coarse grid: soft boundaries instead of 8-pixel stairs.
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # No legend inside the plot (it would hide regions and the flower): see legend_html().
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        plot.addItem(self.image)
        self.training = []
        for v in VARIETIES:
            item = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(colors.color(v, 210)),
                                      pen=pg.mkPen(255, 255, 255, 180, width=0.8), name=v.label)
            plot.addItem(item)
            self.training.append(item)
        # Kept for its style; the rings themselves are plain ellipse items moved with setPos.
        self.neighbours = pg.ScatterPlotItem(size=15, brush=None, pen=pg.mkPen("#111111", width=2),
                                             name="Nearest neighbours")
        self._rings: list[QGraphicsEllipseItem] = []
        self._neighbour_points: np.ndarray | None = None
        # One spot at the origin, moved with setPos: a transform change, far cheaper per
        # slider step than setData (which rebuilds the spots and the view's bounds).
        self.point = pg.ScatterPlotItem(x=[0.0], y=[0.0], size=22, symbol="star",
                                        pen=pg.mkPen("#111111", width=1.4),
                                        brush=pg.mkBrush(colors.color(None)), name="This flower")
        self.point.setZValue(10)
        plot.addItem(self.neighbours)
        plot.addItem(self.point)
        self.scene().sigMouseClicked.connect(self._clicked)

    @staticmethod
    def legend_html() -> str:
        """The map's key, for a label beside the plot."""
        dots = " ".join(f'<span style="color:{HEX[v]}">●</span>&nbsp;{v.label}&nbsp;' for v in VARIETIES)
        return (f"{dots} &nbsp;○&nbsp;nearest neighbours &nbsp;★&nbsp;this flower "
                "(coloured by its prediction)")

    def sizeHint(self) -> QSize:
        return QSize(420, 360)

    # ---- what is shown ---------------------------------------------------------------

    def set_ranges(self, petal_length: tuple[float, float], petal_width: tuple[float, float]) -> None:
        """The petal ranges to cover (the sliders' ranges), fixed so the view never jumps.
        A 3 % margin keeps flowers at the ends (0.1 cm petals) off the axes."""
        (x0, x1), (y0, y1) = petal_length, petal_width
        dx, dy = 0.03 * (x1 - x0), 0.03 * (y1 - y0)
        self._xr, self._yr = (x0 - dx, x1 + dx), (y0 - dy, y1 + dy)
        self.getPlotItem().setRange(xRange=self._xr, yRange=self._yr, padding=0)

    def set_model(self, model) -> None:
        """Show `model`'s training flowers; the regions follow at the next schedule/compute."""
        self.model = model
        for i, item in enumerate(self.training):
            if model is None:
                item.clear()
            else:
                rows = model.X_train[model.y_train == i]
                item.setData(x=rows[:, 2], y=rows[:, 3])
        self.set_neighbours(None)
        if model is None:
            self.image.clear()
            self.image_data, self.held = None, None

    def set_point(self, petal_length: float, petal_width: float, variety: Variety | None) -> None:
        if variety is not self._point_variety:  # a new brush only when the prediction flips
            self._point_variety = variety
            self.point.setBrush(pg.mkBrush(colors.color(variety)))
        self.point.setPos(petal_length, petal_width)

    def point_position(self) -> tuple[float, float]:
        return self.point.pos().x(), self.point.pos().y()

    def set_neighbours(self, petals: np.ndarray | None) -> None:
        """Ring these (k, 2) petal points; None removes the rings.

        Each ring is an ellipse item drawn in pixels (ignores the view's scaling) and only
        moved with setPos: far cheaper per step than a ScatterPlotItem.setData."""
        count = 0 if petals is None else len(petals)
        while len(self._rings) < count:
            ring = QGraphicsEllipseItem(-7.5, -7.5, 15, 15)
            ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            ring.setPen(pg.mkPen("#111111", width=2))
            ring.setZValue(5)
            self.getPlotItem().vb.addItem(ring, ignoreBounds=True)
            self._rings.append(ring)
        for i, ring in enumerate(self._rings):
            if i < count:
                ring.setPos(float(petals[i, 0]), float(petals[i, 1]))
            ring.setVisible(i < count)
        self._neighbour_points = None if petals is None else np.asarray(petals)

    def neighbour_positions(self) -> list[tuple[float, float]]:
        return [(r.pos().x(), r.pos().y()) for r in self._rings if r.isVisible()]

    # ---- the regions: deferred and coalesced --------------------------------------------

    def schedule_regions(self, sepal_length: float, sepal_width: float) -> None:
        """Recompute the regions for these sepal values soon; repeated calls coalesce."""
        if self._pending is None:
            self._since.start()
        self._pending = (sepal_length, sepal_width)
        remaining = MAX_WAIT_MS - self._since.elapsed()
        self._timer.start(max(0, min(DEBOUNCE_MS, remaining)))

    @property
    def regions_pending(self) -> bool:
        return self._pending is not None

    def _compute_pending(self) -> None:
        if self._pending is not None:
            held, self._pending = self._pending, None
            self.compute_regions(*held)

    def compute_regions(self, sepal_length: float, sepal_width: float) -> None:
        """Predict the grid now and show it as one translucent RGBA image."""
        self._timer.stop()
        self._pending = None
        if self.model is None:
            return
        xs, ys = grid_axis(*self._xr), grid_axis(*self._yr)
        rows = np.empty((len(xs) * len(ys), 4))
        rows[:, 0], rows[:, 1] = sepal_length, sepal_width
        rows[:, 2] = np.repeat(xs, len(ys))  # x-major, matching the image's (x, y) axis order
        rows[:, 3] = np.tile(ys, len(xs))
        proba = self.model.predict_proba(rows)
        rgba = self._lut[proba.argmax(axis=1)]
        # Paler where the model hesitates: the boundaries show as soft bands, not steps.
        confidence = (proba.max(axis=1) - 1 / 3) * 1.5
        lo, hi = REGION_ALPHA
        rgba[:, 3] = np.clip(lo + (hi - lo) * confidence, 0, 255).astype(np.uint8)
        self.image_data = rgba.reshape(len(xs), len(ys), 4)
        self._axes = (xs, ys)
        self.image.setImage(self.image_data, autoLevels=False)
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, len(xs) * dx, len(ys) * dy))
        self.held = (sepal_length, sepal_width)
        self.recompute_count += 1
        self.regionsComputed.emit(sepal_length, sepal_width)

    def region_at(self, petal_length: float, petal_width: float) -> Variety | None:
        """The variety whose region covers this point, from the image shown (for tests)."""
        if self.image_data is None or self._axes is None:
            return None
        xs, ys = self._axes
        i = int(round((petal_length - xs[0]) / (xs[1] - xs[0])))
        j = int(round((petal_width - ys[0]) / (ys[1] - ys[0])))
        if not (0 <= i < len(xs) and 0 <= j < len(ys)):
            return None
        rgb = tuple(int(c) for c in self.image_data[i, j, :3])
        return next((v for v in VARIETIES if colors.rgb(v) == rgb), None)

    # ---- clicks --------------------------------------------------------------------------

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        p = view.mapSceneToView(event.scenePos())
        self.pointPicked.emit(float(p.x()), float(p.y()))
