"""The generator made visible on two features: the stored flowers (small dots), the
generator's shape per variety (a box for uniform bounds, the 95 % ellipse of a normal),
the daily flowers (diamonds), the wrongly predicted ones (a red ring) and the day shown.

One item per variety and layer, one brush each (never a brush per point); the day
shown is one spot moved with setPos, so stepping through days repaints, nothing more.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QGraphicsItem

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.daily.words import generator_label
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.column_table import Column
from iris_desktop.ui.widgets.core_words import feature_display as feature_name
from iris_desktop.ui.widgets.core_words import feature_label
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable

ELLIPSE_RADIUS = float(np.sqrt(-2 * np.log(0.05)))  # chi-square(2) 95 %: the ellipse holding 95 %


def shape_outline(settings, variety: int, x: int, y: int, points: int = 96) -> tuple[np.ndarray, np.ndarray]:
    """The closed outline of `variety`'s generator on features (x, y): its box for
    uniform bounds, else the ellipse holding 95 % of its (x, y) draws."""
    if not settings.is_normal:
        low, high = settings.bounds()
        x0, x1, y0, y1 = low[variety, x], high[variety, x], low[variety, y], high[variety, y]
        return np.array([x0, x1, x1, x0, x0]), np.array([y0, y0, y1, y1, y0])
    mean = settings.means()[variety, [x, y]]
    cov = settings.covariances()[variety][np.ix_([x, y], [x, y])]
    factor = np.linalg.cholesky(cov + np.eye(2) * 1e-9)
    t = np.linspace(0, 2 * np.pi, points)
    circle = np.vstack([np.cos(t), np.sin(t)]) * ELLIPSE_RADIUS
    outline = mean[:, None] + factor @ circle
    return outline[0], outline[1]


def legend_html(settings) -> str:
    """The plots' key, for a label beside them."""
    box = settings is not None and not settings.is_normal
    shape = tr("▭ box: its bounds") if box else tr("◯ ellipse: 95 % of its flowers")
    dots = " ".join(f'<span style="color:{colors.hex_of(v)}">■</span>&nbsp;{v.label}' for v in VARIETIES)
    stored, days, wrong = tr("stored flowers"), tr("daily flowers"), tr("wrongly predicted")
    shown, generator = tr("the day shown"), tr("generator {shape}").format(shape=shape)
    return (
        f"{dots} &nbsp;·&nbsp; ● {stored} &nbsp;◆&nbsp;{days} &nbsp;"
        f'<span style="color:{colors.scheme().wrong}">◯</span>&nbsp;{wrong} '
        f"&nbsp;⊙&nbsp;{shown} &nbsp;·&nbsp; {generator}"
    )


class _Marks(pg.ScatterPlotItem):
    """Rings drawn over the diamonds (wrong predictions, the day shown): a click goes
    through them to the diamond of its day. (pyqtgraph hands a click to the topmost
    item with points there; acceptedMouseButtons is not consulted.)"""

    def mouseClickEvent(self, ev) -> None:
        ev.ignore()


class GeneratorPlot(pg.PlotWidget):
    dayClicked = Signal(int)  # the row (in the tab's DailyData) of a daily flower clicked

    def __init__(self, axes: tuple[int, int] = (2, 3), parent=None):
        super().__init__(parent)
        self.axes = axes
        self._stored: tuple[np.ndarray, np.ndarray] = (np.zeros((0, 4)), np.zeros(0, np.int8))
        self._days: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] = (
            np.zeros((0, 4)),
            np.zeros(0, np.int8),
            np.zeros(0, bool),
            np.zeros(0, np.intp),
        )
        self.settings = None
        self._current: np.ndarray | None = None
        self._day_rows: list[np.ndarray] = []
        self._day_dates: np.ndarray | None = None  # the date of each daily flower drawn, when given
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)  # (no grid: axis items draw it, and repaint it for any marker move)
        self.background_items = [self._scatter(5, None, None, -20) for _v in VARIETIES]
        self.shape_items = []
        for _v in VARIETIES:
            curve = pg.PlotCurveItem(fillLevel="enclosed")
            curve.setZValue(-10)
            curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # see _scatter
            plot.addItem(curve)
            self.shape_items.append(curve)
        self.day_items = [self._scatter(8, None, None, 0, symbol="d") for _v in VARIETIES]
        for item in self.day_items:
            item.sigClicked.connect(self._clicked)
        self.wrong_item = self._scatter(15, None, None, 5, kind=_Marks)
        # The day shown: one spot at the origin, moved with setPos (a transform, no setData).
        self.current_item = _Marks(x=[0.0], y=[0.0], size=24, symbol="o", brush=None)
        self.current_item.setZValue(10)
        self.current_item.hide()
        plot.addItem(self.current_item, ignoreBounds=True)  # moving it never rescales the view
        self.access = PlotAccess(self, "", self.describe, self.data_table)
        self._label_axes()
        colors.follow(self.restyle)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.setBackground(scheme.background)
        colors.style_plot(self.getPlotItem(), scheme)
        wide = scheme.pen_scale
        for v, background, shape, day in zip(VARIETIES, self.background_items, self.shape_items, self.day_items):
            faded = colors.darker(v, 0.3, alpha=120) if scheme.dark else colors.lighter(v, 0.35, alpha=120)
            background.setBrush(pg.mkBrush(faded))
            shape.setPen(pg.mkPen(colors.outline(v, 0.15), width=2 * wide))
            shape.setBrush(pg.mkBrush(colors.color(v, 34)))
            day.setPen(pg.mkPen(colors.outline(v, 0.5), width=0.8 * wide))
            day.setBrush(pg.mkBrush(colors.color(v, 230)))
        self.wrong_item.setPen(pg.mkPen(scheme.wrong, width=1.6 * wide))
        self.current_item.setPen(pg.mkPen(scheme.ink, width=2.6 * wide))

    def describe(self) -> str:
        x, y = self.axes
        settings = self.settings
        if settings is None:
            generator = strings.GENERATOR_NONE
        else:
            shapes = strings.GENERATOR_SHAPES_NORMAL if settings.is_normal else strings.GENERATOR_SHAPES_BOX
            generator = shapes.format(name=generator_label(settings))
        current = ""
        if self._current is not None:
            current = strings.GENERATOR_CURRENT.format(
                x=feature_name(FEATURES[x]).lower(),
                x_value=float(self._current[x]),
                y=feature_name(FEATURES[y]).lower(),
                y_value=float(self._current[y]),
            )
        return strings.GENERATOR_DESCRIPTION.format(
            generator=generator,
            stored=len(self._stored[0]),
            days=len(self._days[0]),
            wrong=int(np.count_nonzero(self._days[2])),
            current=current,
        )

    def data_table(self) -> PlotTable:
        """The daily flowers drawn: day, the two measurements, variety, wrongly predicted."""
        X, variety, wrong, _rows = self._days
        x, y = self.axes
        columns = []
        if self._day_dates is not None and len(self._day_dates) == len(X):
            columns.append(Column(strings.COLUMN_DAY, self._day_dates, str, align_right=False))
        columns += [
            Column(feature_label(FEATURES[x]), X[:, x], "{:.1f}"),
            Column(feature_label(FEATURES[y]), X[:, y], "{:.1f}"),
            Column(
                strings.COLUMN_VARIETY, np.asarray(variety), lambda k: VARIETIES[cast(int, k)].label, align_right=False
            ),
            Column(
                strings.COLUMN_WRONG,
                np.asarray(wrong, dtype=bool),
                lambda on: strings.COLUMN_YES if on else strings.COLUMN_NO,
                align_right=False,
            ),
        ]
        return PlotTable(self.accessibleName(), columns)

    def _scatter(
        self, size: int, pen, brush, z: int, symbol: str = "o", kind: type = pg.ScatterPlotItem
    ) -> pg.ScatterPlotItem:
        item = kind(
            size=size,
            pen=pen if pen is not None else pg.mkPen(None),
            brush=pg.mkBrush(brush) if brush is not None else pg.mkBrush(None),
            symbol=symbol,
        )
        item.setZValue(z)
        # The layers that change only with the data are cached as pixmaps: a step to
        # another day moves one marker, and repainting around it is then a blit.
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.getPlotItem().addItem(item)
        return item

    def sizeHint(self) -> QSize:
        return QSize(380, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 180)

    # ---- content ---------------------------------------------------------------------

    def set_axes(self, x: int, y: int) -> None:
        """Show features x and y (indices into FEATURES)."""
        if (x, y) == self.axes:
            return
        self.axes = (x, y)
        self._label_axes()
        self._draw_background()
        self._draw_days()
        self._draw_generator()
        self._draw_current()

    def _label_axes(self) -> None:
        x, y = self.axes
        plot = self.getPlotItem()
        plot.setLabel("bottom", feature_label(FEATURES[x]))
        plot.setLabel("left", feature_label(FEATURES[y]))
        self.access.set_name(
            tr("Generator and daily flowers over {x} and {y}").format(
                x=feature_name(FEATURES[x]).lower(), y=feature_name(FEATURES[y]).lower()
            )
        )
        self.access.refresh()

    def set_background(self, X: np.ndarray, variety: np.ndarray) -> None:
        """The stored (labelled) flowers drawn behind everything."""
        self._stored = (X, variety)
        self._draw_background()
        self.access.refresh()

    def set_days(
        self, X: np.ndarray, variety: np.ndarray, wrong: np.ndarray, rows: np.ndarray, dates: np.ndarray | None = None
    ) -> None:
        """Daily flowers as diamonds, the wrongly predicted ones ringed; `rows` says which
        day each one is, for clicks (`dates`, when given, names the days in the data table)."""
        self._days = (X, variety, wrong, rows)
        self._day_dates = dates
        self._draw_days()
        self.access.refresh()

    def set_generator(self, settings) -> None:
        """The generator whose shapes are drawn (None: none)."""
        self.settings = settings
        self._draw_generator()
        self.access.refresh()

    def set_current(self, values: np.ndarray | None) -> None:
        """Mark the day shown (its four values), or nothing."""
        self._current = values
        self._draw_current()
        self.access.refresh()

    # ---- drawing ---------------------------------------------------------------------

    def _draw_background(self) -> None:
        X, variety = self._stored
        x, y = self.axes
        for v, item in enumerate(self.background_items):
            rows = variety == v
            item.setData(X[rows, x], X[rows, y])
        self._fit_view()

    def _draw_days(self) -> None:
        X, variety, wrong, rows = self._days
        x, y = self.axes
        self._day_rows = []  # per variety item: the day of each of its spots (no per-spot data objects)
        for v, item in enumerate(self.day_items):
            mine = variety == v
            item.setData(X[mine, x], X[mine, y])
            self._day_rows.append(rows[mine])
        self.wrong_item.setData(X[wrong, x], X[wrong, y])
        self._fit_view()

    def _draw_generator(self) -> None:
        for v, item in enumerate(self.shape_items):
            if self.settings is None:
                item.setData([], [])
                continue
            item.setData(*shape_outline(self.settings, v, *self.axes))
        self._fit_view()

    def _draw_current(self) -> None:
        if self._current is None:
            self.current_item.hide()
            return
        self.current_item.setPos(float(self._current[self.axes[0]]), float(self._current[self.axes[1]]))
        self.current_item.show()

    def _clicked(self, item, points, _event=None) -> None:
        if len(points):
            rows = self._day_rows[self.day_items.index(item)]
            self.dayClicked.emit(int(rows[points[0].index()]))

    def _fit_view(self) -> None:
        """Fit the view to what is drawn, then hold it: with auto-range on, moving the
        day's marker would make pyqtgraph repaint the whole view at every step."""
        x, y = self.axes
        xs = [self._stored[0][:, x], self._days[0][:, x]]
        ys = [self._stored[0][:, y], self._days[0][:, y]]
        for item in self.shape_items:
            sx, sy = item.getData()
            if sx is not None and len(sx):
                xs.append(sx)
                ys.append(sy)
        all_x, all_y = np.concatenate(xs), np.concatenate(ys)
        if not len(all_x):
            return
        self.getPlotItem().setRange(xRange=(all_x.min(), all_x.max()), yRange=(all_y.min(), all_y.max()), padding=0.05)
