"""Two features (petal length x petal width by default): flowers over a model's
decision regions.

The regions are the model's prediction over a grid of the two features (0.1 cm cells)
with the other two held at the current flower's values. Predicting a grid costs 0.1-100
ms depending on the algorithm, too much for a slider step, so it is deferred and runs in
a worker when a TaskRunner is given: a single-shot timer restarted by each change
(debounce) that still fires at least every MAX_WAIT_MS during a long drag; only the
newest grid waits to be computed. Per step, only the flower's marker and its neighbours'
rings move. With many training flowers, a fixed-size sample of them is drawn: the
regions, not 100,000 dots, are what the map is for.
"""

from __future__ import annotations

import math
from typing import cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from iris_desktop.domain import FEATURES, VARIETIES, Variety
from iris_desktop.ui.runtime.i18n import number, tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.column_table import Column
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable, counts_text

MAX_CELLS = 100  # per axis; the default ranges need 87 x 32 = 2,784 rows, ~3 ms for KNN
DEBOUNCE_MS = 90
MAX_WAIT_MS = 300
REGION_ALPHA = (35, 110)  # alpha of a cell at the least and the most confident prediction
MAX_DOTS = 2000  # above this many flowers, a fixed sample of them is drawn


def _region_lut() -> np.ndarray:
    return np.array([[*colors.rgb(v), 0] for v in VARIETIES], dtype=np.uint8)


def grid_axis(low: float, high: float) -> np.ndarray:
    """Cell centres from `low` to `high` on multiples of 0.1 cm (coarser only past
    MAX_CELLS), never below 0.1 cm. Slider values are multiples of 0.1 cm too, so the
    flower's marker sits on a cell centre and the region under it is exactly the
    model's prediction for it, even right at a boundary."""
    step = 0.1 * max(1, math.ceil((high - low) / (0.1 * (MAX_CELLS - 1))))
    start = max(0.1, math.ceil(round(low / step, 6)) * step)
    count = max(2, math.floor(round((high - start) / step, 6)) + 1)
    return np.round(start + step * np.arange(count), 6)


def region_image(model, xs: np.ndarray, ys: np.ndarray, axes: tuple[int, int], held: np.ndarray) -> np.ndarray:
    """(len(xs), len(ys), 4) RGBA: the predicted variety of every grid cell, paler where
    the model hesitates (the boundaries show as soft bands, not steps). Runs in a worker."""
    rows = np.repeat(np.asarray(held, dtype=float).reshape(1, 4), len(xs) * len(ys), axis=0)
    rows[:, axes[0]] = np.repeat(xs, len(ys))  # x-major, matching the image's (x, y) axis order
    rows[:, axes[1]] = np.tile(ys, len(xs))
    proba = model.predict_proba(rows)
    rgba = _region_lut()[proba.argmax(axis=1)]
    confidence = (proba.max(axis=1) - 1 / 3) * 1.5
    lo, hi = REGION_ALPHA
    rgba[:, 3] = np.clip(lo + (hi - lo) * confidence, 0, 255).astype(np.uint8)
    return rgba.reshape(len(xs), len(ys), 4)


def _cm(value: object) -> str:
    """A measurement in a table cell: "5.1" ("5,1" in Swedish)."""
    return number(cast(float, value), 1)


def sample_rows(n: int, size: int = MAX_DOTS) -> np.ndarray:
    """A fixed (seeded) sample of row indices, all of them when n <= size."""
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(0).choice(n, size, replace=False))


class DecisionMap(pg.PlotWidget):
    pointPicked = Signal(float, float)  # the two features' values (cm) clicked on the map
    regionsComputed = Signal(object)  # the four values the regions were computed for

    def __init__(self, parent=None, runner=None, axes: tuple[int, int] = (2, 3)):
        super().__init__(parent)
        self.axes = axes
        self.runner = runner  # a TaskRunner: grids in a worker; None: computed at once
        x_name, y_name = FEATURES[axes[0]], FEATURES[axes[1]]
        self.model = None
        self._dots: tuple[np.ndarray, np.ndarray] = (np.zeros((0, 4)), np.zeros(0, dtype=int))  # drawn (X, y)
        self.held: np.ndarray | None = None  # the four values of the regions shown
        self.image_data: np.ndarray | None = None  # (nx, ny, 4) RGBA, x first
        self.dots_shown = 0  # training flowers drawn (a sample when there are many)
        self._axes: tuple[np.ndarray, np.ndarray] | None = None  # the grid's cell centres
        self.recompute_count = 0
        self._pending: np.ndarray | None = None
        self._computing = 0  # grids asked of the worker and not back yet
        self._since = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._compute_pending)
        self._point_variety: object = ()
        self._xr, self._yr = (0.5, 7.5), (0.1, 3.0)

        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.setLabel("bottom", strings.feature_label(x_name))
        plot.setLabel("left", strings.feature_label(y_name))
        # Bilinear scaling of the coarse grid: soft boundaries instead of 8-pixel stairs.
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # No legend inside the plot (it would hide regions and the flower): see legend_html().
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        plot.addItem(self.image)
        self.training = []
        for v in VARIETIES:
            item = pg.ScatterPlotItem(size=7, pen=pg.mkPen(255, 255, 255, 180, width=0.8), name=v.label)
            plot.addItem(item)
            self.training.append(item)
        self._rings: list[QGraphicsEllipseItem] = []
        # One spot at the origin, moved with setPos: a transform change, far cheaper per
        # slider step than setData (which rebuilds the spots and the view's bounds).
        self.point = pg.ScatterPlotItem(
            x=[0.0],
            y=[0.0],
            size=22,
            symbol="star",
            name=tr("This flower"),
        )
        self.point.setZValue(10)
        plot.addItem(self.point)
        self.scene().sigMouseClicked.connect(self._clicked)
        name = tr("Decision regions over {x} and {y}").format(
            x=strings.feature_display(x_name).lower(), y=strings.feature_display(y_name).lower()
        )
        self.access = PlotAccess(self, name, self.describe, self.data_table)
        colors.follow(self.restyle)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.setBackground(scheme.background)
        colors.style_plot(self.getPlotItem(), scheme)
        for v, item in zip(VARIETIES, self.training):
            item.setBrush(pg.mkBrush(colors.color(v, 210)))
        self.point.setPen(pg.mkPen(scheme.ink, width=1.4 * scheme.pen_scale))
        self.point.setBrush(
            pg.mkBrush(colors.color(self._point_variety if isinstance(self._point_variety, Variety) else None))
        )
        for ring in self._rings:
            ring.setPen(pg.mkPen(scheme.ink, width=2 * scheme.pen_scale))
        if self.model is not None and self.held is not None:
            self.compute_regions(self.held)  # the regions in the new colours

    def describe(self) -> str:
        if self.model is None:
            return strings.REGIONS_NO_MODEL
        x, y = self.axes
        held = self.held if self.held is not None else np.full(len(FEATURES), np.nan)
        others = strings.LIST_SEPARATOR.join(
            strings.REGIONS_HELD.format(feature=strings.feature_display(FEATURES[k]).lower(), value=held[k])
            for k in range(len(FEATURES))
            if k not in self.axes
        )
        point = ""
        if self.point.isVisible():
            px, py = self.point_position()
            region = self.region_at(px, py)
            if region is not None:
                point = strings.REGIONS_POINT.format(x=px, y=py, variety=region.label)
        return strings.REGIONS_DESCRIPTION.format(
            version=self.model.version,
            x=strings.feature_display(FEATURES[x]).lower(),
            y=strings.feature_display(FEATURES[y]).lower(),
            others=others,
            count=self.dots_shown,
            varieties=counts_text(np.bincount(self._dots[1], minlength=len(VARIETIES)), [v.label for v in VARIETIES]),
            point=point,
        )

    def data_table(self) -> PlotTable:
        """The flowers drawn over the regions: their two measurements and variety."""
        X, y = self._dots
        x_feature, y_feature = self.axes
        return PlotTable(
            strings.REGIONS_TITLE,
            [
                Column(strings.feature_label(FEATURES[x_feature]), X[:, x_feature], _cm),
                Column(strings.feature_label(FEATURES[y_feature]), X[:, y_feature], _cm),
                Column(
                    strings.COLUMN_VARIETY,
                    np.asarray(y, dtype=int),
                    lambda k: VARIETIES[cast(int, k)].label,
                    align_right=False,
                ),
            ],
        )

    @staticmethod
    def legend_html() -> str:
        """The map's key, for a label beside the plot."""
        dots = " ".join(f'<span style="color:{colors.hex_of(v)}">●</span>&nbsp;{v.label}&nbsp;' for v in VARIETIES)
        return tr(
            "{dots} &nbsp;○&nbsp;nearest neighbours &nbsp;★&nbsp;this flower (coloured by its prediction)"
        ).format(dots=dots)

    def sizeHint(self) -> QSize:
        return QSize(420, 360)

    # ---- what is shown ---------------------------------------------------------------

    def set_ranges(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        """The ranges to cover (the sliders' ranges), fixed so the view never jumps.
        A 3 % margin keeps flowers at the ends (0.1 cm petals) off the axes."""
        (x0, x1), (y0, y1) = x_range, y_range
        dx, dy = 0.03 * (x1 - x0), 0.03 * (y1 - y0)
        self._xr, self._yr = (x0 - dx, x1 + dx), (y0 - dy, y1 + dy)
        self.getPlotItem().setRange(xRange=self._xr, yRange=self._yr, padding=0)

    def set_model(self, model, X: np.ndarray | None = None, y: np.ndarray | None = None) -> None:
        """Regions of `model` (they follow at the next schedule/compute) over the flowers
        X, y (default: the model's training flowers)."""
        self.model = model
        if model is not None and X is None:
            X, y = model.X_train, model.y_train
        self.set_flowers(X, y)
        self.set_neighbours(None)
        if model is None:
            self.image.clear()
            self.image_data, self.held = None, None
        self.access.refresh()

    def set_flowers(self, X: np.ndarray | None, y: np.ndarray | None) -> None:
        """Dots for the flowers X coloured by their varieties y (given together; None: none)."""
        rows = sample_rows(0 if X is None else len(X))
        self.dots_shown = len(rows)
        if X is not None and y is not None:
            self._dots = (X[rows], np.asarray(y)[rows].astype(int))
        else:
            self._dots = (np.zeros((0, 4)), np.zeros(0, dtype=int))
        for i, item in enumerate(self.training):
            if X is None or y is None:
                item.clear()
                continue
            picked = rows[y[rows] == i]
            item.setData(x=X[picked, self.axes[0]], y=X[picked, self.axes[1]])

    def set_point(self, x: float, y: float, variety: Variety | None) -> None:
        if variety is not self._point_variety:  # a new brush only when the prediction flips
            self._point_variety = variety
            self.point.setBrush(pg.mkBrush(colors.color(variety)))
        self.point.setPos(x, y)
        self.access.refresh()

    def point_position(self) -> tuple[float, float]:
        return self.point.pos().x(), self.point.pos().y()

    def set_neighbours(self, points: np.ndarray | None) -> None:
        """Ring these (k, 2) points; None removes the rings.

        Each ring is an ellipse item drawn in pixels (ignores the view's scaling) and only
        moved with setPos: far cheaper per step than a ScatterPlotItem.setData."""
        count = 0 if points is None else len(points)
        while len(self._rings) < count:
            ring = QGraphicsEllipseItem(-7.5, -7.5, 15, 15)
            ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            ring.setPen(pg.mkPen(colors.scheme().ink, width=2 * colors.scheme().pen_scale))
            ring.setZValue(5)
            self.getPlotItem().vb.addItem(ring, ignoreBounds=True)
            self._rings.append(ring)
        for i, ring in enumerate(self._rings):
            if points is not None and i < count:
                ring.setPos(float(points[i, 0]), float(points[i, 1]))
            ring.setVisible(i < count)

    def neighbour_positions(self) -> list[tuple[float, float]]:
        return [(r.pos().x(), r.pos().y()) for r in self._rings if r.isVisible()]

    # ---- the regions: deferred, coalesced, in a worker -----------------------------------

    def schedule_regions(self, values) -> None:
        """Recompute the regions for these four values soon; repeated calls coalesce."""
        if self._pending is None:
            self._since.start()
        self._pending = np.array(values, dtype=float)
        remaining = MAX_WAIT_MS - self._since.elapsed()
        self._timer.start(max(0, min(DEBOUNCE_MS, remaining)))

    @property
    def regions_pending(self) -> bool:
        """A grid is scheduled or being computed."""
        return self._pending is not None or self._computing > 0

    def _compute_pending(self) -> None:
        if self._pending is not None:
            self.compute_regions(self._pending)

    def compute_regions(self, values) -> None:
        """Predict the grid for these four values now (in the worker when there is one)
        and show it as one translucent RGBA image."""
        self._timer.stop()
        self._pending = None
        if self.model is None:
            return
        held = np.array(values, dtype=float)
        xs, ys = grid_axis(*self._xr), grid_axis(*self._yr)
        if self.runner is None:
            self._show(self.model, xs, ys, held, region_image(self.model, xs, ys, self.axes, held))
            return
        model = self.model
        self._computing += 1
        # A lane of its own per map: the newest grid replaces this map's waiting one only.
        task = self.runner.run(
            f"regions-{id(self)}",
            region_image,
            model,
            xs,
            ys,
            self.axes,
            held,
            key=(model.version, held.tobytes(), xs.tobytes(), ys.tobytes()),
            writes=False,
            repeat="latest",
            interactive=True,
            context=self,
            on_finished=lambda rgba: self._show(model, xs, ys, held, rgba),
        )
        task.done.connect(self._grid_done)

    def _grid_done(self) -> None:
        self._computing = max(0, self._computing - 1)

    def _show(self, model, xs, ys, held, rgba) -> None:
        if model is not self.model:  # the model changed while the grid was computed
            return
        self.image_data = rgba
        self._axes = (xs, ys)
        self.image.setImage(rgba, autoLevels=False)
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, len(xs) * dx, len(ys) * dy))
        self.held = held
        self.recompute_count += 1
        self.access.refresh()
        self.regionsComputed.emit(held)

    def region_at(self, x: float, y: float) -> Variety | None:
        """The variety whose region covers this point, from the image shown (for tests)."""
        if self.image_data is None or self._axes is None:
            return None
        xs, ys = self._axes
        i = round((x - xs[0]) / (xs[1] - xs[0]))
        j = round((y - ys[0]) / (ys[1] - ys[0]))
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
