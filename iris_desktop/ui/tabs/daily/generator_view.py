"""The generator made visible: two GeneratorPlots (petal length x width, and a pair of
features the user picks), the choice of which generator to draw (the day's, or the
one of the days to come), the key, and export as PNG or SVG."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
)

from iris_desktop.domain import FEATURES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.daily.generator_plot import GeneratorPlot, legend_html
from iris_desktop.ui.widgets import colors, plot_export, strings
from iris_desktop.ui.widgets.core_words import feature_display as feature_name

if TYPE_CHECKING:
    from iris_desktop.pipelines.daily import GeneratorSettings
    from iris_desktop.ui.tabs.daily.jobs import DailyData

OVERLAYS = ("day", "upcoming")  # the generator drawn: the shown day's, or the days to come's


class GeneratorView(QGroupBox):
    dayClicked = Signal(int)  # a row of the data: a daily flower clicked in a plot
    drawn = Signal(object)  # the GeneratorSettings drawn now (None: not recorded)
    saved = Signal(str)  # a plot was exported: where
    exportFailed = Signal(object)  # the OSError of an export that could not be written

    def __init__(self, settings, parent=None):
        super().__init__(tr("The generator, over the stored flowers"), parent)
        self.settings = settings  # QSettings
        self.data: DailyData | None = None
        self.row: int | None = None
        self._drawn_key: object = ()
        self._days_key: object = ()
        self._wrong = np.zeros(0, bool)
        self.overlay = QComboBox()
        self.overlay.addItem(tr("The day's generator"), "day")
        self.overlay.addItem(tr("The days to come's generator"), "upcoming")
        self.overlay.setToolTip(
            tr("Draw the generator that made the day shown, or the one that will make the days not yet stored")
        )
        overlay_label = QLabel(tr("&Generator drawn:"))
        overlay_label.setBuddy(self.overlay)
        self.only_made = QCheckBox(tr("Only the days it &made"))
        self.only_made.setToolTip(
            tr("Draw only the daily flowers this generator made (days made by another generator are hidden)")
        )
        self.pair_x, self.pair_y = QComboBox(), QComboBox()
        for combo, name in ((self.pair_x, strings.PAIR_X_NAME), (self.pair_y, strings.PAIR_Y_NAME)):
            for f in FEATURES:
                combo.addItem(feature_name(f))
            combo.setToolTip(tr("The features of the second plot"))
            combo.setAccessibleName(name)
        pair_label = QLabel(tr("Second plo&t:"))
        pair_label.setBuddy(self.pair_x)
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export p&lot…"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolTip(tr("Save a plot as PNG or SVG"))
        self.plots = [GeneratorPlot((2, 3)), GeneratorPlot((0, 1))]
        menu = QMenu(self.export_button)
        menu.addAction(tr("Petal length × petal width…"), lambda: self.export(self.plots[0]))
        menu.addAction(tr("The second plot…"), lambda: self.export(self.plots[1]))
        self.export_button.setMenu(menu)
        for plot in self.plots:
            plot.dayClicked.connect(self.dayClicked)
            plot.setToolTip(tr("Click a daily flower (◆) to show its day"))
            plot.access.set_export(partial(self.export, plot))
        self.legend = QLabel(legend_html(None))
        self.legend.setWordWrap(True)
        self._drawn_settings: GeneratorSettings | None = None

        tools = QHBoxLayout()
        tools.addWidget(overlay_label)
        tools.addWidget(self.overlay)
        tools.addWidget(self.only_made)
        tools.addStretch(1)
        tools.addWidget(self.export_button)
        # Each plot under its own header: the fixed pair's name, the other's two choices.
        first = QLabel(tr("Petal length × petal width"))
        first.setMinimumHeight(self.pair_x.sizeHint().height())
        pair = QHBoxLayout()
        for w in (pair_label, self.pair_x, QLabel("×"), self.pair_y):
            pair.addWidget(w)
        pair.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(first, 0, 0)
        grid.addLayout(pair, 0, 1)
        for column, plot in enumerate(self.plots):
            grid.addWidget(plot, 1, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(grid, 1)
        layout.addWidget(self.legend)

        overlay = str(settings.value("daily/overlay", "day"))
        self.overlay.setCurrentIndex(OVERLAYS.index(overlay) if overlay in OVERLAYS else 0)
        x, y = int(settings.value("daily/pair_x", 0)), int(settings.value("daily/pair_y", 1))
        self.pair_x.setCurrentIndex(x if 0 <= x < len(FEATURES) else 0)
        self.pair_y.setCurrentIndex(y if 0 <= y < len(FEATURES) else 1)
        self.plots[1].set_axes(self.pair_x.currentIndex(), self.pair_y.currentIndex())
        self.only_made.setChecked(str(settings.value("daily/only_made", "false")).lower() == "true")
        self.overlay.currentIndexChanged.connect(self._overlay_changed)
        self.only_made.toggled.connect(self._only_made_changed)
        for combo in (self.pair_x, self.pair_y):
            combo.currentIndexChanged.connect(self._pair_changed)
        colors.follow(self.restyle)

    def restyle(self, _scheme: colors.Scheme) -> None:
        self.legend.setText(legend_html(self._drawn_settings))  # the key's colours

    def set_data(self, data: DailyData) -> None:
        """New data (a DailyData): stored flowers, daily flowers, wrong predictions."""
        self.data, self.row, self._drawn_key, self._days_key = data, None, (), ()
        self._wrong = (data.predicted >= 0) & (data.predicted != data.variety)
        for plot in self.plots:
            plot.set_background(data.background_X, data.background_y)
        self._draw_days(None)

    def _draw_days(self, settings: GeneratorSettings | None) -> None:
        """The daily flowers: all of them, or only those `settings` made."""
        data = self.data
        if data is None:
            return
        only = self.only_made.isChecked()
        key = (only, settings.key if only and settings is not None else None)
        if key == self._days_key:
            return
        self._days_key = key
        rows = np.arange(len(data))
        if only:
            ids = [gid for gid, s in data.generators.items() if settings is not None and s.key == settings.key]
            rows = np.flatnonzero(np.isin(data.generator, ids) if ids else data.generator == 0)
        for plot in self.plots:
            plot.set_days(data.X[rows], data.variety[rows], self._wrong[rows], rows, data.day[rows])

    def show_row(self, row: int | None) -> None:
        """Mark day `row` (None: no day) and draw the generator the overlay asks for."""
        self.row = row
        for plot in self.plots:
            plot.set_current(None if row is None or self.data is None else self.data.X[row])
        self._draw_generator()

    def _draw_generator(self) -> None:
        data = self.data
        if data is None:
            return
        settings: GeneratorSettings | None = data.upcoming
        if self.overlay.currentData() == "day" and self.row is not None:
            settings = data.generator_of(self.row)
        self._draw_days(settings)
        key = settings.key if settings is not None else None
        if key == self._drawn_key:
            return
        self._drawn_key = key
        for plot in self.plots:
            plot.set_generator(settings)
        self._drawn_settings = settings
        self.legend.setText(legend_html(settings))
        self.drawn.emit(settings)

    def _overlay_changed(self) -> None:
        self.settings.setValue("daily/overlay", self.overlay.currentData())
        if self.data is not None:
            self._draw_generator()

    def _only_made_changed(self, on: bool) -> None:
        self.settings.setValue("daily/only_made", on)
        if self.data is not None:
            self._drawn_key = ()
            self._draw_generator()

    def _pair_changed(self) -> None:
        x, y = self.pair_x.currentIndex(), self.pair_y.currentIndex()
        self.settings.setValue("daily/pair_x", x)
        self.settings.setValue("daily/pair_y", y)
        self.plots[1].set_axes(x, y)

    def export(self, plot: GeneratorPlot) -> None:
        x, y = plot.axes
        name = f"daily-{FEATURES[x].name}-{FEATURES[y].name}"
        try:
            path = plot_export.ask_and_export(self, plot.getPlotItem(), name, self.settings)
        except OSError as exc:
            self.exportFailed.emit(exc)
            return
        if path is not None:
            self.saved.emit(str(path))
