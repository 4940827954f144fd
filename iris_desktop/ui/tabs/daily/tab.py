"""The Daily tab: the original lab's daily feature pipeline (one synthetic flower a day),
seen and steered.

Today's flower (or any day: previous / next, a date, the list, a click on a plot) is
drawn to scale with its measurements, its true variety and the prediction made for it.
The generator that made it is drawn over the stored flowers on petal length x width and
on a second pair of features the user picks, with its parameters as a table, so the
days where versicolor and virginica overlap, and why a day was hard, can be seen. The
pipeline itself is steered from here: the generator of the days to come, the history's
start, "Catch up now" (their tasks run in pipeline_tasks.py).

The whole history is read as columns in a worker (daily_jobs.read_daily) whenever the
store changes; stepping from day to day only moves a marker and sets some labels.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.follow import Follow
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.daily import jobs as daily_jobs
from iris_desktop.ui.tabs.daily.daily_actions import DailyActions
from iris_desktop.ui.tabs.daily.day_list import DayList
from iris_desktop.ui.tabs.daily.day_panel import DayPanel
from iris_desktop.ui.tabs.daily.generator_view import GeneratorView
from iris_desktop.ui.tabs.daily.params_table import ParamsTable
from iris_desktop.ui.tabs.daily.pipeline_tasks import PipelineTasks
from iris_desktop.ui.tabs.daily.steering import SteeringBox, qdate
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.empty_state import EmptyState
from iris_desktop.ui.widgets.key_text import shortcut_text
from iris_desktop.ui.widgets.splitters import remember, splitter


class DailyTab(QWidget):
    def __init__(self, state: AppState, reporter: ErrorReporter, daily: DailyActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.reporter, self.daily = state, reporter, daily
        self.settings = app_settings()
        self.data: daily_jobs.DailyData | None = None
        self.row: int | None = None  # the day shown, a row of self.data
        self._wanted: dt.date | None = None  # a day asked for before the data arrived
        self.reload()  # first: the worker reads while the widgets are built
        self._build()
        self._restore()
        self._follow = Follow(
            self, state, lambda _c: self.reload(), lambda c: c.flowers or c.predictions or c.generator
        )
        state.dayRequested.connect(self._day_requested)

    # ---- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.prev_button = QPushButton(tr("◀ P&revious day"))  # (Alt+V opens the View menu)
        self.prev_button.setToolTip(tr("The day before ({keys})").format(keys=shortcut_text("Alt+Left")))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton(tr("&Next day ▶"))
        self.next_button.setToolTip(tr("The day after ({keys})").format(keys=shortcut_text("Alt+Right")))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip(tr("Any day of the daily history"))
        self.date_edit.dateChanged.connect(self._date_picked)
        date_label = QLabel(tr("&Date:"))
        date_label.setBuddy(self.date_edit)
        self.today_button = QPushButton(tr("T&oday"))
        self.today_button.setToolTip(tr("Today's flower (or the last one stored)"))
        self.today_button.clicked.connect(self.show_today)
        self.history_button = QPushButton(tr("Show in H&istory"))
        self.history_button.setToolTip(tr("Open this day in the History tab (also: double-click a day in the list)"))
        self.history_button.clicked.connect(self.show_in_history)
        self.note = QLabel()
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.prev_button, date_label, self.date_edit, self.next_button, self.today_button):
            bar.addWidget(w)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.history_button)
        for keys, delta in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda d=delta: self.step(d))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.day_panel = DayPanel()
        # Its menu (right-click): the day shown, explained in Predict or shown in History.
        self.day_panel.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        menu = ((tr("&Explain in Predict"), self.explain_in_predict), (tr("Show in &History"), self.show_in_history))
        for text, slot in menu:
            action = QAction(text, self.day_panel)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.day_panel.addAction(action)
        self.day_list = DayList()
        self.day_list.daySelected.connect(self.show_row)
        self.day_list.dayActivated.connect(self._open_row_in_history)
        self.day_list.dayExplained.connect(self._explain_row)
        self.day_list.wrong_only.toggled.connect(lambda on: self.settings.setValue("daily/wrong_only", on))
        self.params = ParamsTable()
        params_box = QGroupBox(tr("Parameters of the generator drawn"))
        QVBoxLayout(params_box).addWidget(self.params)
        self.steering = SteeringBox()
        self.pipeline = PipelineTasks(self, self.state, self.reporter, self.daily, self.steering, self.reload)

        self.generator_view = GeneratorView(self.settings)
        self.generator_view.dayClicked.connect(self.show_row)
        self.generator_view.drawn.connect(lambda settings: self.params.show_generator(self.data, settings))
        self.generator_view.saved.connect(
            lambda path: self.pipeline.say(tr("Saved the plot to {path}").format(path=path))
        )
        self.generator_view.exportFailed.connect(lambda exc: self.reporter.failure(tr("Export"), exc))
        self.top = splitter(Qt.Orientation.Horizontal, [self.day_panel, self.generator_view], (0, 1))
        list_box = QGroupBox(tr("Every daily flower"))
        QVBoxLayout(list_box).addWidget(self.day_list)
        self.bottom = splitter(Qt.Orientation.Horizontal, [list_box, params_box, self.steering], (1,))
        self.main = splitter(Qt.Orientation.Vertical, [self.top, self.bottom], (3, 2))
        # Until the history is read, a line of text: painting empty plots first would
        # only delay the real ones.
        self.reading = QLabel(tr("Reading the daily history…"))
        self.reading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.main.hide()
        self.empty = EmptyState(self.state, "Daily")  # no day yet: the catch-up makes them
        outer = QVBoxLayout(self)
        outer.addWidget(self.empty)
        outer.addLayout(bar)
        outer.addWidget(self.reading, 1)
        outer.addWidget(self.main, 1)
        self.setMinimumSize(780, 580)  # below it the window scrolls

        view = self.generator_view
        order: list[QWidget] = [
            self.empty.button,
            self.prev_button,
            self.date_edit,
            self.next_button,
            self.today_button,
            self.history_button,
            view.overlay,
            view.only_made,
            view.export_button,
            view.pair_x,
            view.pair_y,
            *view.plots,
            self.day_list.wrong_only,
            self.day_list.view,
            self.params.view,
            self.steering.combo,
            self.steering.apply,
            self.steering.start,
            self.steering.extend,
            self.steering.catch_up,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        colors.follow(self.restyle)

    def restyle(self, _scheme: colors.Scheme) -> None:
        if self.row is not None:
            self.show_row(self.row)  # the day's coloured words again

    def _restore(self) -> None:
        s = self.settings
        self.day_list.wrong_only.setChecked(str(s.value("daily/wrong_only", "false")).lower() == "true")
        self.main.setSizes([440, 340])  # until the user moves it (then restored below)
        self.bottom.setSizes([560, 420, 290])
        self.top.setSizes([340, 900])
        for name, split in (("top", self.top), ("bottom", self.bottom), ("main", self.main)):
            remember(split, s, f"daily/split_{name}")

    def heightForWidth(self, width: int) -> int:
        # Word-wrapped labels make the layout report its preferred height for a width;
        # the window's scroll area would then scroll a tab that fits. The minimum size
        # is what must fit; the splitters share the rest.
        return -1

    # ---- data -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the daily history again (in a worker); the day shown stays shown."""
        self.state.runner.run(
            "daily-load",
            daily_jobs.load,
            *self.state.paths(),
            self.state.today(),
            key="daily-load",
            writes=False,
            repeat="latest",
            on_finished=self._loaded,
            context=self,
        )

    def _loaded(self, data: daily_jobs.DailyData) -> None:
        keep = self._wanted or (self.current_day() if self.data is not None else None)
        self.data = data
        if self.main.isHidden():
            self.reading.hide()
            self.main.show()
        self.generator_view.set_data(data)
        self.day_list.set_data(data)
        self.steering.set_data(data, self.state.today())
        self.date_edit.blockSignals(True)
        if len(data):
            self.date_edit.setDateRange(qdate(data.day[0].item()), qdate(data.day[-1].item()))
        self.date_edit.blockSignals(False)
        row = data.index_of(keep) if keep is not None else None
        if row is None:
            row = data.index_of(self.state.today())
        if row is None and len(data):
            row = len(data) - 1
        self._wanted = None
        if row is None:
            self.row = None
            self.day_panel.show_nothing(tr("No daily flower yet: “Catch up now” makes them"))
            self.note.setText(tr("The history will start on {day}").format(day=data.history_start))
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(qdate(self.state.today()))
            self.date_edit.blockSignals(False)
            self.generator_view.show_row(None)
            self._update_nav()
            return
        self.show_row(row)

    def current_day(self) -> dt.date | None:
        if self.data is None or self.row is None:
            return None
        return self.data.day[self.row].item()

    # ---- the day shown -------------------------------------------------------------------

    def show_row(self, row: int) -> None:
        """Show day `row` of the data everywhere: panel, plots, list, date."""
        data = self.data
        if data is None or not 0 <= row < len(data):
            return
        self.row = row
        today = self.state.today()
        self.day_panel.show_day(data, row, today)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(qdate(data.day[row].item()))
        self.date_edit.blockSignals(False)
        self.day_list.select(row)
        self.generator_view.show_row(row)
        self._update_nav()
        day = data.day[row].item()
        self.note.setText(
            tr("The history was simulated from this day on ({days:,} days)").format(days=len(data))
            if day == data.history_start
            else tr("{days:,} days since {day}").format(days=len(data), day=data.history_start)
        )

    def _update_nav(self) -> None:
        n = len(self.data) if self.data is not None else 0
        row = self.row
        has = row is not None
        self.prev_button.setEnabled(row is not None and row > 0)
        self.next_button.setEnabled(row is not None and row < n - 1)
        self.date_edit.setEnabled(n > 0)
        self.today_button.setEnabled(n > 0)
        self.history_button.setEnabled(has)

    def step(self, delta: int) -> None:
        if self.row is not None and self.data is not None:
            self.show_row(max(0, min(len(self.data) - 1, self.row + delta)))

    def show_today(self) -> None:
        if self.data is not None and len(self.data):
            row = self.data.index_of(self.state.today())
            self.show_row(row if row is not None else len(self.data) - 1)

    def show_date(self, day: dt.date) -> bool:
        """Show `day` if it is stored (remembered until the data arrives); False if not."""
        if self.data is None:
            self._wanted = day
            return True
        row = self.data.index_of(day)
        if row is not None:
            self.show_row(row)
        return row is not None

    def _date_picked(self, date: QDate) -> None:
        day = cast(dt.date, date.toPython())  # a QDate gives a date
        if not self.show_date(day):
            self.note.setText(tr("No daily flower on {day}").format(day=day))

    def _day_requested(self, day, tab: str) -> None:
        if tab == "Daily":
            self.show_date(day)

    def show_in_history(self) -> None:
        day = self.current_day()
        if day is not None:
            self.state.dayRequested.emit(day, "History")

    def _open_row_in_history(self, row: int) -> None:
        self.show_row(row)
        self.show_in_history()

    def explain_in_predict(self) -> None:
        """The day shown, explained in Predict in History's view of the past."""
        day = self.current_day()
        if day is not None:
            self.state.explainRequested.emit(day, self.state.history_view)

    def _explain_row(self, row: int) -> None:
        self.show_row(row)
        self.explain_in_predict()

    # ---- steering (the tasks run in self.pipeline) ------------------------------------------

    @property
    def _task(self) -> Task | None:
        """The pipeline task this tab started and follows."""
        return self.pipeline.task

    def catch_up_now(self) -> Task:
        """Catch up every missed day (the menu's action, followed here)."""
        return self.pipeline.catch_up_now()

    def change_generator(self, kind: str) -> Task:
        """Make `kind` the generator of the days to come."""
        return self.pipeline.change_generator(kind)

    def extend_history(self, start: dt.date) -> Task:
        """Start the history on `start` (earlier): generate and predict the days before."""
        return self.pipeline.extend_history(start)
