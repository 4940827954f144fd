"""The Explore tab: the original lab's EDA notebook, made interactive.

A scatter-plot matrix, one large scatter, distributions, statistics and the table of
every flower, all linked glue-style through one Selection (explore/selection.py): a
rectangle or lasso on any scatter is a predicate over the rows, combined with the
current selection by the toolbar's mode (or the modifier keys held while dragging);
every view redraws only its highlight. Rows selected in the table select those flowers.
Esc clears. New flowers (a catch-up, an import, another process) arrive through
the state's changes and the selection is kept by flower id.

At 100,000 flowers nothing runs per point in Python: plots draw per-variety density
images above a threshold, histograms and statistics are numpy over precomputed bins,
the table paints the selection from a mask (see shared/notes/fast-plots.md).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QTabWidget, QToolTip, QVBoxLayout, QWidget

from iris_desktop.domain import VARIETIES
from iris_desktop.store.flowers import SOURCES, FlowerColumns
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.follow import Follow
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.stages import Stages
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.tabs.explore import exports, removal_flow, view_settings
from iris_desktop.ui.tabs.explore import jobs as explore_jobs
from iris_desktop.ui.tabs.explore.condition import ConditionError, parse
from iris_desktop.ui.tabs.explore.data import Bins, ExploreData, describe_flower, empty_columns
from iris_desktop.ui.tabs.explore.distributions import DistributionsPanel
from iris_desktop.ui.tabs.explore.flower_table import FlowerTable
from iris_desktop.ui.tabs.explore.focus_order import focus_order
from iris_desktop.ui.tabs.explore.keyboard_selection import KeyboardSelection
from iris_desktop.ui.tabs.explore.large_scatter import LargeScatter
from iris_desktop.ui.tabs.explore.scatter_matrix import ScatterMatrix
from iris_desktop.ui.tabs.explore.selection import Mode, RectPredicate, Selection, mode_for_modifiers
from iris_desktop.ui.tabs.explore.statistics import Describer, StatisticsPanel
from iris_desktop.ui.tabs.explore.toolbar import ExploreToolbar
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.empty_state import EmptyState
from iris_desktop.ui.widgets.key_text import held_text
from iris_desktop.ui.widgets.plot_access import announce, counts_text
from iris_desktop.ui.widgets.splitters import splitter


def hint() -> str:
    """What the selection line says while nothing is selected."""
    return tr(
        "Drag on any scatter to select flowers: {shift} adds, {ctrl} intersects, {ctrl_shift} removes; "
        "Esc clears. Hover a point to see it."
    ).format(shift=held_text("Shift"), ctrl=held_text("Ctrl"), ctrl_shift=held_text("Ctrl+Shift"))


class ExploreTab(QWidget):
    def __init__(self, state: AppState, reporter: ErrorReporter):
        super().__init__()
        self.state, self.reporter = state, reporter
        self.settings = app_settings()
        self.selection = Selection()
        self.mode = Mode.REPLACE
        self.visible = np.ones(len(VARIETIES), dtype=bool)
        self.data = ExploreData.build(empty_columns(), False)
        self._newest = self.data.columns  # the rows last asked for, and with what (jitter, bin width):
        self._asked: tuple[bool | None, float | None] = (None, None)  # a change of either prepares again
        self.bins: list[Bins] = []
        self.batch_names: dict[int, str] = {}
        self.describer = Describer(self.data.columns.X, self.data.variety)
        self._pending: FlowerColumns | None = None  # arrived while hidden: drawn when shown
        self._preparing = 0  # data handed to the worker and not drawn yet
        self._stages = Stages(self)
        self._build()
        view_settings.restore(self)
        self._connect()
        self.selection.subscribe(self._selection_changed)
        self._follow = Follow(self, state, lambda _c: self._flowers_changed(state.flowers), lambda c: c.flowers)
        self._flowers_changed(state.flowers if state.flowers is not None else empty_columns())

    # ---- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.toolbar = ExploreToolbar(self)
        self.keyboard = KeyboardSelection()
        self.selection_label = QLabel(hint())
        self.selection_label.setWordWrap(True)
        self.selection_label.setMinimumWidth(1)
        self.hover_label = QLabel()
        self.hover_label.setWordWrap(True)
        self.hover_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hover_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hover_label.setMinimumWidth(1)

        self.matrix = ScatterMatrix()
        self.matrix.setMinimumSize(320, 300)
        self.large = LargeScatter()
        self.distributions = DistributionsPanel()
        self.statistics = StatisticsPanel()
        self.pages = QTabWidget()
        self.pages.addTab(self.large, tr("Scatter"))
        self.pages.addTab(self.distributions, tr("Distributions"))
        self.pages.addTab(self.statistics, tr("Statistics"))
        self.pages.tabBar().setAccessibleName(strings.EXPLORE_PAGES_NAME)
        self.pages.setMinimumSize(320, 300)
        self.table = FlowerTable()
        self.table.setMinimumHeight(170)

        self.plots_splitter = splitter(Qt.Orientation.Horizontal, [self.matrix, self.pages])
        self.plots_splitter.setSizes([560, 640])
        self.splitter = splitter(Qt.Orientation.Vertical, [self.plots_splitter, self.table], (3, 2))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        self.empty = EmptyState(self.state, "Explore")  # no flowers: what stores them
        layout.addWidget(self.empty)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.keyboard)
        info = QHBoxLayout()
        info.addWidget(self.selection_label, 3)
        info.addWidget(self.hover_label, 2)
        layout.addLayout(info)
        layout.addWidget(self.splitter, 1)
        self.setMinimumSize(660, 600)

        exports.add_export_actions(self)
        focus_order(self)

    def _connect(self) -> None:
        bar = self.toolbar
        # The toolbar's shortcuts (Esc, Alt+1...) work wherever the focus is in the window
        # while this tab is shown (a hidden tab's actions never fire): after a click on the
        # tab's label too.
        self.addActions([a for a in bar.actions() if not a.shortcut().isEmpty()])
        bar.modeChanged.connect(self._set_mode)
        bar.toolChanged.connect(self._set_tool)
        bar.clearRequested.connect(self.selection.clear)
        bar.jitterToggled.connect(self._jitter_toggled)
        bar.varietyToggled.connect(self._variety_toggled)
        bar.resetZoomRequested.connect(self.reset_zoom)
        self.keyboard.conditionEntered.connect(self.select_where)
        self.keyboard.rangeEntered.connect(self.select_range)
        for source in (self.matrix, self.large):
            source.selected.connect(self._plot_selected)
            source.hovered.connect(self._hovered)
        self.large.axesChanged.connect(self._axes_changed)
        self.large.varietyClicked.connect(lambda k: bar.set_variety_shown(k, not self.visible[k]))
        self.distributions.varietyClicked.connect(lambda k: bar.set_variety_shown(k, not self.visible[k]))
        self.distributions.settingsChanged.connect(self._distribution_settings_changed)
        self.statistics.feature_combo.currentIndexChanged.connect(
            lambda i: self.settings.setValue("explore/stats_feature", i)
        )
        self.pages.currentChanged.connect(lambda i: self.settings.setValue("explore/page", i))
        self.table.rowsPicked.connect(lambda rows: self.selection.apply_rows(rows, Mode.REPLACE))
        self.table.removeRequested.connect(self.remove_selected_imports)
        self.table.exportRequested.connect(lambda only_selected: exports.export_csv(self, only_selected))

    # ---- data -----------------------------------------------------------------------

    def _flowers_changed(self, columns: FlowerColumns | None) -> None:
        """New data: prepared in a worker (the newest wins), then drawn."""
        if columns is None:
            return
        self._newest = columns  # what a change of jitter or bins prepares again
        if not self.isVisible():  # drawn when the tab is shown
            self._pending = columns
            return
        self._pending = None
        self._preparing += 1
        jitter, width = self._asked = self.toolbar.jitter_action.isChecked(), self.distributions.bin_width
        task = self.state.runner.run(
            "explore-prepare",
            explore_jobs.prepare,
            columns,
            jitter,
            width,
            key=(id(columns), jitter, width),
            writes=False,
            repeat="latest",
            context=self,
            on_finished=self._prepared,
        )
        task.done.connect(self._prepare_done)

    def _prepare_done(self) -> None:
        self._preparing -= 1

    @property
    def preparing(self) -> bool:
        """New data is being prepared for the plots."""
        waiting = self._pending is not None or self._follow.pending is not None
        return self._preparing > 0 or waiting or self._stages.pending

    def _prepared(self, result) -> None:
        same_rows = result[0].columns is self.data.columns  # jitter or bins changed: not the table
        self.data, self.describer, stats, self.bins = result
        columns = self.data.columns
        self.statistics.all_model.set_stats(stats)
        if not same_rows:  # the same flowers stay selected (by id); every view is redrawn below
            self.selection.set_ids(columns.id, notify=False)
            self.table.set_columns(columns, self.batch_names, self.selection.mask)
            if len(columns):
                self.keyboard.set_ranges(self.data.value_ranges())
        self._draw_staged(lambda: None, self._draw_the_rest)  # the table painted first

    def _draw_staged(self, *steps: Callable[[], object]) -> None:
        """`steps[:-1]`, the matrix in two halves, the scatter, `steps[-1]`: a frame apart (a
        brush meanwhile: drawn by set_highlight, then by the steps still to come)."""
        matrix = self.matrix
        self._stages.run(
            *steps[:-1],
            lambda: matrix.show_scatters(self.data, self.visible, self.selection.mask, upper=True),
            lambda: matrix.show_scatters(self.data, self.visible, self.selection.mask, upper=False),
            lambda: matrix.show_histograms(self.data, self.bins, self.visible, self.selection.mask),
            lambda: self.large.show_data(self.data, self.visible, self.selection.mask),
            steps[-1],
        )

    def _draw_the_rest(self) -> None:
        self._show_distribution()
        self._show_selection_details()
        self._load_batch_names()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending is not None:
            self._flowers_changed(self._pending)

    def _load_batch_names(self) -> None:
        if not np.any(self.data.columns.source == SOURCES.index("import")):
            return
        self.state.runner.run(
            "explore-batches",
            explore_jobs.batch_names,
            *self.state.paths(),
            writes=False,
            repeat="latest",
            on_finished=self._batch_names_loaded,
            on_failed=lambda *_: None,
            context=self,
        )

    def _batch_names_loaded(self, names: dict[int, str]) -> None:
        self.batch_names.clear()
        self.batch_names.update(names)  # the table's column reads this dict
        self.table.view.viewport().update()

    def _redraw(self) -> None:
        """Every plot from scratch (visibility or jitter changed), staged as new data are."""
        self._draw_staged(self._show_distribution)

    def _show_distribution(self) -> None:
        self.distributions.show_data(
            self.bins[self.distributions.feature], self.data, self.visible, self.selection.mask
        )

    # ---- the selection ----------------------------------------------------------------

    def _selection_changed(self, mask: np.ndarray) -> None:
        self.matrix.set_highlight(mask)
        self.large.set_highlight(mask)
        self.distributions.set_highlight(mask)
        self.table.set_highlight(mask)
        self._show_selection_details()

    def _show_selection_details(self) -> None:
        self.statistics.selection_model.set_stats(self.describer.describe(self.selection.mask))
        self._update_selection_label()

    def _update_selection_label(self) -> None:
        n, total = len(self.selection), len(self.data)
        if not n:
            self.selection_label.setText(hint() if total else tr("There are no flowers yet."))
            return
        counts = np.bincount(self.data.variety[self.selection.rows()], minlength=len(VARIETIES))
        parts = counts_text(counts, [v.label for v in VARIETIES])
        self.selection_label.setText(
            tr("{count:,} of {flowers} selected ({parts}). Mode: {mode}. Esc clears.").format(
                count=n, flowers=tr("%Ln flower(s)", None, total), parts=parts, mode=self.mode.label
            )
        )

    def _plot_selected(self, predicate, modifiers) -> None:
        if not len(self.data):
            return
        mode = mode_for_modifiers(
            bool(modifiers & Qt.KeyboardModifier.ShiftModifier),
            bool(modifiers & Qt.KeyboardModifier.ControlModifier),
            bool(modifiers & Qt.KeyboardModifier.AltModifier),
            self.mode,
        )
        # What is seen is what is picked: hidden varieties stay out of a new selection.
        picked = predicate.mask(self.data.coords) & self.visible[self.data.variety]
        self.selection.apply(picked, mode)
        if hasattr(predicate, "describe"):
            self.reporter.status(
                tr("{mode}: {flowers} with {shape}").format(
                    mode=mode.label, flowers=tr("%Ln flower(s)", None, int(picked.sum())), shape=predicate.describe()
                )
            )

    def select_where(self, text: str) -> int | None:
        """Select the flowers meeting the condition `text` (by the mode); None, and the
        reason said under the field, when it is not understood."""
        try:
            condition = parse(text)
        except ConditionError as exc:
            self.keyboard.show_error(str(exc))
            self.reporter.status(str(exc))
            return None
        self.keyboard.clear_error()
        return self._select_by(condition.mask(self.data.columns.X, self.data.variety), condition.describe())

    def select_range(self, predicate: RectPredicate) -> int:
        """The keyboard's rectangle: both measurements within their ranges (by the mode)."""
        return self._select_by(predicate.mask(self.data.columns.X), predicate.describe())

    def _select_by(self, picked: np.ndarray, described: str) -> int:
        self.selection.apply(picked, self.mode)
        count = int(np.count_nonzero(picked))
        text = strings.CONDITION_SELECTED.format(mode=self.mode.label, count=count, condition=described)
        self.reporter.status(text)
        announce(self.keyboard, text)
        return count

    def _set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.toolbar.set_mode(mode)
        self._update_selection_label()

    def _set_tool(self, tool: str) -> None:
        self.toolbar.set_tool(tool)
        self.matrix.set_tool(tool)
        self.large.set_tool(tool)
        self.settings.setValue("explore/tool", tool)

    # ---- view options -----------------------------------------------------------------

    def _variety_toggled(self, k: int, shown: bool) -> None:
        self.visible[k] = shown
        self._redraw()

    def _jitter_toggled(self, on: bool) -> None:
        self.settings.setValue("explore/jitter", on)
        if self._pending is None and self._asked[0] != on:
            self._flowers_changed(self._newest)  # the same rows jittered (or not) in a worker

    def _axes_changed(self) -> None:
        x, y = self.large.features
        self.settings.setValue("explore/x", x)
        self.settings.setValue("explore/y", y)
        self.large.show_data(self.data, self.visible, self.selection.mask)

    def _distribution_settings_changed(self) -> None:
        d = self.distributions
        self.settings.setValue("explore/bin_width", d.bin_width)
        self.settings.setValue("explore/density", d.density_check.isChecked())
        self.settings.setValue("explore/dist_feature", d.feature)
        if self._pending is not None or not self.bins:
            return
        if self._asked[1] != d.bin_width:
            self._flowers_changed(self._newest)  # new bins, made in a worker
        else:
            self._show_distribution()

    def reset_zoom(self) -> None:
        self.matrix.reset_zoom(self.data)
        self.large.reset_zoom(self.data)
        self._show_distribution()

    # ---- hover ------------------------------------------------------------------------

    def describe_row(self, row: int) -> str:
        return describe_flower(self.data.columns, row, self.batch_names)

    def _hovered(self, row, where) -> None:
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # dragging a selection: no tooltips in the way
        if row is None or row >= len(self.data):
            if self.hover_label.text():
                self.hover_label.clear()
                QToolTip.hideText()
            return
        text = self.describe_row(row)
        self.hover_label.setText(text.replace("\n", " · "))
        if where is not None:
            QToolTip.showText(where, text, self)

    # ---- export and removal -----------------------------------------------------------

    def remove_selected_imports(self):
        """Plan, confirm, remove (see explore/removal_flow.py); returns the planning Task."""
        return removal_flow.remove_selected_imports(self)
