"""The History tab: the monitor. The original "iris-monitor" page showed four still
pictures; here they are live and linked:

- the latest (or a chosen) day: predicted beside actual, correct or wrong;
- accuracy over time, the centre: a marker a day, rolling 7-day accuracy with its 95%
  interval, cumulative accuracy, a labelled line where the model in charge changed;
- every prediction in a table, linked both ways with the plot and the Daily tab;
- any day explained in Predict (the day panel's button, a row's or the plot's menu), in
  the view chosen here (AppState carries the view to Predict);
- the confusion matrix over a chosen window, and drift of the daily flowers against
  the active model's training flowers.

One switch chooses the view of the past: as predicted at the time (each day's first
prediction), or by model vN (what that version predicts for every day). The data are
read as columns in a worker (history_jobs) whenever the store changes, from this app or
another process; drawing reuses the plot items.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.pipelines.monitoring import AccuracyColumns, HistoryColumns, accuracy_columns, model_switches
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.follow import Follow
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings
from iris_desktop.ui.runtime.state import AppState, Changes
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.history import jobs as history_jobs
from iris_desktop.ui.tabs.history.accuracy_box import DEFAULT_SPAN, AccuracyBox
from iris_desktop.ui.tabs.history.confusion_panel import ConfusionPanel
from iris_desktop.ui.tabs.history.drift_reports import DriftReports
from iris_desktop.ui.tabs.history.drift_view import DriftView
from iris_desktop.ui.tabs.history.exports import HistoryExports
from iris_desktop.ui.tabs.history.focus_order import focus_order
from iris_desktop.ui.tabs.history.latest_day import DayPanel
from iris_desktop.ui.tabs.history.prediction_table import PredictionTable
from iris_desktop.ui.tabs.history.read_ahead import ReadAhead
from iris_desktop.ui.tabs.history.view_switch import ViewSwitch
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.empty_state import EmptyState
from iris_desktop.ui.widgets.model_text import describe_record
from iris_desktop.ui.widgets.splitters import remember, splitter


def _int_setting(s: QSettings, key: str, default: int) -> int:
    """An int setting: the INI file gives it back as text, the default as it is."""
    return int(cast("str | int", s.value(key, default)))


class _FillWidget(QWidget):
    """Word-wrapped labels inside would have the window's scroll area size the tab by
    its height-for-width (the splitters' whole size hints, taller than the screen):
    this says it has none, so the tab fills the window and scrolls below its minimum."""

    def hasHeightForWidth(self) -> bool:
        return False


class HistoryTab(QWidget):
    drawn = Signal()  # new history data is drawn (the next paint shows it)

    def __init__(self, state: AppState, reporter: ErrorReporter):
        super().__init__()
        self.state, self.reporter = state, reporter
        self.data: history_jobs.HistoryData | None = None
        self.accuracy: AccuracyColumns | None = None
        self.selected: dt.date | None = None  # None: follow the latest day
        self.names: dict[int, str] = {}
        self.settings = settings()
        self.exports = HistoryExports(self, state, self.settings, reporter)
        self.read_ahead = ReadAhead(self, self)  # the by-model view, read before it is chosen
        self._restoring = True
        self._build()
        self._restore_settings()
        self._restoring = False
        state.set_history_view(self.chosen_version())
        # Bound methods, not lambdas: Qt drops them when the tab is deleted.
        self._follow = Follow(
            self, state, self._store_changed, lambda c: c.predictions or c.flowers or c.model or c.models
        )
        state.dayRequested.connect(self._day_requested)
        self.reload()

    # ---- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.view_switch = ViewSwitch()
        switch = self.view_switch
        self.as_predicted, self.by_model, self.version_box = switch.as_predicted, switch.by_model, switch.version_box
        self.summary = QLabel(tr("Loading the history…"))
        # One line always (the whole text on hover): a new day's numbers must not move the
        # layout below, which would repaint the whole tab.
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() + 4)
        self.summary.setMinimumWidth(1)
        self.export_table_button = QPushButton(tr("Export &table…"))
        self.export_table_button.setToolTip(
            tr("Save the predictions shown in the table (this view, filtered and sorted as shown) as CSV")
        )
        top = QHBoxLayout()
        top.addWidget(self.view_switch, 1)
        top.addWidget(self.export_table_button)

        self.day_panel = DayPanel()
        self.plot_box = plot_box = AccuracyBox()
        self.plot, self.span_box, self.export_plot_button = plot_box.plot, plot_box.span_box, plot_box.export_button

        self.confusion = ConfusionPanel()
        confusion_box = QGroupBox(tr("Confusion matrix"))
        QVBoxLayout(confusion_box).addWidget(self.confusion)
        self.table = PredictionTable()
        self.drift = DriftView()
        self.drift_reports = DriftReports(self.drift, self.state, self)
        self.details = QTabWidget()
        self.details.addTab(self.table, tr("Predictions"))
        self.details.addTab(self.drift, tr("Drift of the daily flowers"))
        self.details.tabBar().setAccessibleName(strings.HISTORY_PAGES_NAME)

        self.top_split = splitter(Qt.Orientation.Horizontal, [self.day_panel, plot_box], (0, 1))
        self.bottom_split = splitter(Qt.Orientation.Horizontal, [confusion_box, self.details], (0, 1))
        self.split = splitter(Qt.Orientation.Vertical, [self.top_split, self.bottom_split], (1, 1))
        self.top_split.setSizes([320, 900])
        self.bottom_split.setSizes([320, 900])

        body = _FillWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.split, 1)
        self.empty = EmptyState(self.state, "History")  # nothing predicted yet: what predicts
        outer = QVBoxLayout(self)
        outer.addWidget(self.empty)
        outer.addWidget(body)

        self.view_switch.changed.connect(self._view_changed)
        self.export_table_button.clicked.connect(lambda: self.export_table())  # clicked's `checked` is no path
        plot_box.spanChosen.connect(self._save_settings)
        self.export_plot_button.clicked.connect(lambda: self.exports.image(self.plot.ci, "accuracy-over-time"))
        self.confusion.exportRequested.connect(
            lambda: self.exports.image(self.confusion.matrix.getPlotItem(), "confusion-matrix")
        )
        self.drift.exportRequested.connect(lambda: self.exports.drift(self.drift))
        self.confusion.changed.connect(self._save_settings)
        self.drift.windowChanged.connect(self._save_settings)
        self.table.outcome.currentIndexChanged.connect(self._save_settings)
        self.table.variety.currentIndexChanged.connect(self._save_settings)
        self.table.connect_selection()
        self.plot.dayClicked.connect(self.select_day)
        self.plot.dayActivated.connect(self.open_in_daily)
        self.table.daySelected.connect(lambda day: self.select_day(day, from_table=True))
        self.table.dayActivated.connect(self.open_in_daily)
        self.table.dayExplained.connect(self.explain_day)
        self.plot.dayExplained.connect(self.explain_day)
        self.day_panel.dailyRequested.connect(self.open_in_daily)
        self.day_panel.explainRequested.connect(self.explain_day)
        self.day_panel.latestRequested.connect(lambda: self.select_day(None))
        focus_order(self)
        colors.follow(self.restyle)

    def restyle(self, _scheme: colors.Scheme) -> None:
        if self.data is not None:
            self.select_day(self.selected)  # the day panel's coloured words again

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            if self.settings.value("history/splitter_split") is None:  # half and half at first,
                QTimer.singleShot(0, self._halve)  # once the layout has given the splitter its height

    def _halve(self) -> None:
        half = max(1, self.split.height() // 2)
        self.split.setSizes([half, half])

    # ---- settings ------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        self.view_switch.restore(
            s.value("history/view", "first") == "model",
            cast("int | None", s.value("history/version", None, type=int)) or None,
        )
        self.plot_box.show_span(_int_setting(s, "history/plot_span", DEFAULT_SPAN))
        self.confusion.window_box.setCurrentIndex(_int_setting(s, "history/confusion_window", 0))
        self.confusion.normalised.setChecked(cast(bool, s.value("history/normalised", False, type=bool)))
        self.drift.window_box.setCurrentIndex(_int_setting(s, "history/drift_window", 1))
        self.table.outcome.setCurrentIndex(_int_setting(s, "history/outcome", 0))
        self.table.variety.setCurrentIndex(_int_setting(s, "history/variety", 0))
        for name, split in (("top", self.top_split), ("bottom", self.bottom_split), ("split", self.split)):
            remember(split, s, f"history/splitter_{name}")

    def _save_settings(self, *_args) -> None:
        if self._restoring:
            return
        s = self.settings
        s.setValue("history/view", "model" if self.by_model.isChecked() else "first")
        version = self.version_box.currentData() or self.view_switch.wanted
        if version is not None:
            s.setValue("history/version", version)
        s.setValue("history/plot_span", self.span_box.currentIndex())
        s.setValue("history/confusion_window", self.confusion.window_box.currentIndex())
        s.setValue("history/normalised", self.confusion.normalised.isChecked())
        s.setValue("history/drift_window", self.drift.window_box.currentIndex())
        s.setValue("history/outcome", self.table.outcome.currentIndex())
        s.setValue("history/variety", self.table.variety.currentIndex())

    # ---- loading ---------------------------------------------------------------------------

    def chosen_version(self) -> int | None:
        """The view: None for "as predicted at the time", else the version shown."""
        return self.view_switch.version()

    def reload(self) -> Task:
        """Read the history again in a worker; only the newest request matters. The
        data shown go with it: what the store still holds as it was is not read again."""
        version = self.chosen_version()
        return self.state.runner.run(
            "history",
            history_jobs.load_history,
            *self.state.paths(),
            version,
            self.data,
            self.state.today(),
            key=("history", version),
            writes=False,
            repeat="latest",
            on_finished=self._loaded,
            on_failed=self._load_failed,
            context=self,
        )

    def _store_changed(self, changes: Changes) -> None:
        """One reload for whatever changed (an activation brings a new model and its
        predictions: read once); the drift report follows the active model."""
        if changes.model:
            self.request_drift()
        self.reload()

    def _view_changed(self) -> None:
        self._save_settings()
        self.state.set_history_view(self.chosen_version())
        self.reload()

    def _load_failed(self, exc: BaseException, _details: str) -> None:
        self.summary.setText(tr("The history could not be read: {error}").format(error=exc))

    def _loaded(self, data: history_jobs.HistoryData) -> None:
        if data.version != self.chosen_version() and data.error is None:
            return  # the view changed meanwhile: its own load is on the way
        self.data = data
        self.names = {r.version: describe_record(r) for r in data.records}
        self.view_switch.set_versions(
            data.records, self.names, data.summary.active_version if data.summary is not None else None
        )
        view = data.view
        self.accuracy = accuracy = accuracy_columns(view.day, view.correct)
        self.plot.set_history(view, accuracy, model_switches(data.first), self.names, data.appended)
        self.plot.set_generator_changes(list(data.generator_changes))
        self.table.set_history(view)
        versions = sorted(set(data.first.version.tolist()))
        self.confusion.set_history(view, data.first, versions, self.state.today())
        self._show_summary(data, accuracy)
        self.export_table_button.setEnabled(bool(len(view)))
        self.select_day(
            self.selected if self.selected is not None and view.index_of(self.selected) is not None else None
        )
        self.request_drift()
        self.state.set_history_view(self.chosen_version())  # (a version that cannot be shown fell back)
        self.drawn.emit()
        self.read_ahead.schedule()

    def _show_summary(self, data: history_jobs.HistoryData, a: AccuracyColumns) -> None:
        view, n = data.view, len(data.view)
        error = None
        if data.error:
            self.view_switch.fall_back()
            error = tr("Model v{version} cannot be shown: {error}").format(version=data.error_version, error=data.error)
        if not n:
            self.summary.setText(error or tr("No predictions yet: the first catch-up makes them."))
            return
        right = int(view.correct.sum())
        text = tr(
            "{days:,} days, {right:,} correct ({share:.1%}); "
            "last {window} days {rolling:.0%} (95% interval {low:.0%}–{high:.0%}, {counted} days)"
        ).format(
            days=n,
            right=right,
            share=right / n,
            window=a.window,
            rolling=float(a.rolling[-1]),
            low=float(a.low[-1]),
            high=float(a.high[-1]),
            counted=int(a.rolling_n[-1]),
        )
        if data.version is not None:
            made = int((~view.stored).sum())
            if made:
                text = tr("Model v{version}: {summary}. {days} it never saw, predicted now").format(
                    version=data.version, summary=text, days=tr("%n day(s)", None, made)
                )
            else:
                text = tr("Model v{version}: {summary}").format(version=data.version, summary=text)
        if error:
            text = tr("{error}. Showing the days as predicted at the time: {summary}").format(error=error, summary=text)
        self.summary.setText(text)
        self.summary.setToolTip(text)

    # ---- drift ---------------------------------------------------------------------------------

    def request_drift(self) -> Task | None:
        """Compare the daily flowers with the active model's training flowers, in a
        worker; put off while the Drift page is hidden (done when it is shown)."""
        return self.drift_reports.request()

    # ---- selection and linking ---------------------------------------------------------------

    def select_day(self, day: dt.date | None, from_table: bool = False) -> None:
        """Show `day` in the day panel, ring it on the plot and select its row; None
        follows the latest day."""
        view = self.data.view if self.data is not None else None
        if view is None or not len(view):
            self.day_panel.show_day(None)
            return
        index = view.index_of(day) if day is not None else None
        if index is None:
            day, index = None, len(view) - 1
        self.selected = day
        labelled = self.state.labelled
        typical = labelled.variety_means if labelled is not None and labelled.n else None
        high = np.nanmax(labelled.high) if labelled is not None and typical is not None else 0
        max_cm = float(max(high, view.X[index].max(), 7.0))
        version = int(view.version[index])
        self.day_panel.show_day(
            view,
            index,
            latest=index == len(view) - 1,
            typical=typical,
            max_cm=max_cm,
            model_name=self.names.get(version) or tr("model v{version}").format(version=version),
        )
        shown = view.day[index].item()
        self.plot.select_day(shown)
        if not from_table:
            self.table.select_day(shown)

    def _day_requested(self, day, tab: str) -> None:
        if tab == "History":
            self.select_day(day)

    def open_in_daily(self, day: dt.date) -> None:
        self.state.dayRequested.emit(day, "Daily")

    def explain_day(self, day: dt.date | None) -> None:
        """Explain `day` in Predict, as this view shows it (at the time, or by model vN)."""
        if day is not None:
            self.state.explainRequested.emit(day, self.chosen_version())

    # ---- export ---------------------------------------------------------------------------------

    def shown_history(self) -> HistoryColumns:
        """The table's rows as shown (view, filter, sort order)."""
        if self.data is None:
            return HistoryColumns.empty()
        return self.data.view.subset(self.table.shown_rows())

    def export_table(self, path: str | None = None) -> Task | None:
        """Save the table's rows as shown as CSV (to `path`, else asked for)."""
        if self.data is None:
            return None
        return self.exports.table(self.shown_history(), self.data.version, path)

    def _status(self, text: str) -> None:
        self.reporter.status(text)
