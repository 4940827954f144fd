"""Accuracy over time: the monitor's central figure.

Each day is a marker (correct along the top, wrong along the bottom); the rolling 7-day
accuracy is a line inside its Wilson 95% band, so a drop from 7 of 7 to 5 of 7 reads as
what it is (intervals that still overlap), not as a collapse; the cumulative accuracy
is a dashed line; a labelled vertical line marks each change of the model in charge,
and a dotted one each change of the generator that made the days (a drop after it may
be the days' fault, not the model's).
The x axis is dates: drag to pan, wheel to zoom (y stays 0-100%); `show_last` brings
back the last days and follows new ones. Hover a day for its details; click selects
it, double-click asks for it in the Daily tab; right-click selects it and offers to
explain it in Predict (first in its menu, above Show as table).

Two scatters (markers.py), two curves and one path, whatever the number of days: no
per-point brushes (shared/notes/fast-plots.md). `set_history` sets data on the existing
items; after a catch-up only the new days' markers are added.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QCursor, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QMenu, QToolTip

from iris_desktop.domain import VARIETIES
from iris_desktop.ui.runtime.i18n import percent, tr
from iris_desktop.ui.tabs.history import plot_texts
from iris_desktop.ui.tabs.history.day_axis import DAY, DayAxis, day_x, x_day
from iris_desktop.ui.tabs.history.markers import UniformScatter
from iris_desktop.ui.tabs.history.words import generator_text
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.local_dates import day_month_year, short_date
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable

if TYPE_CHECKING:
    from iris_desktop.pipelines.monitoring import AccuracyColumns, HistoryColumns

CORRECT_Y, WRONG_Y = 1.07, -0.07


class AccuracyPlot(pg.GraphicsLayoutWidget):
    dayClicked = Signal(object)  # a datetime.date
    dayActivated = Signal(object)  # double-clicked on a day's marker
    dayExplained = Signal(object)  # the menu's "Explain in Predict" on the day selected

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(360, 220)
        self.plot = self.addPlot(row=0, col=0, axisItems={"bottom": DayAxis()})
        # x follows the newest day, showing the last `_span` days (None: all), until the
        # user pans or zooms; `show_last` starts following again.
        self._follow, self._span = True, None
        self._x = np.zeros(0)
        self._history: HistoryColumns | None = None
        self._accuracy: AccuracyColumns | None = None
        self._switches: list[tuple[dt.date, int]] = []
        self._names: dict[int, str] = {}
        self._version_lines: list[pg.InfiniteLine] = []
        self._generator_changes: list[tuple[dt.date, str]] = []
        self._generator_lines: list[pg.InfiniteLine] = []
        self._build_plot()
        self._build_legend()
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.access = PlotAccess(self, tr("Accuracy over time"), self.description, self.data_table)
        self._selected_day: dt.date | None = None
        self.explain_action = QAction(tr("&Explain the selected day in Predict"), self)
        self.explain_action.setEnabled(False)
        self.explain_action.triggered.connect(lambda _checked=False: self.dayExplained.emit(self._selected_day))
        self.menu: QMenu | None = None  # the menu a right-click opened
        self.viewport().installEventFilter(self)
        colors.follow(self.restyle)

    def restyle(self, scheme: colors.Scheme) -> None:
        self.setBackground(scheme.background)
        colors.style_plot(self.plot, scheme)
        wide = scheme.pen_scale
        self.band.setBrush(colors.qcolor(scheme.accent, 55))
        self._band_sample.setFillBrush(colors.qcolor(scheme.accent, 55))
        self.rolling.setPen(pg.mkPen(scheme.accent, width=2.2 * wide))
        self.cumulative.setPen(pg.mkPen(scheme.muted, width=1.5 * wide, style=Qt.PenStyle.DashLine))
        self.correct.setBrush(pg.mkBrush(scheme.correct))
        self.wrong.setBrush(pg.mkBrush(scheme.wrong))
        self.selected.setPen(pg.mkPen(scheme.ink, width=2 * wide))
        self.selected_line.setPen(pg.mkPen(scheme.ink, width=1, style=Qt.PenStyle.DotLine))
        self._switch_sample.setPen(self._pen(scheme, self._SWITCH))
        self._generator_sample.setPen(self._pen(scheme, self._GENERATOR))
        for line in self._version_lines:
            self._style_mark(line, scheme, self._SWITCH)
        for line in self._generator_lines:
            self._style_mark(line, scheme, self._GENERATOR)
        colors.style_legend(self.legend, scheme)

    # A model change: dashed, the scheme's change colour; a generator change: dotted, its warning colour.
    _SWITCH = ("change", Qt.PenStyle.DashLine)
    _GENERATOR = ("warning", Qt.PenStyle.DotLine)

    @staticmethod
    def _pen(scheme: colors.Scheme, mark: tuple[str, Qt.PenStyle]):
        return pg.mkPen(getattr(scheme, mark[0]), width=1.5 * scheme.pen_scale, style=mark[1])

    def _style_mark(self, line: pg.InfiniteLine, scheme: colors.Scheme, mark: tuple[str, Qt.PenStyle]) -> None:
        line.setPen(self._pen(scheme, mark))
        line.label.setColor(getattr(scheme, mark[0]))
        line.label.fill = pg.mkBrush(colors.qcolor(scheme.background, 210))
        line.label.update()

    def description(self) -> str:
        """What the plot shows now, in words (its accessible description)."""
        return plot_texts.accuracy_description(self._history, self._accuracy, self._switches, self._generator_changes)

    def data_table(self) -> PlotTable:
        return plot_texts.accuracy_table(self._history, self._accuracy)

    def _build_plot(self) -> None:
        plot = self.plot
        plot.setMenuEnabled(False)
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.hideButtons()  # the tab's Span box does what "A" would, for x only
        plot.setMouseEnabled(x=True, y=False)
        plot.setYRange(WRONG_Y - 0.05, CORRECT_Y + 0.05, padding=0)
        plot.getViewBox().setLimits(yMin=WRONG_Y - 0.05, yMax=CORRECT_Y + 0.05, minXRange=5 * DAY)
        # The range is set here, not by pyqtgraph's auto-range: that one runs during the
        # paint and asks for a second paint at every new day.
        plot.disableAutoRange()
        plot.getViewBox().sigRangeChangedManually.connect(self._user_moved)
        left = plot.getAxis("left")
        left.setTicks([[(v / 100, percent(v / 100, 0)) for v in range(0, 101, 25)]])
        plot.setLabel("left", tr("Accuracy"))
        # One closed path (low edge out, high edge back): FillBetweenItem rebuilds its
        # path once per edge and costs four times as much at 3,650 days.
        self.band = QGraphicsPathItem()
        self.band.setPen(pg.mkPen(None))
        self.band.setZValue(-10)
        self.rolling = pg.PlotCurveItem(name=tr("7-day accuracy"))
        self.cumulative = pg.PlotCurveItem(name=tr("Cumulative"))
        self.correct = UniformScatter(symbol="o", size=6, pen=None, name=tr("Correct"))
        self.wrong = UniformScatter(symbol="x", size=9, pen=None, name=tr("Wrong"))
        self.selected = UniformScatter(symbol="o", size=15, brush=None)
        self.selected_line = pg.InfiniteLine(angle=90)
        self.selected_line.hide()
        for item in (
            self.band,
            self.cumulative,
            self.rolling,
            self.correct,
            self.wrong,
            self.selected,
            self.selected_line,
        ):
            plot.addItem(item)

    def _build_legend(self) -> None:
        # Below the plot, not over it: a legend inside would hide the markers.
        self.legend = pg.LegendItem(colCount=6)
        self.addItem(self.legend, row=1, col=0)
        band_sample = self._band_sample = pg.PlotDataItem(pen=None, fillLevel=0)
        band_sample.visibleChanged.connect(lambda: self.band.setVisible(band_sample.isVisible()))
        switch_sample = pg.PlotDataItem()
        switch_sample.visibleChanged.connect(self._show_version_lines)
        self._switch_sample = switch_sample
        generator_sample = self._generator_sample = pg.PlotDataItem()
        generator_sample.visibleChanged.connect(self._show_generator_lines)
        for item, name in (
            (self.correct, tr("Correct")),
            (self.wrong, tr("Wrong")),
            (self.rolling, tr("7-day accuracy")),
            (band_sample, tr("95% interval")),
            (self.cumulative, tr("Cumulative")),
            (switch_sample, tr("Model change")),
            (generator_sample, tr("Generator change")),
        ):
            self.legend.addItem(item, name)
        self.ci.layout.setRowStretchFactor(0, 1)

    def resizeEvent(self, event) -> None:
        # The legend wraps rather than widening the plot past the widget: fewer columns
        # first, then the layout takes the new size.
        width = event.size().width() if event is not None else self.width()
        columns = 7 if width >= 980 else 4 if width >= 480 else 2
        if hasattr(self, "legend") and self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)
        super().resizeEvent(event)

    # ---- data -----------------------------------------------------------------------

    def set_history(
        self,
        history: HistoryColumns,
        accuracy: AccuracyColumns,
        switches: list[tuple[dt.date, int]],
        names: dict[int, str] | None = None,
        appended: int | None = None,
    ) -> None:
        """Show `history` (HistoryColumns), its `accuracy` (AccuracyColumns) and the
        model `switches` ((first day, version) each). `appended`: only that many rows
        are new, at the end (the markers before them are kept, not set again)."""
        previous = len(self._x)
        self._history, self._names, self._accuracy = history, names or {}, accuracy
        self._x = x = day_x(history.day)
        ok = history.correct
        if appended is not None and previous + appended == len(x):
            for markers, new, y in ((self.correct, ok[previous:], CORRECT_Y), (self.wrong, ~ok[previous:], WRONG_Y)):
                if new.any():  # (adding none would still copy every marker)
                    markers.addPoints(x[previous:][new], np.full(int(new.sum()), y))
        else:
            self.correct.setData(x[ok], np.full(int(ok.sum()), CORRECT_Y))
            self.wrong.setData(x[~ok], np.full(int((~ok).sum()), WRONG_Y))
        self.rolling.setData(x, accuracy.rolling)
        self.cumulative.setData(x, accuracy.cumulative)
        self.band.setPath(
            pg.arrayToQPath(
                np.concatenate([x, x[::-1]]), np.concatenate([accuracy.low, accuracy.high[::-1]]), connect="all"
            )
            if len(x)
            else QPainterPath()
        )
        self._set_switches(switches)
        axis = self.plot.getAxis("bottom")
        if axis.style["showValues"] != bool(len(x)):  # no 1970 dates on an empty plot
            axis.setStyle(showValues=bool(len(x)))
        if len(x):
            self.plot.getViewBox().setLimits(xMin=x[0] - 3 * DAY, xMax=x[-1] + 3 * DAY)
        if self._follow:
            self.show_last(self._span)
        # Apply the new range now: pyqtgraph would do it while painting, which makes its
        # items ask for a second paint.
        self.plot.getViewBox().updateMatrix()
        self.access.refresh()

    def _set_switches(self, switches) -> None:
        while len(self._version_lines) < len(switches):
            line = pg.InfiniteLine(angle=90, label="", labelOpts={"position": 0.5, "movable": False})
            self._style_mark(line, colors.scheme(), self._SWITCH)
            line.setZValue(-5)
            self.plot.addItem(line)
            self._version_lines.append(line)
        for line, (day, version) in zip(self._version_lines, switches):
            line.setValue(day_x(np.array([day]))[0])
            line.label.setFormat(f"v{version}")
            model = self._names.get(version) or tr("model v{version}").format(version=version)
            line.setToolTip(tr("From {day}: {model}").format(day=day_month_year(day), model=model))
            line.setVisible(self._switch_sample.isVisible())
        for line in self._version_lines[len(switches) :]:
            line.hide()
        self._switches = list(switches)

    def _show_version_lines(self) -> None:
        for line in self._version_lines[: len(getattr(self, "_switches", []))]:
            line.setVisible(self._switch_sample.isVisible())

    def set_generator_changes(self, changes: list[tuple[dt.date, str]]) -> None:
        """Mark each day the generator of the daily flowers changed: (first day, the
        generator that made it, in words) each, as pipelines/generator_changes.py gives
        them. The first day of the history is where it starts, not a change."""
        history = self._history
        first = history.day[0].item() if history is not None and len(history) else None
        shown = [(day, what) for day, what in changes if first is None or day > first]
        while len(self._generator_lines) < len(shown):
            label = tr("generator", "the label of a line on the accuracy plot")
            line = pg.InfiniteLine(angle=90, label=label, labelOpts={"position": 0.22, "movable": False})
            self._style_mark(line, colors.scheme(), self._GENERATOR)
            line.setZValue(-5)
            self.plot.addItem(line)
            self._generator_lines.append(line)
        for line, (day, what) in zip(self._generator_lines, shown):
            line.setValue(day_x(np.array([day]))[0])
            line.setToolTip(
                tr("From {day} the days are made by {generator}").format(
                    day=day_month_year(day), generator=generator_text(what)
                )
            )
            line.setVisible(self._generator_sample.isVisible())
        for line in self._generator_lines[len(shown) :]:
            line.hide()
        self._generator_changes = shown
        self.access.refresh()

    def _show_generator_lines(self) -> None:
        for line in self._generator_lines[: len(self._generator_changes)]:
            line.setVisible(self._generator_sample.isVisible())

    def select_day(self, day: dt.date | None) -> None:
        """Ring the marker of `day` (None: no day); pan so that it is in view."""
        history = self._history
        index = history.index_of(day) if (history is not None and day is not None) else None
        self._selected_day = day if history is not None and index is not None else None
        self.explain_action.setEnabled(self._selected_day is not None)
        if history is None or index is None:
            self.selected.setData([], [])
            self.selected_line.hide()
            return
        x = self._x[index]
        self.selected.setData([x], [CORRECT_Y if history.correct[index] else WRONG_Y])
        self.selected_line.setValue(x)
        self.selected_line.show()
        (left, right), _ = self.plot.getViewBox().viewRange()
        if not left <= x <= right:  # bring it into view; new days no longer move the view
            half = (right - left) / 2
            self._follow = False
            self.plot.setXRange(x - half, x + half, padding=0)

    # ---- what tests and the tab read ----------------------------------------------------

    def marker_count(self) -> int:
        return len(self.correct.data) + len(self.wrong.data)

    def version_lines(self) -> list[tuple[dt.date, str]]:
        """(date, label) of each model-change line shown."""
        return [(x_day(line.value()), line.label.format) for line in self._version_lines if line.isVisible()]

    def generator_lines(self) -> list[tuple[dt.date, str]]:
        """(date, tooltip) of each generator-change line shown."""
        return [(x_day(line.value()), line.toolTip()) for line in self._generator_lines if line.isVisible()]

    def show_last(self, days: int | None) -> None:
        """The last `days` days in view (None: every day), following new ones."""
        self._follow, self._span = True, days
        if len(self._x):
            first = self._x[0] if days is None else max(self._x[0], self._x[-1] - (days - 1) * DAY)
            margin = max(DAY, (self._x[-1] - first) * 0.01)
            self.plot.setXRange(first - margin, self._x[-1] + margin, padding=0)

    def _user_moved(self, *_args) -> None:
        self._follow = False

    # ---- mouse ----------------------------------------------------------------------------

    def _nearest(self, scene_pos) -> int | None:
        """The day under the mouse, if a marker is within 8 pixels of it along x."""
        vb = self.plot.getViewBox()
        if not len(self._x) or not vb.sceneBoundingRect().contains(scene_pos):
            return None
        x = vb.mapSceneToView(scene_pos).x()
        i = int(np.clip(np.searchsorted(self._x, x), 1, len(self._x) - 1)) if len(self._x) > 1 else 0
        if i > 0 and abs(self._x[i - 1] - x) < abs(self._x[i] - x):
            i -= 1
        pixel = vb.viewPixelSize()[0]
        return i if abs(self._x[i] - x) <= max(8 * pixel, DAY / 2) else None

    def describe(self, index: int) -> str:
        h = self._history
        if h is None:
            return ""
        a, p = VARIETIES[h.actual[index]], VARIETIES[h.predicted[index]]
        mark = tr("✓ correct") if a is p else tr("✗ wrong")
        version = int(h.version[index])
        model = self._names.get(version) or tr("Model v{version}").format(version=version)
        if not h.stored[index]:
            model = tr("{model} (predicted now)").format(model=model)
        return tr("{date}\nPredicted: {predicted} ({probability:.0%})\nActual: {actual} — {mark}\n{model}").format(
            date=short_date(h.day[index].item()),
            predicted=p.label,
            probability=float(h.confidence[index]),
            actual=a.label,
            mark=mark,
            model=model,
        )

    def _hover(self, scene_pos) -> None:
        index = self._nearest(scene_pos)
        if index is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.describe(index), self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A right-click selects the day under the mouse, then opens the plot's menu
        there (without waiting in a nested loop, as Qt's own context menu would)."""
        if watched is self.viewport() and isinstance(event, QContextMenuEvent):
            if event.reason() == QContextMenuEvent.Reason.Mouse and self._history is not None:
                index = self._nearest(self.mapToScene(event.pos()))
                if index is not None:
                    self.dayClicked.emit(self._history.day[index].item())
            menu = QMenu(self)
            menu.addAction(self.explain_action)
            menu.addSeparator()
            for action in self.actions():
                if action.text():
                    menu.addAction(action)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(event.globalPos())
            self.menu = menu
            return True
        return super().eventFilter(watched, event)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self._nearest(event.scenePos())
        if index is None or self._history is None:
            return
        day = self._history.day[index].item()
        (self.dayActivated if event.double() else self.dayClicked).emit(day)
